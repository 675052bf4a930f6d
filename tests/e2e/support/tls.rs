//! HTTPS for the mock server: a fresh self-signed certificate for `localhost` and `127.0.0.1`, made with rcgen,
//! and the rustls server configuration that presents it.

use std::sync::Arc;

/// A self-signed certificate and a server configuration that presents it.
#[derive(Debug, Clone)]
pub struct SelfSigned {
    /// The certificate in PEM, for `--ca-bundle` and friends.
    pub cert_pem: String,
    /// The rustls configuration for [`super::mock_server::MockServer::start_with`].
    pub config: Arc<rustls::ServerConfig>,
}

/// Makes a new certificate (a new key every call) and its server configuration.
pub fn self_signed() -> Result<SelfSigned, String> {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
        .map_err(|e| format!("cannot make a certificate: {e}"))?;
    let key = rustls::pki_types::PrivateKeyDer::try_from(certified.signing_key.serialize_der())
        .map_err(|e| format!("cannot read the key: {e}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("no TLS versions: {e}"))?
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .map_err(|e| format!("cannot build the server configuration: {e}"))?;
    Ok(SelfSigned { cert_pem: certified.cert.pem(), config: Arc::new(config) })
}
