//! The character classes of the contract's patterns: parsed from the `contract` tables, with membership
//! tests and proptest generators of characters inside and outside them.
//!
//! The contract's patterns are anchored single character classes repeated, such as `^(?:[\w+=/]+)$` or
//! `^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+)$`. This module reads exactly that form (with literal
//! characters, escapes, ranges, `\w`, `\d` and the Unicode general categories of [`crate::unicode_table`])
//! and refuses anything else with a [`PatternError`], so that a spec change the strategies cannot follow
//! fails loudly instead of being tested with the wrong values.

use std::fmt;

use proptest::prelude::*;
use proptest::sample::select;

use crate::unicode_table::CLASSES;

/// One item of a bracketed character class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// `\w` in ECMAScript without the `i` flag: ASCII letters, digits and `_`.
    Word,
    /// `\d`: ASCII digits.
    Digit,
    /// One character.
    Literal(char),
    /// An inclusive range `a-z`.
    Range(char, char),
    /// A Unicode general category (`\p{L}`), by its name in [`CLASSES`].
    Category(&'static str),
}

/// A pattern the strategies can follow: one character class repeated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharClass {
    /// The pattern as the contract writes it.
    pub source: String,
    /// The items of the class.
    pub atoms: Vec<Atom>,
    /// Whether the class may repeat zero times (`*`) rather than at least once (`+`).
    pub allows_empty: bool,
}

/// A pattern this module cannot follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// The pattern.
    pub pattern: String,
    /// What is not supported.
    pub reason: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the strategies cannot follow the pattern {:?}: {}; extend crates/server-check/src/pattern.rs",
            self.pattern, self.reason
        )
    }
}

impl std::error::Error for PatternError {}

const WORD: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
const DIGITS: &str = "0123456789";

/// Parses an anchored, repeated character class: `^[...]+$`, optionally with the body in `(?:...)`.
pub fn parse(pattern: &str) -> Result<CharClass, PatternError> {
    let fail = |reason: &str| PatternError { pattern: pattern.to_owned(), reason: reason.to_owned() };
    let body = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .ok_or_else(|| fail("it is not anchored with ^ and $"))?;
    let body = match body.strip_prefix("(?:") {
        Some(inner) => inner.strip_suffix(')').ok_or_else(|| fail("an unclosed group"))?,
        None => body,
    };
    let (class, allows_empty) = if let Some(class) = body.strip_suffix('+') {
        (class, false)
    } else if let Some(class) = body.strip_suffix('*') {
        (class, true)
    } else {
        return Err(fail("the class is not repeated with + or *"));
    };
    let inner = class
        .strip_prefix('[')
        .and_then(|c| c.strip_suffix(']'))
        .ok_or_else(|| fail("the body is not a single bracketed character class"))?;
    if inner.starts_with('^') {
        return Err(fail("negated classes are not supported"));
    }
    let chars: Vec<char> = inner.chars().collect();
    let mut atoms = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let (atom, next) = match c {
            '\\' => escape(&chars, i + 1).map_err(|r| fail(&r))?,
            '[' | ']' => return Err(fail("nested or unescaped brackets")),
            _ => (Atom::Literal(c), i + 1),
        };
        // A literal followed by `-` and another literal is a range; a `-` at either end is literal.
        if let (Atom::Literal(low), Some('-')) = (&atom, chars.get(next))
            && let Some(&high) = chars.get(next + 1)
        {
            let (high, after) = match high {
                '\\' => match escape(&chars, next + 2).map_err(|r| fail(&r))? {
                    (Atom::Literal(h), after) => (h, after),
                    _ => return Err(fail("a range that ends in a class escape")),
                },
                _ => (high, next + 2),
            };
            if high < *low {
                return Err(fail("a range out of order"));
            }
            atoms.push(Atom::Range(*low, high));
            i = after;
            continue;
        }
        atoms.push(atom);
        i = next;
    }
    if atoms.is_empty() {
        return Err(fail("an empty class"));
    }
    Ok(CharClass { source: pattern.to_owned(), atoms, allows_empty })
}

