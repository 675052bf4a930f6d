//! `cargo xtask fuzz`: runs the cargo-fuzz targets of `fuzz/` for a time each and reports executions per
//! second, coverage and crashes; `cargo xtask fuzz --seeds` writes their seed corpora from the tests.
//!
//! The targets need a nightly toolchain and cargo-fuzz; the command installs either when it is missing
//! (`rustup toolchain install nightly --profile minimal`, `cargo install cargo-fuzz --locked`) and says what it
//! could not do. Each target reads two corpus folders: `fuzz/corpus/<target>/` (not committed; libFuzzer adds
//! what it finds there, so later runs start further) and the committed seeds, `fuzz/seeds/<target>/`. A crash
//! leaves its input under `fuzz/artifacts/<target>/` and fails the command; the libFuzzer log of each run is
//! `fuzz/logs/<target>.log`.
//!
//! The seeds are the inputs the tests already use: the string literals of the unit tests of the code each
//! target drives, and the arguments, option values, files and responses of the golden cases
//! (`tests/fixtures/awscli/recorded/`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// Options of `cargo xtask fuzz`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How long each target runs, in seconds.
    #[arg(long, default_value_t = 60, value_name = "N")]
    seconds: u64,
    /// The sanitizer to build with: `none` by default, since the fuzzed code forbids `unsafe` and
    /// AddressSanitizer would halve the executions per second; `address` for the dependencies' unsafe code.
    #[arg(long, default_value = "none", value_name = "NAME")]
    sanitizer: String,
    /// Write the seed corpora (`fuzz/seeds/`) from the unit tests and the golden cases, then stop.
    #[arg(long)]
    seeds: bool,
    /// The targets to run (default: every file of `fuzz/fuzz_targets/`).
    #[arg(value_name = "TARGET")]
    targets: Vec<String>,
}

/// Runs `cargo xtask fuzz`.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let fuzz_dir = root.join("fuzz");
    if args.seeds {
        return write_seeds(root, &fuzz_dir);
    }
    let available = targets(&fuzz_dir)?;
    let chosen: Vec<String> = if args.targets.is_empty() { available.clone() } else { args.targets.clone() };
    if let Some(unknown) = chosen.iter().find(|t| !available.contains(t)) {
        bail!("no fuzz target {unknown:?}: the targets are {}", available.join(", "));
    }
    ensure_tools()?;
    let status = cargo_nightly()
        .args(["fuzz", "build", "--fuzz-dir"])
        .arg(&fuzz_dir)
        .args(["--sanitizer", &args.sanitizer])
        .status()
        .context("running cargo +nightly fuzz build")?;
    if !status.success() {
        bail!("building the fuzz targets failed ({status})");
    }
    let mut reports = Vec::new();
    for target in &chosen {
        eprintln!("fuzzing {target} for {} s (log: fuzz/logs/{target}.log)", args.seconds);
        reports.push(fuzz_one(&fuzz_dir, target, args)?);
    }
    println!("{}", summary(&reports, args.seconds));
    let crashed: Vec<&Report> = reports.iter().filter(|r| !r.findings.is_empty() || !r.completed).collect();
    if crashed.is_empty() {
        return Ok(());
    }
    for report in &crashed {
        eprintln!("\n{}: {}", report.target, if report.completed { "found" } else { "stopped early" });
        for finding in &report.findings {
            eprintln!(
                "  {finding}\n  reproduce: cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer {} {} {finding}",
                args.sanitizer, report.target
            );
        }
        eprintln!("  log: fuzz/logs/{}.log", report.target);
    }
    bail!("{} of {} fuzz targets failed", crashed.len(), reports.len())
}

