#!/usr/bin/env python3
"""Records how AWS CLI v1 (awscli 1.46.3, with jmespath 1.1.0) evaluates valid `--query` expressions, into
crates/cli/tests/data/query_goldens.json (the cases of the driver test in crates/cli/src/output/query.rs).

    .venv-awscli/bin/python crates/cli/tools/record_query_goldens.py --aws AWS OUTPUT  # query_goldens.json
    python3 crates/cli/tools/record_query_goldens.py --inputs                           # the cases' inputs, as JSON

(`cargo xtask record-goldens` runs it, and `--inputs` for `--check` where AWS CLI v1 is not installed: listing the
cases needs only the standard library.)

Each case is an expression on a document. jmespath-python evaluates it (`jmespath.compile(expression)
.search(document)`): the case records `repr()` of the result, or `str()` of the exception; a random expression
that does not compile records AWS CLI v1's message for it instead (`compile_error`). Then AWS CLI v1's own
formatters (`awscli.formatter.get_formatter`: json, text, table, with `--color auto` and stdout not a terminal)
print the document through the compiled query, in this process: the case records their stdout, or with stderr
and exit code as clidriver reports an exception (`\\n<str(e)>\\n`, 255) when a formatter fails. When the query
itself fails, every format prints just that error (checked here, not recorded). An `_Expression` in a result
prints with its memory address, written here as `0x...`.

The cases marked `cli` also run through the real `aws cognito-idp resend-confirmation-code` against
crates/cli/tools/mockserver.py, whose response is the `response` document: this script stops if what the real
command printed differs from what the formatters printed here, so the in-process recordings stand for it.
"""
import argparse
import contextlib
import io
import json
import os
import random
import re
import subprocess
import sys
import time

JMESPATH_VERSION = '1.1.0'
OPERATION = 'ResendConfirmationCode'
MOCK = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'mockserver.py')
PORT = 18470
ADDRESS = re.compile(r' object at 0x[0-9a-f]+>')

DOCUMENTS = {
    # What AWS CLI v1 makes of the operation's response (botocore keeps the members' order).
    'response': {'CodeDeliveryDetails': {'Destination': 'j***@e***', 'DeliveryMedium': 'EMAIL',
                                         'AttributeName': 'email'}},
    # Every JSON type, keys out of alphabetical order, ties for the sorts.
    'rich': json.loads('''{
        "zeta": 1, "alpha": 2.5, "mid": "m",
        "people": [
            {"name": "b", "age": 30, "tags": ["x", "y"], "home": {"city": "Z\\u00fcrich", "zip": "8000"}},
            {"name": "a", "age": 25.0, "tags": [], "home": null},
            {"name": "c", "age": 30, "tags": ["y"], "nick": "cc"},
            {"name": "d", "age": -1, "tags": ["z", "x"], "home": {"zip": "1", "city": "Oslo"}}
        ],
        "numbers": [3, -1, 2.5, 0, 10, -0.0, 1e16, 2],
        "strings": ["b", "a", "B", "\\u00e9", "", "aa"],
        "mixed": [1, "1", true, null, [1], {"1": 1}, 1.0, false, 0, 0.0, ""],
        "nested": [[1, [2, 3]], [4], 5, [[6]], []],
        "empty": {"list": [], "object": {}, "string": "", "null": null},
        "unicode": {"\\u043a\\u043b\\u044e\\u0447": "\\u0437\\u043d\\u0430\\u0447\\u0435\\u043d\\u0438\\u0435",
                    "\\ud83d\\ude00": "e\\u0301", "tab": "a\\tb"},
        "deep": {"a": {"b": {"c": {"d": [{"e": 1}]}}}},
        "dup": [{"k": 1, "v": "first"}, {"k": 0, "v": "x"}, {"k": 1.0, "v": "second"}, {"k": 0, "v": "y"}]
    }'''),
}

