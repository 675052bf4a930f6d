//! A property test over arbitrary argument lists: whatever the command line, the binary exits 0, 2 or 255 —
//! never 101 (a Rust panic) or a signal — within a bound, and a failure always says something on stderr.
//!
//! The lists are built by a small seeded generator from the CLI's own option names (the input members come
//! from `--generate-cli-skeleton input`, so a model change flows in; the global options are listed here),
//! random values skewed toward edge cases (empty, whitespace, Unicode of every width, combining marks, astral
//! characters, very long), shorthand and JSON fragments, `file://` forms, `=` forms and abbreviations. No
//! network: every endpoint refuses connections, with one attempt and no backoff.
//!
//! The usual `--client-id` and `--username` values are the registered sentinels of
//! [`crate::support::secrets`], so the sandbox checks that no run echoes them (no request ever leaves the
//! CLI here); a shuffled list, which may move a value where it is a command or an unknown argument (and so
//! echoed, as by the reference), uses ordinary values instead.
//!
//! `ARGUMENTS_SEED=<n>` and `ARGUMENTS_RUNS=<n>` explore other lists; a failure prints its seed, index and
//! command line.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::cli::{self, Cli, Outcome, binary};
use crate::support::secrets;
use cognito_idp_test_kit::shell::quote as shell_quote;

/// The seed of the committed run.
const SEED: u64 = 0x5eed_c061_1d9e_2e2e;
/// How many argument lists the committed run tries.
const RUNS: usize = 400;
/// How long one run may take.
const RUN_TIMEOUT: Duration = Duration::from_secs(20);

/// xorshift64*: small, fast, and the same sequence on every platform.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.below(items.len());
        items.get(index).expect("picking from a non-empty list")
    }
}

/// `ClientId` -> `client-id`, as botocore's `xform_name(name, '-')` does for these names.
fn option_name(member: &str) -> String {
    let mut out = String::new();
    for (i, c) in member.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The input members (top level) and the nested keys, from the binary's own input skeleton.
fn members_from_skeleton() -> (Vec<String>, Vec<String>) {
    let outcome = Cli::new(["resend-confirmation-code", "--generate-cli-skeleton", "input"]).run();
    assert_eq!(outcome.code, Some(0), "the input skeleton\n{outcome}");
    let skeleton: serde_json::Map<String, Value> = serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|e| panic!("the skeleton is not a JSON object: {e}\n{outcome}"));
    let top: Vec<String> = skeleton.keys().cloned().collect();
    let nested: Vec<String> = skeleton.values().filter_map(Value::as_object).flat_map(|o| o.keys().cloned()).collect();
    assert!(top.len() >= 4 && !nested.is_empty(), "{top:?} {nested:?}");
    (top, nested)
}

/// The global options and our own, with whether each takes a value.
const GLOBALS: &[(&str, bool)] = &[
    ("--debug", false),
    ("--endpoint-url", true),
    ("--no-verify-ssl", false),
    ("--no-paginate", false),
    ("--output", true),
    ("--query", true),
    ("--profile", true),
    ("--region", true),
    ("--version", false),
    ("--color", true),
    ("--no-sign-request", false),
    ("--ca-bundle", true),
    ("--cli-read-timeout", true),
    ("--cli-connect-timeout", true),
    ("--v2-debug", false),
    ("--cli-input-json", true),
    ("--generate-cli-skeleton", true),
    ("--client-secret-file", true),
];

const TEXTS: &[&str] = &[
    "",
    " ",
    "jane",
    "1example23456789",
    "Zo\u{eb}",
    "Zoe\u{301}",
    "\u{7528}\u{6237}@\u{4f8b}\u{3048}.jp",
    "\u{b1}\u{a7}\u{3a9}",
    "\u{1f600}\u{1f1eb}\u{1f1f7}",
    "\u{10ffff}",
    "\u{feff}bom",
    "tab\there",
    "new\nline",
    "-",
    "--",
    "-x",
    "--username",
    "=",
    "'",
    "\"",
    "\\",
    "%s %d {}",
    "$(echo no)",
    "help",
    "None",
    "null",
];

