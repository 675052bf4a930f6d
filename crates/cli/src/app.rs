//! The command's flow, in AWS CLI v1's order: arguments, parameters, profile, `--cli-input-json`,
//! skeletons, region and endpoint, validation, the request with its retries, the output.
//!
//! A command line with several problems gets the message of the first step that fails, so the steps
//! follow clidriver.py: global options are checked between argparse's stages, each option's value is
//! unpacked in model order, the profile is looked up before `--cli-input-json` is read, and the region
//! before validation. Every failure ends with the reference's message and exit code.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use cognito_idp_client::model::ShapeKind;
use cognito_idp_client::{CognitoIdp, TransportFailure, contract};
use serde_json::{Map, Value};

use crate::config::{self, ConfigError, Env, Settings};
use crate::debug::DebugLog;
use crate::docs::help;
use crate::docs::skeleton;
use crate::exit::ExitStatus;
use crate::format::{Color, Format};
use crate::input::argparse::{self, Command, Globals, OperationArgs, ParseError, TopLevelEvent};
use crate::input::argprocess::{self, DictType};
use crate::input::paramfile::Loader;
use crate::input::validate;
use crate::output::query::Query;
use crate::output::response;
use crate::output::table;
use crate::output::{self, TableSettings, jsonfmt};
use crate::python::pyrepr::Dicts;
use crate::secret;
use cognito_idp_client::RetryConfig;
use cognito_idp_client::retry::{CallError, Event};

/// Everything the command needs from its process.
pub struct Io<'a> {
    /// The environment variables.
    pub env: &'a Env,
    /// The working directory (`file://` paths are relative to it).
    pub cwd: &'a Path,
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
    /// Whether standard output is a terminal (for `--color auto`).
    pub stdout_is_tty: bool,
    /// The terminal's width in columns, when standard output is one (for `--output table`).
    pub tty_columns: Option<u16>,
}

impl std::fmt::Debug for Io<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Io").field("cwd", &self.cwd).field("stdout_is_tty", &self.stdout_is_tty).finish_non_exhaustive()
    }
}

/// How a failed command ends: its exit status and the message for standard error.
struct Exit {
    status: ExitStatus,
    message: String,
}

type Step<T> = Result<T, Exit>;

/// Runs `cognito-idp` with `args` (without the program name) and returns its exit code.
pub fn run(args: &[OsString], io: &mut Io<'_>) -> i32 {
    let mut log = DebugLog::new(false);
    let (status, message) = match run_steps(args, io, &mut log) {
        Ok(()) => (ExitStatus::Success, None),
        Err(Exit { status, message }) => (status, Some(message)),
    };
    let exiting = format!("Exiting with rc {}", status.code());
    // AWS CLI v1's `main()` logs "Exiting with rc 255" and then writes the exception's message; other
    // endings are not logged there, and our log notes them after the message.
    if status.logged_by_main() {
        log.log(io.err, "cognito_idp.cli", &exiting);
    }
    if let Some(message) = message {
        let _ = io.err.write_all(message.as_bytes());
    }
    if !status.logged_by_main() {
        log.log(io.err, "cognito_idp.cli", &exiting);
    }
    let _ = io.out.flush();
    status.code()
}

