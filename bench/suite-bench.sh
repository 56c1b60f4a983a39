#!/usr/bin/env bash
# Throughput, latency, start-up and memory of every service, loopback only, bounded in time:
#   - pgbench -S (read-only, the raw reference) against the same PostgreSQL;
#   - per service, a secured read directly and through the gateway (wrk: req/s, p50, p99);
#   - a secured write (registry-service creates schools with fresh USCCs) directly and through the
#     gateway (a gateway of its own on a spare port, rate limits lifted);
#   - start-up time (process start to /q/health/ready answering 200) and RSS after the load, each
#     service started on a spare port with the JVM settings of deploy/ (JAVA_OPTS_APPEND of
#     deploy/k8s/base, in a container of CONTAINER_MEMORY and CONTAINER_CPUS, emulated with
#     -XX:MaxRAM and -XX:ActiveProcessorCount), with and without the class-data archive.
# Prints a Markdown table with the machine and the date for docs/performance.md.
#
#   bench/suite-bench.sh          (DURATION=10 s per run, CONNECTIONS=16, PARTS="reads startup")
#
# Needs: the suite started by ./run.sh (it reads and writes its local databases), wrk, pgbench,
# curl. The gateway's comparison with nginx is gateway/bench/gateway-bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/jdk25.sh # the services run on Java 25
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
CONTAINER_MEMORY="${CONTAINER_MEMORY:-512m}"
CONTAINER_CPUS="${CONTAINER_CPUS:-1}"
# Which parts to run: reads (and writes), startup (start-up time and RSS).
PARTS="${PARTS:-reads startup}"
PG=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}")
for tool in wrk pgbench curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk postgresql-client)" >&2; exit 1; }
done
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9080/q/health/ready)" = 200 ] ||
  { echo "the suite is not running: ./run.sh" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
  psql "${PG[@]}" -qtA -d postgres -c "DROP DATABASE IF EXISTS bench_pgbench" >/dev/null 2>&1 || true
}
trap cleanup EXIT
ADMIN=$(./run.sh token city-admin)
KEY=$(grep -v -- '-----' .run/keys/public.pem | tr -d '\n')
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { # management-port pid log
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready")" = 200 ]; do
    sleep 0.05
    kill -0 "$2" 2>/dev/null || { echo "process on port $1 did not start:"; tail -20 "$3"; exit 1; }
  done
}

# A gateway of its own in front of the running services, rate limits lifted (they would turn most
# of the load into 429s), otherwise as ./run.sh starts it.
GW_PORT=$(free_port)
GW_MANAGEMENT=$(free_port)
env HTTP_PORT="$GW_PORT" MANAGEMENT_PORT="$GW_MANAGEMENT" REGISTRY_MANAGEMENT_URL=http://127.0.0.1:9081 MILESTONE_MANAGEMENT_URL=http://127.0.0.1:9082 QUALITY_MANAGEMENT_URL=http://127.0.0.1:9083 OIDC_PUBLIC_KEY="$KEY" RATE_LIMIT_DEFAULT=1000000000 RATE_LIMIT_PUBLIC=1000000000 \
  java -Xmx256m -Dquarkus.profile=local -Dquarkus.http.host=127.0.0.1 \
  -jar gateway/target/quarkus-app/quarkus-run.jar >"$WORK/bench-gateway.log" 2>&1 &
PIDS+=($!)
wait_ready "$GW_MANAGEMENT" "$!" "$WORK/bench-gateway.log"
GW="http://127.0.0.1:$GW_PORT"

if [[ " $PARTS " == *" reads "* ]]; then
# --- the raw reference: pgbench -S -------------------------------------------------------------
psql "${PG[@]}" -qtA -d postgres -c "DROP DATABASE IF EXISTS bench_pgbench" -c "CREATE DATABASE bench_pgbench" >/dev/null
pgbench "${PG[@]}" -i -q -s 10 bench_pgbench >/dev/null 2>&1
PGBENCH_TPS=$(pgbench "${PG[@]}" -S -c "$CONNECTIONS" -j 2 -T "$DURATION" bench_pgbench 2>/dev/null |
  awk '/^tps/ {print int($3); exit}')

