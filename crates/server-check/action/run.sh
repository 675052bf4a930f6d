#!/usr/bin/env bash
# The logic of the GitHub Action (action.yml at the repository root runs it): reads the inputs from
# INPUT_* variables, writes the client secret (when given) to a file only this user can read and removes it
# at the end, builds the tool with `cargo install --locked` from the action's own checkout unless
# INPUT_BINARY names one, runs it with every report, appends the Markdown report to $GITHUB_STEP_SUMMARY, and
# writes the outputs (exit-code, verdict, report-dir and each report's path) to $GITHUB_OUTPUT. Exits with
# the tool's exit code: 0 conforms, 1 does not conform, 2 could not check (bad inputs included).
#
# It needs what a runner gives a step: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP and, to build the
# tool, GITHUB_ACTION_PATH and cargo. crates/server-check/tests/tool/action.rs runs it so. It never prints
# the secret and never traces commands.
set -euo pipefail
set +x

tool=cognito-idp-conformance
secret_file=""
outputs_written=false

for variable in GITHUB_OUTPUT GITHUB_STEP_SUMMARY RUNNER_TEMP; do
  if [ -z "${!variable:-}" ]; then
    echo "$tool action: $variable is not set: this script runs as a step of a GitHub Actions job" >&2
    exit 2
  fi
done

# shellcheck disable=SC2317 # run by the trap
cleanup() {
  if [ -n "$secret_file" ]; then rm -f -- "$secret_file"; fi
}
trap cleanup EXIT

# One output per line; values never hold a line break (checked below for the paths).
output() {
  printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
}

verdict_of() {
  case "$1" in
    0) echo conforms ;;
    1) echo does-not-conform ;;
    *) echo could-not-check ;;
  esac
}

# A problem with the inputs or the build: said in the log and the step summary, exit code 2.
stop() {
  echo "$tool action: $1" >&2
  {
    printf '## ⚠️ %s: could not run\n\n' "$tool"
    # An indented code block: nothing in the message can end it or become markup.
    printf '%s\n' "$1" | sed 's/^/    /'
    printf '\n'
  } >> "$GITHUB_STEP_SUMMARY"
  if [ "$outputs_written" = false ]; then
    output exit-code 2
    output verdict could-not-check
  fi
  exit 2
}

# Inputs.
endpoint=${INPUT_ENDPOINT_URL:-}
client_id=${INPUT_CLIENT_ID:-}
username=${INPUT_USERNAME:-}
[ -n "$endpoint" ] || stop "the input endpoint-url is required"
[ -n "$client_id" ] || stop "the input client-id is required"
[ -n "$username" ] || stop "the input username is required"
# Every value as --option=value, so that one that starts with '-' is still the option's value.
args=("--endpoint-url=$endpoint" "--client-id=$client_id" "--username=$username")

if [ -n "${INPUT_CLIENT_SECRET:-}" ]; then
  [ -z "${INPUT_CLIENT_SECRET_FILE:-}" ] || stop "give client-secret or client-secret-file, not both"
  secret_file=$(umask 077 && mktemp "$RUNNER_TEMP/$tool-secret.XXXXXXXX")
  chmod 600 "$secret_file"
  # printf is a shell builtin: the secret is in no process's arguments.
  printf '%s' "$INPUT_CLIENT_SECRET" > "$secret_file"
  args+=("--client-secret-file=$secret_file")
elif [ -n "${INPUT_CLIENT_SECRET_FILE:-}" ]; then
  args+=("--client-secret-file=$INPUT_CLIENT_SECRET_FILE")
fi
unset INPUT_CLIENT_SECRET

[ -z "${INPUT_CONFIRMED_USERNAME:-}" ] || args+=("--confirmed-username=$INPUT_CONFIRMED_USERNAME")
case "${INPUT_PREVENT_USER_EXISTENCE_ERRORS:-false}" in
  true | True | TRUE) args+=(--prevent-user-existence-errors) ;;
  false | False | FALSE | "") ;;
  *) stop "the input prevent-user-existence-errors is 'true' or 'false', not '$INPUT_PREVENT_USER_EXISTENCE_ERRORS'" ;;
