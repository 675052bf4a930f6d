//! `cargo xtask record-goldens [--check] [--only NAME...]`: every recorded or generated expectation of the
//! repository made again from one table, [`RECORDERS`]: each row a program whose inputs live in the repository,
//! what it runs with, and what it writes.
//!
//! How a row runs ([`RunsWith`]) decides what `--check` can verify, and the report says which it did:
//! - **CPython 3.11** (standard library only, offline): the output is made again in `target/record-goldens/`
//!   and compared with the committed one (JSON as values, anything else as text). A missing Python 3.11 is an
//!   error, never a skip (`--python` names another interpreter).
//! - **AWS CLI v1** (awscli 1.46.3 against servers of the recorder on 127.0.0.1): where the venv is there
//!   (`--venv`, default `.venv-awscli`), made again and compared like the above; elsewhere (CI installs no AWS
//!   CLI) the recorder lists its inputs (`PROGRAM ARGS --inputs`, standard library only) and every recorded case
//!   must hold exactly those inputs, in order: the recordings are of these inputs, though whether AWS CLI v1
//!   would still print the same is not re-asked.
//! - Recordings that hold per-run values (ports, invocation ids, the machine in `User-Agent`; [`Output::Folder`])
//!   are never compared with a new run: `--check` holds them against their inputs, and recording writes them
//!   in place (the recorders leave alone a file that differs only in such values).
//!
//! The recorders' side of it: a file row's program takes its output path last (`PROGRAM ARGS [--aws AWS]
//! OUTPUT`); an AWS CLI row's program takes `--aws` (the venv's `aws`) and answers `--inputs` with the JSON list
//! of its cases' inputs, each as its recording holds it. A new recorder is one more row.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::record::{awscli_venv, installed_awscli, venv_executable};

/// Options of `cargo xtask record-goldens`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Compare instead of writing: exit non-zero when a committed file differs from a fresh recording, or a
    /// recording from its inputs.
    #[arg(long)]
    check: bool,
    /// Only these rows (default: every row of the table).
    #[arg(long, value_name = "NAME", num_args = 1..)]
    only: Vec<String>,
    /// The Python 3.11 that runs the CPython rows (its `unicodedata` is Unicode 14.0.0, as AWS CLI v1's).
    #[arg(long, value_name = "PATH", default_value = "python3")]
    python: PathBuf,
    /// The Python venv holding awscli 1.46.3 (default: .venv-awscli in the workspace root); recording creates
    /// it when missing, `--check` uses it only when it is there.
    #[arg(long, value_name = "PATH")]
    venv: Option<PathBuf>,
}

/// What a recorder runs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunsWith {
    /// CPython 3.11, standard library only: anywhere, offline.
    Python311,
    /// AWS CLI v1 (awscli 1.46.3) from the venv, run by the venv's Python.
    AwsCli,
    /// The AWS SDK for Rust, in `tools/record-sdk/` (its own workspace: a heavy build, never in CI).
    RustSdk,
}

/// Where a recorder writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file, the same for the same inputs: made in a scratch folder, then compared or copied.
    File(&'static str),
    /// A folder of `<name>.json` recordings that hold per-run values, written in place by the recorder.
    Folder(&'static str),
}

impl Output {
    /// The output's path, relative to the workspace root.
    pub fn path(self) -> &'static str {
        match self {
            Output::File(path) | Output::Folder(path) => path,
        }
    }
}

/// What a recording is made from, for `--check` where the recording is not made again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inputs {
    /// Only the program itself (a generator with seeded cases): a check makes the output again.
    InProgram,
    /// The program lists them (`--inputs`): JSON objects, each the members its recorded case must hold (the
    /// file's `cases` in order, or the folder's `<name>.json`).
    Listed,
    /// The recordings are requests: one `<name>.json` per input of this file (`{"inputs": [{"name", "input"}]}`),
    /// whose body is that input.
    RequestBodies(&'static str),
}

/// One row of the table.
#[derive(Debug)]
pub struct Recorder {
    /// The row's name (`--only`).
    pub name: &'static str,
    /// The program: a script, or the manifest of a cargo project.
    pub program: &'static str,
    /// Its arguments before the output.
    pub args: &'static [&'static str],
    pub runs_with: RunsWith,
    pub output: Output,
    pub inputs: Inputs,
}

