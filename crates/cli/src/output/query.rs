//! `--query`: the expression compiled and evaluated as AWS CLI v1 does it, by jmespath-python 1.1 ported: its
//! lexer and parser (`jmespath_syntax`: the same tree, the same error messages), its `TreeInterpreter`
//! (`jmespath_interpreter`) and built-in functions (`jmespath_functions`), over Python objects that keep a dict's
//! member order (`jmespath_object`), with Python's own arithmetic, `list.sort` and `json.dumps` underneath
//! ([`crate::python`]). The same results, the same syntax and runtime errors.

use std::fmt;

use serde_json::Value;

use crate::output::jmespath_interpreter as interpreter;
use crate::output::jmespath_object as object;
use crate::output::jmespath_syntax as syntax;
use crate::python::pyrepr::Dicts;

/// A compiled `--query` expression.
pub struct Query {
    text: String,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query").field("text", &self.text).finish()
    }
}

/// A query that does not compile or fails on the data; the message is AWS CLI v1's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stack of the thread that parses and evaluates a long query: the parser and the interpreter recurse as
/// jmespath-python's do, once or twice per level of nesting, and this holds [`syntax::MAX_NESTING`] levels with
/// room to spare in any build (only the pages used are ever committed).
pub(crate) const STACK_SIZE: usize = 256 << 20;

/// The longest query run on the calling thread: it cannot nest deeper than its length (nor hold a literal nested
/// deeper), which any thread's stack holds, in any build.
const SHORT_QUERY: usize = 128;

/// `work()` for the query `text`: on this thread when it is short, else on a thread with a [`STACK_SIZE`] stack
/// (or on this one if no thread can be made).
fn on_stack_for<T: Send>(text: &str, work: impl Fn() -> T + Sync) -> T {
    if text.len() <= SHORT_QUERY {
        return work();
    }
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().stack_size(STACK_SIZE).spawn_scoped(scope, &work);
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => work(),
        }
    })
}

impl Query {
    /// Compiles `text`; the error reads `Bad value for --query <text>: <why>` as AWS CLI v1's does, `<why>`
    /// in jmespath-python's words.
    pub fn compile(text: &str) -> Result<Self, QueryError> {
        on_stack_for(text, || syntax::parse(text).map(drop))
            .map_err(|why| QueryError(format!("Bad value for --query {text}: {why}")))?;
        Ok(Self { text: text.to_owned() })
    }

