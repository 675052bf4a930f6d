//! `cargo xtask record-awscli`: records the golden cases of `tests/fixtures/awscli/` from the real AWS CLI v1.
//!
//! The recorder itself is `tests/fixtures/awscli/record.py` (standard library only); this command gives it a
//! Python venv holding the pinned awscli, creating the venv when it is missing, and reports how it went.
//! CI never records: it only replays the committed recordings (`cargo test -p cognito-idp-e2e`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The awscli release the recordings come from.
pub const AWSCLI_VERSION: &str = "1.46.3";
/// The recorder script, relative to the workspace root.
pub const RECORDER: &str = "tests/fixtures/awscli/record.py";
/// The recordings' folder, relative to the workspace root.
pub const RECORDED_DIR: &str = "tests/fixtures/awscli/recorded";
/// The venv used when none is named, relative to the workspace root (ignored by git).
pub const DEFAULT_VENV: &str = ".venv-awscli";

/// Records `cases` (every case when empty) with the awscli of `venv` (default [`DEFAULT_VENV`]).
pub fn run(root: &Path, venv: Option<PathBuf>, cases: &[String]) -> Result<()> {
    let venv = awscli_venv(root, venv)?;
    let python = venv_executable(&venv, "python");
    let aws = venv_executable(&venv, "aws");
    let status = Command::new(&python)
        .current_dir(root)
        .arg(RECORDER)
        .arg("--aws")
        .arg(&aws)
        .args(cases)
        .status()
        .with_context(|| format!("running {RECORDER} with {}", python.display()))?;
    if !status.success() {
        bail!("{RECORDER} failed ({status}); see its output above");
    }
    eprintln!(
        "recorded {}; review the changes with `git diff {RECORDED_DIR}`, check them with \
         `COGNITO_IDP_BIN=\"{} cognito-idp\" cargo test -p cognito-idp-e2e golden`, and commit them",
        if cases.is_empty() { "every case".to_owned() } else { cases.join(", ") },
        aws.display()
    );
    Ok(())
}

/// The venv holding awscli 1.46.3 (`venv`, default [`DEFAULT_VENV`]), created and installed when missing.
pub fn awscli_venv(root: &Path, venv: Option<PathBuf>) -> Result<PathBuf> {
    let venv = match venv {
        Some(venv) if venv.is_relative() => std::env::current_dir().context("reading the current folder")?.join(venv),
        Some(venv) => venv,
        None => root.join(DEFAULT_VENV),
    };
    let python = venv_executable(&venv, "python");
    if !python.exists() {
        eprintln!("creating a venv at {}", venv.display());
        let created = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .context("running `python3 -m venv` (is Python 3 installed?)")?;
        if !created.success() {
            bail!("`python3 -m venv {}` failed ({created})", venv.display());
        }
    }
    match installed_awscli(&python)? {
        Some(version) if version == AWSCLI_VERSION => {}
        Some(version) => bail!(
            "the venv at {} has awscli {version}, and the recordings need {AWSCLI_VERSION}: \
             install it there (`{} -m pip install awscli=={AWSCLI_VERSION}`) or name another venv with --venv",
            venv.display(),
            python.display()
        ),
        None => {
            eprintln!("installing awscli=={AWSCLI_VERSION} into {}", venv.display());
            let installed = Command::new(&python)
                .args(["-m", "pip", "install", "--quiet", &format!("awscli=={AWSCLI_VERSION}")])
                .status()
                .with_context(|| format!("running pip of {}", python.display()))?;
            if !installed.success() {
                bail!("`pip install awscli=={AWSCLI_VERSION}` into {} failed ({installed})", venv.display());
            }
        }
    }

    Ok(venv)
}

/// The awscli version installed in the venv of `python`, if any.
pub fn installed_awscli(python: &Path) -> Result<Option<String>> {
    let output = Command::new(python)
        .args(["-c", "import awscli; print(awscli.__version__)"])
        .output()
        .with_context(|| format!("running {}", python.display()))?;
    Ok(output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned()))
}

/// An executable of the venv: `bin/<name>` (`Scripts\<name>.exe` on Windows).
pub fn venv_executable(venv: &Path, name: &str) -> PathBuf {
    if cfg!(windows) { venv.join("Scripts").join(format!("{name}.exe")) } else { venv.join("bin").join(name) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorder_and_its_folders_exist() {
        let root = crate::workspace_root();
        assert!(root.join(RECORDER).is_file(), "{RECORDER} is missing");
        assert!(root.join(RECORDED_DIR).is_dir(), "{RECORDED_DIR} is missing");
    }

    #[cfg(unix)]
    #[test]
    fn venv_executables_live_in_bin() {
        assert_eq!(venv_executable(Path::new("/v"), "aws"), PathBuf::from("/v/bin/aws"));
    }

    #[test]
    fn a_missing_interpreter_is_an_error() {
        let found = installed_awscli(Path::new("/nonexistent/bin/python"));
        assert!(found.is_err(), "{found:?}");
    }
}
