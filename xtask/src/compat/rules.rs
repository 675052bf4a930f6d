//! The classes, sides and rules of `cargo xtask compat`, and the classified difference ([`Change`]).

/// How bad a difference is for the party that meets it. Ordered from harmless to breaking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Nothing that worked before stops working.
    Compatible,
    /// Works on the wire, but a hazard for some clients (named in the reason).
    Warning,
    /// Something that worked before stops working.
    Breaking,
}

impl Class {
    /// The class's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Compatible => "compatible",
            Class::Warning => "warning",
            Class::Breaking => "breaking",
        }
    }
}

/// The lowest class that makes `compat` fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on breaking differences.
    Breaking,
    /// Fail on warnings and breaking differences.
    Warning,
}

impl FailOn {
    pub(super) fn threshold(self) -> Class {
        match self {
            FailOn::Breaking => Class::Breaking,
            FailOn::Warning => Class::Warning,
        }
    }
}

/// Where a difference lives, which says whose side it is judged from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// Service metadata.
    Service,
    /// The operation: wire framing, names, documentation, examples.
    Operation,
    /// What clients send.
    Request,
    /// What clients receive on success.
    Response,
    /// The errors, which clients also receive.
    Error,
}

impl Side {
    /// The side's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Service => "service",
            Side::Operation => "operation",
            Side::Request => "request",
            Side::Response => "response",
            Side::Error => "error",
        }
    }
}

/// A classification rule: its identifier, class and one-line meaning.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, used in reports and in `docs/compat-rules.md`.
    pub id: &'static str,
    /// The class of every difference the rule matches.
    pub class: Class,
    /// What the rule matches.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $class:ident, $summary:literal;)*) => {
        $(pub(super) const $name: &Rule = &Rule { id: $id, class: Class::$class, summary: $summary };)*
        /// Every rule, in the order of the table in `docs/compat-rules.md`.
        pub const RULES: &[&Rule] = &[$($name),*];
    };
}

