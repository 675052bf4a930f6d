//! What the tool's tests share: servers on 127.0.0.1 (the reference, a planted defect, one that never
//! answers, one that stalls after the preflight, an address where nothing listens), the built binary run as
//! a user runs it with a bound on its time, runs whose reports every report test reads ([`Fixture`]), and
//! the outside programs those tests need (node with `tests/node/`, Chromium, xmllint, cmark-gfm): required
//! when `CI=true`, skipped elsewhere with a loud message.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use cognito_idp_server_check::reference::http::{self, Response};
use cognito_idp_server_check::reference::{self, Account, Behaviour, Cognito, defects};
use cognito_idp_server_check::results::Report;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_cognito-idp-conformance");

/// The report formats, by the option that writes each and the file name the fixtures give it.
pub const REPORTS: [(&str, &str); 5] = [
    ("--json", "report.json"),
    ("--junit", "report.xml"),
    ("--har", "report.har"),
    ("--markdown", "report.md"),
    ("--html", "report.html"),
];

/// The crate's folder.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder of its own under the tests' scratch space (`target/tmp`), emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tool").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a scratch folder");
    dir
}

/// A server to check, with the app client and users it knows and a folder for the secret file and the
/// reports.
pub struct Served {
    /// The server (stops when dropped).
    pub server: http::Server,
    /// Its app client and users.
    pub account: Account,
    /// The folder.
    pub dir: PathBuf,
}

impl Served {
    /// Serves `behaviour` for the reference's account (with a secret); `name` names its folder.
    pub fn new(name: &str, behaviour: Arc<dyn Behaviour>) -> Self {
        let account = defects::account(true);
        let server = reference::serve(account.clone(), behaviour, defects::FRAMING).expect("the reference serves");
        Self::around(name, server, account)
    }

    /// Wraps a running server.
    pub fn around(name: &str, server: http::Server, account: Account) -> Self {
        let dir = scratch(name);
        if let Some(secret) = &account.secret {
            std::fs::write(dir.join("client-secret"), secret).expect("writes the secret file");
        }
        Self { server, account, dir }
    }

    /// The reference implementation.
    pub fn reference(name: &str) -> Self {
        Self::new(name, Arc::new(Cognito))
    }

    /// The planted defect `defect`.
    pub fn defect(name: &str, defect: &str) -> Self {
        let found = defects::all().into_iter().find(|d| d.name == defect).unwrap_or_else(|| panic!("no {defect}"));
        Self::new(name, found.behaviour)
    }

    /// The arguments that point the check at this server.
    pub fn args(&self) -> Vec<String> {
        target_args(&self.server.uri(), &self.account, self.secret_file().as_deref())
    }

    /// The secret file, when the app client has a secret.
    pub fn secret_file(&self) -> Option<PathBuf> {
        self.account.secret.as_ref().map(|_| self.dir.join("client-secret"))
    }

    /// A path in its folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// The arguments for `endpoint` and `account`.
pub fn target_args(endpoint: &str, account: &Account, secret_file: Option<&Path>) -> Vec<String> {
    let mut args = strings(&[
        "--endpoint-url",
        endpoint,
        "--client-id",
        &account.client_id,
        "--username",
        &account.username,
        "--confirmed-username",
        &account.confirmed_username,
    ]);
    if let Some(path) = secret_file {
        args.extend(["--client-secret-file".to_owned(), path.display().to_string()]);
    }
    args
}

/// `&str`s as `String`s.
pub fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

fn stall() -> Response {
    Response { stall: true, ..Response::new(200, Vec::new(), "") }
}

/// A server that reads each request and never answers.
pub fn silent(name: &str) -> Served {
    let handler: http::Handler = Arc::new(|_: &http::Request| stall());
    Served::around(name, http::Server::start(defects::FRAMING, handler).expect("serves"), defects::account(true))
}

/// A server that answers the first request (the preflight) as the reference does, then never again.
pub fn stalls_after_preflight(name: &str) -> Served {
    let account = defects::account(true);
    let state = Arc::new(reference::cognito::State::default());
    let seen = Arc::new(AtomicUsize::new(0));
    let served = account.clone();
    let handler: http::Handler = Arc::new(move |request: &http::Request| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            reference::cognito::respond(&Cognito, &served, &state, request)
        } else {
            stall()
        }
    });
    Served::around(name, http::Server::start(defects::FRAMING, handler).expect("serves"), account)
}

