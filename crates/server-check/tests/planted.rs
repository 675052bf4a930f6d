//! The proof that the server check bites and stays quiet, against the reference implementation
//! (`reference/`, feature `reference`):
//!
//! - every correct variant (`reference::variants`), each written from AWS's documents or observed
//!   behaviour, passes with zero failures, with and without a client secret;
//! - every planted defect (`reference::defects`) breaks exactly the expectation ids `tests/planted.json`
//!   lists for it, in both app client shapes (reviewed by hand; `UPDATE_PLANTED=1 cargo test -p
//!   cognito-idp-server-check --test planted` writes the file again outside CI, for review in the diff);
//! - every defect derived from the contract tables (`skips-<id>`) breaks exactly the id it names;
//! - every expectation id the check knows is broken by at least one planted defect: no expectation that
//!   cannot fail.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use cognito_idp_server_check::reference::{self, Account, Behaviour, Framing, defects, variants};
use cognito_idp_server_check::results::{Outcome, Report, RunOutcome};
use cognito_idp_server_check::target::{Secret, Target};
use cognito_idp_server_check::{Config, Selection, plan, send};
use serde::{Deserialize, Serialize};

fn check(account: &Account, behaviour: Arc<dyn Behaviour>, framing: Framing, timeout: Duration) -> Report {
    let server = reference::serve(account.clone(), behaviour, framing).expect("the reference serves");
    let target = Target {
        confirmed_username: Some(account.confirmed_username.clone()),
        prevent_user_existence_errors: account.prevent_user_existence_errors,
        ..Target::new(server.uri(), &account.client_id, &account.username, account.secret.clone().map(Secret::new))
    };
    let config = Config {
        target,
        plan: plan::Settings::default(),
        send: send::Settings { response_timeout: timeout, ..send::Settings::default() },
        selection: Selection::default(),
        baseline: None,
    };
    cognito_idp_server_check::run(&config).expect("the check runs")
}

fn broken(report: &Report) -> Vec<String> {
    report.expectations.iter().filter(|e| e.outcome == Outcome::Failed).map(|e| e.id.clone()).collect()
}

/// What one defect does in one app client shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Expected {
    outcome: RunOutcome,
    broken: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Shapes {
    with_secret: Expected,
    without_secret: Expected,
}

fn found(report: &Report) -> Expected {
    Expected { outcome: report.verdict.outcome, broken: broken(report) }
}