# Literals of each JMESPath type, for the argument sweeps.
SAMPLES = ['`{"b": 2, "a": 1}`', '`{}`', '`[3, 1, 2]`', '`[]`', "'cab'", "''", '`5`', '`-2.5`', '`null`', '`true`',
           '`false`', '&a']
# Arrays of each element type, for the functions that take arrays.
ARRAYS = ['`[3, 1.5, -2]`', '`["b", "a", "c"]`', '`[1, "a"]`', '`["a", 1]`', '`[true, false]`', '`[1, true]`',
          '`[null]`', '`[[1]]`', '`[{"a": 1}]`', '`[2.0, 2, 1]`']
# Each function with valid arguments; whether each position takes an array.
FUNCTIONS = {
    'abs': ['`-5`'], 'avg': ['`[1, 2, 4]`'], 'ceil': ['`1.2`'], 'contains': ['`[1, 2]`', '`2`'],
    'ends_with': ["'abc'", "'bc'"], 'floor': ['`1.8`'], 'join': ["', '", '`["a", "b"]`'],
    'keys': ['`{"b": 1, "a": 2}`'], 'length': ["'abc'"], 'map': ['&a', '`[{"a": 1}, {"a": 2}, {}]`'],
    'max': ['`[1, 3, 2]`'], 'max_by': ['`[{"a": 1}, {"a": 3}, {"a": 2}]`', '&a'], 'merge': ['`{"b": 1}`', '`{"a": 2}`'],
    'min': ['`[2, 1, 3]`'], 'min_by': ['`[{"a": 2}, {"a": 1}]`', '&a'], 'not_null': ['`null`', '`1`'],
    'reverse': ["'abc'"], 'sort': ['`[3, 1, 2]`'], 'sort_by': ['`[{"a": 2}, {"a": 1}]`', '&a'],
    'starts_with': ["'abc'", "'ab'"], 'sum': ['`[1, 2, 3]`'], 'to_array': ['`1`'], 'to_number': ["'12'"],
    'to_string': ['`[1, "a"]`'], 'type': ['`1`'], 'values': ['`{"b": 1, "a": 2}`'],
}
ARRAY_POSITIONS = {('avg', 0), ('contains', 0), ('join', 1), ('length', 0), ('map', 1), ('max', 0), ('max_by', 0),
                   ('min', 0), ('min_by', 0), ('reverse', 0), ('sort', 0), ('sort_by', 0), ('sum', 0),
                   ('to_array', 0), ('to_string', 0), ('type', 0), ('merge', 1), ('not_null', 0)}

BIG = '9' * 400
TRUTHY_SAMPLES = ['`""`', '`[]`', '`{}`', '`null`', '`false`', '`true`', '`0`', '`0.0`', "' '", '`[0]`', '`{"a": 0}`',
                  '`NaN`', '&a']


def function_cases():
    """Every function: arity errors, then each argument position given each type."""
    cases = []
    for name, args in FUNCTIONS.items():
        cases.append(f'{name}()')
        cases.append(f'{name}({", ".join(args + [args[-1]])})')
        if len(args) > 1:
            cases.append(f'{name}({", ".join(args[:-1])})')
        cases.append(f'{name}({", ".join(args)})')
        for i in range(len(args)):
            samples = SAMPLES + (ARRAYS if (name, i) in ARRAY_POSITIONS else [])
            for sample in samples:
                cases.append(f'{name}({", ".join(args[:i] + [sample] + args[i + 1:])})')
    return [('rich', c) for c in cases] + [('rich', 'foo()'), ('rich', 'foo(bar())'), ('rich', 'length(foo())'),
                                           ('rich', 'abs(length())'), ('rich', 'Abs(`1`)')]