/// `http://127.0.0.1:PORT` where nothing listens (a port just freed).
pub fn dead_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("an address").port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

/// `http://127.0.0.1:PORT` of a plain HTTP server that answers whatever it receives, a TLS handshake too, with
/// `400 Bad Request` (as hyper-based servers such as cognitox do); it serves until the test process ends.
pub fn answers_400_to_anything() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("an address").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buffer = [0u8; 4096];
            let _ = stream.read(&mut buffer);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// A finished run of a program.
#[derive(Debug)]
pub struct Run {
    /// Its exit code.
    pub code: Option<i32>,
    /// What it printed.
    pub stdout: String,
    /// What it printed to standard error.
    pub stderr: String,
    /// How long it took (reported, never asserted).
    pub took: Duration,
}

impl Run {
    /// Everything it printed, standard output first.
    pub fn printed(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `program` with `args` and `envs` (no colour, no terminal), killing it and failing the test when it
/// is not done within `bound`.
pub fn run_bounded(program: &Path, args: &[String], envs: &[(&str, &str)], bound: Duration) -> Run {
    let mut command = Command::new(program);
    command.args(args).env("NO_COLOR", "1");
    for (name, value) in envs {
        command.env(name, value);
    }
    run_command(command, bound)
}

/// Runs `command` without standard input, killing it and failing the test when it is not done within
/// `bound`.
pub fn run_command(mut command: Command, bound: Duration) -> Run {
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let shown = format!("{command:?}");
    let started = Instant::now();
    let mut child = command.spawn().unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
    // Read both pipes on threads, so that a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || read_all(&mut stdout));
    let err = std::thread::spawn(move || read_all(&mut stderr));
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if started.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{shown} was not done within {bound:?}; it printed:\n{}\n{}",
                out.join().unwrap_or_default(),
                err.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = started.elapsed();
    Run { code: status.code(), stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default(), took }
}

fn read_all(pipe: &mut impl std::io::Read) -> String {
    let mut bytes = Vec::new();
    let _ = pipe.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Runs the binary with `args`, within a minute.
pub fn conformance(args: &[String]) -> Run {
    run_bounded(Path::new(BIN), args, &[], Duration::from_secs(60))
}

/// Reads a `--json` report.
pub fn read_report(path: &Path) -> Report {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not a report: {e}", path.display()))
}

/// A run of the binary with every report written, kept for the whole test process (the server stops after
/// the run).
pub struct Fixture {
    /// Its name, which names its folder.
    pub name: &'static str,
    /// The folder of its reports.
    pub dir: PathBuf,
    /// The run.
    pub run: Run,
    /// The `--json` report.
    pub report: Report,
}

impl Fixture {
    fn new(name: &'static str, served: Option<Served>, mut args: Vec<String>, expected_code: i32) -> Self {
        let dir = served.as_ref().map_or_else(|| scratch(name), |s| s.dir.clone());
        for (option, file) in REPORTS {
            args.extend([option.to_owned(), dir.join(file).display().to_string()]);
        }
        let run = conformance(&args);
        eprintln!("fixture {name}: the run took {:?}", run.took);
        assert_eq!(run.code, Some(expected_code), "{name}: exit code; it printed:\n{}", run.printed());
        let report = read_report(&dir.join("report.json"));
        drop(served);
        Self { name, dir, run, report }
    }

    /// The path of the report `file` (from [`REPORTS`]).
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }
}

/// A run with many failures whose answers are HTML pages (`errors-as-html`): evidence with markup in it.
pub fn with_failures() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let served = Served::defect("errors-as-html", "errors-as-html");
        let args = served.args();
        Fixture::new("errors-as-html", Some(served), args, 1)
    })
}

