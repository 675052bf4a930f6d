//! botocore's parameter validation: required members, min length, types, unknown keys.
//!
//! This is botocore's `ParamValidator` (awscli/botocore/validate.py) on the contract's shapes. It checks,
//! and reports in this order, walking the value depth first in the order of its keys:
//!
//! - for a structure: that the value is a dict, then each required member that is missing (in the
//!   model's order of `required`), then each key that is not a member (in the value's order), then each
//!   member present (in the value's order);
//! - for a map: that the value is a dict, then each key against the key shape and each value against the
//!   value shape, in the value's order;
//! - for a string: that the value is a `str`, then its length in code points against the shape's `min`.
//!
//! It does not check `max`, patterns or enums: AWS CLI v1 sends such values and the service answers.
//! Problems are named by their path (`UserContextData.IpAddress`, `ClientMetadata.a`, `input` for the
//! whole request) and values are printed with Python's `str()` ([`crate::python::pyrepr`]). The CLI prints
//! `\n`, the [`ValidationErrors`] text, `\n` on stderr and exits with 255.
//!
//! Unlike botocore, a value that is sensitive by the contract ([`crate::redact::is_sensitive_shape`]: its
//! shape is marked sensitive or holds such a shape) or lies inside a sensitive value is printed as
//! [`crate::redact::REDACTED`], and so is a map key inside one (it is data); the rest of the message is
//! botocore's, and so are names of structure members and unknown keys, which name fields.

use std::fmt;

use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::Value;

use crate::python::pyrepr::{self, Dicts};
use crate::python::pyvalue::PySpecial;
use crate::redact::{REDACTED, is_sensitive_shape};

/// The problems botocore reports, in its order; displays as the CLI prints them (without the blank
/// line before and the newline after): `Parameter validation failed:` and one line per problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationErrors {
    problems: Vec<String>,
}

impl ValidationErrors {
    /// One line per problem, such as `Missing required parameter in input: "ClientId"`.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Parameter validation failed:\n{}", self.problems.join("\n"))
    }
}

impl std::error::Error for ValidationErrors {}

/// Validates `params` against `shape` as botocore does, every object being a plain dict.
pub fn validate(params: &Value, shape: &'static Shape) -> Result<(), ValidationErrors> {
    validate_with(params, shape, &[])
}

/// Validates `params` against `shape` as botocore does, the objects inside the top-level parameters
/// named in `ordered_dicts` being `collections.OrderedDict`s, as AWS CLI v1 loads an option value written
/// in JSON (not one written in shorthand, nor anything from `--cli-input-json`). Python values a JSON
/// value cannot hold (`bytes` from `fileb://`, big integers, NaN) are [`crate::python::pyvalue::special`] values.
pub fn validate_with(params: &Value, shape: &'static Shape, ordered_dicts: &[&str]) -> Result<(), ValidationErrors> {
    let mut validator = Validator { problems: Vec::new() };
    validator.check(Node(params, Dicts::Plain), shape, "", ordered_dicts, false);
    if validator.problems.is_empty() { Ok(()) } else { Err(ValidationErrors { problems: validator.problems }) }
}

/// A value as Python holds it: the JSON value and the type of its mappings.
#[derive(Clone, Copy)]
struct Node<'a>(&'a Value, Dicts);

impl Node<'_> {
    /// Python's `str()` of the value, or [`REDACTED`] when it must not be shown; and its type's name.
    fn str_and_type(self, redacted: bool) -> (String, std::borrow::Cow<'static, str>) {
        let shown = if redacted { REDACTED.to_owned() } else { pyrepr::str_with(self.0, self.1) };
        (shown, pyrepr::type_name(self.0, self.1))
    }
}

struct Validator {
    problems: Vec<String>,
}

/// botocore's `_get_name`: the path with its leading `.` dropped, `input` for the whole request.
fn display_name(name: &str) -> &str {
    if name.is_empty() { "input" } else { name.strip_prefix('.').unwrap_or(name) }
}

