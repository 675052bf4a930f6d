//! The checks, as functions that return an [`crate::report::Outcome`] with typed failures; the runner
//! and thin test assertions wrap them.

pub mod cli;
pub mod differential;
pub mod properties;
pub mod protocol;
pub mod server;
pub mod vectors;
