//! The manual pages of `cognito-idp help` and `cognito-idp resend-confirmation-code help`, as plain text
//! generated from the contract tables at run time.
//!
//! AWS CLI v1 renders its manual through docutils, groff and a pager. We print the same sections, in the
//! same order and with the same content, laid out like the reference's `col -b` text (headings at column
//! 0, body at 7, option documentation at 10, nested members at 14, `NOTE:` blocks and `o ` bullets), with
//! no external renderer and no pager.
//!
//! Deliberate differences from the reference:
//! - lines are wrapped at [`WIDTH`] columns, ragged right, without hyphenation or overstrike (groff
//!   justifies to 78 columns, hyphenates, and emboldens by overstriking);
//! - there is no page header or footer line (`RESEND-CONFIRMATION-CODE()`);
//! - inline markup shows its text only: no space before the punctuation after a link (`endpoints.`, where
//!   the reference prints `endpoints .`) and no literal asterisks where AWS's HTML puts spaces inside
//!   `<i>` (`sandbox mode,` where the reference prints `* sandbox mode * ,`);
//! - OPTIONS marks the members the contract calls sensitive, and documents our `--client-secret-file`
//!   (also in the SYNOPSIS);
//! - EXAMPLES shows the contract's examples as `cognito-idp` command lines, under a note about the region
//!   and credentials instead of the reference's note about installing the AWS CLI;
//! - `cognito-idp help` describes this tool and its two commands instead of the whole service.
//!
//! Everything about the operation comes from [`cognito_idp_client::contract`]: its name and
//! documentation, the input members (options, types, documentation, sensitivity, enums, nested members,
//! shorthand and JSON syntax), the worked examples and the output members. A change of the spec reaches
//! this manual through `cargo xtask codegen` without an edit here.

use cognito_idp_client::contract;
use cognito_idp_client::model::{Example, Shape, ShapeKind};
use serde_json::Value;

use crate::input::global_options::{GLOBAL_OPTIONS, GlobalOption};
use crate::naming::option_name;
use crate::output::jsonfmt;

/// The column the manual is wrapped at: no line is longer, except one holding a single word that does
/// not fit.
pub const WIDTH: usize = 79;

/// The column of section bodies, as groff lays out a manual page.
const BODY: usize = 7;

/// The program's name.
const PROGRAM: &str = "cognito-idp";

/// The manual of `cognito-idp resend-confirmation-code help`.
pub fn operation_manual() -> String {
    render_operation_manual(&Source::contract())
}

/// The manual of `cognito-idp help`: what the tool is and its commands.
pub fn service_manual() -> String {
    let command = option_name(contract::OPERATION);
    let mut page = Page::default();
    page.head("NAME");
    page.block(&line(BODY, &format!("{PROGRAM} -")));
    page.head("DESCRIPTION");
    let description = format!(
        "<p><code>{PROGRAM}</code> is AWS CLI v1's <code>aws {prefix}</code> (awscli 1.46.3) for one operation \
         of the {service} API, <code>{operation}</code>: <code>{PROGRAM} {command}</code> takes the same \
         options as <code>aws {prefix} {command}</code>, checks them the same way, sends the same request \
         and prints the same output and the same messages. Where AWS CLI v1 prints <code>aws</code>, it \
         prints <code>{PROGRAM}</code>.</p><p>It adds one option, <code>--client-secret-file</code>, which \
         computes <code>SecretHash</code> from the app client's secret, and shows its manual as plain text \
         without a pager.</p>",
        prefix = html_escape(contract::ENDPOINT_PREFIX),
        service = html_escape(contract::SERVICE_FULL_NAME),
        operation = html_escape(contract::OPERATION),
        command = html_escape(&command),
    );
    page.block(&html_to_text(&description, BODY, WIDTH));
    page.head("SYNOPSIS");
    page.block(&line(nested_indent(BODY), &format!("{PROGRAM} [options] <command> [parameters]")));
    let usage = format!(
        "<p>Use <i>{PROGRAM} {command} help</i> for the manual of the command. The synopsis of the command \
         shows its parameters and their usage. Optional parameters are shown in square brackets.</p>",
        command = html_escape(&command),
    );
    page.block(&html_to_text(&usage, BODY, WIDTH));
    page.head("AVAILABLE COMMANDS");
    let commands = format!("<ul><li>help</li><li>{}</li></ul>", html_escape(&command));
    page.block(&html_to_text(&commands, BODY, WIDTH));
    page.finish()
}

