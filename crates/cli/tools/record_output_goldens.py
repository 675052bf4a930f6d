#!/usr/bin/env python3
"""Records what AWS CLI v1 (awscli 1.46.3) prints for `--output text` and `--output table`, as the data of the
driver tests of crates/cli/src/output/text.rs and table.rs.

Each case runs the real `aws cognito-idp resend-confirmation-code` against crates/cli/tools/mockserver.py (ports 18400
and up, one per response body), with stdout on a pipe or on a pseudo-terminal of a given width (output
post-processing off, so the bytes are the program's own), and records the observed stdout, stderr
and exit code. The input value of each case is what the case's `--query` yields: a JMESPath
literal is that JSON; other queries name the value by hand (`value`).

    python3 crates/cli/tools/record_output_goldens.py text --aws AWS OUTPUT   # crates/cli/tests/data/text_output.json
    python3 crates/cli/tools/record_output_goldens.py table --aws AWS OUTPUT  # crates/cli/tests/data/table_output.json
    python3 crates/cli/tools/record_output_goldens.py text --inputs           # the cases' inputs, as JSON

`cargo xtask record-goldens` runs both (and `--inputs`, for `--check` where AWS CLI v1 is not installed); each file
drives one test of crates/cli/src/output/text.rs or table.rs.
"""
import argparse
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time

# The mock server beside this script.
MOCK = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'mockserver.py')
BASE_PORT = 18400
DEFAULT_BODY = {'CodeDeliveryDetails': {'Destination': 'j***@e***', 'DeliveryMedium': 'EMAIL', 'AttributeName': 'email'}}
UNICODE_BODY = {'CodeDeliveryDetails': {'Destination': 'Zoë 用户 😀', 'DeliveryMedium': '±§Ω', 'AttributeName': 'e\u0301'}}
LONG_BODY = {'CodeDeliveryDetails': {'Destination': 'x' * 120 + '@example.com', 'DeliveryMedium': 'SMS',
                                     'AttributeName': 'phone_number'}}
DELIVERY = DEFAULT_BODY['CodeDeliveryDetails']


def case(name, query=None, value=None, body=DEFAULT_BODY, tty=None, color=None, env=None):
    """`query` a JMESPath literal's JSON (str) is its own value; otherwise `value` is the query's result."""
    if value is None:
        value = body if query is None else json.loads(query.strip('`'))
    return dict(name=name, query=query, value=value, body=body, tty=tty, color=color, env=env or {})


