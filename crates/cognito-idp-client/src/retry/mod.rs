//! Retries, as AWS defines them: `standard` mode (the SDKs' default: 3 attempts), `adaptive` mode
//! (standard plus a client-side rate limiter) and `legacy` mode (AWS CLI v1's default: 5 attempts), with
//! exponential backoff and full jitter, a retry quota shared by a client's calls, every attempt announced
//! in `amz-sdk-request`, and each step reported to an observer and to `tracing`.
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
//!
//! Standard and adaptive modes draw each retry from a retry quota shared by a client and its clones, with
//! the numbers of botocore (`retries/quota.py`, `RetryQuotaChecker` in `retries/standard.py`) and of the AWS
//! SDK for Rust (`aws-smithy-runtime`'s `token_bucket.rs`): 500 tokens; a retry costs 5, a retry after a
//! connect or read timeout 10; a call that succeeds at its first attempt gives 1 back, one that succeeds
//! after retries gives back what its last retry cost. When the quota holds less than a retry costs, the
//! call ends with the outcome that would have been retried ([`Event::RetryQuota`],
//! [`Finished::quota_exhausted`], [`CallError::QuotaExhausted`], [`Error::RetryQuotaExhausted`]); successes
//! refill it.
//!
//! Adaptive mode also runs botocore's client-side rate limiter (`retries/adaptive.py`, `bucket.py`,
//! `throttling.py`): off until the first throttling answer, then every attempt of the client takes a token
//! from a bucket that fills at the allowed send rate, waiting for it ([`Event::RateLimited`]). A throttling
//! answer cuts the rate to 0.7 times the send rate measured then; other outcomes let it grow back along
//! CUBIC's curve, `0.4 * (t - t_throttle - K)^3 + W_max` with `K = cbrt(W_max * 0.3 / 0.4)`, never above
//! twice the measured rate nor below 0.5 attempts per second. Legacy mode has neither, as in botocore.
//!
//! An attempt whose request went out and whose answer never came back (a read timeout, a connection
//! closed before the whole response) is retried by default, as the SDKs do. `ResendConfirmationCode` is
//! not idempotent: the service may have sent a code already, and a retry may send a second one and count
//! twice against the user's limit. [`RetryConfig::with_retry_unanswered`] turns those retries off (a
//! caller then sees the timeout and may ask the user to try again); failures before the request left
//! (connection refused, connect timeouts, TLS) are retried either way.

pub(crate) mod adaptive;
pub(crate) mod quota;

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{Error, TransportFailure};
use crate::framing::Attempt;
use crate::response::RawResponse;

use self::adaptive::RateLimiter;
use self::quota::RetryQuota;

/// The retry mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryMode {
    /// AWS CLI v1's default (botocore's `legacy`): 5 attempts, no retry quota.
    Legacy,
    /// The AWS SDKs' default (`standard`): 3 attempts, a retry quota.
    Standard,
    /// `standard` with the SDKs' client-side rate limiter, which slows every call of the client down
    /// once the service throttles (`adaptive`): 3 attempts.
    Adaptive,
}

impl RetryMode {
    /// The mode's name in AWS configuration (`AWS_RETRY_MODE`, `retry_mode`).
    pub fn name(self) -> &'static str {
        match self {
            RetryMode::Legacy => "legacy",
            RetryMode::Standard => "standard",
            RetryMode::Adaptive => "adaptive",
        }
    }

    /// The attempts the mode makes by default, the first included.
    pub fn default_max_attempts(self) -> u32 {
        match self {
            RetryMode::Legacy => 5,
            RetryMode::Standard | RetryMode::Adaptive => 3,
        }
    }

    /// Whether retries draw from a retry quota (standard and adaptive; legacy has none).
    pub fn has_retry_quota(self) -> bool {
        self != RetryMode::Legacy
    }
}

