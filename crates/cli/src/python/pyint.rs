//! Python's `int()` and `float()` of a string: `int()` as botocore reads integer settings (`max_attempts`,
//! `cli_read_timeout`) and both as jmespath's `to_number()` reads a string.

use num_bigint::BigInt;

/// Python's `int(text)` (base 10), saturated to `i64`, with CPython 3.11's error messages.
pub fn python_int(text: &str) -> Result<i64, String> {
    let digits = int_digits(text)?;
    Ok(digits.parse().unwrap_or(if digits.starts_with('-') { i64::MIN } else { i64::MAX }))
}

/// Python's `int(text)` (base 10), exact, with CPython 3.11's error messages.
pub fn python_big_int(text: &str) -> Result<BigInt, String> {
    let digits = int_digits(text)?;
    digits
        .parse()
        .map_err(|_| format!("invalid literal for int() with base 10: {}", crate::python::pyrepr::repr_str(text)))
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII spaces become ' ', decimal digits their ASCII
/// digit, and anything else ends the string with '?'.
fn transform_decimal_and_space(text: &str) -> Vec<u8> {
    let mut ascii = Vec::with_capacity(text.len());
    for c in text.chars() {
        if u32::from(c) < 127 {
            ascii.push(c as u8);
        } else if c.is_whitespace() {
            ascii.push(b' ');
        } else if let Some(digit) = decimal_value(c) {
            ascii.push(b'0' + digit as u8);
        } else {
            ascii.push(b'?');
            break;
        }
    }
    ascii
}

/// C's `isspace()` in the "C" locale, which CPython's number parsers skip.
fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The decimal digits `int(text)` reads (an optional `-`, no leading zeros), or its error.
fn int_digits(text: &str) -> Result<String, String> {
    let invalid = || {
        let repr: String = crate::python::pyrepr::repr_str(text).chars().take(200).collect();
        format!("invalid literal for int() with base 10: {repr}")
    };
    let ascii = transform_decimal_and_space(text);
    // PyLong_FromString.
    let mut rest: &[u8] = &ascii;
    while let Some((first, tail)) = rest.split_first()
        && is_space(first)
    {
        rest = tail;
    }
    let negative = rest.first() == Some(&b'-');
    if matches!(rest.first(), Some(b'+' | b'-')) {
        rest = rest.get(1..).unwrap_or_default();
    }
    if rest.first() == Some(&b'_') {
        return Err(invalid());
    }
    let mut digits = Vec::new();
    let mut previous_underscore = false;
    let mut used = 0;
    for &b in rest {
        match b {
            b'0'..=b'9' => {
                digits.push(b);
                previous_underscore = false;
            }
            b'_' if !previous_underscore => previous_underscore = true,
            _ => break,
        }
        used += 1;
    }
    if previous_underscore || rest.get(used) == Some(&b'_') {
        return Err(invalid());
    }
    if let Some(message) = crate::python::pyjson::int_max_str_digits_error(digits.len()) {
        return Err(message);
    }
    let trailing = rest.get(used..).unwrap_or_default();
    if digits.is_empty() || !trailing.iter().all(is_space) {
        return Err(invalid());
    }
    let significant: String = digits.iter().skip_while(|&&d| d == b'0').map(|&d| char::from(d)).collect();
    Ok(match (significant.is_empty(), negative) {
        (true, _) => "0".to_owned(),
        (false, true) => format!("-{significant}"),
        (false, false) => significant,
    })
}

/// Python's `float(text)`: `None` where Python raises `ValueError`. Spaces around it, Unicode digits, `_`
/// between digits, `inf`, `infinity` and `nan` in any case are read as Python reads them; the value is the
/// double nearest the decimal number.
pub fn python_float(text: &str) -> Option<f64> {
    let ascii = transform_decimal_and_space(text);
    // PyFloat_FromString: spaces stripped from both ends.
    let start = ascii.iter().position(|b| !is_space(b))?;
    let end = ascii.iter().rposition(|b| !is_space(b)).map_or(start, |e| e + 1);
    let trimmed = &ascii[start..end];
    // _Py_string_to_number_with_underscores: each `_` between two digits, then dropped.
    let mut cleaned = Vec::with_capacity(trimmed.len());
    for (i, &b) in trimmed.iter().enumerate() {
        if b == b'_' {
            let before = i.checked_sub(1).and_then(|j| trimmed.get(j)).is_some_and(u8::is_ascii_digit);
            let after = trimmed.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            cleaned.push(b);
        }
    }
    let text = std::str::from_utf8(&cleaned).ok()?;
    // _Py_dg_strtod's grammar, or the special names of _Py_parse_inf_or_nan.
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = unsigned.to_ascii_lowercase();
    let magnitude = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let bytes = lower.as_bytes();
            let mut i = 0;
            let integer = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            i += integer;
            let mut fraction = 0;
            if bytes.get(i) == Some(&b'.') {
                i += 1;
                fraction = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                i += fraction;
            }
            if integer + fraction == 0 {
                return None;
            }
            if bytes.get(i) == Some(&b'e') {
                i += 1;
                if matches!(bytes.get(i), Some(b'+' | b'-')) {
                    i += 1;
                }
                let exponent = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if exponent == 0 {
                    return None;
                }
                i += exponent;
            }
            if i != bytes.len() {
                return None;
            }
            lower.parse::<f64>().ok()?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The value of a Unicode decimal digit (category Nd), as Python's `\d` and `int()` read them.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let code = u32::from(c);
    in_ranges(DECIMAL_DIGITS, code).map(|start| (code - start) % 10)
}

/// The start of the range of `ranges` (sorted, disjoint) that holds `code`.
fn in_ranges(ranges: &[(u32, u32)], code: u32) -> Option<u32> {
    let at = ranges.partition_point(|&(_, end)| end < code);
    ranges.get(at).filter(|&&(start, _)| start <= code).map(|&(start, _)| start)
}

/// Ranges of Unicode decimal digits (category Nd, Unicode 14.0.0), sorted; within each range the
/// digit values run 0-9 from the start, repeating.
#[rustfmt::skip]
static DECIMAL_DIGITS: &[(u32, u32)] = &[
    (0x30, 0x39), (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F), (0x9E6, 0x9EF),
    (0xA66, 0xA6F), (0xAE6, 0xAEF), (0xB66, 0xB6F), (0xBE6, 0xBEF), (0xC66, 0xC6F), (0xCE6, 0xCEF),
    (0xD66, 0xD6F), (0xDE6, 0xDEF), (0xE50, 0xE59), (0xED0, 0xED9), (0xF20, 0xF29),
    (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9), (0x1810, 0x1819), (0x1946, 0x194F),
    (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1B50, 0x1B59), (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49), (0x1C50, 0x1C59), (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909),
    (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9), (0xFF10, 0xFF19),
    (0x104A0, 0x104A9), (0x10D30, 0x10D39), (0x11066, 0x1106F), (0x110F0, 0x110F9),
    (0x11136, 0x1113F), (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459),
    (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9), (0x11730, 0x11739),
    (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11C50, 0x11C59), (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9), (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float_reads_what_python_reads() {
        // CPython 3.11's float() of each text.
        for (text, expected) in [
            ("1.5", 1.5),
            (" -2e3 ", -2000.0),
            ("1_0.2_5", 10.25),
            ("\u{a0}.5", 0.5),
            ("5.", 5.0),
            ("١٢", 12.0),
            ("-iNF", f64::NEG_INFINITY),
            ("Infinity", f64::INFINITY),
            ("1e400", f64::INFINITY),
            ("0.1", 0.1),
        ] {
            assert_eq!(python_float(text), Some(expected), "{text:?}");
        }
        assert!(python_float("nan").is_some_and(f64::is_nan));
        for bad in ["", " ", ".", "e5", "1e", "1_", "_1", "1__0", "0x10", "1.5f", "in", "nana", "1 2", "+-1", "1e+"] {
            assert_eq!(python_float(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn python_big_int_is_exact() {
        assert_eq!(python_big_int(" -0_0012 ").map(|i| i.to_string()), Ok("-12".to_owned()));
        assert_eq!(python_big_int("-0").map(|i| i.to_string()), Ok("0".to_owned()));
        let big = "123456789012345678901234567890";
        assert_eq!(python_big_int(big).map(|i| i.to_string()), Ok(big.to_owned()));
    }

    #[test]
    fn python_int_reads_unicode_digits_spaces_and_underscores() {
        assert_eq!(python_int("\u{a0}-٤2 "), Ok(-42));
        assert_eq!(python_int("+1_000"), Ok(1000));
        assert_eq!(python_int("-99999999999999999999"), Ok(i64::MIN));
        for bad in ["", "+", "_1", "1_", "1__0", "- 1", "0x10", "1.0", "\u{1c}1"] {
            assert!(python_int(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            python_int(&"1".repeat(4301)),
            Err("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
                 use sys.set_int_max_str_digits() to increase the limit"
                .into())
        );
        let long = python_int(&"x".repeat(300)).expect_err("an error");
        assert_eq!(long.chars().count(), 240);
    }
}
