//! jmespath-python 1.0's lexer and parser (the JMESPath of AWS CLI v1), ported to decide whether a
//! `--query` expression is valid and, when it is not, to say so in its words: `Invalid jmespath
//! expression: Incomplete expression:` with the expression and a caret, `Bad jmespath expression: ...`,
//! or `<reason>: Parse error at column N, token "X" (TYPE), for expression: ...`. It builds no tree: the
//! `jmespath` crate evaluates valid expressions ([`crate::output::query`]).

use serde_json::Value;

use crate::python::pyjson;
use crate::python::pyrepr::{self, Dicts};

/// A token's type, as jmespath-python names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Dot,
    Star,
    Rbracket,
    Comma,
    Colon,
    Current,
    Lparen,
    Rparen,
    Lbrace,
    Rbrace,
    UnquotedIdentifier,
    QuotedIdentifier,
    Flatten,
    Filter,
    Lbracket,
    Literal,
    Or,
    Pipe,
    And,
    Expref,
    Number,
    Lte,
    Lt,
    Gte,
    Gt,
    Ne,
    Not,
    Eq,
    Eof,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Dot => "dot",
            Kind::Star => "star",
            Kind::Rbracket => "rbracket",
            Kind::Comma => "comma",
            Kind::Colon => "colon",
            Kind::Current => "current",
            Kind::Lparen => "lparen",
            Kind::Rparen => "rparen",
            Kind::Lbrace => "lbrace",
            Kind::Rbrace => "rbrace",
            Kind::UnquotedIdentifier => "unquoted_identifier",
            Kind::QuotedIdentifier => "quoted_identifier",
            Kind::Flatten => "flatten",
            Kind::Filter => "filter",
            Kind::Lbracket => "lbracket",
            Kind::Literal => "literal",
            Kind::Or => "or",
            Kind::Pipe => "pipe",
            Kind::And => "and",
            Kind::Expref => "expref",
            Kind::Number => "number",
            Kind::Lte => "lte",
            Kind::Lt => "lt",
            Kind::Gte => "gte",
            Kind::Gt => "gt",
            Kind::Ne => "ne",
            Kind::Not => "not",
            Kind::Eq => "eq",
            Kind::Eof => "eof",
        }
    }

    /// The parser's `BINDING_POWER`.
    fn binding_power(self) -> u32 {
        match self {
            Kind::Pipe => 1,
            Kind::Or => 2,
            Kind::And => 3,
            Kind::Eq | Kind::Gt | Kind::Lt | Kind::Gte | Kind::Lte | Kind::Ne => 5,
            Kind::Flatten => 9,
            Kind::Star => 20,
            Kind::Filter => 21,
            Kind::Dot => 40,
            Kind::Not => 45,
            Kind::Lbrace => 50,
            Kind::Lbracket => 55,
            Kind::Lparen => 60,
            _ => 0,
        }
    }
}

/// A token: its type, its value as Python's `%s` shows it, and where it starts (in characters).
#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    value: String,
    start: usize,
}

/// Why an expression is not valid, in jmespath-python's words (`str()` of its exception).
#[derive(Debug)]
enum SyntaxError {
    Empty,
    Lexer { position: usize, message: String },
    Incomplete,
    Parse { position: usize, value: String, kind: Kind, reason: String },
}

