//! Python 3.11's `json.loads` as AWS CLI v1 uses it (option values, `--cli-input-json`, responses), with its messages.
//!
//! This is a port of CPython's C scanner (`Modules/_json.c`, which `json/decoder.py` and `json/scanner.py`
//! use when it is available, as it is for the reference CLI) in strict mode. Positions in messages count
//! code points, as Python's do: `Expecting ',' delimiter: line 1 column 4 (char 3)`.
//!
//! Python values are represented in a [`serde_json::Value`] as [`crate::python::pyvalue`] says.

use std::fmt;

use serde_json::{Map, Value};

use crate::python::pyvalue::{dict_value, float_value, int_value};

use crate::python::pyrepr;

/// The nesting depth of containers that `json.loads` reaches for an option value of this command
/// before Python's recursion limit stops it (observed: 981 nested containers parse, 982 do not).
pub const PARAMETER_MAX_DEPTH: usize = 981;

/// The same for `--cli-input-json`, which is decoded one Python frame less deep (observed: 982).
pub const CLI_INPUT_JSON_MAX_DEPTH: usize = 982;

/// Python 3.11's default limit on the digits of an integer converted from text.
const INT_MAX_STR_DIGITS: usize = 4300;

/// The `ValueError` message Python 3.11 raises when it converts an integer of `ndigits` decimal digits
/// from text (`int()`, `json.loads`), if that is more than its default limit.
pub(crate) fn int_max_str_digits_error(ndigits: usize) -> Option<String> {
    (ndigits > INT_MAX_STR_DIGITS).then(|| {
        format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {ndigits} \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    })
}

/// Why `json.loads` failed, with Python's message as `Display`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// A `json.JSONDecodeError` (a `ValueError`).
    Decode(JsonDecodeError),
    /// Another `ValueError`: the integer digit limit, or a `UnicodeDecodeError` when decoding bytes.
    Value(String),
    /// A `RecursionError`, which is not a `ValueError`: the CLI does not catch it as a parameter
    /// error but prints it as an unexpected error.
    Recursion(String),
}

impl LoadError {
    /// Whether Python raises this as a `ValueError` (which the CLI turns into `Invalid JSON: ...`).
    pub fn is_value_error(&self) -> bool {
        !matches!(self, LoadError::Recursion(_))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Decode(e) => e.fmt(f),
            LoadError::Value(m) | LoadError::Recursion(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for LoadError {}

/// Python's `json.JSONDecodeError`: `<msg>: line <l> column <c> (char <pos>)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonDecodeError {
    /// The unformatted message, such as `Expecting value`.
    pub msg: &'static str,
    /// The position in code points.
    pub pos: usize,
    /// The 1-based line of `pos`.
    pub lineno: usize,
    /// The 1-based column of `pos` in code points.
    pub colno: usize,
}

impl JsonDecodeError {
    fn new(msg: &'static str, doc: &[u32], pos: usize) -> Self {
        let before = doc.get(..pos).unwrap_or(doc);
        let lineno = before.iter().filter(|&&c| c == u32::from(b'\n')).count() + 1;
        let colno = match before.iter().rposition(|&c| c == u32::from(b'\n')) {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        JsonDecodeError { msg, pos, lineno, colno }
    }
}

impl fmt::Display for JsonDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {} column {} (char {})", self.msg, self.lineno, self.colno, self.pos)
    }
}

/// `json.loads(text)` for a `str`, allowing `max_depth` nested containers.
pub fn loads(text: &str, max_depth: usize) -> Result<Value, LoadError> {
    loads_with(text, max_depth, &Values)
}

/// [`loads`], making Python's objects with `build`.
pub(crate) fn loads_with<B: Build>(text: &str, max_depth: usize, build: &B) -> Result<B::Object, LoadError> {
    let doc: Vec<u32> = text.chars().map(u32::from).collect();
    if doc.first() == Some(&0xFEFF) {
        return Err(LoadError::Decode(JsonDecodeError::new("Unexpected UTF-8 BOM (decode using utf-8-sig)", &doc, 0)));
    }
    decode(&doc, max_depth, build)
}

/// `json.loads(data)` for `bytes`: the encoding is detected as Python's `json.detect_encoding` does
/// (UTF-8, UTF-16 or UTF-32, with or without a BOM) and decoded with `surrogatepass`.
pub fn loads_bytes(data: &[u8], max_depth: usize) -> Result<Value, LoadError> {
    let doc = decode_bytes(data).map_err(|e| LoadError::Value(e.to_string()))?;
    decode(&doc, max_depth, &Values)
}

/// How the decoder makes Python's objects. [`loads`] makes [`Value`]s with [`Values`] (see the module
/// documentation); a caller that needs what a `Value` cannot hold, such as the lone surrogates of
/// response.rs, makes its own.
pub(crate) trait Build: Sync {
    /// A Python object.
    type Object: Send;
    /// `None`.
    fn null(&self) -> Self::Object;
    /// `True` or `False`.
    fn bool(&self, b: bool) -> Self::Object;
    /// An `int`, as its decimal digits: an optional `-`, no leading zero, at most 4300 digits.
    fn int(&self, digits: &str) -> Self::Object;
    /// A `float`, which may be NaN or infinite.
    fn float(&self, x: f64) -> Self::Object;
    /// A `str`, as its code points: escaped surrogate pairs are joined, lone surrogates stay.
    fn str(&self, code_points: Vec<u32>) -> Self::Object;
    /// A `list`.
    fn list(&self, items: Vec<Self::Object>) -> Self::Object;
    /// A `dict` of these items in document order, keys as code points. A repeated key keeps its
    /// first place and takes the last value, as a Python dict does: that is the builder's to do.
    fn dict(&self, items: Vec<(Vec<u32>, Self::Object)>) -> Self::Object;
}

/// Builds [`Value`]s: Python's objects as the module documentation describes them.
pub(crate) struct Values;

impl Build for Values {
    type Object = Value;

