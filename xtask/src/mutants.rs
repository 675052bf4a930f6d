//! `cargo xtask mutants`: mutation testing with cargo-mutants, of the client crate's hand-written modules
//! (the default) or of the server check's oracles (`--crate server-check`).
//!
//! cargo-mutants changes the code one small way at a time (a body replaced by a default value, `<` by
//! `<=`, a `!` deleted...) and runs the crate's tests against each change. A mutant the tests catch is fine;
//! one they miss is code no test holds. What each crate mutates and which tests judge it are one row of
//! [`CRATES`]: the client's generated modules (`src/generated*.rs`) are not mutated (their freshness test and
//! the conformance suite check them) and its doc tests are left out (they show usage and take long to
//! build); the server check's judging modules are mutated and judged by its unit tests and the planted-defect
//! suite (`tests/planted.rs`), which asserts the exact ids each planted defect breaks.
//!
//! Each crate's accepted survivors are listed in its `mutants-survivors.txt`, one a line: the mutant as
//! cargo-mutants names it without its line and column, then ` # ` and why it may survive. The command fails
//! when a mutant survives that the file does not accept, when an accepted one no longer survives (take it
//! out), and when fewer than 95% of the viable mutants are caught. cargo-mutants is installed with
//! `cargo install --locked cargo-mutants` when it is missing. Its report stays in
//! `target/mutants/<crate>/mutants.out/` (`missed.txt`, `caught.txt`, a log per mutant), and the builds of its
//! copies of the tree share `target/mutants/<crate>/build`, so a second run does not rebuild the dependencies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// A crate `cargo xtask mutants` can mutate: what it mutates and what judges the mutants.
#[derive(Debug)]
pub struct Crate {
    /// The name `--crate` takes, and the folder of its report under `target/mutants/`.
    pub name: &'static str,
    /// The cargo package.
    package: &'static str,
    /// The files mutated (`--file`), relative to the workspace root; empty for every file of the package.
    files: &'static [&'static str],
    /// The files not mutated (`--exclude`).
    exclude: &'static [&'static str],
    /// Which tests judge a mutant (`cargo test` arguments).
    tests: &'static [&'static str],
    /// The accepted survivors, relative to the workspace root.
    pub survivors: &'static str,
}

/// Every crate `cargo xtask mutants` knows; the first is the default.
pub const CRATES: &[Crate] = &[
    Crate {
        name: "client",
        package: "cognito-idp-client",
        files: &[],
        exclude: &["crates/cognito-idp-client/src/generated*.rs"],
        tests: &["--tests"],
        survivors: "crates/cognito-idp-client/mutants-survivors.txt",
    },
    Crate {
        name: "server-check",
        package: "cognito-idp-server-check",
        files: &[
            "crates/server-check/src/judge.rs",
            "crates/server-check/src/read.rs",
            "crates/server-check/src/baseline.rs",
        ],
        exclude: &[],
        tests: &["--lib", "--test", "planted"],
        survivors: "crates/server-check/mutants-survivors.txt",
    },
];
impl Crate {
    /// What is mutated and what judges it, for the command's first line.
    fn describe(&self) -> String {
        let files = if self.files.is_empty() { "every file".to_owned() } else { self.files.join(", ") };
        let without =
            if self.exclude.is_empty() { String::new() } else { format!(" without {}", self.exclude.join(", ")) };
        format!("{files}{without}; judged by cargo test {}", self.tests.join(" "))
    }
}

/// The lowest share of viable mutants the tests must catch.
const MINIMUM_SCORE: f64 = 0.95;