/// The escape that starts at `chars[at]` (just after the backslash) and where parsing goes on.
fn escape(chars: &[char], at: usize) -> Result<(Atom, usize), String> {
    let Some(&c) = chars.get(at) else { return Err("a trailing backslash".to_owned()) };
    let literal = |l: char| Ok((Atom::Literal(l), at + 1));
    match c {
        'w' => Ok((Atom::Word, at + 1)),
        'd' => Ok((Atom::Digit, at + 1)),
        't' => literal('\t'),
        'n' => literal('\n'),
        'r' => literal('\r'),
        'f' => literal('\u{c}'),
        'v' => literal('\u{b}'),
        'p' => {
            if chars.get(at + 1) != Some(&'{') {
                return Err("\\p without {".to_owned());
            }
            let rest = chars.get(at + 2..).unwrap_or_default();
            let close = rest.iter().position(|&c| c == '}').ok_or("an unclosed \\p{")?;
            let name: String = rest.iter().take(close).collect();
            let name = name.strip_prefix("General_Category=").or(name.strip_prefix("gc=")).unwrap_or(&name);
            let short = match name {
                "Letter" => "L",
                "Mark" | "Combining_Mark" => "M",
                "Number" => "N",
                "Punctuation" | "punct" => "P",
                "Symbol" => "S",
                "Separator" => "Z",
                other => other,
            };
            let category = CLASSES
                .iter()
                .map(|(n, _)| *n)
                .find(|n| *n == short && n.len() == 1)
                .ok_or_else(|| format!("the property \\p{{{name}}} is not in the Unicode table"))?;
            Ok((Atom::Category(category), at + 3 + close))
        }
        c if c.is_ascii_alphanumeric() => Err(format!("the escape \\{c}")),
        // Escaped punctuation stands for itself.
        c => literal(c),
    }
}

/// The code point ranges of a class of the Unicode table.
pub fn category_ranges(name: &str) -> &'static [(u32, u32)] {
    CLASSES.iter().find(|(n, _)| *n == name).map_or(&[], |(_, ranges)| *ranges)
}

