//! A mock HTTP/1.1 endpoint on 127.0.0.1 written with std only: a thread per connection, scripted responses
//! answered in order (the last one repeats), every request recorded as it arrived.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a connection may sit idle before the server gives up on it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// The largest request head or body the server accepts.
const MAX_SIZE: usize = 16 << 20;

/// One answer of the script.
#[derive(Debug, Clone)]
pub struct ScriptedResponse {
    /// The status code.
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// The headers, in order; `Content-Length` is added unless present.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// One request as it arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedRequest {
    /// The method.
    pub method: String,
    /// The request target, as sent.
    pub path: String,
    /// Every header line, in order, with the name's case as sent and the value trimmed.
    pub headers: Vec<(String, String)>,
    /// The body (decoded from chunks when the request was chunked).
    pub body: Vec<u8>,
}

/// A running mock server; dropping it stops accepting connections.
#[derive(Debug)]
pub struct MockServer {
    port: u16,
    requests: Arc<Mutex<Vec<ReceivedRequest>>>,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl MockServer {
    /// Starts a server on 127.0.0.1 and a free port that answers `responses` in order.
    pub fn start(responses: Vec<ScriptedResponse>) -> io::Result<Self> {
        if responses.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "a mock server needs at least one response"));
        }
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stopping = Arc::new(AtomicBool::new(false));
        let responses = Arc::new(responses);
        let acceptor = {
            let (requests, stopping) = (Arc::clone(&requests), Arc::clone(&stopping));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (requests, responses) = (Arc::clone(&requests), Arc::clone(&responses));
                    std::thread::spawn(move || {
                        // A broken connection ends that connection only; what arrived before is kept.
                        let _ = serve_connection(stream, &requests, &responses);
                    });
                }
            })
        };
        Ok(Self { port, requests, stopping, acceptor: Some(acceptor) })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every request received so far, in the order they arrived.
    pub fn requests(&self) -> Vec<ReceivedRequest> {
        self.requests.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the acceptor so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn serve_connection(
    stream: TcpStream,
    requests: &Mutex<Vec<ReceivedRequest>>,
    responses: &[ScriptedResponse],
) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader)? {
        let close = request
            .headers
            .iter()
            .any(|(name, value)| name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close"));
        let index = {
            let mut requests = requests.lock().unwrap_or_else(PoisonError::into_inner);
            requests.push(request);
            requests.len() - 1
        };
        let Some(response) = responses.get(index).or(responses.last()) else { break };
        writer.write_all(&encode_response(response))?;
        writer.flush()?;
        if close {
            break;
        }
    }
    let _ = writer.shutdown(Shutdown::Both);
    Ok(())
}

/// Reads one request; `None` when the peer closed the connection before sending one.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<ReceivedRequest>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = reader.take((MAX_SIZE - before) as u64).read_until(b'\n', &mut head)?;
        if n == 0 {
            return if head.iter().all(u8::is_ascii_whitespace) { Ok(None) } else { Err(truncated("head")) };
        }
        // Tolerate blank lines before a request line (RFC 9112 2.2).
        if head.iter().all(u8::is_ascii_whitespace) {
            head.clear();
            continue;
        }
        if head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n") {
            break;
        }
        if head.len() >= MAX_SIZE {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "request head too large"));
        }
    }
    let head: String = head.iter().map(|&b| char::from(b)).collect(); // ISO-8859-1, as HTTP defines
    let mut lines = head.lines().map(|line| line.trim_end_matches('\r')).filter(|line| !line.is_empty());
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.splitn(3, ' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            (name.to_owned(), value.trim_matches([' ', '\t']).to_owned())
        })
        .collect();
    let header = |wanted: &str| headers.iter().find(|(name, _)| name.eq_ignore_ascii_case(wanted)).map(|(_, v)| v);
    let chunked = header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        read_chunked(reader)?
    } else {
        let length = match header("content-length") {
            Some(value) => value.parse::<usize>().map_err(|_| invalid(&format!("bad Content-Length {value:?}")))?,
            None => 0,
        };
        if length > MAX_SIZE {
            return Err(invalid("request body too large"));
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).map_err(|_| truncated("body"))?;
        body
    };
    Ok(Some(ReceivedRequest { method, path, headers, body }))
}

fn read_chunked(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size_line = String::new();
        reader.read_line(&mut size_line)?;
        let size_text = size_line.split(';').next().unwrap_or_default().trim();
        let size =
            usize::from_str_radix(size_text, 16).map_err(|_| invalid(&format!("bad chunk size {size_text:?}")))?;
        if body.len() + size > MAX_SIZE {
            return Err(invalid("request body too large"));
        }
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..]).map_err(|_| truncated("chunk"))?;
        let mut crlf = String::new();
        reader.read_line(&mut crlf)?;
    }
}

fn encode_response(response: &ScriptedResponse) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, response.reason);
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if !response.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-length")) {
        out.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&response.body);
    bytes
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

fn truncated(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, format!("connection closed in the middle of the request {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> ScriptedResponse {
        ScriptedResponse {
            status,
            reason: "Whatever".to_owned(),
            headers: vec![("X-Test".to_owned(), "yes".to_owned())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// Sends raw request bytes on one connection and reads until the server closes it.
    fn exchange(port: u16, raw: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
        stream.write_all(raw).expect("writes");
        stream.shutdown(Shutdown::Write).expect("half-closes");
        let mut out = String::new();
        stream.read_to_string(&mut out).expect("reads");
        out
    }

    #[test]
    fn answers_in_order_repeats_the_last_and_records_every_request() {
        let server = MockServer::start(vec![answer(400, "first"), answer(200, "second")]).expect("starts");
        let raw = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}\
                    POST /a HTTP/1.1\r\nX-Amz-Target: T\r\ncontent-length: 0\r\n\r\n\
                    GET /b HTTP/1.1\r\n\r\n";
        let replies = exchange(server.port(), raw);
        assert_eq!(
            replies.matches("HTTP/1.1 400 Whatever\r\nX-Test: yes\r\nContent-Length: 5\r\n\r\nfirst").count(),
            1
        );
        assert_eq!(replies.matches("HTTP/1.1 200 Whatever").count(), 2, "{replies}");
        let requests = server.requests();
        assert_eq!(requests.len(), 3);
        assert_eq!(
            requests[0].headers,
            [("Host".to_owned(), "x".to_owned()), ("Content-Length".to_owned(), "2".to_owned())]
        );
        assert_eq!(requests[0].body, b"{}");
        assert_eq!((requests[1].method.as_str(), requests[1].path.as_str()), ("POST", "/a"));
        assert_eq!(requests[2].method, "GET");
    }

    #[test]
    fn a_chunked_body_is_decoded() {
        let server = MockServer::start(vec![answer(200, "")]).expect("starts");
        exchange(
            server.port(),
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nZo\xc3\r\n1;x=y\r\n\xab\r\n0\r\n\r\n",
        );
        assert_eq!(server.requests()[0].body, "Zo\u{eb}".as_bytes());
    }

    #[test]
    fn a_request_cut_short_is_not_recorded() {
        let server = MockServer::start(vec![answer(200, "")]).expect("starts");
        exchange(server.port(), b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        assert!(server.requests().is_empty());
    }
}
