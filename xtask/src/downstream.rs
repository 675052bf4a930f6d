//! `cargo xtask downstream`: the contract through other ecosystems' generators, each row pinned by a lock
//! file under `downstream/` and installed by this command (npm and PyPI only), each a program that checks:
//!
//! - **openapi-typescript + openapi-fetch**: types generated from the spec, a program type-checked with
//!   `tsc --strict` and run against its own stub server on 127.0.0.1 (`downstream/typescript/main.ts`);
//! - **openapi-python-client**: a client generated with the committed configuration, run against a stub
//!   server on 127.0.0.1 (`downstream/python/check.py`);
//! - **Schemathesis**: the spec's property tests, with response validation on, against the conformance suite's
//!   reference implementation (`cargo xtask peer --implementation reference`), which must pass
//!   (`downstream/schemathesis/check.py`, which reads Schemathesis's JSON run report).
//!
//! Each row's program reports through one protocol ([`Report`]): its stdout is one JSON object a line per
//! check, each naming the part it speaks for (the request's framing, the success parsed against its type, the
//! error code readable in typed code). [`judge`] turns a run into the row's three cells: a part passes only
//! when the program exited 0, printed nothing but reports, and reported that part at least once and never as
//! failed; otherwise the cell fails with the reason. A row whose setup fails (an install, the generator, the
//! type check) fails whole, with the reason. The command prints the table and fails when any row does.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

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

impl Row {
    fn generator(self) -> &'static str {
        match self {
            Row::Typescript => "openapi-typescript + openapi-fetch",
            Row::Python => "openapi-python-client",
            Row::Schemathesis => "Schemathesis (against the reference implementation)",
        }
    }
}

/// The parts of the contract a row speaks for: the matrix's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Part {
    /// The request's framing: `POST /`, `Content-Type: application/x-amz-json-1.1`, the target, the body.
    Request,
    /// A success parsed against its type.
    Success,
    /// An error's code readable in typed code.
    Error,
}

impl Part {
    const ALL: [Part; 3] = [Part::Request, Part::Success, Part::Error];
}

/// One line of a row program's stdout: the result of one check.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    part: Part,
    /// A stable name of the check, unique in its row.
    check: String,
    ok: bool,
    /// Why it failed (empty when it passed).
    #[serde(default)]
    detail: String,
}

/// How a row's program ended.
#[derive(Debug)]
struct Finished {
    /// Whether it exited 0.
    success: bool,
    /// Its exit status, as the system tells it.
    status: String,
    stdout: String,
    stderr: String,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Check {
    Pass,
    Fail(String),
}

/// One row's outcome: its name and pinned version, and a cell per [`Part`].
#[derive(Debug)]
struct Outcome {
    generator: &'static str,
    version: String,
    cells: [Check; 3],
}

impl Outcome {
    /// Each reason this row failed, once, with the parts it failed: `generator (request, success): why`.
    fn failures(&self) -> Vec<String> {
        let mut reasons: Vec<(Vec<String>, &str)> = Vec::new();
        for (part, cell) in Part::ALL.iter().zip(&self.cells) {
            let Check::Fail(why) = cell else { continue };
            let part = format!("{part:?}").to_lowercase();
            match reasons.iter_mut().find(|(_, w)| *w == why) {
                Some((parts, _)) => parts.push(part),
                None => reasons.push((vec![part], why)),
            }
        }
        reasons.into_iter().map(|(parts, why)| format!("{} ({}): {why}", self.generator, parts.join(", "))).collect()
    }

    /// A row that could not run its program: every cell fails with `why`.
    fn setup_failed(row: Row, version: String, why: &str) -> Self {
        let why = format!("setup failed: {why}");
        Outcome { generator: row.generator(), version, cells: Part::ALL.map(|_| Check::Fail(why.clone())) }
    }
}

/// The cells of a row from its program's run (see the module's documentation for the rules).
fn judge(run: &Finished) -> [Check; 3] {
    let mut reports = Vec::new();
    for (number, line) in run.stdout.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<Report>(line) {
            Ok(report) => reports.push(report),
            Err(error) => {
                let why = format!("line {} of its stdout is not a report ({error}): {line}", number + 1);
                return Part::ALL.map(|_| Check::Fail(why.clone()));
            }
        }
    }
    let ended = if run.success {
        None
    } else {
        let tail: Vec<&str> = run.stderr.lines().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        Some(format!("the program exited with {}; the end of its stderr:\n{}", run.status, tail.join("\n")))
    };
    Part::ALL.map(|part| {
        let of_part: Vec<&Report> = reports.iter().filter(|r| r.part == part).collect();
        if let Some(failed) = of_part.iter().find(|r| !r.ok) {
            Check::Fail(format!("check {} failed: {}", failed.check, failed.detail))
        } else if let Some(ended) = &ended {
            Check::Fail(ended.clone())
        } else if of_part.is_empty() {
            Check::Fail(format!("the program reported nothing for the {part:?} part").to_lowercase())
        } else {
            Check::Pass
        }
    })
}

