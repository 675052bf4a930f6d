#!/usr/bin/env python3
"""Records what AWS CLI v1 (awscli 1.46.3) prints for invalid `--query` expressions, into
crates/cli/tests/data/query_errors.json (the cases of the driver test in crates/cli/src/output/query.rs).

    python3 crates/cli/tools/record_query_errors.py --aws AWS OUTPUT   # crates/cli/tests/data/query_errors.json
    python3 crates/cli/tools/record_query_errors.py --inputs           # the cases' inputs, as JSON

(`cargo xtask record-goldens` runs it, and `--inputs` for `--check` where AWS CLI v1 is not installed.)

The expressions are checked before any request is sent (no server, no credentials needed).
"""
import argparse
import json
import os
import subprocess
import sys

EXPRESSIONS = [
    "foo[", "foo.", "foo..bar", "[", "]", "foo]", "foo |", "| foo", "a.[b", "foo[?", "foo[?a==", "&", "&&", "!",
    "==", "foo == ", "a = b", "=", "foo =", "@@", "#", "foo#bar", "-", "foo[-]", "foo[1:2:3:4]", "foo[:::]",
    "foo[1:a]", "f(", "f(a,", "foo.1", "foo.[1]x", "'unclosed", "\"unclosed", "`unclosed", "`{bad json`",
    "\"\\x\"", "foo bar", "foo `1`", "foo 'x'", "foo \"x\"", "{a: b", "{a b}", "{1: b}", "{a: b,}", "foo.{a}",
    "\"f\"(a)", "foo.bar(a)", "[*", "[*].", "foo[*", "foo[?a]]", "a || ", "a && ", "!!", "foo[]bar", "*bar",
    "foo.*bar", "foo[0]bar", "a < ", "a <= b <", "`[1, 2]` foo", "`true` foo", "`null` foo", "`\"s\"` foo",
    "`{\"a\": 1}` foo", "123", "foo[abc]", " ", "\t",
]


def record(aws, expression):
    env = dict(os.environ, AWS_CONFIG_FILE="/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE="/nonexistent/credentials")
    run = subprocess.run(
        [aws, "cognito-idp", "resend-confirmation-code", "--client-id", "a", "--username", "b",
         "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9", "--query", expression],
        capture_output=True, env=env, timeout=60)
    return {"expression": expression, "exit_code": run.returncode, "stdout": run.stdout.decode(), "stderr": run.stderr.decode()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aws", help="the aws executable of AWS CLI v1 (awscli 1.46.3)")
    parser.add_argument("--inputs", action="store_true", help="print the cases' inputs as JSON, record nothing")
    parser.add_argument("output", nargs="?", help="the file to write")
    options = parser.parse_args()
    if options.inputs:
        json.dump([{"expression": e} for e in EXPRESSIONS], sys.stdout, ensure_ascii=False)
        return
    if not options.aws or not options.output:
        parser.error("recording needs --aws AWS and OUTPUT")
    cases = [record(options.aws, e) for e in EXPRESSIONS]
    with open(options.output, "w") as f:
        json.dump({"recorded_with": "awscli 1.46.3", "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} cases written to {options.output}")


if __name__ == "__main__":
    main()
