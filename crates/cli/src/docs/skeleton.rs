//! --generate-cli-skeleton: the input skeleton and the fake output, from the contract tables.
//!
//! Both are botocore's `ArgumentGenerator.generate_skeleton` (awscli/botocore/utils.py) on the
//! contract's shapes: a structure becomes a dict of its members in model order (an empty dict where a
//! structure would nest inside itself a second time), a map `{"KeyName": <value>}`, a string `""`. For
//! the fake output (`use_member_names`), a string member is its member's name instead, and a map value
//! stays `""`.

use cognito_idp_client::contract;
use cognito_idp_client::model::{Shape, ShapeKind};
use serde_json::{Map, Value};

use crate::output::jsonfmt;

/// The exact stdout of `--generate-cli-skeleton` and `--generate-cli-skeleton input`:
/// json.dumps(skeleton, indent=4) (ASCII only) and a newline.
pub fn input_skeleton() -> String {
    let mut out = jsonfmt::dumps(&generate_skeleton(contract::INPUT, false), true);
    out.push('\n');
    out
}

/// The fake response `--generate-cli-skeleton output` prints (through the normal output formatting,
/// after validating the parameters, without sending anything): every string its member's name.
pub fn output_skeleton() -> Value {
    generate_skeleton(contract::OUTPUT, true)
}

/// botocore's `ArgumentGenerator(use_member_names).generate_skeleton(shape)`.
///
/// botocore picks a random value of an enum string (`random.choice`); this picks the first, so that
/// the output is reproducible. A structure that nests inside itself stops at its second appearance, as
/// in botocore. A map nested in itself with no structure between would make botocore recurse until
/// Python gives up; here it stops at its second appearance too.
pub fn generate_skeleton(shape: &'static Shape, use_member_names: bool) -> Value {
    let mut stack = Vec::new();
    generate(shape, &mut stack, "", use_member_names)
}

fn generate(shape: &'static Shape, stack: &mut Vec<&'static Shape>, name: &str, use_member_names: bool) -> Value {
    stack.push(shape);
    let value = match &shape.kind {
        ShapeKind::Structure(_) if stack.iter().filter(|s| s.name == shape.name).count() > 1 => {
            Value::Object(Map::new())
        }
        ShapeKind::Map(_) if nests_in_itself_through_maps(stack) => Value::Object(Map::new()),
        ShapeKind::Structure(structure) => Value::Object(
            structure
                .members
                .iter()
                .map(|member| (member.name.to_owned(), generate(member.shape, stack, member.name, use_member_names)))
                .collect(),
        ),
        ShapeKind::Map(map) => {
            let mut object = Map::new();
            object.insert("KeyName".to_owned(), generate(map.value, stack, "", use_member_names));
            Value::Object(object)
        }
        ShapeKind::String(string) => {
            if use_member_names {
                Value::String(name.to_owned())
            } else {
                Value::String(string.enum_values.first().copied().unwrap_or_default().to_owned())
            }
        }
    };
    stack.pop();
    value
}

