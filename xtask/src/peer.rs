//! `cargo xtask peer`: serves a Cognito-compatible peer on 127.0.0.1 for the server check, through the
//! conformance crate's `peer` example (cognitox is a dev-dependency there, so xtask stays light), and
//! prints the `cargo xtask conformance --endpoint-url ...` line to run against it.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

/// Options of `cargo xtask peer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port on 127.0.0.1 (default: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Where to write the app client's secret (default: target/peer/<port>/client-secret; removed on exit).
    #[arg(long, value_name = "PATH")]
    secret_file: Option<PathBuf>,
    /// What to serve: cognitox 0.1.2, or the conformance suite's reference implementation.
    #[arg(long, value_enum, default_value_t = Implementation::Cognitox)]
    implementation: Implementation,
}

/// The peers `cargo xtask peer` can serve.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Implementation {
    /// The Cognito emulator cognitox 0.1.2, with the committed baseline of its deviations.
    Cognitox,
    /// The server check's reference implementation (crates/server-check/src/reference/).
    Reference,
}

/// Builds and runs the example until it stops (Ctrl-C).
pub fn run(args: &Args) -> Result<()> {
    let implementation = match args.implementation {
        Implementation::Cognitox => "cognitox",
        Implementation::Reference => "reference",
    };
    let mut command = cognito_idp_test_kit::cargo_env::cargo();
    command.args(["run", "--locked", "--quiet", "-p", "cognito-idp-conformance", "--example", "peer", "--"]).args([
        "--port",
        &args.port.to_string(),
        "--implementation",
        implementation,
    ]);
    if let Some(path) = &args.secret_file {
        let path = std::path::absolute(path).with_context(|| format!("resolving {}", path.display()))?;
        command.arg("--secret-file").arg(path);
    }
    let status = command.status().context("running the conformance crate's peer example")?;
    if !status.success() {
        bail!("the peer stopped with {status}");
    }
    Ok(())
}
