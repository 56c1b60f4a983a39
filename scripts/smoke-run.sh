#!/usr/bin/env bash
# Starts the suite with ./run.sh, calls every service with the printed development token, stops
# it, and checks that no process is left. Used by CI; handy after any change to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
trap './run.sh stop >/dev/null 2>&1 || true' EXIT

started=$SECONDS
# Every development token shares one client id (local-dev), so the generated negative tests and the
# guide's walkthroughs would exhaust the gateway's per-client limit of a production setting.
export RATE_LIMIT_DEFAULT="${RATE_LIMIT_DEFAULT:-100000}"
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
# Through the gateway: each route reaches its service with the token checked at the edge too.
for prefix in registry milestone quality; do
  code=$(curl -s -o /tmp/smoke-me.json -w '%{http_code}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:8080/$prefix/api/v1/me")
  [ "$code" = 200 ] || { echo "gateway /$prefix/api/v1/me answered $code"; cat /tmp/smoke-me.json; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080/$prefix/api/v1/me")
  [ "$code" = 401 ] || { echo "gateway /$prefix without token answered $code"; exit 1; }
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080/registry/api/v1/public/statistics")
[ "$code" = 200 ] || { echo "public statistics through the gateway answered $code"; exit 1; }
code=$(curl -s -o /tmp/smoke-merged.json -w '%{http_code}' "http://127.0.0.1:8080/openapi/merged.json")
[ "$code" = 200 ] && grep -q '/registry/api/v1/registrations' /tmp/smoke-merged.json &&
  grep -q '/milestone/api/v1/' /tmp/smoke-merged.json && grep -q '/quality/api/v1/' /tmp/smoke-merged.json ||
  { echo "merged OpenAPI incomplete ($code)"; exit 1; }
# Requests generated from the merged OpenAPI that must be refused: never a 5xx, always
# problem+json naming the field.
TOKEN="$token" TOKENS="$(./run.sh token data-reporter) $(./run.sh token district-reviewer 370102) $(./run.sh token school-applicant 370102 12370102MB0000017P)" \
  REPORT=/tmp/negative-tests.json node scripts/negative-tests.mjs
# The integration guide's walkthroughs, run as written.
scripts/guide-check.sh
./run.sh stop
trap - EXIT
if pgrep -f 'quarkus-app/quarkus-run.jar' >/dev/null; then
  echo "processes left after ./run.sh stop:"; pgrep -af 'quarkus-app/quarkus-run.jar'; exit 1
fi
echo "smoke run: 4 services ready, tokens accepted directly and through the gateway, merged OpenAPI complete, negative tests and guide walkthroughs passed, stopped cleanly"
