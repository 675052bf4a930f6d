//! `cargo xtask codegen`: the generated client and model tables, from the spec.
//!
//! Two files come out of `spec/cognito-idp.openapi.yaml`, both committed:
//! - `generated.rs`: progenitor's client and types, with two fixes applied to the syntax tree: patterns
//!   are compiled in Unicode mode and anchored (typify compiles them without the `u` flag, so `\p{L}`
//!   would mean the text `p{L}`), and the types the spec marks sensitive get a redacting `Debug`;
//! - `generated_model.rs`: the contract as static tables (shapes, members, constraints, documentation,
//!   sensitivity, the wire constants) and the typed error enum, for the client layer and the CLI.
//!
//! Output is formatted by prettyplease, the same way every time, so `--check` compares bytes.

use std::path::Path;

use anyhow::{Context, Result, bail};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;

use crate::contract::{Contract, SPEC_PATH, ShapeKind};
use crate::output_files::{Output, write_or_check};

/// The headers of the AWS JSON 1.1 framing (the protocol's, not the spec's: the spec declares only the
/// `X-Amz-Target` parameter and the media type), by the constant `contract` gives each: its name as HTTP/2
/// writes it (lower case; HTTP/1.1 names are not case-sensitive) and its documentation.
const FRAMING_HEADERS: [(&str, &str, &str); 5] = [
    ("TARGET_HEADER", "x-amz-target", "`X-Amz-Target`: the operation, [`TARGET`]."),
    ("CONTENT_TYPE_HEADER", "content-type", "`Content-Type`: [`MEDIA_TYPE`]."),
    ("USER_AGENT_HEADER", "user-agent", "`User-Agent`: the client, its version and platform."),
    (
        "INVOCATION_ID_HEADER",
        "amz-sdk-invocation-id",
        "`amz-sdk-invocation-id`: one UUID per call, the same on every attempt.",
    ),
    ("REQUEST_HEADER", "amz-sdk-request", "`amz-sdk-request`: `attempt=N; max=M`, with the `ttl` of a retry."),
];

/// The client crate's source folder, relative to the workspace root.
pub const CLIENT_SRC: &str = "crates/cognito-idp-client/src";

/// Generates every file from the spec under `root`.
pub fn generate(root: &Path) -> Result<Vec<Output>> {
    let spec_path = root.join(SPEC_PATH);
    let text = std::fs::read_to_string(&spec_path).with_context(|| format!("reading {}", spec_path.display()))?;
    let document: serde_json::Value =
        serde_norway::from_str(&text).with_context(|| format!("parsing {SPEC_PATH} as YAML"))?;
    let openapi = progenitor_view(document)?;
    let contract = Contract::from_spec_file(&spec_path)?;

    Ok(vec![
        Output { path: Path::new(CLIENT_SRC).join("generated.rs"), contents: client_file(&openapi, &contract)? },
        Output { path: Path::new(CLIENT_SRC).join("generated_model.rs"), contents: model_file(&contract)? },
    ])
}

/// The spec as progenitor 0.15 can take it, in memory only: the request body's media type becomes
/// `application/json` (the only JSON request media type progenitor knows; `framing.rs` puts the real one,
/// `contract::MEDIA_TYPE`, on the wire), and the protocol's schemas (`x-amz-protocol`: the errors' `__type`,
/// which `error.rs` reads by the protocol's rules, namespaces included) leave the generated types.
pub fn progenitor_view(mut document: serde_json::Value) -> Result<openapiv3::OpenAPI> {
    use serde_json::Value;
    let schemas = document["components"]["schemas"].as_object_mut().context("the spec has no component schemas")?;
    let protocol: Vec<String> = schemas
        .iter()
        .filter(|(_, schema)| schema["x-amz-protocol"].as_bool() == Some(true))
        .map(|(name, _)| name.clone())
        .collect();
    for name in &protocol {
        schemas.shift_remove(name);
    }
    let references: Vec<String> = protocol.iter().map(|name| format!("#/components/schemas/{name}")).collect();
    for schema in schemas.values_mut() {
        if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            properties
                .retain(|_, property| !property["$ref"].as_str().is_some_and(|r| references.iter().any(|p| p == r)));
        }
    }
    for item in document["paths"].as_object_mut().into_iter().flat_map(|paths| paths.values_mut()) {
        for operation in item.as_object_mut().into_iter().flat_map(|item| item.values_mut()) {
            let Some(content) = operation["requestBody"]["content"].as_object_mut() else { continue };
            let media_types: Vec<String> = content.keys().cloned().collect();
            for media_type in media_types {
                if media_type.starts_with("application/x-amz-json-")
                    && let Some(value) = content.shift_remove(&media_type)
                {
                    content.insert("application/json".to_owned(), value);
                }
            }
        }
    }
    serde_json::from_value(document).with_context(|| format!("reading {SPEC_PATH} as OpenAPI 3.0"))
}

