//! jmespath-python's `TreeInterpreter` (`jmespath/visitor.py`): each node type evaluated as its `visit_*`
//! method does, on [`Obj`]s. A failure is the message of the exception Python raises (`str(e)`), which AWS
//! CLI v1 prints.

use std::cell::Cell;

use crate::output::jmespath_functions as functions;
use crate::output::jmespath_object::{self as object, Obj, Object, equals, none};
use crate::output::jmespath_syntax::{Comparator, MAX_NESTING, Node};
use crate::python::pynumber::PyNumber;
use crate::python::pyrepr::Dicts;

thread_local! {
    /// How many `visit` calls are under way on this thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// `visit(node, value)`, at most [`MAX_NESTING`] calls deep: chains that the parser builds without nesting
/// (`a || b || ...`, `a | b | ...`, `a[][]...`) nest here, as they do in Python, whose recursion limit stops them
/// with this message.
pub(crate) fn visit<'a>(node: &'a Node, value: &Obj<'a>) -> Result<Obj<'a>, String> {
    let depth = DEPTH.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    let result =
        if depth > MAX_NESTING { Err("maximum recursion depth exceeded".to_owned()) } else { visit_node(node, value) };
    DEPTH.with(|d| d.set(d.get() - 1));
    result
}

fn visit_node<'a>(node: &'a Node, value: &Obj<'a>) -> Result<Obj<'a>, String> {
    Ok(match node {
        Node::Subexpression(children) | Node::IndexExpression(children) => {
            let mut result = value.clone();
            for child in children {
                result = visit(child, &result)?;
            }
            result
        }
        Node::Pipe(left, right) => visit(right, &visit(left, value)?)?,
        Node::Field(name) => match &**value {
            Object::Dict(map) => map.get(name).cloned().unwrap_or_else(none),
            _ => none(),
        },
        Node::Comparator { op, left, right } => {
            let (left, right) = (visit(left, value)?, visit(right, value)?);
            compare(*op, &left, &right)?
        }
        Node::Current | Node::Identity => value.clone(),
        Node::Expref(child) => Object::Expref(child).into_obj(),
        Node::Function { name, args } => {
            let resolved = args.iter().map(|arg| visit(arg, value)).collect::<Result<Vec<_>, _>>()?;
            functions::call(name, resolved, visit)?
        }
        Node::FilterProjection { left, right, condition } => {
            let base = visit(left, value)?;
            let Object::List(items) = &*base else { return Ok(none()) };
            let mut collected = Vec::new();
            for element in items {
                if !visit(condition, element)?.is_false() {
                    let current = visit(right, element)?;
                    if !matches!(*current, Object::None) {
                        collected.push(current);
                    }
                }
            }
            Object::List(collected).into_obj()
        }
        Node::Flatten(child) => {
            let base = visit(child, value)?;
            let Object::List(items) = &*base else { return Ok(none()) };
            let mut merged = Vec::new();
            for element in items {
                match &**element {
                    Object::List(inner) => merged.extend(inner.iter().cloned()),
                    _ => merged.push(element.clone()),
                }
            }
            Object::List(merged).into_obj()
        }
        Node::Index(index) => match &**value {
            Object::List(items) => {
                let len = i128::try_from(items.len()).unwrap_or(i128::MAX);
                let at = if *index < 0 { i128::from(*index) + len } else { i128::from(*index) };
                usize::try_from(at).ok().and_then(|i| items.get(i)).cloned().unwrap_or_else(none)
            }
            _ => none(),
        },
        Node::Slice(parts) => match &**value {
            Object::List(items) => Object::List(slice(items, *parts)?).into_obj(),
            _ => none(),
        },
        // A new object each time, as the same one would be: only NaN's identity could show, and json.loads
        // makes one NaN ([`object::from_value`]).
        Node::Literal(literal) => object::from_value(literal, Dicts::Plain),
        Node::MultiSelectDict(pairs) => {
            if matches!(**value, Object::None) {
                return Ok(none());
            }
            let mut collected = indexmap::IndexMap::new();
            for (key, child) in pairs {
                collected.insert(key.clone(), visit(child, value)?);
            }
            Object::Dict(collected).into_obj()
        }
        Node::MultiSelectList(children) => {
            if matches!(**value, Object::None) {
                return Ok(none());
            }
            Object::List(children.iter().map(|child| visit(child, value)).collect::<Result<_, _>>()?).into_obj()
        }
        Node::Or(left, right) => {
            let matched = visit(left, value)?;
            if matched.is_false() { visit(right, value)? } else { matched }
        }
        Node::And(left, right) => {
            let matched = visit(left, value)?;
            if matched.is_false() { matched } else { visit(right, value)? }
        }
        // `not x`, with 0 (which Python finds false) true for JMESPath: exactly `_is_false`.
        Node::Not(child) => Object::Bool(visit(child, value)?.is_false()).into_obj(),
        Node::Projection(left, right) => {
            let base = visit(left, value)?;
            let Object::List(items) = &*base else { return Ok(none()) };
            project(items.iter(), right)?
        }
        Node::ValueProjection(left, right) => {
            let base = visit(left, value)?;
            let Object::Dict(map) = &*base else { return Ok(none()) };
            project(map.values(), right)?
        }
    })
}

/// `right` on each element, the `None`s left out.
fn project<'a, 'b>(elements: impl Iterator<Item = &'b Obj<'a>>, right: &'a Node) -> Result<Obj<'a>, String>
where
    'a: 'b,
{
    let mut collected = Vec::new();
    for element in elements {
        let current = visit(right, element)?;
        if !matches!(*current, Object::None) {
            collected.push(current);
        }
    }
    Ok(Object::List(collected).into_obj())
}

/// `visit_comparator`: `==` and `!=` by `_equals` (which keeps `True` and `1` apart at the top level), the
/// ordering operators on numbers and strings only (`None` otherwise), a `TypeError` for a string and a number.
fn compare<'a>(op: Comparator, left: &Obj<'a>, right: &Obj<'a>) -> Result<Obj<'a>, String> {
    let result = match op {
        Comparator::Eq => jmespath_equals(left, right),
        Comparator::Ne => !jmespath_equals(left, right),
        _ => match (&**left, &**right) {
            (Object::Number(a), Object::Number(b)) => {
                let ordering = a.compare(b);
                match op {
                    Comparator::Lt => ordering.is_some_and(|o| o.is_lt()),
                    Comparator::Lte => ordering.is_some_and(|o| o.is_le()),
                    Comparator::Gt => ordering.is_some_and(|o| o.is_gt()),
                    _ => ordering.is_some_and(|o| o.is_ge()),
                }
            }
            (Object::Str(a), Object::Str(b)) => match op {
                Comparator::Lt => a < b,
                Comparator::Lte => a <= b,
                Comparator::Gt => a > b,
                _ => a >= b,
            },
            (Object::Number(_) | Object::Str(_), Object::Number(_) | Object::Str(_)) => {
                return Err(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    left.type_name(),
                    right.type_name()
                ));
            }
            _ => return Ok(none()),
        },
    };
    Ok(Object::Bool(result).into_obj())
}

/// `_equals`: Python's `==`, except that 0 and 1 never equal a boolean.
fn jmespath_equals(x: &Obj<'_>, y: &Obj<'_>) -> bool {
    let zero_or_one = |o: &Object<'_>| match o {
        Object::Number(n) => n.equals(&PyNumber::int(0)) || n.equals(&PyNumber::int(1)),
        _ => false,
    };
    let special =
        if zero_or_one(x) { matches!(**y, Object::Bool(_)) } else { zero_or_one(y) && matches!(**x, Object::Bool(_)) };
    !special && equals(x, y)
}

