//! The AWS JSON 1.1 protocol cases of `spec/vectors/awsjson11-protocol-cases.json`, run against the client
//! layer through wiremock, each named in the report.
//!
//! The cases test a service of many operations (`JsonProtocol`); ours has one. Each client-side case is
//! mapped onto what `ResendConfirmationCode` can express: the framing headers and path, members set or
//! left unset, empty structures and maps, response bodies that are empty, unknown or null, and the error
//! code rules, with the test's members renamed to ours (`MapOfStrings` → `ClientMetadata`) and its error
//! shapes to the contract's (`FooError`, a server fault without members → the contract's server fault).
//! A case that cannot apply (integers, lists, unions, host prefixes: the contract has none) is reported
//! "not applicable" with the reason; a case with no mapping at all fails, so a new case cannot be
//! dropped silently.

use cognito_idp_client::contract::{self, ERRORS, INPUT, OUTPUT};
use cognito_idp_client::model::{Fault, ShapeKind};
use cognito_idp_client::{Error, OperationError, types};
use serde_json::{Map, Value};
use wiremock::ResponseTemplate;

use crate::failure::{Failure, expect_eq, expect_json, short_json};
use crate::report::{Detail, Outcome};
use crate::wire::{WireHarness, check_body, check_framing, header};

/// The vectors file, relative to the workspace root.
pub const CASES_PATH: &str = "spec/vectors/awsjson11-protocol-cases.json";

/// How a case maps onto the client.
#[derive(Clone, Debug)]
enum Plan {
    /// A request case: the test's members renamed to ours and merged into the base input.
    Request { renames: &'static [Rename], path_prefix: &'static str },
    /// A response case: the test's members renamed to ours in the body and the expected output.
    Response { renames: &'static [Rename] },
    /// An error case: the test's error shape becomes the contract's error of this role.
    Error(ErrorRole),
    /// Not applicable, and why.
    NotApplicable(String),
}

/// A member of the test service and where it goes in ours, with renames inside it.
#[derive(Clone, Copy, Debug)]
struct Rename {
    from: &'static str,
    to: &'static [&'static str],
    inner: &'static [(&'static str, &'static str)],
}

/// Which contract error stands for the test's error shape.
#[derive(Clone, Copy, Debug)]
enum ErrorRole {
    /// A client error whose only member is its message (`InvalidGreeting`).
    ClientWithMessage,
    /// A client error with a member besides the message (`ComplexError`).
    ClientWithMember,
    /// A server fault (`FooError`).
    ServerFault,
}

