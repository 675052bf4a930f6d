//! Where requests go: the regional endpoint of the service, and the URL a raw request posts to.

use crate::contract;

/// The regional endpoint of the service, `https://cognito-idp.{region}.{dns suffix}`, with the DNS
/// suffix of the region's partition (`amazonaws.com.cn` for `cn-*`, and so on); regions that match no
/// partition get `amazonaws.com`, as AWS's SDKs do.
pub fn endpoint_for_region(region: &str) -> String {
    let suffix = [
        ("cn-", "amazonaws.com.cn"),
        ("us-isob-", "sc2s.sgov.gov"),
        ("us-isof-", "csp.hci.ic.gov"),
        ("us-iso-", "c2s.ic.gov"),
        ("eu-isoe-", "cloud.adc-e.uk"),
        ("eusc-", "amazonaws.eu"),
    ]
    .iter()
    .find(|(prefix, _)| region.starts_with(prefix))
    .map_or("amazonaws.com", |(_, suffix)| suffix);
    format!("https://{}.{region}.{suffix}", contract::ENDPOINT_PREFIX)
}

/// The URL [`crate::CognitoIdp::send_raw`] posts to for `endpoint`: the endpoint joined with the
/// operation's path as botocore joins them. An endpoint without a path gets `/`; an endpoint with a path
/// keeps it as it is (`http://host/base` posts to `/base`, `http://host/base/` to `/base/`).
pub fn raw_url(endpoint: &str) -> String {
    join_like_botocore(endpoint, contract::PATH)
}

/// botocore's `_urljoin` of an endpoint and a request path.
fn join_like_botocore(endpoint: &str, path: &str) -> String {
    let Ok(mut url) = reqwest::Url::parse(endpoint) else { return format!("{}{path}", endpoint.trim_end_matches('/')) };
    let current = url.path().to_owned();
    let new_path = if path.is_empty() || path == "/" {
        current
    } else if current.ends_with('/') && path.starts_with('/') {
        format!("{}{path}", &current[..current.len() - 1])
    } else {
        format!("{current}{path}")
    };
    url.set_path(&new_path);
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_follow_the_partition_of_the_region() {
        assert_eq!(endpoint_for_region("us-east-1"), "https://cognito-idp.us-east-1.amazonaws.com");
        assert_eq!(endpoint_for_region("cn-north-1"), "https://cognito-idp.cn-north-1.amazonaws.com.cn");
        assert_eq!(endpoint_for_region("us-gov-west-1"), "https://cognito-idp.us-gov-west-1.amazonaws.com");
        assert_eq!(endpoint_for_region("us-isob-east-1"), "https://cognito-idp.us-isob-east-1.sc2s.sgov.gov");
        assert_eq!(endpoint_for_region("us-iso-east-1"), "https://cognito-idp.us-iso-east-1.c2s.ic.gov");
        assert_eq!(endpoint_for_region("us-isof-south-1"), "https://cognito-idp.us-isof-south-1.csp.hci.ic.gov");
        assert_eq!(endpoint_for_region("eu-isoe-west-1"), "https://cognito-idp.eu-isoe-west-1.cloud.adc-e.uk");
        assert_eq!(endpoint_for_region("eusc-de-east-1"), "https://cognito-idp.eusc-de-east-1.amazonaws.eu");
    }

    #[test]
    fn raw_urls_join_the_endpoint_as_botocore_does() {
        assert_eq!(raw_url("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(raw_url("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
        assert_eq!(raw_url("http://127.0.0.1:8080/base/path"), "http://127.0.0.1:8080/base/path");
        assert_eq!(raw_url("http://127.0.0.1:8080/base/path/"), "http://127.0.0.1:8080/base/path/");
    }

    #[test]
    fn botocore_joins_a_path_onto_the_endpoints_path() {
        assert_eq!(join_like_botocore("http://h/base/", "/op"), "http://h/base/op");
        assert_eq!(join_like_botocore("http://h/base", "/op"), "http://h/base/op");
        assert_eq!(join_like_botocore("http://h/base", ""), "http://h/base");
        assert_eq!(join_like_botocore("not a url/", "/op"), "not a url/op");
    }
}
