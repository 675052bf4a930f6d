//! `--debug`: a timestamped log on stderr, with every sensitive value redacted.
//!
//! Lines have AWS CLI v1's shape, `2026-11-26 09:53:18,709 - MainThread - <logger> - DEBUG - <message>`
//! (in UTC). What the reference prints in clear, this log redacts: the values of members the contract marks
//! sensitive (`ClientId`, `SecretHash`, `Username`, `UserContextData`) wherever they appear (echoed
//! arguments, request bodies), the whole of `--cli-input-json`, and the client secret and the computed
//! `SecretHash` anywhere in any line, as a last line of defence.
//!
//! What is sensitive, and how it is shown, is [`crate::redact`]'s.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::redact::REDACTED;

/// The debug log: silent unless `--debug` was given.
#[derive(Default)]
pub struct DebugLog {
    enabled: bool,
    /// The values no line may show; kept only while the log writes, and zeroed when dropped.
    scrub: Vec<zeroize::Zeroizing<String>>,
}

impl std::fmt::Debug for DebugLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DebugLog").field("enabled", &self.enabled).field("scrub", &self.scrub.len()).finish()
    }
}

impl DebugLog {
    /// A log that writes when `enabled`.
    pub fn new(enabled: bool) -> Self {
        Self { enabled, scrub: Vec::new() }
    }

    /// Whether lines are written.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Never write `secret` (a client secret or a SecretHash) in any line from now on. A silent log writes
    /// nothing and so keeps no copy: the secret stays read once, in its own zeroized storage.
    pub fn scrub(&mut self, secret: &str) {
        if self.enabled && !secret.is_empty() {
            self.scrub.push(zeroize::Zeroizing::new(secret.to_owned()));
        }
    }

    /// How many values the log keeps to scrub (for tests: none when it is silent).
    #[cfg(test)]
    fn kept(&self) -> usize {
        self.scrub.len()
    }

    /// Writes one entry (which may span lines) for `logger`.
    pub fn log(&self, out: &mut dyn Write, logger: &str, message: &str) {
        if !self.enabled {
            return;
        }
        let mut message = message.to_owned();
        for secret in &self.scrub {
            message = message.replace(secret.as_str(), REDACTED);
        }
        let _ = writeln!(out, "{} - MainThread - {logger} - DEBUG - {message}", timestamp(SystemTime::now()));
    }
}

/// `YYYY-MM-DD HH:MM:SS,mmm` in UTC.
fn timestamp(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let total = i64::try_from(since.as_secs()).unwrap_or(0);
    let (days, secs) = (total.div_euclid(86_400), total.rem_euclid(86_400));
    let (year, month, day) = cognito_idp_client::clock::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02},{:03}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_log_keeps_no_copy_of_a_secret() {
        let mut silent = DebugLog::new(false);
        silent.scrub("s3cr3t-value");
        assert_eq!(silent.kept(), 0);
        let mut on = DebugLog::new(true);
        on.scrub("s3cr3t-value");
        on.scrub("");
        assert_eq!(on.kept(), 1);
    }

    #[test]
    fn scrubbed_secrets_never_reach_the_output() {
        let mut log = DebugLog::new(true);
        log.scrub("s3cr3t-value");
        let mut out = Vec::new();
        log.log(&mut out, "cognito_idp.test", "body: {\"SecretHash\": \"s3cr3t-value\"}");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(!text.contains("s3cr3t-value"), "{text}");
        assert!(text.contains(" - MainThread - cognito_idp.test - DEBUG - body: "), "{text}");
    }

    #[test]
    fn a_disabled_log_writes_nothing() {
        let mut out = Vec::new();
        DebugLog::new(false).log(&mut out, "x", "y");
        assert!(out.is_empty());
    }

    #[test]
    fn timestamps_have_pythons_logging_shape() {
        let t = UNIX_EPOCH + std::time::Duration::from_millis(1_795_687_200_123);
        assert_eq!(timestamp(t), "2026-11-26 10:00:00,123");
    }
}