fn plan(id: &str) -> Option<Plan> {
    let required = match &INPUT.kind {
        ShapeKind::Structure(s) => s.required.join(", "),
        _ => String::new(),
    };
    let no_input = || {
        Plan::NotApplicable(format!("{} has required members ({required}): there is no call without input", INPUT.name))
    };
    let none = |what: &str| Plan::NotApplicable(format!("the contract has no {what}"));
    const STRUCT_AS_ANALYTICS: &[Rename] =
        &[Rename { from: "SimpleStruct", to: &["AnalyticsMetadata"], inner: &[("Value", "AnalyticsEndpointId")] }];
    Some(match id {
        "sends_requests_to_slash" | "includes_x_amz_target_and_content_type" => {
            Plan::Request { renames: &[], path_prefix: "" }
        }
        "json_1_1_client_sends_empty_payload_for_no_input_shape" | "can_call_operation_with_no_input_or_output" => {
            no_input()
        }
        "can_call_operation_with_optional_input" => {
            Plan::Request { renames: &[Rename { from: "Value", to: &["SecretHash"], inner: &[] }], path_prefix: "" }
        }
        "AwsJson11StructuresDontSerializeNullValues" => {
            Plan::Request { renames: &[Rename { from: "string", to: &["SecretHash"], inner: &[] }], path_prefix: "" }
        }
        "serializes_string_shapes" => Plan::Request {
            renames: &[Rename { from: "String", to: &["UserContextData", "EncodedData"], inner: &[] }],
            path_prefix: "",
        },
        "serializes_string_shapes_with_jsonvalue_trait" => Plan::Request {
            renames: &[Rename { from: "JsonValue", to: &["UserContextData", "EncodedData"], inner: &[] }],
            path_prefix: "",
        },
        "serializes_map_shapes" | "serializes_empty_map_shapes" => Plan::Request {
            renames: &[Rename { from: "MapOfStrings", to: &["ClientMetadata"], inner: &[] }],
            path_prefix: "",
        },
        "serializes_structure_shapes" | "serializes_empty_structure_shapes" => {
            Plan::Request { renames: STRUCT_AS_ANALYTICS, path_prefix: "" }
        }
        "serializes_structure_members_with_locationname_traits" => Plan::Request {
            renames: &[Rename {
                from: "StructWithJsonName",
                to: &["UserContextData"],
                inner: &[("Value", "IpAddress")],
            }],
            path_prefix: "",
        },
        "AwsJson11HostWithPath" => Plan::Request { renames: &[], path_prefix: "/custom" },
        "AwsJson11SparseMapsSerializeNullValues" => Plan::NotApplicable(
            "ClientMetadataType is not sparse: its values are StringType and cannot be null".to_owned(),
        ),
        "AwsJson11SparseListsSerializeNull"
        | "AwsJson11SparseListsDeserializeNull"
        | "serializes_list_shapes"
        | "serializes_empty_list_shapes"
        | "parses_list_shapes" => none("list shapes"),
        "AwsJson11SparseMapsDeserializeNullValues" | "parses_map_shapes" | "parses_map_of_structure_shapes" => {
            Plan::NotApplicable(format!("{} has no map member", OUTPUT.name))
        }
        "serializes_map_of_structure_shapes" => {
            Plan::NotApplicable("the contract's only map, ClientMetadataType, has string values".to_owned())
        }
        "serializes_integer_shapes" | "parses_integer_shapes" => none("integer shapes"),
        "serializes_long_shapes" | "parses_long_shapes" => none("long shapes"),
        "serializes_boolean_shapes_true"
        | "serializes_boolean_shapes_false"
        | "parses_boolean_shapes_true"
        | "parses_boolean_false" => none("boolean shapes"),
        "serializes_blob_shapes" => none("blob shapes"),
        "serializes_timestamp_shapes" => none("timestamp shapes"),
        "serializes_structure_which_have_no_members" => none("structure without members"),
        "AwsJson11Enums" => {
            Plan::NotApplicable(format!("{} has no enum member (DeliveryMediumType is output only)", INPUT.name))
        }
        "AwsJson11EndpointTrait" => {
            Plan::NotApplicable(format!("{} has no endpoint trait (host prefix)", contract::OPERATION))
        }
        "AwsJson11DeserializeIgnoreType" => none("union shapes"),
        "handles_empty_output_shape"
        | "handles_unexpected_json_output"
        | "json_1_1_service_responds_with_no_payload"
        | "parses_operations_with_empty_json_bodies"
        | "parses_the_request_id_from_the_response" => Plan::Response { renames: &[] },
        "AwsJson11StructuresDontDeserializeNullValues" => {
            Plan::Response { renames: &[Rename { from: "string", to: &["CodeDeliveryDetails"], inner: &[] }] }
        }
        "parses_string_shapes" => Plan::Response {
            renames: &[Rename { from: "String", to: &["CodeDeliveryDetails", "Destination"], inner: &[] }],
        },
        "AwsJson11InvalidGreetingError" => Plan::Error(ErrorRole::ClientWithMessage),
        "AwsJson11ComplexError" | "AwsJson11EmptyComplexError" => Plan::Error(ErrorRole::ClientWithMember),
        id if id.starts_with("AwsJson11FooError") => Plan::Error(ErrorRole::ServerFault),
        _ => return None,
    })
}

/// The contract error standing for `role`, and for [`ErrorRole::ClientWithMember`] its other member.
fn error_for(role: ErrorRole) -> Option<(&'static str, Option<&'static str>)> {
    ERRORS.iter().find_map(|shape| {
        let ShapeKind::Structure(s) = &shape.kind else { return None };
        let other = s.members.iter().map(|m| m.name).find(|n| !n.eq_ignore_ascii_case("message"));
        match (role, s.error?, other) {
            (ErrorRole::ClientWithMessage, Fault::Client, None) => Some((shape.name, None)),
            (ErrorRole::ClientWithMember, Fault::Client, Some(member)) => Some((shape.name, Some(member))),
            (ErrorRole::ServerFault, Fault::Server, _) => Some((shape.name, None)),
            _ => None,
        }
    })
}

/// The base input of request cases: the spec's worked example, or the smallest valid input.
fn base_input() -> Result<Value, Failure> {
    if let Some(example) = contract::EXAMPLES.first() {
        return serde_json::from_str(example.request)
            .map_err(|e| Failure::new("the worked example parses", "JSON", e.to_string()));
    }
    crate::strategies::example_valid(INPUT).map_err(|e| Failure::new("a base input", "a valid input", e.to_string()))
}

