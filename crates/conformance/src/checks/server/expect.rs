//! What a probe wants of its answer, where each expectation comes from, and the expectations that hold
//! for every answer (framing, statuses, error encoding, time), checked over all exchanges at once.

use std::fmt;

use cognito_idp_client::contract::{self, ERRORS, OUTPUT};
use cognito_idp_client::model::{Fault, ShapeKind};
use serde_json::Value;

use super::exchange::{Answer, Exchange, seconds};
use crate::failure::short_json;
use crate::report::Detail;

/// Where an expectation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The contract: `spec/cognito-idp.openapi.yaml` (shapes, constraints, statuses, media types, errors).
    Contract(&'static str),
    /// Amazon Cognito's documented or observed behaviour, or the AWS JSON 1.1 protocol's rules, with the
    /// source named.
    Aws(&'static str),
    /// A bound the check sets itself, with the option that changes it.
    Bound(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Contract(what) => write!(f, "source: contract, {what}"),
            Source::Aws(what) => write!(f, "source: AWS, {what}"),
            Source::Bound(what) => write!(f, "source: the check's bound, {what}"),
        }
    }
}

/// What a probe wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A success whose body matches the output schema.
    Success,
    /// An error with one of these codes.
    Error(&'static [&'static str]),
    /// A 4xx error whose code the protocol's rules can decode.
    Decodable4xx,
    /// A success of the output schema or a decodable 4xx error (an input AWS may ignore).
    SuccessOrDecodable4xx,
}

impl fmt::Display for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Want::Success => write!(f, "a success whose body matches {}", OUTPUT.name),
            Want::Error(codes) => write!(f, "{} with HTTP 400", codes.join(" or ")),
            Want::Decodable4xx => write!(f, "a 4xx error whose code the protocol's rules decode"),
            Want::SuccessOrDecodable4xx => {
                write!(f, "a success whose body matches {} or a decodable 4xx error", OUTPUT.name)
            }
        }
    }
}

/// Whether `exchange` gives what `want` asks for: a short note of what was found either way.
pub fn judge(want: Want, exchange: &Exchange) -> Result<String, String> {
    let answer = exchange.as_ref().map_err(|why| format!("expected {want}, found {why}"))?;
    let fits = match want {
        Want::Success => answer.is_success() && output_violations(answer).is_empty(),
        Want::Error(codes) => !answer.is_success() && answer.code().is_some_and(|c| codes.contains(&c.as_str())),
        Want::Decodable4xx => is_4xx(answer) && answer.code().is_some(),
        Want::SuccessOrDecodable4xx => {
            (answer.is_success() && output_violations(answer).is_empty()) || (is_4xx(answer) && answer.code().is_some())
        }
    };
    let found = found(answer);
    if fits { Ok(found) } else { Err(format!("expected {want}, found {found}")) }
}

fn found(answer: &Answer) -> String {
    if !answer.is_success() {
        return answer.describe();
    }
    match output_violations(answer).as_slice() {
        [] => match answer.json() {
            Some(body) => format!("HTTP {} {}", answer.status, short_json(&body)),
            None => format!("HTTP {} with an empty body", answer.status),
        },
        violations => format!("HTTP {}: {}", answer.status, violations.join("; ")),
    }
}

fn is_4xx(answer: &Answer) -> bool {
    (400..500).contains(&answer.status)
}

/// How a success's body breaks the output schema (a blank body is an empty output).
pub fn output_violations(answer: &Answer) -> Vec<String> {
    if answer.is_blank() {
        return Vec::new();
    }
    match answer.json() {
        Some(body) => crate::schema::validate(OUTPUT, &body)
            .into_iter()
            .map(|v| format!("the body does not match {}: {v}", OUTPUT.name))
            .collect(),
        None => vec!["the body is not JSON".to_owned()],
    }
}

/// The contract's errors of one kind.
pub fn errors_of(fault: Fault) -> Vec<&'static str> {
    ERRORS
        .iter()
        .filter(|shape| matches!(&shape.kind, ShapeKind::Structure(s) if s.error == Some(fault)))
        .map(|shape| shape.name)
        .collect()
}

/// One exchange as the expectations over every answer see it.
#[derive(Debug)]
pub struct Seen<'a> {
    /// The probe's name.
    pub probe: &'a str,
    /// What became of it.
    pub exchange: &'a Exchange,
    /// Whether any 4xx status is right for it (a request that is not the operation's, such as a GET).
    pub any_4xx: bool,
}

/// Each expectation over every answer: its name, source, and the rule that finds a violation in one.
type Rule = (&'static str, Source, fn(&Seen<'_>) -> Option<String>);

