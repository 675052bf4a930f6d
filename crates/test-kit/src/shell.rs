//! Words and environments as a person would type them before a command, for reports.

/// Environment settings as a person would write them before a command: `NAME=value`, or `(no NAME)` for a
/// variable the run removes; space-separated.
pub fn describe_env(env: &std::collections::BTreeMap<String, Option<String>>) -> String {
    let words: Vec<String> = env
        .iter()
        .map(|(name, value)| match value {
            Some(value) => format!("{name}={}", quote(value)),
            None => format!("(no {name})"),
        })
        .collect();
    words.join(" ")
}

/// `word` as a POSIX shell would need it: bare when it is only safe characters, else in single quotes.
pub fn quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:=@,+%{}".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_need_quotes_get_single_quotes() {
        assert_eq!(quote("--username"), "--username");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a='x,y'"), r"'a='\''x,y'\'''");
        assert_eq!(quote("Zo\u{eb}"), "'Zo\u{eb}'");
    }
}
