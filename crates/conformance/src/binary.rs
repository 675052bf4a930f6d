//! The CLI binary under test (`cognito-idp`, or another program named by `COGNITO_IDP_BIN`), found or
//! built once per run, and run in a sandbox: its own `HOME`, no AWS config or credentials files, a
//! region, one attempt, and nothing else from this process's environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The longest single argument Linux passes to a program (`MAX_ARG_STRLEN`, 131,072 bytes with the
/// terminating NUL); a longer one fails `execve` with `E2BIG`.
pub const MAX_ARGUMENT_BYTES: usize = 131_071;

/// How to start the binary under test (the test kit's, shared with the e2e tests).
pub use cognito_idp_test_kit::binary::BinaryUnderTest as CliBinary;

/// What a run of the binary gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CliOutput {
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    /// Standard output, decoded lossily.
    pub stdout: String,
    /// Standard error, decoded lossily.
    pub stderr: String,
}

/// The binary under test (`COGNITO_IDP_BIN`, else `cognito-idp` built once), shared by every check.
pub fn binary() -> Result<&'static CliBinary, String> {
    cognito_idp_test_kit::binary::binary_under_test()
}

/// The runs of a check happen in a [`cognito_idp_test_kit::sandbox::Sandbox`]: its own `HOME`, where the AWS
/// config and credentials files do not exist, and a working folder where `file://` arguments are written.
#[derive(Debug)]
pub struct Sandbox {
    folder: cognito_idp_test_kit::sandbox::Sandbox,
}

impl Sandbox {
    /// A new, empty sandbox under the system's temporary folder.
    pub fn new() -> Result<Self, String> {
        Ok(Self { folder: cognito_idp_test_kit::sandbox::Sandbox::new("cognito-idp-conformance")? })
    }

    /// The sandbox's folder.
    pub fn path(&self) -> &Path {
        self.folder.path()
    }

    /// Writes `content` to a new file of the sandbox and returns its path.
    pub fn write_file(&self, content: &[u8]) -> Result<PathBuf, String> {
        self.folder.write_file(content)
    }

    /// A command that runs `binary` with `args` against `endpoint` in this sandbox: the environment
    /// holds only `PATH`, `HOME`, `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` (both missing),
    /// `AWS_DEFAULT_REGION=us-east-1`, `AWS_MAX_ATTEMPTS=1` and `env`.
    pub fn command(&self, binary: &CliBinary, endpoint: &str, args: &[String], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(&binary.program);
        command
            .args(&binary.leading_args)
            .arg("resend-confirmation-code")
            .arg(format!("--endpoint-url={endpoint}"))
            .args(args)
            .current_dir(self.folder.work())
            .env_clear()
            .env("HOME", self.folder.home())
            .env("AWS_CONFIG_FILE", self.folder.home().join("no-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.folder.home().join("no-credentials"))
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .env("AWS_MAX_ATTEMPTS", "1")
            .envs(env.iter().copied())
            .stdin(Stdio::null());
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command
    }
}

/// Runs `command` to its end.
pub fn run(mut command: Command) -> Result<CliOutput, String> {
    let shown = format!("{command:?}");
    let output = command.output().map_err(|e| format!("cannot run {}: {e}", crate::failure::short(&shown)))?;
    Ok(CliOutput {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// Runs `command` to its end on `runtime`'s blocking pool, so that servers on that runtime (a
/// current-thread one) keep answering while it runs.
pub fn run_on(runtime: &tokio::runtime::Runtime, command: Command) -> Result<CliOutput, String> {
    runtime
        .block_on(async move { tokio::task::spawn_blocking(move || run(command)).await })
        .unwrap_or_else(|e| Err(format!("the run of the CLI stopped: {e}")))
}

/// How a person would type `args`, for reports: each word bare when it is only safe characters, else
/// in single quotes; long words shortened.
pub fn command_line(args: &[String]) -> String {
    let words: Vec<String> =
        args.iter().map(|word| cognito_idp_test_kit::shell::quote(&crate::failure::short(word))).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sandboxed_run_sees_only_the_sandbox_environment() {
        let sandbox = Sandbox::new().expect("sandbox");
        let shell =
            CliBinary { program: PathBuf::from("/bin/sh"), leading_args: vec!["-c".to_owned(), "env".to_owned()] };
        let output = run(sandbox.command(&shell, "http://127.0.0.1:1", &[], &[("EXTRA", "1")])).expect("runs");
        let mut names: Vec<&str> = output.stdout.lines().filter_map(|l| l.split_once('=').map(|(n, _)| n)).collect();
        names.retain(|n| !matches!(*n, "PATH" | "PWD" | "SHLVL" | "_"));
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "AWS_CONFIG_FILE",
                "AWS_DEFAULT_REGION",
                "AWS_MAX_ATTEMPTS",
                "AWS_SHARED_CREDENTIALS_FILE",
                "EXTRA",
                "HOME"
            ]
        );
        let dir = sandbox.path().to_path_buf();
        drop(sandbox);
        assert!(!dir.exists());
    }

    #[test]
    fn command_lines_quote_what_a_shell_would_split() {
        let args = ["--username".to_owned(), "a b".to_owned(), "it's".to_owned(), String::new()];
        assert_eq!(command_line(&args), r"--username 'a b' 'it'\''s' ''");
    }
}