const SHORTHAND: &[&str] = &[
    "a=b",
    "a=b,c=d",
    "IpAddress=192.0.2.1,EncodedData=abc",
    "AnalyticsEndpointId=e",
    "EncodedData=",
    "=b",
    "a=",
    ",",
    "a=b,,c=d",
    "a=[1,2]",
    "a={b=c}",
    "a='q,uoted'",
    "a=\"dq\"",
    "a=b\\,c",
    "a=b,c",
    "[",
    "{",
    "a=[",
    "a={",
    "a=b=c",
    "Foo=bar",
    "k=\u{1f600}",
];

const JSON: &[&str] = &[
    "{}",
    "[]",
    "{\"a\": \"b\"}",
    "{\"ClientId\": \"x\", \"Username\": \"y\"}",
    "{\"ClientId\": 1}",
    "{\"Username\": null}",
    "{\"ClientMetadata\": {\"k\": \"v\", \"k\": \"w\"}}",
    "{\"UserContextData\": {\"Foo\": 1}}",
    "{",
    "[1,",
    "{\"a\": }",
    "null",
    "1e400",
    "-0",
    "\"str\"",
    "{\"a\": \"\\ud800\"}",
    "{\"a\": NaN}",
    "[[[[[[[[[[]]]]]]]]]]",
    " {\"a\": \"b\"} ",
];

const PATHS: &[&str] = &[
    "file://data.json",
    "file://text.txt",
    "file://empty.txt",
    "file://bin.dat",
    "file://missing.txt",
    "file://dir/",
    "file://",
    "fileb://data.json",
    "fileb://bin.dat",
    "FILE://data.json",
    "http://127.0.0.1:9/x",
    "https://127.0.0.1:9/x",
    "secret.txt",
    "missing.txt",
    "dir",
    "bin.dat",
];

const NUMBERS: &[&str] = &["0", "1", "-1", "60", "1.5", "1e3", "99999999999999999999", "abc", "nan", "0x10"];
const QUERIES: &[&str] = &[
    "CodeDeliveryDetails",
    "@",
    "[",
    "length(@)",
    "`1`",
    "a.b[?c]",
    "*.x",
    "{a: b}",
    "CodeDeliveryDetails.[Destination]",
    "]",
];
const CHOICES: &[&str] = &["json", "text", "table", "yaml", "on", "off", "auto", "input", "output", "yaml-input", "x"];

/// The files every run's working folder holds.
fn files() -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("data.json", "{\"ClientId\": \"from-file\", \"Username\": \"jane\"}\n".to_owned()),
        ("text.txt", "Zo\u{eb} \u{7528}\u{6237} \u{1f600}\n".to_owned()),
        ("empty.txt", String::new()),
        ("bin.dat", "base64:/wD+ASc=".to_owned()),
        ("secret.txt", "s3cr3t\n".to_owned()),
        ("dir/", String::new()),
    ])
}

/// The endpoint values a list may carry: each refuses connections or is refused before any connection.
fn endpoints(refused: &str) -> Vec<String> {
    vec![
        refused.to_owned(),
        refused.replacen("http", "https", 1),
        "not-a-url".to_owned(),
        String::new(),
        "ftp://127.0.0.1:9".to_owned(),
        format!("{refused}/a path?q=1"),
    ]
}

struct Generator {
    members: Vec<String>,
    nested: Vec<String>,
    endpoints: Vec<String>,
}

