//! The implementation under test: its endpoint, the app client and users it knows, and the app client's
//! secret (read from a file, zeroized, never printed), with the requests and `SecretHash`es built from them.

use std::fmt;
use std::path::Path;

use cognito_idp_client::secret_hash;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

/// Client secrets are a few dozen characters; a file larger than this does not hold one.
const MAX_SECRET_BYTES: u64 = 4096;

/// An app client's secret: zeroized when dropped, redacted in `Debug`.
#[derive(Clone)]
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// A secret from its bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(Zeroizing::new(bytes.into()))
    }

    /// The secret's bytes, for the HMAC.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// Reads a secret from a file: at most 4 KiB, one trailing line break dropped, not empty.
    pub fn read(path: &Path) -> Result<Self, String> {
        let shown = path.display();
        let size =
            std::fs::metadata(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?.len();
        if size > MAX_SECRET_BYTES {
            return Err(format!("the client secret file {shown} is larger than {MAX_SECRET_BYTES} bytes"));
        }
        let mut bytes = Zeroizing::new(
            std::fs::read(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?,
        );
        let line_break = if bytes.ends_with(b"\r\n") { 2 } else { usize::from(bytes.ends_with(b"\n")) };
        let len = bytes.len().saturating_sub(line_break);
        bytes.truncate(len);
        if bytes.is_empty() {
            return Err(format!("the client secret file {shown} is empty"));
        }
        Ok(Self(bytes))
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(*** redacted ***)")
    }
}

/// The implementation under test and the app client and users it knows.
#[derive(Clone, Debug)]
pub struct Target {
    /// The endpoint URL.
    pub endpoint: String,
    /// An app client of the server.
    pub client_id: String,
    /// A user of that client who has signed up and is not confirmed: the only user a code may be sent to.
    pub username: String,
    /// The app client's secret, when it has one.
    pub secret: Option<Secret>,
    /// A confirmed user of that client, when the server has one.
    pub confirmed_username: Option<String>,
    /// Whether the app client has `PreventUserExistenceErrors` enabled: an unknown user then gets a
    /// simulated success.
    pub prevent_user_existence_errors: bool,
}

/// An app client id that fits `ClientIdType` and that no server should know.
pub const UNKNOWN_CLIENT_ID: &str = "0unknown0client0id0000000a";

impl Target {
    /// A target with the default user settings: no confirmed user, user existence errors shown.
    pub fn new(
        endpoint: impl Into<String>,
        client_id: impl Into<String>,
        username: impl Into<String>,
        secret: Option<Secret>,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            client_id: client_id.into(),
            username: username.into(),
            secret,
            confirmed_username: None,
            prevent_user_existence_errors: false,
        }
    }

    /// The `SecretHash` the server expects for this client id and username, when the client has a secret.
    pub fn hash_for(&self, client_id: &str, username: &str) -> Option<String> {
        self.secret.as_ref().map(|secret| secret_hash(secret.expose(), username, client_id))
    }

    /// A request for this client id and username, with the `SecretHash` the server expects for them.
    pub fn request_for(&self, client_id: &str, username: &str) -> Map<String, Value> {
        let mut input = Map::new();
        input.insert("ClientId".to_owned(), Value::String(client_id.to_owned()));
        input.insert("Username".to_owned(), Value::String(username.to_owned()));
        if let Some(hash) = self.hash_for(client_id, username) {
            input.insert("SecretHash".to_owned(), Value::String(hash));
        }
        input
    }

    /// `input` with its `SecretHash` recomputed for its own client id and username (when both are strings
    /// and the client has a secret), so that a probe of either member breaks nothing else.
    pub fn rehash(&self, mut input: Value) -> Value {
        let Some(object) = input.as_object_mut() else { return input };
        if let (Some(Value::String(client_id)), Some(Value::String(username))) =
            (object.get("ClientId"), object.get("Username"))
            && let Some(hash) = self.hash_for(client_id, username)
        {
            object.insert("SecretHash".to_owned(), Value::String(hash));
        }
        input
    }

    /// An app client id no server should know, other than this target's.
    pub fn unknown_client_id(&self) -> &'static str {
        if self.client_id == UNKNOWN_CLIENT_ID { "1unknown1client1id11111111b" } else { UNKNOWN_CLIENT_ID }
    }
}

/// A username no pool has: `conformance-nobody-` and 16 random hexadecimal digits, new for every run.
pub fn stranger() -> String {
    format!("conformance-nobody-{}", &uuid::Uuid::new_v4().simple().to_string()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_file_loses_one_line_break_and_is_never_printed() {
        let dir = std::env::temp_dir().join(format!("server-check-secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("secret");
        std::fs::write(&path, "s3cret\n\n").expect("write");
        assert_eq!(Secret::read(&path).expect("reads").expose(), b"s3cret\n");
        std::fs::write(&path, "\r\n").expect("write");
        assert!(Secret::read(&path).expect_err("empty").contains("is empty"));
        std::fs::write(&path, vec![b'x'; 5000]).expect("write");
        assert!(Secret::read(&path).expect_err("large").contains("larger than 4096 bytes"));
        let target = Target::new("e", "c", "u", Some(Secret::new(b"s3cret".to_vec())));
        assert!(!format!("{target:?}").contains("s3cret"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_request_carries_the_hash_of_its_own_client_and_user() {
        let target = Target::new("e", "client", "jane", Some(Secret::new(b"secret".to_vec())));
        let input = target.request_for("client", "bob");
        assert_eq!(input["SecretHash"], Value::String(secret_hash(b"secret", "bob", "client")));
        let rehashed = target.rehash(serde_json::json!({"ClientId": "other", "Username": "jane", "SecretHash": "x"}));
        assert_eq!(rehashed["SecretHash"], Value::String(secret_hash(b"secret", "jane", "other")));
        let plain = Target::new("e", "client", "jane", None);
        assert!(!plain.request_for("client", "jane").contains_key("SecretHash"));
    }

    #[test]
    fn strangers_differ_and_fit_the_username_pattern() {
        let (a, b) = (stranger(), stranger());
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{a}");
    }
}
