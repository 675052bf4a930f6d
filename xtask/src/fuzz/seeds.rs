//! The fuzz targets' seed corpora, made from the same data as the goldens: every recorder of `cargo xtask
//! record-goldens` ([`crate::record_goldens::RECORDERS`]) whose data holds inputs has a row in [`SOURCES`], and
//! every recorded input becomes a seed of the targets that read its kind: argument lists (`argparse`), JSON
//! option values and files (`cli_input_json`), shorthand values (`shorthand`) and response bodies, recorded
//! responses and the values the output formats print (`response`). The seeds are written to `fuzz/seeds/` (not
//! committed) before each run, each named by a hash of its bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::Value;

use crate::record_goldens::{Inputs, RECORDERS, Recorder};

/// A fuzz target, by the name of its file in `fuzz/fuzz_targets/`.
type Target = &'static str;

const ARGPARSE: Target = "argparse";
const CLI_INPUT_JSON: Target = "cli_input_json";
const RESPONSE: Target = "response";
const SHORTHAND: Target = "shorthand";

/// Every target the seeds are for.
const TARGETS: [Target; 4] = [ARGPARSE, CLI_INPUT_JSON, RESPONSE, SHORTHAND];

/// Seeds longer than this are left out: the corpora stay small and libFuzzer starts from short inputs.
const MAX_SEED_BYTES: usize = 16 * 1024;

/// The seeds of one recorder's data.
type Seeds = fn(&Path, &Recorder) -> Result<Vec<(Target, Vec<u8>)>>;

/// Which recorder's data seeds how, by the recorder's name.
const SOURCES: &[(&str, Seeds)] = &[
    ("unicode-samples", unicode_samples),
    ("python-golden", python_golden),
    ("response-golden", response_golden),
    ("text-output", output_cases),
    ("table-output", output_cases),
    ("query-errors", query_expressions),
    ("query-goldens", query_expressions),
    ("golden-cases", golden_cases),
    ("differential-awscli", differential_inputs),
    ("differential-sdk", differential_inputs),
];

/// Replaces `seeds_dir/<target>/` of each of `targets` with its seeds.
pub fn write(root: &Path, seeds_dir: &Path, targets: &[String]) -> Result<()> {
    let mut seeds: BTreeMap<Target, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
    for (target, seed) in all(root)? {
        if seed.len() <= MAX_SEED_BYTES {
            seeds.entry(target).or_default().insert(format!("{:016x}", fnv1a(&seed)), seed);
        }
    }
    for target in targets {
        if !TARGETS.contains(&target.as_str()) {
            anyhow::bail!("the fuzz target {target} has no seeds: say in xtask/src/fuzz/seeds.rs which inputs seed it");
        }
        let dir = seeds_dir.join(target);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let unique = seeds.remove(target.as_str()).unwrap_or_default();
        for (name, seed) in &unique {
            std::fs::write(dir.join(name), seed).with_context(|| format!("writing seed {name} of {target}"))?;
        }
        let bytes: usize = unique.values().map(Vec::len).sum();
        eprintln!("{target}: {} seeds, {bytes} bytes, in fuzz/seeds/{target}/", unique.len());
    }
    Ok(())
}

/// Every seed of every source, in the order of [`SOURCES`].
fn all(root: &Path) -> Result<Vec<(Target, Vec<u8>)>> {
    let mut seeds = Vec::new();
    for (name, seeds_of) in SOURCES {
        let recorder =
            RECORDERS.iter().find(|r| r.name == *name).with_context(|| format!("no recorder {name} in RECORDERS"))?;
        seeds.extend(seeds_of(root, recorder).with_context(|| format!("the seeds of {name}"))?);
    }
    Ok(seeds)
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// The recorder's data file (its output) as JSON.
fn data(root: &Path, recorder: &Recorder) -> Result<Value> {
    read_json(&root.join(recorder.output.path()))
}

/// The array `key` of `value`, or an error naming it.
fn rows<'v>(value: &'v Value, key: &str) -> Result<&'v Vec<Value>> {
    value[key].as_array().with_context(|| format!("no `{key}` list"))
}

fn text(value: &Value) -> Result<&str> {
    value.as_str().with_context(|| format!("not a string: {value}"))
}

fn bytes(value: &Value) -> Result<Vec<u8>> {
    let list = value.as_array().with_context(|| format!("not a list of bytes: {value}"))?;
    list.iter().map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).context("not a byte")).collect()
}

