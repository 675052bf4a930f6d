//! Shared machinery of the end-to-end tests: the binary under test, the sandbox a run happens in (which checks
//! every output against the registry of secrets), runs built for the area tests, the mock endpoint (HTTP or
//! HTTPS, well- or ill-behaved), and a line diff for reports.

pub mod cli;
pub mod diff;
pub mod mock_server;
pub mod sandbox;
pub mod secrets;
pub mod tls;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The prefix that marks a fixture text as base64-encoded bytes (the recorder's convention).
pub const BASE64_PREFIX: &str = "base64:";

/// The bytes a fixture text stands for: `base64:...` is decoded, anything else is its UTF-8.
pub fn text_to_bytes(text: &str) -> Result<Vec<u8>, String> {
    match text.strip_prefix(BASE64_PREFIX) {
        Some(encoded) => STANDARD.decode(encoded).map_err(|e| format!("bad base64 text {text:?}: {e}")),
        None => Ok(text.as_bytes().to_vec()),
    }
}

/// The inverse of [`text_to_bytes`]: UTF-8 as is, other bytes (or text that looks encoded) as base64.
pub fn bytes_to_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.starts_with(BASE64_PREFIX) => text.to_owned(),
        _ => format!("{BASE64_PREFIX}{}", STANDARD.encode(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_texts_round_trip_through_bytes() {
        for bytes in [&b""[..], "Zo\u{eb} \u{7528}\u{6237} \u{1f600}".as_bytes(), b"Zo\xeb", b"base64:abc"] {
            let text = bytes_to_text(bytes);
            assert_eq!(text_to_bytes(&text).as_deref(), Ok(bytes), "via {text:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_stored_as_base64() {
        assert_eq!(bytes_to_text(b"Zo\xeb"), "base64:Wm/r");
    }
}
