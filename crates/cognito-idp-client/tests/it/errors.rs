//! Decoding of error responses: every error case of the AWS JSON 1.1 protocol tests that applies to
//! clients, and every error the contract models.

use cognito_idp_client::{Error, contract};
use serde_json::Value;
use wiremock::ResponseTemplate;

use crate::{minimal_request, serve};

async fn error_for(response: ResponseTemplate) -> cognito_idp_client::ServiceError {
    let (_server, client) = serve(response).await;
    match client.resend_confirmation_code(minimal_request()).await {
        Err(error @ Error::Service(_)) => {
            assert!(error.transport_failure().is_none() && !error.is_timeout() && !error.is_retry_quota_exhausted());
            assert!(std::ptr::eq(error.last_attempt(), &error));
            let Error::Service(service) = error else { unreachable!("matched above") };
            *service
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[tokio::test]
async fn decodes_every_client_error_case_of_the_protocol_tests() {
    let text = include_str!("../../../../spec/vectors/awsjson11-protocol-cases.json");
    let cases: Value = serde_json::from_str(text).expect("cases parse");
    let mut ran = 0;
    for case in cases["cases"].as_array().expect("cases") {
        if case["kind"] != "error" || case["appliesTo"] == "server" {
            continue;
        }
        let id = case["id"].as_str().expect("id");
        let given = &case["given"];
        let mut response = ResponseTemplate::new(given["status"].as_u64().expect("status") as u16);
        for (name, value) in given["headers"].as_object().into_iter().flatten() {
            response = response.insert_header(name.as_str(), value.as_str().expect("header value"));
        }
        if let Some(body) = given["body"].as_str() {
            response = response.set_body_raw(body.as_bytes().to_vec(), "application/x-amz-json-1.1");
        }
        let error = error_for(response).await;
        let expected = case["expect"]["errorShape"].as_str().expect("errorShape");
        assert_eq!(error.code(), expected, "case {id}");
        // Modeled members of these test shapes: `Message` is the message, the rest stay in the body.
        for (member, value) in case["expect"]["members"].as_object().into_iter().flatten() {
            if member == "Message" {
                assert_eq!(error.message(), value.as_str(), "case {id}: message");
            }
        }
        ran += 1;
    }
    assert_eq!(ran, 14, "every client error case ran");
}

#[tokio::test]
async fn decodes_every_modeled_error_into_its_variant() {
    assert_eq!(contract::ERRORS.len(), 16);
    for shape in contract::ERRORS {
        let status = if shape.name == "InternalErrorException" { 500 } else { 400 };
        let body = format!(r#"{{"__type":"com.amazonaws.cognito#{}","message":"m-{}"}}"#, shape.name, shape.name);
        let error = error_for(
            ResponseTemplate::new(status)
                .insert_header("x-amzn-RequestId", "rid")
                .set_body_raw(body.into_bytes(), "application/x-amz-json-1.1"),
        )
        .await;
        assert_eq!(error.code(), shape.name);
        assert!(!matches!(error.error, cognito_idp_client::OperationError::Unknown { .. }), "{}", shape.name);
        assert_eq!(error.message(), Some(format!("m-{}", shape.name).as_str()));
        assert_eq!(error.status, status);
        assert_eq!(error.request_id.as_deref(), Some("rid"));
        assert_eq!(error.error.is_server_fault(), status == 500);
    }
}

#[tokio::test]
async fn a_status_outside_the_spec_still_decodes_as_an_error() {
    let error = error_for(ResponseTemplate::new(503).set_body_string("<html>Service Unavailable</html>")).await;
    assert_eq!(error.code(), "503");
    assert_eq!(error.message(), None);
    let error = error_for(ResponseTemplate::new(429).set_body_raw(
        br#"{"__type":"ThrottlingException","message":"slow down"}"#.to_vec(),
        "application/x-amz-json-1.1",
    ))
    .await;
    assert_eq!(error.code(), "ThrottlingException");
    assert_eq!(error.to_string(), "ThrottlingException: slow down");
}

#[tokio::test]
async fn an_empty_error_body_gives_the_status() {
    let error = error_for(ResponseTemplate::new(400)).await;
    assert_eq!(error.code(), "400");
}
