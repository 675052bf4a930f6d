//! The conformance report, shared by the harness (`cognito-idp-conformance`) and `cargo xtask conformance`:
//! a check's record, its report line with named details under it (`PASS wire-properties  256 cases  1.2s`),
//! the summary line that CI runners read, the JSON form the harness hands to xtask, and JUnit XML.
//!
//! Its own small crate so that xtask, which merges its own checks with the harness's, writes the same
//! lines and the same JUnit without depending on the harness and its heavy dependencies.

use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};

/// How a check or a detail ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every expectation held.
    Pass,
    /// At least one expectation broke.
    Fail,
    /// Not run, with the reason in the summary.
    Skip,
}

impl Status {
    /// The word at the start of a report line.
    pub fn word(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Skip => "SKIP",
        }
    }
}

/// A named part of a check: a protocol case, a server expectation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// Its name, such as the protocol case's id.
    pub name: String,
    /// `pass`, `fail`, or `skip` for one that does not apply.
    pub status: Status,
    /// What was checked or why it does not apply; for a failure, the failure.
    pub note: String,
}

impl Detail {
    /// A detail that held.
    pub fn pass(name: impl Into<String>, note: impl Into<String>) -> Self {
        Self { name: name.into(), status: Status::Pass, note: note.into() }
    }

    /// A detail that broke.
    pub fn fail(name: impl Into<String>, note: impl Into<String>) -> Self {
        Self { name: name.into(), status: Status::Fail, note: note.into() }
    }

    /// A detail that does not apply, and why.
    pub fn not_applicable(name: impl Into<String>, reason: impl Into<String>) -> Self {
        Self { name: name.into(), status: Status::Skip, note: reason.into() }
    }

    /// A detail from a list of failures: passed when there are none, else failed with one failure a line.
    pub fn from_failures<F: fmt::Display>(
        name: impl Into<String>,
        pass_note: impl Into<String>,
        failures: &[F],
    ) -> Self {
        if failures.is_empty() {
            Self::pass(name, pass_note)
        } else {
            Self::fail(name, failures.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        }
    }
}

/// A finished check, as reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// The check's name, such as `wire-properties`.
    pub name: String,
    /// How it ended.
    pub status: Status,
    /// Its counts, or why it was skipped.
    pub summary: String,
    /// How long it took.
    pub seconds: f64,
    /// The failures, as text; empty when it passed.
    pub message: String,
    /// Its named parts.
    #[serde(default)]
    pub details: Vec<Detail>,
    /// Whether the details are printed when it passes.
    #[serde(default)]
    pub show_details: bool,
}

impl CheckRecord {
    /// The report line and what goes under it.
    pub fn render(&self) -> String {
        let mut text = line(self.status, &self.name, &self.summary, self.seconds);
        let show = self.status == Status::Fail || self.show_details;
        for detail in self.details.iter().filter(|d| show && (self.show_details || d.status == Status::Fail)) {
            let word = match detail.status {
                Status::Pass => "pass",
                Status::Fail => "FAIL",
                Status::Skip => "n/a ",
            };
            let _ = write!(text, "\n    {word} {}", detail.name);
            let mut lines = detail.note.lines();
            if let Some(first) = lines.next().filter(|f| !f.is_empty()) {
                let _ = write!(text, ": {first}");
            }
            for more in lines {
                let _ = write!(text, "\n           {more}");
            }
        }
        // The failures of a check made of details are its failed details, printed above.
        let failed_details = self.details.iter().any(|d| d.status == Status::Fail);
        if self.status == Status::Fail && !failed_details && !self.message.is_empty() {
            for more in self.message.lines() {
                let _ = write!(text, "\n    {more}");
            }
        }
        text
    }
}

/// One report line: `PASS wire-properties        256 cases  1.2s`.
pub fn line(status: Status, name: &str, summary: &str, seconds: f64) -> String {
    let time = if status == Status::Skip { String::new() } else { format!("  {seconds:.1}s") };
    format!("{} {name:<24} {summary}{time}", status.word())
}

