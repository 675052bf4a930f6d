//! Runs of the binary under test for the area tests: a builder for the command line, environment, files and
//! config, run in the sandbox, and the outcome with everything a failure report needs.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use super::sandbox::{self, RunSpec};
use cognito_idp_test_kit::binary::{BinaryUnderTest, binary_under_test};
use cognito_idp_test_kit::shell::describe_env;

/// The ClientId of ordinary runs (not a secret: see [`super::secrets`] for the ones that are).
pub const CLIENT_ID: &str = "1example23456789";
/// The Username of ordinary runs.
pub const USERNAME: &str = "jane";
/// The variable our CLI reads to scale its retry delays, and the scale runs of our binary get by default: the
/// backoff still happens, a hundred times shorter. The reference never gets it.
pub const DELAY_SCALE: (&str, &str) = ("COGNITO_IDP_RETRY_DELAY_SCALE", "0.01");
/// A successful response body.
pub const SUCCESS_BODY: &str =
    r#"{"CodeDeliveryDetails":{"Destination":"j***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;
/// What our CLI and the reference print for [`SUCCESS_BODY`] with the default output.
pub const SUCCESS_STDOUT: &str = "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"j***@e***\",\n        \
\"DeliveryMedium\": \"EMAIL\",\n        \"AttributeName\": \"email\"\n    }\n}\n";

/// A change to a run, for tables of cases.
pub type Configure = fn(Cli) -> Cli;

/// The binary under test; panics with the reason when there is none.
pub fn binary() -> &'static BinaryUnderTest {
    binary_under_test().unwrap_or_else(|e| panic!("no binary to test: {e}"))
}

/// Whether the binary under test is our `cognito-idp`.
pub fn ours() -> bool {
    binary().is_ours()
}

/// A run to make: arguments, environment over the sandbox's, files in the working folder, the config file.
#[derive(Debug, Clone)]
pub struct Cli {
    args: Vec<String>,
    env: BTreeMap<String, Option<String>>,
    files: BTreeMap<String, String>,
    config: Option<String>,
    timeout: Duration,
}

impl Cli {
    /// A run of `args` (what follows the program name).
    pub fn new<S: AsRef<str>>(args: impl IntoIterator<Item = S>) -> Self {
        let mut env = BTreeMap::new();
        if ours() {
            env.insert(DELAY_SCALE.0.to_owned(), Some(DELAY_SCALE.1.to_owned()));
        }
        Self {
            args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
            env,
            files: BTreeMap::new(),
            config: None,
            timeout: Duration::from_secs(60),
        }
    }

    /// `resend-confirmation-code --client-id 1example23456789 --username jane --endpoint-url <endpoint>`.
    pub fn operation(endpoint: &str) -> Self {
        Self::new([
            "resend-confirmation-code",
            "--client-id",
            CLIENT_ID,
            "--username",
            USERNAME,
            "--endpoint-url",
            endpoint,
        ])
    }

    /// One more argument.
    pub fn arg(mut self, arg: impl AsRef<str>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// More arguments.
    pub fn args<S: AsRef<str>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Sets a variable over the sandbox's environment.
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.insert(name.to_owned(), Some(value.to_owned()));
        self
    }

    /// A file in the working folder (relative paths name it in arguments).
    pub fn file(mut self, name: &str, content: &str) -> Self {
        self.files.insert(name.to_owned(), content.to_owned());
        self
    }

    /// The text of the config file (`AWS_CONFIG_FILE`).
    pub fn config(mut self, text: &str) -> Self {
        self.config = Some(text.to_owned());
        self
    }

    /// How long the run may take before it is killed (default 60 s): a hang is reported, never waited out.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The run as a person would type it, for reports, with registered secrets written `***`.
    pub fn command_line(&self) -> String {
        let files: Vec<&str> = self.files.keys().map(String::as_str).collect();
        let mut line = format!("{} {}", describe_env(&self.env), binary().command_line(&self.args));
        if !files.is_empty() {
            line.push_str(&format!("  [files: {}]", files.join(", ")));
        }
        if let Some(config) = &self.config {
            line.push_str(&format!("  [config: {config:?}]"));
        }
        // Reports never show a registered secret either.
        super::secrets::registry()
            .iter()
            .fold(line.trim_start().to_owned(), |line, secret| line.replace(&secret.value, "***"))
    }

    /// Runs it in a fresh sandbox; panics when the run cannot be made, times out or prints a secret.
    pub fn run(&self) -> Outcome {
        let spec = RunSpec {
            args: &self.args,
            env: &self.env,
            files: &self.files,
            config: self.config.as_deref(),
            stdin: None,
            endpoint: "",
            timeout: self.timeout,
        };
        let command = self.command_line();
        let output = sandbox::run(binary(), &spec).unwrap_or_else(|e| panic!("{command}\n  could not run: {e}"));
        Outcome {
            code: output.status.code(),
            signal: output.status.code().is_none().then(|| output.status.to_string()),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            elapsed: output.elapsed,
            command,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The exit code (`None` when a signal ended it).
    pub code: Option<i32>,
    /// How the process ended when it had no exit code.
    pub signal: Option<String>,
    /// Its stdout, decoded lossily.
    pub stdout: String,
    /// Its stderr, decoded lossily.
    pub stderr: String,
    /// How long it ran.
    pub elapsed: Duration,
    /// The command line, for reports.
    pub command: String,
}

impl Outcome {
    /// Asserts the exit code, stdout and stderr at once, reporting the whole run on a mismatch.
    #[track_caller]
    pub fn assert(&self, code: i32, stdout: &str, stderr: &str) {
        assert!(
            self.code == Some(code) && self.stdout == stdout && self.stderr == stderr,
            "expected exit {code}, stdout {stdout:?}, stderr {stderr:?}\n{self}"
        );
    }

    /// Asserts the exit code, stdout, and that stderr is the reference's `\n<message>\n`.
    #[track_caller]
    pub fn assert_failure(&self, message: &str) {
        self.assert(255, "", &format!("\n{message}\n"));
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.map_or_else(|| self.signal.clone().unwrap_or_default(), |c| c.to_string());
        writeln!(f, "  run: {}", self.command)?;
        writeln!(f, "  exit: {code} after {:.2}s", self.elapsed.as_secs_f64())?;
        writeln!(f, "  stdout: {:?}", self.stdout)?;
        write!(f, "  stderr: {:?}", self.stderr)
    }
}