/// Runs every case of the vectors file and names each in the details.
pub fn protocol_cases(harness: &WireHarness, root: &std::path::Path) -> Outcome {
    let path = root.join(CASES_PATH);
    let document: Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(document) => document,
        Err(e) => return Outcome::new("no cases", vec![Failure::new(format!("{CASES_PATH} reads"), "the cases", e)]),
    };
    let cases = document.get("cases").and_then(Value::as_array).cloned().unwrap_or_default();
    let declared = document.get("count").and_then(Value::as_u64);
    let mut details = Vec::new();
    for case in &cases {
        details.push(run_case(harness, case));
    }
    if declared != Some(cases.len() as u64) {
        details
            .push(Detail::fail("the file's count", format!("count says {declared:?}, the file has {}", cases.len())));
    }
    let passed = details.iter().filter(|d| d.status == crate::report::Status::Pass).count();
    let not_applicable = details.iter().filter(|d| d.status == crate::report::Status::Skip).count();
    Outcome::from_details(format!("{} cases: {passed} pass, {not_applicable} not applicable", cases.len()), details)
}

fn run_case(harness: &WireHarness, case: &Value) -> Detail {
    let id = case.get("id").and_then(Value::as_str).unwrap_or("(no id)");
    let applies_to = case.get("appliesTo").and_then(Value::as_str).unwrap_or("");
    if applies_to == "server" {
        return Detail::not_applicable(id, "a server-side case (appliesTo: server)");
    }
    let kind = case.get("kind").and_then(Value::as_str).unwrap_or("");
    let result = match (plan(id), kind) {
        (None, _) => {
            return Detail::fail(
                id,
                "no mapping onto the client: add one in crates/conformance/src/checks/protocol.rs",
            );
        }
        (Some(Plan::NotApplicable(reason)), _) => return Detail::not_applicable(id, reason),
        (Some(Plan::Request { renames, path_prefix }), "request") => request_case(harness, case, renames, path_prefix),
        (Some(Plan::Response { renames }), "response") => response_case(harness, case, renames),
        (Some(Plan::Error(role)), "error") => error_case(harness, case, role),
        (Some(plan), kind) => Err(vec![Failure::new("the mapping fits the case's kind", kind, format!("{plan:?}"))]),
    };
    match result {
        Ok(note) => Detail::pass(id, note),
        Err(failures) => Detail::from_failures(id, "", &failures),
    }
}

/// The test's members renamed to ours: each renamed member goes to its path (with its own members
/// renamed), the others stay where they are.
fn apply_renames(value: &Value, renames: &[Rename]) -> Value {
    let Value::Object(object) = value else { return value.clone() };
    let mut out = Value::Object(Map::new());
    for (key, member) in object {
        match renames.iter().find(|r| r.from == key) {
            Some(r) => {
                let moved = rename_inner(member, r.inner);
                set_path(&mut out, r.to, moved);
            }
            None => set_path(&mut out, &[key.as_str()], member.clone()),
        }
    }
    out
}

