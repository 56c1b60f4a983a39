#!/usr/bin/env bash
# Runs the whole suite locally against the local PostgreSQL.
#
#   ./run.sh              build if needed, start the four services, wait until ready, print how to call them
#   ./run.sh stop         stop everything this script started
#   ./run.sh status       show what is running
#   ./run.sh token ROLE [DISTRICT_CODE] [SCHOOL_USCC]
#                         print a development access token (city-admin, district-reviewer,
#                         school-applicant, data-reporter, auditor)
#
# Settings (environment): DB_HOST (127.0.0.1), DB_PORT (5432), DB_USER (postgres), DB_PASSWORD.
# Tokens are signed with a key pair generated once under .run/keys; the services trust only that
# key, and only in the "local" profile. Production never accepts it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$ROOT/.run"
KEY_DIR="$RUN_DIR/keys"
LOG_DIR="$RUN_DIR/logs"
ISSUER="https://auth.local.invalid/realms/edu"

DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
export PGPASSWORD="${DB_PASSWORD:-}"

# name:port:database (gateway has no database)
SERVICES=(
  "registry-service:8081:registry"
  "milestone-service:8082:milestone"
  "quality-index-service:8083:quality"
  "gateway:8080:"
)

say() { printf '%s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

mint_token() {
  local role="$1" district="${2:-}" school="${3:-}"
  local now exp sub claims
  now=$(date +%s)
  exp=$((now + 8 * 3600))
  sub="local-${role}${district:+-$district}${school:+-$school}"
  claims="\"iss\":\"$ISSUER\",\"sub\":\"$sub\",\"azp\":\"local-dev\",\"iat\":$now,\"exp\":$exp"
  claims="$claims,\"realm_access\":{\"roles\":[\"$role\"]}"
  [ -n "$district" ] && claims="$claims,\"district_code\":\"$district\""
  [ -n "$school" ] && claims="$claims,\"school_code\":\"$school\""
  local header payload signature
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"local"}' | b64url)
  payload=$(printf '{%s}' "$claims" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" |
    openssl dgst -sha256 -sign "$KEY_DIR/private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

ensure_keys() {
  mkdir -p "$KEY_DIR"
  if [ ! -f "$KEY_DIR/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY_DIR/private.pem" 2>/dev/null
    chmod 600 "$KEY_DIR/private.pem"
    openssl pkey -in "$KEY_DIR/private.pem" -pubout -out "$KEY_DIR/public.pem"
  fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_all() {
  local any=0
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    local pidfile="$RUN_DIR/$name.pid"
    if pid_alive "$pidfile"; then
      any=1
      kill "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
  # Give the JVMs their graceful shutdown, then make sure nothing is left.
  for _ in $(seq 1 40); do
    local alive=0
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r name _ _ <<<"$entry"
      pid_alive "$RUN_DIR/$name.pid" && alive=1
    done
    [ $alive -eq 0 ] && break
    sleep 0.25
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    local pidfile="$RUN_DIR/$name.pid"
    if pid_alive "$pidfile"; then kill -9 "$(cat "$pidfile")" 2>/dev/null || true; fi
    rm -f "$pidfile"
  done
  [ $any -eq 1 ] && say "Stopped the suite." || say "Nothing was running."
}

status() {
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    if pid_alive "$RUN_DIR/$name.pid"; then
      say "$name  running  pid $(cat "$RUN_DIR/$name.pid")  http://127.0.0.1:$port"
    else
      say "$name  stopped"
    fi
  done
}

check_postgres() {
  if ! psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    die "PostgreSQL is not reachable at $DB_HOST:$DB_PORT as user $DB_USER.
  The suite needs PostgreSQL 15 or newer. Either start the local one
    (Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start)
  or point the suite at another server:
    DB_HOST=... DB_PORT=... DB_USER=... DB_PASSWORD=... ./run.sh"
  fi
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r _ _ db <<<"$entry"
    [ -z "$db" ] && continue
    if [ "$(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
      "select 1 from pg_database where datname='$db'")" != "1" ]; then
      psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "create database $db" >/dev/null
      say "Created database $db."
    fi
  done
}

needs_build() {
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    local jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    # Rebuild when any source or pom is newer than the packaged service.
    if [ -n "$(find "$ROOT/$name/src/main" "$ROOT/$name/pom.xml" "$ROOT/platform/src/main" \
      "$ROOT/platform/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

# The JDK's ahead-of-time cache of each packaged service (target/quarkus-app/app.aot; docs/
# operations.md): recorded once per build by a training run, the way the image build does it (a
# start without database or issuer that exits by itself); the build's tests record it too. A
# failed training run only costs start-up speed.
record_aot_caches() {
  local pids=() names=()
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    local app="$ROOT/$name/target/quarkus-app"
    [ "$app/app.aot" -nt "$app/quarkus-run.jar" ] && continue
    (
      cd "$ROOT/$name"
      env OIDC_ISSUER_URL=http://127.0.0.1:9/realms/none DB_HOST=127.0.0.1 DB_PORT=9 HTTP_PORT=0 MANAGEMENT_PORT=0 \
        java -Xmx256m -XX:AOTCacheOutput=target/quarkus-app/app.aot -Dplatform.exit-after-start=true \
        -Dquarkus.flyway.migrate-at-start=false -Dquarkus.hibernate-orm.schema-management.strategy=none \
        -jar target/quarkus-app/quarkus-run.jar >"$LOG_DIR/$name-aot.log" 2>&1
    ) &
    pids+=($!)
    names+=("$name")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  say "Recording the start-up cache of ${names[*]} (once per build, about a minute)..."
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || say "  ${names[$i]}: no cache (see $LOG_DIR/${names[$i]}-aot.log); it starts without."
  done
}

start_all() {
  # A JDK 25: JAVA_HOME, else the usual install folders; stops saying what to install.
  . "$ROOT/.mvn/jdk25.sh"
  command -v openssl >/dev/null || die "openssl is needed to create the development signing key."
  command -v psql >/dev/null || die "psql (PostgreSQL client) is needed to check and create the databases."
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    if pid_alive "$RUN_DIR/$name.pid"; then
      die "$name is already running (./run.sh status). Stop it with ./run.sh stop."
    fi
    for p in "$port" $((port + 1000)); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        die "Port $p (for $name) is already in use by another program."
      fi
    done
  done
  check_postgres
  ensure_keys
  if needs_build; then
    say "Building the suite (first time takes a few minutes)..."
    (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package) ||
      die "The build failed; see the output above."
  fi
  mkdir -p "$LOG_DIR"
  record_aot_caches
  local public_key peer_token
  public_key=$(grep -v -- ----- "$KEY_DIR/public.pem" | tr -d '\n')
  # Services call each other with a data-reporter token signed by the same local key.
  peer_token=$(mint_token data-reporter)
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    local aot=""
    [ -f "$ROOT/$name/target/quarkus-app/app.aot" ] && aot="-XX:AOTCache=target/quarkus-app/app.aot"
    (
      cd "$ROOT/$name"
      # Each management interface (health, metrics, OpenAPI) listens 1000 above its service.
      env OIDC_PUBLIC_KEY="$public_key" OIDC_TOKEN_ISSUER="$ISSUER" HTTP_PORT="$port" \
        MANAGEMENT_PORT=$((port + 1000)) \
        PEER_TOKEN="$peer_token" \
        DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASSWORD="${DB_PASSWORD:-}" \
        ${db:+DB_NAME="$db"} \
        nohup java -Xmx256m $aot -Dquarkus.profile=local -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar \
        >"$LOG_DIR/$name.log" 2>&1 &
      echo $! >"$RUN_DIR/$name.pid"
    )
  done
  say "Waiting for the services to become ready..."
  local deadline=$((SECONDS + 90))
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((port + 1000))/q/health/ready")" = "200" ]; do
      if ! pid_alive "$RUN_DIR/$name.pid"; then
        tail -n 30 "$LOG_DIR/$name.log" >&2 || true
        stop_all >/dev/null
        die "$name stopped during start-up; its log is above and in $LOG_DIR/$name.log."
      fi
      if [ $SECONDS -ge $deadline ]; then
        stop_all >/dev/null
        die "$name was not ready within 90 s; see $LOG_DIR/$name.log."
      fi
      sleep 0.5
    done
  done
  local token
  token=$(mint_token city-admin)
  cat <<EOF

The suite is up (logs in .run/logs/, stop with ./run.sh stop).

  service                 URL                      management (health, metrics, OpenAPI)
  gateway                 http://127.0.0.1:8080    http://127.0.0.1:9080
  registry-service        http://127.0.0.1:8081    http://127.0.0.1:9081
  milestone-service       http://127.0.0.1:8082    http://127.0.0.1:9082
  quality-index-service   http://127.0.0.1:8083    http://127.0.0.1:9083

On the management port: /q/health/ready   /q/metrics   /q/openapi   /q/swagger-ui
Swagger UI of the whole suite: http://127.0.0.1:8080/q/swagger-ui
Through the gateway: http://127.0.0.1:8080/registry/…, /milestone/…, /quality/…
  merged OpenAPI: http://127.0.0.1:8080/openapi/merged.json

registry-service (docs/registry.md):
  GET  /api/v1/public/registrations?filingNumber=|school=|schoolName=   public verification
  GET  /api/v1/public/statistics                                        filing progress
  GET|POST /api/v1/schools, POST /api/v1/schools/import?dryRun=true     school directory
  POST /api/v1/registrations, POST /api/v1/registrations/{id}/transitions/{action}
  GET  /api/v1/events, GET /api/v1/audit

A development token (role city-admin, valid 8 h; only this local run trusts it):

  TOKEN=$token

  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8081/api/v1/me

Other roles: ./run.sh token district-reviewer 370102
             ./run.sh token school-applicant 370102 <school USCC>
EOF
}

case "${1:-start}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  token)
    [ $# -ge 2 ] || die "usage: ./run.sh token ROLE [DISTRICT_CODE] [SCHOOL_USCC]"
    ensure_keys
    mint_token "$2" "${3:-}" "${4:-}"
    ;;
  *) die "unknown command '$1' (start, stop, status, token)" ;;
esac
