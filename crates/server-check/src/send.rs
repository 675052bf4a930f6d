//! The second step of the pipeline: the probes sent exactly as planned, a bounded number at a time, each
//! answer read whole within `--response-timeout`; the preflight alone first; probing stops when the server
//! stalls (several timeouts in a row, or a few in all), so that a run ends within a stated bound.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use cognito_idp_client::{TransportFailure, contract};

use crate::plan::Request;

/// The `User-Agent` of every probe.
pub const USER_AGENT: &str = concat!("cognito-idp-conformance/", env!("CARGO_PKG_VERSION"));

/// How the probes are sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The bound on each answer, from the request's start to the body's last byte.
    pub response_timeout: Duration,
    /// How many probes are in flight at once.
    pub concurrency: usize,
    /// Probing stops after this many timeouts in a row, or twice as many in all.
    pub stall_after: usize,
}

/// The default bound on each answer.
pub const DEFAULT_RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);
/// The default number of probes in flight.
pub const DEFAULT_CONCURRENCY: usize = 4;
/// The default number of timeouts in a row after which the server is taken to stall.
pub const DEFAULT_STALL_AFTER: usize = 3;

impl Default for Settings {
    fn default() -> Self {
        Self {
            response_timeout: DEFAULT_RESPONSE_TIMEOUT,
            concurrency: DEFAULT_CONCURRENCY,
            stall_after: DEFAULT_STALL_AFTER,
        }
    }
}

impl Settings {
    /// The longest a run can take with these settings against a server that stalls: the preflight, the
    /// rounds of probes in flight until enough timeouts have come (twice `stall_after` in all), and the
    /// round still in flight when probing stops.
    pub fn worst_case(&self) -> Duration {
        let concurrency = self.concurrency.max(1);
        let rounds = (2 * self.stall_after).div_ceil(concurrency) + 2;
        self.response_timeout * u32::try_from(1 + rounds).unwrap_or(u32::MAX)
    }
}

/// A request as it went on the wire (the headers that matter, not those the HTTP stack adds for the
/// connection).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    /// The method.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// The headers the check set, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// An answer: status, headers (names in lower case, in order), the whole body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Answer {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why a request got no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Nothing came within the bound.
    Timeout(Duration),
    /// The connection could not be made (nothing listens, no route, a name that does not resolve).
    Connect(String),
    /// The TLS handshake failed.
    Tls(String),
    /// The connection broke, or the answer was not HTTP.
    Broken(String),
}

impl std::fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoAnswer::Timeout(bound) => write!(f, "no answer within {}", seconds(*bound)),
            NoAnswer::Connect(why) => write!(f, "no connection: {why}"),
            NoAnswer::Tls(why) => write!(f, "the TLS handshake failed: {why}"),
            NoAnswer::Broken(why) => write!(f, "no answer: {why}"),
        }
    }
}

/// One probe's exchange.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The index of the probe in the plan.
    pub probe: usize,
    /// What was sent.
    pub sent: Sent,
    /// When it was sent.
    pub started: SystemTime,
    /// How long the answer took, to its last byte (or until the request failed).
    pub elapsed: Duration,
    /// The answer, or why there was none.
    pub result: Result<Answer, NoAnswer>,
}

/// `5 s`, `0.5 s`.
pub fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// Sends requests to one endpoint.
#[derive(Clone, Debug)]
pub struct Sender {
    http: reqwest::Client,
    url: String,
    timeout: Duration,
}

impl Sender {
    /// A sender to `endpoint` whose answers must come within `timeout`.
    pub fn new(endpoint: &str, timeout: Duration) -> Result<Self, String> {
        let parsed = reqwest::Url::parse(endpoint).map_err(|e| {
            format!("the endpoint {endpoint:?} is not a URL ({e}): give it as http://HOST:PORT or https://HOST")
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!("the endpoint {endpoint:?} must start with http:// or https://"));
        }
        cognito_idp_client::client::install_crypto_provider();
        let http = reqwest::Client::builder()
            // AWS's SDKs do not follow redirects: a 3xx is the answer.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()
            .map_err(|e| format!("could not build an HTTP client: {e}"))?;
        let base = endpoint.trim_end_matches('/');
        Ok(Self { http, url: format!("{base}{}", contract::PATH), timeout })
    }

    /// The URL every probe goes to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The request as it goes on the wire.
    pub fn sent(&self, request: &Request) -> Sent {
        let mut headers = vec![
            ("Content-Type".to_owned(), contract::MEDIA_TYPE.to_owned()),
            ("User-Agent".to_owned(), USER_AGENT.to_owned()),
        ];
        if let Some(target) = &request.target {
            headers.push(("X-Amz-Target".to_owned(), target.clone()));
        }
        Sent { method: request.method.as_str(), url: self.url.clone(), headers, body: request.body.clone() }
    }

