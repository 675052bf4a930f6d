//! The command line, parsed with Python 3.11 argparse semantics as AWS CLI v1 does.
//!
//! AWS CLI v1 parses `aws cognito-idp <args>` in three stages, each a `parse_known_args` whose leftovers
//! feed the next: the main parser (global options and the positional `command`), the service parser
//! (the positional `operation`) and the operation parser (the operation's argument table and a
//! positional `help`). Our binary has no service level, so [`parse`] runs the same three stages on
//! `["cognito-idp", args...]`, a virtual service token that is always valid. That way global options
//! before or after the operation, `--` (which the first positional that meets it swallows), abbreviations
//! that are ambiguous only at the main stage and the order of leftovers all come out as the reference's.
//!
//! The parsing engine is a port of the parts of CPython 3.11's `argparse._parse_known_args` that these
//! parsers use (long options only, `nargs` of `None`, `'?'` and 0, `store`, `store_true`/`store_false`
//! and `version` actions), with awscli's `CLIArgParser._check_value` message for invalid choices and
//! difflib's `get_close_matches` for its suggestions. Between the main and the service stage runs what
//! awscli's `top-level-args-parsed` handlers check, in their order (see [`TopLevelEvent`]).
//!
//! Where awscli names itself or its service level, we write what a user of this binary sees: the
//! program is `cognito-idp`, the usage text is [`USAGE`], the service-level positional is called
//! `command` (awscli: `operation`) and its choices are our one operation and `help`.
//!
//! Messages never echo the value of a sensitive option ([`crate::redact::sensitive_options`]): in
//! `ambiguous option: --user=<value> could match ...` and in our message for an argument that is not
//! UTF-8, a value given to an option token that could stand for one (any prefix of its name) is
//! [`crate::redact::REDACTED`].

use std::ffi::{OsStr, OsString};

use cognito_idp_client::contract;
use cognito_idp_client::model::{Member, ShapeKind};

use crate::input::global_options::{GLOBAL_OPTIONS, GlobalOption, Kind};
use crate::naming::option_name;
use crate::python::pyint::{decimal_value, python_int};
use crate::python::pyrepr::{self, repr_str};
use crate::redact::{REDACTED, may_name_sensitive_option};

/// The usage text; it replaces AWS CLI v1's (which starts with `\r` and a notice about AWS CLI v2).
pub const USAGE: &str = "usage: cognito-idp [options] <command> [parameters]\n\
To see help text, you can run:\n\
\n\
\x20 cognito-idp help\n\
\x20 cognito-idp <command> help\n";

/// The program name in error messages (awscli: `aws`).
const PROG: &str = "cognito-idp";

/// The token the main stage sees in place of the service name.
const SERVICE_TOKEN: &str = "cognito-idp";

/// The name of the service-level positional in messages, as awscli names it.
const COMMAND_NAME: &str = "operation";

/// The global options, as the main stage left them and awscli's `top-level-args-parsed` handlers
/// resolved them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Globals {
    /// `--debug`.
    pub debug: bool,
    /// `--endpoint-url`.
    pub endpoint_url: Option<String>,
    /// `false` with `--no-verify-ssl`.
    pub verify_ssl: bool,
    /// `false` with `--no-paginate`.
    pub paginate: bool,
    /// `--output`: `json`, `text` or `table`.
    pub output: Option<String>,
    /// `--query`, as given (not compiled).
    pub query: Option<String>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--color`: `on`, `off` or `auto` (the default).
    pub color: String,
    /// `false` with `--no-sign-request`.
    pub sign_request: bool,
    /// `--ca-bundle`.
    pub ca_bundle: Option<String>,
    /// `--cli-read-timeout` read as Python's `int()` reads it; `None` when not given (awscli then
    /// uses 60), `Some(0)` means no timeout. Values beyond `i64` saturate.
    pub read_timeout: Option<i64>,
    /// `--cli-connect-timeout`, read as `--cli-read-timeout` is.
    pub connect_timeout: Option<i64>,
    /// `--v2-debug`.
    pub v2_debug: bool,
}

impl Default for Globals {
    /// The globals of a command line that gives none.
    fn default() -> Self {
        Self {
            debug: false,
            endpoint_url: None,
            verify_ssl: true,
            paginate: true,
            output: None,
            query: None,
            profile: None,
            region: None,
            color: "auto".to_owned(),
            sign_request: true,
            ca_bundle: None,
            read_timeout: None,
            connect_timeout: None,
            v2_debug: false,
        }
    }
}

/// The operation's arguments as given on the command line.
#[derive(Clone, Debug)]
pub struct OperationArgs {
    /// Raw option text per input member given on the command line, in model order: (member, text).
    pub members: Vec<(&'static Member, String)>,
    /// `--cli-input-json`.
    pub cli_input_json: Option<String>,
    /// `--generate-cli-skeleton`: `input` (also when given without a value) or `output`.
    pub generate_cli_skeleton: Option<String>,
    /// `--client-secret-file`, an option of ours that AWS CLI v1 does not have.
    pub client_secret_file: Option<String>,
}

impl PartialEq for OperationArgs {
    /// Members are the same when they are the same entry of the contract's tables.
    fn eq(&self, other: &Self) -> bool {
        self.members.len() == other.members.len()
            && self
                .members
                .iter()
                .zip(&other.members)
                .all(|((a, a_text), (b, b_text))| std::ptr::eq(*a, *b) && a_text == b_text)
            && self.cli_input_json == other.cli_input_json
            && self.generate_cli_skeleton == other.generate_cli_skeleton
            && self.client_secret_file == other.client_secret_file
    }
}

impl Eq for OperationArgs {}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the operation.
    Operation(OperationArgs),
    /// `cognito-idp resend-confirmation-code help`: the operation's help.
    OperationHelp,
    /// `cognito-idp help`: the service's help (awscli ignores whatever follows `help` here).
    ServiceHelp,
    /// `--version`: print the version and exit 0.
    Version,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// The global options; for [`Command::Version`] the defaults, as parsing stops at `--version`.
    pub globals: Globals,
    /// What to do.
    pub command: Command,
    /// Options whose value argparse made a list instead of a string, in the order of the fields above
    /// (globals, then members in model order, then `--cli-input-json` and `--client-secret-file`).
    ///
    /// argparse removes the first `--` from an option's arguments, so `--username=--` leaves
    /// `username = []`; the option's field above then reads as not given. AWS CLI v1 carries the list
    /// on: for a member, validation fails (`Invalid type for parameter Username, value: [], type:
    /// <class 'list'>, valid types: <class 'str'>`); for `--cli-input-json`, `the JSON object must be
    /// str, bytes or bytearray, not list`; `--region` fails when the client is made; `--output`,
    /// `--color`, `--profile` and `--ca-bundle` act as not given until they are used. `--query`,
    /// `--endpoint-url` and the timeouts never get here: [`parse`] reports their errors.
    pub list_values: Vec<&'static str>,
}

