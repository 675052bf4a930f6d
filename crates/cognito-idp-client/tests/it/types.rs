//! The generated types enforce the spec's constraints, with Unicode patterns, and redact secrets.

use cognito_idp_client::types::{
    ClientIdType, ResendConfirmationCodeRequest, SecretHashType, UserContextDataType, UsernameType,
};

#[test]
fn username_accepts_letters_marks_symbols_numbers_and_punctuation_of_any_script() {
    for name in ["jane", "Zoë", "用户", "😀", "e\u{301}", "jane.doe+1@example.com", "Ωμέγα_9"] {
        assert!(name.parse::<UsernameType>().is_ok(), "{name:?} should be a valid username");
    }
}

#[test]
fn username_rejects_separators_controls_the_empty_string_and_129_characters() {
    let too_long = "a".repeat(129);
    for name in ["a b", "a\tb", "", too_long.as_str(), "\u{301}\n"] {
        assert!(name.parse::<UsernameType>().is_err(), "{name:?} should be rejected");
    }
    assert!("a".repeat(128).parse::<UsernameType>().is_ok());
    assert!("用".repeat(128).parse::<UsernameType>().is_ok(), "lengths count characters, not bytes");
}

#[test]
fn client_id_takes_word_characters_and_plus_only() {
    assert!("1example23456789".parse::<ClientIdType>().is_ok());
    assert!("a+b_C9".parse::<ClientIdType>().is_ok());
    for id in ["a-b", "a b", "", "é"] {
        assert!(id.parse::<ClientIdType>().is_err(), "{id:?} should be rejected");
    }
}

#[test]
fn secret_hash_takes_base64() {
    assert!("oUkNFqfm7UjLds8vXFWarT1l3gqORGoztf+EyFmoX2Q=".parse::<SecretHashType>().is_ok());
    assert!("not base64!".parse::<SecretHashType>().is_err());
}

#[test]
fn a_request_without_required_members_does_not_build() {
    let missing = ResendConfirmationCodeRequest::try_from(ResendConfirmationCodeRequest::builder().client_id("abc"));
    assert!(missing.is_err());
}

#[test]
fn debug_output_redacts_every_sensitive_member() {
    let request: ResendConfirmationCodeRequest = ResendConfirmationCodeRequest::builder()
        .client_id("clientidsecretvalue")
        .username("usernamesecretvalue")
        .secret_hash(Some("hashsecretvalue=".parse().expect("valid hash")))
        .user_context_data(
            UserContextDataType::try_from(
                UserContextDataType::builder().ip_address(Some("ipsecretvalue".parse().expect("string"))),
            )
            .expect("valid"),
        )
        .try_into()
        .expect("valid request");
    let shown = format!("{request:?} {:?}", ResendConfirmationCodeRequest::builder().client_id("clientidsecretvalue"));
    for secret in ["clientidsecretvalue", "usernamesecretvalue", "hashsecretvalue", "ipsecretvalue"] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    assert!(shown.contains("ClientIdType(*** Sensitive Data Redacted ***)"), "{shown}");
}

#[test]
fn the_spec_examples_satisfy_the_generated_types() {
    assert!(!cognito_idp_client::contract::EXAMPLES.is_empty());
    for example in cognito_idp_client::contract::EXAMPLES {
        let request: Result<ResendConfirmationCodeRequest, _> = serde_json::from_str(example.request);
        assert!(request.is_ok(), "example {} request: {request:?}", example.name);
        if let Some(response) = example.response {
            let decoded: Result<cognito_idp_client::types::ResendConfirmationCodeResponse, _> =
                serde_json::from_str(response);
            assert!(decoded.is_ok(), "example {} response: {decoded:?}", example.name);
        }
    }
}

#[test]
fn client_metadata_keys_carry_their_length_limit() {
    use cognito_idp_client::types::ClientMetadataType;
    let long_key = "k".repeat(131_073);
    let rejected: Result<ClientMetadataType, _> = serde_json::from_value(serde_json::json!({ long_key: "v" }));
    assert!(rejected.is_err(), "a key over 131072 characters must not decode");
    let accepted: Result<ClientMetadataType, _> = serde_json::from_value(serde_json::json!({"k": "v", "": ""}));
    assert!(accepted.is_ok(), "{accepted:?}");
}

/// `schema` without the root's metadata, which `cargo xtask schema` adds.
fn body(mut schema: serde_json::Value) -> serde_json::Value {
    if let Some(root) = schema.as_object_mut() {
        for key in ["$schema", "$comment", "title", "description", "definitions"] {
            root.remove(key);
        }
    }
    schema
}

#[test]
fn the_published_json_schemas_are_what_the_types_describe() {
    use cognito_idp_client::json_schema::document;
    use cognito_idp_client::types::ResendConfirmationCodeResponse;
    let published = |text: &str| body(serde_json::from_str(text).expect("a published schema"));
    let input = published(include_str!("../../../../spec/schema/input.schema.json"));
    let output = published(include_str!("../../../../spec/schema/output.schema.json"));
    assert_eq!(body(document::<ResendConfirmationCodeRequest>()), input);
    assert_eq!(body(document::<ResendConfirmationCodeResponse>()), output);
}
