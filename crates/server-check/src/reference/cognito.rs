//! The reference behaviour: `ResendConfirmationCode` as Cognito answers it, written from the rules (AWS's
//! documents and reported answers, the AWS JSON 1.1 protocol, the contract), not from the check.
//!
//! A request goes through the stages Cognito's answers reveal: route (method, `X-Amz-Target`), read the
//! JSON body, forget null and unknown members, validate every constraint of the contract tables, check
//! the `SecretHash`, look up the app client and the user, deliver; then the answer is framed. Each stage is
//! a hook of [`Behaviour`] whose default is the correct behaviour; a planted defect (`defects.rs`) or a
//! correct variant (`variants.rs`) overrides one hook and leaves the rest alone.

use std::sync::atomic::{AtomicUsize, Ordering};

use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::model::{Shape, ShapeKind, StringShape};
use cognito_idp_client::secret_hash;
use serde_json::{Map, Value, json};

use super::http::{Request, Response};
use crate::pattern::CharClass;
use crate::strategies::{self, Step};
use crate::text::lower_camel;

/// The app client and users of the reference, and how its pool is set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The app client id.
    pub client_id: String,
    /// Its secret, when it has one.
    pub secret: Option<Vec<u8>>,
    /// A signed-up, unconfirmed user.
    pub username: String,
    /// A confirmed user.
    pub confirmed_username: String,
    /// Whether unknown users get a simulated success.
    pub prevent_user_existence_errors: bool,
    /// How many codes one user may be sent before `LimitExceededException` (Cognito limits them).
    pub delivery_limit: Option<usize>,
}

impl Default for Account {
    fn default() -> Self {
        Self {
            client_id: "1example23456789abcdefghij".to_owned(),
            secret: Some(b"reference-client-secret".to_vec()),
            username: "jane".to_owned(),
            confirmed_username: "john".to_owned(),
            prevent_user_existence_errors: false,
            delivery_limit: None,
        }
    }
}

/// What the reference answers before framing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A success body.
    Success(Value),
    /// An error: status, code, message.
    Error(u16, String, String),
}

impl Outcome {
    /// A client error (HTTP 400).
    pub fn client(code: &str, message: impl Into<String>) -> Self {
        Outcome::Error(400, code.to_owned(), message.into())
    }
}

/// The kind of a constraint a violation breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A JSON value of the wrong type.
    Type,
    /// A required member missing.
    Required,
    /// Shorter than the minimum.
    MinLength,
    /// Longer than the maximum.
    MaxLength,
    /// A character outside the pattern.
    Pattern,
    /// A value outside the enum.
    Enum,
}

/// One broken constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where, as the contract's path steps.
    pub path: Vec<Step>,
    /// What kind of constraint.
    pub kind: Kind,
    /// AWS's wording of the constraint (`Member must have length less than or equal to 128`).
    pub detail: String,
}

impl Violation {
    /// AWS's wording: `Value at 'username' failed to satisfy constraint: Member must ...`.
    pub fn message(&self) -> String {
        let null = if self.kind == Kind::Required { " null" } else { "" };
        format!("Value{null} at '{}' failed to satisfy constraint: {}", message_path(&self.path), self.detail)
    }
}

/// `userContextData.encodedData`, `clientMetadata`.
fn message_path(path: &[Step]) -> String {
    let parts: Vec<String> = path
        .iter()
        .filter_map(|step| match step {
            Step::Member(name) => Some(lower_camel(name)),
            _ => None,
        })
        .collect();
    parts.join(".")
}

/// The stages of the operation, each a hook with Cognito's behaviour as its default.
pub trait Behaviour: Send + Sync + std::fmt::Debug {
    /// The method and `X-Amz-Target`: `None` to go on, else the refusal.
    fn route(&self, request: &Request) -> Option<Outcome> {
        if request.method != contract::METHOD {
            return Some(Outcome::Error(
                405,
                "UnknownOperationException".to_owned(),
                "Only POST is supported".to_owned(),
            ));
        }
        (request.header("x-amz-target") != Some(contract::TARGET))
            .then(|| Outcome::client("UnknownOperationException", "Unknown operation"))
    }

