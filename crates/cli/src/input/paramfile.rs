//! `file://`, `fileb://`, `http://` and `https://` parameter values, as `awscli/paramfile.py` loads them.
//!
//! - `file://PATH` is the file's text: decoded as UTF-8 (the reference's locale encoding here),
//!   strictly, with universal newlines (`\r\n` and `\r` become `\n`), a BOM kept as U+FEFF.
//! - `fileb://PATH` is the file's bytes (a Python `bytes` value).
//! - `PATH` is expanded as Python's `os.path.expandvars(os.path.expanduser(PATH))` does and is
//!   relative to the current directory.
//! - For every option of this command (none is in awscli's `PARAMFILE_DISABLED` list), `http://` and
//!   `https://` values are fetched with a GET, and the body, decoded by the response's charset, is the
//!   value; `--cli-input-json` and shorthand `@=` values use only the local prefixes.
//!
//! Errors carry awscli's `ResourceLoadingError` texts, with Python's `OSError` texts inside
//! (`[Errno 2] No such file or directory: 'x'`).

use std::fmt;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::python::pyjson;
use crate::python::pyrepr;

/// The largest parameter file read (10 MiB): Cognito's whole request is far smaller, and AWS CLI v1, which
/// reads any size, would only send it to be refused.
pub const MAX_PARAMFILE_BYTES: u64 = 10 * 1024 * 1024;

/// What a parameter file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamValue {
    /// Text (`file://`, `http://`, `https://`): a Python `str`.
    Text(String),
    /// Bytes (`fileb://`): a Python `bytes`.
    Bytes(Vec<u8>),
}

impl ParamValue {
    /// The value as the rest of the CLI handles it: a string, or the special `bytes` value of
    /// [`crate::python::pyvalue::bytes_value`].
    pub fn into_value(self) -> Value {
        match self {
            ParamValue::Text(s) => Value::String(s),
            ParamValue::Bytes(b) => crate::python::pyvalue::bytes_value(&b),
        }
    }
}

/// Why a parameter file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamfileError {
    /// awscli's `ResourceLoadingError`, with its message.
    ResourceLoading(String),
    /// Another Python exception that escapes awscli's handlers (such as the `ValueError` for a path
    /// with a NUL character), with its message.
    Other(String),
}

impl fmt::Display for ParamfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamfileError::ResourceLoading(m) | ParamfileError::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ParamfileError {}

/// Which prefixes are recognised: awscli's `LOCAL_PREFIX_MAP`, or that plus `REMOTE_PREFIX_MAP`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefixes {
    /// `file://` and `fileb://` (`--cli-input-json` and shorthand `@=` values).
    Local,
    /// Also `http://` and `https://` (every option of this command, unless the profile sets
    /// `cli_follow_urlparam = false`).
    LocalAndRemote,
}

/// The environment that `~` and `$VAR` expand from.
pub trait Environment: Sync {
    /// An environment variable.
    fn var(&self, name: &str) -> Option<String>;
    /// The home directory of `user` in the password database, or of the current user for `None`.
    fn user_home(&self, user: Option<&str>) -> Option<String>;
}

/// The process's environment, with `/etc/passwd` as the password database.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemEnvironment;

impl Environment for SystemEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        if name.is_empty() || name.contains(['=', '\0']) {
            return None;
        }
        std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
    }

    fn user_home(&self, user: Option<&str>) -> Option<String> {
        let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
        let uid = match user {
            Some(_) => None,
            None => Some(current_uid()?),
        };
        passwd.lines().find_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            let (name, entry_uid, home) = (fields.first()?, fields.get(2)?, fields.get(5)?);
            let matches = match (user, &uid) {
                (Some(u), _) => *name == u,
                (None, Some(id)) => entry_uid == id,
                (None, None) => false,
            };
            matches.then(|| (*home).to_owned())
        })
    }
}

fn current_uid() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(1).map(str::to_owned)
}

