//! TLS against an HTTPS mock server with a self-signed certificate made in the test: refused by default (the
//! reference's `SSL validation failed for <url> ...`, exit 255), trusted through `--ca-bundle`,
//! `AWS_CA_BUNDLE` or the profile's `ca_bundle`, and accepted with `--no-verify-ssl`, which our CLI announces
//! once on stderr.
//!
//! Expected texts observed from awscli 1.46.3, except where the README's "Differences from AWS CLI v1" says
//! ours differ (the reason after the URL is rustls's; the `--no-verify-ssl` warning is our own line): those
//! checks are ours only.

use crate::support::cli::{Cli, Configure, Outcome, SUCCESS_BODY, SUCCESS_STDOUT, ours};
use crate::support::mock_server::{MockServer, Reply, ScriptedResponse};
use crate::support::tls::{SelfSigned, self_signed};

/// Our announcement of `--no-verify-ssl` for an https endpoint.
const NO_VERIFY_WARNING: &str = "warning: TLS certificate verification is off (--no-verify-ssl): anyone on the network path can read and change this request.\n";

fn https_server(replies: Vec<Reply>) -> (MockServer, SelfSigned, String) {
    let certificate = self_signed().expect("a certificate");
    let server = MockServer::start_with(replies, Some(certificate.config.clone())).expect("starts");
    let url = server.url("https");
    (server, certificate, url)
}

fn success() -> Vec<Reply> {
    vec![ScriptedResponse::json(200, SUCCESS_BODY).into()]
}

#[track_caller]
fn assert_validation_failed(outcome: &Outcome, url: &str) {
    let prefix = format!("\nSSL validation failed for {url}/ ");
    assert!(
        outcome.code == Some(255) && outcome.stdout.is_empty() && outcome.stderr.starts_with(&prefix),
        "expected exit 255 and stderr starting {prefix:?}\n{outcome}"
    );
    let reason = &outcome.stderr[prefix.len()..];
    assert!(reason.ends_with('\n') && reason.trim().lines().count() == 1, "one line of reason\n{outcome}");
    if ours() {
        assert!(reason.contains("invalid peer certificate"), "rustls's reason\n{outcome}");
    } else {
        assert!(reason.contains("CERTIFICATE_VERIFY_FAILED"), "OpenSSL's reason\n{outcome}");
    }
}

#[test]
fn a_self_signed_certificate_is_refused_by_default_on_every_attempt() {
    let (server, _, url) = https_server(success());
    let outcome = Cli::operation(&url).run();
    assert_validation_failed(&outcome, &url);
    assert!(server.requests().is_empty(), "no request got through");
    // Like any connection error, a failed handshake is retried: five handshakes.
    assert_eq!(server.connections(), 5, "{outcome}");
}

#[test]
fn a_bundle_with_another_certificate_does_not_make_it_trusted() {
    let (server, _, url) = https_server(success());
    let other = self_signed().expect("another certificate");
    let outcome = Cli::operation(&url)
        .file("other.pem", &other.cert_pem)
        .args(["--ca-bundle", "other.pem"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .run();
    assert_validation_failed(&outcome, &url);
    assert!(server.requests().is_empty());
}

#[test]
fn the_certificate_is_trusted_through_the_option_the_environment_or_the_profile() {
    let cases: Vec<(&str, Configure)> = vec![
        ("--ca-bundle", |cli| cli.args(["--ca-bundle", "cert.pem"])),
        ("AWS_CA_BUNDLE", |cli| cli.env("AWS_CA_BUNDLE", "cert.pem")),
        ("the profile's ca_bundle", |cli| cli.config("[default]\nca_bundle = cert.pem\n")),
        ("--ca-bundle over AWS_CA_BUNDLE", |cli| {
            cli.args(["--ca-bundle", "cert.pem"]).env("AWS_CA_BUNDLE", "other.pem")
        }),
        ("AWS_CA_BUNDLE over the profile", |cli| {
            cli.env("AWS_CA_BUNDLE", "cert.pem").config("[default]\nca_bundle = other.pem\n")
        }),
    ];
    let other = self_signed().expect("another certificate");
    std::thread::scope(|scope| {
        let runs: Vec<_> = cases
            .into_iter()
            .map(|(what, configure)| {
                let other = &other;
                scope.spawn(move || {
                    let (server, certificate, url) = https_server(success());
                    let cli =
                        Cli::operation(&url).file("cert.pem", &certificate.cert_pem).file("other.pem", &other.cert_pem);
                    let outcome = configure(cli).run();
                    (what, outcome, server.requests().len())
                })
            })
            .collect();
        for run in runs {
            let (what, outcome, requests) = run.join().expect("runs");
            assert!(
                outcome.code == Some(0) && outcome.stdout == SUCCESS_STDOUT && outcome.stderr.is_empty(),
                "{what}\n{outcome}"
            );
            assert_eq!(requests, 1, "{what}");
        }
    });
}

#[test]
fn no_verify_ssl_accepts_the_certificate_and_says_so_once() {
    // Two attempts: the announcement is still made once.
    let (server, _, url) =
        https_server(vec![ScriptedResponse::json(503, "").into(), ScriptedResponse::json(200, SUCCESS_BODY).into()]);
    let outcome = Cli::operation(&url).arg("--no-verify-ssl").run();
    assert_eq!(server.requests().len(), 2, "{outcome}");
    assert_eq!((outcome.code, outcome.stdout.as_str()), (Some(0), SUCCESS_STDOUT), "{outcome}");
    if ours() {
        assert_eq!(outcome.stderr, NO_VERIFY_WARNING, "{outcome}");
    } else {
        // urllib3 warns on every request.
        assert_eq!(outcome.stderr.matches("InsecureRequestWarning").count(), 2, "{outcome}");
    }
}

#[test]
fn no_verify_ssl_says_nothing_for_plain_http() {
    let server = MockServer::start_with(success(), None).expect("starts");
    let outcome = Cli::operation(&server.url("http")).arg("--no-verify-ssl").run();
    outcome.assert(0, SUCCESS_STDOUT, "");
}