/// Writes the generated files, or with `check` compares them with what is committed.
pub fn run(root: &Path, check: bool) -> Result<()> {
    write_or_check(root, &generate(root)?, check, "generated code:", "cargo xtask codegen")
}

fn header(what: &str) -> String {
    format!(
        "// @generated by `cargo xtask codegen` from {SPEC_PATH}: {what}.\n\
         // Do not edit by hand: change the spec and run `cargo xtask codegen`.\n\n"
    )
}

fn format(tokens: TokenStream, what: &str) -> Result<String> {
    let file: syn::File = syn::parse2(tokens).context("generated code does not parse")?;
    Ok(format!("{}{}", header(what), prettyplease::unparse(&file)))
}

fn client_file(openapi: &openapiv3::OpenAPI, contract: &Contract) -> Result<String> {
    let mut settings = progenitor::GenerationSettings::default();
    settings
        .with_interface(progenitor::InterfaceStyle::Builder)
        .with_tag(progenitor::TagStyle::Merged)
        .with_hooks(progenitor::HooksMode::Expected)
        .with_inner_type(quote! { crate::framing::Framing })
        .with_map_type("::indexmap::IndexMap");
    let mut generator = progenitor::Generator::new(&settings);
    let tokens = generator.generate_tokens(openapi).context("progenitor could not generate the client")?;
    let mut file: syn::File = syn::parse2(tokens).context("progenitor's output does not parse")?;

    let mut fix = FixPatterns { fixed: 0, error: None };
    fix.visit_file_mut(&mut file);
    if let Some(error) = fix.error {
        return Err(error);
    }
    let patterns =
        contract.shapes.values().filter(|s| matches!(&s.kind, ShapeKind::String { pattern: Some(_), .. })).count();
    if fix.fixed != patterns {
        bail!("expected {patterns} pattern-checked types in progenitor's output, fixed {}", fix.fixed);
    }

    let map_keys = map_key_types(contract)?;
    let mut keys = TypeMapKeys { keys: &map_keys, replaced: 0 };
    keys.visit_file_mut(&mut file);
    if !map_keys.is_empty() && keys.replaced == 0 {
        bail!("expected maps keyed by String in progenitor's output for {:?}", map_keys);
    }

    let sensitive: Vec<String> = contract.shapes.values().filter(|s| s.sensitive).map(|s| s.name.clone()).collect();
    let mut redact = RedactSensitive { names: &sensitive, redacted: Vec::new() };
    redact.visit_file_mut(&mut file);
    for name in &sensitive {
        if !redact.redacted.iter().any(|r| r == name) {
            bail!("sensitive type {name} was not found in progenitor's output");
        }
    }

    let mut out = format!(
        "{}{}",
        header("progenitor 0.15 client and types, with Unicode patterns and redacted sensitive types"),
        prettyplease::unparse(&file)
    );
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Rewrites `::regress::Regex::new("p")` into `::regress::Regex::with_flags("^(?:p)$", "u")`.
struct FixPatterns {
    fixed: usize,
    error: Option<anyhow::Error>,
}

impl VisitMut for FixPatterns {
    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        syn::visit_mut::visit_expr_call_mut(self, call);
        let syn::Expr::Path(func) = call.func.as_ref() else { return };
        let segments: Vec<String> = func.path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments != ["regress", "Regex", "new"] {
            return;
        }
        let Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(pattern), .. })) = call.args.first() else {
            self.error = Some(anyhow::anyhow!("regress::Regex::new without a literal pattern"));
            return;
        };
        let anchored = anchor(&pattern.value());
        let lit = syn::LitStr::new(&anchored, Span::call_site());
        *call = syn::parse_quote! { ::regress::Regex::with_flags(#lit, "u") };
        self.fixed += 1;
    }
}

