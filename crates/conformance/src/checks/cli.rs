//! The CLI (`cognito-idp`) against the generated client: `cli-equivalence` (the same input given as
//! options in shorthand, as options in JSON and as `--cli-input-json` puts the client's body on the
//! wire), `shorthand-roundtrip` (the CLI's shorthand writer and parser agree), and the CLI's part of the
//! live peer (exit codes, output and error codes against a Cognito emulator).
//!
//! Each case of `cli-equivalence` runs the binary three times, so it runs an eighth of the property
//! cases, at least [`MIN_CLI_CASES`]. An input a form cannot carry is counted, never failed: shorthand
//! that `shorthand::write` cannot spell, an option value that starts with a prefix the CLI loads as a
//! parameter file (`file://`, `fileb://`, `http://`, `https://`, awscli's `LOCAL_PREFIX_MAP` and
//! `REMOTE_PREFIX_MAP`), and an argument that no command line can hold (a NUL character, or longer
//! than [`MAX_ARGUMENT_BYTES`]) whose text a `file://` value would change (a carriage return, which
//! universal newlines turn into a line feed). Other arguments too long or with a NUL are given as
//! `file://` values, and counted.

use std::cell::Cell;
use std::collections::BTreeMap;

use cognito_idp_cli::input::shorthand::{self, NoParamfiles};
use cognito_idp_cli::naming::option_name;
use cognito_idp_client::contract::{self, INPUT};
use cognito_idp_client::model::{Shape, ShapeKind};
use cognito_idp_client::types::ResendConfirmationCodeRequest;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde::Deserialize as _;
use serde_json::{Map, Value};
use wiremock::Request;

use crate::binary::{self, CliBinary, CliOutput, MAX_ARGUMENT_BYTES, Sandbox};
use crate::failure::{Failure, expect_eq, expect_json, short, short_json};
use crate::report::{Detail, Outcome, Progress};
use crate::strategies;
use crate::wire::{WireHarness, header, is_uuid, ok_json};

use super::properties::run_property;

/// The fewest cases `cli-equivalence` runs.
pub const MIN_CLI_CASES: u32 = 16;

/// The characters of a shorthand key: awscli's `ShorthandParser._key` takes `string.ascii_letters +
/// string.digits + '-_.#/:'`.
pub const SHORTHAND_KEY_CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#/:";

/// The prefixes that make the CLI load an option's value from a file or a URL (awscli's
/// `LOCAL_PREFIX_MAP` and `REMOTE_PREFIX_MAP`, matched case-sensitively).
pub const PARAMFILE_PREFIXES: [&str; 4] = ["file://", "fileb://", "http://", "https://"];

/// What `amz-sdk-request` says on the CLI's first and only attempt (botocore sends no `max` on it).
pub const CLI_FIRST_ATTEMPT: &str = "attempt=1";

/// The number of `cli-equivalence` cases for `cases` property cases.
pub fn cli_cases(cases: u32) -> u32 {
    (cases / 8).max(MIN_CLI_CASES)
}

/// How an input is given to the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// One option per member; structures and maps in shorthand.
    Shorthand,
    /// One option per member; structures and maps in JSON.
    Json,
    /// The whole input as `--cli-input-json`.
    CliInputJson,
}

impl Form {
    /// Every form, in the order they run.
    pub const ALL: [Form; 3] = [Form::Shorthand, Form::Json, Form::CliInputJson];

    /// The form's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Form::Shorthand => "shorthand",
            Form::Json => "json",
            Form::CliInputJson => "cli-input-json",
        }
    }
}

/// Why a form cannot carry an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotExpressible {
    /// `shorthand::write` returned `None` for the member's value.
    Shorthand,
    /// The option's value would start with a parameter-file prefix.
    ParamfilePrefix,
    /// The argument cannot be on a command line, and `file://` would change it.
    NotAnArgument,
}

impl NotExpressible {
    fn text(self) -> &'static str {
        match self {
            NotExpressible::Shorthand => "not expressible in shorthand",
            NotExpressible::ParamfilePrefix => "a value with a file:// or URL prefix",
            NotExpressible::NotAnArgument => "NUL or too long for an argument, with a carriage return",
        }
    }
}

/// Why the CLI was not run for a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotSent {
    /// The form cannot carry the input (counted).
    NotExpressible(NotExpressible, &'static str),
    /// A `file://` value could not be written (a failure).
    Sandbox(String),
}

/// A form's command-line arguments for an input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Arguments {
    /// The arguments after `resend-confirmation-code --endpoint-url=URL`.
    pub args: Vec<String>,
    /// How many values went through `file://`.
    pub via_file: usize,
}

