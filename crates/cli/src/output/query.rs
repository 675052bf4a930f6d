//! `--query`: JMESPath over the response, with the `jmespath` crate (the whole language).
//!
//! One difference from Python's JMESPath needs mending: the crate keeps object keys sorted, where Python
//! keeps them in insertion order, which AWS CLI v1's JSON output shows. After a search, every object of the
//! result takes the key order of an object of the same keys in the input document or of a multi-select
//! hash (`{b: x, a: y}`) of the expression, whichever matches; objects that match neither (built by
//! `merge()`, say) stay sorted.

use std::collections::BTreeSet;
use std::fmt;

use jmespath::ast::Ast;
use serde_json::{Map, Value};

/// A compiled `--query` expression.
pub struct Query {
    text: String,
    expression: jmespath::Expression<'static>,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query").field("text", &self.text).finish()
    }
}

/// A query that does not compile or fails on the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Query {
    /// Compiles `text`; the error reads `Bad value for --query <text>: <why>` as AWS CLI v1's does, `<why>`
    /// in jmespath-python's words ([`crate::output::jmespath_syntax`]). An expression Python accepts and the crate
    /// does not keeps the crate's reason (README, "Differences from AWS CLI v1").
    pub fn compile(text: &str) -> Result<Self, QueryError> {
        let rewritten = crate::output::jmespath_syntax::check(text)
            .map_err(|why| QueryError(format!("Bad value for --query {text}: {why}")))?;
        let expression = jmespath::compile(rewritten.as_deref().unwrap_or(text))
            .map_err(|e| QueryError(format!("Bad value for --query {text}: {}", one_line(&e.to_string()))))?;
        Ok(Self { text: text.to_owned(), expression })
    }

    /// Evaluates the query on `data`.
    pub fn search(&self, data: &Value) -> Result<Value, QueryError> {
        let variable = jmespath::Variable::try_from(data).map_err(|e| QueryError(e.to_string()))?;
        let result = self.expression.search(variable).map_err(|e| QueryError(one_line(&e.to_string())))?;
        let mut value = serde_json::to_value(&*result).map_err(|e| QueryError(e.to_string()))?;
        let mut orders = Vec::new();
        collect_object_orders(data, &mut orders);
        collect_hash_orders(self.expression.as_ast(), &mut orders);
        reorder(&mut value, &orders);
        Ok(value)
    }
}

fn one_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim_end().to_owned()
}

fn collect_object_orders(value: &Value, orders: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            orders.push(map.keys().cloned().collect());
            map.values().for_each(|v| collect_object_orders(v, orders));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_object_orders(v, orders)),
        _ => {}
    }
}

fn collect_hash_orders(ast: &Ast, orders: &mut Vec<Vec<String>>) {
    let mut children: Vec<&Ast> = Vec::new();
    match ast {
        Ast::MultiHash { elements, .. } => {
            orders.push(elements.iter().map(|kv| kv.key.clone()).collect());
            children.extend(elements.iter().map(|kv| &kv.value));
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => children.extend([lhs.as_ref(), rhs.as_ref()]),
        Ast::Condition { predicate, then, .. } => children.extend([predicate.as_ref(), then.as_ref()]),
        Ast::Expref { ast, .. } => children.push(ast),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => children.push(node),
        Ast::Function { args, .. } => children.extend(args.iter()),
        Ast::MultiList { elements, .. } => children.extend(elements.iter()),
        Ast::Literal { value, .. } => {
            if let Ok(literal) = serde_json::to_value(&**value) {
                collect_object_orders(&literal, orders);
            }
        }
        Ast::Identity { .. } | Ast::Field { .. } | Ast::Index { .. } | Ast::Slice { .. } => {}
    }
    for child in children {
        collect_hash_orders(child, orders);
    }
}

fn reorder(value: &mut Value, orders: &[Vec<String>]) {
    match value {
        Value::Object(map) => {
            let keys: BTreeSet<&String> = map.keys().collect();
            let order = orders.iter().find(|o| o.len() == keys.len() && o.iter().all(|k| keys.contains(k)));
            if let Some(order) = order {
                let mut sorted = Map::new();
                for key in order {
                    if let Some(v) = map.remove(key) {
                        sorted.insert(key.clone(), v);
                    }
                }
                *map = sorted;
            }
            map.values_mut().for_each(|v| reorder(v, orders));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| reorder(v, orders)),
        _ => {}
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
    }
    use serde_json::json;

    fn data() -> Value {
        json!({"CodeDeliveryDetails": {"Destination": "d", "DeliveryMedium": "EMAIL", "AttributeName": "email"}})
    }

    fn search(expression: &str) -> String {
        Query::compile(expression).expect("compiles").search(&data()).expect("evaluates").to_string()
    }

    #[test]
    fn objects_of_the_input_keep_the_input_order() {
        assert_eq!(
            search("CodeDeliveryDetails"),
            r#"{"Destination":"d","DeliveryMedium":"EMAIL","AttributeName":"email"}"#
        );
        assert_eq!(search("@"), data().to_string());
    }

    #[test]
    fn multi_select_hashes_keep_the_expression_order() {
        assert_eq!(search("{z: CodeDeliveryDetails.Destination, a: `null`}"), r#"{"z":"d","a":null}"#);
        assert_eq!(search("[{y: `1`, b: `2`}]"), r#"[{"y":1,"b":2}]"#);
    }

    #[test]
    fn the_whole_language_is_available() {
        assert_eq!(search("keys(CodeDeliveryDetails)"), r#"["AttributeName","DeliveryMedium","Destination"]"#);
        assert_eq!(search("length(CodeDeliveryDetails.Destination)"), "1");
        assert_eq!(search("not_null(Missing, `2`)"), "2");
        assert_eq!(search("sort_by(`[{\"a\":2},{\"a\":1}]`, &a)[0].a"), "1");
        assert_eq!(search("Missing"), "null");
        assert_eq!(search("to_string(`[3,1]`)"), r#""[3,1]""#);
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
