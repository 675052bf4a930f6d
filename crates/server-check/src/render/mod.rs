//! The fourth step of the pipeline: every report is a view of the same [`Report`], never a second judge.
//! [`text`] is what the terminal shows; [`json`] writes the model itself (its schema is
//! `crates/server-check/report.schema.json`); [`junit`] is for CI servers' test views; [`har`] records every
//! exchange for browsers' dev tools; [`markdown`] is a summary for a CI step summary or a pull request
//! comment; [`html`] is one self-contained page to open from a CI artifact.

pub mod har;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod text;

use std::path::Path;

use crate::options::ReportArgs;
use crate::results::Report;

/// Writes `contents` to `path`, creating its folder.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes every report file `args` asks for.
pub fn write_reports(report: &Report, args: &ReportArgs) -> Result<(), String> {
    if let Some(path) = &args.json {
        write_file(path, json::render(report)?.as_bytes())?;
    }
    if let Some(path) = &args.junit {
        write_file(path, junit::render(report).as_bytes())?;
    }
    if let Some(path) = &args.har {
        write_file(path, har::render(report)?.as_bytes())?;
    }
    if let Some(path) = &args.markdown {
        write_file(path, markdown::render(report).as_bytes())?;
    }
    if let Some(path) = &args.html {
        write_file(path, html::render(report)?.as_bytes())?;
    }
    Ok(())
}

/// `text` escaped for XML and HTML: `&`, `<` and `>` as entities; in an attribute (`attribute`) the quotes
/// too, and line breaks and tabs as character references, so that they survive; a carriage return always as
/// a character reference (a parser would turn it into a line break); a character XML 1.0 cannot carry at
/// all (the other C0 controls, U+FFFE, U+FFFF) as the visible `\u{..}`.
pub(crate) fn xml_escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_shows_what_xml_cannot_carry() {
        assert_eq!(xml_escape("a<b>&\"c'", false), "a&lt;b&gt;&amp;\"c'");
        assert_eq!(xml_escape("a<b>&\"c'", true), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(xml_escape("one\ntwo\tthree\r", false), "one\ntwo\tthree&#13;");
        assert_eq!(xml_escape("one\ntwo\t", true), "one&#10;two&#9;");
        assert_eq!(xml_escape("nul\u{0} bell\u{7} \u{ffff} é 😀", false), "nul\\u{0} bell\\u{7} \\u{ffff} é 😀");
    }
}
