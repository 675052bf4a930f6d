//! The tests of `cargo xtask compat`: each mutation of the spec gets its class and reason.

use std::collections::BTreeSet;

use super::*;
use crate::workspace_root;
use clap::Parser;

const REQUEST: &str = "ResendConfirmationCodeRequest";
const HISTORY: &str = "spec/upstream/history/botocore-1.20.0.json";

#[derive(Debug, Parser)]
struct Cli {
    #[command(flatten)]
    args: Args,
}

fn args(argv: &[&str]) -> Args {
    Cli::try_parse_from(std::iter::once("compat").chain(argv.iter().copied())).expect("arguments parse").args
}

fn spec() -> Value {
    static SPEC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| {
        let text = std::fs::read_to_string(workspace_root().join(SPEC_PATH)).expect("spec is readable");
        serde_norway::from_str(&text).expect("spec is YAML")
    })
    .clone()
}

fn facts() -> ClientFacts {
    static FACTS: std::sync::OnceLock<ClientFacts> = std::sync::OnceLock::new();
    FACTS.get_or_init(|| ClientFacts::read(&workspace_root()).expect("the generated client parses")).clone()
}

fn changes(base_edit: fn(&mut Value), head_edit: fn(&mut Value)) -> Vec<Change> {
    let (mut base, mut head) = (spec(), spec());
    base_edit(&mut base);
    head_edit(&mut head);
    let base = Contract::from_spec(&base).expect("edited base loads");
    let head = Contract::from_spec(&head).expect("edited head loads");
    compare(&base, &head, &facts())
}

fn schemas(doc: &mut Value) -> &mut Value {
    &mut doc["components"]["schemas"]
}

fn post(doc: &mut Value) -> &mut Value {
    &mut doc["paths"]["/"]["post"]
}

fn client_errors(doc: &mut Value) -> &mut Vec<Value> {
    post(doc)["responses"]["400"]["content"]["application/x-amz-json-1.1"]["schema"]["anyOf"]
        .as_array_mut()
        .expect("the 400 response lists its errors")
}

fn member(shape: &str) -> Value {
    json!({"allOf": [{"$ref": format!("#/components/schemas/{shape}")}]})
}

/// Points a member at another shape, keeping its documentation.
fn retarget(member: &mut Value, shape: &str) {
    member["allOf"][0]["$ref"] = format!("#/components/schemas/{shape}").into();
}

fn object(value: &mut Value) -> &mut serde_json::Map<String, Value> {
    value.as_object_mut().expect("an object")
}

fn same(_: &mut Value) {}

/// One mutation of the committed spec, and what `compare` must say about it.
struct Case {
    mutation: &'static str,
    base: fn(&mut Value),
    head: fn(&mut Value),
    /// The worst class of the report.
    class: Class,
    /// Every change, as (rule, path), in report order.
    expected: &'static [(&'static str, &'static str)],
    /// A part of the first change's reason.
    why: &'static str,
}