/// The checks that awscli's `top-level-args-parsed` handlers make between the main stage and the
/// service stage, in their order, for [`parse_with`] to hand to its caller.
#[derive(Debug)]
pub enum TopLevelEvent<'a> {
    /// `--query` was given: awscli compiles it (`Bad value for --query ...` when that fails).
    Query(&'a str),
    /// `--endpoint-url` was given: awscli checks it with `urlparse` (see [`endpoint_url_error`]).
    EndpointUrl(&'a str),
    /// All global options are resolved; awscli now sets up logging (`--debug`), prints `--v2-debug`
    /// warnings and initialises the session, before the service stage can fail.
    GlobalsParsed(&'a Globals),
}

/// Why the command line cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A usage error (exit 2); the message that follows `error: `.
    Usage(String),
    /// Arguments no stage consumed (exit 255).
    UnknownOptions(Vec<String>),
    /// An argument that is not valid UTF-8 (exit 255); the message says which.
    InvalidUtf8(String),
    /// A global option rejected between the stages (exit 255), such as
    /// `invalid literal for int() with base 10: 'x'` for `--cli-read-timeout x`.
    TopLevel(String),
}

impl ParseError {
    /// The exit code AWS CLI v1 gives this error.
    pub fn exit_status(&self) -> crate::exit::ExitStatus {
        use crate::exit::ExitStatus;
        match self {
            ParseError::Usage(_) => ExitStatus::Usage,
            ParseError::UnknownOptions(_) | ParseError::InvalidUtf8(_) | ParseError::TopLevel(_) => ExitStatus::Failure,
        }
    }

    /// The exact bytes to write to stderr.
    pub fn render(&self) -> String {
        match self {
            // argparse's error(): the usage (trailing newlines stripped, one added), then
            // "prog: error: message\n".
            ParseError::Usage(message) => {
                format!("{}\n{PROG}: error: {message}\n", USAGE.trim_end_matches('\n'))
            }
            // clidriver.main(): "usage: %s\n" % USAGE, the error, "\n".
            ParseError::UnknownOptions(options) => {
                format!("{USAGE}\nUnknown options: {}\n", options.join(", "))
            }
            // awscli's write_exception(): "\n", the message, "\n".
            ParseError::InvalidUtf8(message) | ParseError::TopLevel(message) => format!("\n{message}\n"),
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for ParseError {}

/// Parses `args` (without the program name) as `aws cognito-idp <args>` is parsed.
///
/// Between the stages it checks `--endpoint-url` with [`endpoint_url_error`] and does not check
/// `--query`; use [`parse_with`] to add checks of your own in AWS CLI v1's order.
pub fn parse(args: &[OsString]) -> Result<Invocation, ParseError> {
    parse_with(args, |event| match event {
        TopLevelEvent::EndpointUrl(url) => endpoint_url_error(url).map_or(Ok(()), Err),
        TopLevelEvent::Query(_) | TopLevelEvent::GlobalsParsed(_) => Ok(()),
    })
}

/// Parses `args` as [`parse`] does, handing each [`TopLevelEvent`] to `on_top_level` when AWS CLI v1
/// would handle it. An `Err(message)` from it stops parsing with [`ParseError::TopLevel`].
pub fn parse_with<F>(args: &[OsString], mut on_top_level: F) -> Result<Invocation, ParseError>
where
    F: FnMut(TopLevelEvent<'_>) -> Result<(), String>,
{
    match run(args, &mut on_top_level) {
        Ok(invocation) => Ok(invocation),
        Err(Stop::Error(error)) => Err(error),
        Err(Stop::Version) => {
            Ok(Invocation { globals: Globals::default(), command: Command::Version, list_values: Vec::new() })
        }
    }
}

/// What `_resolve_endpoint_url` in awscli's globalargs raises for `url`, if anything: urlparse's
/// `Invalid IPv6 URL` for unbalanced brackets, else the missing-scheme message.
///
/// Not covered: urlparse's checks of a bracketed host (`[v1.x]`, `[::1]` must be a valid IPvFuture
/// or IPv6 address) and of a non-ASCII network location under NFKC normalisation.
pub fn endpoint_url_error(url: &str) -> Option<String> {
    // urlsplit(): strip leading C0 controls and spaces, drop tabs and line breaks.
    let cleaned: String =
        url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\r' | '\n')).collect();
    let mut rest = cleaned.as_str();
    let mut has_scheme = false;
    if let Some(colon) = cleaned.find(':') {
        let scheme = cleaned.get(..colon).unwrap_or_default();
        let scheme_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.');
        if scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(scheme_chars) {
            has_scheme = true;
            rest = cleaned.get(colon + 1..).unwrap_or_default();
        }
    }
    if let Some(after) = rest.strip_prefix("//") {
        let netloc = after.split(['/', '?', '#']).next().unwrap_or_default();
        if netloc.contains('[') != netloc.contains(']') {
            return Some("Invalid IPv6 URL".to_owned());
        }
    }
    (!has_scheme).then(|| missing_scheme(url))
}

/// awscli's message for an `--endpoint-url` without a scheme, `shown` as Python prints the value.
fn missing_scheme(shown: &str) -> String {
    format!(
        "Bad value for --endpoint-url \"{shown}\": scheme is missing.  Must be of the form http://<hostname>/ or \
         https://<hostname>/"
    )
}

// ---------------------------------------------------------------------------------------------------
// The three stages
// ---------------------------------------------------------------------------------------------------

/// How parsing stopped early.
enum Stop {
    Error(ParseError),
    /// The `version` action ran: argparse prints the version and exits 0 at once.
    Version,
}

impl From<ParseError> for Stop {
    fn from(error: ParseError) -> Self {
        Stop::Error(error)
    }
}

impl From<Halt> for Stop {
    fn from(halt: Halt) -> Self {
        match halt {
            Halt::Usage(message) => Stop::Error(ParseError::Usage(message)),
            Halt::Version => Stop::Version,
        }
    }
}

fn run<F>(args: &[OsString], on_top_level: &mut F) -> Result<Invocation, Stop>
where
    F: FnMut(TopLevelEvent<'_>) -> Result<(), String>,
{
    let args = utf8_args(args)?;
    let mut main_args = Vec::with_capacity(args.len() + 1);
    main_args.push(SERVICE_TOKEN.to_owned());
    main_args.extend(args);

    let main = main_parser();
    let (globals_ns, remaining) = main.parse_known_args(&main_args)?;
    let mut list_values = Vec::new();
    let globals = resolve_globals(&main, &globals_ns, &mut list_values, on_top_level)?;
    on_top_level(TopLevelEvent::GlobalsParsed(&globals)).map_err(ParseError::TopLevel)?;

    let service = service_parser();
    let (service_ns, remaining) = service.parse_known_args(&remaining)?;
    if service.string(&service_ns, COMMAND_NAME) == Some("help") {
        // ServiceHelpCommand ignores what follows: its parser has no arguments to fail on.
        return Ok(Invocation { globals, command: Command::ServiceHelp, list_values });
    }
    let command = operation_stage(remaining, &mut list_values)?;
    Ok(Invocation { globals, command, list_values })
}

fn utf8_args(args: &[OsString]) -> Result<Vec<String>, ParseError> {
    args.iter()
        .enumerate()
        .map(|(i, arg)| {
            arg.to_str().map(str::to_owned).ok_or_else(|| {
                let follows_sensitive = i
                    .checked_sub(1)
                    .and_then(|before| args.get(before))
                    .and_then(|before| before.to_str())
                    .is_some_and(|before| before.len() > 2 && may_name_sensitive_option(before));
                let shown =
                    if follows_sensitive { REDACTED.to_owned() } else { shown_option(&escape_invalid_utf8(arg)) };
                ParseError::InvalidUtf8(format!("argument {} is not valid UTF-8: {shown}", i + 1))
            })
        })
        .collect()
}

/// An argument as messages show it: the value of `--name=value` is [`REDACTED`] when `--name` could stand
/// for a sensitive option.
fn shown_option(arg: &str) -> String {
    match arg.split_once('=') {
        Some((name, _)) if may_name_sensitive_option(name) => format!("{name}={REDACTED}"),
        _ => arg.to_owned(),
    }
}

/// `arg` with each byte that is not part of valid UTF-8 written `\xNN`.
#[cfg(unix)]
fn escape_invalid_utf8(arg: &OsStr) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt as _;
    let mut out = String::new();
    for chunk in arg.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

/// `arg` with what is not valid Unicode replaced by U+FFFD.
#[cfg(not(unix))]
fn escape_invalid_utf8(arg: &OsStr) -> String {
    arg.to_string_lossy().into_owned()
}

/// The main parser: the global options of awscli/data/cli.json in order ([`GLOBAL_OPTIONS`];
/// `building-top-level-params` adds none in awscli 1.46.3), `--version` last (awscli adds its own with
/// `conflict_handler='resolve'`, which drops cli.json's from its place) and the positional `command`.
fn main_parser() -> Parser {
    let action = |global: &GlobalOption| {
        let action = match global.kind {
            Kind::Flag { stores } => Action::flag(global.option, global.dest, stores),
            Kind::Value { .. } => Action::store(global.option, global.dest),
            Kind::Version => Action::version(global.option),
        };
        let action = if global.choices.is_empty() { action } else { action.with_choices(global.choices) };
        match global.default {
            Some(default) => action.with_default(default),
            None => action,
        }
    };
    let (versions, others): (Vec<&GlobalOption>, Vec<&GlobalOption>) =
        GLOBAL_OPTIONS.iter().partition(|global| global.kind == Kind::Version);
    let mut actions: Vec<Action> = others.into_iter().chain(versions).map(action).collect();
    actions.push(Action::positional("command", Nargs::Single).with_choices(&[SERVICE_TOKEN]));
    Parser { actions, display: shown_option }
}

/// The service parser: one positional whose choices are the operations and `help`.
fn service_parser() -> Parser {
    let operation = option_name(contract::OPERATION);
    Parser {
        actions: vec![Action::positional(COMMAND_NAME, Nargs::Single).with_choices(&[operation.as_str(), "help"])],
        display: shown_option,
    }
}

/// The input members in the contract's order.
fn input_members() -> &'static [Member] {
    match &contract::INPUT.kind {
        ShapeKind::Structure(structure) => structure.members,
        ShapeKind::String(_) | ShapeKind::Map(_) => &[],
    }
}

/// The operation parser: one option per input member (`required` as the model says unless
/// `required_override`), awscli's `--cli-input-json` and `--generate-cli-skeleton`, our
/// `--client-secret-file`, and the positional `help`.
fn operation_parser(required_override: bool) -> Parser {
    let mut actions: Vec<Action> = input_members()
        .iter()
        .zip(member_option_names())
        .map(|(member, option_string)| {
            let required = contract::INPUT.is_required(member.name) && !required_override;
            Action::store(option_string, member.name).with_required(required)
        })
        .collect();
    actions.push(Action::store("--cli-input-json", "cli_input_json"));
    actions.push(
        Action::store("--generate-cli-skeleton", "generate_cli_skeleton")
            .with_nargs(Nargs::Optional)
            .with_const("input")
            .with_choices(&["input", "output"]),
    );
    actions.push(Action::store("--client-secret-file", "client_secret_file"));
    actions.push(Action::positional("help", Nargs::Optional));
    Parser { actions, display: shown_option }
}

/// awscli's `OverrideRequiredArgsArgument` handlers on `before-building-argument-table-parser`: the
/// exact token `--cli-input-json` anywhere in the operation stage's arguments, or the exact token
/// `--generate-cli-skeleton` whose next argument (at its first occurrence) is not `output`, make
/// every argument optional. `=` forms and abbreviations do not count.
fn required_overridden(args: &[String]) -> bool {
    let input_json = args.iter().any(|arg| arg == "--cli-input-json");
    let skeleton = args
        .iter()
        .position(|arg| arg == "--generate-cli-skeleton")
        .is_some_and(|at| args.get(at + 1).map(String::as_str) != Some("output"));
    input_json || skeleton
}

fn operation_stage(args: Vec<String>, list_values: &mut Vec<&'static str>) -> Result<Command, Stop> {
    // ArgTableArgParser.parse_known_args: a lone `help` skips parsing, and so the required check.
    if matches!(args.as_slice(), [only] if only == "help") {
        return Ok(Command::OperationHelp);
    }
    let parser = operation_parser(required_overridden(&args));
    let (ns, mut remaining) = parser.parse_known_args(&args)?;
    match parser.string(&ns, "help") {
        Some("help") => return Ok(Command::OperationHelp),
        Some(other) if !other.is_empty() => remaining.push(other.to_owned()),
        _ => {}
    }
    if !remaining.is_empty() {
        return Err(ParseError::UnknownOptions(remaining).into());
    }
    let mut members = Vec::new();
    for member in input_members() {
        match parser.value(&ns, member.name) {
            Some(Value::Str(text)) => members.push((member, text.clone())),
            Some(Value::List(_)) => list_values.push(parser.option_string(member.name)),
            Some(Value::Bool(_)) | None => {}
        }
    }
    let mut text = |dest: &str| match parser.value(&ns, dest) {
        Some(Value::Str(text)) => Some(text.clone()),
        Some(Value::List(_)) => {
            list_values.push(parser.option_string(dest));
            None
        }
        Some(Value::Bool(_)) | None => None,
    };
    let cli_input_json = text("cli_input_json");
    let generate_cli_skeleton = text("generate_cli_skeleton");
    let client_secret_file = text("client_secret_file");
    Ok(Command::Operation(OperationArgs { members, cli_input_json, generate_cli_skeleton, client_secret_file }))
}

/// awscli's `top-level-args-parsed` handlers, in order: `--query`, `--endpoint-url`, then the
/// timeouts through `int()`.
fn resolve_globals<F>(
    main: &Parser,
    ns: &Namespace,
    list_values: &mut Vec<&'static str>,
    on_top_level: &mut F,
) -> Result<Globals, ParseError>
where
    F: FnMut(TopLevelEvent<'_>) -> Result<(), String>,
{
    match main.value(ns, "query") {
        Some(Value::Str(query)) => on_top_level(TopLevelEvent::Query(query)).map_err(ParseError::TopLevel)?,
        Some(Value::List(items)) => {
            return Err(ParseError::TopLevel(format!(
                "Bad value for --query {}: unhashable type: 'list'",
                pyrepr::repr_str_list(items)
            )));
        }
        Some(Value::Bool(_)) | None => {}
    }
    match main.value(ns, "endpoint_url") {
        Some(Value::Str(url)) => on_top_level(TopLevelEvent::EndpointUrl(url)).map_err(ParseError::TopLevel)?,
        Some(Value::List(items)) => {
            return Err(ParseError::TopLevel(missing_scheme(&pyrepr::repr_str_list(items))));
        }
        Some(Value::Bool(_)) | None => {}
    }
    let timeout = |dest: &str| -> Result<Option<i64>, ParseError> {
        match main.value(ns, dest) {
            Some(Value::Str(text)) => python_int(text).map(Some).map_err(ParseError::TopLevel),
            Some(Value::List(_)) => Err(ParseError::TopLevel(
                "int() argument must be a string, a bytes-like object or a real number, not 'list'".to_owned(),
            )),
            Some(Value::Bool(_)) | None => Ok(None),
        }
    };
    let read_timeout = timeout("read_timeout")?;
    let connect_timeout = timeout("connect_timeout")?;

    let flag = |dest: &str, default: bool| match main.value(ns, dest) {
        Some(Value::Bool(value)) => *value,
        _ => default,
    };
    let mut text = |dest: &str| match main.value(ns, dest) {
        Some(Value::Str(text)) => Some(text.clone()),
        Some(Value::List(_)) => {
            list_values.push(main.option_string(dest));
            None
        }
        Some(Value::Bool(_)) | None => None,
    };
    let endpoint_url = text("endpoint_url");
    let output = text("output");
    let query = text("query");
    let profile = text("profile");
    let region = text("region");
    let color = text("color").unwrap_or_else(|| "auto".to_owned());
    let ca_bundle = text("ca_bundle");
    Ok(Globals {
        debug: flag("debug", false),
        endpoint_url,
        verify_ssl: flag("verify_ssl", true),
        paginate: flag("paginate", true),
        output,
        query,
        profile,
        region,
        color,
        sign_request: flag("sign_request", true),
        ca_bundle,
        read_timeout,
        connect_timeout,
        v2_debug: flag("v2_debug", false),
    })
}

// ---------------------------------------------------------------------------------------------------
// The argparse engine (CPython 3.11.7 Lib/argparse.py)
// ---------------------------------------------------------------------------------------------------

/// How many arguments an action takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nargs {
    /// `nargs=None`: exactly one.
    Single,
    /// `nargs='?'`: zero or one.
    Optional,
    /// `nargs=0`: none (flags and `version`).
    Zero,
}

/// What an action does with its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    /// `store`.
    Store,
    /// `store_true` / `store_false`: stores the constant.
    StoreConst(bool),
    /// `version`: prints the version and exits.
    Version,
}

/// A value in the namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Str(String),
    /// What argparse stores when an action's arguments are not one string: only `[]`, from
    /// `--opt=--`, can reach the namespace here.
    List(Vec<String>),
    Bool(bool),
}

/// An `argparse.Action`, reduced to what these parsers use.
#[derive(Clone, Debug)]
struct Action {
    /// Its option string; `None` for a positional.
    option_string: Option<&'static str>,
    /// Where the value goes; a positional's name in messages.
    dest: &'static str,
    nargs: Nargs,
    act: Act,
    konst: Option<&'static str>,
    default: Option<Value>,
    choices: Option<Vec<String>>,
    required: bool,
}

impl Action {
    fn store(option_string: &'static str, dest: &'static str) -> Self {
        Action {
            option_string: Some(option_string),
            dest,
            nargs: Nargs::Single,
            act: Act::Store,
            konst: None,
            default: None,
            choices: None,
            required: false,
        }
    }

    /// `store_true` (`value` true) or `store_false`; the default is the opposite.
    fn flag(option_string: &'static str, dest: &'static str, value: bool) -> Self {
        Action {
            nargs: Nargs::Zero,
            act: Act::StoreConst(value),
            default: Some(Value::Bool(!value)),
            ..Action::store(option_string, dest)
        }
    }

    fn version(option_string: &'static str) -> Self {
        Action { nargs: Nargs::Zero, act: Act::Version, ..Action::store(option_string, "version") }
    }

    /// A positional; argparse makes it required unless `nargs` is `'?'`.
    fn positional(dest: &'static str, nargs: Nargs) -> Self {
        Action { option_string: None, nargs, required: nargs != Nargs::Optional, ..Action::store("", dest) }
    }

    fn with_choices(self, choices: &[&str]) -> Self {
        Action { choices: Some(choices.iter().map(|choice| (*choice).to_owned()).collect()), ..self }
    }

    fn with_default(self, default: &str) -> Self {
        Action { default: Some(Value::Str(default.to_owned())), ..self }
    }

    fn with_const(self, konst: &'static str) -> Self {
        Action { konst: Some(konst), ..self }
    }

    fn with_nargs(self, nargs: Nargs) -> Self {
        Action { nargs, ..self }
    }

    fn with_required(self, required: bool) -> Self {
        Action { required, ..self }
    }

    /// `_get_action_name`: the option string, else the dest.
    fn name(&self) -> &str {
        self.option_string.unwrap_or(self.dest)
    }
}

/// How a stage stopped.
#[derive(Debug)]
enum Halt {
    /// `parser.error(message)`: exit 2.
    Usage(String),
    /// The `version` action ran.
    Version,
}

/// The namespace: one slot per action, `None` for Python's `None` or an unset attribute.
type Namespace = Vec<Option<Value>>;

/// What `_parse_optional` found in an argument that is an option: its action (`None` for an option
/// this parser does not know) and the explicit argument after `=`, if any.
#[derive(Clone, Debug)]
struct OptionTuple {
    action: Option<usize>,
    explicit: Option<String>,
}

/// An `ArgumentParser` with `add_help=False`, `allow_abbrev=True`, `prefix_chars='-'`, whose option
/// strings all start with `--`, and no mutually exclusive groups.
#[derive(Debug)]
struct Parser {
    /// The actions in the order of `_actions`, which is also the order of `_option_string_actions`.
    actions: Vec<Action>,
    /// How an argument is shown in the parser's own messages (the display hook: the engine knows no
    /// policy; awscli's parsers hide sensitive values with [`shown_option`]).
    display: fn(&str) -> String,
}

impl Parser {
    fn index(&self, dest: &str) -> Option<usize> {
        self.actions.iter().position(|action| action.dest == dest)
    }

    fn value<'n>(&self, ns: &'n Namespace, dest: &str) -> Option<&'n Value> {
        self.index(dest).and_then(|i| ns.get(i)).and_then(Option::as_ref)
    }

    fn string<'n>(&self, ns: &'n Namespace, dest: &str) -> Option<&'n str> {
        match self.value(ns, dest) {
            Some(Value::Str(text)) => Some(text),
            _ => None,
        }
    }

    /// The option string of the action storing to `dest`, for [`Invocation::list_values`].
    fn option_string(&self, dest: &str) -> &'static str {
        self.index(dest).and_then(|i| self.actions.get(i)).and_then(|a| a.option_string).unwrap_or_default()
    }

    fn find_option(&self, option_string: &str) -> Option<usize> {
        self.actions.iter().position(|action| action.option_string == Some(option_string))
    }

    fn argument_error(&self, action: usize, message: &str) -> Halt {
        let name = self.actions.get(action).map_or("", Action::name);
        Halt::Usage(format!("argument {name}: {message}"))
    }

    /// `_parse_optional`: whether `arg` is an option (`Some`) or a positional (`None`).
    fn parse_optional(&self, arg: &str) -> Result<Option<OptionTuple>, Halt> {
        if !arg.starts_with('-') {
            return Ok(None);
        }
        if let Some(action) = self.find_option(arg) {
            return Ok(Some(OptionTuple { action: Some(action), explicit: None }));
        }
        if arg.chars().count() == 1 {
            return Ok(None);
        }
        if let Some((option, explicit)) = arg.split_once('=')
            && let Some(action) = self.find_option(option)
        {
            return Ok(Some(OptionTuple { action: Some(action), explicit: Some(explicit.to_owned()) }));
        }
        let mut tuples = self.option_tuples(arg);
        if tuples.len() > 1 {
            let matches: Vec<&str> =
                tuples.iter().filter_map(|(action, _)| self.actions.get(*action).map(Action::name)).collect();
            let shown = (self.display)(arg);
            return Err(Halt::Usage(format!("ambiguous option: {shown} could match {}", matches.join(", "))));
        }
        if let Some((action, explicit)) = tuples.pop() {
            return Ok(Some(OptionTuple { action: Some(action), explicit }));
        }
        // No option string here looks like a negative number, so negative numbers are positionals.
        if looks_like_negative_number(arg) {
            return Ok(None);
        }
        if arg.contains(' ') {
            return Ok(None);
        }
        Ok(Some(OptionTuple { action: None, explicit: None }))
    }

    /// `_get_option_tuples`: the options `arg` abbreviates. Only `--` arguments can match: the
    /// single-dash branch looks for option strings `-x` or starting with `-x`, and all of ours
    /// start with `--`.
    fn option_tuples(&self, arg: &str) -> Vec<(usize, Option<String>)> {
        let Some(body) = arg.strip_prefix("--") else {
            return Vec::new();
        };
        let (prefix, explicit) = match body.split_once('=') {
            Some((prefix, explicit)) => (format!("--{prefix}"), Some(explicit.to_owned())),
            None => (arg.to_owned(), None),
        };
        self.actions
            .iter()
            .enumerate()
            .filter(|(_, action)| action.option_string.is_some_and(|s| s.starts_with(&prefix)))
            .map(|(i, _)| (i, explicit.clone()))
            .collect()
    }

    /// `parse_known_args`: the namespace and the arguments left over, in argparse's order.
    fn parse_known_args(&self, args: &[String]) -> Result<(Namespace, Vec<String>), Halt> {
        let mut option_at = std::collections::BTreeMap::new();
        let mut pattern = Vec::with_capacity(args.len());
        let mut iter = args.iter().enumerate();
        while let Some((i, arg)) = iter.next() {
            if arg == "--" {
                pattern.push(b'-');
                pattern.extend(iter.by_ref().map(|_| b'A'));
            } else if let Some(tuple) = self.parse_optional(arg)? {
                option_at.insert(i, tuple);
                pattern.push(b'O');
            } else {
                pattern.push(b'A');
            }
        }
        let mut state = ParseState {
            parser: self,
            args,
            pattern,
            option_at,
            ns: self.actions.iter().map(|action| action.default.clone()).collect(),
            seen: vec![false; self.actions.len()],
            extras: Vec::new(),
            positionals: (0..self.actions.len())
                .filter(|&i| self.actions.get(i).is_some_and(|a| a.option_string.is_none()))
                .collect(),
        };
        state.consume_all()?;
        let missing: Vec<&str> = self
            .actions
            .iter()
            .zip(&state.seen)
            .filter(|(action, seen)| action.required && !**seen)
            .map(|(action, _)| action.name())
            .collect();
        if !missing.is_empty() {
            return Err(Halt::Usage(format!("the following arguments are required: {}", missing.join(", "))));
        }
        Ok((state.ns, state.extras))
    }

    /// `_match_argument` for an optional: how many of the arguments whose pattern is `pattern` it takes.
    fn match_optional(&self, action: usize, pattern: &[u8]) -> Result<usize, Halt> {
        let next_is_argument = pattern.first() == Some(&b'A');
        match self.actions.get(action).map(|a| a.nargs) {
            Some(Nargs::Single) if next_is_argument => Ok(1),
            Some(Nargs::Single) => Err(self.argument_error(action, "expected one argument")),
            Some(Nargs::Optional) => Ok(usize::from(next_is_argument)),
            Some(Nargs::Zero) | None => Ok(0),
        }
    }

    /// `_check_value` as awscli's `CLIArgParser` overrides it.
    fn check_value(&self, action: usize, value: &str) -> Result<(), Halt> {
        match self.actions.get(action).and_then(|a| a.choices.as_ref()) {
            Some(choices) if !choices.iter().any(|choice| choice == value) => {
                Err(self.argument_error(action, &invalid_choice_message(value, choices)))
            }
            _ => Ok(()),
        }
    }

    /// `_get_values`.
    fn get_values(&self, action: usize, mut args: Vec<String>) -> Result<Option<Value>, Halt> {
        if let Some(at) = args.iter().position(|arg| arg == "--") {
            args.remove(at);
        }
        let Some(spec) = self.actions.get(action) else {
            return Ok(None);
        };
        match (args.as_slice(), spec.nargs) {
            ([], Nargs::Optional) => {
                let value = match spec.option_string {
                    Some(_) => spec.konst.map(|konst| Value::Str(konst.to_owned())),
                    None => spec.default.clone(),
                };
                if let Some(Value::Str(text)) = &value {
                    self.check_value(action, text)?;
                }
                Ok(value)
            }
            ([single], Nargs::Single | Nargs::Optional) => {
                self.check_value(action, single)?;
                Ok(Some(Value::Str(single.clone())))
            }
            _ => {
                for arg in &args {
                    self.check_value(action, arg)?;
                }
                Ok(Some(Value::List(args)))
            }
        }
    }
}

