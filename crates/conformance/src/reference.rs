//! A reference implementation of `ResendConfirmationCode`, served by wiremock on 127.0.0.1: correct by
//! the rules the server check states (Cognito's documented and reported answers, the AWS JSON 1.1
//! protocol, the contract's statuses and media type), or with one planted [`Defect`]. The planted-defect
//! suite (`checks::server::planted`) proves that the server check catches each defect; the downstream
//! generator matrix can serve it as a correct server.
//!
//! It is written from the rules, not from the check: its own validation walks the `contract` tables
//! (the patterns through [`crate::pattern`]), in the order a Cognito request goes through: protocol,
//! deserialization (types), validation (constraints), app client, `SecretHash`, user, status.

use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::model::{Shape, ShapeKind};
use cognito_idp_client::secret_hash;
use serde_json::{Map, Value, json};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::strategies;

/// The app client and users the reference knows.
#[derive(Clone, Debug)]
pub struct Account {
    /// The app client's id.
    pub client_id: String,
    /// The app client's secret, when it has one.
    pub secret: Option<Vec<u8>>,
    /// A signed-up user who is not confirmed.
    pub username: String,
    /// A confirmed user.
    pub confirmed_username: String,
    /// Whether the app client has `PreventUserExistenceErrors` enabled.
    pub prevent_user_existence_errors: bool,
}

impl Default for Account {
    fn default() -> Self {
        Self {
            client_id: "4mqscqs0rd1ek1h7bo2e2j9qs8".to_owned(),
            secret: Some(b"reference-client-secret-0123456789abcdefghijklmnop".to_vec()),
            username: "jane".to_owned(),
            confirmed_username: "john".to_owned(),
            prevent_user_existence_errors: false,
        }
    }
}

/// One planted defect: the reference with one rule broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    // Authentication.
    /// Any `SecretHash` is accepted.
    AcceptsAWrongSecretHash,
    /// A request without `SecretHash` is accepted for an app client with a secret.
    AcceptsAMissingSecretHash,
    /// The hash is computed over the client id, then the username.
    HashesClientIdFirst,
    /// The hash is computed over the client id alone.
    HashesWithoutTheUsername,
    /// Only the hash's form is checked (Base64 of 32 bytes).
    ChecksOnlyTheHashForm,
    /// `NotAuthorizedException` is answered with HTTP 401.
    NotAuthorizedIs401,
    // Validation.
    /// No constraint is checked: lookups answer instead.
    SkipsValidation,
    /// Lookups run before validation, so an unknown, invalid username answers `UserNotFoundException`.
    LooksUpBeforeValidating,
    /// The username's maximum length is not checked.
    SkipsTheUsernameMaximum,
    /// The client id's pattern is not checked.
    SkipsTheClientIdPattern,
    /// The lengths of `ClientMetadata`'s values are not checked.
    SkipsClientMetadataValues,
    /// The keys of `ClientMetadata` are not checked.
    SkipsClientMetadataKeys,
    /// The members of `AnalyticsMetadata` and `UserContextData` are not checked.
    SkipsNestedMembers,
    /// Constraint violations answer `ValidationException`.
    ValidationExceptionCode,
    /// Constraint violations answer HTTP 422.
    ValidationIs422,
    /// A member of the wrong type answers a 500.
    WrongTypeIs500,
    /// A missing required member answers a 500.
    MissingMemberIs500,
    // Lookups.
    /// An unknown app client answers `UserNotFoundException`.
    UnknownClientIsUserNotFound,
    /// An unknown user answers a success although user existence errors are shown.
    UnknownUserSucceeds,
    /// An unknown user answers `ResourceNotFoundException`.
    UnknownUserIsResourceNotFound,
    /// `PreventUserExistenceErrors` is ignored: an unknown user answers `UserNotFoundException`.
    IgnoresPreventUserExistenceErrors,
    /// A confirmed user is sent a code again.
    ConfirmedUserSucceeds,
    /// A confirmed user answers `NotAuthorizedException`.
    ConfirmedUserIsNotAuthorized,
    // Valid inputs.
    /// A request with `ClientMetadata` is refused.
    RefusesClientMetadata,
    /// A request with `UserContextData` answers a 500.
    UserContextDataIs500,
    // Protocol.
    /// `X-Amz-Target` is not read: any target, or none, runs the operation.
    IgnoresTheTarget,
    /// Only the operation part of `X-Amz-Target` is read.
    IgnoresTheTargetService,
    /// A body that is not JSON answers a 500.
    NotJsonIs500,
    /// A JSON value that is not an object answers a 500.
    NotAnObjectIs500,
    /// Every method runs the operation.
    IgnoresTheMethod,
    /// An unknown member answers a 500.
    UnknownMemberIs500,
    /// A `null` member answers a 500.
    NullMemberIs500,
    // Response framing.
    /// Errors are HTML pages.
    ErrorsAsHtml,
    /// No `x-amzn-RequestId`.
    NoRequestId,
    /// `Content-Type: application/json`.
    ApplicationJson,
    /// The error code is only in the message.
    CodeOnlyInTheMessage,
    /// A success says `DeliveryMedium` `FAX`.
    SuccessBreaksTheOutputSchema,
    /// A success's body is plain text.
    SuccessIsNotJson,
    /// A success comes after [`SLOW`].
    SlowSuccess,
}