TEXT_CASES = [
    case('prints_the_whole_response_with_the_upper_cased_key_first', value=DEFAULT_BODY),
    case('prints_a_dicts_scalar_values_in_key_order_on_one_line', query='CodeDeliveryDetails', value=DELIVERY),
    case('prints_a_list_of_dicts_one_line_each', query='[CodeDeliveryDetails, CodeDeliveryDetails]',
         value=[DELIVERY, DELIVERY]),
    case('prints_a_bare_string_with_a_newline', query='CodeDeliveryDetails.Destination', value='j***@e***'),
    case('prints_a_number_from_a_function', query='length(CodeDeliveryDetails.Destination)', value=9),
    case('prints_null_as_none_in_a_multiselect_hash', query='{a: CodeDeliveryDetails.Destination, b: `null`}',
         value={'a': 'j***@e***', 'b': None}),
    case('prints_a_bare_null_as_none', query='`null`'),
    case('prints_a_bare_true_as_python_does', query='`true`'),
    case('prints_a_bare_false_as_python_does', query='`false`'),
    case('prints_a_float_as_python_repr', query='`1.5`'),
    case('prints_large_floats_in_exponent_form', query='`1e16`'),
    case('prints_small_floats_in_exponent_form_with_two_exponent_digits', query='`1e-5`'),
    case('prints_floats_down_to_ten_to_the_minus_four_positionally', query='`0.0001`'),
    case('prints_negative_zero_with_its_sign', query='`-0.0`'),
    case('prints_a_float_written_with_an_exponent_as_a_float', query='`[1e2, 1e15, 12345678.9, 0.1, 1e22]`'),
    case('prints_a_large_integer_as_it_is', query='`1234567890123456789`'),
    case('prints_nothing_for_an_empty_list', query='`[]`'),
    case('prints_nothing_for_an_empty_dict', query='`{}`'),
    case('prints_an_empty_line_for_an_empty_string', query='`""`'),
    case('joins_a_list_of_scalars_with_tabs', query='`[1, "a", null, true, 2.5]`'),
    case('prints_scalars_of_a_mixed_list_first_then_each_inner_list', query='`[[1, 2], [3, [4, 5]], 6]`'),
    case('sorts_scalar_keys_and_prefixes_nested_rows_with_the_upper_cased_key',
         query='`{"b": 1, "a": "x", "c": [1, 2], "d": {"z": 1, "y": [{"k": 1}, {"j": 2, "k": 3}]}}`'),
    case('prints_lists_of_lists_and_lists_of_dicts_under_their_key_and_skips_empty_containers',
         query='`{"L": [[1, 2], [3, 4]], "M": [{"a": [1, 2]}, {"a": []}], "E": [], "F": {}}`'),
    case('sorts_keys_by_code_point_and_upper_cases_them_as_python',
         query='`{"Zb": 1, "a": 2, "B": 3, "_": 4, "é": 5, "ß": {"x": 1}, "ǆ": [1]}`'),
    case('leaves_characters_unicode_14_has_no_upper_case_for_as_they_are', query='`{"ƛ": [1], "ɤ": [2], "ꟑ": [3]}`'),
    case('leaves_empty_cells_for_keys_missing_from_some_dicts_of_a_list',
         query='`[{"a": 1, "b": 2}, {"b": 3, "c": 4}]`'),
    case('prints_nothing_for_a_list_of_empty_dicts', query='`[{}, {}]`'),
    case('prints_a_python_repr_for_a_container_in_a_scalar_column',
         query='`[{"a": 1}, {"a": {"x": 1, "y": [1, "it\'s", null, true, 1.5, "\\"q\\"", "é\\u0301\\u200b\\u0085\\n\\t\\\\"]}}]`'),
    case('writes_tabs_and_newlines_inside_values_as_they_are', query='`{"a": "tab\\there", "b": "nl\\nx"}`'),
    case('prints_unicode_values_as_they_are', value=UNICODE_BODY, body=UNICODE_BODY),
    case('fails_on_a_list_of_dicts_holding_a_string', query='`[{"a": 1}, "s"]`'),
    case('fails_on_a_list_of_dicts_holding_null', query='`[{"a": 1}, null]`'),
    case('fails_on_a_list_of_dicts_holding_a_list', query='`[{"a": 1}, [1]]`'),
    case('keeps_what_was_printed_before_failing', query='`{"a": 1, "x": [1, {"a": 1}]}`'),
    case('ignores_color_on', color='on', value=DEFAULT_BODY),
    case('has_no_color_on_a_terminal', tty=80, value=DEFAULT_BODY),
]

