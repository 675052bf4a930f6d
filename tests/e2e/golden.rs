//! Golden cases: every recording under `tests/fixtures/awscli/recorded/` (made from awscli 1.46.3 by
//! `cargo xtask record-awscli`) replayed against the binary under test, in the same sandbox and against the
//! same scripted endpoint, comparing exit code, stdout, stderr and the requests sent.
//!
//! [`normalize`] is the one place that says what may differ between the reference and us.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::support::cli::DELAY_SCALE;
use crate::support::diff::{line_diff, visible};
use crate::support::mock_server::{MockServer, ReceivedRequest, ScriptedResponse};
use crate::support::sandbox::{self, RunSpec};
use crate::support::{bytes_to_text, text_to_bytes};
use cognito_idp_client::contract;
use cognito_idp_test_kit::binary::{BIN_VAR, BinaryUnderTest, binary_under_test};
use cognito_idp_test_kit::cargo_env::workspace_root;
use cognito_idp_test_kit::shell::{describe_env, quote as shell_quote};

/// Where the recordings and the case list live.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/awscli");
/// The variable that selects cases: comma-separated names, a trailing `*` matching a prefix.
const CASE_VAR: &str = "GOLDEN_CASE";
/// At most this many cases run at once.
const MAX_PARALLEL: usize = 4;

/// The reference's usage block (awscli 1.46.3 prints it before every usage error).
const REFERENCE_USAGE: &str = "usage: \rNote: AWS CLI version 2, the latest major version of the AWS CLI, is now \
stable and recommended for general use. For more information, see the AWS CLI version 2 installation instructions \
at: https://docs.aws.amazon.com/cli/latest/userguide/install-cliv2.html\n\n\
usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";
/// Our usage block, in the same place.
const OUR_USAGE: &str = "usage: cognito-idp [options] <command> [parameters]\n\
To see help text, you can run:\n\n  cognito-idp help\n  cognito-idp <command> help\n";
/// The program names that begin argparse's error lines (`aws: error: ...`, `cognito-idp: error: ...`).
const PROGRAM_NAMES: [&str; 2] = ["aws", "cognito-idp"];
/// The signing header: the operation is unsigned (`contract::AUTH_TYPE` is `none`), so it must be absent.
const SIGNATURE_HEADER: &str = "authorization";

/// The request headers compared (by value or presence, see [`normalize`]): the contract's framing and the
/// signing header; every other header belongs to the transport (Host, Content-Length, Accept,
/// Accept-Encoding, Connection, ...) and is only reported.
fn compared_headers() -> impl Iterator<Item = &'static str> {
    contract::FRAMING_HEADERS.into_iter().chain([SIGNATURE_HEADER])
}

/// A case where `cognito-idp` differs from AWS CLI v1 on purpose (`tests/fixtures/awscli/differences.json`):
/// what our binary must print instead, and why. The README's "Differences from AWS CLI v1" names each
/// `topic`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Difference {
    case: String,
    topic: String,
    reason: String,
    exit_code: Option<i32>,
    stdout: Option<String>,
    stderr: Option<String>,
}

fn differences() -> Vec<Difference> {
    let path = Path::new(FIXTURES).join("differences.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not a list of differences: {e}", path.display()))
}

/// One recording: the case as run, and what the reference did.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Recording {
    name: String,
    section: String,
    args: Vec<String>,
    env: BTreeMap<String, Option<String>>,
    files: BTreeMap<String, String>,
    config: Option<String>,
    stdin: Option<String>,
    responses: Vec<RecordedResponse>,
    endpoint: Endpoint,
    exit_code: i32,
    stdout: String,
    stderr: String,
    requests: Vec<RecordedRequest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Endpoint {
    /// A mock server answers the scripted responses.
    Mock,
    /// Nothing listens at the endpoint.
    Refused,
    /// The case names no endpoint.
    None,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordedResponse {
    status: u16,
    reason: String,
    headers: serde_json::Map<String, Value>,
    body: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordedRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

/// What one run did, before normalization: the recording's side or ours.
#[derive(Debug)]
struct Observation {
    exit: Exit,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    requests: Vec<ReceivedRequest>,
}

#[derive(Debug, Clone, PartialEq)]
enum Exit {
    Code(i32),
    /// Ended without an exit code (killed by a signal).
    NoCode(String),
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "{code}"),
            Exit::NoCode(how) => write!(f, "no exit code ({how})"),
        }
    }
}