fn rename_inner(value: &Value, inner: &[(&str, &str)]) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(k, v)| {
                    let name = inner.iter().find(|(from, _)| from == k).map_or(k.as_str(), |(_, to)| to);
                    (name.to_owned(), rename_inner(v, inner))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn set_path(target: &mut Value, path: &[&str], value: Value) {
    let Some((last, init)) = path.split_last() else { return };
    let mut current = target;
    for step in init {
        let Value::Object(object) = current else { return };
        current = object.entry((*step).to_owned()).or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(object) = current {
        object.insert((*last).to_owned(), value);
    }
}

fn merge(base: &Value, extra: &Value) -> Value {
    match (base, extra) {
        (Value::Object(b), Value::Object(e)) => {
            let mut out = b.clone();
            for (k, v) in e {
                let merged = match out.get(k) {
                    Some(existing) => merge(existing, v),
                    None => v.clone(),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (_, extra) => extra.clone(),
    }
}

fn body_of(text: Option<&str>) -> Result<Value, Failure> {
    match text {
        None | Some("") => Ok(Value::Object(Map::new())),
        Some(text) => {
            serde_json::from_str(text).map_err(|e| Failure::new("the case's body is JSON", "JSON", e.to_string()))
        }
    }
}

fn request_case(harness: &WireHarness, case: &Value, renames: &[Rename], prefix: &str) -> Result<String, Vec<Failure>> {
    let base = base_input().map_err(|f| vec![f])?;
    let params = case.pointer("/given/params").cloned().unwrap_or(Value::Null);
    let expect = case.get("expect").cloned().unwrap_or(Value::Null);
    let input = merge(&base, &apply_renames(&params, renames));
    // A body the test leaves unchecked is still ours to check: it must be the input.
    let expected_body = match expect.get("bodyMediaType").and_then(Value::as_str) {
        Some("application/json") => {
            let body = body_of(expect.get("body").and_then(Value::as_str)).map_err(|f| vec![f])?;
            merge(&base, &apply_renames(&body, renames))
        }
        _ => strip_nulls(&input),
    };
    let typed: types::ResendConfirmationCodeRequest = serde_json::from_value(input.clone())
        .map_err(|e| vec![Failure::new("the mapped input is valid", short_json(&input), e.to_string())])?;
    let client = match prefix {
        "" => None,
        prefix => Some(
            WireHarness::client_for(&format!("{}{prefix}", harness.uri()))
                .map_err(|e| vec![Failure::new("a client", "built", e)])?,
        ),
    };
    let exchange = harness.exchange_with(client.as_ref(), typed, crate::wire::ok_json("{}"));
    let Some(request) = exchange.request else {
        return Err(vec![Failure::new(
            "the request reaches the server",
            "a request",
            format!("{:?}", exchange.result),
        )]);
    };
    let mut expectation = harness.expectation();
    expectation.path = expect.get("uri").and_then(Value::as_str).unwrap_or("/").to_owned();
    let mut failures = check_framing(&request, &expectation);
    if let Some(headers) = expect.get("headers").and_then(Value::as_object) {
        for (name, value) in headers {
            let value = value.as_str().unwrap_or_default();
            let expected = match name.to_ascii_lowercase().as_str() {
                // JsonProtocol.<Operation> stands for the contract's target.
                "x-amz-target" => contract::TARGET.to_owned(),
                _ => value.to_owned(),
            };
            failures.extend(
                header(&request, name).and_then(|v| expect_eq(&format!("header {name}"), expected.as_str(), v)).err(),
            );
        }
    }
    for name in expect.get("requireHeaders").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
        failures.extend(header(&request, name).err());
    }
    failures.extend(check_body(&request, &expected_body));
    if failures.is_empty() {
        Ok(format!("{} {} with body {}", request.method, request.url.path(), short_json(&expected_body)))
    } else {
        Err(failures)
    }
}

fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), strip_nulls(v))).collect(),
        ),
        other => other.clone(),
    }
}

