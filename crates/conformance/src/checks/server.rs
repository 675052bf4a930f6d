//! The server-side checks, against any implementation of the operation (an emulator, a staging
//! endpoint): a valid request answers a body that matches the output schema; each invalid request (one
//! constraint broken, see [`crate::strategies::sites`]) and each wrong or missing `SecretHash` answers an
//! error of the contract. Every expectation is one detail, named in the report.

use std::fmt;
use std::time::Duration;

use cognito_idp_client::contract::{ERRORS, INPUT, OUTPUT};
use cognito_idp_client::framing::Attempt;
use cognito_idp_client::model::{Fault, ShapeKind};
use cognito_idp_client::{CognitoIdp, RawResponse, decode, secret_hash};
use serde_json::{Map, Value};

use crate::report::Detail;
use crate::strategies::{self, Constraint, Step};
use crate::wire::APP_NAME;

/// Client secrets are a few dozen characters; a file larger than this does not hold one.
const MAX_SECRET_BYTES: u64 = 4096;

/// The implementation under test and the app client and user it knows.
#[derive(Clone)]
pub struct ServerTarget {
    /// The endpoint URL.
    pub endpoint: String,
    /// An app client of the server.
    pub client_id: String,
    /// A user of that client who has signed up and is not confirmed.
    pub username: String,
    /// The app client's secret, when it has one.
    pub secret: Option<Vec<u8>>,
}

impl fmt::Debug for ServerTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerTarget")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field("username", &self.username)
            .field("secret", &self.secret.as_ref().map(|_| "*** redacted ***"))
            .finish()
    }
}

/// Reads an app client secret from a file: at most 4 KiB, one trailing line break dropped, not empty.
pub fn read_secret(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?.len();
    if size > MAX_SECRET_BYTES {
        return Err(format!("the client secret file {shown} is larger than {MAX_SECRET_BYTES} bytes"));
    }
    let mut bytes = std::fs::read(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?;
    let line_break = if bytes.ends_with(b"\r\n") { 2 } else { usize::from(bytes.ends_with(b"\n")) };
    bytes.truncate(bytes.len().saturating_sub(line_break));
    if bytes.is_empty() {
        return Err(format!("the client secret file {shown} is empty"));
    }
    Ok(bytes)
}

/// The names of the contract's client errors.
fn client_errors() -> Vec<&'static str> {
    ERRORS
        .iter()
        .filter(|shape| matches!(&shape.kind, ShapeKind::Structure(s) if s.error == Some(Fault::Client)))
        .map(|shape| shape.name)
        .collect()
}

impl ServerTarget {
    /// The valid request: the client id, the username and, with a secret, the right `SecretHash`.
    pub fn valid_input(&self) -> Value {
        let mut input = Map::new();
        input.insert("ClientId".to_owned(), Value::String(self.client_id.clone()));
        input.insert("Username".to_owned(), Value::String(self.username.clone()));
        if let Some(secret) = &self.secret {
            input.insert("SecretHash".to_owned(), Value::String(secret_hash(secret, &self.username, &self.client_id)));
        }
        Value::Object(input)
    }

    /// `input` with its `SecretHash` recomputed for its own client id and username, so that an invalid
    /// client id or username breaks nothing else.
    fn rehash(&self, mut input: Value) -> Value {
        let (Some(secret), Some(object)) = (&self.secret, input.as_object_mut()) else { return input };
        if let (Some(Value::String(client_id)), Some(Value::String(username))) =
            (object.get("ClientId"), object.get("Username"))
        {
            let hash = secret_hash(secret, username, client_id);
            object.insert("SecretHash".to_owned(), Value::String(hash));
        }
        input
    }
}

/// A client for the server checks: one attempt, timeouts so that a silent server cannot hang the run.
pub fn client(endpoint: &str) -> Result<CognitoIdp, String> {
    CognitoIdp::builder(endpoint)
        .app_name(APP_NAME)
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| format!("could not build a client for {endpoint}: {e}"))
}

