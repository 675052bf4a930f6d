//! The compatibility check: every difference between the spec and AWS's model, named.
//!
//! Patterns are compared without their anchors (the spec anchors them on purpose); everything else the
//! contract carries is compared as it is: members and their order, shapes, types, length limits,
//! patterns, `required`, enum values, sensitivity, documentation, error names and service metadata.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;

use crate::contract::{Contract, ShapeKind};

/// One difference between the spec and the upstream model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// What differs, with the member paths it affects.
    pub subject: String,
    /// The attribute that differs, such as `maxLength`.
    pub attribute: String,
    /// The value in the spec.
    pub spec: String,
    /// The value in the upstream model.
    pub upstream: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} differs: spec {}, upstream {}", self.subject, self.attribute, self.spec, self.upstream)
    }
}

/// Compares the spec with the upstream model and returns every difference, in a stable order.
pub fn compare(spec: &Contract, upstream: &Contract) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut diff = |subject: &str, attribute: &str, s: String, u: String| {
        if s != u {
            out.push(Difference { subject: subject.to_owned(), attribute: attribute.to_owned(), spec: s, upstream: u });
        }
    };

    // Service metadata: the spec must carry every key of the model with the same value.
    let keys: BTreeSet<&String> = spec.service.keys().chain(upstream.service.keys()).collect();
    for key in keys {
        diff("service metadata", key, show_json(spec.service.get(key)), show_json(upstream.service.get(key)));
    }

    let op = format!("operation {}", upstream.operation);
    diff(&op, "name", spec.operation.clone(), upstream.operation.clone());
    diff(&op, "documentation", quote(&spec.operation_doc), quote(&upstream.operation_doc));
    diff(&op, "HTTP method", spec.method.clone(), upstream.method.clone());
    diff(&op, "HTTP path", spec.path.clone(), upstream.path.clone());
    diff(&op, "X-Amz-Target", spec.target.clone(), upstream.target.clone());
    diff(&op, "Content-Type", spec.media_type.clone(), upstream.media_type.clone());
    diff(&op, "auth type", spec.auth_type.clone(), upstream.auth_type.clone());
    diff(&op, "input shape", spec.input.clone(), upstream.input.clone());
    diff(&op, "output shape", spec.output.clone(), upstream.output.clone());
    let spec_errors: BTreeSet<&String> = spec.errors.iter().collect();
    let upstream_errors: BTreeSet<&String> = upstream.errors.iter().collect();
    for missing in upstream_errors.difference(&spec_errors) {
        diff(&op, &format!("error {missing}"), "absent".into(), "present".into());
    }
    for extra in spec_errors.difference(&upstream_errors) {
        diff(&op, &format!("error {extra}"), "present".into(), "absent".into());
    }

    // Shapes, by name, with the member paths that reach them so that a message names the member.
    let paths = upstream.member_paths();
    let names: BTreeSet<&String> = spec.shapes.keys().chain(upstream.shapes.keys()).collect();
    for name in names {
        let subject = match paths.get(name.as_str()) {
            Some(used_by) => format!("shape {name} ({})", used_by.join(", ")),
            None => format!("shape {name}"),
        };
        let (s, u) = match (spec.shapes.get(name.as_str()), upstream.shapes.get(name.as_str())) {
            (Some(s), Some(u)) => (s, u),
            (s, u) => {
                diff(&subject, "definition", presence(s.is_some()), presence(u.is_some()));
                continue;
            }
        };
        diff(&subject, "type", s.kind.to_string(), u.kind.to_string());
        diff(&subject, "sensitive", s.sensitive.to_string(), u.sensitive.to_string());
        diff(&subject, "documentation", quote(&s.doc), quote(&u.doc));
        match (&s.kind, &u.kind) {
            (
                ShapeKind::String { min: smin, max: smax, pattern: sp, anchored, enum_values: se },
                ShapeKind::String { min: umin, max: umax, pattern: up, enum_values: ue, .. },
            ) => {
                diff(&subject, "minLength", show(smin), show(umin));
                diff(&subject, "maxLength", show(smax), show(umax));
                diff(&subject, "pattern", show_pattern(sp), show_pattern(up));
                if sp.is_some() && !anchored {
                    diff(&subject, "pattern anchoring", "unanchored".into(), "whole value (^...$)".into());
                }
                diff(&subject, "enum values", format!("{se:?}"), format!("{ue:?}"));
            }
            (
                ShapeKind::Structure { members: sm, required: sr, error: serr },
                ShapeKind::Structure { members: um, required: ur, error: uerr },
            ) => {
                let snames: Vec<&str> = sm.iter().map(|m| m.name.as_str()).collect();
                let unames: Vec<&str> = um.iter().map(|m| m.name.as_str()).collect();
                diff(&subject, "members", format!("{snames:?}"), format!("{unames:?}"));
                for umember in um {
                    let Some(smember) = sm.iter().find(|m| m.name == umember.name) else { continue };
                    let msubject = format!("member {name}.{}", umember.name);
                    diff(&msubject, "shape", smember.shape.clone(), umember.shape.clone());
                    diff(&msubject, "documentation", quote(&smember.doc), quote(&umember.doc));
                }
                let sreq: BTreeSet<&String> = sr.iter().collect();
                let ureq: BTreeSet<&String> = ur.iter().collect();
                diff(&subject, "required", format!("{sreq:?}"), format!("{ureq:?}"));
                diff(&subject, "error fault", show(serr), show(uerr));
            }
            (ShapeKind::Map { key: sk, value: sv }, ShapeKind::Map { key: uk, value: uv }) => {
                diff(&subject, "map key shape", sk.clone(), uk.clone());
                diff(&subject, "map value shape", sv.clone(), uv.clone());
            }
            _ => {} // the type difference is already reported
        }
    }
    out
}