/// Renders AWS's documentation HTML as plain text: every line starts with at least `indent` spaces and
/// is at most `width` characters long (characters, not bytes), except a line holding one word that
/// does not fit, which is never split. Paragraphs are separated by one blank line; the result is a
/// sequence of lines each ending in `\n`, with no blank line first or last, and empty when there is no
/// text.
///
/// It understands AWS's subset: `<p>`, `<code>`, `<a href>` (its text only), `<i>`, `<b>`, `<note>`
/// (`NOTE:`), `<important>` (`WARNING:`, as AWS CLI v1 shows it), `<ul>`/`<ol>`/`<li>` with nesting
/// (`o ` bullets for both, as AWS CLI v1 shows them), the common entities and numeric character
/// references. Unknown tags show their text; whitespace collapses as in HTML; a `<` that does not start
/// a tag is text; unclosed tags close at the end; control characters are dropped. It never panics.
pub fn html_to_text(html: &str, indent: usize, width: usize) -> String {
    let nodes = parse_html(html);
    let mut out = String::new();
    for (i, chunk) in render_chunks(&nodes, indent, width).iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for l in chunk {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// The operation's manual.

/// What the operation's manual is made from: the contract's tables, or other tables in tests.
struct Source {
    operation: &'static str,
    operation_doc: &'static str,
    input: &'static Shape,
    output: &'static Shape,
    examples: &'static [Example],
    /// The operation's auth type; `none` means it is not signed.
    auth_type: &'static str,
}

impl Source {
    fn contract() -> Self {
        Source {
            operation: contract::OPERATION,
            operation_doc: contract::OPERATION_DOC,
            input: contract::INPUT,
            output: contract::OUTPUT,
            examples: contract::EXAMPLES,
            auth_type: contract::AUTH_TYPE,
        }
    }
}

/// The line under an option that the contract marks sensitive.
const SENSITIVE_NOTE: &str = "This value is sensitive: it is never printed or logged.";

/// Our extra option, documented after AWS CLI v1's own.
const SECRET_FILE_OPTION: &str = "--client-secret-file";
const SECRET_FILE_DOC: &str = "<p>Reads the app client's secret from PATH and computes <code>SecretHash</code> from \
     it; the environment variable <code>COGNITO_CLIENT_SECRET</code> is the other way to give it. Never put the \
     secret itself on the command line.</p>";

/// AWS CLI v1's `--cli-input-json` help text (awscli/customizations/cliinputjson.py).
const CLI_INPUT_JSON_DOC: &str = "Performs service operation based on the JSON string provided. The JSON string \
     follows the format provided by <code>--generate-cli-skeleton</code>. If other arguments are provided on the \
     command line, the CLI values will override the JSON-provided values. It is not possible to pass arbitrary \
     binary values using a JSON-provided value as the string will be taken literally.";

/// AWS CLI v1's `--generate-cli-skeleton` help text (awscli/customizations/generatecliskeleton.py).
const GENERATE_CLI_SKELETON_DOC: &str = "Prints a JSON skeleton to standard output without sending an API \
     request. If provided with no value or the value <code>input</code>, prints a sample input JSON that can be \
     used as an argument for <code>--cli-input-json</code>. If provided with the value <code>output</code>, it \
     validates the command inputs and returns a sample output JSON for that command.";

/// A global option in the synopsis: `[--name]` for a boolean, `[--name <value>]` for the others (`--version`
/// too, as the reference shows it).
fn synopsis_entry(global: &GlobalOption) -> String {
    if global.type_name() == "boolean" {
        format!("[{}]", global.option)
    } else {
        format!("[{} <value>]", global.option)
    }
}

fn render_operation_manual(source: &Source) -> String {
    let command = option_name(source.operation);
    let members = match &source.input.kind {
        ShapeKind::Structure(s) => s.members,
        _ => &[],
    };
    let mut page = Page::default();

    page.head("NAME");
    page.block(&line(BODY, &format!("{command} -")));

    page.head("DESCRIPTION");
    page.block(&html_to_text(source.operation_doc, BODY, WIDTH));
    page.block(&line(BODY, "See also: AWS API Documentation"));

    page.head("SYNOPSIS");
    let mut synopsis = line(nested_indent(BODY) + 2, &command);
    let option_indent = nested_indent(BODY);
    for member in members {
        let option = format!("--{} <value>", option_name(member.name));
        let option = if source.input.is_required(member.name) { option } else { format!("[{option}]") };
        synopsis.push_str(&line(option_indent, &option));
    }
    for extra in ["[--cli-input-json <value>]", "[--generate-cli-skeleton <value>]"] {
        synopsis.push_str(&line(option_indent, extra));
    }
    synopsis.push_str(&line(option_indent, &format!("[{SECRET_FILE_OPTION} PATH]")));
    for global in GLOBAL_OPTIONS {
        synopsis.push_str(&line(option_indent, &synopsis_entry(global)));
    }
    page.block(&synopsis);

    page.head("OPTIONS");
    for member in members {
        document_option(&mut page, &format!("--{}", option_name(member.name)), member_doc(member), member.shape);
    }
    page.block(&html_to_text(&format!("--cli-input-json (string) {CLI_INPUT_JSON_DOC}"), BODY, WIDTH));
    page.block(&html_to_text(&format!("--generate-cli-skeleton (string) {GENERATE_CLI_SKELETON_DOC}"), BODY, WIDTH));
    page.head(&line_text(BODY, &format!("{SECRET_FILE_OPTION} PATH (string)")));
    page.block(&html_to_text(SECRET_FILE_DOC, nested_indent(BODY), WIDTH));

    page.head("GLOBAL OPTIONS");
    for global in GLOBAL_OPTIONS {
        page.head(&line_text(BODY, &format!("{} ({})", global.option, global.type_name())));
        page.unglue();
        page.block(&html_to_text(global.help, BODY, WIDTH));
        if !global.choices.is_empty() {
            let items: String = global.choices.iter().map(|c| format!("<li>{}</li>", html_escape(c))).collect();
            page.block(&html_to_text(&format!("<ul>{items}</ul>"), BODY, WIDTH));
        }
    }

    if !source.examples.is_empty() {
        page.head("EXAMPLES");
        page.block(&html_to_text(&examples_note(source), BODY, WIDTH));
        for example in source.examples {
            document_example(&mut page, &command, members, example);
        }
    }

    page.head("OUTPUT");
    match &source.output.kind {
        ShapeKind::Structure(s) if !s.members.is_empty() => {
            for member in s.members {
                document_member(&mut page, member.name, member_doc(member), member.shape, BODY, &mut Vec::new());
            }
        }
        _ => page.block(&line(BODY, "None")),
    }
    page.finish()
}

/// The note that opens EXAMPLES (AWS CLI v1's speaks of installing and configuring the AWS CLI).
fn examples_note(source: &Source) -> String {
    let credentials = if source.auth_type == "none" {
        format!(" <code>{}</code> is not signed, so no AWS credentials are needed.", html_escape(source.operation))
    } else {
        " You must also have AWS credentials configured.".to_owned()
    };
    format!(
        "<note><p>To use the following examples, you must have a region configured (<code>--region</code>, \
         <code>AWS_DEFAULT_REGION</code> or your config file).{credentials}</p><p>Unless otherwise stated, all \
         examples have unix-like quotation rules. These examples will need to be adapted to your terminal's \
         quoting rules. See <a href=\"https://docs.aws.amazon.com/cli/v1/userguide/cli-usage-parameters-quoting-strings.html\">Using \
         quotation marks with strings</a> in the <i>AWS CLI User Guide</i>.</p></note>"
    )
}

/// A member's documentation: its own, else its shape's (as botocore's member shapes resolve it).
fn member_doc(member: &cognito_idp_client::model::Member) -> &'static str {
    if member.doc.is_empty() { member.shape.doc } else { member.doc }
}

/// The type name AWS CLI v1's manual shows for a shape.
fn type_name(shape: &Shape) -> &'static str {
    match shape.kind {
        ShapeKind::String(_) => "string",
        ShapeKind::Structure(_) => "structure",
        ShapeKind::Map(_) => "map",
    }
}

/// One input option of OPTIONS: heading, documentation, sensitivity, enums, nested members, then the
/// shorthand and JSON syntax of structures and maps.
fn document_option(page: &mut Page, option: &str, doc: &str, shape: &Shape) {
    let inner = nested_indent(BODY);
    page.head(&line_text(BODY, &format!("{option} ({})", type_name(shape))));
    page.block(&html_to_text(doc, inner, WIDTH));
    if shape.sensitive {
        page.block(&html_to_text(SENSITIVE_NOTE, inner, WIDTH));
    }
    if let ShapeKind::String(s) = &shape.kind
        && !s.enum_values.is_empty()
    {
        page.block(&line(inner, "Possible values:"));
        let items: String = s.enum_values.iter().map(|v| format!("<li>{}</li>", html_escape(v))).collect();
        page.block(&html_to_text(&format!("<ul>{items}</ul>"), inner, WIDTH));
    }
    let mut stack = vec![shape.name];
    match &shape.kind {
        ShapeKind::Structure(s) => {
            for member in s.members {
                document_member(page, member.name, member_doc(member), member.shape, inner, &mut stack);
            }
        }
        ShapeKind::Map(m) => {
            document_member(page, "key", m.key.doc, m.key, inner, &mut stack);
            document_member(page, "value", m.value.doc, m.value, inner, &mut stack);
        }
        ShapeKind::String(_) => {}
    }
    page.unglue();
    if is_value_wrapper(shape) {
        return;
    }
    if let Some(shorthand) = shorthand_syntax(shape) {
        page.block(&line(BODY, "Shorthand Syntax:"));
        page.block(&indent_lines(&shorthand, inner));
    }
    if !matches!(shape.kind, ShapeKind::String(_)) {
        page.block(&line(BODY, "JSON Syntax:"));
        let mut json = JsonSyntax::default();
        json.example(shape, &mut Vec::new());
        page.block(&indent_lines(&json.out, inner));
    }
}

