//! The server check (`--endpoint-url`): probes any implementation of the operation (an emulator, a
//! gateway, a staging stack) and names every expectation it breaks, with where the expectation comes
//! from (the contract, or AWS: Cognito's documented or observed behaviour and the AWS JSON 1.1 rules).
//!
//! The families, in report order: authentication (`SecretHash`), validation (every constraint of the
//! input, one at a time, must answer the error AWS gives, never a lookup error), lookups (unknown app
//! client, unknown or confirmed user), valid inputs (random valid optional members), the protocol (target,
//! body, method, unknown and null members), and the expectations over every answer (`expect`: time,
//! statuses, media type, request id, error encoding, output schema). [`baseline`] turns known
//! deviations into accepted ones.

pub mod baseline;
pub mod exchange;
pub mod expect;
#[cfg(test)]
mod planted;

use std::fmt;
use std::time::Duration;

use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::secret_hash;
use proptest::strategy::{Strategy as _, ValueTree as _};
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value};

use crate::report::{Detail, Progress};
use crate::strategies::{self, Constraint, Step};

use exchange::{Exchange, Probe, Prober};
use expect::{Seen, Source, Want};

/// Client secrets are a few dozen characters; a file larger than this does not hold one.
const MAX_SECRET_BYTES: u64 = 4096;

/// The server check's options (`--endpoint-url` and the options that go with it), parsed by the runner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// The endpoint URL.
    pub endpoint: String,
    /// The app client id.
    pub client_id: String,
    /// The username.
    pub username: String,
    /// The file holding the app client's secret.
    pub secret_file: Option<std::path::PathBuf>,
    /// A confirmed user of that client.
    pub confirmed_username: Option<String>,
    /// Whether the app client hides unknown users behind a simulated success.
    pub prevent_user_existence_errors: bool,
    /// The bound on each answer.
    pub response_timeout: std::time::Duration,
    /// The file of accepted deviations.
    pub baseline: Option<std::path::PathBuf>,
    /// Whether to write that file from the run.
    pub baseline_update: bool,
}

/// The implementation under test and the app client and user it knows.
#[derive(Clone)]
pub struct ServerTarget {
    /// The endpoint URL.
    pub endpoint: String,
    /// An app client of the server.
    pub client_id: String,
    /// A user of that client who has signed up and is not confirmed.
    pub username: String,
    /// The app client's secret, when it has one.
    pub secret: Option<Vec<u8>>,
    /// A confirmed user of that client, when the server has one.
    pub confirmed_username: Option<String>,
    /// Whether the app client has `PreventUserExistenceErrors` enabled: an unknown user then gets a
    /// simulated success.
    pub prevent_user_existence_errors: bool,
}

impl fmt::Debug for ServerTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerTarget")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field("username", &self.username)
            .field("secret", &self.secret.as_ref().map(|_| "*** redacted ***"))
            .field("confirmed_username", &self.confirmed_username)
            .field("prevent_user_existence_errors", &self.prevent_user_existence_errors)
            .finish()
    }
}

/// Reads an app client secret from a file: at most 4 KiB, one trailing line break dropped, not empty.
pub fn read_secret(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?.len();
    if size > MAX_SECRET_BYTES {
        return Err(format!("the client secret file {shown} is larger than {MAX_SECRET_BYTES} bytes"));
    }
    let mut bytes = std::fs::read(path).map_err(|e| format!("cannot read the client secret file {shown}: {e}"))?;
    let line_break = if bytes.ends_with(b"\r\n") { 2 } else { usize::from(bytes.ends_with(b"\n")) };
    bytes.truncate(bytes.len().saturating_sub(line_break));
    if bytes.is_empty() {
        return Err(format!("the client secret file {shown} is empty"));
    }
    Ok(bytes)
}

/// The error a constraint violation answers (reported: `1 validation error detected: Value at 'username'
/// failed to satisfy constraint: Member must satisfy regular expression pattern: ...`, with HTTP 400;
/// amazon-cognito-identity-js #388 and #551).
pub const INVALID_PARAMETER: &[&str] = &["InvalidParameterException"];

