//! Validated round trips per second through wiremock: a generated valid input is validated into the
//! generated request type, sent by `CognitoIdp::resend_confirmation_code` to the harness's mock server,
//! answered with a generated valid output, decoded, and (in `property-case`) checked the way the
//! `wire-properties` check does. Run: `cargo bench -p cognito-idp-conformance --bench roundtrip`.

use cognito_idp_client::contract::{INPUT, OUTPUT};
use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_conformance::checks::properties::wire_case;
use cognito_idp_conformance::strategies;
use cognito_idp_conformance::wire::{WireHarness, ok_json};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::Deserialize as _;
use serde_json::Value;

/// The same inputs every run: proptest's deterministic runner over the contract's strategies.
fn cases(n: usize) -> Vec<(Value, Value)> {
    let strategy = (
        strategies::valid(INPUT).unwrap_or_else(|e| panic!("input strategy: {e}")),
        strategies::valid(OUTPUT).unwrap_or_else(|e| panic!("output strategy: {e}")),
    );
    let mut runner = TestRunner::deterministic();
    (0..n).map(|_| strategy.new_tree(&mut runner).unwrap_or_else(|e| panic!("{e}")).current()).collect()
}

fn round_trips(c: &mut Criterion) {
    let harness = WireHarness::new().unwrap_or_else(|e| panic!("{e}"));
    let expect = harness.expectation();
    let inputs = cases(256);
    let minimal: Value = serde_json::json!({"ClientId": "12a3b456c7de890f11g123hijk", "Username": "jane"});
    let mut group = c.benchmark_group("roundtrip");
    group.throughput(Throughput::Elements(1));

    group.bench_function("minimal", |b| {
        b.iter(|| {
            let input: ResendConfirmationCodeRequest =
                serde_json::from_value(minimal.clone()).unwrap_or_else(|e| panic!("{e}"));
            let exchange = harness.exchange(input, ok_json("{}"));
            assert!(exchange.result.is_ok() && exchange.request.is_some());
        })
    });

    let mut next = inputs.iter().cycle();
    group.bench_function("generated", |b| {
        b.iter(|| {
            let (input, output) = next.next().unwrap_or_else(|| unreachable!());
            let typed = ResendConfirmationCodeRequest::deserialize(input).unwrap_or_else(|e| panic!("{e}"));
            let exchange = harness.exchange(typed, ok_json(&output.to_string()));
            assert!(exchange.result.is_ok() && exchange.request.is_some());
        })
    });

    let mut next = inputs.iter().cycle();
    group.bench_function("property-case", |b| {
        b.iter(|| {
            let (input, output) = next.next().unwrap_or_else(|| unreachable!());
            let failures = wire_case(&harness, &expect, input, output);
            assert!(failures.is_empty(), "{failures:?}");
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = round_trips
}
criterion_main!(benches);
