//! `--junit PATH`: the results as JUnit XML, the shape CI servers read (Jenkins' `junit-10.xsd`, which
//! GitLab, GitHub's test-report actions and the Ant task read too; `tests/data/junit-10.xsd`). One test suite
//! per family and one test case per expectation id (`classname` is the family): a failure carries the
//! evidence (what was expected and found, the request, the answer and the `curl` line of each broken probe);
//! an expectation not checked, not applicable or skipped is `<skipped>` with the reason; an accepted one
//! passes with the baseline's reasons in `<system-out>`. A run that could not check the server adds one test
//! case, `run.preflight`, in error, so that a CI server shows red rather than a suite of skips.

use std::fmt::Write as _;

use super::escape::xml_escape;
use super::text::{answer_text, request_text};
use crate::results::{ExpectationResult, Outcome, ProbeOutcome, Report, RunOutcome};

/// Broken probes whose whole evidence a failure carries; the rest are one line each.
const PROBES_WITH_EVIDENCE: usize = 5;
/// A `curl` line longer than this is left to the `--json` and `--har` reports.
const CURL_SHOWN: usize = 2000;

/// The report as JUnit XML.
pub fn render(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let c = &report.counts;
    let error = report.verdict.outcome == RunOutcome::CouldNotCheck;
    let _ = writeln!(
        out,
        "<testsuites name=\"cognito-idp-conformance\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3}\">",
        c.expectations + usize::from(error),
        c.failed,
        usize::from(error),
        report.seconds
    );
    if error {
        let suite =
            Suite { name: "run", tests: 1, failures: 0, errors: 1, skipped: 0, time: report.seconds, properties: true };
        suite_open(&mut out, report, &suite);
        let _ = writeln!(
            out,
            "    <testcase name=\"run.preflight\" classname=\"run\" time=\"{:.3}\">\n      <error type=\"could-not-check\" \
             message=\"{}\">{}</error>\n    </testcase>\n  </testsuite>",
            report.seconds,
            attribute(&report.verdict.summary),
            xml_escape(&report.verdict.summary, false)
        );
    }
    for (index, family) in report.families.iter().enumerate() {
        let members: Vec<&ExpectationResult> =
            report.expectations.iter().filter(|e| e.family == family.family).collect();
        let counts = &family.counts;
        let skipped = counts.not_checked + counts.not_applicable + counts.skipped;
        // Summed from +0.0: an empty `f64` sum is -0.0, which the schema's time pattern refuses.
        let time = members.iter().map(|e| seconds(report, e)).fold(0.0, |a, b| a + b);
        let suite = Suite {
            name: family.family.name(),
            tests: counts.expectations,
            failures: counts.failed,
            errors: 0,
            skipped,
            time,
            properties: index == 0 && !error,
        };
        suite_open(&mut out, report, &suite);
        for result in members {
            testcase(&mut out, report, result);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// A test suite's opening tag and counts.
struct Suite<'a> {
    name: &'a str,
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
    time: f64,
    /// Whether it carries the run's properties (the first suite does).
    properties: bool,
}

fn suite_open(out: &mut String, report: &Report, suite: &Suite<'_>) {
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" package=\"cognito-idp-conformance\" tests=\"{}\" failures=\"{}\" errors=\"{}\" \
         skipped=\"{}\" time=\"{:.3}\" timestamp=\"{}\">",
        attribute(suite.name),
        suite.tests,
        suite.failures,
        suite.errors,
        suite.skipped,
        suite.time,
        attribute(report.started.trim_end_matches('Z')),
    );
    if !suite.properties {
        return;
    }
    out.push_str("    <properties>\n");
    let target = &report.target;
    let properties = [
        ("tool", report.tool.clone()),
        ("endpoint", target.endpoint.clone()),
        ("client-id", target.client_id.clone()),
        ("client-has-secret", target.client_has_secret.to_string()),
        ("username", target.username.clone()),
        ("verdict", report.verdict.summary.clone()),
    ];
    for (name, value) in properties {
        let _ = writeln!(out, "      <property name=\"{name}\" value=\"{}\"/>", attribute(&value));
    }
    out.push_str("    </properties>\n");
}

/// The time an expectation's exchanges took, in seconds.
fn seconds(report: &Report, result: &ExpectationResult) -> f64 {
    let milliseconds = result
        .probes
        .iter()
        .filter_map(|p| p.exchange)
        .filter_map(|i| report.exchanges.get(i))
        .fold(0.0, |sum, e| sum + e.milliseconds);
    milliseconds / 1000.0
}

fn testcase(out: &mut String, report: &Report, result: &ExpectationResult) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3}\"",
        attribute(&result.id),
        result.family.name(),
        seconds(report, result)
    );
    let body = match result.outcome {
        Outcome::Failed => format!(
            "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
            attribute(&result.id),
            attribute(&result.summary),
            xml_escape(&evidence(report, result), false)
        ),
        Outcome::NotChecked | Outcome::NotApplicable | Outcome::Skipped => {
            format!(
                "      <skipped type=\"{}\" message=\"{}\">{}</skipped>\n",
                result.outcome.name(),
                attribute(&result.summary),
                xml_escape(&reasons(result), false)
            )
        }
        Outcome::Accepted => {
            let mut note = format!("{}\n", result.summary);
            for probe in result.probes.iter().filter(|p| p.outcome == ProbeOutcome::Accepted) {
                let _ = writeln!(
                    note,
                    "accepted by the baseline: {}: {} (found: {})",
                    probe.id,
                    probe.reason.as_deref().unwrap_or("no reason given"),
                    probe.found.as_deref().unwrap_or("?")
                );
            }
            system_out(&note, &result.notes)
        }
        Outcome::Passed if result.notes.is_empty() => String::new(),
        Outcome::Passed => system_out(&format!("{}\n", result.summary), &result.notes),
    };
    if body.is_empty() {
        out.push_str("/>\n");
    } else {
        let _ = write!(out, ">\n{body}    </testcase>\n");
    }
}

