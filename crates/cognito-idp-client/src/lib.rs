//! A typed client for Amazon Cognito user pools' `ResendConfirmationCode`, generated from the contract.
//!
//! # Quick start
//!
//! ```no_run
//! use cognito_idp_client::types::ResendConfirmationCodeRequest;
//! use cognito_idp_client::{CognitoIdp, OperationError, secret_hash};
//!
//! # async fn run() -> Result<(), cognito_idp_client::Error> {
//! // Region, endpoint and retries from the environment, as the AWS SDKs resolve them
//! // (AWS_REGION, AWS_ENDPOINT_URL, AWS_RETRY_MODE, AWS_MAX_ATTEMPTS, the profile).
//! let client = CognitoIdp::from_env()?;
//! let (client_id, username) = ("1example23456789", "jane");
//! let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
//!     .client_id(client_id)
//!     .username(username)
//!     // Only for app clients with a secret.
//!     .secret_hash(Some(secret_hash(b"the app client's secret", username, client_id).parse().expect("a hash")))
//!     .try_into()
//!     .expect("a valid request");
//! match client.resend_confirmation_code(request).await {
//!     Ok(response) => println!("sent to {:?}", response.output.code_delivery_details),
//!     Err(e) if matches!(e.as_service().map(|s| &s.error), Some(OperationError::UserNotFoundException(_))) => {
//!         println!("no such user")
//!     }
//!     Err(e) => return Err(e),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Every client bounds connecting (3.1 s, as the AWS SDK for Rust) and reading (60 s, as botocore); the
//! [`client`] module says why and how to change or turn off each, and that a `reqwest::Client` of your
//! own keeps its settings. Calls retry as the AWS SDKs' `standard` mode does (3 attempts, exponential
//! backoff with jitter, a retry quota shared by the client and its clones), or `adaptive` (plus a
//! client-side rate limiter that slows down after throttling) or `legacy`; a retry after a read timeout
//! may send a second code, and can be turned off ([`client::Builder::retry_unanswered`]). See
//! [`RetryConfig`] and [`retry`]. [`environment`] says where [`CognitoIdp::from_env`] looks. Each call and
//! attempt is a `tracing` span or event, without any member's value. `examples/` has a call with a secret
//! from the environment, matching on [`OperationError`], and a custom `reqwest::Client`.
//!
//! The contract is `spec/cognito-idp.openapi.yaml`. `cargo xtask codegen` turns it into two committed
//! modules: [`generated`], progenitor's client and types, and [`contract`], the contract as static tables
//! with the typed [`OperationError`]. Around them, by hand:
//!
//! - [`framing`]: the AWS JSON 1.1 framing. Every request is `POST /` with exactly `X-Amz-Target`,
//!   `Content-Type: application/x-amz-json-1.1`, `User-Agent`, `amz-sdk-invocation-id` and
//!   `amz-sdk-request`; no `Authorization` (the operation is unsigned) and none of what progenitor adds
//!   (`api-version`, `Content-Type: application/json`).
//! - [`error`]: error responses decoded by the protocol's rules into [`ServiceError`].
//! - [`secret_hash()`]: the `SecretHash` of app clients that have a secret.
//! - [`endpoint`]: regional endpoints, and the URL a raw request posts to.
//! - [`response`]: responses as they came off the wire, and their decoding.
//! - [`retry`]: one implementation of AWS's retry modes, which the CLI uses too.
//! - [`CognitoIdp`]: the client, with its timeouts, retries and a response size limit.
//!
//! # How the wire's media type reaches the generated client
//!
//! The spec declares the request body with its real media type, `application/x-amz-json-1.1`. progenitor
//! 0.15 rejects that as a request body media type, so `cargo xtask codegen` hands it a copy in memory where
//! the body is `application/json` (and without the protocol's `__type` members, which [`error`] reads by
//! the protocol's rules). Codegen writes the real media type into [`contract::MEDIA_TYPE`], and the framing
//! hook sends it. `X-Amz-Target`, which OpenAPI
//! can express, is a required header parameter with a single allowed value, so every generator sends it;
//! the hook checks it against [`contract::TARGET`]. Responses are declared with their real media type,
//! which progenitor hands over as bytes; [`response::decode`] decodes them.
//!
//! # Patterns
//!
//! typify compiles patterns without regress's Unicode flag and without anchors, so `\p{L}` would match
//! the text `p{L}`. Codegen compiles them with the `u` flag and anchored: `UsernameType` accepts `Zoë`
//! and `用户` and rejects `a b`.
//!
//! ```
//! use cognito_idp_client::types::{ResendConfirmationCodeRequest, UsernameType};
//!
//! assert!("Zoë".parse::<UsernameType>().is_ok());
//! assert!("a b".parse::<UsernameType>().is_err());
//! let request = ResendConfirmationCodeRequest::builder()
//!     .client_id("1example23456789")
//!     .username("jane");
//! let request = ResendConfirmationCodeRequest::try_from(request).expect("valid");
//! assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"ClientId":"1example23456789","Username":"jane"}"#);
//! ```

#![warn(missing_docs)]

pub mod client;
pub mod clock;
pub mod endpoint;
pub mod environment;
pub mod error;
pub mod framing;
pub mod json_schema;
pub mod model;
pub mod response;
pub mod retry;
mod secret_hash;

/// progenitor's client and types for the contract (generated; see the crate docs).
#[rustfmt::skip]
#[allow(missing_docs, missing_debug_implementations, unused_imports, unused_comparisons, clippy::all, clippy::pedantic, clippy::unwrap_used)]
pub mod generated;

/// The contract as static tables, the wire constants and the typed error enum (generated).
#[rustfmt::skip]
#[allow(missing_docs, clippy::all, clippy::pedantic)]
#[path = "generated_model.rs"]
pub mod contract;

pub use client::{CognitoIdp, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT};
pub use contract::OperationError;
pub use endpoint::endpoint_for_region;
pub use environment::EnvConfig;
pub use error::{Error, Result, ServiceError, TransportFailure};
pub use generated::types;
pub use response::{RawResponse, Response, decode};
pub use retry::{RetryConfig, RetryMode};
pub use secret_hash::secret_hash;