/// Whether `c` is in the class `name` of the Unicode table.
pub fn in_category(name: &str, c: char) -> bool {
    let code = u32::from(c);
    let ranges = category_ranges(name);
    ranges
        .binary_search_by(|&(start, end)| {
            if end < code {
                std::cmp::Ordering::Less
            } else if start > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

impl Atom {
    /// Whether `c` matches this item.
    pub fn contains(&self, c: char) -> bool {
        match self {
            Atom::Word => c.is_ascii_alphanumeric() || c == '_',
            Atom::Digit => c.is_ascii_digit(),
            Atom::Literal(l) => *l == c,
            Atom::Range(low, high) => (*low..=*high).contains(&c),
            Atom::Category(name) => in_category(name, c),
        }
    }

    /// A generator of characters of this item, leaning toward the ends of ranges and astral planes.
    pub fn strategy(&self) -> BoxedStrategy<char> {
        match self {
            Atom::Word => select(WORD.chars().collect::<Vec<_>>()).boxed(),
            Atom::Digit => select(DIGITS.chars().collect::<Vec<_>>()).boxed(),
            Atom::Literal(c) => Just(*c).boxed(),
            Atom::Range(low, high) => range_char(u32::from(*low), u32::from(*high)),
            Atom::Category(name) => category_strategy(name),
        }
    }

    /// The first character of this item, for deterministic examples.
    pub fn first(&self) -> Option<char> {
        match self {
            Atom::Word => Some('a'),
            Atom::Digit => Some('0'),
            Atom::Literal(c) => Some(*c),
            Atom::Range(low, _) => Some(*low),
            Atom::Category(name) => category_ranges(name).first().and_then(|&(start, _)| char::from_u32(start)),
        }
    }
}

/// Characters of a table class: any of its ranges (which favours rare scripts, most ranges being
/// small), with a third of the draws from the astral planes when the class has characters there.
pub fn category_strategy(name: &str) -> BoxedStrategy<char> {
    let ranges = category_ranges(name).to_vec();
    let astral: Vec<(u32, u32)> =
        ranges.iter().filter(|&&(_, end)| end > 0xFFFF).map(|&(start, end)| (start.max(0x10000), end)).collect();
    if astral.is_empty() {
        in_ranges(ranges)
    } else {
        prop_oneof![2 => in_ranges(ranges), 1 => in_ranges(astral)].boxed()
    }
}

/// A character of one of the inclusive code point ranges, each range equally likely, within it often
/// one of its ends; surrogates (never in the table) would map to U+FFFD.
fn in_ranges(ranges: Vec<(u32, u32)>) -> BoxedStrategy<char> {
    (select(ranges), any::<u32>(), 0u8..5)
        .prop_map(|((start, end), offset, mode)| {
            let code = match mode {
                0 => start,
                1 => end,
                _ => start + offset % (end - start + 1),
            };
            char::from_u32(code).unwrap_or('\u{FFFD}')
        })
        .boxed()
}

/// A character of the inclusive code point range, often one of its ends.
fn range_char(start: u32, end: u32) -> BoxedStrategy<char> {
    in_ranges(vec![(start, end)])
}

impl CharClass {
    /// Whether `c` is in the class.
    pub fn contains(&self, c: char) -> bool {
        self.atoms.iter().any(|a| a.contains(c))
    }

    /// Whether every character of `text` is in the class and its length suits the repetition.
    pub fn matches(&self, text: &str) -> bool {
        (self.allows_empty || !text.is_empty()) && text.chars().all(|c| self.contains(c))
    }

    /// A generator of characters in the class, each item equally likely.
    pub fn strategy(&self) -> BoxedStrategy<char> {
        let strategies: Vec<_> = self.atoms.iter().map(|a| (1, a.strategy())).collect();
        proptest::strategy::Union::new_weighted(strategies).boxed()
    }

    /// A generator of characters outside the class, from every pool of [`outside_pools`] that the class
    /// does not cover whole; `None` if no such pool is left.
    pub fn outside_strategy(&self) -> Option<BoxedStrategy<char>> {
        let class = self.clone();
        let pools: Vec<(u32, BoxedStrategy<char>)> = outside_pools()
            .into_iter()
            .filter(|pool| !pool.covered_by(&class))
            .map(|pool| (1, pool.strategy()))
            .collect();
        if pools.is_empty() {
            return None;
        }
        Some(
            proptest::strategy::Union::new_weighted(pools)
                .prop_filter("a character outside the class", move |c| !class.contains(*c))
                .boxed(),
        )
    }

    /// The first character of the class, for deterministic examples.
    pub fn first_inside(&self) -> Option<char> {
        self.atoms.iter().find_map(Atom::first)
    }

    /// The first character outside the class among a fixed list of likely suspects, then the pools.
    pub fn first_outside(&self) -> Option<char> {
        [' ', '\t', '\u{0}', '-', '.', '@', 'é', '\u{301}', '😀', '\u{a0}', '\u{200b}', '\u{e000}']
            .into_iter()
            .find(|c| !self.contains(*c))
    }
}

/// How far from ASCII a character is: the server check draws one character of each class from each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plane {
    /// U+0000 to U+007F.
    Ascii,
    /// U+0080 to U+FFFF: beyond ASCII, one UTF-16 unit.
    Bmp,
    /// U+10000 and above: four bytes of UTF-8, two UTF-16 units.
    Astral,
}

impl Plane {
    /// Every plane, nearest first.
    pub const ALL: [Plane; 3] = [Plane::Ascii, Plane::Bmp, Plane::Astral];

    /// `ascii`, `bmp`, `astral`.
    pub fn name(self) -> &'static str {
        match self {
            Plane::Ascii => "ascii",
            Plane::Bmp => "bmp",
            Plane::Astral => "astral",
        }
    }

    fn bounds(self) -> (u32, u32) {
        match self {
            Plane::Ascii => (0, 0x7f),
            Plane::Bmp => (0x80, 0xffff),
            Plane::Astral => (0x1_0000, 0x10_ffff),
        }
    }
}

/// Characters people know for each class and plane, tried first when a character of a class is wanted.
const TYPICAL: &[char] = &[
    'a',
    '\u{e9}',
    '\u{1d538}',
    '\u{301}',
    '\u{1d167}',
    '7',
    '\u{663}',
    '\u{1d7d5}',
    '-',
    '\u{bf}',
    '\u{10100}',
    '+',
    '\u{20ac}',
    '\u{1f600}',
    ' ',
    '\u{a0}',
    '\t',
    '\u{85}',
    '\u{200b}',
    '\u{e0001}',
    '\u{e000}',
    '\u{f0000}',
];

/// The class of the Unicode table that `c` belongs to, if any.
pub fn category_of(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    CLASSES.iter().find(|(_, ranges)| ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&code))).map(|(name, _)| *name)
}

