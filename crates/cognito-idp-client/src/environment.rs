//! Configuration from the environment, resolved as the AWS SDKs document it ("Configuration and
//! credential file settings", "Service-specific endpoints", "Retry behavior"): the region, the endpoint
//! and the retries, from environment variables first and then the profile of the shared config file.
//!
//! - Profile: `AWS_PROFILE`, else `default` (`[default]` or `[profile NAME]` in `AWS_CONFIG_FILE`, else
//!   `~/.aws/config`).
//! - Region: `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`.
//! - Endpoint: unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's
//!   `ignore_configured_endpoint_urls`) is `true`: `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, then
//!   `AWS_ENDPOINT_URL`, then the profile's `services` section (`cognito_identity_provider =` with an
//!   indented `endpoint_url`), then the profile's `endpoint_url`; else the region's endpoint.
//! - Retries: `AWS_RETRY_MODE` / `retry_mode` (`standard` by default, `adaptive`, `legacy`),
//!   `AWS_MAX_ATTEMPTS` / `max_attempts`.
//! - Timeouts: none is read (no AWS SDK reads a connect or read timeout from the environment or the
//!   profile; see [`crate::client`]).
//!
//! The CLI keeps AWS CLI v1's own rules, which differ (it ignores `AWS_REGION` and the endpoint settings).

use std::collections::HashMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::retry::{RetryConfig, RetryMode};

/// The service's key in endpoint settings (`AWS_ENDPOINT_URL_<KEY>`, `[services]` sections): its service
/// id, `Cognito Identity Provider`, in the SDKs' spelling.
const SERVICE_KEY: &str = "cognito_identity_provider";

/// What the environment says about a client.
#[derive(Clone, Debug, PartialEq)]
pub struct EnvConfig {
    /// The profile read.
    pub profile: String,
    /// The region.
    pub region: String,
    /// The endpoint URL: configured, or the region's.
    pub endpoint: String,
    /// How calls are retried.
    pub retry: RetryConfig,
}

impl EnvConfig {
    /// Resolves the configuration from this process's environment and shared config file.
    pub fn from_process() -> Result<Self> {
        let env: HashMap<String, String> = std::env::vars().collect();
        let path = env.get("AWS_CONFIG_FILE").map(PathBuf::from).or_else(|| {
            env.get("HOME").or_else(|| env.get("USERPROFILE")).map(|home| PathBuf::from(home).join(".aws/config"))
        });
        let text = path.and_then(|p| std::fs::read_to_string(p).ok());
        Self::resolve(&env, text.as_deref())
    }

    /// Resolves the configuration from `env` and the shared config file's text, when there is one.
    pub fn resolve(env: &HashMap<String, String>, config_file: Option<&str>) -> Result<Self> {
        let var = |name: &str| env.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::to_owned);
        let profile_name = var("AWS_PROFILE").unwrap_or_else(|| "default".to_owned());
        let file = config_file.map(parse_ini).unwrap_or_default();
        let profile_section =
            if profile_name == "default" { "default".to_owned() } else { format!("profile {profile_name}") };
        let profile = file.get(&profile_section);
        let setting = |key: &str| profile.and_then(|p| p.get(key)).map(|v| v.value.clone()).filter(|v| !v.is_empty());

        let region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")).or_else(|| setting("region")).ok_or_else(|| {
            Error::Config(format!(
                "no region: set AWS_REGION (or AWS_DEFAULT_REGION), or `region` in the profile {profile_name:?} of the shared config file"
            ))
        })?;

        let ignore = var("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .or_else(|| setting("ignore_configured_endpoint_urls"))
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let from_services = || {
            let section = setting("services")?;
            let entry = file.get(&format!("services {section}"))?.get(SERVICE_KEY)?;
            entry.nested.get("endpoint_url").cloned()
        };
        let configured = (!ignore)
            .then(|| {
                var(&format!("AWS_ENDPOINT_URL_{}", SERVICE_KEY.to_ascii_uppercase()))
                    .or_else(|| var("AWS_ENDPOINT_URL"))
                    .or_else(from_services)
                    .or_else(|| setting("endpoint_url"))
            })
            .flatten();
        let endpoint = configured.unwrap_or_else(|| crate::endpoint::endpoint_for_region(&region));

        let mode = match var("AWS_RETRY_MODE").or_else(|| setting("retry_mode")).as_deref() {
            None | Some("standard") => RetryMode::Standard,
            Some("adaptive") => RetryMode::Adaptive,
            Some("legacy") => RetryMode::Legacy,
            Some(other) => {
                return Err(Error::Config(format!(
                    "retry mode {other:?} is not one of legacy, standard, adaptive (AWS_RETRY_MODE or retry_mode)"
                )));
            }
        };
        let mut retry = RetryConfig::of(mode);
        if let Some(text) = var("AWS_MAX_ATTEMPTS").or_else(|| setting("max_attempts")) {
            let attempts: u32 = text.parse().ok().filter(|n| *n >= 1).ok_or_else(|| {
                Error::Config(format!(
                    "max attempts {text:?} is not a whole number of at least 1 (AWS_MAX_ATTEMPTS or max_attempts)"
                ))
            })?;
            retry = retry.with_max_attempts(attempts);
        }
        Ok(Self { profile: profile_name, region, endpoint, retry })
    }
}

