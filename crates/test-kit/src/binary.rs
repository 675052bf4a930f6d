//! The binary under test: `COGNITO_IDP_BIN` if set (an executable and leading arguments, such as
//! `/venv/bin/aws cognito-idp` for AWS CLI v1 itself), else `cognito-idp` built once from this workspace
//! with the cargo and the profile of the test running.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;

/// The environment variable that names another binary to test (an executable and leading arguments).
pub const BIN_VAR: &str = "COGNITO_IDP_BIN";

/// How to start the binary under test: `program leading_args... <case args>`.
#[derive(Debug, Clone)]
pub struct BinaryUnderTest {
    /// The executable.
    pub program: PathBuf,
    /// Arguments put before every case's own (`cognito-idp` when the program is `aws`).
    pub leading_args: Vec<String>,
}

impl BinaryUnderTest {
    /// Whether this is our `cognito-idp` (rather than the reference, `aws cognito-idp`): our deliberate
    /// differences and our own features apply only to it.
    pub fn is_ours(&self) -> bool {
        self.leading_args.is_empty() && self.program.file_name().is_some_and(|n| n == "cognito-idp")
    }

    /// How a person would type a run of `args`, for reports.
    pub fn command_line(&self, args: &[String]) -> String {
        let mut words = vec![crate::shell::quote(&self.program.display().to_string())];
        words.extend(self.leading_args.iter().chain(args).map(|a| crate::shell::quote(a)));
        words.join(" ")
    }
}

/// The binary under test, found or built on first use and shared by every test of this binary.
pub fn binary_under_test() -> Result<&'static BinaryUnderTest, String> {
    static BINARY: OnceLock<Result<BinaryUnderTest, String>> = OnceLock::new();
    BINARY.get_or_init(find_or_build).as_ref().map_err(Clone::clone)
}

fn find_or_build() -> Result<BinaryUnderTest, String> {
    match std::env::var(BIN_VAR) {
        Ok(spec) if !spec.trim().is_empty() => from_spec(&spec),
        _ => build_from_workspace(),
    }
}

/// `COGNITO_IDP_BIN`'s value split on whitespace; a relative program path is taken from the current folder
/// (every case runs in a folder of its own).
fn from_spec(spec: &str) -> Result<BinaryUnderTest, String> {
    let mut words = spec.split_whitespace().map(str::to_owned);
    let program = words.next().ok_or_else(|| format!("{BIN_VAR} is empty"))?;
    let mut program = PathBuf::from(program);
    if program.components().count() > 1 && program.is_relative() {
        let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
        program = cwd.join(program);
    }
    Ok(BinaryUnderTest { program, leading_args: words.collect() })
}

/// Builds `cognito-idp` with the cargo running these tests, in the profile of this test binary, and takes the
/// executable's path from cargo's JSON messages.
fn build_from_workspace() -> Result<BinaryUnderTest, String> {
    let profile = current_profile()?;
    let mut command = crate::cargo_env::cargo();
    command
        .args(["build", "--locked", "-p", "cognito-idp-cli", "--bin", "cognito-idp", "--message-format=json"])
        .args(["--profile", &profile])
        .stdin(Stdio::null());
    let shown = format!(
        "{} build --locked -p cognito-idp-cli --bin cognito-idp --profile {profile}",
        command.get_program().to_string_lossy()
    );
    let output = command.output().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{shown}` failed ({}):\n{}", output.status, String::from_utf8_lossy(&output.stderr)));
    }
    let program = executable_from_messages(&String::from_utf8_lossy(&output.stdout))
        .ok_or_else(|| format!("`{shown}` reported no executable for the cognito-idp binary"))?;
    Ok(BinaryUnderTest { program, leading_args: Vec::new() })
}

/// The cargo profile this test binary was built with, from where it lives: `target/<dir>/deps/<test>`, where
/// `<dir>` is `debug` for the dev and test profiles, `release` for release and bench, else the profile's name.
fn current_profile() -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this test binary: {e}"))?;
    let dir = exe
        .parent()
        .filter(|deps| deps.file_name().is_some_and(|n| n == "deps"))
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("cannot tell the cargo profile from {}", exe.display()))?;
    Ok(match dir {
        "debug" => "dev".to_owned(),
        other => other.to_owned(),
    })
}

/// The `executable` of the `compiler-artifact` message for the `cognito-idp` binary target.
fn executable_from_messages(stdout: &str) -> Option<PathBuf> {
    stdout
        .lines()
        .rev()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact" && message["target"]["name"] == "cognito-idp")
        .filter(|message| message["target"]["kind"].as_array().is_some_and(|kinds| kinds.iter().any(|k| k == "bin")))
        .filter_map(|message| message["executable"].as_str().map(PathBuf::from))
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_executable_comes_from_the_bin_artifact_message() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"name":"cognito_idp_cli","kind":["lib"]},"executable":null}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"name":"cognito-idp","kind":["bin"]},"executable":"/t/debug/cognito-idp"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
        );
        assert_eq!(executable_from_messages(messages), Some(PathBuf::from("/t/debug/cognito-idp")));
    }

    #[test]
    fn no_bin_artifact_means_no_executable() {
        assert_eq!(executable_from_messages(r#"{"reason":"build-finished","success":true}"#), None);
    }

    #[test]
    fn the_spec_splits_into_program_and_leading_arguments() {
        let binary = from_spec("/venv/bin/aws  cognito-idp").expect("a valid spec");
        assert_eq!(binary.program, PathBuf::from("/venv/bin/aws"));
        assert_eq!(binary.leading_args, ["cognito-idp"]);
    }
}
