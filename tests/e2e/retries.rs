//! Retries, counted at the server: which statuses and error codes are retried in legacy mode (AWS CLI v1's
//! default) and in standard mode, the attempt budget from `AWS_MAX_ATTEMPTS` and the profile's
//! `max_attempts`, the framing of each attempt (the same `amz-sdk-invocation-id`, `amz-sdk-request:
//! [ttl=...; ]attempt=N; max=M`), and the backoff between attempts, which is shortened for tests through
//! `COGNITO_IDP_RETRY_DELAY_SCALE`, never skipped.
//!
//! Expected texts observed from awscli 1.46.3 (run these tests with `COGNITO_IDP_BIN="<venv>/bin/aws
//! cognito-idp"` to check them against it; the backoff tests are ours only).

use std::time::Duration;

use crate::support::cli::{Cli, Configure, Outcome, SUCCESS_BODY, SUCCESS_STDOUT, ours};
use crate::support::mock_server::{MockServer, ReceivedRequest, Reply, ScriptedResponse};

/// The reference's message after a final error response.
fn service_error(code: &str, retries: Option<u32>, message: &str) -> String {
    let reached = retries.map(|n| format!(" (reached max retries: {n})")).unwrap_or_default();
    format!("An error occurred ({code}) when calling the ResendConfirmationCode operation{reached}: {message}")
}

/// Runs the operation against a server answering `replies`, with `extra` applied to the run.
fn run_against(replies: Vec<Reply>, extra: impl FnOnce(Cli) -> Cli) -> (Outcome, Vec<ReceivedRequest>) {
    let server = MockServer::start_with(replies, None).expect("the mock server starts");
    let outcome = extra(Cli::operation(&server.url("http"))).run();
    (outcome, server.requests())
}

/// Runs `cases` at once (each is mostly waiting for backoff), returning their results in order.
fn concurrently<T: Send, R: Send>(cases: Vec<T>, each: impl Fn(T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = cases.into_iter().map(|case| scope.spawn(|| each(case))).collect();
        handles.into_iter().map(|h| h.join().expect("a case thread panicked")).collect()
    })
}

#[track_caller]
fn assert_attempts(outcome: &Outcome, requests: &[ReceivedRequest], expected: usize, what: &str) {
    assert_eq!(
        requests.len(),
        expected,
        "{what}: the server saw {} attempt(s), expected {expected}\n{outcome}",
        requests.len()
    );
}

#[test]
fn legacy_mode_makes_five_attempts_for_each_retryable_status() {
    let statuses = [
        (500, "Internal Server Error"),
        (502, "Bad Gateway"),
        (503, "Service Unavailable"),
        (504, "Gateway Timeout"),
        (509, ""),
        (429, ""),
    ];
    let results = concurrently(statuses.to_vec(), |(status, phrase)| {
        let (outcome, requests) = run_against(vec![ScriptedResponse::json(status, "").into()], |c| c);
        (status, phrase, outcome, requests)
    });
    for (status, phrase, outcome, requests) in results {
        assert_attempts(&outcome, &requests, 5, &format!("status {status}"));
        outcome.assert_failure(&service_error(&status.to_string(), Some(4), phrase));
    }
}

#[test]
fn legacy_mode_retries_throttling_codes_only_with_a_400() {
    let codes = [
        (400, "Throttling", 5),
        (400, "ThrottlingException", 5),
        (400, "ThrottledException", 5),
        (400, "RequestThrottledException", 5),
        (400, "ProvisionedThroughputExceededException", 5),
        (403, "ThrottlingException", 1),
        (400, "LimitExceededException", 1),
    ];
    let results = concurrently(codes.to_vec(), |(status, code, attempts)| {
        let (outcome, requests) =
            run_against(vec![ScriptedResponse::error(status, code, "Rate exceeded").into()], |c| c);
        (code, attempts, outcome, requests)
    });
    for (code, attempts, outcome, requests) in results {
        assert_attempts(&outcome, &requests, attempts, code);
        let retries = (attempts > 1).then_some(4);
        outcome.assert_failure(&service_error(code, retries, "Rate exceeded"));
    }
}

