//! Retries, as AWS defines them: `standard` mode (the SDKs' default: 3 attempts) and `legacy` mode (AWS
//! CLI v1's default: 5 attempts), with exponential backoff and full jitter, every attempt announced in
//! `amz-sdk-request`, and each step reported to an observer and to `tracing`.
//!
//! Legacy mode (botocore's `_retry.json` defaults) retries HTTP 500, 502, 503, 504, 509 and 429, the
//! throttling codes `Throttling`, `ThrottlingException`, `ThrottledException`,
//! `RequestThrottledException` and `ProvisionedThroughputExceededException` when they come with HTTP 400,
//! and connection failures and read timeouts; it waits `rand() * 2^(attempt - 1)` seconds. Standard mode
//! (3 attempts) retries HTTP 500, 502, 503, 504, the transient and throttling codes of botocore's
//! `retries/standard.py` whatever their status, and connection failures; it waits
//! `rand() * min(2^(attempt - 1), 20)` seconds. Every attempt carries the same `amz-sdk-invocation-id`; the
//! first says `attempt=1; max=M` (botocore's first says `attempt=1`), retries `ttl=...; attempt=N; max=M`
//! when the response had a `Date` and a read timeout is set, as botocore does.

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::client::RawResponse;
use crate::error::{Error, TransportFailure};
use crate::framing::Attempt;

/// The retry mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryMode {
    /// AWS CLI v1's default (botocore's `legacy`): 5 attempts.
    Legacy,
    /// The AWS SDKs' default (`standard`; `adaptive` behaves the same for a single call): 3 attempts.
    Standard,
}

impl RetryMode {
    /// The mode's name in AWS configuration (`AWS_RETRY_MODE`, `retry_mode`).
    pub fn name(self) -> &'static str {
        match self {
            RetryMode::Legacy => "legacy",
            RetryMode::Standard => "standard",
        }
    }

    /// The attempts the mode makes by default, the first included.
    pub fn default_max_attempts(self) -> u32 {
        match self {
            RetryMode::Legacy => 5,
            RetryMode::Standard => 3,
        }
    }
}

/// How a call is retried.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryConfig {
    mode: RetryMode,
    max_attempts: u32,
    delay_scale: f64,
    max_on_first_attempt: bool,
}

