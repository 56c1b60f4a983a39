#!/usr/bin/env bash
# The suite's performance goals, each measured beside its reference in the same run, on loopback:
#   reads    pgbench -S (raw PostgreSQL); the bare reference application (bench/reference: Quarkus
#            REST + Jackson, the same JDK, flags, driver and pool, nothing else) with one constant
#            JSON endpoint and one row by key; GET /api/v1/me and one school read on
#            registry-service, directly and through a gateway of its own (rate limits lifted);
#            the other secured reads and a secured write (wrk: req/s, p50, p99)
#   proxy    gateway/bench/gateway-bench.sh: the gateway's proxy path beside vertx-http-proxy
#            alone and nginx, in front of the same nginx backend
#   startup  start to ready and RSS after load of every service and the gateway in the container
#            settings of deploy/ (JAVA_OPTS_APPEND of deploy/k8s/base; the container's memory and
#            CPU limits emulated with -XX:MaxRAM and -XX:ActiveProcessorCount), with the AOT cache
#            recorded the way Dockerfile.jvm records it, and without
#   import   bench/registry-import.sh: the school import beside psql \copy of the same rows
# Prints the tables, then one goals table with the ratios, the machine, the JDK and the date, for
# docs/performance.md.
#
#   bench/suite-bench.sh      (DURATION=10 s per run, WARMUP=30 s per path first, CONNECTIONS=16,
#                              PARTS="reads proxy startup import")
#
# Needs: the suite started by ./run.sh (it reads and writes its local databases), wrk, pgbench,
# nginx, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/jdk25.sh # the services run on Java 25
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-30}" # seconds of load per path before anything is measured
CONTAINER_MEMORY="${CONTAINER_MEMORY:-512m}"
CONTAINER_CPUS="${CONTAINER_CPUS:-1}"
PARTS="${PARTS:-reads proxy startup import}"
PG=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}")
for tool in wrk pgbench curl nginx; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx-light postgresql-client)" >&2; exit 1; }
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
. bench/bench-lib.sh
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
JDK=$(java -version 2>&1 | head -n 1)
SCHOOL=12370102MB0000017P

start_bench_gateway "$WORK/bench-gateway.log" "$KEY"
PIDS+=("$GW_PID")

# The bare reference, started as ./run.sh starts the services (same JDK, same heap), on the
# registry's database.
REF_JAR=bench/reference/target/quarkus-app/quarkus-run.jar
[ -f "$REF_JAR" ] || ./mvnw -B -q -ntp -f bench/reference/pom.xml package -DskipTests
REF_PORT=$(free_port)
env HTTP_PORT="$REF_PORT" DB_NAME=registry java -Xmx256m -jar "$REF_JAR" >"$WORK/reference.log" 2>&1 &
PIDS+=($!)
wait_url "http://127.0.0.1:$REF_PORT/constant" "$!" "$WORK/reference.log"
REF="http://127.0.0.1:$REF_PORT"

echo
echo "Date $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $JDK; wrk 2 threads, $CONNECTIONS connections, ${DURATION}s per run; everything on the same cores."

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

declare -A RPS
measure() { # key label url [script]
  local out
  out=$(TOKEN="$ADMIN" RUN="${RUN_ID:-B}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" \
    -H "Authorization: Bearer $ADMIN" -s "${4:-$WORK/report.lua}" "$3" 2>/dev/null | awk '/^RESULT/')
  read -r _ rps p50 p99 errors <<<"$out"
  printf '| %s | %s | %s | %s | %s |\n' "$2" "$rps" "$p50" "$p99" "$errors"
  RPS[$1]=$rps
}
warm() { wrk -t2 -c"$CONNECTIONS" -d"${2:-5}s" -H "Authorization: Bearer $ADMIN" "$1" >/dev/null 2>&1 || true; }

# The one school read must exist.
curl -s -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"uscc\":\"$SCHOOL\",\"nameZh\":\"压测参照学校\",\"districtCode\":\"370102\",\"stages\":[\"PRIMARY\"],\"ownership\":\"PUBLIC\",\"locationType\":\"URBAN\"}" \
  "http://127.0.0.1:8081/api/v1/schools" || true

READS=(
  "me|registry-service: GET /api/v1/me|/api/v1/me|8081|/registry"
  "school|registry-service: one school|/api/v1/schools/$SCHOOL|8081|/registry"
  "schools|registry-service: schools, first page|/api/v1/schools?limit=20|8081|/registry"
  "tasks|milestone-service: tasks|/api/v1/tasks?limit=20|8082|/milestone"
  "indicators|quality-index-service: indicators|/api/v1/indicators|8083|/quality"
)
# The JIT needs tens of thousands of requests before a path runs at its steady speed (the gateway
# took about 50 s of load in one trial): every path is first loaded through the gateway, which
# warms the gateway and the service together, and each run below has a short warm-up of its own.
warm "$REF/constant" "$WARMUP"
warm "$REF/schools/$SCHOOL" "$WARMUP"
for r in "${READS[@]}"; do
  IFS='|' read -r _ _ path _ prefix <<<"$r"
  warm "$GW$prefix$path" "$WARMUP"
