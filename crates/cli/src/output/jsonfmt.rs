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

use serde_json::{Map, Value};

use crate::python::pyrepr::{repr_float, repr_number};

/// `json.dumps(value, indent=4, ensure_ascii=ensure_ascii)`.
pub fn dumps(value: &Value, ensure_ascii: bool) -> String {
    let mut out = String::new();
    write_json(&mut out, value, ensure_ascii, true);
    out
}

/// The request body as botocore writes it: `json.dumps(params)`, Python's defaults (`, ` and `: `
/// separators, no indent, `ensure_ascii=True`).
pub fn dumps_request(params: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, params, true, false);
    out
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

fn write_json(out: &mut String, root: &Value, ensure_ascii: bool, indent: bool) {
    // Without an indent, Python separates items with ", " on one line.
    let item_separator = if indent { "," } else { ", " };
    let mut tasks = vec![Task::Value(root, 0)];
    while let Some(task) = tasks.pop() {
        let (value, level) = match task {
            Task::Text(text) => {
                out.push_str(text);
                continue;
            }
            Task::Key(key) => {
                push_str(out, key, ensure_ascii);
                continue;
            }
            Task::Newline(level) => {
                if indent {
                    out.push('\n');
                    out.extend(std::iter::repeat_n(' ', 4 * level));
                }
                continue;
            }
            Task::Value(value, level) => (value, level),
        };
        match value {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => out.push_str(&repr_number(n)),
            Value::String(s) => push_str(out, s, ensure_ascii),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Object(map) if map.is_empty() => out.push_str("{}"),
            Value::Array(items) => {
                out.push('[');
                tasks.push(Task::Text("]"));
                tasks.push(Task::Newline(level));
                for (i, item) in items.iter().enumerate().rev() {
                    tasks.push(Task::Value(item, level + 1));
                    tasks.push(Task::Newline(level + 1));
                    if i > 0 {
                        tasks.push(Task::Text(item_separator));
                    }
                }
            }
            Value::Object(map) => {
                out.push('{');
                tasks.push(Task::Text("}"));
                tasks.push(Task::Newline(level));
                for (i, (key, item)) in map.iter().enumerate().rev() {
                    tasks.push(Task::Value(item, level + 1));
                    tasks.push(Task::Text(": "));
                    tasks.push(Task::Key(key));
                    tasks.push(Task::Newline(level + 1));
                    if i > 0 {
                        tasks.push(Task::Text(item_separator));
                    }
                }
            }
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

    #[test]
    fn matches_python_on_the_golden_values() {
        for (json_text, ascii, unicode) in DUMPS_CASES {
            let value: Value = serde_json::from_str(json_text).expect("golden JSON parses");
            assert_eq!(dumps(&value, true), *ascii, "json.dumps of {json_text}");
            assert_eq!(dumps(&value, false), *unicode, "json.dumps(ensure_ascii=False) of {json_text}");
        }
    }

    /// (JSON text, json.dumps(v, indent=4), json.dumps(v, indent=4, ensure_ascii=False)), from CPython 3.11.7.
    const DUMPS_CASES: &[(&str, &str, &str)] = &[
        ("{}", "{}", "{}"),
        ("[]", "[]", "[]"),
        ("\"\"", "\"\"", "\"\""),
        ("null", "null", "null"),
        ("true", "true", "true"),
        ("1", "1", "1"),
        ("-0.0", "-0.0", "-0.0"),
        ("1e+16", "1e+16", "1e+16"),
        (
            "{\"a\": {}, \"b\": []}",
            "{\u{a}    \"a\": {},\u{a}    \"b\": []\u{a}}",
            "{\u{a}    \"a\": {},\u{a}    \"b\": []\u{a}}",
        ),
        (
            "{\"k\": [\"Zo\\u00eb\", \"\\u7528\\u6237\", \"\\ud83d\\ude00\", \"e\\u0301\", \"\\u0000\\b\\f\\u001f\\u007f\\u0085\\u2028\\ufeff\", \"\\\"\\\\/\"]}",
            "{\u{a}    \"k\": [\u{a}        \"Zo\\u00eb\",\u{a}        \"\\u7528\\u6237\",\u{a}        \"\\ud83d\\ude00\",\u{a}        \"e\\u0301\",\u{a}        \"\\u0000\\b\\f\\u001f\\u007f\\u0085\\u2028\\ufeff\",\u{a}        \"\\\"\\\\/\"\u{a}    ]\u{a}}",
            "{\u{a}    \"k\": [\u{a}        \"Zo\u{eb}\",\u{a}        \"\u{7528}\u{6237}\",\u{a}        \"\u{1f600}\",\u{a}        \"e\u{301}\",\u{a}        \"\\u0000\\b\\f\\u001f\u{7f}\u{85}\u{2028}\u{feff}\",\u{a}        \"\\\"\\\\/\"\u{a}    ]\u{a}}",
        ),
        (
            "[[[[]]], {\"\": {\"\": null}}]",
            "[\u{a}    [\u{a}        [\u{a}            []\u{a}        ]\u{a}    ],\u{a}    {\u{a}        \"\": {\u{a}            \"\": null\u{a}        }\u{a}    }\u{a}]",
            "[\u{a}    [\u{a}        [\u{a}            []\u{a}        ]\u{a}    ],\u{a}    {\u{a}        \"\": {\u{a}            \"\": null\u{a}        }\u{a}    }\u{a}]",
        ),
        (
            "{\"\\u0017\\udaf3\\udd41\": null, \"\\uda6f\\udc8a\": {}}",
            "{\u{a}    \"\\u0017\\udaf3\\udd41\": null,\u{a}    \"\\uda6f\\udc8a\": {}\u{a}}",
            "{\u{a}    \"\\u0017\u{ccd41}\": null,\u{a}    \"\u{abc8a}\": {}\u{a}}",
        ),
        ("\"\\uda65\\udd0f\\u9b0b''\\u00d3\"", "\"\\uda65\\udd0f\\u9b0b''\\u00d3\"", "\"\u{a950f}\u{9b0b}''\u{d3}\""),
        ("0.1", "0.1", "0.1"),
        (
            "\"\\u00f6\\udb40\\udd00\\u6d90\\ud872\\udcd8\\uda11\\udd59\\u3000\"",
            "\"\\u00f6\\udb40\\udd00\\u6d90\\ud872\\udcd8\\uda11\\udd59\\u3000\"",
            "\"\u{f6}\u{e0100}\u{6d90}\u{2c8d8}\u{94559}\u{3000}\"",
        ),
        ("[\"\\u5505\"]", "[\u{a}    \"\\u5505\"\u{a}]", "[\u{a}    \"\u{5505}\"\u{a}]"),
        ("[]", "[]", "[]"),
        (
            "\"\\u200e\\u6b42\\udb87\\udf5e\\u200b\\\\\\uffff\"",
            "\"\\u200e\\u6b42\\udb87\\udf5e\\u200b\\\\\\uffff\"",
            "\"\u{200e}\u{6b42}\u{f1f5e}\u{200b}\\\\\u{ffff}\"",
        ),
        ("{}", "{}", "{}"),
        (
            "{\"\\ud9aa\\udf99\\ue000\": \"\", \"\\u00dc\": \"\\ud85d\\udd62\\uf8ff\\\\\\u036f\\u0301\\ud880\\udc00\"}",
            "{\u{a}    \"\\ud9aa\\udf99\\ue000\": \"\",\u{a}    \"\\u00dc\": \"\\ud85d\\udd62\\uf8ff\\\\\\u036f\\u0301\\ud880\\udc00\"\u{a}}",
            "{\u{a}    \"\u{7ab99}\u{e000}\": \"\",\u{a}    \"\u{dc}\": \"\u{27562}\u{f8ff}\\\\\u{36f}\u{301}\u{30000}\"\u{a}}",
        ),
        ("\"'\\ufeff\"", "\"'\\ufeff\"", "\"'\u{feff}\""),
        (
            "[[], \"\\u001f\\ud87e\\ude1e\\u000b\", \"\"]",
            "[\u{a}    [],\u{a}    \"\\u001f\\ud87e\\ude1e\\u000b\",\u{a}    \"\"\u{a}]",
            "[\u{a}    [],\u{a}    \"\\u001f\u{2fa1e}\\u000b\",\u{a}    \"\"\u{a}]",
        ),
        ("{}", "{}", "{}"),
        (
            "{\"\\ub2b0\\\"\": \"\\uda4d\\udcf4\", \"\": 1.0, \"\\u2028\": []}",
            "{\u{a}    \"\\ub2b0\\\"\": \"\\uda4d\\udcf4\",\u{a}    \"\": 1.0,\u{a}    \"\\u2028\": []\u{a}}",
            "{\u{a}    \"\u{b2b0}\\\"\": \"\u{a34f4}\",\u{a}    \"\": 1.0,\u{a}    \"\u{2028}\": []\u{a}}",
        ),
        (
            "\"\\u714b\\\\T\\ud880\\udc00\\udb80\\udc00\"",
            "\"\\u714b\\\\T\\ud880\\udc00\\udb80\\udc00\"",
            "\"\u{714b}\\\\T\u{30000}\u{f0000}\"",
        ),
        ("100000.0", "100000.0", "100000.0"),
        (
            "{\"\": \"\\u00ac\\udb7b\\udff4\\u7d90\\u3264\\u892d\\ud835\\uddbe\\u0081\\\"\"}",
            "{\u{a}    \"\": \"\\u00ac\\udb7b\\udff4\\u7d90\\u3264\\u892d\\ud835\\uddbe\\u0081\\\"\"\u{a}}",
            "{\u{a}    \"\": \"\u{ac}\u{eeff4}\u{7d90}\u{3264}\u{892d}\u{1d5be}\u{81}\\\"\"\u{a}}",
        ),
        (
            "{\"\\udb40\\udd00\\ud9e6\\udc2f\": {\"\\ue000\\u0378\\ud8dc\\udcc4\": [{}], \"\": {\"\": [null, \"\\u000b\\u036e\\u5364\\u2b4f\"], \"'\\u2028\\u030d\\udb80\\udc00\": [\"\\u2029\\u0019\\udb40\\udd00\\u293d\", \"\"]}, \"\\u2060\\\\\\ud9f3\\udd06\": {\"\\u0369\\u0324\\u001d\": {\"\\udb40\\udd00\\u1680\\ub440\": \"\", \"'5x\\udbff\\udffd\": null, \"\\u9cc9\\u0011\": \"\\u0001\"}, \"\": -514720}}}",
            "{\u{a}    \"\\udb40\\udd00\\ud9e6\\udc2f\": {\u{a}        \"\\ue000\\u0378\\ud8dc\\udcc4\": [\u{a}            {}\u{a}        ],\u{a}        \"\": {\u{a}            \"\": [\u{a}                null,\u{a}                \"\\u000b\\u036e\\u5364\\u2b4f\"\u{a}            ],\u{a}            \"'\\u2028\\u030d\\udb80\\udc00\": [\u{a}                \"\\u2029\\u0019\\udb40\\udd00\\u293d\",\u{a}                \"\"\u{a}            ]\u{a}        },\u{a}        \"\\u2060\\\\\\ud9f3\\udd06\": {\u{a}            \"\\u0369\\u0324\\u001d\": {\u{a}                \"\\udb40\\udd00\\u1680\\ub440\": \"\",\u{a}                \"'5x\\udbff\\udffd\": null,\u{a}                \"\\u9cc9\\u0011\": \"\\u0001\"\u{a}            },\u{a}            \"\": -514720\u{a}        }\u{a}    }\u{a}}",
            "{\u{a}    \"\u{e0100}\u{8982f}\": {\u{a}        \"\u{e000}\u{378}\u{470c4}\": [\u{a}            {}\u{a}        ],\u{a}        \"\": {\u{a}            \"\": [\u{a}                null,\u{a}                \"\\u000b\u{36e}\u{5364}\u{2b4f}\"\u{a}            ],\u{a}            \"'\u{2028}\u{30d}\u{f0000}\": [\u{a}                \"\u{2029}\\u0019\u{e0100}\u{293d}\",\u{a}                \"\"\u{a}            ]\u{a}        },\u{a}        \"\u{2060}\\\\\u{8cd06}\": {\u{a}            \"\u{369}\u{324}\\u001d\": {\u{a}                \"\u{e0100}\u{1680}\u{b440}\": \"\",\u{a}                \"'5x\u{10fffd}\": null,\u{a}                \"\u{9cc9}\\u0011\": \"\\u0001\"\u{a}            },\u{a}            \"\": -514720\u{a}        }\u{a}    }\u{a}}",
        ),
        ("\"\\u1404\\ud83d\\udfb0\"", "\"\\u1404\\ud83d\\udfb0\"", "\"\u{1404}\u{1f7b0}\""),
        ("{}", "{}", "{}"),
        (
            "[{\"\\ud83d\\udc31\\ud83e\\ude9b\\u061c\\ue000\": {\"L\\u00f6\\u0354\\ufeff\": {\"\\u2b8a\": \"\\ud985\\udcca\\ud83e\\udc9c\\u63c7\\ud9e2\\uddd7\\ud83d\\udd28\\u0012\\ud812\\ude25\\u35b4\", \"\\ud854\\udc89\": \"]\\ud82a\\udfbe\\ufa54\\\\\\ud9c5\\udf30\\u0318u\"}, \"\\ud83d\\udc6b\\u035c\\u1680\": [], \"\\r\": \"\\u032f\\udbff\\udfff\\u77ba\\ufffe\\u0014\\ue29c\"}, \"\\ue000\": {\"\\r\\ud83e\\udcf6\": \"\", \"\\uf8ff\\ud83e\\udc47\\f\": \"\\u0002\\u0019\\udbff\\udffd\"}}, \"\\u200e'\\ud83c\\udf7f\\u92d6\\ue000\\udb7a\\udca1\", {}]",
            "[\u{a}    {\u{a}        \"\\ud83d\\udc31\\ud83e\\ude9b\\u061c\\ue000\": {\u{a}            \"L\\u00f6\\u0354\\ufeff\": {\u{a}                \"\\u2b8a\": \"\\ud985\\udcca\\ud83e\\udc9c\\u63c7\\ud9e2\\uddd7\\ud83d\\udd28\\u0012\\ud812\\ude25\\u35b4\",\u{a}                \"\\ud854\\udc89\": \"]\\ud82a\\udfbe\\ufa54\\\\\\ud9c5\\udf30\\u0318u\"\u{a}            },\u{a}            \"\\ud83d\\udc6b\\u035c\\u1680\": [],\u{a}            \"\\r\": \"\\u032f\\udbff\\udfff\\u77ba\\ufffe\\u0014\\ue29c\"\u{a}        },\u{a}        \"\\ue000\": {\u{a}            \"\\r\\ud83e\\udcf6\": \"\",\u{a}            \"\\uf8ff\\ud83e\\udc47\\f\": \"\\u0002\\u0019\\udbff\\udffd\"\u{a}        }\u{a}    },\u{a}    \"\\u200e'\\ud83c\\udf7f\\u92d6\\ue000\\udb7a\\udca1\",\u{a}    {}\u{a}]",
            "[\u{a}    {\u{a}        \"\u{1f431}\u{1fa9b}\u{61c}\u{e000}\": {\u{a}            \"L\u{f6}\u{354}\u{feff}\": {\u{a}                \"\u{2b8a}\": \"\u{714ca}\u{1f89c}\u{63c7}\u{889d7}\u{1f528}\\u0012\u{14a25}\u{35b4}\",\u{a}                \"\u{25089}\": \"]\u{1abbe}\u{fa54}\\\\\u{81730}\u{318}u\"\u{a}            },\u{a}            \"\u{1f46b}\u{35c}\u{1680}\": [],\u{a}            \"\\r\": \"\u{32f}\u{10ffff}\u{77ba}\u{fffe}\\u0014\u{e29c}\"\u{a}        },\u{a}        \"\u{e000}\": {\u{a}            \"\\r\u{1f8f6}\": \"\",\u{a}            \"\u{f8ff}\u{1f847}\\f\": \"\\u0002\\u0019\u{10fffd}\"\u{a}        }\u{a}    },\u{a}    \"\u{200e}'\u{1f37f}\u{92d6}\u{e000}\u{ee8a1}\",\u{a}    {}\u{a}]",
        ),
        ("null", "null", "null"),
        (
            "[null, [], [\"\\u0378\\ued0c\\u0015\"]]",
            "[\u{a}    null,\u{a}    [],\u{a}    [\u{a}        \"\\u0378\\ued0c\\u0015\"\u{a}    ]\u{a}]",
            "[\u{a}    null,\u{a}    [],\u{a}    [\u{a}        \"\u{378}\u{ed0c}\\u0015\"\u{a}    ]\u{a}]",
        ),
        ("123.456", "123.456", "123.456"),
        ("null", "null", "null"),
        ("[]", "[]", "[]"),
        (
            "{\"\\u9cc1'\": \"\\ua91b\", \"\": {\"\\ud83c\\udf76\\u3000\\u5745\": \"\\uac0e\", \"\\ue000'\\u2029\\uf8ff\": \"\\u2060\", \"'\\u200b\\u7efd\": \"\\u00a9d\\ud445\\udb80\\udc00\\u8b37\"}}",
            "{\u{a}    \"\\u9cc1'\": \"\\ua91b\",\u{a}    \"\": {\u{a}        \"\\ud83c\\udf76\\u3000\\u5745\": \"\\uac0e\",\u{a}        \"\\ue000'\\u2029\\uf8ff\": \"\\u2060\",\u{a}        \"'\\u200b\\u7efd\": \"\\u00a9d\\ud445\\udb80\\udc00\\u8b37\"\u{a}    }\u{a}}",
            "{\u{a}    \"\u{9cc1}'\": \"\u{a91b}\",\u{a}    \"\": {\u{a}        \"\u{1f376}\u{3000}\u{5745}\": \"\u{ac0e}\",\u{a}        \"\u{e000}'\u{2029}\u{f8ff}\": \"\u{2060}\",\u{a}        \"'\u{200b}\u{7efd}\": \"\u{a9}d\u{d445}\u{f0000}\u{8b37}\"\u{a}    }\u{a}}",
        ),
        ("{\"\\u030f\": []}", "{\u{a}    \"\\u030f\": []\u{a}}", "{\u{a}    \"\u{30f}\": []\u{a}}"),
        ("0.0", "0.0", "0.0"),
        ("0", "0", "0"),
        ("{\"\": false}", "{\u{a}    \"\": false\u{a}}", "{\u{a}    \"\": false\u{a}}"),
        ("{}", "{}", "{}"),
        (
            "{\"\\u033e\\u0323\\udb40\\udc01\\ud83e\\ude23\": \"\\u00f7\\ud83c\\udf5e\\u032b\", \"\\u0012\": \"\"}",
            "{\u{a}    \"\\u033e\\u0323\\udb40\\udc01\\ud83e\\ude23\": \"\\u00f7\\ud83c\\udf5e\\u032b\",\u{a}    \"\\u0012\": \"\"\u{a}}",
            "{\u{a}    \"\u{33e}\u{323}\u{e0001}\u{1fa23}\": \"\u{f7}\u{1f35e}\u{32b}\",\u{a}    \"\\u0012\": \"\"\u{a}}",
        ),
        (
            "[\"\\u89ff\\ufeff\\u0369\\u00ed\\u5dad\\udbff\\udffd\\\\\", {\"\\u0011\": \"\\u3000\\n\\u5405\\udbff\\udffd\"}, \"\\u9ee8\"]",
            "[\u{a}    \"\\u89ff\\ufeff\\u0369\\u00ed\\u5dad\\udbff\\udffd\\\\\",\u{a}    {\u{a}        \"\\u0011\": \"\\u3000\\n\\u5405\\udbff\\udffd\"\u{a}    },\u{a}    \"\\u9ee8\"\u{a}]",
            "[\u{a}    \"\u{89ff}\u{feff}\u{369}\u{ed}\u{5dad}\u{10fffd}\\\\\",\u{a}    {\u{a}        \"\\u0011\": \"\u{3000}\\n\u{5405}\u{10fffd}\"\u{a}    },\u{a}    \"\u{9ee8}\"\u{a}]",
        ),
        ("null", "null", "null"),
        ("1e+22", "1e+22", "1e+22"),
        (
            "{\"G'\\\\\": false, \"\\u5880\\ub8e1\\u00d7\": {\"\\uf8ff\\u574c\": \"\\u001f\\u3000\"}}",
            "{\u{a}    \"G'\\\\\": false,\u{a}    \"\\u5880\\ub8e1\\u00d7\": {\u{a}        \"\\uf8ff\\u574c\": \"\\u001f\\u3000\"\u{a}    }\u{a}}",
            "{\u{a}    \"G'\\\\\": false,\u{a}    \"\u{5880}\u{b8e1}\u{d7}\": {\u{a}        \"\u{f8ff}\u{574c}\": \"\\u001f\u{3000}\"\u{a}    }\u{a}}",
        ),
        ("3.14159", "3.14159", "3.14159"),
        ("{}", "{}", "{}"),
        (
            "\"_\\uffff(\\u51adI\\u001f\\u033d\\u1680\"",
            "\"_\\uffff(\\u51adI\\u001f\\u033d\\u1680\"",
            "\"_\u{ffff}(\u{51ad}I\\u001f\u{33d}\u{1680}\"",
        ),
        ("true", "true", "true"),
        ("\"L\\ufffe\"", "\"L\\ufffe\"", "\"L\u{fffe}\""),
        ("{}", "{}", "{}"),
        ("\"\\uac5f\"", "\"\\uac5f\"", "\"\u{ac5f}\""),
        (
            "\"\\u2028\\\"\\u0000\\u200b\\udb40\\udd00\\ud880\\udc00\"",
            "\"\\u2028\\\"\\u0000\\u200b\\udb40\\udd00\\ud880\\udc00\"",
            "\"\u{2028}\\\"\\u0000\u{200b}\u{e0100}\u{30000}\"",
        ),
        ("false", "false", "false"),
        ("{}", "{}", "{}"),
        ("1000000000000000.0", "1000000000000000.0", "1000000000000000.0"),
        ("[]", "[]", "[]"),
        ("\"\"", "\"\"", "\"\""),
        (
            "\"\\u200e \\uf8ff\\uffff\\u0001\"",
            "\"\\u200e \\uf8ff\\uffff\\u0001\"",
            "\"\u{200e} \u{f8ff}\u{ffff}\\u0001\"",
        ),
        (
            "{\"\\uda38\\udf98\\u704b\": \"\\udb40\\udc01\\u0338>e\\uffff\\ufeff\\u00d2\\u00d7\"}",
            "{\u{a}    \"\\uda38\\udf98\\u704b\": \"\\udb40\\udc01\\u0338>e\\uffff\\ufeff\\u00d2\\u00d7\"\u{a}}",
            "{\u{a}    \"\u{9e398}\u{704b}\": \"\u{e0001}\u{338}>e\u{ffff}\u{feff}\u{d2}\u{d7}\"\u{a}}",
        ),
        (
            "{\"\\\"\\\"\\ufffe\\ud905\\udc65\": 18446744073709551615, \"\\u00c4'\": \"\", \"\\u0378\\ud950\\udca4\": [[{\"\\\"\\u9c15\": \"\\u97d1\\uffff\\ud9f5\\udcce\\ud880\\udc00\\u001c\\ua628\\u7a5f\"}, {\"\\udb80\\udc00\\u0003\\u001c\": \"\\u1680\\udb80\\udc007\", \"\\u00b1\": \"\\u0002\\u8e50\\uebba\\udae9\\udc10\\u2028\"}, {\"\\u0378\\u00aa\\u1c48\": \"\"}]]}",
            "{\u{a}    \"\\\"\\\"\\ufffe\\ud905\\udc65\": 18446744073709551615,\u{a}    \"\\u00c4'\": \"\",\u{a}    \"\\u0378\\ud950\\udca4\": [\u{a}        [\u{a}            {\u{a}                \"\\\"\\u9c15\": \"\\u97d1\\uffff\\ud9f5\\udcce\\ud880\\udc00\\u001c\\ua628\\u7a5f\"\u{a}            },\u{a}            {\u{a}                \"\\udb80\\udc00\\u0003\\u001c\": \"\\u1680\\udb80\\udc007\",\u{a}                \"\\u00b1\": \"\\u0002\\u8e50\\uebba\\udae9\\udc10\\u2028\"\u{a}            },\u{a}            {\u{a}                \"\\u0378\\u00aa\\u1c48\": \"\"\u{a}            }\u{a}        ]\u{a}    ]\u{a}}",
            "{\u{a}    \"\\\"\\\"\u{fffe}\u{51465}\": 18446744073709551615,\u{a}    \"\u{c4}'\": \"\",\u{a}    \"\u{378}\u{640a4}\": [\u{a}        [\u{a}            {\u{a}                \"\\\"\u{9c15}\": \"\u{97d1}\u{ffff}\u{8d4ce}\u{30000}\\u001c\u{a628}\u{7a5f}\"\u{a}            },\u{a}            {\u{a}                \"\u{f0000}\\u0003\\u001c\": \"\u{1680}\u{f0000}7\",\u{a}                \"\u{b1}\": \"\\u0002\u{8e50}\u{ebba}\u{ca410}\u{2028}\"\u{a}            },\u{a}            {\u{a}                \"\u{378}\u{aa}\u{1c48}\": \"\"\u{a}            }\u{a}        ]\u{a}    ]\u{a}}",
        ),
        ("{}", "{}", "{}"),
        ("\"i\\u008a\\\"\"", "\"i\\u008a\\\"\"", "\"i\u{8a}\\\"\""),
        (
            "{\"\\ud982\\udde1\\ufffe\\udb80\\udc00\": [{\"\": {\"\\u6785\": \"\\ueafd\\ud880\\udc00\\\\\\ud87e\\ude3c\\u061c\\ud83e\\udc3cp\\ue000\", \"\\u2060\\ufeff'z\": \"\\u0301\\u2060\"}, \"\\u6597\\ud83e\\udcb5\": {\"\\ud83e\\udd22\": \"\\\\\\u2028\\\"\\udba3\\udcf1\", \"\\udbff\\udffd\": 1000000000000000}}, [\"\\fFY\\ue000\\u0356\\u57a9\", {\"\\\\\\\"\\u0361\\uf504\": \"\\\"\\u9d9c\\u1680\\u0016\\ud83e\\ude80\\u1680\\ud87e\\ude1e\\ud83e\\udeea\", \"\\ud9bd\\ude57\\u034d\\u009c\": null, \"\": \"\\udb80\\udc00\\u900a\\u3000\\\"\\ud83d\\udfb3\"}], false]}",
            "{\u{a}    \"\\ud982\\udde1\\ufffe\\udb80\\udc00\": [\u{a}        {\u{a}            \"\": {\u{a}                \"\\u6785\": \"\\ueafd\\ud880\\udc00\\\\\\ud87e\\ude3c\\u061c\\ud83e\\udc3cp\\ue000\",\u{a}                \"\\u2060\\ufeff'z\": \"\\u0301\\u2060\"\u{a}            },\u{a}            \"\\u6597\\ud83e\\udcb5\": {\u{a}                \"\\ud83e\\udd22\": \"\\\\\\u2028\\\"\\udba3\\udcf1\",\u{a}                \"\\udbff\\udffd\": 1000000000000000\u{a}            }\u{a}        },\u{a}        [\u{a}            \"\\fFY\\ue000\\u0356\\u57a9\",\u{a}            {\u{a}                \"\\\\\\\"\\u0361\\uf504\": \"\\\"\\u9d9c\\u1680\\u0016\\ud83e\\ude80\\u1680\\ud87e\\ude1e\\ud83e\\udeea\",\u{a}                \"\\ud9bd\\ude57\\u034d\\u009c\": null,\u{a}                \"\": \"\\udb80\\udc00\\u900a\\u3000\\\"\\ud83d\\udfb3\"\u{a}            }\u{a}        ],\u{a}        false\u{a}    ]\u{a}}",
            "{\u{a}    \"\u{709e1}\u{fffe}\u{f0000}\": [\u{a}        {\u{a}            \"\": {\u{a}                \"\u{6785}\": \"\u{eafd}\u{30000}\\\\\u{2fa3c}\u{61c}\u{1f83c}p\u{e000}\",\u{a}                \"\u{2060}\u{feff}'z\": \"\u{301}\u{2060}\"\u{a}            },\u{a}            \"\u{6597}\u{1f8b5}\": {\u{a}                \"\u{1f922}\": \"\\\\\u{2028}\\\"\u{f8cf1}\",\u{a}                \"\u{10fffd}\": 1000000000000000\u{a}            }\u{a}        },\u{a}        [\u{a}            \"\\fFY\u{e000}\u{356}\u{57a9}\",\u{a}            {\u{a}                \"\\\\\\\"\u{361}\u{f504}\": \"\\\"\u{9d9c}\u{1680}\\u0016\u{1fa80}\u{1680}\u{2fa1e}\u{1faea}\",\u{a}                \"\u{7f657}\u{34d}\u{9c}\": null,\u{a}                \"\": \"\u{f0000}\u{900a}\u{3000}\\\"\u{1f7b3}\"\u{a}            }\u{a}        ],\u{a}        false\u{a}    ]\u{a}}",
        ),
        (
            "{\"\\u8628\\u98fc\\u55cb@\": null, \"\\u5cf4\\u6794\": []}",
            "{\u{a}    \"\\u8628\\u98fc\\u55cb@\": null,\u{a}    \"\\u5cf4\\u6794\": []\u{a}}",
            "{\u{a}    \"\u{8628}\u{98fc}\u{55cb}@\": null,\u{a}    \"\u{5cf4}\u{6794}\": []\u{a}}",
        ),
        ("false", "false", "false"),
        ("0.1", "0.1", "0.1"),
        (
            "\"\\u0356\\u2060\\\\\\ud83d\\ude64\\ud87e\\ude1e\"",
            "\"\\u0356\\u2060\\\\\\ud83d\\ude64\\ud87e\\ude1e\"",
            "\"\u{356}\u{2060}\\\\\u{1f664}\u{2fa1e}\"",
        ),
        (
            "{\"\\udace\\udeda\\u009e\\udb27\\udc23\": {\"\": \"\\ue000\\uf8ff\\u63fe&\\uf8ff\\u0348\", \"\\u000f\\f\": [{}], \"\\u00da\\u0348g\": [{\"'\": \"\\u6d85\\\"H'\\u000e\\udb09\\ude64\\u3a83\\n\", \"\\u007f\\u0361\\u9fa0\": \"\\ud803\\udd32\\u200b\\u00dc\\udbff\\udffd\"}, \"\\u0350\", \"\\udbfe\\udfa0w\\r\"]}, \"\\u00ffu\": null, \"\": -1.5}",
            "{\u{a}    \"\\udace\\udeda\\u009e\\udb27\\udc23\": {\u{a}        \"\": \"\\ue000\\uf8ff\\u63fe&\\uf8ff\\u0348\",\u{a}        \"\\u000f\\f\": [\u{a}            {}\u{a}        ],\u{a}        \"\\u00da\\u0348g\": [\u{a}            {\u{a}                \"'\": \"\\u6d85\\\"H'\\u000e\\udb09\\ude64\\u3a83\\n\",\u{a}                \"\\u007f\\u0361\\u9fa0\": \"\\ud803\\udd32\\u200b\\u00dc\\udbff\\udffd\"\u{a}            },\u{a}            \"\\u0350\",\u{a}            \"\\udbfe\\udfa0w\\r\"\u{a}        ]\u{a}    },\u{a}    \"\\u00ffu\": null,\u{a}    \"\": -1.5\u{a}}",
            "{\u{a}    \"\u{c3ada}\u{9e}\u{d9c23}\": {\u{a}        \"\": \"\u{e000}\u{f8ff}\u{63fe}&\u{f8ff}\u{348}\",\u{a}        \"\\u000f\\f\": [\u{a}            {}\u{a}        ],\u{a}        \"\u{da}\u{348}g\": [\u{a}            {\u{a}                \"'\": \"\u{6d85}\\\"H'\\u000e\u{d2664}\u{3a83}\\n\",\u{a}                \"\u{7f}\u{361}\u{9fa0}\": \"\u{10d32}\u{200b}\u{dc}\u{10fffd}\"\u{a}            },\u{a}            \"\u{350}\",\u{a}            \"\u{10fba0}w\\r\"\u{a}        ]\u{a}    },\u{a}    \"\u{ff}u\": null,\u{a}    \"\": -1.5\u{a}}",
        ),
        (
            "\"\\u00e6\\u000b\\ud83c\\udf6a\\u70cbD\"",
            "\"\\u00e6\\u000b\\ud83c\\udf6a\\u70cbD\"",
            "\"\u{e6}\\u000b\u{1f36a}\u{70cb}D\"",
        ),
        ("[]", "[]", "[]"),
        (
            "{\"\\u0094\\ud873\\udf59\\u031a\\ud83d\\udd8a\": 0.0}",
            "{\u{a}    \"\\u0094\\ud873\\udf59\\u031a\\ud83d\\udd8a\": 0.0\u{a}}",
            "{\u{a}    \"\u{94}\u{2cf59}\u{31a}\u{1f58a}\": 0.0\u{a}}",
        ),
        ("null", "null", "null"),
        (
            "{\"\\uf41f'\\u061cL\": {}}",
            "{\u{a}    \"\\uf41f'\\u061cL\": {}\u{a}}",
            "{\u{a}    \"\u{f41f}'\u{61c}L\": {}\u{a}}",
        ),
        (
            "{\"\\ube18\\u000f\\ud87e\\ude1e\\u001c\": \"\", \"'\\u008f0\\u0099\": {\"\": \"\\uf8ff\\u58fb\\ud83c\\udf73\\ud83e\\udef4\\u0360\\\\\\u1680\"}}",
            "{\u{a}    \"\\ube18\\u000f\\ud87e\\ude1e\\u001c\": \"\",\u{a}    \"'\\u008f0\\u0099\": {\u{a}        \"\": \"\\uf8ff\\u58fb\\ud83c\\udf73\\ud83e\\udef4\\u0360\\\\\\u1680\"\u{a}    }\u{a}}",
            "{\u{a}    \"\u{be18}\\u000f\u{2fa1e}\\u001c\": \"\",\u{a}    \"'\u{8f}0\u{99}\": {\u{a}        \"\": \"\u{f8ff}\u{58fb}\u{1f373}\u{1faf4}\u{360}\\\\\u{1680}\"\u{a}    }\u{a}}",
        ),
        ("{}", "{}", "{}"),
        (
            "{\"\\ud83e\\udd6a\\f\\u00f9\\ud83d\\udfe4\": \"W\\u6576\\uda2b\\udf2b\\udb80\\udc00\"}",
            "{\u{a}    \"\\ud83e\\udd6a\\f\\u00f9\\ud83d\\udfe4\": \"W\\u6576\\uda2b\\udf2b\\udb80\\udc00\"\u{a}}",
            "{\u{a}    \"\u{1f96a}\\f\u{f9}\u{1f7e4}\": \"W\u{6576}\u{9af2b}\u{f0000}\"\u{a}}",
        ),
        ("{}", "{}", "{}"),
        ("[]", "[]", "[]"),
        (
            "[{\"N\": \"\\ud87e\\ude1e\\u0366\", \"\\u1680\\\\\\ufffe\": [[null, \"\\u00de\\u3000\\\"\\\"\\u0002K\"], 1000000000000000, -765612]}, 2.5]",
            "[\u{a}    {\u{a}        \"N\": \"\\ud87e\\ude1e\\u0366\",\u{a}        \"\\u1680\\\\\\ufffe\": [\u{a}            [\u{a}                null,\u{a}                \"\\u00de\\u3000\\\"\\\"\\u0002K\"\u{a}            ],\u{a}            1000000000000000,\u{a}            -765612\u{a}        ]\u{a}    },\u{a}    2.5\u{a}]",
            "[\u{a}    {\u{a}        \"N\": \"\u{2fa1e}\u{366}\",\u{a}        \"\u{1680}\\\\\u{fffe}\": [\u{a}            [\u{a}                null,\u{a}                \"\u{de}\u{3000}\\\"\\\"\\u0002K\"\u{a}            ],\u{a}            1000000000000000,\u{a}            -765612\u{a}        ]\u{a}    },\u{a}    2.5\u{a}]",
        ),
        (
            "{\"\\u00ec\": \"\\u9e29\\u033c\\u032f\\u035a\\ud83d\\uddc1\\ud83d\\udfc2\\udbff\\udfff\\u0181\", \"\\u9fe4\": \"\\u6b7d\\u0350'\\ud83d\\udd08\\uda8d\\udfbb\"}",
            "{\u{a}    \"\\u00ec\": \"\\u9e29\\u033c\\u032f\\u035a\\ud83d\\uddc1\\ud83d\\udfc2\\udbff\\udfff\\u0181\",\u{a}    \"\\u9fe4\": \"\\u6b7d\\u0350'\\ud83d\\udd08\\uda8d\\udfbb\"\u{a}}",
            "{\u{a}    \"\u{ec}\": \"\u{9e29}\u{33c}\u{32f}\u{35a}\u{1f5c1}\u{1f7c2}\u{10ffff}\u{181}\",\u{a}    \"\u{9fe4}\": \"\u{6b7d}\u{350}'\u{1f508}\u{b37bb}\"\u{a}}",
        ),
        ("1000000000000000", "1000000000000000", "1000000000000000"),
        (
            "{\"F\": {\"\\udba1\\udd60\\u9092\": {}, \"\": null}}",
            "{\u{a}    \"F\": {\u{a}        \"\\udba1\\udd60\\u9092\": {},\u{a}        \"\": null\u{a}    }\u{a}}",
            "{\u{a}    \"F\": {\u{a}        \"\u{f8560}\u{9092}\": {},\u{a}        \"\": null\u{a}    }\u{a}}",
        ),
        (
            "\"\\u00d3\\ud86e\\udd64\\ud43f\\udb80\\udc000\\uf8ff\"",
            "\"\\u00d3\\ud86e\\udd64\\ud43f\\udb80\\udc000\\uf8ff\"",
            "\"\u{d3}\u{2b964}\u{d43f}\u{f0000}0\u{f8ff}\"",
        ),
        (
            "{\"\\u9142b\": {\"\\u76c6\\u001c\\u7054v\": null}, \"\\u0018\\u0378\\udb6b\\ude93\\ud83e\\udd1d\": {\"\\ud83c\\udfef\\u0097\\u3238\": 0.0001, \"\\ud83e\\udeac\\u3000'\\uffff\": {\"\": {\"\\udb80\\udc00\\ud83e\\ude10\\u2028\\udb80\\udc00\": \"\\u36dc\\u90aa\\ufeff\\udb80\\udc00\\u2029\\u8004\", \"\\udbff\\udffd\\\"\\ud83d\\udc59\": null, \"\\ud83d\\udc47\\u00f9\": \"\\u00de\\udbff\\udffd\\ud83d\\udc6f\\t\\u0378\\u0324\\u74fc\"}, \"'\": {}, \"\\u2029\": {}}}, \"\": {\"\\u0c3b\": {\"\": {\"\\u0378\\ufffe\": \"\\u99f8\\ufffe\\u00b9\\u00f7\", \"\": 0, \"\\udbff\\udffd\\u90ad\\u3000\\u200e\": \"\\ud83d\\udd04\\u000b\\uda04\\udca5\\ud83e\\uddc7\\u6036\\\"\\udbaa\\udefa\"}, \"\\u031d\": [true]}}}",
            "{\u{a}    \"\\u9142b\": {\u{a}        \"\\u76c6\\u001c\\u7054v\": null\u{a}    },\u{a}    \"\\u0018\\u0378\\udb6b\\ude93\\ud83e\\udd1d\": {\u{a}        \"\\ud83c\\udfef\\u0097\\u3238\": 0.0001,\u{a}        \"\\ud83e\\udeac\\u3000'\\uffff\": {\u{a}            \"\": {\u{a}                \"\\udb80\\udc00\\ud83e\\ude10\\u2028\\udb80\\udc00\": \"\\u36dc\\u90aa\\ufeff\\udb80\\udc00\\u2029\\u8004\",\u{a}                \"\\udbff\\udffd\\\"\\ud83d\\udc59\": null,\u{a}                \"\\ud83d\\udc47\\u00f9\": \"\\u00de\\udbff\\udffd\\ud83d\\udc6f\\t\\u0378\\u0324\\u74fc\"\u{a}            },\u{a}            \"'\": {},\u{a}            \"\\u2029\": {}\u{a}        }\u{a}    },\u{a}    \"\": {\u{a}        \"\\u0c3b\": {\u{a}            \"\": {\u{a}                \"\\u0378\\ufffe\": \"\\u99f8\\ufffe\\u00b9\\u00f7\",\u{a}                \"\": 0,\u{a}                \"\\udbff\\udffd\\u90ad\\u3000\\u200e\": \"\\ud83d\\udd04\\u000b\\uda04\\udca5\\ud83e\\uddc7\\u6036\\\"\\udbaa\\udefa\"\u{a}            },\u{a}            \"\\u031d\": [\u{a}                true\u{a}            ]\u{a}        }\u{a}    }\u{a}}",
            "{\u{a}    \"\u{9142}b\": {\u{a}        \"\u{76c6}\\u001c\u{7054}v\": null\u{a}    },\u{a}    \"\\u0018\u{378}\u{eae93}\u{1f91d}\": {\u{a}        \"\u{1f3ef}\u{97}\u{3238}\": 0.0001,\u{a}        \"\u{1faac}\u{3000}'\u{ffff}\": {\u{a}            \"\": {\u{a}                \"\u{f0000}\u{1fa10}\u{2028}\u{f0000}\": \"\u{36dc}\u{90aa}\u{feff}\u{f0000}\u{2029}\u{8004}\",\u{a}                \"\u{10fffd}\\\"\u{1f459}\": null,\u{a}                \"\u{1f447}\u{f9}\": \"\u{de}\u{10fffd}\u{1f46f}\\t\u{378}\u{324}\u{74fc}\"\u{a}            },\u{a}            \"'\": {},\u{a}            \"\u{2029}\": {}\u{a}        }\u{a}    },\u{a}    \"\": {\u{a}        \"\u{c3b}\": {\u{a}            \"\": {\u{a}                \"\u{378}\u{fffe}\": \"\u{99f8}\u{fffe}\u{b9}\u{f7}\",\u{a}                \"\": 0,\u{a}                \"\u{10fffd}\u{90ad}\u{3000}\u{200e}\": \"\u{1f504}\\u000b\u{910a5}\u{1f9c7}\u{6036}\\\"\u{faafa}\"\u{a}            },\u{a}            \"\u{31d}\": [\u{a}                true\u{a}            ]\u{a}        }\u{a}    }\u{a}}",
        ),
        (
            "[[], {\"\\u001a\\u0368\": {}, \"\\u061c\": {\"\\ud83d\\udf81\\u63ef\\udb99\\udccf\\u95e9\": \"\\ud87b\\ude1a\", \"\": {\"\": \"\", \"\\ue000\\u0305\\u000b\": null, \"\\u9866\\ub79a\\u0337\": \"\"}}}, [[]]]",
            "[\u{a}    [],\u{a}    {\u{a}        \"\\u001a\\u0368\": {},\u{a}        \"\\u061c\": {\u{a}            \"\\ud83d\\udf81\\u63ef\\udb99\\udccf\\u95e9\": \"\\ud87b\\ude1a\",\u{a}            \"\": {\u{a}                \"\": \"\",\u{a}                \"\\ue000\\u0305\\u000b\": null,\u{a}                \"\\u9866\\ub79a\\u0337\": \"\"\u{a}            }\u{a}        }\u{a}    },\u{a}    [\u{a}        []\u{a}    ]\u{a}]",
            "[\u{a}    [],\u{a}    {\u{a}        \"\\u001a\u{368}\": {},\u{a}        \"\u{61c}\": {\u{a}            \"\u{1f781}\u{63ef}\u{f64cf}\u{95e9}\": \"\u{2ee1a}\",\u{a}            \"\": {\u{a}                \"\": \"\",\u{a}                \"\u{e000}\u{305}\\u000b\": null,\u{a}                \"\u{9866}\u{b79a}\u{337}\": \"\"\u{a}            }\u{a}        }\u{a}    },\u{a}    [\u{a}        []\u{a}    ]\u{a}]",
        ),
        ("\"\\u007f\\u9753\"", "\"\\u007f\\u9753\"", "\"\u{7f}\u{9753}\""),
        ("18446744073709551615", "18446744073709551615", "18446744073709551615"),
        ("{}", "{}", "{}"),
        ("\"\\u200e\"", "\"\\u200e\"", "\"\u{200e}\""),
        ("{}", "{}", "{}"),
        (
            "{\"\\u0083\": {}, \"\": \"\\ud880\\udc00\\ud880\\udc00\\u0012\\udbff\\udffd\\u0012\\u00f3\\u67c7'\"}",
            "{\u{a}    \"\\u0083\": {},\u{a}    \"\": \"\\ud880\\udc00\\ud880\\udc00\\u0012\\udbff\\udffd\\u0012\\u00f3\\u67c7'\"\u{a}}",
            "{\u{a}    \"\u{83}\": {},\u{a}    \"\": \"\u{30000}\u{30000}\\u0012\u{10fffd}\\u0012\u{f3}\u{67c7}'\"\u{a}}",
        ),
        (
            "{\"\\u2431\": true, \"\": {\"\\u7ba2\\uf8ff\\ue000\": []}, \"\\ud83c\\udd4d\\u95ce\": {\"\\ud14f\": {\"\\ud83e\\udeb7\": [\"\\ud89f\\udc34\\ue000\\u2028\\ud880\\udc00\\u001b\\ud535\\ud91f\\udf86\\u00c9\", \"\\u0341\\\\\\u7aca\\ud83d\\ude1a\\u032f\", -1], \"\\uf8ff\": null, \"\": \"\\u0368\\u0328\\udb57\\udfb0\\u97f3\\u00e6\\u6ac1O\"}, \"\\u0352\\u0300\": \"\\\\\\u036f\\u0332\"}}",
            "{\u{a}    \"\\u2431\": true,\u{a}    \"\": {\u{a}        \"\\u7ba2\\uf8ff\\ue000\": []\u{a}    },\u{a}    \"\\ud83c\\udd4d\\u95ce\": {\u{a}        \"\\ud14f\": {\u{a}            \"\\ud83e\\udeb7\": [\u{a}                \"\\ud89f\\udc34\\ue000\\u2028\\ud880\\udc00\\u001b\\ud535\\ud91f\\udf86\\u00c9\",\u{a}                \"\\u0341\\\\\\u7aca\\ud83d\\ude1a\\u032f\",\u{a}                -1\u{a}            ],\u{a}            \"\\uf8ff\": null,\u{a}            \"\": \"\\u0368\\u0328\\udb57\\udfb0\\u97f3\\u00e6\\u6ac1O\"\u{a}        },\u{a}        \"\\u0352\\u0300\": \"\\\\\\u036f\\u0332\"\u{a}    }\u{a}}",
            "{\u{a}    \"\u{2431}\": true,\u{a}    \"\": {\u{a}        \"\u{7ba2}\u{f8ff}\u{e000}\": []\u{a}    },\u{a}    \"\u{1f14d}\u{95ce}\": {\u{a}        \"\u{d14f}\": {\u{a}            \"\u{1fab7}\": [\u{a}                \"\u{37c34}\u{e000}\u{2028}\u{30000}\\u001b\u{d535}\u{57f86}\u{c9}\",\u{a}                \"\u{341}\\\\\u{7aca}\u{1f61a}\u{32f}\",\u{a}                -1\u{a}            ],\u{a}            \"\u{f8ff}\": null,\u{a}            \"\": \"\u{368}\u{328}\u{e5fb0}\u{97f3}\u{e6}\u{6ac1}O\"\u{a}        },\u{a}        \"\u{352}\u{300}\": \"\\\\\u{36f}\u{332}\"\u{a}    }\u{a}}",
        ),
        ("{}", "{}", "{}"),
        (
            "\"\\u0309\\u00e6\\ua603\\u061c\\u000f\\u0311\\u0359\\u0001\"",
            "\"\\u0309\\u00e6\\ua603\\u061c\\u000f\\u0311\\u0359\\u0001\"",
            "\"\u{309}\u{e6}\u{a603}\u{61c}\\u000f\u{311}\u{359}\\u0001\"",
        ),
        (
            "{\"]\\udb40\\udd00'\\u0018\": \"\\u0366\\u0309\\u517e\\uf8ff\\ufeff\", \"\": 9223372036854775807}",
            "{\u{a}    \"]\\udb40\\udd00'\\u0018\": \"\\u0366\\u0309\\u517e\\uf8ff\\ufeff\",\u{a}    \"\": 9223372036854775807\u{a}}",
            "{\u{a}    \"]\u{e0100}'\\u0018\": \"\u{366}\u{309}\u{517e}\u{f8ff}\u{feff}\",\u{a}    \"\": 9223372036854775807\u{a}}",
        ),
        ("0.1", "0.1", "0.1"),
        ("-1", "-1", "-1"),
        (
            "{\"\": {\"\\u8613'\": []}}",
            "{\u{a}    \"\": {\u{a}        \"\\u8613'\": []\u{a}    }\u{a}}",
            "{\u{a}    \"\": {\u{a}        \"\u{8613}'\": []\u{a}    }\u{a}}",
        ),
        ("{}", "{}", "{}"),
        (
            "{\"\\u2ec3\\u00ba\": [[{\"\\u1680\\udbc3\\udd90\\u9013\\u669d\": \"\\u001f\\\"1\", \"\\udb80\\udc00\": null}]], \"\\u3761\\udb80\\udc00\\udb80\\udc00\\\\\": true, \"\": [[null, -1.5], {\"\": true, \"\\u3dfd\": []}, {}]}",
            "{\u{a}    \"\\u2ec3\\u00ba\": [\u{a}        [\u{a}            {\u{a}                \"\\u1680\\udbc3\\udd90\\u9013\\u669d\": \"\\u001f\\\"1\",\u{a}                \"\\udb80\\udc00\": null\u{a}            }\u{a}        ]\u{a}    ],\u{a}    \"\\u3761\\udb80\\udc00\\udb80\\udc00\\\\\": true,\u{a}    \"\": [\u{a}        [\u{a}            null,\u{a}            -1.5\u{a}        ],\u{a}        {\u{a}            \"\": true,\u{a}            \"\\u3dfd\": []\u{a}        },\u{a}        {}\u{a}    ]\u{a}}",
            "{\u{a}    \"\u{2ec3}\u{ba}\": [\u{a}        [\u{a}            {\u{a}                \"\u{1680}\u{100d90}\u{9013}\u{669d}\": \"\\u001f\\\"1\",\u{a}                \"\u{f0000}\": null\u{a}            }\u{a}        ]\u{a}    ],\u{a}    \"\u{3761}\u{f0000}\u{f0000}\\\\\": true,\u{a}    \"\": [\u{a}        [\u{a}            null,\u{a}            -1.5\u{a}        ],\u{a}        {\u{a}            \"\": true,\u{a}            \"\u{3dfd}\": []\u{a}        },\u{a}        {}\u{a}    ]\u{a}}",
        ),
        (
            "\"\\udb80\\udc00\\u825a\\u061c\\ud83d\\udc2a\\u0011\"",
            "\"\\udb80\\udc00\\u825a\\u061c\\ud83d\\udc2a\\u0011\"",
            "\"\u{f0000}\u{825a}\u{61c}\u{1f42a}\\u0011\"",
        ),
        (
            "{\"\\uf8ff\": 100000.0, \"\\u0366\\ud8cc\\udf2b\\udb40\\udc01\\u2060\": {\"\\ud929\\udd15\\ufeff\\ue4ab\": [-1, {\"\\\\\\ud83d\\udc30\\u00f9\": false}], \"\\u9763 '\\u061c\": 18446744073709551615, \"\\u73cb\\udbff\\udfff\\u0002\\ue000\": {}}}",
            "{\u{a}    \"\\uf8ff\": 100000.0,\u{a}    \"\\u0366\\ud8cc\\udf2b\\udb40\\udc01\\u2060\": {\u{a}        \"\\ud929\\udd15\\ufeff\\ue4ab\": [\u{a}            -1,\u{a}            {\u{a}                \"\\\\\\ud83d\\udc30\\u00f9\": false\u{a}            }\u{a}        ],\u{a}        \"\\u9763 '\\u061c\": 18446744073709551615,\u{a}        \"\\u73cb\\udbff\\udfff\\u0002\\ue000\": {}\u{a}    }\u{a}}",
            "{\u{a}    \"\u{f8ff}\": 100000.0,\u{a}    \"\u{366}\u{4332b}\u{e0001}\u{2060}\": {\u{a}        \"\u{5a515}\u{feff}\u{e4ab}\": [\u{a}            -1,\u{a}            {\u{a}                \"\\\\\u{1f430}\u{f9}\": false\u{a}            }\u{a}        ],\u{a}        \"\u{9763} '\u{61c}\": 18446744073709551615,\u{a}        \"\u{73cb}\u{10ffff}\\u0002\u{e000}\": {}\u{a}    }\u{a}}",
        ),
        (
            "\"\\u0005\\ud951\\udd1b_8\\u00d9\\u00a5\\ua4fe\\u9aaa\"",
            "\"\\u0005\\ud951\\udd1b_8\\u00d9\\u00a5\\ua4fe\\u9aaa\"",
            "\"\\u0005\u{6451b}_8\u{d9}\u{a5}\u{a4fe}\u{9aaa}\"",
        ),
        (
            "[{\"\\udb48\\ude4cX\": [], \"\\u00aev\\u0338\\u0016\": [[]]}]",
            "[\u{a}    {\u{a}        \"\\udb48\\ude4cX\": [],\u{a}        \"\\u00aev\\u0338\\u0016\": [\u{a}            []\u{a}        ]\u{a}    }\u{a}]",
            "[\u{a}    {\u{a}        \"\u{e224c}X\": [],\u{a}        \"\u{ae}v\u{338}\\u0016\": [\u{a}            []\u{a}        ]\u{a}    }\u{a}]",
        ),
        (
            "{\"\\u00a9\": 0.1, \"\": {\"\\u2060'\\u0017\": [\"-\\ue000\", \"\\uf8ff3\\udb98\\udde2\"], \"\\ud83e\\uded6L\": {}}, \"\\\\\\u3000M\\ud83d\\udf39\": {\"\\ue000\": 1e-05, \"\\u2029\": {\"\": [100000.0, false, false], \"\\u2060\\\"\\udb40\\udc01\\u0016\": {\"\\u73dc\": \"\\ud83c\\udfda\\u00c9\\u00d1\\u2060\\u0095\\\\\", \"\\ud83c\\udffd\\ud83d\\udf97\\u001e\\u0000\": \"\", \"\\u0093\\u0000\\u00df\\u718b\": \"\\ud83d\\udd38\\ud83d\\ude2d\\u0080\\u5963\\u0095\\u200b\\ud83d\\udc51\"}}}}",
            "{\u{a}    \"\\u00a9\": 0.1,\u{a}    \"\": {\u{a}        \"\\u2060'\\u0017\": [\u{a}            \"-\\ue000\",\u{a}            \"\\uf8ff3\\udb98\\udde2\"\u{a}        ],\u{a}        \"\\ud83e\\uded6L\": {}\u{a}    },\u{a}    \"\\\\\\u3000M\\ud83d\\udf39\": {\u{a}        \"\\ue000\": 1e-05,\u{a}        \"\\u2029\": {\u{a}            \"\": [\u{a}                100000.0,\u{a}                false,\u{a}                false\u{a}            ],\u{a}            \"\\u2060\\\"\\udb40\\udc01\\u0016\": {\u{a}                \"\\u73dc\": \"\\ud83c\\udfda\\u00c9\\u00d1\\u2060\\u0095\\\\\",\u{a}                \"\\ud83c\\udffd\\ud83d\\udf97\\u001e\\u0000\": \"\",\u{a}                \"\\u0093\\u0000\\u00df\\u718b\": \"\\ud83d\\udd38\\ud83d\\ude2d\\u0080\\u5963\\u0095\\u200b\\ud83d\\udc51\"\u{a}            }\u{a}        }\u{a}    }\u{a}}",
            "{\u{a}    \"\u{a9}\": 0.1,\u{a}    \"\": {\u{a}        \"\u{2060}'\\u0017\": [\u{a}            \"-\u{e000}\",\u{a}            \"\u{f8ff}3\u{f61e2}\"\u{a}        ],\u{a}        \"\u{1fad6}L\": {}\u{a}    },\u{a}    \"\\\\\u{3000}M\u{1f739}\": {\u{a}        \"\u{e000}\": 1e-05,\u{a}        \"\u{2029}\": {\u{a}            \"\": [\u{a}                100000.0,\u{a}                false,\u{a}                false\u{a}            ],\u{a}            \"\u{2060}\\\"\u{e0001}\\u0016\": {\u{a}                \"\u{73dc}\": \"\u{1f3da}\u{c9}\u{d1}\u{2060}\u{95}\\\\\",\u{a}                \"\u{1f3fd}\u{1f797}\\u001e\\u0000\": \"\",\u{a}                \"\u{93}\\u0000\u{df}\u{718b}\": \"\u{1f538}\u{1f62d}\u{80}\u{5963}\u{95}\u{200b}\u{1f451}\"\u{a}            }\u{a}        }\u{a}    }\u{a}}",
        ),
        (
            "{\"{\\ud90f\\uded4\\ud83d\\udf58\": \"\\ud880\\udc00\\ufffe\\ud83e\\udc5a\", \"\\udb47\\ude05\\uf8ff\\ufeff\": \"\\u00fe\\u0337\"}",
            "{\u{a}    \"{\\ud90f\\uded4\\ud83d\\udf58\": \"\\ud880\\udc00\\ufffe\\ud83e\\udc5a\",\u{a}    \"\\udb47\\ude05\\uf8ff\\ufeff\": \"\\u00fe\\u0337\"\u{a}}",
            "{\u{a}    \"{\u{53ed4}\u{1f758}\": \"\u{30000}\u{fffe}\u{1f85a}\",\u{a}    \"\u{e1e05}\u{f8ff}\u{feff}\": \"\u{fe}\u{337}\"\u{a}}",
        ),
        (
            "[null, \"\\\"V\\ufeff\\u000b\\\\\\u9ec8\\ud83d\\udcd6\\ue98a\"]",
            "[\u{a}    null,\u{a}    \"\\\"V\\ufeff\\u000b\\\\\\u9ec8\\ud83d\\udcd6\\ue98a\"\u{a}]",
            "[\u{a}    null,\u{a}    \"\\\"V\u{feff}\\u000b\\\\\u{9ec8}\u{1f4d6}\u{e98a}\"\u{a}]",
        ),
        (
            "{\"\\u5de4\": \"\\u946b\\\"X\\ud87e\\ude1e\\ue2b1\\uda38\\ude1f\", \"\\ud83c\\udf36\\u817e\\ud83d\\uddce\": [false, 3.14159, [[1e-05], \"\\\"J\", \"\\u0307\\u00c3\\u3b5e\\ud83e\\udef5\\u9b0f\"]], \"\\udb40\\udd00\\ud891\\udf25\\ue000\": null}",
            "{\u{a}    \"\\u5de4\": \"\\u946b\\\"X\\ud87e\\ude1e\\ue2b1\\uda38\\ude1f\",\u{a}    \"\\ud83c\\udf36\\u817e\\ud83d\\uddce\": [\u{a}        false,\u{a}        3.14159,\u{a}        [\u{a}            [\u{a}                1e-05\u{a}            ],\u{a}            \"\\\"J\",\u{a}            \"\\u0307\\u00c3\\u3b5e\\ud83e\\udef5\\u9b0f\"\u{a}        ]\u{a}    ],\u{a}    \"\\udb40\\udd00\\ud891\\udf25\\ue000\": null\u{a}}",
            "{\u{a}    \"\u{5de4}\": \"\u{946b}\\\"X\u{2fa1e}\u{e2b1}\u{9e21f}\",\u{a}    \"\u{1f336}\u{817e}\u{1f5ce}\": [\u{a}        false,\u{a}        3.14159,\u{a}        [\u{a}            [\u{a}                1e-05\u{a}            ],\u{a}            \"\\\"J\",\u{a}            \"\u{307}\u{c3}\u{3b5e}\u{1faf5}\u{9b0f}\"\u{a}        ]\u{a}    ],\u{a}    \"\u{e0100}\u{34725}\u{e000}\": null\u{a}}",
        ),
    ];
}
