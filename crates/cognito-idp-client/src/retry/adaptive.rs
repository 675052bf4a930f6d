//! The client-side rate limiter of the SDKs' `adaptive` mode, as botocore builds it
//! (`botocore/retries/adaptive.py` `ClientRateLimiter` and `RateClocker`, `bucket.py` `TokenBucket`,
//! `throttling.py` `CubicCalculator`; `aws-smithy-runtime`'s `client/retries/client_rate_limiter.rs` is the
//! same machine in Rust).
//!
//! Off until the first throttling response; from then on every attempt takes one token from a bucket
//! that fills at the allowed send rate. Each outcome updates that rate: a throttling response cuts it to
//! 0.7 times the rate measured then (CUBIC's multiplicative decrease), every other outcome lets it grow
//! back along CUBIC's curve, `0.4 * (t - t_throttle - K)^3 + W_max` with `K = cbrt(W_max * 0.3 / 0.4)`;
//! the rate never exceeds twice the measured send rate (smoothed over half-second windows) nor falls
//! below 0.5 requests per second.
//!
//! The limiter is a pure state machine over times in seconds (from any fixed origin); the retry loop
//! gives it the runtime's clock, so tests can drive it with a paused one.

use std::time::Duration;

/// The lowest fill rate, in requests per second (`TokenBucket._MIN_RATE`).
const MIN_FILL_RATE: f64 = 0.5;
/// The weight of the newest window in the measured rate (`RateClocker._DEFAULT_SMOOTHING`).
const SMOOTHING: f64 = 0.8;
/// Windows per second of the measured rate (`1 / RateClocker._TIME_BUCKET_RANGE`).
const WINDOWS_PER_SECOND: f64 = 2.0;
/// CUBIC's multiplicative decrease (`CubicCalculator._BETA`).
const BETA: f64 = 0.7;
/// CUBIC's scale (`CubicCalculator._SCALE_CONSTANT`).
const SCALE_CONSTANT: f64 = 0.4;
/// The rate never exceeds this times the measured rate (`ClientRateLimiter._MAX_RATE_ADJUST_SCALE`).
const MAX_RATE_ADJUST_SCALE: f64 = 2.0;

/// The state of one client's rate limiter.
#[derive(Clone, Debug)]
pub(crate) struct RateLimiter {
    /// Whether a throttling response has been seen; until then nothing waits.
    enabled: bool,
    /// The token bucket: its fill rate (requests per second), capacity, tokens, last refill.
    fill_rate: f64,
    max_capacity: f64,
    tokens: f64,
    last_refill: f64,
    /// The measured send rate, the start of its current window and the outcomes counted in it.
    measured_rate: f64,
    window: f64,
    count: u32,
    /// CUBIC: the rate at the last throttle, the time it takes to grow back to it, and when.
    w_max: f64,
    k: f64,
    last_throttle: f64,
}

impl RateLimiter {
    /// A limiter created at `now`: off, with botocore's first bucket (1 request per second, empty).
    pub(crate) fn new(now: f64) -> Self {
        Self {
            enabled: false,
            fill_rate: 1.0,
            max_capacity: 1.0,
            tokens: 0.0,
            last_refill: now,
            measured_rate: 0.0,
            window: now.floor(),
            count: 0,
            w_max: 0.0,
            k: 0.0,
            last_throttle: now,
        }
    }

    /// The send rate allowed now, in requests per second, once throttling has switched the limiter on.
    pub(crate) fn allowed_rate(&self) -> Option<f64> {
        self.enabled.then_some(self.fill_rate)
    }

    /// An attempt is about to be sent at `now`: how long it must wait first. The token is taken at once
    /// (the bucket may go below zero), so attempts that wait together are spaced by the fill rate.
    pub(crate) fn acquire(&mut self, now: f64) -> Duration {
        if !self.enabled {
            return Duration::ZERO;
        }
        self.refill(now);
        let wait = if self.tokens >= 1.0 { 0.0 } else { (1.0 - self.tokens) / self.fill_rate };
        self.tokens -= 1.0;
        Duration::try_from_secs_f64(wait).unwrap_or(Duration::MAX)
    }