/// What is compared, after [`normalize`].
#[derive(Debug, PartialEq)]
struct Normalized {
    exit: Exit,
    stdout: String,
    stderr: String,
    requests: Vec<NormalizedRequest>,
}

#[derive(Debug, PartialEq)]
struct NormalizedRequest {
    method: String,
    path: String,
    /// The [`compared_headers`] in their order, each its compared form.
    framing: Vec<(&'static str, String)>,
    body: Body,
    /// Not compared; reported as information.
    raw_body: Vec<u8>,
    /// Not compared; reported as information.
    other_headers: Vec<String>,
}

#[derive(Debug, PartialEq)]
enum Body {
    /// A JSON body, re-serialized with its keys in their order: equal texts are equal values in equal order.
    Json(String),
    /// Anything else, as text.
    Raw(String),
}

/// Brings one run's observation to the form that is compared. These are the only differences allowed between
/// the reference and the binary under test; everything else must match byte for byte.
///
/// - stdout and stderr: the reference's usage block ([`REFERENCE_USAGE`], which begins `usage: \rNote: AWS CLI
///   version 2...` and names `aws`) and ours ([`OUR_USAGE`]) both become `{usage}\n`; a line beginning
///   `aws: error: ` or `cognito-idp: error: ` begins `{prog}: error: `; `127.0.0.1:<port>` becomes
///   `127.0.0.1:{port}` (the recordings already say `{port}`).
/// - requests: method, path (with the port placeholder) and body are kept. Of the headers (names compared
///   without case) only the framing is compared: `X-Amz-Target`, `Content-Type` and `amz-sdk-request` by
///   value, except that the `ttl=YYYYMMDDTHHMMSSZ` of `amz-sdk-request` (the clock when the retry was sent plus
///   the read timeout and the server's clock skew) becomes `ttl={ttl}` when it has that form;
///   `amz-sdk-invocation-id` by being a UUID (any UUID); `Authorization` by absence; `User-Agent` by presence
///   (its value names the program). The others are transport details, reported as information.
///   A JSON body is compared as a JSON value with its keys' order (whitespace and escapes may differ: the
///   byte difference is reported as information); any other body byte for byte.
fn normalize(observation: &Observation, port: Option<u16>) -> Normalized {
    let text = |bytes: &[u8]| {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        for usage in [REFERENCE_USAGE, OUR_USAGE] {
            text = text.replace(usage, "{usage}\n");
        }
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        for line in &mut lines {
            for program in PROGRAM_NAMES {
                if let Some(rest) = line.strip_prefix(&format!("{program}: error: ")) {
                    *line = format!("{{prog}}: error: {rest}");
                }
            }
        }
        with_port_placeholder(&lines.join("\n"), port)
    };
    let requests = observation
        .requests
        .iter()
        .map(|request| {
            let values = |name: &str| {
                let found: Vec<&str> = request
                    .headers
                    .iter()
                    .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.as_str())
                    .collect();
                (!found.is_empty()).then(|| found.join(", "))
            };
            let framing = compared_headers()
                .map(|name| {
                    let compared = match (name, values(name)) {
                        (_, None) => "(absent)".to_owned(),
                        (contract::INVOCATION_ID_HEADER, Some(v)) if is_uuid(&v) => "(a UUID)".to_owned(),
                        (contract::INVOCATION_ID_HEADER, Some(v)) => format!("(not a UUID) {v}"),
                        (SIGNATURE_HEADER | contract::USER_AGENT_HEADER, Some(_)) => "(present)".to_owned(),
                        (contract::REQUEST_HEADER, Some(v)) => with_ttl_placeholder(&v),
                        (_, Some(v)) => v,
                    };
                    (name, compared)
                })
                .collect();
            let other_headers = request
                .headers
                .iter()
                .filter(|(n, _)| !compared_headers().any(|f| f.eq_ignore_ascii_case(n)))
                .map(|(n, _)| n.to_ascii_lowercase())
                .collect();
            let body = match serde_json::from_slice::<Value>(&request.body) {
                Ok(value) => Body::Json(serde_json::to_string_pretty(&value).unwrap_or_default()),
                Err(_) => Body::Raw(bytes_to_text(&request.body)),
            };
            NormalizedRequest {
                method: request.method.clone(),
                path: with_port_placeholder(&request.path, port),
                framing,
                body,
                raw_body: request.body.clone(),
                other_headers,
            }
        })
        .collect();
    Normalized {
        exit: observation.exit.clone(),
        stdout: text(&observation.stdout),
        stderr: text(&observation.stderr),
        requests,
    }
}

