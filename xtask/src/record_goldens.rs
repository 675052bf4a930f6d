//! `cargo xtask record-goldens [--check]`: the CLI's golden data, made again by its generators and
//! recorders, whose inputs all live in the repository:
//!
//! - `crates/cli/src/python/py_unicode.rs` from `crates/cli/tools/gen_py_unicode.py` (Python 3.11's Unicode tables;
//!   needs only a `python3` whose `unicodedata` is Unicode 14.0.0, else this step is skipped and says so);
//! - `crates/cli/tests/data/{python,response}_golden.json` from `crates/cli/tools/gen_{python,response}_golden.py`
//!   (CPython 3.11's `repr()`, `json.dumps()`, `json.loads()` and UTF-8 errors on seeded cases; needs a `python3`
//!   that is 3.11, else skipped);
//! - `crates/cli/tests/data/{text,table}_output.json` from `crates/cli/tools/record_output_goldens.py` and
//!   `crates/cli/tests/data/query_errors.json` from `crates/cli/tools/record_query_errors.py`, which run AWS
//!   CLI v1 (awscli 1.46.3, from the venv `cargo xtask record-awscli` keeps, created when missing) against
//!   `crates/cli/tools/mockserver.py` on 127.0.0.1.
//!
//! With `--check` nothing is written: each output is made in `target/record-goldens/` and compared with the
//! committed file (JSON as values), and the command fails naming the stale ones.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::record::{awscli_venv, venv_executable};

/// Options of `cargo xtask record-goldens`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Compare instead of writing: exit non-zero when a committed file differs from a fresh recording.
    #[arg(long)]
    check: bool,
    /// The Python venv holding awscli 1.46.3 (default: .venv-awscli in the workspace root).
    #[arg(long, value_name = "PATH")]
    venv: Option<PathBuf>,
}

/// The Unicode version of the tables: Python 3.11's.
const UNICODE_VERSION: &str = "14.0.0";

/// One recording: the script, its arguments before the output path, and the committed file it writes.
struct Recording {
    script: &'static str,
    args: &'static [&'static str],
    output: &'static str,
}

const RECORDINGS: &[Recording] = &[
    Recording {
        script: "crates/cli/tools/record_output_goldens.py",
        args: &["text"],
        output: "crates/cli/tests/data/text_output.json",
    },
    Recording {
        script: "crates/cli/tools/record_output_goldens.py",
        args: &["table"],
        output: "crates/cli/tests/data/table_output.json",
    },
    Recording {
        script: "crates/cli/tools/record_query_errors.py",
        args: &[],
        output: "crates/cli/tests/data/query_errors.json",
    },
];

/// CPython 3.11's golden cases: the generator and the file it writes.
const PYTHON_GOLDEN: &[(&str, &str)] = &[
    ("crates/cli/tools/gen_python_golden.py", "crates/cli/tests/data/python_golden.json"),
    ("crates/cli/tools/gen_response_golden.py", "crates/cli/tests/data/response_golden.json"),
];
const PY_UNICODE_SCRIPT: &str = "crates/cli/tools/gen_py_unicode.py";
const PY_UNICODE_OUTPUT: &str = "crates/cli/src/python/py_unicode.rs";

