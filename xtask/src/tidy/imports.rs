//! Which modules of a crate import which, read from the source as rustc resolves paths (closely enough for a
//! map): the module tree from `mod` declarations, the modules each one names or takes names from through a
//! glob, and the circles among them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Whether `path` (relative to the repository) is a crate root: a library or binary, a test, example or bench
/// target, a fuzz target.
pub(super) fn is_crate_root(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let from_end = |back: usize| parts.len().checked_sub(back).and_then(|i| parts.get(i)).copied().unwrap_or_default();
    path.ends_with(".rs")
        && (matches!((from_end(2), from_end(1)), ("src", "lib.rs" | "main.rs"))
            || matches!(from_end(2), "tests" | "examples" | "benches" | "fuzz_targets")
            || (from_end(1) == "main.rs" && from_end(3) == "tests"))
}

/// One module of a crate: its path from the crate root (`input::argparse`; empty for the root) and its file.
#[derive(Debug)]
pub(super) struct Module {
    pub path: String,
    pub file: PathBuf,
    /// Whether the file says it is generated (`@generated` in its first lines).
    pub generated: bool,
}

/// The modules of the crate whose root file is `root_file`, following its `mod name;` declarations (and their
/// `#[path]`); inline modules belong to their file.
pub(super) fn module_tree(root_file: &Path) -> Vec<Module> {
    let mut modules = Vec::new();
    let mut pending = vec![(String::new(), root_file.to_path_buf())];
    while let Some((path, file)) = pending.pop() {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let generated = text.lines().take(3).any(|l| l.contains("@generated"));
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        // A crate root or a `mod.rs` declares its children beside it; `name.rs` in `name/`.
        let children_dir = if path.is_empty() || stem == "mod" { dir.clone() } else { dir.join(stem) };
        let mut attribute_path: Option<String> = None;
        for line in text.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("#[path = \"") {
                attribute_path = rest.split('"').next().map(str::to_owned);
                continue;
            }
            let declaration = line.trim_start_matches("pub(crate) ").trim_start_matches("pub ");
            let Some(name) = declaration.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) else {
                if !line.starts_with("#[") {
                    attribute_path = None;
                }
                continue;
            };
            let child = match attribute_path.take() {
                Some(relative) => dir.join(relative),
                None if children_dir.join(format!("{name}.rs")).exists() => children_dir.join(format!("{name}.rs")),
                None => children_dir.join(name).join("mod.rs"),
            };
            let child_path = if path.is_empty() { name.to_owned() } else { format!("{path}::{name}") };
            pending.push((child_path, child));
        }
        modules.push(Module { path, file, generated });
    }
    modules.sort_by(|a, b| a.path.cmp(&b.path));
    modules
}

/// The paths of a `use` tree or an expression path that starts at `text`: `a::b::{c, d::e}` gives `a::b::c` and
/// `a::b::d::e`, a glob ends in `*`; anything after the path is left.
pub(super) fn use_paths(text: &str) -> Vec<Vec<String>> {
    fn tree(chars: &[char], at: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            if chars.get(*at) == Some(&'*') {
                *at += 1;
                path.push("*".to_owned());
                out.push(path);
                return;
            }
            let start = *at;
            while chars.get(*at).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
                *at += 1;
            }
            if *at > start {
                path.push(chars[start..*at].iter().collect());
            }
            if chars.get(*at) == Some(&':') && chars.get(*at + 1) == Some(&':') {
                *at += 2;
                if chars.get(*at) == Some(&'{') {
                    *at += 1;
                    loop {
                        while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
                            *at += 1;
                        }
                        match chars.get(*at) {
                            Some('}') | None => break,
                            Some(',') => *at += 1,
                            Some(_) => {
                                let before = *at;
                                tree(chars, at, &path, out);
                                if *at == before {
                                    break;
                                }
                            }
                        }
                    }
                    *at += 1;
                    return;
                }
                continue;
            }
            out.push(path);
            return;
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    tree(&chars, &mut at, &[], &mut out);
    // A top-level list after the first path (`a, b` in `use {a, b}` would be braced): read on after commas.
    while chars.get(at) == Some(&',') {
        at += 1;
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        tree(&chars, &mut at, &[], &mut out);
    }
    out
}

