//! TLS: certificates are verified by default; a CA bundle or an explicit opt-out changes that.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use cognito_idp_client::framing::Attempt;
use cognito_idp_client::{CognitoIdp, Error, TransportFailure};

/// An HTTPS server on 127.0.0.1 with a fresh self-signed certificate for `localhost`/`127.0.0.1`;
/// it answers each connection with an empty JSON object. Returns its URL and the certificate's PEM.
pub fn self_signed_server() -> (String, String) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).expect("certificate");
    let cert_pem = certified.cert.pem();
    let key = rustls::pki_types::PrivateKeyDer::try_from(certified.signing_key.serialize_der()).expect("key");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("https://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let Ok(connection) = rustls::ServerConnection::new(config) else { return };
                let mut tls = rustls::StreamOwned::new(connection, stream);
                let mut buffer = [0u8; 4096];
                if tls.read(&mut buffer).is_ok() {
                    let _ = tls.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                    let _ = tls.flush();
                }
            });
        }
    });
    (url, cert_pem)
}

async fn send(client: CognitoIdp) -> Result<u16, Error> {
    client.send_raw(b"{}".to_vec(), &Attempt::first(None)).await.map(|r| r.status)
}

#[tokio::test]
async fn a_self_signed_certificate_is_refused_by_default() {
    let (url, _) = self_signed_server();
    let client = CognitoIdp::builder(url).retry(cognito_idp_client::RetryConfig::disabled()).build().expect("client");
    let error = send(client).await.expect_err("untrusted");
    let Error::Transport(e) = error else { panic!("expected a transport error, got {error:?}") };
    assert!(matches!(TransportFailure::classify(&e), TransportFailure::Tls(_)), "{e:?}");
}

#[tokio::test]
async fn a_ca_bundle_with_the_certificate_makes_it_trusted() {
    let (url, pem) = self_signed_server();
    let client = CognitoIdp::builder(url).ca_bundle_pem(pem.into_bytes()).build().expect("client");
    assert_eq!(send(client).await.expect("trusted"), 200);
}

#[tokio::test]
async fn turning_verification_off_accepts_any_certificate() {
    let (url, _) = self_signed_server();
    let client = CognitoIdp::builder(url).danger_accept_invalid_certs(true).build().expect("client");
    assert_eq!(send(client).await.expect("accepted"), 200);
}

#[test]
fn a_bundle_without_certificates_is_a_configuration_error() {
    let result = CognitoIdp::builder("https://example.com").ca_bundle_pem(b"not pem".to_vec()).build();
    assert!(matches!(result, Err(Error::Config(_))), "{result:?}");
}