/// The expectations that hold for every answer, in report order.
pub const EVERY_ANSWER: &[Rule] = &[
    (
        "responses: every request gets an answer within the response timeout",
        Source::Bound("--response-timeout"),
        |seen| seen.exchange.as_ref().err().cloned(),
    ),
    (
        "responses: no answer is a server error (5xx)",
        Source::Aws("Cognito answers every input the check sends with a success or a client error; a 5xx is a fault"),
        |seen| seen.exchange.as_ref().ok().filter(|a| a.status >= 500).map(Answer::describe),
    ),
    (
        "responses: every answer's Content-Type is application/x-amz-json-1.1",
        Source::Contract("the media type of every response"),
        |seen| {
            let answer = seen.exchange.as_ref().ok()?;
            let media = answer.media_type();
            (media.as_deref() != Some(contract::MEDIA_TYPE))
                .then(|| format!("Content-Type {}", media.as_deref().unwrap_or("missing")))
        },
    ),
    (
        "responses: every answer carries x-amzn-RequestId",
        Source::Aws("documented: x-amzn-RequestId is one of the common response headers of AWS APIs"),
        |seen| {
            let answer = seen.exchange.as_ref().ok()?;
            let id = answer.headers.get("x-amzn-requestid").and_then(|v| v.to_str().ok()).unwrap_or("");
            id.trim().is_empty().then(|| "no x-amzn-RequestId".to_owned())
        },
    ),
    (
        "responses: errors answer the status the contract declares (400 client error, 500 server fault)",
        Source::Contract("responses 400 (client errors) and 500 (server faults)"),
        status_violation,
    ),
    (
        "responses: every error names its code by the protocol's rules",
        Source::Aws("AWS JSON 1.1: the code in X-Amzn-ErrorType, the body's code or __type"),
        |seen| {
            let answer = seen.exchange.as_ref().ok()?;
            (!answer.is_success() && answer.code().is_none()).then(|| answer.describe())
        },
    ),
    (
        "responses: every body is a JSON object (a success's may be empty)",
        Source::Aws("AWS JSON 1.1: request and response bodies are JSON documents"),
        |seen| {
            let answer = seen.exchange.as_ref().ok()?;
            let blank_success = answer.is_success() && answer.is_blank();
            (!blank_success && !matches!(answer.json(), Some(Value::Object(_)))).then(|| answer.describe())
        },
    ),
    (
        "responses: every success's body matches the output schema",
        Source::Contract("the 200 response's schema ResendConfirmationCodeResponse"),
        |seen| {
            let answer = seen.exchange.as_ref().ok().filter(|a| a.is_success())?;
            let violations = output_violations(answer);
            (!violations.is_empty()).then(|| violations.join("; "))
        },
    ),
];

fn status_violation(seen: &Seen<'_>) -> Option<String> {
    let answer = seen.exchange.as_ref().ok()?;
    if answer.is_success() {
        return None;
    }
    let code = answer.code();
    let fault = code.as_deref().is_some_and(|c| errors_of(Fault::Server).contains(&c));
    let right = match (answer.status, fault) {
        (500, true) => true,
        (400..=499, false) if seen.any_4xx => true,
        (400, false) => true,
        _ => false,
    };
    (!right).then(|| {
        let wanted = if fault {
            "500"
        } else if seen.any_4xx {
            "a 4xx"
        } else {
            "400"
        };
        format!("{} where the contract declares {wanted}", answer.describe())
    })
}

