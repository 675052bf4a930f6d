//! The output side: the response parsed as botocore parses it ([`response`]), `--query` ([`query`], with
//! jmespath-python's syntax errors from `jmespath_syntax`), and `--output json|text|table` ([`jsonfmt`],
//! [`text`], [`table`]).

pub(crate) mod jmespath_syntax;
pub mod jsonfmt;
pub mod query;
#[cfg(test)]
mod recorded;
pub mod response;
pub mod table;
pub mod text;