    /// Sends one probe's request and reads its whole answer.
    pub async fn send(&self, probe: usize, request: &Request) -> Exchange {
        let sent = self.sent(request);
        let method = reqwest::Method::from_bytes(sent.method.as_bytes()).unwrap_or(reqwest::Method::POST);
        let mut builder = self.http.request(method, &sent.url).body(sent.body.clone());
        for (name, value) in &sent.headers {
            builder = builder.header(name, value);
        }
        let started = SystemTime::now();
        let clock = Instant::now();
        let result = async {
            let response = builder.send().await.map_err(|e| self.no_answer(&e))?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            let body = response.bytes().await.map_err(|e| self.no_answer(&e))?.to_vec();
            Ok(Answer { status, headers, body })
        }
        .await;
        Exchange { probe, sent, started, elapsed: clock.elapsed(), result }
    }

    fn no_answer(&self, error: &reqwest::Error) -> NoAnswer {
        let why = innermost(error);
        // The client library's classification, so that the check reads a failure as the client does (a TLS
        // failure is found inside the io::Error that wraps it, which `source` skips).
        match TransportFailure::classify(error) {
            TransportFailure::Tls(why) => NoAnswer::Tls(why),
            TransportFailure::ConnectTimeout | TransportFailure::ReadTimeout => NoAnswer::Timeout(self.timeout),
            // A server that closes the connection during the handshake (plain HTTP on the port) reaches us as
            // tokio-rustls's bare io::Error, "tls handshake eof", with no rustls error inside.
            _ if why.contains("handshake") => NoAnswer::Tls(why),
            TransportFailure::Connect => NoAnswer::Connect(why),
            TransportFailure::Closed | TransportFailure::Other(_) => NoAnswer::Broken(why),
        }
    }
}

/// The innermost cause of `error`, which says what happened (`Connection refused (os error 111)`); the outer
/// ones repeat the URL and the layer.
fn innermost(error: &reqwest::Error) -> String {
    let mut innermost = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        innermost = cause.to_string();
        source = cause.source();
    }
    innermost
}

/// Why probing stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stall {
    /// The timeouts seen, in a row at the end.
    pub in_a_row: usize,
    /// The timeouts seen in all.
    pub total: usize,
}

/// Sends `requests` (probe index and request) at most `settings.concurrency` at a time; stops launching new
/// ones when the server stalls. Returns the exchanges in the order given, and the stall, if any; probes
/// never sent have no exchange.
pub async fn send_all(
    sender: &Sender,
    requests: Vec<(usize, Request)>,
    settings: &Settings,
) -> (Vec<Exchange>, Option<Stall>) {
    let concurrency = settings.concurrency.max(1);
    let semaphore = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let stopped = Arc::new(AtomicBool::new(false));
    let in_a_row = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for (order, (probe, request)) in requests.into_iter().enumerate() {
        let Ok(permit) = semaphore.clone().acquire_owned().await else { break };
        if stopped.load(Ordering::SeqCst) {
            break;
        }
        let (sender, stopped, in_a_row, total) = (sender.clone(), stopped.clone(), in_a_row.clone(), total.clone());
        let stall_after = settings.stall_after.max(1);
        tasks.spawn(async move {
            let exchange = sender.send(probe, &request).await;
            if matches!(exchange.result, Err(NoAnswer::Timeout(_))) {
                let row = in_a_row.fetch_add(1, Ordering::SeqCst) + 1;
                let all = total.fetch_add(1, Ordering::SeqCst) + 1;
                if row >= stall_after || all >= 2 * stall_after {
                    stopped.store(true, Ordering::SeqCst);
                }
            } else {
                in_a_row.store(0, Ordering::SeqCst);
            }
            drop(permit);
            (order, exchange)
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        if let Ok(pair) = joined {
            done.push(pair);
        }
    }
    done.sort_by_key(|(order, _)| *order);
    let stall = stopped
        .load(Ordering::SeqCst)
        .then(|| Stall { in_a_row: in_a_row.load(Ordering::SeqCst), total: total.load(Ordering::SeqCst) });
    (done.into_iter().map(|(_, exchange)| exchange).collect(), stall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_case_is_a_few_response_timeouts() {
        let settings = Settings::default();
        assert_eq!(settings.worst_case(), Duration::from_secs(5) * 5);
        let serial = Settings { concurrency: 1, ..settings };
        assert_eq!(serial.worst_case(), Duration::from_secs(5) * 9);
    }

    #[test]
    fn an_endpoint_must_be_an_http_url() {
        assert!(Sender::new("ftp://x", Duration::from_secs(1)).expect_err("scheme").contains("http://"));
        assert!(Sender::new("not a url", Duration::from_secs(1)).expect_err("url").contains("not a URL"));
        let sender = Sender::new("http://127.0.0.1:9/", Duration::from_secs(1)).expect("a sender");
        assert_eq!(sender.url(), "http://127.0.0.1:9/");
    }
}
