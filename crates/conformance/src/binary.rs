//! The CLI binary under test (`cognito-idp`, or another program named by `COGNITO_IDP_BIN`), found or
//! built once per run, and run in a sandbox: its own `HOME`, no AWS config or credentials files, a
//! region, one attempt, and nothing else from this process's environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable that names another binary to test: an executable and leading arguments,
/// split on whitespace (`/venv/bin/aws cognito-idp` runs AWS CLI v1 itself).
pub const BIN_VAR: &str = "COGNITO_IDP_BIN";

/// The longest single argument Linux passes to a program (`MAX_ARG_STRLEN`, 131,072 bytes with the
/// terminating NUL); a longer one fails `execve` with `E2BIG`.
pub const MAX_ARGUMENT_BYTES: usize = 131_071;

/// How to start the binary under test: `program leading_args... args...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CliBinary {
    /// The executable.
    pub program: PathBuf,
    /// Arguments put before every run's own (`cognito-idp` when the program is `aws`).
    pub leading_args: Vec<String>,
}

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

/// The binary under test, found or built on first use and shared by every check of the run.
pub fn binary() -> Result<&'static CliBinary, String> {
    static BINARY: OnceLock<Result<CliBinary, String>> = OnceLock::new();
    BINARY.get_or_init(find_or_build).as_ref().map_err(Clone::clone)
}

fn find_or_build() -> Result<CliBinary, String> {
    match std::env::var(BIN_VAR) {
        Ok(spec) if !spec.trim().is_empty() => Ok(from_spec(&spec)),
        _ => build(),
    }
}

/// `COGNITO_IDP_BIN`'s value: the program, then leading arguments.
fn from_spec(spec: &str) -> CliBinary {
    let mut words = spec.split_whitespace().map(str::to_owned);
    let program = PathBuf::from(words.next().unwrap_or_default());
    CliBinary { program, leading_args: words.collect() }
}

/// Builds `cognito-idp` with the cargo running this harness, in the harness's own profile, and takes
/// the executable's path from cargo's JSON messages.
fn build() -> Result<CliBinary, String> {
    let cargo = std::env::var_os("CARGO").map_or_else(|| PathBuf::from("cargo"), PathBuf::from);
    let profile = current_profile()?;
    let args = ["build", "--locked", "-p", "cognito-idp-cli", "--bin", "cognito-idp", "--message-format=json"];
    let mut command = Command::new(&cargo);
    command.current_dir(crate::workspace_root()).args(args).args(["--profile", &profile]);
    // cargo gave this process the variables of the conformance package; build scripts that watch them
    // (ring's does) would rebuild on every switch between this build and a plain `cargo build`.
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(is_package_variable) {
            command.env_remove(&name);
        }
    }
    let shown = format!("cargo {} --profile {profile}", args.join(" "));
    let output = command.stdin(Stdio::null()).output().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{shown}` failed ({}):\n{}", output.status, String::from_utf8_lossy(&output.stderr)));
    }
    let program = executable_from_messages(&String::from_utf8_lossy(&output.stdout))
        .ok_or_else(|| format!("`{shown}` reported no executable for the cognito-idp binary"))?;
    Ok(CliBinary { program, leading_args: Vec::new() })
}

/// Whether cargo sets `name` for the package being built or run, rather than for the whole invocation.
fn is_package_variable(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_MANIFEST_")
        || name.starts_with("CARGO_BIN_")
        || matches!(name, "CARGO_CRATE_NAME" | "CARGO_PRIMARY_PACKAGE" | "OUT_DIR")
}

/// The cargo profile of this harness, from where its executable lives: `target/<dir>/deps/<name>`,
/// where `<dir>` is `debug` for the dev and test profiles, else the profile's name.
fn current_profile() -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this harness's executable: {e}"))?;
    let dir = exe
        .parent()
        .filter(|deps| deps.file_name().is_some_and(|n| n == "deps"))
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("cannot tell the cargo profile from {}", exe.display()))?;
    Ok(if dir == "debug" { "dev".to_owned() } else { dir.to_owned() })
}

/// The `executable` of the `compiler-artifact` message of the `cognito-idp` binary target.
fn executable_from_messages(stdout: &str) -> Option<PathBuf> {
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "cognito-idp")
        .filter(|m| m["target"]["kind"].as_array().is_some_and(|kinds| kinds.iter().any(|k| k == "bin")))
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
}

/// A folder of its own for the runs of a check: their `HOME` and working folder, where the AWS config
/// and credentials files do not exist and `file://` arguments are written. Removed when dropped.
#[derive(Debug)]
pub struct Sandbox {
    dir: PathBuf,
    files: AtomicUsize,
}

impl Sandbox {
    /// A new, empty sandbox under the system's temporary folder.
    pub fn new() -> Result<Self, String> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("cognito-idp-conformance-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::Relaxed));
        let dir = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create the sandbox {}: {e}", dir.display()))?;
        Ok(Self { dir, files: AtomicUsize::new(0) })
    }

    /// The sandbox's folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `content` to a new file of the sandbox and returns its path.
    pub fn write_file(&self, content: &[u8]) -> Result<PathBuf, String> {
        let path = self.dir.join(format!("value-{}", self.files.fetch_add(1, Ordering::Relaxed)));
        std::fs::write(&path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
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
            .current_dir(&self.dir)
            .env_clear()
            .env("HOME", &self.dir)
            .env("AWS_CONFIG_FILE", self.dir.join("no-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.dir.join("no-credentials"))
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

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
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
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c);
    let words: Vec<String> = args
        .iter()
        .map(|word| {
            if !word.is_empty() && word.chars().all(safe) {
                crate::failure::short(word)
            } else {
                format!("'{}'", crate::failure::short(&word.replace('\'', r"'\''")))
            }
        })
        .collect();
    words.join(" ")
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
        assert_eq!(executable_from_messages(r#"{"reason":"build-finished","success":true}"#), None);
    }

    #[test]
    fn the_spec_splits_into_program_and_leading_arguments() {
        let binary = from_spec(" /venv/bin/aws  cognito-idp ");
        assert_eq!(binary.program, PathBuf::from("/venv/bin/aws"));
        assert_eq!(binary.leading_args, ["cognito-idp"]);
    }

    #[test]
    fn only_the_package_variables_are_dropped() {
        assert!(is_package_variable("CARGO_PKG_NAME") && is_package_variable("OUT_DIR"));
        assert!(!is_package_variable("CARGO") && !is_package_variable("CARGO_TARGET_DIR"));
    }

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