fn with_port_placeholder(text: &str, port: Option<u16>) -> String {
    match port {
        Some(port) => text.replace(&format!("127.0.0.1:{port}"), "127.0.0.1:{port}"),
        None => text.to_owned(),
    }
}

/// `amz-sdk-request`'s value with a `ttl=YYYYMMDDTHHMMSSZ` field written `ttl={ttl}`; a ttl of any other form
/// is kept, so that it shows as a difference.
fn with_ttl_placeholder(value: &str) -> String {
    let fields: Vec<String> = value
        .split("; ")
        .map(|field| match field.strip_prefix("ttl=") {
            Some(ttl) if is_compact_utc(ttl) => "ttl={ttl}".to_owned(),
            _ => field.to_owned(),
        })
        .collect();
    fields.join("; ")
}

/// Whether `text` is a timestamp of the form `YYYYMMDDTHHMMSSZ`.
fn is_compact_utc(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 16
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 => *b == b'T',
            15 => *b == b'Z',
            _ => b.is_ascii_digit(),
        })
}

/// Whether `text` is a UUID in its 8-4-4-4-12 hexadecimal form.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// What differs between two normalized runs: problems (a failure) and notes (information only).
#[derive(Debug, Default)]
struct Comparison {
    problems: Vec<String>,
    notes: Vec<String>,
}

fn compare(expected: &Normalized, found: &Normalized) -> Comparison {
    let mut out = Comparison::default();
    if expected.exit != found.exit {
        out.problems.push(format!("exit code: expected {}, found {}", expected.exit, found.exit));
    }
    for (what, e, f) in [("stdout", &expected.stdout, &found.stdout), ("stderr", &expected.stderr, &found.stderr)] {
        if e != f {
            out.problems.push(format!("{what} differs (- expected, + found):\n{}", line_diff(e, f, "    ").trim_end()));
        }
    }
    if expected.requests.len() != found.requests.len() {
        let list = |requests: &[NormalizedRequest]| {
            if requests.is_empty() {
                return "    (none)\n".to_owned();
            }
            requests.iter().enumerate().map(|(i, r)| format!("    {}. {}\n", i + 1, summary(r))).collect::<String>()
        };
        out.problems.push(format!(
            "requests: expected {}, found {}\n  expected:\n{}  found:\n{}",
            expected.requests.len(),
            found.requests.len(),
            list(&expected.requests),
            list(&found.requests).trim_end()
        ));
    }
    for (i, (e, f)) in expected.requests.iter().zip(&found.requests).enumerate() {
        let n = i + 1;
        if (&e.method, &e.path) != (&f.method, &f.path) {
            out.problems.push(format!("request {n}: expected {} {}, found {} {}", e.method, e.path, f.method, f.path));
        }
        for ((name, ev), (_, fv)) in e.framing.iter().zip(&f.framing) {
            if ev != fv {
                out.problems.push(format!("request {n} header {name}: expected {ev}, found {fv}"));
            }
        }
        if e.body != f.body {
            let (eb, fb) = (body_text(&e.body), body_text(&f.body));
            out.problems.push(format!(
                "request {n} body differs (- expected, + found):\n{}",
                line_diff(&eb, &fb, "    ").trim_end()
            ));
        } else if e.raw_body != f.raw_body {
            out.notes.push(format!(
                "request {n} body: the same JSON value in other bytes: expected {}, found {}",
                visible(&String::from_utf8_lossy(&e.raw_body)),
                visible(&String::from_utf8_lossy(&f.raw_body))
            ));
        }
        if e.other_headers != f.other_headers {
            out.notes.push(format!(
                "request {n} transport headers: expected [{}], found [{}]",
                e.other_headers.join(", "),
                f.other_headers.join(", ")
            ));
        }
    }
    out
}

