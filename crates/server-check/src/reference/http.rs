//! A small HTTP/1.1 server on 127.0.0.1 for the reference implementation: requests with a
//! `Content-Length` or chunked body, keep-alive connections, and answers framed the way a variant asks
//! (a `Content-Length` or chunked body, `Connection: close` after each answer, a delay, or no answer at
//! all). Written here rather than taken from a crate so that the framing is exactly what a test wants.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// The largest request head and body the server reads.
const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 8 * 1024 * 1024;

/// A request as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: String,
    /// The path and query.
    pub path: String,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (chunked bodies decoded).
    pub body: Vec<u8>,
}

impl Request {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// An answer to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The status.
    pub status: u16,
    /// The headers (`Content-Length`, `Transfer-Encoding` and `Connection` are the server's).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// How long to wait before answering; `None` answers at once.
    pub delay: Option<Duration>,
    /// Never answer (the connection stays open until the client gives up).
    pub stall: bool,
}

impl Response {
    /// An answer with this status, headers and body, at once.
    pub fn new(status: u16, headers: Vec<(String, String)>, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers, body: body.into(), delay: None, stall: false }
    }
}

/// How answers are framed on the connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Framing {
    /// Send bodies with `Transfer-Encoding: chunked`, in small chunks.
    pub chunked: bool,
    /// Send `Connection: close` and close the connection after each answer.
    pub close_after_each: bool,
}

/// What answers requests.
pub type Handler = Arc<dyn Fn(&Request) -> Response + Send + Sync>;

/// A running server; it stops when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Serves `handler` on `listener` (bound to 127.0.0.1) from a thread of its own.
    pub fn spawn(listener: std::net::TcpListener, framing: Framing, handler: Handler) -> std::io::Result<Self> {
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let thread = std::thread::Builder::new().name("reference-server".to_owned()).spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = TcpListener::from_std(listener) else { return };
                let accept = async {
                    loop {
                        let Ok((stream, _)) = listener.accept().await else { continue };
                        let handler = handler.clone();
                        tokio::spawn(async move {
                            let _ = serve_connection(stream, framing, handler).await;
                        });
                    }
                };
                tokio::select! {
                    () = accept => {}
                    _ = stopped => {}
                }
            });
            runtime.shutdown_timeout(Duration::from_millis(100));
        })?;
        Ok(Self { addr, stop: Some(stop), thread: Some(thread) })
    }

    /// Serves on a free port of 127.0.0.1.
    pub fn start(framing: Framing, handler: Handler) -> std::io::Result<Self> {
        Self::spawn(std::net::TcpListener::bind("127.0.0.1:0")?, framing, handler)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn serve_connection(stream: TcpStream, framing: Framing, handler: Handler) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    loop {
        let Some(request) = read_request(&mut reader).await? else { return Ok(()) };
        let wants_close = request.header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let response = handler(&request);
        if response.stall {
            // Hold the connection without a word until the client gives up.
            let mut sink = [0u8; 1024];
            while reader.read(&mut sink).await? > 0 {}
            return Ok(());
        }
        if let Some(delay) = response.delay {
            tokio::time::sleep(delay).await;
        }
        let close = framing.close_after_each || wants_close;
        writer.write_all(&encode(&response, framing, close)).await?;
        writer.flush().await?;
        if close {
            writer.shutdown().await?;
            return Ok(());
        }
    }
}

fn bad(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.to_owned())
}

async fn read_line<R: tokio::io::AsyncBufRead + Unpin>(
    reader: &mut R,
    budget: &mut usize,
) -> std::io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = reader.take(u64::try_from(*budget).unwrap_or(u64::MAX)).read_until(b'\n', &mut line).await?;
    if read == 0 {
        return Ok(None);
    }
    *budget = budget.checked_sub(read).ok_or_else(|| bad("the request head is too long"))?;
    if !line.ends_with(b"\n") {
        return Err(bad("the request head is too long or cut"));
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    String::from_utf8(line).map(Some).map_err(|_| bad("the request head is not UTF-8"))
}

async fn read_request<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<Request>> {
    let mut budget = MAX_HEAD;
    let Some(first) = read_line(reader, &mut budget).await? else { return Ok(None) };
    let mut words = first.split(' ');
    let (Some(method), Some(path)) = (words.next(), words.next()) else { return Err(bad("not an HTTP request")) };
    let (method, path) = (method.to_owned(), path.to_owned());
    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, &mut budget).await?.ok_or_else(|| bad("the request head is cut"))?;
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').ok_or_else(|| bad("a header without a colon"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let mut request = Request { method, path, headers, body: Vec::new() };
    if request.header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let size = read_line(reader, &mut budget).await?.ok_or_else(|| bad("a chunk is cut"))?;
            let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| bad("a chunk size is not hexadecimal"))?;
            if size == 0 {
                while !read_line(reader, &mut budget).await?.unwrap_or_default().is_empty() {}
                break;
            }
            if request.body.len() + size > MAX_BODY {
                return Err(bad("the body is too large"));
            }
            let start = request.body.len();
            request.body.resize(start + size, 0);
            reader.read_exact(&mut request.body[start..]).await?;
            let mut crlf = [0u8; 2];
            reader.read_exact(&mut crlf).await?;
        }
    } else if let Some(length) = request.header("content-length") {
        let length: usize = length.parse().map_err(|_| bad("Content-Length is not a number"))?;
        if length > MAX_BODY {
            return Err(bad("the body is too large"));
        }
        request.body.resize(length, 0);
        reader.read_exact(&mut request.body).await?;
    }
    Ok(Some(request))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        _ => "Status",
    }
}

/// The bytes of an answer, framed.
pub fn encode(response: &Response, framing: Framing, close: bool) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status)).into_bytes();
    for (name, value) in &response.headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    if close {
        out.extend_from_slice(b"Connection: close\r\n");
    }
    if framing.chunked {
        out.extend_from_slice(b"Transfer-Encoding: chunked\r\n\r\n");
        for chunk in response.body.chunks(7) {
            out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
    } else {
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", response.body.len()).as_bytes());
        out.extend_from_slice(&response.body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_answers_are_framed_in_small_chunks() {
        let response = Response::new(200, vec![("Content-Type".into(), "x".into())], "0123456789");
        let bytes = encode(&response, Framing { chunked: true, close_after_each: true }, true);
        let text = String::from_utf8(bytes).expect("text");
        assert!(
            text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: x\r\nConnection: close\r\nTransfer-Encoding: chunked")
        );
        assert!(text.ends_with("7\r\n0123456\r\n3\r\n789\r\n0\r\n\r\n"), "{text:?}");
    }

    #[test]
    fn requests_are_read_with_either_body_framing() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let chunked =
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-A: b\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        let mut reader = BufReader::new(&chunked[..]);
        let request = runtime.block_on(read_request(&mut reader)).expect("reads").expect("a request");
        assert_eq!(
            (request.method.as_str(), request.body.as_slice(), request.header("x-a")),
            ("POST", &b"abcde"[..], Some("b"))
        );
        let plain = b"GET /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi";
        let mut reader = BufReader::new(&plain[..]);
        let request = runtime.block_on(read_request(&mut reader)).expect("reads").expect("a request");
        assert_eq!((request.path.as_str(), request.body.as_slice()), ("/x", &b"hi"[..]));
    }
}
