//! A mock HTTP/1.1 endpoint on 127.0.0.1 written with std only (and rustls for HTTPS): a thread per
//! connection, scripted replies given in order (the last one repeats), every request recorded as it arrived,
//! with its arrival time, and every connection counted. Replies can also misbehave: answer late, trickle,
//! stop in the middle, close without answering, or never answer.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a connection may sit idle before the server gives up on it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// The largest request head or body the server accepts.
const MAX_SIZE: usize = 16 << 20;
/// How often a waiting connection thread checks whether the server is stopping.
const POLL: Duration = Duration::from_millis(20);

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

impl ScriptedResponse {
    /// A response with `status`, its standard reason phrase, the AWS JSON content type, and `body`.
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            status,
            reason: reason_phrase(status).to_owned(),
            headers: vec![
                ("Content-Type".to_owned(), "application/x-amz-json-1.1".to_owned()),
                ("x-amzn-RequestId".to_owned(), format!("r-{status}")),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    /// A service error: `status` with a body whose `__type` is `code` and whose `message` is `message`.
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({"__type": code, "message": message});
        Self::json(status, &body.to_string())
    }

    /// The same response with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The bytes on the wire.
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = self.encode_head();
        bytes.extend_from_slice(&self.body);
        bytes
    }

    /// The status line and headers, up to and including the blank line.
    pub fn encode_head(&self) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        if !self.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-length")) {
            out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        out.push_str("\r\n");
        out.into_bytes()
    }
}

/// The standard reason phrase of the statuses the tests use ("Unknown" for others, as Python's recorder says).
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answers at once.
    Respond(ScriptedResponse),
    /// Waits, then answers.
    Delayed(Duration, ScriptedResponse),
    /// Sends the head and the first of `pieces` equal pieces of the body at once, then each further piece
    /// after `pause`.
    Trickle {
        /// The response.
        response: ScriptedResponse,
        /// Into how many pieces the body is cut.
        pieces: usize,
        /// The wait before each piece after the first.
        pause: Duration,
    },
    /// Writes these bytes, then closes the connection: a response cut short anywhere.
    CutShort(Vec<u8>),
    /// Closes the connection without answering.
    Close,
    /// Never answers; the connection stays open until the server stops.
    Hang,
}

impl From<ScriptedResponse> for Reply {
    fn from(response: ScriptedResponse) -> Self {
        Reply::Respond(response)
    }
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

impl ReceivedRequest {
    /// The value of the first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as a JSON value (`Null` when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// A running mock server; dropping it stops accepting connections and releases the ones that hang.
#[derive(Debug)]
pub struct MockServer {
    port: u16,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

#[derive(Debug, Default)]
struct Shared {
    requests: Mutex<Vec<(ReceivedRequest, Instant)>>,
    connections: AtomicUsize,
    stopping: AtomicBool,
}

impl MockServer {
    /// Starts a server on 127.0.0.1 and a free port that answers `responses` in order.
    pub fn start(responses: Vec<ScriptedResponse>) -> io::Result<Self> {
        Self::start_with(responses.into_iter().map(Reply::Respond).collect(), None)
    }

    /// Starts a server that handles the requests with `replies` in order (the last one repeats), over TLS
    /// with `tls` when given.
    pub fn start_with(replies: Vec<Reply>, tls: Option<Arc<rustls::ServerConfig>>) -> io::Result<Self> {
        Self::serve(TcpListener::bind("127.0.0.1:0")?, replies, tls, None)
    }

