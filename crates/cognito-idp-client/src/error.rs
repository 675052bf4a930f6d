//! Errors, and the AWS JSON 1.1 rules that decode a service's error response.
//!
//! The error code comes from the `X-Amzn-ErrorType` header, else the body's top-level `code`, else its
//! top-level `__type`; it is cut at the first `:` and only what follows the last `#` is kept. The message
//! comes from `message`, `Message` or `errorMessage`. A response that names no code (an empty or non-JSON
//! body, say) still decodes: its code is the HTTP status.

use std::fmt;

use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::contract::OperationError;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request was not sent: an input does not satisfy the contract.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The client could not be built (a bad endpoint, a TLS setup failure).
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The service answered with an error.
    #[error("{0}")]
    Service(Box<ServiceError>),
    /// The request did not complete: connection, timeout or body transfer failure.
    #[error("could not complete the request: {0}")]
    Transport(#[source] reqwest::Error),
    /// The response body exceeded the configured limit; reading stopped there.
    #[error("the response body is larger than the limit of {limit} bytes")]
    ResponseTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A success response whose body does not match the contract.
    #[error("invalid response (HTTP {status}): {reason}")]
    InvalidResponse {
        /// The HTTP status.
        status: u16,
        /// What is wrong with it.
        reason: String,
    },
    /// The last attempt's error would have been retried, but the client's retry quota is exhausted
    /// (standard and adaptive modes; see [`crate::retry`]): the service has been failing for this
    /// client's calls, which now stop retrying until successes refill the quota.
    #[error("{last} (not retried after {attempts} attempts: the client's retry quota is exhausted)")]
    RetryQuotaExhausted {
        /// The attempts made.
        attempts: u32,
        /// The last attempt's error: [`Error::Service`] or [`Error::Transport`].
        last: Box<Error>,
    },
}

impl Error {
    /// The last attempt's error: the error itself, or the one inside [`Error::RetryQuotaExhausted`].
    pub fn last_attempt(&self) -> &Error {
        match self {
            Error::RetryQuotaExhausted { last, .. } => last,
            other => other,
        }
    }

    /// The service error, when the service answered with one (retry quota exhausted or not).
    pub fn as_service(&self) -> Option<&ServiceError> {
        match self.last_attempt() {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// How the transport failed, when it did (retry quota exhausted or not).
    pub fn transport_failure(&self) -> Option<TransportFailure> {
        match self.last_attempt() {
            Error::Transport(e) => Some(TransportFailure::classify(e)),
            _ => None,
        }
    }

    /// Whether the call ended on a connect or read timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self.transport_failure(), Some(TransportFailure::ConnectTimeout | TransportFailure::ReadTimeout))
    }

    /// Whether the call stopped retrying because the client's retry quota is exhausted.
    pub fn is_retry_quota_exhausted(&self) -> bool {
        matches!(self, Error::RetryQuotaExhausted { .. })
    }
}

/// What kind of failure a transport error is, in the terms AWS's SDKs report them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportFailure {
    /// The connection could not be made in time.
    ConnectTimeout,
    /// The connection could not be made (refused, unreachable, name not resolved).
    Connect,
    /// The server did not answer (or stopped answering) within the read timeout.
    ReadTimeout,
    /// The connection closed before a complete response arrived.
    Closed,
    /// TLS failed, for instance because the certificate was not trusted; the text says why.
    Tls(String),
    /// Anything else, with its description.
    Other(String),
}

impl TransportFailure {
    /// Classifies a reqwest error by walking its chain of causes.
    pub fn classify(error: &reqwest::Error) -> Self {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
        let mut tls = None;
        let mut io_kind = None;
        let mut incomplete = false;
        while let Some(current) = cause {
            if let Some(e) = current.downcast_ref::<rustls::Error>() {
                tls.get_or_insert_with(|| e.to_string());
            }
            // io::Error's `source` skips the error it wraps, so descend through `get_ref` as well.
            let mut io = current.downcast_ref::<std::io::Error>();
            while let Some(e) = io {
                io_kind.get_or_insert(e.kind());
                let inner = e.get_ref();
                if let Some(rustls_error) = inner.and_then(|i| i.downcast_ref::<rustls::Error>()) {
                    tls.get_or_insert_with(|| rustls_error.to_string());
                }
                io = inner.and_then(|i| i.downcast_ref::<std::io::Error>());
            }
            if let Some(e) = current.downcast_ref::<hyper::Error>() {
                incomplete |= e.is_incomplete_message();
            }
            cause = current.source();
        }
        if let Some(reason) = tls {
            return TransportFailure::Tls(reason);
        }
        if error.is_timeout() {
            return if error.is_connect() { TransportFailure::ConnectTimeout } else { TransportFailure::ReadTimeout };
        }
        if error.is_connect() {
            return TransportFailure::Connect;
        }
        use std::io::ErrorKind::{BrokenPipe, ConnectionAborted, ConnectionReset, UnexpectedEof};
        if incomplete || matches!(io_kind, Some(ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof)) {
            return TransportFailure::Closed;
        }
        TransportFailure::Other(error.to_string())
    }
}

/// An error response of the service, decoded.
#[derive(Clone, Debug)]
pub struct ServiceError {
    /// The typed error.
    pub error: OperationError,
    /// The HTTP status.
    pub status: u16,
    /// The request id from `x-amzn-RequestId`, when the response has one.
    pub request_id: Option<String>,
}

impl ServiceError {
    /// The error code, such as `UserNotFoundException`.
    pub fn code(&self) -> &str {
        self.error.code()
    }

    /// The message, when the response has one.
    pub fn message(&self) -> Option<&str> {
        self.error.message()
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(message) => write!(f, "{}: {message}", self.code()),
            None => f.write_str(self.code()),
        }
    }
}