/// The targets: the file stems of `fuzz/fuzz_targets/*.rs`, sorted.
fn targets(fuzz_dir: &Path) -> Result<Vec<String>> {
    let dir = fuzz_dir.join("fuzz_targets");
    let entries = std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// `cargo +nightly` (rustup's `cargo`, which reads the `+toolchain`), from the workspace root, as a nested run.
fn cargo_nightly() -> Command {
    let mut command = cognito_idp_test_kit::cargo_env::nested("cargo");
    command.arg("+nightly");
    command
}

/// Whether `program args` runs and exits 0 (its output discarded).
fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Installs the nightly toolchain and cargo-fuzz when they are missing; an error says which could not be had.
fn ensure_tools() -> Result<()> {
    if !succeeds("cargo", &["+nightly", "--version"]) {
        eprintln!("the nightly toolchain is missing: rustup toolchain install nightly --profile minimal");
        let installed =
            Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]).status();
        match installed {
            Ok(status) if status.success() => {}
            Ok(status) => bail!(
                "could not install the nightly toolchain (rustup exited with {status}); cargo-fuzz needs it: \
                 install it with `rustup toolchain install nightly --profile minimal` and run again"
            ),
            Err(e) => bail!(
                "could not install the nightly toolchain: rustup cannot be run ({e}); cargo-fuzz needs a nightly \
                 toolchain installed with rustup (https://rustup.rs)"
            ),
        }
    }
    if !succeeds("cargo", &["fuzz", "--version"]) {
        eprintln!("cargo-fuzz is missing: cargo install cargo-fuzz --locked");
        let status = Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked"])
            .status()
            .context("running cargo install cargo-fuzz")?;
        if !status.success() {
            bail!(
                "could not install cargo-fuzz (cargo install exited with {status}); install it with \
                 `cargo install cargo-fuzz --locked` and run again"
            );
        }
    }
    Ok(())
}

/// What one target's run did.
#[derive(Debug, Default, PartialEq)]
struct Report {
    target: String,
    /// Whether libFuzzer ran to its time limit (it stops at the first crash).
    completed: bool,
    executions: Option<u64>,
    per_second: Option<u64>,
    /// Edges covered (`cov:`) and features (`ft:`) at the last status line.
    coverage: Option<u64>,
    features: Option<u64>,
    /// Inputs in the corpus at the end (`corp:`).
    corpus: Option<u64>,
    /// The inputs written for crashes, timeouts and out-of-memory runs.
    findings: Vec<String>,
}

