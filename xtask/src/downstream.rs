//! `cargo xtask downstream`: the contract through other ecosystems' generators, each row pinned by a lock
//! file under `downstream/` and installed by this command (npm and PyPI only), each asserting, not printing:
//!
//! - **openapi-typescript + openapi-fetch**: types generated from the spec, a program type-checked with
//!   `tsc --strict` and run against its own stub server on 127.0.0.1 (`downstream/typescript/main.ts`);
//! - **openapi-python-client**: a client generated with the committed configuration, run against a stub
//!   server on 127.0.0.1 (`downstream/python/check.py`);
//! - **Schemathesis**: the spec's property tests, with response validation on (`downstream/schemathesis/`),
//!   against the conformance suite's reference implementation (`cargo xtask peer --implementation
//!   reference`), which must pass.
//!
//! Each row reports three results: the request's framing (POST /, `Content-Type:
//! application/x-amz-json-1.1`, the target), the success parsed against its type, and the error code readable
//! in typed code. The command prints the table and fails when any row does.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};

/// Options of `cargo xtask downstream`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Run only these rows (default: every row).
    #[arg(long, value_enum, value_name = "ROW")]
    only: Vec<Row>,
}

/// The rows of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Row {
    /// openapi-typescript + openapi-fetch, with tsc --strict.
    Typescript,
    /// openapi-python-client.
    Python,
    /// Schemathesis against the reference implementation.
    Schemathesis,
}

/// One row's outcome: its name and pinned version, and each result (`None`: it does not apply).
#[derive(Debug)]
struct Outcome {
    generator: String,
    version: String,
    framing: Check,
    success: Check,
    error: Check,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Check {
    Pass(String),
    Fail(String),
}

impl Check {
    fn from_lines(output: &str, prefix: &str) -> Self {
        let lines: Vec<&str> = output
            .lines()
            .filter(|l| l.trim_start_matches(['o', 'k', 'F', 'A', 'I', 'L', ' ']).starts_with(prefix))
            .collect();
        match lines.iter().find(|l| l.starts_with("FAIL")) {
            Some(line) => Check::Fail((*line).to_owned()),
            None if lines.iter().any(|l| l.starts_with("ok")) => Check::Pass("yes".to_owned()),
            None => Check::Fail(format!("no result for {prefix:?}: the run stopped before it")),
        }
    }

    fn cell(&self) -> &str {
        match self {
            Check::Pass(text) => text,
            Check::Fail(_) => "NO",
        }
    }
}

/// Runs the rows and prints the table; fails when any row does.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let rows =
        if args.only.is_empty() { vec![Row::Typescript, Row::Python, Row::Schemathesis] } else { args.only.clone() };
    let work = cognito_idp_test_kit::cargo_env::target_dir().join("downstream");
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let mut outcomes = Vec::new();
    for row in rows {
        eprintln!("::: downstream row: {row:?}");
        outcomes.push(match row {
            Row::Typescript => typescript(root),
            Row::Python => python(root, &work),
            Row::Schemathesis => schemathesis(root, &work),
        }?);
    }
    println!("\n| generator | version | request framing right | success parsed | error code typed |");
    println!("|---|---|---|---|---|");
    for o in &outcomes {
        println!(
            "| {} | {} | {} | {} | {} |",
            o.generator,
            o.version,
            o.framing.cell(),
            o.success.cell(),
            o.error.cell()
        );
    }
    let failures: Vec<String> = outcomes
        .iter()
        .flat_map(|o| [&o.framing, &o.success, &o.error].into_iter().map(move |c| (o, c)))
        .filter_map(|(o, c)| match c {
            Check::Fail(why) => Some(format!("{}: {why}", o.generator)),
            Check::Pass(_) => None,
        })
        .collect();
    if !failures.is_empty() {
        bail!("downstream generators broken:\n{}", failures.join("\n"));
    }
    Ok(())
}

/// Runs `command` to its end; its output as text, or an error with the output when it fails.
fn output(command: &mut Command, what: &str) -> Result<String> {
    let result = command.stdin(Stdio::null()).output().with_context(|| format!("running {what}"))?;
    let text = format!("{}{}", String::from_utf8_lossy(&result.stdout), String::from_utf8_lossy(&result.stderr));
    if !result.status.success() {
        bail!("{what} failed ({}):\n{text}", result.status);
    }
    Ok(text)
}

