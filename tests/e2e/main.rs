//! End-to-end tests of the `cognito-idp` binary: one test binary, a module per area.
//!
//! The binary under test is `COGNITO_IDP_BIN` when set (an executable and optional leading arguments,
//! e.g. `/work/.venv-awscli/bin/aws cognito-idp` to run the reference itself), else `cognito-idp` built
//! from this workspace. See `tests/fixtures/awscli/README.md`.

mod golden;
mod support;
