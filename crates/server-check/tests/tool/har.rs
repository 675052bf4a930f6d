//! `--har`: every run's file validates against HAR 1.2's JSON Schema (npm's har-schema, with ajv, pinned by
//! `tests/node/package-lock.json`) and the rules of the HAR 1.2 text the schema leaves out, and holds every
//! exchange of the JSON report in order, exchanges without an answer included (`tests/node/validate.mjs`).

use std::time::Duration;

use crate::support;

#[test]
fn every_har_report_is_valid_har_1_2_with_every_exchange() {
    let Some(dir) = support::node_checks("the HAR 1.2 test") else { return };
    for fixture in support::fixtures() {
        let args = [fixture.path("report.har"), fixture.path("report.json")].map(|p| p.display().to_string());
        let run = support::node(
            &dir,
            "validate.mjs",
            &[vec!["har".to_owned()], args.to_vec()].concat(),
            Duration::from_secs(120),
        );
        assert!(
            run.stdout.contains(&format!("valid har ({} entries)", fixture.report.exchanges.len())),
            "{}",
            run.stdout
        );
    }
    let dead = support::dead();
    let har: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dead.path("report.har")).expect("reads")).expect("JSON");
    let response = &har["log"]["entries"][0]["response"];
    assert_eq!(response["status"], 0, "an exchange without an answer is status 0");
    assert!(response["_error"].as_str().is_some_and(|e| e.contains("no connection")), "{response}");
}
