//! The contract in one normalized form, read either from the OpenAPI spec or from AWS's model.
//!
//! Both readers produce a [`Contract`], so that comparing the spec with `spec/upstream/`, emitting the
//! generated model tables and (later) classifying changes all work on the same data.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Map, Value};

/// Where the OpenAPI contract lives, relative to the workspace root.
pub const SPEC_PATH: &str = "spec/cognito-idp.openapi.yaml";
/// Where AWS's model of the operation lives, relative to the workspace root.
pub const UPSTREAM_PATH: &str = "spec/upstream/botocore-resend-confirmation-code.json";
/// The operation read from AWS's models.
pub const UPSTREAM_OPERATION: &str = "ResendConfirmationCode";

/// One operation of an AWS JSON 1.1 service, with every shape it reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct Contract {
    /// Service metadata, keyed by the model's metadata names (`protocol`, `targetPrefix`, ...).
    pub service: BTreeMap<String, Value>,
    /// The operation's name, such as `ResendConfirmationCode`.
    pub operation: String,
    /// The operation's documentation.
    pub operation_doc: String,
    /// The HTTP method.
    pub method: String,
    /// The HTTP path.
    pub path: String,
    /// The value of the `X-Amz-Target` header.
    pub target: String,
    /// The Content-Type sent on the wire.
    pub media_type: String,
    /// The auth type of the operation (`none` for an unsigned operation).
    pub auth_type: String,
    /// The input shape's name.
    pub input: String,
    /// The output shape's name.
    pub output: String,
    /// The error shapes' names, in the order the source lists them.
    pub errors: Vec<String>,
    /// Every shape, by name.
    pub shapes: BTreeMap<String, Shape>,
    /// Worked examples (the spec's request body examples with the success response of the same name).
    pub examples: Vec<Example>,
}

/// A worked example of a call.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The example's key in the spec.
    pub name: String,
    /// Its one-line summary.
    pub summary: String,
    /// Its longer description (Markdown), empty when there is none.
    pub description: String,
    /// The input document.
    pub request: Value,
    /// The output document of the success response's example of the same name, if any.
    pub response: Option<Value>,
}

/// A named shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The shape's name.
    pub name: String,
    /// Its documentation (HTML, as AWS writes it), empty when there is none.
    pub doc: String,
    /// Whether AWS marks its values sensitive.
    pub sensitive: bool,
    /// What kind of shape it is.
    pub kind: ShapeKind,
}

/// The kinds of shapes this operation uses.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    /// A string, with its constraints.
    String {
        /// Minimum length in characters.
        min: Option<u64>,
        /// Maximum length in characters.
        max: Option<u64>,
        /// The pattern without anchors, as AWS writes it.
        pattern: Option<String>,
        /// Whether the source anchors the pattern with `^...$`.
        anchored: bool,
        /// Allowed values, in order; empty when any value is allowed.
        enum_values: Vec<String>,
    },
    /// A structure.
    Structure {
        /// Members in model order.
        members: Vec<Member>,
        /// Required member names.
        required: Vec<String>,
        /// For error shapes: `client` or `server`.
        error: Option<String>,
    },
    /// A map from strings to a value shape.
    Map {
        /// The key shape's name.
        key: String,
        /// The value shape's name.
        value: String,
    },
}

/// A member of a structure.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member's name on the wire.
    pub name: String,
    /// The name of its shape.
    pub shape: String,
    /// Its documentation, empty when there is none.
    pub doc: String,
}