const CASES: &[Case] = &[
    Case {
        mutation: "ClientId maxLength 128 -> 100",
        base: same,
        head: |d| schemas(d)["ClientIdType"]["maxLength"] = 100.into(),
        class: Class::Breaking,
        expected: &[("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientId")],
        why: "values of 101 to 128 characters, valid before, are rejected",
    },
    Case {
        mutation: "ClientId maxLength 128 -> 256",
        base: same,
        head: |d| schemas(d)["ClientIdType"]["maxLength"] = 256.into(),
        class: Class::Compatible,
        expected: &[("request-max-length-increased", "ResendConfirmationCodeRequest.ClientId")],
        why: "every value valid before is still valid",
    },
    Case {
        mutation: "Username minLength 1 -> 3",
        base: same,
        head: |d| schemas(d)["UsernameType"]["minLength"] = 3.into(),
        class: Class::Breaking,
        expected: &[("request-min-length-increased", "ResendConfirmationCodeRequest.Username")],
        why: "values of 1 to 2 characters",
    },
    Case {
        mutation: "ClientId minLength removed (1 -> 0)",
        base: same,
        head: |d| {
            object(&mut schemas(d)["ClientIdType"]).shift_remove("minLength");
        },
        class: Class::Compatible,
        expected: &[("request-min-length-decreased", "ResendConfirmationCodeRequest.ClientId")],
        why: "every value valid before is still valid",
    },
    Case {
        mutation: "SecretHash pattern loses `/` from its class",
        base: same,
        head: |d| schemas(d)["SecretHashType"]["pattern"] = "^[\\w+=]+$".into(),
        class: Class::Breaking,
        expected: &[("request-pattern-changed", "ResendConfirmationCodeRequest.SecretHash")],
        why: "the character class lost items",
    },
    Case {
        mutation: "SecretHash pattern gains `-` in its class",
        base: same,
        head: |d| schemas(d)["SecretHashType"]["pattern"] = "^[\\w+=/-]+$".into(),
        class: Class::Compatible,
        expected: &[("request-pattern-widened", "ResendConfirmationCodeRequest.SecretHash")],
        why: "the character class only gained items",
    },
    Case {
        mutation: "ClientId pattern rewritten with a bounded repeat",
        base: same,
        head: |d| schemas(d)["ClientIdType"]["pattern"] = "^[\\w+]{1,128}$".into(),
        class: Class::Breaking,
        expected: &[("request-pattern-changed", "ResendConfirmationCodeRequest.ClientId")],
        why: "any other change counts as breaking",
    },
    Case {
        mutation: "Username pattern removed",
        base: same,
        head: |d| {
            object(&mut schemas(d)["UsernameType"]).shift_remove("pattern");
        },
        class: Class::Compatible,
        expected: &[("request-pattern-widened", "ResendConfirmationCodeRequest.Username")],
        why: "no pattern now",
    },
    Case {
        mutation: "a new required request member",
        base: same,
        head: |d| {
            let request = &mut schemas(d)["ResendConfirmationCodeRequest"];
            request["properties"]["Locale"] = member("StringType");
            request["required"].as_array_mut().expect("required").push("Locale".into());
        },
        class: Class::Breaking,
        expected: &[("request-required-member-added", "ResendConfirmationCodeRequest.Locale")],
        why: "requests from clients built on the old contract lack it",
    },
    Case {
        mutation: "a new optional request member",
        base: same,
        head: |d| schemas(d)["ResendConfirmationCodeRequest"]["properties"]["Locale"] = member("StringType"),
        class: Class::Compatible,
        expected: &[("request-optional-member-added", "ResendConfirmationCodeRequest.Locale")],
        why: "simply do not send it",
    },
    Case {
        mutation: "a request member removed",
        base: same,
        head: |d| {
            object(&mut schemas(d)["ResendConfirmationCodeRequest"]["properties"]).shift_remove("AnalyticsMetadata");
        },
        class: Class::Breaking,
        expected: &[("request-member-removed", "ResendConfirmationCodeRequest.AnalyticsMetadata")],
        why: "reject a member the contract does not have",
    },
    Case {
        mutation: "SecretHash becomes required",
        base: same,
        head: |d| schemas(d)[REQUEST]["required"] = json!(["ClientId", "Username", "SecretHash"]),
        class: Class::Breaking,
        expected: &[("request-member-became-required", "ResendConfirmationCodeRequest.SecretHash")],
        why: "requests that omit it, valid before, are rejected",
    },
    Case {
        mutation: "Username becomes optional",
        base: same,
        head: |d| schemas(d)[REQUEST]["required"] = json!(["ClientId"]),
        class: Class::Compatible,
        expected: &[("request-member-became-optional", "ResendConfirmationCodeRequest.Username")],
        why: "every request valid before is still valid",
    },
    Case {
        mutation: "IpAddress becomes a structure",
        base: same,
        head: |d| retarget(&mut schemas(d)["UserContextDataType"]["properties"]["IpAddress"], "AnalyticsMetadataType"),
        class: Class::Breaking,
        expected: &[("request-type-changed", "ResendConfirmationCodeRequest.UserContextData.IpAddress")],
        why: "clients send a string, and a structure is expected now",
    },
    Case {
        mutation: "a request enum loses a value",
        base: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2", "app3"]),
        head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2"]),
        class: Class::Breaking,
        expected: &[("request-enum-value-removed", "ResendConfirmationCodeRequest.ClientId")],
        why: "requests with `app3`, valid before, are rejected",
    },
    Case {
        mutation: "a request enum gains a value",
        base: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2"]),
        head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2", "app3"]),
        class: Class::Compatible,
        expected: &[("request-enum-value-added", "ResendConfirmationCodeRequest.ClientId")],
        why: "every value valid before is still valid",
    },
    Case {
        mutation: "a free request string becomes an enum",
        base: same,
        head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1"]),
        class: Class::Breaking,
        expected: &[("request-enum-value-removed", "ResendConfirmationCodeRequest.ClientId")],
        why: "values outside the new list, valid before, are rejected",
    },
    Case {
        mutation: "X-Amz-Target names another operation",
        base: same,
        head: |d| post(d)["parameters"][0]["schema"]["enum"] = json!(["AWSCognitoIdentityProviderService.ResendCode"]),
        class: Class::Breaking,
        expected: &[("operation-target-changed", "operation ResendConfirmationCode")],
        why: "requests with the old value name another operation",
    },
    Case {
        mutation: "the wire Content-Type becomes AWS JSON 1.0",
        base: same,
        head: |d| {
            let json10 = "application/x-amz-json-1.0";
            let body = object(&mut post(d)["requestBody"]["content"]);
            let schema = body.shift_remove("application/x-amz-json-1.1").expect("1.1 request content");
            body.insert(json10.to_owned(), schema);
            for response in object(&mut post(d)["responses"]).values_mut() {
                let content = object(&mut response["content"]);
                let schema = content.shift_remove("application/x-amz-json-1.1").expect("1.1 content");
                content.insert(json10.to_owned(), schema);
            }
        },
        class: Class::Breaking,
        expected: &[("operation-media-type-changed", "operation ResendConfirmationCode")],
        why: "requests with the old Content-Type are not read the new way",
    },
    Case {
        mutation: "the HTTP path changes",
        base: same,
        head: |d| {
            let paths = object(&mut d["paths"]);
            let item = paths.shift_remove("/").expect("the / path");
            paths.insert("/v2".to_owned(), item);
        },
        class: Class::Breaking,
        expected: &[("operation-http-changed", "operation ResendConfirmationCode")],
        why: "requests go to the old path",
    },
    Case {
        mutation: "the unsigned operation becomes signed",
        base: same,
        head: |d| post(d)["x-amz-authtype"] = "v4".into(),
        class: Class::Breaking,
        expected: &[("operation-auth-changed", "operation ResendConfirmationCode")],
        why: "clients must change how they authenticate",
    },
    Case {
        mutation: "the operation is renamed (operationId only)",
        base: same,
        head: |d| post(d)["operationId"] = "ResendCode".into(),
        class: Class::Warning,
        expected: &[("operation-renamed", "operation ResendCode")],
        why: "the generated client's method is named after it",
    },
    Case {
        mutation: "endpointPrefix changes",
        base: same,
        head: |d| d["x-amz-service"]["endpointPrefix"] = "cognito-idp-v2".into(),
        class: Class::Breaking,
        expected: &[("service-wire-metadata-changed", "service metadata")],
        why: "first label of the host name",
    },
    Case {
        mutation: "serviceFullName changes",
        base: same,
        head: |d| d["x-amz-service"]["serviceFullName"] = "Amazon Cognito user pools".into(),
        class: Class::Compatible,
        expected: &[("service-metadata-changed", "service metadata")],
        why: "it is not sent on the wire",
    },
    Case {
        mutation: "Destination removed from the response",
        base: same,
        head: |d| {
            object(&mut schemas(d)["CodeDeliveryDetailsType"]["properties"]).shift_remove("Destination");
        },
        class: Class::Breaking,
        expected: &[("response-member-removed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination")],
        why: "clients that read it no longer get it",
    },
    Case {
        mutation: "Destination becomes a structure",
        base: same,
        head: |d| {
            retarget(&mut schemas(d)["CodeDeliveryDetailsType"]["properties"]["Destination"], "AnalyticsMetadataType");
        },
        class: Class::Breaking,
        expected: &[("response-type-changed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination")],
        why: "clients decode a string, and a structure arrives now",
    },
    Case {
        mutation: "DeliveryMedium gains VOICE",
        base: same,
        head: |d| schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]),
        class: Class::Warning,
        expected: &[("response-enum-value-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium")],
        why: "our generated `DeliveryMediumType` is a closed enum (no unknown variant), so the typed call fails \
              with `invalid response (HTTP 200): the body does not match the contract: unknown variant `VOICE`, \
              expected `SMS` or `EMAIL` ...` after the service has acted",
    },
    Case {
        mutation: "DeliveryMedium stops being an enum",
        base: same,
        head: |d| {
            object(&mut schemas(d)["DeliveryMediumType"]).shift_remove("enum");
        },
        class: Class::Warning,
        expected: &[("response-enum-value-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium")],
        why: "so a value outside `SMS` or `EMAIL` fails its decode",
    },
    Case {
        mutation: "DeliveryMedium loses EMAIL",
        base: same,
        head: |d| schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS"]),
        class: Class::Compatible,
        expected: &[(
            "response-enum-value-removed",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium",
        )],
        why: "clients no longer receive it",
    },
    Case {
        mutation: "a new optional response member",
        base: same,
        head: |d| schemas(d)["CodeDeliveryDetailsType"]["properties"]["Channel"] = member("StringType"),
        class: Class::Compatible,
        expected: &[("response-member-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Channel")],
        why: "skip members they do not model",
    },
    Case {
        mutation: "Destination becomes required in the response",
        base: same,
        head: |d| schemas(d)["CodeDeliveryDetailsType"]["required"] = json!(["Destination"]),
        class: Class::Compatible,
        expected: &[(
            "response-member-became-required",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination",
        )],
        why: "clients already handle it being present or absent",
    },
    Case {
        mutation: "Destination stops being required in the response",
        base: |d| schemas(d)["CodeDeliveryDetailsType"]["required"] = json!(["Destination"]),
        head: same,
        class: Class::Breaking,
        expected: &[(
            "response-member-became-optional",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination",
        )],
        why: "it can now be missing",
    },
    Case {
        mutation: "AttributeName maxLength 32 -> 64",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["maxLength"] = 64.into(),
        class: Class::Warning,
        expected: &[(
            "response-max-length-increased",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
        )],
        why: "our generated `AttributeNameType` checks this when it decodes, so the typed call fails with \
              `invalid response (HTTP 200): the body does not match the contract: longer than 32 characters",
    },
    Case {
        mutation: "AttributeName maxLength 32 -> 16",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["maxLength"] = 16.into(),
        class: Class::Compatible,
        expected: &[(
            "response-max-length-decreased",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
        )],
        why: "clients receive a subset of the values they received before",
    },
    Case {
        mutation: "AttributeName minLength 1 -> 0",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["minLength"] = 0.into(),
        class: Class::Warning,
        expected: &[(
            "response-min-length-decreased",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
        )],
        why: "shorter than 1 characters",
    },
    Case {
        mutation: "AttributeName minLength 1 -> 2",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["minLength"] = 2.into(),
        class: Class::Compatible,
        expected: &[(
            "response-min-length-increased",
            "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
        )],
        why: "clients receive a subset",
    },
    Case {
        mutation: "AttributeName pattern's class gains `\\f`",
        base: same,
        head: |d| {
            schemas(d)["AttributeNameType"]["pattern"] = "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r\\f ]+$".into()
        },
        class: Class::Warning,
        expected: &[("response-pattern-changed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName")],
        why: "doesn't match pattern \"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+$\"",
    },
    Case {
        mutation: "AttributeName pattern's class loses whitespace",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["pattern"] = "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$".into(),
        class: Class::Compatible,
        expected: &[("response-pattern-narrowed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName")],
        why: "clients receive a subset",
    },
    Case {
        mutation: "a new error",
        base: same,
        head: |d| {
            schemas(d)["CodeMismatchException"] = json!({
                "type": "object",
                "properties": {"message": member("MessageType")},
                "x-amz-error": {"fault": "client"},
            });
            client_errors(d).push(json!({"$ref": "#/components/schemas/CodeMismatchException"}));
        },
        class: Class::Warning,
        expected: &[("error-added", "CodeMismatchException")],
        why: "ours decodes it as `OperationError::Unknown { code: \"CodeMismatchException\", .. }`",
    },
    Case {
        mutation: "an error removed",
        base: same,
        head: |d| client_errors(d).retain(|e| e["$ref"] != "#/components/schemas/ForbiddenException"),
        class: Class::Compatible,
        expected: &[("error-removed", "ForbiddenException")],
        why: "the service no longer returns it",
    },
    Case {
        mutation: "InternalErrorException becomes a client fault",
        base: same,
        head: |d| schemas(d)["InternalErrorException"]["x-amz-error"]["fault"] = "client".into(),
        class: Class::Warning,
        expected: &[("error-fault-changed", "InternalErrorException")],
        why: "whether they retry",
    },
    Case {
        mutation: "an error loses a member",
        base: same,
        head: |d| {
            object(&mut schemas(d)["InvalidParameterException"]["properties"]).shift_remove("reasonCode");
        },
        class: Class::Breaking,
        expected: &[("response-member-removed", "InvalidParameterException.reasonCode")],
        why: "clients that read it no longer get it",
    },
    Case {
        mutation: "a member's documentation changes",
        base: same,
        head: |d| schemas(d)[REQUEST]["properties"]["ClientId"]["description"] = "<p>The app client ID.</p>".into(),
        class: Class::Compatible,
        expected: &[("documentation-changed", "ResendConfirmationCodeRequest.ClientId")],
        why: "documentation only",
    },
    Case {
        mutation: "ClientId is no longer sensitive",
        base: same,
        head: |d| {
            object(&mut schemas(d)["ClientIdType"]).shift_remove("x-amz-sensitive");
        },
        class: Class::Warning,
        expected: &[("sensitivity-removed", "ResendConfirmationCodeRequest.ClientId")],
        why: "the regenerated `ClientIdType` prints them in `Debug` output",
    },
    Case {
        mutation: "AttributeName becomes sensitive",
        base: same,
        head: |d| schemas(d)["AttributeNameType"]["x-amz-sensitive"] = true.into(),
        class: Class::Compatible,
        expected: &[("sensitivity-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName")],
        why: "redacts it",
    },
    Case {
        mutation: "ClientIdType renamed ClientIdentifierType",
        base: same,
        head: |d| {
            let shape = object(schemas(d)).shift_remove("ClientIdType").expect("ClientIdType");
            schemas(d)["ClientIdentifierType"] = shape;
            retarget(&mut schemas(d)[REQUEST]["properties"]["ClientId"], "ClientIdentifierType");
        },
        class: Class::Warning,
        expected: &[("shape-renamed", "ResendConfirmationCodeRequest.ClientId")],
        why: "the generated client's type `ClientIdType` becomes `ClientIdentifierType`",
    },
    Case {
        mutation: "StringType maxLength 131072 -> 1024, a shape shared by request and response",
        base: same,
        head: |d| schemas(d)["StringType"]["maxLength"] = 1024.into(),
        class: Class::Breaking,
        expected: &[
            ("request-max-length-decreased", "ResendConfirmationCodeRequest.UserContextData.IpAddress"),
            ("request-max-length-decreased", "ResendConfirmationCodeRequest.UserContextData.EncodedData"),
            ("request-max-length-decreased", "ResendConfirmationCodeRequest.AnalyticsMetadata.AnalyticsEndpointId"),
            ("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientMetadata.<key>"),
            ("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientMetadata.<value>"),
            ("response-max-length-decreased", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination"),
        ],
        why: "values of 1025 to 131072 characters",
    },
    Case {
        mutation: "request members reordered",
        base: same,
        head: |d| {
            let properties = object(&mut schemas(d)[REQUEST]["properties"]);
            let client_id = properties.shift_remove("ClientId").expect("ClientId");
            properties.insert("ClientId".to_owned(), client_id);
        },
        class: Class::Compatible,
        expected: &[("member-order-changed", "ResendConfirmationCodeRequest")],
        why: "JSON objects are unordered on the wire",
    },
    Case {
        mutation: "an example changes",
        base: same,
        head: |d| {
            post(d)["requestBody"]["content"]["application/x-amz-json-1.1"]["examples"]["resend-to-jane"]["value"]["Username"] =
                "joe".into();
        },
        class: Class::Compatible,
        expected: &[("example-changed", "operation ResendConfirmationCode")],
        why: "documentation only",
    },
];

