//! The retry quota of standard and adaptive modes, counted at the server: 500 tokens shared by a client
//! and its clones, 5 per retry, 10 per retry after a timeout, 1 back for a call that needed no retry.

use cognito_idp_client::retry::Event;
use cognito_idp_client::{CognitoIdp, Error, RetryConfig};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::minimal_request;
use crate::silent::{Behaviour, SilentServer};

fn failing() -> ResponseTemplate {
    ResponseTemplate::new(500).set_body_string(r#"{"__type":"InternalErrorException","message":"down"}"#)
}

async fn server_answering(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(response).mount(&server).await;
    server
}

async fn answer_from_now_on(server: &MockServer, response: ResponseTemplate) {
    server.reset().await;
    Mock::given(method("POST")).respond_with(response).mount(server).await;
}

fn client(server: &MockServer, retry: RetryConfig) -> CognitoIdp {
    CognitoIdp::builder(server.uri()).retry(retry.with_delay_scale(0.0)).build().expect("client")
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.expect("recorded").len()
}

/// Makes `calls` calls and returns how many ended with the quota exhausted.
async fn calls(client: &CognitoIdp, calls: usize) -> usize {
    let mut exhausted = 0;
    for _ in 0..calls {
        let error = client.resend_confirmation_code(minimal_request()).await.expect_err("a failing server");
        assert_eq!(error.as_service().map(|e| e.status), Some(500), "{error}");
        exhausted += usize::from(error.is_retry_quota_exhausted());
    }
    exhausted
}

#[tokio::test]
async fn two_hundred_calls_against_a_failing_server_make_no_more_requests_than_the_quota_allows() {
    let server = server_answering(failing()).await;
    let client = client(&server, RetryConfig::standard());
    let exhausted = calls(&client, 200).await;
    // 50 calls pay for their two retries (10 tokens each), the other 150 find the quota empty and make
    // their first attempt only: 150 + 150 requests, where 200 calls of 3 attempts would make 600.
    assert_eq!(requests(&server).await, 300);
    assert_eq!(exhausted, 150);
    assert_eq!(client.retry_quota_available(), Some(0));
}

#[tokio::test]
async fn successes_refill_the_quota_and_retries_resume() {
    let server = server_answering(failing()).await;
    let client = client(&server, RetryConfig::standard());
    calls(&client, 51).await;
    assert_eq!(client.retry_quota_available(), Some(0));

    answer_from_now_on(&server, crate::ok_json("{}")).await;
    for _ in 0..5 {
        client.resend_confirmation_code(minimal_request()).await.expect("a success");
    }
    assert_eq!(client.retry_quota_available(), Some(5), "one token back per call that needed no retry");

    answer_from_now_on(&server, failing()).await;
    let error = client.resend_confirmation_code(minimal_request()).await.expect_err("fails");
    assert_eq!(requests(&server).await, 2, "one retry paid for, the next refused");
    let Error::RetryQuotaExhausted { attempts, last } = &error else { panic!("{error:?}") };
    assert_eq!((*attempts, last.as_service().map(|e| e.code())), (2, Some("InternalErrorException")));
    assert!(error.to_string().contains("retry quota is exhausted"), "{error}");
}

#[tokio::test]
async fn a_success_after_retries_gives_back_what_its_last_retry_cost() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(failing()).up_to_n_times(2).mount(&server).await;
    Mock::given(method("POST")).respond_with(crate::ok_json("{}")).mount(&server).await;
    let client = client(&server, RetryConfig::standard());
    client.resend_confirmation_code(minimal_request()).await.expect("the third attempt succeeds");
    assert_eq!(requests(&server).await, 3);
    // Two retries took 10 tokens; the success gave the last one's 5 back.
    assert_eq!(client.retry_quota_available(), Some(495));
    client.resend_confirmation_code(minimal_request()).await.expect("succeeds");
    assert_eq!(client.retry_quota_available(), Some(496));
}

#[tokio::test]
async fn clones_share_the_quota() {
    let server = server_answering(failing()).await;
    let client = client(&server, RetryConfig::adaptive());
    let clone = client.clone();
    calls(&clone, 50).await;
    assert_eq!(requests(&server).await, 150);
    assert_eq!(calls(&client, 1).await, 1, "the original finds the quota its clone emptied");
    assert_eq!(requests(&server).await, 151);
}

#[tokio::test]
async fn legacy_mode_has_no_quota() {
    let server = server_answering(failing()).await;
    let client = client(&server, RetryConfig::legacy());
    assert_eq!(calls(&client, 110).await, 0);
    assert_eq!(requests(&server).await, 550, "every call makes its 5 attempts");
    assert_eq!(client.retry_quota_available(), None);
}

#[tokio::test(start_paused = true)]
async fn retries_after_timeouts_cost_ten_tokens() {
    let server = SilentServer::start(Behaviour::Hang);
    let client =
        CognitoIdp::builder(server.url()).retry(RetryConfig::standard().with_delay_scale(0.0)).build().expect("client");
    let mut exhausted = 0;
    for _ in 0..30 {
        let error = client.resend_confirmation_code(minimal_request()).await.expect_err("times out");
        assert!(error.is_timeout(), "{error}");
        exhausted += usize::from(error.is_retry_quota_exhausted());
    }
    // 25 calls pay 20 tokens for their two retries; the other 5 make one attempt each.
    assert_eq!(server.connections(), 25 * 3 + 5);
    assert_eq!(exhausted, 5);
}

#[tokio::test]
async fn the_observer_hears_each_draw_and_the_refusal() {
    let server = server_answering(failing()).await;
    let client = client(&server, RetryConfig::standard());
    calls(&client, 49).await;
    let mut draws = Vec::new();
    let finished = client
        .send_raw_with_retries(b"{}", &mut |event| {
            if let Event::RetryQuota { attempt, cost, available, granted } = event {
                draws.push((attempt, cost, available, granted));
            }
        })
        .await
        .expect("a response");
    assert_eq!(draws, [(1, 5, 5, true), (2, 5, 0, true)]);
    assert!(!finished.quota_exhausted && finished.max_reached);

    draws.clear();
    let finished = client
        .send_raw_with_retries(b"{}", &mut |event| {
            if let Event::RetryQuota { attempt, cost, available, granted } = event {
                draws.push((attempt, cost, available, granted));
            }
        })
        .await
        .expect("a response");
    assert_eq!(draws, [(1, 5, 0, false)]);
    assert!(finished.quota_exhausted && !finished.max_reached);
    assert_eq!((finished.attempts, finished.response.status), (1, 500));
}
