//! `--markdown PATH`: a summary for a CI job's step summary (`$GITHUB_STEP_SUMMARY`) and a pull request
//! comment: the verdict, the counts by family, and each failure with its id, its one-line reason, its source
//! and the exchange of its first broken probe (the request, the answer and the `curl` line, bodies cut to a
//! readable length) in a `<details>` block, with the other broken probes one line each.
//!
//! GitHub refuses a comment over 65,536 characters: the summary stays under [`MAX_BYTES`] by listing the
//! failures past that one line each, and says where the rest is (the JSON and HTML reports). Everything the
//! server sent or the check quotes is escaped: Markdown's punctuation in text (so no `@mention`, `#123` link
//! or emphasis comes from a server's answer), `|` in table cells, HTML's `<` and `&` inside `<summary>`, and
//! code fenced with more backticks than it holds.

use std::fmt::Write as _;

use super::escape::xml_escape;
use super::text::{answer_text, request_text};
use crate::results::{Counts, ExpectationResult, Outcome, ProbeOutcome, Report, RunOutcome};
use crate::text::cut;

/// The most the summary may weigh, in bytes (GitHub's limit on a comment is 65,536 characters).
pub const MAX_BYTES: usize = 60_000;
/// Broken probes listed under a failure, besides the one whose exchange is shown.
const PROBES_LISTED: usize = 5;
/// A `curl` line longer than this is left to the file reports.
const CURL_SHOWN: usize = 2000;
/// Notes listed.
const NOTES_LISTED: usize = 10;

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let (mark, word) = match report.verdict.outcome {
        RunOutcome::Conforms => ("✅", "conforms"),
        RunOutcome::DoesNotConform => ("❌", "does not conform"),
        RunOutcome::CouldNotCheck => ("⚠️", "could not check"),
    };
    let target = &report.target;
    let _ = writeln!(out, "## {mark} cognito-idp-conformance: {word}\n");
    let _ = writeln!(out, "**{}**\n", escape(&report.verdict.summary));
    let secret = if target.client_has_secret { "with a secret" } else { "without a secret" };
    let _ = writeln!(
        out,
        "{} · app client {} {secret} · unconfirmed user {} · {} · {:.2} s · exit code {}\n",
        code(&target.endpoint),
        code(&target.client_id),
        code(&target.username),
        escape(&report.tool),
        report.seconds,
        report.verdict.exit_code
    );
    if report.verdict.outcome == RunOutcome::CouldNotCheck {
        return out;
    }
    out.push_str("| family | failed | passed | accepted | not checked | not applicable | skipped |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for family in &report.families {
        let name = format!("{} {}", code(family.family.name()), cell(&family.title));
        row(&mut out, &name, &family.counts, false);
    }
    row(&mut out, "all", &report.counts, true);
    let d = &report.deliveries;
    let _ = writeln!(
        out,
        "\nDeliveries: {} of a budget of {} sent, {} code{} delivered.",
        d.sent,
        d.budget,
        d.made,
        if d.made == 1 { "" } else { "s" }
    );
    let failed: Vec<&ExpectationResult> = report.expectations.iter().filter(|e| e.outcome == Outcome::Failed).collect();
    let mut tail = String::new();
    tail_sections(&mut tail, report);
    if !failed.is_empty() {
        let _ = writeln!(out, "\n### Failures ({})", failed.len());
        let mut shown = 0;
        for result in &failed {
            let section = failure(report, result);
            if out.len() + section.len() + tail.len() + listing_weight(&failed[shown..]) > MAX_BYTES {
                break;
            }
            out.push_str(&section);
            shown += 1;
        }
        if shown < failed.len() {
            let _ = writeln!(
                out,
                "\n{} more failure{}, with their exchanges in the JSON and HTML reports:\n",
                failed.len() - shown,
                if failed.len() - shown == 1 { "" } else { "s" }
            );
            for (index, result) in failed[shown..].iter().enumerate() {
                let line = format!("- {}: {}\n", code(&result.id), escape(&result.summary));
                if out.len() + line.len() + tail.len() + 100 > MAX_BYTES {
                    let _ = writeln!(out, "- … and {} more", failed.len() - shown - index);
                    break;
                }
                out.push_str(&line);
            }
        }
    }
    out.push_str(&tail);
    out
}

/// The notes and stale baseline entries, short.
fn tail_sections(out: &mut String, report: &Report) {
    let notes: Vec<&String> = report.expectations.iter().flat_map(|e| &e.notes).collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n### Notes ({}, they do not fail the run)\n", notes.len());
        for note in notes.iter().take(NOTES_LISTED) {
            let _ = writeln!(out, "- {}", escape(&cut(note, 200)));
        }
        if notes.len() > NOTES_LISTED {
            let _ = writeln!(out, "- … and {} more in the JSON and HTML reports", notes.len() - NOTES_LISTED);
        }
    }
    if !report.stale_baseline.is_empty() {
        let _ = writeln!(
            out,
            "\n### Baseline entries that accepted nothing ({})\n\nThe server holds there now, or it was not checked: \
             remove them, or run with `--baseline-update`.\n",
            report.stale_baseline.len()
        );
        for entry in report.stale_baseline.iter().take(NOTES_LISTED) {
            let probe = entry.probe.as_deref().map(|p| format!(" ({})", code(p))).unwrap_or_default();
            let _ = writeln!(out, "- {}{probe}: {}", code(&entry.id), escape(&entry.why));
        }
        if report.stale_baseline.len() > NOTES_LISTED {
            let _ = writeln!(out, "- … and {} more", report.stale_baseline.len() - NOTES_LISTED);
        }
    }
}

