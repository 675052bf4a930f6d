//! Sending with AWS CLI v1's retries: legacy mode by default (5 attempts), standard mode on request.
//!
//! Legacy mode (botocore's `_retry.json` defaults) retries HTTP 500, 502, 503, 504, 509 and 429, the
//! throttling codes `Throttling`, `ThrottlingException`, `ThrottledException`,
//! `RequestThrottledException` and `ProvisionedThroughputExceededException` when they come with HTTP 400,
//! and connection failures and read timeouts; it waits `rand() * 2^(attempt - 1)` seconds. Standard mode
//! (3 attempts) retries HTTP 500, 502, 503, 504, the transient and throttling codes of botocore's
//! `retries/standard.py` whatever their status, and connection failures; it waits
//! `rand() * min(2^(attempt - 1), 20)` seconds. `adaptive` behaves as standard here (its client-side rate
//! limiter never engages for a single call). Every attempt carries the same `amz-sdk-invocation-id`; the
//! first says `attempt=1`, retries `ttl=...; attempt=N; max=M` as botocore does.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cognito_idp_client::framing::Attempt;
use cognito_idp_client::{CognitoIdp, Error, RawResponse, TransportFailure};

/// The retry mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryMode {
    /// AWS CLI v1's default.
    Legacy,
    /// botocore's standard mode (also used for `adaptive`).
    Standard,
}

/// How a call is retried.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// The mode.
    pub mode: RetryMode,
    /// Total attempts, the first included.
    pub max_attempts: u32,
    /// A factor on every delay: 1 normally; tests set `COGNITO_IDP_RETRY_DELAY_SCALE` to make backoff
    /// short without skipping it.
    pub delay_scale: f64,
}

impl RetryPolicy {
    /// The policy from the settings' values of `AWS_RETRY_MODE` / `retry_mode` and `AWS_MAX_ATTEMPTS` /
    /// `max_attempts`, and the testing knob `COGNITO_IDP_RETRY_DELAY_SCALE`.
    pub fn from_settings(
        mode: Option<&str>,
        max_attempts: Option<&str>,
        delay_scale: Option<&str>,
    ) -> Result<Self, String> {
        let mode = match mode {
            None | Some("legacy") => RetryMode::Legacy,
            Some("standard" | "adaptive") => RetryMode::Standard,
            Some(other) => {
                return Err(format!(
                    "Invalid value provided to \"mode\": \"{other}\" must be one of: ('legacy', 'standard', 'adaptive')"
                ));
            }
        };
        let max_attempts = match max_attempts {
            None => match mode {
                RetryMode::Legacy => 5,
                RetryMode::Standard => 3,
            },
            // botocore reads it with Python's int() and wants at least 1.
            Some(text) => match crate::argparse::python_int(text)? {
                n if n >= 1 => u32::try_from(n).unwrap_or(u32::MAX),
                n => {
                    return Err(format!(
                        "Value provided to \"max_attempts\": {n} must be an integer greater than or equal to 1."
                    ));
                }
            },
        };
        let delay_scale =
            delay_scale.and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite() && *v >= 0.0).unwrap_or(1.0);
        Ok(Self { mode, max_attempts, delay_scale })
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

/// What the debug log hears about a call.
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
    /// The last attempt failed in transport.
    Transport(TransportFailure),
    /// The client refused to send (a bad request body or URL).
    Client(Error),
}

