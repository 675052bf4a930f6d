//! [`CognitoIdp`]: the generated client with the AWS JSON 1.1 framing, response decoding and limits.

use std::future::poll_fn;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use reqwest::header::HeaderMap;

use crate::contract;
use crate::error::{Error, Result, ServiceError, decode_error, request_id};
use crate::framing::{Attempt, CURRENT_ATTEMPT, Framing};
use crate::generated::{self, types};
use crate::retry::RetryConfig;

/// Response bodies larger than this are refused (10 MiB): Cognito's answers are a few hundred bytes.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 10 * 1024 * 1024;

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

/// A successful response.
#[derive(Clone, Debug)]
pub struct Response<T> {
    /// The decoded output.
    pub output: T,
    /// The HTTP status.
    pub status: u16,
    /// The request id from `x-amzn-RequestId`, when the response has one.
    pub request_id: Option<String>,
}

/// A response as it came off the wire, for callers that decode it themselves (the CLI does).
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl RawResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The error this response carries, by the AWS JSON 1.1 rules.
    pub fn service_error(&self) -> ServiceError {
        decode_error(self.status, &self.headers, &self.body)
    }
}

/// Builds a [`CognitoIdp`].
#[derive(Debug)]
pub struct Builder {
    endpoint: String,
    app: Option<String>,
    http: Option<reqwest::Client>,
    retry: RetryConfig,
    max_response_bytes: usize,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    ca_bundle: Option<Vec<u8>>,
    accept_invalid_certs: bool,
}

impl Builder {
    /// The `User-Agent` starts with `app`, such as `my-service/1.0`.
    pub fn app_name(mut self, app: impl Into<String>) -> Self {
        self.app = Some(app.into());
        self
    }

    /// Sends through this reqwest client (its TLS, proxy and timeout settings) instead of a default one.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// How calls are retried (default: [`RetryConfig::standard`], 3 attempts, as the AWS SDKs).
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// The attempts a call may make in all, the first included (at least 1), keeping the retry mode;
    /// announced in `amz-sdk-request` (`max=`).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.retry = self.retry.with_max_attempts(attempts);
        self
    }

    /// Refuse response bodies larger than `bytes`.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Connection timeout of the default HTTP client (ignored with [`Builder::http_client`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Read timeout of the default HTTP client (ignored with [`Builder::http_client`]).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Trust only the certificate authorities of this PEM bundle (ignored with [`Builder::http_client`]).
    pub fn ca_bundle_pem(mut self, pem: Vec<u8>) -> Self {
        self.ca_bundle = Some(pem);
        self
    }

    /// Do not verify TLS certificates at all (ignored with [`Builder::http_client`]). Dangerous: anyone on
    /// the path can read and change the traffic. Callers should say so to their users.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<CognitoIdp> {
        let url = reqwest::Url::parse(&self.endpoint)
            .map_err(|e| Error::Config(format!("endpoint {:?} is not a URL: {e}", self.endpoint)))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::Config(format!(
                "endpoint {:?} must be an http:// or https:// URL with a host",
                self.endpoint
            )));
        }
        let http = match self.http {
            Some(http) => http,
            None => default_http_client(&self, url.scheme() == "http")?,
        };
        // progenitor appends the operation's path (`/`) to the base URL.
        let base = self.endpoint.trim_end_matches('/');
        let framing = Framing::new(self.app.as_deref(), self.retry.max_attempts());
        Ok(CognitoIdp {
            inner: generated::Client::new_with_client(base, http, framing),
            endpoint: self.endpoint,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            read_timeout: self.read_timeout,
        })
    }
}

/// A default reqwest client: rustls with the ring provider, HTTP/1.1, and the platform's roots unless a
/// CA bundle replaces them.
fn default_http_client(settings: &Builder, plain_http: bool) -> Result<reqwest::Client> {
    install_crypto_provider();
    // AWS's SDKs do not follow redirects: a 3xx is the service's answer, decoded like any other.
    let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
    if let Some(connect) = settings.connect_timeout {
        builder = builder.connect_timeout(connect);
    }
    if let Some(read) = settings.read_timeout {
        builder = builder.read_timeout(read);
    }
    if plain_http && settings.ca_bundle.is_none() {
        // No TLS will happen: skip loading the platform's roots, which costs milliseconds at every start.
        builder = builder.tls_certs_only(Vec::new());
    }
    if let Some(pem) = &settings.ca_bundle {
        let certificates = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|e| Error::Config(format!("the CA bundle is not valid PEM: {e}")))?;
        if certificates.is_empty() {
            return Err(Error::Config("the CA bundle holds no certificates".to_owned()));
        }
        builder = builder.tls_certs_only(certificates);
    }
    if settings.accept_invalid_certs {
        builder = builder.danger_accept_invalid_certs(true);
    }
    builder.build().map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))
}

/// Makes ring rustls's process-wide crypto provider, unless the application already chose one.
pub fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race with another thread that installed one is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// The client of `ResendConfirmationCode`: the generated client, framed for AWS JSON 1.1.
#[derive(Clone, Debug)]
pub struct CognitoIdp {
    inner: generated::Client,
    endpoint: String,
    max_response_bytes: usize,
    retry: RetryConfig,
    read_timeout: Option<Duration>,
}