/// Whether `expression` is valid for AWS CLI v1; `Err` holds what it prints after
/// `Bad value for --query <expression>: `. `Ok(Some(text))` is the same expression with its literals in the
/// form JEP-12 deprecated (`` `foo` `` for `` `"foo"` ``) written as JSON strings, which the `jmespath` crate
/// needs; `Ok(None)` when it has none.
pub fn check(expression: &str) -> Result<Option<String>, String> {
    let chars: Vec<char> = expression.chars().collect();
    let mut deprecated = Vec::new();
    let result = tokenize(&chars, &mut deprecated).and_then(|tokens| Parser { tokens, index: 0 }.parse());
    result.map(|()| rewrite(&chars, &deprecated)).map_err(|error| match error {
        SyntaxError::Empty => "Invalid JMESPath expression: cannot be empty.".to_owned(),
        SyntaxError::Lexer { position, message } => {
            format!("Bad jmespath expression: {message}:\n{expression}\n{}^", " ".repeat(position))
        }
        SyntaxError::Incomplete => format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
            " ".repeat(chars.len() + 1)
        ),
        SyntaxError::Parse { position, value, kind, reason } => format!(
            "{reason}: Parse error at column {position}, token \"{value}\" ({}), for expression:\n\"{expression}\"\n{}^",
            kind.name().to_uppercase(),
            " ".repeat(position + 1)
        ),
    })
}

fn simple(c: char) -> Option<Kind> {
    Some(match c {
        '.' => Kind::Dot,
        '*' => Kind::Star,
        ']' => Kind::Rbracket,
        ',' => Kind::Comma,
        ':' => Kind::Colon,
        '@' => Kind::Current,
        '(' => Kind::Lparen,
        ')' => Kind::Rparen,
        '{' => Kind::Lbrace,
        '}' => Kind::Rbrace,
        _ => return None,
    })
}

/// A literal in JEP-12's deprecated form: its characters `start..end` (backticks included) and the string
/// it stands for.
type Deprecated = (usize, usize, String);

/// `chars` with each deprecated literal written as a JSON string literal; `None` when there is none.
fn rewrite(chars: &[char], deprecated: &[Deprecated]) -> Option<String> {
    if deprecated.is_empty() {
        return None;
    }
    let mut out = String::new();
    let mut at = 0;
    for (start, end, text) in deprecated {
        out.extend(&chars[at..*start]);
        let json = serde_json::to_string(text).unwrap_or_default().replace('`', "\\`");
        out.push('`');
        out.push_str(&json);
        out.push('`');
        at = *end;
    }
    out.extend(&chars[at..]);
    Some(out)
}