impl Default for RetryConfig {
    /// [`RetryConfig::standard`], as the AWS SDKs.
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryConfig {
    /// `standard` mode with its 3 attempts.
    pub fn standard() -> Self {
        Self::of(RetryMode::Standard)
    }

    /// `legacy` mode with its 5 attempts.
    pub fn legacy() -> Self {
        Self::of(RetryMode::Legacy)
    }

    /// One attempt, no retry.
    pub fn disabled() -> Self {
        Self::standard().with_max_attempts(1)
    }

    /// `mode` with its default attempts.
    pub fn of(mode: RetryMode) -> Self {
        Self { mode, max_attempts: mode.default_max_attempts(), delay_scale: 1.0, max_on_first_attempt: true }
    }

    /// The same, announcing the first attempt as botocore does (`amz-sdk-request: attempt=1`, no `max`);
    /// the AWS SDKs (and the default) send `attempt=1; max=M`.
    #[must_use]
    pub fn with_botocore_first_attempt(mut self) -> Self {
        self.max_on_first_attempt = false;
        self
    }

    /// The same with `attempts` attempts in all, the first included (at least 1).
    #[must_use]
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The same with every delay multiplied by `scale` (0 to skip the waits; tests use a small factor to
    /// keep the backoff's shape without its time). Negative or non-finite values leave it unchanged.
    #[must_use]
    pub fn with_delay_scale(mut self, scale: f64) -> Self {
        if scale.is_finite() && scale >= 0.0 {
            self.delay_scale = scale;
        }
        self
    }

    /// The mode.
    pub fn mode(&self) -> RetryMode {
        self.mode
    }

    /// The attempts in all, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether this attempt's outcome is worth another attempt (ignoring the budget).
    pub fn is_retryable(&self, outcome: &Outcome<'_>) -> bool {
        match (self.mode, outcome) {
            (_, Outcome::Transport(TransportFailure::Other(_))) => false,
            (_, Outcome::Transport(_)) => true,
            (RetryMode::Legacy, Outcome::Response { status, code }) => {
                matches!(status, 500 | 502 | 503 | 504 | 509 | 429)
                    || (*status == 400 && code.is_some_and(|c| LEGACY_THROTTLING_CODES.contains(&c)))
            }
            (RetryMode::Standard, Outcome::Response { status, code }) => {
                matches!(status, 500 | 502 | 503 | 504)
                    || code.is_some_and(|c| {
                        STANDARD_TRANSIENT_CODES.contains(&c) || STANDARD_THROTTLING_CODES.contains(&c)
                    })
            }
        }
    }

    /// The wait before attempt `next` (2, 3, ...), for a random draw `rand` in [0, 1).
    pub fn delay(&self, next: u32, rand: f64) -> Duration {
        let exponent = i32::try_from(next.saturating_sub(2)).unwrap_or(i32::MAX).min(62);
        let growth = 2f64.powi(exponent);
        let seconds = match self.mode {
            RetryMode::Legacy => rand * growth,
            RetryMode::Standard => rand * growth.min(20.0),
        };
        Duration::from_secs_f64((seconds * self.delay_scale).max(0.0))
    }
}

const LEGACY_THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "ProvisionedThroughputExceededException",
];
const STANDARD_TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"];
const STANDARD_THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// What one attempt produced, as the retry decision sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// An HTTP response; `code` is the error code of a non-2xx response.
    Response {
        /// The HTTP status.
        status: u16,
        /// The error code, for error responses.
        code: Option<&'a str>,
    },
    /// No response.
    Transport(TransportFailure),
}

/// What an observer hears about a call, in order.
#[derive(Debug)]
pub enum Event<'a> {
    /// An attempt is about to be sent with these framing values.
    Sending {
        /// The attempt.
        attempt: &'a Attempt,
    },
    /// A response arrived.
    Received {
        /// The attempt it answers.
        attempt: u32,
        /// The response.
        response: &'a RawResponse,
    },
    /// The attempt failed without a response.
    Failed {
        /// The attempt.
        attempt: u32,
        /// Why.
        failure: &'a TransportFailure,
    },
    /// The next attempt waits this long.
    Waiting {
        /// The next attempt's number.
        next: u32,
        /// The delay.
        delay: Duration,
    },
}

/// A call that got a final response.
#[derive(Debug)]
pub struct Finished {
    /// The last response.
    pub response: RawResponse,
    /// How many attempts were made.
    pub attempts: u32,
    /// Whether the budget ran out on a retryable outcome (botocore's `MaxAttemptsReached`).
    pub max_reached: bool,
}

/// A call that ended without a response.
#[derive(Debug)]
pub enum CallError {
    /// The last attempt failed in transport: how, in AWS's terms, and the error itself.
    Transport(TransportFailure, reqwest::Error),
    /// The client refused to send, or read (a bad request, a response over the size limit).
    Client(Error),
}

impl From<CallError> for Error {
    fn from(error: CallError) -> Self {
        match error {
            CallError::Transport(_, error) => Error::Transport(error),
            CallError::Client(error) => error,
        }
    }
}