/// The closing line: `conformance: 9 passed, 0 failed, 1 skipped`, which CI runners read.
pub fn summary_line(records: &[CheckRecord]) -> String {
    let count = |s: Status| records.iter().filter(|r| r.status == s).count();
    format!(
        "conformance: {} passed, {} failed, {} skipped",
        count(Status::Pass),
        count(Status::Fail),
        count(Status::Skip)
    )
}

/// One `<testcase>` of the JUnit report.
struct Case<'a> {
    class: String,
    name: &'a str,
    status: Status,
    seconds: f64,
    /// The failure's one-line message, or the skip's reason.
    message: &'a str,
    /// The failure's whole text, or what a passing case prints.
    text: String,
}

/// The test cases of a record: one per named detail (each expectation of the server check, each protocol
/// case), else one for the check itself; a failure that no detail carries gets the check's own case.
fn cases(record: &CheckRecord) -> Vec<Case<'_>> {
    let whole = || Case {
        class: "conformance".to_owned(),
        name: &record.name,
        status: record.status,
        seconds: record.seconds,
        message: match record.status {
            Status::Fail => record.message.lines().next().unwrap_or("failed"),
            _ => &record.summary,
        },
        text: record.render(),
    };
    if record.details.is_empty() || record.status == Status::Skip {
        return vec![whole()];
    }
    let each = record.seconds / record.details.len() as f64;
    let mut cases: Vec<Case<'_>> = record
        .details
        .iter()
        .map(|detail| Case {
            class: format!("conformance.{}", record.name),
            name: &detail.name,
            status: detail.status,
            seconds: each,
            message: detail.note.lines().next().unwrap_or(""),
            text: detail.note.clone(),
        })
        .collect();
    if record.status == Status::Fail && !record.details.iter().any(|d| d.status == Status::Fail) {
        cases.push(whole());
    }
    cases
}

