//! Every report of a model holding what a hostile or broken server could send (in an answer's body and
//! headers, and so in what the check found and says): markup that would end the HTML page's script block or
//! run script, Markdown that would mention, link or emphasize, the control characters XML cannot carry,
//! JavaScript's line separators. Each format stays valid for its reader and shows the text as text.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cognito_idp_server_check::render::{self, har, html, json, junit, markdown};
use cognito_idp_server_check::results::{Header, Outcome, ProbeOutcome, Report};

use crate::support::{self, run_bounded, strings};

/// What the server sent.
const HOSTILE: &str = "</script><script>alert(1)</script><img src=x onerror=alert(2)> <!-- @octocat #1 *em* _u_ | \
                       ``` ]]> &amp; \u{2028}\u{7}\u{0} end";
/// The part of it a person must see as it is.
const VISIBLE: &str = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";

/// A real run's report with [`HOSTILE`] wherever a server's words end up, and a note on a passing
/// expectation.
fn hostile_report() -> Report {
    let mut report = support::with_failures().report.clone();
    let failure = report.expectations.iter_mut().find(|e| e.outcome == Outcome::Failed).expect("a failure");
    failure.summary = format!("broken: {HOSTILE}");
    let probe = failure.probes.iter_mut().find(|p| p.outcome == ProbeOutcome::Broken).expect("a broken probe");
    probe.found = Some(format!("found {HOSTILE}"));
    probe.what = format!("what {HOSTILE}");
    let exchange = probe.exchange.expect("an exchange");
    let answer = report.exchanges[exchange].response.as_mut().expect("an answer");
    answer.body.text = format!("{{\"message\":{}}}", serde_json::to_string(HOSTILE).expect("json"));
    answer.headers.push(Header { name: "x-hostile".to_owned(), value: HOSTILE.to_owned() });
    let passed =
        report.expectations.iter_mut().find(|e| e.outcome == Outcome::Accepted || e.outcome == Outcome::Passed);
    if let Some(passed) = passed {
        passed.notes.push(format!("a note: {HOSTILE}"));
    }
    report.target.username = format!("user {HOSTILE}");
    report
}

/// Writes every report of `report` into a scratch folder.
fn write_all(report: &Report) -> PathBuf {
    let dir = support::scratch("hostile");
    let files: [(&str, String); 5] = [
        ("report.json", json::render(report).expect("json")),
        ("report.xml", junit::render(report)),
        ("report.har", har::render(report).expect("har")),
        ("report.md", markdown::render(report)),
        ("report.html", html::render(report).expect("html")),
    ];
    for (name, text) in files {
        render::write_file(&dir.join(name), text.as_bytes()).expect("writes");
    }
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn hostile_text_stays_text_in_every_report() {
    let report = hostile_report();
    let dir = write_all(&report);

    let page = std::fs::read_to_string(dir.join("report.html")).expect("reads");
    assert_eq!(page.matches("</script>").count(), 2, "only the page's own script blocks end");
    assert!(!page.contains("<img"), "no markup from the data");

    if support::available("the hostile JUnit test", "xmllint", &["--version"], "Debian's libxml2-utils") {
        let schema = support::crate_dir().join("tests/data/junit-10.xsd").display().to_string();
        let args = strings(&["--noout", "--schema", &schema, &path(&dir, "report.xml")]);
        let run = run_bounded(Path::new("xmllint"), &args, &[], Duration::from_secs(60));
        assert_eq!(run.code, Some(0), "{}", run.printed());
        let args = strings(&["--xpath", "string(//failure[1])", &path(&dir, "report.xml")]);
        let failure = run_bounded(Path::new("xmllint"), &args, &[], Duration::from_secs(30));
        assert!(failure.stdout.contains(VISIBLE), "the JUnit failure shows the text:\n{}", failure.stdout);
        assert!(failure.stdout.contains("\\u{7}\\u{0} end"), "XML's forbidden characters are shown escaped");
    }

    if super::markdown::have_cmark_gfm("the hostile Markdown test") {
        let text = std::fs::read_to_string(dir.join("report.md")).expect("reads");
        assert!(!text.contains('\u{0}') && !text.contains('\u{7}'), "no control character in the Markdown");
        let html = super::markdown::cmark_gfm(&dir.join("report.md"));
        for markup in ["<script", "<img", "<!--", "<em>", "<del>"] {
            assert!(!html.contains(markup), "{markup} came from the data:\n{html}");
        }
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"), "the text is shown:\n{html}");
    }

    if let Some(node) = support::node_checks("the hostile HAR and JSON test") {
        let har = strings(&["har", &path(&dir, "report.har"), &path(&dir, "report.json")]);
        support::node(&node, "validate.mjs", &har, Duration::from_secs(120));
        let schema = support::crate_dir().join("report.schema.json").display().to_string();
        let json = strings(&["json", &path(&dir, "report.json"), &schema]);
        support::node(&node, "validate.mjs", &json, Duration::from_secs(120));
    }

    let extra = strings(&["--hostile", VISIBLE]);
    super::html::open_in_chromium("the hostile HTML test", &dir.join("report.html"), &dir.join("report.json"), &extra);
}

#[test]
fn no_report_holds_the_client_secret() {
    let secret = cognito_idp_server_check::reference::defects::account(true).secret.expect("a secret");
    let secret = String::from_utf8(secret).expect("text");
    let with_secret = support::fixtures().iter().filter(|f| f.report.target.client_has_secret).count();
    assert!(with_secret >= 3, "the fixtures' app clients have a secret");
    for fixture in support::fixtures() {
        for (_, file) in support::REPORTS {
            let text = std::fs::read_to_string(fixture.path(file)).expect("reads the report");
            assert!(!text.contains(&secret), "{}/{file} holds the client secret", fixture.name);
        }
        assert!(!fixture.run.printed().contains(&secret), "{}: the terminal shows the client secret", fixture.name);
    }
}
