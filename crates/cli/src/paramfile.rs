//! file:// and fileb:// parameter values.