rules! {
    SERVICE_WIRE_METADATA = "service-wire-metadata-changed", Breaking,
        "a metadata key on the wire changed (endpointPrefix, protocol, jsonVersion, targetPrefix; signing keys if signed)";
    SERVICE_METADATA = "service-metadata-changed", Compatible,
        "any other metadata key changed (apiVersion, serviceId, serviceFullName, uid, protocols; signing keys if unsigned)";
    OPERATION_TARGET = "operation-target-changed", Breaking, "the X-Amz-Target header value changed";
    OPERATION_MEDIA_TYPE = "operation-media-type-changed", Breaking, "the Content-Type on the wire changed";
    OPERATION_HTTP = "operation-http-changed", Breaking, "the HTTP method or path changed";
    OPERATION_AUTH = "operation-auth-changed", Breaking, "the auth type changed (such as none to v4)";
    OPERATION_RENAMED = "operation-renamed", Warning, "the operation's name (operationId) changed";
    REQUEST_MEMBER_REMOVED = "request-member-removed", Breaking, "a request member was removed";
    REQUEST_REQUIRED_MEMBER_ADDED = "request-required-member-added", Breaking, "a required request member was added";
    REQUEST_OPTIONAL_MEMBER_ADDED = "request-optional-member-added", Compatible, "an optional request member was added";
    REQUEST_MEMBER_BECAME_REQUIRED = "request-member-became-required", Breaking,
        "an optional request member became required";
    REQUEST_MEMBER_BECAME_OPTIONAL = "request-member-became-optional", Compatible,
        "a required request member became optional";
    REQUEST_MAX_LENGTH_DECREASED = "request-max-length-decreased", Breaking, "a request maxLength went down or was set";
    REQUEST_MAX_LENGTH_INCREASED = "request-max-length-increased", Compatible,
        "a request maxLength went up or was removed";
    REQUEST_MIN_LENGTH_INCREASED = "request-min-length-increased", Breaking, "a request minLength went up";
    REQUEST_MIN_LENGTH_DECREASED = "request-min-length-decreased", Compatible, "a request minLength went down";
    REQUEST_PATTERN_CHANGED = "request-pattern-changed", Breaking,
        "a request pattern was added or changed, other than a widened character class";
    REQUEST_PATTERN_WIDENED = "request-pattern-widened", Compatible,
        "a request pattern was removed, or its character class only gained items";
    REQUEST_ENUM_VALUE_REMOVED = "request-enum-value-removed", Breaking,
        "a request enum lost a value, or a free string became an enum";
    REQUEST_ENUM_VALUE_ADDED = "request-enum-value-added", Compatible,
        "a request enum gained a value, or stopped being an enum";
    REQUEST_TYPE_CHANGED = "request-type-changed", Breaking, "a request member's type changed (string, structure, map)";
    RESPONSE_MEMBER_REMOVED = "response-member-removed", Breaking, "a response or error member was removed";
    RESPONSE_MEMBER_ADDED = "response-member-added", Compatible, "a response or error member was added";
    RESPONSE_MEMBER_BECAME_OPTIONAL = "response-member-became-optional", Breaking,
        "a required response member became optional";
    RESPONSE_MEMBER_BECAME_REQUIRED = "response-member-became-required", Compatible,
        "an optional response member became required";
    RESPONSE_TYPE_CHANGED = "response-type-changed", Breaking, "a response or error member's type changed";
    RESPONSE_ENUM_VALUE_ADDED = "response-enum-value-added", Warning,
        "a response enum gained a value, or stopped being an enum";
    RESPONSE_ENUM_VALUE_REMOVED = "response-enum-value-removed", Compatible,
        "a response enum lost a value, or a free string became an enum";
    RESPONSE_MAX_LENGTH_INCREASED = "response-max-length-increased", Warning,
        "a response maxLength went up or was removed";
    RESPONSE_MAX_LENGTH_DECREASED = "response-max-length-decreased", Compatible,
        "a response maxLength went down or was set";
    RESPONSE_MIN_LENGTH_DECREASED = "response-min-length-decreased", Warning, "a response minLength went down";
    RESPONSE_MIN_LENGTH_INCREASED = "response-min-length-increased", Compatible, "a response minLength went up";
    RESPONSE_PATTERN_CHANGED = "response-pattern-changed", Warning,
        "a response pattern was removed or changed, other than a narrowed character class";
    RESPONSE_PATTERN_NARROWED = "response-pattern-narrowed", Compatible,
        "a response pattern was added, or its character class only lost items";
    ERROR_ADDED = "error-added", Warning, "the operation gained an error";
    ERROR_REMOVED = "error-removed", Compatible, "the operation lost an error";
    ERROR_FAULT_CHANGED = "error-fault-changed", Warning, "an error moved between client and server faults";
    SENSITIVITY_REMOVED = "sensitivity-removed", Warning, "a shape is no longer marked sensitive";
    SENSITIVITY_ADDED = "sensitivity-added", Compatible, "a shape became sensitive";
    SHAPE_RENAMED = "shape-renamed", Warning, "a member's shape has another name but the same kind";
    MEMBER_ORDER_CHANGED = "member-order-changed", Compatible, "a structure's members changed order";
    DOCUMENTATION_CHANGED = "documentation-changed", Compatible,
        "documentation of the operation, a shape or a member changed";
    EXAMPLE_CHANGED = "example-changed", Compatible, "a worked example was added, removed or changed";
}

/// One classified difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule that classified it.
    pub rule: &'static Rule,
    /// Where it lives.
    pub side: Side,
    /// The member path (`ResendConfirmationCodeRequest.ClientId`), error name, or `operation NAME` /
    /// `service metadata`.
    pub path: String,
    /// The attribute that differs, such as `maxLength`.
    pub what: String,
    /// The old value; `None` when absent.
    pub old: Option<String>,
    /// The new value; `None` when absent.
    pub new: Option<String>,
    /// Why it has its class, for the party that meets it.
    pub why: String,
}

impl Change {
    /// The change's class (its rule's).
    pub fn class(&self) -> Class {
        self.rule.class
    }
}
