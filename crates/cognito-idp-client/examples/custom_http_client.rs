//! A client over your own `reqwest::Client`: its timeouts, its proxy, its TLS settings. The framing
//! (`X-Amz-Target`, `Content-Type`, `User-Agent`, `amz-sdk-*`) and the retries stay the library's. The
//! builder's timeouts (connect 3.1 s, read 60 s) do not reach your client: give it its own, as here, or it
//! has none (reqwest's default).
//!
//! ```sh
//! AWS_REGION=eu-west-1 HTTPS_PROXY=http://proxy.internal:3128 \
//!   cargo run -p cognito-idp-client --example custom_http_client -- CLIENT_ID USERNAME
//! ```

use std::time::Duration;

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{CognitoIdp, RetryConfig};

fn http_client() -> Result<reqwest::Client, String> {
    cognito_idp_client::client::install_crypto_provider();
    let mut builder = reqwest::Client::builder()
        .connect_timeout(cognito_idp_client::DEFAULT_CONNECT_TIMEOUT)
        .read_timeout(Duration::from_secs(30))
        // AWS's SDKs do not follow redirects: a 3xx is the answer.
        .redirect(reqwest::redirect::Policy::none());
    if let Ok(proxy) = std::env::var("HTTPS_PROXY") {
        builder = builder.proxy(reqwest::Proxy::https(&proxy).map_err(|e| format!("HTTPS_PROXY: {e}"))?);
    }
    builder.build().map_err(|e| format!("an HTTP client: {e}"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let run = async {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [client_id, username] = args.as_slice() else {
            return Err("usage: custom_http_client CLIENT_ID USERNAME".to_owned());
        };
        let client = CognitoIdp::builder_from_env()
            .map_err(|e| e.to_string())?
            .http_client(http_client()?)
            .app_name("my-service/1.0")
            .retry(RetryConfig::standard().with_max_attempts(5))
            .build()
            .map_err(|e| e.to_string())?;
        let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
            .client_id(client_id.as_str())
            .username(username.as_str())
            .try_into()
            .map_err(|e| format!("invalid request: {e}"))?;
        let response = client.resend_confirmation_code(request).await.map_err(|e| e.to_string())?;
        Ok(format!("HTTP {}, request id {}", response.status, response.request_id.unwrap_or_default()))
    };
    match run.await {
        Ok(line) => {
            println!("{line}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
