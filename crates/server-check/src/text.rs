//! Small text helpers shared by the check and its reports: values cut to a readable length, and the
//! kebab-case names that expectation ids are made of.

use serde_json::Value;

/// `text` cut to about 160 characters, saying how long it was.
pub fn short(text: &str) -> String {
    cut(text, 160)
}

/// A JSON value's text cut as [`short`] cuts.
pub fn short_json(value: &Value) -> String {
    short(&value.to_string())
}

/// `text` cut to `limit` characters, saying how long it was.
pub fn cut(text: &str, limit: usize) -> String {
    let count = text.chars().count();
    if count <= limit {
        return text.to_owned();
    }
    let head: String = text.chars().take(limit).collect();
    format!("{head}… ({count} characters)")
}

/// `ClientId` -> `client-id`, `AnalyticsEndpointId` -> `analytics-endpoint-id`, `IpAddress` -> `ip-address`.
pub fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let after_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if after_lower || (after_upper && before_lower) {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

/// `ClientId` -> `clientId`: how AWS's validation messages name a member.
pub fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_become_kebab_case() {
        assert_eq!(kebab("ClientId"), "client-id");
        assert_eq!(kebab("Username"), "username");
        assert_eq!(kebab("AnalyticsEndpointId"), "analytics-endpoint-id");
        assert_eq!(kebab("SMSMfaSettings"), "sms-mfa-settings");
        assert_eq!(lower_camel("UserContextData"), "userContextData");
    }

    #[test]
    fn long_text_is_cut_with_its_length() {
        assert_eq!(short("abc"), "abc");
        let long = "x".repeat(200);
        assert_eq!(short(&long), format!("{}… (200 characters)", "x".repeat(160)));
    }
}
