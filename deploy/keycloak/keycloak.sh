#!/usr/bin/env bash
# A local Keycloak with the realm edu, for checking the realm export and for end-to-end tests.
#
#   deploy/keycloak/keycloak.sh start            import edu-realm.json (+ test users) into a fresh Keycloak
#   deploy/keycloak/keycloak.sh stop
#   deploy/keycloak/keycloak.sh status
#   deploy/keycloak/keycloak.sh issuer           print the issuer URL (OIDC_ISSUER_URL for the services)
#   deploy/keycloak/keycloak.sh secret CLIENT    print a confidential client's generated secret
#   deploy/keycloak/keycloak.sh token client CLIENT     client-credentials access token
#   deploy/keycloak/keycloak.sh token user USERNAME     access token of a test user (password grant)
#   deploy/keycloak/keycloak.sh claims TOKEN     print a token's payload as JSON
#   deploy/keycloak/keycloak.sh verify           start, check the tokens' claims, stop (exit 1 on a mismatch)
#
# Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central) is unpacked under
# deploy/.cache/keycloak and runs in dev mode (in-memory H2, HTTP) on 127.0.0.1:${KC_PORT:-18180}.
# The realm file carries no users and no secrets; this script adds, for local use only:
#   - the test users of test/edu-users-0.json (password Test-only-1-<username>, which meets the realm's password policy; KC_TEST_USERS=0 skips them)
#   - a public client e2e-tests with the password grant, for user tokens without a browser.
# Needs java (17 or newer; the suite itself builds on 25), curl, jq, unzip.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION="${KC_VERSION:-26.7.3}"
PORT="${KC_PORT:-18180}"
CACHE="$ROOT/deploy/.cache/keycloak"
HOME_DIR="$CACHE/keycloak-$VERSION"
PID_FILE="$CACHE/keycloak.pid"
LOG_FILE="$CACHE/keycloak.log"
ADMIN_FILE="$CACHE/admin-password"
BASE="http://127.0.0.1:$PORT"
REALM=edu
TEST_CLIENT=e2e-tests

die() { printf 'keycloak.sh: %s\n' "$*" >&2; exit 1; }
running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

install_keycloak() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return
  mkdir -p "$CACHE"
  local zip="$CACHE/keycloak-quarkus-dist-$VERSION.zip"
  if [ ! -f "$zip" ]; then
    echo "Fetching Keycloak $VERSION from Maven Central..."
    (cd "$ROOT" && ./mvnw -B -q -ntp -N dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip" "-DoutputDirectory=$CACHE")
  fi
  unzip -q -o "$zip" -d "$CACHE"
}

start() {
  running && die "already running (pid $(cat "$PID_FILE")); stop it first"
  command -v jq >/dev/null || die "jq is needed"
  install_keycloak
  # A fresh database each time: the import runs only into an empty one.
  rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import"
  mkdir -p "$HOME_DIR/data/import"
  cp "$HERE/edu-realm.json" "$HOME_DIR/data/import/edu-realm.json"
  if [ "${KC_TEST_USERS:-1}" != 0 ]; then
    cp "$HERE/test/edu-users-0.json" "$HOME_DIR/data/import/edu-users-0.json"
  fi
  [ -f "$ADMIN_FILE" ] || (umask 077; openssl rand -hex 16 >"$ADMIN_FILE")
  echo "Starting Keycloak $VERSION on $BASE (log: $LOG_FILE)..."
  (
    cd "$HOME_DIR"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$ADMIN_FILE")" \
      nohup bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$PORT" --import-realm \
      >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  )
  local deadline=$((SECONDS + ${KC_START_TIMEOUT:-150}))
  until curl -sf -o /dev/null "$BASE/realms/$REALM/.well-known/openid-configuration"; do
    if ! running; then
      tail -n 40 "$LOG_FILE" >&2
      die "Keycloak stopped during start-up (log above)"
    fi
    [ $SECONDS -lt $deadline ] || { stop >/dev/null; die "not ready in time; see $LOG_FILE"; }
    sleep 1
  done
  # An import that half-worked (a scope or role the realm names but does not define) only warns.
  if grep -E 'ERROR|WARN .*(RepresentationToModel|exportimport)' "$LOG_FILE" >&2; then
    stop >/dev/null
    die "Keycloak complained while importing the realm (lines above)"
  fi
  [ "${KC_TEST_USERS:-1}" != 0 ] && create_test_client
  echo "Keycloak is up: issuer $BASE/realms/$REALM"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "Stopped Keycloak."
  else
    echo "Keycloak is not running."
  fi
  rm -f "$PID_FILE"
}

admin_token() {
  curl -sf "$BASE/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin \
    --data-urlencode "password=$(cat "$ADMIN_FILE")" | jq -r .access_token
}

admin() { # METHOD PATH [JSON]
  local method="$1" path="$2" body="${3:-}"
  curl -sf -X "$method" "$BASE/admin/realms/$REALM$path" -H "Authorization: Bearer $(admin_token)" \
    ${body:+-H "Content-Type: application/json" --data "$body"}
}

client_uuid() {
  admin GET "/clients?clientId=$1" | jq -er '.[0].id' || die "no client $1 in realm $REALM"
}

secret() {
  admin GET "/clients/$(client_uuid "$1")/client-secret" | jq -er .value
}

# Test-only public client with the password grant and the browser client's mappers and scopes.
create_test_client() {
  admin POST /clients "$(jq --arg id "$TEST_CLIENT" '.clients[] | select(.clientId == "edu-portal") | {
    clientId: $id, name: "end-to-end tests (local only)", enabled: true, publicClient: true,
    standardFlowEnabled: false, directAccessGrantsEnabled: true, serviceAccountsEnabled: false,
    protocolMappers, defaultClientScopes}' "$HERE/edu-realm.json")" >/dev/null
}

