//! Repository automation, run as `cargo xtask <command>` from any folder of the workspace.

mod bench;
mod codegen;
mod compat;
mod conformance;
mod contract;
mod downstream;
mod fuzz;
mod model_check;
mod mutants;
mod output_files;
mod peer;
mod record;
mod record_goldens;
mod schema;
mod skeleton;
#[cfg(test)]
mod tidy;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Repository automation for the Cognito ResendConfirmationCode toolkit")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Regenerate the client crate's generated modules from spec/cognito-idp.openapi.yaml.
    Codegen {
        /// Compare instead of writing: exit non-zero when the committed code is stale.
        #[arg(long)]
        check: bool,
    },
    /// Compare the spec with AWS's model in spec/upstream/ and list every difference.
    CheckModel,
    /// Measure whole-process calls of the release binary (and of AWS CLI v1 when installed).
    Bench(bench::Args),
    /// Regenerate the CLI's snapshot tests (skeletons, manuals) and show the changes for review.
    Skeleton {
        /// Compare instead of writing: exit non-zero when a snapshot differs.
        #[arg(long)]
        check: bool,
    },
    /// Record the golden cases of tests/fixtures/awscli/ from the real AWS CLI v1 (awscli 1.46.3).
    RecordAwscli {
        /// The Python venv holding awscli 1.46.3; created (python3 -m venv, pip install) when missing.
        /// Default: .venv-awscli in the workspace root.
        #[arg(long, value_name = "PATH")]
        venv: Option<PathBuf>,
        /// Names of the cases to record (default: every case of tests/fixtures/awscli/cases.json).
        #[arg(value_name = "CASE")]
        cases: Vec<String>,
    },
    /// Make every recorded or generated expectation again from one table (or check it with --check).
    RecordGoldens(record_goldens::Args),
    /// Classify every difference between two versions of the contract as breaking, warning or compatible.
    Compat(compat::Args),
    /// Write the JSON Schemas of the input and output documents to spec/schema/ from the spec.
    Schema {
        /// Compare instead of writing: exit non-zero when the committed schemas are stale.
        #[arg(long)]
        check: bool,
    },
    /// Run the whole contract check (model, freshness, the conformance suite) with one report.
    Conformance(conformance::Args),
    /// Serve a Cognito-compatible peer (cognitox 0.1.2) on 127.0.0.1 and print the conformance command for it.
    Peer(peer::Args),
    /// Check the contract through other generators (openapi-typescript, openapi-python-client, Schemathesis).
    Downstream(downstream::Args),
    /// Run the cargo-fuzz targets of fuzz/ for N seconds each (nightly and cargo-fuzz installed if missing).
    Fuzz(fuzz::Args),
    /// Mutation-test the client crate's hand-written modules or the server check's oracles (cargo-mutants, installed if missing).
    Mutants(mutants::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<()> {
    let root = workspace_root();
    match command {
        Command::Codegen { check } => codegen::run(&root, check),
        Command::Skeleton { check } => skeleton::run(&root, check),
        Command::Bench(args) => bench::run(&root, &args),
        Command::RecordAwscli { venv, cases } => record::run(&root, venv, &cases),
        Command::Compat(args) => compat::run(&root, &args),
        Command::Schema { check } => schema::run(&root, check),
        Command::Conformance(args) => conformance::run(&root, &args),
        Command::Fuzz(args) => fuzz::run(&root, &args),
        Command::Mutants(args) => mutants::run(&root, &args),
        Command::Peer(args) => peer::run(&args),
        Command::RecordGoldens(args) => record_goldens::run(&root, &args),
        Command::Downstream(args) => downstream::run(&root, &args),
        Command::CheckModel => {
            let spec = contract::Contract::from_spec_file(&root.join(contract::SPEC_PATH))?;
            let upstream = contract::Contract::from_upstream_file(&root.join(contract::UPSTREAM_PATH))?;
            let differences = model_check::compare(&spec, &upstream);
            for d in &differences {
                println!("{d}");
            }
            if differences.is_empty() {
                eprintln!("the spec matches the upstream model");
                Ok(())
            } else {
                anyhow::bail!(
                    "{} difference(s) between {} and {}",
                    differences.len(),
                    contract::SPEC_PATH,
                    contract::UPSTREAM_PATH
                )
            }
        }
    }
}

/// The workspace root, wherever cargo was started from (the test kit's).
pub use cognito_idp_test_kit::cargo_env::workspace_root;
