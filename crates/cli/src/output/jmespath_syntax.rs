//! jmespath-python 1.1's lexer and parser (the JMESPath of AWS CLI v1), ported: a valid `--query` becomes
//! the same syntax tree as there ([`Node`], which the interpreter walks), and an invalid one gets its words:
//! `Invalid jmespath expression: Incomplete expression:` with the expression and a caret,
//! `Bad jmespath expression: ...`, or `<reason>: Parse error at column N, token "X" (TYPE), for expression: ...`.

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

/// A token: its type, its value as Python's `%s` shows it, and where it starts (in characters); a literal
/// also has its value, a number its value saturated to `i64`.
#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    value: String,
    start: usize,
    literal: Option<Value>,
    number: i64,
}

/// Why an expression is not valid, in jmespath-python's words (`str()` of its exception).
#[derive(Debug)]
enum SyntaxError {
    Empty,
    Lexer {
        position: usize,
        message: String,
    },
    Incomplete,
    Parse {
        position: usize,
        value: String,
        kind: Kind,
        reason: String,
    },
    /// Nested deeper than [`MAX_NESTING`].
    Recursion,
}

/// How deeply expressions may nest, in the parser and in the interpreter. Python's recursion limit stops
/// jmespath-python somewhere between about 250 and 500 levels, depending on the construct and on whether parsing
/// or evaluation runs out of it; we stop at one depth, which keeps both (recursive) far from the end of their
/// stack (README, "Differences from AWS CLI v1").
pub(crate) const MAX_NESTING: usize = 500;