/// A response to an `http://` or `https://` parameter's GET.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, undecoded.
    pub body: Vec<u8>,
}

/// Fetches `http://` and `https://` parameter values.
pub trait UriFetcher: Sync {
    /// GETs `uri`; `Err` carries the text of the exception botocore would raise, such as
    /// `Could not connect to the endpoint URL: "http://127.0.0.1:1/x"`.
    fn get(&self, uri: &str) -> Result<HttpResponse, String>;
}

/// The fetcher AWS CLI v1 has: a GET with botocore's 60-second timeouts, TLS verified against the
/// platform's roots, no redirects followed; failures read as botocore's.
#[derive(Clone, Copy, Debug, Default)]
pub struct HttpFetcher;

impl UriFetcher for HttpFetcher {
    fn get(&self, uri: &str) -> Result<HttpResponse, String> {
        use cognito_idp_client::TransportFailure;
        cognito_idp_client::client::install_crypto_provider();
        let timeout = Duration::from_secs(60);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout)
            .read_timeout(timeout)
            .build()
            .map_err(|e| format!("Could not connect to the endpoint URL: \"{uri}\": {e}"))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("could not start the I/O runtime: {e}"))?;
        let fetch = async {
            let response = client.get(uri).header("Accept-Encoding", "identity").send().await?;
            let status = response.status().as_u16();
            let content_type =
                response.headers().get("content-type").map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            let mut response = response;
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await? {
                body.extend_from_slice(&chunk);
                if body.len() as u64 > MAX_PARAMFILE_BYTES {
                    return Ok(Err(format!("the response is larger than {MAX_PARAMFILE_BYTES} bytes (10 MiB)")));
                }
            }
            Ok::<_, reqwest::Error>(Ok(HttpResponse { status, content_type, body }))
        };
        runtime.block_on(fetch).map_err(|e| match TransportFailure::classify(&e) {
            TransportFailure::ReadTimeout => format!("Read timeout on endpoint URL: \"{uri}\""),
            TransportFailure::ConnectTimeout => format!("Connect timeout on endpoint URL: \"{uri}\""),
            TransportFailure::Closed => {
                format!("Connection was closed before we received a valid response from endpoint URL: \"{uri}\".")
            }
            TransportFailure::Tls(reason) => format!("SSL validation failed for {uri} {reason}"),
            TransportFailure::Connect | TransportFailure::Other(_) => {
                format!("Could not connect to the endpoint URL: \"{uri}\"")
            }
        })?
    }
}

/// Where and how parameter files are loaded.
#[derive(Clone, Copy)]
pub struct Loader<'a> {
    /// The directory relative paths start from.
    pub cwd: &'a Path,
    /// Where `~` and `$VAR` come from.
    pub env: &'a dyn Environment,
    /// How `http://` and `https://` values are fetched.
    pub fetcher: &'a dyn UriFetcher,
    /// Whether options fetch `http://` and `https://` values: the profile's `cli_follow_urlparam`
    /// (`true` unless it is set to something else).
    pub follow_urls: bool,
}

impl fmt::Debug for Loader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Loader").field("cwd", &self.cwd).finish_non_exhaustive()
    }
}

impl<'a> Loader<'a> {
    /// A loader for `cwd` with the process environment and [`HttpFetcher`].
    pub fn new(cwd: &'a Path) -> Self {
        Loader { cwd, env: &SystemEnvironment, fetcher: &HttpFetcher, follow_urls: true }
    }

    /// The prefixes that options recognise: remote ones only when [`Loader::follow_urls`] is set.
    pub fn option_prefixes(&self) -> Prefixes {
        if self.follow_urls { Prefixes::LocalAndRemote } else { Prefixes::Local }
    }

