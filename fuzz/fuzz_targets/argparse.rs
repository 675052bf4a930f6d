//! The argument parser on arbitrary argument lists, with `--query` compiled and `--endpoint-url` checked where
//! the CLI does both: the input is the arguments separated by NUL bytes, each any bytes (so also arguments
//! that are not UTF-8).

#![no_main]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt as _;

use cognito_idp_cli::input::argparse::{self, TopLevelEvent};
use cognito_idp_cli::output::query::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let args: Vec<OsString> = if data.is_empty() {
        Vec::new()
    } else {
        data.split(|&b| b == 0).map(|arg| OsString::from_vec(arg.to_vec())).collect()
    };
    let parsed = argparse::parse_with(&args, |event| match event {
        TopLevelEvent::Query(text) => Query::compile(text).map(drop).map_err(|e| e.to_string()),
        TopLevelEvent::EndpointUrl(url) => argparse::endpoint_url_error(url).map_or(Ok(()), Err),
        TopLevelEvent::GlobalsParsed(_) => Ok(()),
    });
    if let Err(error) = parsed {
        // The message is part of the path to the user: rendering it must not fail either.
        let _ = error.render();
        let _ = error.exit_status();
    }
});
