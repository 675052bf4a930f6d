//! The server check: does an implementation of Amazon Cognito's `ResendConfirmationCode` (an emulator, a
//! gateway, a staging stack, real Cognito) answer as the contract and Cognito do? The binary
//! `cognito-idp-conformance` runs it; `cargo xtask conformance --endpoint-url` and the conformance suite use
//! this library.
//!
//! It reads in one direction, a pipeline:
//!
//! 1. **plan** ([`plan`]): probes derived from the contract tables at run time, each serving one expectation
//!    with a stable id ([`expectation`]); only `--max-deliveries` of them may deliver a code;
//! 2. **send** ([`send`]): the preflight alone, then the probes a few at a time, each within the response
//!    timeout, stopping when the server stalls;
//! 3. **judge** ([`judge`], [`read`]): pure functions of a probe and its exchange, reading answers as AWS's
//!    clients do;
//! 4. **report** ([`results`], [`render`]): one results model, with the baseline applied ([`baseline`]),
//!    which every report format renders.
//!
//! [`strategies`], [`pattern`], [`unicode_table`] and [`schema`] derive values and checks from the contract
//! tables (the conformance suite uses them too); [`target`] holds what is checked and its secret.

#![warn(missing_docs)]

pub mod baseline;
pub mod curl;
pub mod expectation;
pub mod judge;
pub mod options;
pub mod pattern;
pub mod plan;
pub mod read;
#[cfg(feature = "reference")]
pub mod reference;
pub mod render;
pub mod results;
pub mod schema;
pub mod send;
pub mod strategies;
pub mod target;
pub mod text;
#[rustfmt::skip]
pub mod unicode_table;

use std::time::{Instant, SystemTime};

use baseline::Baseline;
use expectation::Family;
use plan::Plan;
use read::Read;
use results::{Report, Run, SettingsRecord, TargetRecord};
use send::{NoAnswer, Sender};
use target::Target;

/// Everything a run needs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The implementation under test.
    pub target: Target,
    /// What to probe.
    pub plan: plan::Settings,
    /// How to send.
    pub send: send::Settings,
    /// Which expectations to run.
    pub selection: Selection,
    /// Accepted deviations.
    pub baseline: Option<Baseline>,
}

/// `--only` and `--skip`: expectation ids or family names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// When not empty, only these.
    pub only: Vec<String>,
    /// Never these.
    pub skip: Vec<String>,
}

impl Selection {
    /// Whether the expectation `id` runs.
    pub fn selects(&self, id: &str) -> bool {
        let names = |entry: &String| entry == id || Family::of(id).is_some_and(|f| f.name() == entry);
        (self.only.is_empty() || self.only.iter().any(names)) && !self.skip.iter().any(names)
    }

