//! The conformance suite's test harness (`harness = false`): every check in order, one line each, a
//! summary and an exit code (see `cognito_idp_conformance::runner`). Run it with
//! `cargo test -p cognito-idp-conformance` or through `cargo xtask conformance`.
//!
//! The live peer is here rather than in the library because its emulator, `cognitox` 0.1.2, is a
//! dev-dependency: it is served in-process on `127.0.0.1:0` (`support/cognitox_peer.rs`), then called
//! through the generated client, through the CLI binary (`cognito_idp_conformance::checks::cli::live_peer_cli`)
//! and by the server check (`cognito-idp-server-check`), whose known deviations of cognitox are the
//! committed baseline `baselines/cognitox-0.1.2.json`.

use std::process::ExitCode;

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{Error, secret_hash};
use cognito_idp_conformance::checks::cli::{PeerAccount, live_peer_cli};
use cognito_idp_conformance::report::{Detail, Outcome, Progress, Status};
use cognito_idp_conformance::wire::WireHarness;
use cognito_idp_server_check::baseline::Baseline;
use cognito_idp_server_check::target::{Secret, Target};
use cognito_idp_server_check::{Config, Selection};
use serde_json::{Value, json};

#[path = "support/cognitox_peer.rs"]
mod cognitox_peer;

use cognitox_peer::Peer;

fn main() -> ExitCode {
    cognito_idp_conformance::run_suite(std::env::args().skip(1), live_peer)
}

/// The live peer: cognitox in-process, a pool, an app client with a secret, a signed-up user.
fn live_peer(harness: &WireHarness, progress: &Progress) -> Outcome {
    let runtime = harness.runtime();
    let peer = match runtime.block_on(Peer::start(0)) {
        Ok(peer) => peer,
        Err(e) => return Outcome::from_details("setup failed", vec![Detail::fail("cognitox setup", e)]),
    };
    let client = match WireHarness::client_for(&peer.endpoint) {
        Ok(client) => client,
        Err(e) => return Outcome::from_details("setup failed", vec![Detail::fail("client", e)]),
    };
    let mut details = Vec::new();
    let call = |client_id: &str, username: &str, hash: Option<String>| -> Result<Value, Error> {
        let input = request(client_id, username, hash).map_err(Error::InvalidRequest)?;
        let response = runtime.block_on(client.resend_confirmation_code(input))?;
        serde_json::to_value(&response.output).map_err(|e| Error::InvalidRequest(e.to_string()))
    };
    let right = secret_hash(peer.secret.as_bytes(), &peer.username, &peer.client_id);
    details.push(match call(&peer.client_id, &peer.username, Some(right)) {
        Ok(output) if output.get("CodeDeliveryDetails").is_some_and(Value::is_object) => {
            Detail::pass("the right SecretHash gives CodeDeliveryDetails", output.to_string())
        }
        other => Detail::fail("the right SecretHash gives CodeDeliveryDetails", format!("found {other:?}")),
    });
    let wrong = secret_hash(b"not the secret", &peer.username, &peer.client_id);
    details.push(expect_code(
        "a wrong SecretHash gives NotAuthorizedException",
        "NotAuthorizedException",
        call(&peer.client_id, &peer.username, Some(wrong)),
    ));
    details.push(expect_code(
        "a missing SecretHash gives NotAuthorizedException",
        "NotAuthorizedException",
        call(&peer.client_id, &peer.username, None),
    ));
    let stranger = "nobody-signed-up";
    let hash = secret_hash(peer.secret.as_bytes(), stranger, &peer.client_id);
    details.push(expect_code(
        "an unknown user gives UserNotFoundException",
        "UserNotFoundException",
        call(&peer.client_id, stranger, Some(hash)),
    ));
    let unknown_client = "0unknown0client0id0000000a";
    let hash = secret_hash(peer.secret.as_bytes(), &peer.username, unknown_client);
    details.push(expect_code(
        "an unknown client gives ResourceNotFoundException",
        "ResourceNotFoundException",
        call(unknown_client, &peer.username, Some(hash)),
    ));

    // The same expectations through the CLI binary.
    let account = PeerAccount {
        endpoint: peer.endpoint.clone(),
        client_id: peer.client_id.clone(),
        secret: peer.secret.clone(),
        username: peer.username.clone(),
    };
    details.extend(live_peer_cli(runtime, &account));

    // The server check (cognito-idp-conformance) against the same peer, with its committed baseline: an
    // entry that accepts nothing fails here, since the emulator's version is pinned.
    let path = cognito_idp_conformance::workspace_root().join("crates/conformance").join(cognitox_peer::BASELINE);
    let baseline = match Baseline::read(&path) {
        Ok(baseline) => baseline,
        Err(e) => return Outcome::from_details("no baseline", vec![Detail::fail("cognitox baseline", e)]),
    };
    let config = Config {
        target: Target {
            confirmed_username: Some(peer.confirmed_username.clone()),
            ..Target::new(&peer.endpoint, &peer.client_id, &peer.username, Some(Secret::new(peer.secret.clone())))
        },
        plan: Default::default(),
        send: Default::default(),
        selection: Selection::default(),
        baseline: Some(baseline),
    };
    progress.tick(0, 1);
    // cognitox runs on the harness's runtime, which only turns while something blocks on it: the check
    // runs on the blocking pool meanwhile.
    let checked = runtime
        .block_on(async { tokio::task::spawn_blocking(move || cognito_idp_server_check::run(&config)).await })
        .unwrap_or_else(|e| Err(format!("the server check stopped: {e}")));
    match checked {
        Ok(report) => {
            for detail in cognito_idp_conformance::checks::server::details(&report, true) {
                details.push(Detail { name: format!("server check: {}", detail.name), ..detail });
            }
        }
        Err(e) => details.push(Detail::fail("server check", e)),
    }
    drop(peer);
    let broken = details.iter().filter(|d| d.status == Status::Fail).count();
    Outcome::from_details(format!("cognitox 0.1.2, {} expectations, {broken} broken", details.len()), details)
}

fn expect_code(name: &str, code: &str, result: Result<Value, Error>) -> Detail {
    match result {
        Err(Error::Service(error)) if error.code() == code => {
            Detail::pass(name, format!("HTTP {} {}", error.status, error.code()))
        }
        other => Detail::fail(name, format!("expected {code}, found {other:?}")),
    }
}

fn request(client_id: &str, username: &str, hash: Option<String>) -> Result<ResendConfirmationCodeRequest, String> {
    let mut input = json!({"ClientId": client_id, "Username": username});
    if let (Some(hash), Some(object)) = (hash, input.as_object_mut()) {
        object.insert("SecretHash".to_owned(), Value::String(hash));
    }
    serde_json::from_value(input).map_err(|e| e.to_string())
}
