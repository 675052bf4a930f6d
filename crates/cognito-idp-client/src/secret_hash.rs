//! `SecretHash`: Base64(HMAC-SHA256(key = the app client's secret, message = username + client id)).

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Computes the `SecretHash` of `username` for the app client `client_id` whose secret is
/// `client_secret`: standard Base64, with padding, of HMAC-SHA256 keyed by the secret over the UTF-8
/// bytes of the username followed by the client id.
pub fn secret_hash(client_secret: &[u8], username: &str, client_id: &str) -> String {
    // HMAC accepts keys of any length, so this never fails.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(client_secret).unwrap_or_else(|_| unreachable!());
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Vectors {
        vectors: Vec<Vector>,
    }

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Vector {
        id: String,
        username: String,
        client_id: String,
        client_secret: String,
        expected: String,
    }

    #[test]
    fn matches_every_vector_in_spec_vectors() {
        let text = include_str!("../../../spec/vectors/secret-hash.json");
        let vectors: Vectors = serde_json::from_str(text).expect("the vectors file parses");
        assert!(vectors.vectors.len() >= 2);
        for v in vectors.vectors {
            assert_eq!(
                secret_hash(v.client_secret.as_bytes(), &v.username, &v.client_id),
                v.expected,
                "vector {}",
                v.id
            );
        }
    }

    #[test]
    fn the_order_is_username_then_client_id() {
        let forward = secret_hash(b"secret", "jane", "client");
        assert_ne!(forward, secret_hash(b"secret", "client", "jane"));
        assert_eq!(forward.len(), 44);
    }
}
