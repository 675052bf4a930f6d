//! The `SecretHash` vectors of `spec/vectors/secret-hash.json`: the client's `secret_hash` and the
//! independent computation of [`super::properties::independent_secret_hash`] both give each expected value.

use serde_json::Value;

use crate::checks::properties::independent_secret_hash;
use crate::failure::Failure;
use crate::report::{Detail, Outcome};

/// The vectors file, relative to the workspace root.
pub const VECTORS_PATH: &str = "spec/vectors/secret-hash.json";

/// Checks every vector, one detail each.
pub fn secret_hash_vectors(root: &std::path::Path) -> Outcome {
    let path = root.join(VECTORS_PATH);
    let document: Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(document) => document,
        Err(e) => {
            return Outcome::new("no vectors", vec![Failure::new(format!("{VECTORS_PATH} reads"), "the vectors", e)]);
        }
    };
    let vectors = document.get("vectors").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut details = Vec::new();
    for vector in &vectors {
        let field = |name: &str| vector.get(name).and_then(Value::as_str);
        let id = field("id").unwrap_or("(no id)");
        let (Some(username), Some(client_id), Some(secret), Some(expected)) =
            (field("username"), field("clientId"), field("clientSecret"), field("expected"))
        else {
            details.push(Detail::fail(id, "the vector lacks username, clientId, clientSecret or expected"));
            continue;
        };
        let ours = cognito_idp_client::secret_hash(secret.as_bytes(), username, client_id);
        let independent = independent_secret_hash(secret.as_bytes(), username, client_id);
        let mut failures = Vec::new();
        if ours != expected {
            failures.push(Failure::new("cognito_idp_client::secret_hash", expected, ours));
        }
        if independent != expected {
            failures.push(Failure::new("the independent HMAC (ring)", expected, independent));
        }
        details.push(Detail::from_failures(id, expected, &failures));
    }
    if vectors.is_empty() {
        details.push(Detail::fail("vectors", format!("{VECTORS_PATH} has no vectors")));
    }
    let mut outcome = Outcome::from_details(format!("{} vectors", vectors.len()), details);
    outcome.show_details = false;
    outcome
}
