//! What is sensitive and how it is shown: the values of members the contract marks sensitive
//! (`ClientId`, `SecretHash`, `Username`, `UserContextData`), everything inside one, and a shape that contains
//! one ([`is_sensitive_shape`]); the options of such members and `--cli-input-json` ([`sensitive_options`]).
//! The `--debug` log and the validation, JSON, shorthand and argparse messages print [`REDACTED`] in their
//! place.

use cognito_idp_client::contract;
use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::Value;

/// What a redacted value is replaced with.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The command line as Python prints a list of strings, with the values of sensitive options and of
/// `--cli-input-json` redacted. An option token is treated as sensitive when it is a prefix of a sensitive
/// option's name, since argparse accepts unique prefixes; erring towards redaction is harmless.
pub fn redacted_args(args: &[String]) -> String {
    // `--` alone ends the options: what follows it is not its value.
    let is_sensitive = |name: &str| name.len() > 2 && may_name_sensitive_option(name);
    let mut shown = Vec::with_capacity(args.len());
    let mut redact_next = false;
    for arg in args {
        if redact_next {
            shown.push(REDACTED.to_owned());
            redact_next = false;
            continue;
        }
        match arg.split_once('=') {
            Some((name, _)) if name.starts_with("--") && is_sensitive(name) => shown.push(format!("{name}={REDACTED}")),
            None if arg.starts_with("--") && is_sensitive(arg) => {
                shown.push(arg.clone());
                redact_next = true;
            }
            _ => shown.push(arg.clone()),
        }
    }
    crate::python::pyrepr::repr_str_list(&shown)
}

/// The options whose values are never shown: those of the input members whose shapes are sensitive
/// ([`is_sensitive_shape`]), and `--cli-input-json`, whose document holds them.
pub fn sensitive_options() -> &'static [String] {
    static OPTIONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OPTIONS.get_or_init(|| {
        let members = match &contract::INPUT.kind {
            ShapeKind::Structure(input) => input.members,
            _ => &[],
        };
        members
            .iter()
            .filter(|m| is_sensitive_shape(m.shape))
            .map(|m| format!("--{}", crate::naming::option_name(m.name)))
            .chain(std::iter::once("--cli-input-json".to_owned()))
            .collect()
    })
}

/// Whether the option token `name` (`--user`, `--client-id`, the part before `=`) may stand for a
/// [sensitive option](sensitive_options): argparse takes any prefix of an option's name for it.
pub fn may_name_sensitive_option(name: &str) -> bool {
    name.starts_with("--") && sensitive_options().iter().any(|option| option.starts_with(name))
}

/// Whether values of `shape` must never be shown: the shape is sensitive, or contains a sensitive shape.
pub fn is_sensitive_shape(shape: &Shape) -> bool {
    shape.sensitive
        || match &shape.kind {
            ShapeKind::String(_) => false,
            ShapeKind::Structure(s) => s.members.iter().any(|m| is_sensitive_shape(m.shape)),
            ShapeKind::Map(m) => is_sensitive_shape(m.key) || is_sensitive_shape(m.value),
        }
}

/// `params` with the values of sensitive members replaced, recursively, following `shape`.
pub fn redact(params: &Value, shape: &Shape) -> Value {
    if shape.sensitive {
        return Value::String(REDACTED.to_owned());
    }
    match (params, &shape.kind) {
        (Value::Object(map), ShapeKind::Structure(s)) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let value = match s.members.iter().find(|m| m.name == k) {
                        Some(member) => redact(v, member.shape),
                        None => v.clone(),
                    };
                    (k.clone(), value)
                })
                .collect(),
        ),
        (Value::Object(map), ShapeKind::Map(m)) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), redact(v, m.value))).collect())
        }
        _ => params.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn sensitive_option_values_are_redacted_in_every_spelling() {
        let shown = redacted_args(&strings(&[
            "resend-confirmation-code",
            "--client-id",
            "client-secret-value",
            "--username=user-secret-value",
            "--secret-h",
            "hash-secret-value",
            "--user-context-data",
            "IpAddress=10.0.0.1",
            "--cli-input-json",
            "{\"SecretHash\":\"x\"}",
            "--region",
            "us-east-1",
        ]));
        for secret in ["client-secret-value", "user-secret-value", "hash-secret-value", "10.0.0.1", "SecretHash"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("'--region', 'us-east-1'"), "{shown}");
        assert!(shown.starts_with("['resend-confirmation-code', '--client-id', '*** Sensitive Data Redacted ***'"));
    }

    #[test]
    fn the_sensitive_options_come_from_the_contracts_sensitive_flags() {
        assert_eq!(
            sensitive_options(),
            ["--client-id", "--secret-hash", "--user-context-data", "--username", "--cli-input-json"]
        );
        assert!(is_sensitive_shape(contract::INPUT), "the input holds sensitive members");
        let metadata = contract::INPUT.member("ClientMetadata").expect("a member");
        assert!(!is_sensitive_shape(metadata.shape));
    }

    #[test]
    fn any_prefix_of_a_sensitive_option_may_name_it() {
        for name in ["--user", "--u", "--", "--client-id", "--cli", "--cli-input-json", "--secret-h"] {
            assert!(may_name_sensitive_option(name), "{name}");
        }
        for name in ["--client-metadata", "--usernames", "--region", "--a", "user", "-u", "--client-id="] {
            assert!(!may_name_sensitive_option(name), "{name}");
        }
    }

    #[test]
    fn the_end_of_options_marker_does_not_hide_what_follows_it_in_the_log() {
        let shown = redacted_args(&strings(&["resend-confirmation-code", "--", "help"]));

        assert_eq!(shown, "['resend-confirmation-code', '--', 'help']");
    }

    #[test]
    fn arguments_are_listed_as_python_prints_a_list_of_strings() {
        // Expected text from CPython 3.11.7: print(['it\'s', 'a\xa0b\u2028']); the log once left the
        // characters str.isprintable() rejects unescaped.
        let shown = redacted_args(&strings(&["it's", "a\u{a0}b\u{2028}", "\t"]));

        assert_eq!(shown, "[\"it's\", 'a\\xa0b\\u2028', '\\t']");
    }

    #[test]
    fn request_bodies_are_redacted_by_the_contract() {
        let params = json!({
            "ClientId": "c", "SecretHash": "h", "Username": "u",
            "UserContextData": {"IpAddress": "1.2.3.4"},
            "ClientMetadata": {"k": "v"}, "AnalyticsMetadata": {"AnalyticsEndpointId": "e"}
        });
        let redacted = redact(&params, contract::INPUT);
        assert_eq!(
            redacted,
            json!({
                "ClientId": REDACTED, "SecretHash": REDACTED, "Username": REDACTED, "UserContextData": REDACTED,
                "ClientMetadata": {"k": "v"}, "AnalyticsMetadata": {"AnalyticsEndpointId": "e"}
            })
        );
    }
}
