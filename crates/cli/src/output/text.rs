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
    //! data too: `crates/cli/tests/data/unicode_samples.json`.

    use super::*;

    use crate::output::recorded::{self, Printed};

    /// What AWS CLI prints: stdout, stderr and the exit code.
    fn run(value: &Value) -> Printed {
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
        recorded::replay(include_str!("../../tests/data/text_output.json"), |case| run(&case["value"]));
    }

    /// Python 3.11's answers at the Unicode tables' range boundaries (`unicode_samples.json`, `text`: code
    /// point, `str.isprintable()`, whether `str.upper()` changes it): `repr` and the upper-casing agree on each.
    #[test]
    fn sampled_characters_print_and_upper_case_as_python_does() {
        let samples = recorded::unicode_samples("text");
        assert!(samples.len() > 500, "{} samples", samples.len());
        for sample in &samples {
            let c = recorded::character(&sample[0]);
            let (Some(printable), Some(uppercased)) = (sample[1].as_bool(), sample[2].as_bool()) else {
                panic!("not a [code point, printable, upper-cased] row: {sample}")
            };
            let repr = pyrepr::repr_str(&c.to_string());
            let shown_as_is = repr == format!("'{c}'") || repr == format!("\"{c}\"");
            let expect_as_is = printable && c != '\\';
            let code_point = u32::from(c);
            assert_eq!(shown_as_is, expect_as_is, "repr of U+{code_point:04X}: {repr}");
            assert_eq!(python_upper(&c.to_string()) != c.to_string(), uppercased, "upper of U+{code_point:04X}");
        }
    }
}
