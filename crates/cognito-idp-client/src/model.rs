//! The contract as data: the types of the static tables in [`crate::contract`], generated from the spec.
//!
//! The CLI validates, builds skeletons, orders output and redacts logs from these tables, so that a spec
//! change reaches every one of those behaviours through `cargo xtask codegen`.

/// A named shape of the contract.
#[derive(Debug)]
pub struct Shape {
    /// The shape's name in AWS's model, such as `ClientIdType`.
    pub name: &'static str,
    /// Its documentation as AWS writes it (HTML); empty when there is none.
    pub doc: &'static str,
    /// Whether AWS marks its values sensitive: never log or print them.
    pub sensitive: bool,
    /// What kind of shape it is, with its constraints.
    pub kind: ShapeKind,
}

/// The kinds of shapes the operation uses.
#[derive(Debug)]
pub enum ShapeKind {
    /// A string.
    String(StringShape),
    /// A structure of named members.
    Structure(StructureShape),
    /// A map with string keys.
    Map(MapShape),
}

/// The constraints of a string shape.
#[derive(Debug)]
pub struct StringShape {
    /// Minimum length in Unicode scalar values.
    pub min: Option<u64>,
    /// Maximum length in Unicode scalar values.
    pub max: Option<u64>,
    /// The pattern, anchored (`^...$`), in ECMAScript syntax with Unicode property escapes.
    pub pattern: Option<&'static str>,
    /// The allowed values; empty when any value is allowed.
    pub enum_values: &'static [&'static str],
}

/// A structure shape.
#[derive(Debug)]
pub struct StructureShape {
    /// Members in model order.
    pub members: &'static [Member],
    /// Names of the required members.
    pub required: &'static [&'static str],
    /// For an error shape, whether it is a client error or a server fault.
    pub error: Option<Fault>,
}

/// A map shape.
#[derive(Debug)]
pub struct MapShape {
    /// The shape of its keys.
    pub key: &'static Shape,
    /// The shape of its values.
    pub value: &'static Shape,
}

/// A member of a structure.
#[derive(Debug)]
pub struct Member {
    /// The member's name on the wire.
    pub name: &'static str,
    /// Its shape.
    pub shape: &'static Shape,
    /// Its documentation (HTML); empty when there is none.
    pub doc: &'static str,
}

/// Which side an error shape blames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The caller's request was wrong (HTTP 400).
    Client,
    /// The service failed (HTTP 500).
    Server,
}

/// A worked example of a call, from the spec's examples.
#[derive(Debug)]
pub struct Example {
    /// The example's key in the spec.
    pub name: &'static str,
    /// Its one-line summary.
    pub summary: &'static str,
    /// Its description (Markdown); empty when there is none.
    pub description: &'static str,
    /// The input document, as compact JSON.
    pub request: &'static str,
    /// The output document of the success response, as compact JSON, if the spec gives one.
    pub response: Option<&'static str>,
}

impl Shape {
    /// The structure's member called `name`, if this is a structure that has one.
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        match &self.kind {
            ShapeKind::Structure(s) => s.members.iter().find(|m| m.name == name),
            _ => None,
        }
    }

    /// Whether `name` is a required member of this structure.
    pub fn is_required(&self, name: &str) -> bool {
        matches!(&self.kind, ShapeKind::Structure(s) if s.required.contains(&name))
    }
}

#[cfg(test)]
mod tests {
    use crate::contract::{INPUT, OUTPUT};

    #[test]
    fn members_and_required_ones_are_found_by_name_in_structures_only() {
        assert_eq!(INPUT.member("Username").map(|m| m.name), Some("Username"));
        assert_eq!(INPUT.member("SecretHash").map(|m| m.name), Some("SecretHash"));
        assert!(INPUT.member("Nothing").is_none());
        assert!(INPUT.is_required("ClientId") && INPUT.is_required("Username"));
        assert!(!INPUT.is_required("SecretHash") && !INPUT.is_required("Nothing"));
        let string = INPUT.member("Username").expect("a member").shape;
        assert!(string.member("Username").is_none() && !string.is_required("Username"));
        assert!(OUTPUT.member("CodeDeliveryDetails").is_some());
    }
}
