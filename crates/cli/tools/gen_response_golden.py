#!/usr/bin/env python3
"""Golden cases for crates/cli/src/output/response.rs, from CPython 3.11: what json.loads makes of seeded, mutated
JSON texts (json.dumps of the value, `<invalid>` or `<unrepresentable>`), and what bytes.decode('utf-8') raises for
byte strings (empty when they decode); written to crates/cli/tests/data/response_golden.json.

    python3.11 crates/cli/tools/gen_response_golden.py [OUTPUT]   # `cargo xtask record-goldens` runs it
"""
import json, math, os, random, sys
rng = random.Random(99)

def rs(s):
    out = []
    for ch in s:
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ' ' <= ch <= '~': out.append(ch)
        else: out.append('\\u{%x}' % ord(ch))
    return '"' + ''.join(out) + '"'

ATOMS = ['null', 'true', 'false', '0', '-0', '1', '-1', '12.5', '1e5', '1E+2', '-0.0', '1.5e-7', '18446744073709551615',
         '18446744073709551616', '-9223372036854775808', '-9223372036854775809', 'NaN', 'Infinity', '-Infinity', '1e400',
         '"a"', '""', '"Zo\u00eb"', '"\\u00e9"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00\\ud800"', '"\\ud800\\u0041"',
         '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '"\u7528\u6237"', '"\U0001f600"', '"e\u0301"', '"\\u001f\\u007f"']
WS = ['', '', '', ' ', '\n', '\t', '\r\n ']

def text(depth=0):
    k = rng.randint(0, 5)
    if depth > 3 or k < 3: return rng.choice(ATOMS)
    w = lambda: rng.choice(WS)
    if k == 3: return '[' + w() + (',' + w()).join(text(depth + 1) for _ in range(rng.randint(0, 3))) + w() + ']'
    keys = ['"a"', '"b"', '"a"', '"\\u0061"', '"\u00e9"', '""']
    return '{' + w() + (',' + w()).join(rng.choice(keys) + w() + ':' + w() + text(depth + 1) for _ in range(rng.randint(0, 3))) + w() + '}'

NOISE = list('{}[],:"\\/-+.eE0123456789 \t\n\r\x0c\x00abnutrlfsINy\u00e9\ufeff') + ['\\u', 'nul', 'Inf', '-I', '0x1']

def mutate(t):
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        if not t: break
        i = rng.randrange(len(t) + 1)
        op = rng.randint(0, 2)
        if op == 0: t = t[:i] + t[i + 1:]
        elif op == 1: t = t[:i] + rng.choice(NOISE) + t[i:]
        else: t = t[:i] + rng.choice(NOISE) + t[i + 1:]
    return t

def verdict(t):
    try:
        v = json.loads(t)
    except ValueError:
        return '<invalid>'
    def exotic(x):
        if isinstance(x, float): return not math.isfinite(x)
        if isinstance(x, bool): return False
        if isinstance(x, int): return not (-2**63 <= x < 2**64)
        if isinstance(x, str): return any(0xd800 <= ord(c) <= 0xdfff for c in x)
        if isinstance(x, list): return any(exotic(i) for i in x)
        if isinstance(x, dict): return any(exotic(k) or exotic(i) for k, i in x.items())
        return False
    if exotic(v): return '<unrepresentable>'
    return json.dumps(v, indent=4, ensure_ascii=False)


# The byte strings of the UTF-8 cases (hex), chosen around the decoder's boundaries.
UTF8_INPUTS = [
    "00", "00f080", "61", "610080bf80", "61c2", "61c2e0a0e0", "61e0f090", "61ed9fbfe0a0",
    "61efbf", "80", "806161fef490", "80c280", "80e080f490", "80fff0", "bf", "bf61e0",
    "bf80", "bfc2", "bfc2df6180", "bff09f9880e0f48fbfbf", "bff5c1bf", "c0", "c0e0c0efbf", "c0f0",
    "c0ffc2ed9fbff0", "c1", "c1e0", "c1e080", "c1f0", "c1f5", "c1fef09f9880e080", "c2",
    "c200", "c2c3a900", "c2e0a0", "c2f090eda080", "c3a9", "c3a9c000df", "c3a9c1c0c2c3a9", "c3a9e794a8",
    "c3a9f080f080e080c3a9", "c3a9f090", "c3a9fe", "c3a9ffbf", "dfeda080", "dff0", "dff090f5bff09f9880", "dff48fbfbfe794a8f09f9880",
    "dff490", "dff490e794a8ffc2", "dfffe080f5", "e0", "e080", "e08080f090", "e080e080e080e080f09f9880", "e080e0a0",
    "e080efbfe794a8bf", "e080f090c280", "e0a0bfe0a000c1", "e0a0dfc1bf", "e0a0e0", "e0a0ed9fbffee0a0e0a0", "e0a0fe6161", "e0c1c3a9dfc0",
    "e0f48fbfbff0f48fbfbf", "e794a8", "e794a880e080", "e794a8bf", "e794a8c2", "e794a8c261f490", "e794a8efbfc2f0", "e794a8f080",
    "e794a8f09f9880c1f09f9880e794a8", "ed9fbf", "ed9fbfe080fee794a8", "ed9fbfe0e794a8f5", "ed9fbfefbfefbfdf", "ed9fbff0f5", "ed9fbff49080f48fbfbff48fbfbf", "ed9fbff5f080",
    "ed9fbfff61e080", "eda08000e0ed9fbff080", "eda080bf00e080", "eda080bfc3a9", "eda080c0", "eda080c2f48fbfbf80c3a9", "eda080c3a9f080f09f9880c1", "eda080c3a9f5e794a8",
    "eda080e794a8", "eda080e794a8c1e794a8", "eda080f080f09080", "eda080f09f9880", "eda080f5", "efbfbf", "efbfc2c0", "efbff080ed9fbfe794a8e794a8",
    "efbff0c1fff0", "efbff5", "efbffff5", "f0", "f000c0", "f061", "f061ed9fbf00bf", "f080",
    "f080e0e0ffe0a0", "f080efbfffe0e794a8", "f080f490c0e0a0f09f9880", "f09000f0e0f490", "f0906100e794a8", "f090c0ed9fbf", "f090c0f0efbfc1", "f090c2ffeda080",
    "f090e080f0df", "f090e0a0f48fbfbff080", "f090f09f9880", "f09f9880", "f09f9880e0a0f080c3a9f0", "f09f9880f5f490eda080", "f0e080e0eda080", "f0e0a0",
    "f0efbfe0", "f0f090efbf00f09f9880", "f0f48fbfbfdf", "f0f5dff48fbfbf", "f48fbfbf", "f48fbfbf00", "f48fbfbf61e794a8", "f48fbfbf61efbff490e0a0",
    "f48fbfbfe080", "f48fbfbfe0a0efbf", "f48fbfbff09f9880", "f48fbfbffef09f9880f090", "f490c2", "f490e080c3a9c0", "f490e0e794a8fe", "f490f080f5",
    "f490f5fec3a9ed9fbf", "f5", "f5df", "f5e080c1", "f5e0a080f090", "fe", "fec1", "fec2efbf",
    "ffc1f09f9880bfc2", "ffdf", "ffe794a8f080c3a9f48fbfbf", "fff090", "fff490", "fffe",
]


def utf8_error(data):
    try:
        data.decode('utf-8')
        return ''
    except UnicodeDecodeError as e:
        return str(e)


def main():
    loads = []
    seen = set()
    while len(seen) < 400:
        t = mutate(rng.choice(WS) + text() + rng.choice(WS))
        if t in seen:
            continue
        seen.add(t)
        loads.append([t, verdict(t)])
    utf8 = [[list(bytes.fromhex(h)), utf8_error(bytes.fromhex(h))] for h in UTF8_INPUTS]
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'response_golden.json')
    data = {'recorded_with': 'CPython %d.%d' % sys.version_info[:2], 'json_loads': loads, 'utf8_decode': utf8}
    with open(out, 'w') as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{len(loads) + len(utf8)} cases written to {out}')


if __name__ == '__main__':
    main()
