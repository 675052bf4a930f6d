//! Correct servers that differ from the reference in ways AWS's clients accept, each written from AWS's
//! documents or observed behaviour (the source named): the server check must pass every one with zero
//! failures.

use std::sync::Arc;

use cognito_idp_client::contract;
use serde_json::json;

use super::cognito::{Account, Behaviour, Cognito, Outcome};
use super::http::{Framing, Response};

/// A correct variant: how it differs, where that comes from, and the server to run.
#[derive(Clone, Debug)]
pub struct Variant {
    /// A short name.
    pub name: &'static str,
    /// Why a client accepts it, with the source.
    pub source: &'static str,
    /// The behaviour.
    pub behaviour: Arc<dyn Behaviour>,
    /// How the pool is set up.
    pub account: fn(Account) -> Account,
    /// How answers are framed.
    pub framing: Framing,
}

fn same(account: Account) -> Account {
    account
}

/// Error codes with a namespace in `__type` and a suffix in `X-Amzn-ErrorType`.
#[derive(Debug)]
struct NamespacedCodes;

impl Behaviour for NamespacedCodes {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome.clone(), request_id);
        if let Outcome::Error(_, code, message) = outcome {
            response.body =
                json!({"__type": format!("com.amazonaws.cognito.identity.idp.model#{code}"), "message": message})
                    .to_string()
                    .into_bytes();
            response.headers.retain(|(name, _)| name != "X-Amzn-ErrorType");
            response.headers.push((
                "X-Amzn-ErrorType".to_owned(),
                format!("{code}:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/"),
            ));
        }
        response
    }
}

/// The code only in `X-Amzn-ErrorType` (the reference sends it there too) and the message as `Message`.
#[derive(Debug)]
struct HeaderCodeCapitalMessage;

impl Behaviour for HeaderCodeCapitalMessage {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome.clone(), request_id);
        if let Outcome::Error(_, _, message) = outcome {
            response.body = json!({"Message": message}).to_string().into_bytes();
        }
        response
    }
}

/// The code only in the body's `code` member, no `X-Amzn-ErrorType`.
#[derive(Debug)]
struct BodyCodeOnly;

impl Behaviour for BodyCodeOnly {
    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome.clone(), request_id);
        if let Outcome::Error(_, code, message) = outcome {
            response.headers.retain(|(name, _)| name != "X-Amzn-ErrorType");
            response.body = json!({"code": code, "message": message}).to_string().into_bytes();
        }
        response
    }
}

/// Members the contract does not name, in the success and in `CodeDeliveryDetails`, and a charset.
#[derive(Debug)]
struct NewOutputMembers;

impl Behaviour for NewOutputMembers {
    fn delivery(&self) -> Outcome {
        Outcome::Success(json!({
            "CodeDeliveryDetails": {
                "Destination": "j***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email", "Channel": "primary"
            },
            "DeliveredAt": 1_764_985_145
        }))
    }

    fn frame(&self, outcome: Outcome, request_id: &str) -> Response {
        let mut response = Cognito.frame(outcome, request_id);
        for (name, value) in &mut response.headers {
            if name == "Content-Type" {
                *value = format!("{}; charset=utf-8", contract::MEDIA_TYPE);
            }
        }
        response
    }
}

/// An app client without a secret that ignores a `SecretHash` sent to it.
#[derive(Debug)]
struct IgnoresUnexpectedHash;

impl Behaviour for IgnoresUnexpectedHash {
    fn unexpected_hash(&self, _client_id: &str) -> Option<Outcome> {
        None
    }
}

/// A phone number as the delivery's destination.
#[derive(Debug)]
struct SendsTexts;

impl Behaviour for SendsTexts {
    fn delivery(&self) -> Outcome {
        Outcome::Success(json!({
            "CodeDeliveryDetails": {"Destination": "+*******0199", "DeliveryMedium": "SMS", "AttributeName": "phone_number"}
        }))
    }
}

/// Every correct variant.
pub fn all() -> Vec<Variant> {
    let plain = Framing::default();
    vec![
        Variant {
            name: "the reference",
            source: "Cognito's documented and reported answers",
            behaviour: Arc::new(Cognito),
            account: same,
            framing: plain,
        },
        Variant {
            name: "namespaced and suffixed error codes",
            source: "AWS JSON 1.1 (Smithy awsJson1_1 error tests): clients strip a namespace before `#` and anything \
                     after `:`; Cognito's X-Amzn-ErrorType carries a `:http://internal.amazon.com/...` suffix",
            behaviour: Arc::new(NamespacedCodes),
            account: same,
            framing: plain,
        },
        Variant {
            name: "the code only in X-Amzn-ErrorType, the message as Message",
            source: "AWS JSON 1.1: the header is read first; botocore and the SDKs read `message` or `Message`",
            behaviour: Arc::new(HeaderCodeCapitalMessage),
            account: same,
            framing: plain,
        },
        Variant {
            name: "the code only in the body's code member",
            source: "AWS JSON 1.1: without X-Amzn-ErrorType, clients read the body's code or __type",
            behaviour: Arc::new(BodyCodeOnly),
            account: same,
            framing: plain,
        },
        Variant {
            name: "output members the contract does not name",
            source: "AWS adds output members without notice; every SDK ignores unknown members",
            behaviour: Arc::new(NewOutputMembers),
            account: same,
            framing: plain,
        },
        Variant {
            name: "a pool that rate-limits after one delivery",
            source: "documented: LimitExceededException when the codes sent to a user exceed the limit",
            behaviour: Arc::new(Cognito),
            account: |account| Account { delivery_limit: Some(1), ..account },
            framing: plain,
        },
        Variant {
            name: "a pool that hides unknown users",
            source: "documented: PreventUserExistenceErrors ENABLED answers unknown users with a simulated success",
            behaviour: Arc::new(Cognito),
            account: |account| Account { prevent_user_existence_errors: true, ..account },
            framing: plain,
        },
        Variant {
            name: "Connection: close after each answer",
            source: "HTTP/1.1 (RFC 9112 §9.6): a server may close after any response",
            behaviour: Arc::new(Cognito),
            account: same,
            framing: Framing { close_after_each: true, ..plain },
        },
        Variant {
            name: "chunked response bodies",
            source: "HTTP/1.1 (RFC 9112 §7.1): chunked transfer coding",
            behaviour: Arc::new(Cognito),
            account: same,
            framing: Framing { chunked: true, ..plain },
        },
        Variant {
            name: "a code sent by text message",
            source: "documented: DeliveryMedium SMS to phone_number, the destination masked",
            behaviour: Arc::new(SendsTexts),
            account: same,
            framing: plain,
        },
        Variant {
            name: "an app client without a secret that ignores a SecretHash",
            source: "reported: an unexpected SecretHash is refused or ignored",
            behaviour: Arc::new(IgnoresUnexpectedHash),
            account: |account| Account { secret: None, ..account },
            framing: plain,
        },
    ]
}