/// `--` plus the option name of each input member, computed once.
fn member_option_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| input_members().iter().map(|member| format!("--{}", option_name(member.name))).collect())
}

/// The mutable part of one `_parse_known_args` run.
struct ParseState<'p> {
    parser: &'p Parser,
    args: &'p [String],
    /// One byte per argument: `O` an option, `A` an argument, `-` the first `--`.
    pattern: Vec<u8>,
    option_at: std::collections::BTreeMap<usize, OptionTuple>,
    ns: Namespace,
    seen: Vec<bool>,
    extras: Vec<String>,
    /// The positionals not consumed yet.
    positionals: Vec<usize>,
}

impl ParseState<'_> {
    fn slice(&self, from: usize, to: usize) -> &[String] {
        self.args.get(from..to).unwrap_or_default()
    }

    /// The loop of `_parse_known_args`: positionals and optionals alternately, then the rest.
    fn consume_all(&mut self) -> Result<(), Halt> {
        let mut start = 0;
        if let Some(&max_option_index) = self.option_at.keys().next_back() {
            while start <= max_option_index {
                let Some(&next_option) = self.option_at.range(start..).next().map(|(index, _)| index) else {
                    break;
                };
                if start != next_option {
                    let end = self.consume_positionals(start)?;
                    if end > start {
                        start = end;
                        continue;
                    }
                    start = end;
                }
                if !self.option_at.contains_key(&start) {
                    let skipped = self.slice(start, next_option).to_vec();
                    self.extras.extend(skipped);
                    start = next_option;
                }
                start = self.consume_optional(start)?;
            }
        }
        let stop = self.consume_positionals(start)?;
        let rest = self.slice(stop, self.args.len()).to_vec();
        self.extras.extend(rest);
        Ok(())
    }

    /// `consume_optional`.
    fn consume_optional(&mut self, start: usize) -> Result<usize, Halt> {
        let Some(tuple) = self.option_at.get(&start).cloned() else {
            return Ok(start + 1);
        };
        let Some(action) = tuple.action else {
            let unknown = self.slice(start, start + 1).to_vec();
            self.extras.extend(unknown);
            return Ok(start + 1);
        };
        let (args, stop) = match tuple.explicit {
            Some(explicit) => {
                if self.parser.match_optional(action, b"A")? != 1 {
                    let message = format!("ignored explicit argument {}", repr_str(&explicit));
                    return Err(self.parser.argument_error(action, &message));
                }
                (vec![explicit], start + 1)
            }
            None => {
                let following = self.pattern.get(start + 1..).unwrap_or_default();
                let count = self.parser.match_optional(action, following)?;
                (self.slice(start + 1, start + 1 + count).to_vec(), start + 1 + count)
            }
        };
        self.take_action(action, args)?;
        Ok(stop)
    }

    /// `consume_positionals`.
    fn consume_positionals(&mut self, start: usize) -> Result<usize, Halt> {
        let nargs: Vec<Nargs> =
            self.positionals.iter().filter_map(|&i| self.parser.actions.get(i).map(|action| action.nargs)).collect();
        let counts = match_positionals_partial(&nargs, self.pattern.get(start..).unwrap_or_default());
        let mut at = start;
        for (&action, &count) in self.positionals.clone().iter().zip(&counts) {
            let args = self.slice(at, at + count).to_vec();
            at += count;
            self.take_action(action, args)?;
        }
        self.positionals.drain(..counts.len().min(self.positionals.len()));
        Ok(at)
    }

    /// `take_action`.
    fn take_action(&mut self, action: usize, args: Vec<String>) -> Result<(), Halt> {
        if let Some(seen) = self.seen.get_mut(action) {
            *seen = true;
        }
        let value = self.parser.get_values(action, args)?;
        let act = self.parser.actions.get(action).map_or(Act::Store, |a| a.act);
        let stored = match act {
            Act::Store => value,
            Act::StoreConst(konst) => Some(Value::Bool(konst)),
            Act::Version => return Err(Halt::Version),
        };
        if let Some(slot) = self.ns.get_mut(action) {
            *slot = stored;
        }
        Ok(())
    }
}