/// Sends `body` until a response is final or the budget is spent.
pub async fn call(
    client: &CognitoIdp,
    body: &[u8],
    policy: &RetryPolicy,
    read_timeout: Option<Duration>,
    log: &mut dyn FnMut(Event<'_>),
) -> Result<Finished, CallError> {
    let mut attempt = Attempt::first(None);
    loop {
        log(Event::Sending { attempt: &attempt });
        let sent_at = SystemTime::now();
        let result = client.send_raw(body.to_vec(), &attempt).await;
        let number = attempt.number;
        let (retryable, ttl, response) = match result {
            Ok(response) => {
                log(Event::Received { attempt: number, response: &response });
                let error = (!response.is_success()).then(|| response.service_error());
                let code = error.as_ref().map(|e| e.code());
                let retryable = policy.is_retryable(&Outcome::Response { status: response.status, code });
                let ttl = ttl(&response, sent_at, read_timeout);
                (retryable, ttl, Some(response))
            }
            Err(Error::Transport(e)) => {
                let failure = TransportFailure::classify(&e);
                log(Event::Failed { attempt: number, failure: &failure });
                let retryable = policy.is_retryable(&Outcome::Transport(failure.clone()));
                if !retryable || number >= policy.max_attempts {
                    return Err(CallError::Transport(failure));
                }
                (true, None, None)
            }
            Err(other) => return Err(CallError::Client(other)),
        };
        let budget_left = number < policy.max_attempts;
        if let Some(response) = response {
            let max_reached = match policy.mode {
                RetryMode::Legacy => retryable && !budget_left,
                RetryMode::Standard => !budget_left,
            };
            if !retryable || !budget_left {
                return Ok(Finished { response, attempts: number, max_reached });
            }
        }
        let next = number + 1;
        let delay = policy.delay(next, random_unit());
        log(Event::Waiting { next, delay });
        tokio::time::sleep(delay).await;
        attempt = attempt.next(Some(policy.max_attempts), ttl);
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

    fn policy(mode: RetryMode) -> RetryPolicy {
        RetryPolicy { mode, max_attempts: if mode == RetryMode::Legacy { 5 } else { 3 }, delay_scale: 1.0 }
    }

    fn response(status: u16, code: Option<&str>) -> Outcome<'_> {
        Outcome::Response { status, code }
    }

    #[test]
    fn legacy_retries_the_server_statuses_and_throttling_codes_only_with_400() {
        let legacy = policy(RetryMode::Legacy);
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
        let standard = policy(RetryMode::Standard);
        assert!(standard.is_retryable(&response(400, Some("TooManyRequestsException"))));
        assert!(standard.is_retryable(&response(400, Some("LimitExceededException"))));
        assert!(standard.is_retryable(&response(503, None)));
        assert!(!standard.is_retryable(&response(509, None)));
        assert!(!standard.is_retryable(&response(429, None)));
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
                assert!(policy(mode).is_retryable(&Outcome::Transport(failure.clone())), "{mode:?} {failure:?}");
            }
        }
    }

    #[test]
    fn delays_grow_exponentially_with_full_jitter_and_standard_caps_at_20_seconds() {
        let legacy = policy(RetryMode::Legacy);
        assert_eq!(legacy.delay(2, 0.5), Duration::from_millis(500));
        assert_eq!(legacy.delay(3, 0.5), Duration::from_secs(1));
        assert_eq!(legacy.delay(5, 1.0), Duration::from_secs(8));
        let standard = policy(RetryMode::Standard);
        assert_eq!(standard.delay(10, 1.0), Duration::from_secs(20));
        let scaled = RetryPolicy { delay_scale: 0.001, ..legacy };
        assert_eq!(scaled.delay(5, 1.0), Duration::from_millis(8));
    }

    #[test]
    fn modes_and_attempts_are_read_and_checked() {
        let standard = RetryPolicy::from_settings(Some("standard"), Some("7"), None).expect("valid");
        assert_eq!((standard.mode, standard.max_attempts, standard.delay_scale), (RetryMode::Standard, 7, 1.0));
        let defaults = RetryPolicy::from_settings(None, None, Some("0.01")).expect("valid");
        assert_eq!((defaults.mode, defaults.max_attempts, defaults.delay_scale), (RetryMode::Legacy, 5, 0.01));
        assert_eq!(RetryPolicy::from_settings(Some("adaptive"), None, None).expect("valid").max_attempts, 3);
        // Messages observed from awscli 1.46.3.
        assert_eq!(
            RetryPolicy::from_settings(Some("fast"), None, None).expect_err("invalid"),
            "Invalid value provided to \"mode\": \"fast\" must be one of: ('legacy', 'standard', 'adaptive')"
        );
        assert_eq!(
            RetryPolicy::from_settings(None, Some("0"), None).expect_err("zero"),
            "Value provided to \"max_attempts\": 0 must be an integer greater than or equal to 1."
        );
        assert_eq!(
            RetryPolicy::from_settings(None, Some("2.5"), None).expect_err("not an int"),
            "invalid literal for int() with base 10: '2.5'"
        );
        assert_eq!(RetryPolicy::from_settings(None, Some(" 3 "), None).expect("Python's int()").max_attempts, 3);
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
