//! Turns an option's text into a parameter value as AWS CLI v1 does: the paramfile handler
//! (`awscli/paramfile.py`), then JSON or shorthand by the member's shape (`awscli/argprocess.py`),
//! and `--cli-input-json` (`awscli/customizations/cliinputjson.py`).
//!
//! The steps for one member's option, as `unpack_argument` and `unpack_cli_arg` take them:
//!
//! 1. `file://`, `fileb://`, `http://` and `https://` values are loaded ([`crate::paramfile`]).
//! 2. A string member keeps the text (or the bytes of `fileb://`).
//! 3. A structure or map member whose text, stripped of whitespace, starts with `{` or `[` is JSON
//!    (a `[` is rejected as `Invalid JSON:\n<text>`); anything else is shorthand
//!    ([`crate::shorthand`]), after awscli's special case for a structure whose only member is a
//!    string called `Value`.
//!
//! Errors are [`ParamError`]s whose `Display` is the line the CLI prints between newlines on stderr
//! (exit status 255).

use std::fmt;

use cognito_idp_client::model::{Member, Shape, ShapeKind};
use serde_json::{Map, Value};

use crate::paramfile::{Loader, ParamValue, ParamfileError, Prefixes};
use crate::pyjson::{self, LoadError};
use crate::shorthand::{self, ParamfileResolver, ParseFailure};

/// An error while building a parameter: the text the CLI prints (after a newline, before a newline,
/// exit status 255).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    cli_name: Option<String>,
    message: String,
}

impl ParamError {
    /// awscli's `ParamError(cli_name, message)`: `Error parsing parameter '<cli_name>': <message>`.
    pub fn parameter(cli_name: &str, message: impl Into<String>) -> Self {
        ParamError { cli_name: Some(cli_name.to_owned()), message: message.into() }
    }

    /// An exception that awscli does not report as a parameter error (a `ResourceLoadingError` from
    /// a shorthand `@=` value, a `TypeError`, a `RecursionError`...): the CLI prints its text alone.
    pub fn unexpected(message: impl Into<String>) -> Self {
        ParamError { cli_name: None, message: message.into() }
    }

    /// The option named in the message, if this is a parameter error.
    pub fn cli_name(&self) -> Option<&str> {
        self.cli_name.as_deref()
    }

    /// The message without the `Error parsing parameter` prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cli_name {
            Some(name) => write!(f, "Error parsing parameter '{name}': {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParamError {}

/// The Python type of the mappings in a value, which its repr in validation messages shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictType {
    /// `dict`: shorthand values and `--cli-input-json`.
    Dict,
    /// `collections.OrderedDict`: JSON option values (`json.loads(..., object_pairs_hook=OrderedDict)`).
    OrderedDict,
}

/// One member's value, as awscli puts it in the call parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Unpacked {
    /// The value ([`crate::pyjson`] describes how Python values are represented).
    pub value: Value,
    /// The type of every mapping inside `value`.
    pub dict_type: DictType,
}

/// The value of one input member from its option text (after argparse), as awscli builds call
/// parameters.
///
/// `cli_name` is the option as the user sees it (`--client-metadata`); it names the option in errors.
pub fn unpack(
    member: &'static Member,
    cli_name: &str,
    text: &str,
    loader: &Loader<'_>,
) -> Result<Unpacked, ParamError> {
    let value = load_cli_arg(cli_name, text, loader)?;
    unpack_cli_arg(member.shape, cli_name, value, loader)
}

/// The `load-cli-arg` step alone (awscli's `URIArgumentHandler`): the option's value after loading
/// `file://`, `fileb://`, `http://` and `https://` values.
pub fn load_cli_arg(cli_name: &str, text: &str, loader: &Loader<'_>) -> Result<ParamValue, ParamError> {
    match loader.get_paramfile(text, Prefixes::LocalAndRemote) {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Ok(ParamValue::Text(text.to_owned())),
        Err(ParamfileError::ResourceLoading(m)) => Err(ParamError::parameter(cli_name, m)),
        Err(ParamfileError::Other(m)) => Err(ParamError::unexpected(m)),
    }
}

/// The `process-cli-arg` step: `ParamShorthandParser`, then `unpack_cli_arg`.
fn unpack_cli_arg(
    shape: &'static Shape,
    cli_name: &str,
    value: ParamValue,
    loader: &Loader<'_>,
) -> Result<Unpacked, ParamError> {
    let text = match (&shape.kind, value) {
        (ShapeKind::String(_), value) => {
            return Ok(Unpacked { value: value.into_value(), dict_type: DictType::Dict });
        }
        (_, ParamValue::Bytes(bytes)) => return Err(shorthand_on_bytes(shape, &bytes)),
        (_, ParamValue::Text(text)) => text,
    };
    let stripped = shorthand::py_strip(&text);
    if stripped.starts_with('[') || stripped.starts_with('{') {
        // `_unpack_complex_cli_arg` for a structure or a map.
        if !shorthand::py_lstrip(&text).starts_with('{') {
            return Err(ParamError::parameter(cli_name, format!("Invalid JSON:\n{text}")));
        }
        return match pyjson::loads(&text, pyjson::PARAMETER_MAX_DEPTH) {
            Ok(value) => Ok(Unpacked { value, dict_type: DictType::OrderedDict }),
            Err(e @ LoadError::Recursion(_)) => Err(ParamError::unexpected(e.to_string())),
            Err(e) => Err(ParamError::parameter(cli_name, pyjson::invalid_json_message(&e, &text))),
        };
    }
    if let Some(name) = single_value_member(shape)
        && !text.contains('=')
    {
        let mut map = Map::new();
        map.insert(name.to_owned(), Value::String(text));
        return Ok(Unpacked { value: Value::Object(map), dict_type: DictType::Dict });
    }
    let resolver = LocalFiles(*loader);
    match shorthand::parse(&text, &resolver) {
        Ok(mut value) => {
            shorthand::back_compat_visit(&mut value, shape);
            Ok(Unpacked { value, dict_type: DictType::Dict })
        }
        Err(ParseFailure::Parse(e)) => Err(ParamError::parameter(cli_name, e.to_string())),
        Err(ParseFailure::Paramfile(m) | ParseFailure::Recursion(m)) => Err(ParamError::unexpected(m)),
    }
}

