//! `--output text`: AWS CLI v1's text formatter (`awscli/text.py`), byte for byte, over the response after `--query`.
//!
//! Also home of the Python `str()` / `repr()` / `str.upper()` renderings of JSON values that both the text and the
//! table output print (`None`, `True`, `1e+16`, `{'a': [1, 'x']}`), computed with Python 3.11's character tables.

use std::borrow::Cow;
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
    type_name: Cow<'static, str>,
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
    format_with(value, Dicts::Response)
}

/// [`format`] of a value whose objects are `dicts` ([`Dicts::Plain`] for a `--query` result, which may hold
/// [`crate::python::pyvalue`]'s special values: big ints, NaN, `_Expression`s).
pub fn format_with(value: &Value, dicts: Dicts) -> Result<String, TextError> {
    let mut out = String::new();
    let text = Text { dicts };
    match text.item(value, &mut out, None, None) {
        Ok(()) => Ok(out),
        Err(type_name) => Err(TextError { stdout: out, type_name }),
    }
}

/// The text formatter, for values whose objects are `dicts`.
struct Text {
    dicts: Dicts,
}

impl Text {
    /// `_format_text`: the error is the Python type name of a non-dict in a list of dicts.
    fn item(
        &self,
        item: &Value,
        out: &mut String,
        identifier: Option<&str>,
        scalar_keys: Option<&[String]>,
    ) -> Result<(), Cow<'static, str>> {
        match (pyrepr::as_dict(item, self.dicts), item) {
            (Some(map), _) => self.dict(map, out, identifier, scalar_keys),
            (None, Value::Array(list)) => self.list(list, out, identifier),
            (None, scalar) => {
                out.push_str(&pyrepr::str_with(scalar, self.dicts));
                out.push('\n');
                Ok(())
            }
        }
    }

    fn list(&self, list: &[Value], out: &mut String, identifier: Option<&str>) -> Result<(), Cow<'static, str>> {
        if list.is_empty() {
            return Ok(());
        }
        if list.iter().any(|v| pyrepr::as_dict(v, self.dicts).is_some()) {
            let all_keys = self.all_scalar_keys(list)?;
            for element in list {
                self.item(element, out, identifier, Some(&all_keys))?;
            }
        } else if list.iter().any(Value::is_array) {
            let (scalars, lists): (Vec<&Value>, Vec<&Value>) = list.iter().partition(|v| !self.is_container(v));
            if !scalars.is_empty() {
                self.scalar_list(&scalars, out, identifier);
            }
            for inner in lists {
                self.item(inner, out, identifier, None)?;
            }
        } else {
            self.scalar_list(&list.iter().collect::<Vec<_>>(), out, identifier);
        }
        Ok(())
    }

    fn scalar_list(&self, elements: &[&Value], out: &mut String, identifier: Option<&str>) {
        match identifier {
            Some(identifier) => {
                let upper = python_upper(identifier);
                for element in elements {
                    out.push_str(&upper);
                    out.push('\t');
                    out.push_str(&pyrepr::str_with(element, self.dicts));
                    out.push('\n');
                }
            }
            None => {
                let texts: Vec<String> = elements.iter().map(|v| pyrepr::str_with(v, self.dicts)).collect();
                out.push_str(&texts.join("\t"));
                out.push('\n');
            }
        }
    }

    fn dict(
        &self,
        map: &Map<String, Value>,
        out: &mut String,
        identifier: Option<&str>,
        scalar_keys: Option<&[String]>,
    ) -> Result<(), Cow<'static, str>> {
        let mut scalars = Vec::new();
        let mut non_scalars: Vec<(&String, &Value)> = Vec::new();
        match scalar_keys {
            None => {
                let mut items: Vec<(&String, &Value)> = map.iter().collect();
                items.sort_by(|a, b| a.0.cmp(b.0));
                for (key, value) in items {
                    if self.is_container(value) {
                        non_scalars.push((key, value));
                    } else {
                        scalars.push(pyrepr::str_with(value, self.dicts));
                    }
                }
            }
            Some(keys) => {
                for key in keys {
                    scalars.push(map.get(key).map(|v| pyrepr::str_with(v, self.dicts)).unwrap_or_default());
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
            self.item(value, out, Some(key), None)?;
        }
        Ok(())
    }

    /// `_all_scalar_keys`: the sorted keys with a scalar value in any of the dicts; the first non-dict fails.
    fn all_scalar_keys(&self, list: &[Value]) -> Result<Vec<String>, Cow<'static, str>> {
        let mut keys = BTreeSet::new();
        for element in list {
            let Some(map) = pyrepr::as_dict(element, self.dicts) else {
                return Err(pyrepr::tp_name(element, self.dicts));
            };
            keys.extend(map.iter().filter(|(_, value)| !self.is_container(value)).map(|(key, _)| key.clone()));
        }
        Ok(keys.into_iter().collect())
    }

    fn is_container(&self, value: &Value) -> bool {
        value.is_array() || pyrepr::as_dict(value, self.dicts).is_some()
    }
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
