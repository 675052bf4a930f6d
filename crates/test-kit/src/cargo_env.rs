//! What cargo tells a test about its package, and the workspace's root.

use std::path::{Path, PathBuf};

/// The workspace root: this crate is two folders below it.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().and_then(Path::parent).map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
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
}