    fn serve(
        listener: TcpListener,
        replies: Vec<Reply>,
        tls: Option<Arc<rustls::ServerConfig>>,
        backlog: Option<(Vec<TcpStream>, Duration)>,
    ) -> io::Result<Self> {
        if replies.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "a mock server needs at least one reply"));
        }
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared::default());
        let replies = Arc::new(replies);
        let acceptor = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                if let Some((fillers, hold)) = backlog {
                    wait(&shared, hold);
                    // The fillers' connections are accepted first and end at once.
                    drop(fillers);
                }
                for stream in listener.incoming() {
                    if shared.stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    shared.connections.fetch_add(1, Ordering::SeqCst);
                    let (shared, replies, tls) = (Arc::clone(&shared), Arc::clone(&replies), tls.clone());
                    std::thread::spawn(move || {
                        // A broken connection ends that connection only; what arrived before is kept.
                        let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
                        match tls {
                            None => {
                                let _ = serve_connection(stream, &shared, &replies);
                            }
                            Some(config) => {
                                let Ok(connection) = rustls::ServerConnection::new(config) else { return };
                                let _ =
                                    serve_connection(rustls::StreamOwned::new(connection, stream), &shared, &replies);
                            }
                        }
                    });
                }
            })
        };
        Ok(Self { port, shared, acceptor: Some(acceptor) })
    }

    /// Starts a server whose listening queue is full for `hold` (or until the server stops): connections to it
    /// hang in the kernel (SYNs are dropped while the accept queue is full) until it starts accepting, then it
    /// answers `replies`. A way to make connecting slow on 127.0.0.1.
    pub fn start_backlogged(replies: Vec<Reply>, hold: Duration) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        // Fill the accept queue: connections complete at once until it is full, then they hang.
        let mut fillers = Vec::new();
        while let Ok(filler) = TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
            fillers.push(filler);
            if fillers.len() > 10_000 {
                return Err(io::Error::other("the listening queue never filled"));
            }
        }
        let server = Self::serve(listener, replies, None, Some((fillers, hold)))?;
        Ok(server)
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>` (or `https://...` for a TLS server, which the caller knows it started).
    pub fn url(&self, scheme: &str) -> String {
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    /// Every request received so far, in the order they arrived.
    pub fn requests(&self) -> Vec<ReceivedRequest> {
        self.lock().iter().map(|(request, _)| request.clone()).collect()
    }

    /// When each request of [`MockServer::requests`] had fully arrived.
    pub fn arrivals(&self) -> Vec<Instant> {
        self.lock().iter().map(|(_, at)| *at).collect()
    }

    /// How many connections were accepted so far (TLS handshakes that failed included).
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(ReceivedRequest, Instant)>> {
        self.shared.requests.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the acceptor so that it sees the flag (a backlogged one wakes by itself).
        let _ = TcpStream::connect_timeout(&([127, 0, 0, 1], self.port).into(), Duration::from_millis(500));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// A stream the server can serve: plain TCP or TLS over TCP.
trait Connection: Read + Write {
    fn close(&mut self);
}

impl Connection for TcpStream {
    fn close(&mut self) {
        let _ = self.shutdown(Shutdown::Both);
    }
}

impl Connection for rustls::StreamOwned<rustls::ServerConnection, TcpStream> {
    fn close(&mut self) {
        self.conn.send_close_notify();
        let _ = self.flush();
        let _ = self.sock.shutdown(Shutdown::Both);
    }
}

fn serve_connection(stream: impl Connection, shared: &Shared, replies: &[Reply]) -> io::Result<()> {
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader)? {
        let close = request
            .headers
            .iter()
            .any(|(name, value)| name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close"));
        let index = {
            let mut requests = shared.requests.lock().unwrap_or_else(PoisonError::into_inner);
            requests.push((request, Instant::now()));
            requests.len() - 1
        };
        let Some(reply) = replies.get(index).or(replies.last()) else { break };
        let writer = reader.get_mut();
        match reply {
            Reply::Respond(response) => writer.write_all(&response.encode())?,
            Reply::Delayed(delay, response) => {
                if !wait(shared, *delay) {
                    break;
                }
                writer.write_all(&response.encode())?;
            }
            Reply::Trickle { response, pieces, pause } => {
                writer.write_all(&response.encode_head())?;
                let size = response.body.len().div_ceil((*pieces).max(1)).max(1);
                for (i, piece) in response.body.chunks(size).enumerate() {
                    if i > 0 && !wait(shared, *pause) {
                        break;
                    }
                    writer.write_all(piece)?;
                    writer.flush()?;
                }
            }
            Reply::CutShort(bytes) => {
                writer.write_all(bytes)?;
                writer.flush()?;
                break;
            }
            Reply::Close => break,
            Reply::Hang => {
                wait(shared, IDLE_TIMEOUT);
                break;
            }
        }
        writer.flush()?;
        if close {
            break;
        }
    }
    reader.get_mut().close();
    Ok(())
}

/// Sleeps for `duration` unless the server stops first; whether the whole time passed.
fn wait(shared: &Shared, duration: Duration) -> bool {
    let until = Instant::now() + duration;
    while Instant::now() < until {
        if shared.stopping.load(Ordering::SeqCst) {
            return false;
        }
        std::thread::sleep(POLL.min(until.saturating_duration_since(Instant::now())));
    }
    true
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

    fn post(port: u16) -> (String, Duration) {
        let started = Instant::now();
        let reply = exchange(port, b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
        (reply, started.elapsed())
    }

    #[test]
    fn misbehaving_replies_cut_close_delay_and_trickle() {
        let full = answer(200, "0123456789");
        let server = MockServer::start_with(
            vec![
                Reply::CutShort(b"HTTP/1.1 200 OK\r\nContent-Le".to_vec()),
                Reply::Close,
                Reply::Delayed(Duration::from_millis(300), full.clone()),
                Reply::Trickle { response: full.clone(), pieces: 3, pause: Duration::from_millis(200) },
            ],
            None,
        )
        .expect("starts");
        assert_eq!(post(server.port()).0, "HTTP/1.1 200 OK\r\nContent-Le");
        assert_eq!(post(server.port()).0, "");
        let (delayed, took) = post(server.port());
        assert!(delayed.ends_with("\r\n\r\n0123456789") && took >= Duration::from_millis(300), "{delayed} {took:?}");
        let (trickled, took) = post(server.port());
        assert!(trickled.ends_with("\r\n\r\n0123456789") && took >= Duration::from_millis(400), "{trickled} {took:?}");
        assert_eq!(server.requests().len(), 4);
        assert_eq!(server.connections(), 4);
        let arrivals = server.arrivals();
        assert!(arrivals.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_hanging_reply_is_released_when_the_server_stops() {
        let server = MockServer::start_with(vec![Reply::Hang], None).expect("starts");
        let mut stream = TcpStream::connect(("127.0.0.1", server.port())).expect("connects");
        stream.write_all(b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").expect("writes");
        stream.set_read_timeout(Some(Duration::from_millis(300))).expect("timeout");
        let mut buffer = [0u8; 16];
        assert!(stream.read(&mut buffer).is_err(), "no answer while it hangs");
        let started = Instant::now();
        drop(server);
        stream.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
        assert_eq!(stream.read(&mut buffer).expect("closed"), 0);
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_backlogged_server_makes_connections_wait_until_it_accepts() {
        let server = MockServer::start_backlogged(vec![answer(200, "late").into()], Duration::from_millis(1500))
            .expect("starts");
        let address = ([127, 0, 0, 1], server.port()).into();
        assert!(TcpStream::connect_timeout(&address, Duration::from_millis(300)).is_err(), "the queue is full");
        let started = Instant::now();
        let (reply, _) = post(server.port());
        assert!(reply.ends_with("late"), "{reply}");
        assert!(started.elapsed() >= Duration::from_millis(1000), "{:?}", started.elapsed());
    }

    #[test]
    fn a_tls_server_answers_over_tls_only() {
        let certificate = crate::support::tls::self_signed().expect("a certificate");
        let server =
            MockServer::start_with(vec![answer(200, "secure").into()], Some(certificate.config)).expect("starts");
        // Plain HTTP gets no HTTP answer and no request is recorded.
        let reply = exchange(server.port(), b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(!reply.contains("secure"));
        assert!(server.requests().is_empty());
        assert_eq!(server.connections(), 1);
    }

    #[test]
    fn a_request_cut_short_is_not_recorded() {
        let server = MockServer::start(vec![answer(200, "")]).expect("starts");
        exchange(server.port(), b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        assert!(server.requests().is_empty());
    }
}