/// The errors a member of the wrong JSON type answers: AWS's JSON services refuse it while reading the
/// body (`SerializationException`, reported as `NUMBER_VALUE can not be converted to a String`); an
/// implementation that reports it as a constraint violation is accepted too.
pub const WRONG_TYPE: &[&str] = &["SerializationException", "InvalidParameterException"];

/// The error of a wrong, missing or misplaced `SecretHash`.
pub const NOT_AUTHORIZED: &[&str] = &["NotAuthorizedException"];

const AUTHENTICATION: Source = Source::Aws(
    "reported: `Unable to verify secret hash for client <id>` and `Client <id> is configured with secret but \
     SECRET_HASH was not received` (NotAuthorizedException); documented: SecretHash is \
     Base64(HMAC-SHA256(secret, username + client id))",
);
const VALIDATION: Source = Source::Aws(
    "reported: `1 validation error detected: Value at '...' failed to satisfy constraint: ...` \
     (InvalidParameterException, HTTP 400; amazon-cognito-identity-js #388, #551)",
);
const TYPES: Source = Source::Aws(
    "reported across AWS JSON services: a member of the wrong type fails deserialization \
     (SerializationException, `NUMBER_VALUE can not be converted to a String`)",
);
const UNKNOWN_CLIENT: Source =
    Source::Aws("reported: `User pool client <id> does not exist.` (ResourceNotFoundException)");
const UNKNOWN_USER: Source = Source::Aws(
    "documented: `Username/client id combination not found.` (UserNotFoundException), or a simulated \
     success when the app client's PreventUserExistenceErrors is ENABLED (Managing user existence error \
     responses)",
);
const CONFIRMED: Source = Source::Aws("reported: `User is already confirmed.` (InvalidParameterException)");
const VALID_INPUTS: Source = Source::Contract("every constraint of the input, and the 200 response's schema");
const PROTOCOL: Source = Source::Aws(
    "AWS JSON 1.1: X-Amz-Target names the operation (UnknownOperationException otherwise), the body is a \
     JSON object (SerializationException otherwise)",
);
const LENIENT: Source = Source::Aws(
    "AWS JSON 1.1: servers ignore unknown members and treat null members as absent (Smithy protocol test \
     AwsJson11ServersDontDeserializeNullStructureValues)",
);

/// The fewest random valid inputs the check sends.
pub const MIN_VALID_CASES: u32 = 8;

/// The default bound on each answer.
pub const DEFAULT_RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);

/// The random valid inputs sent for `cases` property cases: an eighth, at least [`MIN_VALID_CASES`]
/// (each one is a resend on the server, which a real pool throttles).
pub fn valid_cases(cases: u32) -> u32 {
    (cases / 8).max(MIN_VALID_CASES)
}

/// How much the check probes.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The random valid inputs to send.
    pub valid_cases: u32,
    /// The bound on each answer.
    pub response_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self { valid_cases: MIN_VALID_CASES, response_timeout: DEFAULT_RESPONSE_TIMEOUT }
    }
}