done
echo
echo "pgbench -S (scale 10, $CONNECTIONS clients): **$PGBENCH_TPS** transactions/s"
echo
echo "| request | req/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
warm "$REF/constant"
measure bare-constant "bare reference: constant JSON" "$REF/constant"
warm "$REF/schools/$SCHOOL"
measure bare-row "bare reference: one school row by key (JDBC, same pool)" "$REF/schools/$SCHOOL"
BEST_GATEWAY_READ=0
for r in "${READS[@]}"; do
  IFS='|' read -r key label path port prefix <<<"$r"
  warm "http://127.0.0.1:$port$path"
  measure "$key" "$label, direct" "http://127.0.0.1:$port$path"
  warm "$GW$prefix$path"
  measure "$key-gw" "$label, through the gateway" "$GW$prefix$path"
  [ "$key" = me ] && continue # not a read of data
  if [ "${RPS[$key-gw]%.*}" -gt "$BEST_GATEWAY_READ" ]; then BEST_GATEWAY_READ=${RPS[$key-gw]%.*}; fi
done
RUN_ID="D$(date +%s | tail -c 5)" measure write "registry-service: create a school (write), direct" "http://127.0.0.1:8081/api/v1/schools" "$WORK/schools.lua"
RUN_ID="G$(date +%s | tail -c 5)" measure write-gw "registry-service: create a school (write), through the gateway" "$GW/registry/api/v1/schools" "$WORK/schools.lua"
G_ME=$(ratio "${RPS[me]}" "${RPS[bare-constant]}")
G_SCHOOL=$(ratio "${RPS[school]}" "${RPS[bare-row]}")
G_SCHOOL_GW=$(ratio "${RPS[school-gw]}" "${RPS[school]}")
G_PGBENCH=$(ratio "$BEST_GATEWAY_READ" "$PGBENCH_TPS")
fi

if [[ " $PARTS " == *" proxy "* ]]; then
# --- the gateway's proxy path beside vertx-http-proxy alone -----------------------------------
echo
echo "Proxy path (\`gateway/bench/gateway-bench.sh\`, nginx backend answering a small JSON body):"
DURATION="$DURATION" gateway/bench/gateway-bench.sh >"$WORK/proxy.txt" 2>&1 || { cat "$WORK/proxy.txt"; exit 1; }
sed -n '/^| Path/,$p' "$WORK/proxy.txt"
G_PROXY=$(sed -n 's/.*gateway ÷ vertx-http-proxy alone: \([0-9]*\.[0-9]*\).*/\1/p' "$WORK/proxy.txt")
fi

