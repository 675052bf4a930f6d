#!/usr/bin/env python3
"""A ResendConfirmationCode endpoint for the recorders in this folder: answers every POST on 127.0.0.1:PORT with
HTTP 200, `Content-Type: application/x-amz-json-1.1`, an `x-amzn-RequestId`, and the JSON body in the `BODY`
environment variable (default `{}`). Standard library only.

    BODY='{"CodeDeliveryDetails": {}}' python3 crates/cli/tools/mockserver.py 18400
"""
import http.server
import os
import sys
import uuid

BODY = os.environ.get("BODY", "{}").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
