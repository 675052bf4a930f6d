//! One wiremock server and one tokio runtime for every case, and the checks of what the client put on the
//! wire: method, path, exactly the framing headers, no `Authorization`, and the body as JSON.

use std::sync::{Arc, Mutex, PoisonError};

use cognito_idp_client::{CognitoIdp, Response, contract, types};
use serde_json::Value;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::failure::{Failure, expect_eq, expect_json};

/// The attempt budget the harness's client announces in `amz-sdk-request`.
pub const MAX_ATTEMPTS: u32 = 3;

/// The `User-Agent` prefix of the harness's client.
pub const APP_NAME: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// What the server answers next, and the request it received last.
#[derive(Debug, Default)]
struct Slot {
    response: Mutex<Option<ResponseTemplate>>,
    received: Mutex<Option<Request>>,
}

/// The responder mounted on the server: records the request, answers what the slot holds.
#[derive(Debug)]
struct Recorder(Arc<Slot>);

impl Respond for Recorder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        *self.0.received.lock().unwrap_or_else(PoisonError::into_inner) = Some(request.clone());
        let response = self.0.response.lock().unwrap_or_else(PoisonError::into_inner).clone();
        response.unwrap_or_else(|| ResponseTemplate::new(500).set_body_string("the harness set no response"))
    }
}

/// A mock server on `127.0.0.1:0` that answers whatever it is told to, a client pointed at it, and the
/// runtime that drives both; made once and reused across all cases.
#[derive(Debug)]
pub struct WireHarness {
    runtime: tokio::runtime::Runtime,
    server: MockServer,
    client: CognitoIdp,
    slot: Arc<Slot>,
}

/// One exchange: the client's result and the request the server received.
#[derive(Debug)]
pub struct Exchange {
    /// What the client returned.
    pub result: cognito_idp_client::Result<Response<types::ResendConfirmationCodeResponse>>,
    /// What the server received; `None` if the request never arrived.
    pub request: Option<Request>,
}

impl WireHarness {
    /// Starts the runtime and the server and builds the client.
    pub fn new() -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("could not start a tokio runtime: {e}"))?;
        let slot = Arc::new(Slot::default());
        let server = runtime.block_on(async {
            // Recording is off: the recorder keeps only the last request, so memory stays flat.
            let server = MockServer::builder().disable_request_recording().start().await;
            Mock::given(wiremock::matchers::any()).respond_with(Recorder(Arc::clone(&slot))).mount(&server).await;
            server
        });
        let client = Self::client_for(&server.uri())?;
        Ok(Self { runtime, server, client, slot })
    }

    /// A client for `endpoint` configured as the harness's own.
    pub fn client_for(endpoint: &str) -> Result<CognitoIdp, String> {
        CognitoIdp::builder(endpoint)
            .app_name(APP_NAME)
            .max_attempts(MAX_ATTEMPTS)
            .build()
            .map_err(|e| format!("could not build the client: {e}"))
    }

    /// The runtime, for other async work of the same run.
    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        &self.runtime
    }

    /// The server's base URL, `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The client pointed at the server.
    pub fn client(&self) -> &CognitoIdp {
        &self.client
    }

    /// Sends `input` through `client` (the harness's own when `None`); the server answers `response`.
    pub fn exchange_with(
        &self,
        client: Option<&CognitoIdp>,
        input: types::ResendConfirmationCodeRequest,
        response: ResponseTemplate,
    ) -> Exchange {
        *self.slot.response.lock().unwrap_or_else(PoisonError::into_inner) = Some(response);
        self.slot.received.lock().unwrap_or_else(PoisonError::into_inner).take();
        let client = client.unwrap_or(&self.client);
        let result = self.runtime.block_on(client.resend_confirmation_code(input));
        let request = self.slot.received.lock().unwrap_or_else(PoisonError::into_inner).take();
        Exchange { result, request }
    }

    /// Sends `input` through the harness's client; the server answers `response`.
    pub fn exchange(&self, input: types::ResendConfirmationCodeRequest, response: ResponseTemplate) -> Exchange {
        self.exchange_with(None, input, response)
    }

    /// Runs `send`, which makes another program send a request to [`Self::uri`], while the server
    /// answers `response`; returns what `send` returned and the request that arrived (the last one, if
    /// several did). The server runs on a thread of its own, so `send` may block.
    pub fn exchange_external<T>(&self, response: ResponseTemplate, send: impl FnOnce() -> T) -> (T, Option<Request>) {
        *self.slot.response.lock().unwrap_or_else(PoisonError::into_inner) = Some(response);
        self.slot.received.lock().unwrap_or_else(PoisonError::into_inner).take();
        let sent = send();
        let request = self.slot.received.lock().unwrap_or_else(PoisonError::into_inner).take();
        (sent, request)
    }

    /// What every request of the harness's client must look like on the wire.
    pub fn expectation(&self) -> WireExpectation {
        let user_agent = self.client.framing().user_agent().to_str().unwrap_or_default().to_owned();
        WireExpectation {
            host: self.server.address().to_string(),
            path: contract::PATH.to_owned(),
            max_attempts: self.client.framing().max_attempts(),
            user_agent,
        }
    }
}