token() {
  running || die "Keycloak is not running (deploy/keycloak/keycloak.sh start)"
  local endpoint="$BASE/realms/$REALM/protocol/openid-connect/token"
  case "${1:-}" in
    client)
      [ -n "${2:-}" ] || die "usage: token client CLIENT_ID"
      curl -sf "$endpoint" -d grant_type=client_credentials -d "client_id=$2" \
        --data-urlencode "client_secret=$(secret "$2")" | jq -er .access_token
      ;;
    user)
      [ -n "${2:-}" ] || die "usage: token user USERNAME"
      curl -sf "$endpoint" -d grant_type=password -d "client_id=$TEST_CLIENT" -d "username=$2" \
        --data-urlencode "password=Test-only-1-$2" | jq -er .access_token
      ;;
    *) die "usage: token client CLIENT_ID | token user USERNAME" ;;
  esac
}

claims() {
  local payload
  payload="$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')"
  while [ $((${#payload} % 4)) -ne 0 ]; do payload="$payload="; done
  printf '%s' "$payload" | base64 -d | jq .
}

expect() { # DESCRIPTION JQ_FILTER TOKEN
  if claims "$3" | jq -e "$2" >/dev/null; then
    echo "  ok   $1"
    passes=$((passes + 1))
  else
    echo "  FAIL $1: $(claims "$3" | jq -c '{azp, aud, realm_access, district_code, school_code}')"
    failures=$((failures + 1))
  fi
}

verify() {
  start
  trap 'stop >/dev/null' EXIT
  failures=0
  passes=0
  local t
  for client in gov-data-exchange milestone-service quality-index-service; do
    t="$(token client "$client")"
    expect "$client: client credentials, role data-reporter, audience jinan-edu-api, azp" \
      "(.realm_access.roles | index(\"data-reporter\")) and (.aud | if type == \"array\" then index(\"jinan-edu-api\") else . == \"jinan-edu-api\" end) and .azp == \"$client\" and (has(\"district_code\") | not)" "$t"
  done
  t="$(token user test-district-reviewer)"
  expect "test-district-reviewer: role district-reviewer, district_code 370102 (string)" \
    '(.realm_access.roles | index("district-reviewer")) and .district_code == "370102" and (has("school_code") | not)' "$t"
  t="$(token user test-school-applicant)"
  expect "test-school-applicant: role school-applicant, district_code and school_code" \
    '(.realm_access.roles | index("school-applicant")) and .district_code == "370102" and .school_code == "12370102MB00000014"' "$t"
  t="$(token user test-city-admin)"
  expect "test-city-admin: role city-admin, no scope claims, audience jinan-edu-api" \
    '(.realm_access.roles | index("city-admin")) and (has("district_code") | not) and (.aud | if type == "array" then index("jinan-edu-api") else . == "jinan-edu-api" end)' "$t"
  expect "issuer is the realm edu" '.iss | endswith("/realms/edu")' "$t"
  if admin GET "/clients?clientId=edu-portal" |
    jq -e '.[0].publicClient and .[0].attributes["pkce.code.challenge.method"] == "S256"' >/dev/null; then
    echo "  ok   edu-portal is a public client with PKCE"
    passes=$((passes + 1))
  else
    echo "  FAIL edu-portal is not a public PKCE client"
    failures=$((failures + 1))
  fi
  echo "Claims of a test-school-applicant token:"
  claims "$(token user test-school-applicant)" |
    jq -c '{iss, azp, aud, realm_access, district_code, school_code, preferred_username}'
  echo "Claims of a milestone-service client-credentials token:"
  claims "$(token client milestone-service)" | jq -c '{iss, azp, aud, realm_access}'
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running && echo "running (pid $(cat "$PID_FILE")) at $BASE" || echo "stopped" ;;
  issuer) echo "$BASE/realms/$REALM" ;;
  secret) [ -n "${2:-}" ] || die "usage: secret CLIENT_ID"; secret "$2" ;;
  token) shift; token "$@" ;;
  claims) [ -n "${2:-}" ] || die "usage: claims TOKEN"; claims "$2" ;;
  verify) verify ;;
  *) die "usage: start | stop | status | issuer | secret CLIENT | token client CLIENT | token user USERNAME | claims TOKEN | verify" ;;
esac
