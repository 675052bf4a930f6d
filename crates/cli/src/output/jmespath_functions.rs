//! jmespath-python's built-in functions (`jmespath/functions.py`): the signature table, the checks of
//! `call_function` (unknown function, arity, types, with their exact messages) and each `_func_*` with the
//! Python it runs (`sum`, `max`, `sorted`, `dict.update`, `json.dumps`, `int()`, `float()`, ...).

use indexmap::IndexMap;

use crate::output::jmespath_object::{Obj, Object, none, py_str, same_or_equal, to_value};
use crate::output::jmespath_syntax::Node;
use crate::output::jsonfmt;
use crate::python::pyint::{python_big_int, python_float};
use crate::python::pynumber::PyNumber;
use crate::python::pyrepr::{self, Dicts};
use crate::python::pysort;

/// A function's `@signature`: the allowed types of each argument (none: any), and whether the last repeats.
struct Signature {
    args: &'static [&'static [&'static str]],
    variadic: bool,
}

const fn fixed(args: &'static [&'static [&'static str]]) -> Signature {
    Signature { args, variadic: false }
}

/// Every built-in function, in `FUNCTION_TABLE`.
const FUNCTIONS: &[(&str, Signature)] = &[
    ("abs", fixed(&[&["number"]])),
    ("avg", fixed(&[&["array-number"]])),
    ("ceil", fixed(&[&["number"]])),
    ("contains", fixed(&[&["array", "string"], &[]])),
    ("ends_with", fixed(&[&["string"], &["string"]])),
    ("floor", fixed(&[&["number"]])),
    ("join", fixed(&[&["string"], &["array-string"]])),
    ("keys", fixed(&[&["object"]])),
    ("length", fixed(&[&["string", "array", "object"]])),
    ("map", fixed(&[&["expref"], &["array"]])),
    ("max", fixed(&[&["array-number", "array-string"]])),
    ("max_by", fixed(&[&["array"], &["expref"]])),
    ("merge", Signature { args: &[&["object"]], variadic: true }),
    ("min", fixed(&[&["array-number", "array-string"]])),
    ("min_by", fixed(&[&["array"], &["expref"]])),
    ("not_null", Signature { args: &[&[]], variadic: true }),
    ("reverse", fixed(&[&["array", "string"]])),
    ("sort", fixed(&[&["array-string", "array-number"]])),
    ("sort_by", fixed(&[&["array"], &["expref"]])),
    ("starts_with", fixed(&[&["string"], &["string"]])),
    ("sum", fixed(&[&["array-number"]])),
    ("to_array", fixed(&[&[]])),
    ("to_number", fixed(&[&[]])),
    ("to_string", fixed(&[&[]])),
    ("type", fixed(&[&[]])),
    ("values", fixed(&[&["object"]])),
];

/// The Python types of a JMESPath type (`REVERSE_TYPES_MAP`).
fn python_types(jmespath_type: &str) -> &'static [&'static str] {
    match jmespath_type {
        "boolean" => &["bool"],
        "array" => &["list", "_Projection"],
        "object" => &["dict", "OrderedDict"],
        "null" => &["NoneType"],
        "string" => &["unicode", "str"],
        "number" => &["float", "int", "long"],
        "expref" => &["_Expression"],
        _ => &[],
    }
}

/// How an expression reference is evaluated on a value: by the interpreter that made it, as a Python
/// `_Expression` holds its interpreter.
pub(crate) type Visit = for<'a> fn(&'a Node, &Obj<'a>) -> Result<Obj<'a>, String>;

/// `call_function`: the function's checks, then the function (`visit` evaluates its expression references).
pub(crate) fn call<'a>(name: &str, args: Vec<Obj<'a>>, visit: Visit) -> Result<Obj<'a>, String> {
    let Some((_, signature)) = FUNCTIONS.iter().find(|(n, _)| *n == name) else {
        return Err(format!("Unknown function: {name}()"));
    };
    validate(name, signature, &args)?;
    run(name, args, visit)
}

