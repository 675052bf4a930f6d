//! JSON text exactly as Python's json.dumps(indent=4) writes it, and AWS CLI v1's JSON output.
//!
//! Python's encoder with `indent=4` puts every item of a non-empty list or dict on its own line,
//! indented four spaces per level, separates items with `,` and keys from values with `: `, and writes
//! empty containers as `[]` and `{}`. Floats are written as `repr()` writes them ([`repr_float`]), with
//! `NaN`, `Infinity` and `-Infinity` for the non-finite ones. Strings escape `"`, `\\` and the characters
//! below U+0020 (`\n`, `\r`, `\t`, `\b`, `\f` by name, others as `\u00XX`); with `ensure_ascii` they also
//! escape everything outside U+0020..U+007E as `\uXXXX` (lowercase hex), astral characters as a
//! surrogate pair.
//!
//! AWS CLI v1's `--output json` ([`format_json_output`]) drops the top-level `ResponseMetadata`, prints
//! nothing at all for an empty dict, and otherwise prints json.dumps(indent=4, ensure_ascii=False) and
//! a newline.

use std::fmt;

use serde_json::{Map, Value};

use crate::python::pyrepr::{self, Dicts, repr_float, repr_number};
use crate::python::pyvalue::{self, PySpecial};

/// How `json.dumps` is called: the indent (4 or none), the separators, `ensure_ascii`, what the values' objects
/// are, and what becomes of an object JSON cannot encode.
#[derive(Clone, Copy, Debug)]
struct Style {
    ensure_ascii: bool,
    indent: bool,
    item_separator: &'static str,
    key_separator: &'static str,
    dicts: Dicts,
    /// `default=str` (the object's `str()` as a JSON string) rather than AWS CLI's `json_encoder`, which
    /// raises for it.
    default_str: bool,
}

impl Style {
    fn new(ensure_ascii: bool, indent: bool) -> Self {
        let item_separator = if indent { "," } else { ", " };
        Style { ensure_ascii, indent, item_separator, key_separator: ": ", dicts: Dicts::Response, default_str: false }
    }
}

/// `json.dumps(value, indent=4, ensure_ascii=ensure_ascii)`.
pub fn dumps(value: &Value, ensure_ascii: bool) -> String {
    let mut out = String::new();
    let _ = write_json(&mut out, value, Style::new(ensure_ascii, true));
    out
}

/// The request body as botocore writes it: `json.dumps(params)`, Python's defaults (`, ` and `: `
/// separators, no indent, `ensure_ascii=True`).
pub fn dumps_request(params: &Value) -> String {
    let mut out = String::new();
    let _ = write_json(&mut out, params, Style::new(true, false));
    out
}

/// `json.dumps(value, separators=(',', ':'), default=str)` of a value whose objects are `dicts` (with its
/// special values, [`Dicts::Plain`]), as jmespath's `to_string()` writes it.
pub fn dumps_compact(value: &Value, dicts: Dicts) -> String {
    let mut out = String::new();
    let style = Style { item_separator: ",", key_separator: ":", dicts, default_str: true, ..Style::new(true, false) };
    let _ = write_json(&mut out, value, style);
    out
}

/// AWS CLI v1's JSON output stopped part-way: `json.dump` met an object it cannot encode, after writing
/// `stdout`; AWS CLI prints the `TypeError` on stderr and exits with 255.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What was written to stdout before the failure.
    pub stdout: String,
}

impl JsonError {
    /// Exactly what AWS CLI writes to stderr for this error.
    pub fn stderr_text(&self) -> String {
        format!("\n{self}\n")
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Encountered unrecognized type in JSON encoder.")
    }
}

impl std::error::Error for JsonError {}

/// [`format_json_value`] of a value whose objects are `dicts` ([`Dicts::Plain`] for a `--query` result, which
/// may hold [`crate::python::pyvalue`]'s special values: big ints and NaN print as Python prints them, an
/// `_Expression` stops the output as AWS CLI's encoder does).
pub fn format_json_with(value: &Value, dicts: Dicts) -> Result<String, JsonError> {
    if pyrepr::as_dict(value, dicts).is_some_and(Map::is_empty) {
        return Ok(String::new());
    }
    let mut out = String::new();
    let style = Style { dicts, ..Style::new(false, true) };
    match write_json(&mut out, value, style) {
        Ok(()) => {
            out.push('\n');
            Ok(out)
        }
        Err(Unencodable) => Err(JsonError { stdout: out }),
    }
}

