//! Responses: as they came off the wire ([`RawResponse`]), and decoded by the contract ([`Response`]).

use bytes::Bytes;
use reqwest::header::HeaderMap;

use crate::error::{Error, Result, ServiceError, decode_error, request_id};
use crate::generated::types;

/// A successful response.
#[derive(Clone, Debug)]
pub struct Response<T> {
    /// The decoded output.
    pub output: T,
    /// The HTTP status.
    pub status: u16,
    /// The request id from `x-amzn-RequestId`, when the response has one.
    pub request_id: Option<String>,
}

/// A response as it came off the wire, for callers that decode it themselves (the CLI does).
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl RawResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The error this response carries, by the AWS JSON 1.1 rules.
    pub fn service_error(&self) -> ServiceError {
        decode_error(self.status, &self.headers, &self.body)
    }
}

/// Decodes a response: a 2xx into the output (an empty body is an empty output, unknown members are
/// ignored, `null` members are unset), anything else into a service error.
pub fn decode(raw: &RawResponse) -> Result<Response<types::ResendConfirmationCodeResponse>> {
    if !raw.is_success() {
        return Err(Error::Service(Box::new(raw.service_error())));
    }
    let output = if raw.body.iter().all(u8::is_ascii_whitespace) {
        types::ResendConfirmationCodeResponse::default()
    } else {
        serde_json::from_slice(&raw.body).map_err(|e| Error::InvalidResponse {
            status: raw.status,
            reason: format!("the body does not match the contract: {e}"),
        })?
    };
    Ok(Response { output, status: raw.status, request_id: request_id(&raw.headers) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, body: &'static str) -> RawResponse {
        RawResponse { status, headers: HeaderMap::new(), body: Bytes::from(body) }
    }

    #[test]
    fn empty_and_whitespace_bodies_are_empty_outputs() {
        for body in ["", " \n", "{}", "{\"CodeDeliveryDetails\":null}", "{\"foo\":true}"] {
            let response = decode(&raw(200, body)).unwrap_or_else(|e| panic!("{body:?}: {e}"));
            assert!(response.output.code_delivery_details.is_none(), "{body:?}");
        }
    }

    #[test]
    fn invalid_json_in_a_success_is_an_invalid_response() {
        assert!(matches!(decode(&raw(200, "{not json")), Err(Error::InvalidResponse { status: 200, .. })));
    }

    #[test]
    fn every_2xx_and_only_a_2xx_is_a_success() {
        for (status, success) in [(199, false), (200, true), (204, true), (299, true), (300, false), (400, false)] {
            assert_eq!(raw(status, "").is_success(), success, "{status}");
        }
        let error = decode(&raw(404, r#"{"__type":"ResourceNotFoundException"}"#)).expect_err("an error");
        assert_eq!(error.as_service().map(ServiceError::code), Some("ResourceNotFoundException"));
    }
}