esac
[ -z "${INPUT_MAX_DELIVERIES:-}" ] || args+=("--max-deliveries=$INPUT_MAX_DELIVERIES")
[ -z "${INPUT_RESPONSE_TIMEOUT:-}" ] || args+=("--response-timeout=$INPUT_RESPONSE_TIMEOUT")
[ -z "${INPUT_BASELINE:-}" ] || args+=("--baseline=$INPUT_BASELINE")

# `only` and `skip`: ids or families separated by spaces, commas or line breaks (never globbed).
add_each() {
  local option=$1 list=$2 entry
  set -f
  local IFS=$', \t\n'
  for entry in $list; do args+=("$option=$entry"); done
  set +f
}
add_each --only "${INPUT_ONLY:-}"
add_each --skip "${INPUT_SKIP:-}"

# Reports: each where its input says, else in the report folder.
report_dir=${INPUT_REPORT_DIR:-$RUNNER_TEMP/$tool}
json=${INPUT_JSON:-$report_dir/report.json}
junit=${INPUT_JUNIT:-$report_dir/report.xml}
har=${INPUT_HAR:-$report_dir/report.har}
markdown=${INPUT_MARKDOWN:-$report_dir/report.md}
html=${INPUT_HTML:-$report_dir/report.html}
newline=$'\n'
for path in "$report_dir" "$json" "$junit" "$har" "$markdown" "$html"; do
  case "$path" in *"$newline"*) stop "a report path holds a line break" ;; esac
done
mkdir -p -- "$report_dir"
# A report left from an earlier run must not pass for this run's.
rm -f -- "$json" "$junit" "$har" "$markdown" "$html"
args+=("--json=$json" "--junit=$junit" "--har=$har" "--markdown=$markdown" "--html=$html")

# The tool: the one given, or built from the action's own checkout.
if [ -n "${INPUT_BINARY:-}" ]; then
  binary=$INPUT_BINARY
  if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then stop "the input binary names no executable file: $binary"; fi
else
  [ -n "${GITHUB_ACTION_PATH:-}" ] || stop "GITHUB_ACTION_PATH is not set: cannot find the action's checkout to build $tool"
  command -v cargo > /dev/null || stop "cargo is not on PATH: install a Rust toolchain first (dtolnay/rust-toolchain, or rustup)"
  install_root="$RUNNER_TEMP/$tool-install"
  echo "::group::cargo install --locked --path crates/server-check"
  if ! cargo install --locked --path "$GITHUB_ACTION_PATH/crates/server-check" --root "$install_root"; then
    echo "::endgroup::"
    stop "cargo install --locked --path crates/server-check failed (its log is above)"
  fi
  echo "::endgroup::"
  binary="$install_root/bin/$tool"
fi

# The run: the terminal report goes to the log as it comes; its errors are kept for the summary too.
errors=$(mktemp "$RUNNER_TEMP/$tool-errors.XXXXXXXX")
set +e
"$binary" "${args[@]}" 2> "$errors"
code=$?
set -e
cat -- "$errors" >&2

verdict=$(verdict_of "$code")
output exit-code "$code"
output verdict "$verdict"
output report-dir "$report_dir"
outputs_written=true
for name in json junit har markdown html; do
  path=${!name}
  if [ -f "$path" ]; then output "$name" "$path"; else output "$name" ""; fi
done

if [ -s "$markdown" ]; then
  cat -- "$markdown" >> "$GITHUB_STEP_SUMMARY"
else
  message=$(cat -- "$errors")
  rm -f -- "$errors"
  stop "$tool exited with code $code and wrote no report:${newline}${message}"
fi
rm -f -- "$errors"
exit "$code"