#[test]
fn each_mutation_of_the_spec_gets_its_class_and_reason() {
    assert!(CASES.len() >= 25, "the issue asks for at least 25 pairs");
    for case in CASES {
        let found = changes(case.base, case.head);

        let rules: Vec<(&str, &str)> = found.iter().map(|c| (c.rule.id, c.path.as_str())).collect();
        assert_eq!(rules, case.expected, "{}: {found:#?}", case.mutation);
        let worst = found.iter().map(Change::class).max();
        assert_eq!(worst, Some(case.class), "{}", case.mutation);
        let first = found.first().map(|c| c.why.as_str()).unwrap_or_default();
        assert!(first.contains(case.why), "{}: reason {first:?} lacks {:?}", case.mutation, case.why);
    }
}

#[test]
fn the_mutations_exercise_every_class_and_every_rule() {
    let classes: BTreeSet<Class> = CASES.iter().map(|c| c.class).collect();
    assert_eq!(classes.len(), 3);
    let exercised: BTreeSet<&str> = CASES.iter().flat_map(|c| c.expected.iter().map(|(rule, _)| *rule)).collect();
    let missing: Vec<&str> = RULES.iter().map(|r| r.id).filter(|id| !exercised.contains(id)).collect();
    assert_eq!(missing, Vec::<&str>::new(), "rules no mutation exercises");
}