/// A `200` response with `body`, as the response target reads it.
fn success(body: &[u8]) -> Vec<u8> {
    encode_response(200, &[], body)
}

/// A success whose `CodeDeliveryDetails.Destination` is `text`: how characters reach the output formats.
fn destination(text: &str) -> Vec<u8> {
    success(serde_json::json!({"CodeDeliveryDetails": {"Destination": text}}).to_string().as_bytes())
}

/// `unicode_samples.json`: the sampled characters (all of each kind in one destination) and each measured text.
fn unicode_samples(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let data = data(root, recorder)?;
    let mut seeds = Vec::new();
    for kind in ["width", "text"] {
        let characters: String = rows(&data, kind)?
            .iter()
            .filter_map(|row| row[0].as_u64().and_then(|c| char::from_u32(u32::try_from(c).ok()?)))
            .collect();
        seeds.push((RESPONSE, destination(&characters)));
    }
    for row in rows(&data, "text_length")? {
        seeds.push((RESPONSE, destination(text(&row[0])?)));
    }
    Ok(seeds)
}

/// `python_golden.json`: strings (shorthand values), JSON texts (option values and response bodies), floats
/// (in both) and bytes (response bodies).
fn python_golden(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let data = data(root, recorder)?;
    let mut seeds = Vec::new();
    for row in rows(&data, "repr_str")? {
        seeds.push((SHORTHAND, text(&row[0])?.as_bytes().to_vec()));
    }
    for row in rows(&data, "repr_value")?.iter().chain(rows(&data, "json_dumps")?) {
        let json = text(&row[0])?.as_bytes();
        seeds.extend([(CLI_INPUT_JSON, json.to_vec()), (RESPONSE, success(json))]);
    }
    for row in rows(&data, "repr_float")? {
        // Python's repr, in the spelling Python's json reads (`inf` is `Infinity` there).
        let number = text(&row[1])?.replace("inf", "Infinity").replace("nan", "NaN");
        seeds.push((CLI_INPUT_JSON, format!("[{number}]").into_bytes()));
        seeds.push((RESPONSE, success(format!("{{\"N\": {number}}}").as_bytes())));
    }
    for row in rows(&data, "repr_bytes")? {
        seeds.push((RESPONSE, success(&bytes(&row[0])?)));
    }
    Ok(seeds)
}

/// `response_golden.json`: every text `json.loads` was given (a body and an option value), every byte string
/// decoded as UTF-8 (a body).
fn response_golden(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let data = data(root, recorder)?;
    let mut seeds = Vec::new();
    for row in rows(&data, "json_loads")? {
        let loaded = text(&row[0])?.as_bytes();
        seeds.extend([(RESPONSE, success(loaded)), (CLI_INPUT_JSON, loaded.to_vec())]);
    }
    for row in rows(&data, "utf8_decode")? {
        seeds.push((RESPONSE, success(&bytes(&row[0])?)));
    }
    Ok(seeds)
}

/// `text_output.json`, `table_output.json`: each value the output format printed, as a response body.
fn output_cases(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let data = data(root, recorder)?;
    rows(&data, "cases")?.iter().map(|case| Ok((RESPONSE, success(case["value"].to_string().as_bytes())))).collect()
}

/// `query_errors.json`, `query_goldens.json`: each expression, as `--query` of a command line.
fn query_expressions(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let data = data(root, recorder)?;
    rows(&data, "cases")?
        .iter()
        .map(|case| {
            let args = [
                "resend-confirmation-code",
                "--client-id",
                "a",
                "--username",
                "b",
                "--query",
                text(&case["expression"])?,
            ];
            Ok((ARGPARSE, args.join("\0").into_bytes()))
        })
        .collect()
}

/// The e2e golden cases (`tests/fixtures/awscli/recorded/`): their arguments, option values, files and
/// responses.
fn golden_cases(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let dir = root.join(recorder.output.path());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut seeds = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let recording: Recording =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        seeds.extend(recording_seeds(&recording));
    }
    Ok(seeds)
}

/// The differential fixtures' inputs (`inputs.json`), as `--cli-input-json` documents.
fn differential_inputs(root: &Path, recorder: &Recorder) -> Result<Vec<(Target, Vec<u8>)>> {
    let Inputs::RequestBodies(file) = recorder.inputs else { anyhow::bail!("{} has no inputs file", recorder.name) };
    let inputs = read_json(&root.join(file))?;
    rows(&inputs, "inputs")?.iter().map(|input| Ok((CLI_INPUT_JSON, input["input"].to_string().into_bytes()))).collect()
}

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
    headers: serde_json::Map<String, Value>,
    body: String,
}