    /// An attempt's outcome arrived at `now`, a throttling error or not: the allowed rate follows.
    pub(crate) fn update(&mut self, now: f64, throttled: bool) {
        let measured = self.measure(now);
        let rate = if throttled {
            let base = if self.enabled { measured.min(self.fill_rate) } else { measured };
            self.w_max = base;
            self.k = (base * (1.0 - BETA) / SCALE_CONSTANT).cbrt();
            self.last_throttle = now;
            self.enabled = true;
            base * BETA
        } else {
            SCALE_CONSTANT * (now - self.last_throttle - self.k).powi(3) + self.w_max
        };
        self.set_rate(now, rate.min(MAX_RATE_ADJUST_SCALE * measured));
    }

    /// Counts one outcome at `now` and returns the smoothed send rate, updated when a window closes.
    fn measure(&mut self, now: f64) -> f64 {
        let window = (now * WINDOWS_PER_SECOND).floor() / WINDOWS_PER_SECOND;
        self.count += 1;
        if window > self.window {
            let current = f64::from(self.count) / (window - self.window);
            self.measured_rate = current * SMOOTHING + self.measured_rate * (1.0 - SMOOTHING);
            self.count = 0;
            self.window = window;
        }
        self.measured_rate
    }

    /// Sets the fill rate (at least the minimum) and the capacity (the rate, at least one token), after
    /// filling the bucket at the old rate up to `now`.
    fn set_rate(&mut self, now: f64, rate: f64) {
        self.refill(now);
        self.fill_rate = rate.max(MIN_FILL_RATE);
        self.max_capacity = rate.max(1.0);
        self.tokens = self.tokens.min(self.max_capacity);
    }

    fn refill(&mut self, now: f64) {
        let added = (now - self.last_refill) * self.fill_rate;
        self.tokens = self.max_capacity.min(self.tokens + added);
        self.last_refill = now;
    }
}

#[cfg(test)]
mod tests {
    //! The rate vectors are the SDKs' shared test cases, as aws-sdk-go-v2's `adaptive_ratelimit_test.go`
    //! and smithy-rs's `client_rate_limiter.rs` carry them.

    use super::*;

    fn close(found: f64, expected: f64) -> bool {
        (found - expected).abs() <= 1e-9 * expected.abs().max(1.0)
    }

    #[test]
    fn sending_rates_follow_the_shared_test_cases() {
        // (time, throttled, measured rate, fill rate) for outcomes 0.2 s apart from a limiter made at 0.
        let cases = [
            (0.2, false, 0.0, 0.5),
            (0.4, false, 0.0, 0.5),
            (0.6, false, 4.8, 0.5),
            (0.8, false, 4.8, 0.5),
            (1.0, false, 4.16, 0.5),
            (1.2, false, 4.16, 0.6912),
            (1.4, false, 4.16, 1.0976),
            (1.6, false, 5.632, 1.6384),
            (1.8, false, 5.632, 2.3328),
            (2.0, true, 4.3264, 3.02848),
            (2.2, false, 4.3264, 3.486_639_173_470_26),
            (2.4, false, 4.3264, 3.821_874_416_040_255),
            (2.6, false, 5.66528, 4.053_385_727_709_987),
            (2.8, false, 5.66528, 4.200_373_108_479_454),
            (3.0, false, 4.333_056, 4.282_036_558_348_658),
            (3.2, true, 4.333_056, 2.997_425_590_844_06),
            (3.4, false, 4.333_056, 3.452_226_394_386_346_3),
        ];
        let mut limiter = RateLimiter::new(0.0);
        for (time, throttled, measured, fill) in cases {
            limiter.update(time, throttled);
            assert!(close(limiter.measured_rate, measured), "at {time}: measured {}", limiter.measured_rate);
            assert!(close(limiter.fill_rate, fill), "at {time}: fill rate {}", limiter.fill_rate);
        }
    }