/// AWS patterns match whole values: anchors a pattern unless it is `^...$` already.
pub fn anchor(pattern: &str) -> String {
    let inner = pattern.strip_prefix('^').and_then(|p| p.strip_suffix('$'));
    match inner {
        Some(inner) if !inner.ends_with('\\') && !has_top_level_alternation(inner) => pattern.to_owned(),
        _ => format!("^(?:{pattern})$"),
    }
}

/// Whether `pattern` has a `|` outside any group or class, which anchors at its ends would not cover.
fn has_top_level_alternation(pattern: &str) -> bool {
    let (mut depth, mut in_class, mut escaped) = (0usize, false, false);
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// The value type → key type of each map whose keys have constraints: typify keys every map by `String`
/// (OpenAPI 3.0 cannot describe keys), so codegen puts the key shape of `x-amz-map-key` in its place.
fn map_key_types(contract: &Contract) -> Result<Vec<(String, String)>> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for shape in contract.shapes.values() {
        let ShapeKind::Map { key, value } = &shape.kind else { continue };
        let constrained = matches!(
            &contract.shape(key)?.kind,
            ShapeKind::String { min, max, pattern, enum_values, .. }
                if min.is_some_and(|m| m > 0) || max.is_some() || pattern.is_some() || !enum_values.is_empty()
        );
        if !constrained {
            continue;
        }
        if pairs.iter().any(|(v, k)| v == value && k != key) {
            bail!("two maps share the value type {value} with different key types; codegen cannot tell them apart");
        }
        if !pairs.iter().any(|(v, _)| v == value) {
            pairs.push((value.clone(), key.clone()));
        }
    }
    Ok(pairs)
}

/// Rewrites `IndexMap<String, V>` into `IndexMap<K, V>` for the `(V, K)` pairs of [`map_key_types`].
struct TypeMapKeys<'a> {
    keys: &'a [(String, String)],
    replaced: usize,
}

impl VisitMut for TypeMapKeys<'_> {
    fn visit_type_path_mut(&mut self, path: &mut syn::TypePath) {
        syn::visit_mut::visit_type_path_mut(self, path);
        let Some(last) = path.path.segments.last_mut() else { return };
        if last.ident != "IndexMap" {
            return;
        }
        let syn::PathArguments::AngleBracketed(args) = &mut last.arguments else { return };
        let mut types = args.args.iter_mut().filter_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        });
        let (Some(key), Some(value), None) = (types.next(), types.next(), types.next()) else { return };
        let is_string =
            matches!(&*key, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "String"));
        let value_name = match &*value {
            syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let Some((_, key_type)) = value_name.and_then(|v| self.keys.iter().find(|(value, _)| *value == v)) else {
            return;
        };
        if is_string {
            let ident = format_ident!("{}", key_type);
            *key = syn::parse_quote! { #ident };
            self.replaced += 1;
        }
    }
}

/// Drops `Debug` from the derives of sensitive types (and of their builders) and adds a redacting one.
struct RedactSensitive<'a> {
    names: &'a [String],
    redacted: Vec<String>,
}

impl VisitMut for RedactSensitive<'_> {
    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        syn::visit_mut::visit_item_mod_mut(self, module);
        let Some((_, items)) = module.content.as_mut() else { return };
        let mut impls = Vec::new();
        for item in items.iter_mut() {
            let syn::Item::Struct(item) = item else { continue };
            let name = item.ident.to_string();
            if !self.names.contains(&name) {
                continue;
            }
            for attr in &mut item.attrs {
                if !attr.path().is_ident("derive") {
                    continue;
                }
                let Ok(paths) =
                    attr.parse_args_with(syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
                else {
                    continue;
                };
                let kept: Vec<&syn::Path> = paths.iter().filter(|p| !p.is_ident("Debug")).collect();
                *attr = syn::parse_quote! { #[derive(#(#kept),*)] };
            }
            let ident = &item.ident;
            impls.push(syn::parse_quote! {
                impl ::std::fmt::Debug for #ident {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!(stringify!(#ident), "(*** Sensitive Data Redacted ***)"))
                    }
                }
            });
            self.redacted.push(name);
        }
        items.extend(impls);
    }
}