#[test]
fn non_retryable_errors_are_sent_once_in_both_modes() {
    let cases = [
        (
            "legacy",
            ScriptedResponse::error(400, "TooManyRequestsException", "Too many requests."),
            "TooManyRequestsException",
            "Too many requests.",
        ),
        (
            "legacy",
            ScriptedResponse::error(400, "UserNotFoundException", "Username/client id combination not found."),
            "UserNotFoundException",
            "Username/client id combination not found.",
        ),
        ("legacy", ScriptedResponse::json(501, ""), "501", "Not Implemented"),
        (
            "legacy",
            ScriptedResponse::error(403, "ForbiddenException", "Request blocked by AWS WAF."),
            "ForbiddenException",
            "Request blocked by AWS WAF.",
        ),
        (
            "standard",
            ScriptedResponse::error(400, "UserNotFoundException", "Username/client id combination not found."),
            "UserNotFoundException",
            "Username/client id combination not found.",
        ),
        ("standard", ScriptedResponse::json(429, ""), "429", ""),
        ("standard", ScriptedResponse::json(509, ""), "509", ""),
    ];
    let results = concurrently(cases.to_vec(), |(mode, response, code, message)| {
        // A success after the first answer would show up as a retry.
        let replies = vec![response.into(), ScriptedResponse::json(200, SUCCESS_BODY).into()];
        let (outcome, requests) = run_against(replies, |c| c.env("AWS_RETRY_MODE", mode));
        (mode, code, message, outcome, requests)
    });
    for (mode, code, message, outcome, requests) in results {
        assert_attempts(&outcome, &requests, 1, &format!("{mode} {code}"));
        outcome.assert_failure(&service_error(code, None, message));
    }
}

