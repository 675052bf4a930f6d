//! End-to-end tests of the `cognito-idp` binary: one test binary, a module per area.
//!
//! - `golden`: the cases recorded from AWS CLI v1, replayed and compared (`tests/fixtures/awscli/`);
//! - `retries`, `timeouts`, `failing_servers`, `tls`: the transport against local mock servers, counting what
//!   the server sees;
//! - `secret_hash`, `secrets`: SecretHash from the client secret, and no secret ever printed (the sandbox
//!   checks every run of the suite against the registry of secrets the tests use);
//! - `arguments`: a property test over arbitrary argument lists.
//!
//! The binary under test is `COGNITO_IDP_BIN` when set (an executable and optional leading arguments,
//! e.g. `.venv-awscli/bin/aws cognito-idp` to run the reference itself), else `cognito-idp` built
//! from this workspace. Tests of our own features, or of texts where we deliberately differ, check only ours
//! when the reference runs. See `tests/fixtures/awscli/README.md`.

mod arguments;
mod failing_servers;
mod golden;
mod retries;
mod secret_hash;
mod secrets;
mod support;
mod timeouts;
mod tls;