impl Contract {
    /// Reads the OpenAPI contract.
    pub fn from_spec_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let value: Value =
            serde_norway::from_str(&text).with_context(|| format!("parsing {} as YAML", path.display()))?;
        Self::from_spec(&value).with_context(|| format!("reading the contract in {}", path.display()))
    }

    /// Reads AWS's model (botocore's `service-2.json` or an excerpt of it).
    pub fn from_upstream_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let value: Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {} as JSON", path.display()))?;
        Self::from_upstream(&value, UPSTREAM_OPERATION)
            .with_context(|| format!("reading the model in {}", path.display()))
    }

    /// Builds the contract from a parsed OpenAPI document.
    pub fn from_spec(doc: &Value) -> Result<Self> {
        let service = obj(doc, "x-amz-service")?.clone().into_iter().collect();
        let paths = obj(doc, "paths")?;
        if paths.len() != 1 {
            bail!("the spec must describe exactly one path, found {}", paths.len());
        }
        let (path, item) = paths.iter().next().ok_or_else(|| anyhow!("no path"))?;
        let item = item.as_object().ok_or_else(|| anyhow!("path {path} is not an object"))?;
        let methods: Vec<_> = item.iter().filter(|(k, _)| !k.starts_with("x-") && *k != "parameters").collect();
        let [(method, op)] = methods.as_slice() else {
            bail!("path {path} must have exactly one operation, found {}", methods.len());
        };

        let operation = string(op, "operationId")?;
        let target = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["in"] == "header" && p["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case("x-amz-target")))
            .and_then(|p| p["schema"]["enum"].as_array())
            .and_then(|values| match values.as_slice() {
                [Value::String(only)] => Some(only.clone()),
                _ => None,
            })
            .ok_or_else(|| {
                anyhow!("the operation needs a required X-Amz-Target header parameter with one enum value")
            })?;
        let body = &op["requestBody"];
        let (media_type, content) = request_content(body)?;
        let input = content["schema"]
            .get("$ref")
            .and_then(Value::as_str)
            .map(ref_name)
            .ok_or_else(|| anyhow!("the request body needs a {media_type} schema that is a $ref"))??;

        let mut examples = Vec::new();
        for (name, example) in content["examples"].as_object().into_iter().flatten() {
            examples.push(Example {
                name: name.clone(),
                summary: example["summary"].as_str().unwrap_or_default().to_owned(),
                description: example["description"].as_str().unwrap_or_default().to_owned(),
                request: example["value"].clone(),
                response: None,
            });
        }

        let mut output = None;
        let mut errors = Vec::new();
        for (status, response) in obj(op, "responses")? {
            let schema = &response["content"][media_type.as_str()]["schema"];
            if status.starts_with('2') {
                let name = schema
                    .get("$ref")
                    .and_then(Value::as_str)
                    .ok_or_else(|| anyhow!("response {status} needs a {media_type} schema that is a $ref"))?;
                output = Some(ref_name(name)?);
                for example in &mut examples {
                    let value = &response["content"][media_type.as_str()]["examples"][&example.name]["value"];
                    example.response = (!value.is_null()).then(|| value.clone());
                }
            } else {
                let refs = match schema.get("anyOf").or_else(|| schema.get("oneOf")) {
                    Some(Value::Array(items)) => items.iter().collect(),
                    _ => vec![schema],
                };
                for r in refs {
                    let name = r
                        .get("$ref")
                        .and_then(Value::as_str)
                        .ok_or_else(|| anyhow!("error response {status} must reference error shapes with $ref"))?;
                    errors.push(ref_name(name)?);
                }
            }
        }

        // Schemas of the protocol (`x-amz-protocol`, such as the errors' `__type`) are not AWS model shapes:
        // they and the members that use them stay out of the contract.
        let schemas = obj(&doc["components"], "schemas")?;
        let protocol: Vec<String> = schemas
            .iter()
            .filter(|(_, schema)| schema["x-amz-protocol"].as_bool() == Some(true))
            .map(|(name, _)| format!("#/components/schemas/{name}"))
            .collect();
        let mut shapes = BTreeMap::new();
        for (name, schema) in schemas {
            if schema["x-amz-protocol"].as_bool() != Some(true) {
                shapes.insert(name.clone(), spec_shape(name, schema, &protocol)?);
            }
        }

        Ok(Self {
            service,
            operation,
            operation_doc: op["description"].as_str().unwrap_or_default().to_owned(),
            method: method.to_ascii_uppercase(),
            path: path.clone(),
            target,
            media_type,
            auth_type: string(op, "x-amz-authtype")?,
            input,
            output: output.ok_or_else(|| anyhow!("the operation has no success response"))?,
            errors,
            shapes,
            examples,
        })
    }

    /// Builds the contract of `operation` from a parsed botocore model: the whole `service-2.json` or an
    /// excerpt. Only the shapes the operation reaches are read.
    pub fn from_upstream(model: &Value, operation: &str) -> Result<Self> {
        let metadata = obj(model, "metadata")?;
        let op = &model["operations"][operation];
        if op.is_null() {
            bail!("the model has no operation {operation}");
        }
        let protocol = metadata.get("protocol").and_then(Value::as_str).unwrap_or_default();
        let json_version = metadata.get("jsonVersion").and_then(Value::as_str).unwrap_or_default();
        if protocol != "json" {
            bail!("protocol {protocol:?} is not AWS JSON");
        }
        // Only the shapes the operation reaches: a whole service-2.json has hundreds more, of types this
        // operation does not use.
        let all = obj(model, "shapes")?;
        let roots = [&op["input"], &op["output"]].into_iter().chain(op["errors"].as_array().into_iter().flatten());
        let mut pending: Vec<String> = roots.filter_map(|r| r["shape"].as_str()).map(str::to_owned).collect();
        let mut shapes = BTreeMap::new();
        while let Some(name) = pending.pop() {
            if shapes.contains_key(&name) {
                continue;
            }
            let shape = all.get(&name).ok_or_else(|| anyhow!("shape {name} is referenced but not defined"))?;
            let parsed = upstream_shape(&name, shape)?;
            pending.extend(referenced(&parsed.kind).into_iter().map(str::to_owned));
            shapes.insert(name, parsed);
        }
        let errors =
            op["errors"].as_array().into_iter().flatten().map(|e| string(e, "shape")).collect::<Result<Vec<_>>>()?;
        Ok(Self {
            service: metadata.clone().into_iter().collect(),
            operation: operation.to_owned(),
            operation_doc: op["documentation"].as_str().unwrap_or_default().to_owned(),
            method: string(&op["http"], "method")?,
            path: string(&op["http"], "requestUri")?,
            target: format!("{}.{operation}", string(&Value::Object(metadata.clone()), "targetPrefix")?),
            media_type: format!("application/x-amz-json-{json_version}"),
            auth_type: op["authtype"].as_str().unwrap_or("v4").to_owned(),
            input: string(&op["input"], "shape")?,
            output: string(&op["output"], "shape")?,
            errors,
            shapes,
            examples: Vec::new(),
        })
    }

    /// The shape called `name`; the readers guarantee that every referenced shape exists.
    pub fn shape(&self, name: &str) -> Result<&Shape> {
        self.shapes.get(name).ok_or_else(|| anyhow!("shape {name} is referenced but not defined"))
    }

    /// Every member path that reaches each shape, starting from the input, the output and the errors,
    /// such as `ResendConfirmationCodeRequest.UserContextData.IpAddress`.
    pub fn member_paths(&self) -> BTreeMap<String, Vec<String>> {
        let mut paths: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let roots = [&self.input, &self.output].into_iter().chain(&self.errors);
        for root in roots {
            paths.entry(root.clone()).or_default().push(root.clone());
            self.walk(root, root, &mut paths, 0);
        }
        paths
    }

    fn walk(&self, shape: &str, path: &str, out: &mut BTreeMap<String, Vec<String>>, depth: usize) {
        let Some(shape) = self.shapes.get(shape) else { return };
        if depth > 16 {
            return;
        }
        let children: Vec<(String, &str)> = match &shape.kind {
            ShapeKind::String { .. } => Vec::new(),
            ShapeKind::Structure { members, .. } => {
                members.iter().map(|m| (format!("{path}.{}", m.name), m.shape.as_str())).collect()
            }
            ShapeKind::Map { key, value } => {
                vec![(format!("{path}.<key>"), key.as_str()), (format!("{path}.<value>"), value.as_str())]
            }
        };
        for (child_path, child) in children {
            out.entry(child.to_owned()).or_default().push(child_path.clone());
            self.walk(child, &child_path, out, depth + 1);
        }
    }
}

