//! Servers with one planted defect each, designed from the rules (Cognito's answers, the protocol, the
//! contract), not from the check's code: each overrides one stage of the reference and leaves the rest
//! alone. [`all`] lists the hand-written ones; [`skipped_checks`] derives one more for every check of the
//! contract tables that a server could forget (a length, a pattern, a type, a required member).

use std::sync::Arc;

use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::model::ShapeKind;
use cognito_idp_client::secret_hash;
use serde_json::{Map, Value, json};

use super::cognito::{Account, Behaviour, Cognito, Kind, Outcome, Violation};
use super::http::{Framing, Request, Response};
use crate::pattern::CharClass;
use crate::strategies::{self, Constraint, Step};

/// A server with one planted defect.
#[derive(Clone, Debug)]
pub struct Defect {
    /// A short name, in the planted suite's table.
    pub name: String,
    /// The defective behaviour.
    pub behaviour: Arc<dyn Behaviour>,
}

impl Defect {
    fn new(name: &str, behaviour: impl Behaviour + 'static) -> Self {
        Self { name: name.to_owned(), behaviour: Arc::new(behaviour) }
    }
}

/// How late a slow success answers.
pub const SLOW: std::time::Duration = std::time::Duration::from_millis(1500);

macro_rules! defect {
    ($name:ident, $doc:literal, { $($body:tt)* }) => {
        #[doc = $doc]
        #[derive(Debug)]
        struct $name;
        impl Behaviour for $name { $($body)* }
    };
}

fn framed_error(outcome: Outcome, request_id: &str, edit: impl Fn(&mut Response, u16, &str, &str)) -> Response {
    let mut response = Cognito.frame(outcome.clone(), request_id);
    if let Outcome::Error(status, code, message) = &outcome {
        edit(&mut response, *status, code, message);
    }
    response
}

fn with_status(outcome: Outcome, when: &str, status: u16) -> Outcome {
    match outcome {
        Outcome::Error(_, code, message) if code == when => Outcome::Error(status, code, message),
        other => other,
    }
}

fn internal() -> Outcome {
    Outcome::Error(500, "InternalErrorException".to_owned(), "An internal error occurred".to_owned())
}

