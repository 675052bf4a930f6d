//! The shorthand parser on arbitrary text, and `write` then `parse` giving back the value whenever `write`
//! can express it.

#![no_main]

use cognito_idp_cli::input::shorthand::{self, NoParamfiles};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = shorthand::parse(text, &NoParamfiles) else { return };
    if let Some(written) = shorthand::write(&value) {
        let reparsed = shorthand::parse(&written, &NoParamfiles);
        assert_eq!(reparsed.as_ref().ok(), Some(&value), "write gave {written:?} for {value} (from {text:?})");
    }
});
