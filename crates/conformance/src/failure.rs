//! What a check returns when an expectation does not hold: the expectation, what was expected, what was
//! found and, for JSON, a diff by path (smithy-rs's protocol-test style).

use std::fmt;

use serde_json::Value;

/// One broken expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The expectation, such as `header x-amz-target` or `body`.
    pub expectation: String,
    /// What the contract expects.
    pub expected: String,
    /// What was found.
    pub found: String,
    /// For JSON values, one line per differing path.
    pub diff: Option<String>,
    /// The input that produced it, when that helps to reproduce it.
    pub input: Option<String>,
}

impl Failure {
    /// A failure of `expectation`, with `expected` and `found` as they should be printed.
    pub fn new(expectation: impl Into<String>, expected: impl Into<String>, found: impl Into<String>) -> Self {
        Self {
            expectation: expectation.into(),
            expected: expected.into(),
            found: found.into(),
            diff: None,
            input: None,
        }
    }

    /// A failure comparing two JSON values, with their diff.
    pub fn json(expectation: impl Into<String>, expected: &Value, found: &Value) -> Self {
        let mut failure = Self::new(expectation, short_json(expected), short_json(found));
        failure.diff = Some(json_diff(expected, found).join("\n"));
        failure
    }

    /// The same failure, noting the input that produced it.
    pub fn with_input(mut self, input: impl Into<String>) -> Self {
        self.input = Some(input.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.expectation)?;
        writeln!(f, "  expected: {}", self.expected)?;
        write!(f, "  found:    {}", self.found)?;
        if let Some(diff) = self.diff.as_deref().filter(|d| !d.is_empty()) {
            write!(f, "\n  diff:")?;
            for line in diff.lines() {
                write!(f, "\n    {line}")?;
            }
        }
        if let Some(input) = &self.input {
            write!(f, "\n  input:    {input}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failure {}

/// Checks `expected == found`, or says which expectation broke.
pub fn expect_eq<T: PartialEq + fmt::Debug>(expectation: &str, expected: T, found: T) -> Result<(), Failure> {
    if expected == found {
        Ok(())
    } else {
        Err(Failure::new(expectation, short(&format!("{expected:?}")), short(&format!("{found:?}"))))
    }
}

/// Checks that two JSON values are equal as values (object member order aside), or gives their diff.
pub fn expect_json(expectation: &str, expected: &Value, found: &Value) -> Result<(), Failure> {
    if expected == found { Ok(()) } else { Err(Failure::json(expectation, expected, found)) }
}

/// The paths where `found` differs from `expected`, one line each: `$.a.b: expected 1, found 2`.
pub fn json_diff(expected: &Value, found: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    diff_at("$", expected, found, &mut lines);
    lines
}

fn diff_at(path: &str, expected: &Value, found: &Value, lines: &mut Vec<String>) {
    match (expected, found) {
        (Value::Object(e), Value::Object(f)) => {
            for (key, value) in e {
                let here = format!("{path}.{}", path_key(key));
                match f.get(key) {
                    Some(other) => diff_at(&here, value, other, lines),
                    None => lines.push(format!("{here}: expected {}, found nothing", short_json(value))),
                }
            }
            for (key, value) in f {
                if !e.contains_key(key) {
                    lines.push(format!("{path}.{}: expected nothing, found {}", path_key(key), short_json(value)));
                }
            }
        }
        (Value::Array(e), Value::Array(f)) if e.len() == f.len() => {
            for (i, (a, b)) in e.iter().zip(f).enumerate() {
                diff_at(&format!("{path}[{i}]"), a, b, lines);
            }
        }
        _ if expected != found => {
            lines.push(format!("{path}: expected {}, found {}", short_json(expected), short_json(found)));
        }
        _ => {}
    }
}

fn path_key(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        short(key)
    } else {
        short(&format!("{key:?}"))
    }
}

/// The text helpers of the server check: a JSON value or text cut to a readable length.
pub use cognito_idp_server_check::text::{short, short_json};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_diff_names_each_differing_path() {
        let expected = json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "gone": true});
        let found = json!({"a": 1, "b": {"c": "y", "d": [1, 3]}, "new key": null});
        assert_eq!(
            json_diff(&expected, &found),
            [
                "$.b.c: expected \"x\", found \"y\"",
                "$.b.d[1]: expected 2, found 3",
                "$.gone: expected true, found nothing",
                "$.\"new key\": expected nothing, found null",
            ]
        );
    }

    #[test]
    fn long_keys_are_shortened_in_diff_paths() {
        let key = "_".repeat(1000);
        let lines = json_diff(&json!({ key.clone(): 1 }), &json!({ key: 2 }));
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with("… (1000 characters): expected 1, found 2") && lines[0].len() < 250, "{lines:?}");
    }

    #[test]
    fn equal_values_in_another_member_order_have_no_diff() {
        let found: Value = serde_json::from_str(r#"{"b":2,"a":1}"#).expect("json");
        assert!(expect_json("body", &json!({"a": 1, "b": 2}), &found).is_ok());
    }

    #[test]
    fn a_failure_shows_expected_found_and_diff() {
        let failure = expect_json("body", &json!({"a": 1}), &json!({"a": 2})).expect_err("differs");
        let text = failure.to_string();
        assert!(text.starts_with("body\n  expected: {\"a\":1}\n  found:    {\"a\":2}\n  diff:\n    $.a:"), "{text}");
    }

    #[test]
    fn long_values_are_shortened_with_their_length() {
        let text = short(&"x".repeat(1000));
        assert!(text.ends_with("… (1000 characters)") && text.chars().count() < 200, "{text}");
    }
}