defect!(AcceptsAnyHash, "Any SecretHash passes.", {
    fn hash_matches(&self, _given: &str, _right: &str) -> bool {
        true
    }
});
defect!(AcceptsAMissingHash, "No SecretHash passes for an app client with a secret.", {
    fn missing_hash(&self, _client_id: &str) -> Option<Outcome> {
        None
    }
});
defect!(HashesClientIdFirst, "The HMAC runs over the client id, then the username.", {
    fn right_hash(&self, secret: &[u8], username: &str, client_id: &str) -> String {
        secret_hash(secret, client_id, username)
    }
});
defect!(ComparesAHashPrefix, "A SecretHash that the right one starts with passes (a truncated comparison).", {
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        !given.is_empty() && right.starts_with(given)
    }
});
defect!(ComparesHashesIgnoringCase, "SecretHash compared without regard to letter case.", {
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        given.eq_ignore_ascii_case(right)
    }
});
defect!(IgnoresHashPadding, "SecretHash compared without its Base64 padding.", {
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        given.trim_end_matches('=') == right.trim_end_matches('=')
    }
});
defect!(ComparesTheFirst40Characters, "Only the first 40 characters of SecretHash are compared.", {
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        given.chars().take(40).eq(right.chars().take(40))
    }
});
defect!(ChecksOnlyTheHashLength, "Any SecretHash of the right length passes.", {
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        given.len() == right.len()
    }
});
defect!(NotAuthorizedIs401, "NotAuthorizedException answers HTTP 401 (as cognitox does).", {
    fn wrong_hash(&self, client_id: &str) -> Outcome {
        with_status(Cognito.wrong_hash(client_id), "NotAuthorizedException", 401)
    }
    fn missing_hash(&self, client_id: &str) -> Option<Outcome> {
        Cognito.missing_hash(client_id).map(|o| with_status(o, "NotAuthorizedException", 401))
    }
});
defect!(UnexpectedHashIs500, "A SecretHash for an app client without a secret is a fault.", {
    fn unexpected_hash(&self, _client_id: &str) -> Option<Outcome> {
        Some(internal())
    }
});
defect!(LooksUpBeforeValidating, "The app client and user are looked up before the input is validated.", {
    fn validates_first(&self) -> bool {
        false
    }
});
defect!(ValidationExceptionCode, "Constraint violations answer ValidationException (other AWS services' code).", {
    fn invalid(&self, violations: &[Violation]) -> Outcome {
        match Cognito.invalid(violations) {
            Outcome::Error(status, _, message) => Outcome::Error(status, "ValidationException".to_owned(), message),
            other => other,
        }
    }
});
defect!(ValidationIs422, "Constraint violations answer HTTP 422.", {
    fn invalid(&self, violations: &[Violation]) -> Outcome {
        with_status(Cognito.invalid(violations), "InvalidParameterException", 422)
    }
});
defect!(CountsBytes, "Lengths are counted in bytes of UTF-8, not characters.", {
    fn length(&self, text: &str) -> usize {
        text.len()
    }
});
defect!(AsciiOnlyPatterns, "Patterns accept ASCII characters only (\\p{L} read as [A-Za-z]).", {
    fn matches(&self, class: &CharClass, text: &str) -> bool {
        text.is_ascii() && class.matches(text)
    }
});
defect!(UnanchoredPatterns, "Patterns are searched, not matched whole: one good character is enough.", {
    fn matches(&self, class: &CharClass, text: &str) -> bool {
        text.chars().any(|c| class.contains(c))
    }
});
defect!(AllowsHyphens, "Patterns accept `-` everywhere (a common client id mistake).", {
    fn matches(&self, class: &CharClass, text: &str) -> bool {
        class.matches(&text.replace('-', "a"))
    }
});
defect!(RefusesEmptyStrings, "Empty strings in the optional members are refused (StringType's minimum is 0).", {
    fn normalize(&self, input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        let input = Cognito.normalize(input)?;
        if has_empty_string(&Value::Object(input.clone())) {
            return Err(Outcome::client("InvalidParameterException", "1 validation error detected: empty value"));
        }
        Ok(input)
    }
});
defect!(WrongTypeIs500, "A member of the wrong JSON type is a fault.", {
    fn wrong_type(&self, _violation: &Violation) -> Outcome {
        internal()
    }
});
defect!(MissingMemberIs500, "A missing required member is a fault.", {
    fn invalid(&self, violations: &[Violation]) -> Outcome {
        if violations.iter().any(|v| v.kind == Kind::Required) { internal() } else { Cognito.invalid(violations) }
    }
});
defect!(UnknownClientIsUserNotFound, "An unknown app client answers UserNotFoundException.", {
    fn unknown_client(&self, _client_id: &str) -> Outcome {
        Outcome::client("UserNotFoundException", "User does not exist.")
    }
});
defect!(UnknownUserIsInvalidParameter, "An unknown user answers InvalidParameterException.", {
    fn unknown_user(&self, _account: &Account) -> Option<Outcome> {
        Some(Outcome::client("InvalidParameterException", "User does not exist."))
    }
});
defect!(UnknownUserSucceeds, "An unknown user gets a success without PreventUserExistenceErrors.", {
    fn unknown_user(&self, _account: &Account) -> Option<Outcome> {
        None
    }
});
defect!(ConfirmedUserSucceeds, "A confirmed user is sent a code.", {
    fn confirmed_user(&self) -> Option<Outcome> {
        None
    }
});
defect!(ConfirmedUserIsNotAuthorized, "A confirmed user answers NotAuthorizedException.", {
    fn confirmed_user(&self) -> Option<Outcome> {
        Some(Outcome::client("NotAuthorizedException", "User cannot be resent a confirmation code"))
    }
});
defect!(DeliveryFails, "Every delivery fails with CodeDeliveryFailureException.", {
    fn delivery(&self) -> Outcome {
        Outcome::client("CodeDeliveryFailureException", "Unable to deliver the code.")
    }
});
defect!(RefusesClientMetadata, "ClientMetadata is refused.", {
    fn normalize(&self, input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        if input.contains_key("ClientMetadata") {
            return Err(Outcome::client("InvalidParameterException", "ClientMetadata is not supported"));
        }
        Cognito.normalize(input)
    }
});
defect!(UserContextDataIs500, "UserContextData is a fault.", {
    fn normalize(&self, input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        if input.get("UserContextData").is_some_and(|v| !v.is_null()) {
            return Err(internal());
        }
        Cognito.normalize(input)
    }
});
defect!(IgnoresTheTarget, "X-Amz-Target is not read.", {
    fn route(&self, request: &Request) -> Option<Outcome> {
        Cognito.route(&Request {
            headers: vec![("x-amz-target".to_owned(), contract::TARGET.to_owned())],
            ..request.clone()
        })
    }
});
defect!(IgnoresTheTargetService, "Only the operation part of X-Amz-Target is read.", {
    fn route(&self, request: &Request) -> Option<Outcome> {
        let operation = request.header("x-amz-target").and_then(|t| t.rsplit('.').next()).unwrap_or("");
        if request.method == "POST" && operation == contract::OPERATION { None } else { Cognito.route(request) }
    }
});
defect!(IgnoresTheMethod, "Any method is taken for POST.", {
    fn route(&self, request: &Request) -> Option<Outcome> {
        Cognito.route(&Request { method: "POST".to_owned(), ..request.clone() })
    }
});
defect!(NotJsonIs500, "A body that is not JSON is a fault.", {
    fn parse(&self, body: &[u8]) -> Result<Map<String, Value>, Outcome> {
        match serde_json::from_slice::<Value>(body) {
            Err(_) => Err(internal()),
            Ok(_) => Cognito.parse(body),
        }
    }
});
defect!(NotAnObjectIs500, "A JSON body that is not an object is a fault.", {
    fn parse(&self, body: &[u8]) -> Result<Map<String, Value>, Outcome> {
        match serde_json::from_slice::<Value>(body) {
            Ok(v) if !v.is_object() => Err(internal()),
            _ => Cognito.parse(body),
        }
    }
});
defect!(UnknownMemberIs500, "An unknown member is a fault.", {
    fn normalize(&self, input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        let known = members();
        if input.keys().any(|k| !known.contains(&k.as_str())) {
            return Err(internal());
        }
        Cognito.normalize(input)
    }
});
defect!(NullsAreValues, "Null members are read as values of the wrong type, not as absent.", {
    fn normalize(&self, mut input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        let known = members();
        input.retain(|key, _| known.contains(&key.as_str()));
        Ok(input)
    }
});
defect!(NestedNullsAreValues, "Null members inside nested structures are read as values, not as absent.", {
    fn normalize(&self, mut input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        let known = members();
        input.retain(|key, value| !value.is_null() && known.contains(&key.as_str()));
        Ok(input)
    }
});
defect!(ErrorsAsHtml, "Errors are HTML pages.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        framed_error(outcome, request_id, |response, status, _, _| {
            response.body = format!("<html><body><h1>{status} Bad Request</h1></body></html>").into_bytes();
            set_header(response, "Content-Type", "text/html");
            remove_header(response, "X-Amzn-ErrorType");
        })
    }
});
defect!(CodeOnlyInTheMessage, "Errors name their code only inside the message text.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        framed_error(outcome, request_id, |response, _, code, message| {
            response.body = json!({"message": format!("{code}: {message}")}).to_string().into_bytes();
            remove_header(response, "X-Amzn-ErrorType");
        })
    }
});
defect!(HeaderCodeDisagrees, "X-Amzn-ErrorType names a generic code that the body's __type contradicts.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        framed_error(outcome, request_id, |response, _, _, _| {
            set_header(response, "X-Amzn-ErrorType", "BadRequestException");
        })
    }
});
defect!(ErrorsWithoutMessage, "Errors carry no message.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        framed_error(outcome, request_id, |response, _, code, _| {
            response.body = json!({"__type": code}).to_string().into_bytes();
        })
    }
});
defect!(NoRequestId, "No x-amzn-RequestId.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome, request_id);
        response.headers.retain(|(name, _)| name != "x-amzn-RequestId");
        response
    }
});
defect!(OneRequestId, "The same x-amzn-RequestId on every answer.", {
    fn frame(&self, outcome: Outcome, _request_id: &str) -> Response {
        Cognito.frame(outcome, "00000000-0000-4000-8000-000000000000")
    }
});
defect!(ApplicationJson, "Answers are application/json.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome, request_id);
        set_header(&mut response, "Content-Type", "application/json");
        response
    }
});
defect!(SuccessBreaksTheOutputSchema, "A success's DeliveryMedium is outside the enum.", {
    fn delivery(&self) -> Outcome {
        Outcome::Success(
            json!({"CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": "FAX", "AttributeName": "email"}}),
        )
    }
});
defect!(SuccessWithoutDetails, "A success says nothing of where the code went.", {
    fn delivery(&self) -> Outcome {
        Outcome::Success(json!({}))
    }
});
defect!(LeaksTheDestination, "A success shows the whole email address.", {
    fn delivery(&self) -> Outcome {
        Outcome::Success(
            json!({"CodeDeliveryDetails": {"Destination": "jane@example.com", "DeliveryMedium": "EMAIL", "AttributeName": "email"}}),
        )
    }
});
defect!(SmsForEmail, "A success says SMS for an email address.", {
    fn delivery(&self) -> Outcome {
        Outcome::Success(
            json!({"CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": "SMS", "AttributeName": "email"}}),
        )
    }
});
defect!(SuccessIs201, "A success answers HTTP 201.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let success = matches!(outcome, Outcome::Success(_));
        let mut response = Cognito.frame(outcome, request_id);
        if success {
            response.status = 201;
        }
        response
    }
});
defect!(SuccessIsNotJson, "A success is plain text.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let success = matches!(outcome, Outcome::Success(_));
        let mut response = Cognito.frame(outcome, request_id);
        if success {
            response.body = b"OK".to_vec();
            set_header(&mut response, "Content-Type", "text/plain");
        }
        response
    }
});
defect!(SlowSuccess, "A success comes after SLOW.", {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let success = matches!(outcome, Outcome::Success(_));
        let mut response = Cognito.frame(outcome, request_id);
        if success {
            response.delay = Some(SLOW);
        }
        response
    }
});

