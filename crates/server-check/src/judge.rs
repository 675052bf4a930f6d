//! The third step of the pipeline: pure functions of what was sent and what came back. [`probe`] judges a
//! probe's answer against what its expectation wants; [`RULES`] are the expectations over every answer
//! (time, statuses, media type, request id, error encoding, the output as clients read it), each judged
//! answer by answer, and [`repeated_request_ids`] the one rule across answers.

use std::collections::HashMap;

use cognito_idp_client::contract::{ERRORS, OUTPUT};
use cognito_idp_client::model::{Fault, ShapeKind};
use serde_json::Value;

use crate::expectation::{Expectation, Family, Source};
use crate::plan::{Probe, RATE_LIMITS, Subject, THROTTLED, USER_NOT_FOUND, Want};
use crate::read::Read;
use crate::send::Exchange;

/// What the judge made of one probe's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It held: what was found.
    Held(String),
    /// It broke: what was expected and what was found.
    Broken {
        /// What the expectation wants.
        expected: String,
        /// What came back.
        found: String,
    },
    /// It could not be judged: why, and what to do.
    NotJudged(String),
}

/// The settings a judgement depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// Whether the app client hides unknown users behind a simulated success.
    pub prevent_user_existence_errors: bool,
}

/// What a probe wants, in words.
pub fn wanted(want: Want, context: Context) -> String {
    match want {
        Want::Accepted if context.prevent_user_existence_errors => {
            "a simulated success (PreventUserExistenceErrors): the input passes validation".to_owned()
        }
        Want::Accepted => format!("HTTP 400 {USER_NOT_FOUND}: the input passes validation and the hash check"),
        Want::Error(codes) => format!("HTTP 400 {}", codes.join(" or ")),
        Want::AcceptedOr(codes) => format!("{}, or HTTP 400 {}", wanted(Want::Accepted, context), codes.join(" or ")),
        Want::Delivery => "a success: a code is sent".to_owned(),
        Want::Refusal { any_4xx: true } => "a 4xx error with a code".to_owned(),
        Want::Refusal { any_4xx: false } => {
            format!("HTTP 400 with a code other than {USER_NOT_FOUND} (the operation's answer to this body)")
        }
    }
}

/// Judges a probe's exchange.
pub fn probe(probe: &Probe, exchange: &Exchange, context: Context) -> Verdict {
    let answer = match &exchange.result {
        Ok(answer) => answer,
        Err(no_answer) => return Verdict::NotJudged(format!("{no_answer} (see response.timely)")),
    };
    let read = Read::of(answer);
    let code = read.code();
    if code == Some(THROTTLED) && probe.want != Want::Delivery {
        return Verdict::NotJudged(format!(
            "the server throttled this request ({THROTTLED}): run again later, or with a lower --concurrency"
        ));
    }
    let accepted = || {
        if context.prevent_user_existence_errors { read.is_success() } else { code == Some(USER_NOT_FOUND) }
    };
    let held = match probe.want {
        Want::Accepted => accepted(),
        Want::Error(codes) => code.is_some_and(|c| codes.contains(&c)),
        Want::AcceptedOr(codes) => accepted() || code.is_some_and(|c| codes.contains(&c)),
        Want::Delivery => {
            if let Some(limit) = code.filter(|c| RATE_LIMITS.contains(c)) {
                return Verdict::NotJudged(format!(
                    "the server rate-limited this user ({limit}): not judged. Cognito limits the codes sent to one \
                     user; wait for the limit to reset (about an hour), give another unconfirmed --username, or run \
                     with --max-deliveries 0 to judge everything else"
                ));
            }
            read.is_success()
        }
        Want::Refusal { .. } => (400..500).contains(&read.status) && code.is_some_and(|c| c != USER_NOT_FOUND),
    };
    let found = read.describe();
    if held { Verdict::Held(found) } else { Verdict::Broken { expected: wanted(probe.want, context), found } }
}

