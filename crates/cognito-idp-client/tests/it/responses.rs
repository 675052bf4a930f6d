//! Decoding of successful responses.

use cognito_idp_client::types::DeliveryMediumType;
use wiremock::ResponseTemplate;

use crate::{minimal_request, ok_json, serve};

#[tokio::test]
async fn decodes_code_delivery_details_and_the_request_id() {
    let body =
        r#"{"CodeDeliveryDetails":{"Destination":"j***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;
    let (_server, client) = serve(ok_json(body).insert_header("x-amzn-RequestId", "req-42")).await;
    let response = client.resend_confirmation_code(minimal_request()).await.expect("call succeeds");
    let details = response.output.code_delivery_details.expect("details");
    assert_eq!(details.destination.as_deref().map(|d| d.as_str()), Some("j***@e***.com"));
    assert_eq!(details.delivery_medium, Some(DeliveryMediumType::Email));
    assert_eq!(details.attribute_name.as_deref().map(|a| a.as_str()), Some("email"));
    assert_eq!(response.request_id.as_deref(), Some("req-42"));
}

#[tokio::test]
async fn accepts_an_empty_object_an_empty_body_and_unknown_members() {
    for body in ["{}", "", r#"{"CodeDeliveryDetails":{"Destination":"x","Extra":1},"Other":[1,2]}"#] {
        let (_server, client) = serve(ok_json(body)).await;
        let response = client.resend_confirmation_code(minimal_request()).await;
        assert!(response.is_ok(), "body {body:?}: {response:?}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_string(format!("{{\"x\":\"{}\"}}", "a".repeat(4096))))
        .mount(&server)
        .await;
    let client =
        cognito_idp_client::CognitoIdp::builder(server.uri()).max_response_bytes(1024).build().expect("client");
    let error = client.resend_confirmation_code(minimal_request()).await.expect_err("too large");
    assert!(matches!(error, cognito_idp_client::Error::ResponseTooLarge { limit: 1024 }), "{error}");
}

/// A JSON body of exactly `length` bytes.
fn body_of(length: usize) -> String {
    format!("{{\"x\":\"{}\"}}", "a".repeat(length - 8))
}

#[tokio::test]
async fn a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused() {
    for (length, accepted) in [(1024, true), (1025, false)] {
        let server = wiremock::MockServer::start().await;
        wiremock::Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(200).set_body_string(body_of(length)))
            .mount(&server)
            .await;
        let client =
            cognito_idp_client::CognitoIdp::builder(server.uri()).max_response_bytes(1024).build().expect("client");
        let result = client.resend_confirmation_code(minimal_request()).await;
        assert_eq!(result.is_ok(), accepted, "{length} bytes: {result:?}");
        let raw = client.send_raw(b"{}".to_vec(), &cognito_idp_client::framing::Attempt::first(None)).await;
        assert_eq!(raw.map(|r| r.body.len()).ok(), accepted.then_some(length), "{length} bytes, raw");
    }
}

#[test]
fn the_default_response_limit_is_ten_mebibytes() {
    assert_eq!(cognito_idp_client::client::DEFAULT_MAX_RESPONSE_BYTES, 10_485_760);
}

#[tokio::test]
async fn an_unreachable_endpoint_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    let client = cognito_idp_client::CognitoIdp::builder(format!("http://127.0.0.1:{port}"))
        .retry(cognito_idp_client::RetryConfig::disabled())
        .build()
        .expect("client");
    let error = client.resend_confirmation_code(minimal_request()).await.expect_err("refused");
    assert!(matches!(error, cognito_idp_client::Error::Transport(_)), "{error:?}");
    assert_eq!(error.transport_failure(), Some(cognito_idp_client::TransportFailure::Connect));
    assert!(!error.is_timeout() && !error.is_retry_quota_exhausted() && error.as_service().is_none());
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(307).insert_header("location", "http://127.0.0.1:9/elsewhere"))
        .mount(&server)
        .await;
    let client = cognito_idp_client::CognitoIdp::builder(server.uri()).build().expect("client");
    let error = client.resend_confirmation_code(minimal_request()).await.expect_err("a 307 is an error");
    let service = error.as_service().expect("decoded as a service error");
    assert_eq!((service.status, service.code()), (307, "307"));
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
}