/// A run with accepted, skipped and not applicable expectations and a stale baseline entry:
/// `auth.wrong-secret-hash` broken (`compares-a-hash-prefix`) and accepted whole, the protocol family
/// skipped.
pub fn accepted_and_skipped() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let served = Served::defect("accepted", "compares-a-hash-prefix");
        let baseline = served.path("baseline.json");
        std::fs::write(
            &baseline,
            r#"{"implementation": "compares-a-hash-prefix", "deviations": [
  {"id": "auth.wrong-secret-hash", "why": "a prefix of the right hash passes"},
  {"id": "lookup.confirmed-user", "why": "an entry that accepts nothing"}
]}"#,
        )
        .expect("writes the baseline");
        let mut args = served.args();
        args.extend(strings(&["--skip", "protocol", "--baseline", &baseline.display().to_string()]));
        Fixture::new("accepted", Some(served), args, 0)
    })
}

/// A run against a server that stalls after the preflight (`--response-timeout 0.5`): timeouts, probes
/// never sent, expectations not checked.
pub fn stalled() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let served = stalls_after_preflight("stalled");
        let mut args = served.args();
        args.extend(strings(&["--response-timeout", "0.5"]));
        Fixture::new("stalled", Some(served), args, 1)
    })
}

/// A run against an address where nothing listens: could not check.
pub fn dead() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let args = target_args(&dead_address(), &defects::account(false), None);
        Fixture::new("dead", None, args, 2)
    })
}

/// Every fixture.
pub fn fixtures() -> [&'static Fixture; 4] {
    [with_failures(), accepted_and_skipped(), stalled(), dead()]
}

/// Whether CI runs the tests (`CI=true`): then every outside program a test needs must be there.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether `program` runs (`program probe...` succeeds). When it does not, a test fails under CI and is
/// otherwise skipped, saying so loudly.
pub fn available(test: &str, program: &str, probe: &[&str], install: &str) -> bool {
    let ok = Command::new(program)
        .args(probe)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip_or_fail(test, &format!("`{program}` is missing ({install})"));
    }
    ok
}

/// Fails under CI; elsewhere says loudly that `test` is skipped, and why.
pub fn skip_or_fail(test: &str, why: &str) {
    assert!(!in_ci(), "{test}: {why}; CI (CI=true) must have it: .ci/run installs it");
    // Written to the process's standard error itself, past the test harness's capture, so that it shows.
    let _ = writeln!(std::io::stderr(), "\n*** SKIPPED {test}: {why}; `bash .ci/run` installs it ***\n");
}

/// The folder of the node programs that read the reports (`tests/node/`), when its packages are installed
/// (`npm ci` there) and node runs.
pub fn node_checks(test: &str) -> Option<PathBuf> {
    let dir = crate_dir().join("tests/node");
    if !available(test, "node", &["--version"], "Debian's nodejs, or the machine's Node.js") {
        return None;
    }
    if !dir.join("node_modules/playwright-core").is_dir() || !dir.join("node_modules/ajv").is_dir() {
        skip_or_fail(test, "tests/node has no node_modules (run `npm ci --prefix crates/server-check/tests/node`)");
        return None;
    }
    Some(dir)
}

/// Runs `node script args...` in `tests/node/`, within `bound`; fails the test with what it printed
/// unless it exits 0.
pub fn node(dir: &Path, script: &str, args: &[String], bound: Duration) -> Run {
    let mut all = vec![dir.join(script).display().to_string()];
    all.extend(args.iter().cloned());
    let node = which("node").expect("node is there");
    let run = run_bounded(&node, &all, &[], bound);
    assert_eq!(run.code, Some(0), "node {script} {args:?} failed:\n{}", run.printed());
    run
}

/// The full path of `program` on `PATH`.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|dir| Path::new(dir).join(program)).find(|p| p.is_file())
}
