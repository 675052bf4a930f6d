//! What the CLI writes about itself: the manuals ([`help`]) and the input and output skeletons
//! ([`skeleton`]), from the contract's tables.

pub mod help;
pub mod skeleton;
