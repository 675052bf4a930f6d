//! `cognito-idp-conformance`: the server check as a command. Exit code 0 when the server conforms, 1 when
//! it does not, 2 when it could not be checked (bad usage, nothing listening, TLS, wrong client or secret).

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::Parser as _;
use cognito_idp_server_check::options::{Cli, Color};
use cognito_idp_server_check::render::{self, text};
use cognito_idp_server_check::results::{RunOutcome, updated_baseline};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("cognito-idp-conformance: {message}");
            2
        }
    };
    ExitCode::from(code)
}

fn run(cli: &Cli) -> Result<u8, String> {
    if cli.list {
        let mut out = String::new();
        for expectation in cognito_idp_server_check::catalogue()? {
            out.push_str(&format!("{:<48} {}\n", expectation.id, expectation.title));
        }
        print_out(&out);
        return Ok(0);
    }
    let config = cli.server.config()?;
    let report = cognito_idp_server_check::run(&config)?;
    let color = match cli.reports.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    print_out(&text::render(&report, text::Style { color, quiet: cli.reports.quiet }));
    render::write_reports(&report, &cli.reports)?;
    if cli.server.baseline_update
        && report.verdict.outcome != RunOutcome::CouldNotCheck
        && let Some(path) = &cli.server.baseline
    {
        let old = if path.exists() { Some(cognito_idp_server_check::baseline::Baseline::read(path)?) } else { None };
        let baseline = updated_baseline(&report, old.as_ref());
        baseline.write(path)?;
        println!(
            "baseline: {} written with {} deviations; with it, every failure of this run is accepted",
            path.display(),
            baseline.deviations.len()
        );
        return Ok(0);
    }
    Ok(u8::try_from(report.verdict.exit_code).unwrap_or(2))
}

fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
