//! Tidy checks, as tests (rust-analyzer's `xtask/tidy.rs`): ARCHITECTURE.md holds as a structure (every module
//! named in the section of its folder, every path it names there, every `cargo xtask` command, the CLI crate's
//! layers, every invariant naming the test that keeps it), no crate has an import circle ([`imports`]), and no
//! generated file's header names a path outside the repository.

mod imports;
mod map;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use imports::{KNOWN_CYCLES, cycles, is_crate_root, module_tree, module_uses, use_paths};

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

/// Whether `path` is a module file the map must name: under a crate's `src/` or xtask's, not an entry point
/// (`lib.rs`, `main.rs`); tests, benches, examples and fuzz targets are described by their folders.
fn is_mapped_module(path: &str) -> bool {
    let in_scope = (path.starts_with("crates/") || path.starts_with("xtask/")) && path.contains("/src/");
    in_scope && path.ends_with(".rs") && !path.ends_with("/lib.rs") && !path.ends_with("/main.rs")
}

/// The names that name a module file in the section of `folder`: its file name, its stem, its path from the
/// folder (and from the folder's `src/`), and for a `mod.rs` its folder's name and path with a slash.
fn module_names(path: &str, folder: &str) -> Vec<String> {
    let relative = path.strip_prefix(folder).unwrap_or(path);
    let in_src = relative.strip_prefix("src/").unwrap_or(relative);
    let file = Path::new(path);
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = file.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut names = vec![name, stem.clone(), relative.to_owned(), in_src.to_owned()];
    if stem == "mod" {
        let dir = Path::new(in_src).parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
        let last = Path::new(&dir).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        names.extend([format!("{dir}/"), format!("{last}/"), last]);
    }
    names
}