/// Every recorder of the repository.
pub const RECORDERS: &[Recorder] = &[
    // Python 3.11's Unicode tables (printable, upper case, widths) that the CLI's output code uses.
    Recorder {
        name: "py-unicode",
        program: "crates/cli/tools/gen_py_unicode.py",
        args: &[],
        runs_with: RunsWith::Python311,
        output: Output::File("crates/cli/src/python/py_unicode.rs"),
        inputs: Inputs::InProgram,
    },
    // Python's answers at the tables' range boundaries, which the text and table tests check the tables against.
    Recorder {
        name: "unicode-samples",
        program: "crates/cli/tools/gen_py_unicode.py",
        args: &["--samples"],
        runs_with: RunsWith::Python311,
        output: Output::File("crates/cli/tests/data/unicode_samples.json"),
        inputs: Inputs::InProgram,
    },
    // CPython's repr() and json.dumps() on seeded cases (pyrepr, jsonfmt).
    Recorder {
        name: "python-golden",
        program: "crates/cli/tools/gen_python_golden.py",
        args: &[],
        runs_with: RunsWith::Python311,
        output: Output::File("crates/cli/tests/data/python_golden.json"),
        inputs: Inputs::InProgram,
    },
    // CPython's json.loads() of mutated texts and UTF-8 decoding errors (response).
    Recorder {
        name: "response-golden",
        program: "crates/cli/tools/gen_response_golden.py",
        args: &[],
        runs_with: RunsWith::Python311,
        output: Output::File("crates/cli/tests/data/response_golden.json"),
        inputs: Inputs::InProgram,
    },
    // The Unicode general categories of the conformance suite's strategies.
    Recorder {
        name: "unicode-table",
        program: "crates/server-check/scripts/unicode_table.py",
        args: &[],
        runs_with: RunsWith::Python311,
        output: Output::File("crates/server-check/src/unicode_table.rs"),
        inputs: Inputs::InProgram,
    },
    // AWS CLI v1's `--output text` and `--output table` (against crates/cli/tools/mockserver.py).
    Recorder {
        name: "text-output",
        program: "crates/cli/tools/record_output_goldens.py",
        args: &["text"],
        runs_with: RunsWith::AwsCli,
        output: Output::File("crates/cli/tests/data/text_output.json"),
        inputs: Inputs::Listed,
    },
    Recorder {
        name: "table-output",
        program: "crates/cli/tools/record_output_goldens.py",
        args: &["table"],
        runs_with: RunsWith::AwsCli,
        output: Output::File("crates/cli/tests/data/table_output.json"),
        inputs: Inputs::Listed,
    },
    // AWS CLI v1's messages for invalid `--query` expressions.
    Recorder {
        name: "query-errors",
        program: "crates/cli/tools/record_query_errors.py",
        args: &[],
        runs_with: RunsWith::AwsCli,
        output: Output::File("crates/cli/tests/data/query_errors.json"),
        inputs: Inputs::Listed,
    },
    // jmespath-python's results and errors for valid `--query` expressions, and what AWS CLI v1's formatters print
    // of them (some also through the real command, against crates/cli/tools/mockserver.py).
    Recorder {
        name: "query-goldens",
        program: "crates/cli/tools/record_query_goldens.py",
        args: &[],
        runs_with: RunsWith::AwsCli,
        output: Output::File("crates/cli/tests/data/query_goldens.json"),
        inputs: Inputs::Listed,
    },
    // The e2e golden cases of tests/fixtures/awscli/cases.json (`cargo xtask record-awscli CASE...` records some).
    Recorder {
        name: "golden-cases",
        program: "tests/fixtures/awscli/record.py",
        args: &[],
        runs_with: RunsWith::AwsCli,
        output: Output::Folder("tests/fixtures/awscli/recorded"),
        inputs: Inputs::Listed,
    },
    // The requests of the differential fixtures: AWS CLI v1's, and the AWS SDK for Rust's.
    Recorder {
        name: "differential-awscli",
        program: "tools/record-sdk/record_awscli.py",
        args: &[],
        runs_with: RunsWith::AwsCli,
        output: Output::Folder("crates/conformance/fixtures/differential/awscli"),
        inputs: Inputs::RequestBodies("crates/conformance/fixtures/differential/inputs.json"),
    },
    Recorder {
        name: "differential-sdk",
        program: "tools/record-sdk/Cargo.toml",
        args: &[],
        runs_with: RunsWith::RustSdk,
        output: Output::Folder("crates/conformance/fixtures/differential/sdk"),
        inputs: Inputs::RequestBodies("crates/conformance/fixtures/differential/inputs.json"),
    },
];