impl ServerTarget {
    /// A target with the default user settings: no confirmed user, user existence errors shown.
    pub fn new(
        endpoint: impl Into<String>,
        client_id: impl Into<String>,
        username: impl Into<String>,
        secret: Option<Vec<u8>>,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            client_id: client_id.into(),
            username: username.into(),
            secret,
            confirmed_username: None,
            prevent_user_existence_errors: false,
        }
    }

    /// The valid request: the client id, the username and, with a secret, the right `SecretHash`.
    pub fn valid_input(&self) -> Value {
        self.input_for(&self.client_id, &self.username)
    }

    /// A request for this client id and username, with the `SecretHash` the server expects for them.
    fn input_for(&self, client_id: &str, username: &str) -> Value {
        let mut input = Map::new();
        input.insert("ClientId".to_owned(), Value::String(client_id.to_owned()));
        input.insert("Username".to_owned(), Value::String(username.to_owned()));
        if let Some(secret) = &self.secret {
            input.insert("SecretHash".to_owned(), Value::String(secret_hash(secret, username, client_id)));
        }
        Value::Object(input)
    }

    /// `input` with its `SecretHash` recomputed for its own client id and username, so that an invalid
    /// client id or username breaks nothing else.
    fn rehash(&self, mut input: Value) -> Value {
        let (Some(secret), Some(object)) = (&self.secret, input.as_object_mut()) else { return input };
        if let (Some(Value::String(client_id)), Some(Value::String(username))) =
            (object.get("ClientId"), object.get("Username"))
        {
            let hash = secret_hash(secret, username, client_id);
            object.insert("SecretHash".to_owned(), Value::String(hash));
        }
        input
    }

    /// The valid request with its `SecretHash` replaced (or removed, for `None`).
    fn with_hash(&self, hash: Option<String>) -> Value {
        let mut input = self.valid_input();
        if let Some(object) = input.as_object_mut() {
            match hash {
                Some(hash) => object.insert("SecretHash".to_owned(), Value::String(hash)),
                None => object.shift_remove("SecretHash"),
            };
        }
        input
    }
}

/// One probe: its expectation's name and source, the request, and what its answer must be.
#[derive(Debug)]
struct Planned {
    name: String,
    source: Source,
    probe: Probe,
    want: Want,
    any_4xx: bool,
}

impl Planned {
    fn new(name: impl Into<String>, source: Source, probe: Probe, want: Want) -> Self {
        Self { name: name.into(), source, probe, want, any_4xx: false }
    }
}

/// The probes with one expectation each, by family, and the expectations that do not apply.
fn plan(target: &ServerTarget) -> (Vec<Planned>, Vec<Detail>) {
    let mut planned = Vec::new();
    let mut not_applicable = Vec::new();
    let valid = target.valid_input();
    planned.push(Planned::new(
        "authentication: the right SecretHash (or none, for an app client without a secret) answers a success",
        AUTHENTICATION,
        Probe::framed(&valid),
        Want::Success,
    ));
    match &target.secret {
        Some(secret) => {
            let mut other = secret.clone();
            other.push(b'!');
            let (user, client) = (&target.username, &target.client_id);
            let someone_else = format!("{user}-someone-else");
            for (what, hash) in [
                ("a wrong SecretHash", Some(secret_hash(&other, user, client))),
                ("a missing SecretHash", None),
                ("a SecretHash over the client id then the username", Some(secret_hash(secret, client, user))),
                ("another user's SecretHash", Some(secret_hash(secret, &someone_else, client))),
            ] {
                planned.push(Planned::new(
                    format!("authentication: {what} answers NotAuthorizedException"),
                    AUTHENTICATION,
                    Probe::framed(&target.with_hash(hash)),
                    Want::Error(NOT_AUTHORIZED),
                ));
            }
        }
        None => not_applicable.push(Detail::not_applicable(
            "authentication: wrong, missing and misplaced SecretHash values",
            "no --client-secret-file: the app client has no secret",
        )),
    }
    for site in strategies::sites(INPUT) {
        let (want, source) = if site.constraint == Constraint::WrongType {
            (WRONG_TYPE, TYPES)
        } else {
            (INVALID_PARAMETER, VALIDATION)
        };
        let name = format!("validation: {site} answers {}", want.join(" or "));
        let example = match strategies::example_invalid(INPUT, &valid, &site) {
            Ok(Some(example)) => example,
            Ok(None) => {
                not_applicable.push(Detail::not_applicable(name, "no deterministic example"));
                continue;
            }
            Err(e) => {
                not_applicable.push(Detail::fail(name, e.to_string()));
                continue;
            }
        };
        let on_secret_hash = site.path.first() == Some(&Step::Member("SecretHash"));
        let example = if on_secret_hash || matches!(site.constraint, Constraint::MissingRequired(_)) {
            example
        } else {
            target.rehash(example)
        };
        planned.push(Planned::new(name, source, Probe::framed(&example), Want::Error(want)));
    }
    let unknown_client =
        if target.client_id == UNKNOWN_CLIENT_ID { "1unknown1client1id11111111b" } else { UNKNOWN_CLIENT_ID };
    planned.push(Planned::new(
        "lookups: an unknown app client answers ResourceNotFoundException",
        UNKNOWN_CLIENT,
        Probe::framed(&target.input_for(unknown_client, &target.username)),
        Want::Error(&["ResourceNotFoundException"]),
    ));
    let stranger = format!("nobody-{}", uuid::Uuid::new_v4().simple());
    let (name, want) = if target.prevent_user_existence_errors {
        ("lookups: an unknown user answers a simulated success (PreventUserExistenceErrors)", Want::Success)
    } else {
        ("lookups: an unknown user answers UserNotFoundException", Want::Error(&["UserNotFoundException"]))
    };
    planned.push(Planned::new(
        name,
        UNKNOWN_USER,
        Probe::framed(&target.input_for(&target.client_id, &stranger)),
        want,
    ));
    let confirmed = "lookups: a confirmed user answers InvalidParameterException";
    match &target.confirmed_username {
        Some(user) => planned.push(Planned::new(
            confirmed,
            CONFIRMED,
            Probe::framed(&target.input_for(&target.client_id, user)),
            Want::Error(INVALID_PARAMETER),
        )),
        None => not_applicable.push(Detail::not_applicable(confirmed, "no --confirmed-username")),
    }
    protocol_probes(&valid, &mut planned);
    (planned, not_applicable)
}

