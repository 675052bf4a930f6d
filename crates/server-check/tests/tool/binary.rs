//! The binary as a user runs it: against the reference (exit 0), a planted defect (exit 1 with the evidence
//! of each failure), an address where nothing listens, `https://` to a plain HTTP server and a server that
//! never answers (exit 2 in one clear line), a server that stalls after the preflight (exit 1, "stalls",
//! within `send::Settings::worst_case`), `--list`, bad usage (exit 2); and the `curl` line of a failure, sent
//! again with the system's `curl`, gets the same answer. Every wait is bounded; times are printed, never
//! asserted.

use std::path::Path;
use std::time::Duration;

use cognito_idp_server_check::send;

use crate::support::{self, Served, conformance, dead_address, run_bounded, strings, target_args};

/// The bound on a run against a server that stalls, with `timeout` as `--response-timeout`: the check's own
/// worst case, and time for the process to start and write its reports.
fn stall_bound(timeout: Duration) -> Duration {
    send::Settings { response_timeout: timeout, ..send::Settings::default() }.worst_case() + Duration::from_secs(10)
}

#[test]
fn the_reference_conforms_with_exit_code_0() {
    let served = Served::reference("binary-reference");
    let run = conformance(&served.args());
    eprintln!("reference: {:?}", run.took);
    assert_eq!(run.code, Some(0), "{}", run.printed());
    assert!(run.stdout.contains("verdict: conforms:"), "{}", run.stdout);
    assert!(run.stdout.contains("PASS auth.wrong-secret-hash"), "passing expectations are one line each");
    assert!(run.stderr.is_empty(), "nothing on standard error: {}", run.stderr);
    let quiet = conformance(&[served.args(), strings(&["--quiet"])].concat());
    assert_eq!(quiet.code, Some(0));
    assert!(!quiet.stdout.contains("PASS "), "--quiet only counts passing expectations:\n{}", quiet.stdout);
}

#[test]
fn a_planted_defect_fails_with_exit_code_1_and_the_evidence_of_each_failure() {
    let served = Served::defect("binary-defect", "not-authorized-is-401");
    let run = conformance(&served.args());
    assert_eq!(run.code, Some(1), "{}", run.printed());
    let out = &run.stdout;
    for shown in [
        "FAIL response.status",
        "✗ auth.wrong-secret-hash/other-secret",
        "expected: statuses are those of the contract",
        "found:    HTTP 401 NotAuthorizedException",
        "request:  POST http://127.0.0.1:",
        "X-Amz-Target: AWSCognitoIdentityProviderService.ResendConfirmationCode",
        "answer:   HTTP 401",
        "x-amzn-errortype: NotAuthorizedException",
        "curl:     curl -sS -i http://127.0.0.1:",
        "source: contract: responses 200, 400",
        "verdict: does not conform: 1 of",
    ] {
        assert!(out.contains(shown), "the failure shows {shown:?}:\n{out}");
    }
    let secret = String::from_utf8(served.account.secret.clone().expect("a secret")).expect("text");
    assert!(!run.printed().contains(&secret), "the client secret is never printed");
}