/// Runs a row's program to its end, its stdin empty.
fn run_program(command: &mut Command, what: &str) -> Result<Finished> {
    let output = command.stdin(Stdio::null()).output().with_context(|| format!("running {what}"))?;
    Ok(Finished {
        success: output.status.success(),
        status: output.status.to_string(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// A row's outcome from its program's run, its reports echoed.
fn outcome(row: Row, version: String, run: &Finished) -> Outcome {
    eprint!("{}", run.stderr);
    println!("{}:", row.generator());
    for line in run.stdout.lines() {
        match serde_json::from_str::<Report>(line) {
            Ok(r) if r.ok => println!("  ok   {:<8} {}", format!("{:?}", r.part).to_lowercase(), r.check),
            Ok(r) => println!("  FAIL {:<8} {}: {}", format!("{:?}", r.part).to_lowercase(), r.check, r.detail),
            Err(_) => println!("  ?    {line}"),
        }
    }
    Outcome { generator: row.generator(), version, cells: judge(run) }
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
        let version = match pinned_version(root, row) {
            Ok(version) => version,
            Err(error) => format!("(unknown: {error:#})"),
        };
        let ran = match row {
            Row::Typescript => typescript(root),
            Row::Python => python(root, &work),
            Row::Schemathesis => schemathesis(root, &work),
        };
        outcomes.push(match ran {
            Ok(run) => outcome(row, version, &run),
            Err(error) => Outcome::setup_failed(row, version, &format!("{error:#}")),
        });
    }
    println!("{}", table(&outcomes));
    let failures: Vec<String> = outcomes.iter().flat_map(Outcome::failures).collect();
    if !failures.is_empty() {
        bail!("downstream generators broken:\n{}", failures.join("\n"));
    }
    Ok(())
}

/// The matrix as a Markdown table.
fn table(outcomes: &[Outcome]) -> String {
    let mut out = String::from(
        "\n| generator | version | request framing right | success parsed | error code typed |\n|---|---|---|---|---|\n",
    );
    for o in outcomes {
        let cells: Vec<&str> = o.cells.iter().map(|c| if *c == Check::Pass { "yes" } else { "NO" }).collect();
        out.push_str(&format!("| {} | {} | {} |\n", o.generator, o.version, cells.join(" | ")));
    }
    out
}

/// The versions a row pins, from its lock file.
fn pinned_version(root: &Path, row: Row) -> Result<String> {
    Ok(match row {
        Row::Typescript => {
            let lock = root.join("downstream/typescript/package-lock.json");
            format!(
                "openapi-typescript {}, openapi-fetch {}, typescript {}",
                npm_version(&lock, "openapi-typescript")?,
                npm_version(&lock, "openapi-fetch")?,
                npm_version(&lock, "typescript")?
            )
        }
        Row::Python => {
            let requirements = root.join("downstream/python/requirements.txt");
            format!("openapi-python-client {}", pip_version(&requirements, "openapi-python-client")?)
        }
        Row::Schemathesis => {
            format!(
                "schemathesis {}",
                pip_version(&root.join("downstream/schemathesis/requirements.txt"), "schemathesis")?
            )
        }
    })
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

fn typescript(root: &Path) -> Result<Finished> {
    let dir = root.join("downstream/typescript");
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
    output(Command::new(bin.join("tsc")).current_dir(&dir).args(["-p", "tsconfig.json"]), "tsc --strict")?;
    run_program(Command::new("node").current_dir(&dir).arg("dist/main.js"), "node dist/main.js")
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

fn python(root: &Path, work: &Path) -> Result<Finished> {
    let dir = root.join("downstream/python");
    let env = venv(work, "venv-openapi-python-client", &dir.join("requirements.txt"))?;
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
        bail!("the generator left something out: {line}");
    }
    run_program(Command::new(env.join("bin/python")).arg(dir.join("check.py")).arg(&generated), "check.py")
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

fn schemathesis(root: &Path, work: &Path) -> Result<Finished> {
    let dir = root.join("downstream/schemathesis");
    let env = venv(work, "venv-schemathesis", &dir.join("requirements.txt"))?;
    let reference = serve_reference(work)?;
    let run = run_program(
        Command::new(env.join("bin/python"))
            .arg(dir.join("check.py"))
            .arg(root.join("spec/cognito-idp.openapi.yaml"))
            .arg(&reference.url)
            .arg(work),
        "check.py (schemathesis run)",
    );
    drop(reference);
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(success: bool, stdout: &str) -> Finished {
        Finished {
            success,
            status: if success { "exit status: 0" } else { "exit status: 1" }.to_owned(),
            stdout: stdout.to_owned(),
            stderr: "Traceback: boom\n".to_owned(),
        }
    }

    const ALL_OK: &str = concat!(
        r#"{"part": "request", "check": "content-type", "ok": true, "detail": ""}"#,
        "\n",
        r#"{"part": "success", "check": "parsed", "ok": true}"#,
        "\n",
        r#"{"part": "error", "check": "code-typed", "ok": true, "detail": ""}"#,
        "\n"
    );

    #[test]
    fn a_row_that_reports_every_part_and_exits_0_passes() {
        assert_eq!(judge(&finished(true, ALL_OK)), [Check::Pass, Check::Pass, Check::Pass]);
    }

    #[test]
    fn a_failed_check_fails_its_part_with_the_detail() {
        let stdout = ALL_OK.replace(
            r#""check": "parsed", "ok": true"#,
            r#""check": "parsed", "ok": false, "detail": "expected EMAIL, found None""#,
        );
        let cells = judge(&finished(false, &stdout));
        assert_eq!(cells[1], Check::Fail("check parsed failed: expected EMAIL, found None".into()));
        assert!(matches!(&cells[0], Check::Fail(why) if why.contains("exited with exit status: 1")), "{cells:?}");
    }

    #[test]
    fn a_row_whose_process_fails_fails_even_after_passing_reports() {
        let cells = judge(&finished(false, ALL_OK));
        for cell in &cells {
            assert!(matches!(cell, Check::Fail(why) if why.contains("exited") && why.contains("boom")), "{cells:?}");
        }
    }

    #[test]
    fn a_row_that_reports_nothing_fails() {
        let cells = judge(&finished(true, ""));
        assert_eq!(cells[2], Check::Fail("the program reported nothing for the error part".into()));
        let only_request = ALL_OK.lines().next().unwrap_or_default();
        assert_eq!(judge(&finished(true, only_request))[0], Check::Pass);
        assert!(matches!(&judge(&finished(true, only_request))[1], Check::Fail(_)));
    }

    #[test]
    fn an_unexpected_line_fails_the_whole_row() {
        let stdout = format!("ok   request method and path\n{ALL_OK}");
        for cell in judge(&finished(true, &stdout)) {
            assert!(
                matches!(&cell, Check::Fail(why) if why.contains("line 1 of its stdout is not a report")),
                "{cell:?}"
            );
        }
        let unknown_part = r#"{"part": "framing", "check": "x", "ok": true}"#;
        assert!(matches!(&judge(&finished(true, unknown_part))[0], Check::Fail(_)));
    }

    /// Sabotaged rows, as real processes: each is judged failing, with its reason, and shown so in the table.
    #[cfg(unix)]
    #[test]
    fn sabotaged_row_programs_fail_with_their_reason() {
        let report = |part: &str| format!(r#"echo '{{"part": "{part}", "check": "c", "ok": true}}'"#);
        let all = format!("{}; {}; {}", report("request"), report("success"), report("error"));
        let sabotaged = [
            (format!("{all}; echo 'died' >&2; exit 3"), "exited with exit status: 3"),
            ("exit 0".to_owned(), "reported nothing"),
            (format!("{all}; echo 'FAIL request X-Amz-Target'"), "not a report"),
            (format!("{}; kill -9 $$", report("request")), "signal"),
        ];
        for (script, reason) in sabotaged {
            let run = run_program(Command::new("sh").args(["-c", &script]), "a sabotaged row").expect("sh runs");

            let outcome = Outcome { generator: "sabotaged", version: String::new(), cells: judge(&run) };

            assert!(
                outcome.cells.iter().any(|c| matches!(c, Check::Fail(why) if why.contains(reason))),
                "{script}: {:?}",
                outcome.cells
            );
            assert!(table(&[outcome]).contains("| sabotaged |  | "), "the row is in the table");
        }
        let honest = run_program(Command::new("sh").args(["-c", &all]), "an honest row").expect("sh runs");
        assert_eq!(judge(&honest), [Check::Pass, Check::Pass, Check::Pass]);
    }

    #[test]
    fn a_reason_shared_by_parts_is_listed_once() {
        let outcome = Outcome {
            generator: "g",
            version: String::new(),
            cells: [Check::Fail("died".into()), Check::Pass, Check::Fail("died".into())],
        };
        assert_eq!(outcome.failures(), ["g (request, error): died"]);
    }

    #[test]
    fn the_pinned_versions_come_from_the_lock_files() {
        let root = crate::workspace_root();
        for row in [Row::Typescript, Row::Python, Row::Schemathesis] {
            let version = pinned_version(&root, row).expect("a pinned version");
            assert!(version.chars().any(|c| c.is_ascii_digit()), "{row:?}: {version}");
        }
    }
}
