//! `schemars::JsonSchema` for the generated types. `cargo xtask codegen` writes one impl per shape of the
//! spec into `generated_model.rs`, with every constraint of the shape (lengths, the anchored Unicode pattern,
//! the enum, required members, the map's key schema as `propertyNames`, `additionalProperties: false` for the
//! input's structures, which the CLI closes, and each member's documentation); these are the builders they
//! call. [`document`] makes the published schemas of `spec/schema/` (`cargo xtask schema`).
//!
//! ```
//! use cognito_idp_client::types::ResendConfirmationCodeRequest;
//!
//! let schema = cognito_idp_client::json_schema::document::<ResendConfirmationCodeRequest>();
//! assert_eq!(schema["properties"]["ClientId"]["maxLength"], 128);
//! assert_eq!(schema["additionalProperties"], false);
//! ```

use schemars::JsonSchema;
use schemars::r#gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{InstanceType, Metadata, ObjectValidation, Schema, SchemaObject, StringValidation};

/// A member of a structure, for [`structure`].
#[derive(Clone, Copy)]
pub struct Member {
    /// Its name on the wire.
    pub name: &'static str,
    /// The schema of its shape.
    pub schema: fn(&mut SchemaGenerator) -> Schema,
    /// Its documentation, as plain text (empty for none).
    pub description: &'static str,
}

impl std::fmt::Debug for Member {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Member").field("name", &self.name).finish_non_exhaustive()
    }
}

/// A string: its length limits (in characters), its anchored pattern and its allowed values.
pub fn string(min: Option<u32>, max: Option<u32>, pattern: Option<&str>, values: &[&str]) -> Schema {
    let mut schema = SchemaObject { instance_type: Some(InstanceType::String.into()), ..SchemaObject::default() };
    if min.is_some() || max.is_some() || pattern.is_some() {
        schema.string =
            Some(Box::new(StringValidation { min_length: min, max_length: max, pattern: pattern.map(str::to_owned) }));
    }
    if !values.is_empty() {
        schema.enum_values = Some(values.iter().map(|v| serde_json::Value::String((*v).to_owned())).collect());
    }
    Schema::Object(schema)
}

/// A structure: its members in model order, the required ones, and whether other members are refused.
pub fn structure(r#gen: &mut SchemaGenerator, members: &[Member], required: &[&str], closed: bool) -> Schema {
    let mut object = ObjectValidation::default();
    for member in members {
        let schema = described((member.schema)(r#gen), member.description);
        object.properties.insert(member.name.to_owned(), schema);
    }
    object.required = required.iter().map(|r| (*r).to_owned()).collect();
    if closed {
        object.additional_properties = Some(Box::new(Schema::Bool(false)));
    }
    Schema::Object(SchemaObject {
        instance_type: Some(InstanceType::Object.into()),
        object: Some(Box::new(object)),
        ..SchemaObject::default()
    })
}

/// A map: the schema of its keys, and of its values with their documentation.
pub fn map(key: Schema, value: Schema, value_description: &str) -> Schema {
    let object = ObjectValidation {
        property_names: Some(Box::new(key)),
        additional_properties: Some(Box::new(described(value, value_description))),
        ..ObjectValidation::default()
    };
    Schema::Object(SchemaObject {
        instance_type: Some(InstanceType::Object.into()),
        object: Some(Box::new(object)),
        ..SchemaObject::default()
    })
}

/// `schema` with `description` (none when empty).
fn described(schema: Schema, description: &str) -> Schema {
    match schema {
        Schema::Object(mut object) if !description.is_empty() => {
            object.metadata.get_or_insert_with(|| Box::new(Metadata::default())).description =
                Some(description.to_owned());
            Schema::Object(object)
        }
        other => other,
    }
}

/// The generator of the published schemas: JSON Schema draft-07 (which editors and validators support
/// without configuration), every subschema inline, so that each member carries its own constraints.
pub fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with(|settings| {
            settings.inline_subschemas = true;
            settings.meta_schema = Some("http://json-schema.org/draft-07/schema#".to_owned());
        })
        .into_generator()
}

/// The JSON Schema document of `T`, as JSON.
pub fn document<T: JsonSchema>() -> serde_json::Value {
    serde_json::to_value(generator().into_root_schema_for::<T>()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_constraint_is_kept_alone() {
        let json = |schema: Schema| serde_json::to_value(schema).expect("serializes");
        assert_eq!(json(string(Some(2), None, None, &[])), serde_json::json!({"type": "string", "minLength": 2}));
        assert_eq!(json(string(None, Some(9), None, &[])), serde_json::json!({"type": "string", "maxLength": 9}));
        assert_eq!(json(string(None, None, Some("^a$"), &[])), serde_json::json!({"type": "string", "pattern": "^a$"}));
        assert_eq!(json(string(None, None, None, &[])), serde_json::json!({"type": "string"}));
    }

    #[test]
    fn a_member_shows_its_name() {
        let member = Member { name: "ClientId", schema: |_| Schema::Bool(true), description: "" };
        assert_eq!(format!("{member:?}"), "Member { name: \"ClientId\", .. }");
    }
}
