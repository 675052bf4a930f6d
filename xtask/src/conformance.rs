//! `cargo xtask conformance`: the whole contract check in one command, with one report.
//!
//! In order: the spec against AWS's model (`model_check::compare`), generated-code freshness
//! (`codegen::generate` and `output_files::stale_files`), the CLI's skeleton snapshots (`skeleton::run` in check mode,
//! as `cargo xtask skeleton --check`), then the conformance crate's harness (`cargo test --locked -p
//! cognito-idp-conformance --test conformance`), whose results it reads back as JSON. Every check gets
//! one line in the harness's format, and the run one summary, one exit code and, with `--junit`, one
//! JUnit file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use cognito_idp_report::{CheckRecord, Results, Status, junit, summary_line};

use crate::{codegen, contract, model_check, skeleton};

/// Options of `cargo xtask conformance`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Property cases per property check.
    #[arg(long, default_value_t = 256)]
    cases: u32,
    /// Build the conformance harness with optimizations (for many cases, such as --cases 10000).
    #[arg(long)]
    release: bool,
    /// Write a JUnit XML report of every check to this file.
    #[arg(long, value_name = "PATH")]
    junit: Option<PathBuf>,
    /// Also check a server: the options of `cognito-idp-conformance` (--endpoint-url URL --client-id ID
    /// --username NAME ...; `cargo run -p cognito-idp-server-check -- --help` lists them), handed on as given.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "SERVER OPTIONS")]
    server: Vec<std::ffi::OsString>,
}

/// Runs every check and reports them; fails when one does.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let mut records = Vec::new();
    let mut keep = |record: CheckRecord| {
        println!("{}", record.render());
        records.push(record);
    };
    keep(timed("spec-vs-upstream", || spec_against_upstream(root)));
    keep(timed("generated-code-fresh", || generated_code_fresh(root)));
    keep(timed("skeleton-snapshots", || skeleton_snapshots(root)));
    records.extend(harness(args)?);
    if !args.server.is_empty() {
        records.push(server(root, args)?);
    }

    println!("{}", summary_line(&records));
    if let Some(path) = &args.junit {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(path, junit(&records))
            .with_context(|| format!("writing the JUnit report {}", path.display()))?;
    }
    let failed = records.iter().filter(|r| r.status == Status::Fail).count();
    if failed > 0 {
        bail!("{failed} of {} conformance checks failed", records.len());
    }
    Ok(())
}

fn timed(name: &str, check: impl FnOnce() -> Result<String, (String, String)>) -> CheckRecord {
    let started = Instant::now();
    let (status, summary, message) = match check() {
        Ok(summary) => (Status::Pass, summary, String::new()),
        Err((summary, message)) => (Status::Fail, summary, message),
    };
    let seconds = started.elapsed().as_secs_f64();
    CheckRecord { name: name.to_owned(), status, summary, seconds, message, details: Vec::new(), show_details: false }
}

fn spec_against_upstream(root: &Path) -> Result<String, (String, String)> {
    let read = || -> Result<_> {
        let spec = contract::Contract::from_spec_file(&root.join(contract::SPEC_PATH))?;
        let upstream = contract::Contract::from_upstream_file(&root.join(contract::UPSTREAM_PATH))?;
        Ok(model_check::compare(&spec, &upstream))
    };
    match read() {
        Ok(differences) if differences.is_empty() => Ok("0 differences".to_owned()),
        Ok(differences) => Err((
            format!("{} differences", differences.len()),
            differences.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
        )),
        Err(e) => Err(("not compared".to_owned(), format!("{e:#}"))),
    }
}

fn generated_code_fresh(root: &Path) -> Result<String, (String, String)> {
    let outputs = codegen::generate(root).map_err(|e| ("not generated".to_owned(), format!("{e:#}")))?;
    let stale =
        crate::output_files::stale_files(root, &outputs).map_err(|e| ("not compared".to_owned(), format!("{e:#}")))?;
    if stale.is_empty() {
        Ok(format!("{} files", outputs.len()))
    } else {
        Err((
            format!("{} of {} files stale", stale.len(), outputs.len()),
            format!(
                "out of date with {}: {}\nrun `cargo xtask codegen` and commit the result",
                contract::SPEC_PATH,
                stale.join(", ")
            ),
        ))
    }
}