#[test]
fn identical_contracts_have_no_differences() {
    assert_eq!(changes(same, same), []);
}

#[test]
fn a_change_and_its_reverse_judge_the_same_member_from_the_same_side() {
    let forward = changes(same, |d| schemas(d)["StringType"]["maxLength"] = 1024.into());
    let backward = changes(|d| schemas(d)["StringType"]["maxLength"] = 1024.into(), same);

    let key = |c: &Change| (c.side, c.path.clone());
    let mut f: Vec<_> = forward.iter().map(key).collect();
    let mut b: Vec<_> = backward.iter().map(key).collect();
    f.sort();
    b.sort();
    assert_eq!(f, b);
    assert!(backward.iter().all(|c| c.old.as_deref() == Some("1024") && c.new.as_deref() == Some("131072")));
    assert_eq!(backward.iter().filter(|c| c.class() == Class::Warning).count(), 1, "the response side warns");
}

#[test]
fn the_generated_client_is_read_for_its_closed_enums_and_checked_strings() {
    let facts = facts();

    assert_eq!(facts.enums.get("DeliveryMediumType"), Some(&false), "typify's enums have no unknown variant");
    assert!(facts.validating.contains("AttributeNameType"));
    assert!(facts.validating.contains("StringType"));
    assert!(!facts.validating.contains("CodeDeliveryDetailsType"), "structures derive Deserialize");
    assert!(facts.unknown_error);
}