/// The request body's media type and its content: the one media type under `content`, or, in specs written
/// before the body declared its real media type, `x-amz-media-type` over an `application/json` content.
fn request_content(body: &Value) -> Result<(String, &Value)> {
    if let Some(legacy) = body.get("x-amz-media-type").and_then(Value::as_str) {
        return Ok((legacy.to_owned(), &body["content"]["application/json"]));
    }
    let content = obj(body, "content")?;
    match content.iter().collect::<Vec<_>>().as_slice() {
        [(media_type, value)] => Ok(((*media_type).clone(), *value)),
        other => bail!("the request body needs exactly one media type, found {}", other.len()),
    }
}

/// The shape of the schema `name`; members that reference a `protocol` schema are left out.
fn spec_shape(name: &str, schema: &Value, protocol: &[String]) -> Result<Shape> {
    let kind = match schema["type"].as_str() {
        Some("string") => {
            let raw = schema.get("pattern").and_then(Value::as_str);
            let anchored = raw.is_some_and(|p| p.starts_with('^') && p.ends_with('$'));
            let pattern = raw.map(|p| if anchored { p[1..p.len() - 1].to_owned() } else { p.to_owned() });
            ShapeKind::String {
                min: schema.get("minLength").and_then(Value::as_u64),
                max: schema.get("maxLength").and_then(Value::as_u64),
                pattern,
                anchored,
                enum_values: strings(&schema["enum"]),
            }
        }
        Some("object") if schema.get("additionalProperties").is_some_and(Value::is_object) => ShapeKind::Map {
            key: ref_name(
                schema["x-amz-map-key"]["$ref"]
                    .as_str()
                    .ok_or_else(|| anyhow!("map {name} needs x-amz-map-key with a $ref"))?,
            )?,
            value: ref_name(
                schema["additionalProperties"]["$ref"]
                    .as_str()
                    .ok_or_else(|| anyhow!("map {name} needs additionalProperties with a $ref"))?,
            )?,
        },
        Some("object") => {
            let mut members = Vec::new();
            for (member, prop) in schema["properties"].as_object().into_iter().flatten() {
                if prop["$ref"].as_str().is_some_and(|r| protocol.iter().any(|p| p == r)) {
                    continue;
                }
                let target = prop
                    .get("$ref")
                    .or_else(|| prop["allOf"].get(0).and_then(|first| first.get("$ref")))
                    .and_then(Value::as_str)
                    .ok_or_else(|| anyhow!("member {name}.{member} must reference its shape"))?;
                members.push(Member {
                    name: member.clone(),
                    shape: ref_name(target)?,
                    doc: prop["description"].as_str().unwrap_or_default().to_owned(),
                });
            }
            ShapeKind::Structure {
                members,
                required: strings(&schema["required"]),
                error: schema["x-amz-error"]["fault"].as_str().map(str::to_owned),
            }
        }
        other => bail!("schema {name} has unsupported type {other:?}"),
    };
    Ok(Shape {
        name: name.to_owned(),
        doc: schema["description"].as_str().unwrap_or_default().to_owned(),
        sensitive: schema["x-amz-sensitive"].as_bool().unwrap_or(false),
        kind,
    })
}