    /// The body as a JSON object.
    fn parse(&self, body: &[u8]) -> Result<Map<String, Value>, Outcome> {
        match serde_json::from_slice(body) {
            Ok(Value::Object(input)) => Ok(input),
            Ok(_) => {
                Err(Outcome::client("SerializationException", "Start of structure or map found where not expected"))
            }
            Err(_) => Err(Outcome::client("SerializationException", "The body is not valid JSON")),
        }
    }

    /// Null members taken as absent and unknown members ignored (AWS JSON 1.1).
    fn normalize(&self, mut input: Map<String, Value>) -> Result<Map<String, Value>, Outcome> {
        forget_nulls_and_unknowns(INPUT, &mut input);
        Ok(input)
    }

    /// A string's length in characters (Unicode scalar values, as the contract's lengths count).
    fn length(&self, text: &str) -> usize {
        text.chars().count()
    }

    /// Whether `text` matches the pattern's class: every character in it (the pattern is anchored).
    fn matches(&self, class: &CharClass, text: &str) -> bool {
        class.matches(text)
    }

    /// Whether a violation is reported (every one is).
    fn reports(&self, _violation: &Violation) -> bool {
        true
    }

    /// The answer to constraint violations: `InvalidParameterException` with AWS's count and wording.
    fn invalid(&self, violations: &[Violation]) -> Outcome {
        let count = violations.len();
        let plural = if count == 1 { "" } else { "s" };
        let each: Vec<String> = violations.iter().map(Violation::message).collect();
        Outcome::client(
            "InvalidParameterException",
            format!("{count} validation error{plural} detected: {}", each.join("; ")),
        )
    }

    /// The answer to a member of the wrong JSON type.
    fn wrong_type(&self, violation: &Violation) -> Outcome {
        Outcome::client(
            "SerializationException",
            format!("Unexpected JSON type at '{}'", message_path(&violation.path)),
        )
    }

    /// Whether the input is validated before anything is looked up (Cognito's order).
    fn validates_first(&self) -> bool {
        true
    }

    /// The `SecretHash` the app client expects: Base64(HMAC-SHA256(secret, username + client id)).
    fn right_hash(&self, secret: &[u8], username: &str, client_id: &str) -> String {
        secret_hash(secret, username, client_id)
    }

    /// Whether a `SecretHash` given is the right one: equal, character for character.
    fn hash_matches(&self, given: &str, right: &str) -> bool {
        given == right
    }

    /// The answer to no `SecretHash` for an app client with a secret; `None` lets the request through.
    fn missing_hash(&self, client_id: &str) -> Option<Outcome> {
        Some(Outcome::client(
            "NotAuthorizedException",
            format!("Client {client_id} is configured with secret but SECRET_HASH was not received"),
        ))
    }

    /// The answer to a wrong `SecretHash`.
    fn wrong_hash(&self, client_id: &str) -> Outcome {
        Outcome::client("NotAuthorizedException", format!("Unable to verify secret hash for client {client_id}"))
    }

    /// The answer to a `SecretHash` for an app client without a secret; `None` ignores it.
    fn unexpected_hash(&self, client_id: &str) -> Option<Outcome> {
        Some(Outcome::client(
            "InvalidParameterException",
            format!("App client {client_id} is not configured for secret but secret hash was received"),
        ))
    }

    /// The answer to an unknown app client.
    fn unknown_client(&self, client_id: &str) -> Outcome {
        Outcome::client("ResourceNotFoundException", format!("User pool client {client_id} does not exist."))
    }

    /// The answer to an unknown user: `None` for the simulated success of `PreventUserExistenceErrors`.
    fn unknown_user(&self, account: &Account) -> Option<Outcome> {
        (!account.prevent_user_existence_errors)
            .then(|| Outcome::client("UserNotFoundException", "Username/client id combination not found."))
    }

    /// The answer to a confirmed user.
    fn confirmed_user(&self) -> Option<Outcome> {
        Some(Outcome::client("InvalidParameterException", "User is already confirmed."))
    }

    /// The answer when the user's codes are used up.
    fn limit_exceeded(&self) -> Outcome {
        Outcome::client("LimitExceededException", "Attempt limit exceeded, please try after some time.")
    }

    /// A success: where the code went, masked.
    fn delivery(&self) -> Outcome {
        Outcome::Success(json!({
            "CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
        }))
    }