/// Where a value stands: its shape, and whether an enclosing value is sensitive.
#[derive(Clone, Copy)]
struct Enclosing {
    shape: &'static Shape,
    inside_sensitive: bool,
}

impl Validator {
    /// Checks `node` against `shape`; `inside_sensitive` says that an enclosing value is sensitive. Whether a
    /// value is shown is decided only when a message is written ([`Self::invalid_type`]), off the valid path.
    fn check(
        &mut self,
        node: Node<'_>,
        shape: &'static Shape,
        name: &str,
        ordered_dicts: &[&str],
        inside_sensitive: bool,
    ) {
        let outer = Enclosing { shape, inside_sensitive };
        let inside_sensitive = inside_sensitive || shape.sensitive;
        match &shape.kind {
            ShapeKind::Structure(structure) => {
                let Some(params) = self.dict(node, name, outer) else { return };
                let (map, dicts) = params;
                for required in structure.required {
                    if !map.contains_key(*required) {
                        self.problems
                            .push(format!("Missing required parameter in {}: \"{required}\"", display_name(name)));
                    }
                }
                for key in map.keys() {
                    if shape.member(key).is_none() {
                        let valid: Vec<&str> = structure.members.iter().map(|m| m.name).collect();
                        self.problems.push(format!(
                            "Unknown parameter in {}: \"{key}\", must be one of: {}",
                            display_name(name),
                            valid.join(", ")
                        ));
                    }
                }
                for (key, value) in map {
                    let Some(member) = shape.member(key) else { continue };
                    let child = if ordered_dicts.contains(&key.as_str()) {
                        Node(value, Dicts::Ordered)
                    } else {
                        Node(value, dicts)
                    };
                    self.check(child, member.shape, &format!("{name}.{key}"), &[], inside_sensitive);
                }
            }
            ShapeKind::Map(map_shape) => {
                let Some((map, dicts)) = self.dict(node, name, outer) else { return };
                for (key, value) in map {
                    let key_value = Value::String(key.clone());
                    let shown_key = if inside_sensitive { REDACTED } else { key.as_str() };
                    let key_name = format!("{name} (key: {shown_key})");
                    self.check(Node(&key_value, dicts), map_shape.key, &key_name, &[], inside_sensitive);
                    self.check(
                        Node(value, dicts),
                        map_shape.value,
                        &format!("{name}.{shown_key}"),
                        &[],
                        inside_sensitive,
                    );
                }
            }
            ShapeKind::String(string) => {
                let Node(Value::String(text), _) = node else {
                    self.invalid_type(node, name, "<class 'str'>", outer);
                    return;
                };
                let length = text.chars().count() as u64;
                if let Some(min) = string.min
                    && length < min
                {
                    self.problems.push(format!(
                        "Invalid length for parameter {}, value: {length}, valid min length: {min}",
                        display_name(name)
                    ));
                }
            }
        }
    }