fn upstream_shape(name: &str, shape: &Value) -> Result<Shape> {
    let kind = match shape["type"].as_str() {
        Some("string") => ShapeKind::String {
            min: shape.get("min").and_then(Value::as_u64),
            max: shape.get("max").and_then(Value::as_u64),
            pattern: shape.get("pattern").and_then(Value::as_str).map(str::to_owned),
            anchored: false,
            enum_values: strings(&shape["enum"]),
        },
        Some("structure") => ShapeKind::Structure {
            members: shape["members"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(member, m)| {
                    Ok(Member {
                        name: member.clone(),
                        shape: string(m, "shape")?,
                        doc: m["documentation"].as_str().unwrap_or_default().to_owned(),
                    })
                })
                .collect::<Result<_>>()?,
            required: strings(&shape["required"]),
            error: shape["exception"]
                .as_bool()
                .unwrap_or(false)
                .then(|| if shape["fault"].as_bool().unwrap_or(false) { "server" } else { "client" }.to_owned()),
        },
        Some("map") => {
            ShapeKind::Map { key: string(&shape["key"], "shape")?, value: string(&shape["value"], "shape")? }
        }
        other => bail!("shape {name} has unsupported type {other:?}"),
    };
    Ok(Shape {
        name: name.to_owned(),
        doc: shape["documentation"].as_str().unwrap_or_default().to_owned(),
        sensitive: shape["sensitive"].as_bool().unwrap_or(false),
        kind,
    })
}

/// The shapes a shape refers to directly.
fn referenced(kind: &ShapeKind) -> Vec<&str> {
    match kind {
        ShapeKind::String { .. } => Vec::new(),
        ShapeKind::Structure { members, .. } => members.iter().map(|m| m.shape.as_str()).collect(),
        ShapeKind::Map { key, value } => vec![key.as_str(), value.as_str()],
    }
}

fn obj<'a>(value: &'a Value, key: &str) -> Result<&'a Map<String, Value>> {
    value.get(key).and_then(Value::as_object).ok_or_else(|| anyhow!("missing object {key:?}"))
}

fn string(value: &Value, key: &str) -> Result<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned).ok_or_else(|| anyhow!("missing string {key:?}"))
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect()
}

fn ref_name(reference: &str) -> Result<String> {
    reference
        .strip_prefix("#/components/schemas/")
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("unsupported $ref {reference:?}: only #/components/schemas/ is used"))
}

impl fmt::Display for ShapeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ShapeKind::String { .. } => "string",
            ShapeKind::Structure { .. } => "structure",
            ShapeKind::Map { .. } => "map",
        })
    }
}