impl CognitoIdp {
    /// A builder for a client that sends to `endpoint`, such as `https://cognito-idp.us-east-1.amazonaws.com`.
    pub fn builder(endpoint: impl Into<String>) -> Builder {
        Builder {
            endpoint: endpoint.into(),
            app: None,
            http: None,
            retry: RetryConfig::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            connect_timeout: None,
            read_timeout: None,
            ca_bundle: None,
            accept_invalid_certs: false,
        }
    }

    /// A client configured from the environment as the AWS SDKs are: the region, the endpoint and the
    /// retries from `AWS_*` variables and the shared config file's profile (see [`crate::environment`]).
    pub fn from_env() -> Result<Self> {
        Self::builder_from_env()?.build()
    }

    /// A builder configured from the environment (see [`CognitoIdp::from_env`]), for more settings.
    pub fn builder_from_env() -> Result<Builder> {
        let config = crate::environment::EnvConfig::from_process()?;
        Ok(Self::builder(config.endpoint).retry(config.retry))
    }

    /// A client of the regional endpoint of `region`.
    pub fn for_region(region: &str) -> Result<Self> {
        Self::builder(endpoint_for_region(region)).build()
    }

    /// The generated client, for calls that need its builder directly. Its hooks apply the framing.
    pub fn generated(&self) -> &generated::Client {
        &self.inner
    }

    /// The framing this client applies.
    pub fn framing(&self) -> &Framing {
        use progenitor_client::ClientInfo as _;
        self.inner.inner()
    }

    /// How this client retries.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// Calls `ResendConfirmationCode` with a request the generated types have validated, retrying as the
    /// client's [`RetryConfig`] says. Each call and attempt is a `tracing` span or event (target, attempt,
    /// status, error code, request id; never a member's value).
    pub async fn resend_confirmation_code(
        &self,
        input: types::ResendConfirmationCodeRequest,
    ) -> Result<Response<types::ResendConfirmationCodeResponse>> {
        let span = tracing::debug_span!(
            "cognito_idp_client::call",
            operation = contract::OPERATION,
            target = contract::TARGET
        );
        let finished = tracing::Instrument::instrument(
            crate::retry::run(&self.retry, self.read_timeout, &mut |_| {}, |attempt| {
                self.send_typed_attempt(input.clone(), attempt)
            }),
            span,
        )
        .await?;
        decode(&finished.response)
    }

