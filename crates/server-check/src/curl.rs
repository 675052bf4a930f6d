//! A `curl` command line that sends a probe's request again, ready to paste into a POSIX shell: the same
//! method, URL, headers and body, with the answer's status line and headers shown (`-i`).

use crate::send::Sent;

/// The command line for `sent`.
pub fn command(sent: &Sent) -> String {
    let mut words = vec!["curl".to_owned(), "-sS".to_owned(), "-i".to_owned()];
    if sent.method != "POST" || sent.body.is_empty() {
        words.push("-X".to_owned());
        words.push(sent.method.to_owned());
    }
    words.push(quote(&sent.url));
    for (name, value) in &sent.headers {
        words.push("-H".to_owned());
        words.push(quote(&format!("{name}: {value}")));
    }
    words.push("--data-binary".to_owned());
    words.push(quote(&String::from_utf8_lossy(&sent.body)));
    words.join(" ")
}

/// `text` as one word of a POSIX shell: bare when it holds only safe characters, else in single quotes.
pub fn quote(text: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        return text.to_owned();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_one_line_with_its_headers_and_body_quoted() {
        let sent = Sent {
            method: "POST",
            url: "http://127.0.0.1:8080/".into(),
            headers: vec![("X-Amz-Target".into(), "Svc.Op".into())],
            body: br#"{"Username":"o'brien"}"#.to_vec(),
        };
        assert_eq!(
            command(&sent),
            r#"curl -sS -i http://127.0.0.1:8080/ -H 'X-Amz-Target: Svc.Op' --data-binary '{"Username":"o'\''brien"}'"#
        );
    }

    #[test]
    fn other_methods_and_empty_bodies_name_the_method() {
        let sent = Sent { method: "GET", url: "http://h/".into(), headers: Vec::new(), body: Vec::new() };
        assert_eq!(command(&sent), "curl -sS -i -X GET http://h/ --data-binary ''");
    }
}
