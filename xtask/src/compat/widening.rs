//! Pattern changes: whether a new pattern matches more, fewer or other values than the old one.

use std::collections::BTreeSet;

/// How a pattern change relates the sets of values the two patterns match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Widening {
    /// Every value the old pattern matched still matches.
    Wider,
    /// Every value the new pattern matches was matched before.
    Narrower,
    /// The same values match.
    Same,
    /// Neither could be shown.
    Unknown,
}

/// How `old` and `new` relate; `None` when they are the same text.
pub(super) fn pattern_change(old: Option<&str>, new: Option<&str>) -> Option<Widening> {
    match (old, new) {
        (None, None) => None,
        (Some(o), Some(n)) if o == n => None,
        (None, Some(_)) => Some(Widening::Narrower),
        (Some(_), None) => Some(Widening::Wider),
        (Some(o), Some(n)) => Some(match (class_items(o), class_items(n)) {
            (Some((oi, oq)), Some((ni, nq))) if oq == nq => {
                if oi == ni {
                    Widening::Same
                } else if oi.is_subset(&ni) {
                    Widening::Wider
                } else if ni.is_subset(&oi) {
                    Widening::Narrower
                } else {
                    Widening::Unknown
                }
            }
            _ => Widening::Unknown,
        }),
    }
}

/// The items and the quantifier of a pattern that is one character class with `+` or `*` (`[\w+=/]+`), the
/// usual form of AWS patterns. A class whose items are a subset of another's matches a subset of its values.
/// Returns `None` for anything else (negated or nested classes included).
pub(super) fn class_items(pattern: &str) -> Option<(BTreeSet<String>, char)> {
    let chars: Vec<char> = pattern.strip_prefix('[')?.chars().collect();
    let mut tokens: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        match *chars.get(i)? {
            ']' => break,
            '[' => return None,
            '^' if i == 0 => return None,
            '\\' => {
                let escape = *chars.get(i + 1)?;
                let end = match (escape, chars.get(i + 2)) {
                    ('p' | 'P' | 'u' | 'x', Some('{')) => i + 2 + chars.get(i + 2..)?.iter().position(|&c| c == '}')?,
                    ('u', _) => i + 5,
                    ('x', _) => i + 3,
                    _ => i + 1,
                };
                tokens.push(chars.get(i..=end)?.iter().collect());
                i = end + 1;
            }
            c => {
                tokens.push(c.to_string());
                i += 1;
            }
        }
    }
    let quantifier = match chars.get(i + 1..)? {
        ['+'] => '+',
        ['*'] => '*',
        _ => return None,
    };
    // `a-z` is one item; a `-` first or last is a literal.
    let mut items = BTreeSet::new();
    let mut j = 0;
    while let Some(token) = tokens.get(j) {
        if j + 2 < tokens.len() && tokens.get(j + 1).is_some_and(|t| t == "-") {
            items.insert(format!("{token}-{}", tokens.get(j + 2)?));
            j += 3;
        } else {
            items.insert(token.clone());
            j += 1;
        }
    }
    Some((items, quantifier))
}