/// What one rule finds in one exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// The rule does not look at this exchange.
    Skip,
    /// It holds.
    Holds,
    /// It holds, with something worth knowing (such as output members the contract does not name).
    Note(String),
    /// It is broken: how.
    Broken(String),
}

/// One rule over every answer.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The id after `response.`.
    pub suffix: &'static str,
    /// One sentence for people.
    pub title: &'static str,
    /// Where it comes from.
    pub source: Source,
    /// The answers it judges (every other one it skips), for the report when there was none.
    pub judges: &'static str,
    /// The rule.
    pub check: fn(&Probe, &Exchange) -> Check,
}

impl Rule {
    /// The rule as an expectation.
    pub fn expectation(&self) -> Expectation {
        Expectation::new(Family::Response, self.suffix, self.title, self.source)
    }
}

fn answered(exchange: &Exchange) -> Option<Read> {
    exchange.result.as_ref().ok().map(Read::of)
}

fn error(exchange: &Exchange) -> Option<Read> {
    answered(exchange).filter(|read| !read.is_success())
}

fn success(exchange: &Exchange) -> Option<Read> {
    answered(exchange).filter(Read::is_success)
}

fn holds_unless(broken: Option<String>) -> Check {
    broken.map_or(Check::Holds, Check::Broken)
}

/// The contract's errors of one kind.
pub fn errors_of(fault: Fault) -> Vec<&'static str> {
    ERRORS
        .iter()
        .filter(|shape| matches!(&shape.kind, ShapeKind::Structure(s) if s.error == Some(fault)))
        .map(|shape| shape.name)
        .collect()
}

/// The rule id of the request ids' uniqueness, judged across answers by [`repeated_request_ids`].
pub const UNIQUE_REQUEST_ID: &str = "request-id-unique";

