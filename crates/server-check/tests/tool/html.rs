//! `--html`: the page opened in Debian's headless Chromium through playwright-core (`tests/node/html.mjs`):
//! the failures listed by id, one opened to its exchange and `curl` line, the filters applied, and no network
//! request, console error or uncaught error; for a run with failures, runs that stalled or could not check,
//! and a page of thousands of exchanges.

use std::path::Path;
use std::time::Duration;

use cognito_idp_server_check::render::{self, html};
use cognito_idp_server_check::results::{ExchangeRecord, Outcome, ProbeOutcome, ProbeResult, Report};

use crate::support::{self, Fixture};

/// The bound on one page's test (Chromium's start included).
const BOUND: Duration = Duration::from_secs(180);

/// Checks the page `page` of `report` (a `--json` file) in Chromium, with `extra` arguments.
pub fn open_in_chromium(test: &str, page: &Path, report: &Path, extra: &[String]) -> Option<String> {
    let dir = support::node_checks(test)?;
    if !Path::new(&chromium()).is_file() {
        support::skip_or_fail(test, &format!("no Chromium at {} (Debian's chromium)", chromium()));
        return None;
    }
    let mut args = vec![page.display().to_string(), report.display().to_string()];
    args.extend(extra.iter().cloned());
    let run = support::node(&dir, "html.mjs", &args, BOUND);
    eprintln!("{}", run.stdout.trim());
    Some(run.stdout)
}

/// The browser the tests drive: `$CHROMIUM`, else Debian's.
fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

fn check(test: &str, fixture: &Fixture) {
    open_in_chromium(test, &fixture.path("report.html"), &fixture.path("report.json"), &[]);
}

#[test]
fn the_page_of_a_run_with_failures_lists_opens_and_filters_them_offline() {
    check("the HTML page test (failures)", support::with_failures());
}

#[test]
fn the_pages_of_runs_that_stalled_or_could_not_check_work_too() {
    check("the HTML page test (stalled)", support::stalled());
    check("the HTML page test (could not check)", support::dead());
    check("the HTML page test (accepted)", support::accepted_and_skipped());
}

/// The report of a run with failures, with `count` more exchanges (copies of its smallest), each the
/// broken probe of its first failure.
fn with_many_exchanges(report: &Report, count: usize) -> Report {
    let mut big = report.clone();
    let smallest = big
        .exchanges
        .iter()
        .min_by_key(|e| e.curl.len() + e.response.as_ref().map_or(0, |r| r.body.text.len()))
        .expect("an exchange")
        .clone();
    let failure = big.expectations.iter_mut().find(|e| e.outcome == Outcome::Failed).expect("a failure");
    for n in 0..count {
        let id = format!("{}/copy-{n}", smallest.probe);
        big.exchanges.push(ExchangeRecord { probe: id.clone(), ..smallest.clone() });
        failure.probes.push(ProbeResult {
            id,
            what: format!("copy {n} of {}", smallest.probe),
            outcome: ProbeOutcome::Broken,
            expected: Some("the page to open at once".to_owned()),
            found: Some(format!("copy {n}")),
            reason: None,
            exchange: Some(big.exchanges.len() - 1),
        });
    }
    big
}

#[test]
fn a_page_of_thousands_of_exchanges_opens_and_filters() {
    let fixture = support::with_failures();
    let big = with_many_exchanges(&fixture.report, 5000);
    let dir = support::scratch("html-thousands");
    let (page, json) = (dir.join("report.html"), dir.join("report.json"));
    render::write_file(&page, html::render(&big).expect("renders").as_bytes()).expect("writes");
    render::write_file(&json, render::json::render(&big).expect("renders").as_bytes()).expect("writes");
    let Some(printed) = open_in_chromium("the HTML page test (thousands)", &page, &json, &[]) else { return };
    assert!(printed.contains(&format!("({} exchanges", big.exchanges.len())), "{printed}");
}
