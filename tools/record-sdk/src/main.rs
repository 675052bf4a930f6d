//! Records what the AWS SDK for Rust puts on the wire for each input of
//! `crates/conformance/fixtures/differential/inputs.json`, into `.../differential/sdk/<name>.json`.
//!
//! The SDK sends to a recording server of this program on 127.0.0.1 (an ephemeral port), which answers
//! every request with `200 {}`. Run from the workspace root (see this folder's README.md):
//!
//! ```sh
//! CARGO_TARGET_DIR=tools/record-sdk/target cargo run --manifest-path tools/record-sdk/Cargo.toml
//! ```

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use aws_config::{BehaviorVersion, Region};
use aws_sdk_cognitoidentityprovider::types::{AnalyticsMetadataType, UserContextDataType};
use serde_json::{Value, json};

type Result<T> = std::result::Result<T, String>;

/// A request as the recording server received it.
struct Recorded {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(count) => {
            eprintln!("recorded {count} requests");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/conformance/fixtures/differential")
}

fn run() -> Result<usize> {
    let dir = fixtures();
    let text = std::fs::read_to_string(dir.join("inputs.json")).map_err(|e| format!("inputs.json: {e}"))?;
    let inputs: Value = serde_json::from_str(&text).map_err(|e| format!("inputs.json: {e}"))?;
    let inputs = inputs["inputs"].as_array().ok_or("inputs.json has no inputs")?.clone();

    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let sender = sender.clone();
            std::thread::spawn(move || serve(stream, &sender));
        }
    });

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    let recorder = format!("aws-sdk-cognitoidentityprovider {}", aws_sdk_cognitoidentityprovider::meta::PKG_VERSION);
    runtime.block_on(async {
        let config = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .endpoint_url(format!("http://127.0.0.1:{port}"))
            .http_client(aws_smithy_http_client::Builder::new().build_http())
            .no_credentials()
            .load()
            .await;
        let client = aws_sdk_cognitoidentityprovider::Client::new(&config);
        for named in &inputs {
            let name = named["name"].as_str().ok_or("an input without a name")?;
            let input = &named["input"];
            send(&client, input).await.map_err(|e| format!("{name}: {e}"))?;
            let request: Recorded =
                received.recv_timeout(std::time::Duration::from_secs(10)).map_err(|e| format!("{name}: {e}"))?;
            let record = json!({
                "name": name,
                "recorder": recorder,
                "method": request.method,
                "path": request.path,
                "headers": request.headers.iter().map(|(n, v)| json!([n, v])).collect::<Vec<_>>(),
                "body": request.body,
            });
            let text = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())? + "\n";
            std::fs::write(dir.join("sdk").join(format!("{name}.json")), text).map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(inputs.len())
    })
}

/// Sends one input through the SDK's fluent builder.
async fn send(client: &aws_sdk_cognitoidentityprovider::Client, input: &Value) -> Result<()> {
    let text = |v: &Value| v.as_str().map(str::to_owned);
    let object = input.as_object().ok_or("the input is not an object")?;
    let mut call = client.resend_confirmation_code();
    for (key, value) in object {
        call = match key.as_str() {
            "ClientId" => call.set_client_id(text(value)),
            "Username" => call.set_username(text(value)),
            "SecretHash" => call.set_secret_hash(text(value)),
            "UserContextData" => call.user_context_data(
                UserContextDataType::builder()
                    .set_ip_address(text(&value["IpAddress"]))
                    .set_encoded_data(text(&value["EncodedData"]))
                    .build(),
            ),
            "AnalyticsMetadata" => call.analytics_metadata(
                AnalyticsMetadataType::builder().set_analytics_endpoint_id(text(&value["AnalyticsEndpointId"])).build(),
            ),
            "ClientMetadata" => {
                let map = value.as_object().ok_or("ClientMetadata is not an object")?;
                let map: HashMap<String, String> =
                    map.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned())).collect();
                call.set_client_metadata(Some(map))
            }
            other => return Err(format!("unknown member {other}")),
        };
    }
    call.send().await.map(drop).map_err(|e| format!("{e:?}"))
}

/// Serves one connection: records each request, answers `200 {}`.
fn serve(stream: TcpStream, sender: &mpsc::Sender<Recorded>) {
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.trim_end().splitn(3, ' ');
        let (method, path) = (parts.next().unwrap_or("").to_owned(), parts.next().unwrap_or("").to_owned());
        let mut headers = Vec::new();
        let mut length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end_matches(['\r', '\n']);
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim().to_owned();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse().unwrap_or(0);
                }
                headers.push((name.to_owned(), value));
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let body = String::from_utf8_lossy(&body).into_owned();
        let _ = sender.send(Recorded { method, path, headers, body });
        let answer = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}";
        if writer.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}
