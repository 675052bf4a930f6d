//! A whole run of the server check against the reference implementation on 127.0.0.1, which answers at
//! once: planning, the preflight, every probe, judging and the results model (the target: well under 2 s).
//! Run: `cargo bench -p cognito-idp-server-check --bench run`.

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

criterion_group!(benches, whole_runs);
criterion_main!(benches);
