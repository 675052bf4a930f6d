//! The CLI's retry settings, read as AWS CLI v1 reads them, into the client library's [`RetryConfig`]:
//! `AWS_RETRY_MODE` / `retry_mode` (`legacy` by default, `standard`; `adaptive` behaves as standard, without
//! the rate limiter: see the README's differences) and `AWS_MAX_ATTEMPTS` / `max_attempts`, with AWS CLI v1's
//! error messages. The retries themselves (which outcomes, backoff, the retry quota of standard mode,
//! `amz-sdk-request`) are the library's (`cognito_idp_client::retry`); the CLI announces its first attempt as
//! botocore does (`attempt=1`).

use cognito_idp_client::{RetryConfig, RetryMode};

/// The retry configuration from the settings' values of the mode, the attempts, and the testing knob
/// `COGNITO_IDP_RETRY_DELAY_SCALE` (a factor on every delay, so tests keep the backoff's shape without
/// its time).
pub fn from_settings(
    mode: Option<&str>,
    max_attempts: Option<&str>,
    delay_scale: Option<&str>,
) -> Result<RetryConfig, String> {
    let mode = match mode {
        None | Some("legacy") => RetryMode::Legacy,
        Some("standard" | "adaptive") => RetryMode::Standard,
        Some(other) => {
            return Err(format!(
                "Invalid value provided to \"mode\": \"{other}\" must be one of: ('legacy', 'standard', 'adaptive')"
            ));
        }
    };
    let mut config = RetryConfig::of(mode).with_botocore_first_attempt();
    if let Some(text) = max_attempts {
        // botocore reads it with Python's int() and wants at least 1.
        match crate::python::pyint::python_int(text)? {
            n if n >= 1 => config = config.with_max_attempts(u32::try_from(n).unwrap_or(u32::MAX)),
            n => {
                return Err(format!(
                    "Value provided to \"max_attempts\": {n} must be an integer greater than or equal to 1."
                ));
            }
        }
    }
    if let Some(scale) = delay_scale.and_then(|v| v.parse::<f64>().ok()) {
        config = config.with_delay_scale(scale);
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn modes_and_attempts_are_read_and_checked() {
        let standard = from_settings(Some("standard"), Some("7"), None).expect("valid");
        assert_eq!((standard.mode(), standard.max_attempts()), (RetryMode::Standard, 7));
        let defaults = from_settings(None, None, Some("0.01")).expect("valid");
        assert_eq!((defaults.mode(), defaults.max_attempts()), (RetryMode::Legacy, 5));
        assert_eq!(defaults.delay(5, 1.0), Duration::from_millis(80));
        assert_eq!(from_settings(Some("adaptive"), None, None).expect("valid").max_attempts(), 3);
        // Messages observed from awscli 1.46.3.
        assert_eq!(
            from_settings(Some("fast"), None, None).expect_err("invalid"),
            "Invalid value provided to \"mode\": \"fast\" must be one of: ('legacy', 'standard', 'adaptive')"
        );
        assert_eq!(
            from_settings(None, Some("0"), None).expect_err("zero"),
            "Value provided to \"max_attempts\": 0 must be an integer greater than or equal to 1."
        );
        assert_eq!(
            from_settings(None, Some("2.5"), None).expect_err("not an int"),
            "invalid literal for int() with base 10: '2.5'"
        );
        assert_eq!(from_settings(None, Some(" 3 "), None).expect("Python's int()").max_attempts(), 3);
    }
}
