//! The first step of the pipeline: the probes, derived from the contract tables at run time, each with the
//! expectation it serves and what its answer must be.
//!
//! Only the probes of [`Family::Delivery`] may deliver a code (at most `--max-deliveries` of them). Every
//! other probe asks about a user no pool has (with the right `SecretHash` for that name), an unknown app
//! client, or breaks a constraint: Cognito validates the input, then checks the hash, then looks the
//! user up, so a valid input is proven valid when it is answered with `UserNotFoundException` (or the
//! simulated success of `PreventUserExistenceErrors`), and nothing reaches anyone's inbox.

use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::model::{Shape, ShapeKind, StringShape};
use cognito_idp_client::secret_hash;
use proptest::strategy::{Strategy as _, ValueTree as _};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value};

use crate::expectation::{Expectation, Family, sources};
use crate::pattern::{self, Atom, CharClass, Plane};
use crate::strategies::{self, Constraint, Step};
use crate::target::{Target, stranger};
use crate::text::kebab;

/// The error of a constraint violation.
pub const INVALID_PARAMETER: &[&str] = &["InvalidParameterException"];
/// The errors of a member of the wrong JSON type.
pub const WRONG_TYPE: &[&str] = &["SerializationException", "InvalidParameterException"];
/// The error of a wrong, missing or misplaced `SecretHash`.
pub const NOT_AUTHORIZED: &[&str] = &["NotAuthorizedException"];
/// The error of an unknown app client.
pub const RESOURCE_NOT_FOUND: &[&str] = &["ResourceNotFoundException"];
/// The error of an unknown user.
pub const USER_NOT_FOUND: &str = "UserNotFoundException";
/// The errors of a pool that limits deliveries: where a delivery was expected, not judged.
pub const RATE_LIMITS: &[&str] = &["LimitExceededException", "TooManyRequestsException"];
/// The error of a throttled request: never judged.
pub const THROTTLED: &str = "TooManyRequestsException";

/// An HTTP method the probes use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The operation's method.
    Post,
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// The request of a probe: sent to the endpoint's path with `Content-Type: application/x-amz-json-1.1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The `X-Amz-Target` header, or none.
    pub target: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// A request framed as the contract says: `POST /`, the operation's target, `input` as the body.
    pub fn framed(input: &Value) -> Self {
        Self { method: Method::Post, target: Some(contract::TARGET.to_owned()), body: input.to_string().into_bytes() }
    }
}

/// What a probe's answer must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Past validation and the hash check: the unknown user's answer, `UserNotFoundException` (or, with
    /// `PreventUserExistenceErrors`, a simulated success).
    Accepted,
    /// An error with one of these codes.
    Error(&'static [&'static str]),
    /// Accepted, or refused with one of these codes.
    AcceptedOr(&'static [&'static str]),
    /// A success that delivers a code; a rate limit ([`RATE_LIMITS`]) is not judged.
    Delivery,
    /// A 4xx error whose code the protocol's rules decode and that is not the operation's answer to the
    /// body (the request is not the operation's); with `any_4xx`, any 4xx status is right.
    Refusal {
        /// Whether any 4xx status is right (a method other than POST).
        any_4xx: bool,
    },
}

/// Who a probe asks about: what its success would mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A user no pool has, or an unknown app client: a success delivers nothing.
    Nobody,
    /// The unconfirmed user: a success delivers a code.
    Unconfirmed,
    /// The confirmed user: a success would deliver a code too.
    Confirmed,
}

/// One probe.
#[derive(Clone, Debug)]
pub struct Probe {
    /// The stable id: the expectation's id, `/`, the probe's name (`auth.wrong-secret-hash/last-character`).
    pub id: String,
    /// The index of its expectation in [`Plan::expectations`].
    pub expectation: usize,
    /// What it sends, in words.
    pub what: String,
    /// The request.
    pub request: Request,
    /// What the answer must be.
    pub want: Want,
    /// Who it asks about.
    pub subject: Subject,
}

impl Probe {
    /// Whether it counts against the delivery budget.
    pub fn delivers(&self) -> bool {
        self.want == Want::Delivery
    }

    /// The probe's name, after the expectation id.
    pub fn name(&self) -> &str {
        self.id.rsplit_once('/').map_or(&self.id, |(_, name)| name)
    }
}

/// How much the check probes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The most requests that may deliver a code.
    pub max_deliveries: u32,
    /// The random valid inputs to send (for an unknown user).
    pub valid_cases: u32,
}

/// The default delivery budget.
pub const DEFAULT_MAX_DELIVERIES: u32 = 2;
/// The default number of random valid inputs.
pub const DEFAULT_VALID_CASES: u32 = 8;

impl Default for Settings {
    fn default() -> Self {
        Self { max_deliveries: DEFAULT_MAX_DELIVERIES, valid_cases: DEFAULT_VALID_CASES }
    }
}

/// The probes of one run.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The expectations judged on their own probes, in report order (the rules over every answer are
    /// [`crate::judge::RULES`]).
    pub expectations: Vec<Expectation>,
    /// Expectations that do not apply to this target, with why.
    pub not_applicable: Vec<(Expectation, String)>,
    /// The probes, in plan order.
    pub probes: Vec<Probe>,
    /// The probe sent first, alone, to prove that the address answers and the setup is right (it delivers
    /// nothing).
    pub preflight: usize,
    /// The user no pool has, which most probes ask about.
    pub stranger: String,
}

