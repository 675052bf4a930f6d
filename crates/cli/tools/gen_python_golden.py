#!/usr/bin/env python3
"""Golden cases for crates/cli/src/python/pyrepr.rs and crates/cli/src/output/jsonfmt.rs: CPython 3.11's repr()
and json.dumps() of seeded random strings, values, floats and bytes, written to
crates/cli/tests/data/python_golden.json (one driver test per kind reads it).

    python3.11 crates/cli/tools/gen_python_golden.py [OUTPUT]   # `cargo xtask record-goldens` runs it
"""
import json, os, random, struct, sys
from collections import OrderedDict

rng = random.Random(20240611)

def rs(s):
    out = []
    for ch in s:
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ' ' <= ch <= '~': out.append(ch)
        else: out.append('\\u{%x}' % ord(ch))
    return '"' + ''.join(out) + '"'

POOLS = [
    lambda: chr(rng.randint(0x20, 0x7e)),                      # printable ASCII
    lambda: rng.choice('\'"\\'),                                # quotes and backslash
    lambda: chr(rng.choice([*range(0, 0x20), 0x7f])),           # C0 controls and DEL
    lambda: chr(rng.randint(0x80, 0xff)),                       # Latin-1, with C1 controls, NBSP, SHY
    lambda: chr(rng.randint(0x300, 0x36f)),                     # combining marks
    lambda: chr(rng.choice([0x200b, 0x200e, 0x2028, 0x2029, 0x3000, 0xfeff, 0x2060, 0x061c, 0x1680])),
    lambda: chr(rng.randint(0x4e00, 0x9fff)),                   # CJK
    lambda: chr(rng.randint(0x1f300, 0x1faff)),                 # emoji, some unassigned
    lambda: chr(rng.choice([0xe000, 0xf8ff, 0xf0000, 0x10fffd])),  # private use
    lambda: chr(rng.choice([0x378, 0xfffe, 0xffff, 0x10ffff, 0xe0001, 0xe0100, 0x2fa1e, 0x30000])),
    lambda: chr(rng.randint(0x100, 0xffff)),                    # anything in the BMP
    lambda: chr(rng.randint(0x10000, 0x10ffff)),                # anything astral
]

def rand_str(maxlen=8):
    s = ''.join(rng.choice(POOLS)() for _ in range(rng.randint(0, maxlen)))
    return ''.join(c for c in s if not 0xd800 <= ord(c) <= 0xdfff)

NICE_FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 100.0, 1e5, 123.456, 0.0001, 1e-05, 1e15, 1e16, 2.5, 1e22, 3.14159]

def rand_scalar():
    k = rng.randint(0, 9)
    if k == 0: return None
    if k == 1: return rng.choice([True, False])
    if k == 2: return rng.choice([0, -1, 1, 2**63 - 1, -2**63, 2**64 - 1, 10**15, rng.randint(-10**6, 10**6)])
    if k == 3: return rng.choice(NICE_FLOATS)
    return rand_str()

def rand_value(depth=0):
    k = rng.randint(0, 5)
    if depth > 3 or k < 3: return rand_scalar()
    if k == 3: return [rand_value(depth + 1) for _ in range(rng.randint(0, 3))]
    return {rand_str(4): rand_value(depth + 1) for _ in range(rng.randint(0, 3))}

def rand_float():
    k = rng.randint(0, 5)
    if k == 0: return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    if k == 1: return rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20)
    if k == 2: return float(rng.randint(-10**17, 10**17))
    if k == 3: return rng.choice([1e16, 9999999999999998.0, 1e-4, 9.999999999999999e-05, 5e-324, 2.2250738585072014e-308,
                                  1.7976931348623157e308, float('inf'), float('-inf'), 0.5, 1/3, 2/3, 0.1 + 0.2])
    if k == 4: return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(52) | (rng.randint(0, 2046) << 52)))[0]

def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]



def main():
    fixed_str = ['', 'Zoë', '用户', '😀', 'e\u0301', "it's", 'say "hi"', 'both \' "', 'a\\b', '\x00\x07\x1b\x7f', '\x85\xa0\xad',
                 '\u200b\u2028\u2029\u3000\ufeff', '\ue000\U000f0000', '\u0378\uffff\U0010ffff', ' ', '\t\n\r']
    strings = [[s, repr(s)] for s in fixed_str + [rand_str(12) for _ in range(150)]]
    # Strings inside containers (quotes, escapes, astral characters) and nested empty containers.
    fixed_values = ['["a\'b"]', '["a\'b\\"c"]', '["\\u0000\\u001f\\u007f\\u00a0\\u00ad\\u2028\\ud83d\\ude00\\udb40\\udc01"]',
                    '{"k": {}, "l": [], "m": [null, false, 1e300]}']
    values = [[t, repr(json.loads(t)), repr(json.loads(t, object_pairs_hook=OrderedDict))] for t in fixed_values]
    for _ in range(120):
        v = rand_value()
        t = json.dumps(v)
        values.append([t, repr(json.loads(t)), repr(json.loads(t, object_pairs_hook=OrderedDict))])
    # Where repr() switches between positional and exponent forms, the extremes, and the non-finite values.
    fixed_floats = [0.0, -0.0, 1.0, 0.5, 1e15, 9999999999999998.0, 1e16, 1.5e16, 0.0001, 0.00012, 1e-5, 1.25e-7,
                    1e100, 1.7976931348623157e308, 5e-324, 0.1 + 0.2, -123.456, float('inf'), float('-inf'), float('nan')]
    floats = [[bits(x), repr(x)] for x in fixed_floats]
    for _ in range(400):
        x = rand_float()
        floats.append([bits(x), repr(x)])
    byte_cases = []
    for b in [b'', b'abc\n', b'\xff\x00\'"', b"'", b'"', b'\\', bytes(range(0, 256, 7))] + [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 10))) for _ in range(40)]:
        byte_cases.append([list(b), repr(b)])
    fixed_json = ['{}', '[]', '""', 'null', 'true', '1', '-0.0', '1e+16', '{"a": {}, "b": []}',
                  json.dumps({'k': ['Zoë', '用户', '😀', 'e\u0301', '\x00\x08\x0c\x1f\x7f\x85\u2028\ufeff', '"\\/']}),
                  json.dumps([[[[]]], {"": {"": None}}])]
    # json.dumps cases were printed by a separate run, from a freshly seeded generator.
    rng.seed(20240611)
    dumps = []
    for t in fixed_json + [json.dumps(rand_value()) for _ in range(100)]:
        v = json.loads(t)
        dumps.append([t, json.dumps(v, indent=4), json.dumps(v, indent=4, ensure_ascii=False)])
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'python_golden.json')
    data = {'recorded_with': 'CPython %d.%d' % sys.version_info[:2], 'repr_str': strings, 'repr_value': values,
            'repr_float': floats, 'repr_bytes': byte_cases, 'json_dumps': dumps}
    with open(out, 'w') as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{sum(len(v) for v in data.values() if isinstance(v, list))} cases written to {out}')


if __name__ == '__main__':
    main()