/// Options of `cargo xtask mutants`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The crate to mutate: `client` (the client library's hand-written modules) or `server-check` (the
    /// server check's judging modules, judged by the planted-defect suite).
    #[arg(long = "crate", default_value = CRATES[0].name, value_parser = clap::builder::PossibleValuesParser::new(CRATES.iter().map(|c| c.name)), value_name = "NAME")]
    krate: String,
    /// Only the mutants whose names match this regular expression (cargo-mutants' `--re`), for a quick look
    /// at one area; the score and the stale survivors are then not judged.
    #[arg(long, value_name = "REGEX")]
    re: Option<String>,
    /// Mutants built and tested at once (cargo-mutants' `--jobs`); each job has its own copy of the tree.
    #[arg(long, default_value_t = 1, value_name = "N")]
    jobs: usize,
}

/// Runs `cargo xtask mutants`.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let krate = CRATES.iter().find(|c| c.name == args.krate).context("an unknown crate")?;
    let survivors = krate.survivors;
    let accepted = parse_survivors(
        survivors,
        &std::fs::read_to_string(root.join(survivors)).with_context(|| format!("reading {survivors}"))?,
    )?;
    ensure_cargo_mutants()?;
    let output = output_dir(root, krate)?;
    let started = Instant::now();
    let mut command = Command::new("cargo");
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(cognito_idp_test_kit::cargo_env::is_package_variable) {
            command.env_remove(&name);
        }
    }
    command
        .current_dir(root)
        .args(["mutants", "--package", krate.package, "--colors=never"])
        .arg("--jobs")
        .arg(args.jobs.to_string())
        .arg("--output")
        .arg(&output);
    if args.jobs == 1 {
        // One copy at a time: its builds can share a target folder with the previous runs'.
        command.env("CARGO_TARGET_DIR", output.join("build"));
    }
    for file in krate.files {
        command.args(["--file", file]);
    }
    for file in krate.exclude {
        command.args(["--exclude", file]);
    }
    for arg in krate.tests {
        command.arg(format!("--cargo-test-arg={arg}"));
    }
    if let Some(re) = &args.re {
        command.args(["--re", re]);
    }
    eprintln!("running cargo mutants on {} ({}); this takes a while", krate.package, krate.describe());
    let status = command.status().context("running cargo mutants")?;
    let elapsed = started.elapsed();
    let report = output.join("mutants.out");
    let read = |name: &str| -> Result<Vec<String>> {
        let path = report.join(name);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!("reading {} (cargo mutants exited with {status}; see its output above)", path.display())
        })?;
        Ok(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect())
    };
    let outcomes = Outcomes {
        caught: read("caught.txt")?.len(),
        timeouts: read("timeout.txt")?.len(),
        unviable: read("unviable.txt")?.len(),
        missed: read("missed.txt")?,
    };
    let verdict = judge(&outcomes, &accepted, args.re.is_none());
    println!(
        "{} mutants: {} caught, {} timed out (counted as caught), {} missed ({} accepted), {} unviable; score {:.1}% \
         of viable mutants in {:.0} min",
        outcomes.caught + outcomes.timeouts + outcomes.missed.len() + outcomes.unviable,
        outcomes.caught,
        outcomes.timeouts,
        outcomes.missed.len(),
        outcomes.missed.len() - verdict.new_survivors.len(),
        outcomes.unviable,
        verdict.score * 100.0,
        elapsed.as_secs_f64() / 60.0
    );
    let mut problems = Vec::new();
    if !verdict.new_survivors.is_empty() {
        problems.push(format!(
            "{} mutant(s) survived that {survivors} does not accept: add a test that catches each (or, if it truly \
             cannot matter, a line `<mutant> # <why>` to the file):\n  {}",
            verdict.new_survivors.len(),
            verdict.new_survivors.join("\n  ")
        ));
    }
    if !verdict.stale.is_empty() {
        problems.push(format!(
            "{} accepted survivor(s) of {survivors} no longer survive: remove them:\n  {}",
            verdict.stale.len(),
            verdict.stale.join("\n  ")
        ));
    }
    if verdict.judged_score && verdict.score < MINIMUM_SCORE {
        problems.push(format!(
            "the tests catch {:.1}% of the viable mutants, under the {:.0}% required",
            verdict.score * 100.0,
            MINIMUM_SCORE * 100.0
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    bail!("{}\n(the report: target/mutants/{}/mutants.out/)", problems.join("\n"), krate.name)
}

/// What cargo-mutants found.
#[derive(Debug, Default)]
struct Outcomes {
    caught: usize,
    timeouts: usize,
    unviable: usize,
    /// The missed mutants' names, as cargo-mutants writes them (with line and column).
    missed: Vec<String>,
}

/// The verdict on a run.
#[derive(Debug, PartialEq)]
struct Verdict {
    /// Caught (or timed out) over viable.
    score: f64,
    /// Whether the score and the stale entries count (a run of every mutant).
    judged_score: bool,
    /// Missed mutants the survivors file does not accept, by their full names.
    new_survivors: Vec<String>,
    /// Accepted survivors that did not survive this run.
    stale: Vec<String>,
}

/// Compares a run with the accepted survivors (a name accepted twice accepts two survivors of that name).
fn judge(outcomes: &Outcomes, accepted: &BTreeMap<String, usize>, complete: bool) -> Verdict {
    let mut left = accepted.clone();
    let mut new_survivors = Vec::new();
    for name in &outcomes.missed {
        match left.get_mut(&without_position(name)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => new_survivors.push(name.clone()),
        }
    }
    let stale = if complete {
        left.into_iter().filter(|(_, count)| *count > 0).map(|(name, _)| name).collect()
    } else {
        Vec::new()
    };
    let caught = outcomes.caught + outcomes.timeouts;
    let viable = caught + outcomes.missed.len();
    let score = if viable == 0 { 1.0 } else { caught as f64 / viable as f64 };
    Verdict { score, judged_score: complete, new_survivors, stale }
}

/// A mutant's name without its line and column, which move with every edit:
/// `src/a.rs:12:5: replace x with y` → `src/a.rs: replace x with y`.
fn without_position(name: &str) -> String {
    let Some((path, rest)) = name.split_once(':') else { return name.to_owned() };
    let mut rest = rest;
    for _ in 0..2 {
        match rest.split_once(':') {
            Some((number, after)) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => rest = after,
            _ => break,
        }
    }
    format!("{path}:{rest}")
}

/// The accepted survivors and how many of each: `<mutant> # <reason>` lines; blank lines and lines that
/// start with `#` are comments.
fn parse_survivors(file: &str, text: &str) -> Result<BTreeMap<String, usize>> {
    let mut accepted = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((mutant, reason)) = line.rsplit_once(" # ") else {
            bail!("{file}:{}: `<mutant> # <why it may survive>` expected, found {line:?}", number + 1);
        };
        if reason.trim().is_empty() {
            bail!("{file}:{}: the reason is empty", number + 1);
        }
        *accepted.entry(without_position(mutant.trim())).or_insert(0) += 1;
    }
    Ok(accepted)
}

/// Installs cargo-mutants when `cargo mutants` does not run; an error says how to do it by hand.
fn ensure_cargo_mutants() -> Result<()> {
    let runs = |args: &[&str]| {
        Command::new("cargo").args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    };
    if runs(&["mutants", "--version"]) {
        return Ok(());
    }
    eprintln!("cargo-mutants is missing: cargo install --locked cargo-mutants");
    if runs(&["install", "--locked", "cargo-mutants"]) && runs(&["mutants", "--version"]) {
        return Ok(());
    }
    bail!("could not install cargo-mutants: install it with `cargo install --locked cargo-mutants` and run again")
}

/// The folder of `krate`'s report and builds, made if missing: cargo-mutants makes `mutants.out` but not
/// the folders above it, which a fresh clone does not have.
fn output_dir(root: &Path, krate: &Crate) -> Result<PathBuf> {
    let output = root.join("target/mutants").join(krate.name);
    std::fs::create_dir_all(&output).with_context(|| format!("creating {}", output.display()))?;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(caught: usize, missed: &[&str]) -> Outcomes {
        Outcomes { caught, timeouts: 1, unviable: 7, missed: missed.iter().map(|m| (*m).to_owned()).collect() }
    }

    #[test]
    fn the_output_folder_is_made_in_a_tree_without_target() {
        let root = std::env::temp_dir().join(format!("xtask-mutants-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir(&root).expect("a scratch root");
        let made = output_dir(&root, &CRATES[0]).expect("the folder is made");
        let is_dir = made.is_dir();
        std::fs::remove_dir_all(&root).expect("cleaned up");
        assert_eq!(made, root.join("target/mutants/client"));
        assert!(is_dir, "{} exists", made.display());
    }

    #[test]
    fn names_lose_their_line_and_column_only() {
        assert_eq!(without_position("src/a.rs:12:5: replace < with <= in f"), "src/a.rs: replace < with <= in f");
        assert_eq!(without_position("src/a.rs: replace x"), "src/a.rs: replace x");
        assert_eq!(without_position("src/a.rs:12: replace x::y"), "src/a.rs: replace x::y");
        assert_eq!(without_position("no colon"), "no colon");
    }

    #[test]
    fn survivors_are_read_with_their_reasons() {
        let text = "# comment\n\nsrc/a.rs:3:1: replace f -> u32 with 0 # a log only\nsrc/a.rs: replace f -> u32 with 0 # twice\n";
        let accepted = parse_survivors("f", text).expect("parses");
        assert_eq!(accepted.get("src/a.rs: replace f -> u32 with 0"), Some(&2));
        assert!(parse_survivors("f", "src/a.rs: replace x").is_err(), "a reason is required");
        assert!(parse_survivors("f", "src/a.rs: replace x #  ").is_err(), "an empty reason is refused");
    }

    #[test]
    fn a_new_survivor_fails_and_an_accepted_one_does_not() {
        let accepted = parse_survivors("f", "src/a.rs: replace x # fine").expect("parses");
        let verdict = judge(&outcomes(18, &["src/a.rs:9:9: replace x", "src/b.rs:1:1: delete !"]), &accepted, true);
        assert_eq!(verdict.new_survivors, ["src/b.rs:1:1: delete !"]);
        assert!(verdict.stale.is_empty());
        assert!((verdict.score - 19.0 / 21.0).abs() < 1e-12, "{}", verdict.score);
    }

    #[test]
    fn an_accepted_survivor_that_is_caught_is_stale_in_a_complete_run_only() {
        let accepted =
            parse_survivors("f", "src/a.rs: replace x # fine\nsrc/a.rs: replace x # and its twin").expect("parses");
        let verdict = judge(&outcomes(20, &["src/a.rs:9:9: replace x"]), &accepted, true);
        assert_eq!(verdict.stale, ["src/a.rs: replace x"]);
        assert!(judge(&outcomes(20, &[]), &accepted, false).stale.is_empty());
    }

    #[test]
    fn no_viable_mutant_scores_full() {
        let verdict = judge(&Outcomes::default(), &BTreeMap::new(), true);
        assert_eq!(verdict.score, 1.0);
    }

    #[test]
    fn each_crate_names_files_that_exist_and_survivors_with_reasons() {
        let root = crate::workspace_root();
        for krate in CRATES {
            for file in krate.files {
                assert!(root.join(file).is_file(), "{}: no file {file}", krate.name);
            }
            let text = std::fs::read_to_string(root.join(krate.survivors)).expect("the survivors file");
            let accepted = parse_survivors(krate.survivors, &text).expect("parses");
            for name in accepted.keys() {
                let path = name.split(':').next().unwrap_or_default();
                assert!(root.join(path).is_file(), "{name}: no file {path}");
                assert!(!path.contains("/generated"), "{name}: generated code is not mutated");
                assert!(
                    krate.files.is_empty() || krate.files.contains(&path),
                    "{name}: {path} is not one of the files mutated for {}",
                    krate.name
                );
            }
        }
    }
}
