#!/usr/bin/env bash
# Quick loopback benchmark (压测): the same tiny backend reached
#   1. directly,
#   2. through the gateway with edge token checks, rate limiting and access log on,
#   3. through vertx-http-proxy alone (BareProxy.java: the library without any gateway logic),
#   4. through nginx as a plain reverse proxy.
# Prints a Markdown table (requests/s, p99). Bounded: DURATION seconds per run (default 10) plus a
# short gateway warm-up. Needs wrk and nginx (apt-get install -y wrk nginx-light) and the packaged
# gateway (./mvnw -B -ntp -o package -pl gateway -DskipTests). Everything listens on 127.0.0.1 and
# is stopped on exit.
set -euo pipefail

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
GATEWAY_DIR=$(cd "$HERE/.." && pwd)
REPO=$(cd "$GATEWAY_DIR/.." && pwd)
JAR="$GATEWAY_DIR/target/quarkus-app/quarkus-run.jar"
KEYS="$REPO/platform-testing/src/main/resources/test-keys"

for tool in wrk nginx openssl java curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx-light)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "missing $JAR: package the gateway first" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
BACKEND_PORT=$(free_port); NGINX_PORT=$(free_port); GATEWAY_PORT=$(free_port); BARE_PORT=$(free_port)

nginx_conf() { # $1 name, $2 server block
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/$1/body;
  proxy_temp_path $WORK/$1/proxy;
  fastcgi_temp_path $WORK/$1/fastcgi;
  uwsgi_temp_path $WORK/$1/uwsgi;
  scgi_temp_path $WORK/$1/scgi;
  $2
}
CONF
  nginx -p "$WORK/$1" -c "$WORK/$1/nginx.conf" -g 'daemon off;' &
  PIDS+=($!)
}

# The backend: a fixed small JSON answer.
nginx_conf backend "server { listen 127.0.0.1:$BACKEND_PORT; location / { default_type application/json; return 200 '{\"ok\":true}'; } }"
# nginx as a plain reverse proxy with keep-alive to the backend.
nginx_conf proxy "upstream b { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server { listen 127.0.0.1:$NGINX_PORT; location /registry/ { proxy_pass http://b/; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"

# A token signed with the test key, which the gateway's "local" profile trusts.
ISSUER=https://auth.bench.invalid/realms/edu
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"test-key"}' | b64url)
PAYLOAD=$(printf '{"iss":"%s","sub":"bench","azp":"bench-client","iat":%d,"exp":%d,"realm_access":{"roles":["city-admin"]}}' \
  "$ISSUER" "$NOW" "$((NOW + 3600))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$KEYS/test-private.pem" | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"
PUBLIC_KEY=$(grep -v -- '-----' "$KEYS/test-public.pem" | tr -d '\n')

env -u QUARKUS_PROFILE \
  REGISTRY_URL="http://127.0.0.1:$BACKEND_PORT" \
  OIDC_PUBLIC_KEY="$PUBLIC_KEY" OIDC_TOKEN_ISSUER="$ISSUER" \
  RATE_LIMIT_DEFAULT=1000000000 RATE_LIMIT_PUBLIC=1000000000 \
  java -Xmx256m ${GATEWAY_OPTS:-} -Dquarkus.profile=local -Dquarkus.http.port="$GATEWAY_PORT" -jar "$JAR" \
  > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)

# vertx-http-proxy alone on the gateway's own jars: the ceiling of the library on this machine.
java -Xmx256m -cp "$GATEWAY_DIR/target/quarkus-app/lib/main/*" "$HERE/BareProxy.java" "$BARE_PORT" "$BACKEND_PORT" \
  > "$WORK/bare.log" 2>&1 &
PIDS+=($!)

wait_for() { # url [auth]
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "no answer from $1" >&2; tail -50 "$WORK/gateway.log" >&2; exit 1
}
wait_for "http://127.0.0.1:$BACKEND_PORT/api/v1/things"
wait_for "http://127.0.0.1:$NGINX_PORT/registry/api/v1/things"
wait_for "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/things"
wait_for "http://127.0.0.1:$BARE_PORT/api/v1/things"
# The edge check must be on: no token, no entry.
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/things")
[ "$code" = 401 ] || { echo "gateway answered $code without a token" >&2; exit 1; }

run() { # label url
  local out rps p99
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$2")
  [ -n "${KEEP:-}" ] && echo "$out" > "$WORK/wrk-${1// /_}.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "${errors:-none}"
  LAST=$rps
}

# JIT warm-up of the gateway, not reported.
# Warm-up: the JIT compiles the proxy path only after many thousands of requests; a JVM is
# measured in its steady state, as it runs in production.
for _ in $(seq 1 "${WARMUP_ROUNDS:-3}"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/things" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s \
    "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/public/things" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$BARE_PORT/api/v1/things" >/dev/null
done

echo
echo "Loopback, ${DURATION}s per run, $CONNECTIONS connections, $THREADS wrk threads, $(nproc) CPUs shared by all processes."
echo
echo "| Path | Requests/s | p99 latency | Errors |"
echo "|---|---|---|---|"
run "direct to backend" "http://127.0.0.1:$BACKEND_PORT/api/v1/things"
run "gateway (token check, rate limit, access log)" "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/things"
GATEWAY_RPS=$LAST
run "gateway, public route (no token check)" "http://127.0.0.1:$GATEWAY_PORT/registry/api/v1/public/things"
run "vertx-http-proxy alone (no gateway logic)" "http://127.0.0.1:$BARE_PORT/api/v1/things"
BARE_RPS=$LAST
run "nginx reverse proxy" "http://127.0.0.1:$NGINX_PORT/registry/api/v1/things"
NGINX_RPS=$LAST
echo
awk -v g="$GATEWAY_RPS" -v b="$BARE_RPS" -v n="$NGINX_RPS" 'BEGIN {
  printf "Gateway ÷ nginx: **%.2f** (goal ≥ 0.8); vertx-http-proxy alone ÷ nginx: %.2f; gateway ÷ vertx-http-proxy alone: %.2f.\n", g / n, b / n, g / b }'
