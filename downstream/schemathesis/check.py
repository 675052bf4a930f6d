"""The Schemathesis row of `cargo xtask downstream`: Schemathesis's property tests of spec/cognito-idp.openapi.yaml,
with this folder's hooks and configuration, against a running implementation (the conformance suite's reference
implementation, which must pass), judged from Schemathesis's own JSON run report rather than from its text.

It reports through the matrix's protocol (docs/generators.md, "The rows' protocol"): stdout holds nothing but one
JSON object a line per check, `{"part": "request" | "success" | "error", "check": ID, "ok": BOOL, "detail": TEXT}`;
Schemathesis's own output goes to stderr.

    python check.py SPEC URL WORK_FOLDER
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def report(part, check, ok, detail=""):
    """One line of the protocol."""
    print(json.dumps({"part": part, "check": check, "ok": ok, "detail": "" if ok else detail}), flush=True)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: check.py SPEC URL WORK_FOLDER")
    spec, url, work = sys.argv[1:]
    run_report = os.path.join(work, "schemathesis-run.json")
    if os.path.exists(run_report):
        os.remove(run_report)
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    env = dict(os.environ, SCHEMATHESIS_HOOKS="hooks", PYTHONPATH=HERE, NO_COLOR="1")
    command = [schemathesis, "--config-file", os.path.join(HERE, "schemathesis.toml"), "run", spec, "--url", url,
               "--max-examples", "50", "--seed", "1", "--report", "json", "--report-json-path", run_report]
    run = subprocess.run(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr)
    if not os.path.exists(run_report):
        sys.exit(f"schemathesis exited with {run.returncode} and wrote no run report")
    with open(run_report, encoding="utf-8") as f:
        result = json.load(f)

    cases = result["test_cases"]
    problems = [f"{len(result['failures'])} failure(s)"] if result["failures"] else []
    problems += [f"{len(result['errors'])} error(s)"] if result["errors"] else []
    problems += [] if result["complete"] else [f"the run stopped early ({result['stop_reason']})"]
    problems += [] if result["exit_code"] == 0 else [f"schemathesis exited with {result['exit_code']}"]
    passed = not problems and cases["generated"] > 0
    why = "; ".join(problems) or f"no test case generated ({cases})"
    # Every generated request was sent (serialized with the hooks) and the reference answered as the spec says.
    report("request", "requests-sent-and-accepted", passed, "" if passed else why)
    report("request", "every-case-checked", cases["without_checks"] == 0,
           f"{cases['without_checks']} test case(s) ran no check")
    # Responses were deserialized (the hooks' deserializer) and validated against the spec's schemas.
    skipped = result["warnings"]["missing_deserializer"]
    for part in ("success", "error"):
        report(part, "responses-validated", not skipped, f"response validation did not happen: {skipped}")
        report(part, "no-failure", passed, "" if passed else why)
    sys.exit(0 if passed and not skipped else 1)


if __name__ == "__main__":
    main()