/// Makes every golden file again, or with `--check` compares.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let scratch =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from).join("record-goldens");
    std::fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let mut stale = Vec::new();

    match unicode_tables(root)? {
        Some(text) => {
            let committed = std::fs::read_to_string(root.join(PY_UNICODE_OUTPUT)).unwrap_or_default();
            if text != committed {
                if args.check {
                    stale.push(PY_UNICODE_OUTPUT.to_owned());
                } else {
                    std::fs::write(root.join(PY_UNICODE_OUTPUT), &text)
                        .with_context(|| format!("writing {PY_UNICODE_OUTPUT}"))?;
                }
            }
            eprintln!("{PY_UNICODE_OUTPUT}: {}", if text == committed { "up to date" } else { "differs" });
        }
        None => eprintln!(
            "{PY_UNICODE_OUTPUT}: skipped, this python3's unicodedata is not Unicode {UNICODE_VERSION} (Python 3.11's)"
        ),
    }

    for (script, output) in PYTHON_GOLDEN {
        match python_golden(root, &scratch, script, output)? {
            Some(fresh) => {
                let same = same_json(&fresh, &root.join(output))?;
                eprintln!("{output}: {}", if same { "up to date" } else { "differs" });
                if !same {
                    if args.check {
                        stale.push((*output).to_owned());
                    } else {
                        std::fs::copy(&fresh, root.join(output)).with_context(|| format!("writing {output}"))?;
                    }
                }
            }
            None => eprintln!("{output}: skipped, this python3 is not Python 3.11"),
        }
    }

    let venv = awscli_venv(root, args.venv.clone())?;
    let (python, aws) = (venv_executable(&venv, "python"), venv_executable(&venv, "aws"));
    for recording in RECORDINGS {
        let fresh = scratch.join(Path::new(recording.output).file_name().context("a file name")?);
        let mut command = Command::new(&python);
        command.current_dir(root).env("AWS", &aws).arg(recording.script).args(recording.args);
        if recording.script.ends_with("record_query_errors.py") {
            command.arg(&aws);
        }
        let status = command.arg(&fresh).status().with_context(|| format!("running {}", recording.script))?;
        if !status.success() {
            bail!("{} failed ({status}); see its output above", recording.script);
        }
        let same = same_json(&fresh, &root.join(recording.output))?;
        eprintln!("{}: {}", recording.output, if same { "up to date" } else { "differs" });
        if !same {
            if args.check {
                stale.push(recording.output.to_owned());
            } else {
                std::fs::copy(&fresh, root.join(recording.output))
                    .with_context(|| format!("writing {}", recording.output))?;
            }
        }
    }
    if !stale.is_empty() {
        bail!("golden data out of date: {}\nrun `cargo xtask record-goldens`, review and commit", stale.join(", "));
    }
    Ok(())
}

/// The Unicode tables from the generator, or `None` when this python3 has another Unicode version.
fn unicode_tables(root: &Path) -> Result<Option<String>> {
    let version = Command::new("python3")
        .args(["-c", "import unicodedata; print(unicodedata.unidata_version)"])
        .output()
        .context("running python3 (is Python 3 installed?)")?;
    if String::from_utf8_lossy(&version.stdout).trim() != UNICODE_VERSION {
        return Ok(None);
    }
    let output = Command::new("python3")
        .current_dir(root)
        .arg(PY_UNICODE_SCRIPT)
        .output()
        .with_context(|| format!("running {PY_UNICODE_SCRIPT}"))?;
    if !output.status.success() {
        bail!("{PY_UNICODE_SCRIPT} failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(Some(String::from_utf8(output.stdout).context("the generator's output is not UTF-8")?))
}

/// The golden cases of `script` written to `scratch`, or `None` when this python3 is not 3.11.
fn python_golden(root: &Path, scratch: &Path, script: &str, output: &str) -> Result<Option<PathBuf>> {
    let version = Command::new("python3")
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .context("running python3 (is Python 3 installed?)")?;
    if String::from_utf8_lossy(&version.stdout).trim() != "3.11" {
        return Ok(None);
    }
    let fresh = scratch.join(Path::new(output).file_name().context("a file name")?);
    let status = Command::new("python3")
        .current_dir(root)
        .arg(script)
        .arg(&fresh)
        .status()
        .with_context(|| format!("running {script}"))?;
    if !status.success() {
        bail!("{script} failed ({status})");
    }
    Ok(Some(fresh))
}

/// Whether two JSON files hold the same value.
fn same_json(a: &Path, b: &Path) -> Result<bool> {
    let read = |path: &Path| -> Result<serde_json::Value> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    };
    Ok(read(a)? == read(b)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recorder_and_output_is_in_the_repository() {
        let root = crate::workspace_root();
        for recording in RECORDINGS {
            assert!(root.join(recording.script).is_file(), "{}", recording.script);
            assert!(root.join(recording.output).is_file(), "{}", recording.output);
        }
        assert!(root.join(PY_UNICODE_SCRIPT).is_file() && root.join(PY_UNICODE_OUTPUT).is_file());
        for (script, output) in PYTHON_GOLDEN {
            assert!(root.join(script).is_file() && root.join(output).is_file(), "{script}");
        }
    }
}
