//! Adaptive mode's client-side rate limiter on tokio's paused clock: time moves only through the
//! client's own waits, so every wait the limiter asks for is exact and nothing sleeps for real.

use std::time::Duration;

use cognito_idp_client::retry::Event;
use cognito_idp_client::{CognitoIdp, RetryConfig};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn throttling() -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_string(r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
}

async fn answer_from_now_on(server: &MockServer, response: ResponseTemplate) {
    server.reset().await;
    Mock::given(method("POST")).respond_with(response).mount(server).await;
}

/// A client of `server` in `retry` mode, one attempt a call. Its HTTP client has no timer of its own (no
/// timeout, no idle-connection sweep), so that the paused clock never jumps while a response is on its
/// way from wiremock's thread.
fn client(server: &MockServer, retry: RetryConfig) -> CognitoIdp {
    CognitoIdp::builder(server.uri())
        .http_client(timerless())
        .retry(retry.with_max_attempts(1))
        .build()
        .expect("client")
}

fn timerless() -> reqwest::Client {
    cognito_idp_client::client::install_crypto_provider();
    reqwest::Client::builder().pool_idle_timeout(None).build().expect("reqwest client")
}

/// Makes `calls` calls and returns the wait the rate limiter imposed on each.
async fn waits(client: &CognitoIdp, calls: usize) -> Vec<Duration> {
    let mut waits = Vec::new();
    for _ in 0..calls {
        let mut waited = Duration::ZERO;
        client
            .send_raw_with_retries(b"{}", &mut |event| {
                if let Event::RateLimited { delay, .. } = event {
                    waited += delay;
                }
            })
            .await
            .expect("a response");
        waits.push(waited);
    }
    waits
}

#[tokio::test(start_paused = true)]
async fn adaptive_mode_slows_down_after_throttling_and_standard_mode_does_not() {
    let server = MockServer::start().await;
    answer_from_now_on(&server, throttling()).await;

    let standard = client(&server, RetryConfig::standard());
    assert!(waits(&standard, 10).await.iter().all(Duration::is_zero));
    assert_eq!(standard.adaptive_send_rate(), None);

    let adaptive = client(&server, RetryConfig::adaptive());
    let waits = waits(&adaptive, 10).await;
    // The first call goes at once: the limiter starts when the service first throttles. Then the rate
    // falls to its floor, 0.5 calls per second: each call waits 2 s for its token.
    assert_eq!(waits[0], Duration::ZERO);
    assert!(waits[1..].iter().all(|w| *w == Duration::from_secs(2)), "{waits:?}");
    assert_eq!(adaptive.adaptive_send_rate(), Some(0.5));
    assert_eq!(server.received_requests().await.expect("recorded").len(), 20);
}

#[tokio::test(start_paused = true)]
async fn the_allowed_rate_grows_back_after_successes() {
    let server = MockServer::start().await;
    answer_from_now_on(&server, throttling()).await;
    let adaptive = client(&server, RetryConfig::adaptive());
    waits(&adaptive, 5).await;
    let throttled = adaptive.adaptive_send_rate().expect("limited");

    answer_from_now_on(&server, crate::ok_json("{}")).await;
    let waits = waits(&adaptive, 40).await;
    let recovered = adaptive.adaptive_send_rate().expect("still on");
    assert!(recovered > 4.0 * throttled, "{throttled} -> {recovered}");
    assert!(waits.last() < waits.first(), "{waits:?}");

    // Another throttle cuts the rate again.
    answer_from_now_on(&server, throttling()).await;
    self::waits(&adaptive, 1).await;
    assert!(adaptive.adaptive_send_rate().expect("limited") < recovered);
}

#[tokio::test(start_paused = true)]
async fn a_throttled_call_retries_after_the_limiter_lets_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST")).respond_with(throttling()).up_to_n_times(1).mount(&server).await;
    Mock::given(method("POST")).respond_with(crate::ok_json("{}")).mount(&server).await;
    let client = CognitoIdp::builder(server.uri())
        .http_client(timerless())
        .retry(RetryConfig::adaptive().with_delay_scale(0.0))
        .build()
        .expect("client");
    let mut steps = Vec::new();
    let finished = client
        .send_raw_with_retries(b"{}", &mut |event| match event {
            Event::RateLimited { attempt, delay } => steps.push(format!("limited {attempt} {delay:?}")),
            Event::Sending { attempt } => steps.push(format!("send {}", attempt.number)),
            Event::RetryQuota { cost, granted, .. } => steps.push(format!("quota {cost} {granted}")),
            _ => {}
        })
        .await
        .expect("a response");
    assert_eq!(finished.response.status, 200);
    assert_eq!(steps, ["send 1", "quota 5 true", "limited 2 2s", "send 2"]);
}
