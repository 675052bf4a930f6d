//! Cargo from a tool or a test: where the workspace and its target folder are, and how to run cargo again
//! from inside a cargo run without disturbing its builds.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root: this crate is two folders below it.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().and_then(Path::parent).map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
}

/// Where cargo builds: `CARGO_TARGET_DIR`, else `target/` in the workspace root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// The cargo running this process (`CARGO`, which cargo sets for `cargo run`, tests and build scripts; else the
/// one this crate was built with), or `cargo` from `PATH`, started in the workspace root as a nested run (see
/// [`nested`]).
pub fn cargo() -> Command {
    let program = std::env::var_os("CARGO")
        .map(PathBuf::from)
        .or_else(|| option_env!("CARGO").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("cargo"));
    nested(program)
}

/// `program` (a cargo: [`cargo`]'s, or rustup's `cargo` for `cargo +nightly`) started in the workspace root,
/// without the variables cargo set for the package of this process (`CARGO_PKG_NAME`, `CARGO_MANIFEST_DIR`, ...;
/// see [`is_package_variable`]). Build scripts that watch them (ring's does) would otherwise see another
/// environment than the plain `cargo build` or `cargo test` that built them, and redo their work on every switch.
pub fn nested(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    for (name, _) in std::env::vars_os() {
        if name.to_str().is_some_and(is_package_variable) {
            command.env_remove(&name);
        }
    }
    command.current_dir(workspace_root());
    command
}

/// Whether `name` is one of the variables cargo sets for the package whose test is running (not a setting of
/// cargo itself, such as CARGO_HOME or CARGO_TARGET_DIR).
pub fn is_package_variable(name: &str) -> bool {
    const EXACT: [&str; 10] = [
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
        "CARGO_MANIFEST_LINKS",
        "CARGO_CRATE_NAME",
        "CARGO_BIN_NAME",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_TARGET_TMPDIR",
        "CARGO_RUSTC_CURRENT_DIR",
        "OUT_DIR",
        "CARGO_PKG_README",
    ];
    EXACT.contains(&name) || name.starts_with("CARGO_PKG_") || name.starts_with("CARGO_BIN_EXE_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packages_variables_are_told_apart_from_cargos_settings() {
        for name in ["CARGO_MANIFEST_DIR", "CARGO_PKG_NAME", "CARGO_PKG_VERSION_MAJOR", "CARGO_BIN_EXE_x", "OUT_DIR"] {
            assert!(is_package_variable(name), "{name}");
        }
        for name in ["CARGO_HOME", "CARGO_TARGET_DIR", "CARGO_BUILD_JOBS", "CARGO", "PATH"] {
            assert!(!is_package_variable(name), "{name}");
        }
    }

    #[test]
    fn the_workspace_root_holds_the_workspace_manifest() {
        let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).expect("the root manifest");
        assert!(manifest.contains("[workspace]"));
    }

    #[test]
    fn a_nested_cargo_runs_in_the_workspace_root_without_the_package_variables() {
        // This test runs under cargo, which set CARGO_PKG_NAME and CARGO_MANIFEST_DIR for it.
        assert!(std::env::var_os("CARGO_PKG_NAME").is_some());

        let command = cargo();

        let removed: Vec<String> = command
            .get_envs()
            .filter(|(_, value)| value.is_none())
            .filter_map(|(name, _)| name.to_str().map(str::to_owned))
            .collect();
        assert!(removed.iter().any(|n| n == "CARGO_PKG_NAME") && removed.iter().any(|n| n == "CARGO_MANIFEST_DIR"));
        assert!(removed.iter().all(|n| is_package_variable(n)), "{removed:?}");
        assert_eq!(command.get_current_dir(), Some(workspace_root().as_path()));
    }
}