fn show<T: fmt::Display>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "none".to_owned(), ToString::to_string)
}

fn show_pattern(value: &Option<String>) -> String {
    value.as_ref().map_or_else(|| "none".to_owned(), |p| format!("`{p}`"))
}

fn show_json(value: Option<&Value>) -> String {
    value.map_or_else(|| "absent".to_owned(), Value::to_string)
}

fn presence(present: bool) -> String {
    if present { "present" } else { "absent" }.to_owned()
}

fn quote(text: &str) -> String {
    const MAX: usize = 120;
    if text.chars().count() <= MAX {
        format!("{text:?}")
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head:?}... ({} characters)", text.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{SPEC_PATH, UPSTREAM_PATH};
    use crate::workspace_root;

    fn load() -> (Value, Contract) {
        let root = workspace_root();
        let text = std::fs::read_to_string(root.join(SPEC_PATH)).expect("spec is readable");
        let doc: Value = serde_norway::from_str(&text).expect("spec is YAML");
        let upstream = Contract::from_upstream_file(&root.join(UPSTREAM_PATH)).expect("upstream model loads");
        (doc, upstream)
    }

    fn differences_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let (mut doc, upstream) = load();
        edit(&mut doc);
        let spec = Contract::from_spec(&doc).expect("edited spec still loads");
        compare(&spec, &upstream).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_spec_matches_the_upstream_model() {
        let root = workspace_root();
        let spec = Contract::from_spec_file(&root.join(SPEC_PATH)).expect("spec loads");
        let upstream = Contract::from_upstream_file(&root.join(UPSTREAM_PATH)).expect("upstream model loads");
        let differences = compare(&spec, &upstream);
        assert!(
            differences.is_empty(),
            "the spec differs from AWS's model in {}; update {SPEC_PATH} (or spec/upstream/ when AWS changed):\n{}",
            differences.len(),
            differences.iter().map(|d| format!("  - {d}")).collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn a_changed_max_length_names_the_member_and_both_values() {
        let found = differences_after(|doc| {
            doc["components"]["schemas"]["ClientIdType"]["maxLength"] = 100.into();
        });
        assert_eq!(
            found,
            ["shape ClientIdType (ResendConfirmationCodeRequest.ClientId): maxLength differs: spec 100, upstream 128"]
        );
    }

    #[test]
    fn a_changed_pattern_is_reported_but_anchors_are_not() {
        let found = differences_after(|doc| {
            doc["components"]["schemas"]["SecretHashType"]["pattern"] = "^[\\w+=]+$".into();
        });
        assert_eq!(
            found,
            [
                "shape SecretHashType (ResendConfirmationCodeRequest.SecretHash): pattern differs: spec `[\\w+=]+`, upstream `[\\w+=/]+`"
            ]
        );
    }

    #[test]
    fn an_unanchored_pattern_is_reported() {
        let found = differences_after(|doc| {
            doc["components"]["schemas"]["ClientIdType"]["pattern"] = "[\\w+]+".into();
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("pattern anchoring differs: spec unanchored"), "{found:?}");
    }

    #[test]
    fn a_dropped_required_member_is_reported() {
        let found = differences_after(|doc| {
            doc["components"]["schemas"]["ResendConfirmationCodeRequest"]["required"] = serde_json::json!(["ClientId"]);
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("required differs: spec {\"ClientId\"}, upstream {\"ClientId\", \"Username\"}"));
    }

    #[test]
    fn a_removed_member_and_a_new_enum_value_are_reported() {
        let found = differences_after(|doc| {
            let schemas = &mut doc["components"]["schemas"];
            schemas["AnalyticsMetadataType"]["properties"].as_object_mut().expect("object").clear();
            schemas["DeliveryMediumType"]["enum"] = serde_json::json!(["SMS", "EMAIL", "VOICE"]);
        });
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|d| d.starts_with("shape AnalyticsMetadataType") && d.contains("members differs")));
        assert!(found.iter().any(|d| d.contains("enum values differs: spec [\"SMS\", \"EMAIL\", \"VOICE\"]")));
    }

    #[test]
    fn sensitivity_error_names_and_target_are_compared() {
        let found = differences_after(|doc| {
            let schemas = &mut doc["components"]["schemas"];
            schemas["UsernameType"].as_object_mut().expect("object").remove("x-amz-sensitive");
            let post = &mut doc["paths"]["/"]["post"];
            post["responses"]["400"]["content"]["application/x-amz-json-1.1"]["schema"]["anyOf"]
                .as_array_mut()
                .expect("array")
                .retain(|r| r["$ref"] != "#/components/schemas/ForbiddenException");
            post["parameters"][0]["schema"]["enum"] = serde_json::json!(["AWSCognitoIdentityProviderService.SignUp"]);
        });
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found
                .iter()
                .any(|d| d.contains("UsernameType") && d.contains("sensitive differs: spec false, upstream true"))
        );
        assert!(found.iter().any(|d| d.contains("error ForbiddenException differs: spec absent, upstream present")));
        assert!(
            found.iter().any(|d| d.contains("X-Amz-Target differs: spec AWSCognitoIdentityProviderService.SignUp"))
        );
    }
}
