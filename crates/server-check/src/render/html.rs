//! `--html PATH`: one self-contained page to open from a CI artifact: the verdict and counts, filters by
//! family and outcome (and id), and every expectation opening to its probes, each to its exchange (request,
//! answer) and `curl` line.
//!
//! The page fetches nothing: its style (`assets/report.css`) and script (`assets/report.js`) are inline,
//! and its Content-Security-Policy allows exactly those two by their SHA-256 and nothing else (no network
//! fetch, image, font, frame, form or base URL). The results model is embedded as JSON in a
//! `<script type="application/json">` block, with `<`, `>`, `&` and the JavaScript line separators written
//! as `\u` escapes, so no text a server sent can close the block; the script builds the page with DOM calls
//! only. The client secret is never in the model.

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use super::escape::xml_escape;
use crate::results::{Report, RunOutcome};

/// The page's style.
const CSS: &str = include_str!("assets/report.css");
/// The page's script.
const JS: &str = include_str!("assets/report.js");

/// The report as one HTML page.
pub fn render(report: &Report) -> Result<String, String> {
    let data = serde_json::to_string(report).map_err(|e| format!("cannot write the HTML report: {e}"))?;
    let verdict = match report.verdict.outcome {
        RunOutcome::Conforms => "conforms",
        RunOutcome::DoesNotConform => "does not conform",
        RunOutcome::CouldNotCheck => "could not check",
    };
    let title = format!("cognito-idp-conformance: {verdict}: {}", report.target.endpoint);
    let mut page = String::with_capacity(data.len() + CSS.len() + JS.len() + 2048);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        xml_escape(&content_security_policy(), true)
    ));
    page.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("<title>{}</title>\n", xml_escape(&title, false)));
    page.push_str(&format!("<style>{CSS}</style>\n</head>\n<body>\n"));
    page.push_str(&format!(
        "<noscript><p>{}: {}. This page shows the report with JavaScript; the same results are in the JSON \
         report (--json).</p></noscript>\n",
        xml_escape(&title, false),
        xml_escape(&report.verdict.summary, false)
    ));
    page.push_str("<main id=\"app\"></main>\n<script id=\"report-data\" type=\"application/json\">");
    page.push_str(&script_safe(&data));
    page.push_str(&format!("</script>\n<script>{JS}</script>\n</body>\n</html>\n"));
    Ok(page)
}

/// The page's policy: nothing but its own inline style and script, named by hash.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; font-src 'none'; connect-src 'none'; \
         media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; \
         base-uri 'none'; form-action 'none'",
        hash(JS),
        hash(CSS)
    )
}

/// `sha256-<Base64 of the SHA-256 of text>`, as Content-Security-Policy names an inline element.
fn hash(text: &str) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// JSON text that can sit inside a `<script>` element: the characters that could end it or start markup
/// (`<`, `>`, `&`), and the line separators older JavaScript parsers stop at, as `\u` escapes. They only
/// occur inside JSON strings, where the escapes mean the same characters.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_script_block() {
        let text = serde_json::to_string("</script><script>alert(1)</script> & \u{2028}").expect("json");
        let safe = script_safe(&text);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&') && !safe.contains('\u{2028}'));
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "</script><script>alert(1)</script> & \u{2028}");
    }

    #[test]
    fn the_assets_cannot_end_their_own_elements() {
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn the_policy_names_the_inline_elements_by_hash() {
        let policy = content_security_policy();
        assert!(policy.starts_with("default-src 'none'; "));
        assert!(policy.contains(&format!("script-src '{}'", hash(JS))));
        assert!(!policy.contains("unsafe"));
        // The SHA-256 of the empty string, as every CSP implementation computes it.
        assert_eq!(hash(""), "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }
}