fn body_text(body: &Body) -> String {
    match body {
        Body::Json(text) => format!("{text}\n"),
        Body::Raw(text) => format!("(not JSON) {text}\n"),
    }
}

fn summary(request: &NormalizedRequest) -> String {
    let target = request.framing.iter().find(|(n, _)| *n == contract::TARGET_HEADER).map_or("", |(_, v)| v.as_str());
    let body = String::from_utf8_lossy(&request.raw_body);
    format!("{} {} X-Amz-Target: {target}, body {}", request.method, request.path, visible(&body))
}

/// The outcome of one case.
#[derive(Debug)]
struct CaseResult {
    name: String,
    /// The failure report, when the case failed.
    failure: Option<String>,
    notes: Vec<String>,
    elapsed: Duration,
}

fn replay(recording: &Recording, binary: &BinaryUnderTest, difference: Option<&Difference>) -> CaseResult {
    let mut result =
        CaseResult { name: recording.name.clone(), failure: None, notes: Vec::new(), elapsed: Duration::ZERO };
    let outcome = replay_inner(recording, binary, difference);
    match outcome {
        Ok((comparison, elapsed)) => {
            result.elapsed = elapsed;
            result.notes = comparison.notes;
            if let Some(difference) = difference {
                result.notes.push(format!("deliberate difference ({}): {}", difference.topic, difference.reason));
            }
            if !comparison.problems.is_empty() {
                result.failure = Some(comparison.problems.join("\n"));
            }
        }
        Err(error) => result.failure = Some(format!("the case could not be run: {error}")),
    }
    result
}

fn replay_inner(
    recording: &Recording,
    binary: &BinaryUnderTest,
    difference: Option<&Difference>,
) -> Result<(Comparison, Duration), String> {
    let server = match recording.endpoint {
        Endpoint::Mock => {
            let script = recording.responses.iter().map(scripted).collect::<Result<Vec<_>, _>>()?;
            Some(MockServer::start(script).map_err(|e| format!("cannot start the mock server: {e}"))?)
        }
        Endpoint::Refused | Endpoint::None => None,
    };
    let port = match (&server, recording.endpoint) {
        (Some(server), _) => Some(server.port()),
        // A port that was free a moment ago: nothing listens there.
        (None, Endpoint::Refused) => Some(
            TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map_err(|e| format!("cannot find a free port: {e}"))?
                .port(),
        ),
        (None, _) => None,
    };
    let endpoint = port.map(|p| format!("http://127.0.0.1:{p}")).unwrap_or_default();
    let mut env = recording.env.clone();
    if binary.is_ours() {
        // The backoff still happens, shorter; the reference sleeps its own.
        let (name, scale) = DELAY_SCALE;
        env.entry(name.to_owned()).or_insert_with(|| Some(scale.to_owned()));
    }
    let spec = RunSpec {
        args: &recording.args,
        env: &env,
        files: &recording.files,
        config: recording.config.as_deref(),
        stdin: recording.stdin.as_deref(),
        endpoint: &endpoint,
        timeout: sandbox::TIMEOUT,
    };
    let output = sandbox::run(binary, &spec)?;
    let found = Observation {
        exit: match output.status.code() {
            Some(code) => Exit::Code(code),
            None => Exit::NoCode(output.status.to_string()),
        },
        stdout: output.stdout,
        stderr: output.stderr,
        requests: server.as_ref().map(MockServer::requests).unwrap_or_default(),
    };
    let expected = Observation {
        exit: Exit::Code(difference.and_then(|d| d.exit_code).unwrap_or(recording.exit_code)),
        stdout: text_to_bytes(difference.and_then(|d| d.stdout.as_deref()).unwrap_or(&recording.stdout))?,
        stderr: text_to_bytes(difference.and_then(|d| d.stderr.as_deref()).unwrap_or(&recording.stderr))?,
        requests: recording
            .requests
            .iter()
            .map(|r| {
                Ok(ReceivedRequest {
                    method: r.method.clone(),
                    path: r.path.clone(),
                    headers: r.headers.clone(),
                    body: text_to_bytes(&r.body)?,
                })
            })
            .collect::<Result<_, String>>()?,
    };
    Ok((compare(&normalize(&expected, None), &normalize(&found, port)), output.elapsed))
}

