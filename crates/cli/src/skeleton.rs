//! --generate-cli-skeleton: the input skeleton and the fake output, from the contract tables.
