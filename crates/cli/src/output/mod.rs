//! The output side: the response parsed as botocore parses it ([`response`]), `--query` ([`query`], evaluated
//! as jmespath-python evaluates it by the `jmespath_*` modules), and `--output json|text|table` ([`jsonfmt`],
//! [`text`], [`table`]).

pub(crate) mod jmespath_functions;
pub(crate) mod jmespath_interpreter;
pub(crate) mod jmespath_object;
pub(crate) mod jmespath_syntax;
pub mod jsonfmt;
pub mod query;
#[cfg(test)]
mod recorded;
pub mod response;
pub mod table;
pub mod text;

use serde_json::Value;

use crate::format::Format;
use crate::python::pyrepr::Dicts;

/// Where a table goes: the terminal's width ([`table::terminal_width`]), whether it is styled with colors and
/// whether stdout is a terminal.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TableSettings {
    pub(crate) width: usize,
    pub(crate) styled: bool,
    pub(crate) stdout_is_tty: bool,
}

/// What AWS CLI v1 prints for `data` (the response after `--query`, its objects `dicts`) with `--output
/// format`: stdout, and when its formatter failed part-way, the stderr text of the failure (exit code 255).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Printed {
    pub(crate) stdout: String,
    pub(crate) failure: Option<String>,
}

/// Formats `data` as AWS CLI v1's formatter for `format` does.
pub(crate) fn print(data: &Value, dicts: Dicts, format: Format, table: TableSettings) -> Printed {
    let (stdout, failure) = match format {
        Format::Json => match jsonfmt::format_json_with(data, dicts) {
            Ok(out) => (out, None),
            Err(e) => (e.stdout.clone(), Some(e.stderr_text())),
        },
        Format::Text => match text::format_with(data, dicts) {
            Ok(out) => (out, None),
            Err(e) => (e.stdout.clone(), Some(e.stderr_text())),
        },
        Format::Table => {
            let suffix = table::exit_suffix(table.styled, table.stdout_is_tty);
            match table::format_with(data, dicts, cognito_idp_client::contract::OPERATION, table.width, table.styled) {
                Ok(out) => (format!("{out}{suffix}"), None),
                Err(e) => (suffix.to_owned(), Some(e.stderr_text(table.styled))),
            }
        }
    };
    Printed { stdout, failure }
}
