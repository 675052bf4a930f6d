//! One exchange with the server under test: a request built exactly as a probe wants it (any method,
//! target, body), and what came back, read by the AWS JSON 1.1 protocol's rules.

use std::time::{Duration, Instant};

use cognito_idp_client::contract;
use cognito_idp_client::error::sanitize_error_code;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use serde_json::Value;

use crate::failure::short;

/// The request of a probe.
#[derive(Clone, Debug)]
pub struct Probe {
    /// The HTTP method.
    pub method: reqwest::Method,
    /// The `X-Amz-Target` header, or none.
    pub target: Option<String>,
    /// The body's bytes.
    pub body: Vec<u8>,
}

impl Probe {
    /// A request framed as the contract says: `POST /`, the operation's target and media type.
    pub fn framed(input: &Value) -> Self {
        Self {
            method: reqwest::Method::POST,
            target: Some(contract::TARGET.to_owned()),
            body: input.to_string().into_bytes(),
        }
    }

    /// The same request with another body.
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
}

/// What the server answered.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Vec<u8>,
    /// How long the answer took, headers to last byte.
    pub elapsed: Duration,
}

impl Answer {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as JSON, when it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// Whether the body is empty or blank (a success may be).
    pub fn is_blank(&self) -> bool {
        self.body.iter().all(u8::is_ascii_whitespace)
    }

    /// The error code by the protocol's rules (`X-Amzn-ErrorType`, then the body's `code`, then
    /// `__type`), normalized as the protocol says (the part after `#`, before `:`); `None` when the answer
    /// names none.
    pub fn code(&self) -> Option<String> {
        let header = self.headers.get("x-amzn-errortype").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = self.json();
        let field = |name: &str| body.as_ref().and_then(|b| b.get(name)).and_then(Value::as_str).map(str::to_owned);
        [header, field("code"), field("__type")]
            .into_iter()
            .flatten()
            .map(|raw| sanitize_error_code(&raw).to_owned())
            .find(|code| !code.is_empty())
    }

    /// The media type of `Content-Type`, without parameters, lower case.
    pub fn media_type(&self) -> Option<String> {
        let value = self.headers.get(CONTENT_TYPE)?.to_str().ok()?;
        Some(value.split(';').next().unwrap_or(value).trim().to_ascii_lowercase())
    }

    /// `HTTP 400 InvalidParameterException`, or the status and the start of the body when no code.
    pub fn describe(&self) -> String {
        match (self.is_success(), self.code()) {
            (false, Some(code)) => format!("HTTP {} {code}", self.status),
            _ if self.is_blank() => format!("HTTP {} with an empty body", self.status),
            _ => format!("HTTP {} {}", self.status, short(&String::from_utf8_lossy(&self.body))),
        }
    }
}

/// What became of a probe: an answer, or none (a timeout, a refused connection), with why.
pub type Exchange = Result<Answer, String>;

/// Sends probes to one endpoint with a bound on each answer.
#[derive(Debug)]
pub struct Prober<'r> {
    runtime: &'r tokio::runtime::Runtime,
    http: reqwest::Client,
    url: String,
    timeout: Duration,
}

impl<'r> Prober<'r> {
    /// A prober of `endpoint` whose answers must come within `timeout`.
    pub fn new(runtime: &'r tokio::runtime::Runtime, endpoint: &str, timeout: Duration) -> Result<Self, String> {
        cognito_idp_client::client::install_crypto_provider();
        let http = reqwest::Client::builder()
            // AWS's SDKs do not follow redirects: a 3xx is the answer.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .build()
            .map_err(|e| format!("could not build an HTTP client: {e}"))?;
        let base = endpoint.trim_end_matches('/');
        Ok(Self { runtime, http, url: format!("{base}{}", contract::PATH), timeout })
    }

    /// The bound on each answer.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Sends `probe` and reads the whole answer.
    pub fn send(&self, probe: &Probe) -> Exchange {
        let mut request = self
            .http
            .request(probe.method.clone(), &self.url)
            .header(CONTENT_TYPE, contract::MEDIA_TYPE)
            .header("user-agent", concat!("cognito-idp-conformance/", env!("CARGO_PKG_VERSION")))
            .body(probe.body.clone());
        if let Some(target) = &probe.target {
            request = request.header("x-amz-target", target);
        }
        let started = Instant::now();
        self.runtime.block_on(async {
            let response = request.send().await.map_err(|e| self.no_answer(&e))?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(|e| self.no_answer(&e))?.to_vec();
            Ok(Answer { status, headers, body, elapsed: started.elapsed() })
        })
    }

    fn no_answer(&self, error: &reqwest::Error) -> String {
        if error.is_timeout() {
            format!("no answer within {}", seconds(self.timeout))
        } else {
            let mut text = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                text = format!("{text}: {cause}");
                source = cause.source();
            }
            format!("no answer: {text}")
        }
    }
}

/// `5 s`, `0.5 s`.
pub fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn answer(status: u16, headers: &[(&'static str, &'static str)], body: &str) -> Answer {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_static(value));
        }
        Answer { status, headers: map, body: body.as_bytes().to_vec(), elapsed: Duration::ZERO }
    }

    #[test]
    fn the_code_comes_from_the_header_then_code_then_type_normalized() {
        let both = answer(400, &[("x-amzn-errortype", "A:http://x")], r#"{"__type":"B"}"#);
        assert_eq!(both.code().as_deref(), Some("A"));
        let namespaced = answer(400, &[], r#"{"__type":"aws.cognito#UserNotFoundException:uri"}"#);
        assert_eq!(namespaced.code().as_deref(), Some("UserNotFoundException"));
        assert_eq!(answer(400, &[], r#"{"code":"C","__type":"D"}"#).code().as_deref(), Some("C"));
    }

    #[test]
    fn an_answer_without_a_code_says_what_it_was() {
        let html = answer(400, &[("content-type", "text/html")], "<html>Bad Request</html>");
        assert_eq!(html.code(), None);
        assert_eq!(html.describe(), "HTTP 400 <html>Bad Request</html>");
        assert_eq!(html.media_type().as_deref(), Some("text/html"));
        assert_eq!(
            answer(400, &[("content-type", "Application/X-Amz-Json-1.1; charset=utf-8")], "").media_type().as_deref(),
            Some("application/x-amz-json-1.1")
        );
    }
}