/// The names of the repository's tests: functions under `#[test]` (or `#[tokio::test]`).
fn test_names(root: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for path in repository_files(root).iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let Ok(text) = std::fs::read_to_string(root.join(path)) else { continue };
        let mut after_attribute = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with("#[test]") || line.starts_with("#[tokio::test") {
                after_attribute = true;
            } else if after_attribute
                && let Some(rest) = line.strip_prefix("fn ").or_else(|| line.strip_prefix("async fn "))
            {
                names.insert(
                    rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default().to_owned(),
                );
                after_attribute = false;
            } else if !line.starts_with("#[") && !line.starts_with("//") {
                after_attribute = false;
            }
        }
    }
    names
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

    /// Every module of the crates and xtask is named, in backticks, in the section about its folder: by its
    /// file name, its stem, its path from that folder, or (a `mod.rs`) its folder.
    #[test]
    fn architecture_md_names_every_module_in_its_section() {
        let root = crate::workspace_root();
        let sections = map::sections(&architecture(&root));
        let mut missing = Vec::new();
        for path in repository_files(&root).iter().filter_map(|p| p.to_str()).filter(|p| is_mapped_module(p)) {
            let Some(section) = sections
                .iter()
                .filter(|s| !s.folder.is_empty() && path.starts_with(&s.folder))
                .max_by_key(|s| s.folder.len())
            else {
                missing.push(format!("{path}: no section names its folder"));
                continue;
            };
            let names = module_names(path, &section.folder);
            if !map::backticked(&section.text).iter().any(|span| names.iter().any(|n| n == span)) {
                missing.push(format!("{path}: not named in the section of {} (as one of {names:?})", section.folder));
            }
        }
        assert!(missing.is_empty(), "ARCHITECTURE.md does not name these modules:\n{}", missing.join("\n"));
    }

    /// Every path the map names, in backticks, exists in the repository.
    #[test]
    fn every_path_architecture_md_names_exists() {
        let root = crate::workspace_root();
        let files: Vec<String> = repository_files(&root).iter().filter_map(|p| p.to_str().map(str::to_owned)).collect();
        let mut missing = Vec::new();
        let sections = map::sections(&architecture(&root));
        for section in &sections {
            for span in map::backticked(&section.text).into_iter().filter(|s| map::names_a_path(s)) {
                if !map::path_exists(&root, &files, section, span) {
                    missing.push(format!("{span} (in the section of {:?})", section.folder));
                }
            }
        }
        assert!(sections.len() > 10, "{} sections", sections.len());
        assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist:\n{}", missing.join("\n"));
    }

    /// The CLI crate's table of layers names every module once, and a module uses only modules of its own layer
    /// or below.
    #[test]
    fn the_cli_crates_layers_hold() {
        let root = crate::workspace_root();
        let layers = map::cli_layers(&architecture(&root));
        assert!(layers.len() >= 5, "{layers:?}");
        let uses = module_uses(&root.join("crates/cli/src/lib.rs"));
        let layer_of = |module: &str| layers.iter().position(|l| l.iter().any(|m| m == module));
        let mut wrong = Vec::new();
        for named in layers.iter().flatten().filter(|m| !uses.contains_key(*m)) {
            wrong.push(format!("{named}: in the table, but no module of crates/cli"));
        }
        for (module, used) in &uses {
            let Some(layer) = layer_of(module) else {
                wrong.push(format!("{module}: in no layer of the table"));
                continue;
            };
            for other in used {
                if layer_of(other).is_some_and(|l| l > layer) {
                    wrong.push(format!("{module} uses {other}, a layer above it"));
                }
            }
        }
        assert!(wrong.is_empty(), "the CLI crate's layers (ARCHITECTURE.md):\n{}", wrong.join("\n"));
    }

    /// Every invariant the map states names the test that keeps it (`kept by `name``), and that test exists.
    #[test]
    fn every_invariant_names_the_test_that_keeps_it() {
        let root = crate::workspace_root();
        let tests = test_names(&root);
        assert!(tests.len() > 300, "{} tests", tests.len());
        let invariants = map::invariants(&architecture(&root));
        assert!(invariants.len() >= 6, "{invariants:?}");
        let mut wrong = Vec::new();
        for invariant in &invariants {
            let keepers = map::keepers(invariant);
            let head: String = invariant.chars().take(70).collect();
            if keepers.is_empty() {
                wrong.push(format!("{head}...: names no test (kept by `a_test_name`)"));
            }
            for keeper in keepers.iter().filter(|k| !tests.contains(k.as_str())) {
                wrong.push(format!("{head}...: no test named {keeper}"));
            }
        }
        assert!(wrong.is_empty(), "ARCHITECTURE.md's invariants:\n{}", wrong.join("\n"));
    }

    /// The client crate is what users build: progenitor's runtime, never the generator or its syntax crates.
    #[test]
    fn the_client_crate_depends_on_no_generator() {
        let manifest = std::fs::read_to_string(crate::workspace_root().join("crates/cognito-idp-client/Cargo.toml"))
            .expect("the client's manifest");
        let dependencies: Vec<&str> = manifest
            .split("[dependencies]")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split(['.', ' ', '=']).next())
            .filter(|name| !name.is_empty())
            .collect();
        assert!(dependencies.contains(&"progenitor-client"), "{dependencies:?}");
        for generator in ["progenitor", "progenitor-impl", "typify", "openapiv3", "syn", "quote", "prettyplease"] {
            assert!(!dependencies.contains(&generator), "the client crate depends on {generator}");
        }
    }

    #[test]
    fn the_map_is_read_as_it_is_written() {
        let map = "## Code map\n\n### `crates/cli/` — the CLI\n- `app.rs`: the flow; `tools/` the recorders.\n\n\
                   **Invariant:** a rule (kept\n  by `a_test` and `another`), not `this`.\n\n## Invariants\n\n\
                   - **One.** Held (kept by `one_test`).\n- **Two.** Not held.\n";
        let sections = map::sections(map);
        assert_eq!(sections.last().map(|s| s.folder.as_str()), Some(""));
        assert_eq!(sections[2].folder, "crates/cli/");
        assert_eq!(
            map::backticked(&sections[2].text),
            ["crates/cli/", "app.rs", "tools/", "a_test", "another", "this"]
        );
        let invariants = map::invariants(map);
        assert_eq!(invariants.len(), 3, "{invariants:?}");
        assert_eq!(map::keepers(&invariants[0]), ["a_test", "another"]);
        assert!(map::keepers(&invariants[2]).is_empty());
        assert!(map::names_a_path("src/app.rs") && map::names_a_path("tools/") && map::names_a_path("cases.json"));
        assert!(!map::names_a_path("file://") && !map::names_a_path("cargo xtask fuzz") && !map::names_a_path("<a>/b"));
        assert_eq!(module_names("crates/cli/src/input/argparse.rs", "crates/cli/")[..2], ["argparse.rs", "argparse"]);
        assert!(
            module_names("crates/server-check/src/reference/mod.rs", "crates/server-check/")
                .contains(&"reference/".to_owned())
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
    fn no_crate_has_an_import_cycle() {
        let root = crate::workspace_root();
        let roots: Vec<PathBuf> =
            repository_files(&root).into_iter().filter(|p| p.to_str().is_some_and(is_crate_root)).collect();
        assert!(roots.len() > 15, "{} crate roots", roots.len());
        let mut found = Vec::new();
        let mut modules = 0;
        for crate_root in &roots {
            let uses = module_uses(&root.join(crate_root));
            modules += uses.len();
            let known: Vec<&[&str]> =
                KNOWN_CYCLES.iter().filter(|(r, _)| Path::new(r) == crate_root).map(|(_, m)| *m).collect();
            for cycle in cycles(&uses) {
                if !known.iter().any(|k| cycle.iter().all(|m| k.contains(&m.as_str()))) {
                    let names: Vec<&str> = cycle.iter().map(String::as_str).collect();
                    found.push(format!("{}: {}", crate_root.display(), names.join(", ")));
                }
            }
        }
        assert!(modules > 80, "{modules} modules");
        assert!(
            found.is_empty(),
            "import circles (modules that import one another); move the shared part into a module below them:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn a_cycle_is_found_and_named() {
        let uses = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"]), ("e", vec![])]
            .into_iter()
            .map(|(m, u)| (m.to_owned(), u.into_iter().map(str::to_owned).collect()))
            .collect();
        let expected: BTreeSet<String> = ["a", "b", "c"].map(str::to_owned).into();
        assert_eq!(cycles(&uses), [expected]);
    }

    #[test]
    fn imports_are_read_from_use_trees_and_paths() {
        let paths = |text: &str| -> Vec<String> { use_paths(text).iter().map(|p| p.join("::")).collect() };
        assert_eq!(paths("a::b::{c, d::{e, f}};"), ["a::b::c", "a::b::d::e", "a::b::d::f"]);
        assert_eq!(paths("codegen::run(&root, check)"), ["codegen::run"]);
        assert_eq!(paths("Error>"), ["Error"]);
        assert_eq!(paths("*;"), ["*"]);
        assert_eq!(paths("walk::*;"), ["walk::*"]);
    }

    #[test]
    fn paths_in_literals_are_not_imports() {
        let code = "let a = \"crate::x\"; let b = r#\"super::y \"q\"\"#; let c = '\"'; let d = '\\''; crate::z::f();\n\
                    let e = \"line\\\nnext\"; fn g<'a>(s: &'a str) {}";
        let blanked = imports::without_literals(code);
        assert!(!blanked.contains("crate::x") && !blanked.contains("super::y"), "{blanked}");
        assert!(blanked.contains("crate::z::f()") && blanked.contains("fn g<'a>(s: &'a str)"), "{blanked}");
        assert_eq!(blanked.lines().count(), code.lines().count());
    }

    #[test]
    fn the_module_tree_and_its_uses_are_seen() {
        let root = crate::workspace_root();
        let cli = module_uses(&root.join("crates/cli/src/lib.rs"));
        let uses = |of: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str| {
            of.get(from).is_some_and(|u| u.contains(to))
        };
        assert!(uses(&cli, "input::argparse", "input::global_options") && uses(&cli, "input::argparse", "naming"));
        assert!(uses(&cli, "docs::help", "input::global_options"));
        let xtask = module_uses(&root.join("xtask/src/main.rs"));
        assert!(uses(&xtask, "compat::walk", "compat::rules"), "{:?}", xtask.get("compat::walk"));
        assert!(uses(&xtask, "fuzz", "fuzz::seeds") && uses(&xtask, "fuzz::seeds", "record_goldens"));
        let client = module_tree(&root.join("crates/cognito-idp-client/src/lib.rs"));
        assert!(client.iter().any(|m| m.path == "contract" && m.generated && m.file.ends_with("generated_model.rs")));
        assert!(is_crate_root("tests/e2e/main.rs") && is_crate_root("crates/cli/src/lib.rs"));
        assert!(!is_crate_root("crates/cli/src/app.rs") && !is_crate_root("tests/e2e/golden.rs"));
    }

    #[test]
    fn the_rules_see_what_they_must() {
        assert!(is_mapped_module("crates/cli/src/app.rs") && is_mapped_module("xtask/src/fuzz/seeds.rs"));
        assert!(is_mapped_module("crates/server-check/src/reference/mod.rs"));
        assert!(!is_mapped_module("crates/cli/src/lib.rs") && !is_mapped_module("xtask/src/main.rs"));
        assert!(!is_mapped_module("tests/e2e/golden.rs") && !is_mapped_module("crates/cli/tests/help_snapshots.rs"));
        assert!(names_a_machine_path("// @generated by `/home/dev/.venv/bin/python gen.py`"));
        assert!(!names_a_machine_path("// @generated by `cargo xtask codegen`"));
    }
}