impl Generator {
    fn value(&self, rng: &mut Rng, option: &str) -> String {
        let mut value = match (option, rng.below(10)) {
            ("--endpoint-url", _) => rng.pick(&self.endpoints).clone(),
            ("--query", n) if n < 7 => (*rng.pick(QUERIES)).to_owned(),
            ("--output" | "--color" | "--generate-cli-skeleton", n) if n < 7 => (*rng.pick(CHOICES)).to_owned(),
            ("--cli-read-timeout" | "--cli-connect-timeout", n) if n < 7 => (*rng.pick(NUMBERS)).to_owned(),
            ("--ca-bundle" | "--client-secret-file", n) if n < 7 => {
                rng.pick(PATHS).trim_start_matches("file://").to_owned()
            }
            (_, 0 | 1) => (*rng.pick(TEXTS)).to_owned(),
            (_, 2 | 3) => (*rng.pick(SHORTHAND)).to_owned(),
            (_, 4 | 5) => (*rng.pick(JSON)).to_owned(),
            (_, 6) => (*rng.pick(PATHS)).to_owned(),
            (_, 7) => (*rng.pick(NUMBERS)).to_owned(),
            (_, 8) => format!("{}={}", rng.pick(&self.nested), rng.pick(TEXTS)),
            _ => {
                // Long values, sometimes made of wide or astral characters.
                let unit = *rng.pick(&["a", "\u{7528}", "\u{1f600}", "e\u{301}", "k=v,"]);
                unit.repeat(1 + rng.below(5000))
            }
        };
        if rng.chance(5) {
            let extra: &&str = rng.pick(TEXTS);
            value.push_str(extra);
        }
        value
    }

    fn option(&self, rng: &mut Rng) -> (String, bool) {
        if rng.chance(55) {
            let member: &String = rng.pick(&self.members);
            (format!("--{}", option_name(member)), true)
        } else {
            let (name, takes_value) = *rng.pick(GLOBALS);
            (name.to_owned(), takes_value)
        }
    }

    fn args(&self, rng: &mut Rng) -> Vec<String> {
        let mut args = Vec::new();
        match rng.below(20) {
            0 => {}
            1 => args.push("help".to_owned()),
            2 => args.push((*rng.pick(TEXTS)).to_owned()),
            _ => {
                args.push("resend-confirmation-code".to_owned());
                // Mostly with the required options, so that the lists reach past argument parsing.
                if rng.chance(75) {
                    for (option, usual) in [("--client-id", secrets::CLIENT_ID), ("--username", secrets::USERNAME)] {
                        let value = if rng.chance(60) { usual.to_owned() } else { self.value(rng, option) };
                        args.extend([option.to_owned(), value]);
                    }
                }
            }
        }
        for _ in 0..rng.below(9) {
            let (mut option, takes_value) = self.option(rng);
            if rng.chance(10) && option.len() > 4 {
                // An abbreviation, unique or not.
                option.truncate(3 + rng.below(option.len() - 3));
            }
            match rng.below(10) {
                0 => args.push(option),
                1 | 2 if takes_value || rng.chance(10) => args.push(format!("{option}={}", self.value(rng, &option))),
                3 => args.push(self.value(rng, &option)),
                4 if rng.chance(30) => args.push("--".to_owned()),
                _ => {
                    let value = self.value(rng, &option);
                    args.push(option);
                    if takes_value || rng.chance(30) {
                        args.push(value);
                    }
                }
            }
        }
        if rng.chance(10) && !args.is_empty() {
            // Shuffle a little: global options before the command, values before their options.
            let i = rng.below(args.len());
            let j = rng.below(args.len());
            for arg in &mut args {
                if arg == secrets::CLIENT_ID {
                    *arg = cli::CLIENT_ID.to_owned();
                } else if arg == secrets::USERNAME {
                    *arg = cli::USERNAME.to_owned();
                }
            }
            args.swap(i, j);
        }
        args
    }
}

/// What makes a run a failure of the property, if anything.
fn violation(outcome: &Outcome) -> Option<String> {
    match outcome.code {
        None => Some(format!("ended without an exit code ({})", outcome.signal.clone().unwrap_or_default())),
        Some(101) => Some("exit 101: a Rust panic".to_owned()),
        Some(code) if ![0, 2, 255].contains(&code) => Some(format!("exit {code}, not 0, 2 or 255")),
        Some(code) if code != 0 && outcome.stderr.trim().is_empty() => {
            Some(format!("exit {code} with nothing on stderr"))
        }
        _ if outcome.stderr.contains("panicked at") || outcome.stderr.contains("RUST_BACKTRACE") => {
            Some("a panic message on stderr".to_owned())
        }
        _ => None,
    }
}

fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[test]
fn any_argument_list_ends_with_0_2_or_255_and_a_message() {
    let seed = env_number("ARGUMENTS_SEED").unwrap_or(SEED);
    let runs = env_number("ARGUMENTS_RUNS").unwrap_or(RUNS);
    // A port where nothing listens: bound and released.
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let refused = format!("http://127.0.0.1:{port}");
    let (members, nested) = members_from_skeleton();
    let generator = Generator { members, nested, endpoints: endpoints(&refused) };
    let mut rng = Rng::new(seed);
    let lists: Vec<Vec<String>> = (0..runs).map(|_| generator.args(&mut rng)).collect();

    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let codes = Mutex::new(BTreeMap::<i32, usize>::new());
    let files = files();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(args) = lists.get(index) else { break };
                    let mut cli = Cli::new(args)
                        .env("AWS_ENDPOINT_URL", &refused)
                        .env("AWS_MAX_ATTEMPTS", "1")
                        .env("COGNITO_IDP_RETRY_DELAY_SCALE", "0")
                        .timeout(RUN_TIMEOUT);
                    for (name, content) in &files {
                        cli = cli.file(name, content);
                    }
                    let outcome = cli.run();
                    if let Some(code) = outcome.code {
                        *codes.lock().unwrap_or_else(|e| e.into_inner()).entry(code).or_default() += 1;
                    }
                    if let Some(problem) = violation(&outcome) {
                        failures.lock().unwrap_or_else(|e| e.into_inner()).push((index, problem, outcome));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort_by_key(|(index, _, _)| *index);
    let codes = codes.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "arguments: {runs} lists (seed {seed:#x}) in {:.1}s; exit codes {codes:?}",
        started.elapsed().as_secs_f64()
    );
    // Every kind of ending happened: the lists reach past argument parsing.
    for code in [0, 2, 255] {
        assert!(
            codes.get(&code).is_some_and(|n| *n > 0) || !failures.is_empty(),
            "no run ended with {code}: {codes:?}"
        );
    }
    let report: String = failures
        .iter()
        .take(10)
        .map(|(index, problem, outcome)| {
            let args = lists.get(*index).map(|a| a.iter().map(|w| shell_quote(w)).collect::<Vec<_>>().join(" "));
            format!("\n--- list {index}: {problem}\n  args: {}\n{outcome}\n", args.unwrap_or_default())
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {runs} argument lists broke the property (seed {seed:#x}, binary {}):{report}",
        failures.len(),
        binary().command_line(&[])
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_for_a_seed() {
        let generator = Generator {
            members: vec!["ClientId".to_owned(), "UserContextData".to_owned()],
            nested: vec!["IpAddress".to_owned()],
            endpoints: endpoints("http://127.0.0.1:9"),
        };
        let lists = |seed| {
            let mut rng = Rng::new(seed);
            (0..50).map(|_| generator.args(&mut rng)).collect::<Vec<_>>()
        };
        assert_eq!(lists(7), lists(7));
        assert_ne!(lists(7), lists(8));
    }

    #[test]
    fn member_names_become_option_names_as_botocore_makes_them() {
        assert_eq!(option_name("ClientId"), "client-id");
        assert_eq!(option_name("UserContextData"), "user-context-data");
        assert_eq!(option_name("AnalyticsMetadata"), "analytics-metadata");
    }

    #[test]
    fn panics_signals_odd_codes_and_silent_failures_break_the_property() {
        let outcome = |code: Option<i32>, stderr: &str| Outcome {
            code,
            signal: code.is_none().then(|| "signal: 9 (SIGKILL)".to_owned()),
            stdout: String::new(),
            stderr: stderr.to_owned(),
            elapsed: Duration::ZERO,
            command: String::new(),
        };
        assert!(violation(&outcome(Some(101), "thread 'main' panicked at src/x.rs")).is_some());
        assert!(violation(&outcome(None, "")).is_some());
        assert!(violation(&outcome(Some(1), "Traceback")).is_some());
        assert!(violation(&outcome(Some(255), " \n")).is_some());
        assert!(violation(&outcome(Some(0), "thread 'main' panicked at x")).is_some());
        assert!(violation(&outcome(Some(255), "\nCould not connect\n")).is_none());
        assert!(violation(&outcome(Some(0), "")).is_none());
    }
}
