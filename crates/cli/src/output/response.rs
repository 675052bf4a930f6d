//! A response body parsed as botocore does: modeled members only, in model order.
//!
//! botocore's JSON protocol parser (awscli/botocore/parsers.py) on a 200 response:
//!
//! - An empty body is `{}`. Any other body is decoded as strict UTF-8 (a failure is Python's
//!   `UnicodeDecodeError`, which the CLI prints) and loaded with Python's `json.loads` ([`pyjson`]'s
//!   decoder, building values that keep lone surrogates; error bodies are read the same way). What that
//!   rejects (not JSON, a byte order mark, an integer of more than 4300 digits) becomes
//!   `{"message": <the body>}`. `json.loads` also accepts `NaN`, `Infinity` and `-Infinity`, keeps
//!   integers exact, reads `\ud800` as a lone surrogate, keeps the last of duplicate keys (in the place
//!   of the first), and gives up with `RecursionError` at the 975th level of nesting (observed).
//! - A structure keeps only its modeled members, in model order, skipping those that are missing or
//!   `null`; a `null` structure stays `null`; anything else but an object fails with Python's
//!   `AttributeError` (`'list' object has no attribute 'get'`), unless the structure has no members.
//! - A map keeps every key, its values parsed by the value shape; a non-object fails
//!   (`'str' object has no attribute 'items'`).
//! - A string member keeps whatever the body holds there, of any JSON type; enums are not checked.
//! - A top-level `null` fails later in botocore: `'NoneType' object has no attribute 'update'`, or
//!   `... 'setdefault'` when the response has an `x-amzn-requestid` header.
//!
//! The CLI prints each failure as `\n<message>\n` on stderr and exits with 255.
//!
//! A [`Value`] cannot hold `NaN`, infinities, integers beyond 64 bits or lone surrogates. The real CLI
//! prints the first three (`NaN`, `Infinity`, exact digits) and fails on the last while printing. When a
//! modeled member holds one of them, this module returns [`ResponseError::Unrepresentable`] instead.

use std::collections::HashMap;
use std::fmt;

use cognito_idp_client::contract;
use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::{Map, Number, Value};

use crate::python::pyjson;
use crate::python::pyrepr::{self, Dicts};

/// Nesting Python's json.loads reaches on this path before `RecursionError` (observed: 974 levels
/// parse, 975 do not).
const MAX_DEPTH: usize = 974;

/// The same for the body of an error response, which botocore reads one Python frame less deep
/// (observed: 975 levels parse, 976 do not).
const ERROR_MAX_DEPTH: usize = 975;

/// Why a 200 response could not be turned into output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// The body is not UTF-8: Python's `UnicodeDecodeError`.
    Decode(pyjson::UnicodeDecodeError),
    /// The body nests deeper than Python's recursion limit allows: `RecursionError`, with its message.
    TooDeep(String),
    /// A modeled structure or map holds a value of the wrong type, or the whole body is `null`:
    /// Python's `AttributeError`.
    NoAttribute {
        /// Python's name for the type of the value, such as `list` or `NoneType`.
        type_name: &'static str,
        /// The method botocore called on it: `get`, `items`, `update` or `setdefault`.
        attribute: &'static str,
    },
    /// A modeled member holds a value a [`Value`] cannot represent.
    Unrepresentable {
        /// The member's path, such as `CodeDeliveryDetails.Destination`.
        member: String,
        /// What it holds: `NaN`, `Infinity`, `-Infinity`, `an integer beyond 64 bits` or
        /// `a lone surrogate`.
        what: &'static str,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Decode(error) => error.fmt(f),
            Self::TooDeep(message) => f.write_str(message),
            Self::NoAttribute { type_name, attribute } => {
                write!(f, "'{type_name}' object has no attribute '{attribute}'")
            }
            Self::Unrepresentable { member, what } => {
                write!(f, "The response member {member} holds {what}, which this command cannot print.")
            }
        }
    }
}

impl std::error::Error for ResponseError {}

/// The body of a 200 response to the operation, as botocore parses it (without its
/// `ResponseMetadata`), for a response without an `x-amzn-requestid` header.
pub fn parse_output(body: &[u8]) -> Result<Value, ResponseError> {
    parse_response(body, contract::OUTPUT, false)
}

/// [`parse_output`] for a response with these header names (matched without regard to case).
pub fn parse_output_with_headers<'a>(
    body: &[u8],
    header_names: impl IntoIterator<Item = &'a str>,
) -> Result<Value, ResponseError> {
    let has_request_id = header_names.into_iter().any(|name| name.eq_ignore_ascii_case("x-amzn-requestid"));
    parse_response(body, contract::OUTPUT, has_request_id)
}

