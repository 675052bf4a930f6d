//! An answer as AWS's clients read it (the AWS JSON 1.1 protocol's rules, as the SDKs implement them):
//! the error code from `X-Amzn-ErrorType`, else the body's `code` or `__type`, with a namespace before `#`
//! and anything after `:` stripped; the message from `message` or `Message`; the media type without its
//! parameters; the request id; the body as JSON.

use cognito_idp_client::error::sanitize_error_code;
use serde_json::Value;

use crate::send::Answer;
use crate::text::short;

/// What a client reads from an answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The HTTP status.
    pub status: u16,
    /// The media type of `Content-Type`, lower case, without parameters.
    pub media_type: Option<String>,
    /// `x-amzn-RequestId`, when not blank.
    pub request_id: Option<String>,
    /// The code of `X-Amzn-ErrorType`, normalized.
    pub header_code: Option<String>,
    /// The code of the body's `code` or `__type`, normalized.
    pub body_code: Option<String>,
    /// The message, from `message` or `Message`.
    pub message: Option<String>,
    /// The body as JSON, when it is JSON.
    pub json: Option<Value>,
    /// Whether the body is empty or blank.
    pub blank: bool,
    /// The body's text, cut to a readable length.
    pub body_shown: String,
}

impl Read {
    /// Reads `answer`.
    pub fn of(answer: &Answer) -> Self {
        let json: Option<Value> = serde_json::from_slice(&answer.body).ok();
        let field = |name: &str| json.as_ref().and_then(|b| b.get(name)).and_then(Value::as_str).map(str::to_owned);
        let normalized = |raw: Option<String>| {
            raw.map(|r| sanitize_error_code(&r).to_owned()).filter(|code| !code.trim().is_empty())
        };
        let media_type = answer
            .header("content-type")
            .map(|value| value.split(';').next().unwrap_or(value).trim().to_ascii_lowercase());
        Self {
            status: answer.status,
            media_type,
            request_id: answer.header("x-amzn-requestid").map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned),
            header_code: normalized(answer.header("x-amzn-errortype").map(str::to_owned)),
            body_code: normalized(field("code").or_else(|| field("__type"))),
            message: field("message").or_else(|| field("Message")),
            blank: answer.body.iter().all(u8::is_ascii_whitespace),
            body_shown: short(&String::from_utf8_lossy(&answer.body)),
            json,
        }
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The error code by the protocol's rules: the header's, else the body's.
    pub fn code(&self) -> Option<&str> {
        if self.is_success() {
            return None;
        }
        self.header_code.as_deref().or(self.body_code.as_deref())
    }

    /// `HTTP 400 InvalidParameterException`, `HTTP 200 {"CodeDeliveryDetails":...}`, `HTTP 502 <html>...`.
    pub fn describe(&self) -> String {
        match self.code() {
            Some(code) => format!("HTTP {} {code}", self.status),
            None if self.blank => format!("HTTP {} with an empty body", self.status),
            None => format!("HTTP {} {}", self.status, self.body_shown),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
        Answer {
            status,
            headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn the_code_comes_from_the_header_then_code_then_type_normalized() {
        let both = Read::of(&answer(400, &[("x-amzn-errortype", "A:http://x")], r#"{"__type":"B"}"#));
        assert_eq!((both.code(), both.body_code.as_deref()), (Some("A"), Some("B")));
        let namespaced = Read::of(&answer(400, &[], r#"{"__type":"aws.cognito#UserNotFoundException:uri"}"#));
        assert_eq!(namespaced.code(), Some("UserNotFoundException"));
        assert_eq!(Read::of(&answer(400, &[], r#"{"code":"C","__type":"D"}"#)).code(), Some("C"));
        assert_eq!(Read::of(&answer(200, &[("x-amzn-errortype", "A")], "{}")).code(), None, "a success has none");
    }

    #[test]
    fn the_message_comes_from_either_spelling_and_the_media_type_loses_its_parameters() {
        let read = Read::of(&answer(
            400,
            &[("Content-Type", "Application/X-Amz-Json-1.1; charset=utf-8"), ("X-Amzn-RequestId", " ")],
            r#"{"__type":"X","Message":"no"}"#,
        ));
        assert_eq!(read.message.as_deref(), Some("no"));
        assert_eq!(read.media_type.as_deref(), Some("application/x-amz-json-1.1"));
        assert_eq!(read.request_id, None);
        let html = Read::of(&answer(400, &[("content-type", "text/html")], "<html>Bad Request</html>"));
        assert_eq!(html.describe(), "HTTP 400 <html>Bad Request</html>");
        assert_eq!(Read::of(&answer(502, &[], " \n")).describe(), "HTTP 502 with an empty body");
    }
}
