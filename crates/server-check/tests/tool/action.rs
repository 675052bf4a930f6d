//! The GitHub Action: `action.yml` hands every input to its script as `INPUT_*` and every output comes from
//! it; the script (`action/run.sh`) run with the environment a runner gives a step (`GITHUB_OUTPUT`,
//! `GITHUB_STEP_SUMMARY`, `RUNNER_TEMP`, `GITHUB_ACTION_PATH`, nothing else but `PATH`) against the reference
//! and a planted defect, with the built binary (`INPUT_BINARY`) or a stand-in `cargo` that records how the
//! action would build it; the step summary, the outputs and the exit code are checked, and the secret is
//! never printed or left behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_norway::Value;

use crate::support::{self, Run, Served, run_command};

fn repository() -> PathBuf {
    support::crate_dir().join("../..").canonicalize().expect("the repository root")
}

fn action() -> Value {
    let text = std::fs::read_to_string(repository().join("action.yml")).expect("action.yml at the repository root");
    serde_norway::from_str(&text).expect("action.yml is YAML")
}

fn script() -> PathBuf {
    support::crate_dir().join("action/run.sh")
}

/// `client-secret` -> `INPUT_CLIENT_SECRET`.
fn variable(input: &str) -> String {
    format!("INPUT_{}", input.to_ascii_uppercase().replace('-', "_"))
}

fn keys(mapping: &Value) -> Vec<String> {
    mapping.as_mapping().expect("a mapping").keys().filter_map(|k| k.as_str().map(str::to_owned)).collect()
}

#[test]
fn action_yml_hands_every_input_to_the_script_and_takes_every_output_from_it() {
    let action = action();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let step = &action["runs"]["steps"][0];
    assert_eq!(step["run"].as_str(), Some("bash \"$GITHUB_ACTION_PATH/crates/server-check/action/run.sh\""));
    let script = std::fs::read_to_string(script()).expect("the script");
    let inputs = keys(&action["inputs"]);
    let env = keys(&step["env"]);
    assert_eq!(env, inputs.iter().map(|i| variable(i)).collect::<Vec<_>>(), "one variable per input, in order");
    for input in &inputs {
        let var = variable(input);
        assert_eq!(step["env"][var.as_str()].as_str(), Some(format!("${{{{ inputs.{input} }}}}").as_str()));
        assert!(script.contains(&var), "run.sh reads {var}");
        assert!(action["inputs"][input.as_str()]["description"].as_str().is_some_and(|d| !d.is_empty()));
    }
    for output in keys(&action["outputs"]) {
        let value = action["outputs"][output.as_str()]["value"].as_str().expect("a value");
        assert_eq!(value, format!("${{{{ steps.check.outputs.{output} }}}}"), "{output}");
    }
    assert_eq!(step["id"].as_str(), Some("check"));
}

#[test]
fn the_example_workflow_gives_the_action_only_inputs_it_has_and_every_required_one() {
    let action = action();
    let text = std::fs::read_to_string(support::crate_dir().join("action/example-workflow.yml")).expect("reads");
    let workflow: Value = serde_norway::from_str(&text).expect("the example workflow is YAML");
    let steps = workflow["jobs"]["conformance"]["steps"].as_sequence().expect("steps");
    let step = steps.iter().find(|s| s["uses"].as_str() == Some("OWNER/REPO@REF")).expect("a step uses the action");
    let inputs = keys(&action["inputs"]);
    let given = keys(&step["with"]);
    for name in &given {
        assert!(inputs.contains(name), "the example gives the action an input it does not have: {name}");
    }
    for name in inputs.iter().filter(|n| action["inputs"][n.as_str()]["required"].as_bool() == Some(true)) {
        assert!(given.contains(name), "the example leaves out the required input {name}");
    }
    let id = step["id"].as_str().expect("the step has an id");
    let outputs = keys(&action["outputs"]);
    let prefix = format!("steps.{id}.outputs.");
    let used: Vec<&str> = text.split(&prefix).skip(1).filter_map(|rest| rest.split([' ', '}']).next()).collect();
    assert!(!used.is_empty(), "the example uses an output");
    for output in used {
        assert!(outputs.iter().any(|o| o == output), "the example reads an output the action does not have: {output}");
    }
}

#[test]
fn the_readme_shows_the_example_workflow_as_it_is() {
    let example = std::fs::read_to_string(support::crate_dir().join("action/example-workflow.yml")).expect("reads");
    let readme = std::fs::read_to_string(support::crate_dir().join("../../README.md")).expect("the README");
    assert!(
        readme.contains(&format!("```yaml\n{example}```")),
        "README.md's workflow differs from crates/server-check/action/example-workflow.yml: copy the file into it"
    );
}