fn fuzz_one(fuzz_dir: &Path, target: &str, args: &Args) -> Result<Report> {
    let corpus = fuzz_dir.join("corpus").join(target);
    let seeds = fuzz_dir.join("seeds").join(target);
    let logs = fuzz_dir.join("logs");
    for dir in [&corpus, &seeds, &logs] {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let log_path = logs.join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    let status = cargo_nightly()
        .args(["fuzz", "run", "--fuzz-dir"])
        .arg(fuzz_dir)
        .args(["--sanitizer", &args.sanitizer, target])
        .arg(&corpus)
        .arg(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={}", args.seconds))
        // An input that takes 10 s is a hang: a finding like a crash.
        .args(["-timeout=10", "-print_final_stats=1"])
        .stdout(log.try_clone().context("sharing the log file")?)
        .stderr(log)
        .status()
        .with_context(|| format!("running cargo +nightly fuzz run {target}"))?;
    let text = std::fs::read_to_string(&log_path).with_context(|| format!("reading {}", log_path.display()))?;
    let mut report = parse_log(target, &text);
    report.completed = report.completed && status.success();
    Ok(report)
}

/// Reads libFuzzer's output: its final statistics, the last status line and the inputs it wrote.
fn parse_log(target: &str, log: &str) -> Report {
    let mut report = Report { target: target.to_owned(), ..Report::default() };
    for line in log.lines() {
        if let Some(value) = line.strip_prefix("stat::number_of_executed_units:") {
            report.executions = value.trim().parse().ok();
        } else if let Some(value) = line.strip_prefix("stat::average_exec_per_sec:") {
            report.per_second = value.trim().parse().ok();
        } else if line.starts_with('#') && line.contains(" cov: ") {
            let field = |name: &str| {
                let mut words = line.split_whitespace();
                words.find(|w| *w == name).and_then(|_| words.next()).and_then(|v| v.split('/').next()?.parse().ok())
            };
            report.coverage = field("cov:").or(report.coverage);
            report.features = field("ft:").or(report.features);
            report.corpus = field("corp:").or(report.corpus);
            report.completed |= line.split_whitespace().nth(1) == Some("DONE");
        } else if let Some(at) = line.find("Test unit written to ") {
            let path = line.get(at + "Test unit written to ".len()..).unwrap_or_default().trim();
            report.findings.push(path.to_owned());
        }
    }
    report
}

/// The report table.
fn summary(reports: &[Report], seconds: u64) -> String {
    let number = |n: Option<u64>| n.map_or_else(|| "?".to_owned(), group_thousands);
    let mut out = format!(
        "\n{:<16} {:>8} {:>14} {:>10} {:>9} {:>9} {:>8}  findings\n",
        "target", "seconds", "executions", "exec/s", "coverage", "features", "corpus"
    );
    for r in reports {
        let findings = match (r.findings.len(), r.completed) {
            (0, true) => "none".to_owned(),
            (0, false) => "stopped early (see its log)".to_owned(),
            (n, _) => format!("{n} (see below)"),
        };
        let _ = writeln!(
            out,
            "{:<16} {:>8} {:>14} {:>10} {:>9} {:>9} {:>8}  {findings}",
            r.target,
            seconds,
            number(r.executions),
            number(r.per_second),
            number(r.coverage),
            number(r.features),
            number(r.corpus),
        );
    }
    out.push_str("coverage: edges reached (libFuzzer's cov); features: its finer-grained ft count\n");
    out
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Seeds

/// Which unit tests seed which target: the string literals of these files' test sections.
const UNIT_TEST_SOURCES: &[(&str, &str)] = &[
    ("shorthand", "crates/cli/src/input/shorthand.rs"),
    ("cli_input_json", "crates/cli/src/python/pyjson.rs"),
    ("cli_input_json", "crates/cli/src/input/argprocess.rs"),
    ("response", "crates/cli/src/output/response.rs"),
    ("response", "crates/cognito-idp-client/src/error.rs"),
    ("response", "crates/cognito-idp-client/src/client.rs"),
    ("argparse", "crates/cli/src/input/argparse.rs"),
];

/// Seeds longer than this are left out: the corpora stay small and libFuzzer starts from short inputs.
const MAX_SEED_BYTES: usize = 16 * 1024;

/// One golden recording, the parts that seed.
#[derive(Debug, Deserialize)]
struct Recording {
    args: Vec<String>,
    files: BTreeMap<String, String>,
    responses: Vec<RecordedResponse>,
}

#[derive(Debug, Deserialize)]
struct RecordedResponse {
    status: u16,
    headers: serde_json::Map<String, serde_json::Value>,
    body: String,
}

/// Replaces every `fuzz/seeds/<target>/` with the seeds the tests give.
fn write_seeds(root: &Path, fuzz_dir: &Path) -> Result<()> {
    let mut seeds: BTreeMap<String, Vec<Vec<u8>>> = BTreeMap::new();
    for (target, file) in UNIT_TEST_SOURCES {
        let path = root.join(file);
        let source = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let tests = test_section(&source);
        let found = if *target == "argparse" {
            argument_lists(tests).into_iter().map(|args| args.join("\0").into_bytes()).collect()
        } else if *target == "response" {
            // Bodies only (the tests' other literals are expected messages): the client's error tests' as
            // errors, the others as successes; the fuzzer changes the status soon enough.
            let status = if file.ends_with("error.rs") { 400 } else { 200 };
            let bodies = string_literals(tests).into_iter().filter(|l| l.trim_ascii_start().starts_with(b"{"));
            bodies.map(|body| encode_response(status, &[], &body)).collect()
        } else {
            string_literals(tests)
        };
        seeds.entry((*target).to_owned()).or_default().extend(found);
    }
    for recording in recordings(root)? {
        for (target, seed) in golden_seeds(&recording) {
            seeds.entry(target.to_owned()).or_default().push(seed);
        }
    }
    for target in targets(fuzz_dir)? {
        let dir = fuzz_dir.join("seeds").join(&target);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut unique: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for seed in seeds.remove(&target).unwrap_or_default() {
            if seed.len() <= MAX_SEED_BYTES {
                unique.insert(format!("{:016x}", fnv1a(&seed)), seed);
            }
        }
        let bytes: usize = unique.values().map(Vec::len).sum();
        for (name, seed) in &unique {
            std::fs::write(dir.join(name), seed).with_context(|| format!("writing seed {name} of {target}"))?;
        }
        println!("{target}: {} seeds, {bytes} bytes, in fuzz/seeds/{target}/", unique.len());
    }
    Ok(())
}

fn recordings(root: &Path) -> Result<Vec<Recording>> {
    let dir = root.join("tests/fixtures/awscli/recorded");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
        })
        .collect()
}

/// A golden case's seeds: its argument list (argparse), its option values in JSON (cli_input_json) or
/// shorthand (shorthand), its text files, and its responses (response).
fn golden_seeds(recording: &Recording) -> Vec<(&'static str, Vec<u8>)> {
    let endpoint = |text: &str| text.replace("{endpoint}", "http://127.0.0.1:1");
    let args: Vec<String> = recording.args.iter().map(|a| endpoint(a)).collect();
    let mut seeds = vec![("argparse", args.join("\0").into_bytes())];
    let mut values: Vec<&str> = args.windows(2).filter(|w| w[0].starts_with("--")).map(|w| w[1].as_str()).collect();
    values.extend(args.iter().filter_map(|a| a.strip_prefix("--").and_then(|a| a.split_once('=')).map(|(_, v)| v)));
    for value in values {
        let trimmed = value.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            seeds.push(("cli_input_json", value.as_bytes().to_vec()));
        } else if value.contains('=') && !value.contains("://") {
            seeds.push(("shorthand", value.as_bytes().to_vec()));
        }
    }
    // Files given as `base64:` are bytes the recorder could not store as text: not seeds.
    for content in recording.files.values().filter(|c| !c.is_empty() && !c.starts_with("base64:")) {
        seeds.push(("cli_input_json", endpoint(content).into_bytes()));
    }
    for response in &recording.responses {
        let headers: Vec<(String, String)> = response
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect();
        seeds.push(("response", encode_response(response.status, &headers, response.body.as_bytes())));
    }
    seeds
}

