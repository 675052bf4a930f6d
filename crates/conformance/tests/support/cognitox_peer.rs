//! cognitox 0.1.2 served in-process on 127.0.0.1 (through its axum router, never its binary, which listens
//! on every interface) and set up with raw JSON requests: a user pool, an app client with a secret, a
//! signed-up user who is not confirmed and one who is (CreateUserPool, CreateUserPoolClient, SignUp,
//! AdminConfirmSignUp). Shared by the live peer of `tests/conformance.rs` and by `examples/peer.rs`
//! (`cargo xtask peer`), which include this file.

use cognito_idp_client::secret_hash;
use serde_json::{Value, json};

/// The committed baseline of cognitox 0.1.2's deviations, from the crate's folder.
pub const BASELINE: &str = "baselines/cognitox-0.1.2.json";

/// cognitox served on a tokio runtime, with its setup done.
pub struct Peer {
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
    /// The app client's id.
    pub client_id: String,
    /// The signed-up user, not confirmed.
    pub username: String,
    /// A confirmed user.
    pub confirmed_username: String,
    /// The app client's secret.
    pub secret: String,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Peer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Peer {
    /// Serves cognitox on 127.0.0.1, on `port` (0: any free port), and sets it up.
    pub async fn start(port: u16) -> Result<Self, String> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| format!("bind 127.0.0.1:{port}: {e}"))?;
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
        let (username, confirmed_username) = ("jane".to_owned(), "john".to_owned());
        for user in [&username, &confirmed_username] {
            call(
                "SignUp",
                json!({
                    "ClientId": client_id,
                    "Username": user,
                    "Password": "Conformance-1-Password",
                    "SecretHash": secret_hash(secret.as_bytes(), user, &client_id),
                    "UserAttributes": [{"Name": "email", "Value": format!("{user}@example.com")}],
                }),
            )
            .await?;
        }
        call("AdminConfirmSignUp", json!({"UserPoolId": pool_id, "Username": confirmed_username})).await?;
        Ok(Self { endpoint, client_id, username, confirmed_username, secret, server })
    }
}
