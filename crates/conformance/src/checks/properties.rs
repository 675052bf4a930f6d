//! The property checks: the wire (every valid input through `CognitoIdp::resend_confirmation_code`), the
//! generated types (every valid value accepted, every invalid one refused), the pattern classes
//! (exhaustively over the Unicode table's ranges) and `SecretHash` against an independent HMAC.

use std::cell::Cell;
use std::fmt::Debug;

use cognito_idp_client::contract::{INPUT, OUTPUT, SHAPES};
use cognito_idp_client::model::{Shape, ShapeKind};
use cognito_idp_client::types::{ResendConfirmationCodeRequest, ResendConfirmationCodeResponse};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{
    Config, FailurePersistence, FileFailurePersistence, PersistedSeed, TestCaseError, TestError, TestRunner,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize as _, Serialize};
use serde_json::Value;

use crate::failure::{Failure, expect_json, short, short_json};
use crate::pattern::{self, CharClass, Pool};
use crate::report::{Outcome, Progress};
use crate::strategies::{self, Invalid};
use crate::typed::{self, Parsed};
use crate::wire::{WireExpectation, WireHarness, check_body, check_framing, ok_json};

/// Where a property keeps its failing seeds: `crates/conformance/proptest-regressions/<name>.txt`.
macro_rules! regressions {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/", $name, ".txt")
    };
}

/// proptest's file persistence, with the comment of each saved seed cut short: the value a seed shrinks
/// to can be a 131,072-character string, which has no place in a committed file.
#[derive(Clone, Debug, PartialEq)]
struct ShortSeeds(FileFailurePersistence);

/// A value's text, printed as it is by `Debug`.
struct Verbatim(String);

impl Debug for Verbatim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl FailurePersistence for ShortSeeds {
    fn load_persisted_failures2(&self, source_file: Option<&'static str>) -> Vec<PersistedSeed> {
        self.0.load_persisted_failures2(source_file)
    }

    fn save_persisted_failure2(&mut self, source_file: Option<&'static str>, seed: PersistedSeed, value: &dyn Debug) {
        let text = short(&format!("{value:?}")).replace(['\n', '\r'], " ");
        self.0.save_persisted_failure2(source_file, seed, &Verbatim(text));
    }

    fn box_clone(&self) -> Box<dyn FailurePersistence> {
        Box::new(self.clone())
    }

