//! AWS CLI v1's shorthand syntax (`awscli/shorthand.py`): the parser, its errors, the model-driven
//! `BackCompatVisitor`, and a writer that produces shorthand text for a value.
//!
//! The grammar, as awscli 1.46.3 implements it:
//!
//! ```text
//! parameter  = keyval *("," keyval)            ; a repeated top-level key is an error
//! keyval     = key ["@"] "=" values            ; "@=" loads file:// and fileb:// values
//! key        = *[A-Za-z0-9_.#/:-]              ; possibly empty
//! values     = explicit-list / hash-literal / csv-value / ""   (at the end of the input)
//! csv-value  = first-value *("," second-value) ; "a=b,c" is ["b", "c"]; "a=b,c=d" backtracks
//! explicit-list = "[" [explicit-value *("," explicit-value)] "]"
//! hash-literal  = "{" *(key ["@"] "=" explicit-value [","]) "}"
//! explicit-value = explicit-list / hash-literal / first-value
//! first-value  = 'single quoted' / "double quoted" / unquoted value
//! ```
//!
//! Unquoted values are runs of the characters of Python's regular expressions `_FIRST_VALUE` and
//! `_SECOND_VALUE` (no characters above U+FFFF; `\,` is a comma), with trailing whitespace (Python's
//! `str.isspace`) removed. Quoted values end at the first quote that the greedy, backtracking regular
//! expression `'(?:\\'|[^'])*'` leaves; inside them `\'` (or `\"`) and then `\\` are unescaped.
//! Whitespace between tokens is ASCII whitespace (`string.whitespace`). Positions in error messages
//! count code points, as Python's do.
//!
//! Python's recursion limit is part of the observable behaviour for deeply nested input: the parser
//! counts the Python frames that awscli's recursive descent would use and fails with
//! `maximum recursion depth exceeded` where awscli does for nested lists and hashes (observed: 487
//! nested lists and 486 nested hashes parse, one more does not). Python also counts some calls into C
//! once they are specialised, which depends on the interpreter's history; those are modelled only
//! for the calls that dominate in deep input (regular-expression matches and exception creation).

use std::fmt;

use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::{Map, Value};

use crate::redact::REDACTED;

/// Python frames available to the parser below its `parse` call in the reference CLI, calibrated on
/// the thresholds observed for nested lists (487 parse) and nested hashes (486 parse).
pub const MAX_DEPTH: usize = 980;

/// A shorthand syntax error: `ShorthandParseError` and its subclasses in awscli, with their messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShorthandParseError {
    /// `ShorthandParseSyntaxError`: `Expected: '<expected>', received: '<actual>' for input:...`.
    Syntax {
        /// The whole input.
        value: String,
        /// What was expected: a character, or `<second>`, `<singled quoted>`, `<double quoted>`.
        expected: String,
        /// What was found: a character, `EOF` or `<none>`.
        actual: String,
        /// Where, in code points.
        index: usize,
    },
    /// `DuplicateKeyInObjectError`: a top-level key given twice.
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// The whole input.
        value: String,
        /// Where the caret goes, in code points.
        index: usize,
    },
}

impl ShorthandParseError {
    /// `ShorthandParseError._error_location`: the input with a caret line under `index`.
    fn error_location(value: &str, index: usize) -> String {
        let chars: Vec<char> = value.chars().collect();
        let index = index.min(chars.len());
        let (before, after) = chars.split_at(index);
        let num_spaces = match before.iter().rposition(|&c| c == '\n') {
            Some(last_newline) => index - last_newline - 1,
            None => index,
        };
        let (consumed, remaining): (String, String) = match after.iter().position(|&c| c == '\n') {
            Some(offset) => {
                let (c, r) = chars.split_at(index + offset);
                (c.iter().collect(), r.iter().collect())
            }
            None => (value.to_owned(), String::new()),
        };
        format!("{consumed}\n{}^{remaining}", " ".repeat(num_spaces))
    }

    /// The message for a sensitive option's value: the input and its caret line are replaced by
    /// [`REDACTED`], and so is a repeated key when `hide_key` is set (a map's keys are data; a structure's
    /// name its fields). The rest reads as [`Display`](fmt::Display) writes it.
    pub fn redacted(&self, hide_key: bool) -> String {
        let location = REDACTED.to_owned();
        match self {
            ShorthandParseError::Syntax { expected, actual, .. } => Self::syntax_message(expected, actual, &location),
            ShorthandParseError::DuplicateKey { key, .. } => {
                Self::duplicate_key_message(if hide_key { REDACTED } else { key }, &location)
            }
        }
    }

    fn syntax_message(expected: &str, actual: &str, location: &str) -> String {
        format!("Expected: '{expected}', received: '{actual}' for input:\n{location}")
    }

    fn duplicate_key_message(key: &str, location: &str) -> String {
        format!(
            "Second instance of key \"{key}\" encountered for input:\n{location}\nThis is often \
             because there is a preceding \",\" instead of a space."
        )
    }
}

impl fmt::Display for ShorthandParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            ShorthandParseError::Syntax { value, expected, actual, index } => {
                Self::syntax_message(expected, actual, &Self::error_location(value, *index))
            }
            ShorthandParseError::DuplicateKey { key, value, index } => {
                Self::duplicate_key_message(key, &Self::error_location(value, *index))
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for ShorthandParseError {}

/// Why parsing stopped: the errors `ShorthandParser.parse` can raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseFailure {
    /// A shorthand error (which the CLI reports as a parameter error).
    Parse(ShorthandParseError),
    /// A `ResourceLoadingError` from an `@=` file value, with its message (the CLI prints it as is).
    Paramfile(String),
    /// A `RecursionError`, with its message (the CLI prints it as is).
    Recursion(String),
}

impl fmt::Display for ParseFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseFailure::Parse(e) => e.fmt(f),
            ParseFailure::Paramfile(m) | ParseFailure::Recursion(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ParseFailure {}

impl From<ShorthandParseError> for ParseFailure {
    fn from(e: ShorthandParseError) -> Self {
        ParseFailure::Parse(e)
    }
}

/// Loads the value of an `@=` key: awscli's `get_paramfile(value, LOCAL_PREFIX_MAP)`.
pub trait ParamfileResolver: Sync {
    /// The file's content (a string, or a `bytes` value as [`crate::python::pyvalue::bytes_value`] makes it)
    /// when `text` starts with `file://` or `fileb://`; `Ok(None)` otherwise; `Err` with the
    /// `ResourceLoadingError` message when the file cannot be loaded.
    fn resolve(&self, text: &str) -> Result<Option<Value>, String>;
}

/// A resolver for contexts without files: every value stays text.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoParamfiles;

impl ParamfileResolver for NoParamfiles {
    fn resolve(&self, _text: &str) -> Result<Option<Value>, String> {
        Ok(None)
    }
}

/// Parses shorthand text into a value: always an object (a Python `dict`) on success.
pub fn parse(text: &str, paramfiles: &dyn ParamfileResolver) -> Result<Value, ParseFailure> {
    ShorthandParser::new(paramfiles).parse(text)
}

/// awscli's `ShorthandParser`.
pub struct ShorthandParser<'r> {
    paramfiles: &'r dyn ParamfileResolver,
    max_depth: usize,
    input: Vec<char>,
    text: String,
    index: usize,
    should_resolve_paramfiles: bool,
    depth: usize,
}

