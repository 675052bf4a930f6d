//! The input side, in clidriver.py's order: the command line split by [`argparse`] (Python 3.11's argparse,
//! in AWS CLI v1's three stages; the global options are [`global_options`]'s table), each option's text loaded by [`paramfile`] and turned into a value by
//! [`argprocess`] (JSON or [`shorthand`]), and the request checked by [`validate`] as botocore checks it.

pub mod argparse;
pub mod argprocess;
pub(crate) mod global_options;
pub mod paramfile;
pub mod shorthand;
pub mod validate;
