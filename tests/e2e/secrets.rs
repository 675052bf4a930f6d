//! No secret is ever printed: a representative set of runs (success, service error, validation error,
//! shorthand error, usage error, transport failures, retries; each with and without `--debug`) uses the
//! distinctive client secret, SecretHash, ClientId, Username, IpAddress and EncodedData of
//! [`crate::support::secrets`], checks that the server received them, and relies on the sandbox, which refuses
//! any run whose stdout or stderr shows a registered secret (for every run of the whole suite, not only these).
//! Among them, runs whose request never leaves the CLI take every path where AWS CLI v1 echoes a sensitive
//! member's value in an error message (validation, invalid JSON, shorthand errors, `--cli-input-json`,
//! ambiguous `--user=<value>`), which we redact.
//!
//! Ours only: the reference's `--debug` and those messages print these values in clear (README, "Differences
//! from AWS CLI v1").

use std::collections::BTreeMap;
use std::time::Duration;

use crate::support::cli::{Cli, Outcome, SUCCESS_BODY, binary, ours};
use crate::support::mock_server::{MockServer, ReceivedRequest, Reply, ScriptedResponse};
use crate::support::sandbox::{self, RunSpec};
use crate::support::secrets::{
    CLIENT_ID, CLIENT_SECRET, ENCODED_DATA, EXPLICIT_SECRET_HASH, IP_ADDRESS, SECRET_HASH, USERNAME, outputs_checked,
};

/// What our `--debug` log and error messages write instead of a sensitive value.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// How the secret reaches the CLI in a run.
#[derive(Debug, Clone, Copy)]
enum Secret {
    Environment,
    File,
}

