//! A response body parsed as botocore does: modeled members only, in model order.
