//! The global options of AWS CLI v1 (awscli/data/cli.json in awscli 1.46.3), in its order: the one table that
//! the parser's main stage ([`crate::input::argparse`]), the manual's GLOBAL OPTIONS and the operation's
//! SYNOPSIS ([`crate::docs::help`]) are made from.

use crate::format::{Color, Format};

/// What a global option does with the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `store_true` (`stores` true) or `store_false` into the option's `dest`; the manual's type `boolean`.
    Flag { stores: bool },
    /// Takes one value; the manual shows its type (`string`, `int`).
    Value { type_name: &'static str },
    /// `--version`: prints the version and stops (cli.json gives it no type: the manual shows `string`).
    Version,
}

/// One global option.
#[derive(Debug)]
pub(crate) struct GlobalOption {
    /// The option string, `--name`.
    pub option: &'static str,
    /// argparse's `dest`: the namespace slot the parser reads it from.
    pub dest: &'static str,
    pub kind: Kind,
    /// The allowed values (empty when any value is).
    pub choices: &'static [&'static str],
    /// The value when the option is not given, for options that take one.
    pub default: Option<&'static str>,
    /// The manual's text (HTML), from cli.json.
    pub help: &'static str,
}

impl GlobalOption {
    /// The type the manual shows: `boolean`, `string` or `int`.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Flag { .. } => "boolean",
            Kind::Value { type_name } => type_name,
            Kind::Version => "string",
        }
    }
}

const fn flag(option: &'static str, dest: &'static str, stores: bool, help: &'static str) -> GlobalOption {
    GlobalOption { option, dest, kind: Kind::Flag { stores }, choices: &[], default: None, help }
}

const fn value(option: &'static str, dest: &'static str, type_name: &'static str, help: &'static str) -> GlobalOption {
    GlobalOption { option, dest, kind: Kind::Value { type_name }, choices: &[], default: None, help }
}

/// The 15 global options, in cli.json's order.
pub(crate) const GLOBAL_OPTIONS: &[GlobalOption] = &[
    flag("--debug", "debug", true, "<p>Turn on debug logging.</p>"),
    value("--endpoint-url", "endpoint_url", "string", "<p>Override command's default URL with the given URL.</p>"),
    flag(
        "--no-verify-ssl",
        "verify_ssl",
        false,
        "<p>By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS \
         CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL \
         certificates.</p>",
    ),
    flag(
        "--no-paginate",
        "paginate",
        false,
        "<p>Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, \
         for the first page of results.</p>",
    ),
    GlobalOption {
        choices: &Format::NAMES,
        ..value("--output", "output", "string", "<p>The formatting style for command output.</p>")
    },
    value("--query", "query", "string", "<p>A JMESPath query to use in filtering the response data.</p>"),
    value("--profile", "profile", "string", "<p>Use a specific profile from your credential file.</p>"),
    value("--region", "region", "string", "<p>The region to use. Overrides config/env settings.</p>"),
    GlobalOption {
        option: "--version",
        dest: "version",
        kind: Kind::Version,
        choices: &[],
        default: None,
        help: "<p>Display the version of this tool.</p>",
    },
    GlobalOption {
        choices: &Color::NAMES,
        default: Some(Color::Auto.name()),
        ..value("--color", "color", "string", "<p>Turn on/off color output.</p>")
    },
    flag(
        "--no-sign-request",
        "sign_request",
        false,
        "<p>Do not sign requests. Credentials will not be loaded if this argument is provided.</p>",
    ),
    value(
        "--ca-bundle",
        "ca_bundle",
        "string",
        "<p>The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.</p>",
    ),
    value(
        "--cli-read-timeout",
        "read_timeout",
        "int",
        "<p>The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and \
         not timeout. The default value is 60 seconds.</p>",
    ),
    value(
        "--cli-connect-timeout",
        "connect_timeout",
        "int",
        "<p>The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be \
         blocking and not timeout. The default value is 60 seconds.</p>",
    ),
    flag(
        "--v2-debug",
        "v2_debug",
        true,
        "<p>Enable AWS CLI v2 migration assistance. Prints warnings if the command would face a breaking change \
         after swapping AWS CLI v1 for AWS CLI v2 in the current environment. Prints one warning for each breaking \
         change detected.</p>",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_and_dest_is_named_once() {
        let mut options: Vec<&str> = GLOBAL_OPTIONS.iter().map(|o| o.option).collect();
        let mut dests: Vec<&str> = GLOBAL_OPTIONS.iter().map(|o| o.dest).collect();
        options.sort_unstable();
        options.dedup();
        dests.sort_unstable();
        dests.dedup();
        assert_eq!((options.len(), dests.len()), (15, 15));
        assert!(GLOBAL_OPTIONS.iter().all(|o| o.option.starts_with("--") && o.help.starts_with("<p>")));
    }

    #[test]
    fn only_options_with_a_value_have_choices_or_a_default() {
        for option in GLOBAL_OPTIONS.iter().filter(|o| !matches!(o.kind, Kind::Value { .. })) {
            assert!(option.choices.is_empty() && option.default.is_none(), "{}", option.option);
        }
        for option in GLOBAL_OPTIONS {
            if let Some(default) = option.default {
                assert!(option.choices.is_empty() || option.choices.contains(&default), "{}", option.option);
            }
        }
    }
}