impl Arguments {
    /// Adds `--option value` (`--option=value` when the value starts with `-`, which argparse would
    /// take for an option), or a `file://` value when no command line can hold the text.
    fn push(&mut self, option: &str, text: &str, member: &'static str, sandbox: &Sandbox) -> Result<(), NotSent> {
        if PARAMFILE_PREFIXES.iter().any(|p| text.starts_with(p)) {
            return Err(NotSent::NotExpressible(NotExpressible::ParamfilePrefix, member));
        }
        if text.contains('\0') || option.len() + 1 + text.len() > MAX_ARGUMENT_BYTES {
            if text.contains('\r') {
                return Err(NotSent::NotExpressible(NotExpressible::NotAnArgument, member));
            }
            let path = sandbox.write_file(text.as_bytes()).map_err(NotSent::Sandbox)?;
            self.args.push(option.to_owned());
            self.args.push(format!("file://{}", path.display()));
            self.via_file += 1;
        } else if text.starts_with('-') {
            self.args.push(format!("{option}={text}"));
        } else {
            self.args.push(option.to_owned());
            self.args.push(text.to_owned());
        }
        Ok(())
    }
}

/// The arguments that give `input` to the CLI in `form`; options in the contract's member order.
pub fn arguments(form: Form, input: &Value, sandbox: &Sandbox) -> Result<Arguments, NotSent> {
    let mut out = Arguments::default();
    if form == Form::CliInputJson {
        out.push("--cli-input-json", &input.to_string(), "the input", sandbox)?;
        return Ok(out);
    }
    let ShapeKind::Structure(structure) = &INPUT.kind else { return Ok(out) };
    for member in structure.members {
        let Some(value) = input.get(member.name) else { continue };
        let text = match (&member.shape.kind, value, form) {
            (ShapeKind::String(_), Value::String(text), _) => text.clone(),
            (_, value, Form::Shorthand) => {
                shorthand::write(value).ok_or(NotSent::NotExpressible(NotExpressible::Shorthand, member.name))?
            }
            (_, value, _) => value.to_string(),
        };
        out.push(&format!("--{}", option_name(member.name)), &text, member.name, sandbox)?;
    }
    Ok(out)
}

/// Counts of a `cli-equivalence` run.
#[derive(Debug, Default)]
pub struct Tally {
    inputs: Cell<usize>,
    sent: [Cell<usize>; 3],
    not_expressible: std::cell::RefCell<BTreeMap<(Form, NotExpressible), usize>>,
    via_file: Cell<usize>,
    frozen: Cell<bool>,
}

impl Tally {
    fn form_index(form: Form) -> usize {
        Form::ALL.iter().position(|f| *f == form).unwrap_or(0)
    }

    fn sent(&self, form: Form, via_file: usize) {
        if self.frozen.get() {
            return;
        }
        if let Some(count) = self.sent.get(Self::form_index(form)) {
            count.set(count.get() + 1);
        }
        self.via_file.set(self.via_file.get() + via_file);
    }

    fn not_expressible(&self, form: Form, why: NotExpressible) {
        if self.frozen.get() {
            return;
        }
        *self.not_expressible.borrow_mut().entry((form, why)).or_default() += 1;
    }

    fn input(&self) {
        if !self.frozen.get() {
            self.inputs.set(self.inputs.get() + 1);
        }
    }

    /// Stops counting: the runs that shrink a failing case are not cases.
    pub fn freeze(&self) {
        self.frozen.set(true);
    }

    /// The counts, as the report line says them.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for form in Form::ALL {
            let sent = self.sent.get(Self::form_index(form)).map_or(0, Cell::get);
            let mut part = format!("{} {sent} sent", form.name());
            for ((f, why), count) in self.not_expressible.borrow().iter() {
                if *f == form {
                    part.push_str(&format!(", {count} {}", why.text()));
                }
            }
            parts.push(part);
        }
        let mut text = format!("of {} inputs (saved seeds first): {}", self.inputs.get(), parts.join("; "));
        if self.via_file.get() > 0 {
            text.push_str(&format!(
                "; {} values as file:// (NUL or over {MAX_ARGUMENT_BYTES} bytes)",
                self.via_file.get()
            ));
        }
        text
    }
}