fn run_steps(args: &[OsString], io: &mut Io<'_>, log: &mut DebugLog) -> Step<()> {
    let mut query = None;
    let parsed = {
        let err = &mut *io.err;
        let env = io.env;
        argparse::parse_with(args, |event| match event {
            TopLevelEvent::Query(text) => {
                query = Some(Query::compile(text).map_err(|e| e.to_string())?);
                Ok(())
            }
            TopLevelEvent::EndpointUrl(url) => argparse::endpoint_url_error(url).map_or(Ok(()), Err),
            TopLevelEvent::GlobalsParsed(globals) => {
                if globals.debug {
                    *log = DebugLog::new(true);
                    log.log(err, "cognito_idp.cli", &format!("CLI version: {}", version_line()));
                    let shown: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
                    log.log(
                        err,
                        "cognito_idp.cli",
                        &format!("Arguments entered to CLI: {}", crate::redact::redacted_args(&shown)),
                    );
                }
                if globals.v2_debug {
                    v2_debug_warnings(globals, env, err);
                }
                Ok(())
            }
        })
    };
    let invocation = parsed.map_err(|e| Exit { status: e.exit_status(), message: e.render() })?;
    let globals = invocation.globals;
    let operation = match invocation.command {
        Command::Version => return print(io, &format!("{}\n", version_line())),
        Command::ServiceHelp => return print(io, &help::service_manual()),
        Command::OperationHelp => return print(io, &help::operation_manual()),
        Command::Operation(operation) => operation,
    };

    let secret_source = operation.client_secret_file.is_some() || io.env.contains_key(secret::SECRET_VARIABLE);
    if secret_source && operation.members.iter().any(|(m, _)| m.name == SECRET_HASH) {
        let error = ParseError::Usage(format!(
            "argument --secret-hash: not allowed with a client secret (--client-secret-file or {}): give one or the other",
            secret::SECRET_VARIABLE
        ));
        return Err(Exit { status: error.exit_status(), message: error.render() });
    }

    let (mut params, ordered_dicts) = unpack_members(&operation, &invocation.list_values, io)?;

    let settings = Settings::new(globals.profile.as_deref(), io.env);
    settings.check_profile().map_err(|e| config_failure(&e))?;

    if invocation.list_values.contains(&"--cli-input-json") {
        return Err(fail("\nthe JSON object must be str, bytes or bytearray, not list\n"));
    }
    if let Some(text) = &operation.cli_input_json {
        let loader = Loader::new(io.cwd);
        let input = argprocess::load_cli_input_json(text, &loader).map_err(|e| fail(&format!("\n{e}\n")))?;
        for (key, value) in input {
            params.entry(key).or_insert(value);
        }
    }

    add_secret_hash(&operation, &mut params, io, log)?;
    let params = Value::Object(params);
    log.log(io.err, "cognito_idp.cli", &format!("Parameters: {}", crate::redact::redact(&params, contract::INPUT)));

    if operation.generate_cli_skeleton.as_deref() == Some("input") {
        return print(io, &skeleton::input_skeleton());
    }

    let target = resolve_target(&globals, io, &settings, log)?;
    if operation.generate_cli_skeleton.as_deref() == Some("output") {
        check_params(&params, &ordered_dicts)?;
        return display(&globals, &settings, query.as_ref(), &skeleton::output_skeleton(), io);
    }
    check_params(&params, &ordered_dicts)?;

    let retry = retry_config(&settings).map_err(|e| fail(&format!("\n{e}\n")))?;
    log.log(
        io.err,
        "cognito_idp.transport",
        &format!("retry mode: {}, max attempts: {}", retry.mode().name(), retry.max_attempts()),
    );
    let client = build_client(&globals, &settings, &target, retry, io)?;
    let body = jsonfmt::dumps_request(&params);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(&format!("\ncould not start the I/O runtime: {e}\n")))?;
    let redacted_body = crate::redact::redact(&params, contract::INPUT).to_string();
    let url = client.raw_url();
    let outcome = {
        let err = &mut *io.err;
        let log = &*log;
        let mut on_event = |event: Event<'_>| log_event(log, err, &url, &redacted_body, event);
        runtime.block_on(client.send_raw_with_retries(body.as_bytes(), &mut on_event))
    };
    let finished = outcome.map_err(|e| {
        let message = match e {
            CallError::Transport(failure, _) | CallError::QuotaExhausted { failure, .. } => {
                transport_message(&failure, &url)
            }
            CallError::Client(other) => other.to_string(),
        };
        fail(&format!("\n{message}\n"))
    })?;

    let raw = &finished.response;
    if raw.status < 301 {
        let names = raw.headers.keys().map(|n| n.as_str());
        let output = response::parse_output_with_headers(&raw.body, names).map_err(|e| fail(&format!("\n{e}\n")))?;
        display(&globals, &settings, query.as_ref(), &output, io)
    } else {
        let (code, message) =
            response::error_code_and_message(raw.status, &raw.body).map_err(|crash| fail(&format!("\n{crash}\n")))?;
        let retries = if finished.max_reached {
            format!(" (reached max retries: {})", finished.attempts.saturating_sub(1))
        } else {
            String::new()
        };
        let message = format!(
            "\nAn error occurred ({code}) when calling the {} operation{retries}: {message}\n",
            contract::OPERATION
        );
        Err(fail(&message))
    }
}