    /// Checks every entry against the ids the check knows: a name that matches nothing is a mistake.
    pub fn check(&self, known: &[String]) -> Result<(), String> {
        for (option, entries) in [("--only", &self.only), ("--skip", &self.skip)] {
            for entry in entries {
                let is_family = Family::ALL.iter().any(|f| f.name() == entry);
                if !is_family && !known.iter().any(|id| id == entry) {
                    return Err(format!(
                        "{option} {entry}: no expectation or family has that name (--list shows them; families: {})",
                        Family::ALL.map(Family::name).join(", ")
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Every expectation id the check knows, for any target (with and without a secret, with a confirmed user,
/// with deliveries), in report order.
pub fn catalogue() -> Result<Vec<expectation::Expectation>, String> {
    let mut all: Vec<expectation::Expectation> = Vec::new();
    for secret in [true, false] {
        let target = Target {
            confirmed_username: Some("confirmed".to_owned()),
            ..Target::new("http://127.0.0.1:1", "client", "user", secret.then(|| target::Secret::new(b"s".to_vec())))
        };
        let plan = plan::plan(&target, &plan::Settings { max_deliveries: 1, valid_cases: 1 })?;
        for expectation in plan.expectations.into_iter().chain(plan.not_applicable.into_iter().map(|(e, _)| e)) {
            if !all.iter().any(|e| e.id == expectation.id) {
                all.push(expectation);
            }
        }
    }
    all.extend(judge::RULES.iter().map(judge::Rule::expectation));
    all.sort_by_key(|e| e.family);
    Ok(all)
}

/// Runs the check: plan, preflight, probes, judgement; blocks until done.
pub fn run(config: &Config) -> Result<Report, String> {
    let started = SystemTime::now();
    let clock = Instant::now();
    let plan = plan::plan(&config.target, &config.plan)?;
    let sender = Sender::new(&config.target.endpoint, config.send.response_timeout)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("could not start the async runtime: {e}"))?;
    let preflight = &plan.probes[plan.preflight];
    let first = runtime.block_on(sender.send(plan.preflight, &preflight.request));
    let could_not_check = setup_problem(&config.target, &first);
    let mut exchanges = vec![first];
    let mut stall = None;
    if could_not_check.is_none() {
        let rest: Vec<(usize, plan::Request)> = plan
            .probes
            .iter()
            .enumerate()
            .filter(|(i, probe)| *i != plan.preflight && config.selection.selects(&plan.expectation_of(probe).id))
            .map(|(i, probe)| (i, probe.request.clone()))
            .collect();
        let (more, stalled) = runtime.block_on(send::send_all(&sender, rest, &config.send));
        exchanges.extend(more);
        stall = stalled;
    }
    exchanges.sort_by_key(|e| e.probe);
    Ok(results::assemble(&Run {
        target: target_record(&config.target, &plan),
        settings: SettingsRecord {
            response_timeout_seconds: config.send.response_timeout.as_secs_f64(),
            concurrency: config.send.concurrency,
            max_deliveries: config.plan.max_deliveries,
            valid_cases: config.plan.valid_cases,
            only: config.selection.only.clone(),
            skip: config.selection.skip.clone(),
            baseline: config.baseline.as_ref().map(|b| b.implementation.clone()),
        },
        plan: &plan,
        exchanges: &exchanges,
        stall,
        could_not_check,
        selected: &|id| config.selection.selects(id),
        baseline: config.baseline.as_ref(),
        started,
        elapsed: clock.elapsed(),
    }))
}

fn target_record(target: &Target, plan: &Plan) -> TargetRecord {
    TargetRecord {
        endpoint: target.endpoint.clone(),
        client_id: target.client_id.clone(),
        username: target.username.clone(),
        confirmed_username: target.confirmed_username.clone(),
        client_has_secret: target.secret.is_some(),
        prevent_user_existence_errors: target.prevent_user_existence_errors,
        unknown_username: plan.stranger.clone(),
    }
}

/// What the preflight's answer says about the setup: `None` when the check can go on, else the one clear
/// message that names the cause and what to check. The preflight asks about a user no pool has, with the
/// right `SecretHash` for that name, so it delivers nothing.
pub fn setup_problem(target: &Target, exchange: &send::Exchange) -> Option<String> {
    let url = &exchange.sent.url;
    let answer = match &exchange.result {
        Ok(answer) => answer,
        Err(NoAnswer::Connect(why)) => {
            return Some(format!(
                "nothing answers at {url} ({why}): check the address and port, and that the server is running"
            ));
        }
        Err(NoAnswer::Tls(why)) => {
            return Some(format!(
                "the TLS handshake with {url} failed ({why}): check the scheme (http:// or https://) and the \
                 server's certificate"
            ));
        }
        Err(NoAnswer::Timeout(bound)) => {
            return Some(format!(
                "{url} did not answer within {}: check that the server is running and not stalled, or raise \
                 --response-timeout",
                send::seconds(*bound)
            ));
        }
        Err(NoAnswer::Broken(why)) => {
            return Some(format!("{url} gave no HTTP answer ({why}): check the address and the protocol"));
        }
    };
    let read = Read::of(answer);
    let client = &target.client_id;
    let message = read.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default();
    match read.code() {
        Some("ResourceNotFoundException") => Some(format!(
            "the server does not know app client {client} (ResourceNotFoundException{message}): check --client-id"
        )),
        Some("NotAuthorizedException") if target.secret.is_some() => Some(format!(
            "app client {client} refused the SecretHash computed with the secret of --client-secret-file \
             (NotAuthorizedException{message}): check that the file holds this app client's secret; if it does, the \
             server computes SecretHash wrongly (Base64(HMAC-SHA256(secret, username + client id)))"
        )),
        Some("NotAuthorizedException") => Some(format!(
            "app client {client} wants a SecretHash (NotAuthorizedException{message}): it has a secret; give it with \
             --client-secret-file"
        )),
        Some("UserNotFoundException") if target.prevent_user_existence_errors => Some(format!(
            "the server answered UserNotFoundException for a user no pool has: app client {client} shows unknown \
             users, so leave out --prevent-user-existence-errors"
        )),
        None if read.is_success() && !target.prevent_user_existence_errors => Some(format!(
            "the server answered a success for a user no pool has: app client {client} hides unknown users \
             (PreventUserExistenceErrors), so add --prevent-user-existence-errors"
        )),
        _ => None,
    }
}
