//! Differential fixtures: the requests that the AWS SDK for Rust and AWS CLI v1 sent for the inputs of
//! `crates/conformance/fixtures/differential/inputs.json`, compared with ours for the same inputs.
//!
//! Compared: method and path; the framing headers whose values are not per call (`X-Amz-Target`,
//! `Content-Type`), the shape of `amz-sdk-request` (`attempt=1`, with or without `; max=N`) and of
//! `amz-sdk-invocation-id` (a UUID); no `Authorization` on either side; every header name we send is one
//! the reference sends too, except `Accept` (README, "Differences from the references"); and the body as
//! JSON values. How to record the fixtures again: `crates/conformance/fixtures/differential/README.md`.

use std::path::Path;

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use serde::Deserialize;
use serde_json::Value;

use crate::failure::{Failure, expect_eq, expect_json};
use crate::report::{Detail, Outcome};
use crate::wire::{WireHarness, header, is_uuid, ok_json};

/// The fixtures folder, relative to the workspace root.
pub const FIXTURES: &str = "crates/conformance/fixtures/differential";

/// One input of the list.
#[derive(Clone, Debug, Deserialize)]
pub struct NamedInput {
    /// The input's name, also the recording's file name.
    pub name: String,
    /// The input document.
    pub input: Value,
}

/// The list of inputs.
#[derive(Clone, Debug, Deserialize)]
pub struct Inputs {
    /// The inputs, in order.
    pub inputs: Vec<NamedInput>,
}

/// What a reference put on the wire for one input.
#[derive(Clone, Debug, Deserialize)]
pub struct Recording {
    /// The input's name.
    pub name: String,
    /// Which program sent it, with its version.
    pub recorder: String,
    /// The method.
    pub method: String,
    /// The path (and query, if any).
    pub path: String,
    /// The headers in the order received, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl Recording {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Reads the list of inputs.
pub fn read_inputs(root: &Path) -> Result<Inputs, String> {
    let path = root.join(FIXTURES).join("inputs.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not a list of inputs: {e}", path.display()))
}

/// Whether `value` is `attempt=N`, optionally followed by `; max=M`.
pub fn is_sdk_request_shape(value: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = value.split("; ");
    let attempt = parts.next().and_then(|p| p.strip_prefix("attempt=")).is_some_and(digits);
    let max = match parts.next() {
        None => true,
        Some(p) => p.strip_prefix("max=").is_some_and(digits) && parts.next().is_none(),
    };
    attempt && max
}

/// Compares our request for each input with the recording of `reference` (`sdk` or `awscli`).
pub fn differential(harness: &WireHarness, root: &Path, reference: &str) -> Outcome {
    let inputs = match read_inputs(root) {
        Ok(inputs) => inputs,
        Err(e) => {
            return Outcome::new(
                "no inputs",
                vec![Failure::new("the inputs of the differential fixtures", "a list", e)],
            );
        }
    };
    let mut details = Vec::new();
    let mut recorders = std::collections::BTreeSet::new();
    for named in &inputs.inputs {
        let path = root.join(FIXTURES).join(reference).join(format!("{}.json", named.name));
        let recording = std::fs::read_to_string(&path)
            .map_err(|e| format!("no recording {}: {e}; record again (see {FIXTURES}/README.md)", path.display()))
            .and_then(|t| serde_json::from_str::<Recording>(&t).map_err(|e| format!("{}: {e}", path.display())));
        let recording = match recording {
            Ok(recording) => recording,
            Err(e) => {
                details.push(Detail::fail(&named.name, e));
                continue;
            }
        };
        recorders.insert(recording.recorder.clone());
        let failures = compare(harness, named, &recording);
        details.push(Detail::from_failures(&named.name, "", &failures));
    }
    if inputs.inputs.len() < 20 {
        details.push(Detail::fail("inputs", format!("{} inputs; the fixtures need at least 20", inputs.inputs.len())));
    }
    let mut outcome = Outcome::from_details(
        format!("{} inputs against {}", inputs.inputs.len(), recorders.into_iter().collect::<Vec<_>>().join(", ")),
        details,
    );
    outcome.show_details = false;
    outcome
}