/// How a call is retried.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryConfig {
    mode: RetryMode,
    max_attempts: u32,
    delay_scale: f64,
    max_on_first_attempt: bool,
    retry_unanswered: bool,
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

    /// `adaptive` mode with its 3 attempts.
    pub fn adaptive() -> Self {
        Self::of(RetryMode::Adaptive)
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
        Self {
            mode,
            max_attempts: mode.default_max_attempts(),
            delay_scale: 1.0,
            max_on_first_attempt: true,
            retry_unanswered: true,
        }
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
    /// keep the backoff's shape without its time). Negative or non-finite values leave it unchanged. The
    /// waits of adaptive mode's rate limiter are not scaled.
    #[must_use]
    pub fn with_delay_scale(mut self, scale: f64) -> Self {
        if scale.is_finite() && scale >= 0.0 {
            self.delay_scale = scale;
        }
        self
    }

    /// The same, retrying (`true`, the default, as the AWS SDKs) or not (`false`) an attempt whose
    /// request went out and whose answer did not come back: a read timeout, or a connection closed
    /// before the whole response ([`TransportFailure::ReadTimeout`], [`TransportFailure::Closed`]).
    ///
    /// The service may have acted on such a request. For `ResendConfirmationCode` a retry may deliver a
    /// second code and count twice against the user's resend limit (`LimitExceededException` comes
    /// sooner); without it the call fails with the timeout even when the code did go out, and the
    /// caller decides (say, by asking the user to try again). Either way, failures before the request
    /// left (refused connections, connect timeouts, TLS failures) are retried.
    #[must_use]
    pub fn with_retry_unanswered(mut self, retry: bool) -> Self {
        self.retry_unanswered = retry;
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

    /// Whether unanswered attempts are retried (see [`RetryConfig::with_retry_unanswered`]).
    pub fn retries_unanswered(&self) -> bool {
        self.retry_unanswered
    }

    /// Whether this attempt's outcome is worth another attempt (ignoring the budget and the quota).
    pub fn is_retryable(&self, outcome: &Outcome<'_>) -> bool {
        match (self.mode, outcome) {
            (_, Outcome::Transport(TransportFailure::Other(_))) => false,
            (_, Outcome::Transport(TransportFailure::ReadTimeout | TransportFailure::Closed)) => self.retry_unanswered,
            (_, Outcome::Transport(_)) => true,
            (RetryMode::Legacy, Outcome::Response { status, code }) => {
                matches!(status, 500 | 502 | 503 | 504 | 509 | 429)
                    || (*status == 400 && code.is_some_and(|c| LEGACY_THROTTLING_CODES.contains(&c)))
            }
            (RetryMode::Standard | RetryMode::Adaptive, Outcome::Response { status, code }) => {
                matches!(status, 500 | 502 | 503 | 504)
                    || code.is_some_and(|c| STANDARD_TRANSIENT_CODES.contains(&c) || is_throttling(c))
            }
        }
    }

    /// The wait before attempt `next` (2, 3, ...), for a random draw `rand` in [0, 1).
    pub fn delay(&self, next: u32, rand: f64) -> Duration {
        let exponent = i32::try_from(next.saturating_sub(2)).unwrap_or(i32::MAX).min(62);
        let growth = 2f64.powi(exponent);
        let seconds = match self.mode {
            RetryMode::Legacy => rand * growth,
            RetryMode::Standard | RetryMode::Adaptive => rand * growth.min(20.0),
        };
        Duration::from_secs_f64((seconds * self.delay_scale).max(0.0))
    }
}

/// Whether an error code is a throttling error by standard mode's list (which feeds adaptive mode too).
fn is_throttling(code: &str) -> bool {
    STANDARD_THROTTLING_CODES.contains(&code)
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
    /// Adaptive mode's rate limiter holds the attempt back this long before it is sent.
    RateLimited {
        /// The attempt.
        attempt: u32,
        /// The wait.
        delay: Duration,
    },
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
    /// A retry of `attempt` was due and asked the client's retry quota for `cost` tokens: `granted`,
    /// leaving `available`; or refused, the quota holding only `available`, and the call ends with
    /// this attempt's outcome.
    RetryQuota {
        /// The attempt that would be retried.
        attempt: u32,
        /// What the retry costs (5, or 10 after a timeout).
        cost: u32,
        /// The tokens left after the retry was paid, or there when it was refused.
        available: u32,
        /// Whether the retry was paid for.
        granted: bool,
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
    /// Whether the response would have been retried but the client's retry quota was exhausted
    /// (botocore's `RetryQuotaReached`).
    pub quota_exhausted: bool,
}

/// A call that ended without a response.
#[derive(Debug)]
pub enum CallError {
    /// The last attempt failed in transport: how, in AWS's terms, and the error itself.
    Transport(TransportFailure, reqwest::Error),
    /// The last attempt failed in transport and would have been retried, but the client's retry quota
    /// was exhausted.
    QuotaExhausted {
        /// How it failed.
        failure: TransportFailure,
        /// The error itself.
        error: reqwest::Error,
        /// The attempts made.
        attempts: u32,
    },
    /// The client refused to send, or read (a bad request, a response over the size limit).
    Client(Error),
}

impl From<CallError> for Error {
    fn from(error: CallError) -> Self {
        match error {
            CallError::Transport(_, error) => Error::Transport(error),
            CallError::QuotaExhausted { error, attempts, .. } => {
                Error::RetryQuotaExhausted { attempts, last: Box::new(Error::Transport(error)) }
            }
            CallError::Client(error) => error,
        }
    }
}

/// What the calls of one client (and its clones) share: the retry quota (standard and adaptive modes)
/// and the rate limiter (adaptive mode), on the runtime's clock.
#[derive(Debug)]
pub(crate) struct Shared {
    quota: Option<Mutex<RetryQuota>>,
    limiter: Option<Mutex<RateLimiter>>,
    epoch: tokio::time::Instant,
}

impl Shared {
    /// The state a client with `config` starts with.
    pub(crate) fn new(config: &RetryConfig) -> Self {
        let epoch = tokio::time::Instant::now();
        Self {
            quota: config.mode.has_retry_quota().then(|| Mutex::new(RetryQuota::new())),
            limiter: (config.mode == RetryMode::Adaptive).then(|| Mutex::new(RateLimiter::new(0.0))),
            epoch,
        }
    }

    /// The tokens left in the retry quota; `None` in legacy mode.
    pub(crate) fn quota_available(&self) -> Option<u32> {
        self.quota.as_ref().map(|q| lock(q).available())
    }

    /// The send rate adaptive mode allows now, once the service has throttled.
    pub(crate) fn allowed_rate(&self) -> Option<f64> {
        self.limiter.as_ref().and_then(|l| lock(l).allowed_rate())
    }

    /// Seconds since the client was built, on the runtime's clock (which tests may pause).
    fn now(&self) -> f64 {
        self.epoch.elapsed().as_secs_f64()
    }
}

/// The value behind a mutex, even if a panicking thread poisoned it (the state stays consistent: every
/// update is a few arithmetic steps with no panic between them).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What an attempt ended with, for the retry decision.
enum Ended {
    Response(RawResponse, Option<String>),
    Failure(TransportFailure, reqwest::Error),
}

/// Runs `send` for each attempt until a response is final, the budget is spent or the quota refuses a
/// retry, telling `observe` and `tracing` each step. `read_timeout` feeds the `ttl` of later attempts,
/// as botocore computes it.
pub(crate) async fn run<F, Fut>(
    config: &RetryConfig,
    shared: &Shared,
    read_timeout: Option<Duration>,
    observe: &mut dyn FnMut(Event<'_>),
    mut send: F,
) -> Result<Finished, CallError>
where
    F: FnMut(Attempt) -> Fut,
    Fut: Future<Output = Result<RawResponse, Error>>,
{
    let mut attempt = Attempt::first(config.max_on_first_attempt.then_some(config.max_attempts));
    // What this call's last retry cost, given back if the call ends in a success.
    let mut paid: Option<u32> = None;
    loop {
        let number = attempt.number;
        if let Some(limiter) = &shared.limiter {
            let delay = lock(limiter).acquire(shared.now());
            if !delay.is_zero() {
                observe(Event::RateLimited { attempt: number, delay });
                tracing::debug!(target: "cognito_idp_client::retry", attempt = number, delay_seconds = delay.as_secs_f64(), "rate limited");
                tokio::time::sleep(delay).await;
            }
        }
        observe(Event::Sending { attempt: &attempt });
        tracing::debug!(target: "cognito_idp_client::retry", attempt = number, max_attempts = config.max_attempts, "sending");
        let sent_at = SystemTime::now();
        let (ended, retryable, throttled) = match send(attempt.clone()).await {
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
                let throttled = code.is_some_and(is_throttling);
                let ttl = ttl(&response, sent_at, read_timeout);
                (Ended::Response(response, ttl), retryable, throttled)
            }
            Err(Error::Transport(e)) => {
                let failure = TransportFailure::classify(&e);
                observe(Event::Failed { attempt: number, failure: &failure });
                tracing::debug!(target: "cognito_idp_client::retry", attempt = number, failure = ?failure, "no response");
                let retryable = config.is_retryable(&Outcome::Transport(failure.clone()));
                (Ended::Failure(failure, e), retryable, false)
            }
            Err(other) => return Err(CallError::Client(other)),
        };
        if let Some(limiter) = &shared.limiter {
            let mut limiter = lock(limiter);
            limiter.update(shared.now(), throttled);
            tracing::debug!(target: "cognito_idp_client::retry", throttled, allowed_rate = limiter.allowed_rate(), "rate limiter updated");
        }
        let budget_left = number < config.max_attempts;
        if !retryable || !budget_left {
            return match ended {
                Ended::Response(response, _) => {
                    if response.is_success() {
                        refund(shared, paid);
                    }
                    let max_reached = match config.mode {
                        RetryMode::Legacy => retryable && !budget_left,
                        RetryMode::Standard | RetryMode::Adaptive => !budget_left,
                    };
                    Ok(Finished { response, attempts: number, max_reached, quota_exhausted: false })
                }
                Ended::Failure(failure, e) => Err(CallError::Transport(failure, e)),
            };
        }
        let timed_out =
            matches!(&ended, Ended::Failure(TransportFailure::ConnectTimeout | TransportFailure::ReadTimeout, _));
        if let Some(quota) = &shared.quota {
            let cost = if timed_out { quota::TIMEOUT_RETRY_COST } else { quota::RETRY_COST };
            let drawn = lock(quota).acquire(cost);
            let (granted, available) = match drawn {
                Ok(left) => (true, left),
                Err(there) => (false, there),
            };
            observe(Event::RetryQuota { attempt: number, cost, available, granted });
            tracing::debug!(target: "cognito_idp_client::retry", attempt = number, cost, available, granted, "retry quota");
            if !granted {
                return match ended {
                    Ended::Response(response, _) => {
                        Ok(Finished { response, attempts: number, max_reached: false, quota_exhausted: true })
                    }
                    Ended::Failure(failure, error) => {
                        Err(CallError::QuotaExhausted { failure, error, attempts: number })
                    }
                };
            }
            paid = Some(cost);
        }
        let next = number + 1;
        let delay = config.delay(next, random_unit());
        observe(Event::Waiting { next, delay });
        tracing::debug!(target: "cognito_idp_client::retry", next_attempt = next, delay_seconds = delay.as_secs_f64(), "retrying");
        tokio::time::sleep(delay).await;
        let ttl = match ended {
            Ended::Response(_, ttl) => ttl,
            Ended::Failure(..) => None,
        };
        attempt = attempt.next(Some(config.max_attempts), ttl);
    }
}

/// A call succeeded: give back what its last retry cost, or one token if it needed none.
fn refund(shared: &Shared, paid: Option<u32>) {
    if let Some(quota) = &shared.quota {
        let amount = paid.unwrap_or(quota::NO_RETRY_INCREMENT);
        let available = lock(quota).release(amount);
        tracing::trace!(target: "cognito_idp_client::retry", amount, available, "retry quota refunded");
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
    fn each_mode_has_its_name_and_quota() {
        let modes = [RetryMode::Legacy, RetryMode::Standard, RetryMode::Adaptive];
        assert_eq!(modes.map(RetryMode::name), ["legacy", "standard", "adaptive"]);
        assert_eq!(modes.map(RetryMode::default_max_attempts), [5, 3, 3]);
        assert_eq!(modes.map(RetryMode::has_retry_quota), [false, true, true]);
        assert_eq!(RetryConfig::adaptive(), RetryConfig::of(RetryMode::Adaptive));
    }

    #[test]
    fn adaptive_retries_and_waits_as_standard() {
        let (standard, adaptive) = (config(RetryMode::Standard), config(RetryMode::Adaptive));
        for (status, code) in [(400, Some("ThrottlingException")), (503, None), (429, None), (400, Some("X"))] {
            let outcome = response(status, code);
            assert_eq!(adaptive.is_retryable(&outcome), standard.is_retryable(&outcome), "{status} {code:?}");
        }
        assert_eq!(adaptive.delay(10, 1.0), Duration::from_secs(20));
        assert_eq!(adaptive.delay(3, 0.5), Duration::from_secs(1));
    }

    #[test]
    fn unanswered_attempts_can_be_left_unretried_and_the_rest_still_are() {
        for mode in [RetryMode::Legacy, RetryMode::Standard, RetryMode::Adaptive] {
            let strict = config(mode).with_retry_unanswered(false);
            assert!(config(mode).retries_unanswered() && !strict.retries_unanswered());
            for failure in [TransportFailure::ReadTimeout, TransportFailure::Closed] {
                assert!(!strict.is_retryable(&Outcome::Transport(failure)), "{mode:?}");
            }
            for failure in
                [TransportFailure::Connect, TransportFailure::ConnectTimeout, TransportFailure::Tls("x".into())]
            {
                assert!(strict.is_retryable(&Outcome::Transport(failure)), "{mode:?}");
            }
        }
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

    /// A response with `status`, and a `__type` of `code` when given.
    fn answer(status: u16, code: Option<&str>) -> RawResponse {
        let body = code.map(|c| format!(r#"{{"__type":"{c}"}}"#)).unwrap_or_default();
        RawResponse { status, headers: reqwest::header::HeaderMap::new(), body: body.into() }
    }

    /// Runs one call whose attempts get `answers` in turn, and returns it with the events' names.
    async fn call(
        config: &RetryConfig,
        shared: &Shared,
        answers: &[(u16, Option<&str>)],
    ) -> (Result<Finished, CallError>, Vec<String>) {
        let mut events = Vec::new();
        let mut next = answers.iter();
        let result = run(
            &config.clone().with_delay_scale(0.0),
            shared,
            None,
            &mut |event| {
                events.push(match event {
                    Event::RateLimited { attempt, .. } => format!("limited {attempt}"),
                    Event::Sending { attempt } => format!("send {}", attempt.number),
                    Event::Received { response, .. } => format!("got {}", response.status),
                    Event::Failed { .. } => "failed".to_owned(),
                    Event::RetryQuota { cost, available, granted, .. } => format!("quota {cost} {available} {granted}"),
                    Event::Waiting { next, .. } => format!("wait {next}"),
                })
            },
            |_| {
                let (status, code) = *next.next().expect("an answer for every attempt");
                async move { Ok(answer(status, code)) }
            },
        )
        .await;
        (result, events)
    }

    #[tokio::test]
    async fn a_call_draws_from_the_quota_for_each_retry_and_a_success_gives_the_last_back() {
        let config = RetryConfig::standard();
        let shared = Shared::new(&config);
        let (result, events) = call(&config, &shared, &[(503, None), (500, None), (200, None)]).await;
        let finished = result.expect("a response");
        assert_eq!((finished.attempts, finished.max_reached, finished.quota_exhausted), (3, true, false));
        assert_eq!(
            events,
            [
                "send 1",
                "got 503",
                "quota 5 495 true",
                "wait 2",
                "send 2",
                "got 500",
                "quota 5 490 true",
                "wait 3",
                "send 3",
                "got 200"
            ]
        );
        assert_eq!(shared.quota_available(), Some(495));
        let (_, events) = call(&config, &shared, &[(200, None)]).await;
        assert_eq!(events, ["send 1", "got 200"]);
        assert_eq!(shared.quota_available(), Some(496));
    }

    #[tokio::test]
    async fn a_failed_call_gives_nothing_back_and_a_final_error_is_not_retried() {
        let config = RetryConfig::standard().with_max_attempts(2);
        let shared = Shared::new(&config);
        let (result, _) = call(&config, &shared, &[(500, None), (500, None)]).await;
        assert!(result.expect("a response").max_reached);
        assert_eq!(shared.quota_available(), Some(495));
        let (result, events) = call(&config, &shared, &[(400, Some("UserNotFoundException"))]).await;
        let finished = result.expect("a response");
        assert_eq!((finished.attempts, finished.max_reached), (1, false));
        assert_eq!(events, ["send 1", "got 400"]);
        assert_eq!(shared.quota_available(), Some(495));
    }

    #[tokio::test]
    async fn an_empty_quota_ends_the_call_with_its_last_response() {
        let config = RetryConfig::standard();
        let shared = Shared::new(&config);
        let quota = shared.quota.as_ref().expect("standard has a quota");
        lock(quota).acquire(496).expect("drained");
        let (result, events) = call(&config, &shared, &[(503, None)]).await;
        let finished = result.expect("a response");
        assert_eq!((finished.attempts, finished.max_reached, finished.quota_exhausted), (1, false, true));
        assert_eq!(events, ["send 1", "got 503", "quota 5 4 false"]);
    }

    #[tokio::test]
    async fn legacy_mode_has_no_quota_and_reaches_its_maximum_only_on_a_retryable_answer() {
        let config = RetryConfig::legacy().with_max_attempts(2);
        let shared = Shared::new(&config);
        let (result, events) = call(&config, &shared, &[(500, None), (500, None)]).await;
        assert!(result.expect("a response").max_reached);
        assert_eq!(events, ["send 1", "got 500", "wait 2", "send 2", "got 500"]);
        let single = RetryConfig::legacy().with_max_attempts(1);
        let (result, _) = call(&single, &shared, &[(400, Some("UserNotFoundException"))]).await;
        assert!(!result.expect("a response").max_reached);
        let standard = RetryConfig::standard().with_max_attempts(1);
        let (result, _) = call(&standard, &Shared::new(&standard), &[(400, Some("UserNotFoundException"))]).await;
        assert!(result.expect("a response").max_reached, "standard mode says so whatever the answer");
        assert_eq!(shared.quota_available(), None);
    }

    #[tokio::test(start_paused = true)]
    async fn adaptive_mode_holds_attempts_back_after_a_throttle() {
        let config = RetryConfig::adaptive();
        let shared = Shared::new(&config);
        let (_, events) = call(&config, &shared, &[(400, Some("ThrottlingException")), (200, None)]).await;
        assert_eq!(events, ["send 1", "got 400", "quota 5 495 true", "wait 2", "limited 2", "send 2", "got 200"]);
        assert!(shared.allowed_rate().is_some());
        let standard = RetryConfig::standard();
        let unlimited = Shared::new(&standard);
        let (_, events) = call(&standard, &unlimited, &[(400, Some("ThrottlingException")), (200, None)]).await;
        assert!(!events.iter().any(|e| e.starts_with("limited")), "{events:?}");
        assert_eq!(unlimited.allowed_rate(), None);
    }

    #[test]
    fn the_ttl_needs_a_date_and_a_read_timeout_and_carries_the_skew() {
        let mut response = answer(500, None);
        let sent = SystemTime::now();
        assert_eq!(ttl(&response, sent, Some(Duration::from_secs(60))), None);
        response.headers.insert("date", reqwest::header::HeaderValue::from_static("Thu, 26 Nov 2026 10:00:00 GMT"));
        assert_eq!(ttl(&response, sent, None), None);
        // The server's clock is where the date says: the ttl is its time plus the read timeout.
        let server = httpdate::parse_http_date("Thu, 26 Nov 2026 10:00:00 GMT").expect("date");
        let found = ttl(&response, server, Some(Duration::from_secs(60))).expect("a ttl");
        let expected = seconds_since_epoch(SystemTime::now()) + 60.0;
        assert!(
            [format_utc(expected - 1.0), format_utc(expected)].contains(&found),
            "{found}, expected about {}",
            format_utc(expected)
        );
        response.headers.insert("date", reqwest::header::HeaderValue::from_static("not a date"));
        assert_eq!(ttl(&response, sent, Some(Duration::from_secs(60))), None);
    }

    #[test]
    fn the_ttl_follows_the_servers_clock() {
        // A server an hour behind: the ttl is its time plus the read timeout, not ours.
        let mut response = answer(500, None);
        let server = SystemTime::now() - Duration::from_secs(3600);
        let date = httpdate::fmt_http_date(server);
        response.headers.insert("date", reqwest::header::HeaderValue::from_str(&date).expect("a header value"));
        let found = ttl(&response, SystemTime::now(), Some(Duration::from_secs(60))).expect("a ttl");
        let expected = seconds_since_epoch(server).floor() + 60.0;
        assert!(
            (0..=2).any(|late| format_utc(expected + f64::from(late)) == found),
            "{found}, expected about {}",
            format_utc(expected)
        );
    }

    #[test]
    fn configuration_switches_change_only_what_they_name() {
        let botocore = RetryConfig::legacy().with_max_attempts(4).with_botocore_first_attempt();
        assert_eq!((botocore.mode(), botocore.max_attempts()), (RetryMode::Legacy, 4));
        assert!(!botocore.max_on_first_attempt && RetryConfig::legacy().max_on_first_attempt);
        let scaled = RetryConfig::legacy().with_delay_scale(0.5);
        for refused in [-1.0, f64::INFINITY, f64::NAN] {
            assert_eq!(scaled.clone().with_delay_scale(refused), scaled, "{refused}");
        }
        assert_eq!(scaled.clone().with_delay_scale(0.0).delay(5, 1.0), Duration::ZERO);
    }

    #[test]
    fn times_before_the_epoch_count_negative() {
        assert_eq!(seconds_since_epoch(UNIX_EPOCH - Duration::from_secs(5)), -5.0);
        assert_eq!(seconds_since_epoch(UNIX_EPOCH + Duration::from_millis(1500)), 1.5);
    }

    #[test]
    fn a_call_error_becomes_the_crates_error() {
        let error: Error = CallError::Client(Error::InvalidRequest("x".into())).into();
        assert!(matches!(error, Error::InvalidRequest(_)));
    }

    #[test]
    fn random_draws_stay_in_the_unit_interval_and_spread_over_it() {
        let draws: Vec<f64> = (0..1000).map(|_| random_unit()).collect();
        assert!(draws.iter().all(|r| (0.0..1.0).contains(r)), "{draws:?}");
        // 1000 uniform draws: each tenth of the interval gets about 100 (fewer than 40 has odds below 1e-15).
        for tenth in 0..10 {
            let low = f64::from(tenth) / 10.0;
            let count = draws.iter().filter(|r| (low..low + 0.1).contains(*r)).count();
            assert!(count > 40, "{count} draws in [{low}, {}): {draws:?}", low + 0.1);
        }
    }
}
