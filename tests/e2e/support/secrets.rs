//! The secrets the end-to-end tests use, and the check that none of them is ever printed: every run of the
//! suite goes through [`super::sandbox::run`], which refuses any stdout or stderr that contains one.
//!
//! The registry holds distinctive values only (long enough never to appear by chance): the sentinel client
//! secret, ClientId, Username, IpAddress, EncodedData and SecretHashes below, and the client secrets,
//! SecretHashes and long ClientIds of `spec/vectors/secret-hash.json`.
//!
//! The sensitive member values (ClientId, Username, UserContextData's IpAddress and EncodedData) are what
//! tests choose for those members in runs whose request never leaves the CLI (usage, parameter and
//! validation errors, skeletons, refused connections, the property test over argument lists): no message may
//! echo them. A request that reaches a server carries them legitimately, and a service error's message is
//! the server's text, printed as received: tests whose server echoes one choose other values.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// An app client secret no output may show.
pub const CLIENT_SECRET: &str = "e2e-client-secret-7Hq2Zx9LmV4pWc8K";
/// A ClientId no output may show (the model marks ClientId sensitive).
pub const CLIENT_ID: &str = "e2eclientid6Jk8Pd2Vs";
/// A Username no output may show (the model marks Username sensitive).
pub const USERNAME: &str = "e2e-username-Rt5Yb3Nw";
/// `SecretHash` of [`CLIENT_SECRET`], [`USERNAME`] and [`CLIENT_ID`]: Base64(HMAC-SHA256(secret, username +
/// client id)), computed independently with Python's `hmac` module.
pub const SECRET_HASH: &str = "jfylGl6h2ROsyhf5ZFjVepbEdTdVEPI2npsu1QVsELI=";
/// A SecretHash given on the command line with `--secret-hash`.
pub const EXPLICIT_SECRET_HASH: &str = "e2eExplicitSecretHash4Mn3Qw8Zr=";
/// An `EncodedData` of UserContextData (sensitive) no output may show.
pub const ENCODED_DATA: &str = "e2e-encoded-data-Vb7Lp2Xk";
/// An `IpAddress` of UserContextData (sensitive) no output may show (from a documentation range).
pub const IP_ADDRESS: &str = "198.51.100.173";

/// The shortest registered value: shorter strings could appear in outputs by chance.
const MIN_LEN: usize = 12;

/// One registered secret: what it is (shown in failure reports) and its value (never shown).
#[derive(Debug)]
pub struct Secret {
    /// What the value is, for reports.
    pub label: String,
    /// The value.
    pub value: String,
}

static CHECKED: AtomicUsize = AtomicUsize::new(0);

/// Every registered secret.
pub fn registry() -> &'static [Secret] {
    static REGISTRY: OnceLock<Vec<Secret>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut secrets: Vec<Secret> = [
            ("the sentinel client secret", CLIENT_SECRET),
            ("the sentinel ClientId", CLIENT_ID),
            ("the sentinel Username", USERNAME),
            ("the sentinel SecretHash", SECRET_HASH),
            ("the explicit SecretHash", EXPLICIT_SECRET_HASH),
            ("the sentinel EncodedData", ENCODED_DATA),
            ("the sentinel IpAddress", IP_ADDRESS),
        ]
        .into_iter()
        .map(|(label, value)| Secret { label: label.to_owned(), value: value.to_owned() })
        .collect();
        for vector in vectors() {
            for (field, value) in [
                ("clientSecret", &vector.client_secret),
                ("expected SecretHash", &vector.expected),
                ("clientId", &vector.client_id),
            ] {
                if value.chars().count() >= MIN_LEN {
                    secrets.push(Secret { label: format!("{field} of vector {}", vector.id), value: value.clone() });
                }
            }
        }
        secrets
    })
}

/// One vector of `spec/vectors/secret-hash.json`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vector {
    /// The vector's name.
    pub id: String,
    /// The Username.
    pub username: String,
    /// The ClientId.
    pub client_id: String,
    /// The app client secret.
    pub client_secret: String,
    /// The SecretHash.
    pub expected: String,
}

/// The SecretHash vectors of the spec.
pub fn vectors() -> Vec<Vector> {
    #[derive(serde::Deserialize)]
    struct File {
        vectors: Vec<Vector>,
    }
    let path = cognito_idp_test_kit::cargo_env::workspace_root().join("spec/vectors/secret-hash.json");
    let path = path.display();
    let text = std::fs::read_to_string(path.to_string()).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let file: File = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} has no vectors: {e}"));
    file.vectors
}

/// The labels of the registered secrets that `output` shows (none, normally).
pub fn shown_in(output: &[u8]) -> Vec<&'static str> {
    let text = String::from_utf8_lossy(output);
    registry().iter().filter(|s| text.contains(s.value.as_str())).map(|s| s.label.as_str()).collect()
}

/// Checks one run's outputs: an error naming the secrets (by label) that a stream shows.
pub fn check_outputs(stdout: &[u8], stderr: &[u8]) -> Result<(), String> {
    CHECKED.fetch_add(1, Ordering::SeqCst);
    let problems: Vec<String> = [("stdout", stdout), ("stderr", stderr)]
        .into_iter()
        .flat_map(|(stream, bytes)| shown_in(bytes).into_iter().map(move |label| format!("{stream} shows {label}")))
        .collect();
    if problems.is_empty() { Ok(()) } else { Err(format!("a secret was printed: {}", problems.join("; "))) }
}

/// How many runs' outputs have been checked so far in this test process.
pub fn outputs_checked() -> usize {
    CHECKED.load(Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registered_secret_in_either_stream_is_reported_by_label_only() {
        let stderr = format!("Parameters: {{'SecretHash': '{SECRET_HASH}'}}\n");
        let error = check_outputs(b"fine\n", stderr.as_bytes()).expect_err("the hash is registered");
        assert_eq!(error, "a secret was printed: stderr shows the sentinel SecretHash");
        assert!(!error.contains(SECRET_HASH));
        assert!(check_outputs(b"jane 1example23456789 *** Sensitive Data Redacted ***", b"").is_ok());
    }

    #[test]
    fn the_vectors_secrets_are_registered_and_short_values_are_not() {
        let values: Vec<&str> = registry().iter().map(|s| s.value.as_str()).collect();
        for vector in vectors() {
            assert!(values.contains(&vector.client_secret.as_str()) || vector.client_secret.len() < MIN_LEN);
            assert!(values.contains(&vector.expected.as_str()), "{}", vector.id);
        }
        assert!(!values.contains(&"Jefe") && !values.contains(&"username"));
        assert!(values.iter().all(|v| v.chars().count() >= MIN_LEN));
    }
}