impl Plan {
    /// The expectation of a probe.
    pub fn expectation_of(&self, probe: &Probe) -> &Expectation {
        &self.expectations[probe.expectation]
    }
}

struct Planner<'t> {
    target: &'t Target,
    stranger: String,
    /// Random hexadecimal digits that make this run's made-up values its own.
    salt: String,
    plan: Plan,
}

/// The probes for `target`.
pub fn plan(target: &Target, settings: &Settings) -> Result<Plan, String> {
    let stranger = stranger();
    let salt = stranger.rsplit('-').next().unwrap_or_default()[..8].to_owned();
    let mut planner = Planner {
        target,
        stranger: stranger.clone(),
        salt,
        plan: Plan { expectations: Vec::new(), not_applicable: Vec::new(), probes: Vec::new(), preflight: 0, stranger },
    };
    planner.lookups();
    planner.auth();
    planner.validation()?;
    planner.valid_inputs(settings.valid_cases)?;
    planner.deliveries(settings.max_deliveries)?;
    planner.protocol();
    let mut plan = planner.plan;
    // Report order: by family, then plan order.
    let mut order: Vec<usize> = (0..plan.expectations.len()).collect();
    order.sort_by_key(|i| (plan.expectations[*i].family, *i));
    let mut new_index = vec![0; order.len()];
    for (new, old) in order.iter().enumerate() {
        new_index[*old] = new;
    }
    plan.expectations = order.iter().map(|i| plan.expectations[*i].clone()).collect();
    for probe in &mut plan.probes {
        probe.expectation = new_index[probe.expectation];
    }
    plan.not_applicable.sort_by_key(|(e, _)| e.family);
    Ok(plan)
}

