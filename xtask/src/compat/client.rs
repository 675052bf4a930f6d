//! What the generated client does with values it was not generated for, read from its source.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// What the generated client does with values it was not generated for, read from its source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientFacts {
    /// Generated enums by type name, with whether they keep an unknown variant.
    pub enums: BTreeMap<String, bool>,
    /// Generated types with a hand-made `Deserialize` that checks their constraints.
    pub validating: BTreeSet<String>,
    /// Whether `OperationError` has a catch-all variant for error codes it does not model.
    pub unknown_error: bool,
}

impl ClientFacts {
    /// Reads the generated client under `root`.
    pub fn read(root: &Path) -> Result<Self> {
        let mut facts = ClientFacts::default();
        for file in ["generated.rs", "generated_model.rs"] {
            let path = root.join(CLIENT_SRC).join(file);
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let parsed = syn::parse_file(&text).with_context(|| format!("parsing {}", path.display()))?;
            facts.collect(&parsed.items);
        }
        Ok(facts)
    }

    pub(super) fn collect(&mut self, items: &[syn::Item]) {
        for item in items {
            match item {
                syn::Item::Mod(module) => {
                    if let Some((_, inner)) = &module.content {
                        self.collect(inner);
                    }
                }
                syn::Item::Enum(e) if e.ident == "OperationError" => {
                    self.unknown_error = e.variants.iter().any(|v| v.ident == "Unknown");
                }
                syn::Item::Enum(e) => {
                    let open = e.variants.iter().flat_map(|v| &v.attrs).any(|a| {
                        let tokens = a.meta.to_token_stream().to_string();
                        a.path().is_ident("serde") && (tokens.contains("other") || tokens.contains("untagged"))
                    });
                    self.enums.insert(e.ident.to_string(), open);
                }
                syn::Item::Impl(i) => {
                    let is_deserialize = i
                        .trait_
                        .as_ref()
                        .and_then(|(path, _)| path.segments.last())
                        .is_some_and(|s| s.ident == "Deserialize");
                    if let (true, syn::Type::Path(ty)) = (is_deserialize, i.self_ty.as_ref())
                        && let Some(last) = ty.path.segments.last()
                    {
                        self.validating.insert(last.ident.to_string());
                    }
                }
                _ => {}
            }
        }
    }
}