#[test]
fn an_open_enum_changes_the_warning_but_not_its_class() {
    let (base, mut head) = (spec(), spec());
    schemas(&mut head)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]);
    let (base, head) = (Contract::from_spec(&base).expect("base"), Contract::from_spec(&head).expect("head"));
    let mut facts = facts();
    facts.enums.insert("DeliveryMediumType".to_owned(), true);

    let found = compare(&base, &head, &facts);

    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].class(), Class::Warning);
    assert!(found[0].why.contains("keeps an unknown variant, so it decodes"), "{}", found[0].why);
}

#[test]
fn character_classes_are_compared_by_their_items() {
    let items = |p: &str| class_items(p).map(|(items, q)| (items.into_iter().collect::<Vec<_>>(), q));
    assert_eq!(items("[\\w+=/]+"), Some((vec!["+".into(), "/".into(), "=".into(), "\\w".into()], '+')));
    assert_eq!(items("[a-z\\p{L}]*"), Some((vec!["\\p{L}".into(), "a-z".into()], '*')));
    assert_eq!(items("[-a]+"), Some((vec!["-".into(), "a".into()], '+')));
    assert_eq!(
        items("[\\u00e9\\x41\\u{1F600}]+"),
        Some((vec!["\\u00e9".into(), "\\u{1F600}".into(), "\\x41".into()], '+'))
    );
    assert_eq!(items("[é😀]+"), Some((vec!["é".into(), "😀".into()], '+')));
    for not_one_class in ["[^a]+", "[[a]]+", "[a]", "[a]+b", "a+", "[a+", "", "[\\p{L]+", "[a]{1,2}"] {
        assert_eq!(items(not_one_class), None, "{not_one_class:?}");
    }

    assert_eq!(pattern_change(Some("[ab]+"), Some("[abc]+")), Some(Widening::Wider));
    assert_eq!(pattern_change(Some("[abc]+"), Some("[ab]+")), Some(Widening::Narrower));
    assert_eq!(pattern_change(Some("[ab]+"), Some("[ba]+")), Some(Widening::Same));
    assert_eq!(pattern_change(Some("[ab]+"), Some("[bc]+")), Some(Widening::Unknown));
    assert_eq!(pattern_change(Some("[ab]+"), Some("[abc]*")), Some(Widening::Unknown), "quantifiers differ");
    assert_eq!(pattern_change(Some("[ab]+"), Some("[ab]+")), None);
    assert_eq!(pattern_change(None, Some("[ab]+")), Some(Widening::Narrower));
    assert_eq!(pattern_change(Some("[ab]+"), None), Some(Widening::Wider));
}