/// The records as JUnit XML: one test case per expectation (a check's named details, or the check
/// itself), failures with the expected and found values, skips with their reason.
pub fn junit(records: &[CheckRecord]) -> String {
    let cases: Vec<Case<'_>> = records.iter().flat_map(cases).collect();
    let count = |s: Status| cases.iter().filter(|c| c.status == s).count();
    let total: f64 = records.iter().map(|r| r.seconds).sum();
    let (tests, failures, skipped) = (cases.len(), count(Status::Fail), count(Status::Skip));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"cognito-idp-conformance\" tests=\"{tests}\" failures=\"{failures}\" skipped=\"{skipped}\" time=\"{total:.3}\">"
    );
    let _ = writeln!(
        xml,
        "  <testsuite name=\"conformance\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{total:.3}\">"
    );
    for case in &cases {
        let _ = write!(
            xml,
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\">",
            escape(&case.class),
            escape(case.name),
            case.seconds
        );
        match case.status {
            Status::Pass => {
                if !case.text.is_empty() {
                    let _ = write!(xml, "\n      <system-out>{}</system-out>\n    ", escape(&case.text));
                }
            }
            Status::Fail => {
                let _ = write!(
                    xml,
                    "\n      <failure message=\"{}\" type=\"conformance\">{}</failure>\n    ",
                    escape(case.message),
                    escape(&case.text)
                );
            }
            Status::Skip => {
                let _ = write!(xml, "\n      <skipped message=\"{}\"/>\n    ", escape(case.message));
            }
        }
        xml.push_str("</testcase>\n");
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

/// Text for XML attributes and content; characters XML 1.0 cannot carry become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The JSON form of a run, for `cargo xtask conformance`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Results {
    /// Every check in the order run.
    pub checks: Vec<CheckRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(status: Status, name: &str) -> CheckRecord {
        CheckRecord {
            name: name.to_owned(),
            status,
            summary: "2 cases".to_owned(),
            seconds: 1.25,
            message: if status == Status::Fail {
                "header x\n  expected: a\n  found:    b".to_owned()
            } else {
                String::new()
            },
            details: Vec::new(),
            show_details: false,
        }
    }

    #[test]
    fn a_line_has_status_name_counts_and_time() {
        assert_eq!(
            line(Status::Pass, "wire-properties", "256 cases", 1.234),
            "PASS wire-properties          256 cases  1.2s"
        );
        assert_eq!(
            line(Status::Skip, "server", "no --endpoint-url", 0.0),
            "SKIP server                   no --endpoint-url"
        );
    }

    #[test]
    fn a_failed_check_shows_its_message_under_the_line() {
        let text = record(Status::Fail, "wire-properties").render();
        assert_eq!(
            text,
            "FAIL wire-properties          2 cases  1.2s\n    header x\n      expected: a\n      found:    b"
        );
    }

    #[test]
    fn details_are_listed_with_their_outcome() {
        let mut r = record(Status::Pass, "protocol-cases");
        r.show_details = true;
        r.details = vec![Detail::pass("a", "ok"), Detail::not_applicable("b", "no lists")];
        assert_eq!(r.render(), "PASS protocol-cases           2 cases  1.2s\n    pass a: ok\n    n/a  b: no lists");
    }

    #[test]
    fn the_summary_counts_each_status() {
        let records = [record(Status::Pass, "a"), record(Status::Fail, "b"), record(Status::Skip, "c")];
        assert_eq!(summary_line(&records), "conformance: 1 passed, 1 failed, 1 skipped");
    }

    #[test]
    fn junit_has_one_testcase_per_check_with_escaped_failures() {
        let mut failed = record(Status::Fail, "b<&>");
        failed.message = "found \"\u{0}\"".to_owned();
        let xml = junit(&[record(Status::Pass, "a"), failed, record(Status::Skip, "c")]);
        assert_eq!(xml.matches("<testcase ").count(), 3);
        assert!(xml.contains("tests=\"3\" failures=\"1\" skipped=\"1\""), "{xml}");
        assert!(xml.contains("name=\"b&lt;&amp;&gt;\""), "{xml}");
        assert!(xml.contains("<failure message=\"found &quot;\u{fffd}&quot;\""), "{xml}");
        assert!(xml.contains("<skipped message=\"2 cases\"/>"), "{xml}");
    }

    #[test]
    fn junit_has_one_testcase_per_expectation_of_a_check_with_details() {
        let mut server = record(Status::Fail, "server");
        server.details = vec![
            Detail::pass("responses: x", "54 answers"),
            Detail::fail("lookups: y", "expected A, found B\n  more"),
            Detail::not_applicable("lookups: z", "no --confirmed-username"),
        ];
        let xml = junit(&[record(Status::Pass, "wire-properties"), server]);
        assert_eq!(xml.matches("<testcase ").count(), 4, "{xml}");
        assert!(xml.contains("tests=\"4\" failures=\"1\" skipped=\"1\""), "{xml}");
        assert!(xml.contains("classname=\"conformance.server\" name=\"lookups: y\""), "{xml}");
        assert!(
            xml.contains(
                "<failure message=\"expected A, found B\" type=\"conformance\">expected A, found B\n  more</failure>"
            ),
            "{xml}"
        );
        assert!(xml.contains("<skipped message=\"no --confirmed-username\"/>"), "{xml}");
    }

    #[test]
    fn a_failure_no_detail_carries_keeps_the_checks_own_testcase() {
        let mut check = record(Status::Fail, "live-peer");
        check.details = vec![Detail::pass("a", "ok")];
        let xml = junit(&[check]);
        assert_eq!(xml.matches("<testcase ").count(), 2, "{xml}");
        assert!(xml.contains("classname=\"conformance\" name=\"live-peer\""), "{xml}");
    }
}