fn scripted(response: &RecordedResponse) -> Result<ScriptedResponse, String> {
    let headers = response
        .headers
        .iter()
        .map(|(name, value)| match value {
            Value::String(value) => Ok((name.clone(), value.clone())),
            other => Err(format!("response header {name} is not a string: {other}")),
        })
        .collect::<Result<_, _>>()?;
    Ok(ScriptedResponse {
        status: response.status,
        reason: response.reason.clone(),
        headers,
        body: text_to_bytes(&response.body)?,
    })
}

/// The command a person would run to see the case by hand (with `{endpoint}` left as is).
fn describe_run(recording: &Recording, binary: &BinaryUnderTest) -> String {
    let mut line = describe_env(&recording.env);
    if !line.is_empty() {
        line.push(' ');
    }
    line.push_str(&binary.command_line(&recording.args));
    if let Some(stdin) = &recording.stdin {
        line.push_str(&format!(" <<< {}", shell_quote(stdin)));
    }
    let mut extras = Vec::new();
    if recording.config.is_some() {
        extras.push("a config file".to_owned());
    }
    if !recording.files.is_empty() {
        extras.push(format!("files {}", recording.files.keys().cloned().collect::<Vec<_>>().join(", ")));
    }
    if !extras.is_empty() {
        line.push_str(&format!("\n  with {} (see the recording)", extras.join(" and ")));
    }
    line
}

fn recorded_path(name: &str) -> PathBuf {
    Path::new(FIXTURES).join("recorded").join(format!("{name}.json"))
}

/// The case list, `cases.json`, as JSON objects.
fn case_list() -> Vec<serde_json::Map<String, Value>> {
    let path = Path::new(FIXTURES).join("cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let cases: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    cases
        .into_iter()
        .map(|case| match case {
            Value::Object(case) => case,
            other => panic!("{}: a case is not an object: {other}", path.display()),
        })
        .collect()
}

fn case_name(case: &serde_json::Map<String, Value>) -> String {
    case.get("name").and_then(Value::as_str).unwrap_or("(unnamed)").to_owned()
}

/// Every recording, in the order of `cases.json`.
fn recordings() -> Vec<Recording> {
    case_list()
        .iter()
        .map(|case| {
            let path = recorded_path(&case_name(case));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "cannot read {}: {e}\nrecord it with `cargo xtask record-awscli {}`",
                    path.display(),
                    case_name(case)
                )
            });
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not a recording: {e}", path.display()))
        })
        .collect()
}

/// Whether `name` is selected by the `GOLDEN_CASE` value `filter` (comma-separated names; `prefix*` too).
fn selected(filter: Option<&str>, name: &str) -> bool {
    let Some(filter) = filter.map(str::trim).filter(|f| !f.is_empty()) else { return true };
    filter.split(',').map(str::trim).any(|pattern| match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == pattern,
    })
}

