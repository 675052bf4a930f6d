//! `--junit`: every run's file validates against the JUnit XML schema CI servers read (Jenkins' xunit
//! `junit-10.xsd`, vendored in `tests/data/` with its source and license) with xmllint, and xmllint's XPath
//! finds one test case per expectation id, the failures with their evidence, the skips with their reasons.

use std::path::Path;
use std::time::Duration;

use cognito_idp_server_check::results::Outcome;

use crate::support::{self, Fixture, run_bounded, strings};

fn xmllint(test: &str) -> bool {
    support::available(test, "xmllint", &["--version"], "Debian's libxml2-utils")
}

fn xpath(file: &Path, expression: &str) -> String {
    let run = run_bounded(
        Path::new("xmllint"),
        &strings(&["--xpath", expression, &file.display().to_string()]),
        &[],
        Duration::from_secs(30),
    );
    assert_eq!(run.code, Some(0), "xmllint --xpath {expression}: {}", run.printed());
    run.stdout.trim().to_owned()
}

fn count(fixture: &Fixture, expression: &str) -> usize {
    xpath(&fixture.path("report.xml"), &format!("count({expression})")).parse().expect("a count")
}

#[test]
fn every_junit_report_validates_against_the_schema_ci_servers_read() {
    if !xmllint("the JUnit schema test") {
        return;
    }
    let schema = support::crate_dir().join("tests/data/junit-10.xsd");
    for fixture in support::fixtures() {
        let file = fixture.path("report.xml");
        let args = strings(&["--noout", "--schema", &schema.display().to_string(), &file.display().to_string()]);
        let run = run_bounded(Path::new("xmllint"), &args, &[], Duration::from_secs(60));
        assert_eq!(run.code, Some(0), "{}: {}", fixture.name, run.printed());
    }
}

/// The `name` attributes of the elements `expression` selects, in document order (xmllint prints each as
/// ` name="..."`; the ids and family names need no unescaping).
fn names(fixture: &Fixture, expression: &str) -> Vec<String> {
    if count(fixture, expression) == 0 {
        return Vec::new();
    }
    let printed = xpath(&fixture.path("report.xml"), &format!("{expression}/@name"));
    printed.split_whitespace().filter_map(|n| n.strip_prefix("name=\"")?.strip_suffix('"')).map(str::to_owned).collect()
}

fn ids(fixture: &Fixture, wanted: impl Fn(Outcome) -> bool) -> Vec<String> {
    fixture.report.expectations.iter().filter(|e| wanted(e.outcome)).map(|e| e.id.clone()).collect()
}

#[test]
fn one_test_case_per_expectation_id_with_the_family_as_its_class() {
    if !xmllint("the JUnit test cases test") {
        return;
    }
    for fixture in support::fixtures() {
        let report = &fixture.report;
        let error = report.verdict.exit_code == 2;
        let mut cases = ids(fixture, |_| true);
        if error {
            cases.insert(0, "run.preflight".to_owned());
        }
        assert_eq!(names(fixture, "//testcase"), cases, "{}: one test case per id, in report order", fixture.name);
        let families: Vec<String> = report.expectations.iter().map(|e| e.family.name().to_owned()).collect();
        let classes = xpath(&fixture.path("report.xml"), "//testcase/@classname");
        let classes: Vec<&str> =
            classes.split_whitespace().filter_map(|c| c.strip_prefix("classname=\"")?.strip_suffix('"')).collect();
        assert_eq!(&classes[usize::from(error)..], families, "{}: the class is the family", fixture.name);
        assert_eq!(names(fixture, "//testcase[failure]"), ids(fixture, |o| o == Outcome::Failed), "{}", fixture.name);
        let unjudged = |o| matches!(o, Outcome::NotChecked | Outcome::NotApplicable | Outcome::Skipped);
        assert_eq!(names(fixture, "//testcase[skipped]"), ids(fixture, unjudged), "{}", fixture.name);
        let in_error: Vec<String> = if error { vec!["run.preflight".to_owned()] } else { Vec::new() };
        assert_eq!(names(fixture, "//testcase[error]"), in_error, "{}: a run that could not check", fixture.name);
        let suites = count(fixture, "/testsuites/testsuite");
        assert_eq!(suites, report.families.len() + usize::from(error), "{}: one suite per family", fixture.name);
    }
}

#[test]
fn a_failure_carries_its_evidence_and_a_skip_its_reason() {
    if !xmllint("the JUnit evidence test") {
        return;
    }
    let fixture = support::with_failures();
    let failed = fixture.report.expectations.iter().find(|e| e.outcome == Outcome::Failed).expect("a failure");
    let text = xpath(&fixture.path("report.xml"), &format!("string(//testcase[@name='{}']/failure)", failed.id));
    for part in
        ["expected:", "found:", "request:  POST http://127.0.0.1:", "answer:   HTTP 400", "curl:     curl -sS -i"]
    {
        assert!(text.contains(part), "{}: the failure shows {part:?}:\n{text}", failed.id);
    }
    assert!(text.contains(&format!("source: {}", failed.source.kind)), "{text}");
    assert!(text.contains("<html><body>"), "the HTML body the server sent is there as text:\n{text}");

    let accepted = support::accepted_and_skipped();
    let out = xpath(&accepted.path("report.xml"), "string(//testcase[@name='auth.wrong-secret-hash']/system-out)");
    assert!(out.contains("accepted by the baseline") && out.contains("a prefix of the right hash passes"), "{out}");
    let skipped = xpath(&accepted.path("report.xml"), "string(//testcase[@name='protocol.get']/skipped/@message)");
    assert!(skipped.contains("skipped"), "{skipped}");

    let stalled = support::stalled();
    let message = xpath(&stalled.path("report.xml"), "string((//skipped[@type='not-checked'])[1])");
    assert!(message.contains("the server stalled"), "a probe never sent says why: {message}");

    let dead = support::dead();
    let error = xpath(&dead.path("report.xml"), "string(//testcase[@name='run.preflight']/error/@message)");
    assert!(error.contains("nothing answers at"), "{error}");
}