impl fmt::Debug for ShorthandParser<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShorthandParser")
            .field("max_depth", &self.max_depth)
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

/// An internal failure: a syntax error can be caught by the parser itself (backtracking); the rest
/// propagate.
enum Fail {
    Syntax { expected: String, actual: String, index: usize },
    Out(ParseFailure),
}

type R<T> = Result<T, Fail>;

const PY_FRAME_LIMIT_MESSAGE: &str = "maximum recursion depth exceeded";
const C_CALL_LIMIT_MESSAGE: &str = "maximum recursion depth exceeded while calling a Python object";

impl<'r> ShorthandParser<'r> {
    /// A parser that loads `@=` values through `paramfiles`, with the reference CLI's depth limit.
    pub fn new(paramfiles: &'r dyn ParamfileResolver) -> Self {
        Self::with_max_depth(paramfiles, MAX_DEPTH)
    }

    /// The same with another recursion budget (in Python frames below `parse`).
    pub fn with_max_depth(paramfiles: &'r dyn ParamfileResolver, max_depth: usize) -> Self {
        ShorthandParser {
            paramfiles,
            max_depth,
            input: Vec::new(),
            text: String::new(),
            index: 0,
            should_resolve_paramfiles: false,
            depth: 0,
        }
    }

    /// `ShorthandParser.parse(value)`.
    pub fn parse(&mut self, value: &str) -> Result<Value, ParseFailure> {
        let nesting = value.chars().filter(|c| matches!(c, '[' | '{')).count();
        if nesting > crate::python::pyjson::INLINE_NESTING {
            return crate::python::pyjson::on_big_stack(|| self.parse_here(value));
        }
        self.parse_here(value)
    }

    fn parse_here(&mut self, value: &str) -> Result<Value, ParseFailure> {
        self.input = value.chars().collect();
        self.text = value.to_owned();
        self.index = 0;
        self.should_resolve_paramfiles = false;
        self.depth = 0;
        match self.frame(Self::parameter) {
            Ok(v) => Ok(v),
            Err(Fail::Out(e)) => Err(e),
            Err(Fail::Syntax { expected, actual, index }) => Err(ParseFailure::Parse(ShorthandParseError::Syntax {
                value: value.to_owned(),
                expected,
                actual,
                index,
            })),
        }
    }

    // -- the recursion budget ------------------------------------------------------------------

