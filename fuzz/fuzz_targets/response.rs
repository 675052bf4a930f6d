//! The response decoders on arbitrary responses: the CLI's (`parse_output`, `error_code_and_message`, then
//! the JSON, text and table output of what parses) and the client crate's (`decode`, `decode_error`).
//!
//! The input is the status (two bytes, big-endian), then header lines `name: value` up to the first empty
//! line, then the body.

#![no_main]

use bytes::Bytes;
use cognito_idp_cli::output::{jsonfmt, response, table, text};
use cognito_idp_client::client::{RawResponse, decode};
use cognito_idp_client::contract;
use cognito_idp_client::error::decode_error;
use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// Splits the input into status, headers and body.
fn response_of(data: &[u8]) -> Option<RawResponse> {
    let (status, rest) = data.split_first_chunk::<2>()?;
    let (head, body) = match rest.windows(2).position(|w| w == b"\n\n") {
        Some(at) => (&rest[..at], &rest[at + 2..]),
        None => (&rest[..0], rest),
    };
    let mut headers = HeaderMap::new();
    for line in head.split(|&b| b == b'\n') {
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name), HeaderValue::from_bytes(value)) {
            headers.append(name, value);
        }
    }
    Some(RawResponse { status: u16::from_be_bytes(*status), headers, body: Bytes::copy_from_slice(body) })
}

fuzz_target!(|data: &[u8]| {
    let Some(raw) = response_of(data) else { return };
    let _ = decode(&raw);
    let error = decode_error(raw.status, &raw.headers, &raw.body);
    let _ = error.to_string();
    let _ = response::error_code_and_message(raw.status, &raw.body);
    let parsed = if raw.headers.is_empty() {
        response::parse_output(&raw.body)
    } else {
        response::parse_output_with_headers(&raw.body, raw.headers.keys().map(|n| n.as_str()))
    };
    match parsed {
        Ok(output) => {
            let shown = jsonfmt::without_response_metadata(&output);
            let _ = jsonfmt::format_json_value(&shown);
            let _ = text::format(&shown);
            let _ = table::format(&shown, contract::OPERATION, 80, false);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