/// awscli's second special case: a structure whose only member is a string named `Value` takes
/// `--opt text` as `{"Value": "text"}` when the text has no `=`.
fn single_value_member(shape: &Shape) -> Option<&'static str> {
    match &shape.kind {
        ShapeKind::Structure(s) => match s.members {
            [only] if only.name == "Value" && matches!(only.shape.kind, ShapeKind::String(_)) => Some(only.name),
            _ => None,
        },
        _ => None,
    }
}

/// What Python raises when `fileb://` bytes reach the shorthand parser of a structure or map
/// (observed: awscli passes `bytes` to code written for `str`).
fn shorthand_on_bytes(shape: &Shape, bytes: &[u8]) -> ParamError {
    // `'=' not in value` (the `Value` special case), `'\n' in value` (an error message built for
    // empty input), and `value[i] not in valid_chars` all mix `bytes` and `str`.
    if single_value_member(shape).is_some() || bytes.is_empty() {
        return ParamError::unexpected("a bytes-like object is required, not 'str'");
    }
    ParamError::unexpected("'in <string>' requires string as left operand, not int")
}

/// `get_paramfile(value, LOCAL_PREFIX_MAP)` for shorthand `@=` values.
struct LocalFiles<'a>(Loader<'a>);

impl ParamfileResolver for LocalFiles<'_> {
    fn resolve(&self, text: &str) -> Result<Option<Value>, String> {
        match self.0.get_paramfile(text, Prefixes::Local) {
            Ok(value) => Ok(value.map(ParamValue::into_value)),
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The name `--cli-input-json` gives itself in its JSON errors (no dashes).
const CLI_INPUT_JSON: &str = "cli-input-json";

/// `--cli-input-json`: the text after the generic paramfile handler (which loads local and remote
/// values and reports errors as `--cli-input-json`) and after its own `get_paramfile(input_json,
/// LOCAL_PREFIX_MAP)`, parsed with `json.loads` (mappings are plain `dict`s).
///
/// awscli does this after unpacking every member's option, so call it after [`unpack`] has
/// succeeded for all of them. A JSON value that is not an object fails as the CLI does when it asks
/// for its keys (`'list' object has no attribute 'keys'`).
pub fn load_cli_input_json(text: &str, loader: &Loader<'_>) -> Result<Map<String, Value>, ParamError> {
    load_cli_arg("--cli-input-json", text, loader)?;
    let retrieved = match loader.get_paramfile(text, Prefixes::Local) {
        Ok(Some(value)) => value,
        Ok(None) => ParamValue::Text(text.to_owned()),
        Err(e) => return Err(ParamError::unexpected(e.to_string())),
    };
    let parsed = match &retrieved {
        ParamValue::Text(t) => pyjson::loads(t, pyjson::CLI_INPUT_JSON_MAX_DEPTH),
        ParamValue::Bytes(b) => pyjson::loads_bytes(b, pyjson::CLI_INPUT_JSON_MAX_DEPTH),
    };
    let value = match parsed {
        Ok(value) => value,
        Err(e @ LoadError::Recursion(_)) => return Err(ParamError::unexpected(e.to_string())),
        Err(e) => {
            let message = match &retrieved {
                ParamValue::Text(t) => pyjson::invalid_json_message(&e, t),
                ParamValue::Bytes(b) => pyjson::invalid_json_message_bytes(&e, b),
            };
            return Err(ParamError::parameter(CLI_INPUT_JSON, message));
        }
    };
    if let Some(special) = pyjson::special(&value) {
        return match special {
            pyjson::PySpecial::Dict(map) => Ok(map.clone()),
            other => Err(no_keys(other.type_name())),
        };
    }
    match value {
        Value::Object(map) => Ok(map),
        Value::Array(_) => Err(no_keys("list")),
        Value::String(_) => Err(no_keys("str")),
        Value::Bool(_) => Err(no_keys("bool")),
        Value::Null => Err(no_keys("NoneType")),
        Value::Number(n) => Err(no_keys(if n.is_f64() { "float" } else { "int" })),
    }
}

fn no_keys(type_name: &str) -> ParamError {
    ParamError::unexpected(format!("'{type_name}' object has no attribute 'keys'"))
}
