#!/usr/bin/env bash
# Lints the committed OpenAPI documents (docs/api/*.json) with the pinned Redocly CLI and the
# ruleset docs/api/redocly.yaml. Fails on any error or warning. Used by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=tools/openapi-lint
if [ ! -x "$TOOLS/node_modules/.bin/redocly" ]; then
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error)
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
status=0
out=$("$TOOLS/node_modules/.bin/redocly" lint --config docs/api/redocly.yaml --max-problems 50 \
  --format stylish docs/api/*.json 2>&1) || status=$?
# Keep the findings, drop the runtime's banners.
grep -v -e '║' -e '╔' -e '╚' -e 'Deprecation warning' <<<"$out" | grep -v '^\s*$' || true
if [ "$status" -ne 0 ] || grep -qE '^\s+[0-9]+:[0-9]+\s+warning' <<<"$out"; then
  echo "OpenAPI lint failed (errors or warnings above)."
  exit 1
fi
echo "OpenAPI lint: docs/api/*.json clean against docs/api/redocly.yaml"
