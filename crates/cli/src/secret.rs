//! The app client's secret, for computing `SecretHash`: from `--client-secret-file PATH` or the
//! environment variable `COGNITO_CLIENT_SECRET`, never from a command-line value (process lists show those).
//!
//! The file is read once, with a size limit; one trailing line break is dropped (files written by `echo`
//! end with one). The secret's bytes are zeroized when the value is dropped.

use std::fmt;
use std::path::Path;

use zeroize::Zeroizing;

/// The environment variable that can hold the secret.
pub const SECRET_VARIABLE: &str = "COGNITO_CLIENT_SECRET";

/// App client secrets are a few dozen characters; anything this large is not one.
const MAX_SECRET_BYTES: u64 = 4096;

/// A client secret, zeroized on drop and never printed.
pub struct ClientSecret(Zeroizing<Vec<u8>>);

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(*** Sensitive Data Redacted ***)")
    }
}

impl ClientSecret {
    /// The secret's bytes, for the HMAC key.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// Builds a secret from bytes, dropping one trailing line break; an empty secret is refused.
    fn new(mut bytes: Zeroizing<Vec<u8>>, source: &str) -> Result<Self, String> {
        let line_break = if bytes.ends_with(b"\r\n") { 2 } else { usize::from(bytes.ends_with(b"\n")) };
        let kept = bytes.len() - line_break;
        // Zeroizing<Vec> wipes the whole capacity on drop, the truncated bytes included.
        bytes.truncate(kept);
        if bytes.is_empty() {
            return Err(format!("the client secret in {source} is empty"));
        }
        Ok(Self(bytes))
    }
}

/// The secret from `--client-secret-file` (relative to `cwd`) or, without it, from the environment.
pub fn load(file: Option<&str>, env_value: Option<&str>, cwd: &Path) -> Result<Option<ClientSecret>, String> {
    if let Some(file) = file {
        return read_file(&cwd.join(file), file).map(Some);
    }
    match env_value {
        Some(value) => ClientSecret::new(Zeroizing::new(value.as_bytes().to_vec()), SECRET_VARIABLE).map(Some),
        None => Ok(None),
    }
}

fn read_file(path: &Path, shown: &str) -> Result<ClientSecret, String> {
    use std::io::Read;
    let error = |e: std::io::Error| format!("cannot read the client secret file {shown}: {e}");
    let file = std::fs::File::open(path).map_err(error)?;
    if file.metadata().map_err(error)?.is_dir() {
        return Err(format!("cannot read the client secret file {shown}: it is a directory"));
    }
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_SECRET_BYTES + 1).read_to_end(&mut bytes).map_err(error)?;
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(format!(
            "the client secret file {shown} is larger than {MAX_SECRET_BYTES} bytes; it should hold only the app client's secret"
        ));
    }
    ClientSecret::new(bytes, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_secret_loses_one_trailing_line_break() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("s"), "abc\n").expect("write");
        let secret = load(Some("s"), None, dir.path()).expect("reads").expect("present");
        assert_eq!(secret.expose(), b"abc");
        std::fs::write(dir.path().join("t"), "abc\n\n").expect("write");
        assert_eq!(load(Some("t"), None, dir.path()).expect("reads").expect("present").expose(), b"abc\n");
    }

    #[test]
    fn the_file_wins_over_the_environment() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("s"), "from-file").expect("write");
        let secret = load(Some("s"), Some("from-env"), dir.path()).expect("reads").expect("present");
        assert_eq!(secret.expose(), b"from-file");
        assert_eq!(load(None, Some("from-env"), dir.path()).expect("env").expect("present").expose(), b"from-env");
        assert!(load(None, None, dir.path()).expect("none").is_none());
    }

    #[test]
    fn missing_empty_huge_and_directory_files_are_clear_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(
            load(Some("nope"), None, dir.path())
                .expect_err("missing")
                .contains("cannot read the client secret file nope")
        );
        std::fs::write(dir.path().join("empty"), "\n").expect("write");
        assert!(load(Some("empty"), None, dir.path()).expect_err("empty").contains("is empty"));
        std::fs::write(dir.path().join("huge"), vec![b'a'; 10_000]).expect("write");
        assert!(load(Some("huge"), None, dir.path()).expect_err("huge").contains("larger than 4096 bytes"));
        assert!(load(Some("."), None, dir.path()).expect_err("dir").contains("directory"));
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let secret = load(None, Some("top-secret"), Path::new(".")).expect("env").expect("present");
        assert!(!format!("{secret:?}").contains("top-secret"));
    }
}
