#!/usr/bin/env bash
# Benchmarks of quality-index-service, loopback only, bounded:
#   1. 1,000,000 assessment records from CSV through POST /api/v1/assessments/import, against
#      psql \copy of the same file into a bare table (goal: at least half of \copy's rate);
#   2. value-added over those records, POST /api/v1/value-added/recompute (goal: ≤ 5 s);
#   3. the city dashboard with 15 units × 3 years × every district indicator loaded, wrk for
#      DURATION seconds (goal: p95 ≤ 50 ms).
#
#   bench/quality-bench.sh [RECORDS]      default 1000000
#
# Needs quality-index-service on QUALITY_URL and registry-service on REGISTRY_URL (./run.sh starts both), psql and wrk
# (apt-get install -y wrk). Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${1:-1000000}"
DURATION="${DURATION:-10}"
URL="${QUALITY_URL:-http://127.0.0.1:8083}"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "${QUALITY_MANAGEMENT_URL:-http://127.0.0.1:9083}/q/health/ready")" = 200 ] ||
  { echo "quality-index-service is not ready at $URL (start it with ./run.sh)" >&2; exit 1; }
TOKEN=$(./run.sh token city-admin)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; "${PSQL[@]}" -d quality -c "DROP TABLE IF EXISTS bench_copy" >/dev/null 2>&1 || true' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

# --- 1. assessment records --------------------------------------------------------------------
# 200 schools (valid USCCs) × RECORDS/200 students, one subject, planted school effects.
YEAR=2026
awk -v n="$RECORDS" -v year="$YEAR" 'BEGIN {
  srand(20250613)
  a = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
  split("370102 370103 370104 370105 370112 370113 370114 370115 370116 370117 370124 370126", d, " ")
  for (s = 1; s <= 200; s++) {
    v = 7770000 + s; tail = ""
    for (k = 0; k < 7; k++) { tail = substr(a, v % 31 + 1, 1) tail; v = int(v / 31) }
    dist[s] = d[(s % 12) + 1]; code = "12" dist[s] "QB" tail; sum = 0
    for (k = 1; k <= 17; k++) sum += (index(a, substr(code, k, 1)) - 1) * w[k]
    school[s] = code substr(a, (31 - sum % 31) % 31 + 1, 1)
    effect[s] = (rand() - 0.5) * 6
  }
  print "studentKey,schoolUscc,districtCode,grade,subject,year,priorScore,currentScore,specialNeeds,classId"
  for (i = 1; i <= n; i++) {
    s = (i % 200) + 1
    prior = 50 + rand() * 40
    current = 5 + 0.9 * prior + effect[s] + (rand() - 0.5) * 6
    printf "stu%09d,%s,%s,8,MATH,%d,%.1f,%.1f,%s,C%d\n", i, school[s], dist[s], year, prior, current, (i % 50 == 0 ? "true" : "false"), i % 40
  }
}' >"$WORK/records.csv"
SIZE_MB=$(du -m "$WORK/records.csv" | cut -f1)

"${PSQL[@]}" -d quality -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (student_key text,
  school_uscc text, district_code text, grade int, subject text, year int, prior_score numeric,
  current_score numeric, special_needs boolean, class_id text)"
# Warm-up, untimed: a dry run of the same file (validation only) so the JIT has compiled the
# import path before it is compared with a C program.
code=$(curl -s -o "$WORK/dry.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$WORK/records.csv" \
  "$URL/api/v1/assessments/import?dryRun=true")
[ "$code" = 200 ] || { echo "dry run answered $code: $(head -c 600 "$WORK/dry.json")" >&2; exit 1; }

# Both loads start from empty: earlier runs' records of the year are removed (and vacuumed) first,
# so the import is not also timed deleting them.
"${PSQL[@]}" -d quality -c "DELETE FROM assessment_record WHERE year = $YEAR"
"${PSQL[@]}" -d quality -c "VACUUM assessment_record"
t0=$(now)
"${PSQL[@]}" -d quality -c "\\copy bench_copy FROM '$WORK/records.csv' WITH (FORMAT csv, HEADER true)"
t1=$(now)
COPY_S=$(secs "$t0" "$t1")