/// The case's response, as wiremock serves it: its status, its headers (values mapped by `map`), its
/// body.
fn served(case: &Value, body: Option<String>, map: impl Fn(&str) -> String) -> ResponseTemplate {
    let status =
        case.pointer("/given/status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()).unwrap_or(200);
    let mut template = ResponseTemplate::new(status);
    for (name, value) in case.pointer("/given/headers").and_then(Value::as_object).into_iter().flatten() {
        template = template.insert_header(name.as_str(), map(value.as_str().unwrap_or_default()).as_str());
    }
    if let Some(body) = body {
        template = template.set_body_bytes(body.into_bytes());
    }
    template
}

fn response_case(harness: &WireHarness, case: &Value, renames: &[Rename]) -> Result<String, Vec<Failure>> {
    let text = case.pointer("/given/body").and_then(Value::as_str);
    let body = match text {
        None | Some("") => text.map(str::to_owned),
        Some(_) => Some(apply_renames(&body_of(text).map_err(|f| vec![f])?, renames).to_string()),
    };
    let expected = apply_renames(case.pointer("/expect/output").unwrap_or(&Value::Null), renames);
    let expected = strip_nulls(&expected);
    let input = serde_json::from_value(base_input().map_err(|f| vec![f])?)
        .map_err(|e| vec![Failure::new("the base input", "valid", e.to_string())])?;
    let exchange = harness.exchange(input, served(case, body.clone(), str::to_owned));
    let response = exchange
        .result
        .map_err(|e| vec![Failure::new("the response decodes", short_json(&expected), e.to_string())])?;
    let decoded = serde_json::to_value(&response.output)
        .map_err(|e| vec![Failure::new("the output serializes", "JSON", e.to_string())])?;
    let mut failures: Vec<Failure> = expect_json("output", &expected, &decoded).err().into_iter().collect();
    let request_id = case
        .pointer("/given/headers")
        .and_then(Value::as_object)
        .and_then(|h| h.iter().find(|(k, _)| k.eq_ignore_ascii_case("x-amzn-requestid")).and_then(|(_, v)| v.as_str()));
    if let Some(id) = request_id {
        failures.extend(expect_eq("request id", Some(id), response.request_id.as_deref()).err());
    }
    if failures.is_empty() {
        Ok(format!(
            "body {} decodes to {}",
            crate::failure::short(&format!("{:?}", body.unwrap_or_default())),
            short_json(&decoded)
        ))
    } else {
        Err(failures)
    }
}

fn error_case(harness: &WireHarness, case: &Value, role: ErrorRole) -> Result<String, Vec<Failure>> {
    let Some((ours, member)) = error_for(role) else {
        return Err(vec![Failure::new("the contract has an error for this case", format!("{role:?}"), "none")]);
    };
    let theirs = case.pointer("/expect/errorShape").and_then(Value::as_str).unwrap_or_default();
    let expected_members = case.pointer("/expect/members").cloned().unwrap_or(Value::Null);
    // The test's top-level string member stands for our error's other member.
    let member_rename: Vec<(String, &str)> = match (member, expected_members.as_object()) {
        (Some(our_member), Some(members)) => members
            .iter()
            .filter(|(k, v)| v.is_string() && !k.eq_ignore_ascii_case("message"))
            .map(|(k, _)| (k.clone(), our_member))
            .collect(),
        _ => Vec::new(),
    };
    let mut body = case.pointer("/given/body").and_then(Value::as_str).map(|b| b.replace(theirs, ours));
    if let (Some(text), Some((from, to))) = (body.as_deref(), member_rename.first())
        && let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text)
    {
        let renamed: Map<String, Value> =
            object.into_iter().map(|(k, v)| (if &k == from { (*to).to_owned() } else { k }, v)).collect();
        body = Some(Value::Object(renamed).to_string());
    }
    let template = served(case, body, |value| value.replace(theirs, ours));
    let input = serde_json::from_value(base_input().map_err(|f| vec![f])?)
        .map_err(|e| vec![Failure::new("the base input", "valid", e.to_string())])?;
    let exchange = harness.exchange(input, template);
    let error = match exchange.result {
        Err(Error::Service(error)) => error,
        other => return Err(vec![Failure::new(format!("a service error {ours}"), ours, format!("{other:?}"))]),
    };
    let status = case.pointer("/given/status").and_then(Value::as_u64).unwrap_or(0);
    let message = expected_members.get("Message").or(expected_members.get("message")).and_then(Value::as_str);
    let mut failures = Vec::new();
    failures.extend(expect_eq("error code", ours, error.code()).err());
    failures.extend(expect_eq("error message", message, error.message()).err());
    failures.extend(expect_eq("HTTP status", status, u64::from(error.status)).err());
    failures
        .extend(expect_eq("server fault", matches!(role, ErrorRole::ServerFault), error.error.is_server_fault()).err());
    let mut note = format!("{theirs} → {ours}");
    if let Some((from, to)) = member_rename.first() {
        let expected = expected_members.get(from).and_then(Value::as_str);
        let found = match &error.error {
            OperationError::InvalidParameterException(e) if *to == "reasonCode" => {
                e.reason_code.as_ref().map(|r| r.0.as_str())
            }
            _ => None,
        };
        failures.extend(expect_eq(&format!("member {to} (the test's {from})"), expected, found).err());
        note.push_str(&format!(", {from} → {to}"));
    } else if member.is_some()
        && let OperationError::InvalidParameterException(e) = &error.error
    {
        failures.extend(expect_eq("member reasonCode", None, e.reason_code.as_ref().map(|r| r.0.as_str())).err());
    }
    if failures.is_empty() { Ok(note) } else { Err(failures) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renames_move_members_and_their_inner_names() {
        let renames =
            [Rename { from: "SimpleStruct", to: &["AnalyticsMetadata"], inner: &[("Value", "AnalyticsEndpointId")] }];
        let value = json!({"SimpleStruct": {"Value": "abc"}, "foo": true});
        assert_eq!(
            apply_renames(&value, &renames),
            json!({"AnalyticsMetadata": {"AnalyticsEndpointId": "abc"}, "foo": true})
        );
        let nested = [Rename { from: "String", to: &["UserContextData", "EncodedData"], inner: &[] }];
        assert_eq!(apply_renames(&json!({"String": "x"}), &nested), json!({"UserContextData": {"EncodedData": "x"}}));
    }

    #[test]
    fn the_test_errors_map_onto_the_contracts_errors() {
        assert_eq!(error_for(ErrorRole::ServerFault), Some(("InternalErrorException", None)));
        assert_eq!(error_for(ErrorRole::ClientWithMember), Some(("InvalidParameterException", Some("reasonCode"))));
        assert!(error_for(ErrorRole::ClientWithMessage).is_some());
    }

    #[test]
    fn an_unknown_case_has_no_plan() {
        assert!(plan("a_case_added_later").is_none());
        assert!(
            matches!(plan("serializes_integer_shapes"), Some(Plan::NotApplicable(reason)) if reason.contains("integer"))
        );
    }
}
