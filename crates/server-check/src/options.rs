//! The command line of `cognito-idp-conformance`: one table of options (clap's derive), which the binary,
//! its `--help` and `cargo xtask conformance --endpoint-url ...` (which hands its arguments on) all read.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, ValueEnum};

use crate::baseline::Baseline;
use crate::target::{Secret, Target};
use crate::{Config, Selection, plan, send};

/// Checks an implementation of Amazon Cognito's ResendConfirmationCode against the contract and Cognito's
/// behaviour. Safe to point at a real user pool: at most --max-deliveries requests may send a code.
///
/// Exit code 0 when the server conforms, 1 when it does not, 2 when it could not be checked (bad usage,
/// nothing listening, a TLS failure, a wrong app client or secret).
#[derive(Debug, Parser)]
#[command(name = "cognito-idp-conformance", version, max_term_width = 100)]
pub struct Cli {
    /// The server and how to probe it.
    #[command(flatten)]
    pub server: ServerArgs,
    /// What to print and write.
    #[command(flatten)]
    pub reports: ReportArgs,
    /// List every expectation id, with its family and what it checks, and exit.
    #[arg(long)]
    pub list: bool,
}

/// The server, the app client and users it knows, and how to probe it.
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// The server's endpoint URL (http:// or https://).
    #[arg(long, value_name = "URL", required_unless_present = "list")]
    pub endpoint_url: Option<String>,
    /// An app client of that server.
    #[arg(long, value_name = "ID", required_unless_present = "list")]
    pub client_id: Option<String>,
    /// A signed-up, unconfirmed user of that app client: the only user a code may be sent to.
    #[arg(long, value_name = "NAME", required_unless_present = "list")]
    pub username: Option<String>,
    /// A file holding the app client's secret, when it has one (one trailing line break is dropped).
    #[arg(long, value_name = "PATH")]
    pub client_secret_file: Option<PathBuf>,
    /// A confirmed user of that app client (probes the already-confirmed error; nothing is sent to it).
    #[arg(long, value_name = "NAME")]
    pub confirmed_username: Option<String>,
    /// The app client hides unknown users (PreventUserExistenceErrors ENABLED): expect a simulated success.
    #[arg(long)]
    pub prevent_user_existence_errors: bool,
    /// The most requests that may deliver a code to --username (an email or a text message each).
    #[arg(long, value_name = "N", default_value_t = plan::DEFAULT_MAX_DELIVERIES)]
    pub max_deliveries: u32,
    /// The bound on each answer, in seconds.
    #[arg(long, value_name = "SECS", default_value = "5", value_parser = parse_timeout)]
    pub response_timeout: Duration,
    /// How many probes are in flight at once.
    #[arg(long, value_name = "N", default_value_t = send::DEFAULT_CONCURRENCY, value_parser = parse_concurrency)]
    pub concurrency: usize,
    /// Random valid inputs to send (for a user no pool has: nothing is delivered).
    #[arg(long, value_name = "N", default_value_t = plan::DEFAULT_VALID_CASES)]
    pub cases: u32,
    /// Only these expectations: an id (auth.wrong-secret-hash) or a family (auth); repeat for more.
    #[arg(long, value_name = "ID|FAMILY")]
    pub only: Vec<String>,
    /// Leave out these expectations: an id or a family; repeat for more.
    #[arg(long, value_name = "ID|FAMILY")]
    pub skip: Vec<String>,
    /// Accepted deviations of this server (JSON, see the README): listed failures pass as accepted, new ones
    /// fail, entries that accepted nothing are reported.
    #[arg(long, value_name = "PATH")]
    pub baseline: Option<PathBuf>,
    /// Write the --baseline file from this run: kept entries keep their reason, new ones say what was found.
    #[arg(long, requires = "baseline")]
    pub baseline_update: bool,
}

/// `--response-timeout`: seconds, more than zero, at most an hour.
fn parse_timeout(text: &str) -> Result<Duration, String> {
    let wrong = || format!("wants seconds between 0 and 3600, such as 5 or 0.5, not {text:?}");
    let seconds: f64 = text.parse().map_err(|_| wrong())?;
    if !(seconds > 0.0 && seconds <= 3600.0) {
        return Err(wrong());
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// `--concurrency`: 1 to 64.
fn parse_concurrency(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n @ 1..=64) => Ok(n),
        _ => Err(format!("wants a number from 1 to 64, not {text:?}")),
    }
}