/// The lexer's `tokenize`, with its `_next` that stays on the last character at the end; deprecated
/// literals are noted in `deprecated`.
fn tokenize(chars: &[char], deprecated: &mut Vec<Deprecated>) -> Result<Vec<Token>, SyntaxError> {
    if chars.is_empty() {
        return Err(SyntaxError::Empty);
    }
    let text = |from: usize, to: usize| chars[from..to.min(chars.len())].iter().collect::<String>();
    let mut tokens = Vec::new();
    let mut position = 0;
    let mut push = |kind, value: String, start| tokens.push(Token { kind, value, start });
    while position < chars.len() {
        let c = chars[position];
        let next = chars.get(position + 1).copied();
        if let Some(kind) = simple(c) {
            push(kind, c.to_string(), position);
            position += 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = position;
            while position < chars.len() && (chars[position].is_ascii_alphanumeric() || chars[position] == '_') {
                position += 1;
            }
            push(Kind::UnquotedIdentifier, text(start, position), start);
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            position += 1;
        } else if c == '[' {
            match next {
                Some(']') => (push(Kind::Flatten, "[]".to_owned(), position), position += 2).1,
                Some('?') => (push(Kind::Filter, "[?".to_owned(), position), position += 2).1,
                _ => (push(Kind::Lbracket, "[".to_owned(), position), position += 1).1,
            }
        } else if c == '\'' {
            let start = position;
            let lexeme = consume_until(chars, &mut position, '\'')?.replace("\\'", "'");
            push(Kind::Literal, lexeme, start);
        } else if c == '`' {
            let start = position;
            let lexeme = consume_until(chars, &mut position, '`')?.replace("\\`", "`");
            let value = match pyjson::loads(&lexeme, pyjson::PARAMETER_MAX_DEPTH) {
                Ok(value) => value,
                // JEP-12's deprecated form: an invalid JSON value is taken as a JSON string.
                Err(_) => {
                    let value = pyjson::loads(&format!("\"{}\"", lexeme.trim_start()), pyjson::PARAMETER_MAX_DEPTH)
                        .map_err(|_| SyntaxError::Lexer { position: start, message: format!("Bad token {lexeme}") })?;
                    deprecated.push((start, position, python_str(&value)));
                    value
                }
            };
            push(Kind::Literal, python_str(&value), start);
        } else if c == '"' {
            let start = position;
            let lexeme = format!("\"{}\"", consume_until(chars, &mut position, '"')?);
            match pyjson::loads(&lexeme, pyjson::PARAMETER_MAX_DEPTH) {
                Ok(value) => push(Kind::QuotedIdentifier, python_str(&value), start),
                Err(e) => {
                    let message = e.to_string().split(':').next().unwrap_or_default().to_owned();
                    return Err(SyntaxError::Lexer { position: start, message });
                }
            }
        } else if c.is_ascii_digit() || c == '-' {
            let start = position;
            position += 1;
            while position < chars.len() && chars[position].is_ascii_digit() {
                position += 1;
            }
            let digits = text(start, position);
            if digits == "-" {
                return Err(SyntaxError::Lexer { position: start, message: "Unknown token '-'".to_owned() });
            }
            push(Kind::Number, python_int(&digits), start);
        } else if c == '|' || c == '&' || c == '<' || c == '>' || c == '!' {
            let (expected, matched, other) = match c {
                '|' => ('|', Kind::Or, Kind::Pipe),
                '&' => ('&', Kind::And, Kind::Expref),
                '<' => ('=', Kind::Lte, Kind::Lt),
                '>' => ('=', Kind::Gte, Kind::Gt),
                _ => ('=', Kind::Ne, Kind::Not),
            };
            if next == Some(expected) {
                push(matched, format!("{c}{expected}"), position);
                position += 2;
            } else {
                push(other, c.to_string(), position);
                position += 1;
            }
        } else if c == '=' {
            if next == Some('=') {
                push(Kind::Eq, "==".to_owned(), position);
                position += 2;
            } else {
                return Err(SyntaxError::Lexer { position, message: "Unknown token '='".to_owned() });
            }
        } else {
            return Err(SyntaxError::Lexer { position, message: format!("Unknown token {c}") });
        }
    }
    tokens.push(Token { kind: Kind::Eof, value: String::new(), start: chars.len() });
    Ok(tokens)
}

/// The lexer's `_consume_until`: from the opening `delimiter` at `position` to the closing one, `\`
/// escaping the next character; `position` ends after the closing delimiter.
fn consume_until(chars: &[char], position: &mut usize, delimiter: char) -> Result<String, SyntaxError> {
    let start = *position;
    let mut buffer = String::new();
    *position += 1;
    loop {
        match chars.get(*position) {
            Some(&c) if c == delimiter => break,
            Some('\\') => {
                buffer.push('\\');
                *position += 1;
                match chars.get(*position) {
                    Some(&c) => buffer.push(c),
                    None => return Err(unclosed(chars, start, delimiter)),
                }
            }
            Some(&c) => buffer.push(c),
            None => return Err(unclosed(chars, start, delimiter)),
        }
        *position += 1;
    }
    *position += 1;
    Ok(buffer)
}

fn unclosed(_chars: &[char], start: usize, delimiter: char) -> SyntaxError {
    SyntaxError::Lexer { position: start, message: format!("Unclosed {delimiter} delimiter") }
}

/// Python's `str()` of a JSON value as the lexer holds it.
fn python_str(value: &Value) -> String {
    pyrepr::str_with(value, Dicts::Plain)
}

/// `str(int(digits))`: no leading zeros, `-0` is `0`.
fn python_int(digits: &str) -> String {
    let (sign, rest) = digits.strip_prefix('-').map_or(("", digits), |r| ("-", r));
    let trimmed = rest.trim_start_matches('0');
    if trimmed.is_empty() { "0".to_owned() } else { format!("{sign}{trimmed}") }
}