#[test]
fn arguments_name_a_file_when_it_exists_and_a_revision_otherwise() {
    let spec = workspace_root().join(SPEC_PATH);
    let spec = spec.to_str().expect("UTF-8 path");

    assert_eq!(Source::parse(spec), Source::File(PathBuf::from(spec)));
    assert_eq!(Source::parse("HEAD~3"), Source::Revision("HEAD~3".into()));
    assert_eq!(Source::parse("no/such/file.yaml"), Source::Revision("no/such/file.yaml".into()));
    assert_eq!(Source::parse(&format!("git:{spec}")), Source::Revision(spec.to_owned()));
}

#[test]
fn a_git_revision_is_read_from_the_repository() {
    let root = workspace_root();

    let loaded = load(&root, &Source::Revision("HEAD".into())).expect("HEAD has a spec");
    assert_eq!(loaded.label, "HEAD:spec/cognito-idp.openapi.yaml");
    assert_eq!(loaded.contract.operation, "ResendConfirmationCode");
    assert!(!loaded.aws_model);

    let missing = load(&root, &Source::Revision("no-such-revision-xyz".into())).expect_err("unknown revision");
    assert!(missing.to_string().starts_with("cannot read spec/cognito-idp.openapi.yaml at git revision"), "{missing}");
    let option = load(&root, &Source::Revision("--output=/tmp/x".into())).expect_err("an option is no revision");
    assert_eq!(option.to_string(), "\"--output=/tmp/x\" is not a git revision");
}

