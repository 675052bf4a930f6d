//! The reference implementation of `ResendConfirmationCode` (feature `reference`): Cognito's behaviour
//! written from the rules ([`cognito`]), served on 127.0.0.1 by a small HTTP/1.1 server ([`http`]). Apart
//! from it, [`variants`] are correct servers that differ from it in ways AWS's clients accept (which the
//! check must pass), and [`defects`] are servers with one planted defect each (which the check must catch);
//! each overrides one stage of [`cognito::Behaviour`].
//!
//! The test suite (`tests/planted.rs`), the conformance suite and `cargo xtask peer --implementation
//! reference` serve it.

pub mod cognito;
pub mod defects;
pub mod http;
pub mod variants;

use std::sync::Arc;

pub use cognito::{Account, Behaviour, Cognito};
pub use http::{Framing, Server};

/// Serves `behaviour` for `account` with `framing` on `listener` (bound to 127.0.0.1).
pub fn serve_on(
    listener: std::net::TcpListener,
    account: Account,
    behaviour: Arc<dyn Behaviour>,
    framing: Framing,
) -> std::io::Result<Server> {
    let state = Arc::new(cognito::State::default());
    let handler: http::Handler =
        Arc::new(move |request: &http::Request| cognito::respond(behaviour.as_ref(), &account, &state, request));
    Server::spawn(listener, framing, handler)
}

/// Serves `behaviour` for `account` on a free port of 127.0.0.1.
pub fn serve(account: Account, behaviour: Arc<dyn Behaviour>, framing: Framing) -> std::io::Result<Server> {
    serve_on(std::net::TcpListener::bind("127.0.0.1:0")?, account, behaviour, framing)
}
