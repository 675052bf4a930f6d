//! `--output table`: AWS CLI v1's table formatter (`TableFormatter` in `awscli/formatter.py` over `MultiTable` in
//! `awscli/table.py`), byte for byte, colors and terminal-width reflow included.

use std::fmt;

use serde_json::{Map, Value};

use crate::output::text::{python_str, python_type_name};
use crate::python::py_unicode;

/// colorama's `Style.RESET_ALL`.
pub const RESET: &str = "\x1b[0m";
const ROW_STYLE: &str = "\x1b[1m\x1b[34m"; // Style.BRIGHT + Fore.BLUE
const INDENT_STYLE: &str = "\x1b[2m\x1b[33m"; // Style.DIM + Fore.YELLOW

/// What AWS CLI writes to stdout when it exits after `--output table` styled with colors: colorama's exit hook
/// adds one `\x1b[0m` when stdout is a terminal, even when the table was empty or failed. Empty otherwise.
pub fn exit_suffix(styled: bool, stdout_is_tty: bool) -> &'static str {
    if styled && stdout_is_tty { RESET } else { "" }
}

/// The terminal width AWS CLI uses for tables (`determine_terminal_width`): the `TIOCGWINSZ` column count of
/// stdout when that ioctl succeeds (0 on a terminal that reports no size), else 80. `COLUMNS` plays no part.
///
/// `tty_columns` is the `ws_col` the ioctl gave for stdout, `None` when it failed (stdout not a terminal).
pub fn terminal_width(tty_columns: Option<u16>) -> usize {
    match tty_columns {
        // Python unpacks ws_col as a signed short: 32768 and up are negative, which reflows like 0 does.
        Some(columns) if columns >= 0x8000 => 0,
        Some(columns) => usize::from(columns),
        None => 80,
    }
}

/// `get_text_length`: columns of `text` counting East Asian Wide, Fullwidth and Ambiguous characters as two.
pub fn get_text_length(text: &str) -> usize {
    text.chars().map(|c| if py_unicode::contains(py_unicode::WIDE_OR_AMBIGUOUS, c) { 2 } else { 1 }).sum()
}

/// Python raised an exception while AWS CLI built the table; nothing reaches stdout, the message goes to stderr
/// and the exit code is 255.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    message: String,
}