/// The body of a 200 response parsed against `shape` (a structure) as botocore's JSON parser does.
pub fn parse_response(body: &[u8], shape: &'static Shape, has_request_id: bool) -> Result<Value, ResponseError> {
    let loaded = parse_body_as_json(body, MAX_DEPTH, &PyObjects)?;
    match handle(shape, loaded)? {
        Py::Null => Err(ResponseError::NoAttribute {
            type_name: "NoneType",
            attribute: if has_request_id { "setdefault" } else { "update" },
        }),
        parsed => to_value(parsed, ""),
    }
}

/// A value as Python's json.loads makes it.
#[derive(Debug)]
enum Py {
    Null,
    Bool(bool),
    Int(Option<Number>),
    Float(f64),
    /// `None` when the string holds a lone surrogate, which a Rust string cannot.
    Str(Option<String>),
    List(Vec<Py>),
    /// Keys as [`Py::Str`] holds strings.
    Dict(Vec<(Option<String>, Py)>),
}

impl Py {
    fn type_name(&self) -> &'static str {
        match self {
            Py::Null => "NoneType",
            Py::Bool(_) => "bool",
            Py::Int(_) => "int",
            Py::Float(_) => "float",
            Py::Str(_) => "str",
            Py::List(_) => "list",
            Py::Dict(_) => "dict",
        }
    }
}

/// Makes [`Py`] values from [`pyjson`]'s decoder.
struct PyObjects;

impl pyjson::Build for PyObjects {
    type Object = Py;

    fn null(&self) -> Py {
        Py::Null
    }

    fn bool(&self, b: bool) -> Py {
        Py::Bool(b)
    }

    fn int(&self, digits: &str) -> Py {
        Py::Int(digits.parse::<i64>().map(Number::from).or_else(|_| digits.parse::<u64>().map(Number::from)).ok())
    }

    fn float(&self, x: f64) -> Py {
        Py::Float(x)
    }

    fn str(&self, code_points: Vec<u32>) -> Py {
        Py::Str(pyjson::code_points_to_exact_string(&code_points))
    }

    fn list(&self, items: Vec<Py>) -> Py {
        Py::List(items)
    }

    fn dict(&self, items: Vec<(Vec<u32>, Py)>) -> Py {
        let mut entries: Vec<(Vec<u32>, Py)> = Vec::with_capacity(items.len());
        let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
        for (key, value) in items {
            // A repeated key keeps its first place and takes the last value, as a Python dict does.
            match index.get(&key).and_then(|&i| entries.get_mut(i)) {
                Some(entry) => entry.1 = value,
                None => {
                    index.insert(key.clone(), entries.len());
                    entries.push((key, value));
                }
            }
        }
        Py::Dict(entries.into_iter().map(|(key, value)| (pyjson::code_points_to_exact_string(&key), value)).collect())
    }
}

/// botocore's `_parse_body_as_json`, for success and error bodies alike: an empty body is `{}`, any
/// other is decoded as UTF-8 and loaded with `json.loads` (which stops at `max_depth` levels), and
/// what that rejects with a `ValueError` is `{"message": <the body>}`.
fn parse_body_as_json<B: pyjson::Build>(body: &[u8], max_depth: usize, build: &B) -> Result<B::Object, ResponseError> {
    if body.is_empty() {
        return Ok(build.dict(Vec::new()));
    }
    let text = pyjson::decode_utf8(body).map_err(ResponseError::Decode)?;
    match pyjson::loads_with(text, max_depth, build) {
        Ok(object) => Ok(object),
        Err(error) if error.is_value_error() => {
            let code_points = |s: &str| s.chars().map(u32::from).collect::<Vec<u32>>();
            Ok(build.dict(vec![(code_points("message"), build.str(code_points(text)))]))
        }
        Err(error) => Err(ResponseError::TooDeep(error.to_string())),
    }
}

