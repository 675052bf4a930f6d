//! `cargo xtask skeleton`: regenerate the CLI's snapshot tests (the input and output skeletons and both
//! manuals, all derived from the contract) and show what changed, for review before committing.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The snapshot test targets of the CLI crate.
const TARGETS: [&str; 2] = ["skeleton_snapshots", "help_snapshots"];
/// Where their snapshots live, relative to the workspace root.
pub const SNAPSHOTS: &str = "crates/cli/tests/snapshots";

/// Runs the snapshot tests; without `check` they rewrite the snapshots and the diff is shown, with
/// `check` nothing is written and a difference fails.
pub fn run(root: &Path, check: bool) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.current_dir(root).args(["test", "--locked", "--quiet", "-p", "cognito-idp-cli"]);
    for target in TARGETS {
        command.args(["--test", target]);
    }
    command.env("INSTA_UPDATE", if check { "no" } else { "always" });
    if !check {
        command.env("INSTA_FORCE_PASS", "1");
    }
    let status = command.status().context("running the snapshot tests")?;
    if !status.success() {
        if check {
            bail!("the CLI snapshots differ from {SNAPSHOTS}: run `cargo xtask skeleton`, review the diff and commit");
        }
        bail!("the snapshot tests failed to run");
    }
    if check {
        eprintln!("the CLI snapshots are up to date");
        return Ok(());
    }
    let diff = Command::new("git")
        .current_dir(root)
        .args(["--no-pager", "diff", "--stat", "--patch", "--", SNAPSHOTS])
        .output()
        .context("running git diff")?;
    let text = String::from_utf8_lossy(&diff.stdout);
    if text.trim().is_empty() {
        eprintln!("the CLI snapshots are unchanged");
    } else {
        println!("{text}");
        eprintln!("review the changes above, then commit {SNAPSHOTS}");
    }
    Ok(())
}