    /// The answer on the wire: `application/x-amz-json-1.1`, `x-amzn-RequestId`, errors with the code in
    /// `X-Amzn-ErrorType` and `__type`, and a `message`.
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut headers = vec![
            ("Content-Type".to_owned(), contract::MEDIA_TYPE.to_owned()),
            ("x-amzn-RequestId".to_owned(), request_id.to_owned()),
        ];
        let (status, body) = match outcome {
            Outcome::Success(body) => (200, body),
            Outcome::Error(status, code, message) => {
                headers.push(("X-Amzn-ErrorType".to_owned(), code.clone()));
                (status, json!({"__type": code, "message": message}))
            }
        };
        if status == 405 {
            headers.push(("Allow".to_owned(), "POST".to_owned()));
        }
        Response::new(status, headers, body.to_string())
    }
}

/// Cognito as the rules describe it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cognito;

impl Behaviour for Cognito {}

/// The reference server's state: the codes sent so far.
#[derive(Debug, Default)]
pub struct State {
    deliveries: AtomicUsize,
}

/// Answers one request with `behaviour` for `account`.
pub fn respond(behaviour: &dyn Behaviour, account: &Account, state: &State, request: &Request) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let outcome = outcome(behaviour, account, state, request);
    behaviour.frame(outcome, &request_id)
}

fn outcome(behaviour: &dyn Behaviour, account: &Account, state: &State, request: &Request) -> Outcome {
    if let Some(refusal) = behaviour.route(request) {
        return refusal;
    }
    let input = match behaviour.parse(&request.body).and_then(|input| behaviour.normalize(input)) {
        Ok(input) => Value::Object(input),
        Err(refusal) => return refusal,
    };
    if !behaviour.validates_first()
        && let Err(answer) = look_up(behaviour, account, state, &input)
    {
        return answer;
    }
    let violations: Vec<Violation> = validate(behaviour, &input).into_iter().filter(|v| behaviour.reports(v)).collect();
    if let Some(wrong) = violations.iter().find(|v| v.kind == Kind::Type) {
        return behaviour.wrong_type(wrong);
    }
    if !violations.is_empty() {
        return behaviour.invalid(&violations);
    }
    look_up(behaviour, account, state, &input).unwrap_or_else(|answer| answer)
}

/// The app client, the `SecretHash`, the user: an error, or the delivery.
fn look_up(behaviour: &dyn Behaviour, account: &Account, state: &State, input: &Value) -> Result<Outcome, Outcome> {
    let text = |name: &str| input.get(name).and_then(Value::as_str);
    let (client_id, username) = (text("ClientId").unwrap_or(""), text("Username").unwrap_or(""));
    if client_id != account.client_id {
        return Err(behaviour.unknown_client(client_id));
    }
    match (&account.secret, text("SecretHash")) {
        (Some(_), None) => {
            if let Some(refusal) = behaviour.missing_hash(client_id) {
                return Err(refusal);
            }
        }
        (Some(secret), Some(given)) => {
            if !behaviour.hash_matches(given, &behaviour.right_hash(secret, username, client_id)) {
                return Err(behaviour.wrong_hash(client_id));
            }
        }
        (None, Some(_)) => {
            if let Some(refusal) = behaviour.unexpected_hash(client_id) {
                return Err(refusal);
            }
        }
        (None, None) => {}
    }
    if username == account.confirmed_username {
        if let Some(refusal) = behaviour.confirmed_user() {
            return Err(refusal);
        }
    } else if username != account.username {
        return match behaviour.unknown_user(account) {
            Some(refusal) => Err(refusal),
            None => Ok(behaviour.delivery()),
        };
    }
    let sent = state.deliveries.fetch_add(1, Ordering::SeqCst);
    if account.delivery_limit.is_some_and(|limit| sent >= limit) {
        return Err(behaviour.limit_exceeded());
    }
    Ok(behaviour.delivery())
}

/// Every constraint of the contract `input` breaks, in model order.
pub fn validate(behaviour: &dyn Behaviour, input: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    walk(behaviour, INPUT, input, &mut Vec::new(), &mut out);
    out
}

