//! `cargo xtask fuzz`: runs the cargo-fuzz targets of `fuzz/` for a time each and reports executions per
//! second, coverage and crashes, from seed corpora made from the recorded data ([`seeds`]); `cargo xtask fuzz
//! --seeds` only writes the seeds.
//!
//! The targets need a nightly toolchain and cargo-fuzz; the command installs either when it is missing
//! (`rustup toolchain install nightly --profile minimal`, `cargo install cargo-fuzz --locked`) and says what it
//! could not do. Each target reads two corpus folders: `fuzz/corpus/<target>/` (libFuzzer adds what it finds
//! there, so later runs start further) and the seeds, `fuzz/seeds/<target>/`, written again before each run;
//! neither is committed: the seeds' source is the recorded data. A crash
//! leaves its input under `fuzz/artifacts/<target>/` and fails the command; the libFuzzer log of each run is
//! `fuzz/logs/<target>.log`.

mod seeds;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

/// Options of `cargo xtask fuzz`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How long each target runs, in seconds.
    #[arg(long, default_value_t = 60, value_name = "N")]
    seconds: u64,
    /// The sanitizer to build with: `none` by default, since the fuzzed code forbids `unsafe` and
    /// AddressSanitizer would halve the executions per second; `address` for the dependencies' unsafe code.
    #[arg(long, default_value = "none", value_name = "NAME")]
    sanitizer: String,
    /// Write the seed corpora (`fuzz/seeds/`) from the recorded data, then stop.
    #[arg(long)]
    seeds: bool,
    /// The targets to run (default: every file of `fuzz/fuzz_targets/`).
    #[arg(value_name = "TARGET")]
    targets: Vec<String>,
}

/// Runs `cargo xtask fuzz`.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let fuzz_dir = root.join("fuzz");
    let available = targets(&fuzz_dir)?;
    seeds::write(root, &fuzz_dir.join("seeds"), &available)?;
    if args.seeds {
        return Ok(());
    }
    let chosen: Vec<String> = if args.targets.is_empty() { available.clone() } else { args.targets.clone() };
    if let Some(unknown) = chosen.iter().find(|t| !available.contains(t)) {
        bail!("no fuzz target {unknown:?}: the targets are {}", available.join(", "));
    }
    ensure_tools()?;
    let status = cargo_nightly()
        .args(["fuzz", "build", "--fuzz-dir"])
        .arg(&fuzz_dir)
        .args(["--sanitizer", &args.sanitizer])
        .status()
        .context("running cargo +nightly fuzz build")?;
    if !status.success() {
        bail!("building the fuzz targets failed ({status})");
    }
    let mut reports = Vec::new();
    for target in &chosen {
        eprintln!("fuzzing {target} for {} s (log: fuzz/logs/{target}.log)", args.seconds);
        reports.push(fuzz_one(&fuzz_dir, target, args)?);
    }
    println!("{}", summary(&reports, args.seconds));
    let crashed: Vec<&Report> = reports.iter().filter(|r| !r.findings.is_empty() || !r.completed).collect();
    if crashed.is_empty() {
        return Ok(());
    }
    for report in &crashed {
        eprintln!("\n{}: {}", report.target, if report.completed { "found" } else { "stopped early" });
        for finding in &report.findings {
            eprintln!(
                "  {finding}\n  reproduce: cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer {} {} {finding}",
                args.sanitizer, report.target
            );
        }
        eprintln!("  log: fuzz/logs/{}.log", report.target);
    }
    bail!("{} of {} fuzz targets failed", crashed.len(), reports.len())
}

/// The targets: the file stems of `fuzz/fuzz_targets/*.rs`, sorted.
fn targets(fuzz_dir: &Path) -> Result<Vec<String>> {
    let dir = fuzz_dir.join("fuzz_targets");
    let entries = std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// `cargo +nightly` (rustup's `cargo`, which reads the `+toolchain`), from the workspace root, as a nested run.
fn cargo_nightly() -> Command {
    let mut command = cognito_idp_test_kit::cargo_env::nested("cargo");
    command.arg("+nightly");
    command
}

/// Whether `program args` runs and exits 0 (its output discarded).
fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Installs the nightly toolchain and cargo-fuzz when they are missing; an error says which could not be had.
fn ensure_tools() -> Result<()> {
    if !succeeds("cargo", &["+nightly", "--version"]) {
        eprintln!("the nightly toolchain is missing: rustup toolchain install nightly --profile minimal");
        let installed =
            Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]).status();
        match installed {
            Ok(status) if status.success() => {}
            Ok(status) => bail!(
                "could not install the nightly toolchain (rustup exited with {status}); cargo-fuzz needs it: \
                 install it with `rustup toolchain install nightly --profile minimal` and run again"
            ),
            Err(e) => bail!(
                "could not install the nightly toolchain: rustup cannot be run ({e}); cargo-fuzz needs a nightly \
                 toolchain installed with rustup (https://rustup.rs)"
            ),
        }
    }
    if !succeeds("cargo", &["fuzz", "--version"]) {
        eprintln!("cargo-fuzz is missing: cargo install cargo-fuzz --locked");
        let status = Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked"])
            .status()
            .context("running cargo install cargo-fuzz")?;
        if !status.success() {
            bail!(
                "could not install cargo-fuzz (cargo install exited with {status}); install it with \
                 `cargo install cargo-fuzz --locked` and run again"
            );
        }
    }
    Ok(())
}