/// `_match_arguments_partial`: how many arguments each of the leading positionals takes, for the
/// longest prefix of `nargs` whose patterns (`(-*A-*)`, `(-*A?-*)`) match at the start of `pattern`.
fn match_positionals_partial(nargs: &[Nargs], pattern: &[u8]) -> Vec<usize> {
    (1..=nargs.len())
        .rev()
        .find_map(|take| match_positionals(nargs.get(..take).unwrap_or_default(), pattern, 0))
        .unwrap_or_default()
}

/// `re.match` of the concatenated groups at `pos`, trying greedy choices first as the regex engine does.
fn match_positionals(nargs: &[Nargs], pattern: &[u8], pos: usize) -> Option<Vec<usize>> {
    let Some((first, rest)) = nargs.split_first() else {
        return Some(Vec::new());
    };
    let dashes_from = |at: usize| pattern.iter().skip(at).take_while(|&&c| c == b'-').count();
    for lead in (0..=dashes_from(pos)).rev() {
        let at_argument = pattern.get(pos + lead) == Some(&b'A');
        let takes: &[usize] = match (first, at_argument) {
            (Nargs::Single, true) => &[1],
            (Nargs::Single, false) => &[],
            (Nargs::Optional, true) => &[1, 0],
            (Nargs::Optional, false) | (Nargs::Zero, _) => &[0],
        };
        for &take in takes {
            let after = pos + lead + take;
            for trail in (0..=dashes_from(after)).rev() {
                let end = after + trail;
                if let Some(mut counts) = match_positionals(rest, pattern, end) {
                    counts.insert(0, end - pos);
                    return Some(counts);
                }
            }
        }
    }
    None
}

/// `_negative_number_matcher`: `^-\d+$|^-\d*\.\d+$`, where `\d` is any Unicode decimal digit and `$`
/// also matches before a final newline.
fn looks_like_negative_number(arg: &str) -> bool {
    let Some(body) = arg.strip_prefix('-') else {
        return false;
    };
    let body = body.strip_suffix('\n').unwrap_or(body);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| decimal_value(c).is_some());
    match body.split_once('.') {
        Some((whole, fraction)) => (whole.is_empty() || digits(whole)) && digits(fraction),
        None => digits(body),
    }
}

// ---------------------------------------------------------------------------------------------------
// awscli's invalid-choice message and difflib
// ---------------------------------------------------------------------------------------------------

/// `CLIArgParser._check_value`'s message: the choices two per line, each `'%-40s'`, joined by ` | `,
/// then the close matches (`difflib.get_close_matches(value, choices, cutoff=0.8)`), if any.
fn invalid_choice_message(value: &str, choices: &[String]) -> String {
    let mut lines = vec!["Invalid choice, valid choices are:\n".to_owned()];
    for row in choices.chunks(2) {
        let cells: Vec<String> = row.iter().map(|choice| format!("{choice:<40}")).collect();
        lines.push(cells.join(" | "));
    }
    let possible = get_close_matches(value, choices, 3, 0.8);
    if !possible.is_empty() {
        lines.push(format!("\n\nInvalid choice: {}, maybe you meant:\n", repr_str(value)));
        lines.extend(possible.iter().map(|word| format!("  * {word}")));
    }
    lines.join("\n")
}