    #[test]
    fn the_cubic_curve_follows_the_shared_test_cases() {
        // W_max 10 at a throttle at 5 s: the rate after successes, then after throttles.
        let mut limiter = RateLimiter::new(0.0);
        limiter.w_max = 10.0;
        limiter.last_throttle = 5.0;
        limiter.k = (10.0 * (1.0 - BETA) / SCALE_CONSTANT).cbrt();
        let growth = [
            (5.0, 7.0),
            (6.0, 9.648_936_009_66),
            (7.0, 10.000_030_849_917_364),
            (8.0, 10.453_284_520_772_092),
            (9.0, 13.408_697_022_224_185),
            (10.0, 21.266_268_354_273_64),
            (11.0, 36.425_998_516_920_465),
        ];
        for (time, rate) in growth {
            let found = SCALE_CONSTANT * (time - limiter.last_throttle - limiter.k).powi(3) + limiter.w_max;
            assert!(close(found, rate), "at {time}: {found}");
        }
    }

    #[test]
    fn nothing_waits_before_the_first_throttle() {
        let mut limiter = RateLimiter::new(100.0);
        for step in 0..50 {
            let now = 100.0 + f64::from(step) * 0.01;
            assert_eq!(limiter.acquire(now), Duration::ZERO);
            limiter.update(now, false);
        }
        assert_eq!(limiter.allowed_rate(), None);
    }

    #[test]
    fn after_a_throttle_attempts_are_spaced_by_the_allowed_rate() {
        let mut limiter = RateLimiter::new(0.0);
        limiter.update(0.0, true);
        // Nothing measured yet: the rate falls to its floor, 0.5 per second, with an empty bucket.
        assert_eq!(limiter.allowed_rate(), Some(0.5));
        assert_eq!(limiter.acquire(0.0), Duration::from_secs(2));
        // A second attempt at the same moment queues behind the first.
        assert_eq!(limiter.acquire(0.0), Duration::from_secs(4));
        // Once the bucket has refilled, an attempt goes at once.
        assert_eq!(limiter.acquire(10.0), Duration::ZERO);
    }

    #[test]
    fn a_throttle_while_limited_starts_from_the_lower_of_the_measured_and_allowed_rates() {
        let mut limiter = RateLimiter::new(0.0);
        for step in 1..=20 {
            limiter.update(f64::from(step) * 0.1, false);
        }
        let measured = limiter.measured_rate;
        limiter.update(2.05, true);
        assert!(close(limiter.w_max, measured), "{} {measured}", limiter.w_max);
        limiter.fill_rate = 1.0;
        limiter.update(2.1, true);
        assert!(close(limiter.w_max, 1.0), "{}", limiter.w_max);
        assert!(close(limiter.fill_rate, 0.7), "{}", limiter.fill_rate);
    }

    #[test]
    fn the_rate_never_grows_beyond_twice_the_measured_send_rate() {
        let mut limiter = RateLimiter::new(0.0);
        limiter.update(0.05, true);
        for step in 1..=50 {
            limiter.update(f64::from(step) * 0.1, false);
        }
        // CUBIC alone would allow about 48 per second by now; the client sends about 10.
        assert!(limiter.measured_rate > 5.0, "{}", limiter.measured_rate);
        assert!(
            close(limiter.fill_rate, 2.0 * limiter.measured_rate),
            "{} {}",
            limiter.fill_rate,
            limiter.measured_rate
        );
        assert!(close(limiter.max_capacity, limiter.fill_rate));
    }

    #[test]
    fn the_bucket_never_holds_more_than_its_capacity() {
        let mut limiter = RateLimiter::new(0.0);
        limiter.update(0.0, true);
        limiter.set_rate(0.0, 4.0);
        limiter.refill(1000.0);
        assert!(close(limiter.tokens, 4.0), "{}", limiter.tokens);
        limiter.set_rate(1000.0, 0.2);
        assert!(close(limiter.tokens, 1.0), "capacity is at least one token: {}", limiter.tokens);
        assert!(close(limiter.fill_rate, MIN_FILL_RATE));
    }
}