/// Runs `send` for each attempt until a response is final or the budget is spent, telling `observe`
/// and `tracing` each step. `read_timeout` feeds the `ttl` of later attempts, as botocore computes it.
pub async fn run<F, Fut>(
    config: &RetryConfig,
    read_timeout: Option<Duration>,
    observe: &mut dyn FnMut(Event<'_>),
    mut send: F,
) -> Result<Finished, CallError>
where
    F: FnMut(Attempt) -> Fut,
    Fut: Future<Output = Result<RawResponse, Error>>,
{
    let mut attempt = Attempt::first(config.max_on_first_attempt.then_some(config.max_attempts));
    loop {
        observe(Event::Sending { attempt: &attempt });
        let number = attempt.number;
        tracing::debug!(target: "cognito_idp_client::retry", attempt = number, max_attempts = config.max_attempts, "sending");
        let sent_at = SystemTime::now();
        let result = send(attempt.clone()).await;
        let (retryable, ttl, response) = match result {
            Ok(response) => {
                observe(Event::Received { attempt: number, response: &response });
                let error = (!response.is_success()).then(|| response.service_error());
                let code = error.as_ref().map(|e| e.code());
                let request_id = crate::error::request_id(&response.headers);
                tracing::debug!(
                    target: "cognito_idp_client::retry",
                    attempt = number,
                    status = response.status,
                    error_code = code,
                    request_id = request_id.as_deref(),
                    "response"
                );
                let retryable = config.is_retryable(&Outcome::Response { status: response.status, code });
                let ttl = ttl(&response, sent_at, read_timeout);
                (retryable, ttl, Some(response))
            }
            Err(Error::Transport(e)) => {
                let failure = TransportFailure::classify(&e);
                observe(Event::Failed { attempt: number, failure: &failure });
                tracing::debug!(target: "cognito_idp_client::retry", attempt = number, failure = ?failure, "no response");
                let retryable = config.is_retryable(&Outcome::Transport(failure.clone()));
                if !retryable || number >= config.max_attempts {
                    return Err(CallError::Transport(failure, e));
                }
                (true, None, None)
            }
            Err(other) => return Err(CallError::Client(other)),
        };
        let budget_left = number < config.max_attempts;
        if let Some(response) = response {
            let max_reached = match config.mode {
                RetryMode::Legacy => retryable && !budget_left,
                RetryMode::Standard => !budget_left,
            };
            if !retryable || !budget_left {
                return Ok(Finished { response, attempts: number, max_reached });
            }
        }
        let next = number + 1;
        let delay = config.delay(next, random_unit());
        observe(Event::Waiting { next, delay });
        tracing::debug!(target: "cognito_idp_client::retry", next_attempt = next, delay_seconds = delay.as_secs_f64(), "retrying");
        tokio::time::sleep(delay).await;
        attempt = attempt.next(Some(config.max_attempts), ttl);
    }
}

/// botocore's `ttl`: the local time plus the read timeout plus the server's clock skew, from the
/// response's `Date`; none without a `Date` or a read timeout.
fn ttl(response: &RawResponse, received: SystemTime, read_timeout: Option<Duration>) -> Option<String> {
    let read_timeout = read_timeout?;
    let date = response.headers.get("date")?.to_str().ok()?;
    let server = httpdate::parse_http_date(date).ok()?;
    let now = SystemTime::now();
    let skew = seconds_since_epoch(server) - seconds_since_epoch(received);
    let ttl = seconds_since_epoch(now) + read_timeout.as_secs_f64() + skew;
    Some(format_utc(ttl))
}

fn seconds_since_epoch(time: SystemTime) -> f64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(e) => -e.duration().as_secs_f64(),
    }
}