fn walk(
    behaviour: &dyn Behaviour,
    shape: &'static Shape,
    value: &Value,
    path: &mut Vec<Step>,
    out: &mut Vec<Violation>,
) {
    match (&shape.kind, value) {
        (ShapeKind::String(s), Value::String(text)) => string(behaviour, s, text, path, out),
        (ShapeKind::Structure(s), Value::Object(object)) => {
            for required in s.required {
                if !object.contains_key(*required) {
                    let mut at = path.clone();
                    at.push(Step::Member(required));
                    out.push(Violation {
                        path: at,
                        kind: Kind::Required,
                        detail: "Member must not be null".to_owned(),
                    });
                }
            }
            for member in s.members {
                if let Some(inner) = object.get(member.name) {
                    path.push(Step::Member(member.name));
                    walk(behaviour, member.shape, inner, path, out);
                    path.pop();
                }
            }
        }
        (ShapeKind::Map(m), Value::Object(object)) => {
            for (key, inner) in object {
                path.push(Step::MapKey);
                walk(behaviour, m.key, &Value::String(key.clone()), path, out);
                path.pop();
                path.push(Step::MapValue);
                walk(behaviour, m.value, inner, path, out);
                path.pop();
            }
        }
        _ => {
            out.push(Violation { path: path.clone(), kind: Kind::Type, detail: "Member has the wrong type".to_owned() })
        }
    }
}

fn string(behaviour: &dyn Behaviour, s: &StringShape, text: &str, path: &[Step], out: &mut Vec<Violation>) {
    let mut push = |kind, detail: String| out.push(Violation { path: path.to_vec(), kind, detail });
    let length = behaviour.length(text) as u64;
    if let Some(min) = s.min.filter(|min| length < *min) {
        push(Kind::MinLength, format!("Member must have length greater than or equal to {min}"));
    }
    if let Some(max) = s.max.filter(|max| length > *max) {
        push(Kind::MaxLength, format!("Member must have length less than or equal to {max}"));
    }
    if let (Ok(Some(class)), Some(pattern)) = (strategies::class_of(s), s.pattern)
        && !behaviour.matches(&class, text)
    {
        let pattern = pattern.trim_start_matches('^').trim_end_matches('$');
        push(Kind::Pattern, format!("Member must satisfy regular expression pattern: {pattern}"));
    }
    if !s.enum_values.is_empty() && !s.enum_values.contains(&text) {
        push(Kind::Enum, format!("Member must satisfy enum value set: [{}]", s.enum_values.join(", ")));
    }
}

/// Drops `null` members (absent, as AWS JSON 1.1 servers take them) and unknown members (ignored) of the
/// structures in `object`, at every depth.
pub fn forget_nulls_and_unknowns(shape: &'static Shape, object: &mut Map<String, Value>) {
    let ShapeKind::Structure(s) = &shape.kind else { return };
    object.retain(|key, value| !value.is_null() && s.members.iter().any(|m| m.name == key));
    for member in s.members {
        if let Some(Value::Object(inner)) = object.get_mut(member.name) {
            forget_nulls_and_unknowns(member.shape, inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: Value) -> Request {
        Request {
            method: "POST".into(),
            path: "/".into(),
            headers: vec![("x-amz-target".into(), contract::TARGET.into())],
            body: body.to_string().into_bytes(),
        }
    }

    fn answer(account: &Account, body: Value) -> Outcome {
        outcome(&Cognito, account, &State::default(), &request(body))
    }

    #[test]
    fn validation_comes_first_with_aws_wording() {
        let account = Account::default();
        let long = "x".repeat(129);
        let Outcome::Error(400, code, message) = answer(&account, json!({"ClientId": "nope", "Username": long})) else {
            panic!("an error")
        };
        assert_eq!(code, "InvalidParameterException");
        assert_eq!(
            message,
            "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length \
             less than or equal to 128"
        );
    }

    #[test]
    fn the_right_hash_delivers_until_the_limit() {
        let account = Account { delivery_limit: Some(1), ..Account::default() };
        let secret = account.secret.clone().unwrap_or_default();
        let hash = secret_hash(&secret, "jane", &account.client_id);
        let body = json!({"ClientId": account.client_id, "Username": "jane", "SecretHash": hash});
        let state = State::default();
        assert!(matches!(outcome(&Cognito, &account, &state, &request(body.clone())), Outcome::Success(_)));
        let limited = outcome(&Cognito, &account, &state, &request(body));
        assert!(matches!(limited, Outcome::Error(400, code, _) if code == "LimitExceededException"));
    }
}
