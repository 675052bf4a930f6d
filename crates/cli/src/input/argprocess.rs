//! Turns an option's text into a parameter value as AWS CLI v1 does: the paramfile handler
//! (`awscli/paramfile.py`), then JSON or shorthand by the member's shape (`awscli/argprocess.py`),
//! and `--cli-input-json` (`awscli/customizations/cliinputjson.py`).
//!
//! The steps for one member's option, as `unpack_argument` and `unpack_cli_arg` take them:
//!
//! 1. `file://`, `fileb://`, `http://` and `https://` values are loaded ([`crate::input::paramfile`]).
//! 2. A string member keeps the text (or the bytes of `fileb://`).
//! 3. A structure or map member whose text, stripped of whitespace, starts with `{` or `[` is JSON
//!    (a `[` is rejected as `Invalid JSON:\n<text>`); anything else is shorthand
//!    ([`crate::input::shorthand`]), after awscli's special case for a structure whose only member is a
//!    string called `Value`.
//!
//! Errors are [`ParamError`]s whose `Display` is the line the CLI prints between newlines on stderr
//! (exit status 255). Where awscli echoes the text of a sensitive option (one whose member's shape is
//! sensitive or holds a sensitive shape, [`crate::redact::is_sensitive_shape`]) or of `--cli-input-json`
//! (`JSON received: ...`, `Invalid JSON:\n...`, a shorthand error's input and caret line), the message
//! has [`crate::redact::REDACTED`] in its place.

use std::fmt;

use cognito_idp_client::model::{Member, Shape, ShapeKind};
use serde_json::{Map, Value};