#[test]
fn a_file_is_read_as_a_spec_or_an_aws_model_by_its_content() {
    let root = workspace_root();
    let dir = std::env::temp_dir().join(format!("xtask-compat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let other = dir.join("other.json");
    std::fs::write(&other, "{\"swagger\": \"2.0\"}").expect("write");

    let model = load(&root, &Source::File(root.join(HISTORY))).expect("an AWS model loads");
    let spec = load(&root, &Source::File(root.join(SPEC_PATH))).expect("a spec loads");
    let neither = load(&root, &Source::File(other.clone())).expect_err("neither");
    std::fs::remove_dir_all(&dir).expect("cleanup");

    assert!(model.aws_model);
    assert!(!spec.aws_model);
    assert!(
        neither.to_string().ends_with(
            "is neither an OpenAPI document (no `openapi` key) nor an AWS model (no `metadata` and `operations`)"
        ),
        "{neither}"
    );
}

#[test]
fn upstream_must_be_an_aws_model() {
    let root = workspace_root();
    let spec = root.join(SPEC_PATH);
    let error = report(&root, &args(&["--upstream", spec.to_str().expect("UTF-8")])).expect_err("a spec");
    assert!(error.to_string().contains("is not an AWS model"), "{error}");
    assert!(Cli::try_parse_from(["compat", "--upstream", "x.json", "--head", "y.yaml"]).is_err());
}

fn history_report(argv: &[&str]) -> Report {
    let root = workspace_root();
    report(&root, &args(argv)).expect("the comparison runs")
}

fn summary(report: &Report) -> Vec<(&'static str, &str, String)> {
    report
        .changes
        .iter()
        .filter(|c| c.rule != DOCUMENTATION_CHANGED)
        .map(|c| (c.rule.id, c.side.as_str(), c.path.clone()))
        .collect()
}

/// botocore 1.20.0 (February 2021) against the spec: what AWS changed in the operation since.
#[test]
fn the_spec_against_botocore_1_20_0_finds_the_changes_aws_made_since() {
    let root = workspace_root();
    let history = root.join(HISTORY);
    let report = history_report(&["--base", history.to_str().expect("UTF-8")]);

    let r = |s: &str| format!("{REQUEST}.{s}");
    let d = |s: &str| format!("ResendConfirmationCodeResponse.CodeDeliveryDetails.{s}");
    assert_eq!(
        summary(&report),
        [
            // StringType gained maxLength 131072; IpAddress is new, so only the older members count.
            ("request-max-length-decreased", "request", r("UserContextData.EncodedData")),
            ("request-max-length-decreased", "request", r("AnalyticsMetadata.AnalyticsEndpointId")),
            ("request-max-length-decreased", "request", r("ClientMetadata.<key>")),
            ("request-max-length-decreased", "request", r("ClientMetadata.<value>")),
            // AttributeNameType's class gained \t \n \r and space.
            ("response-pattern-changed", "response", d("AttributeName")),
            ("error-added", "error", "OperationNotEnabledException".into()),
            ("error-added", "error", "ForbiddenException".into()),
            ("service-metadata-changed", "service", "service metadata".into()),
            ("service-metadata-changed", "service", "service metadata".into()),
            ("sensitivity-added", "request", r("UserContextData")),
            ("request-optional-member-added", "request", r("UserContextData.IpAddress")),
            ("response-max-length-decreased", "response", d("Destination")),
            ("response-member-added", "error", "InvalidParameterException.reasonCode".into()),
        ]
    );
    let docs: Vec<&str> =
        report.changes.iter().filter(|c| c.rule == DOCUMENTATION_CHANGED).map(|c| c.path.as_str()).collect();
    assert_eq!(docs.len(), 34, "{docs:#?}");
    assert!(docs.contains(&"operation ResendConfirmationCode"));
    assert!(docs.contains(&"ResendConfirmationCodeRequest.Username"));
    assert_eq!((report.count(Class::Breaking), report.count(Class::Warning)), (4, 3));
    assert!(report.fails(FailOn::Breaking));
    assert!(report.base.ends_with(HISTORY));
}

/// `--upstream` with the older model: what adopting it would undo.
#[test]
fn adopting_botocore_1_20_0_as_upstream_would_undo_those_changes() {
    let root = workspace_root();
    let history = root.join(HISTORY);
    let report = history_report(&["--upstream", history.to_str().expect("UTF-8")]);

    let r = |s: &str| format!("{REQUEST}.{s}");
    let d = |s: &str| format!("ResendConfirmationCodeResponse.CodeDeliveryDetails.{s}");
    assert_eq!(
        summary(&report),
        [
            ("request-member-removed", "request", r("UserContextData.IpAddress")),
            ("response-member-removed", "error", "InvalidParameterException.reasonCode".into()),
            ("sensitivity-removed", "request", r("UserContextData")),
            ("response-max-length-increased", "response", d("Destination")),
            ("service-metadata-changed", "service", "service metadata".into()),
            ("service-metadata-changed", "service", "service metadata".into()),
            ("request-max-length-increased", "request", r("UserContextData.EncodedData")),
            ("request-max-length-increased", "request", r("AnalyticsMetadata.AnalyticsEndpointId")),
            ("request-max-length-increased", "request", r("ClientMetadata.<key>")),
            ("request-max-length-increased", "request", r("ClientMetadata.<value>")),
            ("response-pattern-narrowed", "response", d("AttributeName")),
            ("error-removed", "error", "OperationNotEnabledException".into()),
            ("error-removed", "error", "ForbiddenException".into()),
        ]
    );
    assert_eq!(report.base, "spec/cognito-idp.openapi.yaml (working tree)");
    assert!(report.head.ends_with(HISTORY));
}

#[test]
fn the_committed_upstream_model_has_no_differences_from_the_spec() {
    let root = workspace_root();
    let upstream = root.join(crate::contract::UPSTREAM_PATH);
    let report = history_report(&["--upstream", upstream.to_str().expect("UTF-8")]);
    assert_eq!(summary(&report), []);
    assert!(report.changes.is_empty());
}

fn small_report() -> Report {
    let found = changes(same, |d| {
        schemas(d)["ClientIdType"]["maxLength"] = 100.into();
        schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]);
        schemas(d)[REQUEST]["properties"]["ClientId"]["description"] = "<p>The app client ID.</p>".into();
    });
    Report { base: "old.yaml".into(), head: "new.yaml".into(), changes: found }
}

