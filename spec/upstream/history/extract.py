"""Extracts AWS's model of ResendConfirmationCode from a botocore or awscli wheel.

Usage: python3 extract.py WHEEL > OUT.json

Writes the excerpt in the layout of ../botocore-resend-confirmation-code.json: `_source` (where it came
from, with SHA-256 digests), the service metadata, the model's `version`, the operation, and every shape it
reaches (each once, depth-first from the input, the output, then the errors), all copied verbatim.
Run on awscli 1.46.3's vendored model, it reproduces ../botocore-resend-confirmation-code.json but for
`_source` and a final newline.
"""

import hashlib
import json
import os
import sys
import zipfile

OPERATION = "ResendConfirmationCode"
SUFFIX = "botocore/data/cognito-idp/2016-04-18/service-2.json"


def main(wheel_path):
    with open(wheel_path, "rb") as f:
        wheel_digest = hashlib.sha256(f.read()).hexdigest()
    with zipfile.ZipFile(wheel_path) as wheel:
        names = [n for n in wheel.namelist() if n.endswith(SUFFIX)]
        if len(names) != 1:
            sys.exit(f"{wheel_path}: expected one {SUFFIX}, found {names}")
        raw = wheel.read(names[0])
    model = json.loads(raw)
    op = model["operations"][OPERATION]

    order = []

    def visit(name):
        if name in order:
            return
        order.append(name)
        shape = model["shapes"][name]
        for member in shape.get("members", {}).values():
            visit(member["shape"])
        for key in ("key", "value", "member"):
            if key in shape:
                visit(shape[key]["shape"])

    visit(op["input"]["shape"])
    visit(op["output"]["shape"])
    for error in op.get("errors", []):
        visit(error["shape"])

    wheel_name = os.path.basename(wheel_path)
    project, version = wheel_name.split("-")[:2]
    source = (
        f"PyPI {project} {version}, wheel {wheel_name} (sha256 {wheel_digest}), file {names[0]} "
        f"(sha256 {hashlib.sha256(raw).hexdigest()}): the {OPERATION} operation, its input/output/error shapes "
        "and the service metadata, copied verbatim by spec/upstream/history/extract.py"
    )
    out = {"_source": source, "metadata": model["metadata"]}
    if "version" in model:
        out["version"] = model["version"]
    out["operations"] = {OPERATION: op}
    out["shapes"] = {name: model["shapes"][name] for name in order}
    sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