/// What one target's run did.
#[derive(Debug, Default, PartialEq)]
struct Report {
    target: String,
    /// Whether libFuzzer ran to its time limit (it stops at the first crash).
    completed: bool,
    executions: Option<u64>,
    per_second: Option<u64>,
    /// Edges covered (`cov:`) and features (`ft:`) at the last status line.
    coverage: Option<u64>,
    features: Option<u64>,
    /// Inputs in the corpus at the end (`corp:`).
    corpus: Option<u64>,
    /// The inputs written for crashes, timeouts and out-of-memory runs.
    findings: Vec<String>,
}

fn fuzz_one(fuzz_dir: &Path, target: &str, args: &Args) -> Result<Report> {
    let corpus = fuzz_dir.join("corpus").join(target);
    let seeds = fuzz_dir.join("seeds").join(target);
    let logs = fuzz_dir.join("logs");
    for dir in [&corpus, &seeds, &logs] {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let log_path = logs.join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    let status = cargo_nightly()
        .args(["fuzz", "run", "--fuzz-dir"])
        .arg(fuzz_dir)
        .args(["--sanitizer", &args.sanitizer, target])
        .arg(&corpus)
        .arg(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={}", args.seconds))
        // An input that takes 10 s is a hang: a finding like a crash.
        .args(["-timeout=10", "-print_final_stats=1"])
        .stdout(log.try_clone().context("sharing the log file")?)
        .stderr(log)
        .status()
        .with_context(|| format!("running cargo +nightly fuzz run {target}"))?;
    let text = std::fs::read_to_string(&log_path).with_context(|| format!("reading {}", log_path.display()))?;
    let mut report = parse_log(target, &text);
    report.completed = report.completed && status.success();
    Ok(report)
}

/// Reads libFuzzer's output: its final statistics, the last status line and the inputs it wrote.
fn parse_log(target: &str, log: &str) -> Report {
    let mut report = Report { target: target.to_owned(), ..Report::default() };
    for line in log.lines() {
        if let Some(value) = line.strip_prefix("stat::number_of_executed_units:") {
            report.executions = value.trim().parse().ok();
        } else if let Some(value) = line.strip_prefix("stat::average_exec_per_sec:") {
            report.per_second = value.trim().parse().ok();
        } else if line.starts_with('#') && line.contains(" cov: ") {
            let field = |name: &str| {
                let mut words = line.split_whitespace();
                words.find(|w| *w == name).and_then(|_| words.next()).and_then(|v| v.split('/').next()?.parse().ok())
            };
            report.coverage = field("cov:").or(report.coverage);
            report.features = field("ft:").or(report.features);
            report.corpus = field("corp:").or(report.corpus);
            report.completed |= line.split_whitespace().nth(1) == Some("DONE");
        } else if let Some(at) = line.find("Test unit written to ") {
            let path = line.get(at + "Test unit written to ".len()..).unwrap_or_default().trim();
            report.findings.push(path.to_owned());
        }
    }
    report
}

/// The report table.
fn summary(reports: &[Report], seconds: u64) -> String {
    let number = |n: Option<u64>| n.map_or_else(|| "?".to_owned(), group_thousands);
    let mut out = format!(
        "\n{:<16} {:>8} {:>14} {:>10} {:>9} {:>9} {:>8}  findings\n",
        "target", "seconds", "executions", "exec/s", "coverage", "features", "corpus"
    );
    for r in reports {
        let findings = match (r.findings.len(), r.completed) {
            (0, true) => "none".to_owned(),
            (0, false) => "stopped early (see its log)".to_owned(),
            (n, _) => format!("{n} (see below)"),
        };
        let _ = writeln!(
            out,
            "{:<16} {:>8} {:>14} {:>10} {:>9} {:>9} {:>8}  {findings}",
            r.target,
            seconds,
            number(r.executions),
            number(r.per_second),
            number(r.coverage),
            number(r.features),
            number(r.corpus),
        );
    }
    out.push_str("coverage: edges reached (libFuzzer's cov); features: its finer-grained ft count\n");
    out
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_final_statistics_and_findings() {
        let log = "#2\tINITED cov: 10 ft: 12 corp: 3/30b exec/s: 0 rss: 40Mb\n\
                   #4096\tpulse  cov: 200 ft: 300 corp: 40/1Kb lim: 50 exec/s: 2048 rss: 50Mb\n\
                   ==1== ERROR: libFuzzer: deadly signal\n\
                   artifact_prefix='/f/artifacts/shorthand/'; Test unit written to /f/artifacts/shorthand/crash-ab12\n\
                   stat::number_of_executed_units: 4100\nstat::average_exec_per_sec:     2050\n";

        let report = parse_log("shorthand", log);

        assert_eq!(
            report,
            Report {
                target: "shorthand".to_owned(),
                completed: false,
                executions: Some(4100),
                per_second: Some(2050),
                coverage: Some(200),
                features: Some(300),
                corpus: Some(40),
                findings: vec!["/f/artifacts/shorthand/crash-ab12".to_owned()],
            }
        );
    }

    #[test]
    fn a_run_that_reaches_its_time_limit_is_complete() {
        let report = parse_log("t", "#9\tDONE   cov: 5 ft: 6 corp: 2/9b lim: 4 exec/s: 9 rss: 30Mb\n");

        assert!(report.completed && report.findings.is_empty());
        assert!(summary(&[report], 20).contains("t                      20              ?          ?         5"));
    }

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }
}
