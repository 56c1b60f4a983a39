#!/usr/bin/env bash
# Starts the suite with ./run.sh, calls every service with the printed development token, stops
# it, and checks that no process is left. Used by CI; handy after any change to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
trap './run.sh stop >/dev/null 2>&1 || true' EXIT

started=$SECONDS
./run.sh | tee /tmp/smoke-run.out
echo "Suite ready after $((SECONDS - started)) s."
token=$(sed -n 's/^  TOKEN=//p' /tmp/smoke-run.out)
[ -n "$token" ] || { echo "run.sh printed no token"; exit 1; }
for port in 8080 8081 8082 8083; do
  code=$(curl -s -o /tmp/smoke-me.json -w '%{http_code}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/me")
  [ "$code" = 200 ] || { echo "port $port: /api/v1/me answered $code"; cat /tmp/smoke-me.json; exit 1; }
  grep -q '"city-admin"' /tmp/smoke-me.json || { echo "port $port: role missing"; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/me")
  [ "$code" = 401 ] || { echo "port $port: no token answered $code"; exit 1; }
done
./run.sh stop
trap - EXIT
if pgrep -f 'quarkus-app/quarkus-run.jar' >/dev/null; then
  echo "processes left after ./run.sh stop:"; pgrep -af 'quarkus-app/quarkus-run.jar'; exit 1
fi
echo "smoke run: 4 services ready, tokens accepted, stopped cleanly"