/// What happened to one row.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Made again: the committed output is the same.
    Fresh,
    /// Made again: the committed output differs (with `--check`).
    Stale,
    /// Made again and written over the committed output.
    Written,
    /// Recorded in place by the recorder.
    RecordedInPlace,
    /// Not made again (the reason); its recordings hold exactly its inputs.
    InputsCorrespond(String),
    /// Not made again (the reason); the recordings and the inputs differ (the first differences).
    InputsDiffer(String, Vec<String>),
    /// The recorder could not be run, or its output read (why).
    Failed(String),
}

impl Verdict {
    fn failed(&self) -> bool {
        matches!(self, Verdict::Stale | Verdict::InputsDiffer(..) | Verdict::Failed(_))
    }

    fn describe(&self) -> String {
        match self {
            Verdict::Fresh => "fresh: made again, the same".to_owned(),
            Verdict::Stale => "STALE: made again, it differs".to_owned(),
            Verdict::Written => "written".to_owned(),
            Verdict::RecordedInPlace => "recorded in place".to_owned(),
            Verdict::InputsCorrespond(why) => format!("inputs correspond (not recorded again: {why})"),
            Verdict::InputsDiffer(why, problems) => {
                format!("INPUTS DIFFER (not recorded again: {why}):\n      {}", problems.join("\n      "))
            }
            Verdict::Failed(why) => format!("FAILED: {why}"),
        }
    }
}

/// Everything a row may need, found once.
struct Run<'a> {
    root: &'a Path,
    args: &'a Args,
    scratch: PathBuf,
    /// The awscli venv, where there is one (with `--check`) or once made (recording).
    venv: Option<PathBuf>,
}

/// Runs every selected row and prints one line each; fails when a row does.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    let rows: Vec<&Recorder> = if args.only.is_empty() {
        RECORDERS.iter().collect()
    } else {
        let names: Vec<&str> = RECORDERS.iter().map(|r| r.name).collect();
        if let Some(unknown) = args.only.iter().find(|n| !names.contains(&n.as_str())) {
            bail!("no recorder {unknown:?}: the rows are {}", names.join(", "));
        }
        RECORDERS.iter().filter(|r| args.only.iter().any(|n| n == r.name)).collect()
    };
    let scratch = cognito_idp_test_kit::cargo_env::target_dir().join("record-goldens");
    std::fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    if rows.iter().any(|r| r.runs_with == RunsWith::Python311) {
        require_python311(&args.python)?;
    }
    let venv = if !rows.iter().any(|r| r.runs_with == RunsWith::AwsCli) {
        None
    } else if args.check {
        existing_venv(root, args.venv.clone())?
    } else {
        Some(awscli_venv(root, args.venv.clone())?)
    };
    let context = Run { root, args, scratch, venv };

    let mut failed = Vec::new();
    for row in rows {
        eprintln!("::: {} ({})", row.name, row.program);
        let verdict = if args.check { check(&context, row) } else { record(&context, row) }
            .unwrap_or_else(|error| Verdict::Failed(format!("{error:#}")));
        eprintln!("{:<20} {}: {}", row.name, row.output.path(), verdict.describe());
        if verdict.failed() {
            failed.push(row.name);
        }
    }
    if !failed.is_empty() {
        bail!(
            "{} of the rows failed: {}\nsee each one's line above; where the data is out of date, run \
             `cargo xtask record-goldens --only {}`, review and commit",
            failed.len(),
            failed.join(", "),
            failed.join(" ")
        );
    }
    Ok(())
}

