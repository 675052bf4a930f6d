//! Integration tests of the client crate against wiremock: one binary, a module per area.

mod adaptive;
mod errors;
mod quota;
mod requests;
mod responses;
mod retries;
mod silent;
mod timeouts;
mod tls;
mod tracing;
mod transport;
mod types;

use cognito_idp_client::CognitoIdp;
use cognito_idp_client::types::ResendConfirmationCodeRequest;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A mock server that answers every request with `response`, and a client pointed at it.
pub async fn serve(response: ResponseTemplate) -> (MockServer, CognitoIdp) {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path("/")).respond_with(response).mount(&server).await;
    let client = CognitoIdp::builder(server.uri())
        .app_name("it-tests/1.0")
        .retry(cognito_idp_client::RetryConfig::standard().with_delay_scale(0.0))
        .build()
        .expect("client builds");
    (server, client)
}

/// The smallest valid request.
pub fn minimal_request() -> ResendConfirmationCodeRequest {
    ResendConfirmationCodeRequest::builder()
        .client_id("1example23456789")
        .username("jane")
        .try_into()
        .expect("valid request")
}

/// A 200 with the body `body` and AWS's media type.
pub fn ok_json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).insert_header("content-type", "application/x-amz-json-1.1").set_body_string(body)
}
