//! `cargo xtask compat`: every difference between two versions of the contract, classified as breaking,
//! warning or compatible from the side of the party that meets it.
//!
//! Both versions are read into a [`Contract`] (from the spec at a git revision, a spec file, or an AWS
//! model) and walked side by side from the operation's input, output and errors, member by member, so
//! that each difference is named by the member path it affects
//! (`ResendConfirmationCodeRequest.UserContextData.IpAddress`). Shapes are compared by structure, not by
//! name: a shape shared by several members is judged once per member path, on the request side or the
//! response side that path belongs to. The rules, and why each one has its class, are in
//! `docs/compat-rules.md`; [`RULES`] is the same list in code.
//!
//! Hazards that depend on this repository's generated client (closed enums, string types that check
//! their constraints when they decode, the catch-all error variant) are read from its generated source,
//! so that the report says what a user of that client would actually see.

mod client;
mod render;
mod rules;
mod source;
#[cfg(test)]
mod tests;
mod walk;
mod widening;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use quote::ToTokens;
use serde_json::{Value, json};

use crate::codegen::CLIENT_SRC;
use crate::contract::{Contract, Member, SPEC_PATH, Shape, ShapeKind, UPSTREAM_OPERATION};

use client::*;
use render::*;
use rules::*;
use source::*;
use walk::*;
use widening::*;

/// The options of `cargo xtask compat`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old contract: a git revision (its spec/cognito-idp.openapi.yaml) or a file (an OpenAPI spec or an
    /// AWS model). An argument that names an existing file is that file; anything else is a revision;
    /// `git:NAME` forces a revision. [default: HEAD, or the working tree's spec with --upstream]
    #[arg(long, value_name = "REV|FILE")]
    pub base: Option<String>,
    /// The new contract, read like --base. [default: the working tree's spec]
    #[arg(long, value_name = "FILE|REV", conflicts_with = "upstream")]
    pub head: Option<String>,
    /// Compare the spec with AWS's model at PATH (a service-2.json or an excerpt), the model being the new
    /// side: what adopting that model would change.
    #[arg(long, value_name = "PATH")]
    pub upstream: Option<PathBuf>,
    /// Print the report as JSON (described in docs/compat-rules.md).
    #[arg(long)]
    pub json: bool,
    /// Exit non-zero when a difference of this class or a worse one exists.
    #[arg(long, value_enum, value_name = "CLASS", default_value_t = FailOn::Breaking)]
    pub fail_on: FailOn,
    /// Print the classification rules (identifier, class, meaning) and exit.
    #[arg(long, exclusive = true)]
    pub list_rules: bool,
}

/// Reads both sides named by `args` and classifies their differences.
pub fn report(root: &Path, args: &Args) -> Result<Report> {
    let (base, head) = match &args.upstream {
        Some(model) => (args.base.as_deref().map_or(Source::WorkingTree, Source::parse), Source::File(model.clone())),
        None => (
            Source::parse(args.base.as_deref().unwrap_or("HEAD")),
            args.head.as_deref().map_or(Source::WorkingTree, Source::parse),
        ),
    };
    let mut base = load(root, &base)?;
    let mut head = load(root, &head)?;
    if args.upstream.is_some() && !head.aws_model {
        bail!("--upstream {} is not an AWS model (it has no `metadata` and `operations`)", head.label);
    }
    if base.aws_model != head.aws_model {
        // AWS models carry no examples; comparing them with the spec's would only report their absence.
        base.contract.examples.clear();
        head.contract.examples.clear();
    }
    let client = ClientFacts::read(root)?;
    Ok(Report { base: base.label, head: head.label, changes: compare(&base.contract, &head.contract, &client) })
}

/// `cargo xtask compat`: prints the report; fails when a difference at or above `--fail-on` exists.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    if args.list_rules {
        let rules: String =
            RULES.iter().map(|r| format!("{:<32} {:<10} {}\n", r.id, r.class.as_str(), r.summary)).collect();
        return write_stdout(&rules);
    }
    let report = report(root, args)?;
    if args.json {
        write_stdout(&format!("{:#}\n", report.to_json(args.fail_on)))?;
    } else {
        write_stdout(&report.to_text(args.fail_on))?;
    }
    if report.fails(args.fail_on) {
        bail!(
            "{} difference(s) at or above {} between {} and {}",
            report.changes.iter().filter(|c| c.class() >= args.fail_on.threshold()).count(),
            args.fail_on.threshold().as_str(),
            report.base,
            report.head
        );
    }
    Ok(())
}

/// Writes to stdout, returning an error where `print!` would panic (a closed pipe).
fn write_stdout(text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("writing the report to stdout")
}
