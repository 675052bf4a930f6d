//! The report: text for people, JSON for tools, and the exit decision.

use super::*;

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

pub(super) fn show(value: Option<&str>) -> String {
    const MAX: usize = 60;
    match value {
        None => "(absent)".to_owned(),
        Some(v) if v.chars().count() > MAX => format!("{}...", v.chars().take(MAX).collect::<String>()),
        Some(v) => v.to_owned(),
    }
}
