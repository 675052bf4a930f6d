//! The recorded data the output formats' tests replay (test-only): AWS CLI v1's `--output text|table` cases
//! and Python's Unicode samples, both under `crates/cli/tests/data/` and made by `cargo xtask record-goldens`.

use serde_json::Value;

/// What AWS CLI v1 printed: stdout, stderr and the exit code.
pub(crate) type Printed = (String, String, i32);

/// Replays every case of a recording file (`text_output.json`, `table_output.json`): `print` gets each case and
/// must print what the reference printed; fails listing every case that differs.
pub(crate) fn replay(recordings: &str, print: impl Fn(&Value) -> Printed) {
    let data: Value = serde_json::from_str(recordings).expect("the recordings are JSON");
    let cases = data["cases"].as_array().expect("cases");
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for case in cases {
        let expected = (
            case["stdout"].as_str().unwrap_or_default().to_owned(),
            case["stderr"].as_str().unwrap_or_default().to_owned(),
            case["exit_code"].as_i64().and_then(|c| i32::try_from(c).ok()).unwrap_or(-1),
        );
        let printed = print(case);
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

/// The rows of one kind of `unicode_samples.json` (`width`, `text`, `text_length`), written by
/// `crates/cli/tools/gen_py_unicode.py --samples`.
pub(crate) fn unicode_samples(kind: &str) -> Vec<Value> {
    let data: Value =
        serde_json::from_str(include_str!("../../tests/data/unicode_samples.json")).expect("the samples are JSON");
    data[kind].as_array().cloned().unwrap_or_else(|| panic!("no {kind} samples"))
}

/// A sample's code point as a character.
pub(crate) fn character(code_point: &Value) -> char {
    match code_point.as_u64().and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32) {
        Some(c) => c,
        None => panic!("not a code point of a char: {code_point}"),
    }
}