    /// Runs `f` as one Python frame deeper.
    fn frame<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.depth >= self.max_depth {
            return Err(Fail::Out(ParseFailure::Recursion(PY_FRAME_LIMIT_MESSAGE.to_owned())));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// A call into C that Python counts against the limit (once specialised).
    fn c_call(&self) -> R<()> {
        if self.depth >= self.max_depth {
            return Err(Fail::Out(ParseFailure::Recursion(C_CALL_LIMIT_MESSAGE.to_owned())));
        }
        Ok(())
    }

    /// `raise ShorthandParseSyntaxError(...)`: creating the exception calls the class (counted as a
    /// C call) then `__init__`, `_construct_msg` and `_error_location` (three frames).
    fn syntax_error<T>(&mut self, expected: &str, actual: String, index: usize) -> R<T> {
        self.c_call()?;
        self.depth += 1;
        let budget = self.frame(|p| p.frame(|p| p.frame(|_| Ok(()))));
        self.depth -= 1;
        budget?;
        Err(Fail::Syntax { expected: expected.to_owned(), actual, index })
    }

    // -- helpers -------------------------------------------------------------------------------

    fn current(&mut self) -> R<Option<char>> {
        self.frame(|p| Ok(p.input.get(p.index).copied()))
    }

    fn at_eof(&mut self) -> R<bool> {
        self.frame(|p| Ok(p.index >= p.input.len()))
    }

    fn consume_whitespace(&mut self) -> R<()> {
        self.frame(|p| {
            while let Some(c) = p.current()? {
                if !is_ascii_whitespace(c) {
                    break;
                }
                p.index += 1;
            }
            Ok(())
        })
    }

    fn expect(&mut self, ch: char, consume_whitespace: bool) -> R<()> {
        self.frame(|p| {
            if consume_whitespace {
                p.consume_whitespace()?;
            }
            let index = p.index;
            match p.input.get(index).copied() {
                None => p.syntax_error(&ch.to_string(), "EOF".to_owned(), index),
                Some(actual) if actual != ch => p.syntax_error(&ch.to_string(), actual.to_string(), index),
                Some(_) => {
                    p.index += 1;
                    if consume_whitespace {
                        p.consume_whitespace()?;
                    }
                    Ok(())
                }
            }
        })
    }

    fn backtrack_to(&mut self, ch: char) -> R<()> {
        self.frame(|p| {
            while p.input.get(p.index).is_some_and(|&c| c != ch) {
                if p.index == 0 {
                    break;
                }
                p.index -= 1;
            }
            Ok(())
        })
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.input.get(start..end).unwrap_or_default().iter().collect()
    }

    // -- the grammar -------------------------------------------------------------------------

    fn parameter(&mut self) -> R<Value> {
        let mut params = Map::new();
        let (key, val) = self.frame(Self::keyval)?;
        params.insert(key, val);
        let mut last_index = self.index;
        while self.index < self.input.len() {
            self.expect(',', true)?;
            let (key, val) = self.frame(Self::keyval)?;
            if params.contains_key(&key) {
                // DuplicateKeyInObjectError.__init__ -> _construct_msg -> _error_location.
                self.c_call()?;
                self.depth += 1;
                let budget = self.frame(|p| p.frame(|p| p.frame(|_| Ok(()))));
                self.depth -= 1;
                budget?;
                return Err(Fail::Out(ParseFailure::Parse(ShorthandParseError::DuplicateKey {
                    key,
                    value: self.text.clone(),
                    index: last_index + 1,
                })));
            }
            params.insert(key, val);
            last_index = self.index;
        }
        Ok(Value::Object(params))
    }

    /// `key` then `@=` or `=`; sets whether the values load files.
    fn key_and_equals(&mut self) -> R<String> {
        let key = self.frame(Self::key)?;
        self.should_resolve_paramfiles = false;
        match self.expect('@', true) {
            Ok(()) => self.should_resolve_paramfiles = true,
            Err(Fail::Syntax { .. }) => {}
            Err(e) => return Err(e),
        }
        self.expect('=', true)?;
        Ok(key)
    }

    fn keyval(&mut self) -> R<(String, Value)> {
        let key = self.key_and_equals()?;
        let values = self.frame(Self::values)?;
        Ok((key, values))
    }

    fn key(&mut self) -> R<String> {
        let start = self.index;
        while !self.at_eof()? {
            match self.current()? {
                Some(c) if is_key_char(c) => self.index += 1,
                _ => break,
            }
        }
        Ok(self.slice(start, self.index))
    }

    fn values(&mut self) -> R<Value> {
        if self.at_eof()? {
            return Ok(Value::String(String::new()));
        }
        match self.current()? {
            Some('[') => self.frame(Self::explicit_list),
            Some('{') => self.frame(Self::hash_literal),
            _ => self.frame(Self::csv_value),
        }
    }

    fn csv_value(&mut self) -> R<Value> {
        let first_value = self.frame(Self::first_value)?;
        self.consume_whitespace()?;
        if self.at_eof()? || self.input.get(self.index) != Some(&',') {
            return Ok(first_value);
        }
        self.expect(',', true)?;
        let mut csv_list = vec![first_value.clone()];
        loop {
            let attempt = (|| -> R<bool> {
                let current = self.frame(Self::second_value)?;
                self.consume_whitespace()?;
                if self.at_eof()? {
                    csv_list.push(current);
                    return Ok(true);
                }
                self.expect(',', true)?;
                csv_list.push(current);
                Ok(false)
            })();
            match attempt {
                Ok(true) => break,
                Ok(false) => {}
                Err(Fail::Syntax { expected, actual, index }) => {
                    if self.at_eof()? {
                        return Err(Fail::Syntax { expected, actual, index });
                    }
                    self.backtrack_to(',')?;
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if csv_list.len() == 1 {
            return Ok(first_value);
        }
        Ok(Value::Array(csv_list))
    }

    fn value(&mut self) -> R<Value> {
        let Some(end) = self.frame(|p| p.regex_match(Pattern::First))? else {
            return Ok(Value::String(String::new()));
        };
        let consumed = self.frame(|p| p.consume_matched(end))?;
        let processed = py_rstrip(&consumed.replace("\\,", ",")).to_owned();
        self.maybe_resolve(processed)
    }

    /// `_NamedRegex.match` (the frame and its call into the regular expression engine).
    fn regex_match(&self, pattern: Pattern) -> R<Option<usize>> {
        self.c_call()?;
        let rest = self.input.get(self.index..).unwrap_or_default();
        let len = match pattern {
            Pattern::First => match_unquoted(rest, is_first_follow),
            Pattern::Second => match_unquoted(rest, is_second_follow),
            Pattern::Quoted(q) => match_quoted(rest, q),
        };
        Ok(len.map(|n| self.index + n))
    }

    /// `_consume_matched_regex` (which calls `result.span()`).
    fn consume_matched(&mut self, end: usize) -> R<String> {
        self.c_call()?;
        let v = self.slice(self.index, end);
        self.index = end;
        Ok(v)
    }

    /// `_must_consume_regex`.
    fn must_consume(&mut self, pattern: Pattern) -> R<String> {
        self.frame(|p| match p.frame(|p| p.regex_match(pattern))? {
            Some(end) => p.frame(|p| p.consume_matched(end)),
            None => {
                let index = p.index;
                p.syntax_error(pattern.name(), "<none>".to_owned(), index)
            }
        })
    }

    fn explicit_list(&mut self) -> R<Value> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current()? != Some(']') {
            let val = self.frame(Self::explicit_values)?;
            values.push(val);
            self.consume_whitespace()?;
            if self.current()? != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace()?;
            }
        }
        self.expect(']', false)?;
        Ok(Value::Array(values))
    }

    fn explicit_values(&mut self) -> R<Value> {
        match self.current()? {
            Some('[') => self.frame(Self::explicit_list),
            Some('{') => self.frame(Self::hash_literal),
            _ => self.frame(Self::first_value),
        }
    }

    fn hash_literal(&mut self) -> R<Value> {
        self.expect('{', true)?;
        let mut keyvals = Map::new();
        while self.current()? != Some('}') {
            let key = self.key_and_equals()?;
            let v = self.frame(Self::explicit_values)?;
            self.consume_whitespace()?;
            if self.current()? != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace()?;
            }
            keyvals.insert(key, v);
        }
        self.expect('}', false)?;
        Ok(Value::Object(keyvals))
    }

    fn first_value(&mut self) -> R<Value> {
        match self.current()? {
            Some('\'') => self.frame(|p| p.quoted_value('\'')),
            Some('"') => self.frame(|p| p.quoted_value('"')),
            _ => self.frame(Self::value),
        }
    }

    fn second_value(&mut self) -> R<Value> {
        match self.current()? {
            Some('\'') => self.frame(|p| p.quoted_value('\'')),
            Some('"') => self.frame(|p| p.quoted_value('"')),
            _ => {
                let consumed = self.must_consume(Pattern::Second)?;
                let processed = py_rstrip(&consumed.replace("\\,", ",")).to_owned();
                self.maybe_resolve(processed)
            }
        }
    }

    /// `_single_quoted_value` / `_double_quoted_value`, with `_consume_quoted`.
    fn quoted_value(&mut self, q: char) -> R<Value> {
        let processed = self.frame(|p| {
            let consumed = p.must_consume(Pattern::Quoted(q))?;
            let inner: String = consumed.chars().skip(1).take(consumed.chars().count().saturating_sub(2)).collect();
            Ok(inner.replace(&format!("\\{q}"), &q.to_string()).replace("\\\\", "\\"))
        })?;
        self.maybe_resolve(processed)
    }

    fn maybe_resolve(&mut self, processed: String) -> R<Value> {
        if !self.should_resolve_paramfiles {
            return Ok(Value::String(processed));
        }
        // _resolve_paramfiles -> get_paramfile (which calls `cases.items()`).
        self.frame(|p| {
            p.frame(|p| {
                p.c_call()?;
                match p.paramfiles.resolve(&processed) {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => Ok(Value::String(processed)),
                    Err(message) => Err(Fail::Out(ParseFailure::Paramfile(message))),
                }
            })
        })
    }
}

/// awscli's regular expressions for values.
#[derive(Clone, Copy)]
enum Pattern {
    First,
    Second,
    Quoted(char),
}

impl Pattern {
    /// The name in `Expected: '<name>'` (awscli spells the single-quoted one "singled quoted").
    fn name(self) -> &'static str {
        match self {
            Pattern::First => "<first>",
            Pattern::Second => "<second>",
            Pattern::Quoted('\'') => "<singled quoted>",
            Pattern::Quoted(_) => "<double quoted>",
        }
    }
}

