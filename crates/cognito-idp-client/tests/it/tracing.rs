//! The client's `tracing` spans and events: each call and attempt is there (target, attempt, status,
//! error code, request id), and no member's value ever is.

use std::io::Write;
use std::sync::{Arc, Mutex};

use cognito_idp_client::types::ResendConfirmationCodeRequest;
use cognito_idp_client::{CognitoIdp, RetryConfig, secret_hash};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A writer that keeps what the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn calls_and_attempts_are_traced_without_any_members_value() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("x-amzn-requestid", "req-123")
                .set_body_string(r#"{"__type":"ServiceUnavailable"}"#),
        )
        .mount(&server)
        .await;
    let client = CognitoIdp::builder(server.uri())
        .retry(RetryConfig::standard().with_max_attempts(2).with_delay_scale(0.0))
        .build()
        .expect("client builds");
    let (client_id, username) = ("clientidsecretvalue0001", "usernamesecretvalue");
    let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
        .client_id(client_id)
        .username(username)
        .secret_hash(Some(secret_hash(b"the-client-secret", username, client_id).parse().expect("hash")))
        .try_into()
        .expect("valid request");

    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Other tests hit the same callsites on other threads at the same time. With a single dispatcher
    // registered, tracing-core asks only the registering thread's default whether a new callsite is
    // wanted, and a thread without a subscriber caches "never" for everyone; a second dispatcher makes it
    // ask every registered one.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let dispatch = tracing::Dispatch::new(subscriber);
    let _guard = tracing::dispatcher::set_default(&dispatch);
    let _ = client.resend_confirmation_code(request).await;

    let text = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("UTF-8");
    for expected in [
        "AWSCognitoIdentityProviderService.ResendConfirmationCode",
        "attempt=1",
        "attempt=2",
        "status=503",
        "error_code=\"ServiceUnavailable\"",
        "request_id=\"req-123\"",
        "retrying",
        "retry quota",
        "cost=5",
        "available=495",
        "granted=true",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the trace:\n{text}");
    }
    let hash = secret_hash(b"the-client-secret", username, client_id);
    for secret in [client_id, username, hash.as_str(), "the-client-secret"] {
        assert!(!text.contains(secret), "the trace shows {secret:?}:\n{text}");
    }
}
