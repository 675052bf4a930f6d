//! The conformance suite of the `ResendConfirmationCode` contract: what goes on the wire matches
//! `spec/cognito-idp.openapi.yaml`, checked from the `contract` tables of `cognito-idp-client`.
//!
//! - [`strategies`]: proptest strategies derived from the tables at run time (valid values, and invalid
//!   ones that break exactly one constraint), with [`pattern`] for the patterns' character classes and
//!   [`unicode_table`] for the Unicode categories they name (from `cognito-idp-server-check`, which probes
//!   servers with the same values).
//! - [`checks`]: the checks, as functions returning typed [`failure::Failure`]s (expected, found, and a
//!   diff for JSON): wire properties through wiremock ([`wire`]), the generated types, the AWS JSON 1.1
//!   protocol cases, `SecretHash`, the differential fixtures, the CLI binary against the client and its
//!   shorthand writer against its parser, and the server check (`cognito-idp-server-check`) against the live
//!   peer.
//! - [`binary`]: the `cognito-idp` binary under test (found or built once) and the sandbox it runs in.
//! - [`runner`] and [`report`]: the custom test harness (`tests/conformance.rs`): one line per check, a
//!   summary, JUnit XML, an exit code.
//!
//! `cargo test -p cognito-idp-conformance` runs everything; `cargo xtask conformance` adds the checks
//! that live in xtask (the spec against AWS's model, generated-code freshness, the CLI's skeleton
//! snapshots) and merges the reports.

#![warn(missing_docs)]

pub mod binary;
pub mod checks;
pub mod failure;
pub mod report;
pub mod runner;
pub mod typed;
pub mod wire;

/// The contract walks the suite shares with the server check (`cognito-idp-server-check`): strategies
/// derived from the tables, the patterns' character classes, the Unicode table and schema validation.
pub use cognito_idp_server_check::{pattern, schema, strategies, unicode_table};

pub use failure::Failure;
pub use report::{Detail, Outcome};
pub use runner::run_suite;

/// The workspace root (the test kit's).
pub use cognito_idp_test_kit::cargo_env::workspace_root;
