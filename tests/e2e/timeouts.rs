//! Timeouts: `--cli-read-timeout` against a server that never answers, one that trickles its body, one that
//! answers late; `--cli-connect-timeout` against a listener whose queue is full (connections hang in the
//! kernel); `0` meaning no timeout. Every run ends within a bound that counts its attempts.
//!
//! Expected texts observed from awscli 1.46.3 (run with `COGNITO_IDP_BIN="<venv>/bin/aws cognito-idp"`; the
//! time bounds assume our scaled backoff).
//!
//! A non-routable address such as 10.255.255.1 cannot test connect timeouts here: this sandbox's network
//! accepts connections to it at once. The full listening queue on 127.0.0.1 hangs connections reliably.

use std::time::Duration;

use crate::support::cli::{Cli, Outcome, SUCCESS_BODY, SUCCESS_STDOUT, ours};
use crate::support::mock_server::{MockServer, Reply, ScriptedResponse};

fn read_timeout(url: &str) -> String {
    format!("Read timeout on endpoint URL: \"{url}/\"")
}

/// The run took at least `low` seconds (the timeouts it waited out) and, for our CLI, less than `high` (the
/// reference starts slowly and sleeps its unscaled backoff).
#[track_caller]
fn assert_between(outcome: &Outcome, low: f64, high: f64) {
    let seconds = outcome.elapsed.as_secs_f64();
    let high = if ours() { high } else { f64::INFINITY };
    assert!((low..high).contains(&seconds), "ran {seconds:.2}s, expected between {low}s and {high}s\n{outcome}");
}

#[test]
fn a_server_that_never_answers_times_out_after_the_read_timeout() {
    let server = MockServer::start_with(vec![Reply::Hang], None).expect("starts");
    let url = server.url("http");
    let outcome = Cli::operation(&url).args(["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1").run();
    outcome.assert_failure(&read_timeout(&url));
    assert_between(&outcome, 1.0, 6.0);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn read_timeouts_are_retried() {
    let server = MockServer::start_with(vec![Reply::Hang], None).expect("starts");
    let url = server.url("http");
    let outcome = Cli::operation(&url).args(["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "3").run();
    outcome.assert_failure(&read_timeout(&url));
    assert_eq!(server.requests().len(), 3, "{outcome}");
    assert_between(&outcome, 3.0, 10.0);
}

#[test]
fn a_read_timeout_then_an_answer_succeeds() {
    let replies = vec![Reply::Hang, ScriptedResponse::json(200, SUCCESS_BODY).into()];
    let server = MockServer::start_with(replies, None).expect("starts");
    let outcome = Cli::operation(&server.url("http")).args(["--cli-read-timeout", "1"]).run();
    outcome.assert(0, SUCCESS_STDOUT, "");
    assert_eq!(server.requests().len(), 2);
    let requests = server.requests();
    let framing: Vec<Option<&str>> = requests.iter().map(|r| r.header("amz-sdk-request")).collect();
    assert_eq!(framing, [Some("attempt=1"), Some("attempt=2; max=5")]);
}

#[test]
fn a_body_trickling_slower_than_the_read_timeout_times_out() {
    let trickle = Reply::Trickle {
        response: ScriptedResponse::json(200, SUCCESS_BODY),
        pieces: 2,
        pause: Duration::from_secs(3),
    };
    let server = MockServer::start_with(vec![trickle], None).expect("starts");
    let url = server.url("http");
    let outcome = Cli::operation(&url).args(["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1").run();
    outcome.assert_failure(&read_timeout(&url));
    assert_between(&outcome, 1.0, 6.0);
}

#[test]
fn the_read_timeout_applies_to_each_read_not_to_the_whole_body() {
    // Five pieces 0.4 s apart: 1.6 s in all, never 1 s without data.
    let trickle = Reply::Trickle {
        response: ScriptedResponse::json(200, SUCCESS_BODY),
        pieces: 5,
        pause: Duration::from_millis(400),
    };
    let server = MockServer::start_with(vec![trickle], None).expect("starts");
    let outcome =
        Cli::operation(&server.url("http")).args(["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1").run();
    outcome.assert(0, SUCCESS_STDOUT, "");
    assert!(outcome.elapsed > Duration::from_millis(1500), "{outcome}");
}

#[test]
fn a_read_timeout_of_zero_waits_for_a_late_answer() {
    let late = || vec![Reply::Delayed(Duration::from_millis(2500), ScriptedResponse::json(200, SUCCESS_BODY))];
    let (no_timeout, one_second) = std::thread::scope(|scope| {
        let no_timeout = scope.spawn(|| {
            let server = MockServer::start_with(late(), None).expect("starts");
            Cli::operation(&server.url("http")).args(["--cli-read-timeout", "0"]).env("AWS_MAX_ATTEMPTS", "1").run()
        });
        let one_second = scope.spawn(|| {
            let server = MockServer::start_with(late(), None).expect("starts");
            let url = server.url("http");
            (Cli::operation(&url).args(["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1").run(), url)
        });
        (no_timeout.join().expect("runs"), one_second.join().expect("runs"))
    });
    no_timeout.assert(0, SUCCESS_STDOUT, "");
    assert!(no_timeout.elapsed >= Duration::from_millis(2500), "{no_timeout}");
    let (outcome, url) = one_second;
    outcome.assert_failure(&read_timeout(&url));
}

#[test]
fn connecting_to_a_full_listening_queue_times_out_after_the_connect_timeout() {
    let server =
        MockServer::start_backlogged(vec![ScriptedResponse::json(200, SUCCESS_BODY).into()], Duration::from_secs(60))
            .expect("starts");
    let url = server.url("http");
    let outcome = Cli::operation(&url).args(["--cli-connect-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1").run();
    outcome.assert_failure(&format!("Connect timeout on endpoint URL: \"{url}/\""));
    assert_between(&outcome, 1.0, 6.0);
    assert!(server.requests().is_empty());
}

#[test]
fn connect_timeouts_are_retried() {
    let server =
        MockServer::start_backlogged(vec![ScriptedResponse::json(200, SUCCESS_BODY).into()], Duration::from_secs(60))
            .expect("starts");
    let url = server.url("http");
    let outcome = Cli::operation(&url).args(["--cli-connect-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "2").run();
    outcome.assert_failure(&format!("Connect timeout on endpoint URL: \"{url}/\""));
    assert_between(&outcome, 2.0, 8.0);
}

#[test]
fn a_connect_timeout_of_zero_waits_until_the_server_accepts() {
    // The queue frees after 2 s; the kernel resends the SYN at about 1 s and 3 s.
    let server =
        MockServer::start_backlogged(vec![ScriptedResponse::json(200, SUCCESS_BODY).into()], Duration::from_secs(2))
            .expect("starts");
    let outcome =
        Cli::operation(&server.url("http")).args(["--cli-connect-timeout", "0"]).env("AWS_MAX_ATTEMPTS", "1").run();
    outcome.assert(0, SUCCESS_STDOUT, "");
    assert_eq!(server.requests().len(), 1);
    assert_between(&outcome, 2.0, 20.0);
}
