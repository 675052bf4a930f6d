//! `cognito-idp resend-confirmation-code`: AWS CLI v1's command, rebuilt on the generated client.
//!
//! The folders are the layers (ARCHITECTURE.md has the map): [`python`] is CPython's behaviour and knows
//! nothing of AWS; `naming`, `redact`, `format`, `exit`, `config` and `secret` are the names and policies
//! the contract implies; [`input`] turns the command line into a validated request, as clidriver.py does
//! ([`input::argparse`], [`input::paramfile`], [`input::argprocess`], [`input::shorthand`],
//! [`input::validate`]); `transport` reads the retry settings into the client library; [`output`] prints
//! the response ([`output::response`], [`output::jsonfmt`], [`output::text`], [`output::table`],
//! [`output::query`]); [`docs`] writes the manuals and skeletons; `app` runs the steps in order.

pub(crate) mod app;
pub(crate) mod config;
pub(crate) mod debug;
pub mod docs;
pub(crate) mod exit;
pub(crate) mod format;
pub mod input;
pub mod naming;
pub mod output;
pub mod python;
pub(crate) mod redact;
pub(crate) mod secret;
pub(crate) mod transport;

/// Runs the CLI on `args` (without the program name) in this process's environment and returns the
/// exit code.
pub fn main_with_args(args: Vec<std::ffi::OsString>) -> i32 {
    use std::io::IsTerminal;
    let env: config::Env =
        std::env::vars_os().filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))).collect();
    let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    let stdout = std::io::stdout();
    let stdout_is_tty = stdout.is_terminal();
    let tty_columns = terminal_size::terminal_size_of(&stdout).map(|(width, _)| width.0);
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr().lock();
    let mut io = app::Io { env: &env, cwd: &cwd, out: &mut out, err: &mut err, stdout_is_tty, tty_columns };
    app::run(&args, &mut io)
}