    fn null(&self) -> Value {
        Value::Null
    }

    fn bool(&self, b: bool) -> Value {
        Value::Bool(b)
    }

    fn int(&self, digits: &str) -> Value {
        int_value(digits)
    }

    fn float(&self, x: f64) -> Value {
        float_value(x)
    }

    fn str(&self, code_points: Vec<u32>) -> Value {
        Value::String(code_points_to_string(&code_points))
    }

    fn list(&self, items: Vec<Value>) -> Value {
        Value::Array(items)
    }

    fn dict(&self, items: Vec<(Vec<u32>, Value)>) -> Value {
        let mut map = Map::new();
        for (key, value) in items {
            map.insert(code_points_to_string(&key), value);
        }
        dict_value(map)
    }
}

/// `Invalid JSON: <error>\nJSON received: <text>`, the detail of the CLI's message for a JSON value
/// that does not parse (awscli/argprocess.py and awscli/customizations/cliinputjson.py).
pub fn invalid_json_message(error: &LoadError, received: &str) -> String {
    format!("Invalid JSON: {error}\nJSON received: {received}")
}

/// The same when the JSON came as bytes (`fileb://`): Python prints the `bytes` repr, `b'...'`.
pub fn invalid_json_message_bytes(error: &LoadError, received: &[u8]) -> String {
    format!("Invalid JSON: {error}\nJSON received: {}", pyrepr::repr_bytes(received))
}

// ---------------------------------------------------------------------------------------------
// The decoder

/// What stops a scan: Python's `StopIteration` (no value at this position) or a real error.
enum Stop {
    /// `StopIteration(pos)`, which becomes `Expecting value` at `pos`.
    NoValue(usize),
    /// An error to report as it is.
    Error(LoadError),
}

impl From<LoadError> for Stop {
    fn from(e: LoadError) -> Self {
        Stop::Error(e)
    }
}

struct Scanner<'a, B> {
    s: &'a [u32],
    depth: usize,
    max_depth: usize,
    build: &'a B,
}

const QUOTE: u32 = b'"' as u32;
const BACKSLASH: u32 = b'\\' as u32;

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D)
}

fn is_digit(c: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&c)
}

/// Inputs with more brackets than this are parsed on a thread with a stack sized for the deepest
/// nesting the recursion limits allow (the parsers recurse once per level).
pub(crate) const INLINE_NESTING: usize = 64;

/// The stack for deep input: ample for a thousand levels of either parser in a debug build
/// (measured: 4 MiB suffice).
const BIG_STACK: usize = 64 << 20;

/// Runs `f` on a scoped thread with [`BIG_STACK`] bytes of stack (or here if no thread can start).
pub(crate) fn on_big_stack<T: Send>(mut f: impl FnMut() -> T + Send) -> T {
    let spawned = std::thread::scope(|scope| {
        let handle = std::thread::Builder::new().stack_size(BIG_STACK).spawn_scoped(scope, &mut f).ok()?;
        Some(handle.join())
    });
    match spawned {
        Some(Ok(result)) => result,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => f(),
    }
}

fn decode<B: Build>(doc: &[u32], max_depth: usize, build: &B) -> Result<B::Object, LoadError> {
    let nesting = doc.iter().filter(|&&c| c == u32::from(b'[') || c == u32::from(b'{')).count();
    if nesting > INLINE_NESTING {
        return on_big_stack(|| decode_here(doc, max_depth, build));
    }
    decode_here(doc, max_depth, build)
}