/// A golden case's seeds: its argument list (argparse), its option values in JSON (cli_input_json) or
/// shorthand (shorthand), its text files, and its responses (response).
fn recording_seeds(recording: &Recording) -> Vec<(Target, Vec<u8>)> {
    let endpoint = |text: &str| text.replace("{endpoint}", "http://127.0.0.1:1");
    let args: Vec<String> = recording.args.iter().map(|a| endpoint(a)).collect();
    let mut seeds = vec![(ARGPARSE, args.join("\0").into_bytes())];
    let mut values: Vec<&str> = args.windows(2).filter(|w| w[0].starts_with("--")).map(|w| w[1].as_str()).collect();
    values.extend(args.iter().filter_map(|a| a.strip_prefix("--").and_then(|a| a.split_once('=')).map(|(_, v)| v)));
    for value in values {
        let trimmed = value.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            seeds.push((CLI_INPUT_JSON, value.as_bytes().to_vec()));
        } else if value.contains('=') && !value.contains("://") {
            seeds.push((SHORTHAND, value.as_bytes().to_vec()));
        }
    }
    // Files given as `base64:` are bytes the recorder could not store as text: not seeds.
    for content in recording.files.values().filter(|c| !c.is_empty() && !c.starts_with("base64:")) {
        seeds.push((CLI_INPUT_JSON, endpoint(content).into_bytes()));
    }
    for response in &recording.responses {
        let headers: Vec<(String, String)> = response
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect();
        seeds.push((RESPONSE, encode_response(response.status, &headers, response.body.as_bytes())));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Recorders whose output is code made from Python's tables, not recorded inputs.
    const NOT_INPUTS: &[&str] = &["py-unicode", "unicode-table"];

    #[test]
    fn every_recorder_of_inputs_seeds_and_every_source_is_a_recorder() {
        for recorder in RECORDERS {
            let seeds = SOURCES.iter().any(|(name, _)| *name == recorder.name);
            assert!(
                seeds != NOT_INPUTS.contains(&recorder.name),
                "{}: give it a row in SOURCES (its recorded inputs become seeds), or name it in NOT_INPUTS",
                recorder.name
            );
        }
        for (name, _) in SOURCES {
            assert!(RECORDERS.iter().any(|r| r.name == *name), "{name} is no recorder");
        }
    }

    #[test]
    fn the_targets_are_the_fuzz_targets() {
        let mut found = super::super::targets(&crate::workspace_root().join("fuzz")).expect("the fuzz targets");
        found.sort();
        assert_eq!(found, TARGETS);
    }

    #[test]
    fn every_recorded_input_is_a_seed_and_every_target_gets_some() {
        let root = crate::workspace_root();
        let seeds = all(&root).expect("the seeds");
        let of = |target: Target| seeds.iter().filter(|(t, _)| *t == target).count();
        for target in TARGETS {
            assert!(of(target) >= 50, "{target}: {} seeds", of(target));
        }
        // One seed or more per input: the response rows (json.loads and UTF-8), every query, every case.
        let response_golden = data(&root, RECORDERS.iter().find(|r| r.name == "response-golden").expect("a row"))
            .expect("response_golden.json");
        let responses = rows(&response_golden, "json_loads").expect("rows").len()
            + rows(&response_golden, "utf8_decode").expect("rows").len();
        let from = |name: &str| {
            let recorder = RECORDERS.iter().find(|r| r.name == name).expect("a row");
            let (_, seeds_of) = SOURCES.iter().find(|(n, _)| *n == name).expect("a source");
            seeds_of(&root, recorder).expect("its seeds")
        };
        assert_eq!(from("response-golden").iter().filter(|(t, _)| *t == RESPONSE).count(), responses);
        let loads = rows(&response_golden, "json_loads").expect("rows")[0][0].as_str().expect("a text");
        assert!(seeds.contains(&(RESPONSE, success(loads.as_bytes()))), "the first json.loads row is a seed");
        assert_eq!(from("query-errors").len(), 69);
        let cases = std::fs::read_dir(root.join("tests/fixtures/awscli/recorded")).expect("recordings").count();
        assert!(from("golden-cases").iter().filter(|(t, _)| *t == ARGPARSE).count() == cases);
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

        let seeds = recording_seeds(&recording);

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
}
