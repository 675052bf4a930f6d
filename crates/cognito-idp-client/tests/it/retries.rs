//! Retries through wiremock: what the server sees (how many attempts, their `amz-sdk-request`), per mode.

use cognito_idp_client::retry::Event;
use cognito_idp_client::{CognitoIdp, Error, RetryConfig};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::{minimal_request, ok_json};

fn error(status: u16, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("content-type", "application/x-amz-json-1.1")
        .set_body_string(format!(r#"{{"__type":"{code}","message":"m"}}"#))
}

/// A client of `server` with `retry`, waiting no time between attempts.
fn client(server: &MockServer, retry: RetryConfig) -> CognitoIdp {
    CognitoIdp::builder(server.uri()).retry(retry.with_delay_scale(0.0)).build().expect("client builds")
}

fn attempts(requests: &[Request]) -> Vec<String> {
    requests
        .iter()
        .map(|r| r.headers.get("amz-sdk-request").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned())
        .collect()
}

#[tokio::test]
async fn a_server_error_then_a_success_is_retried_until_the_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(error(503, "ServiceUnavailable"))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(ok_json(r#"{"CodeDeliveryDetails":{}}"#))
        .mount(&server)
        .await;
    let response = client(&server, RetryConfig::standard()).resend_confirmation_code(minimal_request()).await;
    assert!(response.is_ok(), "{response:?}");
    let requests = server.received_requests().await.expect("recorded");
    // wiremock's responses carry a `Date`, and the read timeout is set: retries announce a `ttl`.
    let announced = attempts(&requests);
    assert_eq!(announced[0], "attempt=1; max=3");
    for (retry, n) in announced[1..].iter().zip(2..) {
        let ttl = retry.strip_prefix("ttl=").and_then(|r| r.strip_suffix(&format!("; attempt={n}; max=3")));
        assert!(ttl.is_some_and(|t| t.len() == 16 && t.ends_with('Z')), "{announced:?}");
    }
    let ids: Vec<_> = requests.iter().map(|r| r.headers.get("amz-sdk-invocation-id").cloned()).collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "one invocation id for every attempt: {ids:?}");
}

#[tokio::test]
async fn a_throttling_storm_spends_the_budget_and_returns_the_last_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(error(400, "TooManyRequestsException")).mount(&server).await;
    let result =
        client(&server, RetryConfig::standard().with_max_attempts(4)).resend_confirmation_code(minimal_request()).await;
    match result {
        Err(Error::Service(e)) => assert_eq!(e.code(), "TooManyRequestsException"),
        other => panic!("expected the throttling error, got {other:?}"),
    }
    assert_eq!(server.received_requests().await.expect("recorded").len(), 4);
}

#[tokio::test]
async fn a_non_retryable_error_is_sent_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(error(400, "UserNotFoundException")).mount(&server).await;
    let result = client(&server, RetryConfig::legacy()).resend_confirmation_code(minimal_request()).await;
    assert!(matches!(&result, Err(Error::Service(e)) if e.code() == "UserNotFoundException"), "{result:?}");
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
}

#[tokio::test]
async fn legacy_mode_retries_a_500_five_times_and_standard_three() {
    for (retry, expected) in [(RetryConfig::legacy(), 5), (RetryConfig::standard(), 3)] {
        let server = MockServer::start().await;
        Mock::given(method("POST")).respond_with(error(500, "InternalErrorException")).mount(&server).await;
        let result = client(&server, retry.clone()).resend_confirmation_code(minimal_request()).await;
        assert!(matches!(&result, Err(Error::Service(e)) if e.code() == "InternalErrorException"), "{result:?}");
        assert_eq!(server.received_requests().await.expect("recorded").len(), expected, "{retry:?}");
    }
}

#[tokio::test]
async fn a_refused_connection_is_retried_and_the_observer_hears_each_step() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
    let client = CognitoIdp::builder(format!("http://127.0.0.1:{port}"))
        .retry(RetryConfig::standard().with_delay_scale(0.0))
        .build()
        .expect("client builds");
    let mut steps = Vec::new();
    let result = client
        .send_raw_with_retries(b"{}", &mut |event| {
            steps.push(match event {
                Event::Sending { attempt } => format!("send {}", attempt.number),
                Event::Received { attempt, .. } => format!("response {attempt}"),
                Event::Failed { attempt, .. } => format!("failed {attempt}"),
                Event::Waiting { next, .. } => format!("wait {next}"),
                Event::RetryQuota { attempt, granted, .. } => format!("quota {attempt} {granted}"),
                Event::RateLimited { attempt, .. } => format!("limited {attempt}"),
            });
        })
        .await;
    assert!(matches!(result, Err(cognito_idp_client::retry::CallError::Transport(..))), "{result:?}");
    assert_eq!(
        steps,
        [
            "send 1",
            "failed 1",
            "quota 1 true",
            "wait 2",
            "send 2",
            "failed 2",
            "quota 2 true",
            "wait 3",
            "send 3",
            "failed 3"
        ]
    );
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(error(503, "ServiceUnavailable")).mount(&server).await;
    let _ = client(&server, RetryConfig::disabled()).resend_confirmation_code(minimal_request()).await;
    assert_eq!(attempts(&server.received_requests().await.expect("recorded")), ["attempt=1; max=1"]);
}