/// When to colour the terminal report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What to print and which report files to write.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Count passing expectations instead of listing them.
    #[arg(long, short)]
    pub quiet: bool,
    /// Colour: auto (a terminal without NO_COLOR), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Write the whole results model as JSON (every expectation, probe and exchange; its schema is
    /// report.schema.json).
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,
    /// Write JUnit XML for CI servers: one test case per expectation id, failures with their evidence.
    #[arg(long, value_name = "PATH")]
    pub junit: Option<PathBuf>,
    /// Write every exchange as HAR 1.2, which browsers' dev tools open.
    #[arg(long, value_name = "PATH")]
    pub har: Option<PathBuf>,
    /// Write a Markdown summary for a CI step summary or a pull request comment.
    #[arg(long, value_name = "PATH")]
    pub markdown: Option<PathBuf>,
    /// Write one self-contained HTML page: the summary, filters, every expectation with its exchanges.
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,
}

impl ServerArgs {
    /// The run's configuration: the secret and the baseline read, the selection checked.
    pub fn config(&self) -> Result<Config, String> {
        let missing = |name: &str| format!("{name} is required");
        let endpoint = self.endpoint_url.clone().ok_or_else(|| missing("--endpoint-url"))?;
        let client_id = self.client_id.clone().ok_or_else(|| missing("--client-id"))?;
        let username = self.username.clone().ok_or_else(|| missing("--username"))?;
        let secret = self.client_secret_file.as_deref().map(Secret::read).transpose()?;
        if self.confirmed_username.as_deref() == Some(username.as_str()) {
            return Err("--confirmed-username names the same user as --username: give a confirmed user".to_owned());
        }
        let baseline = match &self.baseline {
            Some(path) if self.baseline_update && !path.exists() => Some(Baseline::default()),
            Some(path) => Some(Baseline::read(path)?),
            None => None,
        };
        let selection = Selection { only: self.only.clone(), skip: self.skip.clone() };
        let known: Vec<String> = crate::catalogue()?.into_iter().map(|e| e.id).collect();
        selection.check(&known)?;
        Ok(Config {
            target: Target {
                confirmed_username: self.confirmed_username.clone(),
                prevent_user_existence_errors: self.prevent_user_existence_errors,
                ..Target::new(endpoint, client_id, username, secret)
            },
            plan: plan::Settings { max_deliveries: self.max_deliveries, valid_cases: self.cases },
            send: send::Settings {
                response_timeout: self.response_timeout,
                concurrency: self.concurrency,
                ..send::Settings::default()
            },
            selection,
            // With --baseline-update the run is judged without the old file; the file is written from it.
            baseline: if self.baseline_update { None } else { baseline },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("cognito-idp-conformance").chain(args.iter().copied()))
    }

    #[test]
    fn the_server_options_are_required_unless_listing() {
        assert!(parse(&["--list"]).is_ok());
        let error = parse(&["--client-id", "c"]).expect_err("no endpoint");
        assert_eq!(error.exit_code(), 2);
        let cli = parse(&["--endpoint-url", "http://h", "--client-id", "c", "--username", "u"]).expect("parses");
        assert_eq!(cli.server.max_deliveries, 2);
        assert_eq!(cli.server.response_timeout, Duration::from_secs(5));
    }

    #[test]
    fn bad_values_are_usage_errors() {
        let base = ["--endpoint-url", "http://h", "--client-id", "c", "--username", "u"];
        for extra in [["--response-timeout", "0"], ["--concurrency", "0"], ["--max-deliveries", "-1"]] {
            let args: Vec<&str> = base.iter().copied().chain(extra).collect();
            assert_eq!(parse(&args).expect_err("bad value").exit_code(), 2, "{extra:?}");
        }
        let cli = parse(&[&base[..], &["--only", "nonsense.id"]].concat()).expect("parses");
        assert!(cli.server.config().expect_err("unknown id").contains("--only nonsense.id"));
        let cli = parse(&[&base[..], &["--only", "auth", "--skip", "response.request-id"]].concat()).expect("parses");
        let config = cli.server.config().expect("known names");
        assert!(config.selection.selects("auth.wrong-secret-hash"));
        assert!(!config.selection.selects("response.request-id") && !config.selection.selects("lookup.unknown-user"));
    }
}
