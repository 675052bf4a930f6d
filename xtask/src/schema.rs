//! `cargo xtask schema`: JSON Schemas of the operation's input and output documents, from the generated
//! types' `schemars::JsonSchema` impls (which `cargo xtask codegen` writes from the spec).
//!
//! Two files, both committed, come out of the client crate's `examples/json_schemas.rs`, which prints
//! schemars' documents; this command adds the root's title, description and generated-by comment and writes
//! every object's keys in one order, so `--check` and the freshness test compare bytes:
//! - `spec/schema/input.schema.json`: the document `--cli-input-json` takes. Structures are closed
//!   (`additionalProperties: false`) because the CLI rejects keys the contract does not name.
//! - `spec/schema/output.schema.json`: the response document. Structures stay open, because a newer
//!   service may add members, which `cargo xtask compat` judges compatible.
//!
//! A third comes from the server check's `examples/report_schema.rs`, as it prints it:
//! - `crates/server-check/report.schema.json`: the `--json` report of `cognito-idp-conformance`, derived
//!   from its results model (`crates/server-check/src/results.rs`) with each field's documentation.
//!
//! The schemas are JSON Schema draft-07, which editors (VS Code, JetBrains IDEs) and validators (ajv) all
//! support without configuration. Every shape is written inline where it is used, so each member carries
//! its own length limits, anchored pattern, enum values and required list. Patterns use Unicode property
//! escapes (`\p{L}`): validators must compile them in Unicode mode, as ajv and VS Code do.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value};

use crate::contract::{Contract, SPEC_PATH, ShapeKind, plain_text};
use crate::output_files::Output;

/// The input document's schema, relative to the workspace root.
pub const INPUT_SCHEMA: &str = "spec/schema/input.schema.json";
/// The output document's schema, relative to the workspace root.
pub const OUTPUT_SCHEMA: &str = "spec/schema/output.schema.json";
/// The server check's `--json` report's schema (`cognito_idp_server_check::render::json::SCHEMA_PATH`).
pub const REPORT_SCHEMA: &str = "crates/server-check/report.schema.json";
/// The JSON Schema dialect of the three files.
pub const DIALECT: &str = "http://json-schema.org/draft-07/schema#";

/// Generates the schemas: schemars' documents, from the client crate's example, with the root's metadata; and
/// the server check's report schema as its example prints it.
pub fn generate(root: &Path) -> Result<Vec<Output>> {
    let contract = Contract::from_spec_file(&root.join(SPEC_PATH))?;
    let printed = schemars_documents()?;
    let input_description = format!(
        "{} The document `cognito-idp {cmd} --cli-input-json` takes (as does `aws cognito-idp {cmd}`). The CLI \
         rejects keys the operation does not have, so a `$schema` key cannot go in the file: map files to this \
         schema in the editor instead.",
        plain_text(&contract.shape(&contract.input)?.doc),
        cmd = "resend-confirmation-code",
    );
    let output_description = format!(
        "{} Members the contract does not name are allowed: a newer service may add them.",
        plain_text(&contract.shape(&contract.output)?.doc)
    );
    let input = document(&contract, &contract.input, &printed["input"], INPUT_SCHEMA, "input", &input_description)?;
    let output =
        document(&contract, &contract.output, &printed["output"], OUTPUT_SCHEMA, "output", &output_description)?;
    // The server check's --json report: its schema is derived from its results model by the crate itself.
    let report = example_output("cognito-idp-server-check", "report_schema")?;
    Ok(vec![
        Output { path: INPUT_SCHEMA.into(), contents: render(&input)? },
        Output { path: OUTPUT_SCHEMA.into(), contents: render(&output)? },
        Output {
            path: REPORT_SCHEMA.into(),
            contents: String::from_utf8(report).context("the report_schema example printed text that is not UTF-8")?,
        },
    ])
}

/// Writes the schemas, or with `check` compares them with what is committed.
pub fn run(root: &Path, check: bool) -> Result<()> {
    crate::output_files::write_or_check(root, &generate(root)?, check, "JSON Schemas:", "cargo xtask schema")
}