impl Planner<'_> {
    fn expect(&mut self, expectation: Expectation) -> usize {
        debug_assert!(!self.plan.expectations.iter().any(|e| e.id == expectation.id), "{}", expectation.id);
        self.plan.expectations.push(expectation);
        self.plan.expectations.len() - 1
    }

    fn probe(&mut self, expectation: usize, name: &str, what: impl Into<String>, request: Request, want: Want) {
        self.probe_about(expectation, name, what, request, want, Subject::Nobody);
    }

    fn probe_about(
        &mut self,
        expectation: usize,
        name: &str,
        what: impl Into<String>,
        request: Request,
        want: Want,
        subject: Subject,
    ) {
        let id = format!("{}/{name}", self.plan.expectations[expectation].id);
        debug_assert!(!self.plan.probes.iter().any(|p| p.id == id), "{id}");
        self.plan.probes.push(Probe { id, expectation, what: what.into(), request, want, subject });
    }

    fn not_applicable(&mut self, expectation: Expectation, why: impl Into<String>) {
        self.plan.not_applicable.push((expectation, why.into()));
    }

    /// The stranger's request: the target's client id, the stranger, the right hash for them.
    fn base(&self) -> Map<String, Value> {
        self.target.request_for(&self.target.client_id, &self.stranger)
    }

    fn with_hash(&self, hash: Option<String>) -> Value {
        let mut input = self.base();
        match hash {
            Some(hash) => input.insert("SecretHash".to_owned(), Value::String(hash)),
            None => input.shift_remove("SecretHash"),
        };
        Value::Object(input)
    }

    fn lookups(&mut self) {
        let target = self.target;
        let title = if target.prevent_user_existence_errors {
            "an unknown user, with the right SecretHash for that name, answers a simulated success \
             (PreventUserExistenceErrors)"
        } else {
            "an unknown user, with the right SecretHash for that name, answers UserNotFoundException"
        };
        let unknown_user = self.expect(Expectation::new(Family::Lookup, "unknown-user", title, sources::UNKNOWN_USER));
        self.plan.preflight = self.plan.probes.len();
        let base = Value::Object(self.base());
        self.probe(unknown_user, "right-secret-hash", "a user no pool has", Request::framed(&base), Want::Accepted);

        let unknown_client = self.expect(Expectation::new(
            Family::Lookup,
            "unknown-client",
            "an unknown app client answers ResourceNotFoundException",
            sources::UNKNOWN_CLIENT,
        ));
        let client = target.unknown_client_id();
        let input = Value::Object(target.request_for(client, &self.stranger));
        self.probe(
            unknown_client,
            "right-secret-hash",
            format!("app client {client}"),
            Request::framed(&input),
            Want::Error(RESOURCE_NOT_FOUND),
        );

        let confirmed = Expectation::new(
            Family::Lookup,
            "confirmed-user",
            "a confirmed user answers InvalidParameterException (nothing to confirm)",
            sources::CONFIRMED,
        );
        match &target.confirmed_username {
            Some(user) => {
                let index = self.expect(confirmed);
                let input = Value::Object(target.request_for(&target.client_id, user));
                self.probe_about(
                    index,
                    "right-secret-hash",
                    format!("the confirmed user {user}"),
                    Request::framed(&input),
                    Want::Error(INVALID_PARAMETER),
                    Subject::Confirmed,
                );
            }
            None => self.not_applicable(confirmed, "no --confirmed-username"),
        }
    }

    fn auth(&mut self) {
        let target = self.target;
        let (client, stranger) = (target.client_id.clone(), self.stranger.clone());
        let wrong = Expectation::new(
            Family::Auth,
            "wrong-secret-hash",
            "a SecretHash that differs from the right one anywhere is refused with NotAuthorizedException",
            sources::SECRET_HASH,
        );
        let missing = Expectation::new(
            Family::Auth,
            "missing-secret-hash",
            "no SecretHash, for an app client with a secret, answers NotAuthorizedException",
            sources::SECRET_HASH,
        );
        let swapped = Expectation::new(
            Family::Auth,
            "swapped-secret-hash",
            "a SecretHash over the client id then the username answers NotAuthorizedException",
            sources::SECRET_HASH,
        );
        let other_user = Expectation::new(
            Family::Auth,
            "other-users-secret-hash",
            "another user's right SecretHash answers NotAuthorizedException",
            sources::SECRET_HASH,
        );
        let unexpected = Expectation::new(
            Family::Auth,
            "unexpected-secret-hash",
            "a SecretHash sent for an app client without a secret is ignored or refused (NotAuthorizedException or \
             InvalidParameterException)",
            sources::UNEXPECTED_SECRET_HASH,
        );
        let Some(secret) = target.secret.clone() else {
            let no_secret = "the app client has no secret (no --client-secret-file)";
            for expectation in [wrong, missing, swapped, other_user] {
                self.not_applicable(expectation, no_secret);
            }
            let index = self.expect(unexpected);
            let hash = secret_hash(b"conformance", &stranger, &client);
            self.probe(
                index,
                "any-secret-hash",
                "a SecretHash for an app client without a secret",
                Request::framed(&self.with_hash(Some(hash))),
                Want::AcceptedOr(&["NotAuthorizedException", "InvalidParameterException"]),
            );
            return;
        };
        self.not_applicable(unexpected, "the app client has a secret (--client-secret-file)");
        let right = secret_hash(secret.expose(), &stranger, &client);
        let mut other_secret = secret.expose().to_vec();
        other_secret.push(b'!');
        let index = self.expect(wrong);
        let mut variants: Vec<(&str, String, String)> = vec![
            ("other-secret", "computed with another secret".to_owned(), secret_hash(&other_secret, &stranger, &client)),
            ("without-username", "over the client id alone".to_owned(), secret_hash(secret.expose(), "", &client)),
            (
                "other-client-id",
                "computed for another app client".to_owned(),
                secret_hash(secret.expose(), &stranger, target.unknown_client_id()),
            ),
        ];
        let data_end = right.trim_end_matches('=').len();
        for (name, what, at) in [
            ("first-character", "its first character changed", 0),
            ("middle-character", "a middle character changed", data_end / 2),
            ("last-character", "its last character before the padding changed", data_end.saturating_sub(1)),
        ] {
            variants.push((name, what.to_owned(), altered(&right, at)));
        }
        if let Some(flipped) = case_flipped(&right) {
            variants.push(("letter-case", "one letter in the other case".to_owned(), flipped));
        }
        variants.push(("truncated", "its last four characters cut".to_owned(), right[..right.len() - 4].to_owned()));
        variants.push(("extended", "one character added".to_owned(), format!("{right}A")));
        if right.ends_with('=') {
            variants.push(("without-padding", "its `=` padding left out".to_owned(), data_end_str(&right)));
        }
        for (name, what, hash) in variants {
            debug_assert_ne!(hash, right, "{name}");
            let request = Request::framed(&self.with_hash(Some(hash)));
            self.probe(index, name, format!("the right SecretHash {what}"), request, Want::Error(NOT_AUTHORIZED));
        }
        let index = self.expect(missing);
        self.probe(
            index,
            "no-secret-hash",
            "no SecretHash",
            Request::framed(&self.with_hash(None)),
            Want::Error(NOT_AUTHORIZED),
        );
        let index = self.expect(swapped);
        let hash = secret_hash(secret.expose(), &client, &stranger);
        self.probe(
            index,
            "client-id-first",
            "HMAC over the client id then the username",
            Request::framed(&self.with_hash(Some(hash))),
            Want::Error(NOT_AUTHORIZED),
        );
        let index = self.expect(other_user);
        let hash = secret_hash(secret.expose(), &target.username, &client);
        self.probe(
            index,
            "unconfirmed-users-hash",
            format!("the right SecretHash of {} sent with another username", target.username),
            Request::framed(&self.with_hash(Some(hash))),
            Want::Error(NOT_AUTHORIZED),
        );
    }

    fn validation(&mut self) -> Result<(), String> {
        let base = Value::Object(self.base());
        for site in strategies::sites(INPUT) {
            let path = path_id(&site.path);
            match &site.constraint {
                Constraint::MissingRequired(member) => {
                    let mut full = site.path.clone();
                    full.push(Step::Member(member));
                    let index = self.expect(Expectation::new(
                        Family::Validation,
                        &format!("{}.required", path_id(&full)),
                        format!(
                            "a request without {} (absent or null) answers InvalidParameterException",
                            shown(&full)
                        ),
                        sources::VALIDATION,
                    ));
                    let absent = strategies::example_invalid(INPUT, &base, &site)
                        .map_err(|e| e.to_string())?
                        .ok_or_else(|| format!("no request without {member}"))?;
                    self.probe(
                        index,
                        "absent",
                        format!("{member} left out"),
                        Request::framed(&absent),
                        Want::Error(INVALID_PARAMETER),
                    );
                    let null = strategies::with_value_at(INPUT, &base, &full, Value::Null)
                        .map_err(|e| e.to_string())?
                        .ok_or_else(|| format!("no request with a null {member}"))?;
                    self.probe(
                        index,
                        "null",
                        format!("{member}: null"),
                        Request::framed(&null),
                        Want::Error(INVALID_PARAMETER),
                    );
                }
                Constraint::WrongType => {
                    let index = self.expect(Expectation::new(
                        Family::Validation,
                        &format!("{path}.type"),
                        format!(
                            "{} of the wrong JSON type answers SerializationException or InvalidParameterException",
                            shown(&site.path)
                        ),
                        sources::TYPES,
                    ));
                    let (name, bad) = match site.shape.kind {
                        ShapeKind::String(_) => ("number", Value::from(12345)),
                        _ => ("string", Value::String("not a structure".to_owned())),
                    };
                    let input = strategies::with_value_at(INPUT, &base, &site.path, bad.clone())
                        .map_err(|e| e.to_string())?
                        .ok_or_else(|| format!("no request with {}", shown(&site.path)))?;
                    self.probe(
                        index,
                        name,
                        format!("{}: {bad}", shown(&site.path)),
                        Request::framed(&if site.path == [Step::Member("SecretHash")] {
                            input
                        } else {
                            self.target.rehash(input)
                        }),
                        Want::Error(WRONG_TYPE),
                    );
                }
                _ => {}
            }
        }
        for (path, shape) in strategies::string_positions(INPUT) {
            let ShapeKind::String(string) = &shape.kind else { continue };
            self.lengths(&base, &path, shape, string)?;
            self.pattern(&base, &path, shape, string)?;
        }
        Ok(())
    }

    /// What a value at `path` that passes validation is answered: the lookup that comes next.
    fn accepted_at(&self, path: &[Step]) -> Want {
        match path {
            [Step::Member("ClientId")] => Want::Error(RESOURCE_NOT_FOUND),
            [Step::Member("SecretHash")] => Want::Error(NOT_AUTHORIZED),
            _ => Want::Accepted,
        }
    }

    /// The request with `text` at `path`, and the right hash for its client id and username.
    fn request_with(&self, base: &Value, path: &[Step], text: String) -> Result<Request, String> {
        let input = strategies::with_value_at(INPUT, base, path, Value::String(text))
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("no request with {}", shown(path)))?;
        let input = if path == [Step::Member("SecretHash")] { input } else { self.target.rehash(input) };
        Ok(Request::framed(&input))
    }

    /// Whether probes that pass validation can be judged at `path`: a `SecretHash` that passes validation is
    /// judged by the hash check, which an app client without a secret may answer either way.
    fn accepted_judgeable(&self, path: &[Step]) -> bool {
        !(path == [Step::Member("SecretHash")] && self.target.secret.is_none())
    }

    fn lengths(&mut self, base: &Value, path: &[Step], shape: &'static Shape, s: &StringShape) -> Result<(), String> {
        let class = strategies::class_of(s).map_err(|e| e.to_string())?;
        let min = usize::try_from(s.min.unwrap_or(0)).map_err(|e| e.to_string())?;
        let id = path_id(path);
        let where_ = format!("{} ({})", shown(path), shape.name);
        let accepted = self.accepted_at(path);
        let judgeable = self.accepted_judgeable(path);
        let fill = Fill::new(class.as_ref(), &self.salt);
        let floor_allows_empty = class.as_ref().is_none_or(|c| c.allows_empty);
        if min > 0 || floor_allows_empty {
            let index = self.expect(Expectation::new(
                Family::Validation,
                &format!("{id}.min-length"),
                format!("{where_}: {min} characters are accepted{}", if min > 0 { ", one fewer refused" } else { "" }),
                if min > 0 { sources::VALIDATION } else { sources::CONSTRAINTS },
            ));
            if judgeable {
                let request = self.request_with(base, path, fill.text(min, false))?;
                self.probe(index, "at-limit", format!("{} of {min} characters", shown(path)), request, accepted);
            }
            if min > 0 {
                let request = self.request_with(base, path, fill.text(min - 1, false))?;
                let what = format!("{} of {} characters", shown(path), min - 1);
                self.probe(index, "below-limit", what, request, Want::Error(INVALID_PARAMETER));
            }
            if self.plan.probes.last().is_none_or(|p| p.expectation != index) {
                self.plan.expectations.pop();
            }
        }
        if let Some(max) = s.max {
            let max = usize::try_from(max).map_err(|e| e.to_string())?;
            let index = self.expect(Expectation::new(
                Family::Validation,
                &format!("{id}.max-length"),
                format!("{where_}: {max} characters are accepted, one more refused"),
                sources::VALIDATION,
            ));
            if judgeable {
                let request = self.request_with(base, path, fill.text(max, false))?;
                self.probe(index, "at-limit", format!("{} of {max} characters", shown(path)), request, accepted);
                if let Some(wide) = fill.wide {
                    let request = self.request_with(base, path, fill.text(max, true))?;
                    let what =
                        format!("{} of {max} characters, most of them {wide:?} (two bytes of UTF-8)", shown(path));
                    self.probe(index, "at-limit-multibyte", what, request, accepted);
                }
            }
            let request = self.request_with(base, path, fill.text(max + 1, false))?;
            let what = format!("{} of {} characters", shown(path), max + 1);
            self.probe(index, "past-limit", what, request, Want::Error(INVALID_PARAMETER));
        }
        Ok(())
    }

    fn pattern(&mut self, base: &Value, path: &[Step], shape: &'static Shape, s: &StringShape) -> Result<(), String> {
        let Some(class) = strategies::class_of(s).map_err(|e| e.to_string())? else { return Ok(()) };
        let index = self.expect(Expectation::new(
            Family::Validation,
            &format!("{}.pattern", path_id(path)),
            format!(
                "{} ({}): a character of each class {} allows is accepted, one of each class it excludes refused",
                shown(path),
                shape.name,
                class.source
            ),
            sources::VALIDATION,
        ));
        let accepted = self.accepted_at(path);
        let fill = Fill::new(Some(&class), &self.salt);
        if self.accepted_judgeable(path) {
            for (name, c) in allowed_characters(&class) {
                let request = self.request_with(base, path, fill.around(c))?;
                self.probe(
                    index,
                    &format!("allows-{name}"),
                    format!("{} with {}", shown(path), char_shown(c)),
                    request,
                    accepted,
                );
            }
        }
        for (name, c) in excluded_characters(&class) {
            let request = self.request_with(base, path, fill.around(c))?;
            let what = format!("{} with {} in the middle", shown(path), char_shown(c));
            self.probe(index, &format!("refuses-{name}"), what, request, Want::Error(INVALID_PARAMETER));
        }
        Ok(())
    }

    fn valid_inputs(&mut self, count: u32) -> Result<(), String> {
        let index = self.expect(Expectation::new(
            Family::Input,
            "random-optional-members",
            "random valid ClientMetadata, AnalyticsMetadata and UserContextData are accepted",
            sources::VALID_INPUTS,
        ));
        let base = self.base();
        for (n, input) in random_inputs(&base, count, 1)?.into_iter().enumerate() {
            let what = format!("a user no pool has, with {}", members_shown(&input));
            self.probe(index, &format!("case-{}", n + 1), what, Request::framed(&input), Want::Accepted);
        }
        Ok(())
    }

    fn deliveries(&mut self, budget: u32) -> Result<(), String> {
        let target = self.target;
        let expectation = Expectation::new(
            Family::Delivery,
            "unconfirmed-user",
            format!(
                "the right request for the unconfirmed user {} answers a success (a code is sent)",
                target.username
            ),
            sources::DELIVERY,
        );
        if budget == 0 {
            self.not_applicable(expectation, "--max-deliveries 0: no request may deliver a code");
            return Ok(());
        }
        let index = self.expect(expectation);
        let base = target.request_for(&target.client_id, &target.username);
        self.probe_about(
            index,
            "plain",
            format!("the unconfirmed user {}", target.username),
            Request::framed(&Value::Object(base.clone())),
            Want::Delivery,
            Subject::Unconfirmed,
        );
        let more = usize::try_from(budget - 1).map_err(|e| e.to_string())?;
        for (n, input) in random_inputs(&base, u32::try_from(more).unwrap_or(u32::MAX), 2)?.into_iter().enumerate() {
            let name = if n == 0 { "optional-members".to_owned() } else { format!("optional-members-{}", n + 1) };
            let what = format!("the unconfirmed user {}, with {}", target.username, members_shown(&input));
            self.probe_about(index, &name, what, Request::framed(&input), Want::Delivery, Subject::Unconfirmed);
        }
        Ok(())
    }

    fn protocol(&mut self) {
        let valid = Value::Object(self.base());
        let body = valid.to_string();
        let framed = Request::framed(&valid);
        let refusals: Vec<(&str, &str, Request, bool)> = vec![
            ("missing-target", "no X-Amz-Target", Request { target: None, ..framed.clone() }, false),
            (
                "other-operation-target",
                "another operation's X-Amz-Target",
                Request { target: Some(format!("{}.NoSuchOperation", contract::TARGET_PREFIX)), ..framed.clone() },
                false,
            ),
            (
                "other-service-target",
                "another service's X-Amz-Target",
                Request { target: Some(format!("AnotherService.{}", contract::OPERATION)), ..framed.clone() },
                false,
            ),
            (
                "not-json",
                "a body that is not JSON",
                Request { body: body.as_bytes()[..body.len() / 2].to_vec(), ..framed.clone() },
                false,
            ),
            ("empty-body", "an empty body", Request { body: Vec::new(), ..framed.clone() }, false),
            ("json-array", "a JSON array", Request { body: format!("[{body}]").into_bytes(), ..framed.clone() }, false),
            (
                "json-string",
                "a JSON string",
                Request { body: b"\"ResendConfirmationCode\"".to_vec(), ..framed.clone() },
                false,
            ),
            ("get", "GET instead of POST", Request { method: Method::Get, ..framed.clone() }, true),
            ("put", "PUT instead of POST", Request { method: Method::Put, ..framed.clone() }, true),
            ("delete", "DELETE instead of POST", Request { method: Method::Delete, ..framed.clone() }, true),
        ];
        for (name, what, request, any_4xx) in refusals {
            let index = self.expect(Expectation::new(
                Family::Protocol,
                name,
                format!("{what} answers a 4xx error with a code, not the operation's answer"),
                sources::PROTOCOL,
            ));
            self.probe(
                index,
                "unknown-user",
                format!("{what}, for a user no pool has"),
                request,
                Want::Refusal { any_4xx },
            );
        }
        let index = self.expect(Expectation::new(
            Family::Protocol,
            "unknown-member",
            "an unknown member is ignored, or refused with SerializationException or InvalidParameterException",
            sources::UNKNOWN_MEMBER,
        ));
        let mut unknown = valid.clone();
        if let Some(object) = unknown.as_object_mut() {
            object.insert("ConformanceUnknownMember".to_owned(), Value::String("ignored".to_owned()));
        }
        self.probe(
            index,
            "top-level",
            "an extra member ConformanceUnknownMember",
            Request::framed(&unknown),
            Want::AcceptedOr(WRONG_TYPE),
        );
        let index = self.expect(Expectation::new(
            Family::Protocol,
            "null-members",
            "null optional members are taken as absent",
            sources::NULLS,
        ));
        let mut nulls = valid.clone();
        let mut nested = valid;
        if let (Some(nulls), Some(nested)) = (nulls.as_object_mut(), nested.as_object_mut()) {
            // SecretHash stays: for an app client with a secret, no hash is rightly refused.
            let absent: Vec<&str> = optional_members().into_iter().filter(|m| !nulls.contains_key(*m)).collect();
            for member in absent {
                nulls.insert(member.to_owned(), Value::Null);
            }
            for (member, inner) in nested_optional_members() {
                let mut object = Map::new();
                object.insert(inner.to_owned(), Value::Null);
                nested.insert(member.to_owned(), Value::Object(object));
            }
        }
        self.probe(index, "top-level", "every optional member null", Request::framed(&nulls), Want::Accepted);
        if nested.as_object().is_some_and(|o| o.len() != self.base().len()) {
            self.probe(
                index,
                "nested",
                "the optional members of nested structures null",
                Request::framed(&nested),
                Want::Accepted,
            );
        }
    }
}