/// `--check` of one row: made again and compared where it can be, else held against its inputs.
fn check(context: &Run<'_>, row: &Recorder) -> Result<Verdict> {
    match (row.output, row.runs_with, &context.venv) {
        (Output::File(path), RunsWith::Python311, _) | (Output::File(path), RunsWith::AwsCli, Some(_)) => {
            let fresh = make_file(context, row, path)?;
            Ok(if same_content(&fresh, &context.root.join(path))? { Verdict::Fresh } else { Verdict::Stale })
        }
        _ => {
            let why = match (row.output, row.runs_with) {
                (Output::Folder(_), _) => "its recordings hold per-run values",
                (_, RunsWith::AwsCli) => "no AWS CLI v1 venv here (--venv, or .venv-awscli)",
                _ => "its recorder is not run by checks",
            };
            let problems = compare_inputs(context, row)?;
            Ok(if problems.is_empty() {
                Verdict::InputsCorrespond(why.to_owned())
            } else {
                Verdict::InputsDiffer(why.to_owned(), problems)
            })
        }
    }
}

/// One row recorded: a file made and copied over the committed one when it differs, or a folder written in place.
fn record(context: &Run<'_>, row: &Recorder) -> Result<Verdict> {
    match row.output {
        Output::File(path) => {
            let fresh = make_file(context, row, path)?;
            let committed = context.root.join(path);
            // Byte for byte here, so that the committed file is the recorder's text.
            if std::fs::read(&committed).ok() == Some(std::fs::read(&fresh).context("reading the new output")?) {
                return Ok(Verdict::Fresh);
            }
            std::fs::copy(&fresh, &committed).with_context(|| format!("writing {path}"))?;
            Ok(Verdict::Written)
        }
        Output::Folder(_) => {
            let mut command = program(context, row)?;
            let status = command.status().with_context(|| format!("running {}", row.program))?;
            if !status.success() {
                bail!("{} failed ({status}); see its output above", row.program);
            }
            Ok(Verdict::RecordedInPlace)
        }
    }
}

/// The command that runs a row's program with its arguments (and `--aws` for AWS CLI rows), from the root.
fn program(context: &Run<'_>, row: &Recorder) -> Result<Command> {
    let mut command = match row.runs_with {
        RunsWith::Python311 => Command::new(&context.args.python),
        RunsWith::AwsCli => {
            let venv = context.venv.as_ref().context("no AWS CLI v1 venv")?;
            Command::new(venv_executable(venv, "python"))
        }
        RunsWith::RustSdk => {
            // Its own workspace and lock file; a target folder of its own, so that the heavy build stays there.
            let mut command = cognito_idp_test_kit::cargo_env::cargo();
            command.env("CARGO_TARGET_DIR", context.root.join("tools/record-sdk/target")).args([
                "run",
                "--locked",
                "--manifest-path",
                row.program,
            ]);
            return Ok(command);
        }
    };
    command.current_dir(context.root).arg(row.program).args(row.args);
    if let (RunsWith::AwsCli, Some(venv)) = (row.runs_with, &context.venv) {
        command.arg("--aws").arg(venv_executable(venv, "aws"));
    }
    Ok(command)
}

/// A file row's output made in the scratch folder.
fn make_file(context: &Run<'_>, row: &Recorder, path: &str) -> Result<PathBuf> {
    let name = format!("{}-{}", row.name, Path::new(path).file_name().context("a file name")?.to_string_lossy());
    let fresh = context.scratch.join(name);
    let _ = std::fs::remove_file(&fresh);
    let mut command = program(context, row)?;
    let status = command.arg(&fresh).status().with_context(|| format!("running {}", row.program))?;
    if !status.success() {
        bail!("{} failed ({status}); see its output above", row.program);
    }
    Ok(fresh)
}