/// The exact stdout of AWS CLI v1's JSON formatter for a parsed response: the top-level
/// `ResponseMetadata` removed, then nothing for an empty dict, else the JSON and a newline.
///
/// With `--query`, AWS CLI v1 removes `ResponseMetadata` before it applies the query: call
/// [`without_response_metadata`], apply the query, then [`format_json_value`].
pub fn format_json_output(response: &Value) -> String {
    format_json_value(&without_response_metadata(response))
}

/// The exact stdout of AWS CLI v1's JSON formatter for a value that has had its `ResponseMetadata`
/// removed (and its `--query` applied): nothing for an empty dict (any other value is printed, `[]`,
/// `""` and `null` included), else json.dumps(indent=4, ensure_ascii=False) and a newline.
pub fn format_json_value(value: &Value) -> String {
    if value.as_object().is_some_and(Map::is_empty) {
        return String::new();
    }
    let mut out = dumps(value, false);
    out.push('\n');
    out
}

/// `response` without its top-level `ResponseMetadata` key, the other keys in their order.
pub fn without_response_metadata(response: &Value) -> Value {
    match response {
        Value::Object(map) if map.contains_key("ResponseMetadata") => Value::Object(
            map.iter().filter(|(key, _)| *key != "ResponseMetadata").map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        other => other.clone(),
    }
}

/// How Python's json module writes a float: `repr()`, but `NaN`, `Infinity` and `-Infinity`.
pub fn float_str(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        repr_float(x)
    }
}

/// A JSON string literal as Python's json module writes it.
pub fn encode_str(s: &str, ensure_ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str(&mut out, s, ensure_ascii);
    out
}

fn push_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ if u32::from(c) < 0x20 => push_u_escape(out, u32::from(c)),
            _ if !ensure_ascii => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    push_u_escape(out, u32::from(*unit));
                }
            }
        }
    }
    out.push('"');
}

fn push_u_escape(out: &mut String, unit: u32) {
    out.push_str(&format!("\\u{unit:04x}"));
}

