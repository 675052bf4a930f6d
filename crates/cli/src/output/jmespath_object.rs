//! The Python objects jmespath-python's interpreter works on, held by reference as Python holds them: an
//! [`Obj`] is a shared pointer, so a value that reaches the result twice is the same object twice, as in
//! Python (which decides whether `[x] == [x]` holds when `x` is NaN: list and dict comparisons and `in` take
//! an object as equal to itself). Dicts keep their members in insertion order.

use std::rc::Rc;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::output::jmespath_syntax::Node;
use crate::python::pynumber::PyNumber;
use crate::python::pyrepr::{self, Dicts};
use crate::python::pyvalue::{self, PySpecial};

/// A reference to a Python object.
pub(crate) type Obj<'a> = Rc<Object<'a>>;

/// A Python object of the types JMESPath values have.
#[derive(Debug)]
pub(crate) enum Object<'a> {
    None,
    Bool(bool),
    Number(PyNumber),
    Str(String),
    List(Vec<Obj<'a>>),
    Dict(IndexMap<String, Obj<'a>>),
    /// jmespath's `_Expression`, the value of `&expression`.
    Expref(&'a Node),
}

impl<'a> Object<'a> {
    /// A new object.
    pub(crate) fn into_obj(self) -> Obj<'a> {
        Rc::new(self)
    }

    /// `type(x).__name__`.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Object::None => "NoneType",
            Object::Bool(_) => "bool",
            Object::Number(n) => n.type_name(),
            Object::Str(_) => "str",
            Object::List(_) => "list",
            Object::Dict(_) => "dict",
            Object::Expref(_) => "_Expression",
        }
    }

    /// The JMESPath type of a Python type name (`TYPES_MAP`).
    pub(crate) fn jmespath_type_of(type_name: &str) -> &'static str {
        match type_name {
            "bool" => "boolean",
            "list" => "array",
            "dict" => "object",
            "NoneType" => "null",
            "str" => "string",
            "float" | "int" => "number",
            "_Expression" => "expref",
            _ => "unknown",
        }
    }

    /// The JMESPath type of the object.
    pub(crate) fn jmespath_type(&self) -> &'static str {
        Object::jmespath_type_of(self.type_name())
    }

    /// The interpreter's `_is_false`: `''`, `[]`, `{}`, `None` and `False`.
    pub(crate) fn is_false(&self) -> bool {
        match self {
            Object::None | Object::Bool(false) => true,
            Object::Str(s) => s.is_empty(),
            Object::List(items) => items.is_empty(),
            Object::Dict(map) => map.is_empty(),
            Object::Bool(true) | Object::Number(_) | Object::Expref(_) => false,
        }
    }

    /// The number Python sees in a `bool`, `int` or `float` (`True == 1`).
    fn numeric(&self) -> Option<PyNumber> {
        match self {
            Object::Bool(b) => Some(PyNumber::int(i64::from(*b))),
            Object::Number(n) => Some(n.clone()),
            _ => None,
        }
    }
}

/// `None`.
pub(crate) fn none<'a>() -> Obj<'a> {
    Object::None.into_obj()
}

/// The object a JSON value stands for, its objects being `dicts` ([`Dicts::Plain`] reads
/// [`pyvalue`]'s special values, [`Dicts::Response`] takes every object for a dict).
pub(crate) fn from_value(value: &Value, dicts: Dicts) -> Obj<'static> {
    match value {
        Value::Null => none(),
        Value::Bool(b) => Object::Bool(*b).into_obj(),
        Value::Number(_) => Object::Number(PyNumber::from_value(value).unwrap_or(PyNumber::Float(f64::NAN))).into_obj(),
        Value::String(s) => Object::Str(s.clone()).into_obj(),
        Value::Array(items) => Object::List(items.iter().map(|item| from_value(item, dicts)).collect()).into_obj(),
        Value::Object(map) => {
            let special = if dicts == Dicts::Response { None } else { pyvalue::special(value) };
            match special {
                Some(PySpecial::Dict(content)) => dict_from_map(content, dicts),
                Some(PySpecial::Float(x)) if x.is_nan() => json_nan(),
                Some(_) => match PyNumber::from_value(value) {
                    Some(number) => Object::Number(number).into_obj(),
                    // Bytes and foreign objects have no JMESPath type; JSON literals never hold them.
                    None => Object::Str(pyrepr::str_with(value, dicts)).into_obj(),
                },
                None => dict_from_map(map, dicts),
            }
        }
    }
}

/// The NaN of Python's `json.loads`: one object (`json.decoder.NaN`) for every `NaN` it reads, so that `[x] ==
/// [y]` holds for two of them.
fn json_nan() -> Obj<'static> {
    thread_local! {
        static NAN: Obj<'static> = Object::Number(PyNumber::Float(f64::NAN)).into_obj();
    }
    NAN.with(Rc::clone)
}

