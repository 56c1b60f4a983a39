#!/usr/bin/env bash
# Benchmark: import 10,000 schools from CSV into registry-service (goal: under 10 s), after a dry
# run that must write nothing, beside the raw reference: psql \copy of the same file into a bare
# table of text columns (goal: the import at least 0.6 × its rate). Loopback only. Needs the suite
# running (./run.sh) or starts it.
#
#   bench/registry-import.sh [ROWS]        default 10000
#
# Prints a Markdown table and the command; paste it into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000}"
URL="${REGISTRY_URL:-http://127.0.0.1:8081}"
DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_USER="${DB_USER:-postgres}"

MANAGEMENT="${REGISTRY_MANAGEMENT_URL:-http://127.0.0.1:9081}"
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$MANAGEMENT/q/health/ready")" != 200 ]; then
  echo "registry-service is not running at $URL; starting the suite with ./run.sh" >&2
  ./run.sh >/dev/null
  STARTED=1
fi
TOKEN=$(./run.sh token city-admin)
CSV=$(mktemp --suffix=.csv)
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d registry -v ON_ERROR_STOP=1 -qtA)
cleanup() {
  rm -f "$CSV"
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_copy_school" >/dev/null 2>&1 || true
  [ -z "${STARTED:-}" ] || ./run.sh stop >/dev/null
}
trap cleanup EXIT

# Valid GB 32100-2015 codes: a run-unique prefix, a sequence, and the computed check character.
awk -v rows="$ROWS" -v run="$(date +%s | tail -c 4)" 'BEGIN {
  a = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
  split("370102 370103 370104 370105 370112 370113 370114 370115 370116 370117 370124 370126", d, " ")
  print "uscc,nameZh,districtCode,stages,ownership,locationType,townshipSeat,status"
  for (i = 1; i <= rows; i++) {
    v = run * 100000 + i; tail = ""
    for (k = 0; k < 7; k++) { tail = substr(a, v % 31 + 1, 1) tail; v = int(v / 31) }
    dist = d[(i % 12) + 1]
    s = "12" dist "BM" tail; sum = 0
    for (k = 1; k <= 17; k++) sum += (index(a, substr(s, k, 1)) - 1) * w[k]
    s = s substr(a, (31 - sum % 31) % 31 + 1, 1)
    printf "%s,压测学校%06d,%s,小学|初中,公办,城区,false,OPEN\n", s, i, dist
  }
}' >"$CSV"

# The raw reference: the same rows copied by PostgreSQL itself into a bare table.
"${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_copy_school" -c "CREATE TABLE bench_copy_school (uscc text,
  name_zh text, district_code text, stages text, ownership text, location_type text, township_seat text, status text)"
copy_start=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy bench_copy_school FROM '$CSV' WITH (FORMAT csv, HEADER true)"
copy_s=$(awk -v a="$copy_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')

count() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d registry -tAc 'select count(*) from school'; }
before=$(count)
dry=$(curl -s -o /tmp/bench-dry.json -w '%{http_code} %{time_total}' -X POST \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$CSV" "$URL/api/v1/schools/import?dryRun=true")
after_dry=$(count)
real=$(curl -s -o /tmp/bench-real.json -w '%{http_code} %{time_total}' -X POST \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$CSV" "$URL/api/v1/schools/import")
after=$(count)

[ "${dry%% *}" = 200 ] || { echo "dry run failed: $(cat /tmp/bench-dry.json)"; exit 1; }
[ "${real%% *}" = 200 ] || { echo "import failed: $(cat /tmp/bench-real.json)"; exit 1; }
[ "$before" = "$after_dry" ] || { echo "the dry run wrote rows ($before → $after_dry)"; exit 1; }
[ $((after - before)) = "$ROWS" ] || { echo "expected $ROWS new schools, got $((after - before))"; exit 1; }

cat <<EOT
| date | machine | rows | dry run (s) | import (s) | rows/s | psql \\copy (s) | import ÷ \\copy (goal ≥ 0.6) | dry run wrote |
|---|---|---|---|---|---|---|---|---|
| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB | $ROWS | ${dry#* } | ${real#* } | $(awk -v r="$ROWS" -v t="${real#* }" 'BEGIN {printf "%.0f", r / t}') | $copy_s | $(awk -v c="$copy_s" -v t="${real#* }" 'BEGIN {printf "%.2f", c / t}') | $((after_dry - before)) rows |

Command: bench/registry-import.sh $ROWS
EOT
