//! Python repr() of parameter values, for botocore's validation messages.
