//! [`CognitoIdp`]: the generated client with the AWS JSON 1.1 framing, timeouts, retries, response
//! decoding and limits.
//!
//! # Timeouts
//!
//! Every HTTP client the crate builds bounds connecting and reading:
//!
//! - **connect: 3.1 s** ([`DEFAULT_CONNECT_TIMEOUT`]), the AWS SDK for Rust's default (`aws-config`'s
//!   `SDK_DEFAULT_CONNECT_TIMEOUT`, also the `connectTimeoutInMillis` of the SDKs' `standard` defaults
//!   mode). It covers the TCP connection and the TLS handshake.
//! - **read: 60 s** ([`DEFAULT_READ_TIMEOUT`]), botocore's (`DEFAULT_TIMEOUT`, AWS CLI v1's
//!   `--cli-read-timeout`): the longest wait for the next bytes of the response, reset by each read. The
//!   AWS SDK for Rust sets no read timeout, so a server that accepts a connection and never answers
//!   holds its call forever; one is needed. Cognito answers `ResendConfirmationCode` in well under a
//!   second, but it runs the user pool's Lambda triggers (custom message, custom SMS or email sender)
//!   before answering, waits up to 5 s for each and tries a trigger up to 3 times: a shorter bound
//!   would cut answers that were coming, and on this non-idempotent operation a retry after a read
//!   timeout may send a second code (see [`crate::retry`]). 60 s is well clear of that, and botocore's
//!   users have lived with it for years.
//!
//! Each can be set ([`Builder::connect_timeout`], [`Builder::read_timeout`]) or turned off
//! ([`Builder::disable_connect_timeout`], [`Builder::disable_read_timeout`]). None is read from the
//! environment or the profile: no AWS SDK reads a connect or read timeout there (the one shared setting
//! that touches one, `defaults_mode`, is not implemented by the AWS SDK for Rust, and its default,
//! `legacy`, leaves timeouts to each SDK). A client given its own `reqwest::Client`
//! ([`Builder::http_client`]) keeps that client's settings: the builder's timeouts do not apply to it.
//! With retries, a call that meets only timeouts ends within `max_attempts` times the two timeouts plus
//! the backoff (3 attempts by default: at most 3 × 63.1 s plus 3 s of waits).

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};

use crate::contract;
use crate::error::{Error, Result, ServiceError};
use crate::framing::{Attempt, Framing, X_AMZ_TARGET};
use crate::generated::{self, types};
use crate::retry::{CallError, Event, Finished, RetryConfig, Shared};

pub use crate::endpoint::{endpoint_for_region, raw_url};
pub use crate::response::{RawResponse, Response, decode};

/// Response bodies larger than this are refused (10 MiB): Cognito's answers are a few hundred bytes.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 10 * 1024 * 1024;

/// The connect timeout of the clients the crate builds: 3.1 s, the AWS SDK for Rust's (see the module
/// docs).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_millis(3100);

/// The read timeout of the clients the crate builds: 60 s, botocore's (see the module docs for why).
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(60);

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
    /// The builder's timeouts, CA bundle and certificate settings do not apply to it: give it the
    /// timeouts it needs (reqwest's default is none at all). Retries and the framing stay the library's.
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

    /// Whether an attempt that timed out reading (or lost its connection) after its request went out is
    /// retried: `true` by default, as the AWS SDKs; `false` so that a resend is never sent twice by the
    /// client. See [`RetryConfig::with_retry_unanswered`] for the trade-off.
    pub fn retry_unanswered(mut self, retry: bool) -> Self {
        self.retry = self.retry.with_retry_unanswered(retry);
        self
    }

    /// Refuse response bodies larger than `bytes`.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// The connect timeout (default [`DEFAULT_CONNECT_TIMEOUT`], 3.1 s): how long connecting, TLS
    /// included, may take. Not applied to a client given with [`Builder::http_client`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// No connect timeout: connecting waits as long as the operating system does.
    pub fn disable_connect_timeout(mut self) -> Self {
        self.connect_timeout = None;
        self
    }

    /// The read timeout (default [`DEFAULT_READ_TIMEOUT`], 60 s): how long the client waits for the next
    /// bytes of a response; each read starts it again. It also sets the `ttl` of retries'
    /// `amz-sdk-request`. Not applied to a client given with [`Builder::http_client`].
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// No read timeout: a server that accepts the request and never answers holds the call forever.
    pub fn disable_read_timeout(mut self) -> Self {
        self.read_timeout = None;
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
        // A client of the caller's has timeouts we cannot see: its calls announce no `ttl`.
        let (http, timeouts) = match self.http {
            Some(http) => (http, Timeouts { connect: None, read: None }),
            None => (
                default_http_client(&self, url.scheme() == "http")?,
                Timeouts { connect: self.connect_timeout, read: self.read_timeout },
            ),
        };
        // progenitor appends the operation's path (`/`) to the base URL.
        let base = self.endpoint.trim_end_matches('/');
        let framing = Framing::new(self.app.as_deref(), self.retry.max_attempts());
        Ok(CognitoIdp {
            inner: generated::Client::new_with_client(base, http, framing),
            endpoint: self.endpoint,
            max_response_bytes: self.max_response_bytes,
            shared: Arc::new(Shared::new(&self.retry)),
            retry: self.retry,
            timeouts,
        })
    }
}