/// What `examples/json_schemas.rs` of the client crate prints: `{"input": ..., "output": ...}`.
fn schemars_documents() -> Result<Value> {
    let printed = example_output("cognito-idp-client", "json_schemas")?;
    serde_json::from_slice(&printed).context("the json_schemas example printed no JSON")
}

/// What the example `example` of `package` prints.
fn example_output(package: &str, example: &str) -> Result<Vec<u8>> {
    let output = cognito_idp_test_kit::cargo_env::cargo()
        .args(["run", "--quiet", "--locked", "-p", package, "--example", example])
        .stdin(std::process::Stdio::null())
        .output()
        .with_context(|| format!("running the {package} crate's {example} example"))?;
    if !output.status.success() {
        bail!(
            "`cargo run -p {package} --example {example}` failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(output.stdout)
}

fn comment(path: &str) -> String {
    format!(
        "@generated by `cargo xtask schema` from {SPEC_PATH} into {path}. Do not edit by hand: change the spec and \
         run `cargo xtask schema`."
    )
}

/// The published document: `$schema`, the comment, title and description, then schemars' schema of `shape`
/// with its keys in [`KEY_ORDER`] and each structure's members in model order.
fn document(
    contract: &Contract,
    shape: &str,
    schema: &Value,
    path: &str,
    side: &str,
    description: &str,
) -> Result<Value> {
    let Some(body) = ordered(contract, shape, schema)?.as_object().cloned() else {
        bail!("schemars' schema of {shape} is not an object");
    };
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    root.insert("$comment".into(), comment(path).into());
    root.insert("title".into(), format!("{} {side}", contract.operation).into());
    root.insert("description".into(), description.into());
    for (key, value) in body {
        if !matches!(key.as_str(), "$schema" | "title" | "description" | "definitions") {
            root.insert(key, value);
        }
    }
    Ok(Value::Object(root))
}

/// The order of a schema object's keys in the published files.
const KEY_ORDER: &[&str] = &[
    "description",
    "type",
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "properties",
    "required",
    "propertyNames",
    "additionalProperties",
];

/// `schema` (of the shape `name`) with its keys in [`KEY_ORDER`] and its properties in model order, nested.
fn ordered(contract: &Contract, name: &str, schema: &Value) -> Result<Value> {
    let Some(object) = schema.as_object() else { return Ok(schema.clone()) };
    let shape = contract.shape(name)?;
    let mut keys: Vec<&String> = object.keys().collect();
    keys.sort_by_key(|k| KEY_ORDER.iter().position(|o| o == k).unwrap_or(KEY_ORDER.len()));
    let mut out = Map::new();
    for key in keys {
        let value = &object[key];
        let value = match (key.as_str(), &shape.kind) {
            ("properties", ShapeKind::Structure { members, .. }) => {
                let mut properties = Map::new();
                for member in members {
                    if let Some(member_schema) = value.get(&member.name) {
                        properties.insert(member.name.clone(), ordered(contract, &member.shape, member_schema)?);
                    }
                }
                Value::Object(properties)
            }
            ("propertyNames", ShapeKind::Map { key: k, .. }) => ordered(contract, k, value)?,
            ("additionalProperties", ShapeKind::Map { value: v, .. }) => ordered(contract, v, value)?,
            _ => value.clone(),
        };
        out.insert(key.clone(), value);
    }
    Ok(Value::Object(out))
}

fn render(schema: &Value) -> Result<String> {
    let mut text = serde_json::to_string_pretty(schema).context("serializing a schema")?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::workspace_root;

    fn spec() -> Value {
        let text = std::fs::read_to_string(workspace_root().join(SPEC_PATH)).expect("spec is readable");
        serde_norway::from_str(&text).expect("spec is YAML")
    }

    fn contract() -> Contract {
        Contract::from_spec(&spec()).expect("spec loads")
    }

    #[test]
    fn json_schemas_are_fresh() {
        let root = workspace_root();
        let outputs = generate(&root).expect("schema generation succeeds");
        let stale = crate::output_files::stale_files(&root, &outputs).expect("schema files are readable");
        assert!(
            stale.is_empty(),
            "JSON Schemas are out of date with {SPEC_PATH}: {}\nrun `cargo xtask schema` and commit the result",
            stale.join(", ")
        );
    }

    /// Walks the contract from `shape` and the schema together; returns how many members it compared.
    fn compare(contract: &Contract, shape: &str, schema: &Value, closed: bool, path: &str) -> usize {
        let shape = contract.shape(shape).expect("shape exists");
        match &shape.kind {
            ShapeKind::String { min, max, pattern, anchored, enum_values } => {
                assert_eq!(schema["type"], "string", "{path}");
                assert_eq!(schema.get("minLength").and_then(Value::as_u64), *min, "{path} minLength");
                assert_eq!(schema.get("maxLength").and_then(Value::as_u64), *max, "{path} maxLength");
                let expected =
                    pattern.as_ref().map(|p| if *anchored { format!("^{p}$") } else { format!("^(?:{p})$") });
                assert_eq!(schema.get("pattern").and_then(Value::as_str), expected.as_deref(), "{path} pattern");
                let found: Vec<&str> = schema
                    .get("enum")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                assert_eq!(found, *enum_values, "{path} enum");
                0
            }
            ShapeKind::Structure { members, required, .. } => {
                assert_eq!(schema["type"], "object", "{path}");
                let found: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                assert_eq!(found, *required, "{path} required");
                assert_eq!(schema.get("additionalProperties"), closed.then_some(&Value::Bool(false)), "{path}");
                let properties = schema["properties"].as_object().expect("properties");
                let names: Vec<&String> = properties.keys().collect();
                assert_eq!(names, members.iter().map(|m| &m.name).collect::<Vec<_>>(), "{path} members");
                members
                    .iter()
                    .map(|m| {
                        1 + compare(contract, &m.shape, &properties[&m.name], closed, &format!("{path}.{}", m.name))
                    })
                    .sum()
            }
            ShapeKind::Map { key, value } => {
                assert_eq!(schema["type"], "object", "{path}");
                compare(contract, key, &schema["propertyNames"], closed, &format!("{path}.<key>"))
                    + compare(contract, value, &schema["additionalProperties"], closed, &format!("{path}.<value>"))
                    + 2
            }
        }
    }

    #[test]
    fn each_schema_carries_the_spec_s_limits_patterns_enums_and_required_lists() {
        let contract = contract();
        let root = workspace_root();
        let read = |path: &str| -> Value {
            serde_json::from_str(&std::fs::read_to_string(root.join(path)).expect("schema is readable"))
                .expect("schema is JSON")
        };
        let (input, output) = (read(INPUT_SCHEMA), read(OUTPUT_SCHEMA));

        let input_members = compare(&contract, &contract.input, &input, true, &contract.input);
        let output_members = compare(&contract, &contract.output, &output, false, &contract.output);

        assert_eq!((input_members, output_members), (11, 4), "every member path was compared");
        // The same facts, spelled out, so that a walk that agrees with a wrong generator still fails.
        assert_eq!(input["required"], json!(["ClientId", "Username"]));
        assert_eq!(input["properties"]["ClientId"]["maxLength"], 128);
        assert_eq!(input["properties"]["ClientId"]["pattern"], "^[\\w+]+$");
        assert_eq!(input["properties"]["Username"]["pattern"], "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$");
        assert_eq!(input["properties"]["UserContextData"]["additionalProperties"], false);
        assert_eq!(input["properties"]["ClientMetadata"]["additionalProperties"]["maxLength"], 131072);
        assert_eq!(input["properties"]["ClientMetadata"]["propertyNames"]["minLength"], 0);
        let details = &output["properties"]["CodeDeliveryDetails"]["properties"];
        assert_eq!(details["DeliveryMedium"]["enum"], json!(["SMS", "EMAIL"]));
        assert_eq!(details["AttributeName"]["maxLength"], 32);
        assert_eq!(input["$schema"], DIALECT);
        assert!(input["$comment"].as_str().is_some_and(|c| c.contains("`cargo xtask schema`")));
        assert!(output.get("additionalProperties").is_none(), "outputs stay open");
    }
}