/// Every valid input (two thirds leaning toward shorthand, see [`toward_shorthand`]) given
/// to the CLI in each [`Form`]: the CLI exits 0 and its request has the CLI's framing and a body equal,
/// as JSON values, to the generated client's request body for the same input.
pub fn cli_equivalence(harness: &WireHarness, cases: u32, progress: &Progress) -> Outcome {
    let cases = cli_cases(cases);
    let strategy = match leaning_values(INPUT) {
        Ok(values) => values,
        Err(e) => {
            return Outcome::new("no cases", vec![Failure::new("the input has a strategy", "one", e.to_string())]);
        }
    };
    let binary = match binary::binary() {
        Ok(binary) => binary,
        Err(e) => return Outcome::new("no binary", vec![Failure::new("the CLI binary", "built or found", e)]),
    };
    let sandbox = match Sandbox::new() {
        Ok(sandbox) => sandbox,
        Err(e) => return Outcome::new("no sandbox", vec![Failure::new("a sandbox for the CLI", "a folder", e)]),
    };
    let tally = Tally::default();
    let mut outcome = run_property(
        cases,
        concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/cli-equivalence.txt"),
        &strategy,
        progress,
        |input| format!("input {}", short_json(input)),
        |input| {
            let failures = cli_case(harness, binary, &sandbox, input, &tally);
            if !failures.is_empty() {
                tally.freeze();
            }
            failures
        },
    );
    outcome.summary =
        format!("{} (cases/8, min {MIN_CLI_CASES}: 3 runs of the binary each); {}", outcome.summary, tally.summary());
    outcome
}

/// One case of [`cli_equivalence`].
pub fn cli_case(
    harness: &WireHarness,
    binary: &CliBinary,
    sandbox: &Sandbox,
    input: &Value,
    tally: &Tally,
) -> Vec<Failure> {
    tally.input();
    let client_body = match client_body(harness, input) {
        Ok(body) => body,
        Err(failure) => return vec![failure],
    };
    let mut failures = Vec::new();
    for form in Form::ALL {
        let args = match arguments(form, input, sandbox) {
            Ok(args) => args,
            Err(NotSent::NotExpressible(why, _)) => {
                tally.not_expressible(form, why);
                continue;
            }
            Err(NotSent::Sandbox(e)) => {
                failures.push(Failure::new(format!("{} form: its file:// value", form.name()), "written", e));
                continue;
            }
        };
        tally.sent(form, args.via_file);
        let command = sandbox.command(binary, &harness.uri(), &args.args, &[]);
        let (output, request) = harness.exchange_external(ok_json("{}"), || binary::run(command));
        let shown = format!("{} form `{}`", form.name(), binary::command_line(&args.args));
        failures.extend(check_cli_exchange(&shown, output, request.as_ref(), &client_body));
    }
    failures
}

/// The generated client's request body for `input`, sent through the harness.
fn client_body(harness: &WireHarness, input: &Value) -> Result<Value, Failure> {
    let typed = ResendConfirmationCodeRequest::deserialize(input)
        .map_err(|e| Failure::new("the generated request type accepts a valid input", "accepted", e.to_string()))?;
    let exchange = harness.exchange(typed, ok_json("{}"));
    let request = exchange.request.ok_or_else(|| {
        Failure::new("the client's request reaches the server", "a request", format!("{:?}", exchange.result))
    })?;
    serde_json::from_slice(&request.body).map_err(|e| Failure::new("the client's body is JSON", "JSON", e.to_string()))
}

/// Checks one run of the CLI: exit 0, a request with the CLI's framing, and `client_body` as its body.
pub fn check_cli_exchange(
    shown: &str,
    output: Result<CliOutput, String>,
    request: Option<&Request>,
    client_body: &Value,
) -> Vec<Failure> {
    let mut failures = Vec::new();
    match output {
        Ok(output) if output.code == Some(0) => {}
        Ok(output) => failures.push(Failure::new(
            format!("{shown}: exit code"),
            "0",
            format!("{:?}, stderr {}", output.code, short(output.stderr.trim())),
        )),
        Err(e) => failures.push(Failure::new(format!("{shown}: the binary runs"), "a run", e)),
    }
    let Some(request) = request else {
        failures.push(Failure::new(format!("{shown}: the request reaches the server"), "a request", "none"));
        return failures;
    };
    failures.extend(check_cli_framing(request).into_iter().map(|mut f| {
        f.expectation = format!("{shown}: {}", f.expectation);
        f
    }));
    match serde_json::from_slice::<Value>(&request.body) {
        Ok(body) => failures.extend(
            expect_json(
                &format!("{shown}: the CLI's body (found) equals the generated client's (expected)"),
                client_body,
                &body,
            )
            .err(),
        ),
        Err(e) => failures.push(Failure::new(
            format!("{shown}: the body is JSON"),
            "JSON",
            format!("{e}: {}", short(&String::from_utf8_lossy(&request.body))),
        )),
    }
    failures
}