/// How late [`Defect::SlowSuccess`] answers.
pub const SLOW: std::time::Duration = std::time::Duration::from_millis(1500);

/// The reference, as a wiremock responder.
#[derive(Clone, Debug)]
pub struct Reference {
    account: Account,
    defect: Option<Defect>,
}

/// What the reference answers before framing: a success body or an error.
enum Outcome {
    Success(Value),
    Error(u16, &'static str, String),
}

use Defect as D;

impl Reference {
    /// The reference for `account`, correct or with one defect.
    pub fn new(account: Account, defect: Option<Defect>) -> Self {
        Self { account, defect }
    }

    /// Serves it on 127.0.0.1 (wiremock's own address) until the server is dropped.
    pub async fn serve(self) -> MockServer {
        self.serve_with(MockServer::builder()).await
    }

    /// Serves it on `listener`, which must be bound to 127.0.0.1 (`cargo xtask peer --port N`).
    pub async fn serve_on(self, listener: std::net::TcpListener) -> MockServer {
        self.serve_with(MockServer::builder().listener(listener)).await
    }

    async fn serve_with(self, builder: wiremock::MockServerBuilder) -> MockServer {
        let server = builder.disable_request_recording().start().await;
        Mock::given(wiremock::matchers::any()).respond_with(self).mount(&server).await;
        server
    }

    fn has(&self, defect: Defect) -> bool {
        self.defect == Some(defect)
    }

    /// A constraint violation: HTTP 400 `InvalidParameterException`.
    fn invalid(&self, message: String) -> Outcome {
        let code =
            if self.has(D::ValidationExceptionCode) { "ValidationException" } else { "InvalidParameterException" };
        Outcome::Error(if self.has(D::ValidationIs422) { 422 } else { 400 }, code, message)
    }

    fn outcome(&self, request: &Request) -> Outcome {
        let protocol = |message: &str| Outcome::Error(400, "UnknownOperationException", message.to_owned());
        if request.method != wiremock::http::Method::POST && !self.has(D::IgnoresTheMethod) {
            // HTTP's answer to a method the resource does not allow, with `Allow: POST` (see `respond`).
            return Outcome::Error(405, "UnknownOperationException", "Only POST is supported".to_owned());
        }
        let target = request.headers.get("x-amz-target").and_then(|v| v.to_str().ok()).unwrap_or("");
        let target_fits = if self.has(D::IgnoresTheTarget) {
            true
        } else if self.has(D::IgnoresTheTargetService) {
            target.rsplit('.').next() == Some(contract::OPERATION)
        } else {
            target == contract::TARGET
        };
        if !target_fits {
            return protocol("Unknown operation");
        }
        let serialization = |message: &str| Outcome::Error(400, "SerializationException", message.to_owned());
        let body: Value = match serde_json::from_slice(&request.body) {
            Ok(body) => body,
            Err(_) if self.has(D::NotJsonIs500) => return internal(),
            Err(_) => return serialization("The body is not JSON"),
        };
        let Value::Object(mut input) = body else {
            return if self.has(D::NotAnObjectIs500) { internal() } else { serialization("Expected a JSON object") };
        };
        if self.has(D::NullMemberIs500) && input.values().any(Value::is_null) {
            return internal();
        }
        if self.has(D::UnknownMemberIs500) && input.keys().any(|k| !members(INPUT).contains(&k.as_str())) {
            return internal();
        }
        if self.has(D::UserContextDataIs500) && input.contains_key("UserContextData") {
            return internal();
        }
        if self.has(D::RefusesClientMetadata) && input.contains_key("ClientMetadata") {
            return self.invalid("ClientMetadata is not supported".to_owned());
        }
        forget_nulls_and_unknowns(INPUT, &mut input);
        let input = Value::Object(input);
        if self.has(D::LooksUpBeforeValidating)
            && let Some(outcome) = self.lookups(&input)
        {
            return outcome;
        }
        let mut violations = Vec::new();
        self.validate(INPUT, &input, "", &mut violations);
        if let Some(first) = violations.iter().find(|v| v.kind == Kind::Type) {
            return if self.has(D::WrongTypeIs500) {
                internal()
            } else {
                serialization(&format!("Unexpected JSON type at '{}'", first.path))
            };
        }
        if self.has(D::MissingMemberIs500) && violations.iter().any(|v| v.kind == Kind::Missing) {
            return internal();
        }
        if !violations.is_empty() && !self.has(D::SkipsValidation) {
            let count = violations.len();
            let plural = if count == 1 { "" } else { "s" };
            let each: Vec<String> = violations.iter().map(Violation::message).collect();
            return self.invalid(format!("{count} validation error{plural} detected: {}", each.join("; ")));
        }
        self.lookups(&input).unwrap_or_else(|| Outcome::Success(self.delivery()))
    }