    /// Evaluates the query on `data` (a parsed response, its objects plain dicts). The result's objects are
    /// [`Dicts::Plain`]: it may hold Python values JSON cannot (big ints, NaN, an `_Expression`), as
    /// [`crate::python::pyvalue`] encodes them; the error is the message of the exception Python raised.
    pub fn search(&self, data: &Value) -> Result<Value, QueryError> {
        // The tree holds Python objects, which stay on the thread that made them: it is parsed again there.
        on_stack_for(&self.text, || {
            let tree = syntax::parse(&self.text).map_err(QueryError)?;
            let input = object::from_value(data, Dicts::Response);
            let result = interpreter::visit(&tree, &input).map_err(QueryError)?;
            Ok(object::to_value(&result))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AWS CLI v1's answers to invalid expressions, recorded by `crates/cli/tools/record_query_errors.py`:
    /// each expression it refused gets its exact message here; each it accepted compiles here too.
    #[test]
    fn invalid_expressions_get_aws_cli_v1s_messages() {
        let data: Value = serde_json::from_str(include_str!("../../tests/data/query_errors.json")).expect("JSON");
        let cases = data["cases"].as_array().expect("cases");
        assert!(cases.len() >= 40, "{} cases", cases.len());
        let mut wrong = Vec::new();
        for case in cases {
            let expression = case["expression"].as_str().expect("expression");
            let recorded = case["stderr"].as_str().expect("stderr");
            match recorded.strip_prefix("\nBad value for --query ") {
                Some(_) => {
                    let ours = Query::compile(expression).err().map(|e| format!("\n{e}\n"));
                    if ours.as_deref() != Some(recorded) || case["exit_code"] != 255 {
                        wrong.push(format!("{expression:?}\n  AWS CLI v1: {recorded:?}\n  ours:       {ours:?}"));
                    }
                }
                None => {
                    if let Err(e) = Query::compile(expression) {
                        wrong.push(format!("{expression:?}: AWS CLI v1 accepts it, we refuse it: {e}"));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{} of {} cases differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
        assert_readme_counts(cases.len(), "invalid expressions");
    }

    /// The README's `--query` note gives the number of recorded expressions (`69 invalid expressions`).
    fn assert_readme_counts(count: usize, what: &str) {
        let digits = count.to_string();
        let mut grouped = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let readme = include_str!("../../../../README.md");
        assert!(readme.contains(&format!("{grouped} {what}")), "README should say `{grouped} {what}`");
    }
    use crate::format::Format;
    use crate::output::{TableSettings, print};
    use crate::python::pyrepr;

    /// Where jmespath-python and we part on purpose (README, "Differences from AWS CLI v1"): `merge()` given
    /// pairs whose key is not a string makes a dict with a non-string key there; we refuse that argument as the
    /// JMESPath specification does. Each expression is a recorded case, with our message.
    const DIFFERENCES: &[(&str, &str)] = &[
        (
            "merge(`{}`, `[[1, 2]]`)",
            "In function merge(), invalid type for value: [[1, 2]], expected one of: ['object'], received: \"array\"",
        ),
        (
            "merge(`{}`, `[[null, 2]]`)",
            "In function merge(), invalid type for value: [[None, 2]], expected one of: ['object'], received: \"array\"",
        ),
    ];

    /// An `_Expression`'s address, which differs from run to run, as the recordings write it.
    fn without_addresses(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find(" object at 0x") {
            let (head, tail) = rest.split_at(at + " object at 0x".len());
            out.push_str(head);
            out.push_str("...");
            rest = tail.trim_start_matches(|c: char| c.is_ascii_hexdigit());
        }
        out.push_str(rest);
        out
    }

    /// What the CLI prints for `expression` on `document` with `--output format`: stdout, stderr, exit code.
    fn printed(result: &Result<Value, QueryError>, format: Format) -> (String, String, i64) {
        match result {
            Err(e) => (String::new(), without_addresses(&format!("\n{e}\n")), 255),
            Ok(value) => {
                let settings = TableSettings { width: 80, styled: false, stdout_is_tty: false };
                let printed = print(value, Dicts::Plain, format, settings);
                let (stderr, code) = printed.failure.map_or((String::new(), 0), |e| (e, 255));
                (without_addresses(&printed.stdout), without_addresses(&stderr), code)
            }
        }
    }

    /// jmespath-python's answers to expressions, and what AWS CLI v1's formatters printed of them, recorded by
    /// `crates/cli/tools/record_query_goldens.py` (`cargo xtask record-goldens`): each evaluates to the same value
    /// (`repr()` compared: types, key order, number forms) or the same error, and prints the same with `--output
    /// json`, `text` and `table`; the random ones that do not compile get AWS CLI v1's message.
    #[test]
    fn every_recorded_expression_evaluates_and_prints_as_aws_cli_v1() {
        let data: Value = serde_json::from_str(include_str!("../../tests/data/query_goldens.json")).expect("JSON");
        let cases = data["cases"].as_array().expect("cases");
        assert!(cases.len() >= 1000, "{} cases", cases.len());
        let mut wrong = Vec::new();
        let mut differences = 0;
        for case in cases {
            let expression = case["expression"].as_str().expect("expression");
            let document = &data["documents"][case["document"].as_str().expect("document")];
            let compiled = Query::compile(expression);
            if let Some(recorded) = case["compile_error"].as_str() {
                let ours = compiled.err().map(|e| without_addresses(&e.to_string()));
                if ours.as_deref() != Some(recorded) {
                    wrong.push(format!("{expression:?}\n  AWS CLI v1: {recorded:?}\n  ours:       {ours:?}"));
                }
                continue;
            }
            let query = match compiled {
                Ok(query) => query,
                Err(e) => {
                    wrong.push(format!("{expression:?} does not compile: {e}"));
                    continue;
                }
            };
            let result = query.search(document);
            if let Some((_, ours)) = DIFFERENCES.iter().find(|(e, _)| *e == expression) {
                differences += 1;
                assert_eq!(result, Err(QueryError((*ours).to_owned())), "{expression}");
                assert!(case["result"].is_string(), "{expression}: jmespath-python gave no result");
                continue;
            }
            let evaluated = match &result {
                Ok(value) => ("result", without_addresses(&pyrepr::repr_with(value, Dicts::Plain))),
                Err(e) => ("error", without_addresses(&e.to_string())),
            };
            let recorded =
                case["result"].as_str().map(|r| ("result", r)).or(case["error"].as_str().map(|e| ("error", e)));
            if recorded != Some((evaluated.0, evaluated.1.as_str())) {
                wrong
                    .push(format!("{expression:?}\n  jmespath-python: {recorded:?}\n  ours:            {evaluated:?}"));
                continue;
            }
            for (name, format) in [("json", Format::Json), ("text", Format::Text), ("table", Format::Table)] {
                let expected = match &case[name] {
                    Value::String(stdout) => (stdout.clone(), String::new(), 0),
                    Value::Object(o) => (
                        o["stdout"].as_str().unwrap_or_default().to_owned(),
                        o["stderr"].as_str().unwrap_or_default().to_owned(),
                        o["exit_code"].as_i64().unwrap_or(-1),
                    ),
                    _ => (String::new(), format!("\n{}\n", case["error"].as_str().unwrap_or_default()), 255),
                };
                let ours = printed(&result, format);
                if ours != expected {
                    wrong.push(format!(
                        "{expression:?} --output {name}\n  AWS CLI v1: {expected:?}\n  ours:       {ours:?}"
                    ));
                }
            }
        }
        assert_eq!(differences, DIFFERENCES.len(), "every deliberate difference is a recorded case");
        assert_readme_counts(cases.len(), "expressions evaluated");
        assert!(wrong.is_empty(), "{} of {} cases differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    fn data() -> Value {
        serde_json::json!({"CodeDeliveryDetails": {"Destination": "d", "DeliveryMedium": "EMAIL", "AttributeName": "email"}})
    }

    fn search(expression: &str) -> String {
        Query::compile(expression).expect("compiles").search(&data()).expect("evaluates").to_string()
    }

    #[test]
    fn objects_keep_the_order_of_the_response() {
        assert_eq!(
            search("CodeDeliveryDetails"),
            r#"{"Destination":"d","DeliveryMedium":"EMAIL","AttributeName":"email"}"#
        );
        assert_eq!(search("@"), data().to_string());
        assert_eq!(search("keys(CodeDeliveryDetails)"), r#"["Destination","DeliveryMedium","AttributeName"]"#);
        assert_eq!(search("CodeDeliveryDetails.*"), r#"["d","EMAIL","email"]"#);
        assert_eq!(
            search("merge(CodeDeliveryDetails, `{\"A\": 1, \"Destination\": 2}`)"),
            r#"{"Destination":2,"DeliveryMedium":"EMAIL","AttributeName":"email","A":1}"#
        );
    }

    #[test]
    fn multi_select_hashes_keep_the_expression_order() {
        assert_eq!(search("{z: CodeDeliveryDetails.Destination, a: `null`}"), r#"{"z":"d","a":null}"#);
        assert_eq!(search("[{y: `1`, b: `2`}]"), r#"[{"y":1,"b":2}]"#);
    }

    #[test]
    fn runtime_errors_are_worded_as_jmespath_python_words_them() {
        let error =
            |expression: &str| Query::compile(expression).expect("compiles").search(&data()).expect_err("fails");
        assert_eq!(error("foo()").to_string(), "Unknown function: foo()");
        assert_eq!(error("length()").to_string(), "Expected 1 argument for function length(), received 0");
        assert_eq!(
            error("abs(CodeDeliveryDetails.Destination)").to_string(),
            "In function abs(), invalid type for value: d, expected one of: ['number'], received: \"string\""
        );
    }

    #[test]
    fn the_deepest_short_queries_fit_the_callers_stack() {
        // Run here, on a test thread (2 MiB), as they run on the CLI's main thread.
        let n = SHORT_QUERY / 2 - 1;
        for text in [
            format!("{}@{}", "(".repeat(n), ")".repeat(n)),
            format!("{}@{}", "[".repeat(n), "]".repeat(n)),
            format!("{}@", "!".repeat(SHORT_QUERY - 1)),
            format!("{}@", "@|".repeat(n)),
            format!("`{}{}`", "[".repeat(n), "]".repeat(n)),
            format!("{}`1`{}", "abs(".repeat(SHORT_QUERY / 5 - 1), ")".repeat(SHORT_QUERY / 5 - 1)),
        ] {
            assert!(text.len() <= SHORT_QUERY, "{text}");
            let query = Query::compile(&text).expect("compiles");
            assert!(query.search(&data()).is_ok(), "{text}");
        }
    }

    #[test]
    fn chains_that_nest_only_when_evaluated_are_limited_too() {
        let chain = |n: usize, link: &str| format!("{}`1`", link.repeat(n));
        for link in ["missing || ", "@ | ", "`0` == "] {
            let query = Query::compile(&chain(20_000, link)).expect("Python parses it too");
            assert_eq!(query.search(&data()), Err(QueryError("maximum recursion depth exceeded".to_owned())), "{link}");
            let shallow = Query::compile(&chain(400, link)).expect("compiles");
            assert!(shallow.search(&data()).is_ok(), "{link}");
        }
    }

    #[test]
    fn a_bad_expression_is_reported_with_the_references_prefix() {
        let error = Query::compile("foo[").expect_err("invalid");
        assert_eq!(
            error.to_string(),
            "Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^"
        );
    }
}