/// A setting of a config file section: its value, and the indented `key = value` lines under it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Setting {
    value: String,
    nested: HashMap<String, String>,
}

/// The sections of a config file (`[name]`, names trimmed) and their settings, as the SDKs read them:
/// `#` and `;` start comment lines, an indented line continues the previous setting as a nested one.
fn parse_ini(text: &str) -> HashMap<String, HashMap<String, Setting>> {
    let mut sections: HashMap<String, HashMap<String, Setting>> = HashMap::new();
    let (mut section, mut last): (Option<String>, Option<String>) = (None, None);
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            sections.entry(name.clone()).or_default();
            (section, last) = (Some(name), None);
            continue;
        }
        let Some(current) = section.as_ref() else { continue };
        let Some((key, value)) = trimmed.split_once('=') else { continue };
        let (key, value) = (key.trim().to_owned(), value.trim().to_owned());
        let settings = sections.entry(current.clone()).or_default();
        if line.starts_with([' ', '\t']) {
            if let Some(parent) = last.as_ref().and_then(|l| settings.get_mut(l)) {
                parent.nested.insert(key, value);
            }
        } else {
            settings.insert(key.clone(), Setting { value, nested: HashMap::new() });
            last = Some(key);
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    const FILE: &str = "\
[default]
region = eu-west-1
retry_mode = legacy

[profile dev]
region = us-west-2
services = local
max_attempts = 7
# a comment
[services local]
cognito_identity_provider =
# note = the local emulator
; port = its default
  endpoint_url = http://127.0.0.1:9229

[profile cn]
region = cn-north-1
# region = us-east-1
; endpoint_url = http://commented.example
endpoint_url = https://gateway.example
";

    #[test]
    fn the_region_comes_from_aws_region_then_aws_default_region_then_the_profile() {
        let from = |pairs: &[(&str, &str)]| EnvConfig::resolve(&env(pairs), Some(FILE)).expect("resolves").region;
        assert_eq!(from(&[("AWS_REGION", "ap-south-1"), ("AWS_DEFAULT_REGION", "us-east-2")]), "ap-south-1");
        assert_eq!(from(&[("AWS_DEFAULT_REGION", "us-east-2")]), "us-east-2");
        assert_eq!(from(&[]), "eu-west-1");
        assert_eq!(from(&[("AWS_PROFILE", "dev")]), "us-west-2");
        assert_eq!(from(&[("AWS_PROFILE", "cn")]), "cn-north-1", "comment lines are not settings");
    }

    #[test]
    fn no_region_is_a_clear_error() {
        let error = EnvConfig::resolve(&env(&[]), None).expect_err("no region");
        assert!(error.to_string().contains("no region: set AWS_REGION"), "{error}");
    }

    #[test]
    fn the_endpoint_comes_from_the_service_variable_the_global_one_the_services_section_then_the_profile() {
        let from = |pairs: &[(&str, &str)]| EnvConfig::resolve(&env(pairs), Some(FILE)).expect("resolves").endpoint;
        assert_eq!(from(&[]), "https://cognito-idp.eu-west-1.amazonaws.com");
        assert_eq!(
            from(&[("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://a"), ("AWS_ENDPOINT_URL", "http://b")]),
            "http://a"
        );
        assert_eq!(from(&[("AWS_ENDPOINT_URL", "http://b"), ("AWS_PROFILE", "dev")]), "http://b");
        // Comment lines between a nested setting's lines neither end it nor take its indented lines.
        assert_eq!(from(&[("AWS_PROFILE", "dev")]), "http://127.0.0.1:9229");
        assert_eq!(from(&[("AWS_PROFILE", "cn")]), "https://gateway.example");
        assert_eq!(
            from(&[
                ("AWS_PROFILE", "cn"),
                ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
                ("AWS_ENDPOINT_URL", "http://b")
            ]),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn"
        );
    }

    #[test]
    fn retries_come_from_the_variables_then_the_profile_standard_by_default() {
        let from = |pairs: &[(&str, &str)]| EnvConfig::resolve(&env(pairs), Some(FILE)).expect("resolves").retry;
        assert_eq!(from(&[]), RetryConfig::legacy());
        assert_eq!(from(&[("AWS_RETRY_MODE", "standard")]), RetryConfig::standard());
        assert_eq!(from(&[("AWS_PROFILE", "dev")]), RetryConfig::standard().with_max_attempts(7));
        assert_eq!(from(&[("AWS_PROFILE", "dev"), ("AWS_MAX_ATTEMPTS", "2")]).max_attempts(), 2);
        let bad = EnvConfig::resolve(&env(&[("AWS_MAX_ATTEMPTS", "0"), ("AWS_REGION", "x")]), None).expect_err("zero");
        assert!(bad.to_string().contains("at least 1"), "{bad}");
        let bad = EnvConfig::resolve(&env(&[("AWS_RETRY_MODE", "fast"), ("AWS_REGION", "x")]), None).expect_err("mode");
        assert!(bad.to_string().contains("not one of legacy, standard, adaptive"), "{bad}");
    }
}