fn set_header(response: &mut Response, name: &str, value: &str) {
    remove_header(response, name);
    response.headers.push((name.to_owned(), value.to_owned()));
}

fn remove_header(response: &mut Response, name: &str) {
    response.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
}

fn members() -> Vec<&'static str> {
    match &INPUT.kind {
        ShapeKind::Structure(s) => s.members.iter().map(|m| m.name).collect(),
        _ => Vec::new(),
    }
}

fn has_empty_string(value: &Value) -> bool {
    match value {
        Value::String(text) => text.is_empty(),
        Value::Object(object) => object.iter().any(|(k, v)| k.is_empty() || has_empty_string(v)),
        _ => false,
    }
}

/// Every hand-written defect.
pub fn all() -> Vec<Defect> {
    vec![
        Defect::new("accepts-any-hash", AcceptsAnyHash),
        Defect::new("accepts-a-missing-hash", AcceptsAMissingHash),
        Defect::new("hashes-client-id-first", HashesClientIdFirst),
        Defect::new("compares-a-hash-prefix", ComparesAHashPrefix),
        Defect::new("compares-hashes-ignoring-case", ComparesHashesIgnoringCase),
        Defect::new("ignores-hash-padding", IgnoresHashPadding),
        Defect::new("compares-the-first-40-characters", ComparesTheFirst40Characters),
        Defect::new("checks-only-the-hash-length", ChecksOnlyTheHashLength),
        Defect::new("not-authorized-is-401", NotAuthorizedIs401),
        Defect::new("unexpected-hash-is-500", UnexpectedHashIs500),
        Defect::new("looks-up-before-validating", LooksUpBeforeValidating),
        Defect::new("validation-exception-code", ValidationExceptionCode),
        Defect::new("validation-is-422", ValidationIs422),
        Defect::new("counts-bytes", CountsBytes),
        Defect::new("ascii-only-patterns", AsciiOnlyPatterns),
        Defect::new("unanchored-patterns", UnanchoredPatterns),
        Defect::new("allows-hyphens", AllowsHyphens),
        Defect::new("refuses-empty-strings", RefusesEmptyStrings),
        Defect::new("wrong-type-is-500", WrongTypeIs500),
        Defect::new("missing-member-is-500", MissingMemberIs500),
        Defect::new("unknown-client-is-user-not-found", UnknownClientIsUserNotFound),
        Defect::new("unknown-user-is-invalid-parameter", UnknownUserIsInvalidParameter),
        Defect::new("unknown-user-succeeds", UnknownUserSucceeds),
        Defect::new("confirmed-user-succeeds", ConfirmedUserSucceeds),
        Defect::new("confirmed-user-is-not-authorized", ConfirmedUserIsNotAuthorized),
        Defect::new("delivery-fails", DeliveryFails),
        Defect::new("refuses-client-metadata", RefusesClientMetadata),
        Defect::new("user-context-data-is-500", UserContextDataIs500),
        Defect::new("ignores-the-target", IgnoresTheTarget),
        Defect::new("ignores-the-target-service", IgnoresTheTargetService),
        Defect::new("ignores-the-method", IgnoresTheMethod),
        Defect::new("not-json-is-500", NotJsonIs500),
        Defect::new("not-an-object-is-500", NotAnObjectIs500),
        Defect::new("unknown-member-is-500", UnknownMemberIs500),
        Defect::new("nulls-are-values", NullsAreValues),
        Defect::new("nested-nulls-are-values", NestedNullsAreValues),
        Defect::new("errors-as-html", ErrorsAsHtml),
        Defect::new("code-only-in-the-message", CodeOnlyInTheMessage),
        Defect::new("header-code-disagrees", HeaderCodeDisagrees),
        Defect::new("errors-without-message", ErrorsWithoutMessage),
        Defect::new("no-request-id", NoRequestId),
        Defect::new("one-request-id", OneRequestId),
        Defect::new("application-json", ApplicationJson),
        Defect::new("success-breaks-the-output-schema", SuccessBreaksTheOutputSchema),
        Defect::new("success-without-details", SuccessWithoutDetails),
        Defect::new("leaks-the-destination", LeaksTheDestination),
        Defect::new("sms-for-email", SmsForEmail),
        Defect::new("success-is-201", SuccessIs201),
        Defect::new("success-is-not-json", SuccessIsNotJson),
        Defect::new("slow-success", SlowSuccess),
    ]
}