#[test]
fn every_recorded_case_matches_the_reference() {
    let filter = std::env::var(CASE_VAR).ok();
    let all = recordings();
    let cases: Vec<&Recording> = all.iter().filter(|r| selected(filter.as_deref(), &r.name)).collect();
    assert!(
        !cases.is_empty(),
        "{CASE_VAR}={} selects none of the {} cases (names are in tests/fixtures/awscli/cases.json)",
        filter.unwrap_or_default(),
        all.len()
    );
    let binary = binary_under_test().unwrap_or_else(|e| panic!("no binary to test: {e}"));
    let differences = if binary.is_ours() { differences() } else { Vec::new() };

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<CaseResult>>> = Mutex::new(cases.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..MAX_PARALLEL.min(cases.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&recording) = cases.get(index) else { break };
                    let difference = differences.iter().find(|d| d.case == recording.name);
                    let result = replay(recording, binary, difference);
                    if let Some(slot) = results.lock().unwrap_or_else(|e| e.into_inner()).get_mut(index) {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    let results: Vec<CaseResult> =
        results.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().flatten().collect();
    assert_eq!(results.len(), cases.len(), "a case did not report a result");

    let bin_prefix = match std::env::var(BIN_VAR) {
        Ok(spec) if !spec.trim().is_empty() => format!("{BIN_VAR}={} ", shell_quote(&spec)),
        _ => String::new(),
    };
    let mut report = String::new();
    let mut failed = 0;
    for (result, recording) in results.iter().zip(&cases) {
        let Some(failure) = &result.failure else { continue };
        failed += 1;
        report.push_str(&format!(
            "\n=== {} [{}] ({:.1}s)\n  run: {}\n  recorded: {}\n  rerun: {bin_prefix}{CASE_VAR}={} cargo test -p cognito-idp-e2e golden\n",
            result.name,
            recording.section,
            result.elapsed.as_secs_f64(),
            describe_run(recording, binary),
            recorded_path(&result.name).display(),
            result.name,
        ));
        for line in failure.lines() {
            report.push_str(&format!("  {line}\n"));
        }
        for note in &result.notes {
            report.push_str(&format!("  info: {note}\n"));
        }
    }
    let noted = results.iter().filter(|r| r.failure.is_none() && !r.notes.is_empty()).count();
    println!(
        "golden: {} of {} case(s) match awscli 1.46.3 (binary: {}); {noted} passing case(s) with information notes{}",
        cases.len() - failed,
        cases.len(),
        binary.command_line(&[]),
        if noted == 0 { "" } else { " (listed below)" }
    );
    let mut by_time: Vec<&CaseResult> = results.iter().collect();
    by_time.sort_by_key(|r| std::cmp::Reverse(r.elapsed));
    let slowest: Vec<String> =
        by_time.iter().take(5).map(|r| format!("{} {:.1}s", r.name, r.elapsed.as_secs_f64())).collect();
    println!("golden: slowest cases: {}", slowest.join(", "));
    for result in results.iter().filter(|r| r.failure.is_none()) {
        for note in &result.notes {
            println!("  info {}: {note}", result.name);
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} golden case(s) differ from awscli 1.46.3 (binary: {}):\n{report}\n{failed} golden case(s) failed; \
         the recordings are in tests/fixtures/awscli/recorded/ and normalize() in tests/e2e/golden.rs lists what may differ",
        cases.len(),
        binary.command_line(&[])
    );
}

/// `cases.json` and the recordings must describe the same cases: a case edited without recording it again,
/// or a recording without a case, fails here with the command that fixes it.
#[test]
fn every_case_is_recorded_as_written() {
    let mut problems = Vec::new();
    let cases = case_list();
    for case in &cases {
        let name = case_name(case);
        let path = recorded_path(&name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{name}: no recording at {}", path.display()));
            continue;
        };
        let recording: serde_json::Map<String, Value> = match serde_json::from_str(&text) {
            Ok(recording) => recording,
            Err(e) => {
                problems.push(format!("{name}: {} is not a JSON object: {e}", path.display()));
                continue;
            }
        };
        for (key, value) in case {
            let recorded = recording.get(key);
            let same = match (key.as_str(), value, recorded) {
                ("responses", Value::Array(given), Some(Value::Array(recorded))) => {
                    given.len() == recorded.len()
                        && given.iter().zip(recorded).all(|(g, r)| match g {
                            Value::Object(g) => g.iter().all(|(k, v)| r.get(k) == Some(v)),
                            _ => false,
                        })
                }
                (_, value, recorded) => recorded == Some(value) || (value.is_null() && recorded.is_none()),
            };
            if !same {
                problems.push(format!("{name}: `{key}` in cases.json differs from the recording"));
            }
        }
    }
    let names: Vec<String> = cases.iter().map(case_name).collect();
    let recorded_dir = Path::new(FIXTURES).join("recorded");
    for entry in
        std::fs::read_dir(&recorded_dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", recorded_dir.display()))
    {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "json") && !names.iter().any(|n| n == stem) {
            problems.push(format!("{}: a recording of no case in cases.json", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "cases.json and tests/fixtures/awscli/recorded/ disagree:\n  {}\nrecord the cases again: \
         `cargo xtask record-awscli [CASE...]` (see tests/fixtures/awscli/README.md), and commit the recordings",
        problems.join("\n  ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observation(stderr: &str, requests: Vec<ReceivedRequest>) -> Observation {
        Observation { exit: Exit::Code(2), stdout: Vec::new(), stderr: stderr.as_bytes().to_vec(), requests }
    }

    fn request(headers: &[(&str, &str)], body: &str) -> ReceivedRequest {
        ReceivedRequest {
            method: "POST".to_owned(),
            path: "/".to_owned(),
            headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn both_usage_blocks_and_program_names_become_placeholders() {
        let theirs = format!("{REFERENCE_USAGE}aws: error: argument --username: expected one argument\n");
        let ours = format!("{OUR_USAGE}cognito-idp: error: argument --username: expected one argument\n");
        let (theirs, ours) =
            (normalize(&observation(&theirs, vec![]), None), normalize(&observation(&ours, vec![]), None));
        assert_eq!(theirs.stderr, "{usage}\n{prog}: error: argument --username: expected one argument\n");
        assert_eq!(theirs, ours);
    }

    #[test]
    fn the_program_name_is_kept_where_it_does_not_begin_an_error_line() {
        let normalized = normalize(&observation("run \"aws configure\".\naws: errors\n", vec![]), None);
        assert_eq!(normalized.stderr, "run \"aws configure\".\naws: errors\n");
    }

    #[test]
    fn the_port_becomes_a_placeholder() {
        let run = observation("Could not connect to the endpoint URL: \"http://127.0.0.1:4567/\"\n", vec![]);
        assert_eq!(
            normalize(&run, Some(4567)).stderr,
            "Could not connect to the endpoint URL: \"http://127.0.0.1:{port}/\"\n"
        );
    }

    #[test]
    fn json_bodies_compare_as_values_in_key_order_and_bytes_are_only_noted() {
        let framing = [("X-Amz-Target", "T"), ("amz-sdk-invocation-id", "0b4f3a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b")];
        let python = observation("", vec![request(&framing, r#"{"ClientId": "a", "Username": "Zo\u00eb"}"#)]);
        let rust = observation("", vec![request(&framing, r#"{"ClientId":"a","Username":"Zoë"}"#)]);
        let swapped = observation("", vec![request(&framing, r#"{"Username":"Zoë","ClientId":"a"}"#)]);
        let same = compare(&normalize(&python, None), &normalize(&rust, None));
        assert!(same.problems.is_empty(), "{:?}", same.problems);
        assert_eq!(same.notes.len(), 1, "{:?}", same.notes);
        let reordered = compare(&normalize(&python, None), &normalize(&swapped, None));
        assert_eq!(reordered.problems.len(), 1, "{:?}", reordered.problems);
    }

    #[test]
    fn framing_headers_compare_by_value_presence_and_form() {
        let reference = [
            ("X-Amz-Target", "AWSCognitoIdentityProviderService.ResendConfirmationCode"),
            ("User-Agent", "aws-cli/1.46.3"),
            ("amz-sdk-invocation-id", "0b4f3a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"),
            ("Accept-Encoding", "identity"),
        ];
        let ours = [
            ("x-amz-target", "AWSCognitoIdentityProviderService.ResendConfirmationCode"),
            ("user-agent", "cognito-idp/0.1.0"),
            ("amz-sdk-invocation-id", "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"),
            ("accept", "*/*"),
        ];
        let wrong = [("X-Amz-Target", "Other"), ("amz-sdk-invocation-id", "1"), ("Authorization", "AWS4 x")];
        let reference = normalize(&observation("", vec![request(&reference, "")]), None);
        let ours = normalize(&observation("", vec![request(&ours, "")]), None);
        let wrong = normalize(&observation("", vec![request(&wrong, "")]), None);
        let comparison = compare(&reference, &ours);
        assert!(comparison.problems.is_empty(), "{:?}", comparison.problems);
        assert_eq!(comparison.notes.len(), 1, "the transport headers differ: {:?}", comparison.notes);
        let problems = compare(&reference, &wrong).problems;
        let named = |name: &str| problems.iter().any(|p| p.contains(&format!("header {name}:")));
        assert!(
            ["x-amz-target", "amz-sdk-invocation-id", "authorization", "user-agent"].into_iter().all(named),
            "{problems:?}"
        );
    }

    #[test]
    fn a_missing_request_is_reported_with_what_arrived() {
        let expected = normalize(&observation("", vec![request(&[("X-Amz-Target", "T")], "{}")]), None);
        let found = normalize(&observation("", vec![]), None);
        let problems = compare(&expected, &found).problems;
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("requests: expected 1, found 0"), "{}", problems[0]);
        assert!(problems[0].contains("1. POST / X-Amz-Target: T, body {}"), "{}", problems[0]);
    }

    #[test]
    fn the_retry_ttl_becomes_a_placeholder_only_in_its_compact_utc_form() {
        let retry = |value: &str| {
            let run = observation("", vec![request(&[("amz-sdk-request", value)], "")]);
            let normalized = normalize(&run, None);
            normalized.requests[0].framing.iter().find(|(n, _)| *n == "amz-sdk-request").map(|(_, v)| v.clone())
        };
        assert_eq!(retry("ttl=20261126T100100Z; attempt=2; max=5").as_deref(), Some("ttl={ttl}; attempt=2; max=5"));
        assert_eq!(retry("attempt=1").as_deref(), Some("attempt=1"));
        assert_eq!(
            retry("ttl=2026-11-26T10:01:00Z; attempt=2; max=5").as_deref(),
            Some("ttl=2026-11-26T10:01:00Z; attempt=2; max=5")
        );
        assert_eq!(retry("ttl=20261126T100100; attempt=2").as_deref(), Some("ttl=20261126T100100; attempt=2"));
    }

    #[test]
    fn a_different_attempt_count_or_attempt_number_is_a_problem() {
        let attempts = |values: &[&str]| {
            let requests = values.iter().map(|v| request(&[("amz-sdk-request", v)], "{}")).collect();
            normalize(&observation("", requests), None)
        };
        let reference = attempts(&["attempt=1", "ttl=20261126T100100Z; attempt=2; max=5"]);
        let same = attempts(&["attempt=1", "ttl=20261126T100059Z; attempt=2; max=5"]);
        assert!(compare(&reference, &same).problems.is_empty());
        let fewer = compare(&reference, &attempts(&["attempt=1"])).problems;
        assert!(fewer.iter().any(|p| p.starts_with("requests: expected 2, found 1")), "{fewer:?}");
        let wrong_max = compare(&reference, &attempts(&["attempt=1", "attempt=2; max=3"])).problems;
        assert!(wrong_max.iter().any(|p| p.contains("header amz-sdk-request")), "{wrong_max:?}");
    }

    #[test]
    fn uuids_are_recognized_in_either_case_only_in_their_form() {
        assert!(is_uuid("0b4f3a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
        assert!(is_uuid("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"));
        assert!(!is_uuid("0b4f3a9e1c2d4e5f8a9b0c1d2e3f4a5b"));
        assert!(!is_uuid("0b4f3a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5g"));
    }

    #[test]
    fn the_case_filter_takes_names_and_prefixes() {
        assert!(selected(None, "anything"));
        assert!(selected(Some("a,shorthand_*"), "shorthand_empty_key"));
        assert!(selected(Some(" a , b "), "b"));
        assert!(!selected(Some("shorthand"), "shorthand_empty_key"));
    }
}

/// Every deliberate difference names a recorded case and a topic the README lists.
#[test]
fn every_deliberate_difference_is_a_case_and_is_in_the_readme() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let section = readme.split("## Differences from AWS CLI v1").nth(1).expect("README has the section");
    let names: Vec<String> = recordings().into_iter().map(|r| r.name).collect();
    for difference in differences() {
        assert!(names.contains(&difference.case), "differences.json names an unknown case {}", difference.case);
        assert!(
            section.contains(&difference.topic),
            "README's \"Differences from AWS CLI v1\" does not mention {:?} (case {})",
            difference.topic,
            difference.case
        );
        assert!(
            difference.exit_code.is_some() || difference.stdout.is_some() || difference.stderr.is_some(),
            "difference {} changes nothing",
            difference.case
        );
    }
}