#[test]
fn standard_mode_makes_three_attempts_for_its_statuses_and_codes() {
    let mut cases: Vec<(ScriptedResponse, String, String)> =
        [(500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Service Unavailable"), (504, "Gateway Timeout")]
            .into_iter()
            .map(|(status, phrase)| (ScriptedResponse::json(status, ""), status.to_string(), phrase.to_owned()))
            .collect();
    for code in [
        "TooManyRequestsException",
        "LimitExceededException",
        "ThrottlingException",
        "RequestTimeout",
        "PriorRequestNotComplete",
        "SlowDown",
    ] {
        cases.push((ScriptedResponse::error(400, code, "Slow down."), code.to_owned(), "Slow down.".to_owned()));
    }
    let results = concurrently(cases, |(response, code, message)| {
        let (outcome, requests) = run_against(vec![response.into()], |c| c.env("AWS_RETRY_MODE", "standard"));
        (code, message, outcome, requests)
    });
    for (code, message, outcome, requests) in results {
        assert_attempts(&outcome, &requests, 3, &code);
        outcome.assert_failure(&service_error(&code, Some(2), &message));
    }
}

#[test]
fn the_retry_mode_and_attempt_budget_come_from_the_environment_and_the_profile() {
    let cases: Vec<(&str, Configure, usize)> = vec![
        ("AWS_MAX_ATTEMPTS=2", |c| c.env("AWS_MAX_ATTEMPTS", "2"), 2),
        ("max_attempts = 4", |c| c.config("[default]\nmax_attempts = 4\n"), 4),
        (
            "AWS_MAX_ATTEMPTS wins over max_attempts",
            |c| c.env("AWS_MAX_ATTEMPTS", "2").config("[default]\nmax_attempts = 4\n"),
            2,
        ),
        ("retry_mode = standard", |c| c.config("[default]\nretry_mode = standard\n"), 3),
        (
            "AWS_RETRY_MODE wins over retry_mode",
            |c| c.env("AWS_RETRY_MODE", "legacy").config("[default]\nretry_mode = standard\n"),
            5,
        ),
        (
            "standard with max_attempts = 4",
            |c| c.env("AWS_RETRY_MODE", "standard").config("[default]\nmax_attempts = 4\n"),
            4,
        ),
        (
            "the named profile's max_attempts",
            |c| c.env("AWS_PROFILE", "dev").config("[default]\nmax_attempts = 4\n\n[profile dev]\nmax_attempts = 3\n"),
            3,
        ),
    ];
    let results = concurrently(cases, |(what, configure, attempts)| {
        let (outcome, requests) = run_against(vec![ScriptedResponse::json(503, "").into()], configure);
        (what, attempts, outcome, requests)
    });
    for (what, attempts, outcome, requests) in results {
        assert_attempts(&outcome, &requests, attempts, what);
        let retries = u32::try_from(attempts - 1).expect("small");
        outcome.assert_failure(&service_error("503", Some(retries), "Service Unavailable"));
    }
}

#[test]
fn a_success_after_failures_prints_the_successful_response() {
    let replies = vec![
        ScriptedResponse::json(500, "").into(),
        ScriptedResponse::error(400, "ThrottlingException", "Rate exceeded").into(),
        ScriptedResponse::json(429, "").into(),
        ScriptedResponse::json(200, SUCCESS_BODY).into(),
        ScriptedResponse::json(503, "").into(),
    ];
    let (outcome, requests) = run_against(replies, |c| c);
    assert_attempts(&outcome, &requests, 4, "500, throttled, 429, then 200");
    outcome.assert(0, SUCCESS_STDOUT, "");
}

#[test]
fn every_attempt_carries_the_same_invocation_id_and_its_attempt_number() {
    let (outcome, requests) = run_against(vec![ScriptedResponse::json(503, "").into()], |c| c);
    assert_attempts(&outcome, &requests, 5, "503");
    let ids: Vec<&str> = requests.iter().map(|r| r.header("amz-sdk-invocation-id").unwrap_or("(none)")).collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "invocation ids differ: {ids:?}");
    assert!(is_uuid(ids[0]), "not a UUID: {}", ids[0]);
    let framing: Vec<&str> = requests.iter().map(|r| r.header("amz-sdk-request").unwrap_or("(none)")).collect();
    assert_eq!(framing, ["attempt=1", "attempt=2; max=5", "attempt=3; max=5", "attempt=4; max=5", "attempt=5; max=5"]);
    let bodies: Vec<&[u8]> = requests.iter().map(|r| r.body.as_slice()).collect();
    assert!(bodies.iter().all(|b| *b == bodies[0]), "the body changed between attempts");

    // Two runs never share an invocation id.
    let (_, again) = run_against(vec![ScriptedResponse::json(200, SUCCESS_BODY).into()], |c| c);
    assert_ne!(again[0].header("amz-sdk-invocation-id"), Some(ids[0]));
}

#[test]
fn retries_carry_a_ttl_of_the_servers_date_plus_the_read_timeout() {
    let date = ScriptedResponse::json(503, "").with_header("Date", "Thu, 26 Nov 2026 10:00:00 GMT");
    let cases = [(vec![], "20261126T100100Z"), (vec!["--cli-read-timeout", "30"], "20261126T100030Z")];
    let results = concurrently(cases.to_vec(), |(args, ttl)| {
        let replies = vec![date.clone().into(), date.clone().into(), ScriptedResponse::json(200, SUCCESS_BODY).into()];
        let (outcome, requests) = run_against(replies, |c| c.args(args));
        (ttl, outcome, requests)
    });
    for (ttl, outcome, requests) in results {
        assert_attempts(&outcome, &requests, 3, ttl);
        outcome.assert(0, SUCCESS_STDOUT, "");
        let framing: Vec<&str> = requests.iter().map(|r| r.header("amz-sdk-request").unwrap_or("(none)")).collect();
        assert_eq!(framing[0], "attempt=1");
        for (i, value) in framing.iter().enumerate().skip(1) {
            let expected = format!("ttl={ttl}; attempt={}; max=5", i + 1);
            // The ttl is computed from the clock: allow the second after.
            let next_second = format!("ttl={}; attempt={}; max=5", next_second(ttl), i + 1);
            assert!(*value == expected || *value == next_second, "attempt {}: {value}, expected {expected}", i + 1);
        }
    }
    // No read timeout, no ttl (botocore cannot add "no timeout" to a date).
    let replies = vec![date.clone().into(), ScriptedResponse::json(200, SUCCESS_BODY).into()];
    let (outcome, requests) = run_against(replies, |c| c.args(["--cli-read-timeout", "0"]));
    assert_attempts(&outcome, &requests, 2, "no read timeout");
    assert_eq!(requests[1].header("amz-sdk-request"), Some("attempt=2; max=5"), "{outcome}");
}

/// `YYYYMMDDTHHMMSSZ` one second later, within the minute (the tests' dates are on the minute).
fn next_second(ttl: &str) -> String {
    let (head, seconds) = ttl.split_at(13);
    let seconds: u32 = seconds.trim_end_matches('Z').parse().expect("seconds");
    format!("{head}{:02}Z", seconds + 1)
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The delays our `--debug` log announces (`Retry needed, sleeping for X seconds before attempt N`).
fn announced_delays(stderr: &str) -> Vec<f64> {
    stderr
        .lines()
        .filter_map(|line| line.split("Retry needed, sleeping for ").nth(1))
        .filter_map(|rest| rest.split(' ').next())
        .filter_map(|seconds| seconds.parse().ok())
        .collect()
}

#[test]
fn backoff_really_happens_between_attempts() {
    if !ours() {
        eprintln!("skipped: the backoff is measured through our --debug log and COGNITO_IDP_RETRY_DELAY_SCALE");
        return;
    }
    // Legacy mode's delay before attempt 2 is rand() * 1 s. Three runs at once, unscaled.
    let results = concurrently(vec![(); 3], |()| {
        let server = MockServer::start_with(vec![ScriptedResponse::json(503, "").into()], None).expect("starts");
        let outcome = Cli::operation(&server.url("http"))
            .env("COGNITO_IDP_RETRY_DELAY_SCALE", "1")
            .env("AWS_MAX_ATTEMPTS", "2")
            .arg("--debug")
            .run();
        (outcome, server.requests(), server.arrivals())
    });
    let mut delays = Vec::new();
    for (outcome, requests, arrivals) in &results {
        assert_attempts(outcome, requests, 2, "AWS_MAX_ATTEMPTS=2");
        let announced = announced_delays(&outcome.stderr);
        assert_eq!(announced.len(), 1, "one delay announced\n{outcome}");
        let gap = arrivals[1].duration_since(arrivals[0]).as_secs_f64();
        assert!((0.0..1.0).contains(&announced[0]), "legacy's first delay is below 1 s: {}", announced[0]);
        // The attempts are at least the announced delay apart (the log rounds to the millisecond).
        assert!(gap + 0.001 >= announced[0], "attempts {gap:.3}s apart, {:.3}s announced\n{outcome}", announced[0]);
        assert!(gap < announced[0] + 1.0, "attempts {gap:.3}s apart, far more than {:.3}s", announced[0]);
        delays.push(gap);
    }
    // Full jitter: three draws all under 20 ms would happen about once in 125 000 runs.
    assert!(delays.iter().any(|d| *d > 0.02), "no backoff between attempts: {delays:?}");

    // Scaled to 1/100, five attempts still wait (announced and measured), and quickly.
    let server = MockServer::start_with(vec![ScriptedResponse::json(503, "").into()], None).expect("starts");
    let outcome = Cli::operation(&server.url("http")).env("COGNITO_IDP_RETRY_DELAY_SCALE", "0.01").arg("--debug").run();
    let announced = announced_delays(&outcome.stderr);
    assert_eq!(announced.len(), 4, "{outcome}");
    assert!(announced.iter().zip([0.01, 0.02, 0.04, 0.08]).all(|(d, cap)| *d <= cap), "{announced:?}");
    let arrivals = server.arrivals();
    for (i, delay) in announced.iter().enumerate() {
        let gap = arrivals[i + 1].duration_since(arrivals[i]).as_secs_f64();
        assert!(gap + 0.001 >= *delay, "attempt {}: {gap:.4}s after the previous, {delay:.4}s announced", i + 2);
    }
    assert!(outcome.elapsed < Duration::from_secs(5), "{outcome}");
}