/// `difflib.get_close_matches`: the best `n` of `possibilities` whose ratio to `word` is at least
/// `cutoff`, best first (ties: the greater string first, as `heapq.nlargest` orders tuples).
///
/// difflib filters with `real_quick_ratio()` and `quick_ratio()` before `ratio()`; both are upper
/// bounds of `ratio()` computed with the same formula, so they reject nothing `ratio()` accepts.
fn get_close_matches(word: &str, possibilities: &[String], n: usize, cutoff: f64) -> Vec<String> {
    let matcher = SequenceMatcher::new(word);
    let mut scored: Vec<(f64, &String)> = possibilities
        .iter()
        .map(|possibility| (matcher.ratio(possibility), possibility))
        .filter(|(score, _)| *score >= cutoff)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(a.1)));
    scored.into_iter().take(n).map(|(_, possibility)| possibility.clone()).collect()
}

/// `difflib.SequenceMatcher(None, a, word)` with `autojunk=True`, for `ratio()` against many `a`.
struct SequenceMatcher {
    b: Vec<char>,
    /// `b2j`: the indices of each element of `b`, popular elements removed.
    b2j: std::collections::HashMap<char, Vec<usize>>,
}

impl SequenceMatcher {
    /// `set_seq2(word)`: `__chain_b` without junk, with the popularity heuristic for long words.
    fn new(word: &str) -> Self {
        let b: Vec<char> = word.chars().collect();
        let mut b2j: std::collections::HashMap<char, Vec<usize>> = std::collections::HashMap::new();
        for (i, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(i);
        }
        if b.len() >= 200 {
            let ntest = b.len() / 100 + 1;
            b2j.retain(|_, indices| indices.len() <= ntest);
        }
        SequenceMatcher { b, b2j }
    }

    /// `ratio()`: twice the matched elements over the total length.
    fn ratio(&self, a: &str) -> f64 {
        let a: Vec<char> = a.chars().collect();
        let total = a.len() + self.b.len();
        if total == 0 {
            return 1.0;
        }
        let matches = self.matching_total(&a);
        2.0 * matches as f64 / total as f64
    }

    /// The sum of the sizes of `get_matching_blocks()`.
    fn matching_total(&self, a: &[char]) -> usize {
        let mut queue = vec![(0, a.len(), 0, self.b.len())];
        let mut total = 0;
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(a, alo, ahi, blo, bhi);
            if k > 0 {
                total += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        total
    }

    /// `find_longest_match(alo, ahi, blo, bhi)`; with no junk, only the extension over popular
    /// elements follows the main loop.
    fn find_longest_match(&self, a: &[char], alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        let mut j2len: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for i in alo..ahi {
            let mut new_j2len = std::collections::HashMap::new();
            let indices = a.get(i).and_then(|c| self.b2j.get(c)).map_or(&[][..], Vec::as_slice);
            for &j in indices {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j.checked_sub(1).and_then(|prev| j2len.get(&prev)).copied().unwrap_or(0) + 1;
                new_j2len.insert(j, k);
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
            j2len = new_j2len;
        }
        let same = |x: usize, y: usize| a.get(x).is_some() && a.get(x) == self.b.get(y);
        while besti > alo && bestj > blo && same(besti - 1, bestj - 1) {
            (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
        }
        while besti + bestsize < ahi && bestj + bestsize < bhi && same(besti + bestsize, bestj + bestsize) {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }
}

// ---------------------------------------------------------------------------------------------------
// Python's int() of a str (CPython 3.11, Unicode 14.0.0)
// ---------------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (`aws cognito-idp ...`, with `aws` read as
    //! `cognito-idp`, `operation` as `command`, and the service's operations cut to ours; messages
    //! that list `--client-secret-file` come from the same CLI with that argument added to the table).

    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Invocation, ParseError> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        parse(&args)
    }

    fn usage_error(args: &[&str]) -> String {
        match parse_strs(args) {
            Err(ParseError::Usage(message)) => message,
            other => panic!("expected a usage error for {args:?}, got {other:?}"),
        }
    }

    fn unknown_options(args: &[&str]) -> Vec<String> {
        match parse_strs(args) {
            Err(ParseError::UnknownOptions(options)) => options,
            other => panic!("expected unknown options for {args:?}, got {other:?}"),
        }
    }

    fn top_level_error(args: &[&str]) -> String {
        match parse_strs(args) {
            Err(ParseError::TopLevel(message)) => message,
            other => panic!("expected a top-level error for {args:?}, got {other:?}"),
        }
    }

    fn invocation(args: &[&str]) -> Invocation {
        match parse_strs(args) {
            Ok(invocation) => invocation,
            Err(error) => panic!("expected {args:?} to parse, got {error:?}"),
        }
    }

    fn operation(args: &[&str]) -> (Globals, OperationArgs) {
        let parsed = invocation(args);
        match parsed.command {
            Command::Operation(op) => (parsed.globals, op),
            other => panic!("expected an operation for {args:?}, got {other:?}"),
        }
    }

    fn command(args: &[&str]) -> Command {
        invocation(args).command
    }

    /// The text given for the member called `name`.
    fn member<'a>(op: &'a OperationArgs, name: &str) -> Option<&'a str> {
        op.members.iter().find(|(member, _)| member.name == name).map(|(_, text)| text.as_str())
    }

    const OP: &str = "resend-confirmation-code";
    const REQUIRED: [&str; 5] = [OP, "--client-id", "a", "--username", "b"];

    fn with_required(extra: &[&str]) -> Vec<&'static str> {
        let mut args: Vec<&'static str> = REQUIRED.to_vec();
        args.extend(extra.iter().map(|arg| -> &'static str { Box::leak(arg.to_string().into_boxed_str()) }));
        args
    }

    const OUTPUT_CHOICES: &str = "Invalid choice, valid choices are:\n\n\
        json                                     | text                                    \n\
        table                                   ";
    const COMMAND_CHOICES: &str = "Invalid choice, valid choices are:\n\n\
        resend-confirmation-code                 | help                                    ";

    // --- The usage text and rendering --------------------------------------------------------------

    #[test]
    fn usage_is_our_text_with_a_newline_after_each_line() {
        assert_eq!(
            USAGE,
            "usage: cognito-idp [options] <command> [parameters]\nTo see help text, you can run:\n\n  cognito-idp help\n  cognito-idp <command> help\n"
        );
    }

    #[test]
    fn a_usage_error_renders_the_usage_then_the_program_and_the_message() {
        let error = parse_strs(&[OP]).expect_err("an error");
        assert_eq!(error.exit_status().code(), 2);
        assert_eq!(
            error.render(),
            format!("{USAGE}cognito-idp: error: the following arguments are required: --client-id, --username\n")
        );
    }

    #[test]
    fn unknown_options_render_the_usage_an_empty_line_and_the_list() {
        let error = parse_strs(&with_required(&["--bogus", "x", "y"])).expect_err("an error");
        assert_eq!(error.exit_status().code(), 255);
        assert_eq!(error.render(), format!("{USAGE}\nUnknown options: --bogus, y, x\n"));
    }

    #[test]
    fn a_top_level_error_renders_between_newlines_with_exit_255() {
        let error = parse_strs(&["--cli-read-timeout", "x", OP]).expect_err("an error");
        assert_eq!(error.exit_status().code(), 255);
        assert_eq!(error.render(), "\ninvalid literal for int() with base 10: 'x'\n");
    }

    // --- Global options ----------------------------------------------------------------------------

    #[test]
    fn no_global_option_gives_the_defaults() {
        let (globals, _) = operation(&REQUIRED);
        assert_eq!(globals, Globals::default());
        assert_eq!(globals.color, "auto");
        assert!(globals.verify_ssl && globals.paginate && globals.sign_request);
    }

    fn all_globals() -> Vec<&'static str> {
        vec![
            "--debug",
            "--endpoint-url",
            "http://e",
            "--no-verify-ssl",
            "--no-paginate",
            "--output",
            "text",
            "--query",
            "a.b",
            "--profile",
            "p",
            "--region",
            "r",
            "--color",
            "off",
            "--no-sign-request",
            "--ca-bundle",
            "cb",
            "--cli-read-timeout",
            "5",
            "--cli-connect-timeout",
            "6",
            "--v2-debug",
        ]
    }

    fn expected_all_globals() -> Globals {
        Globals {
            debug: true,
            endpoint_url: Some("http://e".into()),
            verify_ssl: false,
            paginate: false,
            output: Some("text".into()),
            query: Some("a.b".into()),
            profile: Some("p".into()),
            region: Some("r".into()),
            color: "off".into(),
            sign_request: false,
            ca_bundle: Some("cb".into()),
            read_timeout: Some(5),
            connect_timeout: Some(6),
            v2_debug: true,
        }
    }

    #[test]
    fn every_global_option_is_read_before_the_operation() {
        let mut args = all_globals();
        args.extend(REQUIRED);
        let (globals, op) = operation(&args);
        assert_eq!(globals, expected_all_globals());
        assert_eq!(member(&op, "ClientId"), Some("a"));
    }

    #[test]
    fn every_global_option_is_read_after_the_operation() {
        let args = with_required(&all_globals());
        let (globals, op) = operation(&args);
        assert_eq!(globals, expected_all_globals());
        assert_eq!(member(&op, "Username"), Some("b"));
    }

    #[test]
    fn global_options_are_read_between_the_operation_and_its_options() {
        let (globals, op) =
            operation(&[OP, "--region", "r", "--client-id", "a", "--output", "json", "--username", "b"]);
        assert_eq!(globals.region.as_deref(), Some("r"));
        assert_eq!(globals.output.as_deref(), Some("json"));
        assert_eq!(member(&op, "ClientId"), Some("a"));
    }

    #[test]
    fn values_can_be_joined_with_equals() {
        let (globals, op) = operation(&[OP, "--region=us-west-2", "--client-id=a=b", "--username=", "--output=table"]);
        assert_eq!(globals.region.as_deref(), Some("us-west-2"));
        assert_eq!(globals.output.as_deref(), Some("table"));
        assert_eq!(member(&op, "ClientId"), Some("a=b"));
        assert_eq!(member(&op, "Username"), Some(""));
    }

    #[test]
    fn unique_prefixes_abbreviate_options_at_every_stage() {
        let (globals, op) =
            operation(&["--reg", "r", OP, "--usern=b", "--client-i", "a", "--cli-r", "5", "--client-s", "f"]);
        assert_eq!(globals.region.as_deref(), Some("r"));
        assert_eq!(globals.read_timeout, Some(5));
        assert_eq!(member(&op, "Username"), Some("b"));
        assert_eq!(member(&op, "ClientId"), Some("a"));
        assert_eq!(op.client_secret_file.as_deref(), Some("f"));
    }

