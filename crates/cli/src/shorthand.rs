//! AWS CLI v1's shorthand syntax: a parser and a writer.