/// The framing of a CLI request: `POST` to the contract's path without a query, `X-Amz-Target`, the
/// media type, `amz-sdk-request: attempt=1`, a UUID as `amz-sdk-invocation-id`, no `Authorization`.
pub fn check_cli_framing(request: &Request) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut check = |result: Result<(), Failure>| failures.extend(result.err());
    check(expect_eq("method", contract::METHOD, request.method.as_str()));
    check(expect_eq("path", contract::PATH, request.url.path()));
    check(expect_eq("query", None, request.url.query()));
    check(expect_eq("no authorization header", false, request.headers.contains_key("authorization")));
    check(header(request, "x-amz-target").and_then(|v| expect_eq("header x-amz-target", contract::TARGET, v)));
    check(header(request, "content-type").and_then(|v| expect_eq("header content-type", contract::MEDIA_TYPE, v)));
    check(header(request, "amz-sdk-request").and_then(|v| expect_eq("header amz-sdk-request", CLI_FIRST_ATTEMPT, v)));
    check(header(request, "amz-sdk-invocation-id").and_then(|v| {
        if is_uuid(v) { Ok(()) } else { Err(Failure::new("header amz-sdk-invocation-id", "a UUID", v)) }
    }));
    failures
}

/// How [`toward_shorthand`] rewrites a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Map keys into [`SHORTHAND_KEY_CHARS`].
    Keys,
    /// That, and about half the characters of every free string replaced by [`SHORTHAND_SYNTAX_CHARS`].
    KeysAndSyntax,
}

/// The characters that mean something in shorthand (separators, brackets, quotes, the escape, the
/// whitespace it strips, the `@` of `key@=`): random Unicode strings hold them too rarely to test the
/// writer's quoting.
pub const SHORTHAND_SYNTAX_CHARS: &str = ",=\\'\"[]{} \t\n\r@";

/// `value` (of `shape`) leaning toward what shorthand can spell and must quote, still valid: where a
/// string's shape allows any character (no pattern, no enum), characters are replaced one for one, so
/// lengths stay. Map keys go into [`SHORTHAND_KEY_CHARS`] (random keys almost never are shorthand keys,
/// so the shorthand form could not carry maps); with [`Lean::KeysAndSyntax`], free strings also get
/// shorthand's syntax characters. A key that would collide with another stays as it was.
pub fn toward_shorthand(shape: &'static Shape, value: Value, lean: Lean) -> Value {
    match (&shape.kind, value) {
        (ShapeKind::Structure(s), Value::Object(object)) => Value::Object(
            object
                .into_iter()
                .map(|(k, v)| match s.members.iter().find(|m| m.name == k) {
                    Some(member) => (k, toward_shorthand(member.shape, v, lean)),
                    None => (k, v),
                })
                .collect(),
        ),
        (ShapeKind::Map(m), Value::Object(object)) => {
            let keys: Vec<String> = object.keys().cloned().collect();
            let mut out = Map::new();
            for (k, v) in object {
                let friendly: String = if is_free(m.key) { k.chars().map(key_char).collect() } else { k.clone() };
                let key = if friendly != k && (out.contains_key(&friendly) || keys.contains(&friendly)) {
                    k
                } else {
                    friendly
                };
                out.insert(key, toward_shorthand(m.value, v, lean));
            }
            Value::Object(out)
        }
        (ShapeKind::String(_), Value::String(text)) if lean == Lean::KeysAndSyntax && is_free(shape) => {
            Value::String(text.chars().map(syntax_char).collect())
        }
        (_, value) => value,
    }
}

/// Whether a string shape allows any character.
fn is_free(shape: &Shape) -> bool {
    matches!(&shape.kind, ShapeKind::String(s) if s.pattern.is_none() && s.enum_values.is_empty())
}

/// `c` if shorthand keys may hold it, else one of [`SHORTHAND_KEY_CHARS`] picked by its code point.
fn key_char(c: char) -> char {
    if SHORTHAND_KEY_CHARS.contains(c) { c } else { pick(SHORTHAND_KEY_CHARS, u32::from(c)) }
}

/// `c`, or for every other code point one of [`SHORTHAND_SYNTAX_CHARS`].
fn syntax_char(c: char) -> char {
    let code = u32::from(c);
    if code % 2 == 0 { c } else { pick(SHORTHAND_SYNTAX_CHARS, code / 2) }
}

