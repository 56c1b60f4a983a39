# Shared by the scripts in bench/ (sourced, not run): ports, readiness, a gateway of their own.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_url() { # url pid log: until the URL answers 200; fails with the log when the process is gone
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
    sleep 0.02
    kill -0 "$2" 2>/dev/null || { echo "process for $1 did not start:"; tail -20 "$3"; exit 1; }
  done
}

wait_ready() { wait_url "http://127.0.0.1:$1/q/health/ready" "$2" "$3"; } # management-port pid log

# A gateway of its own in front of the services ./run.sh started, rate limits lifted (they would
# turn most of the load into 429s), otherwise as ./run.sh starts it. Sets GW (its URL) and GW_PID.
start_bench_gateway() { # log key
  local port management
  port=$(free_port)
  management=$(free_port)
  # From the module's folder, like ./run.sh: the AOT cache is valid for that class path only.
  local aot=""
  [ -f gateway/target/quarkus-app/app.aot ] && aot="-XX:AOTCache=target/quarkus-app/app.aot"
  (
    cd gateway
    # shellcheck disable=SC2086
    exec env HTTP_PORT="$port" MANAGEMENT_PORT="$management" REGISTRY_MANAGEMENT_URL=http://127.0.0.1:9081 \
      MILESTONE_MANAGEMENT_URL=http://127.0.0.1:9082 QUALITY_MANAGEMENT_URL=http://127.0.0.1:9083 \
      OIDC_PUBLIC_KEY="$2" RATE_LIMIT_DEFAULT=1000000000 RATE_LIMIT_PUBLIC=1000000000 \
      java -Xmx256m $aot -Dquarkus.profile=local -Dquarkus.http.host=127.0.0.1 \
      -jar target/quarkus-app/quarkus-run.jar
  ) >"$1" 2>&1 &
  GW_PID=$!
  wait_ready "$management" "$GW_PID" "$1"
  GW="http://127.0.0.1:$port"
}