/// The input's optional members.
fn optional_members() -> Vec<&'static str> {
    match &INPUT.kind {
        ShapeKind::Structure(s) => s.members.iter().map(|m| m.name).filter(|m| !s.required.contains(m)).collect(),
        _ => Vec::new(),
    }
}

/// Optional structure members of the input with an optional member of their own.
fn nested_optional_members() -> Vec<(&'static str, &'static str)> {
    let ShapeKind::Structure(s) = &INPUT.kind else { return Vec::new() };
    s.members
        .iter()
        .filter(|m| !s.required.contains(&m.name))
        .filter_map(|m| match &m.shape.kind {
            ShapeKind::Structure(inner) => {
                inner.members.iter().find(|i| !inner.required.contains(&i.name)).map(|i| (m.name, i.name))
            }
            _ => None,
        })
        .collect()
}

/// Random valid inputs of the contract with the members of `base` in place, from a fixed seed per use.
fn random_inputs(base: &Map<String, Value>, count: u32, seed: u8) -> Result<Vec<Value>, String> {
    let strategy = strategies::valid(INPUT).map_err(|e| e.to_string())?;
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    (0..count)
        .map(|_| {
            let mut input = strategy.new_tree(&mut runner).map_err(|e| e.to_string())?.current();
            if let Some(object) = input.as_object_mut() {
                object.shift_remove("SecretHash");
                for (key, value) in base {
                    object.insert(key.clone(), value.clone());
                }
            }
            Ok(input)
        })
        .collect()
}