/// An app client id that fits `ClientIdType` and that no server should know.
const UNKNOWN_CLIENT_ID: &str = "0unknown0client0id0000000a";

fn protocol_probes(valid: &Value, planned: &mut Vec<Planned>) {
    let body = valid.to_string();
    let decodable = |name: &str, probe: Probe| {
        Planned::new(format!("protocol: {name} answers a decodable 4xx error"), PROTOCOL, probe, Want::Decodable4xx)
    };
    let framed = Probe::framed(valid);
    planned.push(decodable("no X-Amz-Target", Probe { target: None, ..framed.clone() }));
    for (what, target) in [
        ("another operation's X-Amz-Target", format!("{}.NoSuchOperation", contract::TARGET_PREFIX)),
        ("another service's X-Amz-Target", format!("AnotherService.{}", contract::OPERATION)),
    ] {
        planned.push(decodable(what, Probe { target: Some(target), ..framed.clone() }));
    }
    planned.push(decodable("a body that is not JSON", framed.clone().with_body(&body.as_bytes()[..body.len() / 2])));
    planned.push(decodable("an empty body", framed.clone().with_body(Vec::new())));
    planned.push(decodable("a JSON array", framed.clone().with_body(format!("[{body}]"))));
    planned.push(decodable("a JSON string", framed.clone().with_body("\"ResendConfirmationCode\"")));
    for method in [reqwest::Method::GET, reqwest::Method::PUT, reqwest::Method::DELETE] {
        let mut planned_method =
            decodable(&format!("{method} instead of POST"), Probe { method: method.clone(), ..framed.clone() });
        planned_method.any_4xx = true;
        planned.push(planned_method);
    }
    let mut unknown = valid.clone();
    let mut nulls = valid.clone();
    if let (Some(unknown), Some(nulls)) = (unknown.as_object_mut(), nulls.as_object_mut()) {
        unknown.insert("ConformanceUnknownMember".to_owned(), Value::String("ignored".to_owned()));
        for member in ["AnalyticsMetadata", "ClientMetadata", "UserContextData"] {
            nulls.insert(member.to_owned(), Value::Null);
        }
    }
    for (what, input) in
        [("an unknown member is ignored", unknown), ("null optional members are taken as absent", nulls)]
    {
        planned.push(Planned::new(
            format!("protocol: {what} (a success) or refused with a decodable 4xx error"),
            LENIENT,
            Probe::framed(&input),
            Want::SuccessOrDecodable4xx,
        ));
    }
}