    #[test]
    fn a_repeated_option_keeps_its_last_value() {
        let (globals, op) = operation(&[
            "--region",
            "a",
            "--region",
            "b",
            OP,
            "--client-id",
            "a",
            "--username",
            "b",
            "--client-id",
            "c",
            "--region",
            "c",
        ]);
        assert_eq!(globals.region.as_deref(), Some("c"));
        assert_eq!(member(&op, "ClientId"), Some("c"));
    }

    #[test]
    fn every_repeated_value_is_checked_against_the_choices() {
        let message = format!("argument --output: {OUTPUT_CHOICES}");
        assert_eq!(usage_error(&with_required(&["--output", "json", "--output", "yaml"])), message);
        assert_eq!(usage_error(&with_required(&["--output", "yaml", "--output", "json", "--bogus"])), message);
    }

    #[test]
    fn an_invalid_output_lists_the_choices_two_per_line() {
        assert_eq!(usage_error(&["--output", "yaml", OP]), format!("argument --output: {OUTPUT_CHOICES}"));
        assert_eq!(usage_error(&["--output", "jsoN", OP]), format!("argument --output: {OUTPUT_CHOICES}"));
    }

    #[test]
    fn an_invalid_output_close_to_a_choice_suggests_it() {
        assert_eq!(
            usage_error(&["--output", "jsn", OP]),
            format!("argument --output: {OUTPUT_CHOICES}\n\n\nInvalid choice: 'jsn', maybe you meant:\n\n  * json")
        );
    }

    #[test]
    fn an_invalid_color_lists_its_choices() {
        assert_eq!(
            usage_error(&["--color", "yes", OP]),
            "argument --color: Invalid choice, valid choices are:\n\n\
             on                                       | off                                     \n\
             auto                                    "
        );
    }

    #[test]
    fn an_astral_invalid_choice_gets_no_suggestion() {
        assert_eq!(usage_error(&["--output", "𝒳", OP]), format!("argument --output: {OUTPUT_CHOICES}"));
    }

    #[test]
    fn a_global_option_without_its_value_expects_one_argument() {
        assert_eq!(usage_error(&["--region"]), "argument --region: expected one argument");
        assert_eq!(usage_error(&[OP, "--region"]), "argument --region: expected one argument");
    }

    #[test]
    fn a_flag_rejects_an_explicit_value() {
        assert_eq!(usage_error(&["--debug=x", OP]), "argument --debug: ignored explicit argument 'x'");
        assert_eq!(usage_error(&["--debug=", OP]), "argument --debug: ignored explicit argument ''");
        assert_eq!(usage_error(&["--no-paginate=1", OP]), "argument --no-paginate: ignored explicit argument '1'");
    }

    #[test]
    fn an_option_name_is_case_sensitive() {
        assert_eq!(
            usage_error(&[OP, "--ClientId", "a"]),
            "the following arguments are required: --client-id, --username"
        );
        assert_eq!(usage_error(&["--Region", "x", OP]), format!("argument operation: {COMMAND_CHOICES}"));
    }

    // --- Ambiguous prefixes ------------------------------------------------------------------------

    #[test]
    fn a_prefix_of_several_global_options_is_ambiguous_even_after_the_operation() {
        let message = "ambiguous option: --cli- could match --cli-read-timeout, --cli-connect-timeout";
        assert_eq!(usage_error(&["--cli-", "x", OP]), message);
        // Meant for --cli-input-json, but the main stage sees it first.
        assert_eq!(usage_error(&with_required(&["--cli-", "x"])), message);
    }

    #[test]
    fn dash_dash_c_is_ambiguous_among_the_global_options() {
        assert_eq!(
            usage_error(&[OP, "--c", "a", "--username", "a", "--bogus"]),
            "ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout"
        );
        assert_eq!(
            usage_error(&["--no=x", OP]),
            "ambiguous option: --no=x could match --no-verify-ssl, --no-paginate, --no-sign-request"
        );
    }

    #[test]
    fn an_ambiguous_option_never_shows_a_value_it_could_give_a_sensitive_option() {
        // Ours: awscli shows the value (`--c=x`, `--user=jane`, `--=x`).
        assert_eq!(
            usage_error(&["--c=x", OP]),
            format!(
                "ambiguous option: --c={REDACTED} could match --color, --ca-bundle, --cli-read-timeout, \
                 --cli-connect-timeout"
            )
        );
        assert_eq!(
            usage_error(&[OP, "--user=jane", "--client-id", "a"]),
            format!("ambiguous option: --user={REDACTED} could match --user-context-data, --username")
        );
    }

    #[test]
    fn dash_dash_no_and_dash_dash_v_are_ambiguous() {
        assert_eq!(
            usage_error(&["--no", OP]),
            "ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request"
        );
        assert_eq!(usage_error(&["--v", OP]), "ambiguous option: --v could match --v2-debug, --version");
    }

    #[test]
    fn dash_dash_equals_matches_every_global_option() {
        // Ours: awscli shows the value, `--=x`; `--` is a prefix of every sensitive option.
        assert_eq!(
            usage_error(&["--=x", OP]),
            format!(
                "ambiguous option: --={REDACTED} could match --debug, --endpoint-url, --no-verify-ssl, --no-paginate, \
                 --output, --query, --profile, --region, --color, --no-sign-request, --ca-bundle, --cli-read-timeout, \
                 --cli-connect-timeout, --v2-debug, --version"
            )
        );
    }

    #[test]
    fn a_prefix_of_several_operation_options_is_ambiguous() {
        assert_eq!(
            usage_error(&[OP, "--u", "a", "--client-id", "a"]),
            "ambiguous option: --u could match --user-context-data, --username"
        );
        assert_eq!(
            usage_error(&[OP, "--client", "a"]),
            "ambiguous option: --client could match --client-id, --client-metadata, --client-secret-file"
        );
    }

    #[test]
    fn an_ambiguous_option_is_reported_before_anything_else_on_the_line() {
        assert_eq!(
            usage_error(&["--version", "--c", "x"]),
            "ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout"
        );
    }

    // --- Values that start with a dash -------------------------------------------------------------

    #[test]
    fn a_value_that_looks_like_an_option_is_missing_its_argument() {
        assert_eq!(
            usage_error(&[OP, "--username", "-x", "--client-id", "a"]),
            "argument --username: expected one argument"
        );
        assert_eq!(
            usage_error(&[OP, "--username", "-1e5", "--client-id", "a"]),
            "argument --username: expected one argument"
        );
    }

    #[test]
    fn a_value_that_starts_with_a_dash_can_follow_an_equals_sign() {
        let (_, op) = operation(&[OP, "--username=-x", "--client-id", "a"]);
        assert_eq!(member(&op, "Username"), Some("-x"));
    }

    #[test]
    fn negative_numbers_are_values() {
        for value in ["-1", "-1.5", "-.5", "-١"] {
            let (_, op) = operation(&[OP, "--username", value, "--client-id", "a"]);
            assert_eq!(member(&op, "Username"), Some(value), "{value}");
        }
    }

    #[test]
    fn a_dashed_value_with_a_space_is_a_value() {
        let (_, op) = operation(&[OP, "--username", "-a b", "--client-id", "a"]);
        assert_eq!(member(&op, "Username"), Some("-a b"));
    }

    #[test]
    fn a_spaced_value_naming_a_global_option_is_taken_by_the_main_stage() {
        assert_eq!(
            usage_error(&[OP, "--username", "--region=a b", "--client-id", "a", "--bogus"]),
            "argument --username: expected one argument"
        );
    }

    #[test]
    fn an_empty_value_is_a_value() {
        let (_, op) = operation(&[OP, "--username", "", "--client-id", "a"]);
        assert_eq!(member(&op, "Username"), Some(""));
    }

    #[test]
    fn unicode_and_very_long_values_pass_through() {
        let long = "é𝒳".repeat(50_000);
        let (_, op) = operation(&[OP, "--username", "𝒳 zoë", "--client-id", &long]);
        assert_eq!(member(&op, "Username"), Some("𝒳 zoë"));
        assert_eq!(member(&op, "ClientId"), Some(long.as_str()));
    }

    // --- `--` ----------------------------------------------------------------------------------------

    #[test]
    fn a_double_dash_before_the_operation_is_swallowed() {
        assert_eq!(unknown_options(&["--", OP, "--client-id", "a", "--username", "b", "--bogus"]), ["--bogus"]);
    }

    #[test]
    fn a_double_dash_after_the_operation_is_swallowed_by_the_service_stage() {
        assert_eq!(unknown_options(&[OP, "--", "--client-id", "a", "--username", "b", "--bogus"]), ["--bogus"]);
        assert_eq!(usage_error(&[OP, "--", "--cli-input-json"]), "argument --cli-input-json: expected one argument");
    }

    #[test]
    fn arguments_after_a_double_dash_are_leftovers() {
        assert_eq!(unknown_options(&with_required(&["--bogus", "--", "x"])), ["--bogus", "x"]);
        assert_eq!(unknown_options(&with_required(&["--", "--bogus", "--", "x"])), ["--", "x", "--bogus"]);
        assert_eq!(unknown_options(&with_required(&["--", "--"])), ["--"]);
    }

    #[test]
    fn two_double_dashes_after_the_operation_hide_the_options() {
        assert_eq!(
            usage_error(&[OP, "--", "--", "--client-id", "a", "--username", "b"]),
            "the following arguments are required: --client-id, --username"
        );
    }

    #[test]
    fn an_option_cannot_take_a_double_dash_as_its_value() {
        assert_eq!(
            usage_error(&[OP, "--client-id", "--", "a", "--username", "b"]),
            "argument --client-id: expected one argument"
        );
    }

    // --- Required options and their overrides ------------------------------------------------------

    #[test]
    fn both_missing_required_options_are_named_in_declaration_order() {
        assert_eq!(usage_error(&[OP]), "the following arguments are required: --client-id, --username");
    }

    #[test]
    fn one_missing_required_option_is_named() {
        assert_eq!(usage_error(&[OP, "--client-id", "a"]), "the following arguments are required: --username");
        assert_eq!(usage_error(&[OP, "--username", "b"]), "the following arguments are required: --client-id");
    }