/// The code of a source file outside its test modules (from the first `#[cfg(test)]` inline module on).
fn non_test_code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| {
            let declaration = w[1].trim_start_matches("pub(crate) ").trim_start_matches("pub ");
            w[0].trim() == "#[cfg(test)]" && declaration.starts_with("mod ") && w[1].trim_end().ends_with('{')
        })
        .unwrap_or(lines.len());
    lines[..end].join("\n")
}

/// `code` with the contents of its string and character literals blanked (lines kept), so that no path in a
/// text reads as an import.
pub(super) fn without_literals(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let hashes = chars.get(i + 1..).map_or(0, |rest| rest.iter().take_while(|h| **h == '#').count());
        let raw = c == 'r'
            && chars.get(i + 1 + hashes) == Some(&'"')
            && !i.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(|p| p.is_alphanumeric() || *p == '_');
        if c == '"' || raw {
            // A string: plain (with escapes) or raw (`r#"..."#`, closed by as many hashes).
            let hashes = if raw { hashes } else { 0 };
            i += if raw { 2 + hashes } else { 1 };
            out.push('"');
            while let Some(&s) = chars.get(i) {
                if !raw && s == '\\' {
                    if chars.get(i + 1) == Some(&'\n') {
                        out.push('\n');
                    }
                    i += 2;
                    continue;
                }
                if s == '"' && chars[i + 1..].iter().take(hashes).filter(|h| **h == '#').count() == hashes {
                    i += 1 + hashes;
                    break;
                }
                if s == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || chars.get(i + 1) == Some(&'\\')) {
            // A character literal (`'"'`, `'\''`, `'\u{1F600}'`); a lifetime has no closing quote.
            let end = if chars.get(i + 1) == Some(&'\\') {
                chars.get(i + 3..).and_then(|rest| rest.iter().position(|q| *q == '\'')).map_or(i + 1, |at| i + 3 + at)
            } else {
                i + 2
            };
            out.push_str("' '");
            i = end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The names a file defines at its top level (functions, types, constants, statics, traits, macros).
fn defined_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in code.lines().filter(|l| !l.starts_with(char::is_whitespace)) {
        let mut words = line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '!')).filter(|w| !w.is_empty());
        while let Some(word) = words.next() {
            match word {
                "pub" | "crate" | "super" | "async" | "unsafe" | "extern" => {}
                "fn" | "struct" | "enum" | "const" | "static" | "type" | "trait" | "union" | "macro_rules!" => {
                    if let Some(name) = words.next() {
                        names.insert(name.to_owned());
                    }
                    break;
                }
                _ => break,
            }
        }
    }
    names
}

/// The identifiers of code (whose literals are blanked), without comments.
fn identifiers(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or_default();
        found.extend(
            line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_'))
                .map(str::to_owned),
        );
    }
    found
}

