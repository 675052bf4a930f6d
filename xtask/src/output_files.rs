//! Generated files, written or checked the same way by every generator (`cargo xtask codegen`, `cargo xtask
//! schema`): each is a path and its whole contents; `--check` compares them byte for byte with what is committed.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::contract::SPEC_PATH;

/// A generated file: where it goes and what it holds.
#[derive(Debug)]
pub struct Output {
    /// Path relative to the workspace root.
    pub path: PathBuf,
    /// Full contents, header included.
    pub contents: String,
}

/// Writes `outputs` under `root`, or with `check` fails when any differs from what is committed, naming
/// `command` as the fix. `what` names the files in messages.
pub fn write_or_check(root: &Path, outputs: &[Output], check: bool, what: &str, command: &str) -> Result<()> {
    let stale = stale_files(root, outputs)?;
    if check {
        if !stale.is_empty() {
            bail!("{what} out of date with {SPEC_PATH}: {}\nrun `{command}` and commit the result", stale.join(", "));
        }
        eprintln!("{what} up to date ({} files)", outputs.len());
        return Ok(());
    }
    for output in outputs {
        let path = root.join(&output.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&path, &output.contents).with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!(
        "wrote {} ({} changed)",
        outputs.iter().map(|o| o.path.display().to_string()).collect::<Vec<_>>().join(", "),
        stale.len()
    );
    Ok(())
}

/// The generated files whose committed contents differ from `outputs`.
pub fn stale_files(root: &Path, outputs: &[Output]) -> Result<Vec<String>> {
    let mut stale = Vec::new();
    for output in outputs {
        let current = std::fs::read_to_string(root.join(&output.path)).unwrap_or_default();
        if current != output.contents {
            stale.push(output.path.display().to_string());
        }
    }
    Ok(stale)
}