fn model_file(contract: &Contract) -> Result<String> {
    let service = |key: &str| contract.service.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let (operation, target, media_type, method, path, auth_type, operation_doc) = (
        &contract.operation,
        &contract.target,
        &contract.media_type,
        &contract.method,
        &contract.path,
        &contract.auth_type,
        &contract.operation_doc,
    );
    let (api_version, endpoint_prefix, target_prefix, service_id, service_full_name, json_version) = (
        service("apiVersion"),
        service("endpointPrefix"),
        service("targetPrefix"),
        service("serviceId"),
        service("serviceFullName"),
        service("jsonVersion"),
    );

    let mut statics = Vec::new();
    for shape in contract.shapes.values() {
        let ident = static_ident(&shape.name);
        let (name, doc, sensitive) = (&shape.name, &shape.doc, shape.sensitive);
        let kind = match &shape.kind {
            ShapeKind::String { min, max, pattern, enum_values, .. } => {
                let min = option(min.map(|v| quote! { #v }));
                let max = option(max.map(|v| quote! { #v }));
                let pattern = option(pattern.as_ref().map(|p| {
                    let p = anchor(p);
                    quote! { #p }
                }));
                quote! {
                    ShapeKind::String(StringShape {
                        min: #min,
                        max: #max,
                        pattern: #pattern,
                        enum_values: &[#(#enum_values),*],
                    })
                }
            }
            ShapeKind::Structure { members, required, error } => {
                let members = members.iter().map(|m| {
                    let (mname, mdoc, mshape) = (&m.name, &m.doc, static_ident(&m.shape));
                    quote! { Member { name: #mname, shape: &#mshape, doc: #mdoc } }
                });
                let error = option(error.as_ref().map(|fault| match fault.as_str() {
                    "server" => quote! { Fault::Server },
                    _ => quote! { Fault::Client },
                }));
                quote! {
                    ShapeKind::Structure(StructureShape {
                        members: &[#(#members),*],
                        required: &[#(#required),*],
                        error: #error,
                    })
                }
            }
            ShapeKind::Map { key, value } => {
                let (key, value) = (static_ident(key), static_ident(value));
                quote! { ShapeKind::Map(MapShape { key: &#key, value: &#value }) }
            }
        };
        let comment = format!("The `{name}` shape.");
        statics.push(quote! {
            #[doc = #comment]
            pub static #ident: Shape = Shape { name: #name, doc: #doc, sensitive: #sensitive, kind: #kind };
        });
    }

    let json_schemas = json_schema_impls(contract)?;
    let input = static_ident(&contract.input);
    let output = static_ident(&contract.output);
    let errors: Vec<_> = contract.errors.iter().map(|e| static_ident(e)).collect();
    let all: Vec<_> = contract.shapes.keys().map(|s| static_ident(s)).collect();
    let error_enum = error_enum(contract)?;
    let examples = contract.examples.iter().map(|e| {
        let (name, summary, description) = (&e.name, &e.summary, &e.description);
        let request = e.request.to_string();
        let response = option(e.response.as_ref().map(|r| {
            let r = r.to_string();
            quote! { #r }
        }));
        quote! {
            Example { name: #name, summary: #summary, description: #description, request: #request, response: #response }
        }
    });

    let mut framing: Vec<&(&str, &str, &str)> = FRAMING_HEADERS.iter().collect();
    framing.sort_by_key(|(_, name, _)| *name);
    let framing_count = proc_macro2::Literal::usize_unsuffixed(framing.len());
    let framing_names = framing.iter().map(|(constant, _, _)| format_ident!("{constant}"));
    let framing_headers = FRAMING_HEADERS.iter().map(|(constant, name, doc)| {
        let constant = format_ident!("{constant}");
        let doc = format!(" {doc}");
        quote! {
            #[doc = #doc]
            pub const #constant: &str = #name;
        }
    });

    let tokens = quote! {
        use crate::generated::types;
        use crate::model::{Example, Fault, MapShape, Member, Shape, ShapeKind, StringShape, StructureShape};

        /// The operation's name.
        pub const OPERATION: &str = #operation;
        /// The operation's documentation, as AWS writes it (HTML).
        pub const OPERATION_DOC: &str = #operation_doc;
        /// The value of the `X-Amz-Target` header ([`TARGET_HEADER`]).
        pub const TARGET: &str = #target;
        /// The Content-Type of requests and responses.
        pub const MEDIA_TYPE: &str = #media_type;
        /// The HTTP method.
        pub const METHOD: &str = #method;
        /// The HTTP path.
        pub const PATH: &str = #path;
        /// The auth type; `none` means the operation is not signed.
        pub const AUTH_TYPE: &str = #auth_type;
        /// The service's API version.
        pub const API_VERSION: &str = #api_version;
        /// The first label of the service's endpoint host name.
        pub const ENDPOINT_PREFIX: &str = #endpoint_prefix;
        /// The prefix of `X-Amz-Target`.
        pub const TARGET_PREFIX: &str = #target_prefix;
        /// The AWS JSON protocol version.
        pub const JSON_VERSION: &str = #json_version;
        /// The service's identifier.
        pub const SERVICE_ID: &str = #service_id;
        /// The service's full name.
        pub const SERVICE_FULL_NAME: &str = #service_full_name;

        #(#framing_headers)*
        /// Every header of the AWS JSON 1.1 framing, sorted: what AWS's SDKs and AWS CLI v1 send besides the
        /// transport's own (`Host`, `Content-Length`, ...). The operation is unsigned ([`AUTH_TYPE`]): no
        /// `Authorization`.
        pub const FRAMING_HEADERS: [&str; #framing_count] = [#(#framing_names),*];

        /// The input shape.
        pub static INPUT: &Shape = &#input;
        /// The output shape.
        pub static OUTPUT: &Shape = &#output;
        /// The error shapes, in the spec's order.
        pub static ERRORS: &[&Shape] = &[#(&#errors),*];
        /// Every shape of the contract, by name.
        pub static SHAPES: &[&Shape] = &[#(&#all),*];
        /// Worked examples from the spec, for documentation.
        pub static EXAMPLES: &[Example] = &[#(#examples),*];

        #(#statics)*

        #error_enum

        #(#json_schemas)*
    };
    format(tokens, "the contract as static tables, and the typed error enum")
}

fn error_enum(contract: &Contract) -> Result<TokenStream> {
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    let mut codes = Vec::new();
    let mut messages = Vec::new();
    let mut faults = Vec::new();
    for name in &contract.errors {
        let shape = contract.shape(name)?;
        let ShapeKind::Structure { members, error, .. } = &shape.kind else {
            bail!("error shape {name} is not a structure");
        };
        let has_message = members.iter().any(|m| m.name == "message" && m.shape == "MessageType");
        if !has_message {
            bail!("error shape {name} has no `message` member of shape MessageType; the error decoder expects one");
        }
        let ident = format_ident!("{}", name);
        let doc = format!("`{name}`: {}", shape.doc);
        variants.push(quote! { #[doc = #doc] #ident(types::#ident) });
        arms.push(quote! {
            #name => {
                let mut error: types::#ident = decode_members(body);
                if error.message.is_none() {
                    error.message = message.map(types::MessageType);
                }
                Self::#ident(error)
            }
        });
        codes.push(quote! { Self::#ident(_) => #name });
        messages.push(quote! { Self::#ident(e) => e.message.as_ref().map(|m| m.0.as_str()) });
        let server = error.as_deref() == Some("server");
        faults.push(quote! { Self::#ident(_) => #server });
    }
    let operation = &contract.operation;
    let enum_doc = format!("The errors of `{operation}`, decoded by the AWS JSON 1.1 rules.");
    Ok(quote! {
        #[doc = #enum_doc]
        ///
        /// Each modeled error carries its generated type; any other code is `Unknown`.
        #[derive(Clone, Debug)]
        pub enum OperationError {
            #(#variants,)*
            /// An error code the contract does not model, or the HTTP status when the response names none.
            Unknown {
                /// The error code (after `#`, before `:`), or the HTTP status code as text.
                code: ::std::string::String,
                /// The message, when the response has one.
                message: ::std::option::Option<::std::string::String>,
            },
        }

        impl OperationError {
            /// Builds the error named `code` from the response body's members and the extracted message.
            pub(crate) fn from_parts(
                code: &str,
                body: &::serde_json::Value,
                message: ::std::option::Option<::std::string::String>,
            ) -> Self {
                match code {
                    #(#arms)*
                    _ => Self::Unknown { code: code.to_owned(), message },
                }
            }

            /// The error code, such as `UserNotFoundException`.
            pub fn code(&self) -> &str {
                match self {
                    #(#codes,)*
                    Self::Unknown { code, .. } => code,
                }
            }

            /// The error message, when the response has one.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#messages,)*
                    Self::Unknown { message, .. } => message.as_deref(),
                }
            }

            /// Whether the contract models this error as a server fault.
            pub fn is_server_fault(&self) -> bool {
                match self {
                    #(#faults,)*
                    Self::Unknown { .. } => false,
                }
            }
        }

        /// Decodes an error's members; a member that does not decode is left unset.
        fn decode_members<T: ::serde::de::DeserializeOwned + ::std::default::Default>(
            body: &::serde_json::Value,
        ) -> T {
            <T as ::serde::Deserialize>::deserialize(body).unwrap_or_default()
        }
    })
}

/// A shape that contains itself, through members, keys or values, if any.
fn recursive_shape(contract: &Contract) -> Option<String> {
    fn children(kind: &ShapeKind) -> Vec<&str> {
        match kind {
            ShapeKind::String { .. } => Vec::new(),
            ShapeKind::Structure { members, .. } => members.iter().map(|m| m.shape.as_str()).collect(),
            ShapeKind::Map { key, value } => vec![key.as_str(), value.as_str()],
        }
    }
    contract
        .shapes
        .keys()
        .find(|start| {
            let mut pending: Vec<&str> = contract.shapes.get(*start).map(|s| children(&s.kind)).unwrap_or_default();
            let mut seen = std::collections::BTreeSet::new();
            while let Some(name) = pending.pop() {
                if name == start.as_str() {
                    return true;
                }
                if seen.insert(name) {
                    pending.extend(contract.shapes.get(name).map(|s| children(&s.kind)).unwrap_or_default());
                }
            }
            false
        })
        .cloned()
}

/// `schemars::JsonSchema` for every shape's generated type, from the contract: the builders of
/// `crate::json_schema` with the shape's constraints. Structures the input reaches are closed (the CLI
/// refuses keys the contract does not name); the output's stay open (a newer service may add members).
fn json_schema_impls(contract: &Contract) -> Result<Vec<TokenStream>> {
    if let Some(shape) = recursive_shape(contract) {
        bail!("shape {shape} contains itself: recursive shapes cannot be written as inline JSON Schemas");
    }
    let paths = contract.member_paths();
    let input_side = |name: &str| {
        paths.get(name).is_some_and(|p| p.iter().any(|path| path.split('.').next() == Some(contract.input.as_str())))
    };
    let mut impls = Vec::new();
    for shape in contract.shapes.values() {
        let ty = syn::Ident::new(&shape.name, proc_macro2::Span::call_site());
        let name = &shape.name;
        let body = match &shape.kind {
            ShapeKind::String { min, max, pattern, anchored, enum_values } => {
                let limit = |v: &Option<u64>| -> Result<TokenStream> {
                    Ok(option(
                        v.map(u32::try_from).transpose().context("a length limit over u32")?.map(|v| quote! { #v }),
                    ))
                };
                let (min, max) = (limit(min)?, limit(max)?);
                let pattern = option(pattern.as_ref().map(|p| {
                    // The spec's own text when it anchors the pattern, else anchored the way the types anchor it.
                    let written = anchor(&if *anchored { format!("^{p}$") } else { p.clone() });
                    quote! { #written }
                }));
                quote! { crate::json_schema::string(#min, #max, #pattern, &[#(#enum_values),*]) }
            }
            ShapeKind::Structure { members, required, .. } => {
                let closed = input_side(name);
                let members = members
                    .iter()
                    .map(|m| {
                        let doc = if m.doc.is_empty() { &contract.shape(&m.shape)?.doc } else { &m.doc };
                        let description = crate::contract::plain_text(doc);
                        let (mname, mty) = (&m.name, syn::Ident::new(&m.shape, proc_macro2::Span::call_site()));
                        Ok(quote! {
                            crate::json_schema::Member {
                                name: #mname,
                                schema: |g| g.subschema_for::<types::#mty>(),
                                description: #description,
                            }
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                quote! { crate::json_schema::structure(generator, &[#(#members),*], &[#(#required),*], #closed) }
            }
            ShapeKind::Map { key, value } => {
                let description = crate::contract::plain_text(&contract.shape(value)?.doc);
                let (key, value) = (
                    syn::Ident::new(key, proc_macro2::Span::call_site()),
                    syn::Ident::new(value, proc_macro2::Span::call_site()),
                );
                quote! {
                    crate::json_schema::map(
                        generator.subschema_for::<types::#key>(),
                        generator.subschema_for::<types::#value>(),
                        #description,
                    )
                }
            }
        };
        let uses_generator = !matches!(shape.kind, ShapeKind::String { .. });
        let generator = if uses_generator {
            quote! { generator }
        } else {
            quote! { _generator }
        };
        impls.push(quote! {
            impl ::schemars::JsonSchema for types::#ty {
                fn schema_name() -> ::std::string::String {
                    #name.to_owned()
                }
                fn json_schema(#generator: &mut ::schemars::r#gen::SchemaGenerator) -> ::schemars::schema::Schema {
                    #body
                }
            }
        });
    }
    Ok(impls)
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(v) => quote! { Some(#v) },
        None => quote! { None },
    }
}

/// `ClientIdType` → `CLIENT_ID_TYPE`.
fn static_ident(shape: &str) -> syn::Ident {
    let mut out = String::new();
    let chars: Vec<char> = shape.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if i > 0 && c.is_uppercase() && (chars[i - 1].is_lowercase() || next_lower) {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    format_ident!("{}", out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    fn spec_value() -> serde_json::Value {
        let text = std::fs::read_to_string(workspace_root().join(SPEC_PATH)).expect("the spec is readable");
        serde_norway::from_str(&text).expect("the spec is YAML")
    }

    #[test]
    fn a_spec_change_flows_into_the_json_schema_impls() {
        let mut doc = spec_value();
        let schemas = &mut doc["components"]["schemas"];
        schemas["ClientIdType"]["maxLength"] = 100.into();
        schemas["DeliveryMediumType"]["enum"] = serde_json::json!(["SMS", "EMAIL", "VOICE"]);
        schemas["SecretHashType"]["pattern"] = "[\\w+=/]+|x".into();
        let contract = Contract::from_spec(&doc).expect("the edited spec loads");
        let text: String = json_schema_impls(&contract).expect("impls").iter().map(ToString::to_string).collect();
        assert!(text.contains("Some (100u32)"), "the new maximum");
        assert!(text.contains("\"VOICE\""), "the new enum value");
        assert!(text.contains("|x)$"), "the new pattern, anchored as a whole");
    }

    #[test]
    fn a_recursive_shape_is_refused_for_json_schemas() {
        let mut doc = spec_value();
        doc["components"]["schemas"]["UserContextDataType"]["properties"]["Parent"] =
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/UserContextDataType"}]});
        let contract = Contract::from_spec(&doc).expect("the edited spec loads");
        let error = json_schema_impls(&contract).expect_err("recursion is refused");
        assert!(error.to_string().contains("recursive shapes cannot be written as inline JSON Schemas"), "{error}");
    }

    #[test]
    fn generated_code_is_fresh() {
        let root = workspace_root();
        let outputs = generate(&root).expect("code generation succeeds");
        let stale = crate::output_files::stale_files(&root, &outputs).expect("generated files are readable");
        assert!(
            stale.is_empty(),
            "generated code is out of date with {SPEC_PATH}: {}\nrun `cargo xtask codegen` and commit the result",
            stale.join(", ")
        );
    }

    #[test]
    fn patterns_are_anchored_once() {
        assert_eq!(anchor("[\\w+]+"), "^(?:[\\w+]+)$");
        assert_eq!(anchor("^[\\w+]+$"), "^[\\w+]+$");
        assert_eq!(anchor("^a|b$"), "^(?:^a|b$)$");
        assert_eq!(anchor("^(a|b)$"), "^(a|b)$");
        assert_eq!(anchor("^[|]+$"), "^[|]+$");
    }

    #[test]
    fn shape_names_become_static_names() {
        assert_eq!(static_ident("ClientIdType").to_string(), "CLIENT_ID_TYPE");
        assert_eq!(
            static_ident("InvalidSmsRoleAccessPolicyException").to_string(),
            "INVALID_SMS_ROLE_ACCESS_POLICY_EXCEPTION"
        );
        assert_eq!(static_ident("ResendConfirmationCodeRequest").to_string(), "RESEND_CONFIRMATION_CODE_REQUEST");
    }
}
