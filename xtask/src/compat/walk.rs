//! The walk: both contracts side by side from the operation, member by member, each difference classified.

use std::collections::BTreeSet;

use super::*;

/// Every difference from `base` to `head`, the worst class first.
pub fn compare(base: &Contract, head: &Contract, client: &ClientFacts) -> Vec<Change> {
    let mut walk = Walk { base, head, client, out: Vec::new(), stack: Vec::new() };
    walk.operation();
    walk.out.sort_by_key(|c| std::cmp::Reverse(c.class()));
    walk.out
}

pub(super) struct Walk<'a> {
    base: &'a Contract,
    head: &'a Contract,
    client: &'a ClientFacts,
    out: Vec<Change>,
    /// The (old, new) shape names on the way to the current node, to stop on recursive shapes.
    stack: Vec<(String, String)>,
}

/// A difference the walk found, being described: see [`Walk::found`].
pub(super) struct Found<'w> {
    out: &'w mut Vec<Change>,
    change: Change,
}

impl Found<'_> {
    /// The old and new values (`None` where absent).
    pub(super) fn values(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.change.old = old;
        self.change.new = new;
        self
    }

    /// Why the difference has its class, for the party that meets it; records the difference.
    pub(super) fn because(self, why: impl Into<String>) {
        self.out.push(Change { why: why.into(), ..self.change });
    }
}

/// Keys of the service metadata that reach the wire of every call.
pub(super) const WIRE_METADATA: &[(&str, &str)] = &[
    ("endpointPrefix", "it is the first label of the host name clients call"),
    ("protocol", "it is the wire protocol clients speak"),
    ("jsonVersion", "it is the version in the Content-Type clients send"),
    ("targetPrefix", "it is the first part of the X-Amz-Target header clients send"),
];
/// Keys of the service metadata that matter only to signed operations.
pub(super) const SIGNING_METADATA: &[&str] = &["signatureVersion", "signingName", "auth"];