impl std::error::Error for ServiceError {}

/// The parts of an error response, before they are matched to a modeled error.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorParts {
    /// The error code, or the HTTP status as text when the response names none.
    pub code: String,
    /// The message, when there is one.
    pub message: Option<String>,
    /// The body's top-level object, or `Value::Null` when the body is not a JSON object.
    pub body: Value,
}

/// Extracts the code, message and members of an error response by the AWS JSON 1.1 rules.
pub fn error_parts(status: u16, headers: &HeaderMap, body: &[u8]) -> ErrorParts {
    let body: Value = match serde_json::from_slice(body) {
        Ok(value @ Value::Object(_)) => value,
        _ => Value::Null,
    };
    let header = headers.get("x-amzn-errortype").and_then(|v| v.to_str().ok()).filter(|v| !v.is_empty());
    let field = |name: &str| body.get(name).and_then(Value::as_str).filter(|v| !v.is_empty());
    let code = header
        .or_else(|| field("code"))
        .or_else(|| field("__type"))
        .map(sanitize_error_code)
        .filter(|c| !c.is_empty())
        .map_or_else(|| status.to_string(), str::to_owned);
    let message = ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|key| body.get(*key).and_then(Value::as_str))
        .map(str::to_owned);
    ErrorParts { code, message, body }
}

/// `ns#Name:uri` → `Name`: cut at the first `:`, keep what follows the last `#`, trim spaces.
pub fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    before_colon.rsplit('#').next().unwrap_or(before_colon).trim()
}

/// The request id of a response, from `x-amzn-RequestId`.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers.get("x-amzn-requestid").and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// Decodes an error response into a [`ServiceError`].
pub fn decode_error(status: u16, headers: &HeaderMap, body: &[u8]) -> ServiceError {
    let parts = error_parts(status, headers, body);
    ServiceError {
        error: OperationError::from_parts(&parts.code, &parts.body, parts.message),
        status,
        request_id: request_id(headers),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn parts(headers: &[(&'static str, &'static str)], body: &str) -> ErrorParts {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_static(value));
        }
        error_parts(400, &map, body.as_bytes())
    }

    #[test]
    fn the_header_wins_over_code_and_type() {
        let p = parts(&[("x-amzn-errortype", "A:http://x/")], r#"{"code":"B","__type":"C"}"#);
        assert_eq!(p.code, "A");
    }

    #[test]
    fn code_wins_over_type() {
        assert_eq!(parts(&[], r#"{"code":"ns#B","__type":"C"}"#).code, "B");
    }

    #[test]
    fn namespaces_and_uris_are_cut() {
        let p = parts(
            &[],
            r#"{"__type":"aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#,
        );
        assert_eq!(p.code, "FooError");
    }

    #[test]
    fn nested_types_are_ignored() {
        let p = parts(&[], r#"{"ErrorDetails":[{"__type":"com.amazon.internal#ErrorDetails"}]}"#);
        assert_eq!(p.code, "400");
    }

    #[test]
    fn messages_come_from_any_of_the_three_keys_in_order() {
        assert_eq!(parts(&[], r#"{"__type":"X","Message":"b","message":"a"}"#).message.as_deref(), Some("a"));
        assert_eq!(parts(&[], r#"{"__type":"X","Message":"b"}"#).message.as_deref(), Some("b"));
        assert_eq!(parts(&[], r#"{"__type":"X","errorMessage":"c"}"#).message.as_deref(), Some("c"));
    }

    #[test]
    fn empty_and_non_json_bodies_give_the_status() {
        assert_eq!(parts(&[], "").code, "400");
        assert_eq!(parts(&[], "<html>bad gateway</html>").code, "400");
        assert_eq!(parts(&[], "[1,2]").body, Value::Null);
    }

    #[test]
    fn a_modeled_error_decodes_into_its_type_with_members() {
        let mut headers = HeaderMap::new();
        headers.insert("x-amzn-requestid", HeaderValue::from_static("req-1"));
        let body = br#"{"__type":"InvalidParameterException","message":"bad","reasonCode":"INVALID_EMAIL"}"#;
        let error = decode_error(400, &headers, body);
        assert_eq!(error.request_id.as_deref(), Some("req-1"));
        let OperationError::InvalidParameterException(inner) = &error.error else {
            panic!("decoded as {:?}", error.error);
        };
        assert_eq!(inner.reason_code.as_ref().map(|r| r.0.as_str()), Some("INVALID_EMAIL"));
        assert_eq!(error.to_string(), "InvalidParameterException: bad");
    }

    #[test]
    fn a_capital_message_fills_the_modeled_message_member() {
        let error = decode_error(400, &HeaderMap::new(), br#"{"__type":"UserNotFoundException","Message":"no"}"#);
        assert!(matches!(error.error, OperationError::UserNotFoundException(_)));
        assert_eq!(error.message(), Some("no"));
    }

    #[test]
    fn an_unknown_code_keeps_its_code_and_message() {
        let error = decode_error(400, &HeaderMap::new(), br#"{"__type":"SomethingNew","message":"m"}"#);
        assert!(matches!(&error.error, OperationError::Unknown { code, .. } if code == "SomethingNew"));
        assert_eq!(error.message(), Some("m"));
    }

    #[test]
    fn server_faults_are_marked() {
        let error = decode_error(500, &HeaderMap::new(), br#"{"__type":"InternalErrorException"}"#);
        assert!(error.error.is_server_fault());
        assert!(
            !decode_error(400, &HeaderMap::new(), br#"{"__type":"NotAuthorizedException"}"#).error.is_server_fault()
        );
    }
}
