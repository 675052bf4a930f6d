//! Escaping shared by the reports that are markup (JUnit's XML, the HTML page, the `<summary>` of the
//! Markdown's `<details>` blocks).

/// `text` escaped for XML and HTML: `&`, `<` and `>` as entities; in an attribute (`attribute`) the quotes
/// too, and line breaks and tabs as character references, so that they survive; a carriage return always as
/// a character reference (a parser would turn it into a line break); a character XML 1.0 cannot carry at
/// all (the other C0 controls, U+FFFE, U+FFFF) as the visible `\u{..}`.
pub fn xml_escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_shows_what_xml_cannot_carry() {
        assert_eq!(xml_escape("a<b>&\"c'", false), "a&lt;b&gt;&amp;\"c'");
        assert_eq!(xml_escape("a<b>&\"c'", true), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(xml_escape("one\ntwo\tthree\r", false), "one\ntwo\tthree&#13;");
        assert_eq!(xml_escape("one\ntwo\t", true), "one&#10;two&#9;");
        assert_eq!(xml_escape("nul\u{0} bell\u{7} \u{ffff} é 😀", false), "nul\\u{0} bell\\u{7} \\u{ffff} é 😀");
    }
}