/// The differences between a row's recordings and its inputs (empty when they correspond).
fn compare_inputs(context: &Run<'_>, row: &Recorder) -> Result<Vec<String>> {
    let root = context.root;
    match row.inputs {
        Inputs::InProgram => bail!("{} is made only from its program: it must be made again to be checked", row.name),
        Inputs::Listed => {
            let output = Command::new(&context.args.python)
                .current_dir(root)
                .arg(row.program)
                .args(row.args)
                .arg("--inputs")
                .stdin(Stdio::null())
                .output()
                .with_context(|| format!("running {} --inputs", row.program))?;
            if !output.status.success() {
                bail!(
                    "{} --inputs failed ({}):\n{}",
                    row.program,
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            let inputs: Vec<Value> = serde_json::from_slice(&output.stdout)
                .with_context(|| format!("{} --inputs printed no JSON list", row.program))?;
            match row.output {
                Output::File(path) => {
                    let recorded: Vec<Option<Value>> = read_json(&root.join(path))?["cases"]
                        .as_array()
                        .with_context(|| format!("{path} has no `cases` list"))?
                        .iter()
                        .map(|case| Some(case.clone()))
                        .collect();
                    Ok(listed_differences(&inputs, &recorded))
                }
                Output::Folder(dir) => {
                    let names: Vec<&str> = inputs.iter().filter_map(|i| i["name"].as_str()).collect();
                    let mut recorded = Vec::new();
                    for name in &names {
                        let path = root.join(dir).join(format!("{name}.json"));
                        recorded.push(if path.exists() { Some(read_json(&path)?) } else { None });
                    }
                    let mut problems = listed_differences(&inputs, &recorded);
                    let extra = extra_files(&root.join(dir), &names)?;
                    problems.extend(extra.into_iter().map(|file| format!("{file}: no such case")));
                    Ok(problems)
                }
            }
        }
        Inputs::RequestBodies(inputs_file) => {
            let inputs = read_json(&root.join(inputs_file))?;
            let inputs = inputs["inputs"].as_array().with_context(|| format!("{inputs_file} has no `inputs` list"))?;
            let dir = root.join(row.output.path());
            let mut problems = Vec::new();
            let mut names = Vec::new();
            for input in inputs {
                let name = input["name"].as_str().with_context(|| format!("an input of {inputs_file} has no name"))?;
                names.push(name);
                let path = dir.join(format!("{name}.json"));
                if !path.exists() {
                    problems.push(format!("{name}: no recording"));
                    continue;
                }
                let body = read_json(&path)?["body"].as_str().map(serde_json::from_str::<Value>);
                if !matches!(body, Some(Ok(ref body)) if *body == input["input"]) {
                    problems.push(format!("{name}: the recorded request's body is not the input"));
                }
            }
            problems.extend(extra_files(&dir, &names)?.into_iter().map(|f| format!("{f}: no such input")));
            Ok(problems)
        }
    }
}

/// Where listed inputs and recorded cases differ: each input's members must be its case's, in the same order.
fn listed_differences(inputs: &[Value], recorded: &[Option<Value>]) -> Vec<String> {
    let label = |value: &Value, at: usize| {
        value["name"].as_str().or(value["expression"].as_str()).map_or_else(|| format!("case {at}"), str::to_owned)
    };
    let mut problems = Vec::new();
    if inputs.len() != recorded.len() {
        problems.push(format!("{} inputs, {} recordings", inputs.len(), recorded.len()));
    }
    for (at, (input, case)) in inputs.iter().zip(recorded).enumerate() {
        let Some(members) = input.as_object() else {
            problems.push(format!("input {at} is not an object"));
            continue;
        };
        match case {
            None => problems.push(format!("{}: no recording", label(input, at))),
            Some(case) => {
                let differing: Vec<&str> =
                    members.iter().filter(|(k, v)| case.get(k.as_str()) != Some(v)).map(|(k, _)| k.as_str()).collect();
                if !differing.is_empty() {
                    problems.push(format!("{}: recorded with other {}", label(input, at), differing.join(", ")));
                }
            }
        }
    }
    problems.truncate(20);
    problems
}

/// The `*.json` files of `dir` whose stem is none of `names`.
fn extra_files(dir: &Path, names: &[&str]) -> Result<Vec<String>> {
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "json") && !names.contains(&stem) {
            extra.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        }
    }
    extra.sort();
    Ok(extra)
}

/// Fails unless `python` is CPython 3.11 with Unicode 14.0.0 (what the CPython rows were made with).
fn require_python311(python: &Path) -> Result<()> {
    let output = Command::new(python)
        .args(["-c", "import sys, unicodedata; print('%d.%d' % sys.version_info[:2], unicodedata.unidata_version)"])
        .output()
        .with_context(|| format!("running {} (the CPython rows need Python 3.11)", python.display()))?;
    let found = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if found != "3.11 14.0.0" {
        bail!(
            "{} is Python {found:?}; the CPython rows need Python 3.11 (unicodedata 14.0.0): name one with --python",
            python.display()
        );
    }
    Ok(())
}