    /// The value as a dict, or `None` after reporting that it is not one.
    fn dict<'v>(
        &mut self,
        node: Node<'v>,
        name: &str,
        at: Enclosing,
    ) -> Option<(&'v serde_json::Map<String, Value>, Dicts)> {
        match (node, crate::python::pyvalue::special(node.0)) {
            (Node(_, dicts), Some(PySpecial::Dict(content))) => Some((content, dicts)),
            (Node(Value::Object(map), dicts), None) => Some((map, dicts)),
            (other, _) => {
                self.invalid_type(other, name, "<class 'dict'>", at);
                None
            }
        }
    }

    fn invalid_type(&mut self, node: Node<'_>, name: &str, valid: &str, at: Enclosing) {
        let redacted = at.inside_sensitive || is_sensitive_shape(at.shape);
        let (value, type_name) = node.str_and_type(redacted);
        self.problems.push(format!(
            "Invalid type for parameter {}, value: {value}, type: {type_name}, valid types: {valid}",
            display_name(name)
        ));
    }
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3, mostly through
    //! `aws cognito-idp resend-confirmation-code --cli-input-json '{...}' --generate-cli-skeleton output`,
    //! except the redacted values of sensitive members (ours: botocore prints them).

    use super::*;
    use cognito_idp_client::contract;
    use serde_json::json;

    const MEMBERS: &str = "ClientId, SecretHash, UserContextData, Username, AnalyticsMetadata, ClientMetadata";

    fn problems(params: Value) -> Vec<String> {
        match validate(&params, contract::INPUT) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.problems().to_vec(),
        }
    }

    #[test]
    fn the_contract_lists_members_in_the_order_the_cli_reports_them() {
        // The order observed in `Unknown parameter in input` messages. When this fails, the committed
        // contract tables are out of date with the spec: run `cargo xtask codegen` and commit.
        let names: Vec<&str> = match &contract::INPUT.kind {
            ShapeKind::Structure(s) => s.members.iter().map(|m| m.name).collect(),
            _ => Vec::new(),
        };

        assert_eq!(names.join(", "), MEMBERS, "stale contract tables: run `cargo xtask codegen` and commit");
    }

    #[test]
    fn accepts_a_minimal_request() {
        assert_eq!(validate(&json!({"ClientId": "a", "Username": "b"}), contract::INPUT), Ok(()));
    }

    #[test]
    fn reports_missing_required_members_in_model_order() {
        // Arrange
        let params = json!({});

        // Act
        let errors = validate(&params, contract::INPUT).expect_err("invalid");

        // Assert
        assert_eq!(
            errors.to_string(),
            "Parameter validation failed:\nMissing required parameter in input: \"ClientId\"\nMissing required parameter in input: \"Username\""
        );
    }

    #[test]
    fn reports_a_wrong_type_and_an_empty_string() {
        let errors = problems(json!({"ClientId": "a", "Username": "", "ClientMetadata": {"k": 1}}));

        assert_eq!(
            errors,
            [
                "Invalid length for parameter Username, value: 0, valid min length: 1",
                "Invalid type for parameter ClientMetadata.k, value: 1, type: <class 'int'>, valid types: <class 'str'>",
            ]
        );
    }

    #[test]
    fn reports_every_empty_string_that_has_a_min_length() {
        let errors = problems(json!({"ClientId": "", "Username": "", "SecretHash": ""}));

        assert_eq!(
            errors,
            [
                "Invalid length for parameter ClientId, value: 0, valid min length: 1",
                "Invalid length for parameter Username, value: 0, valid min length: 1",
                "Invalid length for parameter SecretHash, value: 0, valid min length: 1",
            ]
        );
    }

    #[test]
    fn reports_top_level_unknown_keys_before_nested_problems() {
        let errors = problems(
            json!({"ClientId": "a", "Username": "b", "UserContextData": {"Foo": 1, "IpAddress": 2}, "Bar": null}),
        );

        assert_eq!(
            errors,
            [
                format!("Unknown parameter in input: \"Bar\", must be one of: {MEMBERS}"),
                "Unknown parameter in UserContextData: \"Foo\", must be one of: IpAddress, EncodedData".to_owned(),
                format!(
                    "Invalid type for parameter UserContextData.IpAddress, value: {REDACTED}, type: <class 'int'>, valid types: <class 'str'>"
                ),
            ]
        );
    }

    #[test]
    fn reports_members_in_the_order_of_the_input_keys() {
        let errors = problems(json!({
            "Username": "", "Zed": 1, "ClientId": 1, "UserContextData": [1], "ClientMetadata": null, "Alpha": {"x": 1},
            "AnalyticsMetadata": {"AnalyticsEndpointId": null, "Foo": "a\"b", "a\"b": 1}
        }));

        assert_eq!(
            errors,
            [
                format!("Unknown parameter in input: \"Zed\", must be one of: {MEMBERS}"),
                format!("Unknown parameter in input: \"Alpha\", must be one of: {MEMBERS}"),
                "Invalid length for parameter Username, value: 0, valid min length: 1".to_owned(),
                format!("Invalid type for parameter ClientId, value: {REDACTED}, type: <class 'int'>, valid types: <class 'str'>"),
                format!("Invalid type for parameter UserContextData, value: {REDACTED}, type: <class 'list'>, valid types: <class 'dict'>"),
                "Invalid type for parameter ClientMetadata, value: None, type: <class 'NoneType'>, valid types: <class 'dict'>"
                    .to_owned(),
                "Unknown parameter in AnalyticsMetadata: \"Foo\", must be one of: AnalyticsEndpointId".to_owned(),
                "Unknown parameter in AnalyticsMetadata: \"a\"b\", must be one of: AnalyticsEndpointId".to_owned(),
                "Invalid type for parameter AnalyticsMetadata.AnalyticsEndpointId, value: None, type: <class 'NoneType'>, valid types: <class 'str'>"
                    .to_owned(),
            ]
        );
    }

    #[test]
    fn reports_missing_members_before_nested_unknown_keys() {
        let errors = problems(json!({"UserContextData": {"Foo": 1}}));

        assert_eq!(
            errors,
            [
                "Missing required parameter in input: \"ClientId\"",
                "Missing required parameter in input: \"Username\"",
                "Unknown parameter in UserContextData: \"Foo\", must be one of: IpAddress, EncodedData",
            ]
        );
    }

    #[test]
    fn prints_each_json_type_as_python_str_does() {
        // Observed with --cli-input-json '{"ClientId": "a", "Username": "b", "AnalyticsMetadata":
        // {"AnalyticsEndpointId": null}, "ClientMetadata": {"a": true, "b": 1.5, "d": [...], ...}}'.
        let errors = problems(json!({
            "ClientId": "a", "Username": "b", "AnalyticsMetadata": {"AnalyticsEndpointId": null},
            "ClientMetadata": {"a": true, "b": 1.5, "c": "x", "d": [1, "a", null, true, 1.0], "e": {"x": "y"}, "f": []}
        }));

        assert_eq!(
            errors,
            [
                "Invalid type for parameter AnalyticsMetadata.AnalyticsEndpointId, value: None, type: <class 'NoneType'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.a, value: True, type: <class 'bool'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.b, value: 1.5, type: <class 'float'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.d, value: [1, 'a', None, True, 1.0], type: <class 'list'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.e, value: {'x': 'y'}, type: <class 'dict'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.f, value: [], type: <class 'list'>, valid types: <class 'str'>",
            ]
        );
    }

    #[test]
    fn prints_floats_as_python_repr_does() {
        let errors = problems(json!({
            "ClientId": "a", "Username": "b", "AnalyticsMetadata": {"AnalyticsEndpointId": -0.0, "x": 1},
            "ClientMetadata": {"e": 1e16, "f": 1e-5}
        }));

        assert_eq!(
            errors,
            [
                "Unknown parameter in AnalyticsMetadata: \"x\", must be one of: AnalyticsEndpointId",
                "Invalid type for parameter AnalyticsMetadata.AnalyticsEndpointId, value: -0.0, type: <class 'float'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.e, value: 1e+16, type: <class 'float'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.f, value: 1e-05, type: <class 'float'>, valid types: <class 'str'>",
            ]
        );
    }

    #[test]
    fn never_prints_the_value_of_a_sensitive_member() {
        // Ours: botocore prints these values (`value: None`, `value: True`, `value: 1.5`, `value: abc`).
        let errors = problems(json!({
            "ClientId": null, "Username": true, "SecretHash": 1.5, "UserContextData": "abc",
            "AnalyticsMetadata": [1, "a"]
        }));

        assert_eq!(
            errors,
            [
                format!("Invalid type for parameter ClientId, value: {REDACTED}, type: <class 'NoneType'>, valid types: <class 'str'>"),
                format!("Invalid type for parameter Username, value: {REDACTED}, type: <class 'bool'>, valid types: <class 'str'>"),
                format!("Invalid type for parameter SecretHash, value: {REDACTED}, type: <class 'float'>, valid types: <class 'str'>"),
                format!("Invalid type for parameter UserContextData, value: {REDACTED}, type: <class 'str'>, valid types: <class 'dict'>"),
                "Invalid type for parameter AnalyticsMetadata, value: [1, 'a'], type: <class 'list'>, valid types: <class 'dict'>".to_owned(),
            ]
        );
    }

    #[test]
    fn never_prints_values_inside_a_sensitive_member_but_names_its_fields() {
        let errors = problems(json!({
            "ClientId": "a", "Username": "b",
            "UserContextData": {"IpAddress": ["192.0.2.1"], "EncodedData": {"k": "secret"}, "Ip": "x"}
        }));

        assert_eq!(
            errors,
            [
                "Unknown parameter in UserContextData: \"Ip\", must be one of: IpAddress, EncodedData".to_owned(),
                format!(
                    "Invalid type for parameter UserContextData.IpAddress, value: {REDACTED}, type: <class 'list'>, valid types: <class 'str'>"
                ),
                format!(
                    "Invalid type for parameter UserContextData.EncodedData, value: {REDACTED}, type: <class 'dict'>, valid types: <class 'str'>"
                ),
            ]
        );
    }

    #[test]
    fn the_whole_request_is_sensitive_when_it_is_not_a_dict() {
        let errors = problems(json!(["ClientId", "secret"]));

        assert_eq!(
            errors,
            [format!(
                "Invalid type for parameter input, value: {REDACTED}, type: <class 'list'>, valid types: <class 'dict'>"
            )]
        );
    }

    #[test]
    fn the_keys_of_a_sensitive_map_are_data_and_are_redacted_too() {
        // No map of the contract is sensitive: a shape made for the test, from the contract's own string.
        static SECRET_MAP: Shape = Shape {
            name: "SecretMap",
            doc: "",
            sensitive: true,
            kind: ShapeKind::Map(cognito_idp_client::model::MapShape {
                key: &contract::STRING_TYPE,
                value: &contract::STRING_TYPE,
            }),
        };

        let errors = validate(&json!({"secret-key": 1}), &SECRET_MAP).expect_err("invalid");

        assert_eq!(
            errors.problems(),
            [format!(
                "Invalid type for parameter {REDACTED}, value: {REDACTED}, type: <class 'int'>, valid types: <class 'str'>"
            )]
        );
    }

    #[test]
    fn a_map_given_a_string_is_a_type_error() {
        let errors =
            problems(json!({"ClientId": "😀", "Username": "Zoë\u{0}\n\t\u{e9}\u{200b}", "ClientMetadata": "x"}));

        assert_eq!(
            errors,
            ["Invalid type for parameter ClientMetadata, value: x, type: <class 'str'>, valid types: <class 'dict'>"]
        );
    }

    #[test]
    fn names_map_values_by_their_raw_keys() {
        let errors = problems(json!({
            "ClientId": "a", "Username": "b", "ClientMetadata": {"a.b": 1, "(key": 1, "用户": "ok", "😀": 2},
            "UserContextData": {"IpAddress": "", "EncodedData": ""}
        }));

        assert_eq!(
            errors,
            [
                "Invalid type for parameter ClientMetadata.a.b, value: 1, type: <class 'int'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.(key, value: 1, type: <class 'int'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.😀, value: 2, type: <class 'int'>, valid types: <class 'str'>",
            ]
        );
    }

    #[test]
    fn prints_unicode_keys_and_values_with_python_escapes() {
        let errors = problems(json!({
            "ClientId": "a", "Username": "b", "用户": 1, "😀": 2,
            "ClientMetadata": {
                "a": ["Zoë", "用户", "😀", "e\u{301}", "\u{0}\u{7}\u{7f}\u{85}\u{a0}\u{ad}\u{200b}\u{2028}\u{e000}\u{ffff}😀\u{10ffff}\u{378}",
                      "it's", "say \"hi\"", "both ' \"", "back\\slash", "\t\n\r"],
                "b": {"k'": {"x": [1.5, 1e22, 1e16, 1e15, 0.0001, 0.00001, 123.456, -0.0, 2.5e-310]}}
            }
        }));

        assert_eq!(
            errors,
            [
                format!("Unknown parameter in input: \"用户\", must be one of: {MEMBERS}"),
                format!("Unknown parameter in input: \"😀\", must be one of: {MEMBERS}"),
                "Invalid type for parameter ClientMetadata.a, value: ['Zoë', '用户', '😀', 'e\u{301}', '\\x00\\x07\\x7f\\x85\\xa0\\xad\\u200b\\u2028\\ue000\\uffff😀\\U0010ffff\\u0378', \"it's\", 'say \"hi\"', 'both \\' \"', 'back\\\\slash', '\\t\\n\\r'], type: <class 'list'>, valid types: <class 'str'>".to_owned(),
                "Invalid type for parameter ClientMetadata.b, value: {\"k'\": {'x': [1.5, 1e+22, 1e+16, 1000000000000000.0, 0.0001, 1e-05, 123.456, -0.0, 2.5e-310]}}, type: <class 'dict'>, valid types: <class 'str'>".to_owned(),
            ]
        );
    }

    #[test]
    fn does_not_check_max_length_or_patterns() {
        let params = json!({
            "ClientId": "x".repeat(300), "Username": "a b\u{0}", "SecretHash": "!!!",
            "UserContextData": {}, "ClientMetadata": {"": ""}, "AnalyticsMetadata": {}
        });

        assert_eq!(validate(&params, contract::INPUT), Ok(()));
    }

    #[test]
    fn counts_length_in_code_points() {
        assert_eq!(problems(json!({"ClientId": "😀", "Username": "e\u{301}"})), Vec::<String>::new());
    }

    #[test]
    fn prints_json_option_objects_as_ordered_dicts() {
        // Observed with --client-metadata '{"a": {"b": 1, "c": [{"d": 1}]}}' --user-context-data '{"IpAddress": {"x": 1}}'.
        let params = json!({
            "ClientId": "a", "Username": "b", "UserContextData": {"IpAddress": {"x": 1}},
            "ClientMetadata": {"a": {"b": 1, "c": [{"d": 1}]}}
        });
        let ordered = ["UserContextData", "ClientMetadata"];

        let errors = validate_with(&params, contract::INPUT, &ordered).expect_err("invalid");

        assert_eq!(
            errors.problems(),
            [
                // Ours: botocore prints `value: OrderedDict([('x', 1)])` here.
                format!("Invalid type for parameter UserContextData.IpAddress, value: {REDACTED}, type: <class 'collections.OrderedDict'>, valid types: <class 'str'>"),
                "Invalid type for parameter ClientMetadata.a, value: OrderedDict([('b', 1), ('c', [OrderedDict([('d', 1)])])]), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>".to_owned(),
            ]
        );
    }

    #[test]
    fn prints_shorthand_objects_as_plain_dicts() {
        // Observed with --client-metadata 'a=[1,2],b={c=d}' --user-context-data 'IpAddress={x=1},Foo=b'.
        let params = json!({
            "ClientId": "a", "Username": "b", "UserContextData": {"IpAddress": {"x": "1"}, "Foo": "b"},
            "ClientMetadata": {"a": ["1", "2"], "b": {"c": "d"}}
        });

        let errors = problems(params);

        assert_eq!(
            errors,
            [
                "Unknown parameter in UserContextData: \"Foo\", must be one of: IpAddress, EncodedData".to_owned(),
                // Ours: botocore prints `value: {'x': '1'}` here.
                format!("Invalid type for parameter UserContextData.IpAddress, value: {REDACTED}, type: <class 'dict'>, valid types: <class 'str'>"),
                "Invalid type for parameter ClientMetadata.a, value: ['1', '2'], type: <class 'list'>, valid types: <class 'str'>".to_owned(),
                "Invalid type for parameter ClientMetadata.b, value: {'c': 'd'}, type: <class 'dict'>, valid types: <class 'str'>".to_owned(),
            ]
        );
    }

    #[test]
    fn prints_fileb_bytes_as_python_bytes() {
        // The reprs observed with --client-id fileb://f.txt (abc\n) --username fileb://g.bin (ff 00 ' "),
        // which botocore prints and we redact: shown here on map values, which the command line cannot give.
        let mut params = serde_json::Map::new();
        params.insert("ClientId".into(), crate::python::pyvalue::bytes_value(b"abc\n"));
        params.insert("Username".into(), Value::String("b".into()));
        let mut metadata = serde_json::Map::new();
        metadata.insert("a".into(), crate::python::pyvalue::bytes_value(b"abc\n"));
        metadata.insert("b".into(), crate::python::pyvalue::bytes_value(b"\xff\x00'\""));
        params.insert("ClientMetadata".into(), Value::Object(metadata));

        let errors = validate(&Value::Object(params), contract::INPUT).expect_err("invalid");

        assert_eq!(
            errors.to_string(),
            "Parameter validation failed:\n\
             Invalid type for parameter ClientId, value: *** Sensitive Data Redacted ***, type: <class 'bytes'>, valid types: <class 'str'>\n\
             Invalid type for parameter ClientMetadata.a, value: b'abc\\n', type: <class 'bytes'>, valid types: <class 'str'>\n\
             Invalid type for parameter ClientMetadata.b, value: b'\\xff\\x00\\'\"', type: <class 'bytes'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn marks_only_the_named_top_level_parameters() {
        let params = json!({
            "ClientId": "a", "Username": "b", "AnalyticsMetadata": {"AnalyticsEndpointId": {}}, "ClientMetadata": {"a": {}}
        });

        let errors = validate_with(&params, contract::INPUT, &["ClientMetadata"]).expect_err("invalid");

        assert_eq!(
            errors.problems(),
            [
                "Invalid type for parameter AnalyticsMetadata.AnalyticsEndpointId, value: {}, type: <class 'dict'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.a, value: OrderedDict(), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>",
            ]
        );
    }

    #[test]
    fn reports_a_very_long_value_whole() {
        let long = "用".repeat(10_000);

        let errors = problems(json!({"ClientId": "a", "Username": "b", "ClientMetadata": {"a": [long.clone()]}}));

        assert_eq!(
            errors,
            [format!(
                "Invalid type for parameter ClientMetadata.a, value: ['{long}'], type: <class 'list'>, valid types: <class 'str'>"
            )]
        );
    }
}

#[cfg(test)]
mod special_value_tests {
    use super::*;
    use cognito_idp_client::contract;

    #[test]
    fn python_values_json_cannot_hold_print_as_python_prints_them() {
        // Observed: --cli-input-json '{"ClientId": "a", "Username": "b", "ClientMetadata":
        // {"g": 123456789012345678901234567890, "h": NaN}}'.
        let params = crate::python::pyjson::loads(
            r#"{"ClientId": "a", "Username": "b", "ClientMetadata": {"g": 123456789012345678901234567890, "h": NaN}}"#,
            100,
        )
        .expect("Python accepts it");
        let errors = validate(&params, contract::INPUT).expect_err("invalid");
        assert_eq!(
            errors.problems(),
            [
                "Invalid type for parameter ClientMetadata.g, value: 123456789012345678901234567890, type: <class 'int'>, valid types: <class 'str'>",
                "Invalid type for parameter ClientMetadata.h, value: nan, type: <class 'float'>, valid types: <class 'str'>",
            ]
        );
    }
}