/// A 200 answer with AWS's media type and `body`.
pub fn ok_json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).insert_header("content-type", contract::MEDIA_TYPE).set_body_string(body)
}

/// What the request of a call must look like, besides its body.
#[derive(Clone, Debug)]
pub struct WireExpectation {
    /// The `Host` header: the server's address.
    pub host: String,
    /// The request path.
    pub path: String,
    /// The `max=` of `amz-sdk-request`.
    pub max_attempts: u32,
    /// The client's `User-Agent`.
    pub user_agent: String,
}

/// The headers a request carries, sorted: the framing ([`cognito_idp_client::contract::FRAMING_HEADERS`]),
/// `Host` and `Content-Length` from HTTP/1.1, and the `Accept: */*` that reqwest adds (README,
/// "Differences from the references").
pub fn request_headers() -> Vec<&'static str> {
    let mut names = cognito_idp_client::contract::FRAMING_HEADERS.to_vec();
    names.extend(["accept", "content-length", "host"]);
    names.sort_unstable();
    names
}

/// The header's only value as text; a failure when it is missing, repeated or not text.
pub fn header<'r>(request: &'r Request, name: &str) -> Result<&'r str, Failure> {
    let mut values = request.headers.get_all(name).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        let count = request.headers.get_all(name).iter().count();
        return Err(Failure::new(format!("header {name}"), "exactly one value", format!("{count} values")));
    };
    value.to_str().map_err(|_| Failure::new(format!("header {name}"), "visible ASCII", format!("{value:?}")))
}

/// Whether `text` is a UUID in its hyphenated lowercase form.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok_and(|u| u.hyphenated().to_string() == text)
}

/// Checks everything but the body of a request: method, path, no query, exactly [`request_headers`]
/// with the framing values, and no `Authorization`.
pub fn check_framing(request: &Request, expect: &WireExpectation) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut check = |result: Result<(), Failure>| {
        if let Err(failure) = result {
            failures.push(failure);
        }
    };
    check(expect_eq("method", contract::METHOD, request.method.as_str()));
    check(expect_eq("path", expect.path.as_str(), request.url.path()));
    check(expect_eq("query", None, request.url.query()));
    let mut names: Vec<&str> = request.headers.keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    check(expect_eq("header names", request_headers(), names));
    check(expect_eq("no authorization header", false, request.headers.contains_key("authorization")));
    check(header(request, "x-amz-target").and_then(|v| expect_eq("header x-amz-target", contract::TARGET, v)));
    check(header(request, "content-type").and_then(|v| expect_eq("header content-type", contract::MEDIA_TYPE, v)));
    check(header(request, "accept").and_then(|v| expect_eq("header accept", "*/*", v)));
    check(header(request, "host").and_then(|v| expect_eq("header host", expect.host.as_str(), v)));
    check(header(request, "user-agent").and_then(|v| expect_eq("header user-agent", expect.user_agent.as_str(), v)));
    let attempt = format!("attempt=1; max={}", expect.max_attempts);
    check(header(request, "amz-sdk-request").and_then(|v| expect_eq("header amz-sdk-request", attempt.as_str(), v)));
    check(header(request, "amz-sdk-invocation-id").and_then(|v| {
        if is_uuid(v) { Ok(()) } else { Err(Failure::new("header amz-sdk-invocation-id", "a UUID", v)) }
    }));
    let length = request.body.len().to_string();
    check(header(request, "content-length").and_then(|v| expect_eq("header content-length", length.as_str(), v)));
    failures
}