/// `%Y%m%dT%H%M%SZ` of a UNIX time.
fn format_utc(seconds: f64) -> String {
    let total = seconds.floor() as i64;
    let (days, secs) = (total.div_euclid(86_400), total.rem_euclid(86_400));
    let (year, month, day) = crate::clock::civil_from_days(days);
    format!("{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// A uniform draw in [0, 1) from the operating system's generator.
fn random_unit() -> f64 {
    let bits = uuid::Uuid::new_v4().as_u128() >> 75;
    bits as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(mode: RetryMode) -> RetryConfig {
        RetryConfig::of(mode)
    }

    fn response(status: u16, code: Option<&str>) -> Outcome<'_> {
        Outcome::Response { status, code }
    }

    #[test]
    fn each_mode_has_its_default_attempts() {
        assert_eq!(RetryConfig::default(), RetryConfig::standard());
        assert_eq!(RetryConfig::standard().max_attempts(), 3);
        assert_eq!(RetryConfig::legacy().max_attempts(), 5);
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
        assert_eq!(RetryConfig::legacy().with_max_attempts(0).max_attempts(), 1);
    }

    #[test]
    fn legacy_retries_the_server_statuses_and_throttling_codes_only_with_400() {
        let legacy = config(RetryMode::Legacy);
        for status in [500, 502, 503, 504, 509, 429] {
            assert!(legacy.is_retryable(&response(status, Some("X"))), "{status}");
        }
        assert!(legacy.is_retryable(&response(400, Some("ThrottlingException"))));
        assert!(!legacy.is_retryable(&response(403, Some("ThrottlingException"))));
        assert!(!legacy.is_retryable(&response(400, Some("TooManyRequestsException"))));
        assert!(!legacy.is_retryable(&response(400, Some("UserNotFoundException"))));
        assert!(!legacy.is_retryable(&response(501, None)));
    }

    #[test]
    fn standard_retries_its_transient_and_throttling_sets() {
        let standard = config(RetryMode::Standard);
        assert!(standard.is_retryable(&response(400, Some("TooManyRequestsException"))));
        assert!(standard.is_retryable(&response(400, Some("LimitExceededException"))));
        assert!(standard.is_retryable(&response(503, None)));
        assert!(!standard.is_retryable(&response(509, None)));
        assert!(!standard.is_retryable(&response(429, None)));
        assert!(!standard.is_retryable(&response(400, Some("NotAuthorizedException"))));
    }

    #[test]
    fn connection_failures_and_read_timeouts_are_retried_in_both_modes() {
        for mode in [RetryMode::Legacy, RetryMode::Standard] {
            for failure in [
                TransportFailure::Connect,
                TransportFailure::ConnectTimeout,
                TransportFailure::ReadTimeout,
                TransportFailure::Closed,
            ] {
                assert!(config(mode).is_retryable(&Outcome::Transport(failure.clone())), "{mode:?} {failure:?}");
            }
            assert!(!config(mode).is_retryable(&Outcome::Transport(TransportFailure::Other("x".into()))));
        }
    }

    #[test]
    fn delays_grow_exponentially_with_full_jitter_and_standard_caps_at_20_seconds() {
        let legacy = config(RetryMode::Legacy);
        assert_eq!(legacy.delay(2, 0.5), Duration::from_millis(500));
        assert_eq!(legacy.delay(3, 0.5), Duration::from_secs(1));
        assert_eq!(legacy.delay(5, 1.0), Duration::from_secs(8));
        assert_eq!(legacy.delay(5, 0.0), Duration::ZERO);
        let standard = config(RetryMode::Standard);
        assert_eq!(standard.delay(10, 1.0), Duration::from_secs(20));
        let scaled = legacy.with_delay_scale(0.001);
        assert_eq!(scaled.delay(5, 1.0), Duration::from_millis(8));
        assert_eq!(scaled.clone().with_delay_scale(f64::NAN), scaled);
    }

    #[test]
    fn ttl_timestamps_use_the_compact_utc_format() {
        assert_eq!(format_utc(0.0), "19700101T000000Z");
        assert_eq!(format_utc(1_795_687_200.0), "20261126T100000Z");
        assert_eq!(format_utc(951_782_400.0), "20000229T000000Z");
    }

    #[test]
    fn random_draws_stay_in_the_unit_interval() {
        for _ in 0..1000 {
            let r = random_unit();
            assert!((0.0..1.0).contains(&r), "{r}");
        }
    }
}