impl TableError {
    fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }

    /// Exactly what AWS CLI writes to stderr for this error: `\n{message}\n`, with colorama's reset after each of
    /// the three writes when the table was styled (colorama wraps stderr too).
    pub fn stderr_text(&self, styled: bool) -> String {
        let reset = if styled { RESET } else { "" };
        format!("\n{reset}{}{reset}\n{reset}", self.message)
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TableError {}

/// The exact stdout of `--output table` for `value` (the response after `--query`), titled `title` (the
/// operation name, `ResendConfirmationCode`), for a terminal `width` columns wide (see [`terminal_width`]),
/// styled with ANSI colors when `styled` (see [`crate::format::Color::styled`]; add [`exit_suffix`] after it).
///
/// Values Python finds false (`null`, `false`, `0`, `""`, `[]`, `{}`) print nothing.
pub fn format(value: &Value, title: &str, width: usize, styled: bool) -> Result<String, TableError> {
    let mut table = MultiTable::default();
    if !table.build(Some(title), value, 0)? {
        return Ok(String::new());
    }
    Ok(table.render(i64::try_from(width).unwrap_or(i64::MAX), styled))
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

/// Python's truth value of the value `json.loads` makes.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// A column key as Python sees it: a dict key, or (when a list sits among the dicts) a list element used as an
/// index. Ints and bools compare by value, as in a Python set.
#[derive(Debug, Clone)]
enum Key {
    Str(String),
    Int { value: i128, text: String },
}

impl Key {
    fn text(&self) -> &str {
        match self {
            Key::Str(s) => s,
            Key::Int { text, .. } => text,
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::Int { value: a, .. }, Key::Int { value: b, .. }) => a == b,
            _ => false,
        }
    }
}

/// `sorted()` of Python keys; mixing strings and ints is a `TypeError`.
fn sort_keys(mut keys: Vec<Key>) -> Result<Vec<Key>, TableError> {
    let strings = keys.iter().filter(|k| matches!(k, Key::Str(_))).count();
    let int_slots = keys.iter().filter_map(|k| match k {
        Key::Int { value, .. } => Some(*value),
        Key::Str(_) => None,
    });
    if strings > 0
        && let Some(first_slot) = int_slots.map(|v| set_slot(v, keys.len())).min()
    {
        return Err(mixed_sort_error(first_slot, strings, keys.len()));
    }
    keys.sort_by(|a, b| match (a, b) {
        (Key::Int { value: x, .. }, Key::Int { value: y, .. }) => x.cmp(y),
        _ => a.text().cmp(b.text()),
    });
    Ok(keys)
}

/// `_group_scalar_keys`: the sorted keys whose values are scalars, and the sorted others, of a list element.
/// Only dicts make sense here; for anything else this is what Python's iteration and indexing do.
fn group_scalar_keys(item: &Value) -> Result<(Vec<Key>, Vec<Key>), TableError> {
    let mut headers = Vec::new();
    let mut more = Vec::new();
    match item {
        Value::Object(map) => {
            for (key, value) in map {
                let target = if is_scalar(value) { &mut headers } else { &mut more };
                target.push(Key::Str(key.clone()));
            }
        }
        Value::String(s) if s.is_empty() => {}
        Value::String(_) => return Err(TableError::new("string indices must be integers, not 'str'")),
        Value::Array(list) => {
            for element in list {
                let value = match element {
                    Value::Bool(b) => i128::from(*b),
                    Value::Number(n) if n.as_i64().is_some() => i128::from(n.as_i64().unwrap_or(0)),
                    Value::Number(n) if n.as_u64().is_some() => {
                        return Err(TableError::new("cannot fit 'int' into an index-sized integer"));
                    }
                    other => {
                        return Err(TableError::new(format!(
                            "list indices must be integers or slices, not {}",
                            python_type_name(other)
                        )));
                    }
                };
                let len = i128::try_from(list.len()).unwrap_or(i128::MAX);
                let index = if value < 0 { value + len } else { value };
                let target = usize::try_from(index).ok().and_then(|i| list.get(i));
                let Some(target) = target else {
                    return Err(TableError::new("list index out of range"));
                };
                let key = Key::Int { value, text: python_str(element) };
                if is_scalar(target) { headers.push(key) } else { more.push(key) }
            }
        }
        other => return Err(TableError::new(format!("'{}' object is not iterable", python_type_name(other)))),
    }
    Ok((sort_keys(headers)?, sort_keys(more)?))
}

/// The `TypeError` of sorting a list made from a set of `str` and `int` keys. Sorting fails at the first
/// comparison of the two types, and the message names the later element's type first: `'str' and 'int'` when
/// the set iterates an int first. Ints sit in the slot of their hash, strings in random slots (hash
/// randomisation), so Python's own message varies between runs; this is the more likely one: an int comes
/// first when no string lands in a lower slot than the lowest int.
fn mixed_sort_error(first_int_slot: u64, strings: usize, len: usize) -> TableError {
    let size = set_table_size(len) as f64;
    let exponent = i32::try_from(strings).unwrap_or(i32::MAX);
    let int_first = ((size - first_int_slot as f64) / size).powi(exponent) >= 0.5;
    let (later, earlier) = if int_first { ("str", "int") } else { ("int", "str") };
    TableError::new(format!("'<' not supported between instances of '{later}' and '{earlier}'"))
}

/// The slot table size of a CPython set after `len` insertions (8, then four times the fill, as a power of 2,
/// whenever it is three fifths full).
fn set_table_size(len: usize) -> u64 {
    let mut size: u64 = 8;
    for fill in 1..=u64::try_from(len).unwrap_or(u64::MAX) {
        if fill * 5 >= (size - 1) * 3 {
            size = (fill * 4 + 1).next_power_of_two();
        }
    }
    size
}

/// The home slot of int `value` in a CPython set of `len` keys: its hash (`-1` hashes as `-2`) masked.
fn set_slot(value: i128, len: usize) -> u64 {
    const MODULUS: i128 = (1 << 61) - 1;
    let magnitude = value.abs() % MODULUS;
    let hash = if value < 0 { -magnitude } else { magnitude };
    let hash = if hash == -1 { -2 } else { hash };
    (hash as u64) & (set_table_size(len) - 1)
}

fn set_update(set: &mut Vec<Key>, keys: Vec<Key>) {
    for key in keys {
        if !set.contains(&key) {
            set.push(key);
        }
    }
}

/// `Section`: a titled block of optional column headers and rows of text.
#[derive(Debug, Clone)]
struct Section {
    /// `None` is Python's `None` (a section opened with no title), which still counts four columns wide.
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn new(title: Option<String>, indent_level: usize) -> Self {
        Self { title, headers: Vec::new(), rows: Vec::new(), indent_level, num_cols: None, max_widths: Vec::new() }
    }

    fn title_text(&self) -> &str {
        self.title.as_deref().unwrap_or("None")
    }

    fn has_title(&self) -> bool {
        self.title.as_deref().is_some_and(|t| !t.is_empty())
    }

    fn add_header(&mut self, headers: Vec<String>) -> Result<(), TableError> {
        self.update_max_widths(&headers)?;
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
        Ok(())
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), TableError> {
        let num_cols = *self.num_cols.get_or_insert(row.len());
        if row.len() != num_cols {
            return Err(TableError::new(format!("Row should have {num_cols} elements, instead it has {}", row.len())));
        }
        self.update_max_widths(&row)?;
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) -> Result<(), TableError> {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|el| get_text_length(el)).collect();
            return Ok(());
        }
        for (i, el) in row.iter().enumerate() {
            let Some(width) = self.max_widths.get_mut(i) else {
                return Err(TableError::new("list index out of range"));
            };
            *width = (*width).max(get_text_length(el));
        }
        Ok(())
    }

    /// `calculate_column_widths(padding, max_width)`: the padded widths scaled to add up to `max_width`.
    fn column_widths(&self, padding: i64, max_width: i64) -> Vec<i64> {
        let unscaled: Vec<i64> = self.max_widths.iter().map(|&w| to_i64(w) + padding).collect();
        if unscaled.is_empty() {
            return unscaled;
        }
        let scale = max_width as f64 / unscaled.iter().sum::<i64>() as f64;
        let mut scaled: Vec<i64> = unscaled.iter().map(|&w| (scale * w as f64).round_ties_even() as i64).collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width;
        let count = scaled.len();
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 { (0..count).rev().collect() } else { (0..count).collect() };
            for i in order {
                if let Some(width) = scaled.get_mut(i) {
                    if off_by > 0 {
                        *width -= 1;
                        off_by -= 1;
                    } else {
                        *width += 1;
                        off_by += 1;
                    }
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }

    /// `total_width(padding=4, with_border=True, outer_padding=indent_level)`.
    fn total_width(&self) -> i64 {
        let outer = to_i64(self.indent_level);
        let columns: i64 = self.max_widths.iter().map(|&w| to_i64(w) + 4).sum::<i64>() + 2 + 2 * outer;
        (to_i64(get_text_length(self.title_text())) + 2 + 2 * outer).max(columns)
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

fn dashes(n: i64) -> String {
    "-".repeat(usize::try_from(n).unwrap_or(0))
}

/// `center_text`, with the text's length given (it may carry ANSI codes).
fn center_text(text: &str, length: i64, left_edge: &str, right_edge: &str, text_length: i64) -> String {
    let char_start = length.div_euclid(2) - text_length.div_euclid(2) - 1;
    let length_so_far = to_i64(get_text_length(left_edge)) + char_start + text_length;
    let right_side_spaces = length - to_i64(get_text_length(right_edge)) - length_so_far;
    format!("{left_edge}{}{text}{}{right_edge}", spaces(char_start), spaces(right_side_spaces))
}

/// `align_left` with its default left padding of 2, with the text's length given.
fn align_left(text: &str, length: i64, left_edge: &str, right_edge: &str, text_length: i64) -> String {
    let left = to_i64(left_edge.chars().count());
    let right = to_i64(right_edge.chars().count());
    let computed = text_length + 2 + to_i64(get_text_length(left_edge)) + to_i64(get_text_length(right_edge));
    let padding = if length - computed >= 0 { 2 } else { 0 };
    let length_so_far = left + padding + text_length;
    format!("{left_edge}{}{text}{}{right_edge}", spaces(padding), spaces(length - length_so_far - right))
}

/// stdout as AWS CLI writes to it: when colorama is active (styled tables) every `write` call is followed by a
/// reset sequence (`autoreset=True`), so the output depends on how the text is split into writes.
struct Stream {
    out: String,
    autoreset: bool,
}

impl Stream {
    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        if self.autoreset {
            self.out.push_str(RESET);
        }
    }

    /// `IndentedStream.write`: indentation characters on both sides of a line.
    fn write_indented(&mut self, indent: &str, text: &str) {
        self.write(indent);
        match text.strip_suffix('\n') {
            Some(line) => {
                self.write(line);
                self.write(indent);
                self.write("\n");
            }
            None => self.write(text),
        }
    }
}

/// `MultiTable` as `TableFormatter` sets it up: no initial section, `|` column separator, auto reformat.
#[derive(Debug, Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn current(&mut self) -> Result<&mut Section, TableError> {
        self.sections.last_mut().ok_or_else(|| TableError::new("'NoneType' object has no attribute 'add_row'"))
    }

    fn new_section(&mut self, title: Option<String>, indent_level: usize) {
        self.sections.push(Section::new(title, indent_level));
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), TableError> {
        self.current()?.add_row(row)
    }

    fn add_row_header(&mut self, headers: Vec<String>) -> Result<(), TableError> {
        self.current()?.add_header(headers)
    }

    /// `TableFormatter._build_table`: false when there is nothing to print.
    fn build(&mut self, title: Option<&str>, current: &Value, indent_level: usize) -> Result<bool, TableError> {
        if !truthy(current) {
            return Ok(false);
        }
        if let Some(title) = title {
            self.new_section(Some(title.to_owned()), indent_level);
        }
        match current {
            Value::Array(list) => {
                if list.first().is_some_and(Value::is_object) {
                    self.sub_table_from_list(list, indent_level, title)?;
                } else {
                    for item in list {
                        match item {
                            Value::Object(map) => self.add_row(map.keys().cloned().collect())?,
                            Value::Array(inner) if inner.iter().all(is_scalar) => {
                                self.add_row(inner.iter().map(python_str).collect())?;
                            }
                            Value::Array(_) => {
                                self.build(None, item, 0)?;
                            }
                            scalar => self.add_row(vec![python_str(scalar)])?,
                        }
                    }
                }
            }
            Value::Object(map) => self.sub_table_from_dict(map, indent_level)?,
            _ => {}
        }
        Ok(true)
    }

    fn sub_table_from_dict(&mut self, current: &Map<String, Value>, indent_level: usize) -> Result<(), TableError> {
        let mut headers: Vec<&String> = current.iter().filter(|(_, v)| is_scalar(v)).map(|(k, _)| k).collect();
        let mut more: Vec<(&String, &Value)> = current.iter().filter(|(_, v)| !is_scalar(v)).collect();
        headers.sort();
        more.sort_by(|a, b| a.0.cmp(b.0));
        let value_text = |key: &String| current.get(key).map(python_str).unwrap_or_default();
        match headers.as_slice() {
            [] => {}
            [only] => self.add_row(vec![(*only).clone(), value_text(only)])?,
            _ => {
                self.add_row_header(headers.iter().map(|k| (*k).clone()).collect())?;
                self.add_row(headers.iter().map(|k| value_text(k)).collect())?;
            }
        }
        for (key, value) in more {
            self.build(Some(key), value, indent_level + 1)?;
        }
        Ok(())
    }

    fn sub_table_from_list(
        &mut self,
        current: &[Value],
        indent_level: usize,
        title: Option<&str>,
    ) -> Result<(), TableError> {
        let mut header_set = Vec::new();
        let mut more_set = Vec::new();
        for item in current {
            let (headers, more) = group_scalar_keys(item)?;
            set_update(&mut header_set, headers);
            set_update(&mut more_set, more);
        }
        let headers = sort_keys(header_set)?;
        let more = sort_keys(more_set)?;
        let header_texts: Vec<String> = headers.iter().map(|k| k.text().to_owned()).collect();
        self.add_row_header(header_texts.clone())?;
        for (i, element) in current.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title.map(str::to_owned), indent_level);
                self.add_row_header(header_texts.clone())?;
            }
            let row = match element {
                Value::Object(map) => headers
                    .iter()
                    .map(|h| match h {
                        Key::Str(k) => map.get(k).map(python_str).unwrap_or_default(),
                        Key::Int { .. } => String::new(),
                    })
                    .collect(),
                _ if headers.is_empty() => Vec::new(),
                other => {
                    return Err(TableError::new(format!(
                        "'{}' object has no attribute 'get'",
                        python_type_name(other)
                    )));
                }
            };
            self.add_row(row)?;
            for remaining in &more {
                // `remaining in element`, then `element[remaining]`, for what can get this far.
                let Key::Str(key) = remaining else { continue };
                match element {
                    Value::Object(map) => {
                        if let Some(value) = map.get(key) {
                            self.build(Some(key), value, indent_level + 1)?;
                        }
                    }
                    Value::String(s) if s.contains(key.as_str()) => {
                        return Err(TableError::new("string indices must be integers, not 'str'"));
                    }
                    Value::Array(list) if list.iter().any(|v| v.as_str() == Some(key.as_str())) => {
                        return Err(TableError::new("list indices must be integers or slices, not str"));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn max_width(&self) -> i64 {
        self.sections.iter().map(Section::total_width).max().unwrap_or(0)
    }

    /// `convert_to_vertical_table`: every single-row section with headers becomes header/value rows.
    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if let ([row], false) = (section.rows.as_slice(), section.headers.is_empty()) {
                let mut vertical = Section::new(section.title.clone(), section.indent_level);
                for (header, element) in section.headers.iter().zip(row) {
                    // Always two columns, so this cannot fail.
                    let _ = vertical.add_row(vec![header.clone(), element.clone()]);
                }
                *section = vertical;
            }
        }
    }

    fn render(&mut self, terminal_width: i64, styled: bool) -> String {
        let mut max_width = self.max_width();
        if max_width > terminal_width {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut stream = Stream { out: String::new(), autoreset: styled };
        stream.write(&format!("{}\n", dashes(max_width)));
        for section in &self.sections {
            render_section(section, max_width, styled, &mut stream);
        }
        stream.out
    }
}

fn render_section(section: &Section, max_width: i64, styled: bool, stream: &mut Stream) {
    let indent_char = if styled { format!("{INDENT_STYLE}|{RESET}") } else { "|".to_owned() };
    let indent = indent_char.repeat(section.indent_level);
    let max_width = max_width - 2 * to_i64(section.indent_level);

    if section.has_title() {
        let title = section.title_text();
        let line = center_text(title, max_width, "|", "|", to_i64(get_text_length(title)));
        stream.write_indented(&indent, &format!("{line}\n"));
        if section.headers.is_empty() && section.rows.is_empty() {
            stream.write_indented(&indent, &format!("+{}+\n", dashes(max_width - 2)));
        }
    }

    if !section.headers.is_empty() {
        let widths = section.column_widths(4, max_width);
        let mut line = String::new();
        for (i, (width, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            line.push_str(&center_text(header, *width, left_edge, "|", to_i64(get_text_length(header))));
        }
        stream.write_indented(&indent, &line_break(&widths));
        stream.write_indented(&indent, &format!("{line}\n"));
    }

    if section.rows.is_empty() {
        return;
    }
    let widths = section.column_widths(4, max_width);
    if widths.is_empty() {
        return;
    }
    stream.write_indented(&indent, &line_break(&widths));
    for row in &section.rows {
        let mut line = String::new();
        for (i, (width, element)) in widths.iter().zip(row).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            let text = if styled { format!("{ROW_STYLE}{element}{RESET}") } else { element.clone() };
            line.push_str(&align_left(&text, *width, left_edge, "|", to_i64(get_text_length(element))));
        }
        stream.write_indented(&indent, &format!("{line}\n"));
    }
    stream.write_indented(&indent, &line_break(&widths));
}

/// `_write_line_break`: `+-----+------+` for the given column widths.
fn line_break(widths: &[i64]) -> String {
    let mut out = String::new();
    for (i, &width) in widths.iter().enumerate() {
        if i == 0 {
            out.push_str(&format!("+{}+", dashes(width - 2)));
        } else {
            out.push_str(&format!("{}+", dashes(width - 1)));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    //! The outputs AWS CLI v1 printed are data: `crates/cli/tests/data/table_output.json`, recorded from
    //! awscli 1.46.3 (`aws cognito-idp resend-confirmation-code --output table` against
    //! crates/cli/tools/mockserver.py, stdout a pipe or a pseudo-terminal of the given size) by `cargo xtask record-goldens`, and replayed by
    //! [`every_recorded_case_prints_what_aws_cli_v1_printed`]. The character samples are Python 3.11's answers,
    //! from `.venv-awscli/bin/python crates/cli/tools/gen_py_unicode.py --samples width`.

    use super::*;

    /// What AWS CLI prints with stdout on a pipe (`None`) or on a terminal of `tty_columns` columns: stdout,
    /// stderr and the exit code.
    fn run(value: &Value, tty_columns: Option<u16>, color: crate::format::Color) -> (String, String, i32) {
        let tty = tty_columns.is_some();
        let styled = color.styled(tty);
        match format(value, "ResendConfirmationCode", terminal_width(tty_columns), styled) {
            Ok(stdout) => (stdout + exit_suffix(styled, tty), String::new(), 0),
            Err(e) => (exit_suffix(styled, tty).to_owned(), e.stderr_text(styled), 255),
        }
    }

    fn color(case: &Value) -> crate::format::Color {
        crate::format::Color::from_name(case["color"].as_str().unwrap_or("auto")).expect("a --color value")
    }

    /// The cases recorded from AWS CLI v1 (`crates/cli/tests/data/table_output.json`, written by
    /// `crates/cli/tools/record_output_goldens.py table`): each prints the same stdout, stderr and exit
    /// code here.
    #[test]
    fn every_recorded_case_prints_what_aws_cli_v1_printed() {
        let data: Value =
            serde_json::from_str(include_str!("../../tests/data/table_output.json")).expect("the recordings are JSON");
        let cases = data["cases"].as_array().expect("cases");
        assert!(cases.len() >= 30, "{} cases", cases.len());
        let mut wrong = Vec::new();
        for case in cases {
            let expected = (
                case["stdout"].as_str().unwrap_or_default().to_owned(),
                case["stderr"].as_str().unwrap_or_default().to_owned(),
                case["exit_code"].as_i64().and_then(|c| i32::try_from(c).ok()).unwrap_or(-1),
            );
            let printed =
                run(&case["value"], case["tty_columns"].as_u64().and_then(|c| u16::try_from(c).ok()), color(case));
            if printed != expected {
                wrong.push(format!(
                    "{} ({})\n  expected: {expected:?}\n  found:    {printed:?}",
                    case["name"].as_str().unwrap_or("?"),
                    case["command"].as_str().unwrap_or("?")
                ));
            }
        }
        assert!(wrong.is_empty(), "{} of {} recorded cases differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    #[test]
    fn takes_the_terminal_width_from_stdout_only() {
        // Observed above: COLUMNS never matters; a pipe is 80 wide, a terminal its own size, 0 when it has none.
        assert_eq!(terminal_width(None), 80);
        assert_eq!(terminal_width(Some(20)), 20);
        assert_eq!(terminal_width(Some(0)), 0);
        assert_eq!(terminal_width(Some(32767)), 32767);
        // struct.unpack('hhhh') reads ws_col as signed: negative, which reflows like 0.
        assert_eq!(terminal_width(Some(32768)), 0);
    }

    #[test]
    fn parses_the_color_option_and_styles_only_when_asked_or_on_a_terminal() {
        assert_eq!(crate::format::Color::from_name("on"), Some(crate::format::Color::On));
        assert_eq!(crate::format::Color::from_name("off"), Some(crate::format::Color::Off));
        assert_eq!(crate::format::Color::from_name("auto"), Some(crate::format::Color::Auto));
        assert_eq!(crate::format::Color::from_name("On"), None);
        assert!(crate::format::Color::On.styled(false));
        assert!(!crate::format::Color::Off.styled(true));
        assert!(crate::format::Color::Auto.styled(true));
        assert!(!crate::format::Color::Auto.styled(false));
    }

    #[test]
    fn measures_text_as_get_text_length_does() {
        // Python 3.11: awscli.table.get_text_length of each text.
        let cases = [
            ("", 0),
            ("abc", 3),
            ("Zoë", 3),
            ("用户", 4),
            ("😀", 2),
            ("e\u{301}", 3),
            ("±§Ω", 6),
            ("ｱ", 1),
            ("한국어", 6),
            ("\u{200b}", 1),
            (&"x".repeat(1000), 1000),
        ];
        for (text, expected) in cases {
            assert_eq!(get_text_length(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sampled_characters_measure_as_python_measures_them() {
        // (code point, columns) at the boundaries of the Wide/Fullwidth/Ambiguous ranges.
        let samples: &[(u32, usize)] = &[
            (0x41, 1),
            (0x7A, 1),
            (0xA0, 1),
            (0xA1, 2),
            (0xA2, 1),
            (0xA7, 2),
            (0xAC, 1),
            (0xAD, 2),
            (0xAE, 2),
            (0xAF, 1),
            (0xB1, 2),
            (0xC5, 1),
            (0xC6, 2),
            (0xC7, 1),
            (0xDF, 2),
            (0xE5, 1),
            (0xE6, 2),
            (0xE7, 1),
            (0xE9, 2),
            (0xEB, 1),
            (0xF1, 1),
            (0xF2, 2),
            (0xF3, 2),
            (0xF4, 1),
            (0x100, 1),
            (0x101, 2),
            (0x102, 1),
            (0x125, 1),
            (0x126, 2),
            (0x127, 2),
            (0x128, 1),
            (0x13E, 1),
            (0x13F, 2),
            (0x142, 2),
            (0x143, 1),
            (0x151, 1),
            (0x152, 2),
            (0x153, 2),
            (0x154, 1),
            (0x19B, 1),
            (0x1CF, 1),
            (0x1D0, 2),
            (0x1D1, 1),
            (0x1D7, 1),
            (0x1D8, 2),
            (0x1D9, 1),
            (0x260, 1),
            (0x261, 2),
            (0x262, 1),
            (0x264, 1),
            (0x2CC, 1),
            (0x2CD, 2),
            (0x2CE, 1),
            (0x2DE, 1),
            (0x2DF, 2),
            (0x2E0, 1),
            (0x301, 2),
            (0x38A, 1),
            (0x38B, 2),
            (0x38C, 1),
            (0x3A9, 2),
            (0x3C2, 1),
            (0x3C3, 2),
            (0x3C9, 2),
            (0x3CA, 1),
            (0x52F, 1),
            (0x530, 2),
            (0x531, 1),
            (0x5C7, 1),
            (0x5C8, 2),
            (0x5CF, 2),
            (0x5D0, 1),
            (0x74A, 1),
            (0x74B, 2),
            (0x74C, 2),
            (0x74D, 1),
            (0x83E, 1),
            (0x83F, 2),
            (0x840, 1),
            (0x88E, 1),
            (0x88F, 2),
            (0x890, 1),
            (0x990, 1),
            (0x991, 2),
            (0x992, 2),
            (0x993, 1),
            (0x9B9, 1),
            (0x9BA, 2),
            (0x9BB, 2),
            (0x9BC, 1),
            (0x9D7, 1),
            (0x9D8, 2),
            (0x9DB, 2),
            (0x9DC, 1),
            (0xA03, 1),
            (0xA04, 2),
            (0xA05, 1),
            (0xA30, 1),
            (0xA31, 2),
            (0xA32, 1),
            (0xA3C, 1),
            (0xA3D, 2),
            (0xA3E, 1),
            (0xA51, 1),
            (0xA52, 2),
            (0xA58, 2),
            (0xA59, 1),
            (0xA83, 1),
            (0xA84, 2),
            (0xA85, 1),
            (0xAB0, 1),
            (0xAB1, 2),
            (0xAB2, 1),
            (0xAC9, 1),
            (0xACA, 2),
            (0xACB, 1),
            (0xAF1, 1),
            (0xAF2, 2),
            (0xAF8, 2),
            (0xAF9, 1),
            (0xB10, 1),
            (0xB11, 2),
            (0xB12, 2),
            (0xB13, 1),
            (0xB39, 1),
            (0xB3A, 2),
            (0xB3B, 2),
            (0xB3C, 1),
            (0xB57, 1),
            (0xB58, 2),
            (0xB5B, 2),
            (0xB5C, 1),
            (0xB83, 1),
            (0xB84, 2),
            (0xB85, 1),
            (0xB9A, 1),
            (0xB9B, 2),
            (0xB9C, 1),
            (0xBAA, 1),
            (0xBAB, 2),
            (0xBAD, 2),
            (0xBAE, 1),
            (0xBCD, 1),
            (0xBCE, 2),
            (0xBCF, 2),
            (0xBD0, 1),
            (0xC0C, 1),
            (0xC0D, 2),
            (0xC0E, 1),
            (0xC44, 1),
            (0xC45, 2),
            (0xC46, 1),
            (0xC5A, 1),
            (0xC5B, 2),
            (0xC5C, 2),
            (0xC5D, 1),
            (0xC8C, 1),
            (0xC8D, 2),
            (0xC8E, 1),
            (0xCB9, 1),
            (0xCBA, 2),
            (0xCBB, 2),
            (0xCBC, 1),
            (0xCD6, 1),
            (0xCD7, 2),
            (0xCDC, 2),
            (0xCDD, 1),
            (0xCF2, 1),
            (0xCF3, 2),
            (0xCFF, 2),
            (0xD00, 1),
            (0xD48, 1),
            (0xD49, 2),
            (0xD4A, 1),
            (0xD83, 1),
            (0xD84, 2),
            (0xD85, 1),
            (0xDBD, 1),
            (0xDBE, 2),
            (0xDBF, 2),
            (0xDC0, 1),
            (0xDD6, 1),
            (0xDD7, 2),
            (0xDD8, 1),
            (0xE3A, 1),
            (0xE3B, 2),
            (0xE3E, 2),
            (0xE3F, 1),
            (0xE8A, 1),
            (0xE8B, 2),
            (0xE8C, 1),
            (0xEC4, 1),
            (0xEC5, 2),
            (0xEC6, 1),
            (0xEDF, 1),
            (0xEE0, 2),
            (0xEFF, 2),
            (0xF00, 1),
            (0xFBC, 1),
            (0xFBD, 2),
            (0xFBE, 1),
            (0x10C7, 1),
            (0x10C8, 2),
            (0x10CC, 2),
            (0x10CD, 1),
            (0x124D, 1),
            (0x124E, 2),
            (0x124F, 2),
            (0x1250, 1),
            (0x1288, 1),
            (0x1289, 2),
            (0x128A, 1),
            (0x12BE, 1),
            (0x12BF, 2),
            (0x12C0, 1),
            (0x1310, 1),
            (0x1311, 2),
            (0x1312, 1),
            (0x1399, 1),
            (0x139A, 2),
            (0x139F, 2),
            (0x13A0, 1),
            (0x16F8, 1),
            (0x16F9, 2),
            (0x16FF, 2),
            (0x1700, 1),
            (0x176C, 1),
            (0x176D, 2),
            (0x176E, 1),
            (0x17E9, 1),
            (0x17EA, 2),
            (0x17EF, 2),
            (0x17F0, 1),
            (0x18AA, 1),
            (0x18AB, 2),
            (0x18AF, 2),
            (0x18B0, 1),
            (0x193B, 1),
            (0x193C, 2),
            (0x193F, 2),
            (0x1940, 1),
            (0x19AB, 1),
            (0x19AC, 2),
            (0x19AF, 2),
            (0x19B0, 1),
            (0x1A5E, 1),
            (0x1A5F, 2),
            (0x1A60, 1),
            (0x1AAD, 1),
            (0x1AAE, 2),
            (0x1AAF, 2),
            (0x1AB0, 1),
            (0x1BF3, 1),
            (0x1BF4, 2),
            (0x1BFB, 2),
            (0x1BFC, 1),
            (0x1CBA, 1),
            (0x1CBB, 2),
            (0x1CBC, 2),
            (0x1CBD, 1),
            (0x1F1D, 1),
            (0x1F1E, 2),
            (0x1F1F, 2),
            (0x1F20, 1),
            (0x1F59, 1),
            (0x1F5A, 2),
            (0x1F5B, 1),
            (0x1FB4, 1),
            (0x1FB5, 2),
            (0x1FB6, 1),
            (0x1FEF, 1),
            (0x1FF0, 2),
            (0x1FF1, 2),
            (0x1FF2, 1),
            (0x2012, 1),
            (0x2013, 2),
            (0x2016, 2),
            (0x2017, 1),
            (0x2023, 1),
            (0x2024, 2),
            (0x2027, 2),
            (0x2028, 1),
            (0x203A, 1),
            (0x203B, 2),
            (0x203C, 1),
            (0x207E, 1),
            (0x207F, 2),
            (0x2080, 1),
            (0x20AB, 1),
            (0x20AC, 2),
            (0x20AD, 1),
            (0x2104, 1),
            (0x2105, 2),
            (0x2106, 1),
            (0x2120, 1),
            (0x2121, 2),
            (0x2122, 2),
            (0x2123, 1),
            (0x215A, 1),
            (0x215B, 2),
            (0x215E, 2),
            (0x215F, 1),
            (0x218B, 1),
            (0x218C, 2),
            (0x2199, 2),
            (0x219A, 1),
            (0x21E6, 1),
            (0x21E7, 2),
            (0x21E8, 1),
            (0x220A, 1),
            (0x220B, 2),
            (0x220C, 1),
            (0x2219, 1),
            (0x221A, 2),
            (0x221B, 1),
            (0x2226, 1),
            (0x2227, 2),
            (0x222C, 2),
            (0x222D, 1),
            (0x2247, 1),
            (0x2248, 2),
            (0x2249, 1),
            (0x2263, 1),
            (0x2264, 2),
            (0x2267, 2),
            (0x2268, 1),
            (0x2285, 1),
            (0x2286, 2),
            (0x2287, 2),
            (0x2288, 1),
            (0x22BE, 1),
            (0x22BF, 2),
            (0x22C0, 1),
            (0x23E8, 1),
            (0x23E9, 2),
            (0x23EC, 2),
            (0x23ED, 1),
            (0x244A, 1),
            (0x244B, 2),
            (0x24E9, 2),
            (0x24EA, 1),
            (0x2591, 1),
            (0x2592, 2),
            (0x2595, 2),
            (0x2596, 1),
            (0x25B5, 1),
            (0x25B6, 2),
            (0x25B7, 2),
            (0x25B8, 1),
            (0x25CA, 1),
            (0x25CB, 2),
            (0x25CC, 1),
            (0x25FC, 1),
            (0x25FD, 2),
            (0x25FE, 2),
            (0x25FF, 1),
            (0x2613, 1),
            (0x2614, 2),
            (0x2615, 2),
            (0x2616, 1),
            (0x2641, 1),
            (0x2642, 2),
            (0x2643, 1),
            (0x2666, 1),
            (0x2667, 2),
            (0x266A, 2),
            (0x266B, 1),
            (0x2692, 1),
            (0x2693, 2),
            (0x2694, 1),
            (0x26BC, 1),
            (0x26BD, 2),
            (0x26BF, 2),
            (0x26C0, 1),
            (0x2704, 1),
            (0x2705, 2),
            (0x2706, 1),
            (0x274B, 1),
            (0x274C, 2),
            (0x274D, 1),
            (0x2775, 1),
            (0x2776, 2),
            (0x277F, 2),
            (0x2780, 1),
            (0x2B1A, 1),
            (0x2B1B, 2),
            (0x2B1C, 2),
            (0x2B1D, 1),
            (0x2B95, 1),
            (0x2B96, 2),
            (0x2B97, 1),
            (0x2D2D, 1),
            (0x2D2E, 2),
            (0x2D2F, 2),
            (0x2D30, 1),
            (0x2DA6, 1),
            (0x2DA7, 2),
            (0x2DA8, 1),
            (0x2DC6, 1),
            (0x2DC7, 2),
            (0x2DC8, 1),
            (0x2E5D, 1),
            (0x2E5E, 2),
            (0x303E, 2),
            (0x303F, 1),
            (0x7528, 2),
            (0xA6F7, 1),
            (0xA6F8, 2),
            (0xA6FF, 2),
            (0xA700, 1),
            (0xA7D9, 1),
            (0xA7DA, 2),
            (0xA7F1, 2),
            (0xA7F2, 1),
            (0xA8C5, 1),
            (0xA8C6, 2),
            (0xA8CD, 2),
            (0xA8CE, 1),
            (0xA9CD, 1),
            (0xA9CE, 2),
            (0xA9CF, 1),
            (0xAA4D, 1),
            (0xAA4E, 2),
            (0xAA4F, 2),
            (0xAA50, 1),
            (0xAB06, 1),
            (0xAB07, 2),
            (0xAB08, 2),
            (0xAB09, 1),
            (0xAB2E, 1),
            (0xAB2F, 2),
            (0xAB30, 1),
            (0xD55C, 2),
            (0xD7C6, 1),
            (0xD7C7, 2),
            (0xD7CA, 2),
            (0xD7CB, 1),
            (0xFB17, 1),
            (0xFB18, 2),
            (0xFB1C, 2),
            (0xFB1D, 1),
            (0xFB41, 1),
            (0xFB42, 2),
            (0xFB43, 1),
            (0xFDC7, 1),
            (0xFDC8, 2),
            (0xFDCE, 2),
            (0xFDCF, 1),
            (0xFE74, 1),
            (0xFE75, 2),
            (0xFE76, 1),
            (0xFF71, 1),
            (0xFFC7, 1),
            (0xFFC8, 2),
            (0xFFC9, 2),
            (0xFFCA, 1),
            (0xFFEE, 1),
            (0xFFEF, 2),
            (0xFFF8, 2),
            (0xFFF9, 1),
            (0x1003A, 1),
            (0x1003B, 2),
            (0x1003C, 1),
            (0x100FA, 1),
            (0x100FB, 2),
            (0x100FF, 2),
            (0x10100, 1),
            (0x1019C, 1),
            (0x1019D, 2),
            (0x1019F, 2),
            (0x101A0, 1),
            (0x102D0, 1),
            (0x102D1, 2),
            (0x102DF, 2),
            (0x102E0, 1),
            (0x1037A, 1),
            (0x1037B, 2),
            (0x1037F, 2),
            (0x10380, 1),
            (0x1049D, 1),
            (0x1049E, 2),
            (0x1049F, 2),
            (0x104A0, 1),
            (0x10527, 1),
            (0x10528, 2),
            (0x1052F, 2),
            (0x10530, 1),
            (0x10592, 1),
            (0x10593, 2),
            (0x10594, 1),
            (0x105B9, 1),
            (0x105BA, 2),
            (0x105BB, 1),
            (0x10767, 1),
            (0x10768, 2),
            (0x1077F, 2),
            (0x10780, 1),
            (0x10805, 1),
            (0x10806, 2),
            (0x10807, 2),
            (0x10808, 1),
            (0x1083C, 1),
            (0x1083D, 2),
            (0x1083E, 2),
            (0x1083F, 1),
            (0x108F2, 1),
            (0x108F3, 2),
            (0x108F4, 1),
            (0x1093F, 1),
            (0x10940, 2),
            (0x1097F, 2),
            (0x10980, 1),
            (0x10A06, 1),
            (0x10A07, 2),
            (0x10A0B, 2),
            (0x10A0C, 1),
            (0x10A3A, 1),
            (0x10A3B, 2),
            (0x10A3E, 2),
            (0x10A3F, 1),
            (0x10AE6, 1),
            (0x10AE7, 2),
            (0x10AEA, 2),
            (0x10AEB, 1),
            (0x10B72, 1),
            (0x10B73, 2),
            (0x10B77, 2),
            (0x10B78, 1),
            (0x10C48, 1),
            (0x10C49, 2),
            (0x10C7F, 2),
            (0x10C80, 1),
            (0x10D39, 1),
            (0x10D3A, 2),
            (0x10E5F, 2),
            (0x10E60, 1),
            (0x10EB1, 1),
            (0x10EB2, 2),
            (0x10EFF, 2),
            (0x10F00, 1),
            (0x10FCB, 1),
            (0x10FCC, 2),
            (0x10FDF, 2),
            (0x10FE0, 1),
            (0x110C2, 1),
            (0x110C3, 2),
            (0x110CC, 2),
            (0x110CD, 1),
            (0x11134, 1),
            (0x11135, 2),
            (0x11136, 1),
            (0x111F4, 1),
            (0x111F5, 2),
            (0x111FF, 2),
            (0x11200, 1),
            (0x11288, 1),
            (0x11289, 2),
            (0x1128A, 1),
            (0x112EA, 1),
            (0x112EB, 2),
            (0x112EF, 2),
            (0x112F0, 1),
            (0x11310, 1),
            (0x11311, 2),
            (0x11312, 2),
            (0x11313, 1),
            (0x11339, 1),
            (0x1133A, 2),
            (0x1133B, 1),
            (0x11350, 1),
            (0x11351, 2),
            (0x11356, 2),
            (0x11357, 1),
            (0x11374, 1),
            (0x11375, 2),
            (0x113FF, 2),
            (0x11400, 1),
            (0x114D9, 1),
            (0x114DA, 2),
            (0x1157F, 2),
            (0x11580, 1),
            (0x11659, 1),
            (0x1165A, 2),
            (0x1165F, 2),
            (0x11660, 1),
            (0x1171A, 1),
            (0x1171B, 2),
            (0x1171C, 2),
            (0x1171D, 1),
            (0x118F2, 1),
            (0x118F3, 2),
            (0x118FE, 2),
            (0x118FF, 1),
            (0x11916, 1),
            (0x11917, 2),
            (0x11918, 1),
            (0x11959, 1),
            (0x1195A, 2),
            (0x1199F, 2),
            (0x119A0, 1),
            (0x11A47, 1),
            (0x11A48, 2),
            (0x11A4F, 2),
            (0x11A50, 1),
            (0x11C36, 1),
            (0x11C37, 2),
            (0x11C38, 1),
            (0x11CA7, 1),
            (0x11CA8, 2),
            (0x11CA9, 1),
            (0x11D36, 1),
            (0x11D37, 2),
            (0x11D39, 2),
            (0x11D3A, 1),
            (0x11D59, 1),
            (0x11D5A, 2),
            (0x11D5F, 2),
            (0x11D60, 1),
            (0x11D91, 1),
            (0x11D92, 2),
            (0x11D93, 1),
            (0x11FB0, 1),
            (0x11FB1, 2),
            (0x11FBF, 2),
            (0x11FC0, 1),
            (0x12474, 1),
            (0x12475, 2),
            (0x1247F, 2),
            (0x12480, 1),
            (0x13438, 1),
            (0x13439, 2),
            (0x143FF, 2),
            (0x14400, 1),
            (0x16A69, 1),
            (0x16A6A, 2),
            (0x16A6D, 2),
            (0x16A6E, 1),
            (0x16AF5, 1),
            (0x16AF6, 2),
            (0x16AFF, 2),
            (0x16B00, 1),
            (0x16B77, 1),
            (0x16B78, 2),
            (0x16B7C, 2),
            (0x16B7D, 1),
            (0x16F87, 1),
            (0x16F88, 2),
            (0x16F8E, 2),
            (0x16F8F, 1),
            (0x1BC88, 1),
            (0x1BC89, 2),
            (0x1BC8F, 2),
            (0x1BC90, 1),
            (0x1CF46, 1),
            (0x1CF47, 2),
            (0x1CF4F, 2),
            (0x1CF50, 1),
            (0x1D1EA, 1),
            (0x1D1EB, 2),
            (0x1D1FF, 2),
            (0x1D200, 1),
            (0x1D378, 1),
            (0x1D379, 2),
            (0x1D3FF, 2),
            (0x1D400, 1),
            (0x1D4A2, 1),
            (0x1D4A3, 2),
            (0x1D4A4, 2),
            (0x1D4A5, 1),
            (0x1D4BB, 1),
            (0x1D4BC, 2),
            (0x1D4BD, 1),
            (0x1D514, 1),
            (0x1D515, 2),
            (0x1D516, 1),
            (0x1D544, 1),
            (0x1D545, 2),
            (0x1D546, 1),
            (0x1D7CB, 1),
            (0x1D7CC, 2),
            (0x1D7CD, 2),
            (0x1D7CE, 1),
            (0x1DF1E, 1),
            (0x1DF1F, 2),
            (0x1DFFF, 2),
            (0x1E000, 1),
            (0x1E024, 1),
            (0x1E025, 2),
            (0x1E026, 1),
            (0x1E149, 1),
            (0x1E14A, 2),
            (0x1E14D, 2),
            (0x1E14E, 1),
            (0x1E2FF, 1),
            (0x1E300, 2),
            (0x1E7DF, 2),
            (0x1E7E0, 1),
            (0x1E7FE, 1),
            (0x1E7FF, 2),
            (0x1E800, 1),
            (0x1E959, 1),
            (0x1E95A, 2),
            (0x1E95D, 2),
            (0x1E95E, 1),
            (0x1EE03, 1),
            (0x1EE04, 2),
            (0x1EE05, 1),
            (0x1EE27, 1),
            (0x1EE28, 2),
            (0x1EE29, 1),
            (0x1EE3B, 1),
            (0x1EE3C, 2),
            (0x1EE41, 2),
            (0x1EE42, 1),
            (0x1EE4B, 1),
            (0x1EE4C, 2),
            (0x1EE4D, 1),
            (0x1EE57, 1),
            (0x1EE58, 2),
            (0x1EE59, 1),
            (0x1EE5F, 1),
            (0x1EE60, 2),
            (0x1EE61, 1),
            (0x1EE72, 1),
            (0x1EE73, 2),
            (0x1EE74, 1),
            (0x1EE89, 1),
            (0x1EE8A, 2),
            (0x1EE8B, 1),
            (0x1EEBB, 1),
            (0x1EEBC, 2),
            (0x1EEEF, 2),
            (0x1EEF0, 1),
            (0x1F093, 1),
            (0x1F094, 2),
            (0x1F09F, 2),
            (0x1F0A0, 1),
            (0x1F0F5, 1),
            (0x1F0F6, 2),
            (0x1F10A, 2),
            (0x1F10B, 1),
            (0x1F1AD, 1),
            (0x1F1AE, 2),
            (0x1F1E5, 2),
            (0x1F1E6, 1),
            (0x1F37D, 1),
            (0x1F37E, 2),
            (0x1F393, 2),
            (0x1F394, 1),
            (0x1F3F3, 1),
            (0x1F3F4, 2),
            (0x1F3F5, 1),
            (0x1F4FE, 1),
            (0x1F4FF, 2),
            (0x1F53D, 2),
            (0x1F53E, 1),
            (0x1F594, 1),
            (0x1F595, 2),
            (0x1F596, 2),
            (0x1F597, 1),
            (0x1F600, 2),
            (0x1F6CB, 1),
            (0x1F6CC, 2),
            (0x1F6CD, 1),
            (0x1F6F3, 1),
            (0x1F6F4, 2),
            (0x1F6FF, 2),
            (0x1F700, 1),
            (0x1F847, 1),
            (0x1F848, 2),
            (0x1F84F, 2),
            (0x1F850, 1),
            (0x1F8B1, 1),
            (0x1F8B2, 2),
            (0x1F8FF, 2),
            (0x1F900, 1),
            (0x1FA53, 1),
            (0x1FA54, 2),
            (0x1FA5F, 2),
            (0x1FA60, 1),
            (0x1FBF9, 1),
            (0x1FBFA, 2),
            (0xE0000, 2),
            (0xE0001, 1),
        ];
        for &(code_point, columns) in samples {
            let Some(c) = char::from_u32(code_point) else { panic!("not a char: {code_point:X}") };
            assert_eq!(get_text_length(&c.to_string()), columns, "U+{code_point:04X}");
        }
    }
}
