//! `--output text`: AWS CLI v1's text formatter (`awscli/text.py`), byte for byte, over the response after `--query`.
//!
//! Also home of the Python `str()` / `repr()` / `str.upper()` renderings of JSON values that both the text and the
//! table output print (`None`, `True`, `1e+16`, `{'a': [1, 'x']}`), computed with Python 3.11's character tables.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::python::py_unicode;
use crate::python::pyrepr::{self, Dicts};

/// AWS CLI v1 stopped part-way through the text output: Python raised an exception, which AWS CLI prints on
/// stderr as `\n{message}\n` with exit code 255, after whatever was already written to stdout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// The bytes written to stdout before the failure (AWS CLI streams the text output line by line).
    pub stdout: String,
    /// Python's type name of the value that was not a dict where one was expected (`int`, `NoneType`, ...).
    type_name: &'static str,
}

impl TextError {
    /// Exactly what AWS CLI writes to stderr for this error: `\n{message}\n` (`--color` plays no part in text).
    pub fn stderr_text(&self) -> String {
        format!("\n{self}\n")
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' object has no attribute 'items'", self.type_name)
    }
}

impl std::error::Error for TextError {}

/// The exact stdout of `--output text` for `value` (the response after `--query`).
///
/// A list that holds a dict and also something else makes AWS CLI fail with
/// `'int' object has no attribute 'items'` (or `str`, `list`, ...); the error keeps what was printed before it.
pub fn format(value: &Value) -> Result<String, TextError> {
    let mut out = String::new();
    match format_item(value, &mut out, None, None) {
        Ok(()) => Ok(out),
        Err(type_name) => Err(TextError { stdout: out, type_name }),
    }
}

/// `_format_text`: the error is the Python type name of a non-dict in a list of dicts.
fn format_item(
    item: &Value,
    out: &mut String,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
) -> Result<(), &'static str> {
    match item {
        Value::Object(map) => format_dict(map, out, identifier, scalar_keys),
        Value::Array(list) => format_list(list, out, identifier),
        scalar => {
            out.push_str(&python_str(scalar));
            out.push('\n');
            Ok(())
        }
    }
}

fn format_list(list: &[Value], out: &mut String, identifier: Option<&str>) -> Result<(), &'static str> {
    if list.is_empty() {
        return Ok(());
    }
    if list.iter().any(Value::is_object) {
        let all_keys = all_scalar_keys(list)?;
        for element in list {
            format_item(element, out, identifier, Some(&all_keys))?;
        }
    } else if list.iter().any(Value::is_array) {
        let (scalars, lists): (Vec<&Value>, Vec<&Value>) = list.iter().partition(|v| !is_container(v));
        if !scalars.is_empty() {
            format_scalar_list(&scalars, out, identifier);
        }
        for inner in lists {
            format_item(inner, out, identifier, None)?;
        }
    } else {
        format_scalar_list(&list.iter().collect::<Vec<_>>(), out, identifier);
    }
    Ok(())
}

