//! proptest strategies derived from the `contract` tables at run time: valid values of a shape, and
//! invalid values that break exactly one constraint, with the constraint they break.
//!
//! Nothing about the operation is typed in here: lengths, patterns, enum values, required members and the
//! shape tree all come from [`cognito_idp_client::contract`]. Valid strings take lengths from the
//! minimum to the maximum, leaning toward both ends, with characters from the classes the pattern allows
//! (astral characters and combining marks included, see [`crate::pattern`]); optional members are present
//! or absent; maps hold from no key to many.

use std::fmt;
use std::ops::RangeInclusive;

use cognito_idp_client::model::{MapShape, Shape, ShapeKind, StringShape, StructureShape};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use serde_json::{Map, Value};

use crate::pattern::{self, CharClass};

/// The length used as the maximum of strings whose shape has none.
pub const UNBOUNDED_MAX: u64 = 1024;

/// Strings longer than this are a random run of characters repeated to length, which keeps the cost of
/// generating (and shrinking) a maximum-length `StringType` (131,072 characters) small.
const LITERAL_LIMIT: usize = 256;

/// Why a shape has no strategy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyError(pub String);

impl fmt::Display for StrategyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StrategyError {}

impl From<pattern::PatternError> for StrategyError {
    fn from(error: pattern::PatternError) -> Self {
        Self(error.to_string())
    }
}

/// The result type of this module.
pub type Result<T> = std::result::Result<T, StrategyError>;

/// One step of a path from a shape to a value inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A structure's member.
    Member(&'static str),
    /// A key of a map.
    MapKey,
    /// A value of a map.
    MapValue,
}

/// The constraint an invalid value breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// Shorter than the minimum length.
    TooShort(u64),
    /// Longer than the maximum length.
    TooLong(u64),
    /// A character outside the pattern.
    OutsidePattern(&'static str),
    /// A value outside the enum.
    NotInEnum,
    /// A required member is missing.
    MissingRequired(&'static str),
    /// A JSON value of the wrong type (a number for a string, a string for a structure).
    WrongType,
}

/// Where a value breaks which constraint.
#[derive(Clone, Debug)]
pub struct Site {
    /// The path from the root shape.
    pub path: Vec<Step>,
    /// The shape at the end of the path.
    pub shape: &'static Shape,
    /// The broken constraint.
    pub constraint: Constraint,
}

impl PartialEq for Site {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.shape.name == other.shape.name && self.constraint == other.constraint
    }
}

impl Eq for Site {}

impl Site {
    /// Whether the broken constraint is one of a string value (length, pattern, enum).
    pub fn is_string_constraint(&self) -> bool {
        matches!(
            self.constraint,
            Constraint::TooShort(_) | Constraint::TooLong(_) | Constraint::OutsidePattern(_) | Constraint::NotInEnum
        )
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): ", path_text(&self.path), self.shape.name)?;
        match &self.constraint {
            Constraint::TooShort(min) => write!(f, "shorter than {min} characters"),
            Constraint::TooLong(max) => write!(f, "longer than {max} characters"),
            Constraint::OutsidePattern(pattern) => write!(f, "a character outside {pattern}"),
            Constraint::NotInEnum => write!(f, "a value outside the enum"),
            Constraint::MissingRequired(member) => write!(f, "required member {member} missing"),
            Constraint::WrongType => write!(f, "a JSON value of the wrong type"),
        }
    }
}

/// `$.UserContextData.IpAddress`, `$.ClientMetadata{key}`, `$.ClientMetadata{value}`.
pub fn path_text(path: &[Step]) -> String {
    let mut text = String::from("$");
    for step in path {
        match step {
            Step::Member(name) => {
                text.push('.');
                text.push_str(name);
            }
            Step::MapKey => text.push_str("{key}"),
            Step::MapValue => text.push_str("{value}"),
        }
    }
    text
}

