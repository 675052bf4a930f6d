//! Python repr() of parameter values, for botocore's validation messages.
//!
//! botocore formats a value into a validation message with `str(value)`: a `str` prints as itself, any
//! other value as its `repr()`, which for containers uses the `repr()` of their items. This module
//! reproduces CPython 3.11's `repr()` for the values a parameter can hold:
//!
//! - `str`: quoted with `'`, or with `"` when the text holds `'` and no `"`; `\\`, the quote, `\t`,
//!   `\n` and `\r` escaped; other characters below U+0020 and U+007F as `\xNN`; characters that
//!   `str.isprintable()` rejects (general categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs but the space) as
//!   `\xNN`, `\uNNNN` or `\UNNNNNNNN`; everything else as itself.
//! - `int` in decimal, `float` as the shortest text that reads back to the same double (`1.0`,
//!   `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`), `True`/`False`, `None`.
//! - `list` as `[1, 'a']`, `dict` as `{'a': 1}`, and `collections.OrderedDict` (what AWS CLI v1 makes of
//!   a JSON option value) as `OrderedDict([('a', 1)])`, `OrderedDict()` when empty.
//! - `bytes` (what `fileb://` gives) as `b'...'`.
//!
//! What a [`Value`] cannot hold, this module cannot print: integers beyond 64 bits (Python keeps them
//! exact; serde_json without `arbitrary_precision` turns them into floats), `NaN` and `Infinity` (Python's
//! json.loads accepts them; serde_json does not), and strings with lone surrogates (`"\ud800"`).
//! [`repr_float`] prints non-finite doubles for callers that hold them outside a [`Value`].
//!
//! Python raises `RecursionError` when a value nests deeper than about 975 levels; these functions
//! have no such limit and, being iterative, no recursion either.

use serde_json::{Map, Number, Value};

use crate::python::py_unicode;
use crate::python::pyvalue::PySpecial;

/// Which Python dict type holds the objects of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dicts {
    /// `dict`, as `--cli-input-json` and the shorthand parser make them: `{'a': 1}`.
    Plain,
    /// `collections.OrderedDict`, as AWS CLI v1 loads a JSON option value (`object_pairs_hook`), at
    /// every level: `OrderedDict([('a', 1)])`.
    Ordered,
    /// `dict`, with no object standing for a [`crate::python::pyvalue::special`] value: a parsed response as the
    /// output formatters get it (response.rs makes no special values, so an object shaped like one is a
    /// dict the server sent).
    Response,
}

/// Python's `repr` of a scalar special value; `None` for [`PySpecial::Dict`], whose repr depends on its
/// content and on whether it is an `OrderedDict`.
#[cfg(test)]
pub fn scalar_repr(special: &PySpecial<'_>) -> Option<String> {
    match special {
        PySpecial::Int(digits) => Some((*digits).to_owned()),
        PySpecial::Float(x) => Some(repr_float(*x)),
        PySpecial::Bytes(b) => Some(repr_bytes(b)),
        PySpecial::Dict(_) => None,
    }
}

/// Python's `repr()` of `value`, its objects being plain dicts.
pub fn repr(value: &Value) -> String {
    repr_with(value, Dicts::Plain)
}

/// Python's `repr()` of `value`, its objects being `dicts`.
pub fn repr_with(value: &Value, dicts: Dicts) -> String {
    let mut out = String::new();
    write_repr(&mut out, value, dicts);
    out
}

/// Python's `str()` of `value`: a string as itself, anything else as its `repr()`.
pub fn str_with(value: &Value, dicts: Dicts) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => repr_with(other, dicts),
    }
}

/// `str(type(value))` in Python, such as `<class 'int'>`.
pub fn type_name(value: &Value, dicts: Dicts) -> &'static str {
    py_type(value, dicts).1
}

/// The name of `value`'s type in Python's messages (`tp_name`), such as `int` in
/// `'int' object has no attribute 'items'`.
pub fn tp_name(value: &Value, dicts: Dicts) -> &'static str {
    py_type(value, dicts).0
}

/// `tp_name` and `str(type(value))` of `value`.
fn py_type(value: &Value, dicts: Dicts) -> (&'static str, &'static str) {
    let special = match (value, dicts) {
        (Value::Object(_), Dicts::Plain | Dicts::Ordered) => crate::python::pyvalue::special(value),
        _ => None,
    };
    match (value, special) {
        (Value::Null, _) => ("NoneType", "<class 'NoneType'>"),
        (Value::Bool(_), _) => ("bool", "<class 'bool'>"),
        (Value::Number(n), _) if n.is_f64() => ("float", "<class 'float'>"),
        (Value::Number(_), _) | (_, Some(PySpecial::Int(_))) => ("int", "<class 'int'>"),
        (_, Some(PySpecial::Float(_))) => ("float", "<class 'float'>"),
        (_, Some(PySpecial::Bytes(_))) => ("bytes", BYTES_TYPE),
        (Value::String(_), _) => ("str", "<class 'str'>"),
        (Value::Array(_), _) => ("list", "<class 'list'>"),
        (Value::Object(_), _) => match dicts {
            Dicts::Plain | Dicts::Response => ("dict", "<class 'dict'>"),
            Dicts::Ordered => ("collections.OrderedDict", "<class 'collections.OrderedDict'>"),
        },
    }
}

/// `str(bytes)` in Python, the type of what `fileb://` reads.
pub const BYTES_TYPE: &str = "<class 'bytes'>";

/// Python's `repr()` of a `str`.
pub fn repr_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_repr_str(&mut out, s);
    out
}

/// Python's `repr()` (and `str()`) of a list of strings: `['a', "it's"]`.
pub fn repr_str_list(items: &[String]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_repr_str(&mut out, item);
    }
    out.push(']');
    out
}