/// The optional members an input carries, by name.
fn members_shown(input: &Value) -> String {
    let names: Vec<&str> = input
        .as_object()
        .map(|o| {
            o.keys().map(String::as_str).filter(|k| !matches!(*k, "ClientId" | "Username" | "SecretHash")).collect()
        })
        .unwrap_or_default();
    if names.is_empty() { "no optional member".to_owned() } else { names.join(", ") }
}

/// `client-metadata.key`, `user-context-data.ip-address`.
pub fn path_id(path: &[Step]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|step| match step {
            Step::Member(name) => kebab(name),
            Step::MapKey => "key".to_owned(),
            Step::MapValue => "value".to_owned(),
        })
        .collect();
    if parts.is_empty() { "input".to_owned() } else { parts.join(".") }
}

/// `Username`, `ClientMetadata{key}`, `UserContextData.IpAddress`.
fn shown(path: &[Step]) -> String {
    let text = strategies::path_text(path);
    text.strip_prefix("$.").unwrap_or(&text).to_owned()
}

/// `U+00E9 'é'`.
fn char_shown(c: char) -> String {
    if c.is_control() || c.is_whitespace() || pattern::category_of(c).is_some_and(|k| k.starts_with('C') || k == "M") {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("U+{:04X} '{c}'", u32::from(c))
    }
}

