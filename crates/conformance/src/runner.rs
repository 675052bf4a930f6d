//! The runner of the custom test harness: its options, the checks in order, one line per check, a
//! summary, JUnit XML, and an exit code that is non-zero on any failure.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::checks;
use crate::report::{self, CheckRecord, Outcome, Progress, Results, Status};
use crate::wire::WireHarness;

/// The options text of `--help`.
pub const USAGE: &str = "\
usage: cargo test -p cognito-idp-conformance --test conformance -- [options] [filter]

  --cases N                  property cases per property check (default 256; cli-equivalence runs
                             N/8, at least 16, since each case runs the CLI binary three times)
  --junit PATH               write a JUnit XML report
  --results-json PATH        write the results as JSON (used by `cargo xtask conformance`)
  --no-summary               leave out the summary line (used by `cargo xtask conformance`)
  --list                     list the checks
  filter                     run only the checks whose names contain it (--exact: equal it)
  --skip NAME                leave out the checks whose names contain it
";

/// The default number of property cases.
pub const DEFAULT_CASES: u32 = 256;

/// The harness's options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Property cases per property check.
    pub cases: u32,
    /// Where to write JUnit XML.
    pub junit: Option<PathBuf>,
    /// Where to write the JSON results.
    pub results_json: Option<PathBuf>,
    /// Whether to leave out the summary line.
    pub no_summary: bool,
    /// Name filters.
    pub filters: Vec<String>,
    /// Names to leave out (`--skip`, as libtest reads it).
    pub skip: Vec<String>,
    /// Whether filters must equal names.
    pub exact: bool,
    /// Whether to list the checks instead of running them.
    pub list: bool,
    /// Whether only ignored tests were asked for (there are none).
    pub ignored_only: bool,
    /// Whether `--help` was asked for.
    pub help: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            cases: DEFAULT_CASES,
            junit: None,
            results_json: None,
            no_summary: false,
            filters: Vec::new(),
            skip: Vec::new(),
            exact: false,
            list: false,
            ignored_only: false,
            help: false,
        }
    }
}

impl Options {
    /// Parses the arguments after the program name. libtest's own flags, which `cargo test` may pass
    /// to every test target, are accepted and ignored.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut options = Self::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"))
            };
            match flag.as_str() {
                "--cases" => {
                    let text = value("--cases")?;
                    options.cases = text.parse().map_err(|_| format!("--cases wants a number, not {text:?}"))?;
                }
                "--junit" => options.junit = Some(PathBuf::from(value("--junit")?)),
                "--results-json" => options.results_json = Some(PathBuf::from(value("--results-json")?)),
                "--no-summary" => options.no_summary = true,
                "--list" => options.list = true,
                "--exact" => options.exact = true,
                "--ignored" => options.ignored_only = true,
                "-h" | "--help" => options.help = true,
                // libtest's flags: harmless here.
                "--nocapture" | "--show-output" | "--quiet" | "-q" | "--include-ignored" | "--test" => {}
                "--skip" => options.skip.push(value("--skip")?),
                "--test-threads" | "--color" | "--format" | "-Z" => {
                    value(&flag)?;
                }
                other if other.starts_with('-') => return Err(format!("unknown option {other}")),
                filter => options.filters.push(filter.to_owned()),
            }
        }
        Ok(options)
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |f: &String| if self.exact { f == name } else { name.contains(f.as_str()) };
        (self.filters.is_empty() || self.filters.iter().any(matches)) && !self.skip.iter().any(matches)
    }
}

/// Runs checks in order and reports them.
#[derive(Debug)]
pub struct Runner {
    options: Options,
    records: Vec<CheckRecord>,
}

