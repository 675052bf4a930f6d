//! The folder a run of the binary under test happens in: a fresh folder under the system's temporary one,
//! with `home/` (the run's `HOME`, where no AWS config or credentials file exists unless a test writes
//! one) and `work/` (its working folder, where `file://` arguments are written), removed when dropped.
//! The suites set the run's environment themselves: the e2e tests as `tests/fixtures/awscli/record.py`
//! recorded the reference, the conformance suite with nothing but `PATH`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A sandbox folder, removed with everything in it when dropped.
#[derive(Debug)]
pub struct Sandbox {
    root: PathBuf,
    files: AtomicUsize,
}

impl Sandbox {
    /// A new sandbox whose folder name starts with `prefix`.
    pub fn new(prefix: &str) -> Result<Self, String> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("{prefix}-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::Relaxed));
        let root = std::env::temp_dir().join(name);
        for dir in [root.join("home"), root.join("work")] {
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create the sandbox {}: {e}", dir.display()))?;
        }
        Ok(Self { root, files: AtomicUsize::new(0) })
    }

    /// The sandbox's folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The run's `HOME`.
    pub fn home(&self) -> PathBuf {
        self.root.join("home")
    }

    /// The run's working folder.
    pub fn work(&self) -> PathBuf {
        self.root.join("work")
    }

    /// Writes `content` to a new file of the working folder and returns its path.
    pub fn write_file(&self, content: &[u8]) -> Result<PathBuf, String> {
        let path = self.work().join(format!("value-{}", self.files.fetch_add(1, Ordering::Relaxed)));
        std::fs::write(&path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sandbox_has_a_home_and_a_work_folder_and_goes_away() {
        let sandbox = Sandbox::new("test-kit").expect("a sandbox");
        assert!(sandbox.home().is_dir() && sandbox.work().is_dir());
        let file = sandbox.write_file(b"x").expect("a file");
        assert_eq!(std::fs::read(&file).expect("read"), b"x");
        let root = sandbox.path().to_path_buf();
        drop(sandbox);
        assert!(!root.exists());
    }
}
