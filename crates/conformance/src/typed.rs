//! The generated types of the contract's string shapes, by shape name, and the four ways each accepts a
//! value: `FromStr`, `TryFrom<&str>`, `TryFrom<String>` and serde.
//!
//! The list names Rust types, which the `contract` tables cannot do; every constraint still comes from
//! the tables. [`check_registry`] fails when a string shape of the contract has no entry here, so a new
//! shape cannot go untested.

use std::fmt::Display;
use std::str::FromStr;

use cognito_idp_client::contract;
use cognito_idp_client::model::ShapeKind;
use cognito_idp_client::types;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::failure::Failure;

/// How the generated type of a shape took a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    /// Every way accepted it.
    Accepted,
    /// Every way refused it; the `FromStr` error.
    Rejected(String),
    /// The ways disagree: what each said.
    Inconsistent(String),
}

fn verdicts(results: &[(&str, Result<(), String>)]) -> Parsed {
    let accepted = results.iter().filter(|(_, r)| r.is_ok()).count();
    if accepted == results.len() {
        return Parsed::Accepted;
    }
    if accepted == 0 {
        let reason = results.first().and_then(|(_, r)| r.clone().err()).unwrap_or_default();
        return Parsed::Rejected(reason);
    }
    let said: Vec<String> = results
        .iter()
        .map(|(way, r)| match r {
            Ok(()) => format!("{way} accepts"),
            Err(e) => format!("{way} rejects ({e})"),
        })
        .collect();
    Parsed::Inconsistent(said.join(", "))
}

fn serde_way<T: DeserializeOwned>(value: &str) -> Result<(), String> {
    serde_json::from_value::<T>(Value::String(value.to_owned())).map(drop).map_err(|e| e.to_string())
}

/// A constrained type: `FromStr`, both `TryFrom`s and serde.
fn constrained<T>(value: &str) -> Parsed
where
    T: FromStr + for<'a> TryFrom<&'a str> + TryFrom<String> + DeserializeOwned,
    <T as FromStr>::Err: Display,
    for<'a> <T as TryFrom<&'a str>>::Error: Display,
    <T as TryFrom<String>>::Error: Display,
{
    verdicts(&[
        ("FromStr", value.parse::<T>().map(drop).map_err(|e| e.to_string())),
        ("TryFrom<&str>", T::try_from(value).map(drop).map_err(|e| e.to_string())),
        ("TryFrom<String>", T::try_from(value.to_owned()).map(drop).map_err(|e| e.to_string())),
        ("serde", serde_way::<T>(value)),
    ])
}

/// An unconstrained newtype: `FromStr` and serde.
fn unconstrained<T>(value: &str) -> Parsed
where
    T: FromStr + DeserializeOwned,
    <T as FromStr>::Err: Display,
{
    verdicts(&[("FromStr", value.parse::<T>().map(drop).map_err(|e| e.to_string())), ("serde", serde_way::<T>(value))])
}

macro_rules! registry {
    (constrained: $($c:ident),* ; unconstrained: $($u:ident),* $(;)?) => {
        /// Parses `value` with the generated type of the string shape `shape`; `None` if the shape has none
        /// registered here.
        pub fn parse(shape: &str, value: &str) -> Option<Parsed> {
            match shape {
                $(stringify!($c) => Some(constrained::<types::$c>(value)),)*
                $(stringify!($u) => Some(unconstrained::<types::$u>(value)),)*
                _ => None,
            }
        }
    };
}

registry! {
    constrained: AttributeNameType, ClientIdType, DeliveryMediumType, SecretHashType, StringType, UsernameType;
    unconstrained: MessageType, InvalidParameterExceptionReasonCodeType;
}

/// Fails for each string shape of the contract that has no generated type registered in [`parse`].
pub fn check_registry() -> Vec<Failure> {
    contract::SHAPES
        .iter()
        .filter(|shape| matches!(shape.kind, ShapeKind::String(_)))
        .filter(|shape| parse(shape.name, "").is_none())
        .map(|shape| {
            Failure::new(
                format!("string shape {} has a generated type in crates/conformance/src/typed.rs", shape.name),
                "an entry in registry!",
                "none",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_shape_of_the_contract_is_registered() {
        assert_eq!(check_registry(), []);
    }

    #[test]
    fn the_four_ways_agree_on_valid_and_invalid_values() {
        assert_eq!(parse("UsernameType", "Zoë"), Some(Parsed::Accepted));
        assert!(matches!(parse("UsernameType", "a b"), Some(Parsed::Rejected(reason)) if reason.contains("pattern")));
        assert_eq!(parse("DeliveryMediumType", "SMS"), Some(Parsed::Accepted));
        assert!(matches!(parse("DeliveryMediumType", "sms"), Some(Parsed::Rejected(_))));
        assert_eq!(parse("MessageType", ""), Some(Parsed::Accepted));
        assert_eq!(parse("NoSuchType", "x"), None);
    }

    #[test]
    fn disagreement_is_reported_with_each_way() {
        let parsed = verdicts(&[("FromStr", Ok(())), ("serde", Err("bad".to_owned()))]);
        assert_eq!(parsed, Parsed::Inconsistent("FromStr accepts, serde rejects (bad)".to_owned()));
    }
}
