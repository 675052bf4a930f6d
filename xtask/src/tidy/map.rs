//! ARCHITECTURE.md read as a structure: its sections (each about a folder), the names it puts in backticks, its
//! invariants and the CLI crate's table of layers.

use std::path::Path;

/// A section of the map: the folder its heading names (`crates/cli/`; empty for a section about no one folder)
/// and its text, heading included.
#[derive(Debug)]
pub(super) struct Section {
    pub folder: String,
    pub text: String,
}

/// The sections, at every `##` and `###` heading.
pub(super) fn sections(map: &str) -> Vec<Section> {
    let mut sections = vec![Section { folder: String::new(), text: String::new() }];
    for line in map.lines() {
        if line.starts_with("## ") || line.starts_with("### ") {
            let folder = backticked(line).into_iter().find(|t| t.ends_with('/')).unwrap_or_default().to_owned();
            sections.push(Section { folder, text: String::new() });
        }
        if let Some(section) = sections.last_mut() {
            section.text.push_str(line);
            section.text.push('\n');
        }
    }
    sections
}

/// The spans of `text` in backticks.
pub(super) fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Whether a backticked span names a path of the repository: a folder (`src/`) or a file with an extension,
/// without spaces, placeholders (`<name>`), globs or URLs.
pub(super) fn names_a_path(span: &str) -> bool {
    let plain = !span.is_empty()
        && !span.contains("://")
        && span.chars().all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'));
    let file = [".rs", ".py", ".json", ".md", ".toml", ".yaml", ".ts", ".txt"].iter().any(|e| span.ends_with(e));
    plain && (span.contains('/') || file) && !span.starts_with('-')
}

/// Whether `span`, named in `section`, is a path of the repository: from the root, from the section's folder, or
/// the end of a repository path (`recorded/`, `runner.rs`: named where the text says whose it is).
pub(super) fn path_exists(root: &Path, files: &[String], section: &Section, span: &str) -> bool {
    let trimmed = span.trim_end_matches('/');
    root.join(trimmed).exists()
        || root.join(&section.folder).join(trimmed).exists()
        || files.iter().any(|f| {
            f == trimmed
                || f.ends_with(&format!("/{trimmed}"))
                || f.contains(&format!("/{trimmed}/"))
                || f.starts_with(&format!("{trimmed}/"))
        })
}

/// The invariants the map states: each bullet of its "Invariants" section and each paragraph that starts
/// `**Invariant:**`.
pub(super) fn invariants(map: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_list = false;
    for paragraph in map.split("\n\n") {
        if paragraph.starts_with("## ") {
            in_list = paragraph.starts_with("## Invariants");
        }
        if paragraph.trim_start().starts_with("**Invariant:**") {
            found.push(paragraph.trim().to_owned());
        }
        if in_list {
            for item in format!("\n{paragraph}").split("\n- ").skip(1) {
                found.push(item.trim().to_owned());
            }
        }
    }
    found
}

/// The tests an invariant names as keeping it: the backticked names in its `(kept by ...)`.
pub(super) fn keepers(invariant: &str) -> Vec<String> {
    let flat = invariant.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((_, tail)) = flat.split_once("(kept by ") else { return Vec::new() };
    backticked(tail.split(')').next().unwrap_or_default()).into_iter().map(str::to_owned).collect()
}

/// The CLI crate's layers, from the bottom: each layer's modules as module paths (`input::argparse`), read from
/// the table whose header is `| layer | modules | knows |`.
pub(super) fn cli_layers(map: &str) -> Vec<Vec<String>> {
    let mut layers = Vec::new();
    let mut rows = map.lines().skip_while(|l| !l.starts_with("| layer | modules |")).skip(2);
    while let Some(row) = rows.next().filter(|r| r.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (Some(layer), Some(modules)) = (cells.get(1), cells.get(2)) else { break };
        let folder = backticked(layer).into_iter().find(|t| t.ends_with('/')).map(|f| f.trim_end_matches('/'));
        let mut paths: Vec<String> = backticked(modules)
            .into_iter()
            .filter(|m| m.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .map(|m| folder.map_or_else(|| m.to_owned(), |f| format!("{f}::{m}")))
            .collect();
        paths.extend(folder.map(str::to_owned));
        layers.push(paths);
    }
    layers
}