/// The awscli venv if it is already there with the right awscli (checks never install).
fn existing_venv(root: &Path, venv: Option<PathBuf>) -> Result<Option<PathBuf>> {
    let named = venv.is_some();
    let venv = match venv {
        Some(venv) => std::path::absolute(&venv).with_context(|| format!("resolving {}", venv.display()))?,
        None => root.join(crate::record::DEFAULT_VENV),
    };
    let python = venv_executable(&venv, "python");
    if !python.exists() {
        if named {
            bail!("no venv at {}", venv.display());
        }
        return Ok(None);
    }
    match installed_awscli(&python)? {
        Some(version) if version == crate::record::AWSCLI_VERSION => Ok(Some(venv)),
        found => bail!(
            "the venv at {} has awscli {}, and the recordings need {}",
            venv.display(),
            found.as_deref().unwrap_or("(none)"),
            crate::record::AWSCLI_VERSION
        ),
    }
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Whether two files hold the same: JSON as values, anything else as text.
fn same_content(a: &Path, b: &Path) -> Result<bool> {
    if b.extension().is_some_and(|e| e == "json") {
        return Ok(read_json(a)? == read_json(b)?);
    }
    let read = |path: &Path| std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()));
    Ok(read(a)? == read(b)?)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_recorder_and_its_output_is_in_the_repository() {
        let root = crate::workspace_root();
        let mut names = std::collections::BTreeSet::new();
        for row in RECORDERS {
            assert!(names.insert(row.name), "{} twice", row.name);
            assert!(root.join(row.program).is_file(), "{}: no {}", row.name, row.program);
            match row.output {
                Output::File(path) => assert!(root.join(path).is_file(), "{}: no {path}", row.name),
                Output::Folder(dir) => assert!(root.join(dir).is_dir(), "{}: no {dir}", row.name),
            }
            if let Inputs::RequestBodies(file) = row.inputs {
                assert!(root.join(file).is_file(), "{}: no {file}", row.name);
            }
            // A row that is never made again by a check must have inputs to be held against.
            let always_made = row.runs_with == RunsWith::Python311 && matches!(row.output, Output::File(_));
            assert!(always_made || row.inputs != Inputs::InProgram, "{}: --check could not see it", row.name);
        }
    }

    #[test]
    fn every_data_file_has_its_recorder() {
        let root = crate::workspace_root();
        let outputs: Vec<&str> = RECORDERS.iter().map(|r| r.output.path()).collect();
        for dir in ["crates/cli/tests/data"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("the data folder") {
                let path = format!("{dir}/{}", entry.expect("an entry").file_name().to_string_lossy());
                assert!(outputs.contains(&path.as_str()), "{path} has no row in RECORDERS");
            }
        }
    }

    #[test]
    fn listed_inputs_must_be_what_each_case_was_recorded_with() {
        let inputs = [json!({"name": "a", "query": "x"}), json!({"name": "b", "query": "y"})];
        let same = [Some(json!({"name": "a", "query": "x", "stdout": "1"})), Some(json!({"name": "b", "query": "y"}))];
        assert!(listed_differences(&inputs, &same).is_empty());

        let changed = [Some(json!({"name": "a", "query": "z"})), Some(json!({"name": "b", "query": "y"}))];
        assert_eq!(listed_differences(&inputs, &changed), ["a: recorded with other query"]);

        let missing = [Some(json!({"name": "a", "query": "x"})), None];
        assert_eq!(listed_differences(&inputs, &missing), ["b: no recording"]);

        let extra = [Some(json!({"name": "a", "query": "x"})), Some(json!({"name": "b", "query": "y"})), None];
        assert_eq!(listed_differences(&inputs, &extra), ["2 inputs, 3 recordings"]);
    }

    #[test]
    fn the_committed_recordings_correspond_to_their_inputs() {
        let root = crate::workspace_root();
        let args = Args { check: true, only: Vec::new(), python: PathBuf::from("python3"), venv: None };
        let context = Run { root: &root, args: &args, scratch: std::env::temp_dir(), venv: None };
        for row in RECORDERS.iter().filter(|r| r.inputs != Inputs::InProgram) {
            let problems = compare_inputs(&context, row).expect("the inputs can be compared");
            assert!(problems.is_empty(), "{}: {problems:?}", row.name);
        }
    }
}