/// Like [`output`], but a failing run's output is returned too, for rows whose program reports its own
/// failures line by line.
fn output_any(command: &mut Command, what: &str) -> Result<(bool, String)> {
    let result = command.stdin(Stdio::null()).output().with_context(|| format!("running {what}"))?;
    let text = format!("{}{}", String::from_utf8_lossy(&result.stdout), String::from_utf8_lossy(&result.stderr));
    Ok((result.status.success(), text))
}

/// The version pinned for `package` in an npm lock file.
fn npm_version(lock: &Path, package: &str) -> Result<String> {
    let text = std::fs::read_to_string(lock).with_context(|| format!("reading {}", lock.display()))?;
    let lock: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", lock.display()))?;
    lock["packages"][format!("node_modules/{package}")]["version"]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("no {package} in the lock file"))
}

/// The version pinned for `package` in a pip requirements file (`name==version` lines).
fn pip_version(requirements: &Path, package: &str) -> Result<String> {
    let text = std::fs::read_to_string(requirements).with_context(|| format!("reading {}", requirements.display()))?;
    text.lines()
        .filter_map(|line| line.split_once("=="))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case(package))
        .map(|(_, version)| version.trim().to_owned())
        .with_context(|| format!("no {package}==<version> in {}", requirements.display()))
}

fn typescript(root: &Path) -> Result<Outcome> {
    let dir = root.join("downstream/typescript");
    let lock = dir.join("package-lock.json");
    let version = format!(
        "openapi-typescript {}, openapi-fetch {}, typescript {}",
        npm_version(&lock, "openapi-typescript")?,
        npm_version(&lock, "openapi-fetch")?,
        npm_version(&lock, "typescript")?
    );
    output(
        Command::new("npm").current_dir(&dir).args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]),
        "npm ci",
    )?;
    let _ = std::fs::remove_dir_all(dir.join("generated"));
    let _ = std::fs::remove_dir_all(dir.join("dist"));
    let bin = dir.join("node_modules/.bin");
    output(
        Command::new(bin.join("openapi-typescript")).current_dir(&dir).args([
            "../../spec/cognito-idp.openapi.yaml",
            "-o",
            "generated/schema.d.ts",
        ]),
        "openapi-typescript",
    )?;
    let (typed, text) =
        output_any(Command::new(bin.join("tsc")).current_dir(&dir).args(["-p", "tsconfig.json"]), "tsc --strict")?;
    if !typed {
        let why = format!("tsc --strict refused the program:\n{text}");
        return Ok(Outcome {
            generator: "openapi-typescript + openapi-fetch".into(),
            version,
            framing: Check::Fail(why.clone()),
            success: Check::Fail(why.clone()),
            error: Check::Fail(why),
        });
    }
    let (_, text) = output_any(Command::new("node").current_dir(&dir).arg("dist/main.js"), "node dist/main.js")?;
    print!("{text}");
    Ok(Outcome {
        generator: "openapi-typescript + openapi-fetch".into(),
        version,
        framing: Check::from_lines(&text, "request"),
        success: Check::from_lines(&text, "success"),
        error: Check::from_lines(&text, "error"),
    })
}