/// The modules each hand-written module of a crate uses, by module path: the modules it names (through
/// `crate::`, `super::`, `self::` or a child module's name) and, through a glob (`use x::*`), those whose names it
/// uses, as rustc resolves them; outside comments and test modules. The crate root is left out (it is the
/// crate's face: it declares and re-exports), and so are generated modules as importers (their imports are
/// their generator's).
pub(super) fn module_uses(root_file: &Path) -> BTreeMap<String, BTreeSet<String>> {
    struct Read {
        code: String,
        defined: BTreeSet<String>,
        /// Every path the code names from this crate: its base module and segments, `*` last for a glob.
        paths: Vec<(String, Vec<String>)>,
    }
    let modules = module_tree(root_file);
    let known: BTreeSet<&str> = modules.iter().map(|m| m.path.as_str()).filter(|p| !p.is_empty()).collect();
    let parent = |path: &str| path.rsplit_once("::").map_or(String::new(), |(p, _)| p.to_owned());
    let mut read: BTreeMap<String, Read> = BTreeMap::new();
    for module in modules.iter().filter(|m| !m.path.is_empty()) {
        let text = std::fs::read_to_string(&module.file).unwrap_or_default();
        let code = without_literals(&non_test_code(&text));
        let prefix = format!("{}::", module.path);
        let children: Vec<&str> =
            known.iter().filter_map(|k| k.strip_prefix(prefix.as_str())).filter(|rest| !rest.contains("::")).collect();
        let mut paths = Vec::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.char_indices() {
                if line[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let rest = &line[at..];
                let (base, tail) = if let Some(tail) = rest.strip_prefix("crate::") {
                    (String::new(), tail)
                } else if let Some(mut tail) = rest.strip_prefix("super::") {
                    let mut base = parent(&module.path);
                    while let Some(more) = tail.strip_prefix("super::") {
                        base = parent(&base);
                        tail = more;
                    }
                    (base, tail)
                } else if let Some(tail) = rest.strip_prefix("self::") {
                    (module.path.clone(), tail)
                } else if children.iter().any(|c| rest.starts_with(&format!("{c}::"))) {
                    (module.path.clone(), rest)
                } else {
                    continue;
                };
                paths.extend(use_paths(tail).into_iter().map(|segments| (base.clone(), segments)));
            }
        }
        let defined = if module.generated { BTreeSet::new() } else { defined_names(&code) };
        read.insert(module.path.clone(), Read { code, defined, paths });
    }

    // The longest known module along `base::segments` and the segments after it.
    let longest = |base: &str, segments: &[String]| -> Option<(String, Vec<String>)> {
        let mut parts: Vec<&str> = base.split("::").filter(|s| !s.is_empty()).collect();
        let depth = parts.len();
        parts.extend(segments.iter().map(String::as_str));
        (1..=parts.len()).rev().find(|&n| known.contains(parts[..n].join("::").as_str())).map(|n| {
            (parts[..n].join("::"), segments.iter().skip(n.saturating_sub(depth)).cloned().collect::<Vec<_>>())
        })
    };
    // The modules a module's globs bring names from, itself first: its glob targets, theirs, and so on.
    let glob_closure = |start: &str| -> Vec<String> {
        let mut seen = vec![start.to_owned()];
        let mut at = 0;
        while let Some(module) = seen.get(at).cloned() {
            for (base, segments) in read.get(&module).map(|r| r.paths.as_slice()).unwrap_or_default() {
                if segments.last().is_some_and(|s| s == "*") {
                    let target = longest(base, &segments[..segments.len() - 1]).map(|(t, _)| t);
                    if let Some(target) = target.filter(|t| !seen.contains(t)) {
                        seen.push(target);
                    }
                }
            }
            at += 1;
        }
        seen
    };

    let mut uses = BTreeMap::new();
    for (path, module) in &read {
        let mut used = BTreeSet::new();
        if !modules.iter().any(|m| m.path == *path && m.generated) {
            let words = identifiers(&module.code);
            for (base, segments) in &module.paths {
                let Some((target, rest)) = longest(base, segments) else { continue };
                match rest.first().map(String::as_str) {
                    // A glob: the modules whose names this one uses.
                    Some("*") => {
                        for from in glob_closure(&target) {
                            if read.get(&from).is_some_and(|r| r.defined.iter().any(|n| words.contains(n))) {
                                used.insert(from);
                            }
                        }
                    }
                    // A name: where it is defined, the module or what the module's globs bring.
                    Some(name) => {
                        let defines = |m: &String| read.get(m).is_some_and(|r| r.defined.contains(name));
                        used.insert(glob_closure(&target).into_iter().find(|m| defines(m)).unwrap_or(target));
                    }
                    None => {
                        used.insert(target);
                    }
                }
            }
        }
        used.remove(path);
        uses.insert(path.clone(), used);
    }
    uses
}

/// The import circles of `uses`: each set of two or more modules that all reach one another.
pub(super) fn cycles(uses: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut pending = vec![from.to_owned()];
        while let Some(module) = pending.pop() {
            for next in uses.get(&module).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    pending.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = uses.keys().map(|m| (m, reach(m))).collect();
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for (module, reached) in &reaches {
        if !reached.contains(*module) || found.iter().any(|c| c.contains(*module)) {
            continue;
        }
        let circle: BTreeSet<String> =
            reached.iter().filter(|other| reaches.get(other).is_some_and(|r| r.contains(*module))).cloned().collect();
        found.push(circle);
    }
    found
}

/// Circles that another issue is taking apart, by crate root: tolerated while they last (delete the entry when
/// the issue lands).
pub(super) const KNOWN_CYCLES: &[(&str, &[&str])] = &[];
