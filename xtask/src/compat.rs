//! `cargo xtask compat`: every difference between two versions of the contract, classified as breaking,
//! warning or compatible from the side of the party that meets it.
//!
//! Both versions are read into a [`Contract`] (from the spec at a git revision, a spec file, or an AWS
//! model) and walked side by side from the operation's input, output and errors, member by member, so
//! that each difference is named by the member path it affects
//! (`ResendConfirmationCodeRequest.UserContextData.IpAddress`). Shapes are compared by structure, not by
//! name: a shape shared by several members is judged once per member path, on the request side or the
//! response side that path belongs to. The rules, and why each one has its class, are in
//! `docs/compat-rules.md`; [`RULES`] is the same list in code.
//!
//! Hazards that depend on this repository's generated client (closed enums, string types that check
//! their constraints when they decode, the catch-all error variant) are read from its generated source,
//! so that the report says what a user of that client would actually see.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use quote::ToTokens;
use serde_json::{Value, json};

use crate::codegen::CLIENT_SRC;
use crate::contract::{Contract, Member, SPEC_PATH, Shape, ShapeKind, UPSTREAM_OPERATION};

/// The options of `cargo xtask compat`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old contract: a git revision (its spec/cognito-idp.openapi.yaml) or a file (an OpenAPI spec or an
    /// AWS model). An argument that names an existing file is that file; anything else is a revision;
    /// `git:NAME` forces a revision. [default: HEAD, or the working tree's spec with --upstream]
    #[arg(long, value_name = "REV|FILE")]
    pub base: Option<String>,
    /// The new contract, read like --base. [default: the working tree's spec]
    #[arg(long, value_name = "FILE|REV", conflicts_with = "upstream")]
    pub head: Option<String>,
    /// Compare the spec with AWS's model at PATH (a service-2.json or an excerpt), the model being the new
    /// side: what adopting that model would change.
    #[arg(long, value_name = "PATH")]
    pub upstream: Option<PathBuf>,
    /// Print the report as JSON (described in docs/compat-rules.md).
    #[arg(long)]
    pub json: bool,
    /// Exit non-zero when a difference of this class or a worse one exists.
    #[arg(long, value_enum, value_name = "CLASS", default_value_t = FailOn::Breaking)]
    pub fail_on: FailOn,
    /// Print the classification rules (identifier, class, meaning) and exit.
    #[arg(long, exclusive = true)]
    pub list_rules: bool,
}

/// How bad a difference is for the party that meets it. Ordered from harmless to breaking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Nothing that worked before stops working.
    Compatible,
    /// Works on the wire, but a hazard for some clients (named in the reason).
    Warning,
    /// Something that worked before stops working.
    Breaking,
}

impl Class {
    /// The class's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Compatible => "compatible",
            Class::Warning => "warning",
            Class::Breaking => "breaking",
        }
    }
}

/// The lowest class that makes `compat` fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on breaking differences.
    Breaking,
    /// Fail on warnings and breaking differences.
    Warning,
}

impl FailOn {
    fn threshold(self) -> Class {
        match self {
            FailOn::Breaking => Class::Breaking,
            FailOn::Warning => Class::Warning,
        }
    }
}

/// Where a difference lives, which says whose side it is judged from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// Service metadata.
    Service,
    /// The operation: wire framing, names, documentation, examples.
    Operation,
    /// What clients send.
    Request,
    /// What clients receive on success.
    Response,
    /// The errors, which clients also receive.
    Error,
}

impl Side {
    /// The side's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Service => "service",
            Side::Operation => "operation",
            Side::Request => "request",
            Side::Response => "response",
            Side::Error => "error",
        }
    }
}

/// A classification rule: its identifier, class and one-line meaning.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, used in reports and in `docs/compat-rules.md`.
    pub id: &'static str,
    /// The class of every difference the rule matches.
    pub class: Class,
    /// What the rule matches.
    pub summary: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $class:ident, $summary:literal;)*) => {
        $(const $name: &Rule = &Rule { id: $id, class: Class::$class, summary: $summary };)*
        /// Every rule, in the order of the table in `docs/compat-rules.md`.
        pub const RULES: &[&Rule] = &[$($name),*];
    };
}

rules! {
    SERVICE_WIRE_METADATA = "service-wire-metadata-changed", Breaking,
        "a metadata key on the wire changed (endpointPrefix, protocol, jsonVersion, targetPrefix; signing keys if signed)";
    SERVICE_METADATA = "service-metadata-changed", Compatible,
        "any other metadata key changed (apiVersion, serviceId, serviceFullName, uid, protocols; signing keys if unsigned)";
    OPERATION_TARGET = "operation-target-changed", Breaking, "the X-Amz-Target header value changed";
    OPERATION_MEDIA_TYPE = "operation-media-type-changed", Breaking, "the Content-Type on the wire changed";
    OPERATION_HTTP = "operation-http-changed", Breaking, "the HTTP method or path changed";
    OPERATION_AUTH = "operation-auth-changed", Breaking, "the auth type changed (such as none to v4)";
    OPERATION_RENAMED = "operation-renamed", Warning, "the operation's name (operationId) changed";
    REQUEST_MEMBER_REMOVED = "request-member-removed", Breaking, "a request member was removed";
    REQUEST_REQUIRED_MEMBER_ADDED = "request-required-member-added", Breaking, "a required request member was added";
    REQUEST_OPTIONAL_MEMBER_ADDED = "request-optional-member-added", Compatible, "an optional request member was added";
    REQUEST_MEMBER_BECAME_REQUIRED = "request-member-became-required", Breaking,
        "an optional request member became required";
    REQUEST_MEMBER_BECAME_OPTIONAL = "request-member-became-optional", Compatible,
        "a required request member became optional";
    REQUEST_MAX_LENGTH_DECREASED = "request-max-length-decreased", Breaking, "a request maxLength went down or was set";
    REQUEST_MAX_LENGTH_INCREASED = "request-max-length-increased", Compatible,
        "a request maxLength went up or was removed";
    REQUEST_MIN_LENGTH_INCREASED = "request-min-length-increased", Breaking, "a request minLength went up";
    REQUEST_MIN_LENGTH_DECREASED = "request-min-length-decreased", Compatible, "a request minLength went down";
    REQUEST_PATTERN_CHANGED = "request-pattern-changed", Breaking,
        "a request pattern was added or changed, other than a widened character class";
    REQUEST_PATTERN_WIDENED = "request-pattern-widened", Compatible,
        "a request pattern was removed, or its character class only gained items";
    REQUEST_ENUM_VALUE_REMOVED = "request-enum-value-removed", Breaking,
        "a request enum lost a value, or a free string became an enum";
    REQUEST_ENUM_VALUE_ADDED = "request-enum-value-added", Compatible,
        "a request enum gained a value, or stopped being an enum";
    REQUEST_TYPE_CHANGED = "request-type-changed", Breaking, "a request member's type changed (string, structure, map)";
    RESPONSE_MEMBER_REMOVED = "response-member-removed", Breaking, "a response or error member was removed";
    RESPONSE_MEMBER_ADDED = "response-member-added", Compatible, "a response or error member was added";
    RESPONSE_MEMBER_BECAME_OPTIONAL = "response-member-became-optional", Breaking,
        "a required response member became optional";
    RESPONSE_MEMBER_BECAME_REQUIRED = "response-member-became-required", Compatible,
        "an optional response member became required";
    RESPONSE_TYPE_CHANGED = "response-type-changed", Breaking, "a response or error member's type changed";
    RESPONSE_ENUM_VALUE_ADDED = "response-enum-value-added", Warning,
        "a response enum gained a value, or stopped being an enum";
    RESPONSE_ENUM_VALUE_REMOVED = "response-enum-value-removed", Compatible,
        "a response enum lost a value, or a free string became an enum";
    RESPONSE_MAX_LENGTH_INCREASED = "response-max-length-increased", Warning,
        "a response maxLength went up or was removed";
    RESPONSE_MAX_LENGTH_DECREASED = "response-max-length-decreased", Compatible,
        "a response maxLength went down or was set";
    RESPONSE_MIN_LENGTH_DECREASED = "response-min-length-decreased", Warning, "a response minLength went down";
    RESPONSE_MIN_LENGTH_INCREASED = "response-min-length-increased", Compatible, "a response minLength went up";
    RESPONSE_PATTERN_CHANGED = "response-pattern-changed", Warning,
        "a response pattern was removed or changed, other than a narrowed character class";
    RESPONSE_PATTERN_NARROWED = "response-pattern-narrowed", Compatible,
        "a response pattern was added, or its character class only lost items";
    ERROR_ADDED = "error-added", Warning, "the operation gained an error";
    ERROR_REMOVED = "error-removed", Compatible, "the operation lost an error";
    ERROR_FAULT_CHANGED = "error-fault-changed", Warning, "an error moved between client and server faults";
    SENSITIVITY_REMOVED = "sensitivity-removed", Warning, "a shape is no longer marked sensitive";
    SENSITIVITY_ADDED = "sensitivity-added", Compatible, "a shape became sensitive";
    SHAPE_RENAMED = "shape-renamed", Warning, "a member's shape has another name but the same kind";
    MEMBER_ORDER_CHANGED = "member-order-changed", Compatible, "a structure's members changed order";
    DOCUMENTATION_CHANGED = "documentation-changed", Compatible,
        "documentation of the operation, a shape or a member changed";
    EXAMPLE_CHANGED = "example-changed", Compatible, "a worked example was added, removed or changed";
}

/// One classified difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule that classified it.
    pub rule: &'static Rule,
    /// Where it lives.
    pub side: Side,
    /// The member path (`ResendConfirmationCodeRequest.ClientId`), error name, or `operation NAME` /
    /// `service metadata`.
    pub path: String,
    /// The attribute that differs, such as `maxLength`.
    pub what: String,
    /// The old value; `None` when absent.
    pub old: Option<String>,
    /// The new value; `None` when absent.
    pub new: Option<String>,
    /// Why it has its class, for the party that meets it.
    pub why: String,
}

impl Change {
    /// The change's class (its rule's).
    pub fn class(&self) -> Class {
        self.rule.class
    }
}

/// What the generated client does with values it was not generated for, read from its source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientFacts {
    /// Generated enums by type name, with whether they keep an unknown variant.
    pub enums: BTreeMap<String, bool>,
    /// Generated types with a hand-made `Deserialize` that checks their constraints.
    pub validating: BTreeSet<String>,
    /// Whether `OperationError` has a catch-all variant for error codes it does not model.
    pub unknown_error: bool,
}