#[test]
fn fail_on_sets_the_lowest_failing_class() {
    let warning_only = Report {
        base: "a".into(),
        head: "b".into(),
        changes: small_report().changes.into_iter().filter(|c| c.class() != Class::Breaking).collect(),
    };
    assert!(small_report().fails(FailOn::Breaking));
    assert!(!warning_only.fails(FailOn::Breaking));
    assert!(warning_only.fails(FailOn::Warning));
    let compatible_only = Report {
        base: "a".into(),
        head: "b".into(),
        changes: changes(same, |d| {
            schemas(d)["ClientIdType"]["maxLength"] = 256.into();
        }),
    };
    assert!(!compatible_only.fails(FailOn::Warning));
}

#[test]
fn the_text_report_names_path_values_class_and_reason() {
    let text = small_report().to_text(FailOn::Breaking);

    let expected = "base: old.yaml\nhead: new.yaml\n\n\
        breaking   request   ResendConfirmationCodeRequest.ClientId  maxLength: 128 -> 100\n           \
        why: values of 101 to 128 characters, valid before, are rejected [request-max-length-decreased]\n\
        warning    response  ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium  enum value: (absent) -> VOICE\n           \
        why: our generated `DeliveryMediumType` is a closed enum (no unknown variant), so the typed call fails with \
        `invalid response (HTTP 200): the body does not match the contract: unknown variant `VOICE`, expected `SMS` \
        or `EMAIL` ...` after the service has acted; the CLI, which checks no response values (as botocore), prints \
        it [response-enum-value-added]\n\
        compatible request   ResendConfirmationCodeRequest.ClientId  documentation changed [documentation-changed]\n\
        \n\
        3 difference(s): 1 breaking, 1 warning(s), 1 compatible; --fail-on breaking fails\n";
    assert_eq!(text, expected);
}

#[test]
fn the_json_report_has_the_documented_fields() {
    let json = small_report().to_json(FailOn::Warning);

    assert_eq!(json["base"], "old.yaml");
    assert_eq!(json["head"], "new.yaml");
    assert_eq!(json["fail_on"], "warning");
    assert_eq!(json["failed"], true);
    assert_eq!(json["counts"], json!({"breaking": 1, "warning": 1, "compatible": 1}));
    let changes = json["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 3);
    let keys: Vec<&String> = changes[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["class", "side", "path", "what", "old", "new", "rule", "why"]);
    assert_eq!(changes[0]["old"], "128");
    assert_eq!(changes[1]["old"], Value::Null);
    assert_eq!(changes[2]["new"], "<p>The app client ID.</p>", "documentation is in full");
}

#[test]
fn every_rule_is_in_the_documented_table_with_its_class() {
    let path = workspace_root().join("docs/compat-rules.md");
    let docs = std::fs::read_to_string(&path).expect("docs/compat-rules.md is readable");
    for rule in RULES {
        let row = docs
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", rule.id)))
            .unwrap_or_else(|| panic!("docs/compat-rules.md has no row for `{}`", rule.id));
        let class = row.split('|').nth(2).map(str::trim).unwrap_or_default();
        assert_eq!(class, rule.class.as_str(), "{row}");
    }
    let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), RULES.len(), "rule identifiers are unique");
}