    /// awscli's `get_paramfile(path, prefixes)`: `Ok(None)` when `text` has none of the prefixes.
    pub fn get_paramfile(&self, text: &str, prefixes: Prefixes) -> Result<Option<ParamValue>, ParamfileError> {
        if let Some(rest) = text.strip_prefix("file://") {
            return self.get_file(text, rest, false).map(Some);
        }
        if let Some(rest) = text.strip_prefix("fileb://") {
            return self.get_file(text, rest, true).map(Some);
        }
        if prefixes == Prefixes::LocalAndRemote && (text.starts_with("http://") || text.starts_with("https://")) {
            return self.get_uri(text).map(|t| Some(ParamValue::Text(t)));
        }
        Ok(None)
    }

    /// `get_file(prefix, path, mode)`.
    fn get_file(&self, path: &str, rest: &str, binary: bool) -> Result<ParamValue, ParamfileError> {
        let file_path = expandvars(&expanduser(rest, self.env), self.env);
        if file_path.contains('\0') {
            return Err(ParamfileError::Other("embedded null byte".to_owned()));
        }
        let os_error = |e: std::io::Error| {
            ParamfileError::ResourceLoading(format!(
                "Unable to load paramfile {path}: {}",
                python_os_error(&e, &file_path)
            ))
        };
        if file_path.is_empty() {
            // open('') fails with ENOENT; joining '' to the directory would open the directory.
            return Err(os_error(std::io::Error::from_raw_os_error(2)));
        }
        let file = std::fs::File::open(self.cwd.join(&file_path)).map_err(os_error)?;
        let mut data = Vec::new();
        // Read at most one byte past the limit, so that a huge file (or an endless one, like /dev/zero) is
        // refused without being read whole.
        std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_PARAMFILE_BYTES + 1), &mut data)
            .map_err(os_error)?;
        if data.len() as u64 > MAX_PARAMFILE_BYTES {
            return Err(ParamfileError::ResourceLoading(format!(
                "Unable to load paramfile {path}: the file is larger than {MAX_PARAMFILE_BYTES} bytes (10 MiB), \
                 the most this command reads for a parameter"
            )));
        }
        if binary {
            return Ok(ParamValue::Bytes(data));
        }
        match String::from_utf8(data) {
            Ok(text) => Ok(ParamValue::Text(universal_newlines(&text))),
            Err(_) => Err(ParamfileError::ResourceLoading(format!(
                "Unable to load paramfile ({file_path}), text contents could not be decoded.  If \
                 this is a binary file, please use the fileb:// prefix instead of the file:// prefix."
            ))),
        }
    }

    /// `get_uri(prefix, uri)`.
    fn get_uri(&self, uri: &str) -> Result<String, ParamfileError> {
        let failed = |detail: String| ParamfileError::ResourceLoading(format!("Unable to retrieve {uri}: {detail}"));
        let response = self.fetcher.get(uri).map_err(failed)?;
        if response.status != 200 {
            return Err(failed(format!("received non 200 status code of {}", response.status)));
        }
        let encoding =
            encoding_from_content_type(response.content_type.as_deref()).unwrap_or_else(|| "utf-8".to_owned());
        decode_text(&response.body, &encoding).map_err(failed)
    }
}

/// Python's text-mode reading translates `\r\n` and `\r` to `\n`.
fn universal_newlines(text: &str) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_owned() }
}

/// `str(OSError)` for a failed `open(file_path)`: `[Errno 2] No such file or directory: 'x'`.
fn python_os_error(e: &std::io::Error, file_path: &str) -> String {
    match e.raw_os_error() {
        Some(code) => {
            let text = std::io::Error::from_raw_os_error(code).to_string();
            let strerror = text.strip_suffix(&format!(" (os error {code})")).unwrap_or(&text);
            format!("[Errno {code}] {strerror}: {}", pyrepr::repr_str(file_path))
        }
        None => e.to_string(),
    }
}

