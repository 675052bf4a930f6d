//! Prints the JSON Schemas of the input and output documents, from the generated types' `schemars::JsonSchema`
//! impls, as one JSON object `{"input": ..., "output": ...}`. `cargo xtask schema` runs it and writes
//! `spec/schema/` from its output.

use cognito_idp_client::json_schema::document;
use cognito_idp_client::types::{ResendConfirmationCodeRequest, ResendConfirmationCodeResponse};

fn main() {
    let schemas = serde_json::json!({
        "input": document::<ResendConfirmationCodeRequest>(),
        "output": document::<ResendConfirmationCodeResponse>(),
    });
    println!("{schemas}");
}
