"""The Python row of `cargo xtask downstream`: a client made by openapi-python-client from
spec/cognito-idp.openapi.yaml (with openapi-python-client.yaml), run against a stub server on 127.0.0.1 that
records what arrives. It checks the request (POST /, Content-Type application/x-amz-json-1.1, the operation's
X-Amz-Target, the body), a parsed success, and a 400 error whose `__type` is readable on the typed error object,
and stops with a non-zero exit at the first broken expectation.

It reports through the matrix's protocol (docs/generators.md, "The rows' protocol"): stdout holds nothing but one
JSON object a line per check, `{"part": "request" | "success" | "error", "check": ID, "ok": BOOL, "detail": TEXT}`;
anything else it has to say goes to stderr.

    python check.py GENERATED_PACKAGE_PARENT
"""
import http.server
import importlib
import json
import sys
import threading

MEDIA_TYPE = "application/x-amz-json-1.1"
TARGET = "AWSCognitoIdentityProviderService.ResendConfirmationCode"
SEEN = []


class Stub(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        SEEN.append({
            "method": self.command,
            "path": self.path,
            "content_type": self.headers.get("Content-Type"),
            "target": self.headers.get("X-Amz-Target"),
            "body": body,
        })
        if body.get("Username") == "jane":
            status = 200
            reply = {"CodeDeliveryDetails": {"Destination": "j***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}}
        else:
            status = 400
            reply = {"__type": "aws.cognito#UserNotFoundException:http://internal", "message": "Username/client id combination not found."}
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", MEDIA_TYPE)
        self.send_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def report(part, check, ok, detail=""):
    """One line of the protocol."""
    print(json.dumps({"part": part, "check": check, "ok": ok, "detail": detail}), flush=True)


def expect_equal(part, check, found, expected):
    if found != expected:
        report(part, check, False, f"expected {expected!r}, found {found!r}")
        sys.exit(1)
    report(part, check, True)


def error_name(raw):
    """The error's name by the AWS JSON 1.1 rule: after the last `#`, before the first `:`."""
    return (raw or "").split(":")[0].rsplit("#", 1)[-1]


def main():
    sys.path.insert(0, sys.argv[1])
    package = importlib.import_module("cognito_idp_client")
    api = importlib.import_module("cognito_idp_client.api.default.resend_confirmation_code")
    models = importlib.import_module("cognito_idp_client.models")

    server = http.server.HTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = package.Client(base_url=f"http://127.0.0.1:{server.server_port}")
    target = models.ResendConfirmationCodeXAmzTarget(TARGET)

    ok = api.sync_detailed(client=client, x_amz_target=target,
                           body=models.ResendConfirmationCodeRequest(client_id="12a3b456c7de890f11g123hijk", username="jane"))
    seen = SEEN[0]
    expect_equal("request", "method-and-path", (seen["method"], seen["path"]), ("POST", "/"))
    expect_equal("request", "content-type", seen["content_type"], MEDIA_TYPE)
    expect_equal("request", "x-amz-target", seen["target"], TARGET)
    expect_equal("request", "body", seen["body"], {"ClientId": "12a3b456c7de890f11g123hijk", "Username": "jane"})
    expect_equal("success", "parsed", type(ok.parsed).__name__, "ResendConfirmationCodeResponse")
    expect_equal("success", "typed", str(ok.parsed.code_delivery_details.delivery_medium), "EMAIL")

    bad = api.sync_detailed(client=client, x_amz_target=target,
                            body=models.ResendConfirmationCodeRequest(client_id="12a3b456c7de890f11g123hijk", username="nobody"))
    expect_equal("error", "status", int(bad.status_code), 400)
    if bad.parsed is None or not hasattr(bad.parsed, "field_type_"):
        report("error", "parsed", False, f"the 400 error was not parsed into a typed error: {bad.parsed!r}")
        sys.exit(1)
    expect_equal("error", "code-typed", error_name(bad.parsed.field_type_), "UserNotFoundException")
    server.shutdown()


if __name__ == "__main__":
    main()
