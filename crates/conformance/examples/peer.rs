//! `cargo xtask peer`: serves a Cognito-compatible peer on 127.0.0.1 (never another interface) for the
//! server check to probe: cognitox 0.1.2 (the default) or this suite's reference implementation. Sets up
//! an app client with a secret, an unconfirmed and a confirmed user, writes the secret to a file (mode
//! 0600, removed on exit), prints the `cognito-idp-conformance --endpoint-url ...` line to run against
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
    let secret_file = secret_file.unwrap_or_else(|| root.join("target/peer/client-secret"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("a tokio runtime: {e}"))?;
    runtime.block_on(async {
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
                announce("cognitox 0.1.2", &served, &secret_file, &root)?;
                wait().await;
                drop(peer);
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
                announce("the reference implementation", &served, &secret_file, &root)?;
                wait().await;
                drop(server);
            }
            other => return Err(format!("--implementation wants cognitox or reference, not {other:?}")),
        }
        let _ = std::fs::remove_file(&secret_file);
        Ok(())
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

/// Writes the secret file and prints how to run the server check against the peer.
fn announce(what: &str, served: &Served, secret_file: &Path, root: &Path) -> Result<(), String> {
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
    Ok(())
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