#[test]
fn the_action_script_passes_shellcheck() {
    if !support::available("the shellcheck test", "shellcheck", &["--version"], "Debian's shellcheck") {
        return;
    }
    let args = support::strings(&["--severity=style", "--shell=bash", &script().display().to_string()]);
    let run = support::run_bounded(Path::new("shellcheck"), &args, &[], Duration::from_secs(60));
    assert_eq!(run.code, Some(0), "{}", run.printed());
}

/// A runner's step environment in a scratch folder.
struct Runner {
    dir: PathBuf,
}

impl Runner {
    fn new(name: &str) -> Self {
        let dir = support::scratch(name);
        std::fs::create_dir_all(dir.join("temp")).expect("RUNNER_TEMP");
        std::fs::write(dir.join("summary.md"), "").expect("the step summary file");
        std::fs::write(dir.join("output"), "").expect("the output file");
        Self { dir }
    }

    /// Runs the script with `inputs` (action input names and values) and `more` variables.
    fn run(&self, inputs: &[(&str, &str)], more: &[(&str, &str)]) -> Run {
        let mut command = Command::new("bash");
        command.arg(script()).env_clear().current_dir(&self.dir);
        command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        command.env("GITHUB_OUTPUT", self.dir.join("output"));
        command.env("GITHUB_STEP_SUMMARY", self.dir.join("summary.md"));
        command.env("RUNNER_TEMP", self.dir.join("temp"));
        command.env("GITHUB_ACTION_PATH", repository());
        for (input, value) in inputs {
            command.env(variable(input), value);
        }
        for (name, value) in more {
            command.env(name, value);
        }
        run_command(command, Duration::from_secs(120))
    }

    fn summary(&self) -> String {
        std::fs::read_to_string(self.dir.join("summary.md")).expect("reads the summary")
    }

    fn outputs(&self) -> BTreeMap<String, String> {
        let text = std::fs::read_to_string(self.dir.join("output")).expect("reads the outputs");
        text.lines()
            .map(|line| line.split_once('=').expect("name=value"))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    /// What is left in RUNNER_TEMP, besides the reports' folder.
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.join("temp"))
            .expect("lists RUNNER_TEMP")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name != "cognito-idp-conformance")
            .collect()
    }
}

fn target_inputs<'a>(served: &'a Served, endpoint: &'a str, secret: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("endpoint-url", endpoint),
        ("client-id", served.account.client_id.as_str()),
        ("username", served.account.username.as_str()),
        ("confirmed-username", served.account.confirmed_username.as_str()),
        ("client-secret", secret),
        ("binary", support::BIN),
    ]
}

fn secret_of(served: &Served) -> String {
    String::from_utf8(served.account.secret.clone().expect("a secret")).expect("text")
}

#[test]
fn the_action_checks_a_conforming_server_into_the_step_summary_and_outputs() {
    let served = Served::reference("action-reference");
    let runner = Runner::new("action-conforms");
    let (endpoint, secret) = (served.server.uri(), secret_of(&served));
    let run = runner.run(&target_inputs(&served, &endpoint, &secret), &[]);
    assert_eq!(run.code, Some(0), "{}", run.printed());
    let outputs = runner.outputs();
    let names: Vec<&str> = outputs.keys().map(String::as_str).collect();
    let mut declared = keys(&action()["outputs"]);
    declared.sort();
    assert_eq!(names, declared, "the script writes every output action.yml declares");
    assert_eq!(outputs["exit-code"], "0");
    assert_eq!(outputs["verdict"], "conforms");
    for report in ["json", "junit", "har", "markdown", "html"] {
        assert!(Path::new(&outputs[report]).is_file(), "{report}: {}", outputs[report]);
        assert!(outputs[report].starts_with(&outputs["report-dir"]), "{report} is in the report folder");
    }
    let summary = runner.summary();
    assert!(summary.starts_with("## ✅ cognito-idp-conformance: conforms"), "{summary}");
    assert_eq!(summary, std::fs::read_to_string(&outputs["markdown"]).expect("reads"), "the summary is the report");
    assert!(run.stdout.contains("verdict: conforms"), "the log has the terminal report:\n{}", run.stdout);
    for (what, text) in [("the log", run.printed()), ("the summary", summary)] {
        assert!(!text.contains(&secret), "the secret is in {what}");
    }
    assert!(runner.leftovers().is_empty(), "nothing is left in RUNNER_TEMP: {:?}", runner.leftovers());
    let report = support::read_report(Path::new(&outputs["json"]));
    assert!(report.target.client_has_secret, "the secret reached the tool");
}

