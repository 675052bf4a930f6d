//! What the client puts on the wire.

use cognito_idp_client::types::{
    AnalyticsMetadataType, ClientMetadataType, ResendConfirmationCodeRequest, UserContextDataType,
};
use serde_json::json;

use crate::{minimal_request, ok_json, serve};

#[tokio::test]
async fn sends_exactly_the_framing_headers_and_no_authorization() {
    let (server, client) = serve(ok_json("{}")).await;
    client.resend_confirmation_code(minimal_request()).await.expect("call succeeds");

    let requests = server.received_requests().await.expect("recording is on");
    let [request] = requests.as_slice() else { panic!("expected one request, got {}", requests.len()) };
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), "/");
    assert_eq!(request.url.query(), None);

    let mut names: Vec<&str> = request.headers.keys().map(|n| n.as_str()).collect();
    names.sort_unstable();
    // host and content-length come from HTTP/1.1, accept from reqwest (see the README); the rest is
    // the framing.
    assert_eq!(
        names,
        [
            "accept",
            "amz-sdk-invocation-id",
            "amz-sdk-request",
            "content-length",
            "content-type",
            "host",
            "user-agent",
            "x-amz-target"
        ],
        "headers: {:?}",
        request.headers
    );
    let header = |name: &str| request.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(header("x-amz-target"), "AWSCognitoIdentityProviderService.ResendConfirmationCode");
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("accept"), "*/*");
    assert_eq!(header("amz-sdk-request"), "attempt=1; max=3");
    assert!(uuid_like(header("amz-sdk-invocation-id")), "{}", header("amz-sdk-invocation-id"));
    let agent = header("user-agent");
    assert!(agent.starts_with("it-tests/1.0 cognito-idp-client/0.1.0 ua/2.1 os/"), "{agent}");
    assert!(request.headers.get("authorization").is_none());
    assert!(request.headers.get("api-version").is_none());
}

#[tokio::test]
async fn each_call_gets_its_own_invocation_id() {
    let (server, client) = serve(ok_json("{}")).await;
    client.resend_confirmation_code(minimal_request()).await.expect("first call");
    client.resend_confirmation_code(minimal_request()).await.expect("second call");
    let requests = server.received_requests().await.expect("recording is on");
    let ids: Vec<_> = requests.iter().map(|r| r.headers.get("amz-sdk-invocation-id").cloned()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[tokio::test]
async fn the_body_has_the_members_given_and_omits_the_absent_ones() {
    let (server, client) = serve(ok_json("{}")).await;
    client.resend_confirmation_code(minimal_request()).await.expect("call succeeds");
    let requests = server.received_requests().await.expect("recording is on");
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).expect("JSON body");
    assert_eq!(body, json!({"ClientId": "1example23456789", "Username": "jane"}));
    assert!(!String::from_utf8_lossy(&requests[0].body).contains("null"));
}

#[tokio::test]
async fn every_member_is_serialized_under_its_wire_name() {
    let (server, client) = serve(ok_json("{}")).await;
    let mut metadata = indexmap::IndexMap::new();
    metadata.insert("z".parse().expect("key"), "last".parse().expect("string"));
    metadata.insert("a".parse().expect("key"), "first".parse().expect("string"));
    let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
        .client_id("1example23456789")
        .username("Zoë")
        .secret_hash(Some("oUkNFqfm7UjLds8vXFWarT1l3gqORGoztf+EyFmoX2Q=".parse().expect("valid hash")))
        .user_context_data(
            UserContextDataType::try_from(
                UserContextDataType::builder()
                    .ip_address(Some("192.0.2.1".parse().expect("string")))
                    .encoded_data(None),
            )
            .expect("valid"),
        )
        .analytics_metadata(
            AnalyticsMetadataType::try_from(
                AnalyticsMetadataType::builder().analytics_endpoint_id(Some("endpoint-1".parse().expect("string"))),
            )
            .expect("valid"),
        )
        .client_metadata(ClientMetadataType(metadata))
        .try_into()
        .expect("valid request");
    client.resend_confirmation_code(request).await.expect("call succeeds");

    let requests = server.received_requests().await.expect("recording is on");
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).expect("JSON body");
    assert_eq!(
        body,
        json!({
            "ClientId": "1example23456789",
            "Username": "Zoë",
            "SecretHash": "oUkNFqfm7UjLds8vXFWarT1l3gqORGoztf+EyFmoX2Q=",
            "UserContextData": {"IpAddress": "192.0.2.1"},
            "AnalyticsMetadata": {"AnalyticsEndpointId": "endpoint-1"},
            "ClientMetadata": {"z": "last", "a": "first"}
        })
    );
    let text = String::from_utf8_lossy(&requests[0].body);
    assert!(text.find("\"z\"") < text.find("\"a\""), "map keys keep their insertion order: {text}");
}

#[tokio::test]
async fn send_raw_uses_the_same_framing() {
    let (server, client) = serve(ok_json("{}")).await;
    let attempt = cognito_idp_client::framing::Attempt::first(None);
    let raw = client.send_raw(br#"{"ClientId":"a-b","Username":"a b"}"#.to_vec(), &attempt).await.expect("sent");
    assert_eq!(raw.status, 200);
    let requests = server.received_requests().await.expect("recording is on");
    let header =
        |name: &str| requests[0].headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("x-amz-target"), "AWSCognitoIdentityProviderService.ResendConfirmationCode");
    assert_eq!(header("amz-sdk-request"), "attempt=1");
    assert_eq!(header("amz-sdk-invocation-id"), attempt.invocation_id);
    assert_eq!(&requests[0].body[..], br#"{"ClientId":"a-b","Username":"a b"}"#);
}

#[tokio::test]
async fn a_trailing_slash_in_the_endpoint_still_posts_to_slash() {
    let (server, _) = serve(ok_json("{}")).await;
    let client = cognito_idp_client::CognitoIdp::builder(format!("{}/", server.uri())).build().expect("client");
    client.resend_confirmation_code(minimal_request()).await.expect("call succeeds");
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests[0].url.path(), "/");
}

fn uuid_like(value: &str) -> bool {
    value.len() == 36
        && value
            .chars()
            .enumerate()
            .all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() })
}