/// What is left to write, most recent last: the walk keeps its own stack instead of recursing.
enum Task<'a> {
    Value(&'a Value, usize),
    Key(&'a str),
    Text(&'static str),
    Newline(usize),
}

/// An object JSON cannot encode, met by an encoder without `default=str`.
struct Unencodable;

fn write_json(out: &mut String, root: &Value, style: Style) -> Result<(), Unencodable> {
    let mut tasks = vec![Task::Value(root, 0)];
    while let Some(task) = tasks.pop() {
        let (value, level) = match task {
            Task::Text(text) => {
                out.push_str(text);
                continue;
            }
            Task::Key(key) => {
                push_str(out, key, style.ensure_ascii);
                continue;
            }
            Task::Newline(level) => {
                if style.indent {
                    out.push('\n');
                    out.extend(std::iter::repeat_n(' ', 4 * level));
                }
                continue;
            }
            Task::Value(value, level) => (value, level),
        };
        let special = match value {
            Value::Object(_) if style.dicts != Dicts::Response => pyvalue::special(value),
            _ => None,
        };
        match (special, value) {
            (Some(PySpecial::Int(digits)), _) => out.push_str(digits),
            (Some(PySpecial::Float(x)), _) => out.push_str(&float_str(x)),
            (Some(PySpecial::Object(repr)), _) if style.default_str => push_str(out, repr, style.ensure_ascii),
            (Some(PySpecial::Object(_) | PySpecial::Bytes(_)), _) => return Err(Unencodable),
            (Some(PySpecial::Dict(content)), _) => open_map(out, &mut tasks, content, level, style),
            (None, Value::Null) => out.push_str("null"),
            (None, Value::Bool(true)) => out.push_str("true"),
            (None, Value::Bool(false)) => out.push_str("false"),
            (None, Value::Number(n)) => out.push_str(&repr_number(n)),
            (None, Value::String(s)) => push_str(out, s, style.ensure_ascii),
            (None, Value::Array(items)) if items.is_empty() => out.push_str("[]"),
            (None, Value::Array(items)) => {
                out.push('[');
                tasks.push(Task::Text("]"));
                tasks.push(Task::Newline(level));
                for (i, item) in items.iter().enumerate().rev() {
                    tasks.push(Task::Value(item, level + 1));
                    tasks.push(Task::Newline(level + 1));
                    if i > 0 {
                        tasks.push(Task::Text(style.item_separator));
                    }
                }
            }
            (None, Value::Object(map)) => open_map(out, &mut tasks, map, level, style),
        }
    }
    Ok(())
}

/// Writes the opening of a dict (all of it when empty) and queues its items.
fn open_map<'a>(out: &mut String, tasks: &mut Vec<Task<'a>>, map: &'a Map<String, Value>, level: usize, style: Style) {
    if map.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    tasks.push(Task::Text("}"));
    tasks.push(Task::Newline(level));
    for (i, (key, item)) in map.iter().enumerate().rev() {
        tasks.push(Task::Value(item, level + 1));
        tasks.push(Task::Text(style.key_separator));
        tasks.push(Task::Key(key));
        tasks.push(Task::Newline(level + 1));
        if i > 0 {
            tasks.push(Task::Text(style.item_separator));
        }
    }
}

#[cfg(test)]
mod request_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn request_bodies_are_written_as_botocore_writes_them() {
        // Observed on the wire from awscli 1.46.3.
        let params = json!({"ClientId": "abc", "SecretHash": "xyz=", "Username": "Zoë 😀", "ClientMetadata": {"a": "1", "b": "2"}});
        assert_eq!(
            dumps_request(&params),
            r#"{"ClientId": "abc", "SecretHash": "xyz=", "Username": "Zo\u00eb \ud83d\ude00", "ClientMetadata": {"a": "1", "b": "2"}}"#
        );
        assert_eq!(dumps_request(&json!({"ClientMetadata": {}})), r#"{"ClientMetadata": {}}"#);
    }
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (its stdout against the mock server) and CPython
    //! 3.11.7 (the golden table at the end, printed by the script in pyrepr.rs's tests).

    use super::*;
    use serde_json::json;

    #[test]
    fn prints_a_response_as_the_cli_does() {
        // Arrange
        let response = json!({"CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}});

        // Act
        let stdout = format_json_output(&response);

        // Assert
        assert_eq!(
            stdout,
            "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"j***@e***\",\n        \"DeliveryMedium\": \"EMAIL\",\n        \"AttributeName\": \"email\"\n    }\n}\n"
        );
    }

    #[test]
    fn prints_unicode_raw_and_escapes_only_controls_quotes_and_backslashes() {
        let response =
            json!({"CodeDeliveryDetails": {"Destination": "😀 Zoë 用户 e\u{301} \u{0}\u{1f}\u{7f}\u{2028} \"\\/"}});

        let stdout = format_json_output(&response);

        assert_eq!(
            stdout,
            "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"😀 Zoë 用户 e\u{301} \\u0000\\u001f\u{7f}\u{2028} \\\"\\\\/\"\n    }\n}\n"
        );
    }

    #[test]
    fn prints_nested_lists_and_dicts_and_empty_containers_as_the_cli_does() {
        let response = json!({"CodeDeliveryDetails": {"Destination": [1, {"b": [], "a": {}}], "DeliveryMedium": {"z": 1, "a": 2}}});

        let stdout = format_json_output(&response);

        assert_eq!(
            stdout,
            concat!(
                "{\n",
                "    \"CodeDeliveryDetails\": {\n",
                "        \"Destination\": [\n",
                "            1,\n",
                "            {\n",
                "                \"b\": [],\n",
                "                \"a\": {}\n",
                "            }\n",
                "        ],\n",
                "        \"DeliveryMedium\": {\n",
                "            \"z\": 1,\n",
                "            \"a\": 2\n",
                "        }\n",
                "    }\n",
                "}\n"
            )
        );
    }

    #[test]
    fn prints_an_empty_member_structure() {
        let stdout = format_json_output(&json!({"CodeDeliveryDetails": {}}));

        assert_eq!(stdout, "{\n    \"CodeDeliveryDetails\": {}\n}\n");
    }

    #[test]
    fn prints_numbers_as_python_does() {
        let response =
            json!({"CodeDeliveryDetails": {"Destination": 12, "DeliveryMedium": 100000.0, "AttributeName": -0.0}});

        let stdout = format_json_output(&response);

        assert_eq!(
            stdout,
            "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": 12,\n        \"DeliveryMedium\": 100000.0,\n        \"AttributeName\": -0.0\n    }\n}\n"
        );
    }

    #[test]
    fn prints_nothing_for_an_empty_response() {
        assert_eq!(format_json_output(&json!({})), "");
    }

    #[test]
    fn prints_nothing_for_a_response_that_held_only_its_metadata() {
        let response = json!({"ResponseMetadata": {"HTTPStatusCode": 200}});

        assert_eq!(format_json_output(&response), "");
    }

    #[test]
    fn drops_the_top_level_response_metadata_and_keeps_the_order() {
        let response = json!({"B": 1, "ResponseMetadata": {"RequestId": "r"}, "A": {"ResponseMetadata": 2}});

        let stdout = format_json_output(&response);

        assert_eq!(stdout, "{\n    \"B\": 1,\n    \"A\": {\n        \"ResponseMetadata\": 2\n    }\n}\n");
    }

    #[test]
    fn prints_query_results_that_are_not_empty_dicts() {
        // `--query` results observed: null, [], "", and a dict that holds a ResponseMetadata key.
        assert_eq!(format_json_value(&json!(null)), "null\n");
        assert_eq!(format_json_value(&json!([])), "[]\n");
        assert_eq!(format_json_value(&json!("")), "\"\"\n");
        assert_eq!(format_json_value(&json!({})), "");
        assert_eq!(
            format_json_value(&json!({"ResponseMetadata": {"Destination": "d"}})),
            "{\n    \"ResponseMetadata\": {\n        \"Destination\": \"d\"\n    }\n}\n"
        );
    }

    #[test]
    fn escapes_astral_characters_as_surrogate_pairs_when_ascii_is_ensured() {
        assert_eq!(encode_str("😀 Zoë 用户 \u{7f}", true), "\"\\ud83d\\ude00 Zo\\u00eb \\u7528\\u6237 \\u007f\"");
    }

    #[test]
    fn escapes_controls_by_name_where_python_has_one() {
        assert_eq!(encode_str("\u{8}\u{c}\n\r\t\u{1}", false), "\"\\b\\f\\n\\r\\t\\u0001\"");
    }

    #[test]
    fn writes_non_finite_floats_as_python_json_does() {
        assert_eq!(float_str(f64::NAN), "NaN");
        assert_eq!(float_str(f64::INFINITY), "Infinity");
        assert_eq!(float_str(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(float_str(1e16), "1e+16");
    }

    #[test]
    fn writes_a_very_deep_value_without_recursing() {
        let mut value = json!(1);
        for _ in 0..1000 {
            value = Value::Array(vec![value]);
        }

        let text = dumps(&value, true);

        assert!(text.starts_with("[\n    [\n        ["));
        assert_eq!(text.lines().count(), 2 * 1000 + 1);
    }

    /// CPython 3.11's `json.dumps(v, indent=4)` with and without `ensure_ascii`, recorded by
    /// `crates/cli/tools/gen_python_golden.py` (`cargo xtask record-goldens`).
    #[test]
    fn matches_python_on_the_golden_values() {
        let data: Value =
            serde_json::from_str(include_str!("../../tests/data/python_golden.json")).expect("the golden data is JSON");
        let cases = data["json_dumps"].as_array().expect("json_dumps cases");
        assert!(cases.len() >= 100);
        for case in cases {
            let (json_text, ascii, unicode) =
                (case[0].as_str().expect("text"), case[1].as_str().expect("ascii"), case[2].as_str().expect("unicode"));
            let value: Value = serde_json::from_str(json_text).expect("golden JSON parses");
            assert_eq!(dumps(&value, true), ascii, "json.dumps of {json_text}");
            assert_eq!(dumps(&value, false), unicode, "json.dumps(ensure_ascii=False) of {json_text}");
        }
    }
}