/// The probe-name part of a character: `U+002D`.
fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// One character of each class the pattern's items allow: `\w` as a letter, a digit and `_`; each literal
/// and each end of a range; each Unicode category in each plane where it has characters.
fn allowed_characters(class: &CharClass) -> Vec<(String, char)> {
    let mut out: Vec<(String, char)> = Vec::new();
    let mut push = |name: String, c: char| {
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, c));
        }
    };
    for atom in &class.atoms {
        match atom {
            Atom::Word => {
                push("word-letter".to_owned(), 'a');
                push("word-digit".to_owned(), '7');
                push("word-underscore".to_owned(), '_');
            }
            Atom::Digit => push("digit".to_owned(), '7'),
            Atom::Literal(c) => push(code(*c), *c),
            Atom::Range(a, b) => {
                push(code(*a), *a);
                push(code(*b), *b);
            }
            Atom::Category(category) => {
                for plane in Plane::ALL {
                    if let Some(c) = pattern::representative(category, plane, |_| true) {
                        push(format!("{category}-{}", plane.name()), c);
                    }
                }
            }
        }
    }
    out
}

/// One character of each class the pattern excludes: every printable ASCII character outside it (where
/// near misses live: `-` in a client id, a space in a username), then one of each category of the Unicode
/// table in each plane that has characters outside it.
fn excluded_characters(class: &CharClass) -> Vec<(String, char)> {
    let mut out: Vec<(String, char)> =
        (0x20u8..=0x7e).map(char::from).filter(|c| !class.contains(*c)).map(|c| (code(c), c)).collect();
    for (category, _) in crate::unicode_table::CLASSES {
        for plane in Plane::ALL {
            // ASCII's printable characters are probed one by one above; a category the class names whole has
            // nothing outside it (and scanning it would cost a walk over every character of the category).
            if (plane == Plane::Ascii && !category.starts_with('C')) || class.atoms.contains(&Atom::Category(category))
            {
                continue;
            }
            if let Some(c) = pattern::representative(category, plane, |c| !class.contains(c)) {
                out.push((format!("{category}-{}", plane.name()), c));
            }
        }
    }
    out
}