/// One run of the representative set.
struct Case {
    name: &'static str,
    /// Arguments after `resend-confirmation-code` and before `--endpoint-url`.
    args: Vec<String>,
    secret: Option<Secret>,
    replies: Vec<Reply>,
    /// The exit code expected.
    code: i32,
    /// Whether the server must have received the sentinel values (the request went out).
    sent: bool,
    /// Whether the endpoint refuses connections instead of being the mock server.
    refused: bool,
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

fn ok() -> Vec<Reply> {
    vec![ScriptedResponse::json(200, SUCCESS_BODY).into()]
}

fn identity() -> Vec<String> {
    strings(&["--client-id", CLIENT_ID, "--username", USERNAME])
}

fn with(extra: &[&str]) -> Vec<String> {
    let mut args = identity();
    args.extend(strings(extra));
    args
}

fn cases() -> Vec<Case> {
    let input = serde_json::json!({
        "ClientId": CLIENT_ID, "Username": USERNAME, "UserContextData": {"EncodedData": ENCODED_DATA},
    })
    .to_string();
    let wrong_types = serde_json::json!({
        "ClientId": [CLIENT_ID], "Username": {"name": USERNAME}, "UserContextData": {"IpAddress": [IP_ADDRESS]},
    })
    .to_string();
    let invalid_input = format!("{{\"ClientId\": \"{CLIENT_ID}\", \"Username\": \"{USERNAME}\",");
    let case =
        |name, args, secret, replies, code, sent| Case { name, args, secret, replies, code, sent, refused: false };
    vec![
        case("success, secret from the environment", identity(), Some(Secret::Environment), ok(), 0, true),
        case("success, secret from a file", identity(), Some(Secret::File), ok(), 0, true),
        case(
            "success with sensitive UserContextData, text output and a query",
            with(&[
                "--user-context-data",
                &format!("EncodedData={ENCODED_DATA}"),
                "--output",
                "text",
                "--query",
                "CodeDeliveryDetails",
            ]),
            Some(Secret::Environment),
            ok(),
            0,
            true,
        ),
        case(
            "service error",
            identity(),
            Some(Secret::Environment),
            vec![ScriptedResponse::error(400, "NotAuthorizedException", "Incorrect username or password.").into()],
            255,
            true,
        ),
        case(
            "retries then success",
            identity(),
            Some(Secret::File),
            vec![
                ScriptedResponse::json(503, "").into(),
                ScriptedResponse::json(429, "").into(),
                ScriptedResponse::json(200, SUCCESS_BODY).into(),
            ],
            0,
            true,
        ),
        case(
            "retries exhausted",
            identity(),
            Some(Secret::Environment),
            vec![ScriptedResponse::json(500, "").into()],
            255,
            true,
        ),
        case("the connection closes", identity(), Some(Secret::Environment), vec![Reply::Close], 255, true),
        case(
            "validation error",
            with(&["--user-context-data", &format!("EncodedData={ENCODED_DATA},Foo=bar")]),
            Some(Secret::Environment),
            ok(),
            255,
            false,
        ),
        case("shorthand error", with(&["--client-metadata", "a=b,c"]), Some(Secret::File), ok(), 255, false),
        case(
            "usage error: a secret and --secret-hash",
            with(&["--secret-hash", EXPLICIT_SECRET_HASH]),
            Some(Secret::Environment),
            ok(),
            2,
            false,
        ),
        case("usage error: an unknown option", with(&["--bogus", "x"]), Some(Secret::Environment), ok(), 255, false),
        case(
            "an explicit --secret-hash, no secret",
            with(&["--secret-hash", EXPLICIT_SECRET_HASH]),
            None,
            ok(),
            0,
            true,
        ),
        case(
            "equals forms and prefixes",
            strings(&[
                &format!("--client-id={CLIENT_ID}"),
                "--usern",
                USERNAME,
                &format!("--secret-h={EXPLICIT_SECRET_HASH}"),
            ]),
            None,
            ok(),
            0,
            true,
        ),
        case("--cli-input-json", strings(&["--cli-input-json", &input]), Some(Secret::Environment), ok(), 0, true),
        case(
            "file:// values",
            strings(&["--client-id", "file://client-id.txt", "--username", "file://username.txt"]),
            Some(Secret::File),
            ok(),
            0,
            true,
        ),
        case(
            "--generate-cli-skeleton output",
            with(&["--generate-cli-skeleton", "output"]),
            Some(Secret::Environment),
            ok(),
            0,
            false,
        ),
        Case { refused: true, ..case("connection refused", identity(), Some(Secret::Environment), ok(), 255, false) },
        // The request never leaves the CLI, on each path where AWS CLI v1 echoes a value.
        case(
            "validation error: sensitive values of the wrong types",
            strings(&["--cli-input-json", &wrong_types]),
            Some(Secret::Environment),
            ok(),
            255,
            false,
        ),
        case(
            "validation error: fileb:// values are bytes",
            strings(&["--client-id", "fileb://client-id.txt", "--username", "fileb://username.txt"]),
            Some(Secret::File),
            ok(),
            255,
            false,
        ),
        case("invalid --cli-input-json", strings(&["--cli-input-json", &invalid_input]), None, ok(), 255, false),
        case(
            "invalid JSON in --user-context-data",
            with(&["--user-context-data", &format!("{{\"IpAddress\": \"{IP_ADDRESS}\"")]),
            Some(Secret::Environment),
            ok(),
            255,
            false,
        ),
        case(
            "a JSON list for --user-context-data",
            with(&["--user-context-data", &format!("[\"{ENCODED_DATA}\"]")]),
            None,
            ok(),
            255,
            false,
        ),
        case(
            "shorthand syntax error in --user-context-data",
            with(&["--user-context-data", &format!("IpAddress={IP_ADDRESS},EncodedData={ENCODED_DATA},")]),
            Some(Secret::File),
            ok(),
            255,
            false,
        ),
        case(
            "shorthand repeated key in --user-context-data",
            with(&["--user-context-data", &format!("IpAddress={IP_ADDRESS},IpAddress={ENCODED_DATA}")]),
            None,
            ok(),
            255,
            false,
        ),
        case(
            "usage error: an ambiguous --user=<value>",
            strings(&["--client-id", CLIENT_ID, &format!("--user={USERNAME}")]),
            Some(Secret::Environment),
            ok(),
            2,
            false,
        ),
        case(
            "usage error: an ambiguous --c=<value> among the global options",
            strings(&[&format!("--c={CLIENT_ID}"), "--username", USERNAME]),
            None,
            ok(),
            2,
            false,
        ),
    ]
}

fn run_case(case: &Case, debug: bool) -> (Outcome, Vec<ReceivedRequest>) {
    let server = MockServer::start_with(case.replies.clone(), None).expect("starts");
    let endpoint = if case.refused { "http://127.0.0.1:9".to_owned() } else { server.url("http") };
    let mut cli = Cli::new(["resend-confirmation-code"])
        .args(&case.args)
        .args(["--endpoint-url", endpoint.as_str()])
        .env("AWS_MAX_ATTEMPTS", if case.refused { "1" } else { "5" })
        .file("client-id.txt", CLIENT_ID)
        .file("username.txt", USERNAME)
        .timeout(Duration::from_secs(30));
    cli = match case.secret {
        Some(Secret::Environment) => cli.env("COGNITO_CLIENT_SECRET", CLIENT_SECRET),
        Some(Secret::File) => {
            cli.args(["--client-secret-file", "secret.txt"]).file("secret.txt", &format!("{CLIENT_SECRET}\n"))
        }
        None => cli,
    };
    if debug {
        cli = cli.arg("--debug");
    }
    (cli.run(), server.requests())
}

#[test]
fn no_secret_is_printed_by_any_representative_run() {
    if !ours() {
        eprintln!("skipped: the reference's --debug prints these values in clear");
        return;
    }
    let cases = cases();
    let runs: Vec<(&Case, bool)> = cases.iter().flat_map(|case| [(case, false), (case, true)]).collect();
    let checked_before = outputs_checked();
    let results: Vec<(Outcome, Vec<ReceivedRequest>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = runs.iter().map(|(case, debug)| scope.spawn(move || run_case(case, *debug))).collect();
        handles.into_iter().map(|h| h.join().expect("a run panicked (a secret printed?)")).collect()
    });
    for ((case, debug), (outcome, requests)) in runs.iter().zip(&results) {
        let what = format!("{}{}", case.name, if *debug { " with --debug" } else { "" });
        assert_eq!(outcome.code, Some(case.code), "{what}\n{outcome}");
        if case.code != 0 {
            assert!(!outcome.stderr.trim().is_empty(), "{what}: a failure says why\n{outcome}");
        }
        if *debug {
            assert!(outcome.stderr.contains(REDACTED), "{what}: the debug log redacts\n{outcome}");
        }
        if case.sent {
            // The secrets were in play: the server got them.
            let first = requests.first().unwrap_or_else(|| panic!("{what}: nothing was sent\n{outcome}"));
            let body = String::from_utf8_lossy(&first.body);
            assert!(body.contains(CLIENT_ID) && body.contains(USERNAME), "{what}: {body}");
            let hash = if case.secret.is_some() { SECRET_HASH } else { EXPLICIT_SECRET_HASH };
            assert!(body.contains(hash), "{what}: the SecretHash sent: {body}");
        } else {
            assert!(requests.is_empty(), "{what}: nothing is sent\n{outcome}");
        }
    }
    // Every one of these outputs went through the sandbox's check.
    assert!(outputs_checked() >= checked_before + runs.len());
}