/// botocore's `_parse_shape` for the JSON protocol.
fn handle(shape: &'static Shape, value: Py) -> Result<Py, ResponseError> {
    match &shape.kind {
        ShapeKind::Structure(structure) => match value {
            Py::Null => Ok(Py::Null),
            Py::Dict(mut entries) => {
                let mut parsed = Vec::new();
                for member in structure.members {
                    let raw = entries.iter_mut().find(|(key, _)| key.as_deref() == Some(member.name));
                    if let Some((_, raw)) = raw
                        && !matches!(raw, Py::Null)
                    {
                        let raw = std::mem::replace(raw, Py::Null);
                        parsed.push((Some(member.name.to_owned()), handle(member.shape, raw)?));
                    }
                }
                Ok(Py::Dict(parsed))
            }
            _ if structure.members.is_empty() => Ok(Py::Dict(Vec::new())),
            other => Err(ResponseError::NoAttribute { type_name: other.type_name(), attribute: "get" }),
        },
        ShapeKind::Map(map) => match value {
            Py::Dict(entries) => entries
                .into_iter()
                .map(|(key, item)| Ok((key, handle(map.value, item)?)))
                .collect::<Result<_, ResponseError>>()
                .map(Py::Dict),
            other => Err(ResponseError::NoAttribute { type_name: other.type_name(), attribute: "items" }),
        },
        ShapeKind::String(_) => Ok(value),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

fn to_string(text: Option<String>, path: &str) -> Result<String, ResponseError> {
    text.ok_or_else(|| ResponseError::Unrepresentable { member: path.to_owned(), what: "a lone surrogate" })
}

/// The value as a [`Value`]; iterative, like the parser.
fn to_value(root: Py, root_path: &str) -> Result<Value, ResponseError> {
    let mut building: Vec<Convert> = Vec::new();
    let mut next = Some((root, root_path.to_owned()));
    loop {
        let mut done = None;
        if let Some((value, path)) = next.take() {
            match value {
                Py::List(items) => building.push(Convert::List { out: Vec::new(), rest: items.into_iter(), path }),
                Py::Dict(entries) => building.push(Convert::Dict {
                    out: Map::new(),
                    rest: entries.into_iter(),
                    key: String::new(),
                    path,
                }),
                scalar => done = Some(scalar_value(scalar, &path)?),
            }
        }
        loop {
            let Some(container) = building.last_mut() else {
                return Ok(done.unwrap_or(Value::Null));
            };
            if let Some(value) = done.take() {
                container.accept(value);
            }
            if let Some(child) = container.next_child()? {
                next = Some(child);
                break;
            }
            done = building.pop().map(Convert::finish);
        }
    }
}

/// A list or dict being converted: what is done, what is left, and where it is.
enum Convert {
    List { out: Vec<Value>, rest: std::vec::IntoIter<Py>, path: String },
    Dict { out: Map<String, Value>, rest: std::vec::IntoIter<(Option<String>, Py)>, key: String, path: String },
}

impl Convert {
    fn accept(&mut self, value: Value) {
        match self {
            Convert::List { out, .. } => out.push(value),
            Convert::Dict { out, key, .. } => {
                out.insert(std::mem::take(key), value);
            }
        }
    }

    fn next_child(&mut self) -> Result<Option<(Py, String)>, ResponseError> {
        match self {
            Convert::List { rest, path, .. } => Ok(rest.next().map(|item| (item, path.clone()))),
            Convert::Dict { rest, key, path, .. } => match rest.next() {
                Some((raw_key, item)) => {
                    *key = to_string(raw_key, path)?;
                    Ok(Some((item, join(path, key))))
                }
                None => Ok(None),
            },
        }
    }

    fn finish(self) -> Value {
        match self {
            Convert::List { out, .. } => Value::Array(out),
            Convert::Dict { out, .. } => Value::Object(out),
        }
    }
}

fn scalar_value(value: Py, path: &str) -> Result<Value, ResponseError> {
    let unrepresentable = |what| ResponseError::Unrepresentable { member: path.to_owned(), what };
    Ok(match value {
        Py::Null => Value::Null,
        Py::Bool(b) => Value::Bool(b),
        Py::Int(Some(n)) => Value::Number(n),
        Py::Int(None) => return Err(unrepresentable("an integer beyond 64 bits")),
        Py::Float(x) if x.is_nan() => return Err(unrepresentable("NaN")),
        Py::Float(x) => match Number::from_f64(x) {
            Some(n) => Value::Number(n),
            None if x > 0.0 => return Err(unrepresentable("Infinity")),
            None => return Err(unrepresentable("-Infinity")),
        },
        Py::Str(s) => Value::String(to_string(s, path)?),
        // Containers go through `to_value`, never here.
        Py::List(_) | Py::Dict(_) => Value::Null,
    })
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 against the mock server answering 200 with each body
    //! (stdout and stderr; exit code 0 for `Ok`, 255 for `Err`), and from CPython 3.11.7 for the golden
    //! tables at the end.

    use super::*;
    use crate::output::jsonfmt::{dumps, format_json_output};
    use serde_json::json;

    /// What the CLI prints: stdout on success, the stderr message (between its newlines) on failure.
    fn cli(body: &str) -> Result<String, String> {
        parse_output(body.as_bytes()).map(|v| format_json_output(&v)).map_err(|e| e.to_string())
    }

    fn no_attribute(type_name: &str, attribute: &str) -> Result<String, String> {
        Err(format!("'{type_name}' object has no attribute '{attribute}'"))
    }

    #[test]
    fn prints_a_modeled_response_in_model_order() {
        // Arrange
        let body =
            r#"{"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;

        // Act
        let stdout = cli(body);

        // Assert
        assert_eq!(
            stdout.as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"j***@e***\",\n        \"DeliveryMedium\": \"EMAIL\",\n        \"AttributeName\": \"email\"\n    }\n}\n"
            )
        );
    }

    #[test]
    fn puts_members_in_model_order_whatever_the_body_order() {
        let body = r#"{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"SMS","Destination":"+1***"}}"#;

        let parsed = parse_output(body.as_bytes()).expect("parses");

        let keys: Vec<&String> =
            parsed["CodeDeliveryDetails"].as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["Destination", "DeliveryMedium", "AttributeName"]);
    }

    #[test]
    fn prints_nothing_for_an_empty_body() {
        assert_eq!(cli(""), Ok(String::new()));
        assert_eq!(parse_output(b""), Ok(json!({})));
    }

    #[test]
    fn prints_nothing_for_a_body_that_is_not_json() {
        assert_eq!(cli("not json"), Ok(String::new()));
        assert_eq!(cli("{\"CodeDeliveryDetails\":{\"Destination\":\"a\"}}x"), Ok(String::new()));
        assert_eq!(cli("{\"CodeDeliveryDetails\":{\"Destination\":\"a\",}}"), Ok(String::new()));
        assert_eq!(cli("\u{feff}{\"CodeDeliveryDetails\":{}}"), Ok(String::new()));
    }

    #[test]
    fn prints_nothing_when_a_member_is_null() {
        assert_eq!(cli(r#"{"CodeDeliveryDetails":null}"#), Ok(String::new()));
    }

    #[test]
    fn prints_an_empty_structure_member() {
        assert_eq!(cli(r#"{"CodeDeliveryDetails":{}}"#).as_deref(), Ok("{\n    \"CodeDeliveryDetails\": {}\n}\n"));
    }

    #[test]
    fn drops_unknown_and_null_members_and_keeps_unlisted_enums_and_wrong_types() {
        let body = r#"{"Other":1,"CodeDeliveryDetails":{"X":1,"AttributeName":null,"DeliveryMedium":"PIGEON","Destination":12}}"#;

        assert_eq!(
            cli(body).as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": 12,\n        \"DeliveryMedium\": \"PIGEON\"\n    }\n}\n"
            )
        );
    }

    #[test]
    fn keeps_lists_and_objects_held_by_a_string_member() {
        let body = r#"{"CodeDeliveryDetails":{"Destination":[1,{"b":[],"a":{}}],"DeliveryMedium":{"z":1,"a":2}}}"#;

        let parsed = parse_output(body.as_bytes());

        assert_eq!(
            parsed,
            Ok(
                json!({"CodeDeliveryDetails": {"Destination": [1, {"b": [], "a": {}}], "DeliveryMedium": {"z": 1, "a": 2}}})
            )
        );
        let printed = cli(body).unwrap_or_default();
        assert!(
            printed.contains("\"DeliveryMedium\": {\n            \"z\": 1,\n            \"a\": 2\n        }"),
            "{printed}"
        );
    }

    #[test]
    fn fails_as_python_does_on_a_top_level_value_that_is_not_an_object() {
        assert_eq!(cli("[1]"), no_attribute("list", "get"));
        assert_eq!(cli("\"abc\""), no_attribute("str", "get"));
        assert_eq!(cli("1"), no_attribute("int", "get"));
        assert_eq!(cli("true"), no_attribute("bool", "get"));
    }

    #[test]
    fn fails_as_python_does_on_a_structure_member_that_is_not_an_object() {
        assert_eq!(cli(r#"{"CodeDeliveryDetails":"x"}"#), no_attribute("str", "get"));
        assert_eq!(cli(r#"{"CodeDeliveryDetails":[1]}"#), no_attribute("list", "get"));
        assert_eq!(cli(r#"{"CodeDeliveryDetails":1}"#), no_attribute("int", "get"));
        assert_eq!(cli(r#"{"CodeDeliveryDetails":true}"#), no_attribute("bool", "get"));
        assert_eq!(cli(r#"{"CodeDeliveryDetails":1.5}"#), no_attribute("float", "get"));
    }

    #[test]
    fn fails_later_in_botocore_on_a_null_body() {
        assert_eq!(cli("null"), no_attribute("NoneType", "update"));
        assert_eq!(
            parse_output_with_headers(b"null", ["Content-Type", "x-amzn-RequestId"]).map_err(|e| e.to_string()),
            Err("'NoneType' object has no attribute 'setdefault'".to_owned())
        );
        assert_eq!(
            parse_output_with_headers(b"null", ["Content-Type"]).map_err(|e| e.to_string()),
            Err("'NoneType' object has no attribute 'update'".to_owned())
        );
    }

    #[test]
    fn a_request_id_header_changes_nothing_else() {
        let body = br#"{"CodeDeliveryDetails":{"ResponseMetadata":1,"Destination":"d"},"ResponseMetadata":{"x":1}}"#;

        let parsed = parse_output_with_headers(body, ["x-amzn-requestid"]);

        assert_eq!(parsed, Ok(json!({"CodeDeliveryDetails": {"Destination": "d"}})));
    }

    #[test]
    fn prints_unicode_and_escapes_as_the_cli_does() {
        let body =
            r#"{"CodeDeliveryDetails":{"Destination":"\ud83d\ude00 Zoë 用户 e\u0301 \u0000\u001f\u007f\u2028 \"\\/"}}"#;

        assert_eq!(
            cli(body).as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"😀 Zoë 用户 e\u{301} \\u0000\\u001f\u{7f}\u{2028} \\\"\\\\/\"\n    }\n}\n"
            )
        );
    }

    #[test]
    fn reads_every_json_escape() {
        let body = r#"{"CodeDeliveryDetails":{"Destination":"a\/b\b\f\n\r\t\u00e9\u00E9"}}"#;

        assert_eq!(
            cli(body).as_deref(),
            Ok("{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"a/b\\b\\f\\n\\r\\téé\"\n    }\n}\n")
        );
    }

    #[test]
    fn prints_numbers_as_python_does() {
        let ints = r#"{"CodeDeliveryDetails":{"Destination":18446744073709551615,"DeliveryMedium":-9223372036854775808,"AttributeName":-0}}"#;
        let floats = r#"{"CodeDeliveryDetails":{"Destination":1.0e-7,"DeliveryMedium":1E5,"AttributeName":0.1}}"#;

        assert_eq!(
            cli(ints).as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": 18446744073709551615,\n        \"DeliveryMedium\": -9223372036854775808,\n        \"AttributeName\": 0\n    }\n}\n"
            )
        );
        assert_eq!(
            cli(floats).as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": 1e-07,\n        \"DeliveryMedium\": 100000.0,\n        \"AttributeName\": 0.1\n    }\n}\n"
            )
        );
    }

    #[test]
    fn treats_an_integer_of_more_than_4300_digits_anywhere_as_not_json() {
        let big = "1".repeat(4301);

        assert_eq!(cli(&format!(r#"{{"CodeDeliveryDetails":{{"Destination":"a"}},"x":{big}}}"#)), Ok(String::new()));
        assert_eq!(cli(&format!(r#"{{"CodeDeliveryDetails":{{"Destination":{big}}}}}"#)), Ok(String::new()));
    }

    #[test]
    fn keeps_the_last_of_repeated_keys_in_the_place_of_the_first() {
        let members = r#"{"CodeDeliveryDetails":{"Destination":"a","DeliveryMedium":"m","Destination":"z"}}"#;
        let structures = r#"{"CodeDeliveryDetails":{"Destination":"a"},"CodeDeliveryDetails":{"DeliveryMedium":"b"}}"#;

        assert_eq!(
            cli(members).as_deref(),
            Ok(
                "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"z\",\n        \"DeliveryMedium\": \"m\"\n    }\n}\n"
            )
        );
        assert_eq!(
            cli(structures).as_deref(),
            Ok("{\n    \"CodeDeliveryDetails\": {\n        \"DeliveryMedium\": \"b\"\n    }\n}\n")
        );
    }

    #[test]
    fn skips_json_whitespace_around_the_body() {
        assert_eq!(
            cli(" \n\t{\"CodeDeliveryDetails\":{\"Destination\":\"a\"}} \r\n ").as_deref(),
            Ok("{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"a\"\n    }\n}\n")
        );
    }

    #[test]
    fn parses_the_deepest_nesting_python_does() {
        let depth = 974 - 2;
        let body = format!(r#"{{"CodeDeliveryDetails":{{"Destination":{}{}}}}}"#, "[".repeat(depth), "]".repeat(depth));

        let stdout = cli(&body).unwrap_or_default();

        assert!(stdout.starts_with("{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": [\n"), "{stdout:.80}");
        assert_eq!(stdout.len(), 3_790_849, "the size of the real CLI's stdout");
    }

    #[test]
    fn fails_as_python_does_one_level_deeper() {
        let arrays = format!("{}{}", "[".repeat(975), "]".repeat(975));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(975), "}".repeat(975));
        let mixed = format!("{}[1]{}", r#"{"a":"#.repeat(974), "}".repeat(974));
        let unclosed = "[".repeat(2000);

        assert_eq!(
            cli(&arrays),
            Err("maximum recursion depth exceeded while decoding a JSON array from a unicode string".to_owned())
        );
        assert_eq!(
            cli(&objects),
            Err("maximum recursion depth exceeded while decoding a JSON object from a unicode string".to_owned())
        );
        assert_eq!(
            cli(&mixed),
            Err("maximum recursion depth exceeded while decoding a JSON array from a unicode string".to_owned())
        );
        assert_eq!(
            cli(&unclosed),
            Err("maximum recursion depth exceeded while decoding a JSON array from a unicode string".to_owned())
        );
        assert_eq!(cli(&"[".repeat(974)), Ok(String::new()));
    }

    #[test]
    fn fails_as_python_does_on_a_body_that_is_not_utf8() {
        let cases: [(&[u8], &str); 9] = [
            (b"\xff", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
            (b"{\"a\":\"\xe2\x28\"}", "'utf-8' codec can't decode byte 0xe2 in position 6: invalid continuation byte"),
            (b"\xe2\x82\x28", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"),
            (
                b"{\"CodeDeliveryDetails\":{}}\xe2\x82",
                "'utf-8' codec can't decode bytes in position 26-27: unexpected end of data",
            ),
            (b"\xed\xa0\x80", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"),
            (b"\xf0\x9f\x98", "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"),
            (b"\xc0\xaf", "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"),
            (b"\xf4\x90\x80\x80", "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte"),
            (b"ok\x80", "'utf-8' codec can't decode byte 0x80 in position 2: invalid start byte"),
        ];

        for (body, expected) in cases {
            assert_eq!(parse_output(body).map_err(|e| e.to_string()), Err(expected.to_owned()), "{body:?}");
        }
    }

    #[test]
    fn refuses_what_a_value_cannot_hold_in_a_modeled_member() {
        // The real CLI prints NaN, -Infinity, Infinity and 123456789012345678901234567890 here, and fails
        // while printing a lone surrogate; this is where we deliberately differ.
        let cases = [
            (r#"{"CodeDeliveryDetails":{"Destination":NaN}}"#, "NaN"),
            (r#"{"CodeDeliveryDetails":{"Destination":-Infinity}}"#, "-Infinity"),
            (r#"{"CodeDeliveryDetails":{"Destination":1e400}}"#, "Infinity"),
            (r#"{"CodeDeliveryDetails":{"Destination":123456789012345678901234567890}}"#, "an integer beyond 64 bits"),
            (r#"{"CodeDeliveryDetails":{"Destination":"\ud83d\ude00\ud83d"}}"#, "a lone surrogate"),
            (r#"{"CodeDeliveryDetails":{"Destination":["\udc00x"]}}"#, "a lone surrogate"),
        ];

        for (body, what) in cases {
            assert_eq!(
                parse_output(body.as_bytes()),
                Err(ResponseError::Unrepresentable { member: "CodeDeliveryDetails.Destination".to_owned(), what }),
                "{body}"
            );
        }
    }

    #[test]
    fn ignores_what_a_value_cannot_hold_outside_the_model() {
        let body =
            r#"{"x":NaN,"y":"\ud800","CodeDeliveryDetails":{"z":123456789012345678901234567890,"Destination":"d"}}"#;

        assert_eq!(parse_output(body.as_bytes()), Ok(json!({"CodeDeliveryDetails": {"Destination": "d"}})));
    }

    #[test]
    fn says_which_member_it_cannot_print() {
        let error =
            ResponseError::Unrepresentable { member: "CodeDeliveryDetails.Destination".to_owned(), what: "NaN" };

        assert_eq!(
            error.to_string(),
            "The response member CodeDeliveryDetails.Destination holds NaN, which this command cannot print."
        );
    }

    static TEXT: Shape = Shape {
        name: "Text",
        doc: "",
        sensitive: false,
        kind: ShapeKind::String(cognito_idp_client::model::StringShape {
            min: None,
            max: None,
            pattern: None,
            enum_values: &[],
        }),
    };
    static EMPTY: Shape = Shape {
        name: "Empty",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Structure(cognito_idp_client::model::StructureShape {
            members: &[],
            required: &[],
            error: None,
        }),
    };
    static TAGS: Shape = Shape {
        name: "Tags",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Map(cognito_idp_client::model::MapShape { key: &TEXT, value: &EMPTY }),
    };
    static HOLDER: Shape = Shape {
        name: "Holder",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Structure(cognito_idp_client::model::StructureShape {
            members: &[
                cognito_idp_client::model::Member { name: "Tags", shape: &TAGS, doc: "" },
                cognito_idp_client::model::Member { name: "message", shape: &TEXT, doc: "" },
            ],
            required: &[],
            error: None,
        }),
    };

    #[test]
    fn a_map_keeps_every_key_and_parses_its_values() {
        // botocore's _handle_map and _handle_structure, checked with botocore's JSONParser on the same shapes.
        let parsed = parse_response(br#"{"Tags":{"b":{"x":1},"a":null,"c":[1]}}"#, &HOLDER, false);

        assert_eq!(parsed, Ok(json!({"Tags": {"b": {}, "a": null, "c": {}}})));
    }

    #[test]
    fn a_map_that_is_not_an_object_fails_on_items() {
        let parsed = parse_response(br#"{"Tags":"x"}"#, &HOLDER, false);

        assert_eq!(parsed.map_err(|e| e.to_string()), Err("'str' object has no attribute 'items'".to_owned()));
    }

    #[test]
    fn a_body_that_is_not_json_becomes_a_message_member() {
        let parsed = parse_response(b"<html>oops</html>", &HOLDER, false);

        assert_eq!(parsed, Ok(json!({"message": "<html>oops</html>"})));
    }

    /// CPython 3.11's answers, recorded by `crates/cli/tools/gen_response_golden.py` (`cargo xtask record-goldens`).
    fn golden(kind: &str) -> Vec<Value> {
        let data: Value = serde_json::from_str(include_str!("../../tests/data/response_golden.json"))
            .expect("the golden data is JSON");
        data[kind].as_array().cloned().unwrap_or_else(|| panic!("no {kind} cases"))
    }

    #[test]
    fn matches_python_on_the_golden_utf8_bodies() {
        let cases = golden("utf8_decode");
        assert!(cases.len() >= 100);
        for case in &cases {
            let body: Vec<u8> = case[0]
                .as_array()
                .expect("the bytes")
                .iter()
                .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).expect("a byte"))
                .collect();
            let expected = case[1].as_str().expect("the error");
            let found = match pyjson::decode_utf8(&body) {
                Ok(_) => String::new(),
                Err(error) => error.to_string(),
            };
            assert_eq!(found, expected, "{body:?}");
        }
    }

    #[test]
    fn matches_python_json_loads_on_the_golden_texts() {
        let cases = golden("json_loads");
        assert!(cases.len() >= 400);
        for case in &cases {
            let (text, expected) = (case[0].as_str().expect("text"), case[1].as_str().expect("verdict"));
            let found = match pyjson::loads_with(text, MAX_DEPTH, &PyObjects) {
                Err(error) if error.is_value_error() => "<invalid>".to_owned(),
                Err(_) => "<too deep>".to_owned(),
                Ok(value) => match to_value(value, "") {
                    Ok(value) => dumps(&value, false),
                    Err(_) => "<unrepresentable>".to_owned(),
                },
            };
            assert_eq!(found, *expected, "json.loads({text:?})");
        }
    }
}

/// The error code and message of an error response (HTTP 301 and above) as botocore's JSON parser
/// finds them, which is what AWS CLI v1 prints: a 5xx whose body is empty or HTML has the status as its
/// code and the status's reason phrase as its message; otherwise the code is the body's top-level
/// `__type` (cut at the first `:`, after the last `#`), else the status, and the message is the body's
/// `message`, else `Message`, else empty. A body that is not JSON is the message. Unlike the client
/// crate, botocore reads neither `X-Amzn-ErrorType` nor `code`.
///
/// `Err` holds the message of the Python exception botocore raises on bodies it cannot handle (a body
/// that is not UTF-8 or nests deeper than `json.loads` can follow, a JSON value that is not an object,
/// a `__type` that is not a string).
pub fn error_code_and_message(status: u16, body: &[u8]) -> Result<(String, String), String> {
    let stripped = body.trim_ascii();
    if status >= 500 && (stripped.is_empty() || stripped.starts_with(b"<html>")) {
        return Ok((status.to_string(), reason_phrase(status).to_owned()));
    }
    let parsed = parse_body_as_json(body, ERROR_MAX_DEPTH, &pyjson::Values).map_err(|e| e.to_string())?;
    let Value::Object(map) = &parsed else {
        return Err(format!("'{}' object has no attribute 'get'", pyrepr::tp_name(&parsed, Dicts::Plain)));
    };
    let message = map
        .get("message")
        .or_else(|| map.get("Message"))
        .map(|m| pyrepr::str_with(m, Dicts::Plain))
        .unwrap_or_default();
    let code = match map.get("__type") {
        None => status.to_string(),
        Some(Value::String(code)) => {
            let before_colon = code.split(':').next().unwrap_or(code);
            before_colon.rsplit('#').next().unwrap_or(before_colon).to_owned()
        }
        Some(other @ (Value::Array(_) | Value::Object(_))) => pyrepr::repr(other),
        Some(other) => {
            return Err(format!("argument of type '{}' is not iterable", pyrepr::tp_name(other, Dicts::Plain)));
        }
    };
    Ok((code, message))
}

/// Python's `http.client.responses[status]` for the statuses botocore's generic error path sees.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "",
    }
}

#[cfg(test)]
mod error_tests {
    //! Expected texts observed from awscli 1.46.3 against the mock server.
    use super::*;

    fn parts(status: u16, body: &str) -> (String, String) {
        error_code_and_message(status, body.as_bytes()).expect("parses")
    }

    #[test]
    fn the_code_comes_from_type_only_and_the_message_from_message_then_capital_message() {
        assert_eq!(
            parts(400, r#"{"__type":"ns#UserNotFoundException:x","message":"m"}"#),
            ("UserNotFoundException".into(), "m".into())
        );
        assert_eq!(parts(400, r#"{"code":"X","Message":"M"}"#), ("400".into(), "M".into()));
        assert_eq!(parts(400, r#"{"__type":"A","message":"m","Message":"M"}"#).1, "m");
        assert_eq!(parts(400, ""), ("400".into(), String::new()));
    }

    #[test]
    fn a_body_that_is_not_json_is_the_message() {
        assert_eq!(parts(400, "oops"), ("400".into(), "oops".into()));
    }

    #[test]
    fn server_errors_with_empty_or_html_bodies_use_the_reason_phrase() {
        assert_eq!(parts(503, ""), ("503".into(), "Service Unavailable".into()));
        assert_eq!(parts(500, "  <html><body>x</body></html>"), ("500".into(), "Internal Server Error".into()));
        assert_eq!(parts(509, ""), ("509".into(), String::new()));
    }

    #[test]
    fn a_body_that_is_not_utf8_gives_the_decoders_exact_text() {
        // Once this path had its own, rougher messages; now it reads bodies as the 200 path does.
        assert_eq!(
            error_code_and_message(400, b"\xe2\x28").expect_err("not UTF-8"),
            "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"
        );
        assert_eq!(
            error_code_and_message(400, b"ok\xe2\x82").expect_err("not UTF-8"),
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"
        );
    }

    #[test]
    fn an_error_body_nests_one_level_deeper_than_a_response_before_python_gives_up() {
        let arrays = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let objects = |n: usize| format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));

        assert_eq!(
            error_code_and_message(400, arrays(975).as_bytes()).expect_err("a list"),
            "'list' object has no attribute 'get'"
        );
        assert_eq!(
            error_code_and_message(400, arrays(976).as_bytes()).expect_err("too deep"),
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
        assert_eq!(parts(400, &objects(975)), ("400".into(), String::new()));
        assert_eq!(
            error_code_and_message(400, objects(976).as_bytes()).expect_err("too deep"),
            "maximum recursion depth exceeded while decoding a JSON object from a unicode string"
        );
    }

    #[test]
    fn bodies_botocore_cannot_handle_give_its_exception_text() {
        assert_eq!(error_code_and_message(400, b"[1]").expect_err("list"), "'list' object has no attribute 'get'");
        assert_eq!(
            error_code_and_message(400, br#"{"__type": 5}"#).expect_err("int"),
            "argument of type 'int' is not iterable"
        );
        assert!(
            error_code_and_message(400, b"\xff")
                .expect_err("bytes")
                .starts_with("'utf-8' codec can't decode byte 0xff")
        );
    }
}
