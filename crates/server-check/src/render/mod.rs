//! The fourth step of the pipeline: every report is a view of the same [`Report`], never a second judge.
//! [`text`] is what the terminal shows; [`json`] writes the model itself (its schema is
//! `crates/server-check/report.schema.json`); [`junit`] is for CI servers' test views; [`har`] records every
//! exchange for browsers' dev tools; [`markdown`] is a summary for a CI step summary or a pull request
//! comment; [`html`] is one self-contained page to open from a CI artifact; [`escape`] is what the markup
//! reports share.

pub mod escape;
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