impl ClientFacts {
    /// Reads the generated client under `root`.
    pub fn read(root: &Path) -> Result<Self> {
        let mut facts = ClientFacts::default();
        for file in ["generated.rs", "generated_model.rs"] {
            let path = root.join(CLIENT_SRC).join(file);
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let parsed = syn::parse_file(&text).with_context(|| format!("parsing {}", path.display()))?;
            facts.collect(&parsed.items);
        }
        Ok(facts)
    }

    fn collect(&mut self, items: &[syn::Item]) {
        for item in items {
            match item {
                syn::Item::Mod(module) => {
                    if let Some((_, inner)) = &module.content {
                        self.collect(inner);
                    }
                }
                syn::Item::Enum(e) if e.ident == "OperationError" => {
                    self.unknown_error = e.variants.iter().any(|v| v.ident == "Unknown");
                }
                syn::Item::Enum(e) => {
                    let open = e.variants.iter().flat_map(|v| &v.attrs).any(|a| {
                        let tokens = a.meta.to_token_stream().to_string();
                        a.path().is_ident("serde") && (tokens.contains("other") || tokens.contains("untagged"))
                    });
                    self.enums.insert(e.ident.to_string(), open);
                }
                syn::Item::Impl(i) => {
                    let is_deserialize = i
                        .trait_
                        .as_ref()
                        .and_then(|(path, _)| path.segments.last())
                        .is_some_and(|s| s.ident == "Deserialize");
                    if let (true, syn::Type::Path(ty)) = (is_deserialize, i.self_ty.as_ref())
                        && let Some(last) = ty.path.segments.last()
                    {
                        self.validating.insert(last.ident.to_string());
                    }
                }
                _ => {}
            }
        }
    }
}

/// Where one side of the comparison comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The spec at a git revision.
    Revision(String),
    /// A file: an OpenAPI spec or an AWS model, told apart by its content.
    File(PathBuf),
    /// The working tree's spec.
    WorkingTree,
}

impl Source {
    /// Reads a `--base`/`--head` argument: `git:NAME` is a revision, a path to an existing file is that
    /// file, anything else is a revision.
    pub fn parse(arg: &str) -> Source {
        if let Some(rev) = arg.strip_prefix("git:") {
            Source::Revision(rev.to_owned())
        } else if Path::new(arg).is_file() {
            Source::File(PathBuf::from(arg))
        } else {
            Source::Revision(arg.to_owned())
        }
    }
}

/// A contract read from a source, with what it is called in the report.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The contract.
    pub contract: Contract,
    /// The source, as the report names it.
    pub label: String,
    /// Whether it came from an AWS model rather than an OpenAPI spec.
    pub aws_model: bool,
}

/// Reads the contract at `source`; git revisions are read in the repository at `root`.
pub fn load(root: &Path, source: &Source) -> Result<Loaded> {
    let (text, label) = match source {
        Source::WorkingTree => {
            let path = root.join(SPEC_PATH);
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            (text, format!("{SPEC_PATH} (working tree)"))
        }
        Source::File(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            (text, path.display().to_string())
        }
        Source::Revision(rev) => (git_show(root, rev)?, format!("{rev}:{SPEC_PATH}")),
    };
    let value: Value = match source {
        Source::File(path) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) => {
            serde_json::from_str(&text).with_context(|| format!("parsing {label} as JSON"))?
        }
        _ => serde_norway::from_str(&text).with_context(|| format!("parsing {label} as YAML"))?,
    };
    let (contract, aws_model) = if value.get("openapi").is_some() {
        (Contract::from_spec(&value), false)
    } else if value.get("metadata").is_some() && value.get("operations").is_some() {
        (Contract::from_upstream(&value, UPSTREAM_OPERATION), true)
    } else {
        bail!(
            "{label} is neither an OpenAPI document (no `openapi` key) nor an AWS model (no `metadata` and \
             `operations`)"
        );
    };
    Ok(Loaded { contract: contract.with_context(|| format!("reading the contract in {label}"))?, label, aws_model })
}

fn git_show(root: &Path, rev: &str) -> Result<String> {
    if rev.is_empty() || rev.starts_with('-') {
        bail!("{rev:?} is not a git revision");
    }
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["show", &format!("{rev}:{SPEC_PATH}")])
        .output()
        .context("running git")?;
    if !output.status.success() {
        bail!(
            "cannot read {SPEC_PATH} at git revision {rev:?} (no file of that name exists either): {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    String::from_utf8(output.stdout).with_context(|| format!("{SPEC_PATH} at {rev} is not UTF-8"))
}

/// The classified differences between two contracts.
#[derive(Clone, Debug)]
pub struct Report {
    /// The old side's label.
    pub base: String,
    /// The new side's label.
    pub head: String,
    /// Every difference, the worst class first, then in the order the walk met them.
    pub changes: Vec<Change>,
}

impl Report {
    /// How many differences have `class`.
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class() == class).count()
    }

    /// Whether a difference at or above the threshold exists.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.changes.iter().any(|c| c.class() >= fail_on.threshold())
    }

    /// The report as JSON (its schema is in `docs/compat-rules.md`).
    pub fn to_json(&self, fail_on: FailOn) -> Value {
        let changes: Vec<Value> = self
            .changes
            .iter()
            .map(|c| {
                json!({
                    "class": c.class().as_str(),
                    "side": c.side.as_str(),
                    "path": c.path,
                    "what": c.what,
                    "old": c.old,
                    "new": c.new,
                    "rule": c.rule.id,
                    "why": c.why,
                })
            })
            .collect();
        json!({
            "base": self.base,
            "head": self.head,
            "fail_on": fail_on.threshold().as_str(),
            "failed": self.fails(fail_on),
            "counts": {
                "breaking": self.count(Class::Breaking),
                "warning": self.count(Class::Warning),
                "compatible": self.count(Class::Compatible),
            },
            "changes": changes,
        })
    }

    /// The report as text: a header, one entry per difference, and a summary line.
    pub fn to_text(&self, fail_on: FailOn) -> String {
        let mut out = format!("base: {}\nhead: {}\n\n", self.base, self.head);
        for c in &self.changes {
            let head = format!("{:<10} {:<9} {}  {}", c.class().as_str(), c.side.as_str(), c.path, c.what);
            if c.rule == DOCUMENTATION_CHANGED {
                // Documentation is long and harmless: one line each; --json has the texts.
                out.push_str(&format!("{head} changed [{}]\n", c.rule.id));
            } else {
                out.push_str(&format!(
                    "{head}: {} -> {}\n           why: {} [{}]\n",
                    show(c.old.as_deref()),
                    show(c.new.as_deref()),
                    c.why,
                    c.rule.id
                ));
            }
        }
        if !self.changes.is_empty() {
            out.push('\n');
        }
        let verdict = if self.fails(fail_on) { "fails" } else { "passes" };
        out.push_str(&format!(
            "{} difference(s): {} breaking, {} warning(s), {} compatible; --fail-on {} {verdict}\n",
            self.changes.len(),
            self.count(Class::Breaking),
            self.count(Class::Warning),
            self.count(Class::Compatible),
            fail_on.threshold().as_str(),
        ));
        out
    }
}

fn show(value: Option<&str>) -> String {
    const MAX: usize = 60;
    match value {
        None => "(absent)".to_owned(),
        Some(v) if v.chars().count() > MAX => format!("{}...", v.chars().take(MAX).collect::<String>()),
        Some(v) => v.to_owned(),
    }
}

/// Reads both sides named by `args` and classifies their differences.
pub fn report(root: &Path, args: &Args) -> Result<Report> {
    let (base, head) = match &args.upstream {
        Some(model) => (args.base.as_deref().map_or(Source::WorkingTree, Source::parse), Source::File(model.clone())),
        None => (
            Source::parse(args.base.as_deref().unwrap_or("HEAD")),
            args.head.as_deref().map_or(Source::WorkingTree, Source::parse),
        ),
    };
    let mut base = load(root, &base)?;
    let mut head = load(root, &head)?;
    if args.upstream.is_some() && !head.aws_model {
        bail!("--upstream {} is not an AWS model (it has no `metadata` and `operations`)", head.label);
    }
    if base.aws_model != head.aws_model {
        // AWS models carry no examples; comparing them with the spec's would only report their absence.
        base.contract.examples.clear();
        head.contract.examples.clear();
    }
    let client = ClientFacts::read(root)?;
    Ok(Report { base: base.label, head: head.label, changes: compare(&base.contract, &head.contract, &client) })
}

/// `cargo xtask compat`: prints the report; fails when a difference at or above `--fail-on` exists.
pub fn run(root: &Path, args: &Args) -> Result<()> {
    if args.list_rules {
        let rules: String =
            RULES.iter().map(|r| format!("{:<32} {:<10} {}\n", r.id, r.class.as_str(), r.summary)).collect();
        return write_stdout(&rules);
    }
    let report = report(root, args)?;
    if args.json {
        write_stdout(&format!("{:#}\n", report.to_json(args.fail_on)))?;
    } else {
        write_stdout(&report.to_text(args.fail_on))?;
    }
    if report.fails(args.fail_on) {
        bail!(
            "{} difference(s) at or above {} between {} and {}",
            report.changes.iter().filter(|c| c.class() >= args.fail_on.threshold()).count(),
            args.fail_on.threshold().as_str(),
            report.base,
            report.head
        );
    }
    Ok(())
}

/// Writes to stdout, returning an error where `print!` would panic (a closed pipe).
fn write_stdout(text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("writing the report to stdout")
}

/// Every difference from `base` to `head`, the worst class first.
pub fn compare(base: &Contract, head: &Contract, client: &ClientFacts) -> Vec<Change> {
    let mut walk = Walk { base, head, client, out: Vec::new(), stack: Vec::new() };
    walk.operation();
    walk.out.sort_by_key(|c| std::cmp::Reverse(c.class()));
    walk.out
}

struct Walk<'a> {
    base: &'a Contract,
    head: &'a Contract,
    client: &'a ClientFacts,
    out: Vec<Change>,
    /// The (old, new) shape names on the way to the current node, to stop on recursive shapes.
    stack: Vec<(String, String)>,
}

