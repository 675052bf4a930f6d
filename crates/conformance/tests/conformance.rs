//! The conformance suite's test harness (`harness = false`): every check in order, one line each, a
//! summary and an exit code (see `cognito_idp_conformance::runner`). Run it with
//! `cargo test -p cognito-idp-conformance` or through `cargo xtask conformance`.
//!
//! The live peer is here rather than in the library because its emulator, `cognitox` 0.1.2, is a
//! dev-dependency: it is served in-process on `127.0.0.1:0` through its axum router (never its binary,
//! which listens on every interface), set up with raw JSON requests (CreateUserPool,
//! CreateUserPoolClient with a secret, SignUp), then called through the generated client and through the
//! CLI binary (`cognito_idp_conformance::checks::cli::live_peer_cli`).

use std::process::ExitCode;

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{Error, secret_hash};
use cognito_idp_conformance::checks::cli::{PeerAccount, live_peer_cli};
use cognito_idp_conformance::checks::server::{ServerTarget, check_server};
use cognito_idp_conformance::report::{Detail, Outcome, Status};
use cognito_idp_conformance::wire::WireHarness;
use serde_json::{Value, json};

fn main() -> ExitCode {
    cognito_idp_conformance::run_suite(std::env::args().skip(1), live_peer)
}

/// Expectations of the generic server checks that cognitox 0.1.2 is known to break: each server check
/// whose name contains the first text, and what the emulator does instead (read in its
/// `src/action/user/resend_confirmation_code.rs`). They are asserted to break still, so that a change of
/// the emulator is noticed.
const COGNITOX_DEVIATIONS: &[(&str, &str)] = &[
    ("$.UserContextData", "it reads UserContextData as any JSON value and never checks it: HTTP 200"),
    ("$.AnalyticsMetadata", "it reads AnalyticsMetadata as any JSON value and never checks it: HTTP 200"),
    (
        "(StringType): longer than 131072 characters",
        "it sets no length limit on ClientMetadata's keys and values: HTTP 200",
    ),
];

/// The live peer: cognitox in-process, a pool, an app client with a secret, a signed-up user.
fn live_peer(harness: &WireHarness) -> Outcome {
    let runtime = harness.runtime();
    let peer = match runtime.block_on(Peer::start()) {
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

    // The generic server checks (those of --endpoint-url) against the same peer.
    let target = ServerTarget {
        endpoint: peer.endpoint.clone(),
        client_id: peer.client_id.clone(),
        username: peer.username.clone(),
        secret: Some(peer.secret.clone().into_bytes()),
    };
    for detail in check_server(runtime, &target) {
        let deviation = COGNITOX_DEVIATIONS.iter().find(|(part, _)| detail.name.contains(part));
        details.push(match (detail.status, deviation) {
            (Status::Fail, Some((_, what))) => Detail::pass(
                format!("server check: {}", detail.name),
                format!("a known deviation of cognitox 0.1.2: {what}"),
            ),
            (Status::Pass | Status::Skip, Some(_)) => Detail::fail(
                format!("server check: {}", detail.name),
                "listed as a deviation of cognitox 0.1.2 but it holds now: remove it from COGNITOX_DEVIATIONS",
            ),
            (status, None) => Detail { name: format!("server check: {}", detail.name), status, note: detail.note },
        });
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

/// cognitox served on the harness's runtime, with its setup done.
struct Peer {
    endpoint: String,
    client_id: String,
    username: String,
    secret: String,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Peer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Peer {
    async fn start() -> Result<Self, String> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| format!("bind: {e}"))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let router = cognitox::api::create_router(cognitox::storage::Storage::new());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        let endpoint = format!("http://{address}");
        cognito_idp_client::client::install_crypto_provider();
        let http = reqwest::Client::builder().build().map_err(|e| format!("an HTTP client: {e}"))?;
        let call = |operation: &'static str, body: Value| {
            let (http, endpoint) = (http.clone(), endpoint.clone());
            async move {
                let response = http
                    .post(format!("{endpoint}/"))
                    .header("x-amz-target", format!("AWSCognitoIdentityProviderService.{operation}"))
                    .header("content-type", "application/x-amz-json-1.1")
                    .body(body.to_string())
                    .send()
                    .await
                    .map_err(|e| format!("{operation}: {e}"))?;
                let status = response.status();
                let text = response.text().await.map_err(|e| format!("{operation}: {e}"))?;
                if !status.is_success() {
                    return Err(format!("{operation}: HTTP {status} {text}"));
                }
                serde_json::from_str::<Value>(&text).map_err(|e| format!("{operation}: {e}: {text}"))
            }
        };
        let text = |value: &Value, pointer: &str| {
            value
                .pointer(pointer)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("no {pointer} in {value}"))
        };
        let pool =
            call("CreateUserPool", json!({"PoolName": "conformance", "AutoVerifiedAttributes": ["email"]})).await?;
        let pool_id = text(&pool, "/UserPool/Id")?;
        let app = call(
            "CreateUserPoolClient",
            json!({"UserPoolId": pool_id, "ClientName": "conformance", "GenerateSecret": true}),
        )
        .await?;
        let client_id = text(&app, "/UserPoolClient/ClientId")?;
        let secret = text(&app, "/UserPoolClient/ClientSecret")?;
        let username = "jane".to_owned();
        call(
            "SignUp",
            json!({
                "ClientId": client_id,
                "Username": username,
                "Password": "Conformance-1-Password",
                "SecretHash": secret_hash(secret.as_bytes(), &username, &client_id),
                "UserAttributes": [{"Name": "email", "Value": "jane@example.com"}],
            }),
        )
        .await?;
        Ok(Self { endpoint, client_id, username, secret, server })
    }
}