t0=$(now)
code=$(curl -s -o "$WORK/import.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$WORK/records.csv" \
  "$URL/api/v1/assessments/import?replaceYears=true&recompute=false")
t1=$(now)
IMPORT_S=$(secs "$t0" "$t1")
[ "$code" = 200 ] || { echo "import answered $code: $(head -c 600 "$WORK/import.json")" >&2; exit 1; }

t0=$(now)
code=$(curl -s -o "$WORK/va.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  "$URL/api/v1/value-added/recompute?year=$YEAR")
t1=$(now)
VA_S=$(secs "$t0" "$t1")
[ "$code" = 200 ] || { echo "recompute answered $code: $(head -c 600 "$WORK/va.json")" >&2; exit 1; }

# --- 3. dashboard -----------------------------------------------------------------------------
# Three functional zones make 15 units. Units belong to registry-service: add them there, then
# let quality-index-service's mirror read them.
REGISTRY="${REGISTRY_URL:-http://127.0.0.1:8081}"
for z in 370171:高新区 370172:南部山区 370173:起步区; do
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"${z%%:*}\",\"nameZh\":\"${z#*:}\",\"kind\":\"FUNCTIONAL_ZONE\",\"validFrom\":\"2025-01-01\"}" \
    "$REGISTRY/api/v1/units" || true
done
code=$(curl -s -o "$WORK/units.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  "$URL/api/v1/units/refresh")
[ "$code" = 200 ] || { echo "units refresh answered $code: $(head -c 600 "$WORK/units.json")" >&2; exit 1; }
INDICATORS=$("${PSQL[@]}" -d quality -c "select code from indicator where level = 'DISTRICT'")
UNITS=$("${PSQL[@]}" -d quality -c "select distinct code from unit")
{
  echo "indicator,districtCode,schoolUscc,period,value,source,comment"
  for i in $INDICATORS; do for u in $UNITS; do for p in 2025 2026 2027; do
    echo "$i,$u,,$p,1,bench,"
  done; done; done
} >"$WORK/values.csv"
VALUES=$(($(wc -l <"$WORK/values.csv") - 1))
code=$(curl -s -o "$WORK/values.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$WORK/values.csv" \
  "$URL/api/v1/values/import?partial=true")
[ "$code" = 200 ] || { echo "values import answered $code: $(head -c 600 "$WORK/values.json")" >&2; exit 1; }

cat >"$WORK/p95.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
done = function(summary, latency, requests)
  io.write(string.format("P95 %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("RPS %.1f\n", summary.requests / (summary.duration / 1000000)))
end
LUA
wrk -t2 -c8 -d"${DURATION}s" -s "$WORK/p95.lua" "$URL/api/v1/dashboard?asOf=2026-06-30" >/dev/null 2>&1 || true
wrk -t2 -c8 -d"${DURATION}s" -s "$WORK/p95.lua" "$URL/api/v1/dashboard?asOf=2026-06-30" >"$WORK/wrk.out"
P95=$(awk '/^P95/ {print $2}' "$WORK/wrk.out")
RPS=$(awk '/^RPS/ {print $2}' "$WORK/wrk.out")

COPY_RATE=$(awk -v n="$RECORDS" -v t="$COPY_S" 'BEGIN {printf "%.0f", n / t}')
IMPORT_RATE=$(awk -v n="$RECORDS" -v t="$IMPORT_S" 'BEGIN {printf "%.0f", n / t}')
RATIO=$(awk -v a="$IMPORT_RATE" -v b="$COPY_RATE" 'BEGIN {printf "%.2f", a / b}')
cat <<EOT
| date | machine | records (MB) | psql \\copy (s, rows/s) | API import (s, rows/s) | import ÷ copy (goal ≥ 0.5) | value-added recompute (s, goal ≤ 5) | dashboard p95 ms (goal ≤ 50), req/s | values loaded |
|---|---|---|---|---|---|---|---|---|
| $(date -u +%Y-%m-%d) | $(nproc) cores | $RECORDS ($SIZE_MB) | $COPY_S, $COPY_RATE | $IMPORT_S, $IMPORT_RATE | $RATIO | $VA_S | $P95, $RPS | $VALUES |

Command: bench/quality-bench.sh $RECORDS
EOT
