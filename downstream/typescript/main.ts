// The TypeScript row of `cargo xtask downstream`: a client made by openapi-typescript (types) and
// openapi-fetch (calls) from spec/cognito-idp.openapi.yaml, run against a stub server on 127.0.0.1 that
// records what arrives. It checks, and stops with a non-zero exit at the first broken expectation:
// - the request: POST /, Content-Type application/x-amz-json-1.1, the X-Amz-Target of the operation;
// - a success is typed and parsed (CodeDeliveryDetails.DeliveryMedium);
// - a 400 error's `__type` is readable in typed code, and names the error after the protocol's rule.
// It reports through the matrix's protocol (docs/generators.md, "The rows' protocol"): stdout holds nothing but
// one JSON object a line per check, {"part": "request" | "success" | "error", "check", "ok", "detail"}.
import http from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

// The spec's request media type, checked against the generated types: tsc fails if the spec says otherwise.
type RequestMedia = keyof NonNullable<paths["/"]["post"]["requestBody"]>["content"];
const MEDIA_TYPE = "application/x-amz-json-1.1" satisfies RequestMedia;
const TARGET = "AWSCognitoIdentityProviderService.ResendConfirmationCode";

type Seen = { method: string; url: string; contentType: string; target: string; body: unknown };

type Part = "request" | "success" | "error";

/// One line of the protocol.
function report(part: Part, check: string, ok: boolean, detail = ""): void {
  console.log(JSON.stringify({ part, check, ok, detail }));
}

function fail(part: Part, check: string, detail: string): never {
  report(part, check, false, detail);
  process.exit(1);
}

function expectEqual(part: Part, check: string, found: unknown, expected: unknown): void {
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    fail(part, check, `expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
  }
  report(part, check, true);
}

/// The error's name by the AWS JSON 1.1 rule: after the last `#`, before the first `:`.
function errorName(type: components["schemas"]["AwsJsonErrorType"] | undefined): string {
  const head = (type ?? "").split(":")[0] ?? "";
  return head.substring(head.lastIndexOf("#") + 1);
}

async function main(): Promise<void> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      const body = JSON.parse(text);
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        contentType: request.headers["content-type"] ?? "",
        target: String(request.headers["x-amz-target"] ?? ""),
        body,
      });
      const [status, reply] =
        body.Username === "jane"
          ? [200, { CodeDeliveryDetails: { Destination: "j***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" } }]
          : [400, { __type: "aws.cognito#UserNotFoundException:http://internal", message: "Username/client id combination not found." }];
      response.writeHead(status, { "Content-Type": MEDIA_TYPE, "x-amzn-RequestId": "00000000-0000-4000-8000-000000000000" });
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  // What openapi-fetch needs: the media type of the responses to read (`Media`), and the request's
  // Content-Type, which it would otherwise set to application/json.
  const client = createClient<paths, typeof MEDIA_TYPE>({
    baseUrl: `http://127.0.0.1:${port}`,
    headers: { "Content-Type": MEDIA_TYPE },
  });
  const params = { header: { "X-Amz-Target": TARGET } } as const;

  const ok = await client.POST("/", { params, body: { ClientId: "12a3b456c7de890f11g123hijk", Username: "jane" } });
  expectEqual("request", "method-and-path", [seen[0]?.method, seen[0]?.url], ["POST", "/"]);
  expectEqual("request", "content-type", seen[0]?.contentType, MEDIA_TYPE);
  expectEqual("request", "x-amz-target", seen[0]?.target, TARGET);
  expectEqual("request", "body", seen[0]?.body, { ClientId: "12a3b456c7de890f11g123hijk", Username: "jane" });
  if (ok.error !== undefined || ok.data === undefined) {
    fail("success", "parsed", `the success was not parsed: ${JSON.stringify(ok.error)}`);
  }
  const medium: "SMS" | "EMAIL" | undefined = ok.data.CodeDeliveryDetails?.DeliveryMedium;
  expectEqual("success", "typed-and-parsed", medium, "EMAIL");

  const bad = await client.POST("/", { params, body: { ClientId: "12a3b456c7de890f11g123hijk", Username: "nobody" } });
  if (bad.error === undefined) fail("error", "reported", "the 400 error was not reported as an error");
  expectEqual("error", "status", bad.response.status, 400);
  const type: string | undefined = bad.error.__type;
  expectEqual("error", "code-typed", errorName(type), "UserNotFoundException");
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
