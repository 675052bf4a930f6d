//! The `cognito-idp` binary: `cognito-idp resend-confirmation-code ...`, a drop-in for AWS CLI v1.

fn main() {
    std::process::exit(cognito_idp_cli::main_with_args(std::env::args_os().skip(1).collect()));
}