/// A character of the table class `category` in `plane` for which `wanted` holds: a well-known one when
/// possible, else the first by code point; `None` when there is none.
pub fn representative(category: &str, plane: Plane, wanted: impl Fn(char) -> bool) -> Option<char> {
    let (low, high) = plane.bounds();
    let fits = |c: char| (low..=high).contains(&u32::from(c)) && in_category(category, c) && wanted(c);
    if let Some(c) = TYPICAL.iter().copied().find(|c| fits(*c)) {
        return Some(c);
    }
    category_ranges(category)
        .iter()
        .filter(|(lo, hi)| *hi >= low && *lo <= high)
        .flat_map(|(lo, hi)| (*lo.max(&low))..=(*hi.min(&high)))
        .filter_map(char::from_u32)
        .find(|c| fits(*c))
}

/// A pool of characters that the generators draw from.
#[derive(Clone, Debug)]
pub enum Pool {
    /// A class of the Unicode table.
    Category(&'static str),
    /// Printable ASCII.
    AsciiPrintable,
    /// Characters that stress JSON and text handling: quotes, backslashes, controls, line separators,
    /// the byte order mark, noncharacters and the last code point.
    Awkward,
}

/// Characters that stress JSON encoders and decoders.
pub const AWKWARD: &[char] = &[
    '"',
    '\\',
    '/',
    '\u{0}',
    '\u{8}',
    '\u{c}',
    '\n',
    '\r',
    '\t',
    '\u{1f}',
    '\u{7f}',
    '\u{85}',
    '\u{2028}',
    '\u{2029}',
    '\u{feff}',
    '\u{fffe}',
    '\u{ffff}',
    '\u{10ffff}',
    '\u{1f600}',
    '\u{301}',
    '<',
    '>',
    '&',
    '\'',
];

impl Pool {
    /// A generator of the pool's characters.
    pub fn strategy(&self) -> BoxedStrategy<char> {
        match self {
            Pool::Category(name) => category_strategy(name),
            Pool::AsciiPrintable => (0x20u8..=0x7e).prop_map(char::from).boxed(),
            Pool::Awkward => select(AWKWARD.to_vec()).boxed(),
        }
    }

