//! Validation of a JSON document against a shape of the `contract` tables, independent of the generated
//! types: types, lengths, patterns (through [`crate::pattern`]), enum values, required members, and no
//! member the contract does not know.

use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::Value;

use crate::strategies;

/// Every way `value` breaks `shape`, one line each with its path; empty when it conforms.
pub fn validate(shape: &'static Shape, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    at(shape, value, "$", &mut out);
    out
}

/// `value` without the members its structures do not declare, and the paths of those members: how AWS's
/// clients read an output (they ignore members the model does not name, since AWS adds members without
/// notice).
pub fn without_unknown_members(shape: &'static Shape, value: &Value) -> (Value, Vec<String>) {
    let mut unknown = Vec::new();
    let known = strip(shape, value, "$", &mut unknown);
    (known, unknown)
}

fn strip(shape: &'static Shape, value: &Value, path: &str, unknown: &mut Vec<String>) -> Value {
    match (&shape.kind, value) {
        (ShapeKind::Structure(s), Value::Object(object)) => Value::Object(
            object
                .iter()
                .filter_map(|(key, inner)| match s.members.iter().find(|m| m.name == key) {
                    Some(member) => Some((key.clone(), strip(member.shape, inner, &format!("{path}.{key}"), unknown))),
                    None => {
                        unknown.push(format!("{path}.{key}"));
                        None
                    }
                })
                .collect(),
        ),
        (ShapeKind::Map(m), Value::Object(object)) => Value::Object(
            object
                .iter()
                .map(|(key, inner)| (key.clone(), strip(m.value, inner, &format!("{path}.{key}"), unknown)))
                .collect(),
        ),
        _ => value.clone(),
    }
}

fn at(shape: &'static Shape, value: &Value, path: &str, out: &mut Vec<String>) {
    match (&shape.kind, value) {
        (ShapeKind::String(s), Value::String(text)) => {
            let count = text.chars().count() as u64;
            if s.min.is_some_and(|min| count < min) {
                out.push(format!("{path}: {count} characters, fewer than the minimum {:?} of {}", s.min, shape.name));
            }
            if s.max.is_some_and(|max| count > max) {
                out.push(format!("{path}: {count} characters, more than the maximum {:?} of {}", s.max, shape.name));
            }
            if !s.enum_values.is_empty() && !s.enum_values.contains(&text.as_str()) {
                out.push(format!("{path}: {text:?} is not one of {:?}", s.enum_values));
            }
            match strategies::class_of(s) {
                Ok(Some(class)) if !class.matches(text) => {
                    out.push(format!(
                        "{path}: {} does not match {}",
                        crate::text::short(&format!("{text:?}")),
                        class.source
                    ));
                }
                Err(e) => out.push(format!("{path}: {e}")),
                _ => {}
            }
        }
        (ShapeKind::Structure(s), Value::Object(object)) => {
            for required in s.required {
                if !object.contains_key(*required) {
                    out.push(format!("{path}: required member {required} missing"));
                }
            }
            for (key, member_value) in object {
                match s.members.iter().find(|m| m.name == key) {
                    Some(member) => at(member.shape, member_value, &format!("{path}.{key}"), out),
                    None => out.push(format!("{path}.{key}: not a member of {}", shape.name)),
                }
            }
        }
        (ShapeKind::Map(m), Value::Object(object)) => {
            for (key, member_value) in object {
                at(m.key, &Value::String(key.clone()), &format!("{path}{{key}}"), out);
                at(m.value, member_value, &format!("{path}.{key}"), out);
            }
        }
        (kind, other) => {
            let wanted = match kind {
                ShapeKind::String(_) => "a string",
                _ => "an object",
            };
            out.push(format!(
                "{path}: {} where {} ({}) wants {wanted}",
                crate::text::short_json(other),
                shape.name,
                kind_name(kind)
            ));
        }
    }
}

fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::String(_) => "string",
        ShapeKind::Structure(_) => "structure",
        ShapeKind::Map(_) => "map",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cognito_idp_client::contract::{INPUT, OUTPUT};
    use serde_json::json;

    #[test]
    fn unknown_members_are_set_aside_at_every_depth() {
        let body = json!({"CodeDeliveryDetails": {"DeliveryMedium": "EMAIL", "Channel": "x"}, "Extra": 1});
        let (known, unknown) = without_unknown_members(OUTPUT, &body);
        assert_eq!(known, json!({"CodeDeliveryDetails": {"DeliveryMedium": "EMAIL"}}));
        assert_eq!(unknown, ["$.CodeDeliveryDetails.Channel", "$.Extra"]);
        assert!(validate(OUTPUT, &known).is_empty());
    }

    #[test]
    fn a_conforming_output_has_no_violation() {
        let value = json!({"CodeDeliveryDetails": {"Destination": "j***@e***.com", "DeliveryMedium": "EMAIL", "AttributeName": "email"}});
        assert_eq!(validate(OUTPUT, &value), Vec::<String>::new());
        assert_eq!(validate(OUTPUT, &json!({})), Vec::<String>::new());
    }

    #[test]
    fn each_violation_is_named_by_path() {
        let value =
            json!({"CodeDeliveryDetails": {"DeliveryMedium": "FAX", "AttributeName": "", "Extra": 1}, "Other": true});
        assert_eq!(
            validate(OUTPUT, &value),
            [
                "$.CodeDeliveryDetails.DeliveryMedium: \"FAX\" is not one of [\"SMS\", \"EMAIL\"]",
                "$.CodeDeliveryDetails.AttributeName: 0 characters, fewer than the minimum Some(1) of AttributeNameType",
                "$.CodeDeliveryDetails.AttributeName: \"\" does not match ^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+)$",
                "$.CodeDeliveryDetails.Extra: not a member of CodeDeliveryDetailsType",
                "$.Other: not a member of ResendConfirmationCodeResponse",
            ]
        );
    }

    #[test]
    fn inputs_are_checked_for_required_members_and_types() {
        let found = validate(INPUT, &json!({"ClientId": 5, "ClientMetadata": {"k": 1}}));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("required member Username missing"));
        assert!(found[1].starts_with("$.ClientId: 5 where ClientIdType (string) wants a string"));
        assert!(found[2].starts_with("$.ClientMetadata.k: 1 where StringType"));
    }
}