/// Keys of the service metadata that reach the wire of every call.
const WIRE_METADATA: &[(&str, &str)] = &[
    ("endpointPrefix", "it is the first label of the host name clients call"),
    ("protocol", "it is the wire protocol clients speak"),
    ("jsonVersion", "it is the version in the Content-Type clients send"),
    ("targetPrefix", "it is the first part of the X-Amz-Target header clients send"),
];
/// Keys of the service metadata that matter only to signed operations.
const SIGNING_METADATA: &[&str] = &["signatureVersion", "signingName", "auth"];

impl Walk<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rule: &'static Rule,
        side: Side,
        path: &str,
        what: &str,
        old: Option<String>,
        new: Option<String>,
        why: String,
    ) {
        self.out.push(Change { rule, side, path: path.to_owned(), what: what.to_owned(), old, new, why });
    }

    fn operation(&mut self) {
        let (base, head) = (self.base, self.head);
        let keys: BTreeSet<&String> = base.service.keys().chain(head.service.keys()).collect();
        let signed = base.auth_type != "none" || head.auth_type != "none";
        for key in keys {
            let (old, new) = (base.service.get(key), head.service.get(key));
            if old == new {
                continue;
            }
            let wire = WIRE_METADATA.iter().find(|(k, _)| k == key).map(|(_, why)| *why);
            let (rule, why) = match wire {
                Some(why) => (SERVICE_WIRE_METADATA, why.to_owned()),
                None if signed && SIGNING_METADATA.contains(&key.as_str()) => {
                    (SERVICE_WIRE_METADATA, "clients sign the operation with it".to_owned())
                }
                None if SIGNING_METADATA.contains(&key.as_str()) => (
                    SERVICE_METADATA,
                    "the operation is unsigned, so signing settings do not reach its calls".to_owned(),
                ),
                None if key == "protocols" => (
                    SERVICE_METADATA,
                    "it lists the protocols SDKs may choose from; the one this contract speaks is `protocol`"
                        .to_owned(),
                ),
                None => (SERVICE_METADATA, "it names or identifies the service; it is not sent on the wire".to_owned()),
            };
            let show = |v: Option<&Value>| v.map(Value::to_string);
            self.push(rule, Side::Service, "service metadata", key, show(old), show(new), why);
        }

        let op = format!("operation {}", head.operation);
        let same = |a: &String, b: &String| a == b;
        if !same(&base.operation, &head.operation) {
            self.push(
                OPERATION_RENAMED,
                Side::Operation,
                &op,
                "name",
                Some(base.operation.clone()),
                Some(head.operation.clone()),
                "the wire carries the name only in X-Amz-Target (judged on its own), but the generated client's \
                 method is named after it: code that calls it stops compiling"
                    .to_owned(),
            );
        }
        let framing: [(&'static Rule, &str, &String, &String, &str); 5] = [
            (
                OPERATION_TARGET,
                "X-Amz-Target",
                &base.target,
                &head.target,
                "requests with the old value name another operation, or none",
            ),
            (
                OPERATION_MEDIA_TYPE,
                "Content-Type",
                &base.media_type,
                &head.media_type,
                "requests with the old Content-Type are not read the new way",
            ),
            (OPERATION_HTTP, "HTTP method", &base.method, &head.method, "requests use the old method"),
            (OPERATION_HTTP, "HTTP path", &base.path, &head.path, "requests go to the old path"),
            (
                OPERATION_AUTH,
                "auth type",
                &base.auth_type,
                &head.auth_type,
                "clients must change how they authenticate the call",
            ),
        ];
        for (rule, what, old, new, why) in framing {
            if old != new {
                self.push(rule, Side::Operation, &op, what, Some(old.clone()), Some(new.clone()), why.to_owned());
            }
        }
        if base.operation_doc != head.operation_doc {
            self.documentation(Side::Operation, &op, "documentation", &base.operation_doc, &head.operation_doc);
        }
        self.examples(base, head, &op);

        self.node(Side::Request, &head.input, &base.input, &head.input);
        self.node(Side::Response, &head.output, &base.output, &head.output);
        self.errors();
    }

    fn examples(&mut self, base: &Contract, head: &Contract, op: &str) {
        let names: Vec<&String> = head
            .examples
            .iter()
            .map(|e| &e.name)
            .chain(base.examples.iter().map(|e| &e.name).filter(|n| !head.examples.iter().any(|e| &e.name == *n)))
            .collect();
        for name in names {
            let old = base.examples.iter().find(|e| &e.name == name);
            let new = head.examples.iter().find(|e| &e.name == name);
            if old == new {
                continue;
            }
            let show = |e: Option<&crate::contract::Example>| {
                e.map(|e| json!({"summary": e.summary, "request": e.request, "response": e.response}).to_string())
            };
            self.push(
                EXAMPLE_CHANGED,
                Side::Operation,
                op,
                &format!("example {name}"),
                show(old),
                show(new),
                "documentation only: examples do not constrain calls".to_owned(),
            );
        }
    }

    fn errors(&mut self) {
        let (base, head) = (self.base, self.head);
        for name in &head.errors {
            if base.errors.contains(name) {
                self.node(Side::Error, name, name, name);
            } else {
                let why = if self.client.unknown_error {
                    format!(
                        "clients built on the old contract do not model it: ours decodes it as \
                         `OperationError::Unknown {{ code: \"{name}\", .. }}`, so code that matches the modeled \
                         variants reaches its catch-all"
                    )
                } else {
                    "clients built on the old contract do not model it, and the generated `OperationError` has no \
                     catch-all variant"
                        .to_owned()
                };
                self.push(ERROR_ADDED, Side::Error, name, "error", None, Some(name.clone()), why);
            }
        }
        for name in base.errors.iter().filter(|n| !head.errors.contains(n)) {
            self.push(
                ERROR_REMOVED,
                Side::Error,
                name,
                "error",
                Some(name.clone()),
                None,
                "the service no longer returns it; code that handles it is dead but harmless".to_owned(),
            );
        }
    }

    fn documentation(&mut self, side: Side, path: &str, what: &str, old: &str, new: &str) {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        self.push(DOCUMENTATION_CHANGED, side, path, what, text(old), text(new), "documentation only".to_owned());
    }

    /// Compares the shapes that `path` reaches: `old` in the base contract, `new` in the head contract.
    fn node(&mut self, side: Side, path: &str, old: &str, new: &str) {
        let (base, head) = (self.base, self.head);
        let (Some(old), Some(new)) = (base.shapes.get(old), head.shapes.get(new)) else { return };
        let key = (old.name.clone(), new.name.clone());
        if self.stack.contains(&key) {
            return; // a recursive shape: its first visit on this path compares it
        }
        self.stack.push(key);
        self.shapes(side, path, old, new);
        self.stack.pop();
    }

    fn shapes(&mut self, side: Side, path: &str, old: &Shape, new: &Shape) {
        if std::mem::discriminant(&old.kind) != std::mem::discriminant(&new.kind) {
            let (rule, why) = if side == Side::Request {
                (REQUEST_TYPE_CHANGED, format!("clients send a {}, and a {} is expected now", old.kind, new.kind))
            } else {
                (RESPONSE_TYPE_CHANGED, format!("clients decode a {}, and a {} arrives now", old.kind, new.kind))
            };
            let kind = |s: &Shape| Some(format!("{} ({})", s.kind, s.name));
            self.push(rule, side, path, "type", kind(old), kind(new), why);
            return;
        }
        if old.name != new.name {
            let why = format!(
                "nothing changes on the wire, but the generated client's type `{}` becomes `{}`: code that names it \
                 stops compiling",
                old.name, new.name
            );
            self.push(SHAPE_RENAMED, side, path, "shape", Some(old.name.clone()), Some(new.name.clone()), why);
        }
        if old.sensitive != new.sensitive {
            let (rule, why) = if new.sensitive {
                (SENSITIVITY_ADDED, "the regenerated client redacts it in `Debug` output".to_owned())
            } else {
                let why = format!(
                    "values the old contract kept secret lose their redaction: the regenerated `{}` prints them in \
                     `Debug` output and logs",
                    new.name
                );
                (SENSITIVITY_REMOVED, why)
            };
            let flag = |s: &Shape| Some(s.sensitive.to_string());
            self.push(rule, side, path, "sensitive", flag(old), flag(new), why);
        }
        if old.doc != new.doc {
            self.documentation(side, path, &format!("documentation of shape {}", new.name), &old.doc, &new.doc);
        }
        match (&old.kind, &new.kind) {
            (
                ShapeKind::String { min: omin, max: omax, pattern: opat, enum_values: oenum, .. },
                ShapeKind::String { min: nmin, max: nmax, pattern: npat, enum_values: nenum, .. },
            ) => {
                self.min_length(side, path, (old, new), *omin, *nmin);
                self.max_length(side, path, (old, new), *omax, *nmax);
                self.pattern(side, path, (old, new), opat.as_deref(), npat.as_deref());
                self.enums(side, path, (old, new), oenum, nenum);
            }
            (
                ShapeKind::Structure { members: om, required: oreq, error: oerr },
                ShapeKind::Structure { members: nm, required: nreq, error: nerr },
            ) => {
                self.members(side, path, (om, oreq), (nm, nreq));
                if oerr != nerr {
                    let fault = |e: &Option<String>| Some(e.clone().unwrap_or_else(|| "none".to_owned()));
                    let why = "the fault decides the status class (400 or 500) clients see and whether they retry";
                    self.push(ERROR_FAULT_CHANGED, side, path, "fault", fault(oerr), fault(nerr), why.to_owned());
                }
            }
            (ShapeKind::Map { key: okey, value: oval }, ShapeKind::Map { key: nkey, value: nval }) => {
                self.node(side, &format!("{path}.<key>"), okey, nkey);
                self.node(side, &format!("{path}.<value>"), oval, nval);
            }
            _ => {}
        }
    }

    fn members(&mut self, side: Side, path: &str, old: (&[Member], &[String]), new: (&[Member], &[String])) {
        let ((om, oreq), (nm, nreq)) = (old, new);
        let request = side == Side::Request;
        for m in nm {
            let mpath = format!("{path}.{}", m.name);
            let now_required = nreq.contains(&m.name);
            let Some(o) = om.iter().find(|o| o.name == m.name) else {
                let (rule, why) = match (request, now_required) {
                    (true, true) => {
                        (REQUEST_REQUIRED_MEMBER_ADDED, "requests from clients built on the old contract lack it")
                    }
                    (true, false) => {
                        (REQUEST_OPTIONAL_MEMBER_ADDED, "clients built on the old contract simply do not send it")
                    }
                    (false, _) => (
                        RESPONSE_MEMBER_ADDED,
                        "clients built on the old contract skip members they do not model (our client ignores them, \
                         the CLI prints modeled members only)",
                    ),
                };
                let presence = if now_required { "required" } else { "optional" };
                let new = Some(format!("{presence} {}", m.shape));
                self.push(rule, side, &mpath, "member", None, new, why.to_owned());
                continue;
            };
            let was_required = oreq.contains(&m.name);
            if was_required != now_required {
                let (rule, why) = match (request, now_required) {
                    (true, true) => {
                        (REQUEST_MEMBER_BECAME_REQUIRED, "requests that omit it, valid before, are rejected")
                    }
                    (true, false) => (REQUEST_MEMBER_BECAME_OPTIONAL, "every request valid before is still valid"),
                    (false, false) => (
                        RESPONSE_MEMBER_BECAME_OPTIONAL,
                        "clients may rely on it being present (typed clients make a required member a plain field), \
                         and it can now be missing",
                    ),
                    (false, true) => {
                        (RESPONSE_MEMBER_BECAME_REQUIRED, "clients already handle it being present or absent")
                    }
                };
                let show = |r: bool| Some(if r { "required" } else { "optional" }.to_owned());
                self.push(rule, side, &mpath, "required", show(was_required), show(now_required), why.to_owned());
            }
            if o.doc != m.doc {
                self.documentation(side, &mpath, "documentation", &o.doc, &m.doc);
            }
            self.node(side, &mpath, &o.shape, &m.shape);
        }
        for o in om.iter().filter(|o| !nm.iter().any(|m| m.name == o.name)) {
            let (rule, why) = if request {
                (
                    REQUEST_MEMBER_REMOVED,
                    "clients built on the old contract may send it, and validating clients (botocore, this CLI) \
                     reject a member the contract does not have",
                )
            } else {
                (RESPONSE_MEMBER_REMOVED, "clients that read it no longer get it")
            };
            let old = Some(format!("{} {}", if oreq.contains(&o.name) { "required" } else { "optional" }, o.shape));
            self.push(rule, side, &format!("{path}.{}", o.name), "member", old, None, why.to_owned());
        }
        let kept = |a: &[Member], b: &[Member]| -> Vec<String> {
            a.iter().filter(|m| b.iter().any(|x| x.name == m.name)).map(|m| m.name.clone()).collect()
        };
        let (old_order, new_order) = (kept(om, nm), kept(nm, om));
        if old_order != new_order {
            let why = "JSON objects are unordered on the wire; only the order of help, skeletons and JSON output \
                       follows the model";
            let (old, new) = (Some(old_order.join(", ")), Some(new_order.join(", ")));
            self.push(MEMBER_ORDER_CHANGED, side, path, "member order", old, new, why.to_owned());
        }
    }

    fn min_length(&mut self, side: Side, path: &str, shapes: (&Shape, &Shape), old: Option<u64>, new: Option<u64>) {
        let (o, n) = (old.unwrap_or(0), new.unwrap_or(0)); // no minimum is a minimum of 0
        if o == n {
            return;
        }
        let (rule, why) = match (side == Side::Request, n > o) {
            (true, true) => (
                REQUEST_MIN_LENGTH_INCREASED,
                format!("values of {o} to {} characters, valid before, are rejected", n - 1),
            ),
            (true, false) => (REQUEST_MIN_LENGTH_DECREASED, "every value valid before is still valid".to_owned()),
            (false, true) => (RESPONSE_MIN_LENGTH_INCREASED, SUBSET.to_owned()),
            (false, false) => (
                RESPONSE_MIN_LENGTH_DECREASED,
                self.decode_hazard(side, shapes, &format!("shorter than {o} characters")),
            ),
        };
        self.push(rule, side, path, "minLength", old.map(|v| v.to_string()), new.map(|v| v.to_string()), why);
    }

    fn max_length(&mut self, side: Side, path: &str, shapes: (&Shape, &Shape), old: Option<u64>, new: Option<u64>) {
        let tighter = match (old, new) {
            (Some(o), Some(n)) if o == n => return,
            (None, None) => return,
            (Some(o), Some(n)) => n < o,
            (None, Some(_)) => true,
            (Some(_), None) => false,
        };
        let (rule, why) = match (side == Side::Request, tighter, old, new) {
            (true, true, Some(o), Some(n)) => (
                REQUEST_MAX_LENGTH_DECREASED,
                format!("values of {} to {o} characters, valid before, are rejected", n + 1),
            ),
            (true, true, _, n) => (
                REQUEST_MAX_LENGTH_DECREASED,
                format!("values longer than {} characters, valid before, are rejected", n.unwrap_or_default()),
            ),
            (true, false, ..) => (REQUEST_MAX_LENGTH_INCREASED, "every value valid before is still valid".to_owned()),
            (false, true, ..) => (RESPONSE_MAX_LENGTH_DECREASED, SUBSET.to_owned()),
            (false, false, o, _) => (
                RESPONSE_MAX_LENGTH_INCREASED,
                self.decode_hazard(side, shapes, &format!("longer than {} characters", o.unwrap_or_default())),
            ),
        };
        self.push(rule, side, path, "maxLength", old.map(|v| v.to_string()), new.map(|v| v.to_string()), why);
    }

    fn pattern(&mut self, side: Side, path: &str, shapes: (&Shape, &Shape), old: Option<&str>, new: Option<&str>) {
        let Some(change) = pattern_change(old, new) else { return };
        let request = side == Side::Request;
        let why = match (request, change) {
            (true, Widening::Wider) if new.is_none() => "no pattern now: every value valid before is still valid",
            (true, Widening::Wider) => "the character class only gained items: every value valid before still matches",
            (true, Widening::Same) | (false, Widening::Same) => {
                "the character class has the same items in another order: the same values match"
            }
            (true, Widening::Narrower) if old.is_none() => "values valid before may not match the new pattern",
            (true, Widening::Narrower) => "the character class lost items: values that use them are rejected",
            (true, Widening::Unknown) => {
                "values valid before may not match the new pattern (only a character class that gains items is \
                 proven wider, so any other change counts as breaking)"
            }
            (false, Widening::Narrower) => SUBSET,
            (false, _) => "",
        };
        let (rule, why) = match (request, change) {
            (true, Widening::Wider | Widening::Same) => (REQUEST_PATTERN_WIDENED, why.to_owned()),
            (true, _) => (REQUEST_PATTERN_CHANGED, why.to_owned()),
            (false, Widening::Narrower | Widening::Same) => (RESPONSE_PATTERN_NARROWED, why.to_owned()),
            (false, _) => {
                // The message typify's types give, with the pattern as the spec anchors it.
                let message = format!("doesn't match pattern \"^{}$\"", old.unwrap_or_default());
                (RESPONSE_PATTERN_CHANGED, self.decode_hazard(side, shapes, &message))
            }
        };
        self.push(rule, side, path, "pattern", old.map(str::to_owned), new.map(str::to_owned), why);
    }

    fn enums(&mut self, side: Side, path: &str, shapes: (&Shape, &Shape), old: &[String], new: &[String]) {
        let request = side == Side::Request;
        let list = |values: &[String]| Some(format!("[{}]", values.join(", ")));
        let any = || Some("any string".to_owned());
        match (old.is_empty(), new.is_empty()) {
            (true, true) => {}
            (true, false) => {
                let (rule, why) = if request {
                    (REQUEST_ENUM_VALUE_REMOVED, "values outside the new list, valid before, are rejected")
                } else {
                    (RESPONSE_ENUM_VALUE_REMOVED, SUBSET)
                };
                self.push(rule, side, path, "enum", any(), list(new), why.to_owned());
            }
            (false, true) => {
                let (rule, why) = if request {
                    (REQUEST_ENUM_VALUE_ADDED, "every value valid before is still valid".to_owned())
                } else {
                    (RESPONSE_ENUM_VALUE_ADDED, self.enum_hazard(side, shapes, None, old))
                };
                self.push(rule, side, path, "enum", list(old), any(), why);
            }
            (false, false) => {
                for value in new.iter().filter(|v| !old.contains(v)) {
                    let (rule, why) = if request {
                        (REQUEST_ENUM_VALUE_ADDED, "every value valid before is still valid".to_owned())
                    } else {
                        (RESPONSE_ENUM_VALUE_ADDED, self.enum_hazard(side, shapes, Some(value), old))
                    };
                    self.push(rule, side, path, "enum value", None, Some(value.clone()), why);
                }
                for value in old.iter().filter(|v| !new.contains(v)) {
                    let (rule, why) = if request {
                        (REQUEST_ENUM_VALUE_REMOVED, format!("requests with `{value}`, valid before, are rejected"))
                    } else {
                        (RESPONSE_ENUM_VALUE_REMOVED, "clients no longer receive it".to_owned())
                    };
                    self.push(rule, side, path, "enum value", Some(value.clone()), None, why);
                }
            }
        }
    }

    /// What a client built on the old contract meets when a response value breaks an old string constraint;
    /// `message` is what our generated type says about such a value.
    fn decode_hazard(&self, side: Side, (old, new): (&Shape, &Shape), message: &str) -> String {
        let generated = [old, new].into_iter().find(|s| self.client.validating.contains(&s.name));
        match generated {
            Some(shape) => format!(
                "our generated `{}` checks this when it decodes, so {}",
                shape.name,
                decode_failure(side, message)
            ),
            None => "clients that check responses against the old contract reject values it did not allow".to_owned(),
        }
    }

    /// What a client built on the old contract meets when a response carries an enum value it does not know.
    fn enum_hazard(&self, side: Side, (old, new): (&Shape, &Shape), value: Option<&str>, known: &[String]) -> String {
        let generated = [old, new].into_iter().find_map(|s| self.client.enums.get(&s.name).map(|open| (s, *open)));
        match (generated, value) {
            (Some((shape, false)), Some(value)) => {
                let message = format!("unknown variant `{value}`, expected {}", one_of(known));
                format!(
                    "our generated `{}` is a closed enum (no unknown variant), so {}",
                    shape.name,
                    decode_failure(side, &message)
                )
            }
            (Some((shape, false)), None) => format!(
                "our generated `{}` is a closed enum (no unknown variant), so a value outside {} fails its decode",
                shape.name,
                one_of(known)
            ),
            (Some((shape, true)), _) => format!(
                "our generated `{}` keeps an unknown variant, so it decodes; code that matches the known variants \
                 must handle the unknown one",
                shape.name
            ),
            (None, _) => format!(
                "clients with closed enums fail to decode a value outside {}; the generated client has no enum `{}`",
                one_of(known),
                old.name
            ),
        }
    }
}