    /// Whether every character of the pool is in `class`.
    fn covered_by(&self, class: &CharClass) -> bool {
        match self {
            Pool::Category(name) => class.atoms.iter().any(|a| a == &Atom::Category(name)),
            Pool::AsciiPrintable => (0x20u8..=0x7e).all(|b| class.contains(char::from(b))),
            Pool::Awkward => AWKWARD.iter().all(|c| class.contains(*c)),
        }
    }
}

/// Every pool: each class of the Unicode table, printable ASCII and the awkward characters.
pub fn outside_pools() -> Vec<Pool> {
    let mut pools: Vec<Pool> = CLASSES.iter().map(|(name, _)| Pool::Category(name)).collect();
    pools.push(Pool::AsciiPrintable);
    pools.push(Pool::Awkward);
    pools
}

/// Characters of any kind, for strings without a pattern: printable ASCII half of the time, then every
/// class of the Unicode table and the awkward characters.
pub fn any_char() -> BoxedStrategy<char> {
    let mut pools: Vec<(u32, BoxedStrategy<char>)> = vec![(12, Pool::AsciiPrintable.strategy())];
    pools.push((3, Pool::Awkward.strategy()));
    pools.extend(CLASSES.iter().map(|(name, _)| (1, category_strategy(name))));
    proptest::strategy::Union::new_weighted(pools).boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    #[test]
    fn reads_the_client_id_pattern() {
        let class = parse("^(?:[\\w+]+)$").expect("supported");
        assert_eq!(class.atoms, [Atom::Word, Atom::Literal('+')]);
        assert!(!class.allows_empty);
        assert!(class.matches("ab_9+") && !class.matches("a-b") && !class.matches("") && !class.matches("é"));
    }

    #[test]
    fn reads_property_classes_and_whitespace_escapes() {
        let class = parse("^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+)$").expect("supported");
        assert_eq!(class.atoms.len(), 9);
        for c in ['Z', 'ë', '用', '\u{301}', '😀', '4', '½', '!', '\t', ' ', '𝔸'] {
            assert!(class.contains(c), "{c:?}");
        }
        for c in ['\u{a0}', '\u{0}', '\u{200b}', '\u{e000}', '\u{2028}'] {
            assert!(!class.contains(c), "{c:?}");
        }
    }

    #[test]
    fn reads_ranges_and_escaped_punctuation() {
        let class = parse("^[a-c\\-\\/0-9]*$").expect("supported");
        assert_eq!(class.atoms, [Atom::Range('a', 'c'), Atom::Literal('-'), Atom::Literal('/'), Atom::Range('0', '9')]);
        assert!(class.allows_empty && class.matches(""));
    }

    #[test]
    fn refuses_what_it_cannot_follow() {
        for pattern in ["[a]+", "^[a]+", "^a+$", "^[^a]+$", "^[a]$", "^[a]+|b$", "^[\\p{Lu}]+$", "^[\\q]+$"] {
            assert!(parse(pattern).is_err(), "{pattern}");
        }
        let error = parse("^[\\p{Xx}]+$").expect_err("unknown property");
        assert!(error.to_string().contains("\\p{Xx}"), "{error}");
    }

    #[test]
    fn generated_characters_are_inside_and_outside_as_asked() {
        let class = parse("^(?:[\\w+=/]+)$").expect("supported");
        let mut runner = TestRunner::deterministic();
        let inside = class.strategy();
        let outside = class.outside_strategy().expect("something is outside");
        for _ in 0..500 {
            let c = inside.new_tree(&mut runner).expect("generates").current();
            assert!(class.contains(c), "{c:?}");
            let c = outside.new_tree(&mut runner).expect("generates").current();
            assert!(!class.contains(c), "{c:?}");
        }
    }

    #[test]
    fn category_draws_reach_the_astral_planes_and_combining_marks() {
        let class = parse("^[\\p{L}\\p{M}]+$").expect("supported");
        let mut runner = TestRunner::deterministic();
        let strategy = class.strategy();
        let drawn: Vec<char> = (0..400).map(|_| strategy.new_tree(&mut runner).expect("generates").current()).collect();
        assert!(drawn.iter().any(|c| u32::from(*c) > 0xFFFF), "no astral character in {drawn:?}");
        assert!(drawn.iter().any(|c| in_category("M", *c)), "no combining mark");
    }

    #[test]
    fn the_table_classes_are_sorted_and_disjoint() {
        let mut all: Vec<(u32, u32)> = CLASSES.iter().flat_map(|(_, r)| r.iter().copied()).collect();
        for (_, ranges) in CLASSES {
            assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0), "sorted");
        }
        all.sort_unstable();
        assert!(all.windows(2).all(|w| w[0].1 < w[1].0), "no code point in two classes");
    }
}