    /// The app client, the `SecretHash`, the user and its status: an error, or `None` to deliver.
    fn lookups(&self, input: &Value) -> Option<Outcome> {
        let text = |name: &str| input.get(name).and_then(Value::as_str);
        let (client_id, username) = (text("ClientId").unwrap_or(""), text("Username").unwrap_or(""));
        let account = &self.account;
        if client_id != account.client_id {
            let code = if self.has(D::UnknownClientIsUserNotFound) {
                "UserNotFoundException"
            } else {
                "ResourceNotFoundException"
            };
            return Some(Outcome::Error(400, code, format!("User pool client {client_id} does not exist.")));
        }
        let unauthorized = |message: String| {
            let status = if self.has(D::NotAuthorizedIs401) { 401 } else { 400 };
            Some(Outcome::Error(status, "NotAuthorizedException", message))
        };
        if let Some(secret) = &account.secret {
            match text("SecretHash") {
                None if !self.has(D::AcceptsAMissingSecretHash) => {
                    return unauthorized(format!(
                        "Client {client_id} is configured with secret but SECRET_HASH was not received"
                    ));
                }
                None => {}
                Some(hash) => {
                    let expected = if self.has(D::HashesClientIdFirst) {
                        secret_hash(secret, client_id, username)
                    } else if self.has(D::HashesWithoutTheUsername) {
                        secret_hash(secret, "", client_id)
                    } else {
                        secret_hash(secret, username, client_id)
                    };
                    let accepted = self.has(D::AcceptsAWrongSecretHash)
                        || (self.has(D::ChecksOnlyTheHashForm) && hash.len() == expected.len())
                        || hash == expected;
                    if !accepted {
                        return unauthorized(format!("Unable to verify secret hash for client {client_id}"));
                    }
                }
            }
        }
        if username == account.confirmed_username {
            return match (self.has(D::ConfirmedUserSucceeds), self.has(D::ConfirmedUserIsNotAuthorized)) {
                (true, _) => None,
                (_, true) => unauthorized("User cannot be resent a confirmation code".to_owned()),
                _ => Some(self.invalid("User is already confirmed.".to_owned())),
            };
        }
        if username != account.username {
            let simulate = account.prevent_user_existence_errors && !self.has(D::IgnoresPreventUserExistenceErrors);
            if simulate || self.has(D::UnknownUserSucceeds) {
                return None;
            }
            let code = if self.has(D::UnknownUserIsResourceNotFound) {
                "ResourceNotFoundException"
            } else {
                "UserNotFoundException"
            };
            return Some(Outcome::Error(400, code, "Username/client id combination not found.".to_owned()));
        }
        None
    }

    fn delivery(&self) -> Value {
        let medium = if self.has(D::SuccessBreaksTheOutputSchema) { "FAX" } else { "EMAIL" };
        json!({"CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": medium, "AttributeName": "email"}})
    }