/// The length of the match of `_FIRST_VALUE` (or `_SECOND_VALUE`, by `follow`) at the start of `s`:
/// a start character or `\,`, then follow characters or `\,`, greedily.
fn match_unquoted(s: &[char], follow: fn(char) -> bool) -> Option<usize> {
    let mut i = 0;
    loop {
        let step = match (s.get(i), s.get(i + 1)) {
            (Some('\\'), Some(',')) => 2,
            (Some(&c), _) if (i == 0 && is_start_word(c)) || (i > 0 && follow(c)) => 1,
            _ => break,
        };
        i += step;
    }
    (i > 0).then_some(i)
}

/// The length of the match of `'(?:\\'|[^'])*'` (for quote `q`) at the start of `s`, as Python's
/// backtracking engine finds it: the greedy path takes every `\q` as an escape; if it finds no
/// closing quote, the last such escape's quote closes the string instead.
fn match_quoted(s: &[char], q: char) -> Option<usize> {
    if s.first() != Some(&q) {
        return None;
    }
    let mut i = 1;
    let mut last_escape_quote = None;
    loop {
        match (s.get(i), s.get(i + 1)) {
            (Some('\\'), Some(&c)) if c == q => {
                last_escape_quote = Some(i + 1);
                i += 2;
            }
            (Some(&c), _) if c == q => return Some(i + 1),
            (Some(_), _) => i += 1,
            (None, _) => return last_escape_quote.map(|at| at + 1),
        }
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

/// Python's `string.whitespace`.
fn is_ascii_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Python's `str.isspace` (and `\s` in its regular expressions).
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..=' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// Python's `str.rstrip()`.
pub(crate) fn py_rstrip(s: &str) -> &str {
    s.trim_end_matches(is_py_space)
}

/// Python's `str.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `str.lstrip()`.
pub(crate) fn py_lstrip(s: &str) -> &str {
    s.trim_start_matches(is_py_space)
}

/// `_START_WORD`: `[!#-&(-+\--<>-Z\\-z|-\uffff]`.
fn is_start_word(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='Z' | '\\'..='z' | '|'..='\u{ffff}')
}

/// `_FIRST_FOLLOW_CHARS`: `[\s!#-&(-+\--\\\\^-|~-\uffff]`.
fn is_first_follow(c: char) -> bool {
    is_py_space(c) || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='\\' | '^'..='|' | '~'..='\u{ffff}')
}

/// `_SECOND_FOLLOW_CHARS`: `[\s!#-&(-+\--<>-\uffff]`.
fn is_second_follow(c: char) -> bool {
    is_py_space(c) || matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='\u{ffff}')
}

// ---------------------------------------------------------------------------------------------
// BackCompatVisitor

