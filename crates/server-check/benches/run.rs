//! A whole run of the server check against the reference implementation on 127.0.0.1, which answers at
//! once: planning, the preflight, every probe, judging and the results model (the target: well under 2 s);
//! and every report file rendered from a run's model (JSON, JUnit, HAR, Markdown, HTML), which must not
//! change that noticeably. Run: `cargo bench -p cognito-idp-server-check --bench run`.

use std::sync::Arc;
use std::time::Duration;

use cognito_idp_server_check::reference::{self, Cognito, Framing, defects};
use cognito_idp_server_check::results::RunOutcome;
use cognito_idp_server_check::target::{Secret, Target};
use cognito_idp_server_check::{Config, Selection};
use criterion::{Criterion, criterion_group, criterion_main};

fn whole_runs(c: &mut Criterion) {
    let mut group = c.benchmark_group("server-check");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for secret in [true, false] {
        let account = defects::account(secret);
        let server = reference::serve(account.clone(), Arc::new(Cognito), Framing::default())
            .unwrap_or_else(|e| panic!("the reference serves: {e}"));
        let config = Config {
            target: Target {
                confirmed_username: Some(account.confirmed_username.clone()),
                ..Target::new(
                    server.uri(),
                    &account.client_id,
                    &account.username,
                    account.secret.clone().map(Secret::new),
                )
            },
            plan: Default::default(),
            send: Default::default(),
            selection: Selection::default(),
            baseline: None,
        };
        let name = if secret { "run, client with a secret" } else { "run, client without a secret" };
        group.bench_function(name, |b| {
            b.iter(|| {
                let report = cognito_idp_server_check::run(&config).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(report.verdict.outcome, RunOutcome::Conforms);
                report.exchanges.len()
            });
        });
    }
    group.finish();
}

/// The five report files of one run's model, rendered in memory (writing them is the file system's work).
fn every_report(c: &mut Criterion) {
    use cognito_idp_server_check::render::{har, html, json, junit, markdown};
    let mut group = c.benchmark_group("server-check reports");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, behaviour) in [
        ("the reference", Arc::new(Cognito) as Arc<dyn reference::Behaviour>),
        (
            "errors-as-html",
            defects::all().into_iter().find(|d| d.name == "errors-as-html").expect("a defect").behaviour,
        ),
    ] {
        let account = defects::account(true);
        let server = reference::serve(account.clone(), behaviour, Framing::default())
            .unwrap_or_else(|e| panic!("the reference serves: {e}"));
        let config = Config {
            target: Target {
                confirmed_username: Some(account.confirmed_username.clone()),
                ..Target::new(server.uri(), &account.client_id, &account.username, account.secret.map(Secret::new))
            },
            plan: Default::default(),
            send: Default::default(),
            selection: Selection::default(),
            baseline: None,
        };
        let report = cognito_idp_server_check::run(&config).unwrap_or_else(|e| panic!("{e}"));
        group.bench_function(format!("every report of a run against {name}"), |b| {
            b.iter(|| {
                let sizes = [
                    json::render(&report).unwrap_or_else(|e| panic!("{e}")).len(),
                    junit::render(&report).len(),
                    har::render(&report).unwrap_or_else(|e| panic!("{e}")).len(),
                    markdown::render(&report).len(),
                    html::render(&report).unwrap_or_else(|e| panic!("{e}")).len(),
                ];
                sizes.iter().sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, whole_runs, every_report);
criterion_main!(benches);