#[test]
fn the_action_fails_the_step_on_a_planted_defect_with_the_failures_in_the_summary() {
    let served = Served::defect("action-defect", "not-authorized-is-401");
    let runner = Runner::new("action-defect");
    let (endpoint, secret) = (served.server.uri(), secret_of(&served));
    let mut inputs = target_inputs(&served, &endpoint, &secret);
    inputs.extend([("skip", "protocol, delivery\nlookup.unknown-client"), ("report-dir", "reports")]);
    let run = runner.run(&inputs, &[]);
    assert_eq!(run.code, Some(1), "{}", run.printed());
    let outputs = runner.outputs();
    assert_eq!((outputs["exit-code"].as_str(), outputs["verdict"].as_str()), ("1", "does-not-conform"));
    assert_eq!(outputs["junit"], "reports/report.xml", "report-dir is taken as given");
    assert!(runner.dir.join("reports/report.xml").is_file());
    let summary = runner.summary();
    assert!(summary.starts_with("## ❌ cognito-idp-conformance: does not conform"), "{summary}");
    assert!(summary.contains("#### `response.status`") && summary.contains("<details>"), "{summary}");
    let report = support::read_report(&runner.dir.join("reports/report.json"));
    assert_eq!(report.settings.skip, ["protocol", "delivery", "lookup.unknown-client"], "skip is split");
    assert!(!run.printed().contains(&secret) && runner.leftovers().is_empty());
}

#[test]
fn bad_inputs_end_the_step_with_exit_code_2_and_say_why() {
    let served = Served::reference("action-bad");
    let (endpoint, secret) = (served.server.uri(), secret_of(&served));
    let base = target_inputs(&served, &endpoint, &secret);
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&str, &str)> {
        let mut inputs: Vec<(&str, &str)> =
            base.iter().filter(|(name, _)| !extra.iter().any(|(n, _)| n == name)).copied().collect();
        inputs.extend(extra.iter().filter(|(_, v)| !v.is_empty()).copied());
        inputs
    };
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (with(&[("endpoint-url", "")]), "the input endpoint-url is required"),
        (with(&[("client-secret-file", "secret.txt")]), "give client-secret or client-secret-file, not both"),
        (with(&[("prevent-user-existence-errors", "yes")]), "is 'true' or 'false', not 'yes'"),
        (with(&[("binary", "no/such/binary")]), "the input binary names no executable file"),
        (with(&[("only", "no.such-id")]), "--only no.such-id: no expectation or family has that name"),
        (with(&[("max-deliveries", "-1")]), "--max-deliveries"),
    ];
    for (index, (inputs, said)) in cases.into_iter().enumerate() {
        let runner = Runner::new(&format!("action-bad-{index}"));
        let run = runner.run(&inputs, &[]);
        assert_eq!(run.code, Some(2), "{said}: {}", run.printed());
        assert!(run.stderr.contains(said), "the log says {said:?}:\n{}", run.stderr);
        let summary = runner.summary();
        assert!(summary.starts_with("## ⚠️ cognito-idp-conformance: could not run"), "{summary}");
        assert!(summary.contains(said), "the summary says {said:?}:\n{summary}");
        let outputs = runner.outputs();
        assert_eq!((outputs["exit-code"].as_str(), outputs["verdict"].as_str()), ("2", "could-not-check"), "{said}");
        assert!(!run.printed().contains(&secret) && runner.leftovers().is_empty(), "{said}: {:?}", runner.leftovers());
    }
}

#[test]
fn without_a_binary_the_action_builds_the_tool_from_its_own_checkout() {
    let served = Served::reference("action-install");
    let runner = Runner::new("action-install");
    // A stand-in cargo: records its arguments and installs the binary the tests built.
    let bin = runner.dir.join("bin");
    std::fs::create_dir_all(&bin).expect("creates bin/");
    let record = runner.dir.join("cargo-args");
    std::fs::write(
        bin.join("cargo"),
        format!(
            "#!/usr/bin/env bash\nset -eu\nprintf '%s\\n' \"$@\" > '{record}'\nroot=''\nwhile [ $# -gt 0 ]; do \
             [ \"$1\" = --root ] && root=$2; shift; done\nmkdir -p \"$root/bin\"\ncp '{built}' \"$root/bin/\"\n",
            record = record.display(),
            built = support::BIN,
        ),
    )
    .expect("writes the stand-in");
    let status = Command::new("chmod").arg("+x").arg(bin.join("cargo")).status().expect("chmod");
    assert!(status.success());
    let (endpoint, secret) = (served.server.uri(), secret_of(&served));
    let inputs: Vec<(&str, &str)> =
        target_inputs(&served, &endpoint, &secret).into_iter().filter(|(n, _)| *n != "binary").collect();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut command_env = vec![("PATH", path.as_str())];
    command_env.retain(|(_, v)| !v.is_empty());
    let run = runner.run(&inputs, &command_env);
    assert_eq!(run.code, Some(0), "{}", run.printed());
    let args = std::fs::read_to_string(&record).expect("cargo ran");
    let args: Vec<&str> = args.lines().collect();
    let crate_path = repository().join("crates/server-check").display().to_string();
    let root = runner.dir.join("temp/cognito-idp-conformance-install").display().to_string();
    assert_eq!(args, ["install", "--locked", "--path", &crate_path, "--root", &root]);
    assert!(run.stdout.contains("::group::cargo install --locked --path crates/server-check"), "{}", run.stdout);
}