if [[ " $PARTS " == *" startup "* ]]; then
# --- start-up and RSS with deploy/'s JVM settings ----------------------------------------------
# As in the container: the AOT cache is recorded the way Dockerfile.jvm records it (one start
# without database or issuer, then exit, with the jar at the absolute path it is run from), the
# memory limit is emulated with -XX:MaxRAM and the CPU limit with -XX:ActiveProcessorCount (the JVM
# sizes its collector, compiler and thread pools by it).
JAVA_OPTS_DEPLOY=$(sed -n 's/^ *- JAVA_OPTS_APPEND=//p' deploy/k8s/base/kustomization.yaml | head -n 1)
JAVA_OPTS_DEPLOY=${JAVA_OPTS_DEPLOY//-Dquarkus.http.host=0.0.0.0/-Dquarkus.http.host=127.0.0.1}
echo
echo "Start-up and memory, each service started alone on a spare port (profile local, its usual database) with \`-XX:MaxRAM=$CONTAINER_MEMORY -XX:ActiveProcessorCount=$CONTAINER_CPUS $JAVA_OPTS_DEPLOY\` (the cache recorded as Dockerfile.jvm records it), then $DURATION s of reads:"
echo
echo "| service | start to ready, AOT cache (s, goal ≤ 1.0) | without the cache (s) | Quarkus' own start-up, cache (s) | RSS after load, cache (MB, goal ≤ 200) | RSS after load without the cache (MB) |"
echo "|---|---|---|---|---|---|"
SLOWEST=0
LARGEST=0
for s in "registry-service:registry:/api/v1/schools?limit=20" "milestone-service:milestone:/api/v1/tasks?limit=20" \
         "quality-index-service:quality:/api/v1/indicators" "gateway::/openapi/services"; do
  IFS=':' read -r module db path <<<"$s"
  cache="$WORK/$module.aot"
  jar="$PWD/$module/target/quarkus-app/quarkus-run.jar"
  env HTTP_PORT=0 MANAGEMENT_PORT=0 OIDC_ISSUER_URL=http://127.0.0.1:9/realms/none DB_HOST=127.0.0.1 DB_PORT=9 \
    java -XX:AOTCacheOutput="$cache" -Dplatform.exit-after-start=true \
    -Dquarkus.flyway.migrate-at-start=false -Dquarkus.hibernate-orm.schema-management.strategy=none \
    -jar "$jar" >"$WORK/$module-training.log" 2>&1 || { echo "training run of $module failed"; tail -5 "$WORK/$module-training.log"; exit 1; }
  for variant in plain cache; do
    opts=${JAVA_OPTS_DEPLOY//\/deployments\/app.aot/$cache}
    [ "$variant" = plain ] && opts=${opts//-XX:AOTCache=$cache/}
    port=$(free_port)
    management=$(free_port)
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    env HTTP_PORT="$port" MANAGEMENT_PORT="$management" DB_NAME="${db:-none}" OIDC_PUBLIC_KEY="$KEY" PEER_TOKEN="$ADMIN" \
      QUALITY_UNITS_REFRESH=off \
      java -XX:MaxRAM="$CONTAINER_MEMORY" -XX:ActiveProcessorCount="$CONTAINER_CPUS" $opts -Dquarkus.profile=local \
      -jar "$jar" >"$WORK/$module.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait_ready "$management" "$pid" "$WORK/$module.log"
    ready=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    if [ "$variant" = plain ]; then
      plain=$ready
      plain_rss=$rss
      kill "$pid"; wait "$pid" 2>/dev/null || true
      continue
    fi
    grep -q 'warning.*aot' "$WORK/$module.log" && { echo "$module did not use its AOT cache:"; grep 'aot' "$WORK/$module.log" | head -5; }
    own=$(grep -o 'started in [0-9.]*s' "$WORK/$module.log" | grep -o '[0-9.]*' | head -n 1)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$module" "$ready" "$plain" "${own:-?}" "$rss" "$plain_rss"
    SLOWEST=$(awk -v a="$SLOWEST" -v b="$ready" 'BEGIN {print (b > a) ? b : a}')
    LARGEST=$(( rss > LARGEST ? rss : LARGEST ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
fi

if [[ " $PARTS " == *" import "* ]]; then
# --- the school import beside psql \copy ------------------------------------------------------
echo
echo "School import (\`bench/registry-import.sh 10000\`, into the running registry-service):"
echo
bench/registry-import.sh 10000 >"$WORK/import.txt"
sed -n '/^| date/,/^$/p' "$WORK/import.txt"
G_IMPORT=$(awk -F'|' '/^\| 20[0-9][0-9]-/ {gsub(/ /, "", $9); print $9}' "$WORK/import.txt")
fi

verdict() { # value goal [max]
  [ -z "${1:-}" ] || [ "$1" = "–" ] && { echo "not run"; return; }
  if [ "${3:-}" = max ]; then awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? "**met**" : "missed"}'
  else awk -v v="$1" -v g="$2" 'BEGIN {print (v >= g) ? "**met**" : "missed"}'; fi
}
echo
echo "Goals ($(date -u +%Y-%m-%d), $(nproc) cores, $JDK, one run of this script):"
echo
echo "| goal | measured | goal | |"
echo "|---|---|---|---|"
echo "| GET /api/v1/me ÷ bare constant JSON | ${G_ME:-} | ≥ 0.5 | $(verdict "${G_ME:-}" 0.5) |"
echo "| one school read, direct ÷ bare one-row read | ${G_SCHOOL:-} | ≥ 0.5 | $(verdict "${G_SCHOOL:-}" 0.5) |"
echo "| one school read, through the gateway ÷ direct | ${G_SCHOOL_GW:-} | ≥ 0.7 | $(verdict "${G_SCHOOL_GW:-}" 0.7) |"
echo "| best secured read through the gateway ÷ pgbench -S | ${G_PGBENCH:-} | ≥ 0.25 | $(verdict "${G_PGBENCH:-}" 0.25) |"
echo "| gateway proxy path ÷ vertx-http-proxy alone | ${G_PROXY:-} | ≥ 0.8 | $(verdict "${G_PROXY:-}" 0.8) |"
echo "| slowest start to ready, container settings, AOT cache (s) | ${SLOWEST:-} | ≤ 1.0 | $(verdict "${SLOWEST:-}" 1.0 max) |"
echo "| largest RSS after load (MB) | ${LARGEST:-} | ≤ 200 | $(verdict "${LARGEST:-}" 200 max) |"
echo "| school import ÷ psql \\copy of the same rows | ${G_IMPORT:-} | ≥ 0.6 | $(verdict "${G_IMPORT:-}" 0.6) |"
echo
echo "Command: bench/suite-bench.sh (DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS CONTAINER_MEMORY=$CONTAINER_MEMORY CONTAINER_CPUS=$CONTAINER_CPUS PARTS=\"$PARTS\")"