fn pick(chars: &str, n: u32) -> char {
    let count = u32::try_from(chars.chars().count()).unwrap_or(1).max(1);
    chars.chars().nth(usize::try_from(n % count).unwrap_or(0)).unwrap_or('a')
}

/// Values of `shape`: as drawn, and leaning toward shorthand both ways ([`toward_shorthand`]).
pub fn leaning_values(shape: &'static Shape) -> Result<BoxedStrategy<Value>, strategies::StrategyError> {
    let valid = strategies::valid(shape)?;
    Ok(prop_oneof![
        valid.clone(),
        valid.clone().prop_map(move |v| toward_shorthand(shape, v, Lean::Keys)),
        valid.prop_map(move |v| toward_shorthand(shape, v, Lean::KeysAndSyntax)),
    ]
    .boxed())
}

/// The structures and maps of the input (its members of those kinds), by member name.
pub fn input_containers() -> Vec<(&'static str, &'static Shape)> {
    let ShapeKind::Structure(structure) = &INPUT.kind else { return Vec::new() };
    structure
        .members
        .iter()
        .filter(|m| matches!(m.shape.kind, ShapeKind::Structure(_) | ShapeKind::Map(_)))
        .map(|m| (m.name, m.shape))
        .collect()
}

/// What [`shorthand_case`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoundTrip {
    /// Written, and read back to the same value.
    ReadBack,
    /// Not written: an empty structure or map.
    Empty,
    /// Not written: a key with a character shorthand keys cannot hold.
    KeyCharacters,
    /// Not written: no choice of quotes reads back a string that ends with a backslash.
    Quoting,
}

impl RoundTrip {
    fn text(self) -> &'static str {
        match self {
            RoundTrip::ReadBack => "written and read back",
            RoundTrip::Empty => "empty (not expressible)",
            RoundTrip::KeyCharacters => "keys outside A-Za-z0-9-_.#/: (not expressible)",
            RoundTrip::Quoting => "final backslash against both quotes (not expressible)",
        }
    }
}

/// `shorthand::write` then `shorthand::parse` gives back `value`, keys in the same order; when `write`
/// refuses, the value must be one shorthand cannot spell: empty, a key outside [`SHORTHAND_KEY_CHARS`],
/// or a string ending with a backslash (whose closing quote is then ambiguous).
pub fn shorthand_case(value: &Value) -> Result<RoundTrip, Failure> {
    let Some(text) = shorthand::write(value) else {
        return match value {
            Value::Object(object) if object.is_empty() => Ok(RoundTrip::Empty),
            _ if !keys_are_shorthand(value) => Ok(RoundTrip::KeyCharacters),
            _ if has_final_backslash(value) => Ok(RoundTrip::Quoting),
            _ => Err(Failure::new(
                "shorthand::write refuses only what shorthand cannot spell",
                "shorthand text",
                "None, for a non-empty value with shorthand keys and no string ending with a backslash",
            )),
        };
    };
    let back = shorthand::parse(&text, &NoParamfiles).map_err(|e| {
        Failure::new(
            "shorthand::parse reads what shorthand::write wrote",
            "the value",
            format!("{e}, text {}", short(&text)),
        )
    })?;
    let written = format!("written as {}", short(&text));
    expect_json(&format!("shorthand::parse(shorthand::write(value)) equals the value ({written})"), value, &back)?;
    expect_eq(&format!("the keys read back in their order ({written})"), key_orders(value), key_orders(&back))?;
    Ok(RoundTrip::ReadBack)
}

fn keys_are_shorthand(value: &Value) -> bool {
    match value {
        Value::Object(object) => {
            object.iter().all(|(k, v)| k.chars().all(|c| SHORTHAND_KEY_CHARS.contains(c)) && keys_are_shorthand(v))
        }
        Value::Array(items) => items.iter().all(keys_are_shorthand),
        _ => true,
    }
}

fn has_final_backslash(value: &Value) -> bool {
    match value {
        Value::String(s) => s.ends_with('\\'),
        Value::Object(object) => object.values().any(has_final_backslash),
        Value::Array(items) => items.iter().any(has_final_backslash),
        _ => false,
    }
}

