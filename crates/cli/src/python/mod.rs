//! CPython 3.11's behaviour, as AWS CLI v1 inherits it: the values (`pyvalue`), `repr()` (`pyrepr`),
//! `json.loads` ([`pyjson`]), `int()` and `float()` of a string (`pyint`), the arithmetic of `int` and `float`
//! (`pynumber`), `list.sort()` (`pysort`) and the Unicode tables (`py_unicode`). Nothing here knows of AWS.

pub(crate) mod py_unicode;
pub(crate) mod pyint;
pub mod pyjson;
pub(crate) mod pynumber;
pub(crate) mod pyrepr;
pub(crate) mod pysort;
pub(crate) mod pyvalue;