/// Runs `jobs` on two threads, keeping their order.
fn in_parallel<T: Send, R: Send>(jobs: Vec<T>, run: impl Fn(&T) -> R + Sync) -> Vec<R> {
    type Half<T> = Vec<(usize, T)>;
    let (left, right): (Half<T>, Half<T>) = jobs.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let mut out: Vec<(usize, R)> = std::thread::scope(|scope| {
        let run = &run;
        let handles: Vec<_> = [left, right]
            .into_iter()
            .map(|half| scope.spawn(move || half.into_iter().map(|(i, job)| (i, run(&job))).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a worker")).collect()
    });
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

/// A bound well under the slow defect's delay, and well over the reference's answers elsewhere.
fn timeout_for(defect: &str) -> Duration {
    if defect == "slow-success" { defects::SLOW / 3 } else { Duration::from_secs(10) }
}

#[test]
fn every_correct_variant_passes_with_zero_failures() {
    let jobs: Vec<(variants::Variant, bool)> =
        variants::all().into_iter().flat_map(|v| [(v.clone(), true), (v, false)]).collect();
    let reports = in_parallel(jobs.clone(), |(variant, secret)| {
        let account = (variant.account)(defects::account(*secret));
        check(&account, variant.behaviour.clone(), variant.framing, Duration::from_secs(10))
    });
    let mut failures = Vec::new();
    for ((variant, secret), report) in jobs.iter().zip(&reports) {
        if report.verdict.outcome != RunOutcome::Conforms || report.counts.failed > 0 {
            failures.push(format!(
                "{} (secret: {secret}): {} {:?}",
                variant.name,
                report.verdict.summary,
                broken(report)
            ));
        }
        assert!(
            report.deliveries.sent <= 2 && report.deliveries.made <= 2,
            "{}: over the delivery budget",
            variant.name
        );
    }
    assert!(failures.is_empty(), "correct variants the check failed:\n{}", failures.join("\n"));
    let reference = &reports[0];
    assert_eq!(
        (reference.deliveries.sent, reference.deliveries.made),
        (2, 2),
        "the reference delivers each of the budget's two codes, and the report counts them"
    );
    let limited = reports
        .iter()
        .zip(&jobs)
        .find(|(_, (v, _))| v.name.contains("rate-limits"))
        .map(|(r, _)| r)
        .expect("the rate-limited variant");
    let delivery = limited.expectations.iter().find(|e| e.id == "delivery.unconfirmed-user").expect("delivery");
    assert!(
        delivery.probes.iter().any(|p| p.reason.as_deref().is_some_and(|r| r.contains("rate-limited this user"))),
        "a rate limit is reported as not judged: {delivery:?}"
    );
    let extra = reports
        .iter()
        .zip(&jobs)
        .find(|(_, (v, _))| v.name.contains("does not name"))
        .map(|(r, _)| r)
        .expect("the variant with new output members");
    assert!(extra.counts.notes > 0, "new output members are a note");
}

#[test]
fn every_planted_defect_breaks_exactly_its_listed_expectations() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/planted.json");
    let text = std::fs::read_to_string(&path).expect("tests/planted.json");
    let expected: BTreeMap<String, Shapes> = serde_json::from_str(&text).expect("planted.json parses");
    let defects = defects::all();
    let names: BTreeSet<&str> = defects.iter().map(|d| d.name.as_str()).collect();
    let listed: BTreeSet<&str> = expected.keys().map(String::as_str).collect();
    let jobs: Vec<(defects::Defect, bool)> =
        defects.iter().flat_map(|d| [(d.clone(), true), (d.clone(), false)]).collect();
    let reports = in_parallel(jobs.clone(), |(defect, secret)| {
        check(&defects::account(*secret), defect.behaviour.clone(), defects::FRAMING, timeout_for(&defect.name))
    });
    let mut actual: BTreeMap<String, Shapes> = BTreeMap::new();
    for pair in jobs.iter().zip(&reports).collect::<Vec<_>>().chunks(2) {
        let [((defect, _), with), (_, without)] = pair else { unreachable!("pairs") };
        actual.insert(defect.name.clone(), Shapes { with_secret: found(with), without_secret: found(without) });
    }
    if std::env::var_os("UPDATE_PLANTED").is_some() && std::env::var_os("CI").is_none() {
        let mut text = serde_json::to_string_pretty(&actual).expect("serializes");
        text.push('\n');
        std::fs::write(&path, text).expect("writes tests/planted.json");
        return;
    }
    assert_eq!(names, listed, "tests/planted.json lists exactly the planted defects");
    let mut differences = Vec::new();
    for (name, shapes) in &actual {
        if expected.get(name) != Some(shapes) {
            differences.push(format!("{name}:\n  listed {:?}\n  found  {shapes:?}", expected.get(name)));
        }
    }
    assert!(differences.is_empty(), "defects that broke other expectations than listed:\n{}", differences.join("\n"));
    for (name, shapes) in &actual {
        let caught = !shapes.with_secret.broken.is_empty() || !shapes.without_secret.broken.is_empty();
        assert!(caught, "{name} is caught in neither app client shape");
    }
}

/// The id a derived defect names: `skips-username.max-length` -> `validation.username.max-length`.
fn skipped_id(defect: &str) -> String {
    format!("validation.{}", defect.trim_start_matches("skips-"))
}

#[test]
fn every_forgotten_check_breaks_exactly_its_own_expectation() {
    let defects = defects::skipped_checks();
    assert!(defects.len() >= 20, "{} derived defects", defects.len());
    let jobs: Vec<(defects::Defect, bool)> =
        defects.iter().flat_map(|d| [(d.clone(), true), (d.clone(), false)]).collect();
    let reports = in_parallel(jobs.clone(), |(defect, secret)| {
        check(&defects::account(*secret), defect.behaviour.clone(), defects::FRAMING, Duration::from_secs(10))
    });
    let mut wrong = Vec::new();
    for ((defect, secret), report) in jobs.iter().zip(&reports) {
        let id = skipped_id(&defect.name);
        // Without a secret, the app client refuses every SecretHash (InvalidParameterException), so a skipped
        // check of its value cannot show.
        let hidden = !*secret && id.starts_with("validation.secret-hash.") && !id.ends_with(".type");
        let want: Vec<String> = if hidden { Vec::new() } else { vec![id] };
        if broken(report) != want {
            wrong.push(format!("{} (secret: {secret}): expected {want:?}, found {:?}", defect.name, broken(report)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_expectation_id_is_broken_by_some_planted_defect() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/planted.json");
    let expected: BTreeMap<String, Shapes> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("planted.json")).expect("parses");
    let mut caught: BTreeSet<String> =
        expected.values().flat_map(|s| s.with_secret.broken.iter().chain(&s.without_secret.broken).cloned()).collect();
    caught.extend(defects::skipped_checks().iter().map(|d| skipped_id(&d.name)));
    let uncaught: Vec<String> = cognito_idp_server_check::catalogue()
        .expect("the catalogue")
        .into_iter()
        .map(|e| e.id)
        .filter(|id| !caught.contains(id))
        .collect();
    assert!(uncaught.is_empty(), "expectations no planted defect breaks: {uncaught:?}");
}
