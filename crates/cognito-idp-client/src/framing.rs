//! The AWS JSON 1.1 framing: exactly the headers AWS's SDKs send, applied to every request.
//!
//! progenitor builds the request from the spec (`POST /`, the `X-Amz-Target` header parameter, the JSON
//! body) and adds what AWS does not send (`api-version`, `Content-Type: application/json`). The client's
//! `ClientHooks::pre` hook (in [`crate::client`]) replaces the whole header map with [`Framing::apply`]:
//! `X-Amz-Target`, `Content-Type` from the spec's request body ([`contract::MEDIA_TYPE`]), `User-Agent`,
//! `amz-sdk-invocation-id` and `amz-sdk-request`. The transport adds `Host` and `Content-Length`, and reqwest adds `Accept: */*`
//! (it cannot be turned off; AWS ignores it). Nothing signs the request: the operation is unsigned.

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT};

use crate::contract;

/// `X-Amz-Target`.
pub const X_AMZ_TARGET: HeaderName = HeaderName::from_static(contract::TARGET_HEADER);
/// `amz-sdk-invocation-id`: one UUID per call, the same on every attempt.
pub const AMZ_SDK_INVOCATION_ID: HeaderName = HeaderName::from_static(contract::INVOCATION_ID_HEADER);
/// `amz-sdk-request`: the attempt number and the attempt budget.
pub const AMZ_SDK_REQUEST: HeaderName = HeaderName::from_static(contract::REQUEST_HEADER);

/// The names of every header [`Framing::apply`] sets, sorted: the whole framing (the contract's), which checks of
/// the wire (the conformance suite's, the e2e tests') build on.
pub use crate::contract::FRAMING_HEADERS;

/// Per-client framing settings, carried by the generated client as its inner value.
#[derive(Clone, Debug)]
pub struct Framing {
    user_agent: HeaderValue,
    max_attempts: u32,
}

impl Framing {
    /// Framing with a `User-Agent` in AWS's format that starts with `app` (such as `cognito-idp/0.1.0`),
    /// and the number of attempts a call may make, announced in `amz-sdk-request`.
    pub fn new(app: Option<&str>, max_attempts: u32) -> Self {
        // `user_agent` keeps to visible ASCII and spaces, which every header value accepts.
        let user_agent = HeaderValue::from_str(&user_agent(app)).unwrap_or_else(|_| {
            HeaderValue::from_static(concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")))
        });
        Self { user_agent, max_attempts: max_attempts.max(1) }
    }

    /// The `User-Agent` value.
    pub fn user_agent(&self) -> &HeaderValue {
        &self.user_agent
    }

    /// The number of attempts a call may make.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Replaces `headers` with the framing headers for `attempt`.
    pub fn apply(&self, headers: &mut HeaderMap, attempt: &Attempt) {
        headers.clear();
        headers.insert(X_AMZ_TARGET, HeaderValue::from_static(contract::TARGET));
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(contract::MEDIA_TYPE));
        headers.insert(USER_AGENT, self.user_agent.clone());
        if let Ok(id) = HeaderValue::from_str(&attempt.invocation_id) {
            headers.insert(AMZ_SDK_INVOCATION_ID, id);
        }
        if let Ok(value) = HeaderValue::from_str(&attempt.header_value()) {
            headers.insert(AMZ_SDK_REQUEST, value);
        }
    }
}

/// `<app> ua/2.1 os/<os> md/arch#<arch> lang/rust`, the shape of AWS SDK user agents, with this
/// crate's name and version always present.
fn user_agent(app: Option<&str>) -> String {
    let mut agent = String::new();
    if let Some(app) = app.filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_graphic() || b == b' ')) {
        agent.push_str(app);
        agent.push(' ');
    }
    agent.push_str(concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")));
    agent.push_str(" ua/2.1 os/");
    agent.push_str(std::env::consts::OS);
    agent.push_str(" md/arch#");
    agent.push_str(std::env::consts::ARCH);
    agent.push_str(" lang/rust");
    agent
}