/// A venv under `work` with `requirements` installed, reinstalled only when the file changes.
fn venv(work: &Path, name: &str, requirements: &Path) -> Result<PathBuf> {
    let dir = work.join(name);
    let stamp = dir.join("requirements.installed");
    let wanted =
        std::fs::read_to_string(requirements).with_context(|| format!("reading {}", requirements.display()))?;
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    output(Command::new("python3").args(["-m", "venv"]).arg(&dir), "python3 -m venv")?;
    output(
        Command::new(dir.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(requirements),
        &format!("pip install -r {}", requirements.display()),
    )?;
    std::fs::write(&stamp, wanted).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(dir)
}

fn python(root: &Path, work: &Path) -> Result<Outcome> {
    let dir = root.join("downstream/python");
    let requirements = dir.join("requirements.txt");
    let version = format!("openapi-python-client {}", pip_version(&requirements, "openapi-python-client")?);
    let env = venv(work, "venv-openapi-python-client", &requirements)?;
    let generated = work.join("python");
    let _ = std::fs::remove_dir_all(&generated);
    std::fs::create_dir_all(&generated)?;
    let path = format!("{}:{}", env.join("bin").display(), std::env::var("PATH").unwrap_or_default());
    let text = output(
        Command::new(env.join("bin/openapi-python-client"))
            .env("PATH", &path)
            .args(["generate", "--meta", "none", "--output-path"])
            .arg(generated.join("cognito_idp_client"))
            .arg("--path")
            .arg(root.join("spec/cognito-idp.openapi.yaml"))
            .arg("--config")
            .arg(dir.join("openapi-python-client.yaml")),
        "openapi-python-client generate",
    )?;
    if let Some(line) = text.lines().find(|l| l.contains("Unsupported content type") || l.contains("Skipping")) {
        let why = format!("the generator left something out: {line}");
        return Ok(Outcome {
            generator: "openapi-python-client".into(),
            version,
            framing: Check::Fail(why.clone()),
            success: Check::Fail(why.clone()),
            error: Check::Fail(why),
        });
    }
    let (_, text) =
        output_any(Command::new(env.join("bin/python")).arg(dir.join("check.py")).arg(&generated), "check.py")?;
    print!("{text}");
    Ok(Outcome {
        generator: "openapi-python-client".into(),
        version,
        framing: Check::from_lines(&text, "request"),
        success: Check::from_lines(&text, "success"),
        error: Check::from_lines(&text, "error"),
    })
}

/// The reference implementation served by the conformance crate's `peer` example, stopped when dropped.
struct Reference {
    child: Child,
    url: String,
}

impl Drop for Reference {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve_reference(work: &Path) -> Result<Reference> {
    let mut child = cognito_idp_test_kit::cargo_env::cargo()
        .args(["run", "--locked", "--quiet", "-p", "cognito-idp-conformance", "--example", "peer", "--"])
        .args(["--implementation", "reference", "--port", "0", "--secret-file"])
        .arg(work.join("reference-secret"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .context("starting the reference implementation (cargo run --example peer)")?;
    let stdout = child.stdout.take().context("the peer's stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://127.0.0.1:")) {
                    break url.to_owned();
                }
            }
            _ => {
                let _ = child.kill();
                bail!("the reference implementation stopped before it said where it serves");
            }
        }
    };
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Ok(Reference { child, url })
}

fn schemathesis(root: &Path, work: &Path) -> Result<Outcome> {
    let dir = root.join("downstream/schemathesis");
    let requirements = dir.join("requirements.txt");
    let version = format!("schemathesis {}", pip_version(&requirements, "schemathesis")?);
    let env = venv(work, "venv-schemathesis", &requirements)?;
    let reference = serve_reference(work)?;
    let (passed, text) = output_any(
        Command::new(env.join("bin/schemathesis"))
            .current_dir(work)
            .env("SCHEMATHESIS_HOOKS", "hooks")
            .env("PYTHONPATH", &dir)
            .env("NO_COLOR", "1")
            .arg("--config-file")
            .arg(dir.join("schemathesis.toml"))
            .arg("run")
            .arg(root.join("spec/cognito-idp.openapi.yaml"))
            .args(["--url", &reference.url, "--max-examples", "50", "--seed", "1"]),
        "schemathesis run",
    )?;
    drop(reference);
    let tail: Vec<&str> = text.lines().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    println!("{}", tail.join("\n"));
    let skipped = text.lines().find(|l| l.contains("cannot validate") || l.contains("Serialization not possible"));
    let run = if passed {
        Check::Pass("yes".into())
    } else {
        Check::Fail(format!("schemathesis failed against the reference:\n{text}"))
    };
    let validated = match skipped {
        Some(line) => Check::Fail(format!("response validation did not happen: {line}")),
        None => run.clone(),
    };
    Ok(Outcome {
        generator: "Schemathesis (against the reference implementation)".into(),
        version,
        framing: run.clone(),
        success: validated.clone(),
        error: validated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_program_s_lines_become_cells() {
        let text =
            "ok   request method and path\nok   request Content-Type\nFAIL request X-Amz-Target: expected a, found b\n";
        assert_eq!(
            Check::from_lines(text, "request"),
            Check::Fail("FAIL request X-Amz-Target: expected a, found b".into())
        );
        assert_eq!(Check::from_lines("ok   success parsed\n", "success"), Check::Pass("yes".into()));
        assert!(matches!(Check::from_lines("", "error"), Check::Fail(why) if why.contains("stopped before")));
    }

    #[test]
    fn the_pinned_versions_come_from_the_lock_files() {
        let root = crate::workspace_root();
        assert!(npm_version(&root.join("downstream/typescript/package-lock.json"), "openapi-fetch").is_ok());
        assert!(pip_version(&root.join("downstream/python/requirements.txt"), "openapi-python-client").is_ok());
        assert!(pip_version(&root.join("downstream/schemathesis/requirements.txt"), "schemathesis").is_ok());
    }
}