/// A server that forgets one check of the contract tables.
#[derive(Debug)]
struct SkipsCheck {
    path: Vec<Step>,
    kind: Kind,
}

impl Behaviour for SkipsCheck {
    fn reports(&self, violation: &Violation) -> bool {
        !(violation.kind == self.kind && violation.path == self.path)
    }
}

/// One defect for every check of the input a server could forget, named
/// `skips-<path>.<constraint>` after the expectation id it should break.
pub fn skipped_checks() -> Vec<Defect> {
    let mut out = Vec::new();
    let mut push = |path: Vec<Step>, kind: Kind, what: &str| {
        let name = format!("skips-{}.{what}", crate::plan::path_id(&path));
        if !out.iter().any(|d: &Defect| d.name == name) {
            out.push(Defect { name, behaviour: Arc::new(SkipsCheck { path, kind }) });
        }
    };
    for site in strategies::sites(INPUT) {
        match site.constraint {
            Constraint::MissingRequired(member) => {
                let mut path = site.path.clone();
                path.push(Step::Member(member));
                push(path, Kind::Required, "required");
            }
            Constraint::WrongType => push(site.path.clone(), Kind::Type, "type"),
            // A minimum of one that the pattern implies (`[...]+`) cannot be told apart from the pattern:
            // the only shorter value, the empty string, breaks both.
            Constraint::TooShort(min) if min <= 1 && implied_by_pattern(site.shape) => {}
            Constraint::TooShort(_) => push(site.path.clone(), Kind::MinLength, "min-length"),
            Constraint::TooLong(_) => push(site.path.clone(), Kind::MaxLength, "max-length"),
            Constraint::OutsidePattern(_) => push(site.path.clone(), Kind::Pattern, "pattern"),
            Constraint::NotInEnum => push(site.path.clone(), Kind::Enum, "enum"),
        }
    }
    out
}

fn implied_by_pattern(shape: &'static cognito_idp_client::model::Shape) -> bool {
    match &shape.kind {
        ShapeKind::String(s) => strategies::class_of(s).ok().flatten().is_some_and(|class| !class.allows_empty),
        _ => false,
    }
}

/// The account a defect or variant runs with by default (the reference's), in one of the two app client
/// shapes.
pub fn account(with_secret: bool) -> Account {
    let account = Account::default();
    if with_secret { account } else { Account { secret: None, ..account } }
}

/// The framing of every defect: the reference's.
pub const FRAMING: Framing = Framing { chunked: false, close_after_each: false };