/// `botocore.utils.get_encoding_from_headers`: the charset parameter, or ISO-8859-1 for a `text`
/// content type, or nothing.
fn encoding_from_content_type(content_type: Option<&str>) -> Option<String> {
    let content_type = content_type.filter(|c| !c.is_empty())?;
    let charset = content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_owned())
    });
    if charset.is_some() {
        return charset;
    }
    content_type.contains("text").then(|| "ISO-8859-1".to_owned())
}

/// `bytes.decode(encoding)` for the encodings a response is likely to name.
fn decode_text(body: &[u8], encoding: &str) -> Result<String, String> {
    let normalized = encoding.trim().to_ascii_lowercase().replace('_', "-");
    match normalized.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => {
            pyjson::decode_utf8(body).map(str::to_owned).map_err(|e| e.to_string())
        }
        "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "latin" | "latin1" | "latin-1" | "l1" | "iso-ir-100"
        | "csisolatin1" | "iso-8859-1:1987" => Ok(body.iter().map(|&b| char::from(b)).collect()),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367" => {
            match body.iter().position(|b| !b.is_ascii()) {
                None => Ok(body.iter().map(|&b| char::from(b)).collect()),
                Some(pos) => Err(pyjson::UnicodeDecodeError {
                    encoding: "ascii",
                    start: pos,
                    end: pos + 1,
                    byte: body.get(pos).copied().unwrap_or(0),
                    reason: "ordinal not in range(128)",
                }
                .to_string()),
            }
        }
        _ => Err(format!("unknown encoding: {encoding}")),
    }
}

/// Python's `os.path.expanduser` (POSIX).
fn expanduser(path: &str, env: &dyn Environment) -> String {
    if !path.starts_with('~') {
        return path.to_owned();
    }
    let i = path.char_indices().skip(1).find(|&(_, c)| c == '/').map_or(path.len(), |(i, _)| i);
    let userhome = if i == 1 {
        match env.var("HOME") {
            Some(home) => home,
            None => match env.user_home(None) {
                Some(home) => home,
                None => return path.to_owned(),
            },
        }
    } else {
        let name = path.get(1..i).unwrap_or_default();
        match env.user_home(Some(name)) {
            Some(home) => home,
            None => return path.to_owned(),
        }
    };
    let userhome = userhome.trim_end_matches('/');
    let joined = format!("{userhome}{}", path.get(i..).unwrap_or_default());
    if joined.is_empty() { "/".to_owned() } else { joined }
}