const SECRET_HASH: &str = "SecretHash";

/// Each input member given as an option, unpacked in model order (the first bad one reports), and the
/// members whose mappings are `OrderedDict`s (JSON option values), which validation messages show.
fn unpack_members(
    operation: &OperationArgs,
    list_values: &[&'static str],
    io: &mut Io<'_>,
) -> Step<(Map<String, Value>, Vec<&'static str>)> {
    let loader = Loader::new(io.cwd);
    let mut params = Map::new();
    let mut ordered = Vec::new();
    let ShapeKind::Structure(input) = &contract::INPUT.kind else { return Ok((params, ordered)) };
    for member in input.members {
        let option = format!("--{}", crate::naming::option_name(member.name));
        if list_values.contains(&option.as_str()) {
            // argparse stored `[]` for `--opt=--`; botocore's validation reports the list.
            params.insert(member.name.to_owned(), Value::Array(Vec::new()));
            continue;
        }
        let Some((_, text)) = operation.members.iter().find(|(m, _)| std::ptr::eq(*m, member)) else { continue };
        let unpacked = argprocess::unpack(member, &option, text, &loader).map_err(|e| fail(&format!("\n{e}\n")))?;
        if unpacked.dict_type == DictType::OrderedDict {
            ordered.push(member.name);
        }
        params.insert(member.name.to_owned(), unpacked.value);
    }
    Ok((params, ordered))
}

/// With a client secret, computes `SecretHash` from the `Username` and `ClientId` being sent and puts
/// it where the option would have put it (command-line values win over `--cli-input-json`).
fn add_secret_hash(
    operation: &OperationArgs,
    params: &mut Map<String, Value>,
    io: &mut Io<'_>,
    log: &mut DebugLog,
) -> Step<()> {
    let env_secret = io.env.get(secret::SECRET_VARIABLE).map(String::as_str);
    let loaded = secret::load(operation.client_secret_file.as_deref(), env_secret, io.cwd)
        .map_err(|e| fail(&format!("\n{e}\n")))?;
    let Some(client_secret) = loaded else { return Ok(()) };
    let (Some(Value::String(username)), Some(Value::String(client_id))) =
        (params.get("Username"), params.get("ClientId"))
    else {
        // Validation reports the missing or mistyped member.
        return Ok(());
    };
    let hash = cognito_idp_client::secret_hash(client_secret.expose(), username, client_id);
    if let Ok(text) = std::str::from_utf8(client_secret.expose()) {
        log.scrub(text);
    }
    log.scrub(&hash);
    let position = |name: &str| match &contract::INPUT.kind {
        ShapeKind::Structure(s) => s.members.iter().position(|m| m.name == name),
        _ => None,
    };
    let hash_position = position(SECRET_HASH);
    let mut rebuilt = Map::new();
    let mut placed = false;
    for (key, value) in std::mem::take(params) {
        if key == SECRET_HASH {
            continue;
        }
        if !placed && position(&key).is_some_and(|p| Some(p) > hash_position) {
            rebuilt.insert(SECRET_HASH.to_owned(), Value::String(hash.clone()));
            placed = true;
        }
        rebuilt.insert(key, value);
    }
    if !placed {
        rebuilt.insert(SECRET_HASH.to_owned(), Value::String(hash));
    }
    *params = rebuilt;
    Ok(())
}

/// The region (required even with an endpoint, as in AWS CLI v1) and the endpoint.
struct Target {
    endpoint: String,
}

fn resolve_target(globals: &Globals, io: &mut Io<'_>, settings: &Settings<'_>, log: &DebugLog) -> Step<Target> {
    let region = settings.region(globals.region.as_deref()).map_err(|e| config_failure(&e))?;
    let endpoint = settings.endpoint(globals.endpoint_url.as_deref(), &region).map_err(|e| config_failure(&e))?;
    log.log(io.err, "cognito_idp.cli", &format!("Region: {region}; endpoint: {endpoint}"));
    Ok(Target { endpoint })
}

/// The retry policy from `AWS_RETRY_MODE` / `retry_mode` and `AWS_MAX_ATTEMPTS` / `max_attempts`.
fn retry_config(settings: &Settings<'_>) -> Result<RetryConfig, String> {
    let setting = |var: &str, key: &str| settings.setting(Some(var), key).map_err(|e| e.to_string());
    let mode = setting("AWS_RETRY_MODE", "retry_mode")?;
    let max_attempts = setting("AWS_MAX_ATTEMPTS", "max_attempts")?;
    let scale = settings.env().get("COGNITO_IDP_RETRY_DELAY_SCALE");
    crate::transport::from_settings(mode.as_deref(), max_attempts.as_deref(), scale.map(String::as_str))
}

fn check_params(params: &Value, ordered_dicts: &[&str]) -> Step<()> {
    validate::validate_with(params, contract::INPUT, ordered_dicts).map_err(|e| fail(&format!("\n{e}\n")))
}

/// The HTTP client: timeouts, TLS verification (announced when turned off) and CA bundle.
fn build_client(
    globals: &Globals,
    settings: &Settings<'_>,
    target: &Target,
    retry: RetryConfig,
    io: &mut Io<'_>,
) -> Step<CognitoIdp> {
    let mut builder = CognitoIdp::builder(&target.endpoint)
        .app_name(format!("cognito-idp/{}", env!("CARGO_PKG_VERSION")))
        .retry(retry);
    builder = with_timeouts(builder, globals);
    let https = target.endpoint.to_ascii_lowercase().starts_with("https:");
    if !globals.verify_ssl {
        // As urllib3 does for AWS CLI v1, announce it when there is TLS to verify (https), and once.
        if https {
            let _ = io.err.write_all(
                b"warning: TLS certificate verification is off (--no-verify-ssl): anyone on the network path can read and change this request.\n",
            );
        }
        builder = builder.danger_accept_invalid_certs(true);
    } else if https {
        let bundle = match &globals.ca_bundle {
            Some(path) => Some(path.clone()),
            None => settings.setting(Some("AWS_CA_BUNDLE"), "ca_bundle").map_err(|e| config_failure(&e))?,
        };
        if let Some(path) = bundle {
            let url = cognito_idp_client::client::raw_url(&target.endpoint);
            let pem = std::fs::read(config::expand_path(&path, io.env)).map_err(|e| {
                fail(&format!("\nSSL validation failed for {url} cannot read the CA bundle {path}: {e}\n"))
            })?;
            builder = builder.ca_bundle_pem(pem);
        }
    }
    builder.build().map_err(|e| fail(&format!("\n{e}\n")))
}

/// AWS CLI v1's timeouts, never the library's defaults (connect 3.1 s): 60 s each unless given, and 0
/// turns one off.
fn with_timeouts(
    builder: cognito_idp_client::client::Builder,
    globals: &Globals,
) -> cognito_idp_client::client::Builder {
    let builder = match timeout(globals.connect_timeout) {
        Some(connect) => builder.connect_timeout(connect),
        None => builder.disable_connect_timeout(),
    };
    match timeout(globals.read_timeout) {
        Some(read) => builder.read_timeout(read),
        None => builder.disable_read_timeout(),
    }
}

/// `--cli-connect-timeout` / `--cli-read-timeout`: seconds, default 60, 0 for none.
fn timeout(flag: Option<i64>) -> Option<Duration> {
    match flag.unwrap_or(60) {
        0 => None,
        seconds => Some(Duration::from_secs(seconds.unsigned_abs())),
    }
}

fn transport_message(failure: &TransportFailure, url: &str) -> String {
    match failure {
        TransportFailure::Connect => format!("Could not connect to the endpoint URL: \"{url}\""),
        TransportFailure::ConnectTimeout => format!("Connect timeout on endpoint URL: \"{url}\""),
        TransportFailure::ReadTimeout => format!("Read timeout on endpoint URL: \"{url}\""),
        TransportFailure::Closed => {
            format!("Connection was closed before we received a valid response from endpoint URL: \"{url}\".")
        }
        TransportFailure::Tls(reason) => format!("SSL validation failed for {url} {reason}"),
        TransportFailure::Other(reason) => format!("Could not complete the request to \"{url}\": {reason}"),
    }
}

fn log_event(log: &DebugLog, err: &mut dyn Write, url: &str, body: &str, event: Event<'_>) {
    if !log.enabled() {
        return;
    }
    match event {
        Event::Sending { attempt } => log.log(
            err,
            "cognito_idp.transport",
            &format!(
                "Sending http request: POST {url} (attempt {}); headers: {{'X-Amz-Target': '{}', 'Content-Type': '{}', 'amz-sdk-invocation-id': '{}', 'amz-sdk-request': '{}'}}; body: {body}",
                attempt.number,
                contract::TARGET,
                contract::MEDIA_TYPE,
                attempt.invocation_id,
                attempt.header_value()
            ),
        ),
        Event::Received { attempt, response } => {
            let headers: Vec<String> = response
                .headers
                .iter()
                .map(|(k, v)| format!("'{}': '{}'", k, String::from_utf8_lossy(v.as_bytes())))
                .collect();
            log.log(
                err,
                "cognito_idp.transport",
                &format!(
                    "Response (attempt {attempt}): status {}; headers: {{{}}}; body: {}",
                    response.status,
                    headers.join(", "),
                    String::from_utf8_lossy(&response.body)
                ),
            );
        }
        Event::Failed { attempt, failure } => {
            log.log(err, "cognito_idp.transport", &format!("Attempt {attempt} failed: {}", transport_message(failure, url)));
        }
        // botocore's words when its standard mode's retry quota refuses a retry.
        Event::RetryQuota { granted: false, .. } => {
            log.log(err, "cognito_idp.transport", "Retry needed but retry quota reached, not retrying request.");
        }
        // The CLI reads `adaptive` as `standard` (see transport.rs): no rate limiter, no such event.
        Event::RetryQuota { granted: true, .. } | Event::RateLimited { .. } => {}
        Event::Waiting { next, delay } => log.log(
            err,
            "cognito_idp.transport",
            &format!("Retry needed, sleeping for {:.3} seconds before attempt {next}", delay.as_secs_f64()),
        ),
    }
}

/// Formats the response (after `--query`) as `--output` (or `AWS_DEFAULT_OUTPUT`, or the profile's
/// `output`) says, as AWS CLI v1's formatters do.
fn display(
    globals: &Globals,
    settings: &Settings<'_>,
    query: Option<&Query>,
    response: &Value,
    io: &mut Io<'_>,
) -> Step<()> {
    let format = match &globals.output {
        Some(format) => Some(format.clone()),
        None => settings.setting(Some("AWS_DEFAULT_OUTPUT"), "output").map_err(|e| config_failure(&e))?,
    }
    .unwrap_or_else(|| Format::Json.name().to_owned());
    let response = jsonfmt::without_response_metadata(response);
    // A query's result may hold Python values JSON cannot; the response holds only plain dicts.
    let (data, dicts) = match query {
        Some(query) => (query.search(&response).map_err(|e| fail(&format!("\n{e}\n")))?, Dicts::Plain),
        None => (response, Dicts::Response),
    };
    let Some(format) = Format::from_name(&format) else {
        return Err(fail(&format!("\nUnknown output type: {format}\n")));
    };
    let table = TableSettings {
        width: table::terminal_width(io.tty_columns.filter(|_| io.stdout_is_tty)),
        styled: Color::from_name(&globals.color).unwrap_or(Color::Auto).styled(io.stdout_is_tty),
        stdout_is_tty: io.stdout_is_tty,
    };
    let printed = output::print(&data, dicts, format, table);
    let _ = io.out.write_all(printed.stdout.as_bytes());
    match printed.failure {
        Some(stderr) => Err(fail(&stderr)),
        None => Ok(()),
    }
}

/// AWS CLI v1's `--v2-debug` warnings that can apply to this command.
fn v2_debug_warnings(globals: &Globals, env: &Env, err: &mut dyn Write) {
    let settings = Settings::new(globals.profile.as_deref(), env);
    let pager_off = settings.profile_value("cli_pager").ok().flatten().as_deref() == Some("");
    if !pager_off && !env.contains_key("AWS_PAGER") {
        let _ = err.write_all(V2_PAGER_WARNING.as_bytes());
    }
    if (env.contains_key("PYTHONUTF8") || env.contains_key("PYTHONIOENCODING"))
        && !env.contains_key("AWS_CLI_FILE_ENCODING")
    {
        let _ = err.write_all(V2_ENCODING_WARNING.as_bytes());
    }
}

const V2_PAGER_WARNING: &str = "\nAWS CLI v2 UPGRADE WARNING: By default, the AWS CLI v2 returns all output through your operating system\u{2019}s default pager program. This is different from v1 behavior, where the system pager is not used by default. To retain AWS CLI v1 behavior in AWS CLI v2, set the `cli_pager` configuration setting, or the `AWS_PAGER` environment variable, to the empty string. See https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-output-pager.\n";
const V2_ENCODING_WARNING: &str = "\nThe AWS CLI v2 does not support The `PYTHONUTF8` and `PYTHONIOENCODING` environment variables, and instead uses the `AWS_CLI_FILE_ENCODING` variable. This is different from v1 behavior, where the former two variables are used instead. To retain AWS CLI v1 behavior in AWS CLI v2, set the `AWS_CLI_FILE_ENCODING` environment variable instead. See https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-encodingenvvar.\n";

fn config_failure(error: &ConfigError) -> Exit {
    fail(&error.render())
}

fn print(io: &mut Io<'_>, text: &str) -> Step<()> {
    let _ = io.out.write_all(text.as_bytes());
    Ok(())
}

/// A failure of the kind AWS CLI v1's `main()` catches (exit 255): `run` writes its message last, after
/// the `--debug` log's exit line.
fn fail(message: &str) -> Exit {
    Exit { status: ExitStatus::Failure, message: message.to_owned() }
}

/// `cognito-idp/<version> <OS>/<release> <arch> cognito-idp-client/<version>`, in the shape of
/// `aws --version`.
pub fn version_line() -> String {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let os = match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "Darwin",
        "windows" => "Windows",
        other => other,
    };
    format!(
        "cognito-idp/{} {os}/{} {} cognito-idp-client/{}",
        env!("CARGO_PKG_VERSION"),
        release.trim(),
        std::env::consts::ARCH,
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the command in memory, with no AWS files, and returns its exit code and standard error.
    fn run_in_memory(args: &[&str]) -> (i32, String) {
        let env: Env =
            [("AWS_CONFIG_FILE", "nonexistent-config"), ("AWS_SHARED_CREDENTIALS_FILE", "nonexistent-credentials")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let mut io = Io {
            env: &env,
            cwd: Path::new("."),
            out: &mut out,
            err: &mut err,
            stdout_is_tty: false,
            tty_columns: None,
        };
        let code = run(&args, &mut io);
        (code, String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn the_timeouts_are_aws_cli_v1s_not_the_librarys() {
        let client = |connect, read| {
            let globals = Globals { connect_timeout: connect, read_timeout: read, ..Globals::default() };
            let client = with_timeouts(CognitoIdp::builder("http://127.0.0.1:1"), &globals).build().expect("client");
            (client.connect_timeout(), client.read_timeout())
        };
        let seconds = |s| Some(Duration::from_secs(s));
        assert_eq!(client(None, None), (seconds(60), seconds(60)));
        assert_eq!(client(Some(0), Some(0)), (None, None));
        assert_eq!(client(Some(5), Some(7)), (seconds(5), seconds(7)));
    }

    #[test]
    fn with_debug_an_exception_logs_its_exit_before_the_message_as_aws_cli_v1_does() {
        let (code, err) = run_in_memory(&[
            "resend-confirmation-code",
            "--debug",
            "--region",
            "us-east-1",
            "--client-id",
            "a",
            "--username",
            "b",
            "--cli-input-json",
            r#"{"Bad": 1}"#,
        ]);
        assert_eq!(code, 255, "{err}");
        let exiting = err.find("Exiting with rc 255").expect("the exit line");
        let message = err.find("Parameter validation failed:").expect("the message");
        assert!(exiting < message, "the exit line must come first:\n{err}");
        assert!(
            err.ends_with(
                "must be one of: ClientId, SecretHash, UserContextData, Username, AnalyticsMetadata, ClientMetadata\n"
            ),
            "{err}"
        );
    }

    #[test]
    fn with_debug_a_usage_error_keeps_its_message_first() {
        let (code, err) = run_in_memory(&["resend-confirmation-code", "--debug", "--client-id"]);
        assert_eq!(code, 2, "{err}");
        let message = err.find("argument --client-id: expected one argument").expect("the message");
        let exiting = err.find("Exiting with rc 2").expect("our exit line");
        assert!(message < exiting, "{err}");
    }
}
