//! Microbenchmarks of the CLI's hot paths: SecretHash, request serialization, shorthand parsing, response
//! decoding, and JSON/text/table formatting. Run: `cargo bench -p cognito-idp-cli --bench cli`.
//! Whole-process timings (start-up included) are `cargo xtask bench`.

use std::hint::black_box;

use cognito_idp_cli::{input::shorthand, output::jsonfmt, output::response, output::table, output::text};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

const RESPONSE: &[u8] =
    br#"{"CodeDeliveryDetails":{"Destination":"j***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;

fn params() -> Value {
    json!({
        "ClientId": "1example23456789",
        "SecretHash": "oUkNFqfm7UjLds8vXFWarT1l3gqORGoztf+EyFmoX2Q=",
        "UserContextData": {"IpAddress": "192.0.2.1", "EncodedData": "ZW5jb2RlZA=="},
        "Username": "Zoë",
        "ClientMetadata": {"source": "signup-page", "campaign": "用户"}
    })
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli");
    group.throughput(Throughput::Elements(1));

    group.bench_function("secret_hash", |b| {
        b.iter(|| {
            cognito_idp_client::secret_hash(
                black_box(b"ps50nb7hd1umdnmlt1xa9nwiscqvdvzy5ijw63vcacd09yihc2b"),
                "username",
                "EPswPGbpdBLZnh9XW134hK7qYe",
            )
        })
    });

    let request = params();
    group.bench_function("request_serialization", |b| b.iter(|| jsonfmt::dumps_request(black_box(&request))));

    let input = "IpAddress=192.0.2.1,EncodedData='a,b=c',Nested={k=[v1, v2]}";
    group.bench_function("shorthand_parse", |b| {
        b.iter(|| shorthand::parse(black_box(input), &shorthand::NoParamfiles).map_err(|e| e.to_string()))
    });

    group.bench_function("response_decode", |b| {
        b.iter(|| response::parse_output(black_box(RESPONSE)).map_err(|e| e.to_string()))
    });

    let output = response::parse_output(RESPONSE).unwrap_or(Value::Null);
    group.bench_function("format_json", |b| b.iter(|| jsonfmt::format_json_output(black_box(&output))));
    group.bench_function("format_text", |b| b.iter(|| text::format(black_box(&output)).map_err(|e| e.stdout)));
    group.bench_function("format_table", |b| {
        b.iter(|| {
            table::format(black_box(&output), "ResendConfirmationCode", 80, false).map_err(|e| e.stderr_text(false))
        })
    });
    group.finish();
}

criterion_group!(cli, benches);
criterion_main!(cli);
