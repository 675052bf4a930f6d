//! How the command ends: AWS CLI v1's exit codes (awscli 1.46.3's `clidriver.py`), by name.

/// An exit status of AWS CLI v1. It uses three: AWS CLI v2's 252 (parameter errors), 253 (configuration)
/// and 254 (service errors) are not v1's, which answers all of those with 255, as observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// The call succeeded (0).
    Success,
    /// argparse refused the command line (2; `SystemExit` from `parser.error`).
    Usage,
    /// Any other failure (255): the exceptions `main()` catches, service errors included.
    Failure,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Usage => 2,
            ExitStatus::Failure => 255,
        }
    }

    /// Whether AWS CLI v1's `main()` logs this ending with `--debug` ("Exiting with rc 255", written
    /// before the error message); argparse's exits and successes are not logged there.
    pub fn logged_by_main(self) -> bool {
        self == ExitStatus::Failure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_are_aws_cli_v1s() {
        let codes: Vec<i32> =
            [ExitStatus::Success, ExitStatus::Usage, ExitStatus::Failure].map(ExitStatus::code).to_vec();
        assert_eq!(codes, [0, 2, 255]);
        assert!(ExitStatus::Failure.logged_by_main() && !ExitStatus::Usage.logged_by_main());
    }
}