/// What the parser needs to know of a node it built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Field,
    Subexpression,
    IndexExpression,
    Slice,
    Other,
}

/// The Pratt parser of jmespath-python, checking only.
struct Parser {
    tokens: Vec<Token>,
    index: usize,
}

type Parsed = Result<Node, SyntaxError>;

const PROJECTION_STOP: u32 = 10;

impl Parser {
    fn parse(mut self) -> Result<(), SyntaxError> {
        self.expression(0)?;
        if self.current() != Kind::Eof {
            let t = self.token(0).clone();
            return Err(parse_error(&t, format!("Unexpected token: {}", t.value)));
        }
        Ok(())
    }

    fn token(&self, ahead: usize) -> &Token {
        let last = self.tokens.len() - 1;
        &self.tokens[(self.index + ahead).min(last)]
    }

    fn current(&self) -> Kind {
        self.token(0).kind
    }

    fn advance(&mut self) {
        self.index += 1;
    }

    fn expression(&mut self, binding_power: u32) -> Parsed {
        let left_token = self.token(0).clone();
        self.advance();
        let mut left = self.nud(&left_token)?;
        let mut current = self.current();
        while binding_power < current.binding_power() {
            left = match current {
                Kind::Dot
                | Kind::Pipe
                | Kind::Or
                | Kind::And
                | Kind::Lparen
                | Kind::Filter
                | Kind::Eq
                | Kind::Ne
                | Kind::Gt
                | Kind::Gte
                | Kind::Lt
                | Kind::Lte
                | Kind::Flatten
                | Kind::Lbracket => {
                    self.advance();
                    self.led(current, left)?
                }
                _ => return Err(parse_error(&self.token(0).clone(), "invalid token".to_owned())),
            };
            current = self.current();
        }
        Ok(left)
    }