fn dict_from_map(map: &Map<String, Value>, dicts: Dicts) -> Obj<'static> {
    Object::Dict(map.iter().map(|(k, v)| (k.clone(), from_value(v, dicts))).collect()).into_obj()
}

/// The JSON value of an object, with [`pyvalue`]'s special values ([`Dicts::Plain`]): big ints, NaN and
/// infinities, dicts that look like special values, and `_Expression`s by their `repr()`.
pub(crate) fn to_value(object: &Obj<'_>) -> Value {
    match &**object {
        Object::None => Value::Null,
        Object::Bool(b) => Value::Bool(*b),
        Object::Number(n) => n.to_value(),
        Object::Str(s) => Value::String(s.clone()),
        Object::List(items) => Value::Array(items.iter().map(to_value).collect()),
        Object::Dict(map) => pyvalue::dict_value(map.iter().map(|(k, v)| (k.clone(), to_value(v))).collect()),
        Object::Expref(_) => pyvalue::object_value(&expref_repr(object)),
    }
}

/// `repr()` of an `_Expression`, its address being the object's own, as Python's is.
fn expref_repr(object: &Obj<'_>) -> String {
    format!("<jmespath.visitor._Expression object at {:#x}>", Rc::as_ptr(object) as usize)
}

/// `str(x)`, as `%s` formats it into messages.
pub(crate) fn py_str(object: &Obj<'_>) -> String {
    match &**object {
        Object::Str(s) => s.clone(),
        _ => pyrepr::str_with(&to_value(object), Dicts::Plain),
    }
}

/// Python's `x == y`: numbers by value (`True == 1 == 1.0`), containers item by item, an object equal to
/// itself inside a container ([`same_or_equal`]), an `_Expression` only to itself.
pub(crate) fn equals(x: &Obj<'_>, y: &Obj<'_>) -> bool {
    match (&**x, &**y) {
        (Object::None, Object::None) => true,
        (Object::Str(a), Object::Str(b)) => a == b,
        (Object::List(a), Object::List(b)) => a.len() == b.len() && a.iter().zip(b).all(|(p, q)| same_or_equal(p, q)),
        (Object::Dict(a), Object::Dict(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_or_equal(v, w)))
        }
        (Object::Expref(_), Object::Expref(_)) => Rc::ptr_eq(x, y),
        (a, b) => match (a.numeric(), b.numeric()) {
            (Some(m), Some(n)) => m.equals(&n),
            _ => false,
        },
    }
}

/// `PyObject_RichCompareBool(x, y, Py_EQ)`: identity first, then `==`.
pub(crate) fn same_or_equal(x: &Obj<'_>, y: &Obj<'_>) -> bool {
    Rc::ptr_eq(x, y) || equals(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Obj<'static> {
        from_value(&crate::python::pyjson::loads(json, 100).expect("JSON"), Dicts::Plain)
    }

    #[test]
    fn equality_is_pythons() {
        assert!(equals(&obj("[1, {\"a\": true}]"), &obj("[1.0, {\"a\": 1}]")));
        assert!(!equals(&obj("[1]"), &obj("[1, 1]")));
        assert!(!equals(&obj("{\"a\": 1}"), &obj("{\"b\": 1}")));
        assert!(!equals(&obj("\"1\""), &obj("1")));
        assert!(!equals(&obj("NaN"), &obj("NaN")));
        let nan = obj("NaN");
        assert!(!equals(&nan, &nan));
        let list = Object::List(vec![nan.clone()]).into_obj();
        assert!(equals(&list, &Object::List(vec![nan]).into_obj()));
        assert!(equals(&list, &obj("[NaN]")), "json.loads makes one NaN");
        let computed = Object::Number(PyNumber::Float(f64::NAN)).into_obj();
        assert!(!equals(&list, &Object::List(vec![computed]).into_obj()));
    }

    #[test]
    fn values_keep_their_order_and_special_values() {
        let value =
            crate::python::pyjson::loads(r#"{"z": [1, 2.5, 1e400, 123456789012345678901234567890], "a": {}}"#, 100)
                .expect("JSON");
        assert_eq!(to_value(&from_value(&value, Dicts::Plain)), value);
        assert_eq!(py_str(&obj(r#"{"b": [null, true, "x"], "a": 1.0}"#)), "{'b': [None, True, 'x'], 'a': 1.0}");
    }

    #[test]
    fn falsehood_is_jmespaths() {
        for json in ["\"\"", "[]", "{}", "null", "false"] {
            assert!(obj(json).is_false(), "{json}");
        }
        for json in ["0", "0.0", "\" \"", "[0]", "true"] {
            assert!(!obj(json).is_false(), "{json}");
        }
    }
}