/// Python's `os.path.expandvars` (POSIX): `$name` and `${name}` (names of ASCII word characters),
/// left as they are when the variable is not set.
fn expandvars(path: &str, env: &dyn Environment) -> String {
    if !path.contains('$') {
        return path.to_owned();
    }
    let chars: Vec<char> = path.chars().collect();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c != '$' {
            out.push(c);
            i += 1;
            continue;
        }
        // `\$(\w+|\{[^}]*\})` with re.ASCII.
        let is_word = |c: &char| c.is_ascii_alphanumeric() || *c == '_';
        let (name, end) = if chars.get(i + 1).is_some_and(is_word) {
            let len = chars.get(i + 1..).unwrap_or_default().iter().take_while(|c| is_word(c)).count();
            let name: String = chars.get(i + 1..i + 1 + len).unwrap_or_default().iter().collect();
            (Some(name), i + 1 + len)
        } else if chars.get(i + 1) == Some(&'{') {
            match chars.get(i + 2..).unwrap_or_default().iter().position(|&c| c == '}') {
                Some(len) => {
                    let name: String = chars.get(i + 2..i + 2 + len).unwrap_or_default().iter().collect();
                    (Some(name), i + 3 + len)
                }
                None => (None, i + 1),
            }
        } else {
            (None, i + 1)
        };
        match name.and_then(|n| env.var(&n)) {
            Some(value) => {
                out.push_str(&value);
                i = end;
            }
            None => {
                let original: String = chars.get(i..end).unwrap_or_default().iter().collect();
                out.push_str(&original);
                i = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (`--username` / `--client-metadata` values).

    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    struct FakeEnv;

    impl Environment for FakeEnv {
        fn var(&self, name: &str) -> Option<String> {
            match name {
                "HOME" => Some("/home/jane/".to_owned()),
                "DIR" => Some("sub".to_owned()),
                _ => None,
            }
        }

        fn user_home(&self, user: Option<&str>) -> Option<String> {
            (user == Some("operator")).then(|| "/var/lib/operator".to_owned())
        }
    }

    fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary directory");
        for (name, content) in files {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("directories");
            }
            std::fs::write(path, content).expect("file");
        }
        dir
    }

    fn load(dir: &Path, text: &str) -> Result<Option<ParamValue>, ParamfileError> {
        let loader = Loader { cwd: dir, env: &FakeEnv, fetcher: &HttpFetcher, follow_urls: true };
        loader.get_paramfile(text, Prefixes::LocalAndRemote)
    }

    fn failure(dir: &Path, text: &str) -> String {
        load(dir, text).expect_err("fails").to_string()
    }

    #[test]
    fn leaves_other_text_alone() {
        let dir = dir_with(&[]);
        assert_eq!(load(dir.path(), "file:/x"), Ok(None));
        assert_eq!(load(dir.path(), "FILE://x"), Ok(None));
    }

    #[test]
    fn reads_a_file_relative_to_the_directory_with_its_trailing_newline() {
        let dir = dir_with(&[("f1", b"hello\n")]);
        assert_eq!(load(dir.path(), "file://f1"), Ok(Some(ParamValue::Text("hello\n".to_owned()))));
    }

    #[test]
    fn reads_text_with_universal_newlines() {
        let dir = dir_with(&[("crlf", b"a\r\nb\rc\n")]);
        assert_eq!(load(dir.path(), "file://crlf"), Ok(Some(ParamValue::Text("a\nb\nc\n".to_owned()))));
    }

    #[test]
    fn keeps_a_byte_order_mark_as_a_character() {
        let dir = dir_with(&[("bom", b"\xef\xbb\xbfx")]);
        assert_eq!(load(dir.path(), "file://bom"), Ok(Some(ParamValue::Text("\u{feff}x".to_owned()))));
    }

    #[test]
    fn reads_fileb_as_bytes() {
        let dir = dir_with(&[("f3", b"\xff\x00")]);
        let value = load(dir.path(), "fileb://f3").expect("loads");
        assert_eq!(value, Some(ParamValue::Bytes(vec![0xff, 0])));
        let special = value.map(ParamValue::into_value);
        assert_eq!(
            special
                .as_ref()
                .and_then(crate::python::pyvalue::special)
                .and_then(|s| crate::python::pyrepr::scalar_repr(&s)),
            Some("b'\\xff\\x00'".to_owned())
        );
    }

    #[test]
    fn reports_a_missing_file_with_pythons_errno_text() {
        let dir = dir_with(&[]);
        assert_eq!(
            failure(dir.path(), "file://missing"),
            "Unable to load paramfile file://missing: [Errno 2] No such file or directory: 'missing'"
        );
        assert_eq!(
            failure(dir.path(), "file://it's"),
            "Unable to load paramfile file://it's: [Errno 2] No such file or directory: \"it's\""
        );
        assert_eq!(
            failure(dir.path(), "file://a\"b'c"),
            "Unable to load paramfile file://a\"b'c: [Errno 2] No such file or directory: 'a\"b\\'c'"
        );
        assert_eq!(
            failure(dir.path(), "file://tab\there"),
            "Unable to load paramfile file://tab\there: [Errno 2] No such file or directory: 'tab\\there'"
        );
    }

    #[test]
    fn reports_an_empty_path_as_missing() {
        let dir = dir_with(&[]);
        assert_eq!(
            failure(dir.path(), "file://"),
            "Unable to load paramfile file://: [Errno 2] No such file or directory: ''"
        );
    }

    #[test]
    fn reports_directories_and_paths_through_files() {
        let dir = dir_with(&[("adir/inner", b""), ("f1", b"x")]);
        assert_eq!(
            failure(dir.path(), "file://adir"),
            "Unable to load paramfile file://adir: [Errno 21] Is a directory: 'adir'"
        );
        assert_eq!(
            failure(dir.path(), "fileb://f1/x"),
            "Unable to load paramfile fileb://f1/x: [Errno 20] Not a directory: 'f1/x'"
        );
    }

    #[test]
    fn reports_symbolic_link_loops_and_long_names() {
        let dir = dir_with(&[]);
        std::os::unix::fs::symlink("loop2", dir.path().join("loop1")).expect("link");
        std::os::unix::fs::symlink("loop1", dir.path().join("loop2")).expect("link");
        assert_eq!(
            failure(dir.path(), "file://loop1"),
            "Unable to load paramfile file://loop1: [Errno 40] Too many levels of symbolic links: 'loop1'"
        );
        let long = "x".repeat(300);
        assert_eq!(
            failure(dir.path(), &format!("file://{long}")),
            format!("Unable to load paramfile file://{long}: [Errno 36] File name too long: '{long}'")
        );
    }

    #[test]
    fn reports_text_that_is_not_utf8_with_the_expanded_path() {
        let dir = dir_with(&[("sub/f3", b"\xff\x00")]);
        assert_eq!(
            failure(dir.path(), "file://$DIR/f3"),
            "Unable to load paramfile (sub/f3), text contents could not be decoded.  If this is a \
             binary file, please use the fileb:// prefix instead of the file:// prefix."
        );
    }

    #[test]
    fn expands_the_home_directory_and_users() {
        assert_eq!(expanduser("~/f1", &FakeEnv), "/home/jane/f1");
        assert_eq!(expanduser("~", &FakeEnv), "/home/jane");
        assert_eq!(expanduser("~operator/x", &FakeEnv), "/var/lib/operator/x");
        assert_eq!(expanduser("~nosuchuser/x", &FakeEnv), "~nosuchuser/x");
        assert_eq!(expanduser("a/~", &FakeEnv), "a/~");
    }

    #[test]
    fn expands_set_variables_and_leaves_the_rest() {
        assert_eq!(expandvars("${HOME}f1", &FakeEnv), "/home/jane/f1");
        assert_eq!(expandvars("$DIR/x$DIR", &FakeEnv), "sub/xsub");
        assert_eq!(expandvars("$NOPE/x", &FakeEnv), "$NOPE/x");
        assert_eq!(expandvars("$", &FakeEnv), "$");
        assert_eq!(expandvars("${NOPE", &FakeEnv), "${NOPE");
        assert_eq!(expandvars("${}$DIRé", &FakeEnv), "${}subé");
    }

    #[test]
    fn names_the_unexpanded_path_in_the_prefix_and_the_expanded_one_in_the_errno() {
        let dir = dir_with(&[]);
        assert_eq!(
            failure(dir.path(), "file://~operator/x"),
            "Unable to load paramfile file://~operator/x: [Errno 2] No such file or directory: '/var/lib/operator/x'"
        );
    }

    /// Serves one HTTP response on a loopback port and returns the URL base.
    fn serve_once(response: &'static [u8]) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listener");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut request = [0u8; 1024];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(response);
            }
        });
        format!("http://127.0.0.1:{port}")
    }

    #[test]
    fn decodes_text_responses_without_a_charset_as_latin1() {
        let base = serve_once(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\ncaf\xc3\xa9\n");
        assert_eq!(
            load(Path::new("."), &format!("{base}/latin")),
            Ok(Some(ParamValue::Text("caf\u{c3}\u{a9}\n".to_owned())))
        );
    }

    #[test]
    fn decodes_responses_by_their_charset_or_as_utf8() {
        let base = serve_once(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ncaf\r\n3\r\n\xc3\xa9\n\r\n0\r\n\r\n",
        );
        assert_eq!(load(Path::new("."), &format!("{base}/utf8")), Ok(Some(ParamValue::Text("café\n".to_owned()))));
        let base = serve_once(b"HTTP/1.1 200 OK\r\n\r\ncaf\xc3\xa9");
        assert_eq!(load(Path::new("."), &format!("{base}/none")), Ok(Some(ParamValue::Text("café".to_owned()))));
    }

    #[test]
    fn reports_responses_that_do_not_decode() {
        let base = serve_once(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n\xff");
        let url = format!("{base}/bad");
        assert_eq!(
            failure(Path::new("."), &url),
            format!("Unable to retrieve {url}: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
        );
        let base =
            serve_once(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=klingon\r\nContent-Length: 1\r\n\r\nx");
        let url = format!("{base}/weird");
        assert_eq!(failure(Path::new("."), &url), format!("Unable to retrieve {url}: unknown encoding: klingon"));
    }

    #[test]
    fn reports_a_status_other_than_200_without_following_redirects() {
        let base = serve_once(b"HTTP/1.1 301 Moved\r\nLocation: /latin\r\nContent-Length: 0\r\n\r\n");
        let url = format!("{base}/redirect");
        assert_eq!(
            failure(Path::new("."), &url),
            format!("Unable to retrieve {url}: received non 200 status code of 301")
        );
    }

    #[test]
    fn reports_a_refused_connection() {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let url = format!("http://127.0.0.1:{port}/nope.txt");
        assert_eq!(
            failure(Path::new("."), &url),
            format!("Unable to retrieve {url}: Could not connect to the endpoint URL: \"{url}\"")
        );
    }

    #[test]
    fn fetches_urls_only_with_the_remote_prefixes() {
        let loader = Loader::new(Path::new("."));
        assert_eq!(loader.get_paramfile("http://127.0.0.1:1/x", Prefixes::Local), Ok(None));
    }

    #[test]
    fn fetches_nothing_for_options_when_urls_are_not_followed() {
        let mut loader = Loader::new(Path::new("."));
        assert_eq!(loader.option_prefixes(), Prefixes::LocalAndRemote);
        loader.follow_urls = false;
        assert_eq!(loader.option_prefixes(), Prefixes::Local);
        assert_eq!(loader.get_paramfile("https://127.0.0.1:1/x", loader.option_prefixes()), Ok(None));
    }

    #[test]
    fn files_over_ten_mebibytes_are_refused_without_being_read_whole() {
        let loader = Loader::new(Path::new("/"));
        let error = loader.get_paramfile("fileb://dev/zero", Prefixes::Local).expect_err("endless");
        assert_eq!(
            error.to_string(),
            "Unable to load paramfile fileb://dev/zero: the file is larger than 10485760 bytes (10 MiB), the most this command reads for a parameter"
        );
    }

    #[test]
    fn chunked_responses_are_read_whole() {
        let response = format!("{}/x", serve_once(b"HTTP/1.1 200 OK\r\ncontent-type: text/x\r\nTransfer-Encoding: Chunked\r\n\r\n2;ext=1\r\nab\r\n0\r\n\r\n"));
        let fetched = HttpFetcher.get(&response).expect("fetched");
        assert_eq!(
            fetched,
            HttpResponse { status: 200, content_type: Some("text/x".to_owned()), body: b"ab".to_vec() }
        );
    }

    #[test]
    fn https_values_are_fetched_with_tls_verification() {
        // A plain-HTTP server behind an https:// URL fails TLS, as botocore's would.
        let url =
            format!("{}/x", serve_once(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")).replace("http://", "https://");
        let error = HttpFetcher.get(&url).expect_err("no TLS there");
        assert!(error.starts_with(&format!("SSL validation failed for {url} ")), "{error}");
    }
}
