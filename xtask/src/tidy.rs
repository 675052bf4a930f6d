//! Tidy checks, as tests (rust-analyzer's `xtask/tidy.rs`): ARCHITECTURE.md names every source file and
//! every `cargo xtask` command, and no generated file's header names a path outside the repository.

use std::path::{Path, PathBuf};

/// The repository's files as git lists them (tracked and new, not ignored).
fn repository_files(root: &Path) -> Vec<PathBuf> {
    let output = std::process::Command::new("git")
        .current_dir(root)
        .args(["ls-files", "--cached", "--others", "--exclude-standard"])
        .output()
        .expect("git ls-files");
    assert!(output.status.success(), "git ls-files failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(PathBuf::from)
        .filter(|path| root.join(path).is_file())
        .collect()
}

/// The name ARCHITECTURE.md must mention for a source file: its stem, or its folder's for `mod.rs`;
/// `None` for entry points (`lib.rs`, `main.rs`) and for tests, benches, examples and generated code,
/// which the map describes by folder.
fn mapped_name(path: &Path) -> Option<String> {
    let text = path.to_string_lossy();
    let in_scope = (text.starts_with("crates/") || text.starts_with("xtask/src/")) && text.ends_with(".rs");
    let described_by_folder = ["/tests/", "/benches/", "/examples/"].iter().any(|f| text.contains(f))
        || path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("generated"));
    if !in_scope || described_by_folder {
        return None;
    }
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    match stem.as_str() {
        "lib" | "main" => None,
        "mod" => path.parent()?.file_name().map(|n| n.to_string_lossy().into_owned()),
        _ => Some(stem),
    }
}

/// The modules each module of a crate's `src/` uses (`crate::name`, or `crate::folder::name` for a module in a
/// folder), outside comments and test modules; a folder's `mod.rs` counts as the folder.
fn module_uses(src: &Path) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut files = Vec::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let folders: Vec<String> = files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "mod.rs"))
        .filter_map(|f| f.parent()?.file_name()?.to_str().map(str::to_owned))
        .collect();
    let mut uses = std::collections::BTreeMap::new();
    for path in files {
        let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or_default();
        let name = if stem == "mod" {
            path.parent().and_then(Path::file_name).and_then(|n| n.to_str()).unwrap_or_default().to_owned()
        } else {
            stem.to_owned()
        };
        let text = std::fs::read_to_string(&path).expect("a source file");
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
        let mut used = std::collections::BTreeSet::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (i, _) in line.match_indices("crate::") {
                let segments: Vec<String> = line[i + "crate::".len()..]
                    .split("::")
                    .take(2)
                    .map(|s| s.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect())
                    .collect();
                let module = match segments.as_slice() {
                    [folder, inner, ..] if folders.contains(folder) && !inner.is_empty() => inner.clone(),
                    [first, ..] => first.clone(),
                    [] => String::new(),
                };
                if !module.is_empty() && module != name {
                    used.insert(module);
                }
            }
        }
        uses.insert(name, used);
    }
    uses
}

/// An import cycle among `uses`, as the modules along it, if there is one.
fn find_cycle(uses: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        uses: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if !done.insert(module.to_owned()) {
            return None;
        }
        path.push(module.to_owned());
        for next in uses.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, uses, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = std::collections::BTreeSet::new();
    uses.keys().find_map(|m| visit(m, uses, &mut Vec::new(), &mut done))
}

/// Whether `line` names an absolute path of a machine (a Unix home, a checkout, a temporary folder).
fn names_a_machine_path(line: &str) -> bool {
    ["/work/", "/root/", "/home/", "/Users/", "/tmp/", "C:\\"].iter().any(|p| line.contains(p))
}

mod tests {
    use clap::CommandFactory as _;

    use super::*;

    fn architecture(root: &Path) -> String {
        std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md")
    }

    #[test]
    fn architecture_md_names_every_source_file() {
        let root = crate::workspace_root();
        let map = architecture(&root);
        let missing: Vec<String> = repository_files(&root)
            .iter()
            .filter_map(|path| {
                mapped_name(path).filter(|name| !map.contains(name.as_str())).map(|_| path.display().to_string())
            })
            .collect();
        assert!(
            missing.is_empty(),
            "ARCHITECTURE.md does not mention these files: name each in the code map:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn architecture_md_names_every_xtask_command() {
        let map = architecture(&crate::workspace_root());
        let missing: Vec<String> = crate::Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .filter(|name| !map.contains(&format!("cargo xtask {name}")))
            .collect();
        assert!(missing.is_empty(), "ARCHITECTURE.md names no `cargo xtask <command>` for: {missing:?}");
    }

    #[test]
    fn no_generated_header_names_a_machine_path() {
        let root = crate::workspace_root();
        let mut found = Vec::new();
        for path in repository_files(&root) {
            let Ok(text) = std::fs::read_to_string(root.join(&path)) else { continue };
            let head: Vec<&str> = text.lines().take(5).collect();
            let generated =
                head.iter().any(|l| l.contains("@generated") || l.to_ascii_lowercase().contains("do not edit"));
            if let Some(line) = head.iter().find(|l| generated && names_a_machine_path(l)) {
                found.push(format!("{}: {line}", path.display()));
            }
        }
        assert!(found.is_empty(), "generated headers must name repository-relative commands:\n{}", found.join("\n"));
    }

    #[test]
    fn the_cli_crate_has_no_import_cycle() {
        let uses = module_uses(&crate::workspace_root().join("crates/cli/src"));
        assert!(uses.len() > 20, "{} modules", uses.len());
        if let Some(cycle) = find_cycle(&uses) {
            panic!("an import cycle in crates/cli/src: {}; move the shared part below both", cycle.join(" -> "));
        }
    }

    #[test]
    fn a_cycle_is_found_and_named() {
        let uses = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec![])]
            .into_iter()
            .map(|(m, u)| (m.to_owned(), u.into_iter().map(str::to_owned).collect()))
            .collect();
        assert_eq!(find_cycle(&uses), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    }

    #[test]
    fn the_rules_see_what_they_must() {
        assert_eq!(mapped_name(Path::new("crates/cli/src/app.rs")).as_deref(), Some("app"));
        assert_eq!(mapped_name(Path::new("crates/conformance/src/checks/server/mod.rs")).as_deref(), Some("server"));
        assert_eq!(mapped_name(Path::new("crates/cli/src/lib.rs")), None);
        assert_eq!(mapped_name(Path::new("crates/cognito-idp-client/src/generated.rs")), None);
        assert_eq!(mapped_name(Path::new("tests/e2e/golden.rs")), None);
        assert!(names_a_machine_path("// @generated by `/home/dev/.venv/bin/python gen.py`"));
        assert!(!names_a_machine_path("// @generated by `cargo xtask codegen`"));
    }
}
