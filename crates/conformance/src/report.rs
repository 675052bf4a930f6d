//! What a check returns ([`Outcome`]), its [`record`], and progress on a terminal; the records, lines,
//! summary, JSON form and JUnit XML are the shared `cognito-idp-report` crate's, re-exported here, which
//! `cargo xtask conformance` merges into its own report.

use std::io::{IsTerminal, Write as _};
use std::time::{Duration, Instant};

pub use cognito_idp_report::{CheckRecord, Detail, Results, Status, escape, junit, line, summary_line};

use crate::failure::Failure;

/// What a check returns.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Counts for the report line, such as `256 cases`.
    pub summary: String,
    /// Broken expectations; none means the check passed.
    pub failures: Vec<Failure>,
    /// Named parts, printed under the line.
    pub details: Vec<Detail>,
    /// Whether the details are printed when the check passes (protocol cases and server expectations
    /// are; property cases are not).
    pub show_details: bool,
    /// Set when the check did not run, with the reason.
    pub skipped: Option<String>,
}

impl Outcome {
    /// A check that ran with these counts and failures.
    pub fn new(summary: impl Into<String>, failures: Vec<Failure>) -> Self {
        Self { summary: summary.into(), failures, ..Self::default() }
    }

    /// A check that did not run.
    pub fn skip(reason: impl Into<String>) -> Self {
        Self { skipped: Some(reason.into()), ..Self::default() }
    }

    /// A check made of named details: it fails when one of them does.
    pub fn from_details(summary: impl Into<String>, details: Vec<Detail>) -> Self {
        let failures = details
            .iter()
            .filter(|d| d.status == Status::Fail)
            .map(|d| Failure::new(d.name.clone(), "the expectation holds", d.note.clone()))
            .collect();
        Self { summary: summary.into(), failures, details, show_details: true, skipped: None }
    }
}

/// The record of an outcome that took `elapsed`.
pub fn record(name: &str, outcome: Outcome, elapsed: Duration) -> CheckRecord {
    let (status, summary) = match (&outcome.skipped, outcome.failures.is_empty()) {
        (Some(reason), _) => (Status::Skip, reason.clone()),
        (None, true) => (Status::Pass, outcome.summary.clone()),
        (None, false) => (Status::Fail, outcome.summary.clone()),
    };
    let message = outcome.failures.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    CheckRecord {
        name: name.to_owned(),
        status,
        summary,
        seconds: elapsed.as_secs_f64(),
        message,
        details: outcome.details,
        show_details: outcome.show_details,
    }
}

/// Progress of a check's cases on stderr, only when stderr is a terminal; at most ten updates a second.
#[derive(Debug)]
pub struct Progress {
    name: String,
    enabled: bool,
    last: std::cell::Cell<Option<Instant>>,
}

impl Progress {
    /// Progress for the check `name`.
    pub fn new(name: &str) -> Self {
        Self { name: name.to_owned(), enabled: std::io::stderr().is_terminal(), last: std::cell::Cell::new(None) }
    }

    /// Progress that prints nothing.
    pub fn hidden() -> Self {
        Self { name: String::new(), enabled: false, last: std::cell::Cell::new(None) }
    }

    /// Shows `done` of `total`.
    pub fn tick(&self, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self.last.get().is_some_and(|last| now.duration_since(last) < Duration::from_millis(100)) && done < total {
            return;
        }
        self.last.set(Some(now));
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r\x1b[K     {} {done}/{total}", self.name);
        let _ = stderr.flush();
    }

    /// Clears the progress line.
    pub fn clear(&self) {
        if self.enabled && self.last.get().is_some() {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[K");
            let _ = stderr.flush();
        }
    }
}