fn decode_here<B: Build>(doc: &[u32], max_depth: usize, build: &B) -> Result<B::Object, LoadError> {
    let mut scanner = Scanner { s: doc, depth: 0, max_depth, build };
    let start = scanner.skip_ws(0);
    let (value, end) = match scanner.scan_once(start) {
        Ok(found) => found,
        Err(Stop::NoValue(pos)) => {
            return Err(LoadError::Decode(JsonDecodeError::new("Expecting value", doc, pos)));
        }
        Err(Stop::Error(e)) => return Err(e),
    };
    let end = scanner.skip_ws(end);
    if end != doc.len() {
        return Err(LoadError::Decode(JsonDecodeError::new("Extra data", doc, end)));
    }
    Ok(value)
}

impl<B: Build> Scanner<'_, B> {
    fn at(&self, idx: usize) -> Option<u32> {
        self.s.get(idx).copied()
    }

    fn is(&self, idx: usize, c: u8) -> bool {
        self.at(idx) == Some(u32::from(c))
    }

    fn skip_ws(&self, mut idx: usize) -> usize {
        while self.at(idx).is_some_and(is_ws) {
            idx += 1;
        }
        idx
    }

    fn error(&self, msg: &'static str, pos: usize) -> Stop {
        Stop::Error(LoadError::Decode(JsonDecodeError::new(msg, self.s, pos)))
    }

    fn matches_word(&self, idx: usize, word: &str) -> bool {
        word.bytes().enumerate().all(|(i, b)| self.at(idx + i) == Some(u32::from(b)))
    }

    fn scan_once(&mut self, idx: usize) -> Result<(B::Object, usize), Stop> {
        let Some(c) = self.at(idx) else {
            return Err(Stop::NoValue(idx));
        };
        let len = self.s.len();
        match u8::try_from(c).unwrap_or(0) {
            b'"' => {
                let (text, end) = self.scanstring(idx + 1)?;
                return Ok((self.build.str(text), end));
            }
            b'{' => {
                self.enter("object")?;
                let result = self.parse_object(idx + 1);
                self.depth -= 1;
                return result;
            }
            b'[' => {
                self.enter("array")?;
                let result = self.parse_array(idx + 1);
                self.depth -= 1;
                return result;
            }
            b'n' if idx + 3 < len && self.matches_word(idx, "null") => {
                return Ok((self.build.null(), idx + 4));
            }
            b't' if idx + 3 < len && self.matches_word(idx, "true") => {
                return Ok((self.build.bool(true), idx + 4));
            }
            b'f' if idx + 4 < len && self.matches_word(idx, "false") => {
                return Ok((self.build.bool(false), idx + 5));
            }
            b'N' if idx + 2 < len && self.matches_word(idx, "NaN") => {
                return Ok((self.build.float(f64::NAN), idx + 3));
            }
            b'I' if idx + 7 < len && self.matches_word(idx, "Infinity") => {
                return Ok((self.build.float(f64::INFINITY), idx + 8));
            }
            b'-' if idx + 8 < len && self.matches_word(idx, "-Infinity") => {
                return Ok((self.build.float(f64::NEG_INFINITY), idx + 9));
            }
            _ => {}
        }
        self.match_number(idx)
    }

    fn enter(&mut self, kind: &str) -> Result<(), Stop> {
        if self.depth >= self.max_depth {
            return Err(Stop::Error(LoadError::Recursion(format!(
                "maximum recursion depth exceeded while decoding a JSON {kind} from a unicode string"
            ))));
        }
        self.depth += 1;
        Ok(())
    }

    fn match_number(&self, start: usize) -> Result<(B::Object, usize), Stop> {
        let s = self.s;
        let len = s.len();
        let digit_at = |i: usize| s.get(i).copied().is_some_and(is_digit);
        let mut idx = start;
        if self.is(idx, b'-') {
            idx += 1;
            if idx >= len {
                return Err(Stop::NoValue(start));
            }
        }
        match self.at(idx) {
            Some(c) if (u32::from(b'1')..=u32::from(b'9')).contains(&c) => {
                idx += 1;
                while digit_at(idx) {
                    idx += 1;
                }
            }
            Some(c) if c == u32::from(b'0') => idx += 1,
            _ => return Err(Stop::NoValue(start)),
        }
        let mut is_float = false;
        // `idx < end_idx` in C: a character must follow the one at idx.
        if idx + 1 < len && self.is(idx, b'.') && digit_at(idx + 1) {
            is_float = true;
            idx += 2;
            while digit_at(idx) {
                idx += 1;
            }
        }
        if idx + 1 < len && (self.is(idx, b'e') || self.is(idx, b'E')) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (self.is(idx, b'-') || self.is(idx, b'+')) {
                idx += 1;
            }
            while digit_at(idx) {
                idx += 1;
            }
            if digit_at(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = s.get(start..idx).unwrap_or_default().iter().filter_map(|&c| char::from_u32(c)).collect();
        if is_float {
            let x: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((self.build.float(x), idx));
        }
        if let Some(message) = int_max_str_digits_error(text.trim_start_matches('-').len()) {
            return Err(Stop::Error(LoadError::Value(message)));
        }
        let normalized = if text == "-0" { "0" } else { text.as_str() };
        Ok((self.build.int(normalized), idx))
    }

    fn parse_object(&mut self, start: usize) -> Result<(B::Object, usize), Stop> {
        let mut idx = self.skip_ws(start);
        let mut items = Vec::new();
        if !self.is(idx, b'}') {
            loop {
                if !self.is(idx, b'"') {
                    return Err(self.error("Expecting property name enclosed in double quotes", idx));
                }
                let (key, next) = self.scanstring(idx + 1)?;
                idx = self.skip_ws(next);
                if !self.is(idx, b':') {
                    return Err(self.error("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (value, next) = self.scan_once(idx)?;
                items.push((key, value));
                idx = self.skip_ws(next);
                if self.is(idx, b'}') {
                    break;
                }
                if !self.is(idx, b',') {
                    return Err(self.error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((self.build.dict(items), idx + 1))
    }

    fn parse_array(&mut self, start: usize) -> Result<(B::Object, usize), Stop> {
        let mut idx = self.skip_ws(start);
        let mut values = Vec::new();
        if !self.is(idx, b']') {
            loop {
                let (value, next) = self.scan_once(idx)?;
                values.push(value);
                idx = self.skip_ws(next);
                if self.is(idx, b']') {
                    break;
                }
                if !self.is(idx, b',') {
                    return Err(self.error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((self.build.list(values), idx + 1))
    }

    /// `scanstring(s, end, strict=True)`: `end` is just after the opening quote.
    fn scanstring(&self, mut end: usize) -> Result<(Vec<u32>, usize), Stop> {
        let s = self.s;
        let len = s.len();
        let begin = end - 1;
        let mut out: Vec<u32> = Vec::new();
        loop {
            let mut next = end;
            let mut c = 0;
            while next < len {
                let d = s.get(next).copied().unwrap_or(0);
                c = d;
                if d == QUOTE || d == BACKSLASH {
                    break;
                }
                if d <= 0x1f {
                    return Err(self.error("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len || (c != QUOTE && c != BACKSLASH) {
                return Err(self.error("Unterminated string starting at", begin));
            }
            out.extend_from_slice(s.get(end..next).unwrap_or_default());
            next += 1;
            if c == QUOTE {
                end = next;
                break;
            }
            let Some(esc) = self.at(next) else {
                return Err(self.error("Unterminated string starting at", begin));
            };
            if esc != u32::from(b'u') {
                end = next + 1;
                let decoded = match u8::try_from(esc).unwrap_or(0) {
                    b'"' => b'"',
                    b'\\' => b'\\',
                    b'/' => b'/',
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    _ => return Err(self.error("Invalid \\escape", end - 2)),
                };
                out.push(u32::from(decoded));
            } else {
                next += 1;
                end = next + 4;
                if end >= len {
                    return Err(self.error("Invalid \\uXXXX escape", next - 1));
                }
                let mut c = self.hex4(next).ok_or_else(|| self.error("Invalid \\uXXXX escape", end - 5))?;
                if (0xD800..=0xDBFF).contains(&c) && end + 6 < len && self.is(end, b'\\') && self.is(end + 1, b'u') {
                    let c2 = self.hex4(end + 2).ok_or_else(|| self.error("Invalid \\uXXXX escape", end + 1))?;
                    if (0xDC00..=0xDFFF).contains(&c2) {
                        c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
                        end += 6;
                    }
                }
                out.push(c);
            }
        }
        Ok((out, end))
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let mut value = 0;
        for i in 0..4 {
            let digit = char::from_u32(self.at(at + i)?)?.to_digit(16)?;
            value = (value << 4) | digit;
        }
        Some(value)
    }
}

/// Turns Python code points (which may include surrogates) into a Rust string: surrogate pairs are
/// joined, lone surrogates become U+FFFD.
pub(crate) fn code_points_to_string(cps: &[u32]) -> String {
    chars(cps).map(|c| c.unwrap_or('\u{FFFD}')).collect()
}

/// The Rust string of Python code points whose surrogates all pair up (joined), or `None` when one
/// stands alone: a Rust string cannot hold it.
pub(crate) fn code_points_to_exact_string(cps: &[u32]) -> Option<String> {
    chars(cps).collect()
}

/// The characters of Python code points, surrogate pairs joined; `None` for a lone surrogate.
fn chars(cps: &[u32]) -> impl Iterator<Item = Option<char>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let c = *cps.get(i)?;
        if (0xD800..=0xDBFF).contains(&c)
            && let Some(&c2) = cps.get(i + 1)
            && (0xDC00..=0xDFFF).contains(&c2)
        {
            i += 2;
            return Some(char::from_u32(0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00))));
        }
        i += 1;
        Some(char::from_u32(c))
    })
}

// ---------------------------------------------------------------------------------------------
// bytes -> str as json.loads does it

/// A Python `UnicodeDecodeError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeDecodeError {
    /// The codec's name as Python reports it, such as `utf-8` or `utf-16-le`.
    pub encoding: &'static str,
    /// The byte that starts the bad sequence.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The byte at `start` (printed when the sequence is one byte long).
    pub byte: u8,
    /// Python's reason, such as `invalid start byte`.
    pub reason: &'static str,
}

impl fmt::Display for UnicodeDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.end.saturating_sub(self.start) == 1 {
            write!(
                f,
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                self.encoding, self.byte, self.start, self.reason
            )
        } else {
            write!(
                f,
                "'{}' codec can't decode bytes in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

impl std::error::Error for UnicodeDecodeError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf8Sig,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

/// `json.detect_encoding`.
fn detect_encoding(b: &[u8]) -> Encoding {
    if b.starts_with(&[0, 0, 0xFE, 0xFF]) || b.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Encoding::Utf32;
    }
    if b.starts_with(&[0xFE, 0xFF]) || b.starts_with(&[0xFF, 0xFE]) {
        return Encoding::Utf16;
    }
    if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Encoding::Utf8Sig;
    }
    match b {
        [b0, b1, b2, b3, ..] => {
            if *b0 == 0 {
                return if *b1 != 0 { Encoding::Utf16Be } else { Encoding::Utf32Be };
            }
            if *b1 == 0 {
                return if *b2 != 0 || *b3 != 0 { Encoding::Utf16Le } else { Encoding::Utf32Le };
            }
        }
        [0, _] => return Encoding::Utf16Be,
        [_, 0] => return Encoding::Utf16Le,
        _ => {}
    }
    Encoding::Utf8
}

/// `data.decode(json.detect_encoding(data), 'surrogatepass')`, as code points.
pub(crate) fn decode_bytes(data: &[u8]) -> Result<Vec<u32>, UnicodeDecodeError> {
    match detect_encoding(data) {
        Encoding::Utf8 => decode_utf8_surrogatepass(data, 0),
        Encoding::Utf8Sig => decode_utf8_surrogatepass(data.get(3..).unwrap_or_default(), 0),
        Encoding::Utf16 => {
            let big = data.starts_with(&[0xFE, 0xFF]);
            decode_utf16(data, 2, big)
        }
        Encoding::Utf16Le => decode_utf16(data, 0, false),
        Encoding::Utf16Be => decode_utf16(data, 0, true),
        Encoding::Utf32 => {
            let big = data.starts_with(&[0, 0, 0xFE, 0xFF]);
            decode_utf32(data, 4, big)
        }
        Encoding::Utf32Le => decode_utf32(data, 0, false),
        Encoding::Utf32Be => decode_utf32(data, 0, true),
    }
}

/// `data.decode('utf-8')`: the text, or the `UnicodeDecodeError` Python raises.
pub fn decode_utf8(data: &[u8]) -> Result<&str, UnicodeDecodeError> {
    std::str::from_utf8(data).map_err(|e| utf8_error(data, 0, &e))
}

/// The `UnicodeDecodeError` of CPython's UTF-8 decoder where Rust's stopped with `e` in `data`, which
/// starts at `base` in the whole input.
fn utf8_error(data: &[u8], base: usize, e: &std::str::Utf8Error) -> UnicodeDecodeError {
    let valid = e.valid_up_to();
    let start = base + valid;
    let byte = data.get(valid).copied().unwrap_or(0);
    let (end, reason) = match e.error_len() {
        None => (base + data.len(), "unexpected end of data"),
        Some(n) if matches!(byte, 0x80..=0xC1 | 0xF5..=0xFF) => (start + n, "invalid start byte"),
        Some(n) => (start + n, "invalid continuation byte"),
    };
    UnicodeDecodeError { encoding: "utf-8", start, end, byte, reason }
}

/// UTF-8 with `surrogatepass`, reporting errors as CPython's decoder does (positions relative to
/// `data`, offset by `base`).
fn decode_utf8_surrogatepass(data: &[u8], base: usize) -> Result<Vec<u32>, UnicodeDecodeError> {
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.extend(text.chars().map(u32::from));
                return Ok(out);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                let (good, bad) = rest.split_at(valid);
                out.extend(std::str::from_utf8(good).unwrap_or_default().chars().map(u32::from));
                // surrogatepass: an encoded surrogate (ED A0..BF 80..BF) is let through.
                if let [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] = bad {
                    out.push(0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F));
                    rest = bad.get(3..).unwrap_or_default();
                    offset += valid + 3;
                    continue;
                }
                return Err(utf8_error(rest, base + offset, &e));
            }
        }
    }
}

fn decode_utf16(data: &[u8], skip: usize, big: bool) -> Result<Vec<u32>, UnicodeDecodeError> {
    let encoding = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> Option<u32> {
        let pair = data.get(i..i + 2)?;
        let (a, b) = (u32::from(*pair.first()?), u32::from(*pair.get(1)?));
        Some(if big { (a << 8) | b } else { (b << 8) | a })
    };
    let err = |start: usize, end: usize, reason: &'static str| UnicodeDecodeError {
        encoding,
        start,
        end,
        byte: data.get(start).copied().unwrap_or(0),
        reason,
    };
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut i = skip;
    while i < data.len() {
        let Some(u) = unit(i) else {
            return Err(err(i, data.len(), "truncated data"));
        };
        if !(0xD800..=0xDFFF).contains(&u) {
            out.push(u);
            i += 2;
            continue;
        }
        if u >= 0xDC00 {
            // A lone low surrogate: "illegal encoding", passed by surrogatepass.
            out.push(u);
            i += 2;
            continue;
        }
        match unit(i + 2) {
            Some(u2) if (0xDC00..=0xDFFF).contains(&u2) => {
                out.push(0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00)));
                i += 4;
            }
            Some(_) => {
                // "illegal UTF-16 surrogate", passed by surrogatepass.
                out.push(u);
                i += 2;
            }
            None => {
                // A high surrogate without a following unit: "unexpected end of data", whose
                // first two bytes surrogatepass lets through; a stray odd byte then follows.
                out.push(u);
                i += 2;
            }
        }
    }
    Ok(out)
}

fn decode_utf32(data: &[u8], skip: usize, big: bool) -> Result<Vec<u32>, UnicodeDecodeError> {
    let encoding = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = Vec::with_capacity(data.len() / 4);
    let mut i = skip;
    while i < data.len() {
        let Some(quad) = data.get(i..i + 4) else {
            return Err(UnicodeDecodeError {
                encoding,
                start: i,
                end: data.len(),
                byte: data.get(i).copied().unwrap_or(0),
                reason: "truncated data",
            });
        };
        let mut bytes = [0u8; 4];
        bytes.copy_from_slice(quad);
        let c = if big { u32::from_be_bytes(bytes) } else { u32::from_le_bytes(bytes) };
        if c > 0x10FFFF {
            return Err(UnicodeDecodeError {
                encoding,
                start: i,
                end: i + 4,
                byte: bytes[0],
                reason: "code point not in range(0x110000)",
            });
        }
        out.push(c);
        i += 4;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (JSON option values and `--cli-input-json`).

    use super::*;
    use crate::python::pyvalue::{PySpecial, special};
    use serde_json::json;

    fn load(text: &str) -> Value {
        loads(text, PARAMETER_MAX_DEPTH).expect("valid JSON")
    }

    fn message(text: &str) -> String {
        loads(text, PARAMETER_MAX_DEPTH).expect_err("invalid JSON").to_string()
    }

    fn bytes_message(data: &[u8]) -> String {
        loads_bytes(data, CLI_INPUT_JSON_MAX_DEPTH).expect_err("invalid JSON").to_string()
    }

    #[test]
    fn keeps_the_first_position_and_the_last_value_of_a_repeated_key() {
        let value = load(r#"  {"a": "b", "a": "c", "d": "e"}"#);
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(r#"{"a":"c","d":"e"}"#));
    }

    #[test]
    fn reports_a_missing_value_at_its_position() {
        assert_eq!(message("tru"), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(message("-"), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(message(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(message("\n\n  {\"a\" : }"), "Expecting value: line 3 column 10 (char 11)");
    }

    #[test]
    fn reports_missing_delimiters() {
        assert_eq!(message(r#"{"a": 1"#), "Expecting ',' delimiter: line 1 column 8 (char 7)");
        assert_eq!(message(r#"{"a" 1}"#), "Expecting ':' delimiter: line 1 column 6 (char 5)");
        assert_eq!(message("[1, 2"), "Expecting ',' delimiter: line 1 column 6 (char 5)");
        assert_eq!(message(r#"{"a": [1 2]}"#), "Expecting ',' delimiter: line 1 column 10 (char 9)");
    }

    #[test]
    fn wants_double_quoted_property_names_and_no_trailing_comma() {
        assert_eq!(message("{a: 1}"), "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
        assert_eq!(
            message(r#"{"a": 1,}"#),
            "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"
        );
        assert_eq!(message("{"), "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
    }

    #[test]
    fn reports_extra_data_after_the_document() {
        assert_eq!(message(r#"{"a": "b"} x"#), "Extra data: line 1 column 12 (char 11)");
        assert_eq!(message("{\"a\": 1}\n\n x"), "Extra data: line 3 column 2 (char 11)");
        assert_eq!(message("1."), "Extra data: line 1 column 2 (char 1)");
        assert_eq!(message("01"), "Extra data: line 1 column 2 (char 1)");
    }

    #[test]
    fn counts_lines_and_columns_from_newlines() {
        assert_eq!(message("{\n\"a\": 1,\n\"b\"\n}"), "Expecting ':' delimiter: line 4 column 1 (char 14)");
    }

    #[test]
    fn counts_positions_in_code_points() {
        assert_eq!(message(r#"{"é": "😀", "b": 1 2}"#), "Expecting ',' delimiter: line 1 column 19 (char 18)");
    }

    #[test]
    fn reports_strings_that_do_not_end() {
        assert_eq!(message(r#"{"a": "b"#), "Unterminated string starting at: line 1 column 7 (char 6)");
        assert_eq!(message("{\"a\": \"b\\"), "Unterminated string starting at: line 1 column 7 (char 6)");
    }

    #[test]
    fn rejects_raw_control_characters_in_strings() {
        assert_eq!(message("{\"a\": \"b\nc\"}"), "Invalid control character at: line 1 column 9 (char 8)");
    }

    #[test]
    fn rejects_unknown_escapes() {
        assert_eq!(message(r#"{"a": "\x"}"#), "Invalid \\escape: line 1 column 8 (char 7)");
    }

    #[test]
    fn rejects_short_or_non_hex_unicode_escapes() {
        assert_eq!(message(r#"{"a": "\u12"}"#), "Invalid \\uXXXX escape: line 1 column 9 (char 8)");
        assert_eq!(message(r#"{"a": "\u12G4"}"#), "Invalid \\uXXXX escape: line 1 column 9 (char 8)");
        assert_eq!(message(r#"{"a": "\ud800\uZZZZ"}"#), "Invalid \\uXXXX escape: line 1 column 15 (char 14)");
    }

    #[test]
    fn needs_a_character_after_a_surrogate_pair_escape() {
        assert_eq!(message(r#""\ud83d\ude00"#), "Invalid \\uXXXX escape: line 1 column 9 (char 8)");
        assert_eq!(load(r#""\ud83d\ude00""#), json!("😀"));
    }

    #[test]
    fn replaces_a_lone_surrogate_escape() {
        assert_eq!(load(r#"{"a": "\u00e9\ud800"}"#), json!({"a": "é\u{fffd}"}));
    }

    #[test]
    fn rejects_a_byte_order_mark_in_text() {
        assert_eq!(message("\u{feff}{}"), "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    }

    #[test]
    fn keeps_small_integers_and_floats_apart() {
        let value = load(r#"[1, 1.0, -0.0, 1.5e-7, 1e16, 18446744073709551615]"#);
        let reprs: Vec<String> = value
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| match v.as_f64() {
                Some(x) if v.is_f64() => pyrepr::repr_float(x),
                _ => v.to_string(),
            })
            .collect();
        assert_eq!(reprs, ["1", "1.0", "-0.0", "1.5e-07", "1e+16", "18446744073709551615"]);
    }

    #[test]
    fn keeps_big_integers_as_their_digits() {
        let value = load("123456789012345678901234567890");
        assert_eq!(special(&value), Some(PySpecial::Int("123456789012345678901234567890")));
        assert_eq!(
            special(&value).and_then(|s| crate::python::pyrepr::scalar_repr(&s)).as_deref(),
            Some("123456789012345678901234567890")
        );
    }

    #[test]
    fn accepts_nan_and_infinities_as_special_floats() {
        let value = load("[NaN, Infinity, -Infinity, 1e400]");
        let reprs: Vec<Option<String>> = value
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| special(v).and_then(|s| crate::python::pyrepr::scalar_repr(&s)))
            .collect();
        let expected = ["nan", "inf", "-inf", "inf"].map(|s| Some(s.to_owned()));
        assert_eq!(reprs, expected);
        assert_eq!(pyrepr::tp_name(&value[0], pyrepr::Dicts::Plain), "float");
    }

    #[test]
    fn refuses_integers_of_more_than_4300_digits() {
        assert_eq!(
            message(&"9".repeat(4301)),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(loads(&format!("-{}", "9".repeat(4300)), 10).is_ok());
    }

    #[test]
    fn wraps_a_user_object_that_looks_special() {
        let value = load(r#"{"\u0000py:int": "5"}"#);
        let inner = json!({"\u{0}py:int": "5"});
        assert_eq!(special(&value), inner.as_object().map(PySpecial::Dict));
    }

    #[test]
    fn stops_at_the_recursion_limit_for_option_values() {
        let ok = format!("{{\"a\":{}{}}}", "[".repeat(980), "]".repeat(980));
        assert!(loads(&ok, PARAMETER_MAX_DEPTH).is_ok());
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(981), "]".repeat(981));
        let error = loads(&deep, PARAMETER_MAX_DEPTH).expect_err("too deep");
        assert_eq!(
            error.to_string(),
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
        assert!(!error.is_value_error());
    }

    #[test]
    fn stops_at_the_recursion_limit_for_cli_input_json() {
        let objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        assert!(loads(&objects(982), CLI_INPUT_JSON_MAX_DEPTH).is_ok());
        assert_eq!(
            loads(&objects(983), CLI_INPUT_JSON_MAX_DEPTH).map_err(|e| e.to_string()),
            Err("maximum recursion depth exceeded while decoding a JSON object from a unicode string".to_owned())
        );
        assert!(loads(&"[".repeat(1_000_000), CLI_INPUT_JSON_MAX_DEPTH).is_err());
    }

    #[test]
    fn detects_utf16_with_a_byte_order_mark() {
        let mut data = vec![0xFF, 0xFE];
        for unit in r#"{"Username": "é"}"#.encode_utf16() {
            data.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(loads_bytes(&data, CLI_INPUT_JSON_MAX_DEPTH), Ok(json!({"Username": "é"})));
        assert_eq!(bytes_message(b"\xff\xfe{\x00\"\x00"), "Unterminated string starting at: line 1 column 2 (char 1)");
    }

    #[test]
    fn skips_a_utf8_byte_order_mark_in_bytes() {
        assert_eq!(loads_bytes(b"\xef\xbb\xbf{\"a\": 1}", 10), Ok(json!({"a": 1})));
    }

    #[test]
    fn reports_bytes_that_do_not_decode() {
        assert_eq!(
            bytes_message(b"{\"ClientId\":\"c\",\xff}"),
            "'utf-8' codec can't decode byte 0xff in position 16: invalid start byte"
        );
        assert_eq!(
            bytes_message(b"{\"a\": \"\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 7-8: unexpected end of data"
        );
        assert_eq!(
            bytes_message(b"{\"a\": \"\xe2\x28\xa1\"}"),
            "'utf-8' codec can't decode byte 0xe2 in position 7: invalid continuation byte"
        );
        assert_eq!(
            bytes_message(b"{\x00\x00\x00\xff\xff\xff\x00"),
            "'utf-32-le' codec can't decode bytes in position 4-7: code point not in range(0x110000)"
        );
    }

    #[test]
    fn lets_encoded_surrogates_through_in_bytes() {
        assert_eq!(loads_bytes(b"{\"Username\": \"\xed\xa0\x80\"}", 10), Ok(json!({"Username": "\u{fffd}"})));
    }

    #[test]
    fn builds_the_invalid_json_detail_for_text_and_bytes() {
        let error = loads(r#"{"a": 1"#, PARAMETER_MAX_DEPTH).expect_err("invalid");
        assert_eq!(
            invalid_json_message(&error, r#"{"a": 1"#),
            "Invalid JSON: Expecting ',' delimiter: line 1 column 8 (char 7)\nJSON received: {\"a\": 1"
        );
        let error = loads_bytes(b"\xff\xfe", 10).expect_err("invalid");
        assert_eq!(
            invalid_json_message_bytes(&error, b"\xff\xfe"),
            "Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: b'\\xff\\xfe'"
        );
    }
}