fn compare(harness: &WireHarness, named: &NamedInput, recording: &Recording) -> Vec<Failure> {
    let typed: ResendConfirmationCodeRequest = match serde_json::from_value(named.input.clone()) {
        Ok(typed) => typed,
        Err(e) => return vec![Failure::new("the input is valid", "accepted", e.to_string())],
    };
    let exchange = harness.exchange(typed, ok_json("{}"));
    let Some(ours) = exchange.request else {
        return vec![Failure::new("our request reaches the server", "a request", format!("{:?}", exchange.result))];
    };
    let mut failures = Vec::new();
    failures.extend(expect_eq("method", recording.method.as_str(), ours.method.as_str()).err());
    failures.extend(expect_eq("path", recording.path.as_str(), ours.url.path()).err());
    for name in ["x-amz-target", "content-type"] {
        let found = header(&ours, name).map_err(|f| failures.push(f)).ok();
        failures.extend(expect_eq(&format!("header {name}"), recording.header(name), found).err());
    }
    let request = header(&ours, "amz-sdk-request").unwrap_or_default();
    for (side, value) in [("the reference's", recording.header("amz-sdk-request")), ("our", Some(request))] {
        if !value.is_some_and(|v| is_sdk_request_shape(v) && v.starts_with("attempt=1")) {
            failures.push(Failure::new(format!("{side} amz-sdk-request"), "attempt=1[; max=N]", format!("{value:?}")));
        }
    }
    let id = header(&ours, "amz-sdk-invocation-id").unwrap_or_default();
    for (side, value) in [("the reference's", recording.header("amz-sdk-invocation-id")), ("our", Some(id))] {
        if !value.is_some_and(|v| is_uuid(&v.to_ascii_lowercase())) {
            failures.push(Failure::new(format!("{side} amz-sdk-invocation-id"), "a UUID", format!("{value:?}")));
        }
    }
    failures.extend(
        expect_eq(
            "an Authorization header (ours, the reference's)",
            (false, None),
            (ours.headers.contains_key("authorization"), recording.header("authorization")),
        )
        .err(),
    );
    let extra: Vec<&str> =
        ours.headers.keys().map(|n| n.as_str()).filter(|n| *n != "accept" && recording.header(n).is_none()).collect();
    failures.extend(
        expect_eq("headers we send that the reference does not (Accept aside)", Vec::<&str>::new(), extra).err(),
    );
    let theirs: Result<Value, _> = serde_json::from_str(&recording.body);
    let mine: Result<Value, _> = serde_json::from_slice(&ours.body);
    match (theirs, mine) {
        (Ok(theirs), Ok(mine)) => {
            failures.extend(expect_json("body (the reference's expected, ours found)", &theirs, &mine).err())
        }
        (theirs, mine) => {
            failures.push(Failure::new("both bodies are JSON", format!("{theirs:?}"), format!("{mine:?}")))
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_amz_sdk_request_shape_allows_max_or_not() {
        assert!(is_sdk_request_shape("attempt=1"));
        assert!(is_sdk_request_shape("attempt=1; max=3"));
        assert!(!is_sdk_request_shape("attempt=1;max=3"));
        assert!(!is_sdk_request_shape("attempt=x"));
        assert!(!is_sdk_request_shape("attempt=1; max=3; ttl=1"));
    }

    #[test]
    fn the_committed_inputs_are_at_least_twenty_valid_requests() {
        let inputs = read_inputs(&crate::workspace_root()).expect("inputs");
        assert!(inputs.inputs.len() >= 20);
        for named in &inputs.inputs {
            let violations = crate::schema::validate(cognito_idp_client::contract::INPUT, &named.input);
            assert!(violations.is_empty(), "{}: {violations:?}", named.name);
        }
    }
}
