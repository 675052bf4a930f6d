//! Python's numbers, `int` (unbounded) and `float`, with CPython 3.11's arithmetic where JMESPath's
//! functions use it: comparisons that are exact between the two types (`2**53 + 1 != 2.0**53`), `+` (an `int`
//! too large for a float is an `OverflowError`), true division correctly rounded, `abs()`, `math.ceil()` and
//! `math.floor()` (a float becomes an `int`).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use serde_json::Value;

use crate::python::pyvalue::{self, PySpecial};

/// A Python `int` or `float`.
#[derive(Clone, Debug, PartialEq)]
pub enum PyNumber {
    /// An `int`.
    Int(BigInt),
    /// A `float`.
    Float(f64),
}

/// The message of an exception Python raises (`OverflowError`, `ValueError`), as `str()` gives it.
pub type PyError = String;

impl PyNumber {
    /// The `int` `i`.
    pub fn int(i: i64) -> PyNumber {
        PyNumber::Int(BigInt::from(i))
    }

    /// The number a JSON value (with [`pyvalue`]'s special values) holds, if it holds one.
    pub fn from_value(value: &Value) -> Option<PyNumber> {
        match value {
            Value::Number(n) => Some(match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => PyNumber::Int(BigInt::from(i)),
                (None, Some(u)) => PyNumber::Int(BigInt::from(u)),
                _ => PyNumber::Float(n.as_f64().unwrap_or(f64::NAN)),
            }),
            Value::Object(_) => match pyvalue::special(value)? {
                PySpecial::Int(digits) => digits.parse().ok().map(PyNumber::Int),
                PySpecial::Float(x) => Some(PyNumber::Float(x)),
                PySpecial::Bytes(_) | PySpecial::Dict(_) | PySpecial::Object(_) => None,
            },
            _ => None,
        }
    }

    /// The JSON value that holds this number (a special value where JSON cannot).
    pub fn to_value(&self) -> Value {
        match self {
            PyNumber::Int(i) => match (i.to_i64(), i.to_u64()) {
                (Some(small), _) => Value::from(small),
                (None, Some(unsigned)) => Value::from(unsigned),
                _ => pyvalue::int_value(&i.to_string()),
            },
            PyNumber::Float(x) => pyvalue::float_value(*x),
        }
    }

    /// `type(x).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            PyNumber::Int(_) => "int",
            PyNumber::Float(_) => "float",
        }
    }

    /// How `x` compares with `other` in Python, exactly; `None` when either is NaN (every comparison is then
    /// false).
    pub fn compare(&self, other: &PyNumber) -> Option<Ordering> {
        match (self, other) {
            (PyNumber::Int(a), PyNumber::Int(b)) => Some(a.cmp(b)),
            (PyNumber::Float(a), PyNumber::Float(b)) => a.partial_cmp(b),
            (PyNumber::Int(a), PyNumber::Float(b)) => compare_int_float(a, *b),
            (PyNumber::Float(a), PyNumber::Int(b)) => compare_int_float(b, *a).map(Ordering::reverse),
        }
    }

    /// `x == other`.
    pub fn equals(&self, other: &PyNumber) -> bool {
        self.compare(other) == Some(Ordering::Equal)
    }

    /// `x < other`.
    pub fn less_than(&self, other: &PyNumber) -> bool {
        self.compare(other) == Some(Ordering::Less)
    }

    /// `x + other`.
    pub fn add(&self, other: &PyNumber) -> Result<PyNumber, PyError> {
        Ok(match (self, other) {
            (PyNumber::Int(a), PyNumber::Int(b)) => PyNumber::Int(a + b),
            (PyNumber::Float(a), PyNumber::Float(b)) => PyNumber::Float(a + b),
            (PyNumber::Int(a), PyNumber::Float(b)) => PyNumber::Float(int_to_float(a)? + b),
            (PyNumber::Float(a), PyNumber::Int(b)) => PyNumber::Float(a + int_to_float(b)?),
        })
    }

    /// `x / n` for a positive `int` `n` (the length of a list): always a float.
    pub fn true_divide(&self, n: usize) -> Result<PyNumber, PyError> {
        let divisor = u64::try_from(n).unwrap_or(u64::MAX);
        Ok(PyNumber::Float(match self {
            PyNumber::Int(a) => int_true_divide(a, divisor)?,
            PyNumber::Float(x) => x / int_to_float(&BigInt::from(divisor))?,
        }))
    }

    /// `abs(x)`.
    pub fn abs(&self) -> PyNumber {
        match self {
            PyNumber::Int(i) => PyNumber::Int(i.abs()),
            PyNumber::Float(x) => PyNumber::Float(x.abs()),
        }
    }

    /// `math.ceil(x)`: an `int`.
    pub fn ceil(&self) -> Result<PyNumber, PyError> {
        self.to_integer(f64::ceil)
    }

    /// `math.floor(x)`: an `int`.
    pub fn floor(&self) -> Result<PyNumber, PyError> {
        self.to_integer(f64::floor)
    }

    fn to_integer(&self, round: fn(f64) -> f64) -> Result<PyNumber, PyError> {
        match self {
            PyNumber::Int(i) => Ok(PyNumber::Int(i.clone())),
            PyNumber::Float(x) if x.is_nan() => Err("cannot convert float NaN to integer".to_owned()),
            PyNumber::Float(x) if x.is_infinite() => Err("cannot convert float infinity to integer".to_owned()),
            PyNumber::Float(x) => Ok(PyNumber::Int(BigInt::from_f64(round(*x)).unwrap_or_default())),
        }
    }
}