/// The characters a made-up value is built of: its own, so that no probe names a user or client that
/// exists, and inside the pattern (a one-character value takes a rare character of the class).
struct Fill {
    /// `conformance` and the run's salt, in the class (or the class's first character repeated).
    body: Vec<char>,
    /// A rare character of the class, for values too short for the body.
    rare: char,
    /// A non-ASCII character of the basic plane in the class, for values counted in bytes by mistake.
    wide: Option<char>,
}

impl Fill {
    fn new(class: Option<&CharClass>, salt: &str) -> Self {
        let inside = |c: char| class.is_none_or(|k| k.contains(c));
        let word = format!("conformance{salt}");
        let body: Vec<char> = if word.chars().all(inside) {
            word.chars().collect()
        } else {
            vec![class.and_then(CharClass::first_inside).unwrap_or('a')]
        };
        let rare = ['\u{1d538}', '\u{e9}', '_', '+']
            .into_iter()
            .find(|c| inside(*c))
            .or_else(|| class.and_then(CharClass::first_inside))
            .unwrap_or('a');
        let wide = ['\u{e9}', '\u{436}', '\u{20ac}'].into_iter().find(|c| inside(*c));
        Self { body, rare, wide }
    }

    /// `len` characters: the body, cut or padded (with the wide character when `wide`).
    fn text(&self, len: usize, wide: bool) -> String {
        if len < self.body.len().min(8) {
            return std::iter::repeat_n(self.rare, len).collect();
        }
        let pad = if wide { self.wide.unwrap_or(self.body[0]) } else { self.body[0] };
        self.body.iter().copied().chain(std::iter::repeat(pad)).take(len).collect()
    }

    /// The body with `c` in the middle.
    fn around(&self, c: char) -> String {
        let half = self.body.len() / 2;
        let (head, tail) = self.body.split_at(half.max(1).min(self.body.len()));
        let mut text: String = head.iter().collect();
        text.push(c);
        text.extend(tail.iter());
        if tail.is_empty() {
            text.push(self.body[0]);
        }
        text
    }
}

const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `hash` with the character at `at` replaced by one 16 places further in the Base64 alphabet, which changes
/// the high bits it encodes (a change of the low bits of the last character may decode to the same bytes).
fn altered(hash: &str, at: usize) -> String {
    hash.char_indices()
        .map(|(i, c)| {
            if i != at {
                return c;
            }
            let position = BASE64.iter().position(|b| char::from(*b) == c).unwrap_or(0);
            char::from(BASE64[(position + 16) % 64])
        })
        .collect()
}