/// `_validate_arguments`: the arity, then the type of each argument of the signature.
fn validate(name: &str, signature: &Signature, args: &[Obj<'_>]) -> Result<(), String> {
    let expected = signature.args.len();
    let plural = if expected == 1 { "" } else { "s" };
    if signature.variadic && args.len() < expected {
        return Err(format!(
            "Expected at least {expected} argument{plural} for function {name}(), received {}",
            args.len()
        ));
    }
    if !signature.variadic && args.len() != expected {
        return Err(format!("Expected {expected} argument{plural} for function {name}(), received {}", args.len()));
    }
    for (types, arg) in signature.args.iter().zip(args) {
        if !types.is_empty() {
            check_type(name, arg, types)?;
        }
    }
    Ok(())
}

/// `JMESPathTypeError`'s message.
fn type_error(name: &str, value: &Obj<'_>, received: &str, types: &[&str]) -> String {
    let expected: Vec<String> = types.iter().map(|t| (*t).to_owned()).collect();
    format!(
        "In function {name}(), invalid type for value: {}, expected one of: {}, received: \"{received}\"",
        py_str(value),
        pyrepr::repr_str_list(&expected)
    )
}

/// `_type_check_single`: the argument's Python type, then for arrays with subtypes its elements' (named by
/// their Python type in the message, as jmespath-python does).
fn check_type(name: &str, current: &Obj<'_>, types: &[&str]) -> Result<(), String> {
    let mut allowed: Vec<&str> = Vec::new();
    let mut subtypes: Vec<&[&str]> = Vec::new();
    for t in types {
        match t.split_once('-') {
            Some((outer, inner)) => {
                subtypes.push(python_types(inner));
                allowed.extend(python_types(outer));
            }
            None => allowed.extend(python_types(t)),
        }
    }
    let actual = current.type_name();
    if !allowed.contains(&actual) {
        return Err(type_error(name, current, Object::jmespath_type_of(actual), types));
    }
    let Object::List(items) = &**current else { return Ok(()) };
    let allowed = match subtypes.as_slice() {
        [] => return Ok(()),
        [only] => *only,
        several => {
            let Some(first) = items.first() else { return Ok(()) };
            match several.iter().find(|s| s.contains(&first.type_name())) {
                Some(found) => *found,
                None => return Err(type_error(name, first, first.type_name(), types)),
            }
        }
    };
    match items.iter().find(|element| !allowed.contains(&element.type_name())) {
        Some(element) => Err(type_error(name, element, element.type_name(), types)),
        None => Ok(()),
    }
}

fn number<'a>(n: PyNumber) -> Obj<'a> {
    Object::Number(n).into_obj()
}

fn string<'a>(s: String) -> Obj<'a> {
    Object::Str(s).into_obj()
}

fn boolean<'a>(b: bool) -> Obj<'a> {
    Object::Bool(b).into_obj()
}

fn list<'a>(items: Vec<Obj<'a>>) -> Obj<'a> {
    Object::List(items).into_obj()
}

/// An argument as the type its function reads, which its signature's check already ensured; should the two
/// ever disagree, the type error the check would have given.
fn as_number<'b>(name: &str, arg: &'b Obj<'_>) -> Result<&'b PyNumber, String> {
    match &**arg {
        Object::Number(n) => Ok(n),
        _ => Err(type_error(name, arg, arg.jmespath_type(), &["number"])),
    }
}

fn as_str<'b>(name: &str, arg: &'b Obj<'_>) -> Result<&'b str, String> {
    match &**arg {
        Object::Str(s) => Ok(s),
        _ => Err(type_error(name, arg, arg.jmespath_type(), &["string"])),
    }
}

fn as_list<'b, 'a>(name: &str, arg: &'b Obj<'a>) -> Result<&'b [Obj<'a>], String> {
    match &**arg {
        Object::List(items) => Ok(items),
        _ => Err(type_error(name, arg, arg.jmespath_type(), &["array"])),
    }
}

fn as_dict<'b, 'a>(name: &str, arg: &'b Obj<'a>) -> Result<&'b IndexMap<String, Obj<'a>>, String> {
    match &**arg {
        Object::Dict(map) => Ok(map),
        _ => Err(type_error(name, arg, arg.jmespath_type(), &["object"])),
    }
}

fn as_expref<'a>(name: &str, arg: &Obj<'a>) -> Result<&'a Node, String> {
    match &**arg {
        Object::Expref(node) => Ok(node),
        _ => Err(type_error(name, arg, arg.jmespath_type(), &["expref"])),
    }
}

