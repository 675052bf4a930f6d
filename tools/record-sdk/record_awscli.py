#!/usr/bin/env python3
"""Records what AWS CLI v1 puts on the wire for each input of the differential fixtures.

For each input of crates/conformance/fixtures/differential/inputs.json, runs
`aws cognito-idp resend-confirmation-code --cli-input-json file://...` against a recording server on
127.0.0.1 (an ephemeral port) that answers `200 {}`, and writes the request to
crates/conformance/fixtures/differential/awscli/<name>.json. Standard library only.

    python3 tools/record-sdk/record_awscli.py [--aws .venv-awscli/bin/aws]

The CLI runs with an empty configuration (no profile, no credentials: the operation is unsigned) in
us-east-1.
"""

import argparse
import http.server
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "conformance", "fixtures", "differential"))


def recording_server(received):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            received.put({
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body,
            })
            answer = b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aws", default=".venv-awscli/bin/aws", help="the AWS CLI v1 to record")
    args = parser.parse_args()

    with open(os.path.join(FIXTURES, "inputs.json"), encoding="utf-8") as f:
        inputs = json.load(f)["inputs"]
    version = subprocess.run([args.aws, "--version"], capture_output=True, text=True, check=True)
    recorder = (version.stdout or version.stderr).split()[0].replace("/", " ")

    received = queue.Queue()
    server = recording_server(received)
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    empty = tempfile.mkdtemp(prefix="record-awscli-")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": empty,
        "AWS_CONFIG_FILE": os.path.join(empty, "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(empty, "credentials"),
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    out_dir = os.path.join(FIXTURES, "awscli")
    os.makedirs(out_dir, exist_ok=True)
    for named in inputs:
        name = named["name"]
        path = os.path.join(empty, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(named["input"], f, ensure_ascii=False)
        command = [args.aws, "cognito-idp", "resend-confirmation-code", "--cli-input-json", f"file://{path}",
                   "--endpoint-url", endpoint]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{name}: aws exited {result.returncode}: {result.stderr}")
        request = received.get(timeout=10)
        record = {"name": name, "recorder": recorder, **request}
        with open(os.path.join(out_dir, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False, indent=2)
            f.write("\n")
    server.shutdown()
    print(f"recorded {len(inputs)} requests from {recorder}", file=sys.stderr)


if __name__ == "__main__":
    main()
