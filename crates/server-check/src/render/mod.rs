//! The fourth step of the pipeline: every report is a view of the same [`Report`]. [`text`] is what the
//! terminal shows; [`json`] writes the model itself.

pub mod json;
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
    Ok(())
}