def random_expressions(count=200):
    """Random strings of JMESPath's pieces, for the combinations nobody thought of (most do not compile)."""
    pieces = ['a', '@', '.', '*', '[', ']', '[]', '[?', '(', ')', '{', '}', ':', ',', '|', '||', '&&', '&', '!', '==',
              '<', '>=', '!=', '`1`', '`NaN`', '`[1,"a",null]`', '`{"a":[1.5]}`', "'s'", '0', '-1', '2', 'abs', 'sort_by',
              'max_by', 'merge', 'to_string', 'sum', 'avg', 'map', 'keys', 'values', 'contains', 'not_null',
              'to_number', 'sort', 'min', 'join', 'reverse', 'length', 'ceil', ' ', 'people', 'numbers', 'mixed', 'name',
              'age', 'tags', 'home', 'dup', 'k', 'strings', 'nested', 'unicode', 'zeta', 'type', '`true`', '`0.5`']
    rng = random.Random(20241006)
    return [('rich', ''.join(rng.choice(pieces) for _ in range(rng.randint(2, 12)))) for _ in range(count)]


def seeded_arrays():
    """Long arrays with NaN, for `list.sort` beyond its insertion sort (runs, galloping)."""
    rng = random.Random(20240924)
    cases = []
    for n in (70, 150, 300):
        values = [rng.choice(['NaN', str(rng.randint(-50, 50)), str(rng.randint(-50, 50)) + '.5']) for _ in range(n)]
        cases.append(f"sort(`[{', '.join(values)}]`)")
        items = ', '.join('{"k": %s, "i": %d}' % (v, i) for i, v in enumerate(values))
        cases.append('sort_by(`[%s]`, &k)[*].i' % items)
        runs = sorted(range(n // 2)) + sorted(range(n // 2), reverse=True) + [rng.randint(0, n) for _ in range(n // 2)]
        cases.append(f"sort(`{json.dumps(runs)}`)")
    cases.append(f"sort(`{json.dumps([rng.choice(['a', 'b', 'ab', 'ba', 'é', 'B']) for _ in range(200)])}`)")
    return [('rich', c) for c in cases]


FORMS = [
    # Fields, indexes, slices.
    '@', 'zeta', 'missing', 'people[0].name', 'people[0].home.city', 'people[1].home.city', '"zeta"', 'people[-1]',
    'people[4]', 'people[-5]', 'people[99999999999999999999]', 'numbers[0]', 'zeta[0]', 'mid[0]', 'people[0][0]',
    'numbers[1:3]', 'numbers[:2]', 'numbers[::2]', 'numbers[::-1]', 'numbers[-2:]', 'numbers[5:1:-2]', 'numbers[::0]',
    'numbers[100:]', 'numbers[:-100]', 'numbers[-100:100]', 'numbers[::-99999999999999999999]',
    'numbers[99999999999999999999::-1]', 'numbers[-99999999999999999999:]', 'numbers[:99999999999999999999:3]',
    'mid[0:1]', 'empty.list[:]', 'people[1:3].name', 'people[::-1].home.city', 'numbers[1:][0]',
    # Projections and flattens.
    'people[*].name', 'people[*].home.city', 'people[*].home', '*', 'people[0].*', 'empty.*', 'mid.*',
    'people[*].tags[]', 'people[].tags[]', 'nested[]', 'nested[][]', 'nested[0][]', 'mid[]', 'people[*].[name, age]',
    'people[*].{n: name, a: age}', 'people[].home.*', 'zeta[*]', '*.city', 'people[*].home.* | []', 'unicode.*',
    '*.*', 'deep.a.*.c', 'deep.*.*.*', 'deep.a.b.c.d[0].e', '[*]', 'people[*]', 'empty.object.*',
    # Filters.
    'people[?age > `26`].name', 'people[?age >= `30`].name', 'people[?age < `30`]', 'people[?age <= `25`].name',
    'people[?age == `30`].name', 'people[?age == `25`].name', 'people[?age != `30`].name', 'people[?home].name',
    'people[?!home].name', 'people[?tags].name', "people[?name == 'a' || name == 'c'].name",
    'people[?age > `20` && home].name', 'people[?nick]', 'mixed[?@]', 'mixed[?!@]', 'numbers[?@ > `0`]',
    "strings[?@ > 'a']", 'strings[?@ < `1`]', 'mixed[?@ == `1`]', 'mixed[?@ == `true`]', 'mixed[?@ == `0`]',
    'mixed[?@ == `false`]', 'zeta[?@]', 'people[?age > `26`] | [0]', 'people[?age > `26`][]',
    "people[?tags[?@ == 'x']].name", '[?@]', 'people[?name > `1`]', 'people[?home.city < `1`].name',
    'people[?age > `100`]', 'numbers[?@ < `"a"`]',
    # Pipes, multi-selects.
    'people | [0]', 'people[*].name | [0]', 'people[*].name | sort(@)', 'zeta | @', '[zeta, alpha, mid]',
    '{b: zeta, a: alpha}', '{a: zeta, a: mid}', 'missing.[a, b]', 'missing.{a: b}', 'zeta.[@]', '[missing]',
    '{"quoted key": zeta, "": mid}', 'people[0].[name, home.city, missing]', 'people[*].home.{z: zip, c: city}',
    '{z: `1`, y: {x: `2`, w: `3`}}',
    # Literals.
    '`"s"`', '`1`', '`1.0`', '`-0.0`', '`1e400`', '`-1e400`', '`NaN`', '`Infinity`', '`-Infinity`',
    '`123456789012345678901234567890`', f'`-{BIG}`', '`1.5e300`', '`5e-324`', '`1e16`', '`0.0001`', '`1e-05`', '`[]`',
    '`{}`', '`{"b": 1, "a": [true, null]}`', '`foo`', '`  foo bar`', "'raw\\'s'", "''", '`"\\u00e9\\ud83d\\ude00"`',
    '`[1, "a", 1.5, null, false]`', '`{"\\u0000py:int": "5"}`', '`[[], {}, "", 0]`', '`"a\\tb\\nc"`',
    '`{"k": "it\'s \\"q\\""}`',
    # Or, and, not: every kind of truth.
    *[f'{s} || `"default"`' for s in TRUTHY_SAMPLES], *[f'{s} && `"yes"`' for s in TRUTHY_SAMPLES],
    *[f'!{s}' for s in TRUTHY_SAMPLES], 'missing || zeta', 'zeta && missing', '!!zeta',
    # Comparisons.
    '`1` == `true`', '`[1]` == `[true]`', '`0` == `false`', '`false` == `0.0`', '`{"a": 0}` == `{"a": false}`',
    '`1` == `1.0`', '`2` == `true`', '`9007199254740993` == `9007199254740992.0`',
    '`9007199254740993` > `9007199254740992.0`', '`"a"` < `"b"`', '`"a"` < `1`', '`1` < `"a"`', '`1` <= `"a"`',
    '`"a"` >= `1`', '`1.5` > `"a"`', '`true` < `1`', '`null` < `1`', '`[1]` < `[2]`', '`NaN` == `NaN`',
    '`NaN` != `NaN`', '`NaN` < `1`', '`NaN` >= `NaN`', '`[NaN]` == `[NaN]`', '`[NaN]` | @ == @', '`NaN` | [@] == [@]',
    '`NaN` | @ == @', '`NaN` | {a: @} == {a: @}', '`"\\u00e9"` > `"z"`', '`"\\ud83d\\ude00"` > `"\\uffff"`',
    '`{"a": 1, "b": 2}` == `{"b": 2, "a": 1}`', '`1.5` >= `1`', '`-0.0` == `0`', '`null` == `null`',
    'missing == `null`', '&a == &a', '`1` | &a == &a', '`{}` == `[]`', '`""` == `[]`', f'`{BIG}` > `1e308`',
    f'`{BIG}` < `Infinity`', '`[1, [2]]` == `[1.0, [2.0]]`', '`"1"` == `1`',
    # Expression references as values.
    '&a', '[&a]', '{e: &a}', '`1` | &@', 'type(&a)', '[&a, `1`]',
]

SPECIFIC = [
    'to_number(\'12\')', "to_number(' 12 ')", "to_number('1_000')", "to_number('1.5')", "to_number('1e3')",
    "to_number('abc')", "to_number('nan')", "to_number('-inf')", "to_number('Infinity')", "to_number('\u0661\u0662')",
    "to_number('0x10')", "to_number('')", "to_number('1e400')", "to_number('123456789012345678901234567890')",
    "to_number('+5')", "to_number('1_')", "to_number(' 1.5e-3 ')", "to_number('-0')", "to_number('.5')",
    "to_number('5.')", f"to_number('{'1' * 4301}')", 'to_number(`1.5`)',
    'to_string(`{"b": "\\u00e9", "a": [1.0, null, true]}`)', 'to_string(`NaN`)', 'to_string(`[-1e400, 1e400]`)',
    f'to_string(`{BIG}`)', 'to_string([&a])', 'to_string(`"s"`)', 'to_string(`1e16`)', 'to_string(@)',
    'to_string(`"\\ud83d\\ude00"`)', 'to_string(`{"\\u0000py:int": "5"}`)',
    'sum(`[1, 2]`)', 'sum(`[1, 2.5]`)', 'sum(`[]`)', 'sum(`[9223372036854775807, 1]`)', 'sum(`[1e308, 1e308]`)',
    'sum(`[0.1, 0.2]`)', f'sum(`[{BIG}, 1.0]`)', f'sum(`[1.0, {BIG}]`)', f'sum(`[{BIG}, 1]`)', 'sum(`[-0.0]`)',
    'sum(`[1e400, -1e400]`)', 'avg(`[1, 2]`)', 'avg(`[]`)', 'avg(`[9007199254740993, 0]`)', f'avg(`[{BIG}]`)',
    f'avg(`[{BIG}, -{BIG}, 1]`)', 'avg(`[1.5, 1]`)', 'avg(`[1e308, 1e308]`)', 'avg(numbers)',
    'abs(`-0.0`)', 'abs(`-9223372036854775808`)', 'abs(`-1e400`)', 'abs(`NaN`)', f'abs(`-{BIG}`)',
    'ceil(`NaN`)', 'ceil(`Infinity`)', 'floor(`-Infinity`)', 'ceil(`-1.5`)', 'floor(`-1.5`)', 'ceil(`1e300`)',
    'floor(`5`)', 'ceil(`-0.5`)', 'floor(`1e16`)', f'ceil(`{BIG}`)',
    'sort(`[1, 1.0, 0.5, 1]`)', 'sort(`[1.0, 1, true]`)', 'sort(`["b", "\\u00e9", "a", "B", ""]`)',
    'sort(`[3.0, NaN, 1.0, 2.0]`)', 'sort(`[2.0, 1.0, NaN, 0.5]`)', 'sort(`[NaN, 2, 1]`)', 'sort(`[1]`)', 'sort(`[]`)',
    'sort(numbers)', 'sort(strings)', 'sort(`[1, "a"]`)',
    'sort_by(dup, &k)', 'sort_by(dup, &v)', 'sort_by(`[{"a": 1}, {"a": "x"}]`, &a)', 'sort_by(`[{"a": null}]`, &a)',
    'sort_by(`[{"a": [1]}, {"a": 2}]`, &a)', 'sort_by(`[{"a": 2}, {"a": [1]}]`, &a)', 'sort_by(people, &name)',
    'sort_by(people, &age)', 'sort_by(`[]`, &a)', 'sort_by(people, &home)', 'sort_by(people, &nick)',
    'sort_by(`[{"a": NaN}, {"a": 1}, {"a": 0}]`, &a)', 'sort_by(`[{"a": true}, {"a": 1}]`, &a)',
    'max_by(dup, &k)', 'min_by(dup, &k)', 'max_by(`[{"a": 1}, {"a": "x"}]`, &a)', 'min_by(`[{"a": 1}, {"a": "x"}]`, &a)',
    'max_by(`[{"a": "x"}, {"a": 1}]`, &a)', 'min_by(`[{"a": "x"}, {"a": 1}]`, &a)', 'max_by(`[{"a": null}]`, &a)',
    'min_by(`[{"a": true}]`, &a)', 'max_by(`[{"a": [1]}]`, &a)', 'max_by(`[{"a": {}}]`, &a)', 'max_by(`[]`, &a)',
    'max_by(`[{"a": NaN}, {"a": 1}]`, &a)', 'max_by(`[{"a": 1}, {"a": NaN}, {"a": 2}]`, &a)', 'min_by(people, &age)',
    'max_by(people, &age)', 'max_by(people, &name)', 'max_by(`[{"a": 1}, {"a": 1.0}]`, &a)',
    'max_by(`[{"a": 1}, {"a": 2}, {"a": "x"}, {"a": null}]`, &a)', 'max_by(`[{"a": 1}, {"a": null}]`, &a)',
    'max(`[1, 1.0]`)', 'min(`[1.0, 1]`)', 'max(`[NaN, 1, 2]`)', 'max(`[1, NaN, 2]`)', 'min(`[2, NaN, 1]`)',
    'max(strings)', 'min(strings)', 'max(numbers)', 'min(numbers)', 'max(`["a", "\\u00e9"]`)',
    'merge(`{"b": 1}`, `{"a": 2}`, `{"b": 3}`)', 'merge(@)', 'merge(people[0], people[3])', 'merge(`{}`)',
    'merge(`{}`, `[["a", 1]]`)', 'merge(`{}`, `["ab"]`)', 'merge(`{}`, `"ab"`)', 'merge(`{}`, `""`)',
    'merge(`{}`, `[[1, 2]]`)', 'merge(`{}`, `[[null, 2]]`)', 'merge(`{}`, `[[[1], 2]]`)', 'merge(`{}`, `[[{}, 2]]`)',
    'merge(`{}`, `[{"a": 1, "b": 2}]`)', 'merge(`{}`, `[1]`)', 'merge(`{}`, `[[1]]`)', 'merge(`{}`, `[[1, 2, 3]]`)',
    'merge(`{}`, `[["a", 1], "b"]`)', 'merge(`{}`, `null`)', 'merge(`{}`, `1`)', 'merge(`{}`, `1.5`)',
    'merge(`{}`, `true`)', 'merge(`{}`, &a)', 'merge(`{}`, `[{"a": 1}]`)', 'merge(`{"a": 1}`, `[["a", 2], ["b", 3]]`)',
    'merge(`{}`, `[&a]`)',
    'contains(`[1]`, `true`)', 'contains(`[true]`, `1.0`)', 'contains(`[1.0]`, `1`)', 'contains(`[NaN]`, `NaN`)',
    '`[NaN]` | contains(@, @[0])', 'contains(`[[1]]`, `[1.0]`)', "contains('abc', 'bc')", "contains('abc', '')",
    "contains('abc', `1`)", "contains('abc', `null`)", "contains('abc', `true`)", "contains('abc', `[]`)",
    "contains('abc', `{}`)", "contains('abc', &a)", "contains('abc', `1.5`)", 'contains(strings, `"a"`)',
    'keys(@)', 'values(people[0])', "length('\U0001f600e\u0301')", 'length(@)', 'length(people)',
    "reverse('ab\U0001f600')", 'reverse(`[1, [2]]`)', "join(', ', strings)", "join('', `[]`)",
    "join('-', people[*].name)", 'map(&name, people)', 'map(&home.city, people)', 'map(&[name], people)',
    'map(&to_string(@), `[1, "a"]`)', 'map(&keys(@), people)', 'map(&foo(), `[1]`)', 'map(&foo(), `[]`)',
    'map(&@, `[NaN]`)', '`[NaN]` | map(&@, @) == @', "starts_with('\u00e9a', '\u00e9')",
    "ends_with('a\U0001f600', '\U0001f600')", 'not_null(missing, `null`, zeta)', 'not_null(missing)',
    'not_null(`false`, zeta)', 'to_array(people[0].tags)', 'to_array(missing)', 'type(@)', 'type(missing)',
    'type(`1.5`)', 'values(unicode)', 'keys(unicode)',
]

# On the response, and through the real command as well (the `cli` cases).
RESPONSE_CASES = [
    'keys(CodeDeliveryDetails)', 'values(CodeDeliveryDetails)', 'CodeDeliveryDetails.*',
    'merge(CodeDeliveryDetails, `{"A": 1}`)', 'merge(`{"DeliveryMedium": 0}`, CodeDeliveryDetails)',
    'to_string(CodeDeliveryDetails)', 'to_string(@)', 'map(&@, values(CodeDeliveryDetails))',
    'map(&length(@), values(CodeDeliveryDetails))', '*', '*.*', '@', 'CodeDeliveryDetails',
    '{z: CodeDeliveryDetails.Destination, a: CodeDeliveryDetails.AttributeName}', '[CodeDeliveryDetails]',
    'CodeDeliveryDetails.[Destination, AttributeName]', 'sort(keys(CodeDeliveryDetails))',
    'sort_by(map(&{k: @}, keys(CodeDeliveryDetails)), &k)', 'foo()', 'length()',
    'abs(CodeDeliveryDetails)', 'sort_by(*, &Destination)', 'CodeDeliveryDetails.Destination < `1`',
    'CodeDeliveryDetails.*[::0]', 'ceil(`1e300`)', '[`1`, &a]', '`NaN`', '{e: &a, n: `NaN`}',
    'merge(`{}`, `["ab"]`)', 'to_number(`"1e400"`)',
]
CLI_CASES = set(RESPONSE_CASES)


def run_formatter(output, document, compiled):
    """What AWS CLI v1 prints for `document` through `--output output --query ...`: its formatter in this process,
    stdout not a terminal, an exception reported as clidriver's `main` does."""
    from awscli.formatter import get_formatter
    stream = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()):
        formatter = get_formatter(output, argparse.Namespace(query=compiled, color='auto'))
        try:
            formatter(OPERATION, json.loads(json.dumps(document)), stream)
        except Exception as e:  # noqa: BLE001 (clidriver catches every exception here)
            return {'stdout': stream.getvalue(), 'stderr': f'\n{e}\n', 'exit_code': 255}
    return {'stdout': stream.getvalue(), 'stderr': '', 'exit_code': 0}


def normalized(text):
    return ADDRESS.sub(' object at 0x...>', text)


def record(document_name, expression, may_not_compile):
    import jmespath
    document = DOCUMENTS[document_name]
    case = {'document': document_name, 'expression': expression}
    try:
        compiled = jmespath.compile(expression)
    except Exception as e:  # noqa: BLE001 (RecursionError too, as AWS CLI v1's `_resolve_query` catches it)
        if not may_not_compile:
            sys.exit(f'not a valid expression, fix this script: {expression!r}: {e}')
        # What globalargs.py's `_resolve_query` raises, which clidriver prints.
        case['compile_error'] = f'Bad value for --query {expression}: {e}'
        return case
    try:
        case['result'] = normalized(repr(compiled.search(json.loads(json.dumps(document)))))
    except Exception as e:  # noqa: BLE001 (the runtime errors are the point)
        case['error'] = normalized(str(e))
    for output in ('json', 'text', 'table'):
        printed = {k: normalized(v) if isinstance(v, str) else v for k, v in run_formatter(output, document, compiled).items()}
        if 'error' in case:
            # The query fails before any output: stderr is the error, whatever the format.
            if printed != {'stdout': '', 'stderr': f"\n{case['error']}\n", 'exit_code': 255}:
                sys.exit(f'{expression!r} --output {output}: {printed}')
        elif printed['exit_code'] == 0 and not printed['stderr']:
            case[output] = printed['stdout']
        else:
            case[output] = printed
    return case


def run_cli(aws, expression, output):
    env = dict(os.environ, AWS_DEFAULT_REGION='us-east-1', AWS_ACCESS_KEY_ID='x', AWS_SECRET_ACCESS_KEY='y',
               AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    env.pop('COLUMNS', None)
    run = subprocess.run([aws, 'cognito-idp', 'resend-confirmation-code', '--client-id', 'a', '--username', 'b',
                          '--endpoint-url', f'http://127.0.0.1:{PORT}', '--output', output, '--query', expression],
                         capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    return {'stdout': normalized(run.stdout.decode()), 'stderr': normalized(run.stderr.decode()),
            'exit_code': run.returncode}


def wanted_cases():
    """Every case's document and expression, in order, without repeats, and whether it may not compile."""
    chosen = ([('response', e) for e in RESPONSE_CASES] + [('rich', e) for e in FORMS + SPECIFIC]
              + function_cases() + seeded_arrays())
    cases, seen = [], set()
    for case, may_not_compile in [(c, False) for c in chosen] + [(c, True) for c in random_expressions()]:
        if case not in seen:
            seen.add(case)
            cases.append((case, may_not_compile))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--aws', help='the aws executable of AWS CLI v1 (awscli 1.46.3)')
    parser.add_argument('--inputs', action='store_true', help="print the cases' inputs as JSON, record nothing")
    parser.add_argument('output', nargs='?', help='the file to write')
    options = parser.parse_args()
    if options.inputs:
        inputs = [{'document': d, 'expression': e} for (d, e), _ in wanted_cases()]
        json.dump(inputs, sys.stdout, ensure_ascii=False)
        return
    if not options.aws or not options.output:
        parser.error('recording needs --aws AWS and OUTPUT')
    import jmespath
    if jmespath.__version__ != JMESPATH_VERSION:
        sys.exit(f'this venv has jmespath {jmespath.__version__}; the port follows {JMESPATH_VERSION}: '
                 f'`{sys.executable} -m pip install jmespath=={JMESPATH_VERSION}`')
    cases = [record(d, e, may_not_compile) for (d, e), may_not_compile in wanted_cases()]
    server = subprocess.Popen([sys.executable, MOCK, str(PORT)], stderr=subprocess.DEVNULL,
                              env=dict(os.environ, BODY=json.dumps(DOCUMENTS['response'])))
    differ = []
    try:
        time.sleep(1.0)
        for case in cases:
            if case['document'] == 'response' and case['expression'] in CLI_CASES:
                case['cli'] = True
                for output in ('json', 'text', 'table'):
                    real = run_cli(options.aws, case['expression'], output)
                    here = case.get(output, {'stdout': '', 'stderr': f"\n{case.get('error')}\n", 'exit_code': 255})
                    if isinstance(here, str):
                        here = {'stdout': here, 'stderr': '', 'exit_code': 0}
                    if real != here:
                        differ.append(f"{case['expression']!r} --output {output}:\n  aws:  {real}\n  here: {here}")
    finally:
        server.kill()
    if differ:
        sys.exit('AWS CLI v1 printed something else than its formatters did here:\n' + '\n'.join(differ))
    recorded_with = {'awscli': '1.46.3', 'jmespath': jmespath.__version__,
                     'python': '%d.%d.%d' % sys.version_info[:3]}
    with open(options.output, 'w') as f:
        json.dump({'recorded_with': recorded_with, 'documents': DOCUMENTS, 'cases': cases}, f, indent=1,
                  ensure_ascii=False)
        f.write('\n')
    print(f'{len(cases)} expressions written to {options.output} ({sum(1 for c in cases if c.get("cli"))} also run by aws)')


if __name__ == '__main__':
    main()