/// The CLI's snapshots (skeletons and manuals, derived from the contract) match what the code prints now:
/// `cargo xtask skeleton --check`, whose test output goes above the line.
fn skeleton_snapshots(root: &Path) -> Result<String, (String, String)> {
    let count = std::fs::read_dir(root.join(skeleton::SNAPSHOTS))
        .map(|entries| {
            entries.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "snap")).count()
        })
        .map_err(|e| ("not compared".to_owned(), format!("reading {}: {e}", skeleton::SNAPSHOTS)))?;
    skeleton::run(root, true)
        .map(|()| format!("{count} snapshots up to date"))
        .map_err(|e| (format!("{count} snapshots, not up to date"), format!("{e:#}")))
}

/// Runs `cognito-idp-conformance` (the server check's binary) with the user's options, from the user's
/// folder so that their paths mean what they typed; it prints its own report, and its JSON report becomes
/// one check with a detail per expectation id.
fn server(root: &Path, args: &Args) -> Result<CheckRecord> {
    let target = cognito_idp_test_kit::cargo_env::target_dir();
    std::fs::create_dir_all(&target).with_context(|| format!("creating {}", target.display()))?;
    let json = std::path::absolute(target.join("server-check.json")).context("the JSON report's path")?;
    let _ = std::fs::remove_file(&json);
    let mut command = cognito_idp_test_kit::cargo_env::cargo();
    // From the user's folder, so that the paths they gave mean what they typed.
    command.current_dir(std::env::current_dir().context("the current folder")?);
    command
        .args(["run", "--locked", "--quiet", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .args(["-p", "cognito-idp-server-check", "--bin", "cognito-idp-conformance"])
        .args(args.release.then_some("--release"))
        .arg("--")
        .args(&args.server)
        .arg("--json")
        .arg(&json);
    let started = Instant::now();
    let status = command.status().context("running cognito-idp-conformance")?;
    let seconds = started.elapsed().as_secs_f64();
    let report: Option<serde_json::Value> =
        std::fs::read_to_string(&json).ok().and_then(|text| serde_json::from_str(&text).ok());
    Ok(server_record(status.code(), report.as_ref(), seconds))
}

/// The server check's JSON report as one record: one detail per expectation (`failed` fails, `passed` and
/// `accepted` pass, the rest do not apply), failing unless the binary exited with 0.
fn server_record(code: Option<i32>, report: Option<&serde_json::Value>, seconds: f64) -> CheckRecord {
    use cognito_idp_report::Detail;
    let text = |value: Option<&serde_json::Value>| value.and_then(serde_json::Value::as_str).unwrap_or("").to_owned();
    let details: Vec<Detail> = report
        .and_then(|r| r.get("expectations"))
        .and_then(serde_json::Value::as_array)
        .map(|all| {
            all.iter()
                .map(|e| {
                    let (id, summary) = (text(e.get("id")), text(e.get("summary")));
                    match e.get("outcome").and_then(serde_json::Value::as_str) {
                        Some("failed") => Detail::fail(id, summary),
                        Some("passed" | "accepted") => Detail::pass(id, summary),
                        _ => Detail::not_applicable(id, summary),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let summary = report.map_or_else(
        || "no report: see its output above".to_owned(),
        |r| text(r.get("verdict").and_then(|v| v.get("summary"))),
    );
    let status = if code == Some(0) { Status::Pass } else { Status::Fail };
    let message = match code {
        Some(0) => String::new(),
        Some(1) => "the server does not conform".to_owned(),
        Some(2) => format!("the server could not be checked: {summary}"),
        other => format!("cognito-idp-conformance ended with {other:?}"),
    };
    CheckRecord { name: "server".to_owned(), status, summary, seconds, message, details, show_details: false }
}

/// Runs the conformance crate's harness, which prints its own lines, and reads its results back.
fn harness(args: &Args) -> Result<Vec<CheckRecord>> {
    let target = cognito_idp_test_kit::cargo_env::target_dir();
    std::fs::create_dir_all(&target).with_context(|| format!("creating {}", target.display()))?;
    let results = target.join("conformance-results.json");
    let _ = std::fs::remove_file(&results);

    let mut command = cognito_idp_test_kit::cargo_env::cargo();
    command
        .args(["test", "--locked", "-p", "cognito-idp-conformance", "--test", "conformance"])
        .args(args.release.then_some("--release"))
        .arg("--")
        .arg("--results-json")
        .arg(&results)
        .arg("--no-summary")
        .args(["--cases", &args.cases.to_string()]);
    let started = Instant::now();
    let status = command.status().context("running cargo test for the conformance harness")?;
    let read = std::fs::read_to_string(&results)
        .map_err(anyhow::Error::from)
        .and_then(|text| serde_json::from_str::<Results>(&text).map_err(anyhow::Error::from));
    let mut records = match read {
        Ok(results) => results.checks,
        Err(_) => Vec::new(),
    };
    let harness_failed = records.iter().any(|r| r.status == Status::Fail);
    if !status.success() && !harness_failed {
        // It did not build, or it stopped before reporting: that is a failure of its own.
        let record = CheckRecord {
            name: "conformance-harness".to_owned(),
            status: Status::Fail,
            summary: format!("cargo test exited with {status}"),
            seconds: started.elapsed().as_secs_f64(),
            message: "the harness did not report its checks; see cargo's output above".to_owned(),
            details: Vec::new(),
            show_details: false,
        };
        println!("{}", record.render());
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_harness_results_parse() {
        let text = r#"{"checks":[{"name":"wire-properties","status":"pass","summary":"256 cases","seconds":1.5,"message":"","details":[],"show_details":false}]}"#;
        let results: Results = serde_json::from_str(text).expect("parses");
        assert_eq!(results.checks[0].status, Status::Pass);
    }

    /// The harness's options are written once, in its `USAGE`; this command must offer each one that a
    /// user gives (not those it sets itself, nor the harness's filters), so the two lists cannot drift.
    #[test]
    fn every_user_option_of_the_harness_is_an_option_of_this_command() {
        use clap::CommandFactory as _;
        let runner = std::fs::read_to_string(crate::workspace_root().join("crates/conformance/src/runner.rs"))
            .expect("the harness's runner.rs");
        let usage = runner.split("pub const USAGE").nth(1).and_then(|rest| rest.split("\";").next()).expect("USAGE");
        // After the `usage:` line, each option starts a line.
        let harness: Vec<&str> = usage
            .lines()
            .skip(2)
            .filter_map(|line| line.split_whitespace().next())
            .filter(|word| word.starts_with("--"))
            .map(|word| word.trim_start_matches('-'))
            .filter(|name| !["results-json", "no-summary", "list", "exact", "skip"].contains(name))
            .collect();
        assert!(harness.len() >= 2, "{harness:?}");
        let command = crate::Cli::command();
        let conformance = command.find_subcommand("conformance").expect("the conformance command");
        let ours: Vec<String> = conformance.get_arguments().filter_map(|a| a.get_long()).map(str::to_owned).collect();
        let missing: Vec<&&str> = harness.iter().filter(|name| !ours.iter().any(|o| o == *name)).collect();
        assert!(missing.is_empty(), "options of the harness that `cargo xtask conformance` lacks: {missing:?}");
    }

    #[test]
    fn the_server_checks_report_becomes_one_record_with_a_detail_per_id() {
        let report = serde_json::json!({
            "verdict": {"summary": "1 of 2 expectations broken"},
            "expectations": [
                {"id": "auth.wrong-secret-hash", "outcome": "failed", "summary": "broken by 1 of 10 probes"},
                {"id": "response.request-id", "outcome": "accepted", "summary": "accepted"},
                {"id": "lookup.confirmed-user", "outcome": "not-applicable", "summary": "no --confirmed-username"}
            ]
        });
        let record = server_record(Some(1), Some(&report), 0.5);
        assert_eq!(record.status, Status::Fail);
        let statuses: Vec<Status> = record.details.iter().map(|d| d.status).collect();
        assert_eq!(statuses, [Status::Fail, Status::Pass, Status::Skip]);
        assert_eq!(server_record(Some(0), Some(&report), 0.5).status, Status::Pass);
        let dead = server_record(Some(2), None, 0.1);
        assert!(dead.status == Status::Fail && dead.message.contains("could not be checked"));
    }

    #[test]
    fn server_options_are_handed_on_as_given() {
        use clap::Parser as _;
        let cli = crate::Cli::try_parse_from([
            "xtask",
            "conformance",
            "--cases",
            "8",
            "--endpoint-url",
            "http://127.0.0.1:1",
            "--client-id",
            "c",
            "--username",
            "u",
            "--max-deliveries",
            "0",
        ])
        .expect("parses");
        let crate::Command::Conformance(args) = cli.command else { panic!("conformance") };
        assert_eq!(args.cases, 8);
        assert_eq!(args.server.len(), 8, "{:?}", args.server);
    }

    #[test]
    fn the_in_xtask_checks_pass_on_this_tree() {
        let root = crate::workspace_root();
        assert_eq!(spec_against_upstream(&root), Ok("0 differences".to_owned()));
    }
}