use crate::input::paramfile::{Loader, ParamValue, ParamfileError, Prefixes};
use crate::input::shorthand::{self, ParamfileResolver, ParseFailure};
use crate::python::pyjson::{self, LoadError};
use crate::python::pyrepr::{self, Dicts};
use crate::redact::{REDACTED, is_sensitive_shape};

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
    /// The value ([`crate::python::pyjson`] describes how Python values are represented).
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
/// `file://`, `fileb://`, and (unless [`Loader::follow_urls`] is off) `http://` and `https://` values.
pub fn load_cli_arg(cli_name: &str, text: &str, loader: &Loader<'_>) -> Result<ParamValue, ParamError> {
    match loader.get_paramfile(text, loader.option_prefixes()) {
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
    // What the messages may echo of the text.
    let shown = if is_sensitive_shape(shape) { REDACTED } else { text.as_str() };
    let stripped = shorthand::py_strip(&text);
    if stripped.starts_with('[') || stripped.starts_with('{') {
        // `_unpack_complex_cli_arg` for a structure or a map.
        if !shorthand::py_lstrip(&text).starts_with('{') {
            return Err(ParamError::parameter(cli_name, format!("Invalid JSON:\n{shown}")));
        }
        return match pyjson::loads(&text, pyjson::PARAMETER_MAX_DEPTH) {
            Ok(value) => Ok(Unpacked { value, dict_type: DictType::OrderedDict }),
            Err(e @ LoadError::Recursion(_)) => Err(ParamError::unexpected(e.to_string())),
            Err(e) => Err(ParamError::parameter(cli_name, pyjson::invalid_json_message(&e, shown))),
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
        Err(ParseFailure::Parse(e)) if is_sensitive_shape(shape) => {
            // A map's keys are data; a structure's keys name its fields.
            let hide_key = matches!(&shape.kind, ShapeKind::Map(m) if shape.sensitive || is_sensitive_shape(m.key));
            Err(ParamError::parameter(cli_name, e.redacted(hide_key)))
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
/// for its keys (`'list' object has no attribute 'keys'`). Invalid JSON is reported as the CLI does,
/// except that the document, which holds sensitive members, is never echoed (`JSON received:` is
/// followed by [`REDACTED`]).
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
        Err(e) => return Err(ParamError::parameter(CLI_INPUT_JSON, pyjson::invalid_json_message(&e, REDACTED))),
    };
    match crate::python::pyvalue::special(&value) {
        Some(crate::python::pyvalue::PySpecial::Dict(map)) => return Ok(map.clone()),
        Some(_) => return Err(no_keys(&pyrepr::tp_name(&value, Dicts::Plain))),
        None => {}
    }
    match value {
        Value::Object(map) => Ok(map),
        other => Err(no_keys(&pyrepr::tp_name(&other, Dicts::Plain))),
    }
}

fn no_keys(type_name: &str) -> ParamError {
    ParamError::unexpected(format!("'{type_name}' object has no attribute 'keys'"))
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (stderr lines, request bodies and the values that
    //! validation messages print), except the redacted echoes of sensitive options and of
    //! `--cli-input-json` (ours: awscli prints the text there).

    use super::*;
    use cognito_idp_client::contract;
    use serde_json::json;
    use std::path::Path;

    fn member(name: &str) -> &'static Member {
        contract::INPUT.member(name).expect("input member")
    }

    fn files() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary directory");
        let files: &[(&str, &[u8])] = &[
            ("f1", b"hello\n"),
            ("f2", b"a,b=c"),
            ("f3", b"\xff\x00"),
            ("empty", b""),
            ("badu.json", b"{\"ClientId\":\"c\",\xff}"),
            ("bomtext.json", b"\xef\xbb\xbf{\"ClientId\":\"c\",\"Username\":\"u\"}"),
            ("input.json", b"{\"ClientId\": \"c\", \"Username\": \"u\"}\n"),
        ];
        for (name, content) in files {
            std::fs::write(dir.path().join(name), content).expect("file");
        }
        dir
    }

    fn unpacked(name: &str, cli_name: &str, text: &str) -> Result<Unpacked, ParamError> {
        let dir = files();
        unpack(member(name), cli_name, text, &Loader::new(dir.path()))
    }

    fn value(name: &str, cli_name: &str, text: &str) -> Value {
        unpacked(name, cli_name, text).expect("unpacks").value
    }

    fn error(name: &str, cli_name: &str, text: &str) -> String {
        unpacked(name, cli_name, text).expect_err("fails").to_string()
    }

    fn cli_input_json(text: &str) -> Result<Map<String, Value>, String> {
        let dir = files();
        load_cli_input_json(text, &Loader::new(dir.path())).map_err(|e| e.to_string())
    }

    #[test]
    fn keeps_the_text_of_a_string_member_even_if_it_looks_like_json() {
        assert_eq!(value("Username", "--username", "{not json"), json!("{not json"));
    }

    #[test]
    fn loads_a_string_member_from_a_file() {
        assert_eq!(value("Username", "--username", "file://f1"), json!("hello\n"));
    }

    #[test]
    fn gives_a_string_member_the_bytes_of_fileb() {
        let bytes = value("Username", "--username", "fileb://f3");
        assert_eq!(
            crate::python::pyvalue::special(&bytes).and_then(|s| crate::python::pyrepr::scalar_repr(&s)),
            Some("b'\\xff\\x00'".to_owned())
        );
    }

    #[test]
    fn parses_shorthand_for_maps_and_structures_as_plain_dicts() {
        let map = unpacked("ClientMetadata", "--client-metadata", "a=b,c=d").expect("unpacks");
        assert_eq!(map.value, json!({"a": "b", "c": "d"}));
        assert_eq!(map.dict_type, DictType::Dict);
        assert_eq!(
            value("UserContextData", "--user-context-data", "IpAddress=1.2.3.4,EncodedData=x"),
            json!({"IpAddress": "1.2.3.4", "EncodedData": "x"})
        );
        assert_eq!(value("ClientMetadata", "--client-metadata", "a=1,b"), json!({"a": ["1", "b"]}));
    }

    #[test]
    fn parses_json_for_maps_as_ordered_dicts() {
        let map =
            unpacked("ClientMetadata", "--client-metadata", r#"  {"a": "b", "a": "c", "d": "e"}"#).expect("unpacks");
        assert_eq!(serde_json::to_string(&map.value).ok().as_deref(), Some(r#"{"a":"c","d":"e"}"#));
        assert_eq!(map.dict_type, DictType::OrderedDict);
    }

    #[test]
    fn rejects_a_json_list_for_a_map_or_a_structure() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", " [1]"),
            "Error parsing parameter '--client-metadata': Invalid JSON:\n [1]"
        );
        // awscli: `Invalid JSON:\n[1]`.
        assert_eq!(
            error("UserContextData", "--user-context-data", "[1]"),
            "Error parsing parameter '--user-context-data': Invalid JSON:\n*** Sensitive Data Redacted ***"
        );
    }

    #[test]
    fn never_echoes_the_invalid_json_of_a_sensitive_option() {
        // awscli: `... (char 15)\nJSON received: {"IpAddress": 1`.
        assert_eq!(
            error("UserContextData", "--user-context-data", r#"{"IpAddress": 1"#),
            "Error parsing parameter '--user-context-data': Invalid JSON: Expecting ',' delimiter: line 1 \
             column 16 (char 15)\nJSON received: *** Sensitive Data Redacted ***"
        );
    }

    #[test]
    fn reports_invalid_json_with_the_text_received() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", r#"{"a": "b"} x"#),
            "Error parsing parameter '--client-metadata': Invalid JSON: Extra data: line 1 column 12 \
             (char 11)\nJSON received: {\"a\": \"b\"} x"
        );
    }

    #[test]
    fn detects_json_after_unicode_whitespace_that_json_then_rejects() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "\u{a0}{\"a\": 1}"),
            "Error parsing parameter '--client-metadata': Invalid JSON: Expecting value: line 1 \
             column 1 (char 0)\nJSON received: \u{a0}{\"a\": 1}"
        );
    }

    #[test]
    fn reports_shorthand_errors_as_parameter_errors() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "a"),
            "Error parsing parameter '--client-metadata': Expected: '=', received: 'EOF' for \
             input:\na\n ^"
        );
        assert_eq!(
            error("AnalyticsMetadata", "--analytics-metadata", "AnalyticsEndpointId=a,AnalyticsEndpointId=b"),
            "Error parsing parameter '--analytics-metadata': Second instance of key \"AnalyticsEndpointId\" \
             encountered for input:\nAnalyticsEndpointId=a,AnalyticsEndpointId=b\n                      ^\n\
             This is often because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn never_echoes_the_shorthand_of_a_sensitive_option_but_names_the_key() {
        // awscli prints the input and a caret line in place of the redaction.
        assert_eq!(
            error("UserContextData", "--user-context-data", "IpAddress=a,IpAddress=b"),
            "Error parsing parameter '--user-context-data': Second instance of key \"IpAddress\" \
             encountered for input:\n*** Sensitive Data Redacted ***\nThis is often because \
             there is a preceding \",\" instead of a space."
        );
        assert_eq!(
            error("UserContextData", "--user-context-data", "IpAddress=192.0.2.1,"),
            "Error parsing parameter '--user-context-data': Expected: '<second>', received: '<none>' for \
             input:\n*** Sensitive Data Redacted ***"
        );
    }

    #[test]
    fn has_no_value_shortcut_for_single_member_structures_not_named_value() {
        assert_eq!(
            error("AnalyticsMetadata", "--analytics-metadata", "e1"),
            "Error parsing parameter '--analytics-metadata': Expected: '=', received: 'EOF' for \
             input:\ne1\n  ^"
        );
    }

    #[test]
    fn parses_a_files_content_as_shorthand() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "file://f2"),
            "Error parsing parameter '--client-metadata': Expected: '=', received: ',' for \
             input:\na,b=c\n ^"
        );
    }

    #[test]
    fn reports_a_missing_file_as_a_parameter_error() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "file://missing"),
            "Error parsing parameter '--client-metadata': Unable to load paramfile file://missing: \
             [Errno 2] No such file or directory: 'missing'"
        );
    }

    #[test]
    fn reports_an_at_equals_file_error_without_naming_the_parameter() {
        let failure = unpacked("ClientMetadata", "--client-metadata", "a@=file://missing").expect_err("fails");
        assert_eq!(failure.cli_name(), None);
        assert_eq!(
            failure.to_string(),
            "Unable to load paramfile file://missing: [Errno 2] No such file or directory: 'missing'"
        );
    }

    #[test]
    fn loads_at_equals_files_relative_to_the_directory() {
        assert_eq!(
            value("ClientMetadata", "--client-metadata", "a@=file://f1,b=file://f1"),
            json!({"a": "hello\n", "b": "file://f1"})
        );
    }

    #[test]
    fn fails_like_python_when_fileb_bytes_reach_shorthand() {
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "fileb://f2"),
            "'in <string>' requires string as left operand, not int"
        );
        assert_eq!(
            error("UserContextData", "--user-context-data", "fileb://f2"),
            "'in <string>' requires string as left operand, not int"
        );
        assert_eq!(
            error("ClientMetadata", "--client-metadata", "fileb://empty"),
            "a bytes-like object is required, not 'str'"
        );
    }

    #[test]
    fn reports_recursion_limits_as_unexpected_errors() {
        let json = format!("{{\"a\":{}{}}}", "[".repeat(981), "]".repeat(981));
        assert_eq!(
            error("ClientMetadata", "--client-metadata", &json),
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
        let shorthand = format!("a={}{}", "[".repeat(488), "]".repeat(488));
        assert_eq!(error("ClientMetadata", "--client-metadata", &shorthand), "maximum recursion depth exceeded");
    }

    #[test]
    fn loads_cli_input_json_inline_or_from_a_file() {
        let expected = json!({"ClientId": "c", "Username": "u"});
        let inline = cli_input_json("\t{\"ClientId\": \"c\", \"Username\": \"u\"}\r\n");
        assert_eq!(inline.map(Value::Object), Ok(expected.clone()));
        assert_eq!(cli_input_json("file://input.json").map(Value::Object), Ok(expected));
    }

    #[test]
    fn names_cli_input_json_without_dashes_in_json_errors() {
        assert_eq!(
            cli_input_json("[1, 2"),
            Err("Error parsing parameter 'cli-input-json': Invalid JSON: Expecting ',' delimiter: \
                 line 1 column 6 (char 5)\nJSON received: *** Sensitive Data Redacted ***"
                .to_owned())
        );
        assert_eq!(
            cli_input_json(""),
            Err("Error parsing parameter 'cli-input-json': Invalid JSON: Expecting value: line 1 \
                 column 1 (char 0)\nJSON received: *** Sensitive Data Redacted ***"
                .to_owned())
        );
    }

    #[test]
    fn names_cli_input_json_with_dashes_when_its_file_fails_to_load() {
        assert_eq!(
            cli_input_json("file://missing.json"),
            Err("Error parsing parameter '--cli-input-json': Unable to load paramfile \
                 file://missing.json: [Errno 2] No such file or directory: 'missing.json'"
                .to_owned())
        );
        assert_eq!(
            cli_input_json("file://badu.json"),
            Err("Error parsing parameter '--cli-input-json': Unable to load paramfile (badu.json), \
                 text contents could not be decoded.  If this is a binary file, please use the \
                 fileb:// prefix instead of the file:// prefix."
                .to_owned())
        );
    }

    #[test]
    fn never_echoes_binary_cli_input_json() {
        // awscli: `JSON received: b'{"ClientId":"c",\xff}'`.
        assert_eq!(
            cli_input_json("fileb://badu.json"),
            Err("Error parsing parameter 'cli-input-json': Invalid JSON: 'utf-8' codec can't \
                 decode byte 0xff in position 16: invalid start byte\nJSON received: \
                 *** Sensitive Data Redacted ***"
                .to_owned())
        );
    }

    #[test]
    fn rejects_a_byte_order_mark_read_as_text_but_not_as_bytes() {
        assert_eq!(
            cli_input_json("file://bomtext.json"),
            Err("Error parsing parameter 'cli-input-json': Invalid JSON: Unexpected UTF-8 BOM \
                 (decode using utf-8-sig): line 1 column 1 (char 0)\nJSON received: \
                 *** Sensitive Data Redacted ***"
                .to_owned())
        );
        assert_eq!(
            cli_input_json("fileb://bomtext.json").map(Value::Object),
            Ok(json!({"ClientId": "c", "Username": "u"}))
        );
    }

    #[test]
    fn fails_like_python_when_cli_input_json_is_not_an_object() {
        let cases = [
            ("[1]", "list"),
            ("\"x\"", "str"),
            ("null", "NoneType"),
            ("1", "int"),
            ("12345678901234567890123", "int"),
            ("1.5", "float"),
            ("NaN", "float"),
            ("true", "bool"),
        ];
        for (text, type_name) in cases {
            assert_eq!(cli_input_json(text), Err(format!("'{type_name}' object has no attribute 'keys'")));
        }
    }

    #[test]
    fn unwraps_a_cli_input_json_object_that_looks_special() {
        let map = cli_input_json(r#"{"\u0000py:int": "5"}"#).expect("an object");
        assert_eq!(map.get("\u{0}py:int"), Some(&json!("5")));
    }

    #[test]
    fn takes_an_http_url_in_cli_input_json_as_json_text_after_fetching_it() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listener");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                use std::io::{Read, Write};
                let mut request = [0u8; 1024];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            }
        });
        let url = format!("http://127.0.0.1:{port}/u.txt");
        assert_eq!(
            load_cli_input_json(&url, &Loader::new(Path::new("."))).map_err(|e| e.to_string()),
            Err("Error parsing parameter 'cli-input-json': Invalid JSON: Expecting value: line 1 \
                 column 1 (char 0)\nJSON received: *** Sensitive Data Redacted ***"
                .to_owned())
        );
    }

    #[test]
    fn exposes_the_parts_of_a_parameter_error() {
        let e = ParamError::parameter("--username", "detail");
        assert_eq!(
            (e.cli_name(), e.message(), e.to_string().as_str()),
            (Some("--username"), "detail", "Error parsing parameter '--username': detail")
        );
        assert_eq!(ParamError::unexpected("boom").to_string(), "boom");
    }
}
