//! Snapshot tests of `--generate-cli-skeleton` (input) and `--generate-cli-skeleton output` (the fake
//! response, as `--output json` prints it). Both come from the contract tables at run time, so a spec change
//! shows up here; `cargo xtask skeleton` regenerates these snapshots and shows what changed.

use cognito_idp_cli::{docs::skeleton, output::jsonfmt};

#[test]
fn the_input_skeleton_matches_its_snapshot() {
    insta::assert_snapshot!("input_skeleton", skeleton::input_skeleton());
}

#[test]
fn the_output_skeleton_matches_its_snapshot() {
    insta::assert_snapshot!("output_skeleton", jsonfmt::format_json_output(&skeleton::output_skeleton()));
}

#[test]
fn the_input_skeleton_is_exactly_what_aws_cli_v1_prints() {
    // Observed from awscli 1.46.3: `aws cognito-idp resend-confirmation-code --generate-cli-skeleton`.
    let expected = "{\n    \"ClientId\": \"\",\n    \"SecretHash\": \"\",\n    \"UserContextData\": {\n        \"IpAddress\": \"\",\n        \"EncodedData\": \"\"\n    },\n    \"Username\": \"\",\n    \"AnalyticsMetadata\": {\n        \"AnalyticsEndpointId\": \"\"\n    },\n    \"ClientMetadata\": {\n        \"KeyName\": \"\"\n    }\n}\n";
    assert_eq!(skeleton::input_skeleton(), expected);
}
