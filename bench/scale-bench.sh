#!/usr/bin/env bash
# List and search latency as tables grow: 1,000, 100,000 and 1,000,000 registrations in
# registry-service and as many data values in quality-index-service (synthetic rows written with
# SQL into databases of their own, registry_scale and quality_scale, dropped afterwards). For each
# size, wrk measures req/s, p50 and p99 of the list and search requests integrators use. The goal
# is a flat curve (indexes, keyset pagination).
#
#   bench/scale-bench.sh          (DURATION=5 s per request and size, CONNECTIONS=8)
#
# Needs the packaged services (./mvnw package -DskipTests, or ./run.sh once), wrk, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/jdk25.sh # the services run on Java 25
DURATION="${DURATION:-5}"
CONNECTIONS="${CONNECTIONS:-8}"
SIZES="${SIZES:-1000 100000 1000000}"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)
for tool in wrk psql curl; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
  for db in registry_scale quality_scale; do "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
ADMIN=$(./run.sh token city-admin)
KEY=$(grep -v -- '-----' .run/keys/public.pem | tr -d '\n')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for db in registry_scale quality_scale; do
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
done
start() { # module db port [extra env...]
  local module=$1 db=$2 port=$3
  shift 3
  local management
  management=$(free_port)
  env HTTP_PORT="$port" MANAGEMENT_PORT="$management" DB_NAME="$db" OIDC_PUBLIC_KEY="$KEY" PEER_TOKEN="$ADMIN" "$@" \
    java -Xmx256m -Dquarkus.profile=local -Dquarkus.http.host=127.0.0.1 \
    -jar "$module/target/quarkus-app/quarkus-run.jar" >"$WORK/$module.log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management/q/health/ready")" = 200 ]; do
    sleep 0.2
    kill -0 "$pid" 2>/dev/null || { echo "$module did not start:"; tail -20 "$WORK/$module.log"; exit 1; }
  done
}
REG_PORT=$(free_port)
QUA_PORT=$(free_port)
start registry-service registry_scale "$REG_PORT"
start quality-index-service quality_scale "$QUA_PORT" REGISTRY_URL="http://127.0.0.1:$REG_PORT" QUALITY_UNITS_REFRESH=off

# 2,000 schools, then registrations and data values are added up to each size.
"${PSQL[@]}" -d registry_scale -c "
  INSERT INTO school (uscc, name_zh, district_code, stages, ownership, location_type, status)
  SELECT '12370102SC' || lpad(i::text, 8, '0'), '规模测试学校' || i,
         (ARRAY['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + i % 12],
         ARRAY['PRIMARY'], 'PUBLIC', 'URBAN', 'OPEN'
  FROM generate_series(1, 2000) i"
SCHOOL_ID_MIN=$("${PSQL[@]}" -d registry_scale -c "SELECT min(id) FROM school WHERE uscc LIKE '12370102SC%'")
INDICATORS=$("${PSQL[@]}" -d quality_scale -c "SELECT string_agg(id::text, ',') FROM indicator WHERE level = 'SCHOOL'")

cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
LUA
measure() { # rows label url
  local out rps p50 p99 errors
  curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" "$3"
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $ADMIN" -s "$WORK/report.lua" "$3" 2>/dev/null | awk '/^RESULT/')
  read -r _ rps p50 p99 errors <<<"$out"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p99" "$errors"
}
next_cursor() { curl -s -H "Authorization: Bearer $ADMIN" "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("nextCursor") or "")'; }

echo
echo "Date $(date -u +%Y-%m-%d), $(nproc) cores; wrk 2 threads, $CONNECTIONS connections, ${DURATION}s per request and size; services with -Xmx256m on the same cores."
echo
echo "| rows | request | req/s | p50 ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|---|"
have=0
for n in $SIZES; do
  from=$((have + 1))
  "${PSQL[@]}" -d registry_scale -c "
    INSERT INTO registration (mode, name, lead_school_id, lead_district, term_start, term_end, content_areas,
                              contact_name, contact_phone, cross_district, involved_districts, state, created_by)
    SELECT (ARRAY['GROUP','COOPERATION'])[1 + i % 2], '规模测试集团' || i, $SCHOOL_ID_MIN + i % 2000,
           (ARRAY['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + (i % 2000) % 12],
           DATE '2026-09-01', DATE '2029-08-31', ARRAY['MANAGEMENT'], '联系人', '0531-00000000', false,
           ARRAY[(ARRAY['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + (i % 2000) % 12]],
           (ARRAY['DRAFT','SUBMITTED','DISTRICT_APPROVED','RETURNED'])[1 + i % 4], 'scale-bench'
    FROM generate_series($from, $n) i" -c "ANALYZE registration"
  "${PSQL[@]}" -d quality_scale -c "
    INSERT INTO data_value (indicator_id, subject, district_code, school_uscc, period, value, updated_by)
    SELECT ind, uscc, district, uscc, period, (k % 100), 'scale-bench'
    FROM (SELECT k, (ARRAY[$INDICATORS])[1 + k % cardinality(ARRAY[$INDICATORS])] AS ind,
                 '12370102SC' || lpad((1 + (k / 7) % 200000)::text, 8, '0') AS uscc,
                 (ARRAY['370102','370103','370104','370105','370112','370113','370114','370115','370116','370117','370124','370126'])[1 + (k / 7) % 12] AS district,
                 2000 + (k / 1400000) % 100 AS period
          FROM generate_series($from, $n) k) s
    ON CONFLICT DO NOTHING" -c "ANALYZE data_value"
  have=$n
  R="http://127.0.0.1:$REG_PORT/api/v1/registrations"
  measure "$n" "registrations, first page" "$R?limit=50"
  cursor=$(next_cursor "$R?limit=50")
  measure "$n" "registrations, next page (keyset)" "$R?limit=50&after=$cursor"
  measure "$n" "registrations, district + state" "$R?district=370105&state=SUBMITTED&limit=50"
  measure "$n" "registrations, name search" "$R?q=%E8%A7%84%E6%A8%A1%E6%B5%8B%E8%AF%95%E9%9B%86%E5%9B%A2999&limit=50"
  V="http://127.0.0.1:$QUA_PORT/api/v1/values"
  measure "$n" "data values, first page" "$V?limit=50"
  measure "$n" "data values, district + period" "$V?district=370105&period=2000&limit=50"
  measure "$n" "data values, one school" "$V?school=12370102SC00000007&limit=50"
done
echo
echo "Command: bench/scale-bench.sh (DURATION=$DURATION CONNECTIONS=$CONNECTIONS SIZES='$SIZES')"
