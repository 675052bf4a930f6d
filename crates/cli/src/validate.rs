//! botocore's parameter validation: required members, min length, types, unknown keys.