fn format_scalar_list(elements: &[&Value], out: &mut String, identifier: Option<&str>) {
    match identifier {
        Some(identifier) => {
            let upper = python_upper(identifier);
            for element in elements {
                out.push_str(&upper);
                out.push('\t');
                out.push_str(&python_str(element));
                out.push('\n');
            }
        }
        None => {
            let texts: Vec<String> = elements.iter().map(|v| python_str(v)).collect();
            out.push_str(&texts.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    map: &Map<String, Value>,
    out: &mut String,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
) -> Result<(), &'static str> {
    let mut scalars = Vec::new();
    let mut non_scalars: Vec<(&String, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut items: Vec<(&String, &Value)> = map.iter().collect();
            items.sort_by(|a, b| a.0.cmp(b.0));
            for (key, value) in items {
                if is_container(value) {
                    non_scalars.push((key, value));
                } else {
                    scalars.push(python_str(value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalars.push(map.get(key).map(python_str).unwrap_or_default());
            }
            let mut remaining: Vec<(&String, &Value)> = map.iter().filter(|(k, _)| !keys.contains(k)).collect();
            remaining.sort_by(|a, b| a.0.cmp(b.0));
            non_scalars = remaining;
        }
    }
    if !scalars.is_empty() {
        if let Some(identifier) = identifier {
            scalars.insert(0, python_upper(identifier));
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, value) in non_scalars {
        format_item(value, out, Some(key), None)?;
    }
    Ok(())
}

/// `_all_scalar_keys`: the sorted keys with a scalar value in any of the dicts; the first non-dict fails.
fn all_scalar_keys(list: &[Value]) -> Result<Vec<String>, &'static str> {
    let mut keys = BTreeSet::new();
    for element in list {
        let Value::Object(map) = element else {
            return Err(python_type_name(element));
        };
        keys.extend(map.iter().filter(|(_, value)| !is_container(value)).map(|(key, _)| key.clone()));
    }
    Ok(keys.into_iter().collect())
}

fn is_container(value: &Value) -> bool {
    matches!(value, Value::Object(_) | Value::Array(_))
}

/// The name Python gives the type of the value `json.loads` makes from `value` (`int`, `NoneType`, ...).
pub(crate) fn python_type_name(value: &Value) -> &'static str {
    pyrepr::tp_name(value, Dicts::Response)
}

/// Python's `str()` of the value `json.loads` makes from `value`: strings as they are, `None`, `True`, `False`,
/// floats as `repr(float)` prints them, and `repr()` for lists and dicts.
pub fn python_str(value: &Value) -> String {
    pyrepr::str_with(value, Dicts::Response)
}

/// Python 3.11's `str.upper()`: Rust's full case mapping, restricted to the characters Unicode 14.0.0 uppercases
/// (newer Unicode versions gave some more characters an uppercase form).
pub fn python_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if py_unicode::contains(py_unicode::UPPERCASED, c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The outputs AWS CLI v1 printed are data: `crates/cli/tests/data/text_output.json`, recorded from
    //! awscli 1.46.3 (`aws cognito-idp resend-confirmation-code --output text` against
    //! crates/cli/tools/mockserver.py) by `cargo xtask record-goldens`, and replayed by
    //! [`every_recorded_case_prints_what_aws_cli_v1_printed`]. The character samples are Python 3.11's answers,
    //! from `.venv-awscli/bin/python crates/cli/tools/gen_py_unicode.py --samples text`.

    use super::*;

    fn value(json: &str) -> Value {
        match serde_json::from_str(json) {
            Ok(value) => value,
            Err(e) => panic!("bad test JSON {json}: {e}"),
        }
    }

    /// What AWS CLI prints: stdout, stderr and the exit code.
    fn run(value: &Value) -> (String, String, i32) {
        match format(value) {
            Ok(stdout) => (stdout, String::new(), 0),
            Err(e) => (e.stdout.clone(), e.stderr_text(), 255),
        }
    }

    /// The cases recorded from AWS CLI v1 (`crates/cli/tests/data/text_output.json`, written by
    /// `crates/cli/tools/record_output_goldens.py text`): each prints the same stdout, stderr and exit
    /// code here.
    #[test]
    fn every_recorded_case_prints_what_aws_cli_v1_printed() {
        let data: Value =
            serde_json::from_str(include_str!("../../tests/data/text_output.json")).expect("the recordings are JSON");
        let cases = data["cases"].as_array().expect("cases");
        assert!(cases.len() >= 30, "{} cases", cases.len());
        let mut wrong = Vec::new();
        for case in cases {
            let expected = (
                case["stdout"].as_str().unwrap_or_default().to_owned(),
                case["stderr"].as_str().unwrap_or_default().to_owned(),
                case["exit_code"].as_i64().and_then(|c| i32::try_from(c).ok()).unwrap_or(-1),
            );
            let printed = run(&case["value"]);
            if printed != expected {
                wrong.push(format!(
                    "{} ({})\n  expected: {expected:?}\n  found:    {printed:?}",
                    case["name"].as_str().unwrap_or("?"),
                    case["command"].as_str().unwrap_or("?")
                ));
            }
        }
        assert!(wrong.is_empty(), "{} of {} recorded cases differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    #[test]
    fn renders_floats_as_python_repr_does() {
        // Python 3.11: repr() of each float.
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (1e-5, "1e-05"),
            (1.25e-7, "1.25e-07"),
            (1e100, "1e+100"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-123.456, "-123.456"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
        ];
        for (float, expected) in cases {
            assert_eq!(pyrepr::repr_float(float), expected, "{float:e}");
        }
    }

    #[test]
    fn renders_strings_in_containers_as_python_repr_does() {
        // Python 3.11: repr() of each value.
        let cases = [
            (r#"["a'b"]"#, r#"["a'b"]"#),
            (r#"["a'b\"c"]"#, r#"['a\'b"c']"#),
            (
                r#"["\u0000\u001f\u007f\u00a0\u00ad\u2028\ud83d\ude00\udb40\udc01"]"#,
                r"['\x00\x1f\x7f\xa0\xad\u2028😀\U000e0001']",
            ),
            (r#"{"k": {}, "l": [], "m": [null, false, 1e300]}"#, "{'k': {}, 'l': [], 'm': [None, False, 1e+300]}"),
        ];
        for (json, expected) in cases {
            assert_eq!(pyrepr::repr_with(&value(json), Dicts::Response), expected, "{json}");
        }
    }

    #[test]
    fn sampled_characters_print_and_upper_case_as_python_does() {
        // (code point, str.isprintable(), str.upper() changes it) at the tables' range boundaries.
        let samples: &[(u32, bool, bool)] = &[
            (0x0, false, false),
            (0x1F, false, false),
            (0x20, true, false),
            (0x41, true, false),
            (0x60, true, false),
            (0x61, true, true),
            (0x7A, true, true),
            (0x7B, true, false),
            (0xA7, true, false),
            (0xB1, true, false),
            (0xDF, true, true),
            (0xE9, true, true),
            (0xEB, true, true),
            (0x104, true, false),
            (0x105, true, true),
            (0x106, true, false),
            (0x110, true, false),
            (0x111, true, true),
            (0x112, true, false),
            (0x11C, true, false),
            (0x11D, true, true),
            (0x11E, true, false),
            (0x128, true, false),
            (0x129, true, true),
            (0x12A, true, false),
            (0x134, true, false),
            (0x135, true, true),
            (0x136, true, false),
            (0x141, true, false),
            (0x142, true, true),
            (0x143, true, false),
            (0x14E, true, false),
            (0x14F, true, true),
            (0x150, true, false),
            (0x15A, true, false),
            (0x15B, true, true),
            (0x15C, true, false),
            (0x166, true, false),
            (0x167, true, true),
            (0x168, true, false),
            (0x172, true, false),
            (0x173, true, true),
            (0x174, true, false),
            (0x182, true, false),
            (0x183, true, true),
            (0x184, true, false),
            (0x198, true, false),
            (0x199, true, true),
            (0x19A, true, true),
            (0x19B, true, false),
            (0x1AC, true, false),
            (0x1AD, true, true),
            (0x1AE, true, false),
            (0x1BE, true, false),
            (0x1BF, true, true),
            (0x1C0, true, false),
            (0x1D1, true, false),
            (0x1D2, true, true),
            (0x1D3, true, false),
            (0x1DE, true, false),
            (0x1DF, true, true),
            (0x1E0, true, false),
            (0x1EA, true, false),
            (0x1EB, true, true),
            (0x1EC, true, false),
            (0x1FA, true, false),
            (0x1FB, true, true),
            (0x1FC, true, false),
            (0x206, true, false),
            (0x207, true, true),
            (0x208, true, false),
            (0x212, true, false),
            (0x213, true, true),
            (0x214, true, false),
            (0x21E, true, false),
            (0x21F, true, true),
            (0x220, true, false),
            (0x22C, true, false),
            (0x22D, true, true),
            (0x22E, true, false),
            (0x241, true, false),
            (0x242, true, true),
            (0x243, true, false),
            (0x255, true, false),
            (0x256, true, true),
            (0x257, true, true),
            (0x258, true, false),
            (0x264, true, false),
            (0x267, true, false),
            (0x268, true, true),
            (0x26C, true, true),
            (0x26D, true, false),
            (0x281, true, false),
            (0x282, true, true),
            (0x283, true, true),
            (0x284, true, false),
            (0x301, true, false),
            (0x372, true, false),
            (0x373, true, true),
            (0x374, true, false),
            (0x38C, true, false),
            (0x38D, false, false),
            (0x38E, true, false),
            (0x3A9, true, false),
            (0x3D4, true, false),
            (0x3D5, true, true),
            (0x3D7, true, true),
            (0x3D8, true, false),
            (0x3E2, true, false),
            (0x3E3, true, true),
            (0x3E4, true, false),
            (0x3EE, true, false),
            (0x3EF, true, true),
            (0x3F3, true, true),
            (0x3F4, true, false),
            (0x462, true, false),
            (0x463, true, true),
            (0x464, true, false),
            (0x46E, true, false),
            (0x46F, true, true),
            (0x470, true, false),
            (0x47A, true, false),
            (0x47B, true, true),
            (0x47C, true, false),
            (0x48E, true, false),
            (0x48F, true, true),
            (0x490, true, false),
            (0x49A, true, false),
            (0x49B, true, true),
            (0x49C, true, false),
            (0x4A6, true, false),
            (0x4A7, true, true),
            (0x4A8, true, false),
            (0x4B2, true, false),
            (0x4B3, true, true),
            (0x4B4, true, false),
            (0x4BE, true, false),
            (0x4BF, true, true),
            (0x4C0, true, false),
            (0x4CB, true, false),
            (0x4CC, true, true),
            (0x4CD, true, false),
            (0x4D8, true, false),
            (0x4D9, true, true),
            (0x4DA, true, false),
            (0x4E4, true, false),
            (0x4E5, true, true),
            (0x4E6, true, false),
            (0x4F0, true, false),
            (0x4F1, true, true),
            (0x4F2, true, false),
            (0x4FC, true, false),
            (0x4FD, true, true),
            (0x4FE, true, false),
            (0x508, true, false),
            (0x509, true, true),
            (0x50A, true, false),
            (0x514, true, false),
            (0x515, true, true),
            (0x516, true, false),
            (0x520, true, false),
            (0x521, true, true),
            (0x522, true, false),
            (0x52C, true, false),
            (0x52D, true, true),
            (0x52E, true, false),
            (0x5C7, true, false),
            (0x5C8, false, false),
            (0x5CF, false, false),
            (0x5D0, true, false),
            (0x74A, true, false),
            (0x74B, false, false),
            (0x74C, false, false),
            (0x74D, true, false),
            (0x85E, true, false),
            (0x85F, false, false),
            (0x860, true, false),
            (0x990, true, false),
            (0x991, false, false),
            (0x992, false, false),
            (0x993, true, false),
            (0x9C8, true, false),
            (0x9C9, false, false),
            (0x9CA, false, false),
            (0x9CB, true, false),
            (0xA03, true, false),
            (0xA04, false, false),
            (0xA05, true, false),
            (0xA36, true, false),
            (0xA37, false, false),
            (0xA38, true, false),
            (0xA51, true, false),
            (0xA52, false, false),
            (0xA58, false, false),
            (0xA59, true, false),
            (0xA91, true, false),
            (0xA92, false, false),
            (0xA93, true, false),
            (0xAC9, true, false),
            (0xACA, false, false),
            (0xACB, true, false),
            (0xB03, true, false),
            (0xB04, false, false),
            (0xB05, true, false),
            (0xB39, true, false),
            (0xB3A, false, false),
            (0xB3B, false, false),
            (0xB3C, true, false),
            (0xB63, true, false),
            (0xB64, false, false),
            (0xB65, false, false),
            (0xB66, true, false),
            (0xB9A, true, false),
            (0xB9B, false, false),
            (0xB9C, true, false),
            (0xBC2, true, false),
            (0xBC3, false, false),
            (0xBC5, false, false),
            (0xBC6, true, false),
            (0xC0C, true, false),
            (0xC0D, false, false),
            (0xC0E, true, false),
            (0xC4D, true, false),
            (0xC4E, false, false),
            (0xC54, false, false),
            (0xC55, true, false),
            (0xC8C, true, false),
            (0xC8D, false, false),
            (0xC8E, true, false),
            (0xCC8, true, false),
            (0xCC9, false, false),
            (0xCCA, true, false),
            (0xCF2, true, false),
            (0xCF3, false, false),
            (0xCFF, false, false),
            (0xD00, true, false),
            (0xD63, true, false),
            (0xD64, false, false),
            (0xD65, false, false),
            (0xD66, true, false),
            (0xDBD, true, false),
            (0xDBE, false, false),
            (0xDBF, false, false),
            (0xDC0, true, false),
            (0xDEF, true, false),
            (0xDF0, false, false),
            (0xDF1, false, false),
            (0xDF2, true, false),
            (0xE8A, true, false),
            (0xE8B, false, false),
            (0xE8C, true, false),
            (0xECD, true, false),
            (0xECE, false, false),
            (0xECF, false, false),
            (0xED0, true, false),
            (0xFBC, true, false),
            (0xFBD, false, false),
            (0xFBE, true, false),
            (0x1248, true, false),
            (0x1249, false, false),
            (0x124A, true, false),
            (0x128D, true, false),
            (0x128E, false, false),
            (0x128F, false, false),
            (0x1290, true, false),
            (0x12D6, true, false),
            (0x12D7, false, false),
            (0x12D8, true, false),
            (0x13F5, true, false),
            (0x13F6, false, false),
            (0x13F7, false, false),
            (0x13F8, true, true),
            (0x1736, true, false),
            (0x1737, false, false),
            (0x173F, false, false),
            (0x1740, true, false),
            (0x17E9, true, false),
            (0x17EA, false, false),
            (0x17EF, false, false),
            (0x17F0, true, false),
            (0x18F5, true, false),
            (0x18F6, false, false),
            (0x18FF, false, false),
            (0x1900, true, false),
            (0x1974, true, false),
            (0x1975, false, false),
            (0x197F, false, false),
            (0x1980, true, false),
            (0x1A7C, true, false),
            (0x1A7D, false, false),
            (0x1A7E, false, false),
            (0x1A7F, true, false),
            (0x1B7E, true, false),
            (0x1B7F, false, false),
            (0x1B80, true, false),
            (0x1C7F, true, false),
            (0x1C80, true, true),
            (0x1C88, true, true),
            (0x1C89, false, false),
            (0x1CC7, true, false),
            (0x1CC8, false, false),
            (0x1CCF, false, false),
            (0x1CD0, true, false),
            (0x1E04, true, false),
            (0x1E05, true, true),
            (0x1E06, true, false),
            (0x1E10, true, false),
            (0x1E11, true, true),
            (0x1E12, true, false),
            (0x1E1C, true, false),
            (0x1E1D, true, true),
            (0x1E1E, true, false),
            (0x1E28, true, false),
            (0x1E29, true, true),
            (0x1E2A, true, false),
            (0x1E34, true, false),
            (0x1E35, true, true),
            (0x1E36, true, false),
            (0x1E40, true, false),
            (0x1E41, true, true),
            (0x1E42, true, false),
            (0x1E4C, true, false),
            (0x1E4D, true, true),
            (0x1E4E, true, false),
            (0x1E58, true, false),
            (0x1E59, true, true),
            (0x1E5A, true, false),
            (0x1E64, true, false),
            (0x1E65, true, true),
            (0x1E66, true, false),
            (0x1E70, true, false),
            (0x1E71, true, true),
            (0x1E72, true, false),
            (0x1E7C, true, false),
            (0x1E7D, true, true),
            (0x1E7E, true, false),
            (0x1E88, true, false),
            (0x1E89, true, true),
            (0x1E8A, true, false),
            (0x1E94, true, false),
            (0x1E95, true, true),
            (0x1E9B, true, true),
            (0x1E9C, true, false),
            (0x1EAA, true, false),
            (0x1EAB, true, true),
            (0x1EAC, true, false),
            (0x1EB6, true, false),
            (0x1EB7, true, true),
            (0x1EB8, true, false),
            (0x1EC2, true, false),
            (0x1EC3, true, true),
            (0x1EC4, true, false),
            (0x1ECE, true, false),
            (0x1ECF, true, true),
            (0x1ED0, true, false),
            (0x1EDA, true, false),
            (0x1EDB, true, true),
            (0x1EDC, true, false),
            (0x1EE6, true, false),
            (0x1EE7, true, true),
            (0x1EE8, true, false),
            (0x1EF2, true, false),
            (0x1EF3, true, true),
            (0x1EF4, true, false),
            (0x1EFE, true, false),
            (0x1EFF, true, true),
            (0x1F07, true, true),
            (0x1F08, true, false),
            (0x1F57, true, true),
            (0x1F58, false, false),
            (0x1F59, true, false),
            (0x1F5F, true, false),
            (0x1F60, true, true),
            (0x1F67, true, true),
            (0x1F68, true, false),
            (0x1FC1, true, false),
            (0x1FC2, true, true),
            (0x1FC4, true, true),
            (0x1FC5, false, false),
            (0x1FC6, true, true),
            (0x1FF1, false, false),
            (0x1FF2, true, true),
            (0x1FF4, true, true),
            (0x1FF5, false, false),
            (0x2027, true, false),
            (0x2028, false, false),
            (0x202F, false, false),
            (0x2030, true, false),
            (0x20F0, true, false),
            (0x20F1, false, false),
            (0x20FF, false, false),
            (0x2100, true, false),
            (0x24CF, true, false),
            (0x24D0, true, true),
            (0x24E9, true, true),
            (0x24EA, true, false),
            (0x2C6B, true, false),
            (0x2C6C, true, true),
            (0x2C6D, true, false),
            (0x2C86, true, false),
            (0x2C87, true, true),
            (0x2C88, true, false),
            (0x2C92, true, false),
            (0x2C93, true, true),
            (0x2C94, true, false),
            (0x2C9E, true, false),
            (0x2C9F, true, true),
            (0x2CA0, true, false),
            (0x2CAA, true, false),
            (0x2CAB, true, true),
            (0x2CAC, true, false),
            (0x2CB6, true, false),
            (0x2CB7, true, true),
            (0x2CB8, true, false),
            (0x2CC2, true, false),
            (0x2CC3, true, true),
            (0x2CC4, true, false),
            (0x2CCE, true, false),
            (0x2CCF, true, true),
            (0x2CD0, true, false),
            (0x2CDA, true, false),
            (0x2CDB, true, true),
            (0x2CDC, true, false),
            (0x2CED, true, false),
            (0x2CEE, true, true),
            (0x2CEF, true, false),
            (0x2CF3, true, true),
            (0x2CF4, false, false),
            (0x2CF8, false, false),
            (0x2CF9, true, false),
            (0x2D96, true, false),
            (0x2D97, false, false),
            (0x2D9F, false, false),
            (0x2DA0, true, false),
            (0x2DCE, true, false),
            (0x2DCF, false, false),
            (0x2DD0, true, false),
            (0x2FD5, true, false),
            (0x2FD6, false, false),
            (0x2FEF, false, false),
            (0x2FF0, true, false),
            (0x318E, true, false),
            (0x318F, false, false),
            (0x3190, true, false),
            (0x7528, true, false),
            (0xA642, true, false),
            (0xA643, true, true),
            (0xA644, true, false),
            (0xA64E, true, false),
            (0xA64F, true, true),
            (0xA650, true, false),
            (0xA65A, true, false),
            (0xA65B, true, true),
            (0xA65C, true, false),
            (0xA666, true, false),
            (0xA667, true, true),
            (0xA668, true, false),
            (0xA684, true, false),
            (0xA685, true, true),
            (0xA686, true, false),
            (0xA690, true, false),
            (0xA691, true, true),
            (0xA692, true, false),
            (0xA6F7, true, false),
            (0xA6F8, false, false),
            (0xA6FF, false, false),
            (0xA700, true, false),
            (0xA722, true, false),
            (0xA723, true, true),
            (0xA724, true, false),
            (0xA72E, true, false),
            (0xA72F, true, true),
            (0xA730, true, false),
            (0xA73C, true, false),
            (0xA73D, true, true),
            (0xA73E, true, false),
            (0xA748, true, false),
            (0xA749, true, true),
            (0xA74A, true, false),
            (0xA754, true, false),
            (0xA755, true, true),
            (0xA756, true, false),
            (0xA760, true, false),
            (0xA761, true, true),
            (0xA762, true, false),
            (0xA76C, true, false),
            (0xA76D, true, true),
            (0xA76E, true, false),
            (0xA782, true, false),
            (0xA783, true, true),
            (0xA784, true, false),
            (0xA796, true, false),
            (0xA797, true, true),
            (0xA798, true, false),
            (0xA7A2, true, false),
            (0xA7A3, true, true),
            (0xA7A4, true, false),
            (0xA7B8, true, false),
            (0xA7B9, true, true),
            (0xA7BA, true, false),
            (0xA7C7, true, false),
            (0xA7C8, true, true),
            (0xA7C9, true, false),
            (0xA839, true, false),
            (0xA83A, false, false),
            (0xA83F, false, false),
            (0xA840, true, false),
            (0xA9CD, true, false),
            (0xA9CE, false, false),
            (0xA9CF, true, false),
            (0xAAC2, true, false),
            (0xAAC3, false, false),
            (0xAADA, false, false),
            (0xAADB, true, false),
            (0xAB2E, true, false),
            (0xAB2F, false, false),
            (0xAB30, true, false),
            (0xAB52, true, false),
            (0xAB53, true, true),
            (0xAB54, true, false),
            (0xD55C, true, false),
            (0xD7FB, true, false),
            (0xD7FC, false, false),
            (0xD7FF, false, false),
            (0xFB36, true, false),
            (0xFB37, false, false),
            (0xFB38, true, false),
            (0xFD8F, true, false),
            (0xFD90, false, false),
            (0xFD91, false, false),
            (0xFD92, true, false),
            (0xFE6B, true, false),
            (0xFE6C, false, false),
            (0xFE6F, false, false),
            (0xFE70, true, false),
            (0xFF71, true, false),
            (0xFFD7, true, false),
            (0xFFD8, false, false),
            (0xFFD9, false, false),
            (0xFFDA, true, false),
            (0x10026, true, false),
            (0x10027, false, false),
            (0x10028, true, false),
            (0x10102, true, false),
            (0x10103, false, false),
            (0x10106, false, false),
            (0x10107, true, false),
            (0x1029C, true, false),
            (0x1029D, false, false),
            (0x1029F, false, false),
            (0x102A0, true, false),
            (0x1039D, true, false),
            (0x1039E, false, false),
            (0x1039F, true, false),
            (0x104D7, false, false),
            (0x104D8, true, true),
            (0x104FB, true, true),
            (0x104FC, false, false),
            (0x104FF, false, false),
            (0x10500, true, false),
            (0x10595, true, false),
            (0x10596, false, false),
            (0x10597, true, true),
            (0x10755, true, false),
            (0x10756, false, false),
            (0x1075F, false, false),
            (0x10760, true, false),
            (0x10808, true, false),
            (0x10809, false, false),
            (0x1080A, true, false),
            (0x108AF, true, false),
            (0x108B0, false, false),
            (0x108DF, false, false),
            (0x108E0, true, false),
            (0x109B7, true, false),
            (0x109B8, false, false),
            (0x109BB, false, false),
            (0x109BC, true, false),
            (0x10A35, true, false),
            (0x10A36, false, false),
            (0x10A37, false, false),
            (0x10A38, true, false),
            (0x10AF6, true, false),
            (0x10AF7, false, false),
            (0x10AFF, false, false),
            (0x10B00, true, false),
            (0x10BAF, true, false),
            (0x10BB0, false, false),
            (0x10BFF, false, false),
            (0x10C00, true, false),
            (0x10E7E, true, false),
            (0x10E7F, false, false),
            (0x10E80, true, false),
            (0x10F89, true, false),
            (0x10F8A, false, false),
            (0x10FAF, false, false),
            (0x10FB0, true, false),
            (0x110C2, true, false),
            (0x110C3, false, false),
            (0x110CF, false, false),
            (0x110D0, true, false),
            (0x111DF, true, false),
            (0x111E0, false, false),
            (0x111E1, true, false),
            (0x1128D, true, false),
            (0x1128E, false, false),
            (0x1128F, true, false),
            (0x1130C, true, false),
            (0x1130D, false, false),
            (0x1130E, false, false),
            (0x1130F, true, false),
            (0x11344, true, false),
            (0x11345, false, false),
            (0x11346, false, false),
            (0x11347, true, false),
            (0x1136C, true, false),
            (0x1136D, false, false),
            (0x1136F, false, false),
            (0x11370, true, false),
            (0x115B5, true, false),
            (0x115B6, false, false),
            (0x115B7, false, false),
            (0x115B8, true, false),
            (0x116C9, true, false),
            (0x116CA, false, false),
            (0x116FF, false, false),
            (0x11700, true, false),
            (0x118BF, true, false),
            (0x118C0, true, true),
            (0x118DF, true, true),
            (0x118E0, true, false),
            (0x11906, true, false),
            (0x11907, false, false),
            (0x11908, false, false),
            (0x11909, true, false),
            (0x11946, true, false),
            (0x11947, false, false),
            (0x1194F, false, false),
            (0x11950, true, false),
            (0x11AA2, true, false),
            (0x11AA3, false, false),
            (0x11AAF, false, false),
            (0x11AB0, true, false),
            (0x11C8F, true, false),
            (0x11C90, false, false),
            (0x11C91, false, false),
            (0x11C92, true, false),
            (0x11D3A, true, false),
            (0x11D3B, false, false),
            (0x11D3C, true, false),
            (0x11D8E, true, false),
            (0x11D8F, false, false),
            (0x11D90, true, false),
            (0x11FF1, true, false),
            (0x11FF2, false, false),
            (0x11FFE, false, false),
            (0x11FFF, true, false),
            (0x1342E, true, false),
            (0x1342F, false, false),
            (0x143FF, false, false),
            (0x14400, true, false),
            (0x16AC9, true, false),
            (0x16ACA, false, false),
            (0x16ACF, false, false),
            (0x16AD0, true, false),
            (0x16B77, true, false),
            (0x16B78, false, false),
            (0x16B7C, false, false),
            (0x16B7D, true, false),
            (0x16FE4, true, false),
            (0x16FE5, false, false),
            (0x16FEF, false, false),
            (0x16FF0, true, false),
            (0x1AFFB, true, false),
            (0x1AFFC, false, false),
            (0x1AFFD, true, false),
            (0x1BC6A, true, false),
            (0x1BC6B, false, false),
            (0x1BC6F, false, false),
            (0x1BC70, true, false),
            (0x1CF46, true, false),
            (0x1CF47, false, false),
            (0x1CF4F, false, false),
            (0x1CF50, true, false),
            (0x1D245, true, false),
            (0x1D246, false, false),
            (0x1D2DF, false, false),
            (0x1D2E0, true, false),
            (0x1D49F, true, false),
            (0x1D4A0, false, false),
            (0x1D4A1, false, false),
            (0x1D4A2, true, false),
            (0x1D4C3, true, false),
            (0x1D4C4, false, false),
            (0x1D4C5, true, false),
            (0x1D53E, true, false),
            (0x1D53F, false, false),
            (0x1D540, true, false),
            (0x1DA8B, true, false),
            (0x1DA8C, false, false),
            (0x1DA9A, false, false),
            (0x1DA9B, true, false),
            (0x1E021, true, false),
            (0x1E022, false, false),
            (0x1E023, true, false),
            (0x1E14F, true, false),
            (0x1E150, false, false),
            (0x1E28F, false, false),
            (0x1E290, true, false),
            (0x1E7EE, true, false),
            (0x1E7EF, false, false),
            (0x1E7F0, true, false),
            (0x1E95F, true, false),
            (0x1E960, false, false),
            (0x1EC70, false, false),
            (0x1EC71, true, false),
            (0x1EE24, true, false),
            (0x1EE25, false, false),
            (0x1EE26, false, false),
            (0x1EE27, true, false),
            (0x1EE42, true, false),
            (0x1EE43, false, false),
            (0x1EE46, false, false),
            (0x1EE47, true, false),
            (0x1EE54, true, false),
            (0x1EE55, false, false),
            (0x1EE56, false, false),
            (0x1EE57, true, false),
            (0x1EE62, true, false),
            (0x1EE63, false, false),
            (0x1EE64, true, false),
            (0x1EE7E, true, false),
            (0x1EE7F, false, false),
            (0x1EE80, true, false),
            (0x1EEF1, true, false),
            (0x1EEF2, false, false),
            (0x1EFFF, false, false),
            (0x1F000, true, false),
            (0x1F0F5, true, false),
            (0x1F0F6, false, false),
            (0x1F0FF, false, false),
            (0x1F100, true, false),
            (0x1F265, true, false),
            (0x1F266, false, false),
            (0x1F2FF, false, false),
            (0x1F300, true, false),
            (0x1F600, true, false),
            (0x1F7EB, true, false),
            (0x1F7EC, false, false),
            (0x1F7EF, false, false),
            (0x1F7F0, true, false),
            (0x1F8AD, true, false),
            (0x1F8AE, false, false),
            (0x1F8AF, false, false),
            (0x1F8B0, true, false),
            (0x1FA86, true, false),
            (0x1FA87, false, false),
            (0x1FA8F, false, false),
            (0x1FA90, true, false),
            (0x1FAF6, true, false),
            (0x1FAF7, false, false),
            (0x1FAFF, false, false),
            (0x1FB00, true, false),
            (0x2B81D, true, false),
            (0x2B81E, false, false),
            (0x2B81F, false, false),
            (0x2B820, true, false),
        ];
        for &(code_point, printable, uppercased) in samples {
            let Some(c) = char::from_u32(code_point) else { panic!("not a char: {code_point:X}") };
            let repr = pyrepr::repr_str(&c.to_string());
            let shown_as_is = repr == format!("'{c}'") || repr == format!("\"{c}\"");
            let expect_as_is = printable && c != '\\';
            assert_eq!(shown_as_is, expect_as_is, "repr of U+{code_point:04X}: {repr}");
            assert_eq!(python_upper(&c.to_string()) != c.to_string(), uppercased, "upper of U+{code_point:04X}");
        }
    }
}