/// `value[start:stop:step]` on a list: `PySlice_Unpack` and `PySlice_AdjustIndices`, each bound already clamped
/// to `i64` as Python clamps it.
fn slice<'a>(items: &[Obj<'a>], [start, stop, step]: [Option<i64>; 3]) -> Result<Vec<Obj<'a>>, String> {
    let step = i128::from(step.unwrap_or(1));
    if step == 0 {
        return Err("slice step cannot be zero".to_owned());
    }
    let step = step.max(-i128::from(i64::MAX));
    let (max, min) = (i128::from(i64::MAX), i128::from(i64::MIN));
    let length = i128::try_from(items.len()).unwrap_or(max);
    let adjust = |bound: Option<i64>, default: i128| {
        let mut at = bound.map_or(default, i128::from);
        if at < 0 {
            at += length;
            if at < 0 {
                at = if step < 0 { -1 } else { 0 };
            }
        } else if at >= length {
            at = if step < 0 { length - 1 } else { length };
        }
        at
    };
    let start = adjust(start, if step < 0 { max } else { 0 });
    let stop = adjust(stop, if step < 0 { min } else { max });
    let count = if step < 0 {
        if stop < start { (start - stop - 1) / -step + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((0..count)
        .filter_map(|i| usize::try_from(start + i * step).ok().and_then(|at| items.get(at)).cloned())
        .collect())
}