/// Random valid inputs (optional members from the contract's strategies) for the target's user, with the
/// right `SecretHash`.
fn valid_inputs(target: &ServerTarget, count: u32) -> Result<Vec<Value>, String> {
    let strategy = strategies::valid(INPUT).map_err(|e| e.to_string())?;
    let mut runner = TestRunner::deterministic();
    let base = target.valid_input();
    (0..count)
        .map(|_| {
            let mut input = strategy.new_tree(&mut runner).map_err(|e| e.to_string())?.current();
            if let (Some(object), Some(base)) = (input.as_object_mut(), base.as_object()) {
                object.shift_remove("SecretHash");
                for (key, value) in base {
                    object.insert(key.clone(), value.clone());
                }
            }
            Ok(input)
        })
        .collect()
}

fn detail(name: String, result: Result<String, String>, source: Source) -> Detail {
    match result {
        Ok(note) => Detail::pass(name, format!("{note} · {source}")),
        Err(note) => Detail::fail(name, format!("{note} · {source}")),
    }
}

/// Every server-side expectation against `target`, in report order.
pub fn check_server(
    runtime: &tokio::runtime::Runtime,
    target: &ServerTarget,
    settings: &Settings,
    progress: &Progress,
) -> Vec<Detail> {
    let prober = match Prober::new(runtime, &target.endpoint, settings.response_timeout) {
        Ok(prober) => prober,
        Err(e) => return vec![Detail::fail("client", e)],
    };
    let (planned, not_applicable) = plan(target);
    let inputs = valid_inputs(target, settings.valid_cases);
    let total = planned.len() + inputs.as_ref().map_or(0, Vec::len);
    let mut done = 0;
    let mut tick = || {
        done += 1;
        progress.tick(done, total);
    };
    let mut exchanges: Vec<(String, Exchange, bool)> = Vec::new();
    let mut details = Vec::new();
    let valid_inputs_name =
        "valid inputs: random optional members (ClientMetadata, AnalyticsMetadata, UserContextData) answer a success";
    let protocol_at = planned.iter().position(|p| p.name.starts_with("protocol:")).unwrap_or(planned.len());
    for (index, item) in planned.iter().enumerate() {
        if index == protocol_at {
            details.push(valid_inputs_detail(valid_inputs_name, &inputs, &prober, &mut exchanges, &mut tick));
        }
        let exchange = prober.send(&item.probe);
        tick();
        details.push(detail(item.name.clone(), expect::judge(item.want, &exchange), item.source));
        exchanges.push((item.name.clone(), exchange, item.any_4xx));
    }
    if protocol_at == planned.len() {
        details.push(valid_inputs_detail(valid_inputs_name, &inputs, &prober, &mut exchanges, &mut tick));
    }
    progress.clear();
    let seen: Vec<Seen<'_>> =
        exchanges.iter().map(|(probe, exchange, any_4xx)| Seen { probe, exchange, any_4xx: *any_4xx }).collect();
    details.extend(expect::every_answer(&seen, prober.timeout()));
    details.extend(not_applicable);
    details
}

fn valid_inputs_detail(
    name: &str,
    inputs: &Result<Vec<Value>, String>,
    prober: &Prober<'_>,
    exchanges: &mut Vec<(String, Exchange, bool)>,
    tick: &mut dyn FnMut(),
) -> Detail {
    let inputs = match inputs {
        Ok(inputs) => inputs,
        Err(e) => return Detail::fail(name, format!("no valid inputs: {e}")),
    };
    let mut broken = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        let exchange = prober.send(&Probe::framed(input));
        tick();
        if let Err(why) = expect::judge(Want::Success, &exchange) {
            broken.push(format!("case {} ({}): {why}", index + 1, shown_members(input)));
        }
        exchanges.push((format!("valid input {}", index + 1), exchange, false));
    }
    let note = if broken.is_empty() {
        format!("{} random valid inputs answered a success", inputs.len())
    } else {
        let mut note = format!("{} of {} random valid inputs did not answer a success", broken.len(), inputs.len());
        for line in broken.iter().take(4) {
            note.push_str("\n  ");
            note.push_str(line);
        }
        note
    };
    detail(name.to_owned(), if broken.is_empty() { Ok(note) } else { Err(note) }, VALID_INPUTS)
}

