//! The terminal report: one line per expectation (or only counts with `--quiet`), and for each failure the
//! evidence a person can act on: the probe, what was expected and found, the request and the answer (the
//! headers that matter, bodies cut to a readable length), the source, and a `curl` line that sends the same
//! request again. A run that could not check the server prints one line that says why.

use std::fmt::Write as _;

use crate::results::{ExchangeRecord, ExpectationResult, Outcome, ProbeOutcome, Report, RunOutcome};
use crate::text::cut;

/// How much a failure shows.
const PROBES_SHOWN: usize = 3;
/// Bodies longer than this are cut.
const BODY_SHOWN: usize = 400;
/// A `curl` line longer than this is left to the file reports.
const CURL_SHOWN: usize = 2000;
/// The request headers that matter.
const REQUEST_HEADERS: &[&str] = &["content-type", "x-amz-target"];
/// The answer headers that matter.
const ANSWER_HEADERS: &[&str] = &["content-type", "x-amzn-requestid", "x-amzn-errortype", "content-length"];

/// How the text is styled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Passing expectations only counted.
    pub quiet: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }

    fn word(self, outcome: Outcome) -> String {
        let (code, word) = match outcome {
            Outcome::Failed => ("1;31", "FAIL"),
            Outcome::Accepted => ("33", "ACPT"),
            Outcome::Passed => ("32", "PASS"),
            Outcome::NotChecked => ("33", "----"),
            Outcome::NotApplicable => ("2", "n/a "),
            Outcome::Skipped => ("2", "skip"),
        };
        self.paint(code, word)
    }
}

/// The report as the terminal shows it.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let target = &report.target;
    if report.verdict.outcome == RunOutcome::CouldNotCheck {
        let _ = writeln!(
            out,
            "{} could not check {}: {}",
            style.paint("1;31", "cognito-idp-conformance:"),
            target.endpoint,
            report.verdict.summary
        );
        return out;
    }
    let secret = if target.client_has_secret { "with a secret" } else { "without a secret" };
    let _ = writeln!(
        out,
        "{}: {} (app client {} {secret}, unconfirmed user {})\n",
        report.tool, target.endpoint, target.client_id, target.username
    );
    for family in &report.families {
        let members: Vec<&ExpectationResult> =
            report.expectations.iter().filter(|e| e.family == family.family).collect();
        let listed: Vec<&&ExpectationResult> =
            members.iter().filter(|e| !style.quiet || matches!(e.outcome, Outcome::Failed)).collect();
        if listed.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", style.paint("1", family.family.name()), family.title);
        for result in listed {
            expectation(&mut out, report, result, style);
        }
        out.push('\n');
    }
    let c = &report.counts;
    let _ = writeln!(
        out,
        "expectations: {} failed, {} passed, {} accepted, {} not checked, {} not applicable, {} skipped (of {})",
        c.failed, c.passed, c.accepted, c.not_checked, c.not_applicable, c.skipped, c.expectations
    );
    let d = &report.deliveries;
    let _ = writeln!(
        out,
        "deliveries: {} of a budget of {} sent, {} code{} delivered",
        d.sent,
        d.budget,
        d.made,
        if d.made == 1 { "" } else { "s" }
    );
    let notes: Vec<&String> = report.expectations.iter().flat_map(|e| &e.notes).collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "notes ({}, they do not fail the run):", notes.len());
        for note in notes.iter().take(5) {
            let _ = writeln!(out, "  {}", cut(note, 200));
        }
        if notes.len() > 5 {
            let _ = writeln!(out, "  … and {} more in the file reports", notes.len() - 5);
        }
    }
    if !report.stale_baseline.is_empty() {
        let _ = writeln!(
            out,
            "baseline: {} entr{} accepted nothing (the server holds there now, or it was not checked): remove {}, or \
             run with --baseline-update",
            report.stale_baseline.len(),
            if report.stale_baseline.len() == 1 { "y" } else { "ies" },
            if report.stale_baseline.len() == 1 { "it" } else { "them" },
        );
        for entry in &report.stale_baseline {
            let probe = entry.probe.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
            let _ = writeln!(out, "  {}{probe}", entry.id);
        }
    }
    let verdict = match report.verdict.outcome {
        RunOutcome::Conforms => style.paint("1;32", "conforms"),
        RunOutcome::DoesNotConform => style.paint("1;31", "does not conform"),
        RunOutcome::CouldNotCheck => style.paint("1;31", "could not check"),
    };
    let _ = writeln!(
        out,
        "verdict: {verdict}: {} ({:.2} s, exit code {})",
        report.verdict.summary, report.seconds, report.verdict.exit_code
    );
    out
}

fn expectation(out: &mut String, report: &Report, result: &ExpectationResult, style: Style) {
    let _ = writeln!(out, "  {} {}  {}", style.word(result.outcome), result.id, result.summary);
    if result.outcome != Outcome::Failed {
        return;
    }
    let _ = writeln!(out, "       {}", result.title);
    let broken: Vec<_> = result.probes.iter().filter(|p| p.outcome == ProbeOutcome::Broken).collect();
    for probe in broken.iter().take(PROBES_SHOWN) {
        let _ = writeln!(out, "       {} {}: {}", style.paint("31", "✗"), probe.id, probe.what);
        let line = |out: &mut String, label: &str, text: &str| {
            let mut lines = text.lines();
            let _ = writeln!(out, "         {label:<9} {}", lines.next().unwrap_or_default());
            for more in lines {
                let _ = writeln!(out, "         {:<9} {more}", "");
            }
        };
        if let Some(expected) = &probe.expected {
            line(out, "expected:", expected);
        }
        if let Some(found) = &probe.found {
            line(out, "found:", found);
        }
        if let Some(exchange) = probe.exchange.and_then(|i| report.exchanges.get(i)) {
            line(out, "request:", &request_text(exchange));
            line(out, "answer:", &answer_text(exchange));
            if exchange.curl.chars().count() <= CURL_SHOWN {
                line(out, "curl:", &exchange.curl);
            } else {
                line(out, "curl:", "in the --json report (the body is long)");
            }
        }
    }
    if broken.len() > PROBES_SHOWN {
        let _ = writeln!(out, "       … and {} more broken probes in the --json report", broken.len() - PROBES_SHOWN);
    }
    let _ = writeln!(out, "       source: {}: {}", result.source.kind, result.source.text);
}

fn shown_headers(headers: &[crate::results::Header], wanted: &[&str]) -> String {
    headers
        .iter()
        .filter(|h| wanted.iter().any(|w| h.name.eq_ignore_ascii_case(w)))
        .map(|h| format!("{}: {}\n", h.name, h.value))
        .collect()
}

/// The request: method and URL, the headers that matter, the body cut to a readable length.
pub fn request_text(exchange: &ExchangeRecord) -> String {
    let request = &exchange.request;
    format!(
        "{} {}\n{}{}",
        request.method,
        request.url,
        shown_headers(&request.headers, REQUEST_HEADERS),
        cut(&request.body.text, BODY_SHOWN)
    )
}

/// The answer: status, the headers that matter, the body cut; or why there was none.
pub fn answer_text(exchange: &ExchangeRecord) -> String {
    match (&exchange.response, &exchange.error) {
        (Some(response), _) => format!(
            "HTTP {} ({} ms)\n{}{}",
            response.status,
            exchange.milliseconds.round(),
            shown_headers(&response.headers, ANSWER_HEADERS),
            if response.body.size == 0 { "(empty body)".to_owned() } else { cut(&response.body.text, BODY_SHOWN) }
        ),
        (None, Some(error)) => error.clone(),
        (None, None) => "none".to_owned(),
    }
}
