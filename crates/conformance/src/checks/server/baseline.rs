//! Accepted deviations of one implementation (`--baseline PATH`): the expectations it is known to break,
//! each with one line that says why, so that it can adopt the server check before it fixes everything. A
//! failure the baseline names is reported as accepted; one it does not name still fails the run; an entry
//! that no longer fails is reported, and `--baseline-update` rewrites the file from the run.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::{Detail, Status};

/// How the note of an accepted deviation starts.
pub const ACCEPTED: &str = "accepted deviation (baseline): ";

/// The file: the implementation it describes and its deviations, by expectation name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The implementation and its version, such as `cognitox 0.1.2`.
    #[serde(default)]
    pub implementation: String,
    /// The accepted deviations.
    pub deviations: Vec<Deviation>,
}

/// One accepted deviation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    /// The expectation's name, exactly as the report prints it.
    pub expectation: String,
    /// Why the implementation differs, in one line.
    pub why: String,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let baseline: Self = serde_json::from_str(&text)
            .map_err(|e| format!("the baseline {} is not a baseline file: {e}", path.display()))?;
        if let Some(blank) = baseline.deviations.iter().find(|d| d.why.trim().is_empty()) {
            return Err(format!(
                "the baseline {} gives no reason for {:?}: say in one line why the implementation differs",
                path.display(),
                blank.expectation
            ));
        }
        Ok(baseline)
    }

    /// Writes the file, pretty-printed, with a final line break.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(path, text).map_err(|e| format!("cannot write the baseline {}: {e}", path.display()))
    }

    /// The failures of `details` it names become accepted; each entry that names no failure is reported
    /// after them, as a failure when `stale_fails` (a pinned implementation whose baseline must stay exact),
    /// else as a note.
    pub fn apply(&self, details: Vec<Detail>, stale_fails: bool) -> Vec<Detail> {
        let mut used = vec![false; self.deviations.len()];
        let mut out: Vec<Detail> = details
            .into_iter()
            .map(|detail| {
                let entry = self.deviations.iter().position(|d| d.expectation == detail.name);
                match (detail.status, entry) {
                    (Status::Fail, Some(index)) => {
                        used[index] = true;
                        let why = &self.deviations[index].why;
                        Detail::pass(detail.name, format!("{ACCEPTED}{why}\n  found: {}", detail.note))
                    }
                    _ => detail,
                }
            })
            .collect();
        for (deviation, used) in self.deviations.iter().zip(used) {
            if !used {
                let note = "the baseline lists it but it did not fail (it holds now, or was not checked): remove \
                            the entry, or run with --baseline-update";
                let name = format!("baseline: {}", deviation.expectation);
                out.push(if stale_fails { Detail::fail(name, note) } else { Detail::pass(name, note) });
            }
        }
        out
    }

    /// The baseline of a run: every failing expectation, with the reason kept where the entry existed and
    /// what was found for a new one (to be replaced by a one-line reason).
    pub fn updated(&self, details: &[Detail]) -> Self {
        let deviations = details
            .iter()
            .filter(|d| d.status == Status::Fail)
            .map(|d| Deviation {
                expectation: d.name.clone(),
                why: self
                    .deviations
                    .iter()
                    .find(|e| e.expectation == d.name)
                    .map_or_else(|| format!("found: {}", d.note.lines().next().unwrap_or_default()), |e| e.why.clone()),
            })
            .collect();
        Self { implementation: self.implementation.clone(), deviations }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baseline() -> Baseline {
        Baseline {
            implementation: "an emulator".into(),
            deviations: vec![
                Deviation { expectation: "a".into(), why: "it answers 401".into() },
                Deviation { expectation: "gone".into(), why: "fixed since".into() },
            ],
        }
    }

    #[test]
    fn a_listed_failure_is_accepted_and_a_new_one_still_fails() {
        let details = vec![Detail::fail("a", "found 401"), Detail::fail("b", "found 500"), Detail::pass("c", "ok")];
        let applied = baseline().apply(details, false);
        assert_eq!(applied[0].status, Status::Pass);
        assert!(applied[0].note.starts_with(ACCEPTED) && applied[0].note.contains("found 401"));
        assert_eq!(applied[1].status, Status::Fail);
        assert_eq!(applied[3].name, "baseline: gone");
        assert_eq!(applied[3].status, Status::Pass);
        assert!(applied[3].note.contains("did not fail"));
        assert_eq!(baseline().apply(vec![Detail::fail("a", "x")], true)[1].status, Status::Fail);
    }

    #[test]
    fn an_update_keeps_reasons_and_names_new_failures_by_what_was_found() {
        let details =
            vec![Detail::fail("a", "found 401"), Detail::fail("b", "found 500\nmore"), Detail::pass("c", "ok")];
        let updated = baseline().updated(&details);
        assert_eq!(
            updated.deviations,
            [
                Deviation { expectation: "a".into(), why: "it answers 401".into() },
                Deviation { expectation: "b".into(), why: "found: found 500".into() },
            ]
        );
    }

    #[test]
    fn a_file_without_reasons_or_with_unknown_fields_is_refused() {
        let dir = std::env::temp_dir().join(format!("conformance-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("baseline.json");
        std::fs::write(&path, r#"{"deviations":[{"expectation":"a","why":" "}]}"#).expect("write");
        assert!(Baseline::read(&path).expect_err("no reason").contains("gives no reason"));
        std::fs::write(&path, r#"{"deviations":[],"extra":1}"#).expect("write");
        assert!(Baseline::read(&path).expect_err("unknown").contains("not a baseline file"));
        baseline().write(&path).expect("writes");
        assert_eq!(Baseline::read(&path).expect("reads"), baseline());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