/// Sends `input` as it is (valid or not) with the client's framing.
pub fn send(runtime: &tokio::runtime::Runtime, client: &CognitoIdp, input: &Value) -> Result<RawResponse, String> {
    let attempt = Attempt::first(Some(client.framing().max_attempts()));
    runtime.block_on(client.send_raw(input.to_string().into_bytes(), &attempt)).map_err(|e| e.to_string())
}

/// The expectation that `response` is a success whose body matches the output schema.
pub fn expect_output(response: &RawResponse) -> Result<String, String> {
    if !response.is_success() {
        let error = response.service_error();
        return Err(format!("expected a success, found HTTP {} {}", response.status, error));
    }
    let body: Value = if response.body.iter().all(u8::is_ascii_whitespace) {
        Value::Object(Map::new())
    } else {
        serde_json::from_slice(&response.body).map_err(|e| format!("the body is not JSON: {e}"))?
    };
    let violations = crate::schema::validate(OUTPUT, &body);
    if !violations.is_empty() {
        return Err(format!("the body does not match {}: {}", OUTPUT.name, violations.join("; ")));
    }
    decode(response).map_err(|e| format!("the client cannot decode it: {e}"))?;
    Ok(format!("HTTP {}, {}", response.status, crate::failure::short_json(&body)))
}

/// The expectation that `response` is a client error of the contract, optionally a given one.
pub fn expect_error(response: &RawResponse, code: Option<&str>) -> Result<String, String> {
    let error = response.service_error();
    let known = client_errors();
    let found = error.code().to_owned();
    let what = match code {
        Some(code) => code.to_owned(),
        None => "a client error of the contract".to_owned(),
    };
    if response.is_success() {
        return Err(format!(
            "expected {what}, found HTTP {} {}",
            response.status,
            crate::failure::short(&String::from_utf8_lossy(&response.body))
        ));
    }
    let fits = match code {
        Some(code) => found == code,
        None => known.contains(&found.as_str()),
    };
    if !fits || !(400..500).contains(&response.status) {
        return Err(format!("expected {what} with a 4xx status, found HTTP {} {found}", response.status));
    }
    Ok(format!("HTTP {} {found}", response.status))
}

fn detail(name: String, result: Result<String, String>) -> Detail {
    match result {
        Ok(note) => Detail::pass(name, note),
        Err(note) => Detail::fail(name, note),
    }
}

/// Every server-side expectation against `target`, in order.
pub fn check_server(runtime: &tokio::runtime::Runtime, target: &ServerTarget) -> Vec<Detail> {
    let client = match client(&target.endpoint) {
        Ok(client) => client,
        Err(e) => return vec![Detail::fail("client", e)],
    };
    let mut details = Vec::new();
    let mut run = |name: String, input: &Value, expect: &dyn Fn(&RawResponse) -> Result<String, String>| {
        let result = send(runtime, &client, input).and_then(|response| expect(&response));
        details.push(detail(name, result));
    };
    let valid = target.valid_input();
    run("a valid request answers the output schema".to_owned(), &valid, &expect_output);
    match &target.secret {
        Some(secret) => {
            let mut wrong = valid.clone();
            let mut other = secret.clone();
            other.push(b'!');
            if let Some(object) = wrong.as_object_mut() {
                object.insert(
                    "SecretHash".to_owned(),
                    Value::String(secret_hash(&other, &target.username, &target.client_id)),
                );
            }
            run("a wrong SecretHash answers NotAuthorizedException".to_owned(), &wrong, &|r| {
                expect_error(r, Some("NotAuthorizedException"))
            });
            let mut missing = valid.clone();
            if let Some(object) = missing.as_object_mut() {
                object.shift_remove("SecretHash");
            }
            run("a missing SecretHash answers NotAuthorizedException".to_owned(), &missing, &|r| {
                expect_error(r, Some("NotAuthorizedException"))
            });
        }
        None => details.push(Detail::not_applicable(
            "wrong and missing SecretHash",
            "no client secret given: the app client has none",
        )),
    }
    for site in strategies::sites(INPUT) {
        let name = format!("{site} answers a client error of the contract");
        let example = match strategies::example_invalid(INPUT, &valid, &site) {
            Ok(Some(example)) => example,
            Ok(None) => {
                details.push(Detail::not_applicable(name, "no deterministic example"));
                continue;
            }
            Err(e) => {
                details.push(Detail::fail(name, e.to_string()));
                continue;
            }
        };
        let on_secret_hash = site.path.first() == Some(&Step::Member("SecretHash"));
        let example = if on_secret_hash || matches!(site.constraint, Constraint::MissingRequired(_)) {
            example
        } else {
            target.rehash(example)
        };
        let result = send(runtime, &client, &example).and_then(|response| expect_error(&response, None));
        details.push(detail(name, result));
    }
    details
}