/// What listing `failures` one line each would weigh, at most.
fn listing_weight(failures: &[&ExpectationResult]) -> usize {
    failures.iter().map(|r| r.id.len() + r.summary.len() * 2 + 12).sum::<usize>().min(MAX_BYTES / 4) + 200
}

fn row(out: &mut String, name: &str, c: &Counts, bold: bool) {
    let cells = [name.to_owned(), c.failed.to_string(), c.passed.to_string(), c.accepted.to_string()]
        .into_iter()
        .chain([c.not_checked, c.not_applicable, c.skipped].map(|n| n.to_string()))
        .map(|cell| if bold { format!("**{cell}**") } else { cell });
    let _ = writeln!(out, "| {} |", cells.collect::<Vec<_>>().join(" | "));
}

/// One failure: its heading, title and source, its first broken probe's exchange, the other broken probes.
fn failure(report: &Report, result: &ExpectationResult) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n#### {}: {}\n", code(&result.id), escape(&result.summary));
    let _ = writeln!(
        out,
        "Expects: {}  \nSource: {}: {}\n",
        escape(&result.title),
        escape(&result.source.kind),
        escape(&result.source.text)
    );
    let broken: Vec<_> = result.probes.iter().filter(|p| p.outcome == ProbeOutcome::Broken).collect();
    let Some(first) = broken.first() else { return out };
    let found = first.found.as_deref().unwrap_or("?");
    let _ = writeln!(
        out,
        "<details><summary><code>{}</code>: {}</summary>\n",
        xml_escape(&first.id, false),
        xml_escape(&cut(&found.replace('\n', " "), 200), false)
    );
    let _ = writeln!(out, "Probe: {}\n", escape(&first.what));
    if let Some(expected) = &first.expected {
        let _ = writeln!(out, "- expected: {}", code(&cut(expected, 400)));
    }
    let _ = writeln!(out, "- found: {}\n", code(&cut(found, 400)));
    if let Some(exchange) = first.exchange.and_then(|i| report.exchanges.get(i)) {
        let _ = writeln!(out, "Request:\n\n{}", fenced("http", &request_text(exchange)));
        let _ = writeln!(out, "Answer:\n\n{}", fenced("http", &answer_text(exchange)));
        if exchange.curl.chars().count() <= CURL_SHOWN {
            let _ = writeln!(out, "Send it again:\n\n{}", fenced("sh", &exchange.curl));
        } else {
            out.push_str("Send it again: the `curl` line is in the JSON and HAR reports (the body is long).\n\n");
        }
    }
    out.push_str("</details>\n");
    if broken.len() > 1 {
        out.push_str("\nAlso broken:\n\n");
        for probe in broken.iter().skip(1).take(PROBES_LISTED) {
            let found = probe.found.as_deref().unwrap_or("?").replace('\n', " ");
            let _ = writeln!(out, "- {}: {}", code(&probe.id), code(&cut(&found, 200)));
        }
        if broken.len() > 1 + PROBES_LISTED {
            let _ = writeln!(out, "- … and {} more in the JSON and HTML reports", broken.len() - 1 - PROBES_LISTED);
        }
    }
    out
}

/// Text with Markdown's punctuation escaped, on one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '+' | '!' | '|' | '~'
            | '&' | '@' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for a table cell: escaped, on one line.
fn cell(text: &str) -> String {
    escape(text)
}

/// An inline code span holding `text` on one line: fenced with one backtick more than the longest run it
/// holds, padded when it starts or ends with a backtick or a space.
pub fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                ' '
            } else if c.is_control() {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.starts_with(' ') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A fenced code block holding `text`, fenced with more backticks than it holds in a row.
pub fn fenced(language: &str, text: &str) -> String {
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    let text: String =
        text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect();
    format!("{fence}{language}\n{}\n{fence}\n", text.trim_end_matches('\n'))
}

fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_mention_link_or_emphasize() {
        assert_eq!(
            escape("@octocat #12 *bold* _it_ [x](y) <b>&amp;"),
            "\\@octocat \\#12 \\*bold\\* \\_it\\_ \\[x\\]\\(y\\) \\<b\\>\\&amp;"
        );
        assert_eq!(escape("one\ntwo | three"), "one two \\| three");
    }

    #[test]
    fn code_is_fenced_longer_than_what_it_holds() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a `b` c"), "``a `b` c``");
        assert_eq!(code("`edge"), "`` `edge ``");
        assert_eq!(fenced("sh", "echo ```"), "````sh\necho ```\n````\n");
        assert_eq!(fenced("", "x\n"), "```\nx\n```\n");
    }
}
