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
    /// Also run the server-side checks against the implementation at this URL.
    #[arg(long, value_name = "URL", requires_all = ["client_id", "username"])]
    endpoint_url: Option<String>,
    /// An app client of that server.
    #[arg(long, value_name = "ID", requires = "endpoint_url")]
    client_id: Option<String>,
    /// A signed-up, unconfirmed user of that app client.
    #[arg(long, value_name = "NAME", requires = "endpoint_url")]
    username: Option<String>,
    /// The file holding the app client's secret.
    #[arg(long, value_name = "PATH", requires = "endpoint_url")]
    client_secret_file: Option<PathBuf>,
    /// A confirmed user of that app client (probes the already-confirmed error).
    #[arg(long, value_name = "NAME", requires = "endpoint_url")]
    confirmed_username: Option<String>,
    /// The app client hides unknown users (PreventUserExistenceErrors): expect a simulated success.
    #[arg(long, requires = "endpoint_url")]
    prevent_user_existence_errors: bool,
    /// The bound on each answer of the server, in seconds (default 5).
    #[arg(long, value_name = "SECS", requires = "endpoint_url")]
    response_timeout: Option<String>,
    /// Accepted deviations of that server (JSON): listed failures pass as accepted, new ones fail.
    #[arg(long, value_name = "PATH", requires = "endpoint_url")]
    baseline: Option<PathBuf>,
    /// Write the baseline file from this run's failures.
    #[arg(long, requires = "baseline")]
    baseline_update: bool,
}

impl Args {
    /// The harness's server options, with paths made absolute: the harness runs in its crate's folder.
    fn server_arguments(&self) -> Result<Vec<std::ffi::OsString>> {
        let (Some(endpoint), Some(client_id), Some(username)) = (&self.endpoint_url, &self.client_id, &self.username)
        else {
            return Ok(Vec::new());
        };
        let mut out: Vec<std::ffi::OsString> = Vec::new();
        let mut push = |flag: &str, value: std::ffi::OsString| {
            out.push(flag.into());
            out.push(value);
        };
        push("--endpoint-url", endpoint.into());
        push("--client-id", client_id.into());
        push("--username", username.into());
        let absolute =
            |path: &PathBuf| std::path::absolute(path).with_context(|| format!("resolving {}", path.display()));
        if let Some(path) = &self.client_secret_file {
            push("--client-secret-file", absolute(path)?.into());
        }
        if let Some(name) = &self.confirmed_username {
            push("--confirmed-username", name.into());
        }
        if let Some(seconds) = &self.response_timeout {
            push("--response-timeout", seconds.into());
        }
        if let Some(path) = &self.baseline {
            push("--baseline", absolute(path)?.into());
        }
        if self.prevent_user_existence_errors {
            out.push("--prevent-user-existence-errors".into());
        }
        if self.baseline_update {
            out.push("--baseline-update".into());
        }
        Ok(out)
    }
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
    command.args(args.server_arguments()?);
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
        assert!(harness.len() >= 10, "{harness:?}");
        let command = crate::Cli::command();
        let conformance = command.find_subcommand("conformance").expect("the conformance command");
        let ours: Vec<String> = conformance.get_arguments().filter_map(|a| a.get_long()).map(str::to_owned).collect();
        let missing: Vec<&&str> = harness.iter().filter(|name| !ours.iter().any(|o| o == *name)).collect();
        assert!(missing.is_empty(), "options of the harness that `cargo xtask conformance` lacks: {missing:?}");
    }

    #[test]
    fn the_in_xtask_checks_pass_on_this_tree() {
        let root = crate::workspace_root();
        assert_eq!(spec_against_upstream(&root), Ok("0 differences".to_owned()));
    }
}