TABLE_CASES = [
    case('draws_the_whole_response_with_a_nested_section', value=DEFAULT_BODY),
    case('ignores_columns_when_stdout_is_not_a_terminal', value=DEFAULT_BODY, env={'COLUMNS': '20'}),
    case('turns_single_row_sections_vertical_on_a_20_column_terminal', value=DEFAULT_BODY, tty=20,
         env={'COLUMNS': '200'}),
    case('keeps_the_layout_on_a_200_column_terminal', value=DEFAULT_BODY, tty=200, env={'COLUMNS': '20'}),
    case('turns_single_row_sections_vertical_on_a_terminal_without_a_size', value=DEFAULT_BODY, tty=0),
    case('draws_a_dict_as_headers_and_one_row', query='CodeDeliveryDetails', value=DELIVERY),
    case('draws_a_list_of_dicts_as_rows_under_shared_headers', query='[CodeDeliveryDetails, CodeDeliveryDetails]',
         value=[DELIVERY, DELIVERY]),
    case('draws_only_the_title_for_a_string', query='CodeDeliveryDetails.Destination', value='j***@e***'),
    case('draws_only_the_title_for_a_number', query='length(CodeDeliveryDetails.Destination)', value=9),
    case('draws_only_the_title_for_true', query='`true`'),
    case('draws_none_for_null_in_a_multiselect_hash', query='{a: CodeDeliveryDetails.Destination, b: `null`}',
         value={'a': 'j***@e***', 'b': None}),
    case('draws_nothing_for_null', query='`null`'),
    case('draws_nothing_for_zero', query='`0`'),
    case('draws_nothing_for_zero_point_zero', query='`0.0`'),
    case('draws_nothing_for_false', query='`false`'),
    case('draws_nothing_for_an_empty_string', query='`""`'),
    case('draws_nothing_for_an_empty_list', query='`[]`'),
    case('draws_nothing_for_an_empty_dict', query='`{}`'),
    case('draws_a_list_of_scalars_one_per_row', query='`[1, "a", null, 2.5, 1e16]`'),
    case('draws_a_list_of_lists_as_rows', query='`[[1, 2], [3, 4]]`'),
    case('fails_on_rows_of_different_lengths', query='`[[1, 2], [3]]`'),
    case('draws_a_dict_inside_a_list_of_scalars_as_a_row_of_its_keys', query='`[1, {"a": 5}]`'),
    case('draws_a_single_scalar_member_as_a_key_value_row', query='`{"only": "one", "more": {"x": 1, "y": 2}}`'),
    case('counts_wide_characters_as_two_columns', value=UNICODE_BODY, body=UNICODE_BODY),
    case('counts_ambiguous_characters_and_combining_marks_as_two_columns',
         query='`{"±": "§Ω", "a": "é\\u0301", "k": "ｱ한"}`'),
    case('turns_a_too_wide_table_vertical_and_lets_a_long_value_overflow', value=LONG_BODY, body=LONG_BODY),
    case('overflows_a_long_value_in_a_single_column_list', query='`["' + 'y' * 100 + '", "z"]`'),
    case('widens_the_table_to_a_long_title', query='`{"a": {"a_very_long_section_title_that_is_wider_than_the_rows": {"k": 1, "l": 2}}}`'),
    case('indents_nested_sections',
         query='`{"a": 1, "b": {"c": 2, "d": {"e": 3, "f": 4}}, "l": [{"x": 1, "y": [1, 2]}, {"x": 2, "y": [3]}]}`'),
    case('opens_a_section_per_element_when_list_elements_have_nested_members',
         query='`[{"n": "a", "tags": [{"k": "x", "v": "1"}]}, {"n": "bb", "tags": [{"k": "y", "v": "22"}]}]`'),
    case('scales_columns_to_the_widest_section', query='`{"s": {"aaaaaaaaaaaaaaaaaaaaaaaa": 1, "b": 2, "c": 3}, "t": [1, 2]}`'),
    case('draws_a_python_repr_for_a_container_in_a_scalar_column', query='`[{"a": 1}, {"a": {"x": [1, "it\'s"]}}]`'),
    case('styles_rows_and_indentation_with_color_on', color='on', value=DEFAULT_BODY),
    case('styles_on_a_terminal_by_default_and_resets_at_exit', tty=80, value=DEFAULT_BODY),
    case('styles_on_a_terminal_with_color_on', tty=80, color='on', query='`[["a", ""], ["b", "c"]]`'),
    case('does_not_style_on_a_terminal_with_color_off', tty=80, color='off', value=DEFAULT_BODY),
    case('only_resets_at_exit_for_an_empty_result_on_a_terminal', tty=80, query='`null`'),
    case('styles_the_error_message_with_color_on', color='on', query='`[[1], [1, 2]]`'),
    case('fails_on_a_list_of_dicts_holding_a_string', query='`[{"a": 1}, "s"]`'),
    case('fails_on_a_list_of_dicts_holding_a_number', query='`[{"a": 1}, 5]`'),
    case('fails_on_a_list_of_dicts_holding_an_empty_list', query='`[{"a": 1}, []]`'),
    case('fails_on_a_list_of_dicts_holding_a_list_index_out_of_range', query='`[{"a": 1}, [3]]`'),
    case('fails_on_a_list_of_dicts_holding_a_list_of_strings', query='`[{"a": 1}, ["a"]]`'),
    case('fails_to_sort_string_and_int_columns', query='`[{"a": 1, "b": 2}, [-1]]`'),
    case('fails_when_a_nested_list_of_dicts_is_wider_than_the_rows_before_it', query='`[[1], [{"a": 1, "b": 2}]]`'),
]