/// The status and the error code (`X-Amzn-ErrorType`, else the body's `__type`) of an HTTP answer as
/// `curl -i` prints it.
fn status_and_code(answer: &str) -> (u16, Option<String>) {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((answer, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let header = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("x-amzn-errortype"))
        .map(|(_, value)| value.trim().to_owned());
    let from_body = || serde_json::from_str::<serde_json::Value>(body).ok()?.get("__type")?.as_str().map(str::to_owned);
    (status, header.or_else(from_body))
}

#[test]
fn the_curl_line_of_a_failure_gets_the_same_answer() {
    if !support::available("the curl line test", "curl", &["--version"], "Debian's curl") {
        return;
    }
    let served = Served::defect("binary-curl", "not-authorized-is-401");
    let json = served.path("report.json");
    let run = conformance(&[served.args(), strings(&["--json", &json.display().to_string()])].concat());
    assert_eq!(run.code, Some(1), "{}", run.printed());
    let printed: Vec<&str> =
        run.stdout.lines().filter_map(|l| l.trim_start().strip_prefix("curl:")).map(str::trim).collect();
    assert!(!printed.is_empty(), "a failure prints its curl line:\n{}", run.stdout);
    let report = support::read_report(&json);
    for line in printed {
        let exchange = report.exchanges.iter().find(|e| e.curl == line).expect("the printed line is an exchange's");
        let answer = exchange.response.as_ref().expect("the exchange has an answer");
        let sent = run_bounded(Path::new("sh"), &strings(&["-c", line]), &[], Duration::from_secs(30));
        assert_eq!(sent.code, Some(0), "curl failed: {}", sent.printed());
        let (status, code) = status_and_code(&sent.stdout);
        let body = String::from_utf8_lossy(answer.body.text.as_bytes()).into_owned();
        let wanted = status_and_code(&format!(
            "HTTP/1.1 {}\r\n{}\r\n\r\n{body}",
            answer.status,
            answer.headers.iter().map(|h| format!("{}: {}", h.name, h.value)).collect::<Vec<_>>().join("\r\n")
        ));
        assert_eq!((status, code.clone()), wanted, "{line}\ngot:\n{}", sent.stdout);
        assert_eq!((status, code.as_deref()), (401, Some("NotAuthorizedException")), "the defect's answer");
    }
}

#[test]
fn nothing_listening_is_exit_code_2_in_one_line() {
    let args = target_args(&dead_address(), &cognito_idp_server_check::reference::defects::account(false), None);
    let run = conformance(&args);
    eprintln!("dead address: {:?}, {} line(s)", run.took, run.printed().lines().count());
    assert_eq!(run.code, Some(2), "{}", run.printed());
    let printed = run.printed();
    assert_eq!(printed.lines().count(), 1, "one line:\n{printed}");
    assert!(printed.contains("nothing answers at http://127.0.0.1:"), "{printed}");
    assert!(printed.contains("check the address and port"), "it says what to check: {printed}");
}

#[test]
fn https_to_a_plain_http_server_is_a_tls_failure_exit_code_2_in_one_line() {
    // One server closes the connection on a TLS handshake (the reference), one answers it in plain HTTP.
    let served = Served::reference("binary-tls");
    for http in [served.server.uri(), support::answers_400_to_anything()] {
        let https = http.replacen("http://", "https://", 1);
        let run = conformance(&target_args(&https, &served.account, served.secret_file().as_deref()));
        assert_eq!(run.code, Some(2), "{}", run.printed());
        let printed = run.printed();
        assert_eq!(printed.lines().count(), 1, "one line:\n{printed}");
        assert!(printed.contains(&format!("the TLS handshake with {https}/ failed")), "{printed}");
        assert!(printed.contains("check the scheme (http:// or https://)"), "it says what to check: {printed}");
    }
}

#[test]
fn a_server_that_never_answers_is_exit_code_2_from_the_preflight_timeout() {
    let served = support::silent("binary-silent");
    let timeout = Duration::from_secs(1);
    let args = [served.args(), strings(&["--response-timeout", "1"])].concat();
    let run = run_bounded(Path::new(support::BIN), &args, &[], stall_bound(timeout));
    eprintln!("never answers (--response-timeout 1): {:?}", run.took);
    assert_eq!(run.code, Some(2), "{}", run.printed());
    let printed = run.printed();
    assert_eq!(printed.lines().count(), 1, "one line:\n{printed}");
    assert!(printed.contains("did not answer within 1 s"), "{printed}");
}

#[test]
fn a_server_that_stalls_after_the_preflight_is_exit_code_1_and_named_within_the_bound() {
    let served = support::stalls_after_preflight("binary-stalls");
    let timeout = Duration::from_secs(1);
    let args = [served.args(), strings(&["--response-timeout", "1"])].concat();
    let run = run_bounded(Path::new(support::BIN), &args, &[], stall_bound(timeout));
    eprintln!("stalls after the preflight (--response-timeout 1): {:?}", run.took);
    assert_eq!(run.code, Some(1), "{}", run.printed());
    let verdict = run.stdout.lines().find(|l| l.starts_with("verdict:")).expect("a verdict line");
    assert!(verdict.contains("does not conform") && verdict.contains("stalls"), "{verdict}");
    assert!(run.stdout.contains("FAIL response.timely"), "the timeouts fail response.timely:\n{}", run.stdout);
}

#[test]
fn list_prints_every_expectation_id_and_exits_0() {
    let run = conformance(&strings(&["--list"]));
    assert_eq!(run.code, Some(0), "{}", run.printed());
    let catalogue = cognito_idp_server_check::catalogue().expect("the catalogue");
    let listed: Vec<&str> = run.stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    let ids: Vec<&str> = catalogue.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(listed, ids);
}

#[test]
fn bad_usage_is_exit_code_2_with_a_message_that_says_what_is_wrong() {
    let base = strings(&["--endpoint-url", "http://127.0.0.1:9", "--client-id", "c", "--username", "u"]);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (Vec::new(), "--endpoint-url"),
        (strings(&["--client-id", "c", "--username", "u"]), "--endpoint-url"),
        ([base.clone(), strings(&["--response-timeout", "0"])].concat(), "--response-timeout"),
        ([base.clone(), strings(&["--concurrency", "100"])].concat(), "--concurrency"),
        ([base.clone(), strings(&["--only", "no.such-id"])].concat(), "--only no.such-id"),
        ([base.clone(), strings(&["--client-secret-file", "no/such/file"])].concat(), "no/such/file"),
        ([base.clone(), strings(&["--baseline", "no/such/baseline.json"])].concat(), "no/such/baseline.json"),
        ([base.clone(), strings(&["--no-such-option"])].concat(), "--no-such-option"),
        (strings(&["--endpoint-url", "ftp://h", "--client-id", "c", "--username", "u"]), "http://"),
        (strings(&["--endpoint-url", "127.0.0.1:9229", "--client-id", "c", "--username", "u"]), "http://HOST:PORT"),
    ];
    for (args, named) in cases {
        let run = conformance(&args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.printed());
        assert!(run.stdout.is_empty(), "{args:?}: usage errors go to standard error: {}", run.stdout);
        assert!(run.stderr.contains(named), "{args:?}: the message names {named}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn every_report_is_written_even_when_the_server_could_not_be_checked() {
    let fixture = support::dead();
    for (_, file) in support::REPORTS {
        let path = fixture.path(file);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        assert!(size > 0, "{} is written", path.display());
    }
    assert_eq!(fixture.report.verdict.exit_code, 2);
    assert_eq!(fixture.run.printed().lines().count(), 1, "{}", fixture.run.printed());
}
