"""Schemathesis hooks for the AWS JSON 1.1 media type of spec/cognito-idp.openapi.yaml (the Schemathesis row of
`cargo xtask downstream`; load them with `SCHEMATHESIS_HOOKS=hooks` and this folder on `PYTHONPATH`).

Schemathesis treats only `application/json` and `*/*+json` as JSON: `application/x-amz-json-1.1` bodies are
JSON documents, so requests reuse its JSON serializer and responses get a JSON deserializer, which turns
response validation on (without it Schemathesis warns "cannot validate application/x-amz-json-1.1 responses"
and skips it)."""
import json

import schemathesis

MEDIA_TYPE = "application/x-amz-json-1.1"

schemathesis.serializer.alias(MEDIA_TYPE, "application/json")


@schemathesis.deserializer(MEDIA_TYPE)
def aws_json(ctx, response):
    text = response.content.strip()
    return json.loads(text) if text else {}