/// awscli's `BackCompatVisitor.visit(params, model)`: adjusts a parsed value to the model.
///
/// It converts scalars to lists where the model has a list, strings to numbers or booleans where it
/// has those, and rejects document types. The contract's shapes are strings, structures and maps of
/// strings, for which the visitor walks the value and changes nothing: those conversions have no
/// shape to apply to here.
pub fn back_compat_visit(value: &mut Value, shape: &Shape) {
    match &shape.kind {
        ShapeKind::Structure(structure) => {
            if let Value::Object(map) = value {
                for member in structure.members {
                    if let Some(v) = map.get_mut(member.name) {
                        back_compat_visit(v, member.shape);
                    }
                }
            }
        }
        ShapeKind::Map(map_shape) => {
            if let Value::Object(map) = value {
                for v in map.values_mut() {
                    back_compat_visit(v, map_shape.value);
                }
            }
        }
        ShapeKind::String(_) => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The writer

/// Writes shorthand text that [`parse`] reads back to `value`, or `None` when shorthand cannot
/// express it.
///
/// `value` must be a non-empty object whose keys (at every level) use only `A-Z a-z 0-9 - _ . # / :`,
/// made of objects, arrays and strings. Strings are written bare when they can be, otherwise quoted.
/// A quoted string that ends with a backslash needs the rest of the text to be free of its quote
/// character; when neither quote works, the value cannot be written.
pub fn write(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    if map.is_empty() {
        return None;
    }
    let mut pieces = Vec::new();
    for (i, (key, v)) in map.iter().enumerate() {
        if !key.chars().all(is_key_char) {
            return None;
        }
        if i > 0 {
            pieces.push(Piece::Text(",".to_owned()));
        }
        pieces.push(Piece::Text(format!("{key}=")));
        write_value(v, Context::TopLevel, &mut pieces)?;
    }
    render(pieces)
}

enum Piece {
    Text(String),
    Quoted(String),
}

/// Where a value is written: what may follow it and how the parser reads it there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// After `key=` at the top level (`_values`, then `_csv_value`).
    TopLevel,
    /// An element of `[...]`: a leading `]` would end the list.
    ListItem,
    /// After `key=` inside `{...}`.
    HashValue,
}

fn write_value(value: &Value, context: Context, pieces: &mut Vec<Piece>) -> Option<()> {
    match value {
        Value::String(s) => {
            match bare(s, context) {
                Some(text) => pieces.push(Piece::Text(text)),
                None => pieces.push(Piece::Quoted(s.clone())),
            }
            Some(())
        }
        Value::Array(items) => {
            pieces.push(Piece::Text("[".to_owned()));
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    pieces.push(Piece::Text(",".to_owned()));
                }
                write_value(item, Context::ListItem, pieces)?;
            }
            pieces.push(Piece::Text("]".to_owned()));
            Some(())
        }
        Value::Object(map) => {
            pieces.push(Piece::Text("{".to_owned()));
            for (i, (key, v)) in map.iter().enumerate() {
                if !key.chars().all(is_key_char) {
                    return None;
                }
                if i > 0 {
                    pieces.push(Piece::Text(",".to_owned()));
                }
                pieces.push(Piece::Text(format!("{key}=")));
                write_value(v, Context::HashValue, pieces)?;
            }
            pieces.push(Piece::Text("}".to_owned()));
            Some(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// The unquoted spelling of `s`, if `_FIRST_VALUE` reads it back: commas escaped, a space after a
/// final backslash (so that it does not escape the comma that may follow; `rstrip` removes it).
fn bare(s: &str, context: Context) -> Option<String> {
    let mut chars = s.chars();
    let first = chars.next()?;
    if !(first == ',' || is_start_word(first)) || (context == Context::ListItem && first == ']') {
        return None;
    }
    if !chars.all(|c| c == ',' || is_first_follow(c)) {
        return None;
    }
    if s.ends_with(is_py_space) {
        return None;
    }
    let mut out = s.replace(',', "\\,");
    if out.ends_with('\\') {
        out.push(' ');
    }
    Some(out)
}

/// The two quote characters, as bits of a set: `"` is 1, `'` is 2.
const QUOTES: [(char, u8); 2] = [('"', 1), ('\'', 2)];

/// The quote characters in `s`, as a set.
fn quotes_in(s: &str) -> u8 {
    QUOTES.iter().filter(|(q, _)| s.contains(*q)).fold(0, |set, (_, bit)| set | bit)
}

/// Chooses the quote of every quoted string. A quoted string that ends with a backslash ends where
/// Python's regular expression backtracks to, which is its own closing quote only if that quote
/// character does not occur anywhere after it; bare text never holds quotes, so the choice is a
/// search over which quote characters the rest of the text holds, made from the end backwards.
fn render(pieces: Vec<Piece>) -> Option<String> {
    // best[i][set]: the fewest escaped quotes for the pieces from i on, given that their text holds
    // the quote characters `set`, with the quote used for piece i and the set of the text after it.
    let mut best: Vec<[Option<(usize, usize, u8)>; 4]> = vec![[None; 4]; pieces.len()];
    let mut after: [Option<usize>; 4] = [Some(0), None, None, None];
    for (i, piece) in pieces.iter().enumerate().rev() {
        let mut here: [Option<usize>; 4] = [None; 4];
        for from in 0..4u8 {
            let Some(cost_after) = after.get(usize::from(from)).copied().flatten() else {
                continue;
            };
            let options: Vec<(usize, usize, u8)> = match piece {
                Piece::Text(_) => vec![(0, 0, from)],
                Piece::Quoted(s) => QUOTES
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, bit))| !(s.ends_with('\\') && from & bit != 0))
                    .map(|(q, (c, bit))| (q, s.matches(*c).count(), from | bit | quotes_in(s)))
                    .collect(),
            };
            for (q, escapes, set) in options {
                let cost = cost_after + escapes;
                let slot = best.get_mut(i).and_then(|b| b.get_mut(usize::from(set)));
                let known = here.get_mut(usize::from(set));
                if let (Some(slot), Some(known)) = (slot, known)
                    && known.is_none_or(|c| cost < c)
                {
                    *known = Some(cost);
                    *slot = Some((cost, q, from));
                }
            }
        }
        after = here;
    }
    // Start from the cheapest set the whole text can have, then follow the choices forwards.
    let mut set = (0..4u8)
        .filter_map(|set| after.get(usize::from(set)).copied().flatten().map(|cost| (cost, set)))
        .min()
        .map(|(_, set)| set)?;
    let mut out = String::new();
    for (i, piece) in pieces.into_iter().enumerate() {
        let (_, q, from) = best.get(i)?.get(usize::from(set)).copied().flatten()?;
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Quoted(s) => {
                let (quote, _) = QUOTES.get(q)?;
                let escaped = s.replace('\\', "\\\\").replace(*quote, &format!("\\{quote}"));
                out.push(*quote);
                out.push_str(&escaped);
                out.push(*quote);
            }
        }
        set = from;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (as `--client-metadata` / `--user-context-data`
    //! values: the request body, the validation message's repr, or the parse error).

    use super::*;
    use serde_json::json;

    fn parsed(text: &str) -> Value {
        parse(text, &NoParamfiles).expect("parses")
    }

    fn error(text: &str) -> String {
        parse(text, &NoParamfiles).expect_err("fails").to_string()
    }

    /// Values compared with their key order.
    fn same(a: &Value, b: &Value) -> bool {
        serde_json::to_string(a).ok() == serde_json::to_string(b).ok()
    }

    #[test]
    fn parses_a_key_and_a_value() {
        assert!(same(&parsed("a=b"), &json!({"a": "b"})));
    }

    #[test]
    fn parses_several_keys_in_order() {
        assert!(same(&parsed("b=1,a=2"), &json!({"b": "1", "a": "2"})));
    }

    #[test]
    fn reads_a_comma_separated_value_as_a_list() {
        assert_eq!(parsed("a=1,b"), json!({"a": ["1", "b"]}));
    }

    #[test]
    fn ends_a_list_where_the_next_key_starts() {
        assert_eq!(parsed("a=b,c,d=e"), json!({"a": ["b", "c"], "d": "e"}));
        assert_eq!(parsed("a=b,c=d,e"), json!({"a": "b", "c": ["d", "e"]}));
    }

    #[test]
    fn takes_an_empty_value_at_the_end_or_before_a_comma() {
        assert_eq!(parsed("a="), json!({"a": ""}));
        assert_eq!(parsed("a=,b=c"), json!({"a": "", "b": "c"}));
    }

    #[test]
    fn accepts_an_empty_key() {
        assert_eq!(parsed("=b"), json!({"": "b"}));
    }

    #[test]
    fn accepts_every_key_character() {
        assert_eq!(parsed("a.b-c_d#e/f:g=1"), json!({"a.b-c_d#e/f:g": "1"}));
    }

    #[test]
    fn parses_explicit_lists_with_whitespace() {
        assert_eq!(parsed("a=[ b , c ]"), json!({"a": ["b", "c"]}));
        assert_eq!(parsed("a=[]"), json!({"a": []}));
    }

    #[test]
    fn ignores_a_trailing_comma_in_a_list_but_keeps_an_empty_first_element() {
        assert_eq!(parsed("a=[b,]"), json!({"a": ["b"]}));
        assert_eq!(parsed("a=[,]"), json!({"a": [""]}));
    }

    #[test]
    fn keeps_spaces_and_equals_signs_inside_list_elements() {
        assert_eq!(parsed("a=[b c]"), json!({"a": ["b c"]}));
        assert_eq!(parsed("a=[b,c=d]"), json!({"a": ["b", "c=d"]}));
    }

    #[test]
    fn parses_nested_lists_and_hashes() {
        assert_eq!(parsed("a=[[b],[c,[d]]]"), json!({"a": [["b"], ["c", ["d"]]]}));
        assert_eq!(parsed("a={b=[c,{d=e}]}"), json!({"a": {"b": ["c", {"d": "e"}]}}));
        assert_eq!(parsed("a={b={c={}}}"), json!({"a": {"b": {"c": {}}}}));
    }

    #[test]
    fn lets_a_repeated_key_inside_a_hash_take_the_last_value() {
        assert_eq!(parsed("a={b=c,b=d}"), json!({"a": {"b": "d"}}));
    }

    #[test]
    fn keeps_commas_inside_quotes() {
        assert_eq!(parsed("a='b,c'"), json!({"a": "b,c"}));
        assert_eq!(parsed("a=\"b,c\""), json!({"a": "b,c"}));
    }

    #[test]
    fn unescapes_the_quote_and_backslashes_inside_quotes() {
        assert_eq!(parsed(r"a='it\'s'"), json!({"a": "it's"}));
        assert_eq!(parsed(r#"a="say \"hi\"""#), json!({"a": "say \"hi\""}));
        assert_eq!(parsed(r"a='x\\y'"), json!({"a": "x\\y"}));
    }

    #[test]
    fn leaves_the_other_quote_escaped_inside_single_quotes() {
        assert_eq!(parsed(r#"a='x\"y'"#), json!({"a": "x\\\"y"}));
    }

    #[test]
    fn reads_empty_quoted_strings() {
        assert_eq!(parsed("a=''"), json!({"a": ""}));
        assert_eq!(parsed("a=\"\""), json!({"a": ""}));
    }

    #[test]
    fn unescapes_a_comma_and_keeps_other_backslashes_in_bare_values() {
        assert_eq!(parsed(r"a=b\,c"), json!({"a": "b,c"}));
        assert_eq!(parsed(r"a=b\c"), json!({"a": "b\\c"}));
        assert_eq!(parsed(r"a=\,b"), json!({"a": ",b"}));
        assert_eq!(parsed(r"a=b\\,c"), json!({"a": "b\\,c"}));
    }

    #[test]
    fn strips_ascii_whitespace_around_values() {
        assert_eq!(parsed("a= b"), json!({"a": "b"}));
        assert_eq!(parsed("a=b "), json!({"a": "b"}));
        assert_eq!(parsed("a\t=\tb"), json!({"a": "b"}));
        assert_eq!(parsed("a=b\n"), json!({"a": "b"}));
        assert_eq!(parsed("a=b, c=d"), json!({"a": "b", "c": "d"}));
    }

    #[test]
    fn strips_unicode_whitespace_only_at_the_end_of_a_value() {
        assert_eq!(parsed("a=b\u{a0}"), json!({"a": "b"}));
        assert_eq!(parsed("a=\u{a0}b"), json!({"a": "\u{a0}b"}));
        assert_eq!(parsed("a=b\u{3000},c=d"), json!({"a": "b", "c": "d"}));
        assert_eq!(parsed("a=b\u{1f}"), json!({"a": "b"}));
    }

    #[test]
    fn keeps_inner_spaces_and_equals_signs_in_bare_values() {
        assert_eq!(parsed("a=b c"), json!({"a": "b c"}));
        assert_eq!(parsed("a=b=c"), json!({"a": "b=c"}));
    }

    #[test]
    fn accepts_closing_brackets_at_the_start_of_a_value() {
        assert_eq!(parsed("a=]"), json!({"a": "]"}));
        assert_eq!(parsed("a=}b"), json!({"a": "}b"}));
    }

    #[test]
    fn keeps_non_ascii_and_combining_marks_in_bare_values() {
        assert_eq!(parsed("a=é"), json!({"a": "é"}));
        assert_eq!(parsed("a=e\u{301}"), json!({"a": "e\u{301}"}));
    }

    #[test]
    fn accepts_astral_characters_only_inside_quotes() {
        assert_eq!(parsed("a='😀'"), json!({"a": "😀"}));
        assert_eq!(error("a=😀"), "Expected: ',', received: '😀' for input:\na=😀\n  ^");
    }

    #[test]
    fn reads_a_quoted_second_list_element() {
        assert_eq!(parsed("a=b,'c'"), json!({"a": ["b", "c"]}));
    }

    #[test]
    fn reads_a_list_across_a_newline() {
        assert_eq!(parsed("a=b,\nc"), json!({"a": ["b", "c"]}));
    }

    #[test]
    fn accepts_whitespace_around_at_equals() {
        assert_eq!(parsed("a @= b"), json!({"a": "b"}));
    }

    #[test]
    fn a_redacted_error_hides_the_input_and_its_caret_line_and_keeps_the_rest() {
        // Ours: awscli prints the input and the caret line (as `error` shows) for every option.
        let failure = parse("IpAddress=192.0.2.1,", &NoParamfiles).expect_err("a trailing comma");
        let ParseFailure::Parse(e) = failure else { panic!("a syntax error: {failure:?}") };

        assert_eq!(e.redacted(false), format!("Expected: '<second>', received: '<none>' for input:\n{REDACTED}"));
        assert_eq!(e.redacted(true), e.redacted(false));
        assert!(e.to_string().ends_with("for input:\nIpAddress=192.0.2.1,\n                    ^"), "{e}");
    }

    #[test]
    fn a_redacted_duplicate_key_error_hides_the_key_only_when_asked() {
        let failure = parse("k=secret,k=other", &NoParamfiles).expect_err("a repeated key");
        let ParseFailure::Parse(e) = failure else { panic!("a duplicate key: {failure:?}") };
        let rest = "\nThis is often because there is a preceding \",\" instead of a space.";

        assert_eq!(e.redacted(false), format!("Second instance of key \"k\" encountered for input:\n{REDACTED}{rest}"));
        assert_eq!(
            e.redacted(true),
            format!("Second instance of key \"{REDACTED}\" encountered for input:\n{REDACTED}{rest}")
        );
    }

    #[test]
    fn rejects_a_key_without_a_value() {
        assert_eq!(error("a"), "Expected: '=', received: 'EOF' for input:\na\n ^");
    }

    #[test]
    fn rejects_empty_input_with_a_caret_on_its_own_line() {
        assert_eq!(error(""), "Expected: '=', received: 'EOF' for input:\n\n^");
    }

    #[test]
    fn rejects_a_trailing_comma_after_a_value() {
        assert_eq!(error("a=b,"), "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^");
        assert_eq!(error("a=b,c,"), "Expected: '<second>', received: '<none>' for input:\na=b,c,\n      ^");
    }

    #[test]
    fn rejects_two_commas_in_a_row() {
        assert_eq!(error("a=b,,c"), "Expected: '=', received: 'EOF' for input:\na=b,,c\n      ^");
    }

    #[test]
    fn rejects_unclosed_lists_and_hashes() {
        assert_eq!(error("a=[b"), "Expected: ',', received: 'EOF' for input:\na=[b\n    ^");
        assert_eq!(error("a={b=c"), "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^");
    }

    #[test]
    fn names_the_quoted_patterns_as_awscli_spells_them() {
        assert_eq!(error("a='b"), "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^");
        assert_eq!(error("a=\"b"), "Expected: '<double quoted>', received: '<none>' for input:\na=\"b\n  ^");
    }

    #[test]
    fn rejects_a_hash_entry_without_equals() {
        assert_eq!(error("a={b}"), "Expected: '=', received: '}' for input:\na={b}\n    ^");
    }

    #[test]
    fn rejects_text_after_a_closed_value() {
        assert_eq!(error("a=b]"), "Expected: ',', received: ']' for input:\na=b]\n   ^");
        assert_eq!(error("a=[b]x"), "Expected: ',', received: 'x' for input:\na=[b]x\n     ^");
        assert_eq!(error("a={b=c}d"), "Expected: ',', received: 'd' for input:\na={b=c}d\n       ^");
        assert_eq!(error("a=\"b\"c"), "Expected: ',', received: 'c' for input:\na=\"b\"c\n     ^");
        assert_eq!(error("a='b'\\"), "Expected: ',', received: '\\' for input:\na='b'\\\n     ^");
    }

    #[test]
    fn rejects_a_key_with_a_space_or_a_non_ascii_letter() {
        assert_eq!(error("a b=c"), "Expected: '=', received: 'b' for input:\na b=c\n  ^");
        assert_eq!(error("é=1"), "Expected: '=', received: 'é' for input:\né=1\n^");
    }

    #[test]
    fn does_not_skip_leading_whitespace_before_the_first_key() {
        assert_eq!(error(" a=b"), "Expected: '=', received: 'a' for input:\n a=b\n ^");
    }

    #[test]
    fn treats_only_ascii_whitespace_as_a_separator() {
        assert_eq!(error("a\u{a0}=b"), "Expected: '=', received: '\u{a0}' for input:\na\u{a0}=b\n ^");
    }

    #[test]
    fn stops_a_bare_value_at_a_control_character() {
        assert_eq!(error("a=b\u{1}"), "Expected: ',', received: '\u{1}' for input:\na=b\u{1}\n   ^");
    }

    #[test]
    fn backtracks_into_a_quoted_list_element_like_awscli() {
        assert_eq!(error("a=b,'x,y'z"), "Expected: '=', received: ''' for input:\na=b,'x,y'z\n        ^");
        assert_eq!(error("a=b,\"c"), "Expected: '=', received: '\"' for input:\na=b,\"c\n    ^");
    }

    #[test]
    fn closes_a_quoted_value_ending_in_a_backslash_at_a_later_quote() {
        assert_eq!(parsed(r#"a="x\\""#), json!({"a": "x\\"}));
        assert_eq!(
            error(r#"a="x\\",b="y""#),
            "Expected: ',', received: 'y' for input:\na=\"x\\\\\",b=\"y\"\n           ^"
        );
    }

    #[test]
    fn reports_a_repeated_top_level_key() {
        assert_eq!(
            error("a=b,a=c"),
            "Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\nThis is often \
             because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn places_the_repeated_key_caret_after_the_previous_value() {
        assert_eq!(
            error("a=b ,a=c"),
            "Second instance of key \"a\" encountered for input:\na=b ,a=c\n     ^\nThis is often \
             because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn splits_multi_line_input_around_the_caret() {
        assert_eq!(error("ab c=d\nx=y"), "Expected: '=', received: 'c' for input:\nab c=d\n   ^\nx=y");
    }

    #[test]
    fn counts_the_caret_column_from_the_last_newline() {
        assert_eq!(error("a=\nb,c=[d"), "Expected: ',', received: 'EOF' for input:\na=\nb,c=[d\n      ^");
    }

    #[test]
    fn counts_the_caret_column_in_code_points() {
        assert_eq!(error("a=[é"), "Expected: ',', received: 'EOF' for input:\na=[é\n    ^");
        assert_eq!(error("a=['😀'"), "Expected: ',', received: 'EOF' for input:\na=['😀'\n      ^");
    }

    struct Files;

    impl ParamfileResolver for Files {
        fn resolve(&self, text: &str) -> Result<Option<Value>, String> {
            match text {
                "file://f1" => Ok(Some(json!("hello\n"))),
                "fileb://f3" => Ok(Some(crate::python::pyvalue::bytes_value(b"\xff\x00"))),
                "file://missing" => {
                    Err("Unable to load paramfile file://missing: [Errno 2] No such file or directory: 'missing'"
                        .to_owned())
                }
                _ => Ok(None),
            }
        }
    }

    fn with_files(text: &str) -> Result<Value, ParseFailure> {
        parse(text, &Files)
    }

    #[test]
    fn loads_files_only_after_at_equals() {
        assert_eq!(with_files("a@=file://f1"), Ok(json!({"a": "hello\n"})));
        assert_eq!(with_files("a=file://f1"), Ok(json!({"a": "file://f1"})));
    }

    #[test]
    fn loads_binary_files_as_bytes() {
        let value = with_files("a@=fileb://f3").expect("parses");
        let bytes = value.get("a").and_then(crate::python::pyvalue::special);
        assert_eq!(bytes, Some(crate::python::pyvalue::PySpecial::Bytes(vec![0xff, 0])));
    }

    #[test]
    fn loads_every_element_of_an_at_equals_list() {
        assert_eq!(with_files("a@=[file://f1, y]"), Ok(json!({"a": ["hello\n", "y"]})));
        assert_eq!(with_files("a@=x,file://f1"), Ok(json!({"a": ["x", "hello\n"]})));
    }

    #[test]
    fn does_not_load_files_for_inner_keys_without_at() {
        assert_eq!(with_files("a@={b=file://f1}"), Ok(json!({"a": {"b": "file://f1"}})));
    }

    #[test]
    fn reports_a_missing_file_as_a_resource_loading_error() {
        assert_eq!(
            with_files("a@=file://missing"),
            Err(ParseFailure::Paramfile(
                "Unable to load paramfile file://missing: [Errno 2] No such file or directory: 'missing'".to_owned()
            ))
        );
    }

    fn nested_lists(n: usize) -> String {
        format!("a={}{}", "[".repeat(n), "]".repeat(n))
    }

    fn nested_hashes(n: usize) -> String {
        format!("a={}b{}", "{a=".repeat(n), "}".repeat(n))
    }

    #[test]
    fn parses_lists_nested_as_deep_as_awscli_can() {
        assert!(parse(&nested_lists(487), &NoParamfiles).is_ok());
        assert_eq!(
            parse(&nested_lists(488), &NoParamfiles),
            Err(ParseFailure::Recursion("maximum recursion depth exceeded".to_owned()))
        );
    }

    #[test]
    fn parses_hashes_nested_as_deep_as_awscli_can() {
        assert!(parse(&nested_hashes(486), &NoParamfiles).is_ok());
        assert_eq!(
            parse(&nested_hashes(487), &NoParamfiles),
            Err(ParseFailure::Recursion("maximum recursion depth exceeded".to_owned()))
        );
    }

    #[test]
    fn survives_very_deep_and_very_long_input() {
        let deep = format!("a={}", "[".repeat(100_000));
        assert!(matches!(parse(&deep, &NoParamfiles), Err(ParseFailure::Recursion(_))));
        let long = format!("a={}", "x,".repeat(50_000));
        assert!(matches!(parse(&long, &NoParamfiles), Err(ParseFailure::Parse(_))));
        let wide = format!("a={}b", "x".repeat(200_000));
        assert_eq!(parsed(&wide).get("a").and_then(Value::as_str).map(str::len), Some(200_001));
    }

    #[test]
    fn back_compat_visit_leaves_the_contract_shapes_alone() {
        let shape = cognito_idp_client::contract::INPUT;
        let mut value = json!({"ClientMetadata": {"a": ["1", "b"]}, "UserContextData": {"IpAddress": "x"}});
        let before = value.clone();
        back_compat_visit(&mut value, shape);
        assert_eq!(value, before);
    }

    // -- the writer --------------------------------------------------------------------------

    #[test]
    fn writes_simple_values_bare() {
        let value = json!({"a": "b", "c": ["d", "e"], "f": {"g": "h"}});
        assert_eq!(write(&value).as_deref(), Some("a=b,c=[d,e],f={g=h}"));
    }

    #[test]
    fn writes_commas_escaped_and_awkward_strings_quoted() {
        let value = json!({"a": "x,y", "b": "", "c": " lead", "d": "😀", "e": "it's"});
        let text = write(&value).expect("writable");
        assert_eq!(text, r#"a=x\,y,b="",c=" lead",d="😀",e="it's""#);
        assert!(same(&parsed(&text), &value));
    }

    #[test]
    fn writes_a_final_backslash_with_a_space_after_it() {
        let value = json!({"a": "x\\", "b": "y"});
        let text = write(&value).expect("writable");
        assert_eq!(text, "a=x\\ ,b=y");
        assert!(same(&parsed(&text), &value));
    }

    #[test]
    fn refuses_what_shorthand_cannot_spell() {
        assert_eq!(write(&json!({})), None);
        assert_eq!(write(&json!({"a b": "c"})), None);
        assert_eq!(write(&json!({"a": 1})), None);
        assert_eq!(write(&json!(["a"])), None);
        // Both quotes follow a quoted string that ends in a backslash.
        assert_eq!(write(&json!({"a": "😀\\", "b": "'\""})), None);
    }

    /// A small deterministic generator (SplitMix64).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % (n as u64)).unwrap_or(0)
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    const PIECES: &[&str] = &[
        "a", "b", "Z", "0", " ", "  ", ",", "=", "'", "\"", "\\", "\\,", "[", "]", "{", "}", "\n", "\t", "\r", "é",
        "e\u{301}", "😀", "𝄞", "\u{a0}", "\u{3000}", "\u{1f}", "\u{1}", "@", "#", ":", "/", "-", ".", "|", "~", "^",
        "`", "$", "!", "(", "+", "<", ">", "?", "file://x", "\u{ffff}", "\u{feff}", "\u{200b}",
    ];

    fn random_string(rng: &mut Rng) -> String {
        let len = *rng.pick(&[0, 1, 1, 2, 3, 5, 8]);
        (0..len).map(|_| *rng.pick(PIECES)).collect()
    }

    fn random_key(rng: &mut Rng) -> String {
        let len = rng.below(4);
        let key: String = (0..len).map(|_| *rng.pick(&["a", "B", "7", "-", "_", ".", "#", "/", ":"])).collect();
        if rng.below(50) == 0 { format!("{key} ") } else { key }
    }

    fn random_value(rng: &mut Rng, depth: usize) -> Value {
        match rng.below(if depth >= 3 { 1 } else { 6 }) {
            0..=2 => Value::String(random_string(rng)),
            3 | 4 => Value::Array((0..rng.below(4)).map(|_| random_value(rng, depth + 1)).collect()),
            _ => {
                let mut map = Map::new();
                for _ in 0..rng.below(4) {
                    map.insert(random_key(rng), random_value(rng, depth + 1));
                }
                Value::Object(map)
            }
        }
    }

    fn keys_are_writable(value: &Value) -> bool {
        match value {
            Value::Array(items) => items.iter().all(keys_are_writable),
            Value::Object(map) => map.iter().all(|(k, v)| k.chars().all(is_key_char) && keys_are_writable(v)),
            _ => true,
        }
    }

    /// Whether some choice of quotes (bare strings kept bare) spells `value`: tries them all.
    fn any_quoting_reads_back(value: &Value) -> bool {
        let Some(map) = value.as_object() else { return false };
        let mut pieces = Vec::new();
        for (i, (key, v)) in map.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text(",".to_owned()));
            }
            pieces.push(Piece::Text(format!("{key}=")));
            if write_value(v, Context::TopLevel, &mut pieces).is_none() {
                return false;
            }
        }
        let quoted = pieces.iter().filter(|p| matches!(p, Piece::Quoted(_))).count();
        assert!(quoted <= 16, "too many quoted strings to try: {quoted}");
        (0..1u32 << quoted).any(|choice| {
            let mut text = String::new();
            let mut n = 0;
            for piece in &pieces {
                match piece {
                    Piece::Text(t) => text.push_str(t),
                    Piece::Quoted(s) => {
                        let quote = if choice >> n & 1 == 0 { '"' } else { '\'' };
                        n += 1;
                        let escaped = s.replace('\\', "\\\\").replace(quote, &format!("\\{quote}"));
                        text.push(quote);
                        text.push_str(&escaped);
                        text.push(quote);
                    }
                }
            }
            parse(&text, &NoParamfiles).is_ok_and(|back| same(&back, value))
        })
    }

    #[test]
    fn chooses_quotes_so_that_a_final_backslash_closes_its_string() {
        let value = json!({"a": "😀\\", "b": "😀", "c": "'"});
        let text = write(&value).expect("writable");
        assert_eq!(text, r#"a="😀\\",b='😀',c='\''"#);
        assert!(same(&parsed(&text), &value));
    }

    #[test]
    fn written_text_parses_back_to_the_same_value() {
        let mut rng = Rng(0x5eed_2024);
        let mut written = 0;
        for case in 0..20_000 {
            let mut map = Map::new();
            for _ in 0..=rng.below(4) {
                map.insert(random_key(&mut rng), random_value(&mut rng, 0));
            }
            let value = Value::Object(map);
            match write(&value) {
                Some(text) => {
                    written += 1;
                    let back = parse(&text, &NoParamfiles);
                    assert!(
                        back.as_ref().is_ok_and(|b| same(b, &value)),
                        "case {case}: {value} was written as {text:?} and read back as {back:?}"
                    );
                }
                None => assert!(
                    !keys_are_writable(&value) || !any_quoting_reads_back(&value),
                    "case {case}: {value} should be writable"
                ),
            }
        }
        assert!(written > 18_000, "only {written} of 20000 values were written");
    }
}