/// Python's `repr()` of a `bytes` value: `b'abc\n'`, `b'\xff'`.
pub fn repr_bytes(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => push_hex(&mut out, 'x', u32::from(b), 2),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a JSON number: an integer in decimal, a float by [`repr_float`].
pub fn repr_number(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        u.to_string()
    } else if let Some(i) = n.as_i64() {
        i.to_string()
    } else {
        repr_float(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Python's `repr()` of a `float`: the shortest digits that read back to `x`, in fixed notation when
/// the decimal exponent is from -4 to 15 (`0.0001`, `1000000000000000.0`), else in scientific
/// notation with a signed exponent of at least two digits (`1e-05`, `1e+16`); `inf`, `-inf`, `nan`.
pub fn repr_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    // `{:e}` gives the shortest digits that read back to `x`. When two strings of that length do,
    // Rust may take either while Python takes the one nearer to `x`, ties to even (1059438285926254.25
    // is `...254.2`): that is `x` correctly rounded to that many digits, which `{:.N$e}` gives.
    let shortest = format!("{:e}", x.abs());
    let ndigits = shortest.split('e').next().unwrap_or_default().chars().filter(char::is_ascii_digit).count();
    let sci = format!("{:.*e}", ndigits.saturating_sub(1), x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    // Python's decpt: the value is 0.DIGITS times ten to the decpt.
    let decpt = exponent + 1;
    let mut out = String::from(sign);
    if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        out.push_str(&format!("e{exp_sign}{:02}", exponent.unsigned_abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        out.push_str(&digits);
    } else {
        let point = decpt.unsigned_abs() as usize;
        if point >= digits.len() {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', point - digits.len()));
            out.push_str(".0");
        } else {
            let (int_part, frac_part) = digits.split_at(point);
            out.push_str(int_part);
            out.push('.');
            out.push_str(frac_part);
        }
    }
    out
}

/// Python's `str.isprintable()` for one character (Unicode 14.0, as in Python 3.11), from the generated
/// [`py_unicode::NOT_PRINTABLE`] table.
pub fn is_printable(c: char) -> bool {
    !py_unicode::contains(py_unicode::NOT_PRINTABLE, c)
}

/// Appends Python's `repr()` of a `str` to `out`.
pub(crate) fn push_repr_str(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if u32::from(c) < 0x7f => push_hex(out, 'x', u32::from(c), 2),
            _ if is_printable(c) => out.push(c),
            _ if u32::from(c) <= 0xff => push_hex(out, 'x', u32::from(c), 2),
            _ if u32::from(c) <= 0xffff => push_hex(out, 'u', u32::from(c), 4),
            _ => push_hex(out, 'U', u32::from(c), 8),
        }
    }
    out.push(quote);
}

fn push_hex(out: &mut String, kind: char, n: u32, width: usize) {
    out.push('\\');
    out.push(kind);
    out.push_str(&format!("{n:0width$x}"));
}

/// What is left to write, most recent last: the walk keeps its own stack instead of recursing.
enum Task<'a> {
    Value(&'a Value),
    Key(&'a str),
    Text(&'static str),
}

fn write_repr(out: &mut String, root: &Value, dicts: Dicts) {
    let mut tasks = vec![Task::Value(root)];
    while let Some(task) = tasks.pop() {
        let value = match task {
            Task::Text(text) => {
                out.push_str(text);
                continue;
            }
            Task::Key(key) => {
                push_repr_str(out, key);
                continue;
            }
            Task::Value(value) => value,
        };
        match value {
            Value::Null => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Number(n) => out.push_str(&repr_number(n)),
            Value::String(s) => push_repr_str(out, s),
            Value::Array(items) => {
                out.push('[');
                tasks.push(Task::Text("]"));
                for (i, item) in items.iter().enumerate().rev() {
                    tasks.push(Task::Value(item));
                    if i > 0 {
                        tasks.push(Task::Text(", "));
                    }
                }
            }
            Value::Object(map) if dicts == Dicts::Response => push_dict(out, &mut tasks, map, dicts),
            Value::Object(map) => match crate::python::pyvalue::special(value) {
                Some(PySpecial::Int(digits)) => out.push_str(digits),
                Some(PySpecial::Float(x)) => out.push_str(&repr_float(x)),
                Some(PySpecial::Bytes(bytes)) => out.push_str(&repr_bytes(&bytes)),
                Some(PySpecial::Dict(content)) => push_dict(out, &mut tasks, content, dicts),
                None => push_dict(out, &mut tasks, map, dicts),
            },
        }
    }
}

/// Opens a dict's repr and queues its items.
fn push_dict<'a>(out: &mut String, tasks: &mut Vec<Task<'a>>, map: &'a Map<String, Value>, dicts: Dicts) {
    match dicts {
        Dicts::Plain | Dicts::Response => {
            out.push('{');
            tasks.push(Task::Text("}"));
            for (i, (key, item)) in map.iter().enumerate().rev() {
                tasks.push(Task::Value(item));
                tasks.push(Task::Text(": "));
                tasks.push(Task::Key(key));
                if i > 0 {
                    tasks.push(Task::Text(", "));
                }
            }
        }
        Dicts::Ordered if map.is_empty() => out.push_str("OrderedDict()"),
        Dicts::Ordered => {
            out.push_str("OrderedDict([");
            tasks.push(Task::Text("])"));
            for (i, (key, item)) in map.iter().enumerate().rev() {
                tasks.push(Task::Text(")"));
                tasks.push(Task::Value(item));
                tasks.push(Task::Text(", "));
                tasks.push(Task::Key(key));
                tasks.push(Task::Text("("));
                if i > 0 {
                    tasks.push(Task::Text(", "));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! Expected texts observed from awscli 1.46.3 (validation messages) and CPython 3.11.7 (the golden
    //! tables at the end, made by the script in the comment above them).

    use super::*;
    use serde_json::json;

    #[test]
    fn prints_the_strings_of_a_list_as_the_cli_does() {
        // Arrange: the list the CLI printed for ClientMetadata.a (observed).
        let value = json!([
            "Zoë",
            "用户",
            "😀",
            "e\u{301}",
            "\u{0}\u{7}\u{7f}\u{85}\u{a0}\u{ad}\u{200b}\u{2028}\u{e000}\u{ffff}😀\u{10ffff}\u{378}",
            "it's",
            "say \"hi\"",
            "both ' \"",
            "back\\slash",
            "\t\n\r"
        ]);

        // Act
        let text = repr(&value);

        // Assert
        assert_eq!(
            text,
            "['Zoë', '用户', '😀', 'e\u{301}', '\\x00\\x07\\x7f\\x85\\xa0\\xad\\u200b\\u2028\\ue000\\uffff😀\\U0010ffff\\u0378', \"it's\", 'say \"hi\"', 'both \\' \"', 'back\\\\slash', '\\t\\n\\r']"
        );
    }

    #[test]
    fn prints_nested_dicts_and_floats_as_the_cli_does() {
        let value = json!({"k'": {"x": [1.5, 1e22, 1e16, 1e15, 0.0001, 0.00001, 123.456, -0.0, 2.5e-310]}});

        let text = repr(&value);

        assert_eq!(
            text,
            "{\"k'\": {'x': [1.5, 1e+22, 1e+16, 1000000000000000.0, 0.0001, 1e-05, 123.456, -0.0, 2.5e-310]}}"
        );
    }

    #[test]
    fn prints_json_option_objects_as_ordered_dicts_at_every_level() {
        let value = json!({"b": 1, "c": [{"d": 1}]});

        let text = repr_with(&value, Dicts::Ordered);

        assert_eq!(text, "OrderedDict([('b', 1), ('c', [OrderedDict([('d', 1)])])])");
    }

    #[test]
    fn prints_an_empty_ordered_dict_without_a_list() {
        assert_eq!(repr_with(&json!({}), Dicts::Ordered), "OrderedDict()");
        assert_eq!(repr_with(&json!({}), Dicts::Plain), "{}");
    }

    #[test]
    fn prints_scalars_as_python_does() {
        assert_eq!(repr(&json!(null)), "None");
        assert_eq!(repr(&json!(true)), "True");
        assert_eq!(repr(&json!(false)), "False");
        assert_eq!(repr(&json!(1)), "1");
        assert_eq!(repr(&json!(-9223372036854775808i64)), "-9223372036854775808");
        assert_eq!(repr(&json!(18446744073709551615u64)), "18446744073709551615");
        assert_eq!(repr(&json!(1.0)), "1.0");
        assert_eq!(repr(&json!([])), "[]");
    }

    #[test]
    fn str_of_a_string_is_the_string_itself_and_of_anything_else_its_repr() {
        assert_eq!(str_with(&json!("abc"), Dicts::Plain), "abc");
        assert_eq!(str_with(&json!("it's"), Dicts::Plain), "it's");
        assert_eq!(str_with(&json!(["abc"]), Dicts::Plain), "['abc']");
        assert_eq!(str_with(&json!(null), Dicts::Plain), "None");
        assert_eq!(str_with(&json!({"x": 1}), Dicts::Ordered), "OrderedDict([('x', 1)])");
    }

    #[test]
    fn names_python_types_as_str_of_type_does() {
        assert_eq!(type_name(&json!(null), Dicts::Plain), "<class 'NoneType'>");
        assert_eq!(type_name(&json!(true), Dicts::Plain), "<class 'bool'>");
        assert_eq!(type_name(&json!(1), Dicts::Plain), "<class 'int'>");
        assert_eq!(type_name(&json!(1.0), Dicts::Plain), "<class 'float'>");
        assert_eq!(type_name(&json!("a"), Dicts::Plain), "<class 'str'>");
        assert_eq!(type_name(&json!([]), Dicts::Plain), "<class 'list'>");
        assert_eq!(type_name(&json!({}), Dicts::Plain), "<class 'dict'>");
        assert_eq!(type_name(&json!({}), Dicts::Ordered), "<class 'collections.OrderedDict'>");
    }

    #[test]
    fn reads_no_special_values_in_a_response() {
        let value = json!([{"\u{0}py:int": "5"}, {"\u{0}py:float": "nan"}]);

        assert_eq!(repr_with(&value, Dicts::Response), "[{'\\x00py:int': '5'}, {'\\x00py:float': 'nan'}]");
        assert_eq!(repr_with(&value, Dicts::Plain), "[5, nan]");
        assert_eq!(tp_name(&value[0], Dicts::Response), "dict");
        assert_eq!(tp_name(&value[0], Dicts::Plain), "int");
    }

    #[test]
    fn prints_non_finite_floats_as_python_does() {
        assert_eq!(repr_float(f64::INFINITY), "inf");
        assert_eq!(repr_float(f64::NEG_INFINITY), "-inf");
        assert_eq!(repr_float(f64::NAN), "nan");
        assert_eq!(repr_float(-0.0), "-0.0");
    }

    #[test]
    fn switches_to_scientific_notation_where_python_does() {
        assert_eq!(repr_float(1e16), "1e+16");
        assert_eq!(repr_float(9999999999999998.0), "9999999999999998.0");
        assert_eq!(repr_float(0.0001), "0.0001");
        assert_eq!(repr_float(0.00001), "1e-05");
        assert_eq!(repr_float(1.5e300), "1.5e+300");
        assert_eq!(repr_float(5e-324), "5e-324");
    }

    #[test]
    fn breaks_a_tie_between_shortest_digits_as_python_does() {
        // Expected texts from CPython 3.11.7's repr(): both `.2` and `.3` (`.312` and `.313`) read back
        // to these doubles (1059438285926254.25, -1425502010969177.25, 26363981746409.3125), which lie
        // exactly halfway; Python takes the even digit, Rust's `{:e}` the odd one.
        let cases = [
            (0x430e_1c6d_958d_7b72, "1059438285926254.2"),
            (0xc314_41f2_33f6_3165, "-1425502010969177.2"),
            (0x42b7_fa57_c450_e950, "26363981746409.312"),
        ];
        for (bits, expected) in cases {
            assert_eq!(repr_float(f64::from_bits(bits)), expected);
        }
    }

    #[test]
    fn prints_bytes_read_by_fileb_as_the_cli_does() {
        assert_eq!(repr_bytes(b"abc\n"), "b'abc\\n'");
        assert_eq!(repr_bytes(b"\xff\x00'\""), "b'\\xff\\x00\\'\"'");
    }

    #[test]
    fn the_printable_table_is_sorted_and_disjoint() {
        for pair in py_unicode::NOT_PRINTABLE.windows(2) {
            if let [(a_start, a_end), (b_start, _)] = pair {
                assert!(a_start <= a_end && a_end < b_start, "{pair:?}");
            }
        }
    }

    #[test]
    fn tells_printable_characters_from_hidden_ones() {
        for c in ['a', ' ', 'ë', '用', '😀', '\u{301}', '\u{30000}'] {
            assert!(is_printable(c), "{c:?}");
        }
        for c in ['\u{0}', '\u{a0}', '\u{ad}', '\u{200b}', '\u{2028}', '\u{3000}', '\u{e000}', '\u{378}', '\u{10ffff}']
        {
            assert!(!is_printable(c), "{c:?}");
        }
    }

    #[test]
    fn writes_json_bytes_and_file_names_as_python_reprs() {
        assert_eq!(repr_bytes(b"{\"a\": \"\xe2(\xa1\"}"), r#"b'{"a": "\xe2(\xa1"}'"#);
        assert_eq!(repr_bytes(b"it's"), r#"b"it's""#);
        assert_eq!(repr_bytes(b"'\"\t\\"), r#"b'\'"\t\\'"#);
        assert_eq!(repr_str("missing.txt"), "'missing.txt'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a\u{a0}b\u{200b}é😀\x7f"), "'a\\xa0b\\u200bé😀\\x7f'");
        // Unassigned code points are not printable either (pyjson once printed them as they are).
        assert_eq!(repr_str("a\u{378}\u{e0080}"), "'a\\u0378\\U000e0080'");
    }

    #[test]
    fn writes_json_floats_as_python_repr_does() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-2.5e300, "-2.5e+300"),
            (123.456, "123.456"),
            // Two 16-digit strings round-trip; Python takes the nearer one, ties to even.
            (-953_123_924_374_610.2, "-953123924374610.2"),
            (f64::NAN, "nan"),
        ];
        for (x, text) in cases {
            assert_eq!(repr_float(x), text);
        }
    }

    #[test]
    fn picks_quotes_and_escapes_as_python() {
        assert_eq!(repr_str("a'b"), "\"a'b\"");
        assert_eq!(repr_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr_str("\t\n\r\\\u{7f}\u{a0}\u{ad}é"), "'\\t\\n\\r\\\\\\x7f\\xa0\\xadé'");
        assert_eq!(repr_str("\u{2028}\u{e0001}𝒳"), "'\\u2028\\U000e0001𝒳'");
    }

    #[test]
    fn prints_a_very_deep_value_without_recursing() {
        let mut value = json!([]);
        for _ in 0..5000 {
            value = Value::Array(vec![value]);
        }

        let text = repr(&value);

        assert_eq!(text.len(), 2 * 5001);
        assert!(text.starts_with("[[[") && text.ends_with("]]]"));
    }

    #[test]
    fn prints_a_long_string_whole() {
        let long = "用".repeat(100_000);

        let text = repr_str(&long);

        assert_eq!(text.chars().count(), 100_002);
    }

    #[test]
    fn matches_python_on_the_golden_strings() {
        for (text, expected) in STR_CASES {
            assert_eq!(repr_str(text), *expected, "repr of {text:?}");
        }
    }

    #[test]
    fn matches_python_on_the_golden_values() {
        for (json_text, plain, ordered) in VALUE_CASES {
            let value: Value = serde_json::from_str(json_text).expect("golden JSON parses");
            assert_eq!(repr(&value), *plain, "repr of {json_text}");
            assert_eq!(repr_with(&value, Dicts::Ordered), *ordered, "OrderedDict repr of {json_text}");
        }
    }

    #[test]
    fn matches_python_on_the_golden_floats() {
        for (bits, expected) in FLOAT_CASES {
            assert_eq!(repr_float(f64::from_bits(*bits)), *expected, "repr of {bits:#x}");
        }
    }

    #[test]
    fn matches_python_on_the_golden_bytes() {
        for (bytes, expected) in BYTES_CASES {
            assert_eq!(repr_bytes(bytes), *expected, "repr of {bytes:?}");
        }
    }

    // The golden tables below were printed by this script with CPython 3.11.7
    // (`python3.11 cases.py pyrepr`; `python3.11 cases.py jsonfmt` prints jsonfmt.rs's table):
    //
    // # Golden cases for pyrepr.rs and jsonfmt.rs, from CPython 3.11's repr() and json.dumps().
    // # Run: python3.11 cases.py pyrepr|jsonfmt  (prints Rust consts to paste into the test module).
    // import json, random, struct, sys
    // from collections import OrderedDict
    //
    // rng = random.Random(20240611)
    //
    // def rs(s):
    //     out = []
    //     for ch in s:
    //         if ch == '\\': out.append('\\\\')
    //         elif ch == '"': out.append('\\"')
    //         elif ' ' <= ch <= '~': out.append(ch)
    //         else: out.append('\\u{%x}' % ord(ch))
    //     return '"' + ''.join(out) + '"'
    //
    // POOLS = [
    //     lambda: chr(rng.randint(0x20, 0x7e)),                      # printable ASCII
    //     lambda: rng.choice('\'"\\'),                                # quotes and backslash
    //     lambda: chr(rng.choice([*range(0, 0x20), 0x7f])),           # C0 controls and DEL
    //     lambda: chr(rng.randint(0x80, 0xff)),                       # Latin-1, with C1 controls, NBSP, SHY
    //     lambda: chr(rng.randint(0x300, 0x36f)),                     # combining marks
    //     lambda: chr(rng.choice([0x200b, 0x200e, 0x2028, 0x2029, 0x3000, 0xfeff, 0x2060, 0x061c, 0x1680])),
    //     lambda: chr(rng.randint(0x4e00, 0x9fff)),                   # CJK
    //     lambda: chr(rng.randint(0x1f300, 0x1faff)),                 # emoji, some unassigned
    //     lambda: chr(rng.choice([0xe000, 0xf8ff, 0xf0000, 0x10fffd])),  # private use
    //     lambda: chr(rng.choice([0x378, 0xfffe, 0xffff, 0x10ffff, 0xe0001, 0xe0100, 0x2fa1e, 0x30000])),
    //     lambda: chr(rng.randint(0x100, 0xffff)),                    # anything in the BMP
    //     lambda: chr(rng.randint(0x10000, 0x10ffff)),                # anything astral
    // ]
    //
    // def rand_str(maxlen=8):
    //     s = ''.join(rng.choice(POOLS)() for _ in range(rng.randint(0, maxlen)))
    //     return ''.join(c for c in s if not 0xd800 <= ord(c) <= 0xdfff)
    //
    // NICE_FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 100.0, 1e5, 123.456, 0.0001, 1e-05, 1e15, 1e16, 2.5, 1e22, 3.14159]
    //
    // def rand_scalar():
    //     k = rng.randint(0, 9)
    //     if k == 0: return None
    //     if k == 1: return rng.choice([True, False])
    //     if k == 2: return rng.choice([0, -1, 1, 2**63 - 1, -2**63, 2**64 - 1, 10**15, rng.randint(-10**6, 10**6)])
    //     if k == 3: return rng.choice(NICE_FLOATS)
    //     return rand_str()
    //
    // def rand_value(depth=0):
    //     k = rng.randint(0, 5)
    //     if depth > 3 or k < 3: return rand_scalar()
    //     if k == 3: return [rand_value(depth + 1) for _ in range(rng.randint(0, 3))]
    //     return {rand_str(4): rand_value(depth + 1) for _ in range(rng.randint(0, 3))}
    //
    // def rand_float():
    //     k = rng.randint(0, 5)
    //     if k == 0: return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    //     if k == 1: return rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20)
    //     if k == 2: return float(rng.randint(-10**17, 10**17))
    //     if k == 3: return rng.choice([1e16, 9999999999999998.0, 1e-4, 9.999999999999999e-05, 5e-324, 2.2250738585072014e-308,
    //                                   1.7976931348623157e308, float('inf'), float('-inf'), 0.5, 1/3, 2/3, 0.1 + 0.2])
    //     if k == 4: return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    //     return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(52) | (rng.randint(0, 2046) << 52)))[0]
    //
    // def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
    //
    // if sys.argv[1] == 'pyrepr':
    //     print('/// (text, repr(text)), from CPython 3.11.7.')
    //     print('const STR_CASES: &[(&str, &str)] = &[')
    //     fixed = ['', 'Zoë', '用户', '😀', 'e\u0301', "it's", 'say "hi"', 'both \' "', 'a\\b', '\x00\x07\x1b\x7f', '\x85\xa0\xad',
    //              '\u200b\u2028\u2029\u3000\ufeff', '\ue000\U000f0000', '\u0378\uffff\U0010ffff', ' ', '\t\n\r']
    //     for s in fixed + [rand_str(12) for _ in range(150)]:
    //         print(f'    ({rs(s)}, {rs(repr(s))}),')
    //     print('];')
    //     print('/// (JSON text, repr(json.loads(text)), repr(json.loads(text, object_pairs_hook=OrderedDict))).')
    //     print('const VALUE_CASES: &[(&str, &str, &str)] = &[')
    //     for _ in range(120):
    //         v = rand_value()
    //         t = json.dumps(v)
    //         print(f'    ({rs(t)}, {rs(repr(json.loads(t)))}, {rs(repr(json.loads(t, object_pairs_hook=OrderedDict)))}),')
    //     print('];')
    //     print('/// (bits of a double, repr(double)).')
    //     print('const FLOAT_CASES: &[(u64, &str)] = &[')
    //     for _ in range(400):
    //         x = rand_float()
    //         print(f'    (0x{bits(x):016x}, {rs(repr(x))}),')
    //     print('];')
    //     print('/// (bytes, repr(bytes)).')
    //     print('const BYTES_CASES: &[(&[u8], &str)] = &[')
    //     for b in [b'', b'abc\n', b'\xff\x00\'"', b"'", b'"', b'\\', bytes(range(0, 256, 7))] + [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 10))) for _ in range(40)]:
    //         lit = 'b"' + ''.join('\\x%02x' % c for c in b) + '"'
    //         print(f'    ({lit}, {rs(repr(b))}),')
    //     print('];')
    // else:
    //     print('/// (JSON text, json.dumps(v, indent=4), json.dumps(v, indent=4, ensure_ascii=False)), from CPython 3.11.7.')
    //     print('const DUMPS_CASES: &[(&str, &str, &str)] = &[')
    //     fixed = ['{}', '[]', '""', 'null', 'true', '1', '-0.0', '1e+16', '{"a": {}, "b": []}',
    //              json.dumps({'k': ['Zoë', '用户', '😀', 'e\u0301', '\x00\x08\x0c\x1f\x7f\x85\u2028\ufeff', '"\\/']}),
    //              json.dumps([[[[]]], {"": {"": None}}])]
    //     for t in fixed + [json.dumps(rand_value()) for _ in range(100)]:
    //         v = json.loads(t)
    //         print(f'    ({rs(t)}, {rs(json.dumps(v, indent=4))}, {rs(json.dumps(v, indent=4, ensure_ascii=False))}),')
    //     print('];')

    /// (text, repr(text)), from CPython 3.11.7.
    const STR_CASES: &[(&str, &str)] = &[
        ("", "''"),
        ("Zo\u{eb}", "'Zo\u{eb}'"),
        ("\u{7528}\u{6237}", "'\u{7528}\u{6237}'"),
        ("\u{1f600}", "'\u{1f600}'"),
        ("e\u{301}", "'e\u{301}'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' \"", "'both \\' \"'"),
        ("a\\b", "'a\\\\b'"),
        ("\u{0}\u{7}\u{1b}\u{7f}", "'\\x00\\x07\\x1b\\x7f'"),
        ("\u{85}\u{a0}\u{ad}", "'\\x85\\xa0\\xad'"),
        ("\u{200b}\u{2028}\u{2029}\u{3000}\u{feff}", "'\\u200b\\u2028\\u2029\\u3000\\ufeff'"),
        ("\u{e000}\u{f0000}", "'\\ue000\\U000f0000'"),
        ("\u{378}\u{ffff}\u{10ffff}", "'\\u0378\\uffff\\U0010ffff'"),
        (" ", "' '"),
        ("\u{9}\u{a}\u{d}", "'\\t\\n\\r'"),
        (
            "\u{3000}\u{17}\u{ccd41}\u{200b}\u{cd}\u{fffe}T\u{3000}\u{9b0b}",
            "'\\u3000\\x17\\U000ccd41\\u200b\u{cd}\\ufffeT\\u3000\u{9b0b}'",
        ),
        ("\u{7}", "'\\x07'"),
        ("", "''"),
        ("\u{200b}\u{cc}\u{369}", "'\\u200b\u{cc}\u{369}'"),
        (
            "\u{68e4}\u{1f8fd}\u{6d90}\u{2c8d8}\u{94559}\u{3000}",
            "'\u{68e4}\\U0001f8fd\u{6d90}\u{2c8d8}\\U00094559\\u3000'",
        ),
        ("\u{b7}\u{f8ff}\u{5505}\u{51de}\u{1680}", "'\u{b7}\\uf8ff\u{5505}\u{51de}\\u1680'"),
        ("\u{200e}\u{6b42}\u{f1f5e}\u{200b}\\\u{ffff}", "'\\u200e\u{6b42}\\U000f1f5e\\u200b\\\\\\uffff'"),
        (
            "t\u{4b66}\u{b6be4}\u{7ab99}\u{e000}\u{1680}>\u{dc}\u{1680}\u{ea139}",
            "'t\u{4b66}\\U000b6be4\\U0007ab99\\ue000\\u1680>\u{dc}\\u1680\\U000ea139'",
        ),
        (
            "f\u{4}\u{9174d}\u{301}\u{30000}\u{34f}\u{ffff}'\u{feff}\u{1fa7a}\u{5433}",
            "\"f\\x04\\U0009174d\u{301}\u{30000}\u{34f}\\uffff'\\ufeff\u{1fa7a}\u{5433}\"",
        ),
        ("\u{31c}", "'\u{31c}'"),
        ("\u{1f996}\u{b}", "'\u{1f996}\\x0b'"),
        ("\u{378}\u{2a4ce}\u{f4055}\u{200e}", "'\\u0378\u{2a4ce}\\U000f4055\\u200e'"),
        ("\u{2060}\\\u{300}\u{2029}\u{d}\u{2028}", "'\\u2060\\\\\u{300}\\u2029\\r\\u2028'"),
        ("\u{363b3}\u{feff}\u{714b}\\T\u{30000}", "'\\U000363b3\\ufeff\u{714b}\\\\T\u{30000}'"),
        (
            "\u{b949}\u{326}\u{ea}\u{632d7}\"\u{341}\u{ac}\u{eeff4}",
            "'\u{b949}\u{326}\u{ea}\\U000632d7\"\u{341}\u{ac}\\U000eeff4'",
        ),
        ("\u{2029}\u{892d}\u{1d5be}\u{81}\"\u{ffff}", "'\\u2029\u{892d}\u{1d5be}\\x81\"\\uffff'"),
        ("\u{e0100}\u{8982f}\u{10fffd}\u{9167}o", "'\u{e0100}\\U0008982f\\U0010fffd\u{9167}o'"),
        ("", "''"),
        (
            "\u{470c4}\u{1f5f5}\u{378}b\u{306}\u{7264}\u{80}\u{f5ff7}\u{317}\u{10}\u{5364}\u{2b4f}",
            "'\\U000470c4\u{1f5f5}\\u0378b\u{306}\u{7264}\\x80\\U000f5ff7\u{317}\\x10\u{5364}\u{2b4f}'",
        ),
        (
            "'\u{2028}\u{30d}\u{f0000}\u{1f8ed}\u{c056c}\u{32f}\u{a3}\u{9768}",
            "\"'\\u2028\u{30d}\\U000f0000\\U0001f8ed\\U000c056c\u{32f}\u{a3}\u{9768}\"",
        ),
        ("\u{293d}\u{e0001}]\u{2060}\\", "'\u{293d}\\U000e0001]\\u2060\\\\'"),
        (
            "\u{e6}\u{edcb4}\u{369}\u{324}\u{1d}\u{10fffd}\u{1f8bd}\u{1680}\u{b440}\u{e0001}r",
            "'\u{e6}\\U000edcb4\u{369}\u{324}\\x1d\\U0010fffd\\U0001f8bd\\u1680\u{b440}\\U000e0001r'",
        ),
        (
            "'5x\u{10fffd}\u{32c}\u{333}\u{ffff}\u{f0000}\u{a805b}",
            "\"'5x\\U0010fffd\u{32c}\u{333}\\uffff\\U000f0000\\U000a805b\"",
        ),
        ("\u{1}", "'\\x01'"),
        (
            "\")\u{2028}\u{f9}\u{2028}\u{1404}\u{1f7b0}\u{1bff}\u{8708}\u{bca48}\u{10fffd}",
            "'\")\\u2028\u{f9}\\u2028\u{1404}\u{1f7b0}\u{1bff}\u{8708}\\U000bca48\\U0010fffd'",
        ),
        ("\u{1fa9b}", "'\u{1fa9b}'"),
        ("\u{1f482}\u{30000}\u{378}\u{2029}\u{fcf4f}", "'\u{1f482}\u{30000}\\u0378\\u2029\\U000fcf4f'"),
        ("\u{5892}\u{1680}\u{f0000}\u{a}", "'\u{5892}\\u1680\\U000f0000\\n'"),
        (
            "\u{1f60a}\u{1f89c}\u{63c7}\u{889d7}\u{1f528}\u{12}\u{14a25}",
            "'\u{1f60a}\u{1f89c}\u{63c7}\\U000889d7\u{1f528}\\x12\\U00014a25'",
        ),
        (
            "\u{a7}\u{25089}\u{30000}]\u{1abbe}\u{fa54}\\\u{81730}\u{318}u",
            "'\u{a7}\u{25089}\u{30000}]\\U0001abbe\u{fa54}\\\\\\U00081730\u{318}u'",
        ),
        ("\u{1f46b}\u{35c}\u{1680}\u{1f4fc}\u{366e}\u{d}", "'\u{1f46b}\u{35c}\\u1680\u{1f4fc}\u{366e}\\r'"),
        ("\u{10fffd}", "'\\U0010fffd'"),
        ("\u{1680}\u{ea}\u{200e}\u{14}", "'\\u1680\u{ea}\\u200e\\x14'"),
        (
            "\u{7}\u{5877}\u{311}\u{f2}\u{200e}\u{e000}\u{1f694}\u{1f847}\u{c}\u{333}",
            "'\\x07\u{5877}\u{311}\u{f2}\\u200e\\ue000\u{1f694}\u{1f847}\\x0c\u{333}'",
        ),
        ("\u{2}\u{19}\u{10fffd}", "'\\x02\\x19\\U0010fffd'"),
        ("\u{e7445}\u{200e}'\u{1f37f}", "\"\\U000e7445\\u200e'\u{1f37f}\""),
        ("\u{e000}\u{ee8a1}\u{c192}HU\u{5025}", "'\\ue000\\U000ee8a1\u{c192}HU\u{5025}'"),
        (
            "\u{1b5db}\u{1f304}\u{1f685}H\u{8a}\u{ed0c}\u{15}x\u{f7}\u{35d}Ri",
            "'\\U0001b5db\u{1f304}\u{1f685}H\\x8a\\ued0c\\x15x\u{f7}\u{35d}Ri'",
        ),
        ("\u{2060}\u{fffe}'\u{eacd0}\u{4d558}", "\"\\u2060\\ufffe'\\U000eacd0\\U0004d558\""),
        (
            "\u{a91b}d\u{8991}\u{1f376}\u{3000}\u{5745}\u{324}\\\u{a0cd}\u{e000}'\u{2029}",
            "\"\u{a91b}d\u{8991}\u{1f376}\\u3000\u{5745}\u{324}\\\\\u{a0cd}\\ue000'\\u2029\"",
        ),
        (
            "\u{f8ff}\u{feff}\u{4e070}\u{2060}\u{1f4c9}\"\u{e041}S\u{7146}\u{1f856}\u{a9}d",
            "'\\uf8ff\\ufeff\\U0004e070\\u2060\u{1f4c9}\"\\ue041S\u{7146}\u{1f856}\u{a9}d'",
        ),
        (
            "\u{f0000}\u{8b37}\u{7a9f7}\u{13}\"\u{e000}\u{2029}L\u{17}\u{257c7}",
            "'\\U000f0000\u{8b37}\\U0007a9f7\\x13\"\\ue000\\u2029L\\x17\u{257c7}'",
        ),
        (
            "\u{3fbc}N\"\u{e000}\u{535f}\u{e0001}\u{1f73a}\u{34a}\u{338}\u{1f82f}\u{1f6cc}",
            "'\u{3fbc}N\"\\ue000\u{535f}\\U000e0001\u{1f73a}\u{34a}\u{338}\u{1f82f}\u{1f6cc}'",
        ),
        ("\u{1fa30}\u{e000}\u{32b}", "'\u{1fa30}\\ue000\u{32b}'"),
        ("\u{12}\u{f2}", "'\\x12\u{f2}'"),
        ("", "''"),
        (
            "\u{6a6e}\u{61c}\u{89ff}\u{feff}\u{369}\u{ed}\u{5dad}",
            "'\u{6a6e}\\u061c\u{89ff}\\ufeff\u{369}\u{ed}\u{5dad}'",
        ),
        (
            "\u{b8b7}\u{7ecd}\\\u{2799}\u{a5}\u{310}\u{f0000}\u{3000}",
            "'\u{b8b7}\u{7ecd}\\\\\u{2799}\u{a5}\u{310}\\U000f0000\\u3000'",
        ),
        ("\u{1b}`", "'\\x1b`'"),
        (
            "\u{1f6bb}\u{5dda}\u{9ee8}\u{200b}\u{f}\u{f0000}\u{1f35c}\u{30b}'",
            "\"\u{1f6bb}\u{5dda}\u{9ee8}\\u200b\\x0f\\U000f0000\u{1f35c}\u{30b}'\"",
        ),
        (
            "\u{200e}\u{f0000}\u{c09c}\u{1f9a1}\\\u{85a5e}\u{1680}\u{11}",
            "'\\u200e\\U000f0000\u{c09c}\u{1f9a1}\\\\\\U00085a5e\\u1680\\x11'",
        ),
        (
            "\u{1b}\u{3532e}y\u{2028}\u{1f}\u{3000}\u{363}\u{3ccc}",
            "'\\x1b\\U0003532ey\\u2028\\x1f\\u3000\u{363}\u{3ccc}'",
        ),
        (
            "'\u{366}\u{e000}\u{1f53a}(\u{51ad}I\u{1f}\u{33d}\u{1680}",
            "\"'\u{366}\\ue000\u{1f53a}(\u{51ad}I\\x1f\u{33d}\\u1680\"",
        ),
        ("\\'", "\"\\\\'\""),
        ("\u{1}\u{1680}\\'\u{369}\\\u{c54b}n", "\"\\x01\\u1680\\\\'\u{369}\\\\\u{c54b}n\""),
        (
            "\u{6977}\u{2028}\"\u{0}\u{200b}\u{e0100}\u{30000}\u{5}\u{9684}\u{e1cd}6\u{f5}",
            "'\u{6977}\\u2028\"\\x00\\u200b\u{e0100}\u{30000}\\x05\u{9684}\\ue1cd6\u{f5}'",
        ),
        ("", "''"),
        ("\u{9bca}3\u{e0100}\u{200e} ", "'\u{9bca}3\u{e0100}\\u200e '"),
        (
            "\u{8}\u{1}\u{10ffff}\u{a5305}\u{9e398}\u{704b}\"\u{a8c9b}",
            "'\\x08\\x01\\U0010ffff\\U000a5305\\U0009e398\u{704b}\"\\U000a8c9b'",
        ),
        ("\u{1f3eb}\u{82}\u{f8ff}\u{feff}", "'\u{1f3eb}\\x82\\uf8ff\\ufeff'"),
        ("\u{f0000}\u{d7}\u{10fffd}", "'\\U000f0000\u{d7}\\U0010fffd'"),
        ("\"\"\u{fffe}\u{51465}'\u{feff}\u{31a}\u{364}'", "'\"\"\\ufffe\\U00051465\\'\\ufeff\u{31a}\u{364}\\''"),
        ("\u{e000}\u{34e}|", "'\\ue000\u{34e}|'"),
        (
            "\u{1f}\u{517be}\u{1f962}\u{2b73}\u{200e}\u{350}\u{e0001}\u{1f966}\u{ffff}\u{8d4ce}\u{30000}\u{1c}",
            "'\\x1f\\U000517be\u{1f962}\u{2b73}\\u200e\u{350}\\U000e0001\u{1f966}\\uffff\\U0008d4ce\u{30000}\\x1c'",
        ),
        (
            "\u{6a0f}\u{feff}\u{9102}\u{d34e}\u{2028}2\u{1f467}\u{31f}\u{1680}\u{f0000}",
            "'\u{6a0f}\\ufeff\u{9102}\u{d34e}\\u20282\u{1f467}\u{31f}\\u1680\\U000f0000'",
        ),
        ("", "''"),
        ("\u{e}\u{c9}", "'\\x0e\u{c9}'"),
        ("\u{2028}S\u{ca410}\u{2028}\u{55f4a}", "'\\u2028S\\U000ca410\\u2028\\U00055f4a'"),
        ("\u{378}\u{aa}\u{1c48}\u{4a0e}d\u{46941}\u{34b}", "'\\u0378\u{aa}\u{1c48}\u{4a0e}d\\U00046941\u{34b}'"),
        ("i\u{8a}\"", "'i\\x8a\"'"),
        (
            "\u{f8ff}\u{7d74}\u{709e1}\u{fffe}\u{f0000}\u{9f0f}\u{1f86c}\\",
            "'\\uf8ff\u{7d74}\\U000709e1\\ufffe\\U000f0000\u{9f0f}\u{1f86c}\\\\'",
        ),
        ("\u{1a}\u{e0}\u{1faea}\\", "'\\x1a\u{e0}\\U0001faea\\\\'"),
        (
            "I\u{1fa4e}\u{200b}\u{870b}\\\u{f0000}\u{7bc4}\u{200e}\u{8b}\u{be7e8}\u{64f5}",
            "'I\u{1fa4e}\\u200b\u{870b}\\\\\\U000f0000\u{7bc4}\\u200e\\x8b\\U000be7e8\u{64f5}'",
        ),
        ("I\u{7b4f}\u{6597}\u{1f8b5}", "'I\u{7b4f}\u{6597}\\U0001f8b5'"),
        (
            "\u{2028}\u{1f922}\u{3000}\u{30c}\u{f0000}\u{2}y\u{1f618}\u{10fffd}\u{f8ff}\u{352}",
            "'\\u2028\u{1f922}\\u3000\u{30c}\\U000f0000\\x02y\u{1f618}\\U0010fffd\\uf8ff\u{352}'",
        ),
        (
            "\u{87d1}\u{32d}\u{337}\u{c}FY\u{e000}\u{356}\u{57a9}",
            "'\u{87d1}\u{32d}\u{337}\\x0cFY\\ue000\u{356}\u{57a9}'",
        ),
        (
            "\u{1f47f}\u{fffe}\u{322}\u{f504}\u{80f0}\u{e000}U\u{e0100}\u{f8ff}",
            "'\u{1f47f}\\ufffe\u{322}\\uf504\u{80f0}\\ue000U\u{e0100}\\uf8ff'",
        ),
        ("\u{1fa80}\u{1680}\u{2fa1e}\u{1faea}\u{69d9}", "'\u{1fa80}\\u1680\\U0002fa1e\\U0001faea\u{69d9}'"),
        ("\u{10ffff}\\(\u{f0000}", "'\\U0010ffff\\\\(\\U000f0000'"),
        (
            "\u{1680}\u{3000}\"\u{1f7b3}\u{30c}\u{1f87a}\u{2fa1e}\u{1f979}",
            "'\\u1680\\u3000\"\u{1f7b3}\u{30c}\u{1f87a}\\U0002fa1e\u{1f979}'",
        ),
        ("!\u{36e}\u{200b}\u{330}\\\u{881c}7\"\u{31b}\u{306}", "'!\u{36e}\\u200b\u{330}\\\\\u{881c}7\"\u{31b}\u{306}'"),
        (
            "\u{32f}\u{356}\u{2060}\\\u{1f664}\u{2fa1e}\u{10b3be}\u{1f89d}\u{9e}\u{d9c23}\u{2fa1e}",
            "'\u{32f}\u{356}\\u2060\\\\\u{1f664}\\U0002fa1e\\U0010b3be\u{1f89d}\\x9e\\U000d9c23\\U0002fa1e'",
        ),
        (
            ">\u{1f9bd}\u{e000}\u{f8ff}\u{63fe}&\u{f8ff}\u{348}\u{a9f7f}\u{f}\u{c}",
            "'>\u{1f9bd}\\ue000\\uf8ff\u{63fe}&\\uf8ff\u{348}\\U000a9f7f\\x0f\\x0c'",
        ),
        ("\u{8b}\u{ed0f6}\u{da}\u{348}g\u{970a}\u{6d3e}", "'\\x8b\\U000ed0f6\u{da}\u{348}g\u{970a}\u{6d3e}'"),
        (
            "\u{2028}'\u{8b9e}\u{10fffd}\u{93}\u{1f3ab}\u{200e}\u{8}",
            "\"\\u2028'\u{8b9e}\\U0010fffd\\x93\u{1f3ab}\\u200e\\x08\"",
        ),
        ("\u{e1}\u{3a83}\u{a}\u{dd686}\u{7f}\u{361}\u{9fa0}O", "'\u{e1}\u{3a83}\\n\\U000dd686\\x7f\u{361}\u{9fa0}O'"),
        (
            "\u{35b}\u{10d32}\u{200b}\u{dc}\u{10fffd}\\\"\u{43ff}\u{1f6ed}\u{10fba0}w\u{d}",
            "'\u{35b}\u{10d32}\\u200b\u{dc}\\U0010fffd\\\\\"\u{43ff}\\U0001f6ed\\U0010fba0w\\r'",
        ),
        ("\u{ff}u\u{84}'", "\"\u{ff}u\\x84'\""),
        ("\u{d1}\u{e0100}\u{e6}", "'\u{d1}\u{e0100}\u{e6}'"),
        ("\u{f8ff}\u{1f36a}", "'\\uf8ff\u{1f36a}'"),
        (
            "\u{5209}\u{337}\\\u{f}\\C\u{f3}\u{f}\u{88}\u{200b}",
            "'\u{5209}\u{337}\\\\\\x0f\\\\C\u{f3}\\x0f\\x88\\u200b'",
        ),
        (
            "\u{5}\u{17}\u{103c1c}L\u{378}\u{ad910}\u{ffff}\u{e0}",
            "'\\x05\\x17\\U00103c1cL\\u0378\\U000ad910\\uffff\u{e0}'",
        ),
        ("\u{1f899}\u{200b}", "'\u{1f899}\\u200b'"),
        ("'\u{8f}0\u{99}\u{f8ff}/\u{1faa6}\u{f8ff}", "\"'\\x8f0\\x99\\uf8ff/\u{1faa6}\\uf8ff\""),
        ("\u{16f6}\u{1f373}\u{1faf4}\u{360}\\\u{1680}", "'\u{16f6}\u{1f373}\u{1faf4}\u{360}\\\\\\u1680'"),
        (
            "\u{ecfa}\u{378}\u{f8ff}\u{10fffd}\u{5e74}\u{b9}\u{30000}\u{1f7e4}\"\u{e0001}",
            "'\\uecfa\\u0378\\uf8ff\\U0010fffd\u{5e74}\u{b9}\u{30000}\u{1f7e4}\"\\U000e0001'",
        ),
        ("", "''"),
        (
            "\u{6576}\u{9af2b}\u{f0000}\u{1c741}\u{9428}\u{2e61e}",
            "'\u{6576}\\U0009af2b\\U000f0000\\U0001c741\u{9428}\u{2e61e}'",
        ),
        (
            "\u{afb30}\u{f0000}\u{3}\u{feff}\u{ffff}\u{2fa1e}\u{366}",
            "'\\U000afb30\\U000f0000\\x03\\ufeff\\uffff\\U0002fa1e\u{366}'",
        ),
        (
            "\u{1680}\\\u{fffe}\u{1f9d6}\u{1f8c3}\u{4e81}\u{b802}",
            "'\\u1680\\\\\\ufffe\u{1f9d6}\\U0001f8c3\u{4e81}\u{b802}'",
        ),
        ("\u{6c3a}\u{de}\u{3000}\"\"", "'\u{6c3a}\u{de}\\u3000\"\"'"),
        ("\u{e000}K", "'\\ue000K'"),
        ("", "''"),
        ("\u{e8}\u{ae}", "'\u{e8}\u{ae}'"),
        ("\u{1f4f5}", "'\u{1f4f5}'"),
        (
            "\u{c6}\u{b3}\u{6904}\u{91d8}\u{9e29}\u{33c}\u{32f}\u{35a}\u{1f5c1}\u{1f7c2}\u{10ffff}\u{181}",
            "'\u{c6}\u{b3}\u{6904}\u{91d8}\u{9e29}\u{33c}\u{32f}\u{35a}\u{1f5c1}\u{1f7c2}\\U0010ffff\u{181}'",
        ),
        ("\u{9fe4}\u{16}\u{2060}", "'\u{9fe4}\\x16\\u2060'"),
        ("\u{1ac6}\"\u{14}'", "'\u{1ac6}\"\\x14\\''"),
        ("", "''"),
        ("\u{f8ff}\u{1}\u{35e}\u{352}\u{1fa42}", "'\\uf8ff\\x01\u{35e}\u{352}\u{1fa42}'"),
        ("\u{e000}0\u{b761}=\u{1f92f}\u{d3}", "'\\ue0000\u{b761}=\u{1f92f}\u{d3}'"),
        (
            "r\u{f0000}0\u{f8ff}\u{6dfe}\u{200b}\u{f8ff}\u{2fa1e}\u{2028}\u{1f9f1}\u{304}",
            "'r\\U000f00000\\uf8ff\u{6dfe}\\u200b\\uf8ff\\U0002fa1e\\u2028\u{1f9f1}\u{304}'",
        ),
        (
            "!\u{ffff}\u{9709}\u{e000}\u{eae93}\u{1f91d}\u{9fa6}\u{33b}\u{1f3ef}\u{97}",
            "'!\\uffff\u{9709}\\ue000\\U000eae93\u{1f91d}\u{9fa6}\u{33b}\u{1f3ef}\\x97'",
        ),
        (
            "\u{a1}\u{ff}\u{1058ad}\u{3000}'\u{ffff}\u{d186a}~\u{9104}\u{f0000}",
            "\"\u{a1}\u{ff}\\U001058ad\\u3000'\\uffff\\U000d186a~\u{9104}\\U000f0000\"",
        ),
        (
            "\u{10fffd}\u{2028}\u{f0000}\u{4490}\u{9ef3}\u{ed}\u{f0000}",
            "'\\U0010fffd\\u2028\\U000f0000\u{4490}\u{9ef3}\u{ed}\\U000f0000'",
        ),
        (
            "\u{569b}\u{f0000}\u{2029}\u{8004}\u{9330}\u{5be0}\u{867f}\"C\u{1f447}",
            "'\u{569b}\\U000f0000\\u2029\u{8004}\u{9330}\u{5be0}\u{867f}\"C\u{1f447}'",
        ),
        ("\u{1fa9a}\u{de}\u{10fffd}", "'\u{1fa9a}\u{de}\\U0010fffd'"),
        ("'\u{2}\u{324}\u{74fc}\u{98}\\'", "\"'\\x02\u{324}\u{74fc}\\x98\\\\'\""),
        ("\u{3cc5}\u{3133e}\\\u{3209}\u{2653}", "'\u{3cc5}\u{3133e}\\\\\u{3209}\u{2653}'"),
        (
            "l\u{200b}\u{7333}\u{34e}h\\\u{1f7a6}\u{99f8}\u{fffe}\u{b9}",
            "'l\\u200b\u{7333}\u{34e}h\\\\\u{1f7a6}\u{99f8}\\ufffe\u{b9}'",
        ),
        ("\u{1f475}5\u{378}", "'\u{1f475}5\\u0378'"),
        (
            "\u{d209a}\u{90ad}\u{3000}\u{200e}\u{feff}\u{1fa6c}\u{508df}\u{b}\u{910a5}\u{1f9c7}",
            "'\\U000d209a\u{90ad}\\u3000\\u200e\\ufeff\u{1fa6c}\\U000508df\\x0b\\U000910a5\u{1f9c7}'",
        ),
        (
            "\u{200e}\u{88ab}\u{10}\u{f1}\u{5fcfd}\u{97}\u{19d06}\u{1f959}\u{5ccc}\u{a6b7d}",
            "'\\u200e\u{88ab}\\x10\u{f1}\\U0005fcfd\\x97\\U00019d06\u{1f959}\u{5ccc}\\U000a6b7d'",
        ),
        (
            "\u{2028}\u{e291e}\u{368}\u{3c056}\u{14}\u{1f88c}\u{30000}\u{36a}\u{63ef}\u{f64cf}\u{95e9}\u{93}",
            "'\\u2028\\U000e291e\u{368}\\U0003c056\\x14\\U0001f88c\u{30000}\u{36a}\u{63ef}\\U000f64cf\u{95e9}\\x93'",
        ),
        (
            "$\u{eed7b}\\\u{547a}\u{92bf}\u{116b1}\u{305}\u{b}\u{1f3b5}\u{83e5}\u{e0001}",
            "'$\\U000eed7b\\\\\u{547a}\u{92bf}\u{116b1}\u{305}\\x0b\u{1f3b5}\u{83e5}\\U000e0001'",
        ),
        ("x\u{e000}\u{1f588}\u{512d}\u{c0}\u{b782}", "'x\\ue000\u{1f588}\u{512d}\u{c0}\u{b782}'"),
        ("\u{7f}\u{9753}", "'\\x7f\u{9753}'"),
        (
            "\u{35c}\u{17}\u{21370}\u{355}\u{62cf}\"\\\u{e000}\u{e0100}\u{b2}e'",
            "'\u{35c}\\x17\u{21370}\u{355}\u{62cf}\"\\\\\\ue000\u{e0100}\u{b2}e\\''",
        ),
        ("\u{b4b91}", "'\\U000b4b91'"),
        (
            "\u{30000}\u{30000}\u{12}\u{10fffd}\u{12}\u{f3}\u{67c7}'",
            "\"\u{30000}\u{30000}\\x12\\U0010fffd\\x12\u{f3}\u{67c7}'\"",
        ),
        (
            "\u{1f552}\u{2431}\u{4}\u{2}\u{f6e1}\u{1a}\u{7ba2}\u{f8ff}\u{e000}\u{1f44c}\u{35b}",
            "'\u{1f552}\\u2431\\x04\\x02\\uf6e1\\x1a\u{7ba2}\\uf8ff\\ue000\u{1f44c}\u{35b}'",
        ),
        (
            "V\u{f0000}\u{1a}\u{f2}\u{1fa27}\u{7f91}\u{fffe}\u{e000}\u{2028}\u{30000}\u{1b}",
            "'V\\U000f0000\\x1a\u{f2}\u{1fa27}\u{7f91}\\ufffe\\ue000\\u2028\u{30000}\\x1b'",
        ),
        (
            "\u{d535}\u{57f86}\u{c9}\u{f0}\u{3000}\u{e000}\u{10fffd}\u{1f61a}\u{32f}\u{f8ff}'\u{f8ff}",
            "\"\u{d535}\\U00057f86\u{c9}\u{f0}\\u3000\\ue000\\U0010fffd\u{1f61a}\u{32f}\\uf8ff'\\uf8ff\"",
        ),
        ("w", "'w'"),
        (
            "\"\u{fe071}\u{1f787}\u{328}\u{e5fb0}\u{97f3}\u{e6}\u{6ac1}O\u{d0b8}\u{321}",
            "'\"\\U000fe071\u{1f787}\u{328}\\U000e5fb0\u{97f3}\u{e6}\u{6ac1}O\u{d0b8}\u{321}'",
        ),
        (
            "\u{300}\u{2029}\\\u{36f}\u{332}\u{e000}\u{361}\u{e0001}'\u{9e02}",
            "\"\u{300}\\u2029\\\\\u{36f}\u{332}\\ue000\u{361}\\U000e0001'\u{9e02}\"",
        ),
        (
            "\u{61c}\u{f}\u{311}\u{359}\u{1}\u{f0000}\u{378}\u{1f8d7}'\u{18}",
            "\"\\u061c\\x0f\u{311}\u{359}\\x01\\U000f0000\\u0378\\U0001f8d7'\\x18\"",
        ),
        ("\u{e0100}", "'\u{e0100}'"),
        ("\u{309}\u{517e}\u{f8ff}\u{feff}", "'\u{309}\u{517e}\\uf8ff\\ufeff'"),
        ("\u{a1}", "'\u{a1}'"),
        ("\u{3ab5}\\", "'\u{3ab5}\\\\'"),
        ("\u{365}'\u{935a}", "\"\u{365}'\u{935a}\""),
        ("\u{66d5f}", "'\\U00066d5f'"),
        ("\u{9b00}", "'\u{9b00}'"),
        ("\u{ea0a}\u{a396d}", "'\\uea0a\\U000a396d'"),
        ("\u{1f4f0}\u{f9}\u{378}\u{378}\u{f5994}\u{352}", "'\u{1f4f0}\u{f9}\\u0378\\u0378\\U000f5994\u{352}'"),
        ("\u{ba}\u{6bb0}", "'\u{ba}\u{6bb0}'"),
        (
            "\u{15}\u{f0000}\u{100d90}\u{9013}\u{669d}\u{c78f2}",
            "'\\x15\\U000f0000\\U00100d90\u{9013}\u{669d}\\U000c78f2'",
        ),
        ("\u{1f}\"1", "'\\x1f\"1'"),
        ("\u{f0000}\u{1f35e}\u{7cc3f}", "'\\U000f0000\u{1f35e}\\U0007cc3f'"),
    ];
    /// (JSON text, repr(json.loads(text)), repr(json.loads(text, object_pairs_hook=OrderedDict))).
    const VALUE_CASES: &[(&str, &str, &str)] = &[
        (
            "{\"\\u200e\\udb80\\udc00\\ufe75\\\\\": {}, \"\": [[null, -1.5], {\"\": true, \"\\u3dfd\": []}, {}]}",
            "{'\\u200e\\U000f0000\\ufe75\\\\': {}, '': [[None, -1.5], {'': True, '\u{3dfd}': []}, {}]}",
            "OrderedDict([('\\u200e\\U000f0000\\ufe75\\\\', OrderedDict()), ('', [[None, -1.5], OrderedDict([('', True), ('\u{3dfd}', [])]), OrderedDict()])])",
        ),
        (
            "\"\\udb80\\udc00\\u825a\\u061c\\ud83d\\udc2a\\u0011\"",
            "'\\U000f0000\u{825a}\\u061c\u{1f42a}\\x11'",
            "'\\U000f0000\u{825a}\\u061c\u{1f42a}\\x11'",
        ),
        (
            "{\"\\uf8ff\": 100000.0, \"\\u0366\\ud8cc\\udf2b\\udb40\\udc01\\u2060\": {\"\\ud929\\udd15\\ufeff\\ue4ab\": [-1, {\"\\\\\\ud83d\\udc30\\u00f9\": false}], \"\\u9763 '\\u061c\": 18446744073709551615, \"\\u73cb\\udbff\\udfff\\u0002\\ue000\": {}}}",
            "{'\\uf8ff': 100000.0, '\u{366}\\U0004332b\\U000e0001\\u2060': {'\\U0005a515\\ufeff\\ue4ab': [-1, {'\\\\\u{1f430}\u{f9}': False}], \"\u{9763} '\\u061c\": 18446744073709551615, '\u{73cb}\\U0010ffff\\x02\\ue000': {}}}",
            "OrderedDict([('\\uf8ff', 100000.0), ('\u{366}\\U0004332b\\U000e0001\\u2060', OrderedDict([('\\U0005a515\\ufeff\\ue4ab', [-1, OrderedDict([('\\\\\u{1f430}\u{f9}', False)])]), (\"\u{9763} '\\u061c\", 18446744073709551615), ('\u{73cb}\\U0010ffff\\x02\\ue000', OrderedDict())]))])",
        ),
        (
            "\"\\u0005\\ud951\\udd1b_8\\u00d9\\u00a5\\ua4fe\\u9aaa\"",
            "'\\x05\\U0006451b_8\u{d9}\u{a5}\u{a4fe}\u{9aaa}'",
            "'\\x05\\U0006451b_8\u{d9}\u{a5}\u{a4fe}\u{9aaa}'",
        ),
        (
            "[{\"\\udb48\\ude4cX\": [], \"\\u00aev\\u0338\\u0016\": [[]]}]",
            "[{'\\U000e224cX': [], '\u{ae}v\u{338}\\x16': [[]]}]",
            "[OrderedDict([('\\U000e224cX', []), ('\u{ae}v\u{338}\\x16', [[]])])]",
        ),
        (
            "{\"\\u00a9\": 0.1, \"\": {\"\\u2060'\\u0017\": [\"-\\ue000\", \"\\uf8ff3\\udb98\\udde2\"], \"\\ud83e\\uded6L\": {}}, \"\\\\\\u3000M\\ud83d\\udf39\": {\"\\ue000\": 1e-05, \"\\u2029\": {\"\": [100000.0, false, false], \"\\u2060\\\"\\udb40\\udc01\\u0016\": {\"\\u73dc\": \"\\ud83c\\udfda\\u00c9\\u00d1\\u2060\\u0095\\\\\", \"\\ud83c\\udffd\\ud83d\\udf97\\u001e\\u0000\": \"\", \"\\u0093\\u0000\\u00df\\u718b\": \"\\ud83d\\udd38\\ud83d\\ude2d\\u0080\\u5963\\u0095\\u200b\\ud83d\\udc51\"}}}}",
            "{'\u{a9}': 0.1, '': {\"\\u2060'\\x17\": ['-\\ue000', '\\uf8ff3\\U000f61e2'], '\u{1fad6}L': {}}, '\\\\\\u3000M\u{1f739}': {'\\ue000': 1e-05, '\\u2029': {'': [100000.0, False, False], '\\u2060\"\\U000e0001\\x16': {'\u{73dc}': '\u{1f3da}\u{c9}\u{d1}\\u2060\\x95\\\\', '\u{1f3fd}\u{1f797}\\x1e\\x00': '', '\\x93\\x00\u{df}\u{718b}': '\u{1f538}\u{1f62d}\\x80\u{5963}\\x95\\u200b\u{1f451}'}}}}",
            "OrderedDict([('\u{a9}', 0.1), ('', OrderedDict([(\"\\u2060'\\x17\", ['-\\ue000', '\\uf8ff3\\U000f61e2']), ('\u{1fad6}L', OrderedDict())])), ('\\\\\\u3000M\u{1f739}', OrderedDict([('\\ue000', 1e-05), ('\\u2029', OrderedDict([('', [100000.0, False, False]), ('\\u2060\"\\U000e0001\\x16', OrderedDict([('\u{73dc}', '\u{1f3da}\u{c9}\u{d1}\\u2060\\x95\\\\'), ('\u{1f3fd}\u{1f797}\\x1e\\x00', ''), ('\\x93\\x00\u{df}\u{718b}', '\u{1f538}\u{1f62d}\\x80\u{5963}\\x95\\u200b\u{1f451}')]))]))]))])",
        ),
        (
            "{\"{\\ud90f\\uded4\\ud83d\\udf58\": \"\\ud880\\udc00\\ufffe\\ud83e\\udc5a\", \"\\udb47\\ude05\\uf8ff\\ufeff\": \"\\u00fe\\u0337\"}",
            "{'{\\U00053ed4\u{1f758}': '\u{30000}\\ufffe\\U0001f85a', '\\U000e1e05\\uf8ff\\ufeff': '\u{fe}\u{337}'}",
            "OrderedDict([('{\\U00053ed4\u{1f758}', '\u{30000}\\ufffe\\U0001f85a'), ('\\U000e1e05\\uf8ff\\ufeff', '\u{fe}\u{337}')])",
        ),
        (
            "[null, \"\\\"V\\ufeff\\u000b\\\\\\u9ec8\\ud83d\\udcd6\\ue98a\"]",
            "[None, '\"V\\ufeff\\x0b\\\\\u{9ec8}\u{1f4d6}\\ue98a']",
            "[None, '\"V\\ufeff\\x0b\\\\\u{9ec8}\u{1f4d6}\\ue98a']",
        ),
        (
            "{\"\\u5de4\": \"\\u946b\\\"X\\ud87e\\ude1e\\ue2b1\\uda38\\ude1f\", \"\\ud83c\\udf36\\u817e\\ud83d\\uddce\": [false, 3.14159, [[1e-05], \"\\\"J\", \"\\u0307\\u00c3\\u3b5e\\ud83e\\udef5\\u9b0f\"]], \"\\udb40\\udd00\\ud891\\udf25\\ue000\": null}",
            "{'\u{5de4}': '\u{946b}\"X\\U0002fa1e\\ue2b1\\U0009e21f', '\u{1f336}\u{817e}\u{1f5ce}': [False, 3.14159, [[1e-05], '\"J', '\u{307}\u{c3}\u{3b5e}\u{1faf5}\u{9b0f}']], '\u{e0100}\\U00034725\\ue000': None}",
            "OrderedDict([('\u{5de4}', '\u{946b}\"X\\U0002fa1e\\ue2b1\\U0009e21f'), ('\u{1f336}\u{817e}\u{1f5ce}', [False, 3.14159, [[1e-05], '\"J', '\u{307}\u{c3}\u{3b5e}\u{1faf5}\u{9b0f}']]), ('\u{e0100}\\U00034725\\ue000', None)])",
        ),
        ("[{}]", "[{}]", "[OrderedDict()]"),
        (
            "{\"\\udb80\\udc00\\ud87e\\ude1e\": -858072}",
            "{'\\U000f0000\\U0002fa1e': -858072}",
            "OrderedDict([('\\U000f0000\\U0002fa1e', -858072)])",
        ),
        ("\"'\\u0336\\u001f\\uf8ff\\\"\"", "'\\'\u{336}\\x1f\\uf8ff\"'", "'\\'\u{336}\\x1f\\uf8ff\"'"),
        ("\"\\ue4ee\"", "'\\ue4ee'", "'\\ue4ee'"),
        (
            "{\"\": [[], -1], \"\\\"\": [{\"\\ue21c\": {\"\": \"\\ue000\\u00dd\\u0019\\u007f\", \"\\udbff\\udffd\\ue000q\\u3eec\": \"\\udb80\\udc00\\u83a4\\ud83d\\udc06\\\"\\u00ba\\u8540\\udb91\\udfd0\\ud9fe\\ude1d\"}}, \"\\u0005\"]}",
            "{'': [[], -1], '\"': [{'\\ue21c': {'': '\\ue000\u{dd}\\x19\\x7f', '\\U0010fffd\\ue000q\u{3eec}': '\\U000f0000\u{83a4}\u{1f406}\"\u{ba}\u{8540}\\U000f47d0\\U0008fa1d'}}, '\\x05']}",
            "OrderedDict([('', [[], -1]), ('\"', [OrderedDict([('\\ue21c', OrderedDict([('', '\\ue000\u{dd}\\x19\\x7f'), ('\\U0010fffd\\ue000q\u{3eec}', '\\U000f0000\u{83a4}\u{1f406}\"\u{ba}\u{8540}\\U000f47d0\\U0008fa1d')]))]), '\\x05'])])",
        ),
        ("null", "None", "None"),
        (
            "\"\\udb80\\udc00\\ud87e\\ude1e\\ue000\"",
            "'\\U000f0000\\U0002fa1e\\ue000'",
            "'\\U000f0000\\U0002fa1e\\ue000'",
        ),
        (
            "{\"\": {}, \"'\": {\"'\\ud9ac\\udebf\\ud83d\\uddbf\": [\"\", \"\\u4f87\\u0358\\u5ed6p\\u033b\\u2029\\ud976\\ude58\\u035e\", \"\\ud83e\\udde6\"]}}",
            "{'': {}, \"'\": {\"'\\U0007b2bf\u{1f5bf}\": ['', '\u{4f87}\u{358}\u{5ed6}p\u{33b}\\u2029\\U0006da58\u{35e}', '\u{1f9e6}']}}",
            "OrderedDict([('', OrderedDict()), (\"'\", OrderedDict([(\"'\\U0007b2bf\u{1f5bf}\", ['', '\u{4f87}\u{358}\u{5ed6}p\u{33b}\\u2029\\U0006da58\u{35e}', '\u{1f9e6}'])]))])",
        ),
        (
            "\"\\uf8ff\\u8169\\u0313\\ud880\\udc00\"",
            "'\\uf8ff\u{8169}\u{313}\u{30000}'",
            "'\\uf8ff\u{8169}\u{313}\u{30000}'",
        ),
        (
            "{\"\\u0310\\u001d\": {\"\\u0335\\u030d\\uffff\": \"\\udab9\\udce9\\u0300\\u0081\\u7968\\ud83e\\udd39\\u0013\\u9a53\\u007f\", \"\\ue000\\u3c51\\u2029\": false}, \"{\\ud17a\\ud999\\uddff\\udb40\\udd00\": \"\\ud83d\\udf3f\"}",
            "{'\u{310}\\x1d': {'\u{335}\u{30d}\\uffff': '\\U000be4e9\u{300}\\x81\u{7968}\u{1f939}\\x13\u{9a53}\\x7f', '\\ue000\u{3c51}\\u2029': False}, '{\u{d17a}\\U000765ff\u{e0100}': '\u{1f73f}'}",
            "OrderedDict([('\u{310}\\x1d', OrderedDict([('\u{335}\u{30d}\\uffff', '\\U000be4e9\u{300}\\x81\u{7968}\u{1f939}\\x13\u{9a53}\\x7f'), ('\\ue000\u{3c51}\\u2029', False)])), ('{\u{d17a}\\U000765ff\u{e0100}', '\u{1f73f}')])",
        ),
        ("\"\\u0083N\\u0006\\udb9c\\udf6e\"", "'\\x83N\\x06\\U000f736e'", "'\\x83N\\x06\\U000f736e'"),
        (
            "{\"\\uf8ff\\u65ff\": \"\\udbff\\udffd\\ud83d\\ude73\\u0002\\ubc3b\\uffff\\u0007\", \"\\udb40\\udd00\\u3fe3\\u0003\\u0378\": 1e+22}",
            "{'\\uf8ff\u{65ff}': '\\U0010fffd\u{1f673}\\x02\u{bc3b}\\uffff\\x07', '\u{e0100}\u{3fe3}\\x03\\u0378': 1e+22}",
            "OrderedDict([('\\uf8ff\u{65ff}', '\\U0010fffd\u{1f673}\\x02\u{bc3b}\\uffff\\x07'), ('\u{e0100}\u{3fe3}\\x03\\u0378', 1e+22)])",
        ),
        ("{\"O\\u00da\\u0006\": null}", "{'O\u{da}\\x06': None}", "OrderedDict([('O\u{da}\\x06', None)])"),
        ("[]", "[]", "[]"),
        ("0.1", "0.1", "0.1"),
        (
            "[[true, {\"\\udb05\\udd4f\": {\"\\ufffe\\u6a29\\u0342\\u0091\": true, \"'\\u0089\\t\": true}, \"\\u200b\\u00ef\\u00d9\": {\"\\u64e5\": \"\\u2060\\ue000\"}, \"\": {\"\\ud83d\\ude0a\\b\": 0.0, \"\": \"\\u9a46\\ufffe\"}}, {\"\\u001c\\u83eb\": true}], \"]\\uf048\\u0324J\\u000b\"]",
            "[[True, {'\\U000d154f': {'\\ufffe\u{6a29}\u{342}\\x91': True, \"'\\x89\\t\": True}, '\\u200b\u{ef}\u{d9}': {'\u{64e5}': '\\u2060\\ue000'}, '': {'\u{1f60a}\\x08': 0.0, '': '\u{9a46}\\ufffe'}}, {'\\x1c\u{83eb}': True}], ']\\uf048\u{324}J\\x0b']",
            "[[True, OrderedDict([('\\U000d154f', OrderedDict([('\\ufffe\u{6a29}\u{342}\\x91', True), (\"'\\x89\\t\", True)])), ('\\u200b\u{ef}\u{d9}', OrderedDict([('\u{64e5}', '\\u2060\\ue000')])), ('', OrderedDict([('\u{1f60a}\\x08', 0.0), ('', '\u{9a46}\\ufffe')]))]), OrderedDict([('\\x1c\u{83eb}', True)])], ']\\uf048\u{324}J\\x0b']",
        ),
        ("[]", "[]", "[]"),
        (
            "\"\\udb80\\udc00\\u7d14\\ud87e\\ude1e\\ufeff\\ufeff\"",
            "'\\U000f0000\u{7d14}\\U0002fa1e\\ufeff\\ufeff'",
            "'\\U000f0000\u{7d14}\\U0002fa1e\\ufeff\\ufeff'",
        ),
        (
            "\".\\ue000\\u036f\\u0308\\ud9db\\udd8d\\uf8ff\\ud342\\u0305\"",
            "'.\\ue000\u{36f}\u{308}\\U00086d8d\\uf8ff\u{d342}\u{305}'",
            "'.\\ue000\u{36f}\u{308}\\U00086d8d\\uf8ff\u{d342}\u{305}'",
        ),
        ("null", "None", "None"),
        ("true", "True", "True"),
        ("0.0001", "0.0001", "0.0001"),
        (
            "{\"\": \"\\ue693\\u2029\\u50b4\\\"\\ucb72\"}",
            "{'': '\\ue693\\u2029\u{50b4}\"\u{cb72}'}",
            "OrderedDict([('', '\\ue693\\u2029\u{50b4}\"\u{cb72}')])",
        ),
        ("\"\\ud87e\\ude1e\\uda12\\udc46\"", "'\\U0002fa1e\\U00094846'", "'\\U0002fa1e\\U00094846'"),
        ("0", "0", "0"),
        (
            "\"\\ud83d\\udccd\\udb80\\udc00\\u867a\\uffff\\udbff\\udffd'_\\u00f0\"",
            "\"\u{1f4cd}\\U000f0000\u{867a}\\uffff\\U0010fffd'_\u{f0}\"",
            "\"\u{1f4cd}\\U000f0000\u{867a}\\uffff\\U0010fffd'_\u{f0}\"",
        ),
        (
            "\"\\uda76\\udf0b\\u033a\\u00a8'\\u009f\\u3000\"",
            "\"\\U000adb0b\u{33a}\u{a8}'\\x9f\\u3000\"",
            "\"\\U000adb0b\u{33a}\u{a8}'\\x9f\\u3000\"",
        ),
        ("\"\\u9a35\\uf6d5\\u2029\"", "'\u{9a35}\\uf6d5\\u2029'", "'\u{9a35}\\uf6d5\\u2029'"),
        ("\"$\"", "'$'", "'$'"),
        (
            "[{\"\": \"\\ud83d\\udfbb\\u00b5\\ud964\\udfbb\\\\\\ud83c\\udf4e\\u550b\\t\"}, {}, \"\\udb76\\udc74\\ud83e\\ude12\\u0d04\\u63af\\uda70\\udf69\\u3000\\u6154/\"]",
            "[{'': '\u{1f7bb}\u{b5}\\U000693bb\\\\\u{1f34e}\u{550b}\\t'}, {}, '\\U000ed874\u{1fa12}\u{d04}\u{63af}\\U000ac369\\u3000\u{6154}/']",
            "[OrderedDict([('', '\u{1f7bb}\u{b5}\\U000693bb\\\\\u{1f34e}\u{550b}\\t')]), OrderedDict(), '\\U000ed874\u{1fa12}\u{d04}\u{63af}\\U000ac369\\u3000\u{6154}/']",
        ),
        ("{}", "{}", "OrderedDict()"),
        ("[\"5\\u4d96\", 0.0]", "['5\u{4d96}', 0.0]", "['5\u{4d96}', 0.0]"),
        ("\"\"", "''", "''"),
        ("true", "True", "True"),
        ("{}", "{}", "OrderedDict()"),
        ("null", "None", "None"),
        (
            "{\"\": [{}, \"\\u001d\\u00ba\\ufeff\\udb80\\udc00\\u9eb3\\\\\\u00a9\", true], \"\\u0368\": {}}",
            "{'': [{}, '\\x1d\u{ba}\\ufeff\\U000f0000\u{9eb3}\\\\\u{a9}', True], '\u{368}': {}}",
            "OrderedDict([('', [OrderedDict(), '\\x1d\u{ba}\\ufeff\\U000f0000\u{9eb3}\\\\\u{a9}', True]), ('\u{368}', OrderedDict())])",
        ),
        (
            "\"\\u0006\\udb80\\udc00\\u3000'\\u00ae\"",
            "\"\\x06\\U000f0000\\u3000'\u{ae}\"",
            "\"\\x06\\U000f0000\\u3000'\u{ae}\"",
        ),
        ("[false]", "[False]", "[False]"),
        ("\"\\ud545y\\u659b\\uf8ff\"", "'\u{d545}y\u{659b}\\uf8ff'", "'\u{d545}y\u{659b}\\uf8ff'"),
        (
            "[[\"\\\"\\ue773\\ud83d\\udc65\\u036e\\ud83c\\udf98\"], true, {\"\\ud83d\\udccc\\u00f4\\udbff\\udffd'\": 18446744073709551615}]",
            "[['\"\\ue773\u{1f465}\u{36e}\u{1f398}'], True, {\"\u{1f4cc}\u{f4}\\U0010fffd'\": 18446744073709551615}]",
            "[['\"\\ue773\u{1f465}\u{36e}\u{1f398}'], True, OrderedDict([(\"\u{1f4cc}\u{f4}\\U0010fffd'\", 18446744073709551615)])]",
        ),
        (
            "\"\\u3000\\ue000\\udbff\\udffd\\ud83e\\ude1b\\u009f\\u07d7\\u9c7b\\u00a3\"",
            "'\\u3000\\ue000\\U0010fffd\u{1fa1b}\\x9f\u{7d7}\u{9c7b}\u{a3}'",
            "'\\u3000\\ue000\\U0010fffd\u{1fa1b}\\x9f\u{7d7}\u{9c7b}\u{a3}'",
        ),
        (
            "[{\"\\ud83e\\uddff\\ud83e\\uddc5\": 0, \"\": \"\\u030b\\ud83e\\udd67\"}, []]",
            "[{'\u{1f9ff}\u{1f9c5}': 0, '': '\u{30b}\u{1f967}'}, []]",
            "[OrderedDict([('\u{1f9ff}\u{1f9c5}', 0), ('', '\u{30b}\u{1f967}')]), []]",
        ),
        (
            "{\"\\\\\\ud83e\\uddb4\": \"\\u0004\\ud83d\\udca7\", \"\\u008d\\ud8a4\\ude62\\u0330\": 1, \"\": 2.5}",
            "{'\\\\\u{1f9b4}': '\\x04\u{1f4a7}', '\\x8d\\U00039262\u{330}': 1, '': 2.5}",
            "OrderedDict([('\\\\\u{1f9b4}', '\\x04\u{1f4a7}'), ('\\x8d\\U00039262\u{330}', 1), ('', 2.5)])",
        ),
        ("[null]", "[None]", "[None]"),
        ("\"/\\u800e\"", "'/\u{800e}'", "'/\u{800e}'"),
        ("false", "False", "False"),
        ("1e-05", "1e-05", "1e-05"),
        (
            "[{\"\\b\\n\\ud92c\\udd08\\ud83d\\udc26\": [{\"\\u8d1b\\u2060\\u16e0\\u200e\": -1}, null, {\"\\udaca\\udcbe\\udb80\\udc00\\u6e04\": \"\\u0360'\\u3fb1%\\ue663}\\\\\", \"\\u00fb\\udad2\\udcb0\": 1e+22}], \"\\u92b1\": {\"K\\u00e4\\u00bc\\u6bb9\": {}}, \"'\": null}, \"\\uda9a\\udf66\\u00c9\\u061c\\udb49\\udea3\\ud83c\\udf2d\\u00b2\"]",
            "[{'\\x08\\n\\U0005b108\u{1f426}': [{'\u{8d1b}\\u2060\u{16e0}\\u200e': -1}, None, {'\\U000c28be\\U000f0000\u{6e04}': \"\u{360}'\u{3fb1}%\\ue663}\\\\\", '\u{fb}\\U000c48b0': 1e+22}], '\u{92b1}': {'K\u{e4}\u{bc}\u{6bb9}': {}}, \"'\": None}, '\\U000b6b66\u{c9}\\u061c\\U000e26a3\u{1f32d}\u{b2}']",
            "[OrderedDict([('\\x08\\n\\U0005b108\u{1f426}', [OrderedDict([('\u{8d1b}\\u2060\u{16e0}\\u200e', -1)]), None, OrderedDict([('\\U000c28be\\U000f0000\u{6e04}', \"\u{360}'\u{3fb1}%\\ue663}\\\\\"), ('\u{fb}\\U000c48b0', 1e+22)])]), ('\u{92b1}', OrderedDict([('K\u{e4}\u{bc}\u{6bb9}', OrderedDict())])), (\"'\", None)]), '\\U000b6b66\u{c9}\\u061c\\U000e26a3\u{1f32d}\u{b2}']",
        ),
        (
            "{\"\\ue000'\\ud9c8\\udea5\": [\"\"]}",
            "{\"\\ue000'\\U000822a5\": ['']}",
            "OrderedDict([(\"\\ue000'\\U000822a5\", [''])])",
        ),
        (
            "[{\"K\": [[], {\"\": null}]}, true]",
            "[{'K': [[], {'': None}]}, True]",
            "[OrderedDict([('K', [[], OrderedDict([('', None)])])]), True]",
        ),
        ("{}", "{}", "OrderedDict()"),
        (
            "\"\\ud83c\\udf4c\\u061c\\uffff\\u00e2\\uf8ff\\u03787\\ud87e\\ude1e\"",
            "'\u{1f34c}\\u061c\\uffff\u{e2}\\uf8ff\\u03787\\U0002fa1e'",
            "'\u{1f34c}\\u061c\\uffff\u{e2}\\uf8ff\\u03787\\U0002fa1e'",
        ),
        ("100000.0", "100000.0", "100000.0"),
        (
            "{\"\": \"\", \"\\u6d35\\u91aa\\ud83d\\udc95\": {\"\\\"\": \"\\ufffe\\ufeff\\f\\ud83c\\udf40\", \"\\ud87e\\ude1e\\u1680\\udb80\\udc00w\": [false], \"\\u007f\\u0378\\u0378\\u0359\": false}, \"\\u0364\\udb40\\udc01\": {\"\\u030c\\u001b\\ud83e\\udc77\": [{\"\": \"\", \"'\\u0013\": \"\\u8a27\\udb80\\udc00\\udb40\\udd00\"}], \"\\u00ca\": \"\\ud83e\\ude6c\\ud83e\\udeb7\", \"\\u200e\\ud9fb\\uddc1\\u745e\\u031a\": 0}}",
            "{'': '', '\u{6d35}\u{91aa}\u{1f495}': {'\"': '\\ufffe\\ufeff\\x0c\u{1f340}', '\\U0002fa1e\\u1680\\U000f0000w': [False], '\\x7f\\u0378\\u0378\u{359}': False}, '\u{364}\\U000e0001': {'\u{30c}\\x1b\u{1f877}': [{'': '', \"'\\x13\": '\u{8a27}\\U000f0000\u{e0100}'}], '\u{ca}': '\u{1fa6c}\u{1fab7}', '\\u200e\\U0008edc1\u{745e}\u{31a}': 0}}",
            "OrderedDict([('', ''), ('\u{6d35}\u{91aa}\u{1f495}', OrderedDict([('\"', '\\ufffe\\ufeff\\x0c\u{1f340}'), ('\\U0002fa1e\\u1680\\U000f0000w', [False]), ('\\x7f\\u0378\\u0378\u{359}', False)])), ('\u{364}\\U000e0001', OrderedDict([('\u{30c}\\x1b\u{1f877}', [OrderedDict([('', ''), (\"'\\x13\", '\u{8a27}\\U000f0000\u{e0100}')])]), ('\u{ca}', '\u{1fa6c}\u{1fab7}'), ('\\u200e\\U0008edc1\u{745e}\u{31a}', 0)]))])",
        ),
        ("false", "False", "False"),
        ("{}", "{}", "OrderedDict()"),
        ("\"\"", "''", "''"),
        ("[null]", "[None]", "[None]"),
        (
            "[\"\\ub144\\u0018\\ud8bb\\udc29\\f\\ud87e\\ude1e\\u5ba1\", \"\\ufeff\", \"\\\\b\\u799f\\u0336\\u3000\\u962c\"]",
            "['\u{b144}\\x18\\U0003ec29\\x0c\\U0002fa1e\u{5ba1}', '\\ufeff', '\\\\b\u{799f}\u{336}\\u3000\u{962c}']",
            "['\u{b144}\\x18\\U0003ec29\\x0c\\U0002fa1e\u{5ba1}', '\\ufeff', '\\\\b\u{799f}\u{336}\\u3000\u{962c}']",
        ),
        (
            "{\"\\u3982\": \"\\u00f4\\u0358\\\\\\u9db79\\u7d8d\\ud83d\\udf93\\u9109\", \"\\u5590\\u200a\\u0332\": \"\\u032c\\udb40\\udd00\\\\\\udb80\\udc00\\u6115\\u0351\\u8ba7\"}",
            "{'\u{3982}': '\u{f4}\u{358}\\\\\u{9db7}9\u{7d8d}\u{1f793}\u{9109}', '\u{5590}\\u200a\u{332}': '\u{32c}\u{e0100}\\\\\\U000f0000\u{6115}\u{351}\u{8ba7}'}",
            "OrderedDict([('\u{3982}', '\u{f4}\u{358}\\\\\u{9db7}9\u{7d8d}\u{1f793}\u{9109}'), ('\u{5590}\\u200a\u{332}', '\u{32c}\u{e0100}\\\\\\U000f0000\u{6115}\u{351}\u{8ba7}')])",
        ),
        (
            "{\"\\u00f4\\u0346\\u4401\": \"\\u6c99\\u79d3\", \"\\u0003\\\"\": false, \"\\u0093\": []}",
            "{'\u{f4}\u{346}\u{4401}': '\u{6c99}\u{79d3}', '\\x03\"': False, '\\x93': []}",
            "OrderedDict([('\u{f4}\u{346}\u{4401}', '\u{6c99}\u{79d3}'), ('\\x03\"', False), ('\\x93', [])])",
        ),
        (
            "\"\\udb80\\udc00\\u00c5\\u0091\\u0323\\udb40\\udc01\\u035c\"",
            "'\\U000f0000\u{c5}\\x91\u{323}\\U000e0001\u{35c}'",
            "'\\U000f0000\u{c5}\\x91\u{323}\\U000e0001\u{35c}'",
        ),
        ("{}", "{}", "OrderedDict()"),
        (
            "{\"\\u00c6\\ud87e\\ude1e\\u99a1\\ud83e\\udc57\": \"?\\u00ab\\u72c9\\udb08\\uded3-\\u9223\", \"\": [{}, {\"'\\ud83d\\udc68\": [], \"\\u061c\": [0, \"\"], \"\\u86fd\": \"\\u0378\"}, 1e-05]}",
            "{'\u{c6}\\U0002fa1e\u{99a1}\u{1f857}': '?\u{ab}\u{72c9}\\U000d22d3-\u{9223}', '': [{}, {\"'\u{1f468}\": [], '\\u061c': [0, ''], '\u{86fd}': '\\u0378'}, 1e-05]}",
            "OrderedDict([('\u{c6}\\U0002fa1e\u{99a1}\u{1f857}', '?\u{ab}\u{72c9}\\U000d22d3-\u{9223}'), ('', [OrderedDict(), OrderedDict([(\"'\u{1f468}\", []), ('\\u061c', [0, '']), ('\u{86fd}', '\\u0378')]), 1e-05])])",
        ),
        ("{}", "{}", "OrderedDict()"),
        ("[]", "[]", "[]"),
        ("\"'\"", "\"'\"", "\"'\""),
        (
            "[{\"\\udbff\\udffd\": {\"\\ud83d\\udef5\": \"\\udb40\\udd00\\ue000\"}}, \"#\\u00c5\"]",
            "[{'\\U0010fffd': {'\u{1f6f5}': '\u{e0100}\\ue000'}}, '#\u{c5}']",
            "[OrderedDict([('\\U0010fffd', OrderedDict([('\u{1f6f5}', '\u{e0100}\\ue000')]))]), '#\u{c5}']",
        ),
        ("{}", "{}", "OrderedDict()"),
        ("-1.5", "-1.5", "-1.5"),
        (
            "{\"\\u00a2\": \"\\u0016\\u00d9\\u0015\\ue000\\udbff\\udffd\\ufeff\\ud880\\udc00\\u00a0\", \"\": {\"\\udbff\\udffd\\u0004\\u030c\": {\"\\u12aa\\ud905\\udc23\\\\\\u00fd\": \"\\u061cb\"}, \"\\u0369\\u2028\\u0325\": \"\\u6580\\udbff\\udfff\\ud880\\udc00\\u0320d\\ud83d\\udc4a\\u000b\"}}",
            "{'\u{a2}': '\\x16\u{d9}\\x15\\ue000\\U0010fffd\\ufeff\u{30000}\\xa0', '': {'\\U0010fffd\\x04\u{30c}': {'\u{12aa}\\U00051423\\\\\u{fd}': '\\u061cb'}, '\u{369}\\u2028\u{325}': '\u{6580}\\U0010ffff\u{30000}\u{320}d\u{1f44a}\\x0b'}}",
            "OrderedDict([('\u{a2}', '\\x16\u{d9}\\x15\\ue000\\U0010fffd\\ufeff\u{30000}\\xa0'), ('', OrderedDict([('\\U0010fffd\\x04\u{30c}', OrderedDict([('\u{12aa}\\U00051423\\\\\u{fd}', '\\u061cb')])), ('\u{369}\\u2028\u{325}', '\u{6580}\\U0010ffff\u{30000}\u{320}d\u{1f44a}\\x0b')]))])",
        ),
        (
            "[[], \"\\ud83d\\udf13\\u2028\\ud83c\\udf34\\u0336\\ud813\\udef3\\\"\"]",
            "[[], '\u{1f713}\\u2028\u{1f334}\u{336}\\U00014ef3\"']",
            "[[], '\u{1f713}\\u2028\u{1f334}\u{336}\\U00014ef3\"']",
        ),
        (
            "{\"\\u032f\\u031d\\u26d2\": {\"\\uf8ff\": \"\\ud880\\udc00\", \"\\ud8b8\\udce8\\u001e\": {}, \"\": {\"\": true}}}",
            "{'\u{32f}\u{31d}\u{26d2}': {'\\uf8ff': '\u{30000}', '\\U0003e0e8\\x1e': {}, '': {'': True}}}",
            "OrderedDict([('\u{32f}\u{31d}\u{26d2}', OrderedDict([('\\uf8ff', '\u{30000}'), ('\\U0003e0e8\\x1e', OrderedDict()), ('', OrderedDict([('', True)]))]))])",
        ),
        ("\"\\u00ac\"", "'\u{ac}'", "'\u{ac}'"),
        ("{}", "{}", "OrderedDict()"),
        (
            "[\"\\u0010\\udb40\\udc01\", null, {\"\": \"\\u0012\\udb80\\udc00\\ud83e\\udd0d\\ud998\\udd89\"}]",
            "['\\x10\\U000e0001', None, {'': '\\x12\\U000f0000\u{1f90d}\\U00076189'}]",
            "['\\x10\\U000e0001', None, OrderedDict([('', '\\x12\\U000f0000\u{1f90d}\\U00076189')])]",
        ),
        (
            "\"\\u0360\\u0316\\uf8ff\\u7e8f\\ud83e\\udd6f\\ud873\\udd2a\"",
            "'\u{360}\u{316}\\uf8ff\u{7e8f}\u{1f96f}\u{2cd2a}'",
            "'\u{360}\u{316}\\uf8ff\u{7e8f}\u{1f96f}\u{2cd2a}'",
        ),
        ("true", "True", "True"),
        (
            "{\"\\ud83c\\udf5b\\u0322~\": {}, \"\\\"\\udb80\\udc00\\ufeff\": {}, \"\": \"\\u2029\\ud83e\\udd68\\u6e0b'\\u031c\\ud83e\\udd0a\\ud83d\\udf37\"}",
            "{'\u{1f35b}\u{322}~': {}, '\"\\U000f0000\\ufeff': {}, '': \"\\u2029\u{1f968}\u{6e0b}'\u{31c}\u{1f90a}\u{1f737}\"}",
            "OrderedDict([('\u{1f35b}\u{322}~', OrderedDict()), ('\"\\U000f0000\\ufeff', OrderedDict()), ('', \"\\u2029\u{1f968}\u{6e0b}'\u{31c}\u{1f90a}\u{1f737}\")])",
        ),
        (
            "[\"\\\\\\u2f11\\u00b0\\udbff\\udffd7\\u3000\\u365e\", \"\", {}]",
            "['\\\\\u{2f11}\u{b0}\\U0010fffd7\\u3000\u{365e}', '', {}]",
            "['\\\\\u{2f11}\u{b0}\\U0010fffd7\\u3000\u{365e}', '', OrderedDict()]",
        ),
        ("null", "None", "None"),
        (
            "\"\\udbff\\udffd1\\u001f\\ud9f0\\udc3b\"",
            "'\\U0010fffd1\\x1f\\U0008c03b'",
            "'\\U0010fffd1\\x1f\\U0008c03b'",
        ),
        ("false", "False", "False"),
        ("null", "None", "None"),
        (
            "{\"\": null, \"u\\\\\": {\"\\u4426\\ud5e6\\ud86f\\udcf4\\udb80\\udc00\": \"\\ud83d\\uddad\\r\\u0007\\u00e2\\u80ec\\u0323\\u0356\", \"\": null}}",
            "{'': None, 'u\\\\': {'\u{4426}\u{d5e6}\u{2bcf4}\\U000f0000': '\u{1f5ad}\\r\\x07\u{e2}\u{80ec}\u{323}\u{356}', '': None}}",
            "OrderedDict([('', None), ('u\\\\', OrderedDict([('\u{4426}\u{d5e6}\u{2bcf4}\\U000f0000', '\u{1f5ad}\\r\\x07\u{e2}\u{80ec}\u{323}\u{356}'), ('', None)]))])",
        ),
        ("null", "None", "None"),
        (
            "[\"'\\ufeff\\\"\\u2029\\u009d.\\u2028\\b\", -0.0, [null]]",
            "['\\'\\ufeff\"\\u2029\\x9d.\\u2028\\x08', -0.0, [None]]",
            "['\\'\\ufeff\"\\u2029\\x9d.\\u2028\\x08', -0.0, [None]]",
        ),
        ("\"\\u200b\"", "'\\u200b'", "'\\u200b'"),
        ("{\"\\u0bb5\\u0367\": \"\"}", "{'\u{bb5}\u{367}': ''}", "OrderedDict([('\u{bb5}\u{367}', '')])"),
        (
            "\"\\u2029\\ud83e\\udc33\\udac6\\ude0f\\u930c\"",
            "'\\u2029\u{1f833}\\U000c1a0f\u{930c}'",
            "'\\u2029\u{1f833}\\U000c1a0f\u{930c}'",
        ),
        ("[]", "[]", "[]"),
        ("{}", "{}", "OrderedDict()"),
        (
            "{\"\": 0.0001, \"\\ud83d\\udcd4\\udbff\\udffd\": \"b\\ud880\\udc00\"}",
            "{'': 0.0001, '\u{1f4d4}\\U0010fffd': 'b\u{30000}'}",
            "OrderedDict([('', 0.0001), ('\u{1f4d4}\\U0010fffd', 'b\u{30000}')])",
        ),
        ("[]", "[]", "[]"),
        ("{}", "{}", "OrderedDict()"),
        ("{}", "{}", "OrderedDict()"),
        ("-9223372036854775808", "-9223372036854775808", "-9223372036854775808"),
        ("\"\\ud83e\\udd65\\ud83e\\udc40\\u0081\"", "'\u{1f965}\u{1f840}\\x81'", "'\u{1f965}\u{1f840}\\x81'"),
        ("\"\\u000b\\ucf97\\u7a73\"", "'\\x0b\u{cf97}\u{7a73}'", "'\\x0b\u{cf97}\u{7a73}'"),
        ("\"\"", "''", "''"),
        ("278237", "278237", "278237"),
        ("0", "0", "0"),
        ("\"\\\"\\ud83d\\udd30\"", "'\"\u{1f530}'", "'\"\u{1f530}'"),
        (
            "{\"\\uf8ff\": \"s'\\u2173\\uda51\\ude05\\ud83e\\udcc2o\\n\\u87c6\", \"\\udb24\\ude91\\u7fe5\\u008b\\u5852\": [\"\\u0015\", {\"'\\ud83d\\udebc\": [\"\"], \"\\u0014\\u0007'\\ud83e\\ude0b\": {\"\": \"\\ua01c\\udbff\\udfff\"}, \"\\ud9d3\\udeed\\ufeff\\u00d1\": false}], \"\\u035e\\u0005\": 281740}",
            "{'\\uf8ff': \"s'\u{2173}\\U000a4605\\U0001f8c2o\\n\u{87c6}\", '\\U000d9291\u{7fe5}\\x8b\u{5852}': ['\\x15', {\"'\u{1f6bc}\": [''], \"\\x14\\x07'\u{1fa0b}\": {'': '\u{a01c}\\U0010ffff'}, '\\U00084eed\\ufeff\u{d1}': False}], '\u{35e}\\x05': 281740}",
            "OrderedDict([('\\uf8ff', \"s'\u{2173}\\U000a4605\\U0001f8c2o\\n\u{87c6}\"), ('\\U000d9291\u{7fe5}\\x8b\u{5852}', ['\\x15', OrderedDict([(\"'\u{1f6bc}\", ['']), (\"\\x14\\x07'\u{1fa0b}\", OrderedDict([('', '\u{a01c}\\U0010ffff')])), ('\\U00084eed\\ufeff\u{d1}', False)])]), ('\u{35e}\\x05', 281740)])",
        ),
        (
            "[{\"d\\u00b7\\ud83e\\udc85\": {\"\\\\\": \"K\\u036e\", \"\\\"\": {\"\\u00bb\\\\\\u0016\": \"\\ud87e\\ude1e\\uda2c\\ude99\\u031aB\\udb40\\udd00\\ud841\\udc75\", \"\\u0016\": \"\\ue000\\u1680\\ud83c\\udf26\\\\\\u009e\", \"\\u0346\\ud83c\\udfb9\\u0007\\u032a\": -9223372036854775808}}, \"\\u032a\\udbff\\udfff\": {\"\\u0085\\u0018\": {}, \"\": \"\\udb80\\udc00\\u0017\\u0378\\udbe3\\udd86\"}, \"\\udbff\\udfff\": {\"\\u0096\\u9b3b\\u62bb\": {\"\\u0089\": -0.0, \"\\udac9\\udd06\\u8374\": null}, \",\\u5791\": \"\", \"'\\u4d51\": false}}]",
            "[{'d\u{b7}\u{1f885}': {'\\\\': 'K\u{36e}', '\"': {'\u{bb}\\\\\\x16': '\\U0002fa1e\\U0009b299\u{31a}B\u{e0100}\u{20475}', '\\x16': '\\ue000\\u1680\u{1f326}\\\\\\x9e', '\u{346}\u{1f3b9}\\x07\u{32a}': -9223372036854775808}}, '\u{32a}\\U0010ffff': {'\\x85\\x18': {}, '': '\\U000f0000\\x17\\u0378\\U00108d86'}, '\\U0010ffff': {'\\x96\u{9b3b}\u{62bb}': {'\\x89': -0.0, '\\U000c2506\u{8374}': None}, ',\u{5791}': '', \"'\u{4d51}\": False}}]",
            "[OrderedDict([('d\u{b7}\u{1f885}', OrderedDict([('\\\\', 'K\u{36e}'), ('\"', OrderedDict([('\u{bb}\\\\\\x16', '\\U0002fa1e\\U0009b299\u{31a}B\u{e0100}\u{20475}'), ('\\x16', '\\ue000\\u1680\u{1f326}\\\\\\x9e'), ('\u{346}\u{1f3b9}\\x07\u{32a}', -9223372036854775808)]))])), ('\u{32a}\\U0010ffff', OrderedDict([('\\x85\\x18', OrderedDict()), ('', '\\U000f0000\\x17\\u0378\\U00108d86')])), ('\\U0010ffff', OrderedDict([('\\x96\u{9b3b}\u{62bb}', OrderedDict([('\\x89', -0.0), ('\\U000c2506\u{8374}', None)])), (',\u{5791}', ''), (\"'\u{4d51}\", False)]))])]",
        ),
        (
            "{\"\\udbbd\\udf55\": [[[]], \"\\ud83d\\udeac\\u0347\\udb4d\\udc59\\\\\\u00e4\"], \"\\u009cL\": \"\\u0097\\u3000\\\\\"}",
            "{'\\U000ff755': [[[]], '\u{1f6ac}\u{347}\\U000e3459\\\\\u{e4}'], '\\x9cL': '\\x97\\u3000\\\\'}",
            "OrderedDict([('\\U000ff755', [[[]], '\u{1f6ac}\u{347}\\U000e3459\\\\\u{e4}']), ('\\x9cL', '\\x97\\u3000\\\\')])",
        ),
        (
            "\"\\ud83d\\udf79\\u0091\\ue000\\u0091\\u806b\\u860d\\u0017\"",
            "'\\U0001f779\\x91\\ue000\\x91\u{806b}\u{860d}\\x17'",
            "'\\U0001f779\\x91\\ue000\\x91\u{806b}\u{860d}\\x17'",
        ),
        ("\"\\u2028\\u580e\"", "'\\u2028\u{580e}'", "'\\u2028\u{580e}'"),
        ("-1.5", "-1.5", "-1.5"),
        ("\"\\ue0003\\ud83d\\udccb\\u6825\"", "'\\ue0003\u{1f4cb}\u{6825}'", "'\\ue0003\u{1f4cb}\u{6825}'"),
    ];
    /// (bits of a double, repr(double)).
    const FLOAT_CASES: &[(u64, &str)] = &[
        (0x422ccdb1c310ce1d, "61855031688.402565"),
        (0x5b087176cde69407, "3.3886486356858715e+130"),
        (0xc34d536fe2e7b3aa, "-1.6509028675839828e+16"),
        (0x41b3308084ccc22c, "321945732.7998378"),
        (0xc36ab16121a56f09, "-6.0107041031288904e+16"),
        (0x4341c37937e08000, "1e+16"),
        (0x8fa7c3cc701e224f, "-2.989704267522954e-233"),
        (0xc3599ae4f632da1d, "-2.882873036606066e+16"),
        (0x4fd43d68185406da, "3.6619012320498586e+76"),
        (0x6be10b31c209dfc6, "4.482616276468708e+211"),
        (0x4082a228f5c28f5c, "596.27"),
        (0x3c300b9e798c6bbf, "8.698221658745834e-19"),
        (0x4057333333333333, "92.8"),
        (0xbf4a33e8e3e4e16d, "-0.0007996451529726341"),
        (0x0000000000000001, "5e-324"),
        (0x584993a232cd3d07, "2.0155460874468513e+117"),
        (0x43694eba707bf405, "5.6987496606572584e+16"),
        (0xa0e919541c451f8e, "-3.833783174663165e-150"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x3436bc19b7a6738c, "3.6218574072116787e-57"),
        (0x3c7aa5641084e809, "2.311177127588726e-17"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x408dd1e782906898, "954.238042"),
        (0xc086aeced916872b, "-725.851"),
        (0x5f76e6ee5c5798a0, "7.496743588329163e+151"),
        (0xc338e8b549cd59bc, "-7011264765974972.0"),
        (0xc0875c51eb851eb8, "-747.54"),
        (0x4072711eb851eb85, "295.07"),
        (0xc08c5e6666666666, "-907.8"),
        (0x415f94738ad84ce4, "8278478.169451926"),
        (0xc36ef084f13c7cc9, "-6.9669624599537224e+16"),
        (0xbfa0367002078a0a, "-0.031665325401054004"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x35af504e0356510b, "4.1847063301166267e-50"),
        (0x188f212f0e652664, "2.1833664482726325e-190"),
        (0xc2e57d69396fdaa0, "-189027043737301.0"),
        (0xfc7e6bb265534c70, "-4.743346957042277e+291"),
        (0xc07930c64ba94bbe, "-403.048412"),
        (0x3e04c3ff128d627b, "6.043588174219835e-10"),
        (0x43753b61ae83b36f, "9.562024378651211e+16"),
        (0x76cc119597960acd, "1.7676991001200333e+264"),
        (0xfa24f51ca208699d, "-2.3776328662025423e+280"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0xc35d2bf468c5db46, "-3.2844412217683224e+16"),
        (0x40f71148fdf42eaf, "94484.56200044857"),
        (0x42686164b355b3d2, "837705636525.6194"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x43753d2544ad6916, "9.565127657957411e+16"),
        (0x4366f4ee137a91bf, "5.169402283062425e+16"),
        (0x6b2a5901599ee074, "1.691801280813032e+208"),
        (0xdd422389e7a85621, "-1.7280531140762535e+141"),
        (0xc35ca2073ee4868e, "-3.223780540613279e+16"),
        (0xc07bbe49ba5e353f, "-443.893"),
        (0x436f1835b70e4bdf, "7.0018746092248824e+16"),
        (0x625eff9dd8b3e4ee, "7.140330987075704e+165"),
        (0x435d199705b17738, "3.276364300352637e+16"),
        (0xc08b5a65bd944aa5, "-875.299678"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x46d1061406162999, "1.381130117182299e+33"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0xc35cdd81f21a3d9a, "-3.2499398120896104e+16"),
        (0xc372817b16459133, "-8.334264376656363e+16"),
        (0x425e41c9055cd5d2, "519810848115.34094"),
        (0x692754078fc7a577, "3.487619856927278e+198"),
        (0x408b209f2ba9d1f6, "868.07772"),
        (0x434e8d7c827e751c, "1.7199630412212792e+16"),
        (0x4373c8ee072f19f6, "8.91031872928234e+16"),
        (0x374fd5790efe8ceb, "2.8549609597177267e-42"),
        (0x408bc99cb6848beb, "889.20152"),
        (0x3fe0000000000000, "0.5"),
        (0xbe0d848df2241043, "-8.590807824505767e-10"),
        (0x7b949d4c74480e61, "1.961858080654375e+287"),
        (0xc36421c709fe564a, "-4.533310627267848e+16"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x3ff43f5e8c5f97bf, "1.2654710276924417"),
        (0x4074e876c8b43958, "334.529"),
        (0xc366fb161b270ce4, "-5.174817480824605e+16"),
        (0x4375fca3e0292e94, "9.902008450540576e+16"),
        (0xc08a180000000000, "-835.0"),
        (0xc357580db71ea6f2, "-2.628296157761428e+16"),
        (0xae8a7208debc630f, "-1.701618322108095e-84"),
        (0x315122be5be2c551, "3.879388881661485e-71"),
        (0xbc2ca398ef15307a, "-7.762630690257622e-19"),
        (0xc910f45d7a25f53d, "-9.45247823917169e+43"),
        (0x30d0c40653610b8c, "1.4826659534460304e-73"),
        (0x76dac8ba3da90b70, "3.3735964833885787e+264"),
        (0x4085480000000000, "681.0"),
        (0x5af79f7f3a07f525, "1.6374718358993648e+130"),
        (0x0f1c1d7d445f4712, "6.908193157145873e-236"),
        (0x50d572367b8aec4f, "2.542892852350761e+81"),
        (0xfff0000000000000, "-inf"),
        (0x32bd0daca65c539b, "2.7587867681223998e-64"),
        (0x6ff335a6635f86e1, "1.8639503234614068e+231"),
        (0x43612af7a0aa11bf, "3.865854115896063e+16"),
        (0x4306d88cc836769c, "803818581708499.5"),
        (0xc067aeed916872b0, "-189.4665"),
        (0xa39454497ed2680e, "-2.731387180330206e-137"),
        (0x4369e73c88163409, "5.832897267981524e+16"),
        (0x407b4b6a5c1a2a04, "436.71346674175606"),
        (0x798478a7db07e91f, "2.2680450977169833e+277"),
        (0x7ff0000000000000, "inf"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x408b518b780346dc, "874.1931"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0xc69e21c12e562d46, "-1.5278665102424068e+32"),
        (0x7bc87b67c55a64e2, "1.8639475470693362e+288"),
        (0x2ad65b83089c2de1, "2.4955375208101264e-102"),
        (0x3f617fc4733dbed2, "0.0021361195485310814"),
        (0x797c54a54209cf0b, "1.5693959063446034e+277"),
        (0x30caaaa57ae63a51, "1.179121380659033e-73"),
        (0x3fe0000000000000, "0.5"),
        (0xc086580000000000, "-715.0"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x6ac6f240177da476, "2.3021813634871702e+206"),
        (0xfff0000000000000, "-inf"),
        (0x4341c37937e08000, "1e+16"),
        (0x4341c37937e08000, "1e+16"),
        (0x3bf36f4c5ad17f03, "6.58475242077492e-20"),
        (0x435dea8cb07886a4, "3.368265720647541e+16"),
        (0xc083670943e10060, "-620.879524"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x4341c37937e08000, "1e+16"),
        (0x4086a00000000000, "724.0"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0xc13b8af12de924b3, "-1805041.1793387353"),
        (0x407280040f238972, "296.000991"),
        (0xbf93645f392af8e7, "-0.01893757616448335"),
        (0xbdc5bbefdffba6bf, "-3.953415025719345e-11"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0xc3a8cf331cbd1602, "-8.938518878069066e+17"),
        (0x4368cb8fc07aec5f, "5.58337416887918e+16"),
        (0x4341c37937e08000, "1e+16"),
        (0x7ff0000000000000, "inf"),
        (0x3fdf58b44f12eac0, "0.4897890827375413"),
        (0x4348c58609da4c44, "1.3945157845293192e+16"),
        (0x4373b6d0e952984d, "8.878452706335253e+16"),
        (0x450fda912066df8a, "4.813606676751127e+24"),
        (0x3c2c6ead9a86ad6f, "7.7066002453793855e-19"),
        (0xfff0000000000000, "-inf"),
        (0x4053c5c28f5c28f6, "79.09"),
        (0xc338285dba8afe9e, "-6799782467796638.0"),
        (0xc04d9851eb851eb8, "-59.19"),
        (0x0000000000000001, "5e-324"),
        (0x3fb4bf47c60086bd, "0.08104370674166268"),
        (0xfff0000000000000, "-inf"),
        (0x485ef45393a4a99c, "4.2132946375196215e+40"),
        (0x0aeaf0108609de03, "4.4851301609126153e-256"),
        (0xfff0000000000000, "-inf"),
        (0x45969fd90a81644d, "1.7504785921765507e+27"),
        (0xbc998af235cca3ce, "-8.861924504515495e-17"),
        (0x0000000000000001, "5e-324"),
        (0xc33efe752aa88984, "-8724028481636740.0"),
        (0x40677e63f141205c, "187.9497"),
        (0x40aafb6552fee540, "3453.6978988318297"),
        (0xc35b19c75d1a9eb4, "-3.051267368959867e+16"),
        (0x4366fd5ee62b25b0, "5.176826814379968e+16"),
        (0x4360e7ebd7ca651b, "3.8068798008535256e+16"),
        (0x916c823053f3ddf9, "-9.627385791922797e-225"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0xc365f8d3dc234719, "-4.947650660808929e+16"),
        (0xc345674c94779d54, "-1.2049106233932456e+16"),
        (0xc04e3cb8f9b13166, "-60.474395"),
        (0x4067b69ba5e353f8, "189.7065"),
        (0xc35e17d8cceb42d2, "-3.3881876878658376e+16"),
        (0x3498c94ddcb2655a, "2.527163178288816e-55"),
        (0x56fc299548efe997, "1.0582508136350971e+111"),
        (0xc35136ae745c0b6c, "-1.938079003391941e+16"),
        (0x43748cfb9c4ea745, "9.25521891406941e+16"),
        (0xc06ef33b645a1cac, "-247.601"),
        (0xc08c4405729b280f, "-904.50266"),
        (0x52faebd0848a8fe1, "5.483935204840693e+91"),
        (0x91d964de37d80b22, "-1.0976770962135739e-222"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x43720e12995e6a19, "8.131236201749749e+16"),
        (0xf67e2d195ea0b727, "-5.938822297456835e+262"),
        (0x4080240000000000, "516.5"),
        (0x6d3c249a491308ed, "1.5522688696503065e+218"),
        (0x3e085108db04800b, "7.077044974656741e-10"),
        (0xc0871443f4666eca, "-738.533181"),
        (0xe948c73af84d4860, "-1.4817593242440495e+199"),
        (0x4d326743ee518d7d, "7.57071153587459e+63"),
        (0x1b9c9241eee9ee79, "1.1281135726416606e-175"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0xc35e3381399e268c, "-3.400351764713323e+16"),
        (0x1709e91dcaccb27d, "1.0832046333981775e-197"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x405f400000000000, "125.0"),
        (0xc0667851eb851eb8, "-179.76"),
        (0x439f0f0d7895a2f3, "5.595055878460367e+17"),
        (0x6f9af639cfe85eda, "4.0877649216289365e+229"),
        (0x966774e77379be78, "-9.576327981572544e-201"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0xa7a5f36b04f2f8dc, "-1.0880856442194194e-117"),
        (0x41815034bfc70560, "36308631.97217822"),
        (0x2d2b28ab9ce5f31e, "4.166419512270996e-91"),
        (0x37df7af1701f48c9, "1.4455020306012128e-39"),
        (0x932e2d59bceb22ea, "-2.735592193195587e-216"),
        (0x4f2771dea6b2407c, "2.0711691245209636e+73"),
        (0xdced8e6e9fa5d63a, "-4.3996606977099005e+139"),
        (0x436fe7e95cbc6ef4, "7.184570997823683e+16"),
        (0xa356fb3f3c044db9, "-1.9298302988409684e-138"),
        (0x010e108c64be33a6, "1.3700310938205213e-303"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x7ff0000000000000, "inf"),
        (0xc0de5f27b6079eb3, "-31100.620485215168"),
        (0x407a0b851eb851ec, "416.72"),
        (0xc078f15b4cc25072, "-399.08479"),
        (0xc07ec922d0e56042, "-492.571"),
        (0x9220e6d7380b3ee7, "-2.3378903396761582e-221"),
        (0x2c9fe538f134d749, "9.556732195939305e-94"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x436484ba9c7c6ad7, "4.620349246716895e+16"),
        (0xf87517d536b322e5, "-1.7829388575641464e+272"),
        (0xc05c98ffc5479d4e, "-114.390611"),
        (0x43750473dc1347ed, "9.465392273480059e+16"),
        (0x7892c12f154120f2, "6.341098017227651e+272"),
        (0x4b50ccdc1d112701, "6.436570794709254e+54"),
        (0xc361d3ee6f188e0b, "-4.014476498910831e+16"),
        (0x21804f800301ba24, "2.551177385190195e-147"),
        (0x0000000000000001, "5e-324"),
        (0xc08792a3d70a3d71, "-754.33"),
        (0x407e3c36e2eb1c43, "483.7634"),
        (0x2099ac0ad4424aac, "1.2254132695766307e-151"),
        (0x43741b2a3d1906b0, "9.054988418943667e+16"),
        (0xc35f4520d9e6ecb6, "-3.520692670036041e+16"),
        (0xd0865969351e7f9d, "-8.281176615364681e+79"),
        (0x4165e3b66a57cfa6, "11476403.323219132"),
        (0xc08b8df9db22d0e5, "-881.747"),
        (0xbf42675691a8c74a, "-0.0005616352748971456"),
        (0xed2eaf011db5d5af, "-8.462006361848735e+217"),
        (0xc08345b020c49ba6, "-616.711"),
        (0xfff0000000000000, "-inf"),
        (0xc07a94cccccccccd, "-425.3"),
        (0x662bffe825a15f79, "1.4871670481640186e+184"),
        (0x436caf38e55b4232, "6.459166599112744e+16"),
        (0x43747fcd7cbec603, "9.232032115381867e+16"),
        (0x1313e009e40e2a98, "9.00852246216534e-217"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x4341c37937e08000, "1e+16"),
        (0xde8c086ec1de9f7e, "-2.8003772760254008e+147"),
        (0xc07af77e90ff9724, "-431.4684"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0xc42d3562a7a68b48, "-2.69401199751524e+20"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0xc369f32d4f20f99b, "-5.8434002755243224e+16"),
        (0x418cc09aace1a0b0, "60298069.61016977"),
        (0xd3c3f7083625506c, "-3.331633988933218e+95"),
        (0xc07e7e32ca57a787, "-487.8874"),
        (0xc0877d5c28f5c28f, "-751.67"),
        (0x4087dd4fb4c3c18b, "763.663919"),
        (0xbc99f24d28f19cc3, "-9.00199701836467e-17"),
        (0x433668c8b1bc3739, "6307660672284473.0"),
        (0x408a6cf882adc4ca, "845.621343"),
        (0x2c6f37a61e401b67, "1.169197302682719e-94"),
        (0x04e1bfca672f3d3c, "3.73003117736845e-285"),
        (0xbf743957bdc107c5, "-0.004937498797575606"),
        (0xc0880e3d70a3d70a, "-769.78"),
        (0x43760bdd5ca073d4, "9.928791771730669e+16"),
        (0xc36731ea2e876a7e, "-5.223045069663947e+16"),
        (0x406b549eecbfb15b, "218.6444"),
        (0x40898690ff972474, "816.8208"),
        (0x56b2716f14e4c3f2, "4.331440857579137e+109"),
        (0xc31841674903d30b, "-1706827825870018.8"),
        (0xc087ee95e9e1b08a, "-765.8232"),
        (0x42c9b33c235b55e8, "56515197580971.81"),
        (0x8e67717fd68ab1c7, "-2.8126342124634262e-239"),
        (0x3f1a36e2eb1c432c, "9.999999999999999e-05"),
        (0x3150d62ce59d7794, "3.81167626977548e-71"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x4086889e1e2de871, "721.077206"),
        (0x408dbf70a3d70a3d, "951.93"),
        (0x134643a00aa8f8c3, "8.073083555531089e-216"),
        (0x4363a95e40eac034, "4.427397470919107e+16"),
        (0x52f1a564d2c760f7, "3.594567880412711e+91"),
        (0xc074e04a2339c0ec, "-334.0181"),
        (0x408a880000000000, "849.0"),
        (0x408b5f94ccab3ede, "875.947656"),
        (0xbc5ee48569e6fead, "-6.698777975728336e-18"),
        (0x1bc2149b29a6e815, "5.711139736837196e-175"),
        (0xc062dc61bb05faec, "-150.88693"),
        (0x3f8135ce363fde3c, "0.008403407126009836"),
        (0x4193f019b5185d58, "83625581.27379358"),
        (0xc37328983eae53e3, "-8.628254254807403e+16"),
        (0x4a42c047976b8b05, "5.480950448682741e+49"),
        (0x18d2f7f1a481065c, "4.257321309674519e-189"),
        (0xbed78298c3771065, "-5.605255004540679e-06"),
        (0x6498181549b89a52, "3.8138862083219595e+176"),
        (0x3c9774bb6b23bd75, "8.137929489856012e-17"),
        (0xbedb403b8d86140d, "-6.4971229324405535e-06"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x4356a94407904022, "2.551423654959527e+16"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x3f34e0d4635c1000, "0.0003185766721431893"),
        (0xc35e4fc97e1341ee, "-3.412790449412703e+16"),
        (0x4083f00000000000, "638.0"),
        (0x408cedd9b1b79d91, "925.731296"),
        (0xc0304d77318fc505, "-16.3026"),
        (0xc3041637a8b9939e, "-706740980494963.8"),
        (0xbc794c2e8e6a164a, "-2.1942157633258284e-17"),
        (0x4040b8de58755c08, "33.444285447411005"),
        (0x4dff26904f57f200, "5.248872371433036e+67"),
        (0x436b25506001c558, "6.112681207622317e+16"),
        (0x3d6a5dad583eece5, "7.49364695604058e-13"),
        (0x3ea2ba7ec7fcd3eb, "5.581527062538935e-07"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3cf1b3bcad3d7cae, "3.930655296416532e-15"),
        (0x4088f2739b888723, "798.306449"),
        (0xc3534a34b8f0e5c5, "-2.171845943620994e+16"),
        (0xb45fd9389cd05a4f, "-2.0295047894144776e-56"),
        (0xbeddb24e1b0512f2, "-7.080198358548562e-06"),
        (0x6a3f268f06e6945b, "6.1041300813461664e+203"),
        (0xbf8edd81f2d163a7, "-0.01507092973968034"),
        (0x404e87918161326d, "61.059127972087346"),
        (0x4375d682225a1f5c, "9.834926274156691e+16"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0xffd5789b34a5a02a, "-6.031012793187088e+307"),
        (0xc15ccd24eb22bed3, "-7550099.673995691"),
        (0x2b817d144b124838, "3.997847778087081e-99"),
        (0x7ff0000000000000, "inf"),
        (0x436b46fc0e2ec672, "6.142298203869685e+16"),
        (0x2dfc0689de62407c, "3.5220480310159063e-87"),
        (0x7ff0000000000000, "inf"),
        (0xbf70fe5994fc027b, "-0.004148816995212297"),
        (0xc3114ed7748ef148, "-1217940471135314.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x4c8f23d019b065dc, "6.254985067306225e+60"),
        (0x4341c37937e08000, "1e+16"),
        (0xc0d75c75bef23587, "-23921.839779426835"),
        (0x541841e070bd0411, "1.2953336102658536e+97"),
        (0x3ffd8b106d730143, "1.846451213394247"),
        (0xc32f9ea68ac691d4, "-4450081204029674.0"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x557f443949550037, "7.002897701459686e+103"),
        (0x4087c00000000000, "760.0"),
        (0x4375d9167449a1b1, "9.839463959062811e+16"),
        (0xd9094752b65a99be, "-8.15945960601772e+120"),
        (0xa942d150a24c066e, "-6.259745393803828e-110"),
        (0x4037680346dc5d64, "23.4063"),
        (0xfff0000000000000, "-inf"),
        (0x43570fc9dc9338f8, "2.596513651129648e+16"),
        (0x7c788eaae8137475, "3.8290968677086914e+291"),
        (0xc35b800736faa9e5, "-3.0962371386845076e+16"),
        (0x408ca898201cd5fa, "917.07428"),
        (0x3fe0000000000000, "0.5"),
        (0x5aa9d4d4cdfdc7a4, "5.595458022952958e+128"),
        (0xbff8196fa82e87d3, "-1.50621"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x4341c37937e08000, "1e+16"),
        (0x311c3d8dce4dd6f0, "3.99588136388594e-72"),
        (0x4346a4522c87ebb8, "1.2746244658026352e+16"),
        (0xc08b116cf41f212d, "-866.1782"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0xc36b1b529a97ea6b, "-6.1038927728825176e+16"),
        (0xc06dc170a3d70a3d, "-238.045"),
        (0x42046775ec00e47d, "10954390912.111567"),
        (0x4089e3fd73c92578, "828.498756"),
        (0xbd89ff54f249bafe, "-2.955561050131563e-12"),
        (0x3c54ade8d7af6d2c, "4.484115801092104e-18"),
        (0xc0506a1693c03bc5, "-65.657628"),
        (0x424de0c1feebfc63, "256649723351.97177"),
        (0xc06479999999999a, "-163.8"),
        (0xdb3c345f38a582ba, "-3.128079141956895e+131"),
        (0xc3d63570779c031b, "-6.401235606483791e+18"),
        (0x7159310f3a761451, "1.0252576286745251e+238"),
        (0x6648dd99e678f5f0, "5.282832234514606e+184"),
        (0x3fe0000000000000, "0.5"),
        (0x0cefcb06e569c001, "2.273558223103755e-246"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x4363059eabb03e15, "4.2833628807426216e+16"),
        (0x33dd5027bfb413eb, "7.296636388419173e-59"),
        (0x29f7fea4e45243a7, "1.6346957454493547e-106"),
        (0x4fab881449ccc53b, "6.226439068562969e+75"),
        (0x3f91fd7b0279585a, "0.017568513895035977"),
        (0xc36baa5a839fbb7b, "-6.2297040825998296e+16"),
        (0x0000000000000001, "5e-324"),
        (0x41fcd2befd06bf01, "7737176016.421632"),
        (0x4073d6a139ab254b, "317.41436163762836"),
        (0x43612b11f9b10663, "3.8659446461182744e+16"),
        (0x3c50258d6c63b743, "3.5012551017691516e-18"),
        (0x369abd0fce5e204a, "1.1708953257096302e-45"),
        (0x48b6d569f5f45cea, "1.9890912806614424e+42"),
        (0x4079366666666666, "403.4"),
        (0x7d17d2bd2ac3cb67, "3.803784062933029e+294"),
        (0x5542542496f205ce, "5.131446510293625e+102"),
        (0xc0528b8535039961, "-74.1800053153179"),
        (0x406029999999999a, "129.3"),
        (0x3f1a36e2eb1c432c, "9.999999999999999e-05"),
        (0x403c53b4f6167232, "28.32698"),
        (0x43600cc8e429b83d, "3.6141252706419176e+16"),
        (0x20f1c992e70a8461, "5.433936836446477e-150"),
        (0xe5f8e4dbca66a076, "-1.6527672375711845e+183"),
        (0x7ff0000000000000, "inf"),
        (0x3fe0000000000000, "0.5"),
        (0x01b100af97ae231f, "1.5867982034768748e-300"),
        (0x383dc87866d75625, "8.752462683856327e-38"),
        (0x3fe0000000000000, "0.5"),
        (0x408e600000000000, "972.0"),
        (0xc2b3235d4f4a02ff, "-21042610260482.996"),
    ];
    /// (bytes, repr(bytes)).
    const BYTES_CASES: &[(&[u8], &str)] = &[
        (b"", "b''"),
        (b"\x61\x62\x63\x0a", "b'abc\\n'"),
        (b"\xff\x00\x27\x22", "b'\\xff\\x00\\'\"'"),
        (b"\x27", "b\"'\""),
        (b"\x22", "b'\"'"),
        (b"\x5c", "b'\\\\'"),
        (b"\x00\x07\x0e\x15\x1c\x23\x2a\x31\x38\x3f\x46\x4d\x54\x5b\x62\x69\x70\x77\x7e\x85\x8c\x93\x9a\xa1\xa8\xaf\xb6\xbd\xc4\xcb\xd2\xd9\xe0\xe7\xee\xf5\xfc", "b'\\x00\\x07\\x0e\\x15\\x1c#*18?FMT[bipw~\\x85\\x8c\\x93\\x9a\\xa1\\xa8\\xaf\\xb6\\xbd\\xc4\\xcb\\xd2\\xd9\\xe0\\xe7\\xee\\xf5\\xfc'"),
        (b"\xdf\x8a\x7d\xe7", "b'\\xdf\\x8a}\\xe7'"),
        (b"\x7c\x4c\x0e\xec\x93", "b'|L\\x0e\\xec\\x93'"),
        (b"\x56\xef", "b'V\\xef'"),
        (b"\x18\xbb\xc4\xbc\xda", "b'\\x18\\xbb\\xc4\\xbc\\xda'"),
        (b"\x85\x3f\x86\x6f\xcb\xc4", "b'\\x85?\\x86o\\xcb\\xc4'"),
        (b"\x6b\x7e\x9e\x52\x43\x90\xde", "b'k~\\x9eRC\\x90\\xde'"),
        (b"\xd0\xd9\xfa", "b'\\xd0\\xd9\\xfa'"),
        (b"\x69\xf0\x06\x2c\xfa\x17\x31\x55\x23\x83", "b'i\\xf0\\x06,\\xfa\\x171U#\\x83'"),
        (b"\x55\x1c\x18\x3c\xb0\xc4\x01\xad\xf6", "b'U\\x1c\\x18<\\xb0\\xc4\\x01\\xad\\xf6'"),
        (b"\x04\xe2\x42\xe1\x22\xcb", "b'\\x04\\xe2B\\xe1\"\\xcb'"),
        (b"\xbc\xbe\x8c\x61\xb3\xad", "b'\\xbc\\xbe\\x8ca\\xb3\\xad'"),
        (b"\x8f\xee\x87\x5d\xb7\x02\x92\xfb\xb6\x5c", "b'\\x8f\\xee\\x87]\\xb7\\x02\\x92\\xfb\\xb6\\\\'"),
        (b"\x1f\x1c\xc2\x69\x31\x12\x5c\xe5\x27", "b\"\\x1f\\x1c\\xc2i1\\x12\\\\\\xe5'\""),
        (b"\xb7\x62\x78", "b'\\xb7bx'"),
        (b"\xb7\x05\x95\xa8\xb3\xfe\xff\xb9", "b'\\xb7\\x05\\x95\\xa8\\xb3\\xfe\\xff\\xb9'"),
        (b"\x7e\x32\xbf\x82\x55\xba\x92", "b'~2\\xbf\\x82U\\xba\\x92'"),
        (b"\xb4\x3a\xb0\xb6", "b'\\xb4:\\xb0\\xb6'"),
        (b"\x64", "b'd'"),
        (b"\xb3\xd6\x48\x0e\xa8", "b'\\xb3\\xd6H\\x0e\\xa8'"),
        (b"\x23\x14\x90", "b'#\\x14\\x90'"),
        (b"\x4d\x92\x48\x4c\xeb\xff\x01\xc5", "b'M\\x92HL\\xeb\\xff\\x01\\xc5'"),
        (b"\x2a\x14\x22\x60\x41\xbf\x5e", "b'*\\x14\"`A\\xbf^'"),
        (b"\xaa\xc6\x64\xf7", "b'\\xaa\\xc6d\\xf7'"),
        (b"\x0a\xb2", "b'\\n\\xb2'"),
        (b"\x32\x04\x90\x20\x81\x9b\x33", "b'2\\x04\\x90 \\x81\\x9b3'"),
        (b"\x7c\x36\x9c\xfe\x54\x9f\x19\x32\xea\xbd", "b'|6\\x9c\\xfeT\\x9f\\x192\\xea\\xbd'"),
        (b"\xe6\x8e\x28\x70\x22\xce", "b'\\xe6\\x8e(p\"\\xce'"),
        (b"\x52\xca", "b'R\\xca'"),
        (b"\x0c\xd6\x03\x17\xdb\xc6\x83\xbf\x60\x8a", "b'\\x0c\\xd6\\x03\\x17\\xdb\\xc6\\x83\\xbf`\\x8a'"),
        (b"\x55\x22\x65\x44\x00", "b'U\"eD\\x00'"),
        (b"\xb3", "b'\\xb3'"),
        (b"\xdb\xe0\xd9\xd3\x82", "b'\\xdb\\xe0\\xd9\\xd3\\x82'"),
        (b"\x15\xfd\x5e", "b'\\x15\\xfd^'"),
        (b"\x7d\x59\xcf\x4d\x26\xcc\x08", "b'}Y\\xcfM&\\xcc\\x08'"),
        (b"\x08\x99\x76\xaf\x01", "b'\\x08\\x99v\\xaf\\x01'"),
        (b"\xbd\xa7\x46\xd4\x16\x92\x14\xa9", "b'\\xbd\\xa7F\\xd4\\x16\\x92\\x14\\xa9'"),
        (b"\xd9\x1d\x01\x62", "b'\\xd9\\x1d\\x01b'"),
        (b"\x7d\x63\x87\xea\xc1\xad\x73", "b'}c\\x87\\xea\\xc1\\xads'"),
        (b"\x79", "b'y'"),
        (b"\xcf\xfb\x6f\x17\x53\x60", "b'\\xcf\\xfbo\\x17S`'"),
    ];
}