/// The rules over every answer, in report order.
pub const RULES: &[Rule] = &[
    Rule {
        suffix: "timely",
        title: "every request gets a whole answer within --response-timeout",
        source: Source::Bound("--response-timeout (default 5 s)"),
        judges: "requests sent",
        check: |_, exchange| match &exchange.result {
            Ok(_) => Check::Holds,
            Err(no_answer) => Check::Broken(no_answer.to_string()),
        },
    },
    Rule {
        suffix: "no-server-error",
        title: "no answer is a server error (5xx)",
        source: Source::Aws(
            "Cognito answers every input the check sends with a success or a client error; a 5xx is a fault",
        ),
        judges: "answers",
        check: |_, exchange| match answered(exchange) {
            Some(read) => holds_unless((read.status >= 500).then(|| read.describe())),
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "status",
        title: "statuses are those of the contract: 200 for a success, 400 for a client error, 500 for a fault",
        source: Source::Contract("responses 200, 400 (client errors) and 500 (server faults)"),
        judges: "answers",
        check: status,
    },
    Rule {
        suffix: "media-type",
        title: "every answer's Content-Type is application/x-amz-json-1.1",
        source: Source::Contract("the media type of every response"),
        judges: "answers",
        check: |_, exchange| match answered(exchange) {
            Some(read) => holds_unless(
                (read.media_type.as_deref() != Some(cognito_idp_client::contract::MEDIA_TYPE))
                    .then(|| format!("Content-Type {}", read.media_type.as_deref().unwrap_or("missing"))),
            ),
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "request-id",
        title: "every answer carries x-amzn-RequestId",
        source: Source::Aws("documented: x-amzn-RequestId is one of the common response headers of AWS APIs"),
        judges: "answers",
        check: |_, exchange| match answered(exchange) {
            Some(read) => holds_unless(read.request_id.is_none().then(|| "no x-amzn-RequestId".to_owned())),
            None => Check::Skip,
        },
    },
    Rule {
        suffix: UNIQUE_REQUEST_ID,
        title: "no two answers carry the same x-amzn-RequestId",
        source: Source::Aws("documented: the request id identifies one request, for AWS Support and the logs"),
        judges: "answers that carry x-amzn-RequestId",
        check: |_, exchange| {
            if answered(exchange).is_some_and(|r| r.request_id.is_some()) { Check::Holds } else { Check::Skip }
        },
    },
    Rule {
        suffix: "error-code",
        title: "every error names its code (X-Amzn-ErrorType, or the body's code or __type)",
        source: Source::Aws("AWS JSON 1.1: the error code in X-Amzn-ErrorType, the body's code or __type"),
        judges: "error answers",
        check: |_, exchange| match error(exchange) {
            Some(read) => holds_unless(read.code().is_none().then(|| read.describe())),
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "error-code-agrees",
        title: "where X-Amzn-ErrorType and the body both name a code, they name the same one",
        source: Source::Aws(
            "AWS JSON 1.1: clients read the header first and the body otherwise, so the two must not disagree",
        ),
        judges: "errors that name a code both in X-Amzn-ErrorType and in the body",
        check: |_, exchange| match error(exchange) {
            Some(Read { header_code: Some(header), body_code: Some(body), .. }) => holds_unless(
                (header != body).then(|| format!("X-Amzn-ErrorType names {header}, the body names {body}")),
            ),
            _ => Check::Skip,
        },
    },
    Rule {
        suffix: "error-message",
        title: "every error carries a message (message or Message)",
        source: Source::Aws(
            "documented error shapes: every error of the operation has a message member; Cognito always sends one",
        ),
        judges: "errors that name a code",
        check: |_, exchange| match error(exchange) {
            Some(read) if read.code().is_some() => {
                holds_unless(read.message.is_none().then(|| format!("{} without a message", read.describe())))
            }
            _ => Check::Skip,
        },
    },
    Rule {
        suffix: "json-body",
        title: "every body is a JSON object (a success's may be empty)",
        source: Source::Aws("AWS JSON 1.1: request and response bodies are JSON documents"),
        judges: "answers",
        check: |_, exchange| match answered(exchange) {
            Some(read) if read.is_success() && read.blank => Check::Holds,
            Some(read) => holds_unless((!matches!(read.json, Some(Value::Object(_)))).then(|| read.describe())),
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "output",
        title: "every success's body matches the output schema (members it does not name are ignored, as clients do)",
        source: Source::Contract("the 200 response's schema ResendConfirmationCodeResponse"),
        judges: "successes",
        check: output,
    },
    Rule {
        suffix: "code-delivery-details",
        title: "every success says where the code went: CodeDeliveryDetails with Destination, DeliveryMedium and \
                AttributeName",
        source: Source::Aws(
            "documented: ResendConfirmationCode answers CodeDeliveryDetails (Destination, DeliveryMedium, \
             AttributeName); a simulated success looks the same",
        ),
        judges: "successes",
        check: |_, exchange| match success(exchange) {
            Some(read) => {
                let details = read.json.as_ref().and_then(|b| b.get("CodeDeliveryDetails"));
                let missing: Vec<&str> = ["Destination", "DeliveryMedium", "AttributeName"]
                    .into_iter()
                    .filter(|m| details.and_then(|d| d.get(*m)).and_then(Value::as_str).is_none())
                    .collect();
                holds_unless((!missing.is_empty()).then(|| match details {
                    Some(_) => format!("CodeDeliveryDetails without {}", missing.join(", ")),
                    None => format!("no CodeDeliveryDetails: {}", read.describe()),
                }))
            }
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "destination-masked",
        title: "Destination is masked (j***@e***), never the whole address or number",
        source: Source::Aws(
            "documented examples and AWS CLI captures: `\"Destination\": \"j***@e***\"`; Cognito never returns the \
             address to an unauthenticated caller",
        ),
        judges: "successes with a CodeDeliveryDetails.Destination",
        check: |_, exchange| match delivery_member(exchange, "Destination") {
            Some(destination) => {
                holds_unless((!destination.contains('*')).then(|| format!("Destination {destination:?} is not masked")))
            }
            None => Check::Skip,
        },
    },
    Rule {
        suffix: "medium-matches-attribute",
        title: "DeliveryMedium matches AttributeName (EMAIL for email, SMS for phone_number)",
        source: Source::Aws(
            "documented: Cognito sends the code to the verified attribute, email by EMAIL and phone_number by SMS",
        ),
        judges: "successes whose CodeDeliveryDetails name an email or phone_number attribute and a medium",
        check: |_, exchange| match (
            delivery_member(exchange, "DeliveryMedium"),
            delivery_member(exchange, "AttributeName"),
        ) {
            (Some(medium), Some(attribute)) => {
                let expected = match attribute.as_str() {
                    "email" => Some("EMAIL"),
                    "phone_number" => Some("SMS"),
                    _ => None,
                };
                match expected {
                    Some(expected) => holds_unless((medium != expected).then(|| {
                        format!("DeliveryMedium {medium} for AttributeName {attribute} (expected {expected})")
                    })),
                    None => Check::Skip,
                }
            }
            _ => Check::Skip,
        },
    },
];

fn delivery_member(exchange: &Exchange, member: &str) -> Option<String> {
    success(exchange)?.json?.get("CodeDeliveryDetails")?.get(member)?.as_str().map(str::to_owned)
}

fn status(probe: &Probe, exchange: &Exchange) -> Check {
    let Some(read) = answered(exchange) else { return Check::Skip };
    if read.is_success() {
        return holds_unless((read.status != 200).then(|| format!("HTTP {} for a success", read.status)));
    }
    let fault = read.code().is_some_and(|c| errors_of(Fault::Server).contains(&c));
    let any_4xx = matches!(probe.want, Want::Refusal { any_4xx: true });
    let right = match (read.status, fault) {
        (500, true) => true,
        (400..=499, false) if any_4xx => true,
        (400, false) => true,
        _ => false,
    };
    let wanted = if fault {
        "500"
    } else if any_4xx {
        "a 4xx"
    } else {
        "400"
    };
    holds_unless((!right).then(|| format!("{} where the contract declares {wanted}", read.describe())))
}

fn output(_: &Probe, exchange: &Exchange) -> Check {
    let Some(read) = success(exchange) else { return Check::Skip };
    if read.blank {
        return Check::Holds;
    }
    let Some(body) = &read.json else { return Check::Broken(format!("the body is not JSON: {}", read.body_shown)) };
    let (known, unknown) = crate::schema::without_unknown_members(OUTPUT, body);
    let violations = crate::schema::validate(OUTPUT, &known);
    if !violations.is_empty() {
        return Check::Broken(violations.join("; "));
    }
    if unknown.is_empty() {
        Check::Holds
    } else {
        Check::Note(format!(
            "members the contract does not name (ignored, as AWS's clients do): {}",
            unknown.join(", ")
        ))
    }
}

/// The exchanges whose request id another answer carries too: each with the probe id of the first answer
/// that carried it.
pub fn repeated_request_ids<'e>(
    exchanges: impl IntoIterator<Item = (&'e Probe, &'e Exchange)>,
) -> Vec<(usize, String)> {
    let mut first: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for (index, (probe, exchange)) in exchanges.into_iter().enumerate() {
        let Some(id) = answered(exchange).and_then(|r| r.request_id) else { continue };
        match first.get(&id) {
            Some(earlier) => out.push((index, format!("x-amzn-RequestId {id} again (first on {earlier})"))),
            None => {
                first.insert(id, &probe.id);
            }
        }
    }
    out
}

/// Whether a success answered a probe that asks about a real user: a code was delivered.
pub fn delivered(probe: &Probe, exchange: &Exchange) -> bool {
    probe.subject != Subject::Nobody && success(exchange).is_some()
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;
    use crate::plan::{Method, Request};
    use crate::send::{Answer, Sent};

    fn exchange(status: u16, headers: &[(&str, &str)], body: &str) -> Exchange {
        Exchange {
            probe: 0,
            sent: Sent { method: "POST", url: "http://x/".into(), headers: Vec::new(), body: Vec::new() },
            started: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
            result: Ok(Answer {
                status,
                headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
                body: body.as_bytes().to_vec(),
            }),
        }
    }

    fn probe_wanting(want: Want) -> Probe {
        Probe {
            id: "x/y".into(),
            expectation: 0,
            what: String::new(),
            request: Request { method: Method::Post, target: None, body: Vec::new() },
            want,
            subject: Subject::Nobody,
        }
    }

    const SHOWN: Context = Context { prevent_user_existence_errors: false };
    const HIDDEN: Context = Context { prevent_user_existence_errors: true };

    #[test]
    fn accepted_means_the_unknown_users_answer() {
        let probe = probe_wanting(Want::Accepted);
        let not_found = exchange(400, &[], r#"{"__type":"UserNotFoundException"}"#);
        assert!(matches!(super::probe(&probe, &not_found, SHOWN), Verdict::Held(_)));
        assert!(matches!(super::probe(&probe, &not_found, HIDDEN), Verdict::Broken { .. }));
        let simulated = exchange(200, &[], r#"{"CodeDeliveryDetails":{}}"#);
        assert!(matches!(super::probe(&probe, &simulated, HIDDEN), Verdict::Held(_)));
        let invalid = exchange(400, &[], r#"{"__type":"InvalidParameterException"}"#);
        let Verdict::Broken { expected, found } = super::probe(&probe, &invalid, SHOWN) else { panic!("broken") };
        assert!(expected.contains("UserNotFoundException") && found == "HTTP 400 InvalidParameterException");
        assert!(wanted(Want::Accepted, HIDDEN).contains("simulated success"));
        assert!(wanted(Want::AcceptedOr(&["X"]), SHOWN).ends_with("or HTTP 400 X"));
    }

    #[test]
    fn rate_limits_and_throttling_are_not_judged() {
        let limited = exchange(400, &[], r#"{"__type":"LimitExceededException"}"#);
        let verdict = super::probe(&probe_wanting(Want::Delivery), &limited, SHOWN);
        assert!(matches!(&verdict, Verdict::NotJudged(why) if why.contains("rate-limited")), "{verdict:?}");
        let throttled = exchange(400, &[], r#"{"__type":"TooManyRequestsException"}"#);
        assert!(matches!(super::probe(&probe_wanting(Want::Accepted), &throttled, SHOWN), Verdict::NotJudged(_)));
        let elsewhere = super::probe(&probe_wanting(Want::Error(&["NotAuthorizedException"])), &limited, SHOWN);
        assert!(matches!(elsewhere, Verdict::Broken { .. }), "a limit where no code is sent is wrong");
    }

    #[test]
    fn a_refusal_must_not_be_the_operations_answer() {
        let probe = probe_wanting(Want::Refusal { any_4xx: false });
        let operation = exchange(400, &[], r#"{"__type":"UserNotFoundException"}"#);
        assert!(matches!(super::probe(&probe, &operation, SHOWN), Verdict::Broken { .. }));
        let unknown = exchange(400, &[("x-amzn-errortype", "UnknownOperationException")], "");
        assert!(matches!(super::probe(&probe, &unknown, SHOWN), Verdict::Held(_)));
    }

    fn rule(suffix: &str) -> &'static Rule {
        RULES.iter().find(|r| r.suffix == suffix).unwrap_or_else(|| panic!("no rule {suffix}"))
    }

    #[test]
    fn unknown_output_members_are_a_note_and_bad_ones_a_break() {
        let probe = probe_wanting(Want::Delivery);
        let extra = exchange(200, &[], r#"{"CodeDeliveryDetails":{"DeliveryMedium":"EMAIL","New":1},"Other":true}"#);
        assert!(matches!((rule("output").check)(&probe, &extra), Check::Note(n) if n.contains("$.Other")));
        let fax = exchange(200, &[], r#"{"CodeDeliveryDetails":{"DeliveryMedium":"FAX"}}"#);
        assert!(matches!((rule("output").check)(&probe, &fax), Check::Broken(_)));
    }

    #[test]
    fn header_and_body_codes_must_agree_and_statuses_follow_the_contract() {
        let probe = probe_wanting(Want::Accepted);
        let disagree = exchange(400, &[("x-amzn-errortype", "A")], r#"{"__type":"ns#B"}"#);
        assert!(matches!((rule("error-code-agrees").check)(&probe, &disagree), Check::Broken(_)));
        let agree = exchange(400, &[("x-amzn-errortype", "B:http://x")], r#"{"__type":"ns#B"}"#);
        assert_eq!((rule("error-code-agrees").check)(&probe, &agree), Check::Holds);
        let unauthorized = exchange(401, &[], r#"{"__type":"NotAuthorizedException"}"#);
        assert!(matches!((rule("status").check)(&probe, &unauthorized), Check::Broken(_)));
        let fault = exchange(500, &[], r#"{"__type":"InternalErrorException"}"#);
        assert_eq!((rule("status").check)(&probe, &fault), Check::Holds);
        let created = exchange(201, &[], "{}");
        assert!(matches!((rule("status").check)(&probe, &created), Check::Broken(_)));
        let method = exchange(405, &[], r#"{"__type":"UnknownOperationException"}"#);
        assert_eq!((rule("status").check)(&probe_wanting(Want::Refusal { any_4xx: true }), &method), Check::Holds);
    }

    #[test]
    fn deliveries_must_be_masked_and_consistent() {
        let probe = probe_wanting(Want::Delivery);
        let leak = exchange(
            200,
            &[],
            r#"{"CodeDeliveryDetails":{"Destination":"jane@example.com","DeliveryMedium":"SMS","AttributeName":"email"}}"#,
        );
        assert!(matches!((rule("destination-masked").check)(&probe, &leak), Check::Broken(_)));
        assert!(matches!((rule("medium-matches-attribute").check)(&probe, &leak), Check::Broken(_)));
        assert_eq!((rule("code-delivery-details").check)(&probe, &leak), Check::Holds);
        let empty = exchange(200, &[], "{}");
        assert!(matches!((rule("code-delivery-details").check)(&probe, &empty), Check::Broken(_)));
        let email_to_a_phone = exchange(
            200,
            &[],
            r#"{"CodeDeliveryDetails":{"Destination":"+*******0199","DeliveryMedium":"EMAIL","AttributeName":"phone_number"}}"#,
        );
        assert!(matches!((rule("medium-matches-attribute").check)(&probe, &email_to_a_phone), Check::Broken(_)));
        let custom = exchange(
            200,
            &[],
            r#"{"CodeDeliveryDetails":{"Destination":"x***","DeliveryMedium":"EMAIL","AttributeName":"custom:alt"}}"#,
        );
        assert_eq!((rule("medium-matches-attribute").check)(&probe, &custom), Check::Skip);
    }

    #[test]
    fn a_blank_success_is_a_json_body_but_a_blank_error_is_not() {
        let probe = probe_wanting(Want::Accepted);
        assert_eq!((rule("json-body").check)(&probe, &exchange(200, &[], " ")), Check::Holds);
        assert!(matches!((rule("json-body").check)(&probe, &exchange(400, &[], "")), Check::Broken(_)));
        assert_eq!((rule("output").check)(&probe, &exchange(200, &[], "")), Check::Holds);
    }

    #[test]
    fn a_repeated_request_id_is_found_with_its_first_answer() {
        let (a, b) = (probe_wanting(Want::Accepted), probe_wanting(Want::Accepted));
        let one = exchange(400, &[("x-amzn-requestid", "r1")], "{}");
        let two = exchange(400, &[("x-amzn-requestid", "r2")], "{}");
        let again = exchange(400, &[("x-amzn-requestid", "r1")], "{}");
        let repeated = repeated_request_ids([(&a, &one), (&b, &two), (&a, &again)]);
        assert_eq!(repeated, [(2, "x-amzn-RequestId r1 again (first on x/y)".to_owned())]);
    }
}