    #[test]
    fn cli_input_json_makes_the_required_options_optional() {
        let (_, op) = operation(&[OP, "--cli-input-json", "{}", "--username", "u"]);
        assert_eq!(op.cli_input_json.as_deref(), Some("{}"));
        assert_eq!(member(&op, "Username"), Some("u"));
        assert_eq!(member(&op, "ClientId"), None);
    }

    #[test]
    fn cli_input_json_joined_or_abbreviated_does_not_override_required() {
        let message = "the following arguments are required: --client-id, --username";
        assert_eq!(usage_error(&[OP, "--cli-input-json=x"]), message);
        assert_eq!(usage_error(&[OP, "--cli-input", "x"]), message);
    }

    #[test]
    fn cli_input_json_needs_a_value() {
        assert_eq!(usage_error(&[OP, "--cli-input-json"]), "argument --cli-input-json: expected one argument");
    }

    #[test]
    fn generate_cli_skeleton_without_a_value_means_input_and_needs_no_required_option() {
        let (_, op) = operation(&[OP, "--generate-cli-skeleton"]);
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("input"));
        assert!(op.members.is_empty());
    }

    #[test]
    fn generate_cli_skeleton_input_needs_no_required_option() {
        let (_, op) = operation(&[OP, "--generate-cli-skeleton", "input", "--client-id", "a"]);
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("input"));
        assert_eq!(member(&op, "ClientId"), Some("a"));
    }

    #[test]
    fn generate_cli_skeleton_output_still_requires_the_required_options() {
        let message = "the following arguments are required: --client-id, --username";
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton", "output"]), message);
        let (_, op) = operation(&with_required(&["--generate-cli-skeleton", "output"]));
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("output"));
    }

    #[test]
    fn generate_cli_skeleton_joined_or_abbreviated_does_not_override_required() {
        let message = "the following arguments are required: --client-id, --username";
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton=input"]), message);
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton=output"]), message);
        assert_eq!(usage_error(&[OP, "--generate-cli-skel"]), message);
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton=--"]), message);
    }

    #[test]
    fn the_override_looks_at_the_token_after_the_first_skeleton_option_once_globals_are_gone() {
        let message = "the following arguments are required: --client-id, --username";
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton", "--region", "us-east-1", "output"]), message);
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton", "output", "--generate-cli-skeleton"]), message);
        let (_, op) = operation(&[OP, "--generate-cli-skeleton", "--generate-cli-skeleton", "output"]);
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("output"));
        assert!(op.members.is_empty());
    }

    #[test]
    fn generate_cli_skeleton_joined_with_a_double_dash_means_input() {
        let (_, op) = operation(&with_required(&["--generate-cli-skeleton=--"]));
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("input"));
    }

    #[test]
    fn a_bad_skeleton_choice_close_to_a_choice_suggests_it() {
        assert_eq!(
            usage_error(&[OP, "--generate-cli-skeleton", "outpu"]),
            "argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n\
             input                                    | output                                  \n\n\n\
             Invalid choice: 'outpu', maybe you meant:\n\n  * output"
        );
    }

    #[test]
    fn a_bad_skeleton_choice_far_from_the_choices_only_lists_them() {
        let message = "argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n\
             input                                    | output                                  ";
        assert_eq!(usage_error(&[OP, "--generate-cli-skeleton", "inp"]), message);
        assert_eq!(usage_error(&with_required(&["--generate-cli-skeleton", "bad", "--bogus"])), message);
    }

    #[test]
    fn generate_cli_skeleton_followed_by_an_unknown_option_leaves_it_over() {
        assert_eq!(unknown_options(&[OP, "--generate-cli-skeleton", "--bogus"]), ["--bogus"]);
    }

    // --- The operation's arguments -----------------------------------------------------------------

    #[test]
    fn every_option_of_the_operation_is_read_and_members_come_in_model_order() {
        let (_, op) = operation(&[
            OP,
            "--username",
            "b",
            "--client-metadata",
            "k=v",
            "--analytics-metadata",
            "AnalyticsEndpointId=e",
            "--user-context-data",
            "IpAddress=1",
            "--secret-hash",
            "s",
            "--client-id",
            "a",
            "--cli-input-json",
            "{}",
            "--client-secret-file",
            "f",
        ]);
        let given: Vec<(&str, &str)> = op.members.iter().map(|(m, text)| (m.name, text.as_str())).collect();
        let by_name = |name: &str| match name {
            "ClientId" => "a",
            "SecretHash" => "s",
            "UserContextData" => "IpAddress=1",
            "Username" => "b",
            "AnalyticsMetadata" => "AnalyticsEndpointId=e",
            "ClientMetadata" => "k=v",
            other => panic!("unexpected member {other}"),
        };
        let expected: Vec<(&str, &str)> = input_members().iter().map(|m| (m.name, by_name(m.name))).collect();
        assert_eq!(given, expected);
        assert_eq!(op.cli_input_json.as_deref(), Some("{}"));
        assert_eq!(op.client_secret_file.as_deref(), Some("f"));
        assert_eq!(op.generate_cli_skeleton, None);
    }

    #[test]
    fn the_member_options_are_derived_from_the_contract() {
        let ShapeKind::Structure(input) = &contract::INPUT.kind else { panic!("the input is a structure") };
        let derived: Vec<String> = input.members.iter().map(|m| format!("--{}", option_name(m.name))).collect();
        let parser_options: Vec<String> = operation_parser(false)
            .actions
            .iter()
            .filter_map(|a| a.option_string.map(str::to_owned))
            .take(input.members.len())
            .collect();
        assert_eq!(parser_options, derived);
        let mut sorted = derived.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            [
                "--analytics-metadata",
                "--client-id",
                "--client-metadata",
                "--secret-hash",
                "--user-context-data",
                "--username"
            ]
        );
        let parser = operation_parser(false);
        let required: Vec<&str> = parser.actions.iter().filter(|a| a.required).map(Action::name).collect();
        let expected: Vec<String> = input
            .members
            .iter()
            .filter(|m| input.required.contains(&m.name))
            .map(|m| format!("--{}", option_name(m.name)))
            .collect();
        assert_eq!(required, expected);
    }

    #[test]
    fn our_client_secret_file_option_follows_generate_cli_skeleton_and_is_never_required() {
        let parser = operation_parser(false);
        let names: Vec<&str> = parser.actions.iter().map(Action::name).collect();
        assert_eq!(
            names.get(names.len() - 3..),
            Some(&["--generate-cli-skeleton", "--client-secret-file", "help"][..])
        );
        let (_, op) = operation(&with_required(&["--client-secret-file", "/tmp/s"]));
        assert_eq!(op.client_secret_file.as_deref(), Some("/tmp/s"));
        assert_eq!(
            usage_error(&[OP, "--client-secret-file", "f"]),
            "the following arguments are required: --client-id, --username"
        );
    }

    #[test]
    fn an_empty_positional_after_the_options_is_ignored() {
        let (_, op) = operation(&with_required(&["", "--generate-cli-skeleton", "output"]));
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("output"));
        assert_eq!(unknown_options(&with_required(&["", "x"])), ["x"]);
    }

    #[test]
    fn an_option_joined_with_a_double_dash_gets_a_list_that_reads_as_not_given() {
        let parsed = invocation(&[OP, "--username=--", "--client-id", "a"]);
        let Command::Operation(op) = &parsed.command else { panic!("an operation") };
        assert_eq!(member(op, "Username"), None);
        assert_eq!(parsed.list_values, ["--username"]);
        let parsed = invocation(&[
            "--region=--",
            "--color=--",
            OP,
            "--client-id",
            "a",
            "--username",
            "b",
            "--cli-input-json=--",
        ]);
        assert_eq!(parsed.list_values, ["--region", "--color", "--cli-input-json"]);
        assert_eq!(parsed.globals.region, None);
        assert_eq!(parsed.globals.color, "auto");
    }

    #[test]
    fn a_later_value_replaces_a_list() {
        let parsed = invocation(&[OP, "--username=--", "--client-id", "a", "--username", "b"]);
        assert!(parsed.list_values.is_empty());
        let Command::Operation(op) = &parsed.command else { panic!("an operation") };
        assert_eq!(member(op, "Username"), Some("b"));
    }

    // --- The top-level checks between the stages ---------------------------------------------------

    #[test]
    fn a_read_timeout_that_is_not_an_integer_fails_before_the_operation_is_looked_at() {
        assert_eq!(
            top_level_error(&["--cli-read-timeout", "x", "bogus-op"]),
            "invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(top_level_error(&["--cli-read-timeout", "=5", OP]), "invalid literal for int() with base 10: '=5'");
    }

    #[test]
    fn the_read_timeout_is_checked_before_the_connect_timeout() {
        assert_eq!(
            top_level_error(&["--cli-connect-timeout", "x", "--cli-read-timeout", "y", OP]),
            "invalid literal for int() with base 10: 'y'"
        );
    }

    #[test]
    fn timeouts_are_read_as_python_reads_integers() {
        let (globals, _) = operation(&[
            "--cli-read-timeout",
            " 7 ",
            "--cli-connect-timeout",
            "1_0",
            OP,
            "--client-id",
            "a",
            "--username",
            "b",
        ]);
        assert_eq!((globals.read_timeout, globals.connect_timeout), (Some(7), Some(10)));
        let (globals, _) =
            operation(&with_required(&["--cli-read-timeout", "0", "--cli-connect-timeout", "99999999999999999999"]));
        assert_eq!((globals.read_timeout, globals.connect_timeout), (Some(0), Some(i64::MAX)));
    }

    #[test]
    fn list_values_of_checked_globals_fail_as_awscli_fails() {
        assert_eq!(
            top_level_error(&with_required(&["--cli-read-timeout=--"])),
            "int() argument must be a string, a bytes-like object or a real number, not 'list'"
        );
        assert_eq!(
            top_level_error(&["--endpoint-url=--", OP]),
            "Bad value for --endpoint-url \"[]\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
        );
        assert_eq!(top_level_error(&["--query=--", OP]), "Bad value for --query []: unhashable type: 'list'");
    }

    #[test]
    fn an_endpoint_url_without_a_scheme_fails_before_the_timeouts() {
        let message = "Bad value for --endpoint-url \"foo\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/";
        assert_eq!(top_level_error(&["--cli-read-timeout", "x", "--endpoint-url", "foo", OP]), message);
        assert_eq!(
            top_level_error(&["--endpoint-url", "", OP]),
            "Bad value for --endpoint-url \"\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
        );
    }

    #[test]
    fn an_endpoint_url_with_an_unbalanced_bracket_is_an_invalid_ipv6_url() {
        assert_eq!(top_level_error(&["--endpoint-url", "http://[::1", OP]), "Invalid IPv6 URL");
        assert_eq!(endpoint_url_error("http://[::1]:8080/"), None);
        assert_eq!(endpoint_url_error(" \u{1}ht\ttp://h"), None);
    }

    #[test]
    fn parse_with_reports_the_top_level_events_in_awscli_order() {
        let args: Vec<OsString> = ["--cli-read-timeout", "3", "--endpoint-url", "http://e", OP, "--query", "q", "help"]
            .iter()
            .map(OsString::from)
            .collect();
        let mut seen = Vec::new();
        let parsed = parse_with(&args, |event| {
            seen.push(match event {
                TopLevelEvent::Query(q) => format!("query {q}"),
                TopLevelEvent::EndpointUrl(u) => format!("endpoint {u}"),
                TopLevelEvent::GlobalsParsed(g) => format!("globals {:?}", g.read_timeout),
            });
            Ok(())
        });
        assert_eq!(parsed.map(|i| i.command), Ok(Command::OperationHelp));
        assert_eq!(seen, ["query q", "endpoint http://e", "globals Some(3)"]);
    }

    #[test]
    fn a_query_error_from_parse_with_wins_over_later_errors() {
        let args: Vec<OsString> =
            ["--query", "[", "--cli-read-timeout", "x", "bogus-op"].iter().map(OsString::from).collect();
        let error = parse_with(&args, |event| match event {
            TopLevelEvent::Query(q) => Err(format!("Bad value for --query {q}: Invalid jmespath expression")),
            _ => Ok(()),
        })
        .expect_err("an error");
        assert_eq!(error, ParseError::TopLevel("Bad value for --query [: Invalid jmespath expression".into()));
    }

    #[test]
    fn the_globals_parsed_event_can_stop_before_the_service_stage() {
        let args: Vec<OsString> = ["bogus-op"].iter().map(OsString::from).collect();
        let error = parse_with(&args, |event| match event {
            TopLevelEvent::GlobalsParsed(_) => Err("The config profile (p) could not be found".into()),
            _ => Ok(()),
        });
        assert_eq!(error, Err(ParseError::TopLevel("The config profile (p) could not be found".into())));
    }

    // --- The command -------------------------------------------------------------------------------

    #[test]
    fn an_unknown_operation_close_to_ours_suggests_it() {
        for typo in ["resend-confirmation-cod", "resend-confirmation"] {
            assert_eq!(
                usage_error(&[typo]),
                format!(
                    "argument operation: {COMMAND_CHOICES}\n\n\nInvalid choice: '{typo}', maybe you meant:\n\n  * resend-confirmation-code"
                )
            );
        }
        assert_eq!(
            usage_error(&["hel"]),
            format!("argument operation: {COMMAND_CHOICES}\n\n\nInvalid choice: 'hel', maybe you meant:\n\n  * help")
        );
    }

    #[test]
    fn an_unknown_operation_far_from_ours_only_lists_the_choices() {
        for bogus in ["xyz", "", "-", "admin-get-user"] {
            assert_eq!(usage_error(&[bogus, OP]), format!("argument operation: {COMMAND_CHOICES}"), "{bogus:?}");
        }
    }

    #[test]
    fn a_member_option_before_the_operation_makes_its_value_the_operation() {
        assert_eq!(usage_error(&["--client-id", "c", OP]), format!("argument operation: {COMMAND_CHOICES}"));
    }

    #[test]
    fn no_operation_at_all_is_a_missing_command() {
        let message = "the following arguments are required: operation";
        assert_eq!(usage_error(&[]), message);
        assert_eq!(usage_error(&["--region", "r"]), message);
        assert_eq!(usage_error(&["--bogus"]), message);
    }

    // --- help ----------------------------------------------------------------------------------------

    #[test]
    fn help_alone_is_the_service_help() {
        assert_eq!(command(&["help"]), Command::ServiceHelp);
    }

    #[test]
    fn the_service_help_ignores_what_follows_it_but_not_global_options() {
        assert_eq!(command(&["help", "--bogus"]), Command::ServiceHelp);
        assert_eq!(command(&["help", OP]), Command::ServiceHelp);
        assert_eq!(command(&["help", "help"]), Command::ServiceHelp);
        assert_eq!(command(&["--bogus", "help"]), Command::ServiceHelp);
        assert_eq!(usage_error(&["help", "--output", "yaml"]), format!("argument --output: {OUTPUT_CHOICES}"));
    }

    #[test]
    fn operation_help_needs_no_required_option() {
        assert_eq!(command(&[OP, "help"]), Command::OperationHelp);
        assert_eq!(command(&["--region", "r", OP, "help"]), Command::OperationHelp);
        assert_eq!(command(&[OP, "help", "--region", "r"]), Command::OperationHelp);
    }

    #[test]
    fn operation_help_with_other_arguments_checks_the_required_options_first() {
        assert_eq!(usage_error(&[OP, "help", "--client-id", "x"]), "the following arguments are required: --username");
        assert_eq!(usage_error(&[OP, "--client-id", "x", "help"]), "the following arguments are required: --username");
        assert_eq!(usage_error(&[OP, "help", "help"]), "the following arguments are required: --client-id, --username");
        assert_eq!(
            usage_error(&[OP, "--bogus", "help"]),
            "the following arguments are required: --client-id, --username"
        );
    }

    #[test]
    fn operation_help_as_the_first_positional_wins_over_leftovers() {
        assert_eq!(command(&with_required(&["help"])), Command::OperationHelp);
        assert_eq!(command(&with_required(&["help", "x"])), Command::OperationHelp);
        assert_eq!(command(&with_required(&["help", "--bogus"])), Command::OperationHelp);
        assert_eq!(command(&with_required(&["--", "help"])), Command::OperationHelp);
    }

    // --- --version -----------------------------------------------------------------------------------

    #[test]
    fn version_stops_parsing_wherever_it_is() {
        for args in [
            &["--version"][..],
            &["--version", "bogus"],
            &["bogus", "--version"],
            &[OP, "--version", "--bogus"],
            &[OP, "--client-id", "--version"],
            &["--version", "--output", "yaml"],
            &["--version", "--region"],
            &["--ver", OP],
        ] {
            assert_eq!(command(args), Command::Version, "{args:?}");
        }
    }

    #[test]
    fn an_error_before_version_on_the_line_wins() {
        assert_eq!(usage_error(&["--output", "yaml", "--version"]), format!("argument --output: {OUTPUT_CHOICES}"));
        assert_eq!(usage_error(&["--region", "--version"]), "argument --region: expected one argument");
        assert_eq!(usage_error(&["--version=x", OP]), "argument --version: ignored explicit argument 'x'");
    }

    // --- Unknown options -----------------------------------------------------------------------------

    #[test]
    fn leftovers_list_unknown_options_then_extra_positionals_then_the_help_slot() {
        assert_eq!(unknown_options(&with_required(&["--bogus", "x", "y"])), ["--bogus", "y", "x"]);
        assert_eq!(unknown_options(&with_required(&["-5", "x"])), ["x", "-5"]);
        assert_eq!(unknown_options(&with_required(&["-x", "-", "---x"])), ["-x", "---x", "-"]);
        assert_eq!(unknown_options(&with_required(&["a b"])), ["a b"]);
    }

    #[test]
    fn unknown_options_before_the_operation_are_carried_to_the_end() {
        assert_eq!(unknown_options(&["-x", OP, "--usern=b", "--client-id", "a"]), ["-x"]);
        assert_eq!(unknown_options(&["--bogus", OP, "--client-id", "a", "--username", "b", "x"]), ["--bogus", "x"]);
    }

    #[test]
    fn an_unknown_option_swallows_nothing() {
        let (_, op) = operation(&with_required(&["--generate-cli-skeleton", "output"]));
        assert_eq!(op.generate_cli_skeleton.as_deref(), Some("output"));
        assert_eq!(unknown_options(&with_required(&["--bogus", "--secret-hash", "s"])), ["--bogus"]);
    }

    // --- Non-UTF-8 ---------------------------------------------------------------------------------

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_is_named_with_its_bytes_escaped() {
        use std::os::unix::ffi::OsStringExt as _;
        let mut args: Vec<OsString> = REQUIRED.iter().map(OsString::from).collect();
        args.push(OsString::from_vec(b"--bog\xffus\xc3".to_vec()));
        let error = parse(&args).expect_err("an error");
        assert_eq!(error, ParseError::InvalidUtf8("argument 6 is not valid UTF-8: --bog\\xffus\\xc3".into()));
        assert_eq!(error.exit_status().code(), 255);
        assert_eq!(error.render(), "\nargument 6 is not valid UTF-8: --bog\\xffus\\xc3\n");
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_never_shows_a_sensitive_value() {
        use std::os::unix::ffi::OsStringExt as _;
        let message = |args: &[&[u8]]| {
            let args: Vec<OsString> = args.iter().map(|a| OsString::from_vec(a.to_vec())).collect();
            parse(&args).expect_err("an error").render()
        };

        assert_eq!(
            message(&[OP.as_bytes(), b"--usern", b"Zo\xeb"]),
            format!("\nargument 3 is not valid UTF-8: {REDACTED}\n")
        );
        assert_eq!(
            message(&[OP.as_bytes(), b"--client-id=Zo\xeb"]),
            format!("\nargument 2 is not valid UTF-8: --client-id={REDACTED}\n")
        );
        assert_eq!(message(&[OP.as_bytes(), b"--region", b"Zo\xeb"]), "\nargument 3 is not valid UTF-8: Zo\\xeb\n");
        assert_eq!(message(&[OP.as_bytes(), b"--", b"Zo\xeb"]), "\nargument 3 is not valid UTF-8: Zo\\xeb\n");
    }

    // --- Ports of Python and botocore helpers ------------------------------------------------------

    #[test]
    fn close_matches_are_ordered_by_ratio_then_by_the_greater_string() {
        let choices: Vec<String> = ["abcd", "abce", "abcf", "xyz"].iter().map(|s| s.to_string()).collect();
        assert_eq!(get_close_matches("abc", &choices, 3, 0.8), ["abcf", "abce", "abcd"]);
        assert_eq!(get_close_matches("abc", &choices, 2, 0.8), ["abcf", "abce"]);
        assert!(get_close_matches("", &choices, 3, 0.8).is_empty());
        assert_eq!(SequenceMatcher::new("").ratio(""), 1.0);
    }
}