/// Checks a request body: JSON equal to `expected` as a value, and without any `null` (absent members
/// are left out, never sent as null).
pub fn check_body(request: &Request, expected: &Value) -> Vec<Failure> {
    let body: Value = match serde_json::from_slice(&request.body) {
        Ok(body) => body,
        Err(e) => {
            let text = String::from_utf8_lossy(&request.body);
            return vec![Failure::new(
                "body is JSON",
                "a JSON document",
                format!("{e}: {}", crate::failure::short(&text)),
            )];
        }
    };
    let mut failures = Vec::new();
    if let Err(failure) = expect_json("body", expected, &body) {
        failures.push(failure);
    }
    if let Some(path) = first_null(&body, "$") {
        failures.push(Failure::new("body has no null members", "absent members left out", format!("null at {path}")));
    }
    failures
}

/// The path of the first `null` in `value`; paths are only built on the way to one, since map keys can
/// be 131,072 characters long.
fn first_null(value: &Value, path: &str) -> Option<String> {
    match value {
        Value::Null => Some(path.to_owned()),
        Value::Object(object) => object
            .iter()
            .find(|(_, v)| has_null(v))
            .and_then(|(k, v)| first_null(v, &format!("{path}.{}", crate::failure::short(k)))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find(|(_, v)| has_null(v))
            .and_then(|(i, v)| first_null(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

fn has_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(object) => object.values().any(has_null),
        Value::Array(items) => items.iter().any(has_null),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_recognised_in_their_usual_form_only() {
        assert!(is_uuid("2f1c9a54-6f0e-4b8e-9d2c-3a1b5c7d9e0f"));
        assert!(!is_uuid("2F1C9A54-6F0E-4B8E-9D2C-3A1B5C7D9E0F"));
        assert!(!is_uuid("2f1c9a546f0e4b8e9d2c3a1b5c7d9e0f"));
        assert!(!is_uuid("not a uuid"));
    }

    #[test]
    fn the_harness_sees_the_framing_of_a_call() {
        let harness = WireHarness::new().expect("harness");
        let input: types::ResendConfirmationCodeRequest =
            serde_json::from_str(r#"{"ClientId":"abc","Username":"jane"}"#).expect("valid");
        let exchange = harness.exchange(input, ok_json("{}"));
        assert!(exchange.result.is_ok(), "{:?}", exchange.result);
        let request = exchange.request.expect("received");
        assert_eq!(check_framing(&request, &harness.expectation()), []);
        assert_eq!(check_body(&request, &serde_json::json!({"ClientId": "abc", "Username": "jane"})), []);
        let other = check_body(&request, &serde_json::json!({"ClientId": "abd", "Username": "jane"}));
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].diff.as_deref(), Some("$.ClientId: expected \"abd\", found \"abc\""));
    }

    #[test]
    fn nulls_in_a_body_are_named_by_path() {
        assert_eq!(first_null(&serde_json::json!({"a": {"b": [1, null]}}), "$").as_deref(), Some("$.a.b[1]"));
        assert_eq!(first_null(&serde_json::json!({"a": 1}), "$"), None);
    }
}
