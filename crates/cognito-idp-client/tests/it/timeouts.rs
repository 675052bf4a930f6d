//! Timeouts against servers that never answer, on tokio's paused clock: the runtime jumps to the next
//! timer whenever it has nothing else to do, so a 60-second timeout passes at once and every wait is
//! bounded by a `tokio::time::timeout` instead of being measured.

use std::time::Duration;

use cognito_idp_client::{
    CognitoIdp, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, Error, RetryConfig, TransportFailure,
};

use crate::minimal_request;
use crate::silent::{Behaviour, FullQueue, SilentServer};

/// The longest a default call can take against timeouts only: three attempts of both timeouts, and the
/// standard backoff's waits before the second and third (at most 1 s and 2 s).
fn default_bound() -> Duration {
    (DEFAULT_CONNECT_TIMEOUT + DEFAULT_READ_TIMEOUT) * 3 + Duration::from_secs(3)
}

/// The call's error, or a panic when it has not ended within `bound`.
async fn call_within(client: &CognitoIdp, bound: Duration) -> Error {
    match tokio::time::timeout(bound, client.resend_confirmation_code(minimal_request())).await {
        Ok(Err(error)) => error,
        Ok(Ok(response)) => panic!("a response from a silent server: {response:?}"),
        Err(_) => panic!("the call did not end within {bound:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn a_server_that_never_answers_ends_a_call_with_a_read_timeout_within_the_default_bound() {
    let server = SilentServer::start(Behaviour::Hang);
    let client = CognitoIdp::builder(server.url()).build().expect("client");
    let error = call_within(&client, default_bound()).await;
    assert_eq!(error.transport_failure(), Some(TransportFailure::ReadTimeout), "{error:?}");
    assert!(error.is_timeout(), "{error}");
    assert_eq!(server.connections(), 3, "read timeouts are retried, as the SDKs do");
}

#[tokio::test(start_paused = true)]
async fn a_full_listening_queue_ends_a_call_with_a_connect_timeout_within_the_default_bound() {
    let queue = FullQueue::start();
    let client = CognitoIdp::builder(queue.url()).build().expect("client");
    let error = call_within(&client, default_bound()).await;
    assert_eq!(error.transport_failure(), Some(TransportFailure::ConnectTimeout), "{error:?}");
}

#[tokio::test(start_paused = true)]
async fn a_call_ends_within_its_own_shorter_timeouts() {
    let server = SilentServer::start(Behaviour::Hang);
    let client = CognitoIdp::builder(server.url())
        .read_timeout(Duration::from_secs(2))
        .retry(RetryConfig::disabled())
        .build()
        .expect("client");
    // Shorter than the default read timeout: the configured one applied.
    let error = call_within(&client, Duration::from_secs(3)).await;
    assert_eq!(error.transport_failure(), Some(TransportFailure::ReadTimeout), "{error:?}");

    let queue = FullQueue::start();
    let client = CognitoIdp::builder(queue.url())
        .connect_timeout(Duration::from_secs(1))
        .retry(RetryConfig::disabled())
        .build()
        .expect("client");
    let error = call_within(&client, Duration::from_secs(2)).await;
    assert_eq!(error.transport_failure(), Some(TransportFailure::ConnectTimeout), "{error:?}");
}

#[tokio::test(start_paused = true)]
async fn a_read_timeout_turned_off_waits_past_any_bound() {
    let server = SilentServer::start(Behaviour::Hang);
    let client = CognitoIdp::builder(server.url()).disable_read_timeout().build().expect("client");
    let waited =
        tokio::time::timeout(Duration::from_secs(24 * 3600), client.resend_confirmation_code(minimal_request()));
    assert!(waited.await.is_err(), "the call ended");
}

#[tokio::test(start_paused = true)]
async fn a_connect_timeout_turned_off_waits_past_the_default() {
    let queue = FullQueue::start();
    let client = CognitoIdp::builder(queue.url()).disable_connect_timeout().build().expect("client");
    // The kernel gives up on its own after about two minutes of unanswered SYNs; stay below that.
    let waited = tokio::time::timeout(Duration::from_secs(30), client.resend_confirmation_code(minimal_request()));
    assert!(waited.await.is_err(), "the call ended");
}

#[tokio::test(start_paused = true)]
async fn a_given_reqwest_client_keeps_its_own_timeouts() {
    let server = SilentServer::start(Behaviour::Hang);
    // reqwest's own default is no timeout at all: the builder's defaults do not reach it.
    cognito_idp_client::client::install_crypto_provider();
    let client = CognitoIdp::builder(server.url()).http_client(reqwest::Client::new()).build().expect("client");
    let waited =
        tokio::time::timeout(Duration::from_secs(24 * 3600), client.resend_confirmation_code(minimal_request()));
    assert!(waited.await.is_err(), "the call ended");

    let own = reqwest::Client::builder().read_timeout(Duration::from_secs(5)).build().expect("reqwest client");
    let client = CognitoIdp::builder(server.url())
        .http_client(own)
        .read_timeout(Duration::from_secs(3600))
        .retry(RetryConfig::disabled())
        .build()
        .expect("client");
    let error = call_within(&client, Duration::from_secs(6)).await;
    assert_eq!(error.transport_failure(), Some(TransportFailure::ReadTimeout), "{error:?}");
}

#[tokio::test(start_paused = true)]
async fn unanswered_attempts_are_retried_by_default_and_sent_once_when_turned_off() {
    for behaviour in [Behaviour::Hang, Behaviour::Close] {
        for (retry, expected) in [(true, 3), (false, 1)] {
            let server = SilentServer::start(behaviour);
            let client = CognitoIdp::builder(server.url())
                .retry(RetryConfig::standard().with_delay_scale(0.0))
                .retry_unanswered(retry)
                .build()
                .expect("client");
            let error = call_within(&client, default_bound()).await;
            let failure = error.transport_failure();
            assert!(
                matches!(failure, Some(TransportFailure::ReadTimeout | TransportFailure::Closed)),
                "{behaviour:?}: {error:?}"
            );
            assert_eq!(server.connections(), expected, "{behaviour:?}, retry_unanswered({retry})");
        }
    }
}

#[tokio::test(start_paused = true)]
async fn connect_timeouts_are_retried_even_with_unanswered_retries_off() {
    let queue = FullQueue::start();
    let mut steps = Vec::new();
    let client = CognitoIdp::builder(queue.url())
        .retry(RetryConfig::standard().with_delay_scale(0.0))
        .retry_unanswered(false)
        .build()
        .expect("client");
    let mut observe = |event: cognito_idp_client::retry::Event<'_>| {
        if let cognito_idp_client::retry::Event::Failed { failure, .. } = event {
            steps.push(failure.clone());
        }
    };
    let call = client.send_raw_with_retries(b"{}", &mut observe);
    let result = tokio::time::timeout(default_bound(), call).await.expect("ends within the bound");
    assert!(result.is_err());
    assert_eq!(steps, vec![TransportFailure::ConnectTimeout; 3]);
}
