//! A line diff for failure reports: `-` expected, `+` found, two lines of context, invisible characters shown.

/// The lines of `expected` and `found` as a unified-style diff, each line indented by `indent`.
///
/// Control characters are shown escaped (`\r`, `\t`, `\e`, `\u{..}`), trailing spaces as `·`, and a text that
/// does not end with a newline gets a note, so that differences in invisible characters can be seen.
pub fn line_diff(expected: &str, found: &str, indent: &str) -> String {
    let old = split_lines(expected);
    let new = split_lines(found);
    let ops = diff_ops(&old, &new);
    let mut out = String::new();
    const CONTEXT: usize = 2;
    let near_change = |i: usize| {
        let lo = i.saturating_sub(CONTEXT);
        let hi = (i + CONTEXT + 1).min(ops.len());
        ops.get(lo..hi).is_some_and(|window| window.iter().any(|op| !matches!(op, Op::Same(_))))
    };
    let mut skipped = false;
    for (i, op) in ops.iter().enumerate() {
        let (mark, line) = match op {
            Op::Same(line) => (' ', line),
            Op::Removed(line) => ('-', line),
            Op::Added(line) => ('+', line),
        };
        if mark == ' ' && !near_change(i) {
            skipped = true;
            continue;
        }
        if skipped {
            out.push_str(&format!("{indent}  ...\n"));
            skipped = false;
        }
        out.push_str(&format!("{indent}{mark} {}\n", visible(line)));
    }
    if skipped {
        out.push_str(&format!("{indent}  ...\n"));
    }
    for (text, which) in [(expected, "expected"), (found, "found")] {
        if !text.is_empty() && !text.ends_with('\n') {
            out.push_str(&format!("{indent}  (the {which} text does not end with a newline)\n"));
        }
    }
    out
}

#[derive(Debug, PartialEq)]
enum Op<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

fn split_lines(text: &str) -> Vec<&str> {
    if text.is_empty() { Vec::new() } else { text.strip_suffix('\n').unwrap_or(text).split('\n').collect() }
}

/// The edit script of a longest common subsequence of lines (quadratic; the texts here are short).
fn diff_ops<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<Op<'a>> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the length of the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            ops.push(Op::Same(old[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(Op::Added(new[j]));
            j += 1;
        } else {
            ops.push(Op::Removed(old[i]));
            i += 1;
        }
    }
    // Show removals before additions within a change, as diff tools do.
    let mut start = 0;
    while start < ops.len() {
        if matches!(ops[start], Op::Same(_)) {
            start += 1;
            continue;
        }
        let end = ops[start..].iter().position(|op| matches!(op, Op::Same(_))).map_or(ops.len(), |p| start + p);
        ops[start..end].sort_by_key(|op| matches!(op, Op::Added(_)));
        start = end;
    }
    ops
}

/// `line` with control characters escaped and trailing spaces made visible.
pub fn visible(line: &str) -> String {
    let trimmed = line.trim_end_matches(' ');
    let mut out = String::with_capacity(line.len());
    for c in trimmed.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x1b' => out.push_str("\\e"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n('·', line.len() - trimmed.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_shows_as_removed_then_added() {
        let diff = line_diff("a\nb\nc\n", "a\nB\nc\n", "");
        assert_eq!(diff, "  a\n- b\n+ B\n  c\n");
    }

    #[test]
    fn far_unchanged_lines_are_elided() {
        let expected = "1\n2\n3\n4\n5\n6\n7\n";
        let diff = line_diff(expected, "1\n2\n3\n4\n5\n6\nseven\n", "");
        assert_eq!(diff, "  ...\n  5\n  6\n- 7\n+ seven\n");
    }

    #[test]
    fn invisible_differences_are_made_visible() {
        let diff = line_diff("usage: \rNote\n", "usage: Note \n", "");
        assert_eq!(diff, "- usage: \\rNote\n+ usage: Note·\n");
    }

    #[test]
    fn a_missing_final_newline_is_noted() {
        let diff = line_diff("x\n", "x", "");
        assert!(diff.contains("the found text does not end with a newline"), "{diff}");
    }

    #[test]
    fn an_empty_text_against_lines_is_all_additions() {
        assert_eq!(line_diff("", "\u{1f600}\n", ">"), ">+ \u{1f600}\n");
    }
}
