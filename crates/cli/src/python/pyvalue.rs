//! How Python values are held in a [`serde_json::Value`], for the values a JSON document cannot hold
//! (`json.loads` makes them, the shorthand parser and `fileb://` too; validation, reprs and the request
//! serializer read them).
//!
//! - `str` is a [`Value::String`]. Python strings may hold lone surrogates (from `\ud800` escapes, or
//!   from bytes decoded with `surrogatepass`); Rust strings cannot. Two adjacent surrogates that form a
//!   pair become the character they encode (the CLI serialises requests with `ensure_ascii`, so the
//!   same bytes go on the wire), and a lone surrogate becomes U+FFFD. This is the one lossy case.
//! - `int` is a [`Value::Number`] when it fits `i64` or `u64`; a larger one is [`PySpecial::Int`], kept
//!   as its decimal digits, because Python ints are unbounded and validation messages print them.
//!   Like Python 3.11, an integer of more than 4300 digits is an error (a `ValueError`).
//! - `float` is a [`Value::Number`] holding an `f64` (so `1.0` stays a float, unlike `1`). `NaN`,
//!   `Infinity` and `-Infinity`, which Python accepts, and numbers that overflow to infinity, are
//!   [`PySpecial::Float`], since JSON numbers cannot hold them.
//! - `bytes` (what `fileb://` yields) is [`PySpecial::Bytes`].
//! - An instance of some other class, which has no JSON form (jmespath's `_Expression`, the value of `&expr`),
//!   is [`PySpecial::Object`], known by its `repr()`: `<module.Class object at 0x...>`.
//! - `dict` is a [`Value::Object`] in insertion order; a repeated key keeps its first position and
//!   takes the last value, as a Python dict does. Whether the CLI made it an `OrderedDict` (JSON option
//!   values) or a `dict` depends on where the value came from, not on the value: the caller knows.
//!
//! A special value is an object of exactly one member whose key starts with [`SPECIAL_KEY_PREFIX`]
//! (which begins with a NUL character). A user's object that happens to have that shape is wrapped as
//! [`PySpecial::Dict`], so the encoding is unambiguous; use [`special`] to tell them apart.

use serde_json::{Map, Number, Value};

/// The prefix of the keys that mark special values (see the module documentation).
pub const SPECIAL_KEY_PREFIX: &str = "\u{0}py:";
const KEY_INT: &str = "\u{0}py:int";
const KEY_FLOAT: &str = "\u{0}py:float";
const KEY_BYTES: &str = "\u{0}py:bytes";
const KEY_DICT: &str = "\u{0}py:dict";
const KEY_OBJECT: &str = "\u{0}py:object";

/// A Python value that has no plain JSON form (see the module documentation).
#[derive(Clone, Debug, PartialEq)]
pub enum PySpecial<'a> {
    /// An `int` outside the 64-bit range, as its decimal digits (with a leading `-` if negative).
    Int(&'a str),
    /// A `float` that is NaN or infinite.
    Float(f64),
    /// A `bytes` value.
    Bytes(Vec<u8>),
    /// A user's `dict` whose shape collides with a special value's; this is its real content.
    Dict(&'a Map<String, Value>),
    /// An instance of a class without a JSON form, as its `repr()`: `<module.Class object at 0x...>`.
    Object(&'a str),
}

/// Recognises a special value.
pub fn special(value: &Value) -> Option<PySpecial<'_>> {
    let map = value.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (key, inner) = map.iter().next()?;
    match (key.as_str(), inner) {
        (KEY_INT, Value::String(digits)) => Some(PySpecial::Int(digits)),
        (KEY_FLOAT, Value::String(text)) => match text.as_str() {
            "nan" => Some(PySpecial::Float(f64::NAN)),
            "inf" => Some(PySpecial::Float(f64::INFINITY)),
            "-inf" => Some(PySpecial::Float(f64::NEG_INFINITY)),
            _ => None,
        },
        (KEY_BYTES, Value::String(latin1)) => {
            Some(PySpecial::Bytes(latin1.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()))
        }
        (KEY_DICT, Value::Object(content)) => Some(PySpecial::Dict(content)),
        (KEY_OBJECT, Value::String(repr)) => Some(PySpecial::Object(repr)),
        _ => None,
    }
}

/// The value that stands for the Python `bytes` object `data`.
pub fn bytes_value(data: &[u8]) -> Value {
    let latin1: String = data.iter().map(|&b| char::from(b)).collect();
    single(KEY_BYTES, Value::String(latin1))
}

/// The value that stands for a Python `float`; NaN and infinities become special values.
pub fn float_value(x: f64) -> Value {
    match Number::from_f64(x) {
        Some(n) => Value::Number(n),
        None => {
            let text = if x.is_nan() {
                "nan"
            } else if x > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            single(KEY_FLOAT, Value::String(text.to_owned()))
        }
    }
}

/// The value that stands for an instance of a class without a JSON form, known by its `repr()`
/// (`<module.Class object at 0x...>`).
pub fn object_value(repr: &str) -> Value {
    single(KEY_OBJECT, Value::String(repr.to_owned()))
}

/// The value that stands for the Python `int` written as `digits` (an optional `-` then ASCII digits
/// without leading zeros).
pub fn int_value(digits: &str) -> Value {
    if let Ok(i) = digits.parse::<i64>() {
        return Value::Number(i.into());
    }
    if let Ok(u) = digits.parse::<u64>() {
        return Value::Number(u.into());
    }
    single(KEY_INT, Value::String(digits.to_owned()))
}

/// The value that stands for a Python `dict` with these items (wrapping it if it looks special).
pub fn dict_value(map: Map<String, Value>) -> Value {
    let looks_special = map.len() == 1 && map.keys().next().is_some_and(|k| k.starts_with(SPECIAL_KEY_PREFIX));
    if looks_special { single(KEY_DICT, Value::Object(map)) } else { Value::Object(map) }
}

fn single(key: &str, inner: Value) -> Value {
    let mut map = Map::new();
    map.insert(key.to_owned(), inner);
    Value::Object(map)
}
