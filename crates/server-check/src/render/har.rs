//! `--har PATH`: every exchange as HTTP Archive 1.2, which browsers' dev tools and HAR viewers open. One
//! page (the run) and one entry per exchange, in plan order, each entry's `comment` naming its probe.
//!
//! What the model does not hold is written as HAR says to when a value is unknown: `headersSize` is `-1`,
//! and of the timings only `wait` is known (the whole exchange; `send` and `receive` are `0`, the rest
//! `-1`). The request's headers are those the check set (the HTTP stack adds `Host`, `Content-Length` and
//! `Accept`); the check's HTTP client speaks HTTP/1.1 only, so both sides say `HTTP/1.1`; `statusText` is
//! the status's standard reason phrase (the one on the wire is not kept). A body that is not UTF-8 is
//! Base64: `content.encoding` says so for an answer, and `postData._encoding` for a request (HAR has no
//! field for it there).
//!
//! An exchange without an answer (a timeout, a refused connection) keeps the shape HAR requires, as
//! Chromium's dev tools write a failed request: `status` `0`, empty `statusText` and `httpVersion`, no
//! headers, an empty `content` of type `x-unknown`, `bodySize` `-1`, and why in `_error` and `comment`.

use serde_json::{Map, Value, json};

use crate::results::{Body, ExchangeRecord, Header, Report};

/// The HTTP version of every exchange: the check's client speaks HTTP/1.1 only.
const HTTP_VERSION: &str = "HTTP/1.1";
/// The id of the one page, the run.
const PAGE: &str = "run";

/// The report's exchanges as a HAR 1.2 document.
pub fn render(report: &Report) -> Result<String, String> {
    let (name, version) = report.tool.split_once(' ').unwrap_or((report.tool.as_str(), ""));
    let har = json!({
        "log": {
            "version": "1.2",
            "creator": {"name": name, "version": version},
            "pages": [{
                "startedDateTime": report.started,
                "id": PAGE,
                "title": format!("{} {}", report.tool, report.target.endpoint),
                "pageTimings": {"onContentLoad": -1, "onLoad": -1},
                "comment": report.verdict.summary,
            }],
            "entries": report.exchanges.iter().map(entry).collect::<Vec<Value>>(),
            "comment": format!(
                "{}: {} (app client {}, unconfirmed user {})",
                report.tool, report.target.endpoint, report.target.client_id, report.target.username
            ),
        }
    });
    let mut text = serde_json::to_string_pretty(&har).map_err(|e| format!("cannot write the HAR report: {e}"))?;
    text.push('\n');
    Ok(text)
}

fn entry(exchange: &ExchangeRecord) -> Value {
    let mut entry = json!({
        "pageref": PAGE,
        "startedDateTime": exchange.started,
        "time": exchange.milliseconds,
        "request": request(exchange),
        "response": response(exchange),
        "cache": {},
        "timings": {
            "blocked": -1, "dns": -1, "connect": -1, "send": 0, "wait": exchange.milliseconds, "receive": 0, "ssl": -1,
        },
        "comment": exchange.probe,
    });
    if let (Some(error), Value::Object(entry)) = (&exchange.error, &mut entry) {
        entry.insert("comment".into(), format!("{}: {error}", exchange.probe).into());
    }
    entry
}

fn headers(headers: &[Header]) -> Value {
    headers.iter().map(|h| json!({"name": h.name, "value": h.value})).collect()
}

fn header<'h>(headers: &'h [Header], name: &str) -> Option<&'h str> {
    headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

fn request(exchange: &ExchangeRecord) -> Value {
    let request = &exchange.request;
    let query: Vec<Value> = reqwest::Url::parse(&request.url)
        .map(|url| url.query_pairs().map(|(name, value)| json!({"name": name, "value": value})).collect())
        .unwrap_or_default();
    let mut out = json!({
        "method": request.method,
        "url": request.url,
        "httpVersion": HTTP_VERSION,
        "cookies": [],
        "headers": headers(&request.headers),
        "queryString": query,
        "headersSize": -1,
        "bodySize": request.body.size,
    });
    if request.body.size > 0
        && let Value::Object(out) = &mut out
    {
        let mut post = Map::new();
        post.insert("mimeType".into(), header(&request.headers, "content-type").unwrap_or("").into());
        post.insert("text".into(), request.body.text.clone().into());
        if let Some(encoding) = &request.body.encoding {
            post.insert("_encoding".into(), encoding.clone().into());
        }
        out.insert("postData".into(), Value::Object(post));
    }
    out
}

fn content(body: &Body, mime_type: Option<&str>) -> Value {
    let mut content = json!({"size": body.size, "mimeType": mime_type.unwrap_or("x-unknown")});
    if let Value::Object(content) = &mut content {
        if body.size > 0 {
            content.insert("text".into(), body.text.clone().into());
        }
        if let Some(encoding) = &body.encoding {
            content.insert("encoding".into(), encoding.clone().into());
        }
    }
    content
}

fn response(exchange: &ExchangeRecord) -> Value {
    match &exchange.response {
        Some(response) => json!({
            "status": response.status,
            "statusText": reqwest::StatusCode::from_u16(response.status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or(""),
            "httpVersion": HTTP_VERSION,
            "cookies": [],
            "headers": headers(&response.headers),
            "content": content(&response.body, header(&response.headers, "content-type")),
            "redirectURL": header(&response.headers, "location").unwrap_or(""),
            "headersSize": -1,
            "bodySize": response.body.size,
        }),
        None => json!({
            "status": 0,
            "statusText": "",
            "httpVersion": "",
            "cookies": [],
            "headers": [],
            "content": {"size": 0, "mimeType": "x-unknown"},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": -1,
            "_error": exchange.error.as_deref().unwrap_or("no answer"),
        }),
    }
}
