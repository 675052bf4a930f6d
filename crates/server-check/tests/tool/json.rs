//! `--json`: the published schema (`report.schema.json`, written by `cargo xtask schema` from the results
//! model) is fresh, and every run's report validates against it with every object closed, so that a field
//! the schema does not document fails (ajv, `tests/node/validate.mjs`).

use std::time::Duration;

use cognito_idp_server_check::render::json;

use crate::support;

#[test]
fn the_published_schema_is_the_one_the_model_gives() {
    let root = support::crate_dir().join("../..");
    let published = std::fs::read_to_string(root.join(json::SCHEMA_PATH)).expect("the schema is published");
    assert!(
        published == json::schema().expect("a schema"),
        "{} is out of date with the results model: run `cargo xtask schema` and commit the result",
        json::SCHEMA_PATH
    );
}

#[test]
fn every_json_report_validates_against_the_published_schema() {
    let Some(dir) = support::node_checks("the JSON report schema test") else { return };
    let schema = support::crate_dir().join("report.schema.json").display().to_string();
    for fixture in support::fixtures() {
        let args = vec!["json".to_owned(), fixture.path("report.json").display().to_string(), schema.clone()];
        support::node(&dir, "validate.mjs", &args, Duration::from_secs(120));
    }
}