/// A response in the response target's input format: the status (two bytes, big-endian), `name: value`
/// lines, an empty line, the body.
fn encode_response(status: u16, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let mut out = status.to_be_bytes().to_vec();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\n").as_bytes());
    }
    out.push(b'\n');
    if headers.is_empty() {
        out.push(b'\n');
    }
    out.extend_from_slice(body);
    out
}

/// FNV-1a, 64 bits: a stable name for a seed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The part of a source file from its first `#[cfg(test)]` on.
fn test_section(source: &str) -> &str {
    source.find("#[cfg(test)]").and_then(|at| source.get(at..)).unwrap_or_default()
}

/// The values of the string and byte-string literals of Rust source (`"..."`, `r#"..."#`, `b"..."`, `br"..."`),
/// in order, skipping comments and character literals.
fn string_literals(source: &str) -> Vec<Vec<u8>> {
    literal_tokens(source).into_iter().filter_map(|t| if let Token::Literal(v) = t { Some(v) } else { None }).collect()
}

/// The argument lists of the tests: every `&[...]` or `[...]` made only of string literals and of `const`s
/// of the same file holding one (such as `OP`), with at least one element.
fn argument_lists(source: &str) -> Vec<Vec<String>> {
    let tokens = literal_tokens(source);
    let mut consts: BTreeMap<String, String> = BTreeMap::new();
    let mut lists = Vec::new();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        match token {
            Token::Ident(keyword) if keyword == "const" => {
                // `const NAME: &str = "...";`: the value is the first literal after the name.
                if let Some(Token::Ident(name)) = tokens.get(i + 1)
                    && let Some(Token::Literal(value)) =
                        tokens.iter().skip(i + 2).take(8).find(|t| matches!(t, Token::Literal(_)))
                    && let Ok(value) = String::from_utf8(value.clone())
                {
                    consts.insert(name.clone(), value);
                }
            }
            Token::Other('[') => {
                let mut list = Vec::new();
                let mut j = i + 1;
                let complete = loop {
                    match tokens.get(j) {
                        Some(Token::Literal(value)) => match String::from_utf8(value.clone()) {
                            Ok(text) => list.push(text),
                            Err(_) => break false,
                        },
                        Some(Token::Ident(name)) => match consts.get(name) {
                            Some(value) => list.push(value.clone()),
                            None => break false,
                        },
                        Some(Token::Other(',')) => {}
                        Some(Token::Other(']')) => break true,
                        _ => break false,
                    }
                    j += 1;
                };
                if complete && !list.is_empty() {
                    lists.push(list);
                }
            }
            _ => {}
        }
        i += 1;
    }
    lists
}

/// What the scanner sees: literals with their values, identifiers, and single characters of punctuation.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Literal(Vec<u8>),
    Ident(String),
    Other(char),
}