/// The optional members an input carries, by name (their values may be long and the hash is not shown).
fn shown_members(input: &Value) -> String {
    let names: Vec<&str> = input
        .as_object()
        .map(|o| {
            o.keys().map(String::as_str).filter(|k| !matches!(*k, "ClientId" | "Username" | "SecretHash")).collect()
        })
        .unwrap_or_default();
    if names.is_empty() { "no optional member".to_owned() } else { names.join(", ") }
}

/// The `server` check of the runner: the options turned into a target, [`check_server`], then the
/// baseline, when one is given.
pub fn run(
    harness: &crate::wire::WireHarness,
    options: &ServerOptions,
    cases: u32,
    progress: &Progress,
) -> crate::report::Outcome {
    use crate::report::{Outcome, Status};
    let secret = match options.secret_file.as_deref().map(read_secret).transpose() {
        Ok(secret) => secret,
        Err(e) => return Outcome::from_details("", vec![Detail::fail("client secret", e)]),
    };
    let baseline = match &options.baseline {
        Some(path) if options.baseline_update && !path.exists() => Some(baseline::Baseline::default()),
        Some(path) => match baseline::Baseline::read(path) {
            Ok(baseline) => Some(baseline),
            Err(e) => return Outcome::from_details("", vec![Detail::fail("baseline", e)]),
        },
        None => None,
    };
    let target = ServerTarget {
        confirmed_username: options.confirmed_username.clone(),
        prevent_user_existence_errors: options.prevent_user_existence_errors,
        ..ServerTarget::new(&options.endpoint, &options.client_id, &options.username, secret)
    };
    let settings = Settings { valid_cases: valid_cases(cases), response_timeout: options.response_timeout };
    let mut details = check_server(harness.runtime(), &target, &settings, progress);
    let mut summary = String::new();
    if let (Some(baseline), Some(path)) = (baseline, &options.baseline) {
        if options.baseline_update {
            let updated = baseline.updated(&details);
            if let Err(e) = updated.write(path) {
                details.push(Detail::fail("baseline", e));
            } else {
                summary = format!(", baseline {} written with {} deviations", path.display(), updated.deviations.len());
            }
            details = updated.apply(details, false);
        } else {
            details = baseline.apply(details, false);
        }
    }
    let broken = details.iter().filter(|d| d.status == Status::Fail).count();
    let accepted = details.iter().filter(|d| d.note.starts_with(baseline::ACCEPTED)).count();
    let accepted = if accepted > 0 { format!(", {accepted} accepted by the baseline") } else { String::new() };
    Outcome::from_details(
        format!("{} expectations, {broken} broken{accepted}{summary}, at {}", details.len(), target.endpoint),
        details,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_file_loses_one_line_break_and_is_never_printed() {
        let dir = std::env::temp_dir().join(format!("conformance-secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("secret");
        std::fs::write(&path, "s3cret\n\n").expect("write");
        assert_eq!(read_secret(&path).expect("reads"), b"s3cret\n");
        std::fs::write(&path, "\r\n").expect("write");
        assert!(read_secret(&path).expect_err("empty").contains("is empty"));
        let target = ServerTarget::new("e", "c", "u", Some(b"s3cret".to_vec()));
        assert!(!format!("{target:?}").contains("s3cret"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_valid_input_carries_the_right_secret_hash() {
        let target = ServerTarget::new("e", "client", "jane", Some(b"secret".to_vec()));
        let input = target.valid_input();
        assert_eq!(input["SecretHash"], Value::String(secret_hash(b"secret", "jane", "client")));
    }
}