/// Why the probes of an expectation were not judged, each reason once with the probes it covers.
fn reasons(result: &ExpectationResult) -> String {
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for probe in &result.probes {
        let Some(reason) = probe.reason.as_deref() else { continue };
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, probes)) => probes.push(&probe.id),
            None => reasons.push((reason, vec![&probe.id])),
        }
    }
    let mut out = String::new();
    for (reason, probes) in reasons {
        let _ = writeln!(out, "{reason}: {}", probes.join(", "));
    }
    out
}

fn system_out(head: &str, notes: &[String]) -> String {
    let mut text = head.to_owned();
    for note in notes {
        let _ = writeln!(text, "note: {note}");
    }
    format!("      <system-out>{}</system-out>\n", xml_escape(&text, false))
}

/// A failure's evidence, as the terminal shows it: each broken probe with what was expected and found, its
/// request, its answer and its `curl` line; then the expectation and its source.
fn evidence(report: &Report, result: &ExpectationResult) -> String {
    let mut out =
        format!("{}\n{}\nsource: {}: {}\n", result.summary, result.title, result.source.kind, result.source.text);
    let broken: Vec<_> = result.probes.iter().filter(|p| p.outcome == ProbeOutcome::Broken).collect();
    for (index, probe) in broken.iter().enumerate() {
        let found = probe.found.as_deref().unwrap_or("?");
        if index >= PROBES_WITH_EVIDENCE {
            let _ = writeln!(out, "\n✗ {}: {}", probe.id, found.replace('\n', " "));
            continue;
        }
        let _ = writeln!(out, "\n✗ {}: {}", probe.id, probe.what);
        let mut line = |label: &str, text: &str| {
            let mut lines = text.lines();
            let _ = writeln!(out, "  {label:<9} {}", lines.next().unwrap_or_default());
            for more in lines {
                let _ = writeln!(out, "  {:<9} {more}", "");
            }
        };
        if let Some(expected) = &probe.expected {
            line("expected:", expected);
        }
        line("found:", found);
        if let Some(exchange) = probe.exchange.and_then(|i| report.exchanges.get(i)) {
            line("request:", &request_text(exchange));
            line("answer:", &answer_text(exchange));
            if exchange.curl.chars().count() <= CURL_SHOWN {
                line("curl:", &exchange.curl);
            } else {
                line("curl:", "in the --json and --har reports (the body is long)");
            }
        }
    }
    out
}

fn attribute(text: &str) -> String {
    xml_escape(text, true)
}