/// A member of a structure or map: `Name -> (type)`, its documentation and its own members, one level
/// in (as botocore's `_doc_member`, which notes a recursion once and stops).
fn document_member(page: &mut Page, name: &str, doc: &str, shape: &Shape, indent: usize, stack: &mut Vec<&str>) {
    if stack.iter().filter(|s| **s == shape.name).count() > 1 {
        if matches!(shape.kind, ShapeKind::Structure(_)) {
            page.block(&line(indent, "( ... recursive ... )"));
        }
        return;
    }
    stack.push(shape.name);
    let inner = nested_indent(indent);
    page.head(&line_text(indent, &format!("{name} -> ({})", type_name(shape))));
    page.block(&html_to_text(doc, inner, WIDTH));
    if shape.sensitive {
        page.block(&html_to_text(SENSITIVE_NOTE, inner, WIDTH));
    }
    match &shape.kind {
        ShapeKind::Structure(s) => {
            for member in s.members {
                document_member(page, member.name, member_doc(member), member.shape, inner, stack);
            }
        }
        ShapeKind::Map(m) => {
            document_member(page, "key", m.key.doc, m.key, inner, stack);
            document_member(page, "value", m.value.doc, m.value, inner, stack);
        }
        ShapeKind::String(_) => {}
    }
    page.unglue();
    stack.pop();
}

/// A structure whose only member is a string called `Value`: AWS CLI v1 documents no syntax for it.
fn is_value_wrapper(shape: &Shape) -> bool {
    matches!(&shape.kind, ShapeKind::Structure(s)
        if s.members.len() == 1
            && s.members.iter().all(|m| m.name == "Value" && matches!(m.shape.kind, ShapeKind::String(_))))
}

/// The shorthand syntax of a structure or map, as awscli's `ParamShorthandDocGen` writes it; `None` for
/// strings and for shapes nested too deeply for shorthand.
fn shorthand_syntax(shape: &Shape) -> Option<String> {
    match shape.kind {
        ShapeKind::String(_) => None,
        _ => shorthand_docs(shape, &mut Vec::new()),
    }
}

fn shorthand_docs(shape: &Shape, stack: &mut Vec<&'static str>) -> Option<String> {
    const MAX_STACK: usize = 3;
    if stack.len() > MAX_STACK {
        return None;
    }
    match &shape.kind {
        ShapeKind::String(_) => Some(type_name(shape).to_owned()),
        ShapeKind::Structure(s) => {
            let mut parts = Vec::new();
            for member in s.members {
                if stack.contains(&member.shape.name) {
                    parts.push("( ... recursive ... )".to_owned());
                    continue;
                }
                stack.push(member.shape.name);
                let value = shorthand_docs(member.shape, stack);
                stack.pop();
                parts.push(format!("{}={}", member.name, value?));
            }
            let inner = parts.join(",");
            Some(if stack.is_empty() { inner } else { format!("{{{inner}}}") })
        }
        ShapeKind::Map(m) => {
            stack.push(m.value.name);
            let value = shorthand_docs(m.value, stack);
            stack.pop();
            let value = value?;
            let mut start = format!("KeyName1={value},KeyName2={value}");
            match &m.key.kind {
                ShapeKind::String(k) if !k.enum_values.is_empty() && stack.is_empty() => {
                    start.push_str("\n\nWhere valid key names are:\n");
                    for key in k.enum_values {
                        start.push_str(&format!("  {key}\n"));
                    }
                }
                _ if !stack.is_empty() => start = format!("{{{start}}}"),
                _ => {}
            }
            Some(start)
        }
    }
}

/// The JSON syntax of a shape, as awscli's `_json_example` writes it (two spaces a level).
#[derive(Default)]
struct JsonSyntax {
    out: String,
    level: usize,
}

impl JsonSyntax {
    fn new_line(&mut self) {
        self.out.push('\n');
        self.out.push_str(&" ".repeat(self.level * 2));
    }

    fn scalar(shape: &Shape) -> String {
        match &shape.kind {
            ShapeKind::String(s) if !s.enum_values.is_empty() => {
                s.enum_values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join("|")
            }
            ShapeKind::String(_) => "\"string\"".to_owned(),
            _ => type_name(shape).to_owned(),
        }
    }

    fn example(&mut self, shape: &Shape, stack: &mut Vec<&'static str>) {
        if stack.iter().filter(|s| **s == shape.name).count() > 1 {
            if matches!(shape.kind, ShapeKind::Structure(_)) {
                self.out.push_str("{ ... recursive ... }");
            }
            return;
        }
        stack.push(shape.name);
        match &shape.kind {
            ShapeKind::String(_) => self.out.push_str(&Self::scalar(shape)),
            ShapeKind::Map(m) => {
                self.out.push('{');
                self.level += 1;
                self.out.push_str(&format!("{}: ", Self::scalar(m.key)));
                if matches!(m.value.kind, ShapeKind::String(_)) {
                    self.out.push_str(&Self::scalar(m.value));
                } else {
                    self.level += 1;
                    self.example(m.value, stack);
                    self.level -= 1;
                }
                self.new_line();
                self.out.push_str("...");
                self.level -= 1;
                self.out.push('}');
            }
            ShapeKind::Structure(s) => {
                self.out.push('{');
                self.level += 1;
                self.new_line();
                for (i, member) in s.members.iter().enumerate() {
                    self.out.push_str(&format!("\"{}\": ", member.name));
                    if matches!(member.shape.kind, ShapeKind::String(_)) {
                        self.out.push_str(&Self::scalar(member.shape));
                    } else {
                        self.example(member.shape, stack);
                    }
                    if i + 1 < s.members.len() {
                        self.out.push(',');
                        self.new_line();
                    }
                }
                self.level -= 1;
                self.new_line();
                self.out.push('}');
            }
        }
        stack.pop();
    }
}

/// One worked example: summary, description, the command line built from the request, and the output.
fn document_example(page: &mut Page, command: &str, members: &[cognito_idp_client::model::Member], example: &Example) {
    let inner = nested_indent(BODY);
    page.block(&html_to_text(&html_escape(example.summary), BODY, WIDTH));
    page.block(&html_to_text(&markdown_to_html(example.description), BODY, WIDTH));

    let mut args = Vec::new();
    if let Ok(Value::Object(request)) = serde_json::from_str::<Value>(example.request) {
        for (key, value) in &request {
            let is_string = members
                .iter()
                .find(|m| m.name == key.as_str())
                .is_some_and(|m| matches!(m.shape.kind, ShapeKind::String(_)));
            let text = match value {
                Value::String(s) if is_string => shell_quote(s),
                Value::Object(map) => match shorthand_value(map) {
                    Some(shorthand) => shell_quote(&shorthand),
                    None => shell_quote(&jsonfmt::dumps_request(value)),
                },
                _ => shell_quote(&jsonfmt::dumps_request(value)),
            };
            args.push(format!("--{} {text}", option_name(key)));
        }
    }
    let mut lines = vec![format!("{PROGRAM} {}", command)];
    lines.extend(args.into_iter().map(|a| format!("    {a}")));
    let last = lines.len() - 1;
    let mut text = String::new();
    for (i, l) in lines.iter().enumerate() {
        let continuation = if i < last { " \\" } else { "" };
        text.push_str(&line(inner, &format!("{l}{continuation}")));
    }
    page.block(&text);

    if let Some(response) = example.response {
        page.block(&line(BODY, "Output:"));
        let pretty = match serde_json::from_str::<Value>(response) {
            Ok(value) => jsonfmt::dumps(&value, false),
            Err(_) => response.to_owned(),
        };
        page.block(&indent_lines(&pretty, inner));
    }
}