    /// Sends `body` (already serialized: the raw path of [`CognitoIdp::send_raw`]) with the client's
    /// retries, telling `observe` each step (the CLI writes its `--debug` log and AWS CLI v1's messages
    /// from these events), and returns the final response undecoded.
    pub async fn send_raw_with_retries(
        &self,
        body: &[u8],
        observe: &mut dyn FnMut(crate::retry::Event<'_>),
    ) -> std::result::Result<crate::retry::Finished, crate::retry::CallError> {
        let span = tracing::debug_span!(
            "cognito_idp_client::call",
            operation = contract::OPERATION,
            target = contract::TARGET
        );
        tracing::Instrument::instrument(
            crate::retry::run(&self.retry, self.read_timeout, observe, |attempt| async move {
                self.send_raw(body.to_vec(), &attempt).await
            }),
            span,
        )
        .await
    }

    /// One attempt of the typed call.
    async fn send_typed_attempt(
        &self,
        input: types::ResendConfirmationCodeRequest,
        attempt: Attempt,
    ) -> Result<RawResponse> {
        let call = self
            .inner
            .resend_confirmation_code()
            .x_amz_target(
                types::ResendConfirmationCodeXAmzTarget::AwsCognitoIdentityProviderServiceResendConfirmationCode,
            )
            .body(input)
            .send();
        let raw = match CURRENT_ATTEMPT.scope(attempt, call).await {
            Ok(value) => {
                let (status, headers) = (value.status().as_u16(), value.headers().clone());
                let body = read_limited(value.into_inner().into_inner(), self.max_response_bytes).await?;
                RawResponse { status, headers, body }
            }
            Err(progenitor_client::Error::ErrorResponse(value)) => {
                let (status, headers) = (value.status().as_u16(), value.headers().clone());
                let body = read_limited(value.into_inner().into_inner(), self.max_response_bytes).await?;
                RawResponse { status, headers, body }
            }
            Err(progenitor_client::Error::UnexpectedResponse(response)) => self.read_response(response).await?,
            Err(other) => return Err(from_progenitor(other)),
        };
        Ok(raw)
    }

    /// Sends an already serialized request body with the framing of `attempt`, and returns the response
    /// undecoded. This is the path for callers that must send what the service, not the client, judges
    /// (the CLI sends over-long values and pattern mismatches, as AWS CLI v1 does).
    pub async fn send_raw(&self, body: Vec<u8>, attempt: &Attempt) -> Result<RawResponse> {
        use progenitor_client::ClientInfo as _;
        let url = self.raw_url();
        let mut request =
            self.inner.client().post(url).body(body).build().map_err(|e| Error::InvalidRequest(e.to_string()))?;
        self.framing().apply(request.headers_mut(), attempt);
        let response = self.inner.client().execute(request).await.map_err(Error::Transport)?;
        self.read_response(response).await
    }

    /// The URL [`CognitoIdp::send_raw`] posts to: the endpoint joined with the operation's path as
    /// botocore joins them. An endpoint without a path gets `/`; an endpoint with a path keeps it as it
    /// is (`http://host/base` posts to `/base`, `http://host/base/` to `/base/`). The typed path, built
    /// by progenitor, always appends `/` to the endpoint without its trailing slash.
    pub fn raw_url(&self) -> String {
        raw_url(&self.endpoint)
    }

    async fn read_response(&self, response: reqwest::Response) -> Result<RawResponse> {
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        if response.content_length().is_some_and(|length| length > self.max_response_bytes as u64) {
            return Err(Error::ResponseTooLarge { limit: self.max_response_bytes });
        }
        let body = read_limited(Box::pin(response.bytes_stream()), self.max_response_bytes).await?;
        Ok(RawResponse { status, headers, body })
    }
}

/// The URL [`CognitoIdp::send_raw`] posts to for `endpoint` (see [`CognitoIdp::raw_url`]).
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

/// Decodes a response: a 2xx into the output (an empty body is an empty output, unknown members are
/// ignored, `null` members are unset), anything else into a service error.
pub fn decode(raw: &RawResponse) -> Result<Response<types::ResendConfirmationCodeResponse>> {
    if !raw.is_success() {
        return Err(Error::Service(Box::new(raw.service_error())));
    }
    let output = if raw.body.iter().all(u8::is_ascii_whitespace) {
        types::ResendConfirmationCodeResponse::default()
    } else {
        serde_json::from_slice(&raw.body).map_err(|e| Error::InvalidResponse {
            status: raw.status,
            reason: format!("the body does not match the contract: {e}"),
        })?
    };
    Ok(Response { output, status: raw.status, request_id: request_id(&raw.headers) })
}

type ByteStream = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send + Sync>>;

/// Reads a body stream to the end, refusing to hold more than `limit` bytes.
async fn read_limited(mut stream: ByteStream, limit: usize) -> Result<Bytes> {
    let mut body = Vec::new();
    while let Some(chunk) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        let chunk = chunk.map_err(Error::Transport)?;
        if body.len() + chunk.len() > limit {
            return Err(Error::ResponseTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

fn from_progenitor<E>(error: progenitor_client::Error<E>) -> Error {
    use progenitor_client::Error as P;
    match error {
        P::InvalidRequest(message) => Error::InvalidRequest(message),
        P::CommunicationError(e) | P::InvalidUpgrade(e) | P::ResponseBodyError(e) => Error::Transport(e),
        P::InvalidResponsePayload(_, e) => Error::InvalidResponse { status: 0, reason: e.to_string() },
        P::Custom(message) => Error::InvalidRequest(message),
        P::ErrorResponse(value) => Error::InvalidResponse {
            status: value.status().as_u16(),
            reason: "an error response that was not read".to_owned(),
        },
        P::UnexpectedResponse(response) => Error::InvalidResponse {
            status: response.status().as_u16(),
            reason: "a response that was not read".to_owned(),
        },
    }
}

impl From<ServiceError> for Error {
    fn from(error: ServiceError) -> Self {
        Error::Service(Box::new(error))
    }
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
    }

    #[test]
    fn raw_urls_join_the_endpoint_as_botocore_does() {
        let url = |endpoint: &str| CognitoIdp::builder(endpoint).build().expect("client").raw_url();
        assert_eq!(url("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(url("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
        assert_eq!(url("http://127.0.0.1:8080/base/path"), "http://127.0.0.1:8080/base/path");
        assert_eq!(url("http://127.0.0.1:8080/base/path/"), "http://127.0.0.1:8080/base/path/");
    }

    #[test]
    fn a_bad_endpoint_is_a_configuration_error() {
        assert!(matches!(CognitoIdp::builder("not a url").build(), Err(Error::Config(_))));
        assert!(matches!(CognitoIdp::builder("ftp://host").build(), Err(Error::Config(_))));
    }

    #[test]
    fn empty_and_whitespace_bodies_are_empty_outputs() {
        for body in ["", " \n", "{}", "{\"CodeDeliveryDetails\":null}", "{\"foo\":true}"] {
            let raw = RawResponse { status: 200, headers: HeaderMap::new(), body: Bytes::from(body) };
            let response = decode(&raw).unwrap_or_else(|e| panic!("{body:?}: {e}"));
            assert!(response.output.code_delivery_details.is_none(), "{body:?}");
        }
    }

    #[test]
    fn invalid_json_in_a_success_is_an_invalid_response() {
        let raw = RawResponse { status: 200, headers: HeaderMap::new(), body: Bytes::from("{not json") };
        assert!(matches!(decode(&raw), Err(Error::InvalidResponse { status: 200, .. })));
    }
}