/// `sum(numbers)`: `0`, then Python's `+` left to right.
fn sum(name: &str, items: &[Obj<'_>]) -> Result<PyNumber, String> {
    items.iter().try_fold(PyNumber::int(0), |total, item| total.add(as_number(name, item)?))
}

/// Python's `a < b` (`op` `<`) or `a > b` (`op` `>`) for two numbers or two strings; the `TypeError` for a
/// string and a number.
fn ordered(a: &Obj<'_>, b: &Obj<'_>, op: &str) -> Result<bool, String> {
    let (low, high) = if op == ">" { (b, a) } else { (a, b) };
    match (&**low, &**high) {
        (Object::Number(x), Object::Number(y)) => Ok(x.less_than(y)),
        (Object::Str(x), Object::Str(y)) => Ok(x < y),
        _ => Err(format!("'{op}' not supported between instances of '{}' and '{}'", a.type_name(), b.type_name())),
    }
}

/// `max(items, key=key)` (`op` `>`) or `min(...)` (`<`): Python's `min_max`, which keeps the first item and
/// takes a later one when `key(later) op key(kept)`.
fn extreme<'a>(
    items: &[Obj<'a>],
    op: &str,
    mut key: impl FnMut(&Obj<'a>) -> Result<Obj<'a>, String>,
) -> Result<Obj<'a>, String> {
    let mut best: Option<(Obj<'a>, Obj<'a>)> = None;
    for item in items {
        let value = key(item)?;
        let better = match &best {
            None => true,
            Some((_, best_value)) => ordered(&value, best_value, op)?,
        };
        if better {
            best = Some((item.clone(), value));
        }
    }
    Ok(best.map_or_else(none, |(item, _)| item))
}

/// Runs the function on arguments that passed its checks.
fn run<'a>(name: &str, args: Vec<Obj<'a>>, visit: Visit) -> Result<Obj<'a>, String> {
    let arg = |i: usize| &args[i];
    Ok(match name {
        "abs" => number(as_number(name, arg(0))?.abs()),
        "avg" => {
            let items = as_list(name, arg(0))?;
            if items.is_empty() { none() } else { number(sum(name, items)?.true_divide(items.len())?) }
        }
        "ceil" => number(as_number(name, arg(0))?.ceil()?),
        "contains" => match (&**arg(0), &**arg(1)) {
            (Object::List(items), _) => boolean(items.iter().any(|item| same_or_equal(arg(1), item))),
            (_, Object::Str(search)) => boolean(as_str(name, arg(0))?.contains(search.as_str())),
            _ => {
                return Err(format!("'in <string>' requires string as left operand, not {}", arg(1).type_name()));
            }
        },
        "ends_with" => boolean(as_str(name, arg(0))?.ends_with(as_str(name, arg(1))?)),
        "floor" => number(as_number(name, arg(0))?.floor()?),
        "join" => {
            let parts = as_list(name, arg(1))?.iter().map(|part| as_str(name, part)).collect::<Result<Vec<_>, _>>()?;
            string(parts.join(as_str(name, arg(0))?))
        }
        "keys" => list(as_dict(name, arg(0))?.keys().map(|k| string(k.clone())).collect()),
        "length" => {
            let len = match &**arg(0) {
                Object::Str(s) => s.chars().count(),
                Object::List(items) => items.len(),
                Object::Dict(map) => map.len(),
                _ => return Err(type_error(name, arg(0), arg(0).jmespath_type(), &["string", "array", "object"])),
            };
            number(PyNumber::int(i64::try_from(len).unwrap_or(i64::MAX)))
        }
        "map" => {
            let expression = as_expref(name, arg(0))?;
            list(as_list(name, arg(1))?.iter().map(|element| visit(expression, element)).collect::<Result<_, _>>()?)
        }
        "max" => extreme(as_list(name, arg(0))?, ">", |item| Ok(item.clone()))?,
        "min" => extreme(as_list(name, arg(0))?, "<", |item| Ok(item.clone()))?,
        "max_by" | "min_by" => {
            let expression = as_expref(name, arg(1))?;
            let op = if name == "max_by" { ">" } else { "<" };
            extreme(as_list(name, arg(0))?, op, |item| keyed(name, expression, item, &["number", "string"], visit))?
        }
        "merge" => {
            let mut merged = as_dict(name, arg(0))?.clone();
            for other in &args[1..] {
                update(&mut merged, other)?;
            }
            Object::Dict(merged).into_obj()
        }
        "not_null" => args.iter().find(|a| !matches!(***a, Object::None)).cloned().unwrap_or_else(none),
        "reverse" => match &**arg(0) {
            Object::Str(s) => string(s.chars().rev().collect()),
            Object::List(items) => list(items.iter().rev().cloned().collect()),
            _ => return Err(type_error(name, arg(0), arg(0).jmespath_type(), &["array", "string"])),
        },
        "sort" => {
            let mut items = as_list(name, arg(0))?.to_vec();
            pysort::sort_by(&mut items, |a, b| ordered(a, b, "<").unwrap_or(false));
            list(items)
        }
        "sort_by" => {
            let items = as_list(name, arg(0))?;
            let Some(first) = items.first() else { return Ok(arg(0).clone()) };
            let expression = as_expref(name, arg(1))?;
            let required = visit(expression, first)?.jmespath_type();
            if required != "number" && required != "string" {
                return Err(type_error("sort_by", first, required, &["string", "number"]));
            }
            let mut keyed_items = Vec::with_capacity(items.len());
            for item in items {
                keyed_items.push((keyed("sort_by", expression, item, &[required], visit)?, item.clone()));
            }
            pysort::sort_by(&mut keyed_items, |a, b| ordered(&a.0, &b.0, "<").unwrap_or(false));
            list(keyed_items.into_iter().map(|(_, item)| item).collect())
        }
        "starts_with" => boolean(as_str(name, arg(0))?.starts_with(as_str(name, arg(1))?)),
        "sum" => number(sum(name, as_list(name, arg(0))?)?),
        "to_array" => match &**arg(0) {
            Object::List(_) => arg(0).clone(),
            _ => list(vec![arg(0).clone()]),
        },
        "to_number" => to_number(arg(0))?,
        "to_string" => match &**arg(0) {
            Object::Str(_) => arg(0).clone(),
            _ => string(jsonfmt::dumps_compact(&to_value(arg(0)), Dicts::Plain)),
        },
        "type" => match &**arg(0) {
            Object::Expref(_) => none(),
            other => string(other.jmespath_type().to_owned()),
        },
        "values" => list(as_dict(name, arg(0))?.values().cloned().collect()),
        _ => return Err(format!("Unknown function: {name}()")),
    })
}

