//! Dev-only helpers that the conformance suite, the e2e tests and xtask share, so that each fact lives
//! once: how to find or build the binary under test ([`binary`]), where the workspace and its target folder are
//! and how to run cargo from inside a cargo run ([`cargo_env`]), the folder a run happens in ([`sandbox`]), and how
//! to show a command line ([`shell`]).

pub mod binary;
pub mod cargo_env;
pub mod sandbox;
pub mod shell;