/// The details of the expectations over every answer.
pub fn every_answer(seen: &[Seen<'_>], timeout: std::time::Duration) -> Vec<Detail> {
    const SHOWN: usize = 6;
    EVERY_ANSWER
        .iter()
        .map(|(name, source, rule)| {
            let broken: Vec<String> =
                seen.iter().filter_map(|s| rule(s).map(|why| format!("{}: {why}", s.probe))).collect();
            if broken.is_empty() {
                let bound =
                    if name.contains("timeout") { format!(" (bound {})", seconds(timeout)) } else { String::new() };
                Detail::pass(*name, format!("{} answers{bound} · {source}", seen.len()))
            } else {
                let mut note = format!("broken by {} of {} answers · {source}", broken.len(), seen.len());
                for line in broken.iter().take(SHOWN) {
                    note.push_str("\n  ");
                    note.push_str(line);
                }
                if broken.len() > SHOWN {
                    note.push_str(&format!("\n  … and {} more", broken.len() - SHOWN));
                }
                Detail::fail(*name, note)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;
    use crate::report::Status;

    fn answer(status: u16, headers: &[(&'static str, &'static str)], body: &str) -> Exchange {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_static(value));
        }
        Ok(Answer { status, headers: map, body: body.as_bytes().to_vec(), elapsed: Duration::ZERO })
    }

    const JSON: (&str, &str) = ("content-type", "application/x-amz-json-1.1");
    const ID: (&str, &str) = ("x-amzn-requestid", "0e2b1a7c");

    #[test]
    fn a_success_must_match_the_output_schema() {
        assert!(
            judge(Want::Success, &answer(200, &[], r#"{"CodeDeliveryDetails":{"DeliveryMedium":"EMAIL"}}"#)).is_ok()
        );
        assert!(judge(Want::Success, &answer(200, &[], "")).is_ok());
        let error = judge(Want::Success, &answer(200, &[], r#"{"CodeDeliveryDetails":{"DeliveryMedium":"FAX"}}"#))
            .expect_err("FAX");
        assert!(error.contains("DeliveryMedium: \"FAX\" is not one of"), "{error}");
        let error =
            judge(Want::Success, &answer(400, &[], r#"{"__type":"UserNotFoundException"}"#)).expect_err("error");
        assert!(error.ends_with("found HTTP 400 UserNotFoundException"), "{error}");
    }

    #[test]
    fn an_error_must_have_one_of_the_wanted_codes() {
        let want = Want::Error(&["InvalidParameterException"]);
        assert!(judge(want, &answer(400, &[], r#"{"__type":"InvalidParameterException"}"#)).is_ok());
        assert!(judge(want, &answer(400, &[], r#"{"__type":"UserNotFoundException"}"#)).is_err());
        assert!(judge(want, &answer(200, &[], "{}")).is_err());
        assert!(judge(want, &Err("no answer within 5 s".to_owned())).expect_err("none").contains("no answer"));
        assert!(judge(Want::Decodable4xx, &answer(404, &[], "<html/>")).is_err());
        assert!(
            judge(Want::Decodable4xx, &answer(404, &[("x-amzn-errortype", "UnknownOperationException")], "")).is_ok()
        );
        assert!(judge(Want::SuccessOrDecodable4xx, &answer(200, &[], "{}")).is_ok());
        assert!(
            judge(Want::SuccessOrDecodable4xx, &answer(500, &[], r#"{"__type":"InternalErrorException"}"#)).is_err()
        );
    }

    fn broken(exchange: &Exchange, any_4xx: bool) -> Vec<&'static str> {
        let seen = [Seen { probe: "p", exchange, any_4xx }];
        every_answer(&seen, Duration::from_secs(5))
            .into_iter()
            .filter(|d| d.status == Status::Fail)
            .map(|d| EVERY_ANSWER.iter().find(|(n, _, _)| *n == d.name).map(|(n, _, _)| *n).unwrap_or(""))
            .collect()
    }

    #[test]
    fn a_well_framed_error_breaks_no_expectation_over_every_answer() {
        assert!(broken(&answer(400, &[JSON, ID], r#"{"__type":"UserNotFoundException"}"#), false).is_empty());
        assert!(
            broken(&answer(500, &[JSON, ID], r#"{"__type":"InternalErrorException"}"#), false)
                == ["responses: no answer is a server error (5xx)"]
        );
        assert!(broken(&answer(200, &[JSON, ID], ""), false).is_empty());
        assert!(broken(&answer(405, &[JSON, ID], r#"{"__type":"UnknownOperationException"}"#), true).is_empty());
    }

    #[test]
    fn each_framing_defect_breaks_its_own_expectation() {
        let one = |exchange: Exchange, any_4xx: bool| broken(&exchange, any_4xx);
        assert_eq!(one(answer(401, &[JSON, ID], r#"{"__type":"NotAuthorizedException"}"#), false), [EVERY_ANSWER[4].0]);
        assert_eq!(one(answer(400, &[ID], r#"{"__type":"NotAuthorizedException"}"#), false), [EVERY_ANSWER[2].0]);
        assert_eq!(one(answer(400, &[JSON], r#"{"__type":"NotAuthorizedException"}"#), false), [EVERY_ANSWER[3].0]);
        assert_eq!(one(answer(400, &[JSON, ID], r#"{"message":"no"}"#), false), [EVERY_ANSWER[5].0]);
        assert_eq!(
            one(answer(400, &[JSON, ID, ("x-amzn-errortype", "InvalidParameterException")], "oops"), false),
            [EVERY_ANSWER[6].0]
        );
        assert_eq!(one(answer(200, &[JSON, ID], "[]"), false), [EVERY_ANSWER[6].0, EVERY_ANSWER[7].0]);
        assert_eq!(one(Err("no answer within 1 s".to_owned()), false), [EVERY_ANSWER[0].0]);
    }
}
