//! The proof that the server check bites: the reference implementation ([`crate::reference`]) passes with
//! no broken expectation, and each variant with one planted defect breaks the expectation that names its
//! defect. The variants are designed from the rules (Cognito's answers, the protocol, the contract), not
//! from the check's code.

use std::time::Duration;

use super::{ServerTarget, Settings, check_server};
use crate::reference::{Account, Defect, Reference, SLOW};
use crate::report::{Detail, Progress, Status};

/// Each defect and the expectation (the start of its name) that must catch it.
const PLANTED: &[(Defect, &str)] = &[
    (Defect::AcceptsAWrongSecretHash, "authentication: a wrong SecretHash answers NotAuthorizedException"),
    (Defect::AcceptsAMissingSecretHash, "authentication: a missing SecretHash answers NotAuthorizedException"),
    (Defect::HashesClientIdFirst, "authentication: a SecretHash over the client id then the username"),
    (Defect::HashesWithoutTheUsername, "authentication: the right SecretHash"),
    (Defect::ChecksOnlyTheHashForm, "authentication: another user's SecretHash answers NotAuthorizedException"),
    (Defect::NotAuthorizedIs401, "responses: errors answer the status the contract declares"),
    (Defect::SkipsValidation, "validation: $.Username (UsernameType): longer than 128 characters"),
    (Defect::LooksUpBeforeValidating, "validation: $.Username (UsernameType): longer than 128 characters"),
    (Defect::SkipsTheUsernameMaximum, "validation: $.Username (UsernameType): longer than 128 characters"),
    (Defect::SkipsTheClientIdPattern, "validation: $.ClientId (ClientIdType): a character outside"),
    (Defect::SkipsClientMetadataValues, "validation: $.ClientMetadata{value} (StringType): longer than"),
    (Defect::SkipsClientMetadataKeys, "validation: $.ClientMetadata{key} (StringType): longer than"),
    (Defect::SkipsNestedMembers, "validation: $.AnalyticsMetadata.AnalyticsEndpointId (StringType): longer than"),
    (Defect::ValidationExceptionCode, "validation: $.Username (UsernameType): shorter than 1 characters"),
    (Defect::ValidationIs422, "responses: errors answer the status the contract declares"),
    (Defect::WrongTypeIs500, "responses: no answer is a server error (5xx)"),
    (Defect::MissingMemberIs500, "validation: $ (ResendConfirmationCodeRequest): required member ClientId missing"),
    (Defect::UnknownClientIsUserNotFound, "lookups: an unknown app client answers ResourceNotFoundException"),
    (Defect::UnknownUserSucceeds, "lookups: an unknown user answers UserNotFoundException"),
    (Defect::UnknownUserIsResourceNotFound, "lookups: an unknown user answers UserNotFoundException"),
    (Defect::IgnoresPreventUserExistenceErrors, "lookups: an unknown user answers a simulated success"),
    (Defect::ConfirmedUserSucceeds, "lookups: a confirmed user answers InvalidParameterException"),
    (Defect::ConfirmedUserIsNotAuthorized, "lookups: a confirmed user answers InvalidParameterException"),
    (Defect::RefusesClientMetadata, "valid inputs: random optional members"),
    (Defect::UserContextDataIs500, "valid inputs: random optional members"),
    (Defect::IgnoresTheTarget, "protocol: no X-Amz-Target answers a decodable 4xx error"),
    (Defect::IgnoresTheTargetService, "protocol: another service's X-Amz-Target answers a decodable 4xx error"),
    (Defect::NotJsonIs500, "protocol: a body that is not JSON answers a decodable 4xx error"),
    (Defect::NotAnObjectIs500, "protocol: a JSON array answers a decodable 4xx error"),
    (Defect::IgnoresTheMethod, "protocol: GET instead of POST answers a decodable 4xx error"),
    (Defect::UnknownMemberIs500, "protocol: an unknown member is ignored"),
    (Defect::NullMemberIs500, "protocol: null optional members are taken as absent"),
    (Defect::ErrorsAsHtml, "responses: every answer's Content-Type is application/x-amz-json-1.1"),
    (Defect::NoRequestId, "responses: every answer carries x-amzn-RequestId"),
    (Defect::ApplicationJson, "responses: every answer's Content-Type is application/x-amz-json-1.1"),
    (Defect::CodeOnlyInTheMessage, "responses: every error names its code by the protocol's rules"),
    (Defect::SuccessBreaksTheOutputSchema, "responses: every success's body matches the output schema"),
    (Defect::SuccessIsNotJson, "responses: every body is a JSON object"),
    (Defect::SlowSuccess, "responses: every request gets an answer within the response timeout"),
];

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a tokio runtime")
}

/// The account a variant runs with: the one defect about hidden users needs them hidden.
fn account_for(defect: Option<Defect>) -> Account {
    Account {
        prevent_user_existence_errors: defect == Some(Defect::IgnoresPreventUserExistenceErrors),
        ..Account::default()
    }
}

fn check(runtime: &tokio::runtime::Runtime, account: &Account, defect: Option<Defect>) -> Vec<Detail> {
    let server = runtime.block_on(Reference::new(account.clone(), defect).serve());
    let target = ServerTarget {
        confirmed_username: Some(account.confirmed_username.clone()),
        prevent_user_existence_errors: account.prevent_user_existence_errors,
        ..ServerTarget::new(server.uri(), &account.client_id, &account.username, account.secret.clone())
    };
    // A bound well under the slow defect's delay, and well over the reference's answers elsewhere.
    let response_timeout = if defect == Some(Defect::SlowSuccess) { SLOW / 3 } else { Duration::from_secs(10) };
    let settings = Settings { valid_cases: 8, response_timeout };
    let details = check_server(runtime, &target, &settings, &Progress::hidden());
    drop(server);
    details
}

fn broken(details: &[Detail]) -> Vec<&str> {
    details.iter().filter(|d| d.status == Status::Fail).map(|d| d.name.as_str()).collect()
}

#[test]
fn the_reference_server_breaks_no_expectation() {
    let runtime = runtime();
    for prevent in [false, true] {
        let account = Account { prevent_user_existence_errors: prevent, ..Account::default() };
        let details = check(&runtime, &account, None);
        let failures: Vec<String> =
            details.iter().filter(|d| d.status != Status::Pass).map(|d| format!("{}: {}", d.name, d.note)).collect();
        assert!(failures.is_empty(), "prevent_user_existence_errors={prevent}:\n{}", failures.join("\n"));
        assert!(details.len() > 40, "{} expectations", details.len());
    }
}

#[test]
fn every_planted_defect_breaks_the_expectation_that_names_it() {
    assert!(PLANTED.len() >= 30);
    let runtime = runtime();
    let mut missed = Vec::new();
    for (defect, expectation) in PLANTED {
        let details = check(&runtime, &account_for(Some(*defect)), Some(*defect));
        let broken = broken(&details);
        println!("{defect:?}: caught by {expectation:?} ({} broken: {broken:?})", broken.len());
        if !broken.iter().any(|name| name.starts_with(expectation)) {
            missed.push(format!("{defect:?}: expected {expectation:?} to break, found broken: {broken:?}"));
        }
    }
    assert!(missed.is_empty(), "defects the server check let through:\n{}", missed.join("\n"));
}
