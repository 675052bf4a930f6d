//! SecretHash computed by our CLI (beyond the reference) from the app client's secret: the server receives
//! exactly the values of `spec/vectors/secret-hash.json`, whether the secret comes from `--client-secret-file`
//! or `COGNITO_CLIENT_SECRET` and whether Username and ClientId come from options or `--cli-input-json`;
//! `--secret-hash` together with a secret is a usage error that sends nothing; the secret file is read once,
//! even when the call is retried. Ours only: the reference has no such options, and these tests say so and
//! stop when it is the binary under test.

use serde_json::{Value, json};

use crate::support::cli::{Cli, Configure, Outcome, SUCCESS_BODY, SUCCESS_STDOUT, ours};
use crate::support::mock_server::{MockServer, ReceivedRequest, ScriptedResponse};
use crate::support::secrets::{Vector, vectors};

/// Our usage block, before argparse-style errors.
const USAGE: &str = "usage: cognito-idp [options] <command> [parameters]\nTo see help text, you can run:\n\n  cognito-idp help\n  cognito-idp <command> help\n";

fn skip_for_the_reference() -> bool {
    if !ours() {
        eprintln!("skipped: computing SecretHash is our CLI's own feature");
    }
    !ours()
}

/// Runs `resend-confirmation-code` with `args` (the endpoint added) against a succeeding server.
fn run(args: &[&str], configure: impl FnOnce(Cli) -> Cli) -> (Outcome, Vec<ReceivedRequest>) {
    let server = MockServer::start(vec![ScriptedResponse::json(200, SUCCESS_BODY)]).expect("starts");
    let url = server.url("http");
    let cli = Cli::new(["resend-confirmation-code"]).args(args).args(["--endpoint-url", url.as_str()]);
    let outcome = configure(cli).run();
    (outcome, server.requests())
}

#[track_caller]
fn assert_sent(outcome: &Outcome, requests: &[ReceivedRequest], expected: &Value) {
    outcome.assert(0, SUCCESS_STDOUT, "");
    assert_eq!(requests.len(), 1, "{outcome}");
    let body = requests[0].json();
    // Compared as text, so that the key order (model order: ClientId, SecretHash, Username) counts.
    assert_eq!(body.to_string(), expected.to_string(), "{outcome}");
}

fn expected_body(vector: &Vector) -> Value {
    json!({"ClientId": vector.client_id, "SecretHash": vector.expected, "Username": vector.username})
}

#[test]
fn the_secret_file_gives_the_vectors_secret_hash() {
    if skip_for_the_reference() {
        return;
    }
    for vector in vectors() {
        for content in [vector.client_secret.clone(), format!("{}\n", vector.client_secret)] {
            let (outcome, requests) = run(
                &[
                    "--client-id",
                    &vector.client_id,
                    "--username",
                    &vector.username,
                    "--client-secret-file",
                    "secret.txt",
                ],
                |cli| cli.file("secret.txt", &content),
            );
            assert_sent(&outcome, &requests, &expected_body(&vector));
        }
    }
}

#[test]
fn the_environment_variable_gives_the_vectors_secret_hash() {
    if skip_for_the_reference() {
        return;
    }
    for vector in vectors() {
        let (outcome, requests) = run(&["--username", &vector.username, "--client-id", &vector.client_id], |cli| {
            cli.env("COGNITO_CLIENT_SECRET", &vector.client_secret)
        });
        assert_sent(&outcome, &requests, &expected_body(&vector));
    }
}

#[test]
fn the_file_wins_over_the_environment_variable() {
    if skip_for_the_reference() {
        return;
    }
    let vector = &vectors()[0];
    let (outcome, requests) = run(
        &["--client-id", &vector.client_id, "--username", &vector.username, "--client-secret-file", "secret.txt"],
        |cli| cli.file("secret.txt", &vector.client_secret).env("COGNITO_CLIENT_SECRET", "not-the-secret"),
    );
    assert_sent(&outcome, &requests, &expected_body(vector));
}

#[test]
fn the_hash_uses_the_username_and_client_id_of_cli_input_json() {
    if skip_for_the_reference() {
        return;
    }
    for vector in vectors() {
        let input = json!({"ClientId": vector.client_id, "Username": vector.username}).to_string();
        // Inline, and from a file.
        let (outcome, requests) =
            run(&["--cli-input-json", &input], |cli| cli.env("COGNITO_CLIENT_SECRET", &vector.client_secret));
        assert_sent(&outcome, &requests, &expected_body(&vector));
        let (outcome, requests) = run(&["--cli-input-json", "file://input.json", "--client-secret-file", "s"], |cli| {
            cli.file("input.json", &input).file("s", &vector.client_secret)
        });
        assert_sent(&outcome, &requests, &expected_body(&vector));
    }
}