/// How the `int` `i` compares with the `float` `x`, exactly.
fn compare_int_float(i: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let floor = x.floor();
    let whole = BigInt::from_f64(floor)?;
    Some(match i.cmp(&whole) {
        // `i` is at least floor(x) + 1, which is above `x`.
        Ordering::Greater => Ordering::Greater,
        Ordering::Less => Ordering::Less,
        Ordering::Equal if floor == x => Ordering::Equal,
        Ordering::Equal => Ordering::Less,
    })
}

/// `float(i)`: correctly rounded, an `OverflowError` when it is too large.
pub fn int_to_float(i: &BigInt) -> Result<f64, PyError> {
    match i.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err("int too large to convert to float".to_owned()),
    }
}

/// `a / b` for ints, `b` positive: CPython's `long_true_divide`, the quotient correctly rounded (half to even).
fn int_true_divide(a: &BigInt, b: u64) -> Result<f64, PyError> {
    const MANTISSA: u64 = 53;
    let sign = if a.sign() == Sign::Minus { -1.0 } else { 1.0 };
    let magnitude = a.magnitude();
    if magnitude.is_zero() {
        return Ok(0.0);
    }
    if magnitude.bits() <= MANTISSA && b < 1 << MANTISSA {
        // Both are exact as doubles: one correctly rounded division.
        return Ok(sign * (magnitude.to_f64().unwrap_or(0.0) / b as f64));
    }
    // Scale so that the integer quotient has 55 or 56 bits, then round it to 53 with the remainder as a
    // sticky bit.
    let b_bits = u64::from(64 - b.leading_zeros());
    let shift = i64::try_from(magnitude.bits()).unwrap_or(i64::MAX) - i64::try_from(b_bits).unwrap_or(0) - 55;
    let (numerator, denominator) = if shift >= 0 {
        (magnitude.clone(), BigUint::from(b) << shift.unsigned_abs())
    } else {
        (magnitude << shift.unsigned_abs(), BigUint::from(b))
    };
    let quotient = &numerator / &denominator;
    let sticky = !(&numerator % &denominator).is_zero();
    let q = quotient.to_u64().unwrap_or(u64::MAX);
    let extra = u64::from(64 - q.leading_zeros()).saturating_sub(MANTISSA);
    let mut mantissa = q >> extra;
    if extra > 0 {
        let rest = q & ((1 << extra) - 1);
        let half = 1 << (extra - 1);
        if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1;
        }
    }
    let exponent = shift + i64::try_from(extra).unwrap_or(0);
    // mantissa * 2^exponent, with mantissa at most 2^53.
    let bits = i64::from(64 - mantissa.leading_zeros());
    if bits + exponent > 1024 {
        return Err("integer division result too large for a float".to_owned());
    }
    let mut x = mantissa as f64;
    let mut e = exponent;
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(i32::try_from(step).unwrap_or(0));
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        x /= 2f64.powi(i32::try_from(step).unwrap_or(0));
        e += step;
    }
    if x.is_infinite() {
        return Err("integer division result too large for a float".to_owned());
    }
    Ok(sign * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> PyNumber {
        PyNumber::Int(text.parse().expect("digits"))
    }

    #[test]
    fn ints_and_floats_compare_exactly() {
        let two53 = 9_007_199_254_740_992.0;
        assert!(!int("9007199254740993").equals(&PyNumber::Float(two53)));
        assert!(PyNumber::Float(two53).less_than(&int("9007199254740993")));
        assert!(int("1").equals(&PyNumber::Float(1.0)));
        assert!(int("-1").less_than(&PyNumber::Float(-0.5)));
        assert!(PyNumber::Float(-0.5).less_than(&int("0")));
        assert!(int(&"9".repeat(400)).less_than(&PyNumber::Float(f64::INFINITY)));
        assert_eq!(int("1").compare(&PyNumber::Float(f64::NAN)), None);
        assert!(PyNumber::Float(-0.0).equals(&int("0")));
    }

    #[test]
    fn sums_follow_python() {
        assert_eq!(int("9223372036854775807").add(&int("1")), Ok(int("9223372036854775808")));
        assert_eq!(int("1").add(&PyNumber::Float(0.5)), Ok(PyNumber::Float(1.5)));
        assert_eq!(
            int(&"9".repeat(400)).add(&PyNumber::Float(1.0)),
            Err("int too large to convert to float".to_owned())
        );
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        // Python: (2**60 + 1) / 3 == 3.843071682022823e+17; 10**30 / 7 == 1.4285714285714286e+29.
        assert_eq!(int("1152921504606846977").true_divide(3), Ok(PyNumber::Float(3.843_071_682_022_823e17)));
        assert_eq!(
            int("1000000000000000000000000000000").true_divide(7),
            Ok(PyNumber::Float(1.428_571_428_571_428_6e29))
        );
        assert_eq!(int("-7").true_divide(2), Ok(PyNumber::Float(-3.5)));
        assert_eq!(int("0").true_divide(2), Ok(PyNumber::Float(0.0)));
        // 2**54 + 3 is not a double; divided by 1 it rounds half to even.
        assert_eq!(int("18014398509481987").true_divide(1), Ok(PyNumber::Float(18_014_398_509_481_988.0)));
        assert_eq!(
            int(&"9".repeat(400)).true_divide(3),
            Err("integer division result too large for a float".to_owned())
        );
        assert_eq!(PyNumber::Float(3.0).true_divide(2), Ok(PyNumber::Float(1.5)));
    }

    #[test]
    fn ceil_and_floor_make_ints() {
        assert_eq!(PyNumber::Float(1.5).ceil(), Ok(int("2")));
        assert_eq!(PyNumber::Float(-1.5).floor(), Ok(int("-2")));
        assert_eq!(PyNumber::Float(1e20).floor(), Ok(int("100000000000000000000")));
        assert_eq!(PyNumber::Float(f64::NAN).ceil(), Err("cannot convert float NaN to integer".to_owned()));
        assert_eq!(PyNumber::Float(f64::INFINITY).floor(), Err("cannot convert float infinity to integer".to_owned()));
    }

    #[test]
    fn values_round_trip() {
        for value in [
            serde_json::json!(1),
            serde_json::json!(1.5),
            pyvalue::int_value(&"7".repeat(30)),
            pyvalue::float_value(f64::NEG_INFINITY),
        ] {
            let number = PyNumber::from_value(&value).expect("a number");
            assert_eq!(number.to_value(), value);
        }
    }
}
