//! `cargo xtask peer`: serves a Cognito-compatible peer on 127.0.0.1 (never another interface) for the
//! server check to probe: cognitox 0.1.2 (the default) or this suite's reference implementation. Sets up
//! an app client with a secret, an unconfirmed and a confirmed user, writes the secret to a file (mode
//! 0600, removed on exit; by default `target/peer/<port>/client-secret`, so that peers running side by side
//! keep their own), prints the `cognito-idp-conformance --endpoint-url ...` line to run against
//! it, and serves until Ctrl-C.
//!
//! `cargo run -p cognito-idp-conformance --example peer -- [--port N] [--secret-file PATH]
//! [--implementation cognitox|reference]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::sync::Arc;

use cognito_idp_server_check::reference::{self, Account, Cognito, Framing};

#[path = "../tests/support/cognitox_peer.rs"]
mod cognitox_peer;

const USAGE: &str = "usage: cargo xtask peer [--port N] [--secret-file PATH] [--implementation cognitox|reference]";

/// The peer's account as the conformance command needs it.
struct Served {
    endpoint: String,
    client_id: String,
    username: String,
    confirmed_username: String,
    secret: Vec<u8>,
    baseline: Option<String>,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let (mut port, mut secret_file, mut implementation) = (0u16, None::<PathBuf>, "cognitox".to_owned());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value =
            || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--port" => {
                let text = value()?;
                port = text.parse().map_err(|_| format!("--port wants a port number (0 to 65535), not {text:?}"))?;
            }
            "--secret-file" => secret_file = Some(PathBuf::from(value()?)),
            "--implementation" => implementation = value()?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let root = cognito_idp_conformance::workspace_root();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("a tokio runtime: {e}"))?;
    runtime
        .block_on(async {
            // Each arm keeps its server alive until Ctrl-C.
            match implementation.as_str() {
                "cognitox" => {
                    let peer = cognitox_peer::Peer::start(port).await?;
                    let served = Served {
                        endpoint: peer.endpoint.clone(),
                        client_id: peer.client_id.clone(),
                        username: peer.username.clone(),
                        confirmed_username: peer.confirmed_username.clone(),
                        secret: peer.secret.clone().into_bytes(),
                        baseline: Some(format!("crates/conformance/{}", cognitox_peer::BASELINE)),
                    };
                    let written = announce("cognitox 0.1.2", &served, secret_file.as_deref(), &root)?;
                    wait().await;
                    drop(peer);
                    Ok(written)
                }
                "reference" => {
                    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
                        .map_err(|e| format!("bind 127.0.0.1:{port}: {e}"))?;
                    let account = Account::default();
                    let server = reference::serve_on(listener, account.clone(), Arc::new(Cognito), Framing::default())
                        .map_err(|e| format!("serving the reference implementation: {e}"))?;
                    let served = Served {
                        endpoint: server.uri(),
                        client_id: account.client_id,
                        username: account.username,
                        confirmed_username: account.confirmed_username,
                        secret: account.secret.unwrap_or_default(),
                        baseline: None,
                    };
                    let written = announce("the reference implementation", &served, secret_file.as_deref(), &root)?;
                    wait().await;
                    drop(server);
                    Ok(written)
                }
                other => Err(format!("--implementation wants cognitox or reference, not {other:?}")),
            }
        })
        .map(|written: PathBuf| {
            let _ = std::fs::remove_file(&written);
            if secret_file.is_none() {
                // The port's own folder, empty now.
                let _ = written.parent().map(std::fs::remove_dir);
            }
        })
}

/// Until Ctrl-C (or, on Unix, SIGTERM), so that the secret file is removed either way.
async fn wait() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        result = tokio::signal::ctrl_c() => {
            if let Err(e) = result {
                eprintln!("error: cannot wait for Ctrl-C ({e}); stopping");
            }
        }
        () = terminate => {}
    }
    eprintln!("stopped");
}

/// Where the secret goes without `--secret-file`: a folder per port under `target/peer/`.
fn default_secret_file(root: &Path, endpoint: &str) -> PathBuf {
    let port = endpoint.rsplit(':').next().unwrap_or_default().trim_end_matches('/');
    root.join("target/peer").join(port).join("client-secret")
}

/// Writes the secret file (`secret_file`, or [`default_secret_file`]) and prints how to run the server check
/// against the peer; returns the file's path.
fn announce(what: &str, served: &Served, secret_file: Option<&Path>, root: &Path) -> Result<PathBuf, String> {
    let secret_file = secret_file.map_or_else(|| default_secret_file(root, &served.endpoint), Path::to_path_buf);
    let secret_file = secret_file.as_path();
    write_secret(secret_file, &served.secret)?;
    let shown = secret_file.strip_prefix(root).unwrap_or(secret_file);
    let mut options = format!(
        "--endpoint-url {} --client-id {} --username {} --confirmed-username {} --client-secret-file {}",
        served.endpoint,
        served.client_id,
        served.username,
        served.confirmed_username,
        shown.display()
    );
    if let Some(baseline) = &served.baseline {
        options.push_str(&format!(" --baseline {baseline}"));
    }
    let command = format!(
        "cognito-idp-conformance {options}\n\n(without installing it: cargo run -q -p cognito-idp-server-check -- \
         {options};\nwith every other contract check: cargo xtask conformance {options})"
    );
    println!(
        "serving {what} at {} (127.0.0.1 only); its app client's secret is in {}",
        served.endpoint,
        shown.display()
    );
    println!("run from the workspace root, in another terminal:\n\n  {command}\n");
    println!("Ctrl-C stops it.");
    Ok(secret_file.to_path_buf())
}

fn write_secret(path: &Path, secret: &[u8]) -> Result<(), String> {
    use std::io::Write as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| format!("cannot write the secret file {}: {e}", path.display()))?;
    file.write_all(secret).map_err(|e| format!("cannot write the secret file {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peers_side_by_side_keep_their_own_secret_file() {
        let root = Path::new("repo");
        let one = default_secret_file(root, "http://127.0.0.1:9451");
        assert_eq!(one, Path::new("repo/target/peer/9451/client-secret"));
        assert_ne!(one, default_secret_file(root, "http://127.0.0.1:9452/"));
        assert_eq!(
            default_secret_file(root, "http://127.0.0.1:9452/"),
            Path::new("repo/target/peer/9452/client-secret")
        );
    }
}