    fn eq(&self, other: &dyn FailurePersistence) -> bool {
        other.as_any().downcast_ref::<Self>().is_some_and(|other| other == self)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Runs `check` on `cases` values of `strategy`; on a failure, proptest shrinks it to a minimal input,
/// whose failures (checked again) are the outcome's, with the input shown by `describe`.
pub fn run_property<S>(
    cases: u32,
    seeds_file: &'static str,
    strategy: &S,
    progress: &Progress,
    describe: impl Fn(&S::Value) -> String,
    check: impl Fn(&S::Value) -> Vec<Failure>,
) -> Outcome
where
    S: Strategy,
    S::Value: Clone + Debug,
{
    let config = Config {
        cases,
        failure_persistence: Some(Box::new(ShortSeeds(FileFailurePersistence::Direct(seeds_file)))),
        max_shrink_time: 30_000,
        max_shrink_iters: 4096,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let done = Cell::new(0usize);
    let total = usize::try_from(cases).unwrap_or(usize::MAX);
    let result = runner.run(strategy, |value| {
        done.set(done.get() + 1);
        progress.tick(done.get().min(total), total);
        match check(&value).first() {
            None => Ok(()),
            Some(failure) => Err(TestCaseError::fail(failure.expectation.clone())),
        }
    });
    progress.clear();
    let summary = format!("{cases} cases");
    match result {
        Ok(()) => Outcome::new(summary, Vec::new()),
        Err(TestError::Fail(_, minimal)) => {
            let mut failures = check(&minimal);
            if failures.is_empty() {
                failures.push(Failure::new("the minimal failing case fails again", "a failure", "it passed (flaky?)"));
            }
            let input = describe(&minimal);
            let failures = failures.into_iter().map(|f| f.with_input(input.clone())).collect();
            Outcome::new(format!("{summary}, minimal failing case shown"), failures)
        }
        Err(TestError::Abort(reason)) => {
            Outcome::new(summary, vec![Failure::new("the strategy generates cases", "cases", reason.to_string())])
        }
    }
}

fn strategy_failure(error: &strategies::StrategyError) -> Outcome {
    Outcome::new("no cases", vec![Failure::new("the contract has strategies", "strategies", error.to_string())])
}

/// Every valid input, sent through [`cognito_idp_client::CognitoIdp::resend_confirmation_code`]: `POST /`,
/// exactly the framing headers, no `Authorization`, a body that decodes back to the input with absent
/// members omitted; and a valid output, served back, decodes to what was served.
pub fn wire_properties(harness: &WireHarness, cases: u32, progress: &Progress) -> Outcome {
    let (input, output) = match (strategies::valid(INPUT), strategies::valid(OUTPUT)) {
        (Ok(i), Ok(o)) => (i, o),
        (Err(e), _) | (_, Err(e)) => return strategy_failure(&e),
    };
    let expect = harness.expectation();
    run_property(
        cases,
        regressions!("wire-properties"),
        &(input, output),
        progress,
        |(input, output)| format!("input {}, output {}", short_json(input), short_json(output)),
        |(input, output)| wire_case(harness, &expect, input, output),
    )
}

/// One case of [`wire_properties`].
pub fn wire_case(harness: &WireHarness, expect: &WireExpectation, input: &Value, output: &Value) -> Vec<Failure> {
    let typed = match ResendConfirmationCodeRequest::deserialize(input) {
        Ok(typed) => typed,
        Err(e) => {
            return vec![Failure::new("the generated request type accepts a valid input", "accepted", e.to_string())];
        }
    };
    let exchange = harness.exchange(typed, ok_json(&output.to_string()));
    let Some(request) = exchange.request else {
        return vec![Failure::new("the request reaches the server", "a request", format!("{:?}", exchange.result))];
    };
    let mut failures = check_framing(&request, expect);
    failures.extend(check_body(&request, input));
    match exchange.result {
        Ok(response) => match serde_json::to_value(&response.output) {
            Ok(decoded) => {
                failures.extend(expect_json("the response decodes to what was served", output, &decoded).err())
            }
            Err(e) => failures.push(Failure::new("the output serializes", "JSON", e.to_string())),
        },
        Err(e) => {
            failures.push(Failure::new("the response decodes to what was served", short_json(output), e.to_string()))
        }
    }
    failures
}

/// A case of [`type_properties`].
#[derive(Clone, Debug)]
pub enum TypeCase {
    /// A valid input document.
    ValidInput(Value),
    /// An invalid input document.
    InvalidInput(Invalid),
    /// A valid output document.
    ValidOutput(Value),
    /// An invalid output document.
    InvalidOutput(Invalid),
}

/// Constraints of the contract that the generated types are known not to enforce, by site (as
/// [`strategies::Site`] prints it), with the reason. A case that breaks one of them and is accepted is
/// counted in the report's summary instead of failing; one that is rejected fails, saying that the gap
/// is closed and the entry must go. Only a fix outside this crate closes one.
pub const KNOWN_GAPS: &[(&str, &str)] = &[];

fn known_gap(site: &strategies::Site) -> Option<&'static str> {
    let text = site.to_string();
    KNOWN_GAPS.iter().find(|(gap, _)| *gap == text).map(|(_, reason)| *reason)
}

/// The generated types accept every valid value and reject every invalid one: the request and response
/// types through serde, and each string's own type through `FromStr`, both `TryFrom`s and serde. The
/// [`KNOWN_GAPS`] are counted, not failed.
pub fn type_properties(cases: u32, progress: &Progress) -> Outcome {
    let strategy = match (
        strategies::valid(INPUT),
        strategies::invalid(INPUT),
        strategies::valid(OUTPUT),
        strategies::invalid(OUTPUT),
    ) {
        (Ok(vi), Ok(ii), Ok(vo), Ok(io)) => prop_oneof![
            vi.prop_map(TypeCase::ValidInput),
            ii.prop_map(TypeCase::InvalidInput),
            vo.prop_map(TypeCase::ValidOutput),
            io.prop_map(TypeCase::InvalidOutput),
        ],
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => return strategy_failure(&e),
    };
    let gaps_seen = Cell::new(0usize);
    let mut outcome = run_property(
        cases,
        regressions!("type-properties"),
        &strategy,
        progress,
        describe_type_case,
        |case| match case {
            TypeCase::ValidInput(v) => accepts::<ResendConfirmationCodeRequest>(INPUT, v),
            TypeCase::InvalidInput(i) => rejects::<ResendConfirmationCodeRequest>(i, &gaps_seen),
            TypeCase::ValidOutput(v) => accepts::<ResendConfirmationCodeResponse>(OUTPUT, v),
            TypeCase::InvalidOutput(i) => rejects::<ResendConfirmationCodeResponse>(i, &gaps_seen),
        },
    );
    outcome.failures.extend(typed::check_registry());
    if gaps_seen.get() > 0 {
        let gaps: Vec<&str> = KNOWN_GAPS.iter().map(|(gap, _)| *gap).collect();
        outcome.summary.push_str(&format!("; known gap accepted {} times: {}", gaps_seen.get(), gaps.join(", ")));
    }
    outcome
}

fn describe_type_case(case: &TypeCase) -> String {
    match case {
        TypeCase::ValidInput(v) => format!("valid input {}", short_json(v)),
        TypeCase::ValidOutput(v) => format!("valid output {}", short_json(v)),
        TypeCase::InvalidInput((v, site, _)) => format!("input breaking {site}: {}", short_json(v)),
        TypeCase::InvalidOutput((v, site, _)) => format!("output breaking {site}: {}", short_json(v)),
    }
}

/// A valid document decodes into `T` and encodes back to the same JSON, and each of its strings is
/// accepted by its shape's generated type.
fn accepts<T: DeserializeOwned + Serialize>(shape: &'static Shape, value: &Value) -> Vec<Failure> {
    let mut failures = Vec::new();
    match serde_json::from_value::<T>(value.clone()) {
        Ok(typed) => match serde_json::to_value(&typed) {
            Ok(back) => {
                failures.extend(expect_json(&format!("{} encodes back to its input", shape.name), value, &back).err())
            }
            Err(e) => failures.push(Failure::new(format!("{} encodes", shape.name), "JSON", e.to_string())),
        },
        Err(e) => {
            failures.push(Failure::new(format!("{} accepts a valid value", shape.name), "accepted", e.to_string()))
        }
    }
    for leaf in strategies::string_leaves(shape, value) {
        match typed::parse(leaf.shape.name, &leaf.value) {
            Some(Parsed::Accepted) => {}
            other => failures.push(Failure::new(
                format!(
                    "{} accepts the valid {} at {}",
                    leaf.shape.name,
                    short(&format!("{:?}", leaf.value)),
                    leaf.path
                ),
                "accepted",
                format!("{other:?}"),
            )),
        }
    }
    failures
}

/// An invalid document does not decode into `T`, and the string that breaks a string constraint is
/// refused by its shape's generated type in every way. Accepting a known gap counts in `gaps_seen`.
fn rejects<T: DeserializeOwned + Debug>((value, site, leaf): &Invalid, gaps_seen: &Cell<usize>) -> Vec<Failure> {
    let mut failures = Vec::new();
    let type_name = std::any::type_name::<T>().rsplit("::").next().unwrap_or_default();
    match (serde_json::from_value::<T>(value.clone()).is_ok(), known_gap(site)) {
        (true, None) => failures.push(Failure::new(format!("{type_name} refuses {site}"), "an error", "accepted")),
        (true, Some(_)) => gaps_seen.set(gaps_seen.get() + 1),
        (false, Some(reason)) => failures.push(Failure::new(
            format!("{type_name} still accepts the known gap {site} ({reason})"),
            "accepted, as KNOWN_GAPS says",
            "refused: the gap is closed, remove it from KNOWN_GAPS in crates/conformance/src/checks/properties.rs",
        )),
        (false, None) => {}
    }
    if let (true, Some(leaf)) = (site.is_string_constraint(), leaf) {
        match typed::parse(site.shape.name, leaf) {
            Some(Parsed::Rejected(_)) => {}
            other => failures.push(Failure::new(
                format!("{} refuses {}: {site}", site.shape.name, short(&format!("{leaf:?}"))),
                "rejected in every way",
                format!("{other:?}"),
            )),
        }
    }
    failures
}

/// Every pattern of the contract against the Unicode table: the first, middle and last character of
/// every range of every class (and all of ASCII) is accepted by the shape's generated type exactly when
/// the parsed class contains it. Deterministic.
pub fn pattern_classes() -> Outcome {
    let mut failures = Vec::new();
    let (mut patterns, mut checked) = (0usize, 0usize);
    for shape in SHAPES {
        let ShapeKind::String(s) = &shape.kind else { continue };
        let class = match strategies::class_of(s) {
            Ok(Some(class)) => class,
            Ok(None) => continue,
            Err(e) => {
                failures.push(Failure::new(
                    format!("the pattern of {} is understood", shape.name),
                    "a class",
                    e.to_string(),
                ));
                continue;
            }
        };
        patterns += 1;
        let min = usize::try_from(s.min.unwrap_or(1)).unwrap_or(1).max(1);
        for c in samples() {
            checked += 1;
            let text: String = std::iter::repeat_n(c, min).collect();
            let expected = class.contains(c);
            let found = typed::parse(shape.name, &text);
            let agrees = match &found {
                Some(Parsed::Accepted) => expected,
                Some(Parsed::Rejected(_)) => !expected,
                _ => false,
            };
            if !agrees && failures.len() < 20 {
                failures.push(class_failure(shape.name, &class, c, expected, found));
            }
        }
    }
    Outcome::new(format!("{patterns} patterns, {checked} characters"), failures)
}

fn class_failure(shape: &str, class: &CharClass, c: char, expected: bool, found: Option<Parsed>) -> Failure {
    let category = pattern::outside_pools().into_iter().find_map(|p| match p {
        Pool::Category(name) if pattern::in_category(name, c) => Some(name),
        _ => None,
    });
    Failure::new(
        format!(
            "{shape} and {} agree on U+{:04X} {c:?} (class {})",
            class.source,
            u32::from(c),
            category.unwrap_or("?")
        ),
        if expected { "accepted" } else { "rejected" },
        format!("{found:?}"),
    )
}

/// All of ASCII, and the first, middle and last character of every range of the Unicode table.
fn samples() -> Vec<char> {
    let mut out: Vec<char> = (0u8..=0x7f).map(char::from).collect();
    for (_, ranges) in crate::unicode_table::CLASSES {
        for &(start, end) in *ranges {
            out.extend([start, start + (end - start) / 2, end].into_iter().filter_map(char::from_u32));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `SecretHash` for random secrets (empty, around the HMAC block size, long; bytes and Cognito-like
/// text), usernames and client ids from the contract's shapes equals an independent computation with
/// `ring`'s HMAC and this module's own Base64, and is a valid `SecretHashType`.
pub fn secret_hash_properties(cases: u32, progress: &Progress) -> Outcome {
    let shape = |member: &str| INPUT.member(member).map(|m| m.shape);
    let (Some(username), Some(client_id)) = (shape("Username"), shape("ClientId")) else {
        return Outcome::new("no cases", vec![Failure::new("the input has Username and ClientId", "both", "missing")]);
    };
    let (username, client_id) = match (strategies::valid(username), strategies::valid(client_id)) {
        (Ok(u), Ok(c)) => (u, c),
        (Err(e), _) | (_, Err(e)) => return strategy_failure(&e),
    };
    let secret = prop_oneof![
        vec(any::<u8>(), 0..=16),
        vec(any::<u8>(), 63..=65),
        vec(any::<u8>(), 100..=300),
        "[a-z0-9]{52}".prop_map(String::into_bytes),
    ];
    run_property(
        cases,
        regressions!("secret-hash-properties"),
        &(secret, username, client_id),
        progress,
        |(secret, username, client_id)| format!("secret {secret:?}, username {username}, client id {client_id}"),
        |(secret, username, client_id)| {
            let (Some(username), Some(client_id)) = (username.as_str(), client_id.as_str()) else {
                return vec![Failure::new("the strategies give strings", "strings", "other JSON")];
            };
            secret_hash_case(secret, username, client_id)
        },
    )
}

/// One case of [`secret_hash_properties`].
pub fn secret_hash_case(secret: &[u8], username: &str, client_id: &str) -> Vec<Failure> {
    let ours = cognito_idp_client::secret_hash(secret, username, client_id);
    let independent = independent_secret_hash(secret, username, client_id);
    let mut failures = Vec::new();
    if ours != independent {
        failures.push(Failure::new(
            "secret_hash equals Base64(HMAC-SHA256(secret, username + client id)) computed with ring",
            independent,
            ours.clone(),
        ));
    }
    if typed::parse("SecretHashType", &ours) != Some(Parsed::Accepted) {
        failures.push(Failure::new("a computed SecretHash is a valid SecretHashType", "accepted", ours));
    }
    failures
}

/// Base64(HMAC-SHA256(key = secret, message = username then client id)), with `ring` and
/// [`base64_standard`]: nothing shared with the client's implementation.
pub fn independent_secret_hash(secret: &[u8], username: &str, client_id: &str) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
    let mut context = ring::hmac::Context::with_key(&key);
    context.update(username.as_bytes());
    context.update(client_id.as_bytes());
    base64_standard(context.sign().as_ref())
}

/// Standard Base64 with padding (RFC 4648, section 4).
pub fn base64_standard(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol = |index: u32| char::from(ALPHABET[(index & 63) as usize]);
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk.first(), chunk.get(1), chunk.get(2)].map(|b| u32::from(b.copied().unwrap_or(0)));
        let n = (b[0] << 16) | (b[1] << 8) | b[2];
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        out.push(if chunk.len() > 1 { symbol(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(n) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_standard(input.as_bytes()), output, "{input}");
        }
    }

    #[test]
    fn the_independent_hash_matches_rfc_4231_test_case_2() {
        // HMAC-SHA256(key "Jefe", "what do ya want for nothing?") = 5bdcc146...3843, in Base64:
        assert_eq!(
            independent_secret_hash(b"Jefe", "what do ya want ", "for nothing?"),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="
        );
    }

    #[test]
    fn a_property_failure_is_shrunk_and_shown_with_its_input() {
        let outcome = run_property(
            64,
            regressions!("self-test"),
            &(0u32..1000),
            &Progress::hidden(),
            |n| n.to_string(),
            |n| if *n >= 10 { vec![Failure::new("below ten", "< 10", n.to_string())] } else { Vec::new() },
        );
        assert_eq!(outcome.failures.len(), 1);
        assert_eq!(outcome.failures[0].found, "10");
        assert_eq!(outcome.failures[0].input.as_deref(), Some("10"));
        let saved = std::fs::read_to_string(regressions!("self-test")).expect("the seed is saved");
        assert!(saved.lines().any(|l| l.starts_with("cc ") && l.ends_with("# shrinks to 10")), "{saved}");
        let _ = std::fs::remove_file(regressions!("self-test"));
    }

    #[test]
    fn the_samples_cover_ascii_and_the_astral_planes() {
        let samples = samples();
        assert!(samples.contains(&'\u{0}') && samples.contains(&'~'));
        assert!(samples.iter().any(|c| u32::from(*c) > 0x20000));
    }
}