def start_servers(cases):
    bodies, procs = {}, []
    for c in cases:
        key = json.dumps(c['body'], ensure_ascii=False)
        if key not in bodies:
            port = BASE_PORT + len(bodies)
            env = dict(os.environ, BODY=key)
            procs.append(subprocess.Popen([sys.executable, MOCK, str(port)], env=env, stderr=subprocess.DEVNULL))
            bodies[key] = port
    time.sleep(1.0)
    return bodies, procs


def run(aws, c, output, port):
    args = [aws, 'cognito-idp', 'resend-confirmation-code', '--client-id', 'a', '--username', 'b',
            '--endpoint-url', f'http://127.0.0.1:{port}', '--output', output]
    if c['query'] is not None:
        args += ['--query', c['query']]
    if c['color'] is not None:
        args += ['--color', c['color']]
    env = dict(os.environ, AWS_DEFAULT_REGION='us-east-1', AWS_ACCESS_KEY_ID='x', AWS_SECRET_ACCESS_KEY='y')
    env.pop('COLUMNS', None)
    env.update(c['env'])
    if c['tty'] is None:
        p = subprocess.run(args, env=env, capture_output=True, stdin=subprocess.DEVNULL)
        return p.stdout.decode(), p.stderr.decode(), p.returncode
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, c['tty'], 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    p = subprocess.Popen(args, env=env, stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    out = b''
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    err = p.stderr.read()
    return out.decode(), err.decode(), p.wait()


def command_line(c, output):
    parts = []
    for k, v in c['env'].items():
        parts.append(f'{k}={v}')
    parts.append(f'aws cognito-idp resend-confirmation-code ... --output {output}')
    if c['query'] is not None:
        parts.append("--query '" + c['query'] + "'")
    if c['color'] is not None:
        parts.append('--color ' + c['color'])
    where = 'stdout a pipe' if c['tty'] is None else f"stdout a {c['tty']}-column terminal"
    if c['body'] is not DEFAULT_BODY:
        where += ', body ' + json.dumps(c['body'], ensure_ascii=False)[:60] + '...'
    return ' '.join(parts) + f' ({where})'


def inputs(cases, module):
    """What each recorded case holds besides what AWS CLI v1 printed."""
    return [{
        'name': c['name'],
        'command': command_line(c, module),
        'value': c['value'],
        'tty_columns': c['tty'],
        'color': c['color'] or 'auto',
    } for c in cases]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('module', choices=['text', 'table'])
    parser.add_argument('--aws', help='the aws executable of AWS CLI v1 (awscli 1.46.3)')
    parser.add_argument('--inputs', action='store_true', help="print the cases' inputs as JSON, record nothing")
    parser.add_argument('output', nargs='?', help='the file to write')
    options = parser.parse_intermixed_args()
    module = options.module
    cases = TEXT_CASES if module == 'text' else TABLE_CASES
    if options.inputs:
        json.dump(inputs(cases, module), sys.stdout, ensure_ascii=False)
        return
    if not options.aws or not options.output:
        parser.error('recording needs --aws AWS and OUTPUT')
    ports, procs = start_servers(cases)
    recorded = []
    try:
        for c, case_inputs in zip(cases, inputs(cases, module)):
            port = ports[json.dumps(c['body'], ensure_ascii=False)]
            stdout, stderr, rc = run(options.aws, c, module, port)
            recorded.append({**case_inputs, 'stdout': stdout, 'stderr': stderr, 'exit_code': rc})
    finally:
        for p in procs:
            p.kill()
    with open(options.output, 'w') as f:
        json.dump({'recorded_with': 'awscli 1.46.3', 'output': module, 'cases': recorded}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{len(recorded)} {module} cases written to {options.output}')


if __name__ == '__main__':
    main()