fn literal_tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while chars.get(i).is_some_and(|&c| c != '\n') {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars.get(i) == Some(&'*') && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1f600}', '"') is skipped; a lifetime has no closing quote.
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&j| chars.get(j) == Some(&'\''))
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            i = close.map_or(i + 1, |j| j + 1);
        } else if c == '"' || ((c == 'r' || c == 'b') && raw_or_byte_start(&chars, i)) {
            let (value, end) = literal(&chars, i);
            tokens.push(Token::Literal(value));
            i = end;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
                i += 1;
            }
            tokens.push(Token::Ident(chars.get(start..i).unwrap_or_default().iter().collect()));
        } else {
            if !c.is_whitespace() {
                tokens.push(Token::Other(c));
            }
            i += 1;
        }
    }
    tokens
}

/// Whether a literal with a prefix (`r"`, `r#"`, `b"`, `br"`, `br#"`) starts at `i` (not inside a name).
fn raw_or_byte_start(chars: &[char], i: usize) -> bool {
    if i > 0 && chars.get(i - 1).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
        return false;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) == Some(&'r') {
        j += 1;
        while chars.get(j) == Some(&'#') {
            j += 1;
        }
    }
    j > i && chars.get(j) == Some(&'"')
}

/// The value of the literal starting at `start` and the index after it.
fn literal(chars: &[char], start: usize) -> (Vec<u8>, usize) {
    let mut i = start;
    let byte_string = chars.get(i) == Some(&'b');
    if byte_string {
        i += 1;
    }
    let mut out = Vec::new();
    if chars.get(i) == Some(&'r') {
        i += 1;
        let hashes = chars.iter().skip(i).take_while(|c| **c == '#').count();
        i += hashes + 1;
        while let Some(&c) = chars.get(i) {
            if c == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                return (out, i + 1 + hashes);
            }
            push_char(&mut out, c);
            i += 1;
        }
        return (out, i);
    }
    i += 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '"' => return (out, i + 1),
            '\\' => i += 1 + escape(chars, i + 1, byte_string, &mut out),
            _ => {
                push_char(&mut out, c);
                i += 1;
            }
        }
    }
    (out, i)
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buffer = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// Decodes the escape after a backslash at `at` into `out`; returns how many characters it took. An escape
/// Rust would reject is dropped.
fn escape(chars: &[char], at: usize, byte_string: bool, out: &mut Vec<u8>) -> usize {
    let simple = |c: char| match c {
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        '0' => Some('\0'),
        '\\' | '\'' | '"' => Some(c),
        _ => None,
    };
    match chars.get(at) {
        Some(&c) if simple(c).is_some() => {
            push_char(out, simple(c).unwrap_or(c));
            1
        }
        Some('x') => {
            let hex: String = chars.iter().skip(at + 1).take(2).collect();
            match u8::from_str_radix(&hex, 16) {
                Ok(b) if byte_string => out.push(b),
                Ok(b) => push_char(out, char::from(b)),
                Err(_) => return 1,
            }
            3
        }
        Some('u') => {
            let digits: String = chars.iter().skip(at + 2).take_while(|c| **c != '}').collect();
            if let Some(c) = u32::from_str_radix(&digits, 16).ok().and_then(char::from_u32) {
                push_char(out, c);
            }
            digits.chars().count() + 3
        }
        Some('\n') => {
            // A line continuation: the newline and the next line's leading whitespace are dropped.
            let skipped = chars.iter().skip(at + 1).take_while(|c| c.is_whitespace()).count();
            1 + skipped
        }
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        string_literals(source).into_iter().map(|v| String::from_utf8_lossy(&v).into_owned()).collect()
    }

    #[test]
    fn reads_every_form_of_string_literal() {
        let source =
            r####"parsed("a=b"); x(r"c\d"); y(r#"e"f"#); z(b"\xff\x00"); w(br#"{"k"}"#); "g\n\t\\\"\u{1f600}""####;

        let values = string_literals(source);

        assert_eq!(
            values,
            [
                b"a=b".to_vec(),
                b"c\\d".to_vec(),
                b"e\"f".to_vec(),
                vec![0xff, 0],
                b"{\"k\"}".to_vec(),
                "g\n\t\\\"\u{1f600}".as_bytes().to_vec(),
            ]
        );
    }

    #[test]
    fn skips_comments_character_literals_and_lifetimes() {
        let source = "// \"not this\"\nlet q = '\"'; fn f<'a>(x: &'a str) {} /* \"nor this\" */ g(\"yes\", '\\'')";

        assert_eq!(texts(source), ["yes"]);
    }

    #[test]
    fn joins_line_continuations_as_rust_does() {
        assert_eq!(texts("\"a\\\n     b\""), ["ab"]);
    }

    #[test]
    fn finds_argument_lists_with_the_files_constants() {
        let source = r#"const OP: &str = "resend-confirmation-code";
            usage_error(&["--output", "yaml", OP]); parse(&[OP, "--client-id", "c"]); f(&[x, "y"]); g(&[])"#;

        let lists = argument_lists(source);

        assert_eq!(
            lists,
            [
                vec!["--output", "yaml", "resend-confirmation-code"],
                vec!["resend-confirmation-code", "--client-id", "c"]
            ]
        );
    }

    #[test]
    fn only_the_test_section_seeds() {
        let source = "fn code() { \"not a seed\" }\n#[cfg(test)]\nmod tests { \"seed\" }";

        assert_eq!(texts(test_section(source)), ["seed"]);
        assert_eq!(test_section("fn main() {}"), "");
    }

    #[test]
    fn responses_are_encoded_as_the_target_reads_them() {
        let headers = [("x-amzn-RequestId".to_owned(), "r-1".to_owned())];

        assert_eq!(encode_response(400, &headers, b"{}"), b"\x01\x90x-amzn-RequestId: r-1\n\n{}".to_vec());
        assert_eq!(encode_response(200, &[], b"{}"), b"\x00\xc8\n\n{}".to_vec());
    }

    #[test]
    fn golden_cases_seed_every_target() {
        let recording = Recording {
            args: ["resend-confirmation-code", "--user-context-data", "IpAddress=1", "--cli-input-json={\"a\": 1}"]
                .map(str::to_owned)
                .to_vec(),
            files: BTreeMap::from([
                ("in.json".to_owned(), "[1]".to_owned()),
                ("b".to_owned(), "base64:AA==".to_owned()),
            ]),
            responses: vec![RecordedResponse { status: 200, headers: serde_json::Map::new(), body: "{}".to_owned() }],
        };

        let seeds = golden_seeds(&recording);

        let of = |target: &str| -> Vec<String> {
            seeds.iter().filter(|(t, _)| *t == target).map(|(_, s)| String::from_utf8_lossy(s).into_owned()).collect()
        };
        assert_eq!(
            of("argparse"),
            ["resend-confirmation-code\0--user-context-data\0IpAddress=1\0--cli-input-json={\"a\": 1}"]
        );
        assert_eq!(of("shorthand"), ["IpAddress=1"]);
        assert_eq!(of("cli_input_json"), ["{\"a\": 1}", "[1]"]);
        let responses: Vec<&Vec<u8>> = seeds.iter().filter(|(t, _)| *t == "response").map(|(_, s)| s).collect();
        assert_eq!(responses, [b"\x00\xc8\n\n{}"]);
    }

    #[test]
    fn reads_libfuzzers_final_statistics_and_findings() {
        let log = "#2\tINITED cov: 10 ft: 12 corp: 3/30b exec/s: 0 rss: 40Mb\n\
                   #4096\tpulse  cov: 200 ft: 300 corp: 40/1Kb lim: 50 exec/s: 2048 rss: 50Mb\n\
                   ==1== ERROR: libFuzzer: deadly signal\n\
                   artifact_prefix='/f/artifacts/shorthand/'; Test unit written to /f/artifacts/shorthand/crash-ab12\n\
                   stat::number_of_executed_units: 4100\nstat::average_exec_per_sec:     2050\n";

        let report = parse_log("shorthand", log);

        assert_eq!(
            report,
            Report {
                target: "shorthand".to_owned(),
                completed: false,
                executions: Some(4100),
                per_second: Some(2050),
                coverage: Some(200),
                features: Some(300),
                corpus: Some(40),
                findings: vec!["/f/artifacts/shorthand/crash-ab12".to_owned()],
            }
        );
    }

    #[test]
    fn a_run_that_reaches_its_time_limit_is_complete() {
        let report = parse_log("t", "#9\tDONE   cov: 5 ft: 6 corp: 2/9b lim: 4 exec/s: 9 rss: 30Mb\n");

        assert!(report.completed && report.findings.is_empty());
        assert!(summary(&[report], 20).contains("t                      20              ?          ?         5"));
    }

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }
}