/// AWS's HTML documentation as one line of plain text, for editors' hover texts.
pub fn plain_text(html: &str) -> String {
    const BLOCKS: &[&str] = &["p", "li", "ul", "ol", "note", "important", "br", "div"];
    let mut text = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                let name = name.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next();
                if name.is_some_and(|n| BLOCKS.contains(&n.to_ascii_lowercase().as_str())) {
                    text.push(' ');
                }
                tag = None;
            }
            (Some(name), c) => name.push(c),
            (None, c) => text.push(c),
        }
    }
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    fn the_spec() -> Value {
        let text = std::fs::read_to_string(workspace_root().join(SPEC_PATH)).expect("the spec is readable");
        serde_norway::from_str(&text).expect("the spec is YAML")
    }

    #[test]
    fn the_protocols_error_type_is_not_a_member_of_the_model() {
        let spec = the_spec();
        assert!(spec["components"]["schemas"]["UserNotFoundException"]["properties"]["__type"].is_object());
        let contract = Contract::from_spec(&spec).expect("the spec loads");
        assert!(!contract.shapes.contains_key("AwsJsonErrorType"));
        let ShapeKind::Structure { members, .. } = &contract.shape("UserNotFoundException").expect("shape").kind else {
            panic!("an error is a structure")
        };
        assert_eq!(members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["message"]);
    }

    #[test]
    fn a_spec_from_before_the_real_request_media_type_reads_the_same() {
        let spec = the_spec();
        let mut legacy = spec.clone();
        let body = &mut legacy["paths"]["/"]["post"]["requestBody"];
        let content = body["content"].as_object_mut().expect("content").shift_remove("application/x-amz-json-1.1");
        body["content"] = serde_json::json!({ "application/json": content.expect("the 1.1 content") });
        body["x-amz-media-type"] = "application/x-amz-json-1.1".into();
        let (now, before) = (Contract::from_spec(&spec).expect("now"), Contract::from_spec(&legacy).expect("before"));
        assert_eq!(now.media_type, "application/x-amz-json-1.1");
        assert_eq!(
            (now.media_type, now.input, now.examples.len()),
            (before.media_type, before.input, before.examples.len())
        );
    }

    #[test]
    fn an_upstream_model_is_read_only_as_far_as_the_operation_reaches() {
        let root = workspace_root();
        let text = std::fs::read_to_string(root.join(UPSTREAM_PATH)).expect("upstream model is readable");
        let mut model: Value = serde_json::from_str(&text).expect("upstream model is JSON");
        let excerpt = Contract::from_upstream(&model, UPSTREAM_OPERATION).expect("the excerpt loads");
        // A whole service-2.json also holds other operations' shapes, of types this reader does not know.
        model["shapes"]["UserPoolListType"] = serde_json::json!({"type": "list", "member": {"shape": "Unknown"}});
        model["shapes"]["IntegerType"] = serde_json::json!({"type": "integer"});

        let whole = Contract::from_upstream(&model, UPSTREAM_OPERATION).expect("unreached shapes are skipped");

        assert_eq!(whole, excerpt);
        assert_eq!(whole.shapes.len(), 30);
    }

    #[test]
    fn a_reached_shape_that_is_missing_is_an_error() {
        let root = workspace_root();
        let text = std::fs::read_to_string(root.join(UPSTREAM_PATH)).expect("upstream model is readable");
        let mut model: Value = serde_json::from_str(&text).expect("upstream model is JSON");
        model["shapes"].as_object_mut().expect("shapes").remove("UsernameType");

        let error = Contract::from_upstream(&model, UPSTREAM_OPERATION).expect_err("a dangling reference fails");

        assert_eq!(error.to_string(), "shape UsernameType is referenced but not defined");
    }

    #[test]
    fn documentation_becomes_one_line_of_plain_text() {
        assert_eq!(
            plain_text("<p>The ID of the <code>app</code> client.</p> <p>Second &amp; last.</p>"),
            "The ID of the app client. Second & last."
        );
        assert_eq!(plain_text("<ul><li><p>One</p></li><li>Two</li></ul>"), "One Two");
        assert_eq!(plain_text("see <a href=\"https://x.example/?a=1&amp;b=2\">the guide</a>."), "see the guide.");
        assert_eq!(plain_text("&lt;b&gt; isn&#39;t a tag, &quot;ok&quot;"), "<b> isn't a tag, \"ok\"");
        assert_eq!(plain_text("Zoë 用户 😀\n\tdone"), "Zoë 用户 😀 done");
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("<p>unclosed"), "unclosed");
    }
}