/// Whether the map on top of `stack` appears below it with only maps between: a cycle no structure
/// would stop.
fn nests_in_itself_through_maps(stack: &[&'static Shape]) -> bool {
    let Some((top, below)) = stack.split_last() else { return false };
    below.iter().rev().take_while(|s| matches!(s.kind, ShapeKind::Map(_))).any(|s| s.name == top.name)
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3: `aws cognito-idp resend-confirmation-code
    //! --generate-cli-skeleton` and `... --client-id a --username b --generate-cli-skeleton output`.

    use super::*;
    use cognito_idp_client::model::{MapShape, Member, StringShape, StructureShape};
    use serde_json::json;

    #[test]
    fn prints_the_input_skeleton_as_the_cli_does() {
        // Act
        let stdout = input_skeleton();

        // Assert
        assert_eq!(
            stdout,
            concat!(
                "{\n",
                "    \"ClientId\": \"\",\n",
                "    \"SecretHash\": \"\",\n",
                "    \"UserContextData\": {\n",
                "        \"IpAddress\": \"\",\n",
                "        \"EncodedData\": \"\"\n",
                "    },\n",
                "    \"Username\": \"\",\n",
                "    \"AnalyticsMetadata\": {\n",
                "        \"AnalyticsEndpointId\": \"\"\n",
                "    },\n",
                "    \"ClientMetadata\": {\n",
                "        \"KeyName\": \"\"\n",
                "    }\n",
                "}\n"
            )
        );
    }

    #[test]
    fn prints_the_output_skeleton_as_the_cli_does() {
        let stdout = jsonfmt::format_json_output(&output_skeleton());

        assert_eq!(
            stdout,
            concat!(
                "{\n",
                "    \"CodeDeliveryDetails\": {\n",
                "        \"Destination\": \"Destination\",\n",
                "        \"DeliveryMedium\": \"DeliveryMedium\",\n",
                "        \"AttributeName\": \"AttributeName\"\n",
                "    }\n",
                "}\n"
            )
        );
    }

    #[test]
    fn the_output_skeleton_names_enum_members_by_name_not_by_value() {
        let skeleton = output_skeleton();

        assert_eq!(skeleton["CodeDeliveryDetails"]["DeliveryMedium"], json!("DeliveryMedium"));
    }

    #[test]
    fn the_output_skeleton_is_valid_for_the_output_shape() {
        // botocore's Stubber validates the fake response against the output shape before using it.
        assert_eq!(crate::input::validate::validate(&output_skeleton(), contract::OUTPUT), Ok(()));
    }

    // Shapes that nest in themselves. The expected skeletons are what botocore's ArgumentGenerator made
    // of the same shapes (built with botocore.model.ShapeResolver), but the enum value, which botocore
    // picks at random.
    static TEXT: Shape = Shape {
        name: "Text",
        doc: "",
        sensitive: false,
        kind: ShapeKind::String(StringShape { min: None, max: None, pattern: None, enum_values: &[] }),
    };
    static COLOUR: Shape = Shape {
        name: "Colour",
        doc: "",
        sensitive: false,
        kind: ShapeKind::String(StringShape { min: None, max: None, pattern: None, enum_values: &["RED", "GREEN"] }),
    };
    static TREE: Shape = Shape {
        name: "Tree",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Structure(StructureShape {
            members: &[
                Member { name: "Label", shape: &TEXT, doc: "" },
                Member { name: "Colour", shape: &COLOUR, doc: "" },
                Member { name: "Child", shape: &TREE, doc: "" },
                Member { name: "Children", shape: &FOREST, doc: "" },
            ],
            required: &[],
            error: None,
        }),
    };
    static FOREST: Shape = Shape {
        name: "Forest",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Map(MapShape { key: &TEXT, value: &TREE }),
    };
    static TANGLE: Shape = Shape {
        name: "Tangle",
        doc: "",
        sensitive: false,
        kind: ShapeKind::Map(MapShape { key: &TEXT, value: &TANGLE }),
    };

    #[test]
    fn stops_a_structure_at_its_second_appearance() {
        let skeleton = generate_skeleton(&TREE, false);

        assert_eq!(skeleton, json!({"Label": "", "Colour": "RED", "Child": {}, "Children": {"KeyName": {}}}));
    }

    #[test]
    fn names_strings_by_member_and_leaves_map_values_empty_for_output() {
        let skeleton = generate_skeleton(&FOREST, true);

        assert_eq!(
            skeleton,
            json!({"KeyName": {"Label": "Label", "Colour": "Colour", "Child": {}, "Children": {"KeyName": {}}}})
        );
    }

    #[test]
    fn stops_a_map_nested_in_itself() {
        assert_eq!(generate_skeleton(&TANGLE, false), json!({"KeyName": {}}));
    }
}
