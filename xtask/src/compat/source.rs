//! Where each side of the comparison comes from: a spec at a git revision, a spec file, or an AWS model.

use super::*;

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

pub(super) fn git_show(root: &Path, rev: &str) -> Result<String> {
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