/// One attempt of a call: what goes into `amz-sdk-invocation-id` and `amz-sdk-request`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The call's invocation id, a UUID; the same on every attempt.
    pub invocation_id: String,
    /// This attempt's number, from 1.
    pub number: u32,
    /// The attempt budget; `None` leaves `max=` out (AWS CLI v1 does that on first attempts).
    pub max: Option<u32>,
    /// The `ttl=` value (the time by which the attempt must finish, `YYYYMMDDTHHMMSSZ`), when known.
    pub ttl: Option<String>,
}

impl Attempt {
    /// The first attempt of a new call with a fresh invocation id.
    pub fn first(max: Option<u32>) -> Self {
        Self { invocation_id: uuid::Uuid::new_v4().to_string(), number: 1, max, ttl: None }
    }

    /// The next attempt of the same call.
    pub fn next(&self, max: Option<u32>, ttl: Option<String>) -> Self {
        Self { invocation_id: self.invocation_id.clone(), number: self.number + 1, max, ttl }
    }

    /// The `amz-sdk-request` value: `[ttl=...; ]attempt=N[; max=M]`.
    pub fn header_value(&self) -> String {
        let mut value = String::new();
        if let Some(ttl) = &self.ttl {
            value.push_str("ttl=");
            value.push_str(ttl);
            value.push_str("; ");
        }
        value.push_str("attempt=");
        value.push_str(&self.number.to_string());
        if let Some(max) = self.max {
            value.push_str("; max=");
            value.push_str(&max.to_string());
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_attempts_announce_the_budget_like_the_sdk() {
        let attempt = Attempt::first(Some(3));
        assert_eq!(attempt.header_value(), "attempt=1; max=3");
        assert_eq!(attempt.invocation_id.len(), 36);
    }

    #[test]
    fn retries_keep_the_invocation_id_and_carry_the_ttl() {
        let first = Attempt::first(None);
        assert_eq!(first.header_value(), "attempt=1");
        let second = first.next(Some(5), Some("20261126T101500Z".into()));
        assert_eq!(second.invocation_id, first.invocation_id);
        assert_eq!(second.header_value(), "ttl=20261126T101500Z; attempt=2; max=5");
    }

    #[test]
    fn the_user_agent_has_aws_shape_and_names_this_crate() {
        let framing = Framing::new(Some("cognito-idp/1.2.3"), 1);
        let agent = framing.user_agent().to_str().expect("ascii");
        assert!(agent.starts_with("cognito-idp/1.2.3 cognito-idp-client/"), "{agent}");
        assert!(agent.contains(" ua/2.1 os/") && agent.contains(" md/arch#") && agent.ends_with(" lang/rust"));
    }

    #[test]
    fn a_user_agent_prefix_with_control_characters_is_left_out() {
        let framing = Framing::new(Some("bad\r\nX-Injected: 1"), 1);
        let agent = framing.user_agent().to_str().expect("ascii");
        assert!(agent.starts_with("cognito-idp-client/"), "{agent}");
    }

    #[test]
    fn a_user_agent_prefix_keeps_its_spaces_and_an_empty_one_adds_none() {
        let agent = |app| Framing::new(Some(app), 1).user_agent().to_str().expect("ascii").to_owned();
        assert!(agent("my service/1.0").starts_with("my service/1.0 cognito-idp-client/"));
        assert!(agent("").starts_with("cognito-idp-client/"));
        assert!(agent("bad\tprefix").starts_with("cognito-idp-client/"));
    }

    #[test]
    fn apply_replaces_every_header_with_the_framing() {
        let framing = Framing::new(None, 3);
        let mut headers = HeaderMap::new();
        headers.insert("api-version", HeaderValue::from_static("2016-04-18"));
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        framing.apply(&mut headers, &Attempt::first(Some(3)));
        let mut names: Vec<&str> = headers.keys().map(HeaderName::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, FRAMING_HEADERS);
        assert_eq!(headers[CONTENT_TYPE], "application/x-amz-json-1.1");
        assert_eq!(headers[X_AMZ_TARGET], "AWSCognitoIdentityProviderService.ResendConfirmationCode");
    }
}
