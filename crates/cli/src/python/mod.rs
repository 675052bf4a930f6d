//! CPython 3.11's behaviour, as AWS CLI v1 inherits it: the values (`pyvalue`), `repr()` (`pyrepr`),
//! `json.loads` ([`pyjson`]), `int()` (`pyint`) and the Unicode tables (`py_unicode`). Nothing here knows of
//! AWS.

pub(crate) mod py_unicode;
pub(crate) mod pyint;
pub mod pyjson;
pub(crate) mod pyrepr;
pub(crate) mod pyvalue;