/// `Key=value,Key2=value2` when every value is a plain string that shorthand carries unchanged.
fn shorthand_value(map: &serde_json::Map<String, Value>) -> Option<String> {
    if map.is_empty() {
        return None;
    }
    let plain_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let plain_value = |v: &str| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || "-_.@:/+*".contains(c));
    let mut parts = Vec::new();
    for (key, value) in map {
        match value {
            Value::String(v) if plain_key(key) && plain_value(v) => parts.push(format!("{key}={v}")),
            _ => return None,
        }
    }
    Some(parts.join(","))
}

/// Quotes a word for a POSIX shell as Python's `shlex.quote` does.
fn shell_quote(word: &str) -> String {
    if word.is_empty() {
        return "''".to_owned();
    }
    if word.chars().all(|c| c.is_alphanumeric() || c == '_' || "@%+=:,./-".contains(c)) {
        return word.to_owned();
    }
    format!("'{}'", word.replace('\'', "'\"'\"'"))
}

/// The little Markdown of the spec's example descriptions (paragraphs, `-`/`*` lists, `` `code` ``,
/// `[text](url)`, `**bold**`), as HTML for [`html_to_text`].
fn markdown_to_html(markdown: &str) -> String {
    let mut html = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, html: &mut String| {
        if !paragraph.is_empty() {
            html.push_str(&format!("<p>{}</p>", markdown_inline(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    let flush_items = |items: &mut Vec<String>, html: &mut String| {
        if !items.is_empty() {
            html.push_str("<ul>");
            for item in items.iter() {
                html.push_str(&format!("<li>{}</li>", markdown_inline(item)));
            }
            html.push_str("</ul>");
            items.clear();
        }
    };
    for raw in markdown.lines() {
        let text = raw.trim();
        if text.is_empty() {
            flush_paragraph(&mut paragraph, &mut html);
            flush_items(&mut items, &mut html);
        } else if let Some(item) = text.strip_prefix("- ").or_else(|| text.strip_prefix("* ")) {
            flush_paragraph(&mut paragraph, &mut html);
            items.push(item.to_owned());
        } else if let Some(last) = items.last_mut().filter(|_| raw.starts_with(' ')) {
            last.push(' ');
            last.push_str(text);
        } else {
            flush_items(&mut items, &mut html);
            paragraph.push(text);
        }
    }
    flush_paragraph(&mut paragraph, &mut html);
    flush_items(&mut items, &mut html);
    html
}

fn markdown_inline(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`'
            && let Some(end) = rest.get(1..).and_then(|r| r.find('`'))
        {
            let code = rest.get(1..1 + end).unwrap_or_default();
            out.push_str(&format!("<code>{}</code>", html_escape(code)));
            rest = rest.get(end + 2..).unwrap_or_default();
            continue;
        }
        if c == '['
            && let Some(close) = rest.find("](")
            && let Some(end) = rest.get(close + 2..).and_then(|r| r.find(')'))
        {
            out.push_str(&html_escape(rest.get(1..close).unwrap_or_default()));
            rest = rest.get(close + 2 + end + 1..).unwrap_or_default();
            continue;
        }
        if let Some(after) = rest.strip_prefix("**")
            && let Some(end) = after.find("**")
        {
            out.push_str(&html_escape(after.get(..end).unwrap_or_default()));
            rest = after.get(end + 2..).unwrap_or_default();
            continue;
        }
        out.push_str(&html_escape(&c.to_string()));
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

// ---------------------------------------------------------------------------------------------------
// Page layout.

/// The manual being written: blocks of lines separated by one blank line, except that a block follows
/// a heading directly.
#[derive(Default)]
struct Page {
    lines: Vec<String>,
    /// The next block follows the last line without a blank line.
    glued: bool,
}

impl Page {
    fn gap(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// A heading line; the next block follows it directly.
    fn head(&mut self, text: &str) {
        if !self.glued {
            self.gap();
        }
        self.lines.push(text.trim_end().to_owned());
        self.glued = true;
    }

    /// Puts a blank line before the next block even after a heading.
    fn unglue(&mut self) {
        self.glued = false;
    }

    /// A block of lines (as [`html_to_text`] returns them); nothing when empty.
    fn block(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.glued {
            self.gap();
        }
        self.glued = false;
        self.lines.extend(text.lines().map(|l| l.trim_end().to_owned()));
    }

    fn finish(self) -> String {
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }
}

/// One line of text at `indent`, with its newline.
fn line(indent: usize, text: &str) -> String {
    format!("{}{text}\n", " ".repeat(indent))
}

/// One line of text at `indent`, without a newline.
fn line_text(indent: usize, text: &str) -> String {
    format!("{}{text}", " ".repeat(indent))
}

/// Each line of `text` at `indent` (blank lines stay empty), each with its newline.
fn indent_lines(text: &str, indent: usize) -> String {
    text.lines().map(|l| if l.trim().is_empty() { "\n".to_owned() } else { line(indent, l) }).collect()
}

/// The indentation one level in. groff steps manual pages by 3.5 columns from column 7, rounding
/// down (7, 10, 14, 17, 21, ...); this keeps that sequence.
fn nested_indent(indent: usize) -> usize {
    indent.saturating_add(if indent.is_multiple_of(7) { 3 } else { 4 })
}

// ---------------------------------------------------------------------------------------------------
// HTML.

/// A node of parsed documentation HTML.
#[derive(Debug, PartialEq)]
enum Node {
    Text(String),
    Element { name: String, children: Vec<Node> },
}

/// How deeply elements nest at most; opening tags deeper than this are ignored (their text stays), so
/// rendering cannot exhaust the stack.
const MAX_DEPTH: usize = 48;

/// The longest tag read as a tag, in bytes (AWS's longest links are far shorter).
const MAX_TAG_LENGTH: usize = 4096;

/// Elements that never have content.
const VOID_ELEMENTS: &[&str] = &["br", "hr", "img", "wbr", "input", "meta", "link", "col", "area", "source"];

/// Parses HTML leniently into a tree: attributes are dropped, entities decoded, a `<` that starts no
/// tag is text, a closing tag without an open element is ignored, and what is left open closes at the
/// end.
fn parse_html(html: &str) -> Vec<Node> {
    // The open elements, outermost first; the bottom one is the document.
    let mut stack: Vec<(String, Vec<Node>)> = vec![(String::new(), Vec::new())];
    let mut text = String::new();
    let mut rest = html;
    // After the last `>` only a comment can be a tag; knowing that keeps many unclosed `<` linear.
    let last_gt = html.rfind('>');
    while let Some(lt) = rest.find('<') {
        text.push_str(rest.get(..lt).unwrap_or_default());
        let from_lt = rest.get(lt..).unwrap_or_default();
        let position = html.len() - from_lt.len();
        let closable = last_gt.is_some_and(|gt| gt > position) || from_lt.starts_with("<!--");
        match if closable { parse_tag(from_lt) } else { None } {
            Some((tag, len)) => {
                if !text.is_empty() {
                    push_node(&mut stack, Node::Text(decode_entities(&std::mem::take(&mut text))));
                }
                apply_tag(&mut stack, tag);
                rest = from_lt.get(len..).unwrap_or_default();
            }
            None => {
                text.push('<');
                rest = from_lt.get(1..).unwrap_or_default();
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        push_node(&mut stack, Node::Text(decode_entities(&text)));
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|(_, nodes)| nodes).unwrap_or_default()
}

/// A tag as the parser sees it.
enum Tag {
    Open {
        name: String,
        self_closing: bool,
    },
    Close(String),
    /// A comment, doctype or processing instruction: nothing to show.
    Skip,
}

/// Reads the tag at the start of `s` (which starts with `<`): the tag and its length in bytes, or
/// `None` when this `<` starts no tag.
fn parse_tag(s: &str) -> Option<(Tag, usize)> {
    let body = s.get(1..)?;
    if let Some(comment) = body.strip_prefix("!--") {
        let len = comment.find("-->").map_or(s.len(), |end| 4 + end + 3);
        return Some((Tag::Skip, len));
    }
    if body.starts_with('!') || body.starts_with('?') {
        let end = body.char_indices().take_while(|(i, _)| *i < MAX_TAG_LENGTH).find(|(_, c)| *c == '>')?.0;
        return Some((Tag::Skip, end + 2));
    }
    let (closing, after_slash) = match body.strip_prefix('/') {
        Some(after) => (true, after),
        None => (false, body),
    };
    if !after_slash.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = after_slash
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
        .unwrap_or(after_slash.len());
    let name = after_slash.get(..name_len)?.to_ascii_lowercase();
    let attributes = after_slash.get(name_len..)?;
    if !attributes.is_empty() && !attributes.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    // The tag ends at the first `>` outside quotes, within MAX_TAG_LENGTH bytes: a longer run is text,
    // which keeps input with many unclosed `<` linear.
    let mut quote = None;
    let mut end = None;
    for (i, c) in attributes.char_indices().take_while(|(i, _)| *i < MAX_TAG_LENGTH) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = Some(i);
                break;
            }
            (None, _) => {}
        }
    }
    let end = end?;
    let self_closing = attributes.get(..end).is_some_and(|a| a.trim_end().ends_with('/'));
    let len = s.len() - attributes.len() + end + 1;
    let tag = if closing { Tag::Close(name) } else { Tag::Open { name, self_closing } };
    Some((tag, len))
}

fn push_node(stack: &mut [(String, Vec<Node>)], node: Node) {
    if let Some((_, children)) = stack.last_mut() {
        children.push(node);
    }
}

fn close_top(stack: &mut Vec<(String, Vec<Node>)>) {
    if stack.len() > 1
        && let Some((name, children)) = stack.pop()
    {
        push_node(stack, Node::Element { name, children });
    }
}

/// The index of the innermost open element called `name`, looking no further out than an element
/// called one of `barriers`.
fn find_open(stack: &[(String, Vec<Node>)], name: &str, barriers: &[&str]) -> Option<usize> {
    for (i, (open, _)) in stack.iter().enumerate().skip(1).rev() {
        if open == name {
            return Some(i);
        }
        if barriers.contains(&open.as_str()) {
            return None;
        }
    }
    None
}

fn apply_tag(stack: &mut Vec<(String, Vec<Node>)>, tag: Tag) {
    match tag {
        Tag::Skip => {}
        Tag::Close(name) => {
            if let Some(i) = find_open(stack, &name, &[]) {
                while stack.len() > i {
                    close_top(stack);
                }
            }
        }
        Tag::Open { name, self_closing } => {
            // An item or paragraph left open ends where the next one starts, as in HTML.
            let implied = match name.as_str() {
                "li" => find_open(stack, "li", &["ul", "ol"]),
                "p" => find_open(stack, "p", &["li", "ul", "ol", "note", "important", "danger", "div", "dd"]),
                _ => None,
            };
            if let Some(i) = implied {
                while stack.len() > i {
                    close_top(stack);
                }
            }
            if self_closing || VOID_ELEMENTS.contains(&name.as_str()) {
                push_node(stack, Node::Element { name, children: Vec::new() });
            } else if stack.len() <= MAX_DEPTH {
                stack.push((name, Vec::new()));
            }
        }
    }
}

/// Decodes the entities AWS's documentation uses and numeric character references; anything else
/// after `&` stays as written. `&nbsp;` becomes a plain space, and control characters are dropped.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        // Entity names are short: looking no further keeps text with many `&` linear.
        let semicolon = after.char_indices().take(33).find(|(_, c)| *c == ';').map(|(i, _)| i);
        let decoded = semicolon.and_then(|semi| {
            let name = after.get(..semi)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse::<u32>().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_control() || c.is_whitespace());
    out
}

/// Rendered blocks: each a group of lines, to be separated by blank lines.
type Chunks = Vec<Vec<String>>;

/// Collects blocks while walking the tree; inline text waits in `inline` until a block boundary.
struct Flow {
    chunks: Chunks,
    inline: String,
    width: usize,
}

impl Flow {
    fn new(width: usize) -> Self {
        Flow { chunks: Vec::new(), inline: String::new(), width }
    }

    fn flush(&mut self, indent: usize) {
        let lines = wrap(&self.inline, indent, self.width);
        if !lines.is_empty() {
            self.chunks.push(lines);
        }
        self.inline.clear();
    }
}

fn render_chunks(nodes: &[Node], indent: usize, width: usize) -> Chunks {
    let mut flow = Flow::new(width);
    walk(nodes, indent, &mut flow);
    flow.flush(indent);
    flow.chunks
}

fn walk(nodes: &[Node], indent: usize, flow: &mut Flow) {
    let mut after_inline_element = false;
    for node in nodes {
        // AWS's HTML often leaves a space inside an element before punctuation
        // (`<i> <a href="...">sandbox mode</a> </i>,`): drop it rather than print `mode ,`.
        let mut is_inline_element = false;
        match node {
            Node::Text(text) => {
                if after_inline_element && text.starts_with([',', '.', ';', ':', '!', '?', ')']) {
                    let kept = flow.inline.trim_end().len();
                    flow.inline.truncate(kept);
                }
                flow.inline.push_str(text);
            }
            Node::Element { name, children } => match name.as_str() {
                "p" | "div" | "dt" | "pre" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dl"
                | "fullname" => {
                    flow.flush(indent);
                    walk(children, indent, flow);
                    flow.flush(indent);
                }
                "note" | "important" | "danger" => {
                    flow.flush(indent);
                    let label = match name.as_str() {
                        "note" => "NOTE:",
                        "important" => "WARNING:",
                        _ => "DANGER:",
                    };
                    let mut inner = render_chunks(children, nested_indent(indent), flow.width);
                    let label = line_text(indent, label);
                    match inner.first_mut() {
                        Some(first) => first.insert(0, label),
                        None => inner.push(vec![label]),
                    }
                    flow.chunks.extend(inner);
                }
                "dd" => {
                    flow.flush(indent);
                    flow.chunks.extend(render_chunks(children, nested_indent(indent), flow.width));
                }
                "ul" | "ol" => {
                    flow.flush(indent);
                    let item_indent = indent.saturating_add(2);
                    let mut stray = Flow::new(flow.width);
                    for child in children {
                        match child {
                            Node::Element { name, children } if name == "li" => {
                                stray.flush(item_indent);
                                flow.chunks.append(&mut stray.chunks);
                                flow.chunks.extend(bullet_item(children, indent, flow.width));
                            }
                            other => walk(std::slice::from_ref(other), item_indent, &mut stray),
                        }
                    }
                    stray.flush(item_indent);
                    flow.chunks.append(&mut stray.chunks);
                }
                "li" => {
                    flow.flush(indent);
                    flow.chunks.extend(bullet_item(children, indent, flow.width));
                }
                "br" => flow.inline.push(' '),
                _ => {
                    walk(children, indent, flow);
                    is_inline_element = true;
                }
            },
        }
        after_inline_element = is_inline_element;
    }
}

/// A list item: its blocks two columns in, the first line starting with `o ` at `indent`.
fn bullet_item(children: &[Node], indent: usize, width: usize) -> Chunks {
    let item_indent = indent.saturating_add(2);
    let mut chunks = render_chunks(children, item_indent, width);
    let bullet = format!("{}o", " ".repeat(indent));
    match chunks.first_mut().and_then(|c| c.first_mut()) {
        Some(first) => {
            let text = first.get(item_indent..).filter(|_| first.starts_with(&" ".repeat(item_indent)));
            *first = match text {
                Some(text) => format!("{bullet} {text}"),
                None => format!("{bullet} {}", first.trim_start()),
            };
        }
        None => chunks.push(vec![bullet]),
    }
    chunks
}

/// Fills words into lines of at most `width` characters, each starting with `indent` spaces; a word
/// longer than the room left stands alone on its line, unbroken.
fn wrap(text: &str, indent: usize, width: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut length = 0;
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word_length = word.chars().count();
        if length > 0 && length + 1 + word_length <= width {
            current.push(' ');
            current.push_str(word);
            length += 1 + word_length;
        } else {
            if length > 0 {
                lines.push(std::mem::take(&mut current));
            }
            current.push_str(&pad);
            current.push_str(word);
            length = indent + word_length;
        }
    }
    if length > 0 {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The synopsis and the GLOBAL OPTIONS section show every option of the one table the parser is made from.
    #[test]
    fn the_manual_shows_every_global_option_of_the_table() {
        let manual = operation_manual();
        let (synopsis, options) = manual.split_once("GLOBAL OPTIONS").expect("a GLOBAL OPTIONS section");
        for global in GLOBAL_OPTIONS {
            assert!(synopsis.contains(&synopsis_entry(global)), "the synopsis lacks {}", global.option);
            assert!(options.contains(&format!("{} ({})", global.option, global.type_name())), "{}", global.option);
            for choice in global.choices {
                assert!(options.contains(&format!("o {choice}")), "{}: {choice}", global.option);
            }
        }
    }
    use cognito_idp_client::model::{Member, StructureShape};

    // Layout expectations follow the reference's `col -b` text, observed from awscli 1.46.3
    // (`aws cognito-idp resend-confirmation-code help`), with the deliberate differences listed in the
    // module documentation.

    fn text(html: &str) -> String {
        html_to_text(html, 0, 40)
    }

    #[test]
    fn renders_a_paragraph_with_collapsed_whitespace() {
        assert_eq!(text("<p>  Hello \n\t  world  </p>"), "Hello world\n");
    }

    #[test]
    fn separates_paragraphs_by_one_blank_line() {
        assert_eq!(text("<p>One.</p> <p>Two.</p>"), "One.\n\nTwo.\n");
    }

    #[test]
    fn returns_nothing_for_empty_or_blank_input() {
        assert_eq!(text(""), "");
        assert_eq!(text("  <p> </p>\n"), "");
    }

    #[test]
    fn shows_code_italic_and_bold_as_their_text() {
        assert_eq!(text("<p>Use <code>sub</code>, <i>it</i> and <b>bold</b>.</p>"), "Use sub, it and bold.\n");
    }

    #[test]
    fn drops_the_space_an_inline_element_leaves_before_punctuation() {
        let html = "<p>In <i> <a href=\"x\">sandbox mode</a> </i>, you <code>a</code> . b , c</p>";
        assert_eq!(html_to_text(html, 0, 79), "In sandbox mode, you a . b , c\n");
    }

    #[test]
    fn shows_a_link_as_its_text_only() {
        let html = "<p>See <a href=\"https://example.com/x?a=1&amp;b=2\">the guide</a>.</p>";
        assert_eq!(text(html), "See the guide.\n");
    }

    #[test]
    fn renders_a_note_with_its_label_and_indented_body() {
        let out = html_to_text("<note><p>Careful.</p><p>Twice.</p></note>", 7, 79);
        assert_eq!(out, "       NOTE:\n          Careful.\n\n          Twice.\n");
    }

    #[test]
    fn indents_a_note_inside_option_documentation_by_four() {
        let out = html_to_text("<note><p>Careful.</p></note>", 10, 79);
        assert_eq!(out, "          NOTE:\n              Careful.\n");
    }

    #[test]
    fn renders_important_as_a_warning() {
        assert_eq!(text("<important><p>Mind.</p></important>"), "WARNING:\n   Mind.\n");
    }

    #[test]
    fn renders_an_empty_note_as_its_label() {
        assert_eq!(text("<p>a</p><note></note>"), "a\n\nNOTE:\n");
    }

    #[test]
    fn renders_list_items_as_bullets_separated_by_blank_lines() {
        let out = html_to_text("<ul><li><p>First item.</p></li> <li>Second.</li></ul>", 7, 79);
        assert_eq!(out, "       o First item.\n\n       o Second.\n");
    }

    #[test]
    fn renders_ordered_lists_with_bullets_as_the_reference_does() {
        assert_eq!(text("<ol><li>one</li><li>two</li></ol>"), "o one\n\no two\n");
    }

    #[test]
    fn indents_continuation_lines_of_an_item_under_its_text() {
        let out = html_to_text("<ul><li>alpha beta gamma delta</li></ul>", 0, 12);
        assert_eq!(out, "o alpha beta\n  gamma\n  delta\n");
    }

    #[test]
    fn nests_lists_two_columns_in() {
        let out = text("<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>");
        assert_eq!(out, "o outer\n\n  o inner\n\no next\n");
    }

    #[test]
    fn closes_list_items_and_paragraphs_left_open() {
        assert_eq!(text("<ul><li>a<li>b</ul><p>c<p>d"), "o a\n\no b\n\nc\n\nd\n");
    }

    #[test]
    fn renders_an_empty_item_as_a_bare_bullet() {
        assert_eq!(text("<ul><li></li></ul>"), "o\n");
    }

    #[test]
    fn decodes_entities_and_numeric_references() {
        let out = text("<p>&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; &apos; &#x1F600; &#233;</p>");
        assert_eq!(out, "& <b> \"q\" 's' ' 😀 é\n");
    }

    #[test]
    fn keeps_unknown_or_broken_entities_as_written() {
        assert_eq!(text("<p>&copy; &#xZZ; &#1114112; & alone &amp</p>"), "&copy; &#xZZ; &#1114112; & alone &amp\n");
    }

    #[test]
    fn shows_the_text_of_unknown_tags() {
        assert_eq!(text("<p>a <unknown x=\"1\">b</unknown> <fancy-tag>c</fancy-tag></p>"), "a b c\n");
    }

    #[test]
    fn treats_a_less_than_sign_that_starts_no_tag_as_text() {
        assert_eq!(text("<p>a < b and 1<2 and <3 and <a href=\"x</p>"), "a < b and 1<2 and <3 and <a href=\"x\n");
    }

    #[test]
    fn skips_comments_and_doctypes() {
        assert_eq!(text("<!DOCTYPE html><p>a<!-- hidden <p>x</p> -->b</p><!-- open"), "ab\n");
    }

    #[test]
    fn ignores_closing_tags_that_close_nothing() {
        assert_eq!(text("</p></ul>a</li> b"), "a b\n");
    }

    #[test]
    fn reads_tags_case_insensitively_and_with_quoted_greater_than_signs() {
        assert_eq!(text("<P>x <A HREF='a>b'>link</A></P><UL><LI>y</LI></UL>"), "x link\n\no y\n");
    }

    #[test]
    fn turns_line_breaks_into_spaces() {
        assert_eq!(text("<p>a<br>b<br/>c</p>"), "a b c\n");
    }

    #[test]
    fn drops_control_characters() {
        assert_eq!(text("<p>a\u{1b}[31mb\u{0}c\u{7f}</p>"), "a[31mbc\n");
    }

    #[test]
    fn wraps_so_that_a_line_can_reach_the_exact_width() {
        // "aaaa bbbb" is 9 characters: it fits in 9 columns and not in 8.
        assert_eq!(html_to_text("aaaa bbbb", 0, 9), "aaaa bbbb\n");
        assert_eq!(html_to_text("aaaa bbbb", 0, 8), "aaaa\nbbbb\n");
    }

    #[test]
    fn counts_the_indent_in_the_width() {
        assert_eq!(html_to_text("aaaa bbbb", 3, 12), "   aaaa bbbb\n");
        assert_eq!(html_to_text("aaaa bbbb", 3, 11), "   aaaa\n   bbbb\n");
    }

    #[test]
    fn keeps_a_word_longer_than_the_line_whole_on_its_own_line() {
        let long = "x".repeat(30);
        let out = html_to_text(&format!("a {long} b"), 2, 10);
        assert_eq!(out, format!("  a\n  {long}\n  b\n"));
    }

    #[test]
    fn counts_characters_not_bytes() {
        // Each word is 4 characters but 8 (é) or 16 (😀) bytes.
        assert_eq!(html_to_text("éééé éééé", 0, 9), "éééé éééé\n");
        assert_eq!(html_to_text("😀😀😀😀 😀😀😀😀", 0, 9), "😀😀😀😀 😀😀😀😀\n");
        assert_eq!(html_to_text("😀😀😀😀 😀😀😀😀", 0, 8), "😀😀😀😀\n😀😀😀😀\n");
    }

    #[test]
    fn survives_an_indent_wider_than_the_width() {
        assert_eq!(html_to_text("<p>a b</p>", 12, 10), "            a\n            b\n");
    }

    #[test]
    fn survives_very_deep_nesting() {
        let html = "<note><i><div>".repeat(20_000) + "deep";
        let out = html_to_text(&html, 0, 79);
        assert!(out.ends_with("deep\n"));
        let deepest = out.lines().map(|l| l.len() - l.trim_start().len()).max().unwrap_or_default();
        assert!(deepest <= 4 * MAX_DEPTH, "nesting is capped, yet text sits at column {deepest}");
    }

    #[test]
    fn stays_fast_on_many_unclosed_tags_and_ampersands() {
        let html = "<a href='x ".repeat(40_000) + &"&".repeat(200_000) + &"<!".repeat(40_000);
        let started = std::time::Instant::now();
        let out = html_to_text(&html, 0, 79);
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "took {:?}", started.elapsed());
        assert!(out.starts_with("<a href='x <a href='x"));
    }

    #[test]
    fn reads_a_tag_only_up_to_its_maximum_length() {
        let long = format!("<p title=\"{}\">a</p>", "t".repeat(MAX_TAG_LENGTH));
        assert!(html_to_text(&long, 0, 79).starts_with("<p\ntitle=\"ttt"));
        assert_eq!(html_to_text(&format!("<p title=\"{}\">a</p>", "t".repeat(100)), 0, 79), "a\n");
    }

    /// A small deterministic generator (xorshift64*), so the fuzz test needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const SOUP: &[&str] = &[
        "<p>",
        "</p>",
        "<ul>",
        "</ul>",
        "<ol>",
        "</ol>",
        "<li>",
        "</li>",
        "<note>",
        "</note>",
        "<important>",
        "</important>",
        "<code>",
        "</code>",
        "<i>",
        "</i>",
        "<b>",
        "</b>",
        "<a href=\"https://x/y\">",
        "</a>",
        "<a href='",
        "\"",
        "'",
        "<",
        ">",
        "</",
        "<!--",
        "-->",
        "<!",
        "<br/>",
        "<x-y z>",
        "</x-y>",
        "&amp;",
        "&lt;",
        "&#x1F600;",
        "&#99999999;",
        "&#",
        "&",
        ";",
        " ",
        "  ",
        "\n",
        "\t",
        "word",
        "é",
        "😀",
        "e\u{301}",
        "用户",
        "\u{0}",
        "\u{1b}",
        "supercalifragilisticexpialidociouswordthatislong",
        ".",
        ",",
        "&nbsp;",
    ];

    #[test]
    fn never_panics_on_tag_soup_and_keeps_its_layout_promises() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let pieces = rng.below(60);
            let html: String = (0..pieces).map(|_| SOUP[rng.below(SOUP.len())]).collect();
            let indent = rng.below(20);
            let width = rng.below(90);
            let out = html_to_text(&html, indent, width);
            assert!(!out.starts_with('\n') && !out.contains("\n\n\n"), "blank lines in {html:?}: {out:?}");
            assert!(out.is_empty() || out.ends_with('\n') && !out.ends_with("\n\n"), "{html:?}: {out:?}");
            for l in out.lines().filter(|l| !l.is_empty()) {
                let lead = l.chars().take_while(|c| *c == ' ').count();
                assert!(lead >= indent, "line {l:?} is left of the indent in {html:?}");
                assert!(!l.ends_with(' '), "trailing space in {l:?}");
                let fits = l.chars().count() <= width;
                let single_word = l.split_whitespace().filter(|w| *w != "o").count() <= 1;
                assert!(fits || single_word, "line {l:?} is too long for {width} in {html:?}");
                assert!(!l.chars().any(|c| c.is_control()), "control character in {l:?}");
            }
        }
    }

    #[test]
    fn quotes_shell_words_as_shlex_quote_does() {
        assert_eq!(shell_quote("jane"), "jane");
        assert_eq!(shell_quote("a@b.c/d:e,f=g+h%i-j"), "a@b.c/d:e,f=g+h%i-j");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("two words"), "'two words'");
        assert_eq!(shell_quote("it's"), "'it'\"'\"'s'");
    }

    #[test]
    fn writes_simple_maps_as_shorthand_and_others_as_json() {
        let simple: Value = serde_json::json!({"IpAddress": "192.0.2.1", "EncodedData": "abc"});
        let Value::Object(simple) = simple else { unreachable!() };
        assert_eq!(shorthand_value(&simple).as_deref(), Some("IpAddress=192.0.2.1,EncodedData=abc"));
        let spaced: Value = serde_json::json!({"k": "two words"});
        let Value::Object(spaced) = spaced else { unreachable!() };
        assert_eq!(shorthand_value(&spaced), None);
        assert_eq!(jsonfmt::dumps_request(&Value::Object(spaced)), "{\"k\": \"two words\"}");
    }

    #[test]
    fn pretty_prints_output_with_four_spaces() {
        let value = serde_json::json!({"a": {"b": [1, "x"], "c": {}}, "d": []});
        assert_eq!(
            jsonfmt::dumps(&value, false),
            "{\n    \"a\": {\n        \"b\": [\n            1,\n            \"x\"\n        ],\n        \"c\": {}\n    },\n    \"d\": []\n}"
        );
    }

    #[test]
    fn renders_example_markdown() {
        let html = markdown_to_html("Sends to `jane` and [the docs](https://x) **now**.\n\n- one\n- two `<x>`");
        assert_eq!(
            html,
            "<p>Sends to <code>jane</code> and the docs now.</p><ul><li>one</li><li>two <code>&lt;x&gt;</code></li></ul>"
        );
        assert_eq!(markdown_to_html("a ` b [c]( d **e"), "<p>a ` b [c]( d **e</p>");
    }

    #[test]
    fn steps_indentation_as_groff_does() {
        assert_eq!([7, 10, 14, 17, 21].map(nested_indent), [10, 14, 17, 21, 24]);
    }

    #[test]
    fn documents_every_input_member_with_its_rendered_documentation() {
        let manual = operation_manual();
        let ShapeKind::Structure(input) = &contract::INPUT.kind else { panic!("input is a structure") };
        for member in input.members {
            let doc = html_to_text(member_doc(member), nested_indent(BODY), WIDTH);
            assert!(!doc.is_empty(), "{} has documentation", member.name);
            assert!(manual.contains(&doc), "the manual lacks the documentation of {}", member.name);
            let heading = format!("\n       --{} ({})\n", option_name(member.name), type_name(member.shape));
            assert!(manual.contains(&heading), "the manual lacks {heading:?}");
        }
    }

    static NEW_MEMBER_SHAPE: Shape = Shape {
        name: "FavoriteColorType",
        doc: "",
        sensitive: true,
        kind: ShapeKind::String(cognito_idp_client::model::StringShape {
            min: None,
            max: None,
            pattern: None,
            enum_values: &["RED", "GREEN"],
        }),
    };

    #[test]
    fn documents_a_member_added_to_the_tables() {
        let ShapeKind::Structure(input) = &contract::INPUT.kind else { panic!("input is a structure") };
        let mut members: Vec<Member> =
            input.members.iter().map(|m| Member { name: m.name, shape: m.shape, doc: m.doc }).collect();
        members.push(Member {
            name: "FavoriteColor",
            shape: &NEW_MEMBER_SHAPE,
            doc: "<p>The user's favorite <b>color</b>.</p>",
        });
        let members: &'static [Member] = Box::leak(members.into_boxed_slice());
        let input: &'static Shape = Box::leak(Box::new(Shape {
            name: contract::INPUT.name,
            doc: contract::INPUT.doc,
            sensitive: false,
            kind: ShapeKind::Structure(StructureShape {
                members,
                required: &["ClientId", "Username", "FavoriteColor"],
                error: None,
            }),
        }));
        let source = Source { input, ..Source::contract() };

        let manual = render_operation_manual(&source);

        assert!(manual.contains("\n          [--client-metadata <value>]\n          --favorite-color <value>\n"));
        assert!(manual.contains(
            "\n       --favorite-color (string)\n          The user's favorite color.\n\n          \
             This value is sensitive: it is never printed or logged.\n\n          Possible values:\n\n          \
             o RED\n\n          o GREEN\n\n       --cli-input-json"
        ));
        assert!(!operation_manual().contains("favorite"));
    }

    static QUOTING_EXAMPLES: &[Example] = &[Example {
        name: "quoting",
        summary: "To <quote> values",
        description: "",
        request: r#"{"ClientId":"abc","Username":"O'Brien","UserContextData":{"IpAddress":"192.0.2.1"},"ClientMetadata":{"k":"two words"}}"#,
        response: None,
    }];

    #[test]
    fn writes_example_requests_as_quoted_command_lines() {
        let source = Source { examples: QUOTING_EXAMPLES, ..Source::contract() };

        let manual = render_operation_manual(&source);

        let expected = "\n       To <quote> values\n\n          cognito-idp resend-confirmation-code \\\n              \
                        --client-id abc \\\n              --username 'O'\"'\"'Brien' \\\n              \
                        --user-context-data IpAddress=192.0.2.1 \\\n              \
                        --client-metadata '{\"k\": \"two words\"}'\n\nOUTPUT\n";
        assert!(manual.contains(expected), "{manual}");
        assert!(!manual.contains("Output:"), "an example without a response shows no output");
    }

    #[test]
    fn leaves_out_examples_when_there_are_none() {
        let manual = render_operation_manual(&Source { examples: &[], ..Source::contract() });
        assert!(!manual.contains("EXAMPLES"));
        assert!(manual.contains("\nOUTPUT\n       CodeDeliveryDetails -> (structure)\n"));
    }

    #[test]
    fn says_none_for_an_output_without_members() {
        let manual = render_operation_manual(&Source { output: &NEW_MEMBER_SHAPE, ..Source::contract() });
        assert!(manual.ends_with("\nOUTPUT\n       None\n"), "{manual}");
    }

    #[test]
    fn marks_exactly_the_sensitive_members() {
        let manual = operation_manual();
        let ShapeKind::Structure(input) = &contract::INPUT.kind else { panic!("input is a structure") };
        assert!(input.members.iter().any(|m| m.shape.sensitive) && input.members.iter().any(|m| !m.shape.sensitive));
        for member in input.members {
            let heading = format!("\n       --{} ({})\n", option_name(member.name), type_name(member.shape));
            let section = manual.split(&heading).nth(1).unwrap_or_default();
            let section = section.split("\n       --").next().unwrap_or_default();
            let marked = section.contains(&format!("\n          {SENSITIVE_NOTE}\n"));
            assert_eq!(marked, member.shape.sensitive, "{}: {section}", member.name);
        }
    }

    #[test]
    fn keeps_every_line_of_both_manuals_within_the_width() {
        for manual in [operation_manual(), service_manual()] {
            for l in manual.lines() {
                assert!(l.chars().count() <= WIDTH, "{l:?}");
                assert!(!l.ends_with(' '), "{l:?}");
            }
            assert!(!manual.contains("\n\n\n"));
        }
    }
}