/// The `server` check of the runner: the options turned into a target, then [`check_server`].
pub fn run(harness: &crate::wire::WireHarness, options: &crate::runner::ServerOptions) -> crate::report::Outcome {
    let secret = match options.secret_file.as_deref().map(read_secret).transpose() {
        Ok(secret) => secret,
        Err(e) => return crate::report::Outcome::from_details("", vec![Detail::fail("client secret", e)]),
    };
    let target = ServerTarget {
        endpoint: options.endpoint.clone(),
        client_id: options.client_id.clone(),
        username: options.username.clone(),
        secret,
    };
    let details = check_server(harness.runtime(), &target);
    let broken = details.iter().filter(|d| d.status == crate::report::Status::Fail).count();
    crate::report::Outcome::from_details(
        format!("{} expectations, {broken} broken, at {}", details.len(), target.endpoint),
        details,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse { status, headers: Default::default(), body: body.as_bytes().to_vec().into() }
    }

    #[test]
    fn a_success_must_match_the_output_schema() {
        assert!(expect_output(&raw(200, r#"{"CodeDeliveryDetails":{"DeliveryMedium":"EMAIL"}}"#)).is_ok());
        assert!(expect_output(&raw(200, "")).is_ok());
        let error = expect_output(&raw(200, r#"{"CodeDeliveryDetails":{"DeliveryMedium":"FAX"}}"#)).expect_err("FAX");
        assert!(error.contains("DeliveryMedium: \"FAX\" is not one of"), "{error}");
        let error = expect_output(&raw(400, r#"{"__type":"UserNotFoundException"}"#)).expect_err("an error");
        assert!(error.contains("HTTP 400 UserNotFoundException"), "{error}");
    }

    #[test]
    fn errors_must_be_the_contracts_client_errors() {
        assert!(expect_error(&raw(400, r#"{"__type":"InvalidParameterException"}"#), None).is_ok());
        assert!(expect_error(&raw(400, r#"{"__type":"ValidationException"}"#), None).is_err());
        assert!(expect_error(&raw(500, r#"{"__type":"InternalErrorException"}"#), None).is_err());
        assert!(expect_error(&raw(200, "{}"), None).is_err());
        assert!(
            expect_error(&raw(401, r#"{"__type":"NotAuthorizedException"}"#), Some("NotAuthorizedException")).is_ok()
        );
        assert!(
            expect_error(&raw(400, r#"{"__type":"UserNotFoundException"}"#), Some("NotAuthorizedException")).is_err()
        );
    }

    #[test]
    fn the_secret_file_loses_one_line_break_and_is_never_printed() {
        let dir = std::env::temp_dir().join(format!("conformance-secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("secret");
        std::fs::write(&path, "s3cret\n\n").expect("write");
        assert_eq!(read_secret(&path).expect("reads"), b"s3cret\n");
        std::fs::write(&path, "\r\n").expect("write");
        assert!(read_secret(&path).expect_err("empty").contains("is empty"));
        let target = ServerTarget {
            endpoint: "e".into(),
            client_id: "c".into(),
            username: "u".into(),
            secret: Some(b"s3cret".to_vec()),
        };
        assert!(!format!("{target:?}").contains("s3cret"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_valid_input_carries_the_right_secret_hash() {
        let target = ServerTarget {
            endpoint: "e".into(),
            client_id: "client".into(),
            username: "jane".into(),
            secret: Some(b"secret".to_vec()),
        };
        let input = target.valid_input();
        assert_eq!(input["SecretHash"], Value::String(secret_hash(b"secret", "jane", "client")));
    }
}