fn string_kind(shape: &'static Shape) -> Option<&'static StringShape> {
    match &shape.kind {
        ShapeKind::String(s) => Some(s),
        _ => None,
    }
}

/// The pattern of a string shape, parsed.
pub fn class_of(shape: &StringShape) -> Result<Option<CharClass>> {
    shape.pattern.map(pattern::parse).transpose().map_err(StrategyError::from)
}

/// The lengths a valid string of the shape may have: `(min, max)`.
pub fn length_bounds(shape: &StringShape, class: Option<&CharClass>) -> Result<(usize, usize)> {
    let floor = usize::from(class.is_some_and(|c| !c.allows_empty));
    let min = usize::try_from(shape.min.unwrap_or(0)).map_err(|e| StrategyError(e.to_string()))?.max(floor);
    let max = usize::try_from(shape.max.unwrap_or(UNBOUNDED_MAX)).map_err(|e| StrategyError(e.to_string()))?;
    if max < min {
        return Err(StrategyError(format!("a string shape whose maximum length {max} is below its minimum {min}")));
    }
    Ok((min, max))
}

/// Weighted ranges of lengths from `min` to `max`, leaning toward both ends and toward short strings,
/// the shortest first (shrinking moves toward earlier ranges). For very long maximums (`StringType`'s
/// 131,072) the maximum and its neighbours are one draw in fifty and middling lengths one in fifty: a
/// run of 256 cases still reaches the maximum several times, and stays fast.
fn lengths(min: usize, max: usize) -> Vec<(u32, RangeInclusive<usize>)> {
    const HUGE: usize = 4096;
    let near_max = max.saturating_sub(4).max(min)..=max;
    if max <= HUGE {
        vec![(8, min..=min), (16, min..=max.min(min + 8)), (12, min..=max.min(64)), (4, near_max), (4, max..=max)]
    } else {
        vec![
            (24, min..=min),
            (48, min..=min + 8),
            (24, min..=min.max(64)),
            (2, min..=HUGE),
            (1, near_max),
            (1, max..=max),
        ]
    }
}

/// Strings of lengths in `range`, characters from `chars`. Up to [`LITERAL_LIMIT`] characters each is
/// drawn (and shrinks by dropping characters); longer ones are a run of up to 32 characters repeated to
/// the length.
fn string_in(chars: BoxedStrategy<char>, range: RangeInclusive<usize>) -> BoxedStrategy<String> {
    if *range.end() <= LITERAL_LIMIT {
        vec(chars, range).prop_map(String::from_iter).boxed()
    } else {
        (vec(chars, 1..=32), range).prop_map(|(run, len)| repeat_to(&run, len)).boxed()
    }
}

/// `run` repeated to exactly `len` characters, by whole copies of the run's text.
fn repeat_to(run: &[char], len: usize) -> String {
    let Some(count) = len.checked_div(run.len()) else { return String::new() };
    let text: String = run.iter().collect();
    let mut out = String::with_capacity(text.len() * (count + 1));
    for _ in 0..count {
        out.push_str(&text);
    }
    out.extend(run.iter().take(len % run.len()));
    out
}

/// Strings with lengths from the weighted ranges, characters from `chars`.
fn strings(chars: BoxedStrategy<char>, ranges: Vec<(u32, RangeInclusive<usize>)>) -> BoxedStrategy<String> {
    Union::new_weighted(ranges.into_iter().map(|(weight, range)| (weight, string_in(chars.clone(), range))).collect())
        .boxed()
}

fn chars_of(class: Option<&CharClass>) -> BoxedStrategy<char> {
    class.map_or_else(pattern::any_char, CharClass::strategy)
}

/// Valid strings of a string shape.
pub fn valid_string(shape: &StringShape) -> Result<BoxedStrategy<String>> {
    if !shape.enum_values.is_empty() {
        let values: Vec<String> = shape.enum_values.iter().map(|v| (*v).to_owned()).collect();
        return Ok(select(values).boxed());
    }
    let class = class_of(shape)?;
    let (min, max) = length_bounds(shape, class.as_ref())?;
    Ok(strings(chars_of(class.as_ref()), lengths(min, max)))
}

/// Valid values of `shape`, as the JSON a request or response carries.
pub fn valid(shape: &'static Shape) -> Result<BoxedStrategy<Value>> {
    valid_at(shape, 0)
}

const MAX_DEPTH: usize = 16;

fn valid_at(shape: &'static Shape, depth: usize) -> Result<BoxedStrategy<Value>> {
    if depth > MAX_DEPTH {
        return Err(StrategyError(format!("shape {} nests deeper than {MAX_DEPTH} levels", shape.name)));
    }
    Ok(match &shape.kind {
        ShapeKind::String(s) => valid_string(s)?.prop_map(Value::String).boxed(),
        ShapeKind::Structure(s) => structure(s, None, depth)?,
        ShapeKind::Map(m) => map(m, None, depth)?,
    })
}

/// A structure whose members are valid (optional ones present or absent), except `broken`, which is
/// always present with the values of the given strategy.
fn structure(
    shape: &'static StructureShape,
    broken: Option<(&'static str, BoxedStrategy<Value>)>,
    depth: usize,
) -> Result<BoxedStrategy<Value>> {
    let mut members: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = Vec::new();
    for member in shape.members {
        let name = member.name;
        let value = match &broken {
            Some((broken_name, strategy)) if *broken_name == name => {
                members.push(strategy.clone().prop_map(move |v| Some((name, v))).boxed());
                continue;
            }
            _ => valid_at(member.shape, depth + 1)?,
        };
        let present = value.prop_map(move |v| Some((name, v)));
        if shape.required.contains(&name) {
            members.push(present.boxed());
        } else {
            members.push(prop_oneof![Just(None), present].boxed());
        }
    }
    Ok(members
        .prop_map(|pairs| Value::Object(pairs.into_iter().flatten().map(|(k, v)| (k.to_owned(), v)).collect()))
        .boxed())
}

/// How many keys a generated map has: often none or a few, sometimes many.
fn map_sizes() -> BoxedStrategy<usize> {
    prop_oneof![2 => Just(0usize), 4 => 1usize..=3, 1 => 4usize..=16].boxed()
}

/// A map of valid entries, plus one entry with a broken key or value when `broken` says so.
fn map(
    shape: &'static MapShape,
    broken: Option<(Step, BoxedStrategy<Value>)>,
    depth: usize,
) -> Result<BoxedStrategy<Value>> {
    let key = valid_at(shape.key, depth + 1)?;
    let value = valid_at(shape.value, depth + 1)?;
    let entries = map_sizes().prop_flat_map({
        let (key, value) = (key.clone(), value.clone());
        move |n| vec((key.clone(), value.clone()), n)
    });
    let extra: BoxedStrategy<Option<(Value, Value)>> = match broken {
        None => Just(None).boxed(),
        Some((Step::MapKey, bad)) => (bad, value).prop_map(|(k, v)| Some((k, v))).boxed(),
        Some((_, bad)) => (key, bad).prop_map(|(k, v)| Some((k, v))).boxed(),
    };
    Ok((entries, extra)
        .prop_map(|(entries, extra)| {
            let mut object = Map::new();
            for (k, v) in entries.into_iter().chain(extra) {
                if let Value::String(k) = k {
                    object.insert(k, v);
                }
            }
            Value::Object(object)
        })
        .boxed())
}

/// Every place where a value of `shape` can break one constraint, in model order.
pub fn sites(shape: &'static Shape) -> Vec<Site> {
    let mut out = Vec::new();
    walk(shape, &mut Vec::new(), &mut out, 0);
    out
}

fn walk(shape: &'static Shape, path: &mut Vec<Step>, out: &mut Vec<Site>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut site = |constraint| out.push(Site { path: path.clone(), shape, constraint });
    match &shape.kind {
        ShapeKind::String(s) => {
            if s.min.is_some_and(|m| m > 0) {
                site(Constraint::TooShort(s.min.unwrap_or(0)));
            }
            if let Some(max) = s.max {
                site(Constraint::TooLong(max));
            }
            if let Some(p) = s.pattern {
                site(Constraint::OutsidePattern(p));
            }
            if !s.enum_values.is_empty() {
                site(Constraint::NotInEnum);
            }
        }
        ShapeKind::Structure(s) => {
            for required in s.required {
                site(Constraint::MissingRequired(required));
            }
            for member in s.members {
                path.push(Step::Member(member.name));
                out.push(Site { path: path.clone(), shape: member.shape, constraint: Constraint::WrongType });
                walk(member.shape, path, out, depth + 1);
                path.pop();
            }
        }
        ShapeKind::Map(m) => {
            path.push(Step::MapKey);
            walk(m.key, path, out, depth + 1);
            path.pop();
            path.push(Step::MapValue);
            out.push(Site { path: path.clone(), shape: m.value, constraint: Constraint::WrongType });
            walk(m.value, path, out, depth + 1);
            path.pop();
        }
    }
}

/// An invalid value of `shape` with the site it breaks and, for string constraints, the offending string.
pub type Invalid = (Value, Site, Option<String>);

/// Invalid values of `shape`: each breaks exactly one constraint, every site of [`sites`] equally likely.
pub fn invalid(shape: &'static Shape) -> Result<BoxedStrategy<Invalid>> {
    let mut per_site = Vec::new();
    for site in sites(shape) {
        let strategy = invalid_at(shape, &site.path, &site.constraint, 0)?;
        let site = site.clone();
        per_site.push(strategy.prop_map(move |(value, leaf)| (value, site.clone(), leaf)).boxed());
    }
    if per_site.is_empty() {
        return Err(StrategyError(format!("shape {} has no constraint to break", shape.name)));
    }
    Ok(Union::new(per_site).boxed())
}

type Broken = BoxedStrategy<(Value, Option<String>)>;

fn invalid_at(shape: &'static Shape, path: &[Step], constraint: &Constraint, depth: usize) -> Result<Broken> {
    let Some((step, rest)) = path.split_first() else { return broken_here(shape, constraint, depth) };
    let inner_shape = match (&shape.kind, step) {
        (ShapeKind::Structure(s), Step::Member(name)) => s
            .members
            .iter()
            .find(|m| m.name == *name)
            .map(|m| m.shape)
            .ok_or_else(|| StrategyError(format!("{} has no member {name}", shape.name)))?,
        (ShapeKind::Map(m), Step::MapKey) => m.key,
        (ShapeKind::Map(m), Step::MapValue) => m.value,
        _ => return Err(StrategyError(format!("the path step {step:?} does not fit shape {}", shape.name))),
    };
    // The offending string travels beside the value: the inner strategy yields both, and the containers
    // around the broken value are built from its value half.
    let inner = invalid_at(inner_shape, rest, constraint, depth + 1)?;
    let step = step.clone();
    let outer = move |bad: Value| -> Result<BoxedStrategy<Value>> {
        let bad = Just(bad).boxed();
        match (&shape.kind, &step) {
            (ShapeKind::Structure(s), Step::Member(name)) => structure(s, Some((name, bad)), depth),
            (ShapeKind::Map(m), step) => map(m, Some((step.clone(), bad)), depth),
            _ => Err(StrategyError(format!("the path step {step:?} does not fit shape {}", shape.name))),
        }
    };
    // Check once that the outer strategy can be built, so that the flat map below cannot fail.
    let _ = outer(Value::Null)?;
    Ok(inner
        .prop_flat_map(move |(bad, leaf)| match outer(bad) {
            Ok(strategy) => strategy.prop_map(move |v| (v, leaf.clone())).boxed(),
            Err(_) => Just((Value::Null, leaf)).boxed(),
        })
        .boxed())
}

/// A value of `shape` itself that breaks `constraint`.
fn broken_here(shape: &'static Shape, constraint: &Constraint, depth: usize) -> Result<Broken> {
    let with_leaf = |s: BoxedStrategy<String>| s.prop_map(|text| (Value::String(text.clone()), Some(text))).boxed();
    match (constraint, &shape.kind) {
        (Constraint::WrongType, kind) => {
            let wrong = match kind {
                ShapeKind::String(_) => prop_oneof![
                    any::<i64>().prop_map(Value::from),
                    any::<bool>().prop_map(Value::Bool),
                    Just(Value::Array(Vec::new())),
                    Just(Value::Object(Map::new())),
                ]
                .boxed(),
                _ => prop_oneof![
                    "[a-z]{0,8}".prop_map(Value::String),
                    any::<i64>().prop_map(Value::from),
                    Just(Value::Array(Vec::new())),
                ]
                .boxed(),
            };
            Ok(wrong.prop_map(|v| (v, None)).boxed())
        }
        (Constraint::MissingRequired(member), ShapeKind::Structure(_)) => {
            let member = *member;
            Ok(valid_at(shape, depth)?
                .prop_map(move |mut v| {
                    if let Value::Object(object) = &mut v {
                        object.shift_remove(member);
                    }
                    (v, None)
                })
                .boxed())
        }
        (_, ShapeKind::String(s)) => {
            let class = class_of(s)?;
            let (min, max) = length_bounds(s, class.as_ref())?;
            let chars = chars_of(class.as_ref());
            match constraint {
                Constraint::TooShort(_) => Ok(with_leaf(string_in(chars, 0..=min.saturating_sub(1)))),
                Constraint::TooLong(_) => Ok(with_leaf(string_in(chars, max + 1..=max + 4))),
                Constraint::OutsidePattern(_) => {
                    let class = class.ok_or_else(|| StrategyError(format!("{} has no pattern", shape.name)))?;
                    let outside = class
                        .outside_strategy()
                        .ok_or_else(|| StrategyError(format!("no character is outside {}", class.source)))?;
                    let valid = string_in(class.strategy(), min.max(1)..=max.min(24).max(min.max(1)));
                    let broken = (valid, outside, any::<prop::sample::Index>()).prop_map(|(text, bad, at)| {
                        let mut chars: Vec<char> = text.chars().collect();
                        let i = at.index(chars.len());
                        if let Some(slot) = chars.get_mut(i) {
                            *slot = bad;
                        }
                        chars.into_iter().collect::<String>()
                    });
                    Ok(with_leaf(broken.boxed()))
                }
                Constraint::NotInEnum => {
                    let allowed: Vec<&'static str> = s.enum_values.to_vec();
                    let other = string_in(pattern::any_char(), 0..=12)
                        .prop_filter("a value outside the enum", move |v| !allowed.contains(&v.as_str()));
                    Ok(with_leaf(other.boxed()))
                }
                _ => Err(StrategyError(format!("{constraint:?} does not apply to string shape {}", shape.name))),
            }
        }
        _ => Err(StrategyError(format!("{constraint:?} does not apply to shape {}", shape.name))),
    }
}

/// A string value of `value` at a path, with the shape that constrains it.
#[derive(Clone, Debug)]
pub struct Leaf {
    /// Where it is.
    pub path: String,
    /// Its shape.
    pub shape: &'static Shape,
    /// The string.
    pub value: String,
}

/// Every string in `value` (read as a value of `shape`) with its shape: members, map keys and values.
pub fn string_leaves(shape: &'static Shape, value: &Value) -> Vec<Leaf> {
    let mut out = Vec::new();
    leaves_at(shape, value, "$".to_owned(), &mut out);
    out
}

fn leaves_at(shape: &'static Shape, value: &Value, path: String, out: &mut Vec<Leaf>) {
    match (&shape.kind, value) {
        (ShapeKind::String(_), Value::String(text)) => out.push(Leaf { path, shape, value: text.clone() }),
        (ShapeKind::Structure(s), Value::Object(object)) => {
            for member in s.members {
                if let Some(v) = object.get(member.name) {
                    leaves_at(member.shape, v, format!("{path}.{}", member.name), out);
                }
            }
        }
        (ShapeKind::Map(m), Value::Object(object)) => {
            for (k, v) in object {
                out.push(Leaf { path: format!("{path}{{key}}"), shape: m.key, value: k.clone() });
                leaves_at(m.value, v, format!("{path}{{value}}"), out);
            }
        }
        _ => {}
    }
}

/// A small valid value of `shape`, the same every time: required members only, strings of the minimum
/// length (at least one character) from the first character the pattern allows, the first enum value.
pub fn example_valid(shape: &'static Shape) -> Result<Value> {
    Ok(match &shape.kind {
        ShapeKind::String(s) => Value::String(example_string(s)?),
        ShapeKind::Structure(s) => {
            let mut object = Map::new();
            for member in s.members.iter().filter(|m| s.required.contains(&m.name)) {
                object.insert(member.name.to_owned(), example_valid(member.shape)?);
            }
            Value::Object(object)
        }
        ShapeKind::Map(_) => Value::Object(Map::new()),
    })
}

fn example_string(s: &StringShape) -> Result<String> {
    if let Some(first) = s.enum_values.first() {
        return Ok((*first).to_owned());
    }
    let class = class_of(s)?;
    let (min, _) = length_bounds(s, class.as_ref())?;
    let c = class.as_ref().and_then(CharClass::first_inside).unwrap_or('a');
    Ok(std::iter::repeat_n(c, min.max(1)).collect())
}

/// The same value as `base` with the constraint of `site` broken the same way every time, or `None` when
/// the site has no deterministic example (a pattern with nothing outside it).
pub fn example_invalid(root: &'static Shape, base: &Value, site: &Site) -> Result<Option<Value>> {
    let bad = match (&site.constraint, &site.shape.kind) {
        (Constraint::WrongType, ShapeKind::String(_)) => Some(Value::from(12345)),
        (Constraint::WrongType, _) => Some(Value::String("not a structure".to_owned())),
        (Constraint::MissingRequired(_), _) => None,
        (constraint, ShapeKind::String(s)) => {
            let class = class_of(s)?;
            let (min, max) = length_bounds(s, class.as_ref())?;
            let inside = class.as_ref().and_then(CharClass::first_inside).unwrap_or('a');
            let text = match constraint {
                Constraint::TooShort(_) => std::iter::repeat_n(inside, min.saturating_sub(1)).collect(),
                Constraint::TooLong(_) => std::iter::repeat_n(inside, max + 1).collect(),
                Constraint::OutsidePattern(_) => match class.as_ref().and_then(CharClass::first_outside) {
                    Some(outside) => {
                        std::iter::once(outside).chain(std::iter::repeat_n(inside, min.max(1) - 1)).collect()
                    }
                    None => return Ok(None),
                },
                _ => {
                    let mut text = String::from("NOT_IN_ENUM");
                    while s.enum_values.contains(&text.as_str()) {
                        text.push('_');
                    }
                    text
                }
            };
            Some(Value::String(text))
        }
        _ => return Err(StrategyError(format!("no example for {site}"))),
    };
    if let Constraint::MissingRequired(member) = site.constraint {
        let mut value = base.clone();
        if let Some(object) = container_at(root, &mut value, &site.path)? {
            object.shift_remove(member);
        }
        return Ok(Some(value));
    }
    let Some(bad) = bad else { return Err(StrategyError(format!("no example for {site}"))) };
    with_value_at(root, base, &site.path, bad)
}

/// The same value as `base` with `value` placed at `path`: a structure's member set to it, a map entry
/// whose key is `value` (with the value `v`) or whose value is `value` (under the key `key`). Containers
/// missing on the way are created with valid members. `None` when `base` has no object where one is needed.
pub fn with_value_at(root: &'static Shape, base: &Value, path: &[Step], value: Value) -> Result<Option<Value>> {
    let mut out = base.clone();
    let Some((last, init)) = path.split_last() else { return Ok(Some(value)) };
    let Some(target) = container_at(root, &mut out, init)? else { return Ok(None) };
    match (last, value) {
        (Step::Member(name), value) => {
            target.insert((*name).to_owned(), value);
        }
        (Step::MapKey, Value::String(key)) => {
            target.insert(key, Value::String("v".to_owned()));
        }
        (Step::MapValue, value) => {
            target.insert("key".to_owned(), value);
        }
        (Step::MapKey, other) => return Err(StrategyError(format!("a map key must be a string, not {other}"))),
    }
    Ok(Some(out))
}

/// Every string position of `shape` (members, map keys and values, nested), in model order, with the
/// string shape found there.
pub fn string_positions(shape: &'static Shape) -> Vec<(Vec<Step>, &'static Shape)> {
    fn walk(shape: &'static Shape, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, &'static Shape)>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match &shape.kind {
            ShapeKind::String(_) => out.push((path.clone(), shape)),
            ShapeKind::Structure(s) => {
                for member in s.members {
                    path.push(Step::Member(member.name));
                    walk(member.shape, path, out, depth + 1);
                    path.pop();
                }
            }
            ShapeKind::Map(m) => {
                for (step, inner) in [(Step::MapKey, m.key), (Step::MapValue, m.value)] {
                    path.push(step);
                    walk(inner, path, out, depth + 1);
                    path.pop();
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(shape, &mut Vec::new(), &mut out, 0);
    out
}

/// The object at `path` inside `value`, creating valid containers on the way.
fn container_at<'v>(
    root: &'static Shape,
    value: &'v mut Value,
    path: &[Step],
) -> Result<Option<&'v mut Map<String, Value>>> {
    let mut shape = root;
    let mut current = value;
    for step in path {
        let Step::Member(name) = step else { return Ok(None) };
        let member = match &shape.kind {
            ShapeKind::Structure(s) => s.members.iter().find(|m| m.name == *name),
            _ => None,
        }
        .ok_or_else(|| StrategyError(format!("{} has no member {name}", shape.name)))?;
        let Some(object) = current.as_object_mut() else { return Ok(None) };
        if !object.contains_key(*name) {
            object.insert((*name).to_owned(), example_valid(member.shape)?);
        }
        let Some(next) = object.get_mut(*name) else { return Ok(None) };
        current = next;
        shape = member.shape;
    }
    Ok(current.as_object_mut())
}

/// The string shape at the end of a site's path, when it is one.
pub fn string_shape(site: &Site) -> Option<&'static StringShape> {
    string_kind(site.shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cognito_idp_client::contract::{INPUT, OUTPUT};
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    fn draw<T: fmt::Debug>(strategy: &BoxedStrategy<T>, n: usize) -> Vec<T> {
        let mut runner = TestRunner::deterministic();
        (0..n).map(|_| strategy.new_tree(&mut runner).expect("generates").current()).collect()
    }

    #[test]
    fn input_sites_cover_every_constraint_of_the_contract() {
        let texts: Vec<String> = sites(INPUT).iter().map(ToString::to_string).collect();
        for expected in [
            "$ (ResendConfirmationCodeRequest): required member ClientId missing",
            "$ (ResendConfirmationCodeRequest): required member Username missing",
            "$.ClientId (ClientIdType): shorter than 1 characters",
            "$.ClientId (ClientIdType): longer than 128 characters",
            "$.Username (UsernameType): a character outside ^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+)$",
            "$.UserContextData.IpAddress (StringType): longer than 131072 characters",
            "$.ClientMetadata{key} (StringType): longer than 131072 characters",
            "$.ClientMetadata{value} (StringType): a JSON value of the wrong type",
        ] {
            assert!(texts.iter().any(|t| t == expected), "{expected} not in {texts:#?}");
        }
        assert!(!texts.iter().any(|t| t.contains("StringType): shorter")), "StringType has a minimum of 0");
    }

    #[test]
    fn valid_inputs_have_the_required_members_and_vary_the_optional_ones() {
        let inputs = draw(&valid(INPUT).expect("strategy"), 200);
        assert!(inputs.iter().all(|v| v.get("ClientId").is_some() && v.get("Username").is_some()));
        for optional in ["SecretHash", "UserContextData", "AnalyticsMetadata", "ClientMetadata"] {
            assert!(inputs.iter().any(|v| v.get(optional).is_some()), "{optional} never present");
            assert!(inputs.iter().any(|v| v.get(optional).is_none()), "{optional} always present");
        }
        let lengths: Vec<usize> =
            inputs.iter().filter_map(|v| v["Username"].as_str()).map(|u| u.chars().count()).collect();
        assert!(lengths.contains(&1) && lengths.contains(&128), "lengths {lengths:?}");
        let maps: Vec<usize> =
            inputs.iter().filter_map(|v| v.get("ClientMetadata")).filter_map(Value::as_object).map(Map::len).collect();
        assert!(maps.contains(&0) && maps.iter().any(|n| *n > 3), "map sizes {maps:?}");
    }

    #[test]
    fn every_invalid_value_breaks_the_constraint_it_names() {
        let inputs = draw(&invalid(INPUT).expect("strategy"), 300);
        for (value, site, leaf) in &inputs {
            if let (Some(leaf), Some(s)) = (leaf, string_shape(site)) {
                let count = leaf.chars().count() as u64;
                match site.constraint {
                    Constraint::TooShort(min) => assert!(count < min, "{site}: {leaf:?}"),
                    Constraint::TooLong(max) => assert!(count > max, "{site}"),
                    Constraint::OutsidePattern(p) => {
                        let class = pattern::parse(p).expect("pattern");
                        assert!(!class.matches(leaf), "{site}: {leaf:?}");
                        assert!(s.max.is_none_or(|m| count <= m), "{site}: only the pattern is broken");
                    }
                    _ => {}
                }
            }
            if let Constraint::MissingRequired(member) = site.constraint {
                assert!(value.get(member).is_none(), "{site}");
            }
        }
        let names: std::collections::BTreeSet<String> = inputs.iter().map(|(_, s, _)| s.to_string()).collect();
        assert!(names.len() > 15, "sites drawn: {names:#?}");
    }

    #[test]
    fn output_values_use_the_enum_and_the_attribute_pattern() {
        let outputs = draw(&valid(OUTPUT).expect("strategy"), 200);
        let media: Vec<&str> = outputs
            .iter()
            .filter_map(|v| v.pointer("/CodeDeliveryDetails/DeliveryMedium"))
            .filter_map(Value::as_str)
            .collect();
        assert!(media.contains(&"SMS") && media.contains(&"EMAIL"));
    }

    #[test]
    fn examples_break_one_constraint_deterministically() {
        let base = serde_json::json!({"ClientId": "abc", "Username": "jane"});
        for site in sites(INPUT) {
            let Some(example) = example_invalid(INPUT, &base, &site).expect("example") else { continue };
            assert_ne!(example, base, "{site}");
            let again = example_invalid(INPUT, &base, &site).expect("example");
            assert_eq!(Some(&example), again.as_ref(), "{site}");
        }
        let site = sites(INPUT)
            .into_iter()
            .find(|s| s.to_string().starts_with("$.UserContextData.IpAddress (StringType): longer"));
        let example = example_invalid(INPUT, &base, &site.expect("site")).expect("example").expect("some");
        assert_eq!(example["UserContextData"]["IpAddress"].as_str().map(|s| s.chars().count()), Some(131_073));
    }

    #[test]
    fn long_strings_are_a_run_repeated_to_the_exact_length() {
        assert_eq!(repeat_to(&['a', 'é', '😀'], 7), "aé😀aé😀a");
        assert_eq!(repeat_to(&['x'], 131_072).chars().count(), 131_072);
        assert_eq!(repeat_to(&[], 5), "");
    }

    #[test]
    fn string_leaves_name_each_string_with_its_shape() {
        let value = serde_json::json!({"ClientId": "c", "Username": "u", "ClientMetadata": {"k": "v"}});
        let leaves: Vec<(String, &str)> =
            string_leaves(INPUT, &value).into_iter().map(|l| (l.path, l.shape.name)).collect();
        assert_eq!(
            leaves,
            [
                ("$.ClientId".to_owned(), "ClientIdType"),
                ("$.Username".to_owned(), "UsernameType"),
                ("$.ClientMetadata{key}".to_owned(), "StringType"),
                ("$.ClientMetadata{value}".to_owned(), "StringType"),
            ]
        );
    }
}
