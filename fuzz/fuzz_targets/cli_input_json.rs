//! The `--cli-input-json` loader on arbitrary text (with `file://`, `fileb://`, `http://` and `https://`
//! values served from a small fixture folder and a fake fetcher: no real file outside it, no network), the
//! JSON decoder on the same text and bytes, and validation of what loads.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cognito_idp_cli::input::argprocess;
use cognito_idp_cli::input::paramfile::{Environment, HttpResponse, Loader, UriFetcher};
use cognito_idp_cli::input::validate;
use cognito_idp_cli::python::pyjson;
use cognito_idp_client::contract;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// `~` and `$VAR` expand to nothing: paths that use them are skipped anyway.
struct NoEnvironment;

impl Environment for NoEnvironment {
    fn var(&self, _name: &str) -> Option<String> {
        None
    }

    fn user_home(&self, _user: Option<&str>) -> Option<String> {
        None
    }
}

/// Serves what follows the URL's first `#` as the body: status 200, or 404 when the body starts with `!`,
/// or a connection failure when the URL has no `#`.
struct FragmentFetcher;

impl UriFetcher for FragmentFetcher {
    fn get(&self, uri: &str) -> Result<HttpResponse, String> {
        let Some((_, body)) = uri.split_once('#') else {
            return Err(format!("Could not connect to the endpoint URL: \"{uri}\""));
        };
        let status = if body.starts_with('!') { 404 } else { 200 };
        Ok(HttpResponse { status, content_type: Some("application/json".to_owned()), body: body.as_bytes().to_vec() })
    }
}

/// The fixture folder: a valid input, an invalid one, UTF-16 with a BOM, bytes that are not UTF-8, an empty
/// file and a folder.
fn fixtures() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cognito-idp-fuzz-{}", std::process::id()));
        let files: [(&str, &[u8]); 5] = [
            ("input.json", br#"{"ClientId": "c", "Username": "u", "UserContextData": {"IpAddress": "192.0.2.1"}}"#),
            ("bad.json", b"{\"ClientId\": \"c\",,}"),
            ("utf16.json", b"\xff\xfe{\x00}\x00"),
            ("bytes.bin", b"\xff\x00{}"),
            ("empty.json", b""),
        ];
        let _ = std::fs::create_dir_all(dir.join("folder"));
        for (name, content) in files {
            let _ = std::fs::write(dir.join(name), content);
        }
        dir
    })
}

/// Whether a `file://` or `fileb://` value stays inside the fixture folder (a plain name, no expansion).
fn stays_inside(text: &str) -> bool {
    match text.strip_prefix("file://").or_else(|| text.strip_prefix("fileb://")) {
        Some(name) => name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')),
        None => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = pyjson::loads_bytes(data, pyjson::CLI_INPUT_JSON_MAX_DEPTH);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = pyjson::loads(text, pyjson::PARAMETER_MAX_DEPTH);
    if !stays_inside(text) {
        return;
    }
    let loader = Loader { cwd: fixtures(), env: &NoEnvironment, fetcher: &FragmentFetcher, follow_urls: true };
    match argprocess::load_cli_input_json(text, &loader) {
        Ok(input) => {
            if let Err(errors) = validate::validate(&Value::Object(input), contract::INPUT) {
                let _ = errors.to_string();
            }
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