    fn nud(&mut self, token: &Token) -> Parsed {
        match token.kind {
            Kind::Literal | Kind::Current => Ok(Node::Other),
            Kind::UnquotedIdentifier => Ok(Node::Field),
            Kind::QuotedIdentifier => {
                if self.current() == Kind::Lparen {
                    let t = self.token(0).clone();
                    return Err(SyntaxError::Parse {
                        position: 0,
                        value: t.value,
                        kind: t.kind,
                        reason: "Quoted identifier not allowed for function names.".to_owned(),
                    });
                }
                Ok(Node::Field)
            }
            Kind::Star => {
                if self.current() != Kind::Rbracket {
                    self.projection_rhs(Kind::Star.binding_power())?;
                }
                Ok(Node::Other)
            }
            Kind::Filter => self.led(Kind::Filter, Node::Other),
            Kind::Lbrace => self.multi_select_hash(),
            Kind::Lparen => {
                let node = self.expression(0)?;
                self.expect(Kind::Rparen)?;
                Ok(node)
            }
            Kind::Flatten => {
                self.projection_rhs(Kind::Flatten.binding_power())?;
                Ok(Node::Other)
            }
            Kind::Not => {
                self.expression(Kind::Not.binding_power())?;
                Ok(Node::Other)
            }
            Kind::Lbracket => {
                if matches!(self.current(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    self.project_if_slice(right)
                } else if self.current() == Kind::Star && self.token(1).kind == Kind::Rbracket {
                    self.advance();
                    self.advance();
                    self.projection_rhs(Kind::Star.binding_power())?;
                    Ok(Node::Other)
                } else {
                    self.multi_select_list()
                }
            }
            Kind::Expref => {
                self.expression(Kind::Expref.binding_power())?;
                Ok(Node::Other)
            }
            Kind::Eof => Err(SyntaxError::Incomplete),
            _ => Err(parse_error(token, "invalid token".to_owned())),
        }
    }

    fn led(&mut self, kind: Kind, left: Node) -> Parsed {
        match kind {
            Kind::Dot => {
                if self.current() == Kind::Star {
                    self.advance();
                    self.projection_rhs(Kind::Dot.binding_power())?;
                    Ok(Node::Other)
                } else {
                    self.dot_rhs(Kind::Dot.binding_power())?;
                    Ok(Node::Subexpression)
                }
            }
            Kind::Pipe | Kind::Or | Kind::And | Kind::Eq | Kind::Ne | Kind::Gt | Kind::Gte | Kind::Lt | Kind::Lte => {
                self.expression(kind.binding_power())?;
                Ok(Node::Other)
            }
            Kind::Lparen => {
                if left != Node::Field {
                    // `_lookahead_token(-2)`: the token before the `(`.
                    let previous = self.tokens[self.index.saturating_sub(2)].clone();
                    return Err(parse_error(&previous, format!("Invalid function name '{}'", previous.value)));
                }
                while self.current() != Kind::Rparen {
                    self.expression(0)?;
                    if self.current() == Kind::Comma {
                        self.expect(Kind::Comma)?;
                    }
                }
                self.expect(Kind::Rparen)?;
                Ok(Node::Other)
            }
            Kind::Filter => {
                self.expression(0)?;
                self.expect(Kind::Rbracket)?;
                if self.current() != Kind::Flatten {
                    self.projection_rhs(Kind::Filter.binding_power())?;
                }
                Ok(Node::Other)
            }
            Kind::Flatten => {
                self.projection_rhs(Kind::Flatten.binding_power())?;
                Ok(Node::Other)
            }
            Kind::Lbracket => {
                if matches!(self.current(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    if left == Node::IndexExpression { Ok(Node::IndexExpression) } else { self.project_if_slice(right) }
                } else {
                    self.expect(Kind::Star)?;
                    self.expect(Kind::Rbracket)?;
                    self.projection_rhs(Kind::Star.binding_power())?;
                    Ok(Node::Other)
                }
            }
            _ => Err(parse_error(&self.token(0).clone(), "invalid token".to_owned())),
        }
    }

    fn index_expression(&mut self) -> Parsed {
        if self.token(0).kind == Kind::Colon || self.token(1).kind == Kind::Colon {
            return self.slice_expression();
        }
        self.advance();
        self.expect(Kind::Rbracket)?;
        Ok(Node::Other)
    }

    fn slice_expression(&mut self) -> Parsed {
        let mut index = 0;
        let mut current = self.current();
        while current != Kind::Rbracket && index < 3 {
            match current {
                Kind::Colon => {
                    index += 1;
                    if index == 3 {
                        return Err(parse_error(&self.token(0).clone(), "syntax error".to_owned()));
                    }
                    self.advance();
                }
                Kind::Number => self.advance(),
                _ => return Err(parse_error(&self.token(0).clone(), "syntax error".to_owned())),
            }
            current = self.current();
        }
        self.expect(Kind::Rbracket)?;
        Ok(Node::Slice)
    }

    fn project_if_slice(&mut self, right: Node) -> Parsed {
        if right == Node::Slice {
            self.projection_rhs(Kind::Star.binding_power())?;
            Ok(Node::Other)
        } else {
            Ok(Node::IndexExpression)
        }
    }

    fn multi_select_list(&mut self) -> Parsed {
        loop {
            self.expression(0)?;
            if self.current() == Kind::Rbracket {
                break;
            }
            self.expect(Kind::Comma)?;
        }
        self.expect(Kind::Rbracket)?;
        Ok(Node::Other)
    }

    fn multi_select_hash(&mut self) -> Parsed {
        loop {
            self.expect_any(&[Kind::QuotedIdentifier, Kind::UnquotedIdentifier])?;
            self.expect(Kind::Colon)?;
            self.expression(0)?;
            match self.current() {
                Kind::Comma => self.expect(Kind::Comma)?,
                Kind::Rbrace => {
                    self.expect(Kind::Rbrace)?;
                    break;
                }
                _ => {}
            }
        }
        Ok(Node::Other)
    }

    fn projection_rhs(&mut self, binding_power: u32) -> Parsed {
        let current = self.current();
        if current.binding_power() < PROJECTION_STOP {
            Ok(Node::Other)
        } else if matches!(current, Kind::Lbracket | Kind::Filter) {
            self.expression(binding_power)
        } else if current == Kind::Dot {
            self.expect(Kind::Dot)?;
            self.dot_rhs(binding_power)
        } else {
            Err(parse_error(&self.token(0).clone(), "syntax error".to_owned()))
        }
    }

    fn dot_rhs(&mut self, binding_power: u32) -> Parsed {
        match self.current() {
            Kind::QuotedIdentifier | Kind::UnquotedIdentifier | Kind::Star => self.expression(binding_power),
            Kind::Lbracket => {
                self.expect(Kind::Lbracket)?;
                self.multi_select_list()
            }
            Kind::Lbrace => {
                self.expect(Kind::Lbrace)?;
                self.multi_select_hash()
            }
            other => Err(parse_error(
                &self.token(0).clone(),
                format!(
                    "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: {}",
                    other.name()
                ),
            )),
        }
    }

    fn expect(&mut self, kind: Kind) -> Result<(), SyntaxError> {
        if self.current() == kind {
            self.advance();
            Ok(())
        } else {
            Err(self.maybe_eof(kind.name().to_owned()))
        }
    }

    fn expect_any(&mut self, kinds: &[Kind]) -> Result<(), SyntaxError> {
        if !kinds.contains(&self.current()) {
            let names: Vec<String> = kinds.iter().map(|k| pyrepr::repr_str(k.name())).collect();
            return Err(self.maybe_eof(format!("[{}]", names.join(", "))));
        }
        self.advance();
        Ok(())
    }

    /// `_raise_parse_error_maybe_eof`: an incomplete expression at the end, else `Expecting: ...`.
    fn maybe_eof(&self, expected: String) -> SyntaxError {
        let token = self.token(0).clone();
        if token.kind == Kind::Eof {
            return SyntaxError::Incomplete;
        }
        let reason = format!("Expecting: {expected}, got: {}", token.kind.name());
        parse_error(&token, reason)
    }
}

fn parse_error(token: &Token, reason: String) -> SyntaxError {
    SyntaxError::Parse { position: token.start, value: token.value.clone(), kind: token.kind, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_expressions_pass() {
        for expression in [
            "foo",
            "foo.bar",
            "foo[0]",
            "foo[1:2]",
            "foo[*].bar",
            "foo[?a == `1`]",
            "{a: b, c: d}",
            "[a, b]",
            "length(foo)",
            "foo.bar(a)",
            "`{bad json`",
            "@",
            "foo || bar && !baz",
            "sort_by(@, &a)",
            "foo[]",
            "\"a b\"",
            "CodeDeliveryDetails.DeliveryMedium",
        ] {
            assert!(check(expression).is_ok(), "{expression}");
        }
    }

    #[test]
    fn an_unterminated_escape_is_an_unclosed_delimiter() {
        assert_eq!(check("'a\\").expect_err("unclosed"), "Bad jmespath expression: Unclosed ' delimiter:\n'a\\\n^");
    }

    #[test]
    fn deprecated_literals_are_rewritten_as_json_strings() {
        assert_eq!(check("foo"), Ok(None));
        assert_eq!(check("`{bad json`"), Ok(Some("`\"{bad json\"`".to_owned())));
        assert_eq!(check("a == `b c` || `1`"), Ok(Some("a == `\"b c\"` || `1`".to_owned())));
    }

    #[test]
    fn numbers_print_as_python_ints() {
        assert_eq!(python_int("007"), "7");
        assert_eq!(python_int("-0"), "0");
        assert_eq!(python_int("-12"), "-12");
    }
}
