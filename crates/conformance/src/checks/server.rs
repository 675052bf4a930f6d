//! The server check in the suite: `cognito-idp-server-check` run as a library against the live peer
//! (cognitox, with its committed baseline), its results turned into the report's details, one per
//! expectation id. Against any other server, `cargo xtask conformance --endpoint-url ...` runs the
//! `cognito-idp-conformance` binary itself.

use cognito_idp_server_check::results::{Outcome, ProbeOutcome, Report};

use crate::report::Detail;

/// One detail per expectation, named by its id; with `strict_baseline`, a baseline entry that accepted
/// nothing fails (the implementation is pinned, so its baseline must stay exact).
pub fn details(report: &Report, strict_baseline: bool) -> Vec<Detail> {
    let mut out: Vec<Detail> = report
        .expectations
        .iter()
        .map(|result| {
            let mut note = result.summary.clone();
            if let Some(probe) = result.probes.iter().find(|p| p.outcome == ProbeOutcome::Broken) {
                note.push_str(&format!(
                    "\n  {}: expected {}, found {}",
                    probe.id,
                    probe.expected.as_deref().unwrap_or("?"),
                    probe.found.as_deref().unwrap_or("?")
                ));
            }
            match result.outcome {
                Outcome::Failed => Detail::fail(&result.id, note),
                Outcome::Passed | Outcome::Accepted => Detail::pass(&result.id, note),
                Outcome::NotChecked | Outcome::NotApplicable | Outcome::Skipped => {
                    Detail::not_applicable(&result.id, note)
                }
            }
        })
        .collect();
    for entry in &report.stale_baseline {
        let probe = entry.probe.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        let name = format!("baseline: {}{probe}", entry.id);
        let note = "the baseline lists it but it accepted nothing: the implementation holds there now, or it was not \
                    checked";
        out.push(if strict_baseline { Detail::fail(name, note) } else { Detail::pass(name, note) });
    }
    if report.verdict.exit_code == 2 {
        out.push(Detail::fail("server check", report.verdict.summary.clone()));
    }
    out
}
