//! `--json`: the results model itself, pretty-printed (its schema is [`crate::results::Report`], versioned
//! by `schema_version`).

use crate::results::Report;

/// The report as JSON text, ending with a line break.
pub fn render(report: &Report) -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(report).map_err(|e| format!("cannot write the JSON report: {e}"))?;
    text.push('\n');
    Ok(text)
}