# --- wrk helpers ------------------------------------------------------------------------------
cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
# A valid, fresh USCC per request: 8 fixed characters, a counter, the GB 32100 check character.
cat >"$WORK/schools.lua" <<'LUA'
local alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
local counter = 0
local prefix = string.format("12370102%s", os.getenv("RUN") or "B")
local function uscc()
  counter = counter + 1
  local v = (math.random(0, 30000) * 100000 + counter) % 887503681
  local tail = ""
  for _ = 1, 17 - #prefix do
    local d = v % 31
    tail = alphabet:sub(d + 1, d + 1) .. tail
    v = math.floor(v / 31)
  end
  local code = prefix .. tail
  local sum = 0
  for i = 1, 17 do sum = sum + (alphabet:find(code:sub(i, i), 1, true) - 1) * weights[i] end
  local c = (31 - sum % 31) % 31
  return code .. alphabet:sub(c + 1, c + 1)
end
init = function(args) math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) end
request = function()
  local body = string.format('{"uscc":"%s","nameZh":"压测学校%d","districtCode":"370102","stages":["PRIMARY"],"ownership":"PUBLIC","locationType":"URBAN"}', uscc(), counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
LUA
cat "$WORK/report.lua" >>"$WORK/schools.lua"

measure() { # label url [script]
  local out
  out=$(TOKEN="$ADMIN" RUN="${RUN_ID:-B}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" \
    -H "Authorization: Bearer $ADMIN" -s "${3:-$WORK/report.lua}" "$2" 2>/dev/null | awk '/^RESULT/')
  read -r _ rps p50 p99 errors <<<"$out"
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "$errors"
  echo "$rps" >"$WORK/last"
}
warm() { wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $ADMIN" "$1" >/dev/null 2>&1 || true; }

READS=(
  "registry-service: one school|/api/v1/schools/12370102MB0000017P|8081|/registry"
  "registry-service: schools, first page|/api/v1/schools?limit=20|8081|/registry"
  "milestone-service: tasks|/api/v1/tasks?limit=20|8082|/milestone"
  "quality-index-service: indicators|/api/v1/indicators|8083|/quality"
)
# The one school read above must exist.
curl -s -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"uscc":"12370102MB0000017P","nameZh":"压测参照学校","districtCode":"370102","stages":["PRIMARY"],"ownership":"PUBLIC","locationType":"URBAN"}' \
  "http://127.0.0.1:8081/api/v1/schools" || true

echo
echo "Date $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk 2 threads, $CONNECTIONS connections, ${DURATION}s per run; everything on the same cores."
echo
echo "pgbench -S (scale 10, $CONNECTIONS clients): **$PGBENCH_TPS** transactions/s"
echo
echo "| request | req/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
BEST_GATEWAY_READ=0
for r in "${READS[@]}"; do
  IFS='|' read -r label path port prefix <<<"$r"
  warm "http://127.0.0.1:$port$path"
  measure "$label, direct" "http://127.0.0.1:$port$path"
  warm "$GW$prefix$path"
  measure "$label, through the gateway" "$GW$prefix$path"
  rps=$(cat "$WORK/last")
  if [ "${rps%.*}" -gt "$BEST_GATEWAY_READ" ]; then BEST_GATEWAY_READ=${rps%.*}; fi
done
RUN_ID="D$(date +%s | tail -c 5)" measure "registry-service: create a school (write), direct" "http://127.0.0.1:8081/api/v1/schools" "$WORK/schools.lua"
RUN_ID="G$(date +%s | tail -c 5)" measure "registry-service: create a school (write), through the gateway" "$GW/registry/api/v1/schools" "$WORK/schools.lua"
echo
RATIO=$(awk -v a="$BEST_GATEWAY_READ" -v b="$PGBENCH_TPS" 'BEGIN {printf "%.2f", a / b}')
echo "Best secured read through the gateway ÷ pgbench -S: **$RATIO** (goal ≥ 0.25)."
fi

if [[ " $PARTS " == *" startup "* ]]; then
# --- start-up and RSS with deploy/'s JVM settings ----------------------------------------------
# As in the container: the class-data archive is recorded the way Dockerfile.jvm records it (one
# start without database or issuer, then exit), the memory limit is emulated with -XX:MaxRAM and the
# CPU limit with -XX:ActiveProcessorCount (the JVM sizes its GC, compiler and thread pools by it).
JAVA_OPTS_DEPLOY=$(sed -n 's/^ *- JAVA_OPTS_APPEND=//p' deploy/k8s/base/kustomization.yaml | head -n 1)
JAVA_OPTS_DEPLOY=${JAVA_OPTS_DEPLOY//-Dquarkus.http.host=0.0.0.0/-Dquarkus.http.host=127.0.0.1}
echo
echo "Start-up and memory, each service started alone on a spare port (profile local, its usual database) with \`-XX:MaxRAM=$CONTAINER_MEMORY -XX:ActiveProcessorCount=$CONTAINER_CPUS $JAVA_OPTS_DEPLOY\` (the archive recorded as Dockerfile.jvm records it), then $DURATION s of reads:"
echo
echo "| service | start to ready (s, goal ≤ 2) | without the class-data archive (s) | Quarkus' own start-up (s) | RSS after load (MB, goal ≤ 256) |"
echo "|---|---|---|---|---|"
for s in "registry-service:registry:/api/v1/schools?limit=20" "milestone-service:milestone:/api/v1/tasks?limit=20" \
         "quality-index-service:quality:/api/v1/indicators" "gateway::/openapi/services"; do
  IFS=':' read -r module db path <<<"$s"
  archive="$WORK/$module.jsa"
  # The archive is valid only for the class path it was recorded with: the same absolute jar path.
  jar="$PWD/$module/target/quarkus-app/quarkus-run.jar"
  env HTTP_PORT=0 MANAGEMENT_PORT=0 OIDC_ISSUER_URL=http://127.0.0.1:9/realms/none DB_HOST=127.0.0.1 DB_PORT=9 \
    java -XX:ArchiveClassesAtExit="$archive" -Dplatform.exit-after-start=true \
    -Dquarkus.flyway.migrate-at-start=false -Dquarkus.hibernate-orm.schema-management.strategy=none \
    -jar "$jar" >"$WORK/$module-archive.log" 2>&1 || { echo "archive run of $module failed"; tail -5 "$WORK/$module-archive.log"; exit 1; }
  for variant in plain archive; do
    opts=${JAVA_OPTS_DEPLOY//\/deployments\/app-cds.jsa/$archive}
    [ "$variant" = plain ] && opts=${opts//-XX:SharedArchiveFile=$archive/}
    port=$(free_port)
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    management=$(free_port)
    env HTTP_PORT="$port" MANAGEMENT_PORT="$management" DB_NAME="${db:-none}" OIDC_PUBLIC_KEY="$KEY" PEER_TOKEN="$ADMIN" \
      QUALITY_UNITS_REFRESH=off \
      java -XX:MaxRAM="$CONTAINER_MEMORY" -XX:ActiveProcessorCount="$CONTAINER_CPUS" $opts -Dquarkus.profile=local \
      -jar "$jar" >"$WORK/$module.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait_ready "$management" "$pid" "$WORK/$module.log"
    ready=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
    if [ "$variant" = plain ]; then
      plain=$ready
      kill "$pid"; wait "$pid" 2>/dev/null || true
      continue
    fi
    own=$(grep -o 'started in [0-9.]*s' "$WORK/$module.log" | grep -o '[0-9.]*' | head -n 1)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    printf '| %s | %s | %s | %s | %s |\n' "$module" "$ready" "$plain" "${own:-?}" "$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
fi
echo
echo "Command: bench/suite-bench.sh (DURATION=$DURATION CONNECTIONS=$CONNECTIONS CONTAINER_MEMORY=$CONTAINER_MEMORY CONTAINER_CPUS=$CONTAINER_CPUS)"
