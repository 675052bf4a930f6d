//! Prints the JSON Schema of the `--json` report, derived from the results model. `cargo xtask schema` runs
//! it and writes `crates/server-check/report.schema.json` from its output.

fn main() -> std::process::ExitCode {
    match cognito_idp_server_check::render::json::schema() {
        Ok(text) => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("report_schema: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