/// `hash` with its first letter in the other case.
fn case_flipped(hash: &str) -> Option<String> {
    let at = hash.find(|c: char| c.is_ascii_alphabetic())?;
    Some(
        hash.char_indices()
            .map(|(i, c)| {
                if i == at {
                    if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn data_end_str(hash: &str) -> String {
    hash.trim_end_matches('=').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::Secret;

    fn target(secret: bool) -> Target {
        Target {
            confirmed_username: Some("john".to_owned()),
            ..Target::new("http://127.0.0.1:1", "client1", "jane", secret.then(|| Secret::new(b"s3cret".to_vec())))
        }
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.probes.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn probe_ids_are_unique_and_name_their_expectation() {
        for secret in [false, true] {
            let plan = plan(&target(secret), &Settings::default()).expect("a plan");
            let mut seen = std::collections::HashSet::new();
            for probe in &plan.probes {
                assert!(seen.insert(&probe.id), "{} twice", probe.id);
                assert!(probe.id.starts_with(&format!("{}/", plan.expectation_of(probe).id)), "{}", probe.id);
            }
            assert!(plan.expectations.windows(2).all(|w| w[0].family <= w[1].family));
        }
    }

    #[test]
    fn only_delivery_probes_ask_about_the_unconfirmed_user_and_they_fit_the_budget() {
        for budget in [0, 1, 2, 5] {
            let plan = plan(&target(true), &Settings { max_deliveries: budget, valid_cases: 8 }).expect("a plan");
            let delivering: Vec<&Probe> = plan.probes.iter().filter(|p| p.delivers()).collect();
            assert_eq!(delivering.len(), budget as usize);
            for probe in &plan.probes {
                let body = String::from_utf8_lossy(&probe.request.body);
                let names_jane = body.contains("\"Username\":\"jane\"");
                assert_eq!(names_jane, probe.subject == Subject::Unconfirmed, "{}: {body}", probe.id);
            }
        }
    }

    #[test]
    fn length_limits_are_probed_at_and_past_the_limit() {
        let plan = plan(&target(true), &Settings::default()).expect("a plan");
        let body_of = |id: &str| -> Value {
            let probe = plan.probes.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no probe {id}"));
            serde_json::from_slice(&probe.request.body).expect("json")
        };
        let at = body_of("validation.username.max-length/at-limit");
        let past = body_of("validation.username.max-length/past-limit");
        assert_eq!(at["Username"].as_str().map(|s| s.chars().count()), Some(128));
        assert_eq!(past["Username"].as_str().map(|s| s.chars().count()), Some(129));
        let wide = body_of("validation.username.max-length/at-limit-multibyte");
        assert!(wide["Username"].as_str().is_some_and(|s| s.chars().count() == 128 && s.len() > 200));
        let secret = Secret::new(b"s3cret".to_vec());
        let user = at["Username"].as_str().unwrap_or_default();
        assert_eq!(at["SecretHash"], Value::String(secret_hash(secret.expose(), user, "client1")), "rehashed");
        let key = body_of("validation.client-metadata.key.max-length/at-limit");
        assert!(key["ClientMetadata"].as_object().is_some_and(|m| m.keys().all(|k| k.chars().count() == 131_072)));
        assert!(ids(&plan).contains(&"validation.client-metadata.value.min-length/at-limit"));
    }

    #[test]
    fn every_pattern_class_is_probed_beyond_ascii_with_the_bad_character_inside() {
        let plan = plan(&target(true), &Settings::default()).expect("a plan");
        let ids = ids(&plan);
        for id in [
            "validation.username.pattern/allows-L-astral",
            "validation.username.pattern/allows-M-bmp",
            "validation.username.pattern/refuses-U+0020",
            "validation.username.pattern/refuses-Z-bmp",
            "validation.client-id.pattern/refuses-U+002D",
            "validation.client-id.pattern/refuses-L-bmp",
            "validation.client-id.pattern/allows-U+002B",
            "validation.secret-hash.pattern/allows-U+003D",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        let probe = plan.probes.iter().find(|p| p.id == "validation.username.pattern/refuses-U+0020").expect("probe");
        let body: Value = serde_json::from_slice(&probe.request.body).expect("json");
        let name = body["Username"].as_str().expect("a username");
        assert!(!name.starts_with(' ') && !name.ends_with(' ') && name.contains(' '), "{name:?}");
    }

    #[test]
    fn a_client_without_a_secret_gets_no_hash_probes_and_no_accepted_hash_probes() {
        let plan = plan(&target(false), &Settings::default()).expect("a plan");
        assert!(plan.probes.iter().all(|p| !p.id.starts_with("auth.wrong-secret-hash")));
        assert!(ids(&plan).contains(&"auth.unexpected-secret-hash/any-secret-hash"));
        assert!(!plan.probes.iter().any(|p| p.id.starts_with("validation.secret-hash.pattern/allows")));
        assert!(ids(&plan).contains(&"validation.secret-hash.pattern/refuses-U+002D"));
        assert!(plan.not_applicable.iter().any(|(e, _)| e.id == "auth.wrong-secret-hash"));
    }

    #[test]
    fn wrong_hashes_differ_from_the_right_one_where_they_say() {
        let right = secret_hash(b"k", "u", "c");
        assert_eq!(right.len(), 44);
        let last = altered(&right, 42);
        assert_ne!(last, right);
        assert_eq!(last[..42], right[..42]);
        assert_ne!(case_flipped(&right), Some(right.clone()));
    }
}
