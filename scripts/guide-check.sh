#!/usr/bin/env bash
# Runs the walkthroughs of docs/integration-guide.md against the running local suite, exactly as a
# reader would: every ```bash block that follows an HTML comment <!-- guide-check: NAME --> is run,
# in document order, in one bash process started in the repository root, with errexit, nounset and
# pipefail on. A non-2xx answer where the guide expects success fails the block (the guide's
# commands use curl --fail-with-body or check status codes and jq -e assertions themselves).
#
#   scripts/guide-check.sh            run every marked block, print a summary
#   scripts/guide-check.sh --list     print the blocks that would run, with their line numbers
#   VERBOSE=1 scripts/guide-check.sh  also show the commands' output
#
# Needs the suite started with ./run.sh (gateway on 127.0.0.1:8080), curl (7.76 or newer) and jq.
# Repeatable: the guide uses new school codes on every run and reopens the data it approves.
set -euo pipefail
cd "$(dirname "$0")/.."
GUIDE=${GUIDE:-docs/integration-guide.md}
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
WAIT_SECONDS=${WAIT_SECONDS:-90}   # how long to wait for the suite to be ready
MAX_SECONDS=${MAX_SECONDS:-300}    # the blocks together must finish within this

[ -f "$GUIDE" ] || { echo "missing $GUIDE" >&2; exit 2; }
for tool in curl jq openssl timeout; do
  command -v "$tool" >/dev/null || { echo "guide-check: $tool is required" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Extract the marked blocks: one file per block plus an index "n<TAB>name<TAB>first line".
awk -v dir="$WORK" '
  /^<!-- guide-check: [A-Za-z0-9._-]+ -->$/ { name = $3; next }
  name != "" && /^```bash[ \t]*$/ { n++; file = dir "/block." n; inblock = 1
    printf "%d\t%s\t%d\n", n, name, NR + 1 > (dir "/index"); name = ""; next }
  inblock && /^```[ \t]*$/ { inblock = 0; close(file); next }
  inblock { print > file; next }
  name != "" && NF > 0 { printf "guide-check: marker \"%s\" is not followed by a ```bash block (line %d)\n", name, NR > "/dev/stderr"; exit 3 }
' "$GUIDE"
[ -s "$WORK/index" ] || { echo "guide-check: no marked blocks in $GUIDE" >&2; exit 3; }

if [ "${1:-}" = "--list" ]; then
  while IFS=$'\t' read -r n name line; do
    printf '%-22s %s:%d (%d lines)\n' "$name" "$GUIDE" "$line" "$(wc -l <"$WORK/block.$n")"
  done <"$WORK/index"
  exit 0
fi

# The suite may be restarting (benchmarks); wait for the gateway and its backends to be ready.
deadline=$((SECONDS + WAIT_SECONDS))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "${GATEWAY_MANAGEMENT:-http://127.0.0.1:9080}/q/health/ready")" = 200 ]; do
  if [ $SECONDS -ge $deadline ]; then
    echo "guide-check: the suite is not ready at $GATEWAY after ${WAIT_SECONDS}s (start it with ./run.sh)" >&2
    exit 2
  fi
  sleep 2
done

# One runner script: each block is preceded by a marker that records its start on fd 3; the ERR
# trap records the failing line. Line numbers of the runner are mapped back to the guide below.
runner="$WORK/runner.sh"
{
  echo 'set -Eeuo pipefail'
  echo 'trap '"'"'echo "FAIL $LINENO $BASH_COMMAND" >&3'"'"' ERR'
} >"$runner"
: >"$WORK/map"
while IFS=$'\t' read -r n name line; do
  printf 'echo "BEGIN %d $(date +%%s%%N)" >&3\n' "$n" >>"$runner"
  printf '%d\t%d\t%d\n' "$(($(wc -l <"$runner") + 1))" "$n" "$line" >>"$WORK/map"
  cat "$WORK/block.$n" >>"$runner"
  printf '\necho "END %d $(date +%%s%%N)" >&3\n' "$n" >>"$runner"
done <"$WORK/index"

started=$(date +%s%N)
status=0
# The guide's own temporary files (mktemp) land here and are removed with the rest.
mkdir "$WORK/tmp"
export TMPDIR="$WORK/tmp"
if [ -n "${VERBOSE:-}" ]; then
  timeout "$MAX_SECONDS" bash "$runner" 3>"$WORK/progress" 2>&1 | tee "$WORK/log" || status=$?
else
  timeout "$MAX_SECONDS" bash "$runner" 3>"$WORK/progress" >"$WORK/log" 2>&1 || status=$?
fi
total_ms=$((($(date +%s%N) - started) / 1000000))

# Summary per block name: ok, FAILED, or not run (blocks after a failure), and the time taken.
awk -F'\t' -v progress="$WORK/progress" '
  FILENAME == progress { split($0, f, " ")
    if (f[1] == "BEGIN") { began[f[2]] = 1; start[f[2]] = f[3] }
    if (f[1] == "END") { ended[f[2]] = 1; ms[f[2]] = (f[3] - start[f[2]]) / 1000000 }
    next }
  { n = $1; name = $2
    if (!(name in count)) label[++names] = name
    count[name]++; total[name] += ms[n]
    if (began[n] && !ended[n]) failed[name] = 1
    if (!began[n]) skipped[name] = 1 }
  END { for (i = 1; i <= names; i++) { name = label[i]
      state = failed[name] ? "FAILED" : (skipped[name] ? "not run" : "ok")
      printf "  %-20s %2d block(s) %6.1f s  %s\n", name, count[name], total[name] / 1000, state } }
' "$WORK/progress" "$WORK/index"

if [ $status -ne 0 ]; then
  fail=$(grep '^FAIL ' "$WORK/progress" | tail -n 1 || true)
  if [ -n "$fail" ]; then
    runner_line=$(echo "$fail" | cut -d' ' -f2)
    command_text=$(echo "$fail" | cut -d' ' -f3-)
    # The block whose first runner line is the last one at or before the failing line.
    read -r first n guide_line < <(awk -F'\t' -v l="$runner_line" '$1 <= l { r = $0 } END { print r }' "$WORK/map" | tr '\t' ' ')
    name=$(awk -F'\t' -v n="$n" '$1 == n { print $2 }' "$WORK/index")
    echo
    echo "FAILED in block \"$name\" at $GUIDE:$((guide_line + runner_line - first)): $command_text"
  fi
  [ $status -ne 124 ] || echo "guide-check: the blocks did not finish within ${MAX_SECONDS}s"
  echo "--- last output ---"
  tail -n 40 "$WORK/log"
  echo "guide-check: FAILED after $((total_ms / 1000)).$(((total_ms % 1000) / 100)) s"
  exit 1
fi
echo "guide-check: $(wc -l <"$WORK/index") blocks passed in $((total_ms / 1000)).$(((total_ms % 1000) / 100)) s against $GATEWAY"
