//! Accepted deviations of one implementation (`--baseline PATH`): the expectations it is known to break,
//! each entry naming one expectation id, optionally the probes it accepts (`probe`, or several in
//! `probes`), and one line that says why. A broken probe an entry names is reported as accepted; one no
//! entry names still fails the run; a probe (or an entry without probes) that accepted nothing is reported,
//! so that it can go. A rule over every answer (`response.*`) is accepted probe by probe only: a new probe
//! that breaks it is a new failure.
//!
//! The file is JSON with one entry a line and one probe a line, so that a change reads as a small diff:
//!
//! ```json
//! {"implementation": "cognitox 0.1.2", "deviations": [
//!   {"id": "lookup.confirmed-user", "why": "it sends a confirmed user a code"},
//!   {"id": "response.status", "why": "HTTP 401 for NotAuthorizedException", "probes": [
//!     "auth.missing-secret-hash/no-secret-hash",
//!     "auth.wrong-secret-hash/other-secret"]}
//! ]}
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::expectation::Family;

/// The file: the implementation it describes and its deviations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The implementation and its version, such as `cognitox 0.1.2`.
    #[serde(default)]
    pub implementation: String,
    /// The accepted deviations.
    pub deviations: Vec<Entry>,
}

/// One accepted deviation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The expectation's id.
    pub id: String,
    /// One probe it accepts (its full id, `auth.wrong-secret-hash/last-character`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<String>,
    /// Why the implementation differs, in one line.
    pub why: String,
    /// More probes it accepts; with neither `probe` nor `probes`, it accepts every probe of the expectation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<String>,
}

impl Entry {
    /// Whether the entry accepts `probe` breaking `expectation`.
    pub fn accepts(&self, expectation: &str, probe: &str) -> bool {
        self.id == expectation
            && (self.is_whole() || self.probe.as_deref() == Some(probe) || self.probes.iter().any(|p| p == probe))
    }

    /// Whether it names no probe: every probe of the expectation.
    pub fn is_whole(&self) -> bool {
        self.probe.is_none() && self.probes.is_empty()
    }

    /// Its probes, each as an entry of one probe (an entry without probes as itself).
    pub fn each(&self) -> Vec<Entry> {
        if self.is_whole() {
            return vec![self.clone()];
        }
        self.probe
            .iter()
            .chain(&self.probes)
            .map(|probe| Entry {
                id: self.id.clone(),
                probe: Some(probe.clone()),
                why: self.why.clone(),
                probes: Vec::new(),
            })
            .collect()
    }
}

