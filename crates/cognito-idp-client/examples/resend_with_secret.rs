//! Resends a confirmation code with a `SecretHash`, configured from the environment as the AWS SDKs are
//! (region, endpoint and retries: `AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_RETRY_MODE`, the profile...).
//!
//! ```sh
//! AWS_REGION=eu-west-1 COGNITO_CLIENT_ID=... COGNITO_USERNAME=jane COGNITO_CLIENT_SECRET=... \
//!   cargo run -p cognito-idp-client --example resend_with_secret
//! ```
//!
//! The secret is read from the environment and used only to compute the hash; it is never printed.

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{CognitoIdp, secret_hash};

/// Sends the request and says where the code went.
async fn resend(client: &CognitoIdp, client_id: &str, username: &str, secret: &[u8]) -> Result<String, String> {
    let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
        .client_id(client_id)
        .username(username)
        .secret_hash(Some(secret_hash(secret, username, client_id).parse().map_err(|e| format!("{e}"))?))
        .try_into()
        .map_err(|e| format!("invalid request: {e}"))?;
    let response = client.resend_confirmation_code(request).await.map_err(|e| e.to_string())?;
    let details = response.output.code_delivery_details.unwrap_or_default();
    Ok(format!(
        "code sent by {} to {} (request id {})",
        details.delivery_medium.map_or_else(|| "?".to_owned(), |m| m.to_string()),
        details.destination.map_or_else(|| "?".to_owned(), |d| d.to_string()),
        response.request_id.as_deref().unwrap_or("none")
    ))
}

fn required(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("set {name}"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let run = async {
        let client = CognitoIdp::from_env().map_err(|e| e.to_string())?;
        let (client_id, username) = (required("COGNITO_CLIENT_ID")?, required("COGNITO_USERNAME")?);
        let secret = zeroize::Zeroizing::new(required("COGNITO_CLIENT_SECRET")?);
        resend(&client, &client_id, &username, secret.as_bytes()).await
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

#[cfg(test)]
mod tests {
    use wiremock::matchers::{header, method};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;

    #[tokio::test]
    async fn the_example_resends_with_the_right_secret_hash() {
        let server = MockServer::start().await;
        let hash = secret_hash(b"s3cret", "jane", "1example23456789");
        Mock::given(method("POST"))
            .and(header("x-amz-target", "AWSCognitoIdentityProviderService.ResendConfirmationCode"))
            .and(wiremock::matchers::body_partial_json(serde_json::json!({ "SecretHash": hash })))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/x-amz-json-1.1")
                    .insert_header("x-amzn-requestid", "7f6e5d4c")
                    .set_body_string(r#"{"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#),
            )
            .expect(1)
            .mount(&server)
            .await;
        let client = CognitoIdp::builder(server.uri()).build().expect("client builds");
        let line = resend(&client, "1example23456789", "jane", b"s3cret").await.expect("resends");
        println!("{line}");
        assert_eq!(line, "code sent by EMAIL to j***@e*** (request id 7f6e5d4c)");
    }
}