#[test]
fn a_hanging_server_and_a_read_timeout_print_no_secret_in_the_debug_log() {
    if !ours() {
        eprintln!("skipped: the reference's --debug prints these values in clear");
        return;
    }
    let server = MockServer::start_with(vec![Reply::Hang], None).expect("starts");
    let url = server.url("http");
    let outcome = Cli::new(["resend-confirmation-code"])
        .args(identity())
        .args(["--endpoint-url", url.as_str(), "--cli-read-timeout", "1", "--debug"])
        .env("COGNITO_CLIENT_SECRET", CLIENT_SECRET)
        .env("AWS_MAX_ATTEMPTS", "2")
        .run();
    assert_eq!(outcome.code, Some(255), "{outcome}");
    assert!(outcome.stderr.contains(&format!("\nRead timeout on endpoint URL: \"{url}/\"\n")), "{outcome}");
    assert!(outcome.stderr.contains(REDACTED), "{outcome}");
    assert_eq!(server.requests().len(), 2);
}

/// The sandbox's check bites: a run that shows a registered value is refused, and the report names the
/// secret without showing it. Here a server echoes the Username in its error message, which the CLI prints as
/// the server's text (as AWS CLI v1 does): the one way a sensitive value may reach the screen.
#[test]
fn the_sandbox_refuses_a_run_that_prints_a_registered_secret() {
    let message = format!("User {USERNAME} does not exist.");
    let server =
        MockServer::start_with(vec![ScriptedResponse::error(400, "UserNotFoundException", &message).into()], None)
            .expect("starts");
    let args =
        strings(&["resend-confirmation-code", "--client-id", "x", "--username", "y", "--endpoint-url", "{endpoint}"]);
    let env = BTreeMap::from([("AWS_MAX_ATTEMPTS".to_owned(), Some("1".to_owned()))]);
    let endpoint = server.url("http");
    let spec = RunSpec {
        args: &args,
        env: &env,
        files: &BTreeMap::new(),
        config: None,
        stdin: None,
        endpoint: &endpoint,
        timeout: Duration::from_secs(60),
    };
    let error = sandbox::run(binary(), &spec).expect_err("the server's message is printed");
    assert_eq!(error, "a secret was printed: stderr shows the sentinel Username");
    assert_eq!(server.requests().len(), 1);
}