/// `expression` parsed as AWS CLI v1 parses `--query`, into jmespath-python's tree; `Err` holds what AWS CLI v1
/// prints after `Bad value for --query <expression>: `.
pub(crate) fn parse(expression: &str) -> Result<Node, String> {
    let chars: Vec<char> = expression.chars().collect();
    let result = tokenize(&chars).and_then(|tokens| Parser { tokens, index: 0, depth: 0 }.parse());
    result.map_err(|error| match error {
        SyntaxError::Empty => "Invalid JMESPath expression: cannot be empty.".to_owned(),
        SyntaxError::Recursion => "maximum recursion depth exceeded".to_owned(),
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

/// The lexer's `tokenize`, with its `_next` that stays on the last character at the end.
fn tokenize(chars: &[char]) -> Result<Vec<Token>, SyntaxError> {
    if chars.is_empty() {
        return Err(SyntaxError::Empty);
    }
    let text = |from: usize, to: usize| chars[from..to.min(chars.len())].iter().collect::<String>();
    let mut tokens = Vec::new();
    let mut position = 0;
    let token = |kind, value: String, start| Token { kind, value, start, literal: None, number: 0 };
    while position < chars.len() {
        let c = chars[position];
        let next = chars.get(position + 1).copied();
        if let Some(kind) = simple(c) {
            tokens.push(token(kind, c.to_string(), position));
            position += 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = position;
            while position < chars.len() && (chars[position].is_ascii_alphanumeric() || chars[position] == '_') {
                position += 1;
            }
            tokens.push(token(Kind::UnquotedIdentifier, text(start, position), start));
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            position += 1;
        } else if c == '[' {
            let (kind, value, width) = match next {
                Some(']') => (Kind::Flatten, "[]", 2),
                Some('?') => (Kind::Filter, "[?", 2),
                _ => (Kind::Lbracket, "[", 1),
            };
            tokens.push(token(kind, value.to_owned(), position));
            position += width;
        } else if c == '\'' {
            let start = position;
            let lexeme = consume_until(chars, &mut position, '\'')?.replace("\\'", "'");
            tokens.push(token(Kind::Literal, lexeme.clone(), start).with_literal(Value::String(lexeme)));
        } else if c == '`' {
            let start = position;
            let lexeme = consume_until(chars, &mut position, '`')?.replace("\\`", "`");
            let value = match pyjson::loads(&lexeme, pyjson::PARAMETER_MAX_DEPTH) {
                Ok(value) => value,
                // JEP-12's deprecated form: an invalid JSON value is taken as a JSON string.
                Err(_) => pyjson::loads(&format!("\"{}\"", lexeme.trim_start()), pyjson::PARAMETER_MAX_DEPTH)
                    .map_err(|_| SyntaxError::Lexer { position: start, message: format!("Bad token {lexeme}") })?,
            };
            tokens.push(token(Kind::Literal, python_str(&value), start).with_literal(value));
        } else if c == '"' {
            let start = position;
            let lexeme = format!("\"{}\"", consume_until(chars, &mut position, '"')?);
            match pyjson::loads(&lexeme, pyjson::PARAMETER_MAX_DEPTH) {
                Ok(value) => tokens.push(token(Kind::QuotedIdentifier, python_str(&value), start)),
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
            let value = python_int(&digits);
            let number = saturated(&value);
            tokens.push(Token { number, ..token(Kind::Number, value, start) });
        } else if c == '|' || c == '&' || c == '<' || c == '>' || c == '!' {
            let (expected, matched, other) = match c {
                '|' => ('|', Kind::Or, Kind::Pipe),
                '&' => ('&', Kind::And, Kind::Expref),
                '<' => ('=', Kind::Lte, Kind::Lt),
                '>' => ('=', Kind::Gte, Kind::Gt),
                _ => ('=', Kind::Ne, Kind::Not),
            };
            if next == Some(expected) {
                tokens.push(token(matched, format!("{c}{expected}"), position));
                position += 2;
            } else {
                tokens.push(token(other, c.to_string(), position));
                position += 1;
            }
        } else if c == '=' {
            if next == Some('=') {
                tokens.push(token(Kind::Eq, "==".to_owned(), position));
                position += 2;
            } else {
                return Err(SyntaxError::Lexer { position, message: "Unknown token '='".to_owned() });
            }
        } else {
            return Err(SyntaxError::Lexer { position, message: format!("Unknown token {c}") });
        }
    }
    tokens.push(token(Kind::Eof, String::new(), chars.len()));
    Ok(tokens)
}

impl Token {
    fn with_literal(self, value: Value) -> Token {
        Token { literal: Some(value), ..self }
    }
}

/// An `int` of the lexer (decimal digits, maybe a `-`) as Python's slices and indexes use it: clamped to `i64`.
fn saturated(digits: &str) -> i64 {
    digits.parse().unwrap_or(if digits.starts_with('-') { i64::MIN } else { i64::MAX })
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

/// A comparison operator (`comparator` nodes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comparator {
    Eq,
    Ne,
    Lt,
    Gt,
    Lte,
    Gte,
}

impl Comparator {
    /// Python's symbol for the operator, as its `TypeError` messages show it.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "==",
            Comparator::Ne => "!=",
            Comparator::Lt => "<",
            Comparator::Gt => ">",
            Comparator::Lte => "<=",
            Comparator::Gte => ">=",
        }
    }
}

/// A node of jmespath-python's syntax tree (`jmespath/ast.py`), one variant per node type, with the
/// children in the same order.
#[derive(Debug)]
pub(crate) enum Node {
    Comparator {
        op: Comparator,
        left: Box<Node>,
        right: Box<Node>,
    },
    Current,
    Expref(Box<Node>),
    Function {
        name: String,
        args: Vec<Node>,
    },
    Field(String),
    FilterProjection {
        left: Box<Node>,
        right: Box<Node>,
        condition: Box<Node>,
    },
    Flatten(Box<Node>),
    Identity,
    /// An index, saturated to `i64` (Python's `IndexError` for a larger one and an index out of range are
    /// the same `None`).
    Index(i64),
    IndexExpression(Vec<Node>),
    /// A literal, as Python's `json.loads` (or the raw string literal) made it, with its special values
    /// ([`crate::python::pyvalue`]).
    Literal(Value),
    /// A multi-select hash: its keys and expressions, in the expression's order.
    MultiSelectDict(Vec<(String, Node)>),
    MultiSelectList(Vec<Node>),
    Or(Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Pipe(Box<Node>, Box<Node>),
    Projection(Box<Node>, Box<Node>),
    Subexpression(Vec<Node>),
    /// `[start:stop:step]`, each saturated to `i64` as Python's slices clamp them.
    Slice([Option<i64>; 3]),
    ValueProjection(Box<Node>, Box<Node>),
}

/// The Pratt parser of jmespath-python (`jmespath/parser.py`).
struct Parser {
    tokens: Vec<Token>,
    index: usize,
    /// How many `expression` calls are under way.
    depth: usize,
}

type Parsed = Result<Node, SyntaxError>;

const PROJECTION_STOP: u32 = 10;

fn boxed(node: Node) -> Box<Node> {
    Box::new(node)
}

impl Parser {
    fn parse(mut self) -> Parsed {
        let parsed = self.expression(0)?;
        if self.current() != Kind::Eof {
            let t = self.token(0).clone();
            return Err(parse_error(&t, format!("Unexpected token: {}", t.value)));
        }
        Ok(parsed)
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
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(SyntaxError::Recursion);
        }
        let parsed = self.expression_at_depth(binding_power);
        self.depth -= 1;
        parsed
    }

    fn expression_at_depth(&mut self, binding_power: u32) -> Parsed {
        let left_token = self.token(0).clone();
        self.advance();
        let mut left = self.nud(left_token)?;
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

    fn nud(&mut self, token: Token) -> Parsed {
        match token.kind {
            Kind::Literal => Ok(Node::Literal(token.literal.unwrap_or(Value::Null))),
            Kind::Current => Ok(Node::Current),
            Kind::UnquotedIdentifier => Ok(Node::Field(token.value)),
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
                Ok(Node::Field(token.value))
            }
            Kind::Star => {
                let right =
                    if self.current() == Kind::Rbracket { Node::Identity } else { self.projection_rhs(Kind::Star)? };
                Ok(Node::ValueProjection(boxed(Node::Identity), boxed(right)))
            }
            Kind::Filter => self.led(Kind::Filter, Node::Identity),
            Kind::Lbrace => self.multi_select_hash(),
            Kind::Lparen => {
                let node = self.expression(0)?;
                self.expect(Kind::Rparen)?;
                Ok(node)
            }
            Kind::Flatten => {
                let right = self.projection_rhs(Kind::Flatten)?;
                Ok(Node::Projection(boxed(Node::Flatten(boxed(Node::Identity))), boxed(right)))
            }
            Kind::Not => Ok(Node::Not(boxed(self.expression(Kind::Not.binding_power())?))),
            Kind::Lbracket => {
                if matches!(self.current(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    self.project_if_slice(Node::Identity, right)
                } else if self.current() == Kind::Star && self.token(1).kind == Kind::Rbracket {
                    self.advance();
                    self.advance();
                    let right = self.projection_rhs(Kind::Star)?;
                    Ok(Node::Projection(boxed(Node::Identity), boxed(right)))
                } else {
                    self.multi_select_list()
                }
            }
            Kind::Expref => Ok(Node::Expref(boxed(self.expression(Kind::Expref.binding_power())?))),
            Kind::Eof => Err(SyntaxError::Incomplete),
            _ => Err(parse_error(&token, "invalid token".to_owned())),
        }
    }

    fn led(&mut self, kind: Kind, left: Node) -> Parsed {
        match kind {
            Kind::Dot => {
                if self.current() == Kind::Star {
                    self.advance();
                    let right = self.projection_rhs(Kind::Dot)?;
                    Ok(Node::ValueProjection(boxed(left), boxed(right)))
                } else {
                    let right = self.dot_rhs(Kind::Dot.binding_power())?;
                    match left {
                        Node::Subexpression(mut children) => {
                            children.push(right);
                            Ok(Node::Subexpression(children))
                        }
                        other => Ok(Node::Subexpression(vec![other, right])),
                    }
                }
            }
            Kind::Pipe => Ok(Node::Pipe(boxed(left), boxed(self.expression(kind.binding_power())?))),
            Kind::Or => Ok(Node::Or(boxed(left), boxed(self.expression(kind.binding_power())?))),
            Kind::And => Ok(Node::And(boxed(left), boxed(self.expression(kind.binding_power())?))),
            Kind::Eq | Kind::Ne | Kind::Gt | Kind::Gte | Kind::Lt | Kind::Lte => {
                let op = match kind {
                    Kind::Eq => Comparator::Eq,
                    Kind::Ne => Comparator::Ne,
                    Kind::Gt => Comparator::Gt,
                    Kind::Gte => Comparator::Gte,
                    Kind::Lt => Comparator::Lt,
                    _ => Comparator::Lte,
                };
                let right = self.expression(kind.binding_power())?;
                Ok(Node::Comparator { op, left: boxed(left), right: boxed(right) })
            }
            Kind::Lparen => {
                let Node::Field(name) = left else {
                    // `_lookahead_token(-2)`: the token before the `(`.
                    let previous = self.tokens[self.index.saturating_sub(2)].clone();
                    return Err(parse_error(&previous, format!("Invalid function name '{}'", previous.value)));
                };
                let mut args = Vec::new();
                while self.current() != Kind::Rparen {
                    let expression = self.expression(0)?;
                    if self.current() == Kind::Comma {
                        self.expect(Kind::Comma)?;
                    }
                    args.push(expression);
                }
                self.expect(Kind::Rparen)?;
                Ok(Node::Function { name, args })
            }
            Kind::Filter => {
                let condition = self.expression(0)?;
                self.expect(Kind::Rbracket)?;
                let right =
                    if self.current() == Kind::Flatten { Node::Identity } else { self.projection_rhs(Kind::Filter)? };
                Ok(Node::FilterProjection { left: boxed(left), right: boxed(right), condition: boxed(condition) })
            }
            Kind::Flatten => {
                let right = self.projection_rhs(Kind::Flatten)?;
                Ok(Node::Projection(boxed(Node::Flatten(boxed(left))), boxed(right)))
            }
            Kind::Lbracket => {
                if matches!(self.current(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    match left {
                        Node::IndexExpression(mut children) => {
                            children.push(right);
                            Ok(Node::IndexExpression(children))
                        }
                        other => self.project_if_slice(other, right),
                    }
                } else {
                    self.expect(Kind::Star)?;
                    self.expect(Kind::Rbracket)?;
                    let right = self.projection_rhs(Kind::Star)?;
                    Ok(Node::Projection(boxed(left), boxed(right)))
                }
            }
            _ => Err(parse_error(&self.token(0).clone(), "invalid token".to_owned())),
        }
    }

    fn index_expression(&mut self) -> Parsed {
        if self.token(0).kind == Kind::Colon || self.token(1).kind == Kind::Colon {
            return self.slice_expression();
        }
        let index = self.token(0).number;
        self.advance();
        self.expect(Kind::Rbracket)?;
        Ok(Node::Index(index))
    }

    fn slice_expression(&mut self) -> Parsed {
        let mut parts = [None; 3];
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
                Kind::Number => {
                    parts[index] = Some(self.token(0).number);
                    self.advance();
                }
                _ => return Err(parse_error(&self.token(0).clone(), "syntax error".to_owned())),
            }
            current = self.current();
        }
        self.expect(Kind::Rbracket)?;
        Ok(Node::Slice(parts))
    }

    fn project_if_slice(&mut self, left: Node, right: Node) -> Parsed {
        let is_slice = matches!(right, Node::Slice(_));
        let index_expression = Node::IndexExpression(vec![left, right]);
        if is_slice {
            let rhs = self.projection_rhs(Kind::Star)?;
            Ok(Node::Projection(boxed(index_expression), boxed(rhs)))
        } else {
            Ok(index_expression)
        }
    }

    fn multi_select_list(&mut self) -> Parsed {
        let mut expressions = Vec::new();
        loop {
            expressions.push(self.expression(0)?);
            if self.current() == Kind::Rbracket {
                break;
            }
            self.expect(Kind::Comma)?;
        }
        self.expect(Kind::Rbracket)?;
        Ok(Node::MultiSelectList(expressions))
    }

    fn multi_select_hash(&mut self) -> Parsed {
        let mut pairs = Vec::new();
        loop {
            let key = self.token(0).value.clone();
            self.expect_any(&[Kind::QuotedIdentifier, Kind::UnquotedIdentifier])?;
            self.expect(Kind::Colon)?;
            let value = self.expression(0)?;
            pairs.push((key, value));
            match self.current() {
                Kind::Comma => self.expect(Kind::Comma)?,
                Kind::Rbrace => {
                    self.expect(Kind::Rbrace)?;
                    break;
                }
                _ => {}
            }
        }
        Ok(Node::MultiSelectDict(pairs))
    }

    /// `_parse_projection_rhs`, with the binding power of `kind`.
    fn projection_rhs(&mut self, kind: Kind) -> Parsed {
        let binding_power = kind.binding_power();
        let current = self.current();
        if current.binding_power() < PROJECTION_STOP {
            Ok(Node::Identity)
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

    fn tree(expression: &str) -> String {
        format!("{:?}", parse(expression).expect("valid"))
    }

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
            assert!(parse(expression).is_ok(), "{expression}");
        }
    }

    #[test]
    fn an_unterminated_escape_is_an_unclosed_delimiter() {
        assert_eq!(parse("'a\\").expect_err("unclosed"), "Bad jmespath expression: Unclosed ' delimiter:\n'a\\\n^");
    }

    #[test]
    fn nesting_is_limited() {
        let nested = |n: usize, open: &str, close: &str| format!("{}a{}", open.repeat(n), close.repeat(n));
        for (open, close) in [("(", ")"), ("[", "]"), ("{a:", "}"), ("!", ""), ("& ", ""), ("f(", ")")] {
            let (ok, deep) = (nested(MAX_NESTING - 1, open, close), nested(MAX_NESTING, open, close));
            // As the query runs it: on a thread with room for MAX_NESTING levels.
            let (ok, deep) = std::thread::scope(|scope| {
                let parsed = std::thread::Builder::new()
                    .stack_size(crate::output::query::STACK_SIZE)
                    .spawn_scoped(scope, || (parse(&ok).map(drop), parse(&deep).map(drop)))
                    .expect("a thread");
                parsed.join().expect("no panic")
            });
            assert_eq!(ok, Ok(()), "{open}");
            assert_eq!(deep, Err("maximum recursion depth exceeded".to_owned()), "{open}");
        }
    }

    #[test]
    fn the_tree_is_jmespath_pythons() {
        // As `jmespath.compile(...).parsed` shows them.
        assert_eq!(tree("a.b.c"), r#"Subexpression([Field("a"), Field("b"), Field("c")])"#);
        assert_eq!(tree("a[0][1]"), "IndexExpression([Field(\"a\"), Index(0), Index(1)])");
        assert_eq!(
            tree("a[1:].b"),
            r#"Projection(IndexExpression([Field("a"), Slice([Some(1), None, None])]), Field("b"))"#
        );
        assert_eq!(tree("*"), "ValueProjection(Identity, Identity)");
        assert_eq!(tree("[?a]"), "FilterProjection { left: Identity, right: Identity, condition: Field(\"a\") }");
        assert_eq!(tree("f(a b)"), r#"Function { name: "f", args: [Field("a"), Field("b")] }"#);
        assert_eq!(tree("a[99999999999999999999]"), format!("IndexExpression([Field(\"a\"), Index({})])", i64::MAX));
    }

    #[test]
    fn literals_hold_their_values() {
        assert_eq!(tree("`{bad json`"), r#"Literal(String("{bad json"))"#);
        assert_eq!(tree("'it\\'s'"), r#"Literal(String("it's"))"#);
        assert_eq!(tree("`[1, 2.5]`"), "Literal(Array [Number(1), Number(2.5)])");
    }

    #[test]
    fn numbers_print_as_python_ints() {
        assert_eq!(python_int("007"), "7");
        assert_eq!(python_int("-0"), "0");
        assert_eq!(python_int("-12"), "-12");
    }
}