/// The keys of every object in `value`, in order, depth first.
fn key_orders(value: &Value) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(object) => {
                out.push(object.keys().map(|k| short(k)).collect());
                stack.extend(object.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    out
}

/// Values of the input's structures and maps (two thirds leaning toward shorthand), written
/// in shorthand and read back: see [`shorthand_case`]. Counts by member and outcome.
pub fn shorthand_roundtrip(cases: u32, progress: &Progress) -> Outcome {
    let mut members = Vec::new();
    for (name, shape) in input_containers() {
        match leaning_values(shape) {
            Ok(values) => members.push(values.prop_map(move |v| (name, v)).boxed()),
            Err(e) => {
                return Outcome::new(
                    "no cases",
                    vec![Failure::new(format!("{name} has a strategy"), "one", e.to_string())],
                );
            }
        }
    }
    if members.is_empty() {
        return Outcome::new("no cases", vec![Failure::new("the input has structures or maps", "some", "none")]);
    }
    let counts = std::cell::RefCell::new(BTreeMap::<(&str, RoundTrip), usize>::new());
    // The runs that shrink a failing case are not cases: counting stops at the first failure.
    let frozen = Cell::new(false);
    let mut outcome = run_property(
        cases,
        concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/shorthand-roundtrip.txt"),
        &Union::new(members),
        progress,
        |(name, value)| format!("{name} {}", short_json(value)),
        |(name, value)| match shorthand_case(value) {
            Ok(how) => {
                if !frozen.get() {
                    *counts.borrow_mut().entry((name, how)).or_default() += 1;
                }
                Vec::new()
            }
            Err(failure) => {
                frozen.set(true);
                vec![failure]
            }
        },
    );
    let mut by_member: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for ((name, how), count) in counts.borrow().iter() {
        by_member.entry(name).or_default().push(format!("{count} {}", how.text()));
    }
    let parts: Vec<String> = by_member.iter().map(|(name, parts)| format!("{name}: {}", parts.join(", "))).collect();
    outcome.summary = format!("{}; {}", outcome.summary, parts.join("; "));
    outcome
}

/// An app client of a live server, with a signed-up user.
#[derive(Clone, Debug)]
pub struct PeerAccount {
    /// The server's endpoint URL.
    pub endpoint: String,
    /// The app client's id.
    pub client_id: String,
    /// The app client's secret.
    pub secret: String,
    /// A signed-up, unconfirmed user.
    pub username: String,
}

/// The CLI binary against a live server: with the right client secret (`COGNITO_CLIENT_SECRET`, and once
/// `--client-secret-file`) it exits 0 and prints `CodeDeliveryDetails`; with a wrong secret or none, an
/// unknown user or an unknown client it exits 255 and names the contract's error code on stderr.
/// `runtime` is the one the server runs on. Codes are asserted, not messages.
pub fn live_peer_cli(runtime: &tokio::runtime::Runtime, peer: &PeerAccount) -> Vec<Detail> {
    let binary = match binary::binary() {
        Ok(binary) => binary,
        Err(e) => return vec![Detail::fail("CLI: the binary", e)],
    };
    let sandbox = match Sandbox::new() {
        Ok(sandbox) => sandbox,
        Err(e) => return vec![Detail::fail("CLI: a sandbox", e)],
    };
    let run = |client_id: &str, username: &str, secret: Option<&str>, extra: &[String]| {
        let mut args =
            vec!["--client-id".to_owned(), client_id.to_owned(), "--username".to_owned(), username.to_owned()];
        args.extend_from_slice(extra);
        let env: Vec<(&str, &str)> = secret.map(|s| ("COGNITO_CLIENT_SECRET", s)).into_iter().collect();
        binary::run_on(runtime, sandbox.command(binary, &peer.endpoint, &args, &env))
    };
    let (id, user, secret) = (peer.client_id.as_str(), peer.username.as_str(), Some(peer.secret.as_str()));
    let mut details =
        vec![expect_delivery("CLI: COGNITO_CLIENT_SECRET gives CodeDeliveryDetails", run(id, user, secret, &[]))];
    details.push(match sandbox.write_file(format!("{}\n", peer.secret).as_bytes()) {
        Ok(path) => {
            let extra = ["--client-secret-file".to_owned(), path.display().to_string()];
            expect_delivery("CLI: --client-secret-file gives CodeDeliveryDetails", run(id, user, None, &extra))
        }
        Err(e) => Detail::fail("CLI: --client-secret-file gives CodeDeliveryDetails", e),
    });
    let cases = [
        (
            "CLI: a wrong secret gives NotAuthorizedException",
            "NotAuthorizedException",
            id,
            user,
            Some("not the secret"),
        ),
        ("CLI: no secret gives NotAuthorizedException", "NotAuthorizedException", id, user, None),
        ("CLI: an unknown user gives UserNotFoundException", "UserNotFoundException", id, "nobody-signed-up", secret),
        (
            "CLI: an unknown client gives ResourceNotFoundException",
            "ResourceNotFoundException",
            "0unknown0client0id0000000a",
            user,
            secret,
        ),
    ];
    for (name, code, client_id, username, secret) in cases {
        details.push(expect_error_code(name, code, run(client_id, username, secret, &[])));
    }
    details
}

/// Exit 0 and a JSON object with a `CodeDeliveryDetails` object on stdout.
pub fn expect_delivery(name: &str, output: Result<CliOutput, String>) -> Detail {
    match output {
        Ok(output) => {
            let printed = serde_json::from_str::<Value>(&output.stdout).ok();
            let delivery = printed.as_ref().and_then(|v| v.get("CodeDeliveryDetails")).is_some_and(Value::is_object);
            if output.code == Some(0) && delivery {
                Detail::pass(
                    name,
                    format!("exit 0, {}", short(&output.stdout.split_whitespace().collect::<Vec<_>>().join(" "))),
                )
            } else {
                Detail::fail(
                    name,
                    format!(
                        "expected exit 0 and CodeDeliveryDetails on stdout, found exit {:?}, stdout {}, stderr {}",
                        output.code,
                        short(output.stdout.trim()),
                        short(output.stderr.trim())
                    ),
                )
            }
        }
        Err(e) => Detail::fail(name, e),
    }
}

/// Exit 255 and `An error occurred (CODE)` on stderr.
pub fn expect_error_code(name: &str, code: &str, output: Result<CliOutput, String>) -> Detail {
    let wanted = format!("An error occurred ({code})");
    match output {
        Ok(output) if output.code == Some(255) && output.stderr.contains(&wanted) => {
            Detail::pass(name, format!("exit 255, {}", short(output.stderr.trim())))
        }
        Ok(output) => Detail::fail(
            name,
            format!(
                "expected exit 255 and {wanted:?} on stderr, found exit {:?}, stderr {}",
                output.code,
                short(output.stderr.trim())
            ),
        ),
        Err(e) => Detail::fail(name, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn args_of(form: Form, input: &Value) -> Result<Arguments, NotSent> {
        let sandbox = Sandbox::new().expect("sandbox");
        arguments(form, input, &sandbox)
    }

    #[test]
    fn options_follow_the_model_order_with_dashes_attached() {
        let input = json!({"Username": "-jane", "ClientId": "abc", "ClientMetadata": {"k": "v"}});
        let args = args_of(Form::Shorthand, &input).expect("expressible");
        assert_eq!(args.args, ["--client-id", "abc", "--username=-jane", "--client-metadata", "k=v"]);
        let args = args_of(Form::Json, &input).expect("expressible");
        assert_eq!(args.args, ["--client-id", "abc", "--username=-jane", "--client-metadata", r#"{"k":"v"}"#]);
        let args = args_of(Form::CliInputJson, &input).expect("expressible");
        assert_eq!(args.args, ["--cli-input-json", &input.to_string()]);
    }

    #[test]
    fn what_a_form_cannot_carry_is_named() {
        let empty_map = json!({"ClientId": "a", "Username": "b", "ClientMetadata": {}});
        assert_eq!(
            args_of(Form::Shorthand, &empty_map),
            Err(NotSent::NotExpressible(NotExpressible::Shorthand, "ClientMetadata"))
        );
        assert!(args_of(Form::Json, &empty_map).is_ok());
        let prefixed = json!({"ClientId": "a", "Username": "file://x"});
        assert_eq!(
            args_of(Form::Json, &prefixed),
            Err(NotSent::NotExpressible(NotExpressible::ParamfilePrefix, "Username"))
        );
        let nul_and_cr = json!({"ClientId": "a", "Username": "b", "ClientMetadata": {"k": "\u{0}\r"}});
        assert_eq!(
            args_of(Form::Shorthand, &nul_and_cr),
            Err(NotSent::NotExpressible(NotExpressible::NotAnArgument, "ClientMetadata"))
        );
    }

    #[test]
    fn a_nul_or_a_huge_value_goes_through_a_file() {
        let sandbox = Sandbox::new().expect("sandbox");
        let input = json!({"ClientId": "a", "Username": "b", "ClientMetadata": {"k": "x\u{0}y"}});
        let args = arguments(Form::Shorthand, &input, &sandbox).expect("expressible");
        assert_eq!(args.via_file, 1);
        let path = args.args.last().and_then(|a| a.strip_prefix("file://")).expect("a file:// value");
        assert_eq!(std::fs::read_to_string(path).expect("written"), "k=\"x\u{0}y\"");
        let huge = json!({"ClientId": "a", "Username": "b", "ClientMetadata": {"k": "é".repeat(70_000)}});
        assert_eq!(arguments(Form::CliInputJson, &huge, &sandbox).expect("expressible").via_file, 1);
    }

    #[test]
    fn friendly_keys_keep_their_length_and_only_change_free_map_keys() {
        let input = json!({"ClientId": "a", "Username": "b", "UserContextData": {"IpAddress": "x y"}, "ClientMetadata": {"a b": "v w", "": "e", "ok": "1"}});
        let friendly = toward_shorthand(INPUT, input, Lean::Keys);
        let metadata = friendly["ClientMetadata"].as_object().expect("a map");
        let keys: Vec<&str> = metadata.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 3);
        assert!(keys.iter().all(|k| k.chars().all(|c| SHORTHAND_KEY_CHARS.contains(c))), "{keys:?}");
        assert_eq!(keys[0].chars().count(), 3);
        assert_eq!(keys[1..], ["", "ok"]);
        assert_eq!(friendly["UserContextData"], json!({"IpAddress": "x y"}));
        assert_eq!(metadata.get(keys[0]), Some(&json!("v w")));
    }

    #[test]
    fn syntax_characters_go_only_into_free_strings_and_keep_the_input_valid() {
        let input = json!({"ClientId": "abcdefgh", "Username": "jane", "UserContextData": {"EncodedData": "abcdefgh"}, "ClientMetadata": {"k": "\u{1F600}bcd"}});
        let leaned = toward_shorthand(INPUT, input.clone(), Lean::KeysAndSyntax);
        assert_eq!((&leaned["ClientId"], &leaned["Username"]), (&input["ClientId"], &input["Username"]));
        let encoded = leaned["UserContextData"]["EncodedData"].as_str().expect("a string");
        assert_eq!(encoded.chars().count(), 8);
        assert!(encoded.chars().any(|c| SHORTHAND_SYNTAX_CHARS.contains(c)) && encoded.contains('b'), "{encoded:?}");
        assert_eq!(leaned["ClientMetadata"]["k"].as_str().map(|v| v.chars().count()), Some(4));
        assert_eq!(crate::schema::validate(INPUT, &leaned), Vec::<String>::new());
    }

    #[test]
    fn shorthand_values_read_back_or_are_refused_for_a_reason() {
        assert_eq!(shorthand_case(&json!({"a": "x,y", "b": "😀", "c": ""})), Ok(RoundTrip::ReadBack));
        assert_eq!(shorthand_case(&json!({})), Ok(RoundTrip::Empty));
        assert_eq!(shorthand_case(&json!({"a b": "c"})), Ok(RoundTrip::KeyCharacters));
        assert_eq!(shorthand_case(&json!({"a": "😀\\", "b": "'\""})), Ok(RoundTrip::Quoting));
    }

    #[test]
    fn the_cli_framing_check_names_what_differs() {
        let harness = WireHarness::new().expect("harness");
        let input: ResendConfirmationCodeRequest =
            serde_json::from_str(r#"{"ClientId":"abc","Username":"jane"}"#).expect("valid");
        let request = harness.exchange(input, ok_json("{}")).request.expect("received");
        // The client announces its attempt budget; the CLI's first attempt does not.
        let failures = check_cli_framing(&request);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].expectation, "header amz-sdk-request");
        assert_eq!(failures[0].found, "\"attempt=1; max=3\"");
    }

    #[test]
    fn error_codes_are_read_from_stderr_with_the_exit_code() {
        let output =
            |code, stderr: &str| Ok(CliOutput { code: Some(code), stdout: String::new(), stderr: stderr.to_owned() });
        let stderr =
            "\nAn error occurred (UserNotFoundException) when calling the ResendConfirmationCode operation: x\n";
        assert_eq!(
            expect_error_code("n", "UserNotFoundException", output(255, stderr)).status,
            crate::report::Status::Pass
        );
        assert_eq!(
            expect_error_code("n", "UserNotFoundException", output(254, stderr)).status,
            crate::report::Status::Fail
        );
        assert_eq!(
            expect_error_code("n", "NotAuthorizedException", output(255, stderr)).status,
            crate::report::Status::Fail
        );
        let printed = Ok(CliOutput {
            code: Some(0),
            stdout: "{\"CodeDeliveryDetails\": {}}\n".to_owned(),
            stderr: String::new(),
        });
        assert_eq!(expect_delivery("n", printed).status, crate::report::Status::Pass);
    }
}