impl Walk<'_> {
    /// A difference of `rule` at `path` (its attribute `what`), to be given its values and reason:
    /// `self.found(rule, side, path, what).values(old, new).because(why)`.
    pub(super) fn found(&mut self, rule: &'static Rule, side: Side, path: &str, what: &str) -> Found<'_> {
        Found {
            out: &mut self.out,
            change: Change {
                rule,
                side,
                path: path.to_owned(),
                what: what.to_owned(),
                old: None,
                new: None,
                why: String::new(),
            },
        }
    }

    pub(super) fn operation(&mut self) {
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
            self.found(rule, Side::Service, "service metadata", key).values(show(old), show(new)).because(why);
        }

        let op = format!("operation {}", head.operation);
        let same = |a: &String, b: &String| a == b;
        if !same(&base.operation, &head.operation) {
            self.found(OPERATION_RENAMED, Side::Operation, &op, "name")
                .values(Some(base.operation.clone()), Some(head.operation.clone()))
                .because(
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
                self.found(rule, Side::Operation, &op, what)
                    .values(Some(old.clone()), Some(new.clone()))
                    .because(why.to_owned());
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

    pub(super) fn examples(&mut self, base: &Contract, head: &Contract, op: &str) {
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
            self.found(EXAMPLE_CHANGED, Side::Operation, op, &format!("example {name}"))
                .values(show(old), show(new))
                .because("documentation only: examples do not constrain calls".to_owned());
        }
    }

    pub(super) fn errors(&mut self) {
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
                self.found(ERROR_ADDED, Side::Error, name, "error").values(None, Some(name.clone())).because(why);
            }
        }
        for name in base.errors.iter().filter(|n| !head.errors.contains(n)) {
            self.found(ERROR_REMOVED, Side::Error, name, "error")
                .values(Some(name.clone()), None)
                .because("the service no longer returns it; code that handles it is dead but harmless".to_owned());
        }
    }

    pub(super) fn documentation(&mut self, side: Side, path: &str, what: &str, old: &str, new: &str) {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        self.found(DOCUMENTATION_CHANGED, side, path, what)
            .values(text(old), text(new))
            .because("documentation only".to_owned());
    }

    /// Compares the shapes that `path` reaches: `old` in the base contract, `new` in the head contract.
    pub(super) fn node(&mut self, side: Side, path: &str, old: &str, new: &str) {
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

    pub(super) fn shapes(&mut self, side: Side, path: &str, old: &Shape, new: &Shape) {
        if std::mem::discriminant(&old.kind) != std::mem::discriminant(&new.kind) {
            let (rule, why) = if side == Side::Request {
                (REQUEST_TYPE_CHANGED, format!("clients send a {}, and a {} is expected now", old.kind, new.kind))
            } else {
                (RESPONSE_TYPE_CHANGED, format!("clients decode a {}, and a {} arrives now", old.kind, new.kind))
            };
            let kind = |s: &Shape| Some(format!("{} ({})", s.kind, s.name));
            self.found(rule, side, path, "type").values(kind(old), kind(new)).because(why);
            return;
        }
        if old.name != new.name {
            let why = format!(
                "nothing changes on the wire, but the generated client's type `{}` becomes `{}`: code that names it \
                 stops compiling",
                old.name, new.name
            );
            self.found(SHAPE_RENAMED, side, path, "shape")
                .values(Some(old.name.clone()), Some(new.name.clone()))
                .because(why);
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
            self.found(rule, side, path, "sensitive").values(flag(old), flag(new)).because(why);
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
                    self.found(ERROR_FAULT_CHANGED, side, path, "fault")
                        .values(fault(oerr), fault(nerr))
                        .because(why.to_owned());
                }
            }
            (ShapeKind::Map { key: okey, value: oval }, ShapeKind::Map { key: nkey, value: nval }) => {
                self.node(side, &format!("{path}.<key>"), okey, nkey);
                self.node(side, &format!("{path}.<value>"), oval, nval);
            }
            _ => {}
        }
    }

    pub(super) fn members(&mut self, side: Side, path: &str, old: (&[Member], &[String]), new: (&[Member], &[String])) {
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
                self.found(rule, side, &mpath, "member").values(None, new).because(why.to_owned());
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
                self.found(rule, side, &mpath, "required")
                    .values(show(was_required), show(now_required))
                    .because(why.to_owned());
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
            self.found(rule, side, &format!("{path}.{}", o.name), "member").values(old, None).because(why.to_owned());
        }
        let kept = |a: &[Member], b: &[Member]| -> Vec<String> {
            a.iter().filter(|m| b.iter().any(|x| x.name == m.name)).map(|m| m.name.clone()).collect()
        };
        let (old_order, new_order) = (kept(om, nm), kept(nm, om));
        if old_order != new_order {
            let why = "JSON objects are unordered on the wire; only the order of help, skeletons and JSON output \
                       follows the model";
            let (old, new) = (Some(old_order.join(", ")), Some(new_order.join(", ")));
            self.found(MEMBER_ORDER_CHANGED, side, path, "member order").values(old, new).because(why.to_owned());
        }
    }

    pub(super) fn min_length(
        &mut self,
        side: Side,
        path: &str,
        shapes: (&Shape, &Shape),
        old: Option<u64>,
        new: Option<u64>,
    ) {
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
        self.found(rule, side, path, "minLength")
            .values(old.map(|v| v.to_string()), new.map(|v| v.to_string()))
            .because(why);
    }

    pub(super) fn max_length(
        &mut self,
        side: Side,
        path: &str,
        shapes: (&Shape, &Shape),
        old: Option<u64>,
        new: Option<u64>,
    ) {
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
        self.found(rule, side, path, "maxLength")
            .values(old.map(|v| v.to_string()), new.map(|v| v.to_string()))
            .because(why);
    }

    pub(super) fn pattern(
        &mut self,
        side: Side,
        path: &str,
        shapes: (&Shape, &Shape),
        old: Option<&str>,
        new: Option<&str>,
    ) {
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
        self.found(rule, side, path, "pattern").values(old.map(str::to_owned), new.map(str::to_owned)).because(why);
    }

    pub(super) fn enums(&mut self, side: Side, path: &str, shapes: (&Shape, &Shape), old: &[String], new: &[String]) {
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
                self.found(rule, side, path, "enum").values(any(), list(new)).because(why.to_owned());
            }
            (false, true) => {
                let (rule, why) = if request {
                    (REQUEST_ENUM_VALUE_ADDED, "every value valid before is still valid".to_owned())
                } else {
                    (RESPONSE_ENUM_VALUE_ADDED, self.enum_hazard(side, shapes, None, old))
                };
                self.found(rule, side, path, "enum").values(list(old), any()).because(why);
            }
            (false, false) => {
                for value in new.iter().filter(|v| !old.contains(v)) {
                    let (rule, why) = if request {
                        (REQUEST_ENUM_VALUE_ADDED, "every value valid before is still valid".to_owned())
                    } else {
                        (RESPONSE_ENUM_VALUE_ADDED, self.enum_hazard(side, shapes, Some(value), old))
                    };
                    self.found(rule, side, path, "enum value").values(None, Some(value.clone())).because(why);
                }
                for value in old.iter().filter(|v| !new.contains(v)) {
                    let (rule, why) = if request {
                        (REQUEST_ENUM_VALUE_REMOVED, format!("requests with `{value}`, valid before, are rejected"))
                    } else {
                        (RESPONSE_ENUM_VALUE_REMOVED, "clients no longer receive it".to_owned())
                    };
                    self.found(rule, side, path, "enum value").values(Some(value.clone()), None).because(why);
                }
            }
        }
    }

    /// What a client built on the old contract meets when a response value breaks an old string constraint;
    /// `message` is what our generated type says about such a value.
    pub(super) fn decode_hazard(&self, side: Side, (old, new): (&Shape, &Shape), message: &str) -> String {
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
    pub(super) fn enum_hazard(
        &self,
        side: Side,
        (old, new): (&Shape, &Shape),
        value: Option<&str>,
        known: &[String],
    ) -> String {
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

pub(super) const SUBSET: &str = "clients receive a subset of the values they received before";

/// How our client reports a response member that does not decode.
pub(super) fn decode_failure(side: Side, message: &str) -> String {
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
pub(super) fn one_of(values: &[String]) -> String {
    match values {
        [] => "no variants".to_owned(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of {}", values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")),
    }
}