const SUBSET: &str = "clients receive a subset of the values they received before";

/// How our client reports a response member that does not decode.
fn decode_failure(side: Side, message: &str) -> String {
    if side == Side::Error {
        format!("the typed error decodes with its members unset ({message}); only the message survives")
    } else {
        format!(
            "the typed call fails with `invalid response (HTTP 200): the body does not match the contract: {message} \
             ...` after the service has acted; the CLI, which checks no response values (as botocore), prints it"
        )
    }
}

/// The list of expected values as serde names them in an unknown-variant error.
fn one_of(values: &[String]) -> String {
    match values {
        [] => "no variants".to_owned(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of {}", values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// How a pattern change relates the sets of values the two patterns match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Widening {
    /// Every value the old pattern matched still matches.
    Wider,
    /// Every value the new pattern matches was matched before.
    Narrower,
    /// The same values match.
    Same,
    /// Neither could be shown.
    Unknown,
}

/// How `old` and `new` relate; `None` when they are the same text.
fn pattern_change(old: Option<&str>, new: Option<&str>) -> Option<Widening> {
    match (old, new) {
        (None, None) => None,
        (Some(o), Some(n)) if o == n => None,
        (None, Some(_)) => Some(Widening::Narrower),
        (Some(_), None) => Some(Widening::Wider),
        (Some(o), Some(n)) => Some(match (class_items(o), class_items(n)) {
            (Some((oi, oq)), Some((ni, nq))) if oq == nq => {
                if oi == ni {
                    Widening::Same
                } else if oi.is_subset(&ni) {
                    Widening::Wider
                } else if ni.is_subset(&oi) {
                    Widening::Narrower
                } else {
                    Widening::Unknown
                }
            }
            _ => Widening::Unknown,
        }),
    }
}

/// The items and the quantifier of a pattern that is one character class with `+` or `*` (`[\w+=/]+`), the
/// usual form of AWS patterns. A class whose items are a subset of another's matches a subset of its values.
/// Returns `None` for anything else (negated or nested classes included).
fn class_items(pattern: &str) -> Option<(BTreeSet<String>, char)> {
    let chars: Vec<char> = pattern.strip_prefix('[')?.chars().collect();
    let mut tokens: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        match *chars.get(i)? {
            ']' => break,
            '[' => return None,
            '^' if i == 0 => return None,
            '\\' => {
                let escape = *chars.get(i + 1)?;
                let end = match (escape, chars.get(i + 2)) {
                    ('p' | 'P' | 'u' | 'x', Some('{')) => i + 2 + chars.get(i + 2..)?.iter().position(|&c| c == '}')?,
                    ('u', _) => i + 5,
                    ('x', _) => i + 3,
                    _ => i + 1,
                };
                tokens.push(chars.get(i..=end)?.iter().collect());
                i = end + 1;
            }
            c => {
                tokens.push(c.to_string());
                i += 1;
            }
        }
    }
    let quantifier = match chars.get(i + 1..)? {
        ['+'] => '+',
        ['*'] => '*',
        _ => return None,
    };
    // `a-z` is one item; a `-` first or last is a literal.
    let mut items = BTreeSet::new();
    let mut j = 0;
    while let Some(token) = tokens.get(j) {
        if j + 2 < tokens.len() && tokens.get(j + 1).is_some_and(|t| t == "-") {
            items.insert(format!("{token}-{}", tokens.get(j + 2)?));
            j += 3;
        } else {
            items.insert(token.clone());
            j += 1;
        }
    }
    Some((items, quantifier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;
    use clap::Parser;

    const REQUEST: &str = "ResendConfirmationCodeRequest";
    const HISTORY: &str = "spec/upstream/history/botocore-1.20.0.json";

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn args(argv: &[&str]) -> Args {
        Cli::try_parse_from(std::iter::once("compat").chain(argv.iter().copied())).expect("arguments parse").args
    }

    fn spec() -> Value {
        static SPEC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
        SPEC.get_or_init(|| {
            let text = std::fs::read_to_string(workspace_root().join(SPEC_PATH)).expect("spec is readable");
            serde_norway::from_str(&text).expect("spec is YAML")
        })
        .clone()
    }

    fn facts() -> ClientFacts {
        static FACTS: std::sync::OnceLock<ClientFacts> = std::sync::OnceLock::new();
        FACTS.get_or_init(|| ClientFacts::read(&workspace_root()).expect("the generated client parses")).clone()
    }

    fn changes(base_edit: fn(&mut Value), head_edit: fn(&mut Value)) -> Vec<Change> {
        let (mut base, mut head) = (spec(), spec());
        base_edit(&mut base);
        head_edit(&mut head);
        let base = Contract::from_spec(&base).expect("edited base loads");
        let head = Contract::from_spec(&head).expect("edited head loads");
        compare(&base, &head, &facts())
    }

    fn schemas(doc: &mut Value) -> &mut Value {
        &mut doc["components"]["schemas"]
    }

    fn post(doc: &mut Value) -> &mut Value {
        &mut doc["paths"]["/"]["post"]
    }

    fn client_errors(doc: &mut Value) -> &mut Vec<Value> {
        post(doc)["responses"]["400"]["content"]["application/x-amz-json-1.1"]["schema"]["anyOf"]
            .as_array_mut()
            .expect("the 400 response lists its errors")
    }

    fn member(shape: &str) -> Value {
        json!({"allOf": [{"$ref": format!("#/components/schemas/{shape}")}]})
    }

    /// Points a member at another shape, keeping its documentation.
    fn retarget(member: &mut Value, shape: &str) {
        member["allOf"][0]["$ref"] = format!("#/components/schemas/{shape}").into();
    }

    fn object(value: &mut Value) -> &mut serde_json::Map<String, Value> {
        value.as_object_mut().expect("an object")
    }

    fn same(_: &mut Value) {}

    /// One mutation of the committed spec, and what `compare` must say about it.
    struct Case {
        mutation: &'static str,
        base: fn(&mut Value),
        head: fn(&mut Value),
        /// The worst class of the report.
        class: Class,
        /// Every change, as (rule, path), in report order.
        expected: &'static [(&'static str, &'static str)],
        /// A part of the first change's reason.
        why: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            mutation: "ClientId maxLength 128 -> 100",
            base: same,
            head: |d| schemas(d)["ClientIdType"]["maxLength"] = 100.into(),
            class: Class::Breaking,
            expected: &[("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientId")],
            why: "values of 101 to 128 characters, valid before, are rejected",
        },
        Case {
            mutation: "ClientId maxLength 128 -> 256",
            base: same,
            head: |d| schemas(d)["ClientIdType"]["maxLength"] = 256.into(),
            class: Class::Compatible,
            expected: &[("request-max-length-increased", "ResendConfirmationCodeRequest.ClientId")],
            why: "every value valid before is still valid",
        },
        Case {
            mutation: "Username minLength 1 -> 3",
            base: same,
            head: |d| schemas(d)["UsernameType"]["minLength"] = 3.into(),
            class: Class::Breaking,
            expected: &[("request-min-length-increased", "ResendConfirmationCodeRequest.Username")],
            why: "values of 1 to 2 characters",
        },
        Case {
            mutation: "ClientId minLength removed (1 -> 0)",
            base: same,
            head: |d| {
                object(&mut schemas(d)["ClientIdType"]).shift_remove("minLength");
            },
            class: Class::Compatible,
            expected: &[("request-min-length-decreased", "ResendConfirmationCodeRequest.ClientId")],
            why: "every value valid before is still valid",
        },
        Case {
            mutation: "SecretHash pattern loses `/` from its class",
            base: same,
            head: |d| schemas(d)["SecretHashType"]["pattern"] = "^[\\w+=]+$".into(),
            class: Class::Breaking,
            expected: &[("request-pattern-changed", "ResendConfirmationCodeRequest.SecretHash")],
            why: "the character class lost items",
        },
        Case {
            mutation: "SecretHash pattern gains `-` in its class",
            base: same,
            head: |d| schemas(d)["SecretHashType"]["pattern"] = "^[\\w+=/-]+$".into(),
            class: Class::Compatible,
            expected: &[("request-pattern-widened", "ResendConfirmationCodeRequest.SecretHash")],
            why: "the character class only gained items",
        },
        Case {
            mutation: "ClientId pattern rewritten with a bounded repeat",
            base: same,
            head: |d| schemas(d)["ClientIdType"]["pattern"] = "^[\\w+]{1,128}$".into(),
            class: Class::Breaking,
            expected: &[("request-pattern-changed", "ResendConfirmationCodeRequest.ClientId")],
            why: "any other change counts as breaking",
        },
        Case {
            mutation: "Username pattern removed",
            base: same,
            head: |d| {
                object(&mut schemas(d)["UsernameType"]).shift_remove("pattern");
            },
            class: Class::Compatible,
            expected: &[("request-pattern-widened", "ResendConfirmationCodeRequest.Username")],
            why: "no pattern now",
        },
        Case {
            mutation: "a new required request member",
            base: same,
            head: |d| {
                let request = &mut schemas(d)["ResendConfirmationCodeRequest"];
                request["properties"]["Locale"] = member("StringType");
                request["required"].as_array_mut().expect("required").push("Locale".into());
            },
            class: Class::Breaking,
            expected: &[("request-required-member-added", "ResendConfirmationCodeRequest.Locale")],
            why: "requests from clients built on the old contract lack it",
        },
        Case {
            mutation: "a new optional request member",
            base: same,
            head: |d| schemas(d)["ResendConfirmationCodeRequest"]["properties"]["Locale"] = member("StringType"),
            class: Class::Compatible,
            expected: &[("request-optional-member-added", "ResendConfirmationCodeRequest.Locale")],
            why: "simply do not send it",
        },
        Case {
            mutation: "a request member removed",
            base: same,
            head: |d| {
                object(&mut schemas(d)["ResendConfirmationCodeRequest"]["properties"])
                    .shift_remove("AnalyticsMetadata");
            },
            class: Class::Breaking,
            expected: &[("request-member-removed", "ResendConfirmationCodeRequest.AnalyticsMetadata")],
            why: "reject a member the contract does not have",
        },
        Case {
            mutation: "SecretHash becomes required",
            base: same,
            head: |d| schemas(d)[REQUEST]["required"] = json!(["ClientId", "Username", "SecretHash"]),
            class: Class::Breaking,
            expected: &[("request-member-became-required", "ResendConfirmationCodeRequest.SecretHash")],
            why: "requests that omit it, valid before, are rejected",
        },
        Case {
            mutation: "Username becomes optional",
            base: same,
            head: |d| schemas(d)[REQUEST]["required"] = json!(["ClientId"]),
            class: Class::Compatible,
            expected: &[("request-member-became-optional", "ResendConfirmationCodeRequest.Username")],
            why: "every request valid before is still valid",
        },
        Case {
            mutation: "IpAddress becomes a structure",
            base: same,
            head: |d| {
                retarget(&mut schemas(d)["UserContextDataType"]["properties"]["IpAddress"], "AnalyticsMetadataType")
            },
            class: Class::Breaking,
            expected: &[("request-type-changed", "ResendConfirmationCodeRequest.UserContextData.IpAddress")],
            why: "clients send a string, and a structure is expected now",
        },
        Case {
            mutation: "a request enum loses a value",
            base: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2", "app3"]),
            head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2"]),
            class: Class::Breaking,
            expected: &[("request-enum-value-removed", "ResendConfirmationCodeRequest.ClientId")],
            why: "requests with `app3`, valid before, are rejected",
        },
        Case {
            mutation: "a request enum gains a value",
            base: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2"]),
            head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1", "app2", "app3"]),
            class: Class::Compatible,
            expected: &[("request-enum-value-added", "ResendConfirmationCodeRequest.ClientId")],
            why: "every value valid before is still valid",
        },
        Case {
            mutation: "a free request string becomes an enum",
            base: same,
            head: |d| schemas(d)["ClientIdType"]["enum"] = json!(["app1"]),
            class: Class::Breaking,
            expected: &[("request-enum-value-removed", "ResendConfirmationCodeRequest.ClientId")],
            why: "values outside the new list, valid before, are rejected",
        },
        Case {
            mutation: "X-Amz-Target names another operation",
            base: same,
            head: |d| {
                post(d)["parameters"][0]["schema"]["enum"] = json!(["AWSCognitoIdentityProviderService.ResendCode"])
            },
            class: Class::Breaking,
            expected: &[("operation-target-changed", "operation ResendConfirmationCode")],
            why: "requests with the old value name another operation",
        },
        Case {
            mutation: "the wire Content-Type becomes AWS JSON 1.0",
            base: same,
            head: |d| {
                let json10 = "application/x-amz-json-1.0";
                let body = object(&mut post(d)["requestBody"]["content"]);
                let schema = body.shift_remove("application/x-amz-json-1.1").expect("1.1 request content");
                body.insert(json10.to_owned(), schema);
                for response in object(&mut post(d)["responses"]).values_mut() {
                    let content = object(&mut response["content"]);
                    let schema = content.shift_remove("application/x-amz-json-1.1").expect("1.1 content");
                    content.insert(json10.to_owned(), schema);
                }
            },
            class: Class::Breaking,
            expected: &[("operation-media-type-changed", "operation ResendConfirmationCode")],
            why: "requests with the old Content-Type are not read the new way",
        },
        Case {
            mutation: "the HTTP path changes",
            base: same,
            head: |d| {
                let paths = object(&mut d["paths"]);
                let item = paths.shift_remove("/").expect("the / path");
                paths.insert("/v2".to_owned(), item);
            },
            class: Class::Breaking,
            expected: &[("operation-http-changed", "operation ResendConfirmationCode")],
            why: "requests go to the old path",
        },
        Case {
            mutation: "the unsigned operation becomes signed",
            base: same,
            head: |d| post(d)["x-amz-authtype"] = "v4".into(),
            class: Class::Breaking,
            expected: &[("operation-auth-changed", "operation ResendConfirmationCode")],
            why: "clients must change how they authenticate",
        },
        Case {
            mutation: "the operation is renamed (operationId only)",
            base: same,
            head: |d| post(d)["operationId"] = "ResendCode".into(),
            class: Class::Warning,
            expected: &[("operation-renamed", "operation ResendCode")],
            why: "the generated client's method is named after it",
        },
        Case {
            mutation: "endpointPrefix changes",
            base: same,
            head: |d| d["x-amz-service"]["endpointPrefix"] = "cognito-idp-v2".into(),
            class: Class::Breaking,
            expected: &[("service-wire-metadata-changed", "service metadata")],
            why: "first label of the host name",
        },
        Case {
            mutation: "serviceFullName changes",
            base: same,
            head: |d| d["x-amz-service"]["serviceFullName"] = "Amazon Cognito user pools".into(),
            class: Class::Compatible,
            expected: &[("service-metadata-changed", "service metadata")],
            why: "it is not sent on the wire",
        },
        Case {
            mutation: "Destination removed from the response",
            base: same,
            head: |d| {
                object(&mut schemas(d)["CodeDeliveryDetailsType"]["properties"]).shift_remove("Destination");
            },
            class: Class::Breaking,
            expected: &[("response-member-removed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination")],
            why: "clients that read it no longer get it",
        },
        Case {
            mutation: "Destination becomes a structure",
            base: same,
            head: |d| {
                retarget(
                    &mut schemas(d)["CodeDeliveryDetailsType"]["properties"]["Destination"],
                    "AnalyticsMetadataType",
                );
            },
            class: Class::Breaking,
            expected: &[("response-type-changed", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination")],
            why: "clients decode a string, and a structure arrives now",
        },
        Case {
            mutation: "DeliveryMedium gains VOICE",
            base: same,
            head: |d| schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]),
            class: Class::Warning,
            expected: &[(
                "response-enum-value-added",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium",
            )],
            why: "our generated `DeliveryMediumType` is a closed enum (no unknown variant), so the typed call fails \
                  with `invalid response (HTTP 200): the body does not match the contract: unknown variant `VOICE`, \
                  expected `SMS` or `EMAIL` ...` after the service has acted",
        },
        Case {
            mutation: "DeliveryMedium stops being an enum",
            base: same,
            head: |d| {
                object(&mut schemas(d)["DeliveryMediumType"]).shift_remove("enum");
            },
            class: Class::Warning,
            expected: &[(
                "response-enum-value-added",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium",
            )],
            why: "so a value outside `SMS` or `EMAIL` fails its decode",
        },
        Case {
            mutation: "DeliveryMedium loses EMAIL",
            base: same,
            head: |d| schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS"]),
            class: Class::Compatible,
            expected: &[(
                "response-enum-value-removed",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium",
            )],
            why: "clients no longer receive it",
        },
        Case {
            mutation: "a new optional response member",
            base: same,
            head: |d| schemas(d)["CodeDeliveryDetailsType"]["properties"]["Channel"] = member("StringType"),
            class: Class::Compatible,
            expected: &[("response-member-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Channel")],
            why: "skip members they do not model",
        },
        Case {
            mutation: "Destination becomes required in the response",
            base: same,
            head: |d| schemas(d)["CodeDeliveryDetailsType"]["required"] = json!(["Destination"]),
            class: Class::Compatible,
            expected: &[(
                "response-member-became-required",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination",
            )],
            why: "clients already handle it being present or absent",
        },
        Case {
            mutation: "Destination stops being required in the response",
            base: |d| schemas(d)["CodeDeliveryDetailsType"]["required"] = json!(["Destination"]),
            head: same,
            class: Class::Breaking,
            expected: &[(
                "response-member-became-optional",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination",
            )],
            why: "it can now be missing",
        },
        Case {
            mutation: "AttributeName maxLength 32 -> 64",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["maxLength"] = 64.into(),
            class: Class::Warning,
            expected: &[(
                "response-max-length-increased",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "our generated `AttributeNameType` checks this when it decodes, so the typed call fails with \
                  `invalid response (HTTP 200): the body does not match the contract: longer than 32 characters",
        },
        Case {
            mutation: "AttributeName maxLength 32 -> 16",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["maxLength"] = 16.into(),
            class: Class::Compatible,
            expected: &[(
                "response-max-length-decreased",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "clients receive a subset of the values they received before",
        },
        Case {
            mutation: "AttributeName minLength 1 -> 0",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["minLength"] = 0.into(),
            class: Class::Warning,
            expected: &[(
                "response-min-length-decreased",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "shorter than 1 characters",
        },
        Case {
            mutation: "AttributeName minLength 1 -> 2",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["minLength"] = 2.into(),
            class: Class::Compatible,
            expected: &[(
                "response-min-length-increased",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "clients receive a subset",
        },
        Case {
            mutation: "AttributeName pattern's class gains `\\f`",
            base: same,
            head: |d| {
                schemas(d)["AttributeNameType"]["pattern"] = "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r\\f ]+$".into()
            },
            class: Class::Warning,
            expected: &[(
                "response-pattern-changed",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "doesn't match pattern \"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+$\"",
        },
        Case {
            mutation: "AttributeName pattern's class loses whitespace",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["pattern"] = "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$".into(),
            class: Class::Compatible,
            expected: &[(
                "response-pattern-narrowed",
                "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName",
            )],
            why: "clients receive a subset",
        },
        Case {
            mutation: "a new error",
            base: same,
            head: |d| {
                schemas(d)["CodeMismatchException"] = json!({
                    "type": "object",
                    "properties": {"message": member("MessageType")},
                    "x-amz-error": {"fault": "client"},
                });
                client_errors(d).push(json!({"$ref": "#/components/schemas/CodeMismatchException"}));
            },
            class: Class::Warning,
            expected: &[("error-added", "CodeMismatchException")],
            why: "ours decodes it as `OperationError::Unknown { code: \"CodeMismatchException\", .. }`",
        },
        Case {
            mutation: "an error removed",
            base: same,
            head: |d| client_errors(d).retain(|e| e["$ref"] != "#/components/schemas/ForbiddenException"),
            class: Class::Compatible,
            expected: &[("error-removed", "ForbiddenException")],
            why: "the service no longer returns it",
        },
        Case {
            mutation: "InternalErrorException becomes a client fault",
            base: same,
            head: |d| schemas(d)["InternalErrorException"]["x-amz-error"]["fault"] = "client".into(),
            class: Class::Warning,
            expected: &[("error-fault-changed", "InternalErrorException")],
            why: "whether they retry",
        },
        Case {
            mutation: "an error loses a member",
            base: same,
            head: |d| {
                object(&mut schemas(d)["InvalidParameterException"]["properties"]).shift_remove("reasonCode");
            },
            class: Class::Breaking,
            expected: &[("response-member-removed", "InvalidParameterException.reasonCode")],
            why: "clients that read it no longer get it",
        },
        Case {
            mutation: "a member's documentation changes",
            base: same,
            head: |d| schemas(d)[REQUEST]["properties"]["ClientId"]["description"] = "<p>The app client ID.</p>".into(),
            class: Class::Compatible,
            expected: &[("documentation-changed", "ResendConfirmationCodeRequest.ClientId")],
            why: "documentation only",
        },
        Case {
            mutation: "ClientId is no longer sensitive",
            base: same,
            head: |d| {
                object(&mut schemas(d)["ClientIdType"]).shift_remove("x-amz-sensitive");
            },
            class: Class::Warning,
            expected: &[("sensitivity-removed", "ResendConfirmationCodeRequest.ClientId")],
            why: "the regenerated `ClientIdType` prints them in `Debug` output",
        },
        Case {
            mutation: "AttributeName becomes sensitive",
            base: same,
            head: |d| schemas(d)["AttributeNameType"]["x-amz-sensitive"] = true.into(),
            class: Class::Compatible,
            expected: &[("sensitivity-added", "ResendConfirmationCodeResponse.CodeDeliveryDetails.AttributeName")],
            why: "redacts it",
        },
        Case {
            mutation: "ClientIdType renamed ClientIdentifierType",
            base: same,
            head: |d| {
                let shape = object(schemas(d)).shift_remove("ClientIdType").expect("ClientIdType");
                schemas(d)["ClientIdentifierType"] = shape;
                retarget(&mut schemas(d)[REQUEST]["properties"]["ClientId"], "ClientIdentifierType");
            },
            class: Class::Warning,
            expected: &[("shape-renamed", "ResendConfirmationCodeRequest.ClientId")],
            why: "the generated client's type `ClientIdType` becomes `ClientIdentifierType`",
        },
        Case {
            mutation: "StringType maxLength 131072 -> 1024, a shape shared by request and response",
            base: same,
            head: |d| schemas(d)["StringType"]["maxLength"] = 1024.into(),
            class: Class::Breaking,
            expected: &[
                ("request-max-length-decreased", "ResendConfirmationCodeRequest.UserContextData.IpAddress"),
                ("request-max-length-decreased", "ResendConfirmationCodeRequest.UserContextData.EncodedData"),
                ("request-max-length-decreased", "ResendConfirmationCodeRequest.AnalyticsMetadata.AnalyticsEndpointId"),
                ("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientMetadata.<key>"),
                ("request-max-length-decreased", "ResendConfirmationCodeRequest.ClientMetadata.<value>"),
                ("response-max-length-decreased", "ResendConfirmationCodeResponse.CodeDeliveryDetails.Destination"),
            ],
            why: "values of 1025 to 131072 characters",
        },
        Case {
            mutation: "request members reordered",
            base: same,
            head: |d| {
                let properties = object(&mut schemas(d)[REQUEST]["properties"]);
                let client_id = properties.shift_remove("ClientId").expect("ClientId");
                properties.insert("ClientId".to_owned(), client_id);
            },
            class: Class::Compatible,
            expected: &[("member-order-changed", "ResendConfirmationCodeRequest")],
            why: "JSON objects are unordered on the wire",
        },
        Case {
            mutation: "an example changes",
            base: same,
            head: |d| {
                post(d)["requestBody"]["content"]["application/x-amz-json-1.1"]["examples"]["resend-to-jane"]["value"]
                    ["Username"] = "joe".into();
            },
            class: Class::Compatible,
            expected: &[("example-changed", "operation ResendConfirmationCode")],
            why: "documentation only",
        },
    ];

    #[test]
    fn each_mutation_of_the_spec_gets_its_class_and_reason() {
        assert!(CASES.len() >= 25, "the issue asks for at least 25 pairs");
        for case in CASES {
            let found = changes(case.base, case.head);

            let rules: Vec<(&str, &str)> = found.iter().map(|c| (c.rule.id, c.path.as_str())).collect();
            assert_eq!(rules, case.expected, "{}: {found:#?}", case.mutation);
            let worst = found.iter().map(Change::class).max();
            assert_eq!(worst, Some(case.class), "{}", case.mutation);
            let first = found.first().map(|c| c.why.as_str()).unwrap_or_default();
            assert!(first.contains(case.why), "{}: reason {first:?} lacks {:?}", case.mutation, case.why);
        }
    }

    #[test]
    fn the_mutations_exercise_every_class_and_every_rule() {
        let classes: BTreeSet<Class> = CASES.iter().map(|c| c.class).collect();
        assert_eq!(classes.len(), 3);
        let exercised: BTreeSet<&str> = CASES.iter().flat_map(|c| c.expected.iter().map(|(rule, _)| *rule)).collect();
        let missing: Vec<&str> = RULES.iter().map(|r| r.id).filter(|id| !exercised.contains(id)).collect();
        assert_eq!(missing, Vec::<&str>::new(), "rules no mutation exercises");
    }

    #[test]
    fn identical_contracts_have_no_differences() {
        assert_eq!(changes(same, same), []);
    }

    #[test]
    fn a_change_and_its_reverse_judge_the_same_member_from_the_same_side() {
        let forward = changes(same, |d| schemas(d)["StringType"]["maxLength"] = 1024.into());
        let backward = changes(|d| schemas(d)["StringType"]["maxLength"] = 1024.into(), same);

        let key = |c: &Change| (c.side, c.path.clone());
        let mut f: Vec<_> = forward.iter().map(key).collect();
        let mut b: Vec<_> = backward.iter().map(key).collect();
        f.sort();
        b.sort();
        assert_eq!(f, b);
        assert!(backward.iter().all(|c| c.old.as_deref() == Some("1024") && c.new.as_deref() == Some("131072")));
        assert_eq!(backward.iter().filter(|c| c.class() == Class::Warning).count(), 1, "the response side warns");
    }

    #[test]
    fn the_generated_client_is_read_for_its_closed_enums_and_checked_strings() {
        let facts = facts();

        assert_eq!(facts.enums.get("DeliveryMediumType"), Some(&false), "typify's enums have no unknown variant");
        assert!(facts.validating.contains("AttributeNameType"));
        assert!(facts.validating.contains("StringType"));
        assert!(!facts.validating.contains("CodeDeliveryDetailsType"), "structures derive Deserialize");
        assert!(facts.unknown_error);
    }

    #[test]
    fn an_open_enum_changes_the_warning_but_not_its_class() {
        let (base, mut head) = (spec(), spec());
        schemas(&mut head)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]);
        let (base, head) = (Contract::from_spec(&base).expect("base"), Contract::from_spec(&head).expect("head"));
        let mut facts = facts();
        facts.enums.insert("DeliveryMediumType".to_owned(), true);

        let found = compare(&base, &head, &facts);

        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].class(), Class::Warning);
        assert!(found[0].why.contains("keeps an unknown variant, so it decodes"), "{}", found[0].why);
    }

    #[test]
    fn character_classes_are_compared_by_their_items() {
        let items = |p: &str| class_items(p).map(|(items, q)| (items.into_iter().collect::<Vec<_>>(), q));
        assert_eq!(items("[\\w+=/]+"), Some((vec!["+".into(), "/".into(), "=".into(), "\\w".into()], '+')));
        assert_eq!(items("[a-z\\p{L}]*"), Some((vec!["\\p{L}".into(), "a-z".into()], '*')));
        assert_eq!(items("[-a]+"), Some((vec!["-".into(), "a".into()], '+')));
        assert_eq!(
            items("[\\u00e9\\x41\\u{1F600}]+"),
            Some((vec!["\\u00e9".into(), "\\u{1F600}".into(), "\\x41".into()], '+'))
        );
        assert_eq!(items("[é😀]+"), Some((vec!["é".into(), "😀".into()], '+')));
        for not_one_class in ["[^a]+", "[[a]]+", "[a]", "[a]+b", "a+", "[a+", "", "[\\p{L]+", "[a]{1,2}"] {
            assert_eq!(items(not_one_class), None, "{not_one_class:?}");
        }

        assert_eq!(pattern_change(Some("[ab]+"), Some("[abc]+")), Some(Widening::Wider));
        assert_eq!(pattern_change(Some("[abc]+"), Some("[ab]+")), Some(Widening::Narrower));
        assert_eq!(pattern_change(Some("[ab]+"), Some("[ba]+")), Some(Widening::Same));
        assert_eq!(pattern_change(Some("[ab]+"), Some("[bc]+")), Some(Widening::Unknown));
        assert_eq!(pattern_change(Some("[ab]+"), Some("[abc]*")), Some(Widening::Unknown), "quantifiers differ");
        assert_eq!(pattern_change(Some("[ab]+"), Some("[ab]+")), None);
        assert_eq!(pattern_change(None, Some("[ab]+")), Some(Widening::Narrower));
        assert_eq!(pattern_change(Some("[ab]+"), None), Some(Widening::Wider));
    }

    #[test]
    fn arguments_name_a_file_when_it_exists_and_a_revision_otherwise() {
        let spec = workspace_root().join(SPEC_PATH);
        let spec = spec.to_str().expect("UTF-8 path");

        assert_eq!(Source::parse(spec), Source::File(PathBuf::from(spec)));
        assert_eq!(Source::parse("HEAD~3"), Source::Revision("HEAD~3".into()));
        assert_eq!(Source::parse("no/such/file.yaml"), Source::Revision("no/such/file.yaml".into()));
        assert_eq!(Source::parse(&format!("git:{spec}")), Source::Revision(spec.to_owned()));
    }

    #[test]
    fn a_git_revision_is_read_from_the_repository() {
        let root = workspace_root();

        let loaded = load(&root, &Source::Revision("HEAD".into())).expect("HEAD has a spec");
        assert_eq!(loaded.label, "HEAD:spec/cognito-idp.openapi.yaml");
        assert_eq!(loaded.contract.operation, "ResendConfirmationCode");
        assert!(!loaded.aws_model);

        let missing = load(&root, &Source::Revision("no-such-revision-xyz".into())).expect_err("unknown revision");
        assert!(
            missing.to_string().starts_with("cannot read spec/cognito-idp.openapi.yaml at git revision"),
            "{missing}"
        );
        let option = load(&root, &Source::Revision("--output=/tmp/x".into())).expect_err("an option is no revision");
        assert_eq!(option.to_string(), "\"--output=/tmp/x\" is not a git revision");
    }

    #[test]
    fn a_file_is_read_as_a_spec_or_an_aws_model_by_its_content() {
        let root = workspace_root();
        let dir = std::env::temp_dir().join(format!("xtask-compat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let other = dir.join("other.json");
        std::fs::write(&other, "{\"swagger\": \"2.0\"}").expect("write");

        let model = load(&root, &Source::File(root.join(HISTORY))).expect("an AWS model loads");
        let spec = load(&root, &Source::File(root.join(SPEC_PATH))).expect("a spec loads");
        let neither = load(&root, &Source::File(other.clone())).expect_err("neither");
        std::fs::remove_dir_all(&dir).expect("cleanup");

        assert!(model.aws_model);
        assert!(!spec.aws_model);
        assert!(
            neither.to_string().ends_with(
                "is neither an OpenAPI document (no `openapi` key) nor an AWS model (no `metadata` and `operations`)"
            ),
            "{neither}"
        );
    }

    #[test]
    fn upstream_must_be_an_aws_model() {
        let root = workspace_root();
        let spec = root.join(SPEC_PATH);
        let error = report(&root, &args(&["--upstream", spec.to_str().expect("UTF-8")])).expect_err("a spec");
        assert!(error.to_string().contains("is not an AWS model"), "{error}");
        assert!(Cli::try_parse_from(["compat", "--upstream", "x.json", "--head", "y.yaml"]).is_err());
    }

    fn history_report(argv: &[&str]) -> Report {
        let root = workspace_root();
        report(&root, &args(argv)).expect("the comparison runs")
    }

    fn summary(report: &Report) -> Vec<(&'static str, &str, String)> {
        report
            .changes
            .iter()
            .filter(|c| c.rule != DOCUMENTATION_CHANGED)
            .map(|c| (c.rule.id, c.side.as_str(), c.path.clone()))
            .collect()
    }

    /// botocore 1.20.0 (February 2021) against the spec: what AWS changed in the operation since.
    #[test]
    fn the_spec_against_botocore_1_20_0_finds_the_changes_aws_made_since() {
        let root = workspace_root();
        let history = root.join(HISTORY);
        let report = history_report(&["--base", history.to_str().expect("UTF-8")]);

        let r = |s: &str| format!("{REQUEST}.{s}");
        let d = |s: &str| format!("ResendConfirmationCodeResponse.CodeDeliveryDetails.{s}");
        assert_eq!(
            summary(&report),
            [
                // StringType gained maxLength 131072; IpAddress is new, so only the older members count.
                ("request-max-length-decreased", "request", r("UserContextData.EncodedData")),
                ("request-max-length-decreased", "request", r("AnalyticsMetadata.AnalyticsEndpointId")),
                ("request-max-length-decreased", "request", r("ClientMetadata.<key>")),
                ("request-max-length-decreased", "request", r("ClientMetadata.<value>")),
                // AttributeNameType's class gained \t \n \r and space.
                ("response-pattern-changed", "response", d("AttributeName")),
                ("error-added", "error", "OperationNotEnabledException".into()),
                ("error-added", "error", "ForbiddenException".into()),
                ("service-metadata-changed", "service", "service metadata".into()),
                ("service-metadata-changed", "service", "service metadata".into()),
                ("sensitivity-added", "request", r("UserContextData")),
                ("request-optional-member-added", "request", r("UserContextData.IpAddress")),
                ("response-max-length-decreased", "response", d("Destination")),
                ("response-member-added", "error", "InvalidParameterException.reasonCode".into()),
            ]
        );
        let docs: Vec<&str> =
            report.changes.iter().filter(|c| c.rule == DOCUMENTATION_CHANGED).map(|c| c.path.as_str()).collect();
        assert_eq!(docs.len(), 34, "{docs:#?}");
        assert!(docs.contains(&"operation ResendConfirmationCode"));
        assert!(docs.contains(&"ResendConfirmationCodeRequest.Username"));
        assert_eq!((report.count(Class::Breaking), report.count(Class::Warning)), (4, 3));
        assert!(report.fails(FailOn::Breaking));
        assert!(report.base.ends_with(HISTORY));
    }

    /// `--upstream` with the older model: what adopting it would undo.
    #[test]
    fn adopting_botocore_1_20_0_as_upstream_would_undo_those_changes() {
        let root = workspace_root();
        let history = root.join(HISTORY);
        let report = history_report(&["--upstream", history.to_str().expect("UTF-8")]);

        let r = |s: &str| format!("{REQUEST}.{s}");
        let d = |s: &str| format!("ResendConfirmationCodeResponse.CodeDeliveryDetails.{s}");
        assert_eq!(
            summary(&report),
            [
                ("request-member-removed", "request", r("UserContextData.IpAddress")),
                ("response-member-removed", "error", "InvalidParameterException.reasonCode".into()),
                ("sensitivity-removed", "request", r("UserContextData")),
                ("response-max-length-increased", "response", d("Destination")),
                ("service-metadata-changed", "service", "service metadata".into()),
                ("service-metadata-changed", "service", "service metadata".into()),
                ("request-max-length-increased", "request", r("UserContextData.EncodedData")),
                ("request-max-length-increased", "request", r("AnalyticsMetadata.AnalyticsEndpointId")),
                ("request-max-length-increased", "request", r("ClientMetadata.<key>")),
                ("request-max-length-increased", "request", r("ClientMetadata.<value>")),
                ("response-pattern-narrowed", "response", d("AttributeName")),
                ("error-removed", "error", "OperationNotEnabledException".into()),
                ("error-removed", "error", "ForbiddenException".into()),
            ]
        );
        assert_eq!(report.base, "spec/cognito-idp.openapi.yaml (working tree)");
        assert!(report.head.ends_with(HISTORY));
    }

    #[test]
    fn the_committed_upstream_model_has_no_differences_from_the_spec() {
        let root = workspace_root();
        let upstream = root.join(crate::contract::UPSTREAM_PATH);
        let report = history_report(&["--upstream", upstream.to_str().expect("UTF-8")]);
        assert_eq!(summary(&report), []);
        assert!(report.changes.is_empty());
    }

    fn small_report() -> Report {
        let found = changes(same, |d| {
            schemas(d)["ClientIdType"]["maxLength"] = 100.into();
            schemas(d)["DeliveryMediumType"]["enum"] = json!(["SMS", "EMAIL", "VOICE"]);
            schemas(d)[REQUEST]["properties"]["ClientId"]["description"] = "<p>The app client ID.</p>".into();
        });
        Report { base: "old.yaml".into(), head: "new.yaml".into(), changes: found }
    }

    #[test]
    fn fail_on_sets_the_lowest_failing_class() {
        let warning_only = Report {
            base: "a".into(),
            head: "b".into(),
            changes: small_report().changes.into_iter().filter(|c| c.class() != Class::Breaking).collect(),
        };
        assert!(small_report().fails(FailOn::Breaking));
        assert!(!warning_only.fails(FailOn::Breaking));
        assert!(warning_only.fails(FailOn::Warning));
        let compatible_only = Report {
            base: "a".into(),
            head: "b".into(),
            changes: changes(same, |d| {
                schemas(d)["ClientIdType"]["maxLength"] = 256.into();
            }),
        };
        assert!(!compatible_only.fails(FailOn::Warning));
    }

    #[test]
    fn the_text_report_names_path_values_class_and_reason() {
        let text = small_report().to_text(FailOn::Breaking);

        let expected = "base: old.yaml\nhead: new.yaml\n\n\
            breaking   request   ResendConfirmationCodeRequest.ClientId  maxLength: 128 -> 100\n           \
            why: values of 101 to 128 characters, valid before, are rejected [request-max-length-decreased]\n\
            warning    response  ResendConfirmationCodeResponse.CodeDeliveryDetails.DeliveryMedium  enum value: (absent) -> VOICE\n           \
            why: our generated `DeliveryMediumType` is a closed enum (no unknown variant), so the typed call fails with \
            `invalid response (HTTP 200): the body does not match the contract: unknown variant `VOICE`, expected `SMS` \
            or `EMAIL` ...` after the service has acted; the CLI, which checks no response values (as botocore), prints \
            it [response-enum-value-added]\n\
            compatible request   ResendConfirmationCodeRequest.ClientId  documentation changed [documentation-changed]\n\
            \n\
            3 difference(s): 1 breaking, 1 warning(s), 1 compatible; --fail-on breaking fails\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn the_json_report_has_the_documented_fields() {
        let json = small_report().to_json(FailOn::Warning);

        assert_eq!(json["base"], "old.yaml");
        assert_eq!(json["head"], "new.yaml");
        assert_eq!(json["fail_on"], "warning");
        assert_eq!(json["failed"], true);
        assert_eq!(json["counts"], json!({"breaking": 1, "warning": 1, "compatible": 1}));
        let changes = json["changes"].as_array().expect("changes");
        assert_eq!(changes.len(), 3);
        let keys: Vec<&String> = changes[0].as_object().expect("object").keys().collect();
        assert_eq!(keys, ["class", "side", "path", "what", "old", "new", "rule", "why"]);
        assert_eq!(changes[0]["old"], "128");
        assert_eq!(changes[1]["old"], Value::Null);
        assert_eq!(changes[2]["new"], "<p>The app client ID.</p>", "documentation is in full");
    }

    #[test]
    fn every_rule_is_in_the_documented_table_with_its_class() {
        let path = workspace_root().join("docs/compat-rules.md");
        let docs = std::fs::read_to_string(&path).expect("docs/compat-rules.md is readable");
        for rule in RULES {
            let row = docs
                .lines()
                .find(|line| line.starts_with(&format!("| `{}` |", rule.id)))
                .unwrap_or_else(|| panic!("docs/compat-rules.md has no row for `{}`", rule.id));
            let class = row.split('|').nth(2).map(str::trim).unwrap_or_default();
            assert_eq!(class, rule.class.as_str(), "{row}");
        }
        let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len(), "rule identifiers are unique");
    }
}
