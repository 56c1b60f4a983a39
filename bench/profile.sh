#!/usr/bin/env bash
# CPU flame graphs of the secured read at saturation (async-profiler, attached to the running JVMs):
# GET /api/v1/me and one school read on registry-service, directly and through a gateway of its
# own (rate limits lifted); through the gateway both JVMs are profiled. Writes
#   bench/flamegraphs/<request>-<path>-<process>.html    (open in a browser; search with Ctrl+F)
# and prints each run's throughput and the ten hottest frames of each profile.
#
#   bench/profile.sh        (DURATION=10 s of profiled load after a WARMUP=30 s unprofiled one)
#
# Needs: the suite started by ./run.sh, wrk, curl; async-profiler from Maven Central
# (tools.profiler:async-profiler, fetched with ./mvnw dependency:get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. ./.mvn/jdk25.sh
. bench/bench-lib.sh
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-30}"
CONNECTIONS="${CONNECTIONS:-16}"
PROFILER_VERSION=4.1
OUT=bench/flamegraphs
[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9081/q/health/ready)" = 200 ] ||
  { echo "the suite is not running: ./run.sh" >&2; exit 1; }
JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar"
[ -f "$JAR" ] || ./mvnw -B -q -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION"
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
unzip -q -o "$JAR" 'linux-x64/libasyncProfiler.so' -d "$WORK"
LIB="$WORK/linux-x64/libasyncProfiler.so"
ADMIN=$(./run.sh token city-admin)
KEY=$(grep -v -- '-----' .run/keys/public.pem | tr -d '\n')
SCHOOL=12370102MB0000017P
REGISTRY_PID=$(cat .run/registry-service.pid)
start_bench_gateway "$WORK/gateway.log" "$KEY"
PIDS+=("$GW_PID")
mkdir -p "$OUT"

curl -s -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"uscc\":\"$SCHOOL\",\"nameZh\":\"压测参照学校\",\"districtCode\":\"370102\",\"stages\":[\"PRIMARY\"],\"ownership\":\"PUBLIC\",\"locationType\":\"URBAN\"}" \
  "http://127.0.0.1:8081/api/v1/schools" || true

# The profiler's commands go through jcmd as one quoted argument: jcmd would read key=value pairs
# as its own options.
profiler() { jcmd "$1" JVMTI.agent_load "$LIB" "\"$2\"" >/dev/null; } # pid command

profile() { # name url pid:process...
  local name=$1 url=$2
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $ADMIN" "$url" >/dev/null
  for target in "$@"; do profiler "${target%%:*}" "start,event=cpu,interval=1ms"; done
  local rps
  rps=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $ADMIN" "$url" | awk '/^Requests\/sec/ {print $2}')
  echo
  echo "### $name: $rps req/s while profiled ($url)"
  for target in "$@"; do
    local pid=${target%%:*} process=${target#*:}
    profiler "$pid" "dump,file=$PWD/$OUT/$name-$process.html,title=$name ($process)"
    profiler "$pid" "stop,flat=10,traces=0,file=$WORK/$name-$process.txt"
    echo
    echo "$process, hottest frames (self time):"
    sed -n '/ns  percent/,$p' "$WORK/$name-$process.txt" | head -n 12
  done
}

echo "Date $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -n 1); wrk 2 threads, $CONNECTIONS connections, ${DURATION}s profiled after ${WARMUP}s of warm-up."
profile me-direct "http://127.0.0.1:8081/api/v1/me" "$REGISTRY_PID:registry"
profile school-direct "http://127.0.0.1:8081/api/v1/schools/$SCHOOL" "$REGISTRY_PID:registry"
profile me-gateway "$GW/registry/api/v1/me" "$GW_PID:gateway" "$REGISTRY_PID:registry"
profile school-gateway "$GW/registry/api/v1/schools/$SCHOOL" "$GW_PID:gateway" "$REGISTRY_PID:registry"
echo
echo "Flame graphs in $OUT/. Command: bench/profile.sh (DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS)"