#[test]
fn the_hash_uses_the_command_lines_username_over_cli_input_json() {
    if skip_for_the_reference() {
        return;
    }
    let vector = &vectors()[0];
    let input = json!({"ClientId": vector.client_id, "Username": "someone-else"}).to_string();
    let (outcome, requests) = run(&["--cli-input-json", &input, "--username", &vector.username], |cli| {
        cli.env("COGNITO_CLIENT_SECRET", &vector.client_secret)
    });
    // Where the option would have put it: command-line members in model order, then the file's.
    let expected = json!({"SecretHash": vector.expected, "Username": vector.username, "ClientId": vector.client_id});
    assert_sent(&outcome, &requests, &expected);
}

#[test]
fn a_secret_hash_option_with_a_secret_is_a_usage_error_and_sends_nothing() {
    if skip_for_the_reference() {
        return;
    }
    let message = format!(
        "{USAGE}cognito-idp: error: argument --secret-hash: not allowed with a client secret (--client-secret-file or COGNITO_CLIENT_SECRET): give one or the other\n"
    );
    let base = ["--client-id", "1example23456789", "--username", "jane", "--secret-hash", "c2VjcmV0"];
    let cases: Vec<(&str, Configure)> = vec![
        ("--client-secret-file", |cli| cli.args(["--client-secret-file", "s"]).file("s", "secret")),
        ("COGNITO_CLIENT_SECRET", |cli| cli.env("COGNITO_CLIENT_SECRET", "secret")),
        ("--secret-hash=", |cli| cli.arg("--secret-hash=c2VjcmV0").env("COGNITO_CLIENT_SECRET", "secret")),
    ];
    for (what, configure) in cases {
        let (outcome, requests) = run(&base, configure);
        assert!(requests.is_empty(), "{what}: nothing is sent\n{outcome}");
        assert_eq!(
            (outcome.code, outcome.stdout.as_str(), outcome.stderr.as_str()),
            (Some(2), "", message.as_str()),
            "{what}\n{outcome}"
        );
    }
}

#[test]
fn an_unreadable_or_empty_secret_file_stops_before_sending() {
    if skip_for_the_reference() {
        return;
    }
    let base = ["--client-id", "1example23456789", "--username", "jane", "--client-secret-file"];
    let cases: Vec<(&str, &str, Configure)> = vec![
        (
            "missing.txt",
            "\ncannot read the client secret file missing.txt: No such file or directory (os error 2)\n",
            |cli| cli,
        ),
        ("empty.txt", "\nthe client secret in empty.txt is empty\n", |cli| cli.file("empty.txt", "\n")),
        ("folder/", "\ncannot read the client secret file folder/: it is a directory\n", |cli| cli.file("folder/", "")),
    ];
    for (path, message, configure) in cases {
        let mut args = base.to_vec();
        args.push(path);
        let (outcome, requests) = run(&args, configure);
        assert!(requests.is_empty(), "{path}: nothing is sent\n{outcome}");
        outcome.assert(255, "", message);
    }
}

#[test]
fn without_a_secret_no_hash_is_added() {
    let (outcome, requests) = run(&["--client-id", "1example23456789", "--username", "jane"], |cli| cli);
    assert_sent(&outcome, &requests, &json!({"ClientId": "1example23456789", "Username": "jane"}));
}

/// The secret file is read once per call: a named pipe gives its content to one reader only, so a CLI that
/// opened the file again for its retry would block there (and be killed by the timeout, failing the run).
#[cfg(unix)]
#[test]
fn the_secret_file_is_read_once_even_across_retries() {
    if skip_for_the_reference() {
        return;
    }
    let vector = &vectors()[0];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pipe = dir.path().join("secret.pipe");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", pipe.display());
    // Opening a pipe to write waits for a reader; the content goes to that one reader, then the pipe closes.
    let writer = {
        let (pipe, secret) = (pipe.clone(), vector.client_secret.clone());
        std::thread::spawn(move || std::fs::write(pipe, secret))
    };
    let server = MockServer::start(vec![
        ScriptedResponse::error(500, "InternalErrorException", "try again"),
        ScriptedResponse::json(200, SUCCESS_BODY),
    ])
    .expect("starts");
    let url = server.url("http");
    let pipe_arg = pipe.to_str().expect("a UTF-8 temporary path");
    let outcome = Cli::new(["resend-confirmation-code"])
        .args(["--client-id", &vector.client_id, "--username", &vector.username])
        .args(["--client-secret-file", pipe_arg, "--endpoint-url", url.as_str()])
        .timeout(std::time::Duration::from_secs(20))
        .run();

    outcome.assert(0, SUCCESS_STDOUT, "");
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "one retry after the 500: {outcome}");
    for request in &requests {
        assert_eq!(request.json().to_string(), expected_body(vector).to_string(), "{outcome}");
    }
    // The hash is right, so the CLI read the pipe and the writer is done.
    writer.join().expect("the writer thread").expect("the secret was written to the pipe");
}