/// `_create_key_func`: the expression's value on `item`, which must have one of the JMESPath `types`.
fn keyed<'a>(
    name: &str,
    expression: &'a Node,
    item: &Obj<'a>,
    types: &[&str],
    visit: Visit,
) -> Result<Obj<'a>, String> {
    let result = visit(expression, item)?;
    let jmespath_type = result.jmespath_type();
    if types.contains(&jmespath_type) { Ok(result) } else { Err(type_error(name, &result, jmespath_type, types)) }
}

/// `_func_to_number`: numbers as they are, strings through `int()` then `float()`, anything else `None` (or
/// the `TypeError` of `int()` for an `_Expression`).
fn to_number<'a>(arg: &Obj<'a>) -> Result<Obj<'a>, String> {
    Ok(match &**arg {
        Object::List(_) | Object::Dict(_) | Object::Bool(_) | Object::None => none(),
        Object::Number(_) => arg.clone(),
        Object::Str(s) => match python_big_int(s) {
            Ok(i) => number(PyNumber::Int(i)),
            Err(_) => python_float(s).map_or_else(none, |x| number(PyNumber::Float(x))),
        },
        Object::Expref(_) => {
            return Err(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                arg.type_name()
            ));
        }
    })
}

/// `dict.update(other)`: a dict's items, else an iterable of pairs (a string of two characters, a list of
/// two items, a dict of two keys), with Python's errors. A pair whose key is not a string would make a key
/// JSON has no place for: that argument is refused as the JMESPath specification says (README,
/// "Differences from AWS CLI v1").
fn update<'a>(merged: &mut IndexMap<String, Obj<'a>>, other: &Obj<'a>) -> Result<(), String> {
    let elements: Vec<Obj<'a>> = match &**other {
        Object::Dict(map) => {
            merged.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
            return Ok(());
        }
        Object::List(items) => items.clone(),
        Object::Str(s) => s.chars().map(|c| string(c.to_string())).collect(),
        _ => return Err(format!("'{}' object is not iterable", other.type_name())),
    };
    for (i, element) in elements.iter().enumerate() {
        let pair: Vec<Obj<'a>> = match &**element {
            Object::Str(s) => s.chars().map(|c| string(c.to_string())).collect(),
            Object::List(items) => items.clone(),
            Object::Dict(map) => map.keys().map(|k| string(k.clone())).collect(),
            _ => return Err(format!("cannot convert dictionary update sequence element #{i} to a sequence")),
        };
        if pair.len() != 2 {
            return Err(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()));
        }
        match &*pair[0] {
            Object::Str(key) => {
                merged.insert(key.clone(), pair[1].clone());
            }
            Object::List(_) | Object::Dict(_) => return Err(format!("unhashable type: '{}'", pair[0].type_name())),
            _ => return Err(type_error("merge", other, other.jmespath_type(), &["object"])),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_of_the_specification_is_here() {
        let names: Vec<&str> = FUNCTIONS.iter().map(|(name, _)| *name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted, "kept in order");
        assert_eq!(names.len(), 26);
    }

    #[test]
    fn orderings_of_a_string_and_a_number_are_type_errors() {
        let (a, b) = (string("a".to_owned()), number(PyNumber::int(1)));
        assert_eq!(ordered(&a, &b, ">"), Err("'>' not supported between instances of 'str' and 'int'".to_owned()));
        assert_eq!(ordered(&b, &a, "<"), Err("'<' not supported between instances of 'int' and 'str'".to_owned()));
        assert_eq!(ordered(&b, &number(PyNumber::Float(1.5)), "<"), Ok(true));
        assert_eq!(ordered(&b, &number(PyNumber::Float(1.5)), ">"), Ok(false));
    }
}
