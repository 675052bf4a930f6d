//! What the check expects of a server: every expectation has a short stable id (`auth.wrong-secret-hash`,
//! `validation.username.max-length`, `response.request-id`), a family, one sentence for people and the
//! source it comes from. Ids key the baseline, the JUnit test cases, `--only`/`--skip` and the planted-defect
//! suite; the sentence is for reading only.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The families of expectations, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// `SecretHash`: the wrong, missing or misplaced ones are refused; none is needed without a secret.
    Auth,
    /// Every constraint of the input, one at a time: the limit accepted, one past it refused.
    Validation,
    /// Unknown app client, unknown user, confirmed user.
    Lookup,
    /// Random valid inputs are accepted (proven on an unknown user: nothing is delivered).
    Input,
    /// The requests that deliver a code, within `--max-deliveries`.
    Delivery,
    /// The AWS JSON 1.1 framing of requests: target, body, method, unknown and null members.
    Protocol,
    /// Rules over every answer: time, statuses, media type, request id, error encoding, output.
    Response,
}

impl Family {
    /// Every family, in report order.
    pub const ALL: [Family; 7] = [
        Family::Auth,
        Family::Validation,
        Family::Lookup,
        Family::Input,
        Family::Delivery,
        Family::Protocol,
        Family::Response,
    ];

    /// The family's name, the first part of its ids.
    pub fn name(self) -> &'static str {
        match self {
            Family::Auth => "auth",
            Family::Validation => "validation",
            Family::Lookup => "lookup",
            Family::Input => "input",
            Family::Delivery => "delivery",
            Family::Protocol => "protocol",
            Family::Response => "response",
        }
    }

    /// What the family is about, for headings.
    pub fn title(self) -> &'static str {
        match self {
            Family::Auth => "SecretHash",
            Family::Validation => "validation of every constraint",
            Family::Lookup => "app client and user lookups",
            Family::Input => "valid inputs",
            Family::Delivery => "deliveries",
            Family::Protocol => "AWS JSON 1.1 requests",
            Family::Response => "every answer",
        }
    }

    /// The family a name or id belongs to: `auth` or `auth.wrong-secret-hash` -> `Auth`.
    pub fn of(id: &str) -> Option<Family> {
        let head = id.split('.').next().unwrap_or(id);
        Family::ALL.into_iter().find(|f| f.name() == head)
    }

    /// Whether the family's expectations are rules over every answer (judged probe by probe over all
    /// exchanges) rather than expectations of their own probes.
    pub fn is_every_answer(self) -> bool {
        self == Family::Response
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an expectation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Source {
    /// The contract: `spec/cognito-idp.openapi.yaml` (shapes, constraints, statuses, media types, errors).
    Contract(&'static str),
    /// Amazon Cognito's documented or reported behaviour, or the AWS JSON 1.1 protocol's rules, with the
    /// source named.
    Aws(&'static str),
    /// A bound the check sets itself, with the option that changes it.
    Bound(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Contract(what) => write!(f, "contract: {what}"),
            Source::Aws(what) => write!(f, "AWS: {what}"),
            Source::Bound(what) => write!(f, "the check's bound: {what}"),
        }
    }
}

/// One expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// The stable id: `family.subject[.constraint]`, kebab-case.
    pub id: String,
    /// Its family.
    pub family: Family,
    /// One sentence for people.
    pub title: String,
    /// Where it comes from.
    pub source: Source,
}

impl Expectation {
    /// An expectation of `family` with this id suffix (`wrong-secret-hash` in `auth.wrong-secret-hash`).
    pub fn new(family: Family, suffix: &str, title: impl Into<String>, source: Source) -> Self {
        Self { id: format!("{}.{suffix}", family.name()), family, title: title.into(), source }
    }
}

/// The sources the check cites, each written once.
pub mod sources {
    use super::Source;

    /// `SecretHash`'s definition and Cognito's answers to wrong and missing ones.
    pub const SECRET_HASH: Source = Source::Aws(
        "documented: SecretHash is Base64(HMAC-SHA256(client secret, username + client id)) (Computing secret hash \
         values); reported: `Unable to verify secret hash for client <id>` and `Client <id> is configured with secret \
         but SECRET_HASH was not received` (NotAuthorizedException, HTTP 400; aws-amplify/amplify-android #2504)",
    );
    /// A `SecretHash` sent for an app client without a secret.
    pub const UNEXPECTED_SECRET_HASH: Source = Source::Aws(
        "reported: an app client without a secret refuses a secret hash (`App client <id> is not configured for \
         secret but secret hash was received`, InvalidParameterException; pmill/aws-cognito #23) or ignores it",
    );
    /// Cognito's validation errors.
    pub const VALIDATION: Source = Source::Aws(
        "reported: `1 validation error detected: Value at '...' failed to satisfy constraint: ...` \
         (InvalidParameterException, HTTP 400; amazon-cognito-identity-js #388, #551); Cognito validates the \
         input before it looks anything up",
    );
    /// The contract's constraints, which a conforming server accepts up to their limits.
    pub const CONSTRAINTS: Source = Source::Contract(
        "minLength, maxLength (characters) and the anchored Unicode pattern of each member; a value within them is \
         valid and answered by the lookup (UserNotFoundException for an unknown user)",
    );
    /// Wrong JSON types.
    pub const TYPES: Source = Source::Aws(
        "reported across AWS JSON services: a member of the wrong type fails deserialization (SerializationException, \
         `NUMBER_VALUE can not be converted to a String`); a validation error is accepted too",
    );
    /// Unknown app clients.
    pub const UNKNOWN_CLIENT: Source =
        Source::Aws("reported: `User pool client <id> does not exist.` (ResourceNotFoundException, HTTP 400)");
    /// Unknown users.
    pub const UNKNOWN_USER: Source = Source::Aws(
        "documented: `Username/client id combination not found.` (UserNotFoundException), or a simulated success \
         when the app client's PreventUserExistenceErrors is ENABLED (Managing user existence error responses)",
    );
    /// Confirmed users.
    pub const CONFIRMED: Source = Source::Aws("reported: `User is already confirmed.` (InvalidParameterException)");
    /// Valid inputs.
    pub const VALID_INPUTS: Source =
        Source::Contract("every constraint of the input: values drawn inside them are valid");
    /// Deliveries.
    pub const DELIVERY: Source = Source::Aws(
        "documented: ResendConfirmationCode sends a code to the unconfirmed user and answers CodeDeliveryDetails; \
         LimitExceededException or TooManyRequestsException when the pool's limits are reached (not judged)",
    );
    /// The protocol's refusals.
    pub const PROTOCOL: Source = Source::Aws(
        "AWS JSON 1.1: X-Amz-Target names the operation (UnknownOperationException otherwise) and the body is a JSON \
         object (SerializationException otherwise); either way a 4xx error with a code, never the operation's answer",
    );
    /// Unknown members.
    pub const UNKNOWN_MEMBER: Source = Source::Aws(
        "AWS JSON 1.1: a server ignores an unknown member or refuses it with a 4xx error (SerializationException)",
    );
    /// Null members.
    pub const NULLS: Source = Source::Aws(
        "AWS JSON 1.1: servers treat null members as absent (Smithy protocol test \
         AwsJson11ServersDontDeserializeNullStructureValues)",
    );
}