impl Runner {
    /// A runner with these options.
    pub fn new(options: Options) -> Self {
        Self { options, records: Vec::new() }
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Runs the check `name` unless the filters leave it out, and prints its line.
    pub fn check(&mut self, name: &str, run: impl FnOnce(&Progress) -> Outcome) {
        if !self.options.selects(name) || self.options.ignored_only {
            return;
        }
        if self.options.list {
            println!("{name}: test");
            return;
        }
        let progress = Progress::new(name);
        let started = Instant::now();
        let outcome = run(&progress);
        progress.clear();
        let record = report::record(name, outcome, started.elapsed());
        println!("{}", record.render());
        let _ = std::io::stdout().flush();
        self.records.push(record);
    }

    /// The records so far.
    pub fn records(&self) -> &[CheckRecord] {
        &self.records
    }

    /// Prints the summary, writes the requested files and returns the exit code.
    pub fn finish(self) -> ExitCode {
        if self.options.list {
            return ExitCode::SUCCESS;
        }
        let mut ok = !self.records.iter().any(|r| r.status == Status::Fail);
        if !self.options.no_summary {
            println!("{}", report::summary_line(&self.records));
        }
        if let Some(path) = &self.options.junit
            && let Err(e) = std::fs::write(path, report::junit(&self.records))
        {
            eprintln!("error: cannot write the JUnit report {}: {e}", path.display());
            ok = false;
        }
        if let Some(path) = &self.options.results_json {
            let results = Results { checks: self.records.clone() };
            let written = serde_json::to_string_pretty(&results)
                .map_err(|e| e.to_string())
                .and_then(|text| std::fs::write(path, text).map_err(|e| e.to_string()));
            if let Err(e) = written {
                eprintln!("error: cannot write the results {}: {e}", path.display());
                ok = false;
            }
        }
        if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
    }
}

/// The whole suite, in order, with the live peer given by the caller (its emulator is a dev-dependency
/// of the test target, not of this library). Returns the exit code.
pub fn run_suite(
    args: impl IntoIterator<Item = String>,
    live_peer: impl FnOnce(&WireHarness, &Progress) -> Outcome,
) -> ExitCode {
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if options.help {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let cases = options.cases;
    let root = crate::workspace_root();
    let mut runner = Runner::new(options);
    let harness = match WireHarness::new() {
        Ok(harness) => harness,
        Err(e) => {
            runner.check("wire-harness", |_| {
                Outcome::new("", vec![crate::failure::Failure::new("the harness starts", "a mock server", e)])
            });
            return runner.finish();
        }
    };
    runner.check("wire-properties", |p| checks::properties::wire_properties(&harness, cases, p));
    runner.check("type-properties", |p| checks::properties::type_properties(cases, p));
    runner.check("pattern-classes", |_| checks::properties::pattern_classes());
    runner.check("protocol-cases", |_| checks::protocol::protocol_cases(&harness, &root));
    runner.check("secret-hash-vectors", |_| checks::vectors::secret_hash_vectors(&root));
    runner.check("secret-hash-properties", |p| checks::properties::secret_hash_properties(cases, p));
    runner.check("differential-sdk", |_| checks::differential::differential(&harness, &root, "sdk"));
    runner.check("differential-awscli", |_| checks::differential::differential(&harness, &root, "awscli"));
    runner.check("shorthand-roundtrip", |p| checks::cli::shorthand_roundtrip(cases, p));
    runner.check("cli-equivalence", |p| checks::cli::cli_equivalence(&harness, cases, p));
    runner.check("live-peer", |p| live_peer(&harness, p));
    runner.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn no_arguments_mean_the_defaults() {
        assert_eq!(parse(&[]), Ok(Options::default()));
    }

    #[test]
    fn reads_cases_and_junit_in_both_forms() {
        let options = parse(&["--cases=10", "--junit", "out.xml"]).expect("valid");
        assert_eq!(options.cases, 10);
        assert_eq!(options.junit, Some(PathBuf::from("out.xml")));
    }

    #[test]
    fn refuses_unknown_options_and_the_server_options_that_moved() {
        assert!(parse(&["--endpoint-url", "http://x"]).is_err(), "the server check is cognito-idp-conformance now");
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--cases", "many"]).is_err());
        assert!(parse(&["--cases"]).is_err());
    }

    #[test]
    fn accepts_libtest_flags_and_filters() {
        let options = parse(&["--nocapture", "--test-threads", "1", "--color=never", "--exact", "wire-properties"])
            .expect("valid");
        assert!(options.exact && options.selects("wire-properties") && !options.selects("wire"));
        let options = parse(&["wire"]).expect("valid");
        assert!(options.selects("wire-properties") && !options.selects("live-peer"));
        let options = parse(&["--skip", "live-peer"]).expect("valid");
        assert!(options.selects("wire-properties") && !options.selects("live-peer"));
    }
}
