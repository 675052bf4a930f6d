//! The sandbox a case runs in, the same as `tests/fixtures/awscli/record.py` builds (change both together):
//! a temporary HOME and working folder, the config file, a cleaned environment, stdin, and a timeout.
//!
//! Every run's stdout and stderr are checked against the registry of secrets the tests use
//! ([`super::secrets`]): a run that prints one fails, whichever test made it.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Component, Path};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::text_to_bytes;
use cognito_idp_test_kit::binary::BinaryUnderTest;

/// How long one run may take before it is killed, unless its spec says otherwise.
pub const TIMEOUT: Duration = Duration::from_secs(90);

/// Everything a run needs, with `{endpoint}` still to be replaced.
#[derive(Debug)]
pub struct RunSpec<'a> {
    /// The arguments after the program (and its leading arguments).
    pub args: &'a [String],
    /// Variables set over the sandbox defaults; `None` removes one.
    pub env: &'a BTreeMap<String, Option<String>>,
    /// Files created in the working folder (a name ending in `/` is an empty folder).
    pub files: &'a BTreeMap<String, String>,
    /// The text of the file `AWS_CONFIG_FILE` names, if any.
    pub config: Option<&'a str>,
    /// What the program reads on stdin (`None`: nothing, as from /dev/null).
    pub stdin: Option<&'a str>,
    /// What `{endpoint}` stands for.
    pub endpoint: &'a str,
    /// How long the run may take before it is killed (and reported as an error).
    pub timeout: Duration,
}

/// What a run produced.
#[derive(Debug)]
pub struct RunOutput {
    /// How the process ended.
    pub status: ExitStatus,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: Vec<u8>,
    /// How long it ran.
    pub elapsed: Duration,
}

/// Runs `binary` with `spec` in a fresh sandbox and waits for it (at most `spec.timeout`). An error when the
/// run could not be made, timed out, or printed a registered secret.
pub fn run(binary: &BinaryUnderTest, spec: &RunSpec<'_>) -> Result<RunOutput, String> {
    let tmp = cognito_idp_test_kit::sandbox::Sandbox::new("cognito-idp-e2e")?;
    let (home, work) = (tmp.home(), tmp.work());
    let aws_dir = home.join(".aws");
    for dir in [&aws_dir, &work] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let with_endpoint = |text: &str| text.replace("{endpoint}", spec.endpoint);
    if let Some(config) = spec.config {
        write(&aws_dir.join("config"), with_endpoint(config).as_bytes())?;
    }
    for (name, content) in spec.files {
        let path = work.join(checked_relative(name)?);
        if name.ends_with('/') {
            std::fs::create_dir_all(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let bytes = if content.starts_with(super::BASE64_PREFIX) {
            text_to_bytes(content)?
        } else {
            with_endpoint(content).into_bytes()
        };
        write(&path, &bytes)?;
    }

    let mut command = Command::new(&binary.program);
    command.args(&binary.leading_args).args(spec.args.iter().map(|a| with_endpoint(a))).current_dir(&work);
    command.env_clear().envs(environment(&home, spec.env, spec.endpoint));
    command.stdin(if spec.stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());

    let started = Instant::now();
    let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", binary.program.display()))?;
    let stdin_writer = match (child.stdin.take(), spec.stdin) {
        (Some(mut pipe), Some(text)) => {
            let bytes = text_to_bytes(text)?;
            // A program that exits without reading its stdin is not an error of the harness.
            Some(std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            }))
        }
        _ => None,
    };
    let stdout_reader = child.stdout.take().map(spawn_reader);
    let stderr_reader = child.stderr.take().map(spawn_reader);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > spec.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {:.1}s and was killed", spec.timeout.as_secs_f64()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("cannot wait for the process: {e}")),
        }
    };
    let elapsed = started.elapsed();
    if let Some(writer) = stdin_writer {
        let _ = writer.join();
    }
    let join = |reader: Option<std::thread::JoinHandle<Vec<u8>>>| {
        reader.map(|r| r.join().unwrap_or_default()).unwrap_or_default()
    };
    let (stdout, stderr) = (join(stdout_reader), join(stderr_reader));
    drop(tmp);
    super::secrets::check_outputs(&stdout, &stderr)?;
    Ok(RunOutput { status, stdout, stderr, elapsed })
}

/// The environment of a run: the parent's without any `AWS_*`, `LC_*`, `PYTHON*` or proxy variable, then the
/// fixed sandbox values, then the case's own (with `{endpoint}` replaced; `None` removes a variable).
pub fn environment(
    home: &Path,
    overrides: &BTreeMap<String, Option<String>>,
    endpoint: &str,
) -> BTreeMap<OsString, OsString> {
    let dropped = |name: &str| {
        ["AWS_", "LC_", "PYTHON"].iter().any(|prefix| name.starts_with(prefix))
            || ["http_proxy", "https_proxy", "all_proxy", "no_proxy"].contains(&name.to_ascii_lowercase().as_str())
    };
    let mut env: BTreeMap<OsString, OsString> =
        std::env::vars_os().filter(|(name, _)| !name.to_str().is_some_and(dropped)).collect();
    let aws_dir = home.join(".aws");
    let fixed = [
        ("HOME", home.as_os_str().to_owned()),
        ("AWS_CONFIG_FILE", aws_dir.join("config").into_os_string()),
        ("AWS_SHARED_CREDENTIALS_FILE", aws_dir.join("credentials").into_os_string()),
        ("AWS_DEFAULT_REGION", "us-east-1".into()),
        ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ("COLUMNS", "80".into()),
        ("LANG", "C.UTF-8".into()),
    ];
    for (name, value) in fixed {
        env.insert(name.into(), value);
    }
    for (name, value) in overrides {
        match value {
            Some(value) => env.insert(name.into(), value.replace("{endpoint}", endpoint).into()),
            None => env.remove(&OsString::from(name)),
        };
    }
    env
}

fn checked_relative(name: &str) -> Result<&Path, String> {
    let path = Path::new(name);
    if path.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir)) {
        Ok(path)
    } else {
        Err(format!("case file {name:?} must be a relative path inside the working folder"))
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn spawn_reader(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = pipe.read_to_end(&mut out);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_drops_the_parents_aws_variables_and_applies_the_case() {
        let overrides = BTreeMap::from([
            ("AWS_DEFAULT_REGION".to_owned(), None),
            ("AWS_ENDPOINT_URL".to_owned(), Some("{endpoint}/x".to_owned())),
        ]);
        let env = environment(Path::new("/h"), &overrides, "http://127.0.0.1:9");
        let get = |name: &str| env.get(&OsString::from(name)).and_then(|v| v.to_str());
        assert_eq!(get("HOME"), Some("/h"));
        assert_eq!(get("AWS_CONFIG_FILE"), Some("/h/.aws/config"));
        assert_eq!(get("AWS_DEFAULT_REGION"), None);
        assert_eq!(get("AWS_ENDPOINT_URL"), Some("http://127.0.0.1:9/x"));
        assert_eq!(get("LANG"), Some("C.UTF-8"));
        let aws: Vec<_> = env.keys().filter_map(|k| k.to_str()).filter(|k| k.starts_with("AWS_")).collect();
        assert_eq!(
            aws,
            ["AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_ENDPOINT_URL", "AWS_SHARED_CREDENTIALS_FILE"]
        );
    }

    #[test]
    fn case_files_cannot_leave_the_working_folder() {
        assert!(checked_relative("conf/meta.json").is_ok());
        assert!(checked_relative("../escape").is_err());
        assert!(checked_relative("/etc/passwd").is_err());
    }
}