impl Baseline {
    /// Reads and checks a baseline file.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("the baseline {}: {e}", path.display()))
    }

    /// Parses and checks a baseline's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let baseline: Self = serde_json::from_str(text).map_err(|e| format!("not a baseline file: {e}"))?;
        for entry in &baseline.deviations {
            if entry.why.trim().is_empty() {
                return Err(format!("no reason for {}: say in one line why the implementation differs", entry.id));
            }
            if entry.why.contains('\n') {
                return Err(format!("the reason for {} is more than one line", entry.id));
            }
            let family = Family::of(&entry.id).ok_or_else(|| {
                format!("{:?} is not an expectation id (family.name, such as auth.wrong-secret-hash)", entry.id)
            })?;
            if family.is_every_answer() && entry.is_whole() {
                return Err(format!(
                    "{} is a rule over every answer: accept it probe by probe (\"probe\": the probe id the report names), \
                     so that a new probe breaking it is a new failure",
                    entry.id
                ));
            }
        }
        Ok(baseline)
    }

    /// The file's text: one entry a line and one probe a line, ending with a line break.
    pub fn to_text(&self) -> String {
        let mut text = format!("{{\"implementation\": {}, \"deviations\": [", json_string(&self.implementation));
        for (i, entry) in self.deviations.iter().enumerate() {
            text.push_str(if i == 0 { "\n  " } else { ",\n  " });
            let head = Entry { probes: Vec::new(), ..entry.clone() };
            let mut line = serde_json::to_string(&head).unwrap_or_default();
            if !entry.probes.is_empty() {
                line.pop();
                line.push_str(", \"probes\": [");
                for (j, probe) in entry.probes.iter().enumerate() {
                    line.push_str(if j == 0 { "\n    " } else { ",\n    " });
                    line.push_str(&json_string(probe));
                }
                line.push_str("]}");
            }
            text.push_str(&line);
        }
        text.push_str(if self.deviations.is_empty() { "]}\n" } else { "\n]}\n" });
        text
    }

    /// Entries of the same id and reason merged into one with a list of probes, in first-seen order.
    pub fn grouped(entries: Vec<Entry>) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for entry in entries.into_iter().flat_map(|e| e.each()) {
            match out.iter_mut().find(|o| o.id == entry.id && o.why == entry.why && !o.is_whole() && !entry.is_whole())
            {
                Some(group) => group.probes.extend(entry.probe),
                None => out.push(Entry { probe: None, probes: entry.probe.into_iter().collect(), ..entry }),
            }
        }
        out
    }

    /// Writes the file.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        std::fs::write(path, self.to_text()).map_err(|e| format!("cannot write the baseline {}: {e}", path.display()))
    }

    /// Every entry of one probe (or of a whole expectation), in order: what the run marks as used.
    pub fn expanded(&self) -> Vec<Entry> {
        self.deviations.iter().flat_map(Entry::each).collect()
    }
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_accept_their_expectation_whole_or_one_probe() {
        let whole = Entry { id: "auth.wrong-secret-hash".into(), probe: None, why: "x".into(), probes: Vec::new() };
        assert!(whole.accepts("auth.wrong-secret-hash", "auth.wrong-secret-hash/first-character"));
        assert!(!whole.accepts("auth.missing-secret-hash", "auth.missing-secret-hash/no-secret-hash"));
        let one =
            Entry { id: "response.status".into(), probe: Some("a/b".into()), why: "x".into(), probes: Vec::new() };
        assert!(one.accepts("response.status", "a/b") && !one.accepts("response.status", "a/c"));
        let some = Entry { probe: None, probes: vec!["a/b".into(), "a/d".into()], ..one };
        assert!(some.accepts("response.status", "a/d") && !some.accepts("response.status", "a/c"));
        assert_eq!(some.each().len(), 2);
    }

    #[test]
    fn a_file_without_reasons_unknown_fields_or_a_whole_rule_is_refused() {
        let no_reason = r#"{"deviations":[{"id":"auth.wrong-secret-hash","why":" "}]}"#;
        assert!(Baseline::parse(no_reason).expect_err("no reason").contains("no reason"));
        let unknown = r#"{"deviations":[],"extra":1}"#;
        assert!(Baseline::parse(unknown).expect_err("unknown").contains("not a baseline file"));
        let whole_rule = r#"{"deviations":[{"id":"response.status","why":"401"}]}"#;
        assert!(Baseline::parse(whole_rule).expect_err("rule").contains("probe by probe"));
        let not_an_id = r#"{"deviations":[{"id":"responses: every answer","why":"old"}]}"#;
        assert!(Baseline::parse(not_an_id).expect_err("id").contains("not an expectation id"));
    }

    #[test]
    fn a_written_file_reads_back_and_a_missing_one_is_an_error() {
        let dir = std::env::temp_dir().join(format!("server-check-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("baseline.json");
        let baseline = Baseline {
            implementation: "an emulator".into(),
            deviations: vec![Entry {
                id: "lookup.unknown-client".into(),
                probe: None,
                why: "404".into(),
                probes: Vec::new(),
            }],
        };
        baseline.write(&path).expect("writes");
        assert_eq!(Baseline::read(&path).expect("reads"), baseline);
        assert_eq!(baseline.expanded(), baseline.deviations);
        assert!(Baseline::read(&dir.join("none.json")).expect_err("missing").contains("cannot read the baseline"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_text_has_one_deviation_a_line_and_reads_back() {
        let baseline = Baseline {
            implementation: "an emulator".into(),
            deviations: vec![
                Entry {
                    id: "response.status".into(),
                    probe: None,
                    why: "401".into(),
                    probes: vec!["a/b".into(), "a/c".into()],
                },
                Entry {
                    id: "lookup.unknown-client".into(),
                    probe: None,
                    why: "it answers 404".into(),
                    probes: Vec::new(),
                },
            ],
        };
        let text = baseline.to_text();
        assert_eq!(text.lines().count(), 6, "{text}");
        assert_eq!(Baseline::parse(&text).expect("reads back"), baseline);
        assert_eq!(Baseline::default().to_text(), "{\"implementation\": \"\", \"deviations\": []}\n");
        let one = |probe: &str, why: &str| Entry {
            id: "r".into(),
            probe: Some(probe.into()),
            why: why.into(),
            probes: Vec::new(),
        };
        let grouped = Baseline::grouped(vec![one("a/1", "x"), one("a/2", "y"), one("a/3", "x")]);
        assert_eq!(grouped.iter().map(|e| e.probes.len()).collect::<Vec<_>>(), [2, 1]);
        let other = Entry { id: "s".into(), ..one("b/1", "x") };
        assert_eq!(Baseline::grouped(vec![one("a/1", "x"), other]).len(), 2, "another id is another entry");
    }
}