/// A default reqwest client: rustls with the ring provider, HTTP/1.1, the builder's timeouts, and the
/// platform's roots unless a CA bundle replaces them.
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

/// The timeouts of a client's HTTP client, when the crate built it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Timeouts {
    connect: Option<Duration>,
    read: Option<Duration>,
}

/// The client of `ResendConfirmationCode`: the generated client, framed for AWS JSON 1.1. Clones share
/// the HTTP connections, the retry quota and adaptive mode's rate limiter.
#[derive(Clone, Debug)]
pub struct CognitoIdp {
    inner: generated::Client,
    endpoint: String,
    max_response_bytes: usize,
    retry: RetryConfig,
    shared: Arc<Shared>,
    timeouts: Timeouts,
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
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            read_timeout: Some(DEFAULT_READ_TIMEOUT),
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
        self.inner.inner()
    }

    /// How this client retries.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// The connect timeout of the HTTP client the crate built; `None` when it has none, or when the
    /// HTTP client was given ([`Builder::http_client`]).
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.timeouts.connect
    }

    /// The read timeout of the HTTP client the crate built; `None` when it has none, or when the HTTP
    /// client was given ([`Builder::http_client`]).
    pub fn read_timeout(&self) -> Option<Duration> {
        self.timeouts.read
    }

    /// The tokens left in the retry quota this client and its clones share (standard and adaptive
    /// modes; `None` in legacy mode, which has none): 500 when full, 5 per retry, 10 per retry after a
    /// timeout (see [`crate::retry`]).
    pub fn retry_quota_available(&self) -> Option<u32> {
        self.shared.quota_available()
    }

    /// The send rate, in attempts per second, that adaptive mode allows now; `None` until the service
    /// has throttled this client (and in the other modes).
    pub fn adaptive_send_rate(&self) -> Option<f64> {
        self.shared.allowed_rate()
    }

    /// Calls `ResendConfirmationCode` with a request the generated types have validated, retrying as the
    /// client's [`RetryConfig`] says. Each call and attempt is a `tracing` span or event (target, attempt,
    /// status, error code, request id; never a member's value).
    pub async fn resend_confirmation_code(
        &self,
        input: types::ResendConfirmationCodeRequest,
    ) -> Result<Response<types::ResendConfirmationCodeResponse>> {
        let finished =
            self.with_retries(&mut |_| {}, |attempt| self.send_typed_attempt(input.clone(), attempt)).await?;
        decode(&finished.response).map_err(|error| match finished.quota_exhausted {
            true => Error::RetryQuotaExhausted { attempts: finished.attempts, last: Box::new(error) },
            false => error,
        })
    }

    /// Sends `body` (already serialized: the raw path of [`CognitoIdp::send_raw`]) with the client's
    /// retries, telling `observe` each step (the CLI writes its `--debug` log and AWS CLI v1's messages
    /// from these events), and returns the final response undecoded.
    pub async fn send_raw_with_retries(
        &self,
        body: &[u8],
        observe: &mut dyn FnMut(Event<'_>),
    ) -> std::result::Result<Finished, CallError> {
        self.with_retries(observe, |attempt| async move { self.send_raw(body.to_vec(), &attempt).await }).await
    }

    /// Runs the attempts of one call in its `tracing` span.
    async fn with_retries<F, Fut>(
        &self,
        observe: &mut dyn FnMut(Event<'_>),
        send: F,
    ) -> std::result::Result<Finished, CallError>
    where
        F: FnMut(Attempt) -> Fut,
        Fut: Future<Output = Result<RawResponse>>,
    {
        let span = tracing::debug_span!(
            "cognito_idp_client::call",
            operation = contract::OPERATION,
            target = contract::TARGET
        );
        let run = crate::retry::run(&self.retry, &self.shared, self.timeouts.read, observe, send);
        tracing::Instrument::instrument(run, span).await
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
        let url = self.raw_url();
        let mut request =
            self.inner.client().post(url).body(body).build().map_err(|e| Error::InvalidRequest(e.to_string()))?;
        self.framing().apply(request.headers_mut(), attempt);
        let response = self.inner.client().execute(request).await.map_err(Error::Transport)?;
        self.read_response(response).await
    }

    /// The URL [`CognitoIdp::send_raw`] posts to (see [`raw_url`]). The typed path, built by progenitor,
    /// always appends `/` to the endpoint without its trailing slash.
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

tokio::task_local! {
    /// The attempt the generated client is sending now, set by [`CognitoIdp`] around each typed call.
    static CURRENT_ATTEMPT: Attempt;
}

impl ClientHooks<Framing> for generated::Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> std::result::Result<(), progenitor_client::Error<E>> {
        // The generated code sets X-Amz-Target from the spec; it must agree with the model tables.
        let target = request.headers().get(X_AMZ_TARGET).and_then(|v| v.to_str().ok());
        if target != Some(contract::TARGET) {
            return Err(progenitor_client::Error::InvalidRequest(format!(
                "X-Amz-Target is {target:?}, the contract says {:?}",
                contract::TARGET
            )));
        }
        let framing = self.inner();
        let attempt =
            CURRENT_ATTEMPT.try_with(Clone::clone).unwrap_or_else(|_| Attempt::first(Some(framing.max_attempts())));
        framing.apply(request.headers_mut(), &attempt);
        Ok(())
    }
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
    fn raw_urls_join_the_endpoint_as_botocore_does() {
        let url = |endpoint: &str| CognitoIdp::builder(endpoint).build().expect("client").raw_url();
        assert_eq!(url("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(url("http://127.0.0.1:8080/base/path/"), "http://127.0.0.1:8080/base/path/");
    }

    #[test]
    fn a_bad_endpoint_is_a_configuration_error() {
        assert!(matches!(CognitoIdp::builder("not a url").build(), Err(Error::Config(_))));
        assert!(matches!(CognitoIdp::builder("ftp://host").build(), Err(Error::Config(_))));
    }

    #[test]
    fn every_client_the_crate_builds_has_the_default_timeouts() {
        for client in [
            CognitoIdp::builder("http://127.0.0.1:1").build().expect("client"),
            CognitoIdp::for_region("eu-west-1").expect("client"),
        ] {
            assert_eq!(client.connect_timeout(), Some(Duration::from_millis(3100)));
            assert_eq!(client.read_timeout(), Some(Duration::from_secs(60)));
        }
    }

    #[test]
    fn timeouts_can_be_set_and_turned_off_and_a_given_client_keeps_its_own() {
        let set = CognitoIdp::builder("http://127.0.0.1:1")
            .connect_timeout(Duration::from_secs(1))
            .read_timeout(Duration::from_secs(2))
            .build()
            .expect("client");
        assert_eq!(
            (set.connect_timeout(), set.read_timeout()),
            (Some(Duration::from_secs(1)), Some(Duration::from_secs(2)))
        );
        let off = CognitoIdp::builder("http://127.0.0.1:1")
            .disable_connect_timeout()
            .disable_read_timeout()
            .build()
            .expect("client");
        assert_eq!((off.connect_timeout(), off.read_timeout()), (None, None));
        let given = CognitoIdp::builder("http://127.0.0.1:1")
            .http_client(reqwest::Client::new())
            .read_timeout(Duration::from_secs(2))
            .build()
            .expect("client");
        assert_eq!((given.connect_timeout(), given.read_timeout()), (None, None));
    }

    #[test]
    fn clones_share_the_retry_quota_and_legacy_mode_has_none() {
        let client = CognitoIdp::builder("http://127.0.0.1:1").build().expect("client");
        let clone = client.clone();
        assert!(Arc::ptr_eq(&client.shared, &clone.shared));
        assert_eq!(client.retry_quota_available(), Some(500));
        let legacy = CognitoIdp::builder("http://127.0.0.1:1").retry(RetryConfig::legacy()).build().expect("client");
        assert_eq!(legacy.retry_quota_available(), None);
        assert_eq!(client.adaptive_send_rate(), None);
    }

    #[test]
    fn the_builder_switches_reach_the_retry_configuration() {
        let client =
            CognitoIdp::builder("http://127.0.0.1:1").max_attempts(7).retry_unanswered(false).build().expect("client");
        assert_eq!(client.retry_config().max_attempts(), 7);
        assert!(!client.retry_config().retries_unanswered());
        assert_eq!(client.framing().max_attempts(), 7);
    }
}
