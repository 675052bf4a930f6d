//! Transport failures are classified the way AWS's SDKs report them.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use cognito_idp_client::framing::Attempt;
use cognito_idp_client::{CognitoIdp, Error, TransportFailure};

/// A server that runs `handle` on the first connection it accepts.
fn one_shot_server(handle: impl FnOnce(std::net::TcpStream) + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        if let Ok((stream, _)) = listener.accept() {
            handle(stream);
        }
    });
    url
}

fn read_request(stream: &mut std::net::TcpStream) {
    let mut buffer = [0u8; 4096];
    let _ = stream.read(&mut buffer);
}

async fn failure(url: &str, read_timeout: Option<Duration>) -> TransportFailure {
    let mut builder = CognitoIdp::builder(url);
    if let Some(timeout) = read_timeout {
        builder = builder.read_timeout(timeout);
    }
    let client = builder.build().expect("client");
    match client.send_raw(b"{}".to_vec(), &Attempt::first(None)).await {
        Err(Error::Transport(e)) => TransportFailure::classify(&e),
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_failure() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    drop(listener);
    assert_eq!(failure(&url, None).await, TransportFailure::Connect);
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_read_timeout() {
    let url = one_shot_server(|mut stream| {
        read_request(&mut stream);
        std::thread::sleep(Duration::from_secs(3));
    });
    assert_eq!(failure(&url, Some(Duration::from_millis(200))).await, TransportFailure::ReadTimeout);
}

#[tokio::test]
async fn a_connection_closed_before_the_response_is_closed() {
    let url = one_shot_server(|mut stream| read_request(&mut stream));
    assert_eq!(failure(&url, None).await, TransportFailure::Closed);
}

#[tokio::test]
async fn a_connection_closed_mid_headers_is_closed() {
    let url = one_shot_server(|mut stream| {
        read_request(&mut stream);
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Ty");
    });
    assert_eq!(failure(&url, None).await, TransportFailure::Closed);
}

#[tokio::test]
async fn a_body_shorter_than_its_length_is_a_failure_not_a_response() {
    let url = one_shot_server(|mut stream| {
        read_request(&mut stream);
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Code");
    });
    let found = failure(&url, None).await;
    assert!(matches!(found, TransportFailure::Closed | TransportFailure::Other(_)), "{found:?}");
}

#[tokio::test]
async fn tls_to_a_plain_http_server_is_a_tls_failure() {
    let url = one_shot_server(|mut stream| {
        read_request(&mut stream);
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    let url = url.replace("http://", "https://");
    let found = failure(&url, None).await;
    assert!(matches!(found, TransportFailure::Tls(_)), "{found:?}");
}
