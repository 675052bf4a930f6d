//! `cognito-idp resend-confirmation-code`: AWS CLI v1's command, rebuilt on the generated client.
//!
//! The pipeline follows AWS CLI v1's: [`argparse`] splits the command line (Python 3.11 argparse
//! semantics), [`paramfile`] and [`argprocess`] turn each option's text into a value (`file://`,
//! JSON or [`shorthand`]), [`validate`] checks it as botocore does, and the request goes out through
//! the client crate's framing. [`response`] and [`jsonfmt`] print what came back as AWS CLI v1 does.

pub(crate) mod app;
pub mod argparse;
pub mod argprocess;
pub(crate) mod config;
pub(crate) mod debug;
pub(crate) mod exit;
pub(crate) mod format;
pub mod help;
pub(crate) mod jmespath_syntax;
pub mod jsonfmt;
pub mod naming;
pub mod paramfile;
pub(crate) mod py_unicode;
pub(crate) mod pyint;
pub mod pyjson;
pub(crate) mod pyrepr;
pub(crate) mod pyvalue;
pub mod query;
pub(crate) mod redact;
pub mod response;
pub(crate) mod secret;
pub mod shorthand;
pub mod skeleton;
pub mod table;
pub mod text;
pub(crate) mod transport;
pub mod validate;

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