    /// Every constraint `value` breaks, with the defects that skip some of them applied.
    fn validate(&self, shape: &'static Shape, value: &Value, path: &str, out: &mut Vec<Violation>) {
        let mut push = |kind, detail: String| out.push(Violation { path: path.to_owned(), kind, detail });
        match (&shape.kind, value) {
            (ShapeKind::String(s), Value::String(text)) => {
                let count = text.chars().count() as u64;
                let is = |member: &str| path == member;
                let in_values = path.starts_with("clientMetadata.") && !path.ends_with("(key)");
                let nested = path.starts_with("analyticsMetadata.") || path.starts_with("userContextData.");
                if (in_values && self.has(D::SkipsClientMetadataValues))
                    || (path.ends_with("(key)") && self.has(D::SkipsClientMetadataKeys))
                    || (nested && self.has(D::SkipsNestedMembers))
                {
                    return;
                }
                if let Some(min) = s.min.filter(|min| count < *min) {
                    push(Kind::Constraint, format!("Member must have length greater than or equal to {min}"));
                }
                if let Some(max) = s.max.filter(|max| count > *max)
                    && !(is("username") && self.has(D::SkipsTheUsernameMaximum))
                {
                    push(Kind::Constraint, format!("Member must have length less than or equal to {max}"));
                }
                if let (Ok(Some(class)), Some(pattern)) = (strategies::class_of(s), s.pattern)
                    && !class.matches(text)
                    && !(is("clientId") && self.has(D::SkipsTheClientIdPattern))
                {
                    push(Kind::Constraint, format!("Member must satisfy regular expression pattern: {pattern}"));
                }
            }
            (ShapeKind::Structure(s), Value::Object(object)) => {
                for required in s.required {
                    if !object.contains_key(*required) {
                        let at = join(path, &camel(required));
                        out.push(Violation {
                            path: at,
                            kind: Kind::Missing,
                            detail: "Member must not be null".to_owned(),
                        });
                    }
                }
                for member in s.members {
                    if let Some(inner) = object.get(member.name) {
                        self.validate(member.shape, inner, &join(path, &camel(member.name)), out);
                    }
                }
            }
            (ShapeKind::Map(m), Value::Object(object)) => {
                for (key, inner) in object {
                    self.validate(m.key, &Value::String(key.clone()), &format!("{path}.{key}(key)"), out);
                    self.validate(m.value, inner, &format!("{path}.{key}"), out);
                }
            }
            _ => push(Kind::Type, "Member has the wrong type".to_owned()),
        }
    }
}

fn internal() -> Outcome {
    Outcome::Error(500, "InternalErrorException", "An internal error occurred".to_owned())
}

fn members(shape: &Shape) -> Vec<&'static str> {
    match &shape.kind {
        ShapeKind::Structure(s) => s.members.iter().map(|m| m.name).collect(),
        _ => Vec::new(),
    }
}

/// Drops `null` members (absent, as AWS JSON 1.1 servers take them) and unknown members (ignored) of the
/// structures in `object`.
fn forget_nulls_and_unknowns(shape: &'static Shape, object: &mut Map<String, Value>) {
    let ShapeKind::Structure(s) = &shape.kind else { return };
    object.retain(|key, value| !value.is_null() && s.members.iter().any(|m| m.name == key));
    for member in s.members {
        if let Some(Value::Object(inner)) = object.get_mut(member.name) {
            forget_nulls_and_unknowns(member.shape, inner);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Type,
    Missing,
    Constraint,
}

#[derive(Debug)]
struct Violation {
    path: String,
    kind: Kind,
    detail: String,
}

impl Violation {
    /// AWS's wording: `Value at 'username' failed to satisfy constraint: Member must ...`.
    fn message(&self) -> String {
        let null = if self.kind == Kind::Missing { " null" } else { "" };
        format!("Value{null} at '{}' failed to satisfy constraint: {}", self.path, self.detail)
    }
}

fn camel(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn join(path: &str, member: &str) -> String {
    if path.is_empty() { member.to_owned() } else { format!("{path}.{member}") }
}

impl Respond for Reference {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let (status, body) = match self.outcome(request) {
            Outcome::Success(body) => (200, body),
            Outcome::Error(status, code, message) => (status, json!({"__type": code, "message": message})),
        };
        let success = status == 200;
        let mut template = ResponseTemplate::new(status);
        let media = if self.has(D::ApplicationJson) { "application/json" } else { contract::MEDIA_TYPE };
        template = match (success, self.defect) {
            (false, Some(D::ErrorsAsHtml)) => {
                template.set_body_raw(format!("<html><body><h1>{status} Bad Request</h1></body></html>"), "text/html")
            }
            (false, Some(D::CodeOnlyInTheMessage)) => {
                let text =
                    format!("{}: {}", body["__type"].as_str().unwrap_or(""), body["message"].as_str().unwrap_or(""));
                template.set_body_raw(json!({"message": text}).to_string(), media)
            }
            (true, Some(D::SuccessIsNotJson)) => template.set_body_raw("OK", "text/plain"),
            _ => template.set_body_raw(body.to_string(), media),
        };
        if status == 405 {
            template = template.insert_header("Allow", "POST");
        }
        if !self.has(D::NoRequestId) {
            template = template.insert_header("x-amzn-RequestId", uuid::Uuid::new_v4().to_string().as_str());
        }
        if success && self.has(D::SlowSuccess) {
            template = template.set_delay(SLOW);
        }
        template
    }
}
