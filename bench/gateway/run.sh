#!/usr/bin/env bash
# Gateway benchmark: wrk against the same article JSON
#   (a) through the gateway to content-service, once with the gateway's response cache and once without it,
#   (b) from content-service directly,
#   (c) from nginx proxying (keep-alive upstream) to nginx serving the saved JSON: the one-hop reference,
# in one run, with identical wrk settings. Prints a table of rps and p99 and the ratios and writes it to
# bench/gateway/results/<date>.md. Everything it starts (PostgreSQL, services, nginx) is stopped on exit.
#
# Settings (environment): BENCH_DURATION (20s), BENCH_WARMUP (10s, before each target), BENCH_JVM_WARMUP (30s,
# content-service once, first), BENCH_THREADS (cores), BENCH_CONNECTIONS (64), BENCH_ARTICLE_ID (1),
# BENCH_BUILD (auto|always|never), BENCH_MVN_OPTS (e.g. -o), BENCH_KEEP_WORK (1 keeps logs), BENCH_LOAD_TIMEOUT (1800,
# seconds for the sample content import), ports BENCH_PG_PORT (25432), BENCH_CONTENT_PORT (18081),
# BENCH_GATEWAY_PORT (18080), BENCH_NGINX_ORIGIN_PORT (18091), BENCH_NGINX_PROXY_PORT (18090).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
JVM_WARMUP=${BENCH_JVM_WARMUP:-30s}
CORES=$(nproc)
THREADS=${BENCH_THREADS:-$CORES}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ARTICLE_ID=${BENCH_ARTICLE_ID:-1}
BUILD=${BENCH_BUILD:-auto}
PG_PORT=${BENCH_PG_PORT:-25432}
CONTENT_PORT=${BENCH_CONTENT_PORT:-18081}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
ORIGIN_PORT=${BENCH_NGINX_ORIGIN_PORT:-18091}
PROXY_PORT=${BENCH_NGINX_PROXY_PORT:-18090}
LOAD_TIMEOUT=${BENCH_LOAD_TIMEOUT:-1800}
ARTICLE_PATH="/api/v1/articles/$ARTICLE_ID"
NO_LIMIT=1000000000

log() { printf '» %s\n' "$*" >&2; }
die() { printf 'bench/gateway: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- processes and cleanup
WORK=$(mktemp -d /tmp/spaces-gwbench.XXXXXX)
chmod 755 "$WORK" # nginx workers (nobody when run as root) read the JSON from here
declare -A PIDS=()
ORDER=()
POLICY_RC_ADDED=

start() { # name, command… : own session, so stopping it stops every process it started
  local name=$1; shift
  setsid "$@" >"$WORK/$name.log" 2>&1 </dev/null &
  PIDS[$name]=$!
  ORDER+=("$name")
}

stop() { # name: TERM the leader (shutdown hooks run), then its whole process group
  local name=$1 pid=${PIDS[$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  unset "PIDS[$name]"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for ((k = ${#ORDER[@]} - 1; k >= 0; k--)); do stop "${ORDER[k]}"; done
  [ -n "$POLICY_RC_ADDED" ] && rm -f /usr/sbin/policy-rc.d
  if [ "$status" -ne 0 ]; then
    echo "bench/gateway: failed (exit $status); logs kept in $WORK" >&2
    for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- tail of $f" >&2; tail -n 15 "$f" >&2; }; done
  elif [ "${BENCH_KEEP_WORK:-}" = 1 ]; then
    echo "logs kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

alive() { local pid=${PIDS[$1]:-}; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

wait_for() { # name, check command, seconds
  local name=$1 check=$2 limit=$3
  for ((i = 0; i < limit * 2; i++)); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    alive "$name" || die "$name exited (see $WORK/$name.log)"
    sleep 0.5
  done
  die "$name not ready after ${limit}s (see $WORK/$name.log)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true; }

# ---------------------------------------------------------------- tools, JDK, build
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
install_tools() {
  local missing=()
  [ -x "$NGINX" ] || missing+=(nginx)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt…"
  # keep the package's own nginx service from starting on port 80 (no systemd here to stop it again)
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    POLICY_RC_ADDED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$POLICY_RC_ADDED" ]; then as_root rm -f /usr/sbin/policy-rc.d; POLICY_RC_ADDED=; fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# shellcheck source=.ci/jdk.sh
source "$ROOT/.ci/jdk.sh" # pick_jdk, as ./spaces chooses

CONTENT_APP="$ROOT/content-service/target/quarkus-app"
GATEWAY_APP="$ROOT/gateway/target/quarkus-app"
PG_JAR="$ROOT/commons/postgres/target/spaces-local-postgres.jar" # its dependencies in target/lib
stale() { # a packaged app is stale when missing or older than its module's or the commons libraries' sources
  local app=$1 module=$2
  [ -f "$app/quarkus-run.jar" ] || return 0
  [ -n "$(find "$module/src" "$module/pom.xml" commons/*/src commons/*/pom.xml commons/pom.xml pom.xml -newer "$app/quarkus-run.jar" -print -quit)" ]
}

build() {
  case "$BUILD" in
    never) ;;
    always) log "building content-service and gateway…"
            ./mvnw -B -q ${BENCH_MVN_OPTS:-} -pl commons/postgres,content-service,gateway -am package -DskipTests ;;
    *) if stale "$CONTENT_APP" content-service || stale "$GATEWAY_APP" gateway || [ ! -f "$PG_JAR" ]; then
         log "building content-service and gateway (sources changed since the last build)…"
         ./mvnw -B -q ${BENCH_MVN_OPTS:-} -pl commons/postgres,content-service,gateway -am package -DskipTests
       fi ;;
  esac
  [ -f "$CONTENT_APP/quarkus-run.jar" ] && [ -f "$GATEWAY_APP/quarkus-run.jar" ] && [ -f "$PG_JAR" ] || die "packaged apps missing"
}

# ---------------------------------------------------------------- services
start_backend() {
  log "PostgreSQL on port $PG_PORT…"
  start postgres "$JAVA" -cp "$PG_JAR:${PG_JAR%/*}/lib/*" dev.spaces.commons.postgres.LocalPostgres "$WORK/postgres" \
    "$PG_PORT" spaces_content
  wait_for postgres "grep -q 'PostgreSQL ready' '$WORK/postgres.log'" 180

  log "content-service on port $CONTENT_PORT (sample content)…"
  start content-service env SPACES_CONTENT_DB_URL="jdbc:postgresql://localhost:$PG_PORT/spaces_content" \
    SPACES_CONTENT_PORT="$CONTENT_PORT" SPACES_LOAD_SAMPLE_CONTENT=true \
    "$JAVA" "${CONTENT_JVM_OPTS[@]}" -jar "$CONTENT_APP/quarkus-run.jar"
  wait_for content-service "[ \"\$(status_of http://127.0.0.1:$CONTENT_PORT$ARTICLE_PATH)\" = 200 ]" 300
  # the import keeps the CPU busy (Markdown, KaTeX) until every sample article is in: measure after it
  log "waiting for the sample content import to finish (up to ${LOAD_TIMEOUT}s)…"
  wait_for content-service "grep -q -e 'Sample content loaded' -e 'Sample content could not be loaded' '$WORK/content-service.log'" \
    "$LOAD_TIMEOUT"
  grep -q 'Sample content loaded' "$WORK/content-service.log" || die "sample content import failed"
}

start_gateway() { # name, cache enabled (true|false)
  local name=$1 cache=$2
  log "gateway on port $GATEWAY_PORT (response cache enabled=$cache, rate limits raised to $NO_LIMIT/min)…"
  start "$name" env SPACES_GATEWAY_PORT="$GATEWAY_PORT" SPACES_CONTENT_URL="http://127.0.0.1:$CONTENT_PORT" \
    SPACES_COMMENT_URL="http://127.0.0.1:1" SPACES_SEARCH_URL="http://127.0.0.1:1" \
    "$JAVA" "${GATEWAY_JVM_OPTS[@]}" "${GATEWAY_PROPS[@]}" -Dspaces.gateway.cache.enabled="$cache" \
    -jar "$GATEWAY_APP/quarkus-run.jar"
  wait_for "$name" "[ \"\$(status_of http://127.0.0.1:$GATEWAY_PORT/q/health/ready)\" = 200 ]" 180
  wait_for "$name" "[ \"\$(status_of http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH)\" = 200 ]" 30
}

start_nginx() {
  mkdir -p "$WORK/www/api/v1/articles" "$WORK/nginx-temp"
  curl -sf --max-time 10 -o "$WORK/www$ARTICLE_PATH" "http://127.0.0.1:$CONTENT_PORT$ARTICLE_PATH" \
    || die "could not save $ARTICLE_PATH"
  chmod -R a+rX "$WORK/www"
  ARTICLE_BYTES=$(stat -c %s "$WORK/www$ARTICLE_PATH")
  local common="worker_processes $CORES;
daemon off;
events { worker_connections 4096; multi_accept on; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 65s; keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-temp/body; proxy_temp_path $WORK/nginx-temp/proxy;
  fastcgi_temp_path $WORK/nginx-temp/fastcgi; uwsgi_temp_path $WORK/nginx-temp/uwsgi; scgi_temp_path $WORK/nginx-temp/scgi;"
  cat >"$WORK/nginx-origin.conf" <<CONF
pid $WORK/nginx-origin.pid;
error_log $WORK/nginx-origin.error.log warn;
$common
  types { } default_type application/json;
  open_file_cache max=64; open_file_cache_valid 60s;
  server {
    listen 127.0.0.1:$ORIGIN_PORT backlog=4096;
    root $WORK/www;
    location / { try_files \$uri =404; }
  }
}
CONF
  cat >"$WORK/nginx-proxy.conf" <<CONF
pid $WORK/nginx-proxy.pid;
error_log $WORK/nginx-proxy.error.log warn;
$common
  upstream origin {
    server 127.0.0.1:$ORIGIN_PORT;
    keepalive $CONNECTIONS; keepalive_requests 1000000; keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT backlog=4096;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
  log "nginx serving the saved article ($ARTICLE_BYTES bytes) on $ORIGIN_PORT, nginx proxying to it on $PROXY_PORT…"
  start nginx-origin "$NGINX" -p "$WORK" -e "$WORK/nginx-origin.error.log" -c "$WORK/nginx-origin.conf"
  start nginx-proxy "$NGINX" -p "$WORK" -e "$WORK/nginx-proxy.error.log" -c "$WORK/nginx-proxy.conf"
  wait_for nginx-origin "[ \"\$(status_of http://127.0.0.1:$ORIGIN_PORT$ARTICLE_PATH)\" = 200 ]" 30
  wait_for nginx-proxy "[ \"\$(status_of http://127.0.0.1:$PROXY_PORT$ARTICLE_PATH)\" = 200 ]" 30
  cmp -s "$WORK/www$ARTICLE_PATH" <(curl -sf "http://127.0.0.1:$PROXY_PORT$ARTICLE_PATH") \
    || die "nginx does not serve the saved JSON"
}

# ---------------------------------------------------------------- measuring
declare -A RPS=() OK_RPS=() P50=() P99=() ERRS=() RAW=() SETTLE=() GWLOG=()
WRK_SETTINGS="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency --timeout 5s (after a -d$WARMUP warm-up run)"

measure() { # key, url
  local key=$1 url=$2 out line
  log "wrk $key: $url (warm-up $WARMUP, then $DURATION)…"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s "$url" >/dev/null
  # When wrk stops, it drops its connections with requests in flight. The gateway no longer counts those against
  # content's circuit breaker; the wait below still guards against a target that does not answer 200 again.
  sleep 2
  local waited=2
  until [ "$(status_of "$url")" = 200 ]; do
    ((waited < 60)) || die "$key does not answer 200 after the warm-up"
    sleep 1; waited=$((waited + 1))
  done
  SETTLE[$key]=$waited
  ((waited == 2)) || log "$key answered 200 again only after ${waited}s (circuit breaker opened by the warm-up's end)"
  local logfile="$WORK/$key.log" from started
  from=$(($( [ -f "$logfile" ] && wc -l <"$logfile" || echo 0) + 1))
  started=$(date +%H:%M:%S,%3N)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 5s -s "$HERE/../wrk/report.lua" "$url")
  line=$(grep '^BENCH_RESULT' <<<"$out") || die "no result from wrk for $key"
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${line#BENCH_RESULT}"; }
  if [[ $key == gateway-* ]]; then
    # what the gateway logged about its upstreams during the measured run, up to 0.1 s before wrk stopped
    # (stopping abandons the requests in flight, which the gateway logs as failures too)
    GWLOG[$key]=$(tail -n +"$from" "$logfile" | awk -v start="$started" -v seconds="$(field seconds)" '
        function ms(t, p) { split(t, p, /[:,]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
        BEGIN { end = ms(start) + seconds * 1000 - 100 }
        /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9],[0-9]+ / { if (ms($1) >= end) exit }
        /Circuit to|→ [a-z]+ failed/' \
      | sed -E 's/^[0-9:,]+ +//; s/\([^)]*thread[^)]*\) //; s/\[[0-9a-f-]{36}\] //; s/GET \/[^ ]+/GET …/' \
      | sort | uniq -c | sort -rn | head -20 || true)
  fi
  RPS[$key]=$(field rps); P50[$key]=$(field p50_ms); P99[$key]=$(field p99_ms)
  OK_RPS[$key]=$(awk -v n="$(field requests)" -v bad="$(field non2xx)" -v s="$(field seconds)" \
    'BEGIN { printf "%.2f", (n - bad) / s }')
  ERRS[$key]="$(field non2xx) / $(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))"
  RAW[$key]=$(grep -v '^BENCH_RESULT' <<<"$out")
  printf '   %s: %.0f rps (2xx: %.0f), p99 %.2f ms (non-2xx / socket errors: %s)\n' "$key" "${RPS[$key]}" \
    "${OK_RPS[$key]}" "${P99[$key]}" "${ERRS[$key]}" >&2
}

x_cache() { curl -s -o /dev/null -D - "$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}'; }

# ---------------------------------------------------------------- run
install_tools
JAVA_HOME=$(pick_jdk) || exit 1; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
CONTENT_JVM_OPTS=(-Dpolyglot.engine.WarnInterpreterOnly=false --enable-native-access=ALL-UNNAMED)
GATEWAY_JVM_OPTS=(--enable-native-access=ALL-UNNAMED)
GATEWAY_PROPS=()
for class in reads writes search auth-sensitive; do
  GATEWAY_PROPS+=(-Dspaces.gateway.route-classes.$class.per-client=$NO_LIMIT
                  -Dspaces.gateway.route-classes.$class.per-subject=$NO_LIMIT)
done
for port in "$PG_PORT" "$CONTENT_PORT" "$GATEWAY_PORT" "$ORIGIN_PORT" "$PROXY_PORT"; do
  port_free "$port" || die "port $port is in use (set BENCH_*_PORT)"
done
build

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
start_backend
start_nginx

# content-service serves both (b) and the uncached (a): warm its JIT first, so neither is measured on a cold JVM
log "warming content-service up for $JVM_WARMUP…"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" --timeout 5s "http://127.0.0.1:$CONTENT_PORT$ARTICLE_PATH" >/dev/null
measure nginx "http://127.0.0.1:$PROXY_PORT$ARTICLE_PATH"
measure direct "http://127.0.0.1:$CONTENT_PORT$ARTICLE_PATH"

start_gateway gateway-cached true
x_cache "http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH" >/dev/null # fills the cache
CACHED_STATUS=$(x_cache "http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH")
[ "$CACHED_STATUS" = HIT ] || die "gateway cache does not answer the article (X-Cache: '${CACHED_STATUS}')"
measure gateway-cached "http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH"
stop gateway-cached

start_gateway gateway-uncached false
UNCACHED_STATUS=$(x_cache "http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH")
[ -z "$UNCACHED_STATUS" ] || die "gateway with the cache disabled still answers X-Cache: $UNCACHED_STATUS"
measure gateway-uncached "http://127.0.0.1:$GATEWAY_PORT$ARTICLE_PATH"
stop gateway-uncached
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" 'BEGIN { print (r >= 0.8 ? "meets the ≥ 0.80 target" : "below the ≥ 0.80 target") }'; }
row() { # key, label, path
  printf '| %s | %s | %.0f | %.0f | %.2f | %.2f | %s |\n' "$2" "$3" "${OK_RPS[$1]}" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" \
    "${ERRS[$1]}"
}
CPU_MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
JDK_VERSION=$("$JAVA" -version 2>&1 | head -2 | tail -1)
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
WRK_VERSION=$( (wrk -v 2>&1 || true) | awk 'NR == 1 {print $1, $2}')
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ "$COMMIT" = unknown ] || git diff --quiet HEAD -- || COMMIT="$COMMIT (with uncommitted changes)"
mkdir -p "$HERE/results"
RESULT="$HERE/results/$(date +%F).md"
[ -e "$RESULT" ] && RESULT="$HERE/results/$(date +%F-%H%M%S).md"

{
  echo "# Gateway benchmark, $STARTED"
  echo
  echo "\`GET $ARTICLE_PATH\` (the same $ARTICLE_BYTES-byte JSON everywhere), every target measured with"
  echo "\`$WRK_SETTINGS\`."
  echo
  echo "| Target | Path | rps (2xx) | rps (all) | p50 (ms) | p99 (ms) | non-2xx / socket errors |"
  echo "|---|---|---:|---:|---:|---:|---|"
  row gateway-cached "(a) gateway, response cache on (X-Cache: $CACHED_STATUS)" "wrk → gateway (cache hit)"
  row gateway-uncached "(a) gateway, response cache off" "wrk → gateway → content-service"
  row direct "(b) content-service directly" "wrk → content-service"
  row nginx "(c) nginx one-hop reference" "wrk → nginx → nginx (static file)"
  echo
  echo "| Ratio | rps (2xx) | p99 | Target (rps) |"
  echo "|---|---:|---:|---|"
  for key in gateway-cached gateway-uncached; do
    label=${key#gateway-}
    echo "| gateway ($label) / direct | $(ratio "${OK_RPS[$key]}" "${OK_RPS[direct]}") | $(ratio "${P99[$key]}" "${P99[direct]}") | |"
    r=$(ratio "${OK_RPS[$key]}" "${OK_RPS[nginx]}")
    echo "| gateway ($label) / nginx one-hop | $r | $(ratio "${P99[$key]}" "${P99[nginx]}") | ≥ 0.80: $(verdict "$r") |"
  done
  echo
  echo "Cached: the gateway's response cache answers anonymous GETs (content-service sends \`Cache-Control: public,"
  echo "max-age=60\`); the run starts with the entry filled, so it measures the gateway alone. Uncached: a second gateway"
  echo "started with \`-Dspaces.gateway.cache.enabled=false\` forwards every request to content-service (the gateway"
  echo "does not honour a request's \`Cache-Control: no-cache\`). Both gateways run with every rate limit raised to"
  echo "$NO_LIMIT requests per window (\`-Dspaces.gateway.route-classes.<class>.per-client/per-subject\`)."
  echo
  for key in gateway-cached gateway-uncached direct nginx; do
    if [ "${SETTLE[$key]}" -gt 2 ]; then
      echo "Note: after the warm-up of $key the target answered 200 again only after ${SETTLE[$key]} s (the gateway's"
      echo "circuit breaker to content counts the requests wrk abandons when it stops); the measured run began after that."
      echo
    fi
  done
  echo "rps (2xx) counts only successful answers and is what the ratios use; rps (all) is wrk's Requests/sec, which"
  echo "includes fast error answers (e.g. 503 from an open circuit)."
  echo
  for key in gateway-cached gateway-uncached; do
    if [ -n "${GWLOG[$key]}" ]; then
      echo "Gateway log during the measured $key run (upstream failures and circuit changes, counted):"
      echo
      echo '```'
      echo "${GWLOG[$key]}"
      echo '```'
    else
      echo "Gateway log during the measured $key run: no upstream failures, no circuit changes."
    fi
    echo
  done
  echo "## Machine and settings"
  echo
  echo "- CPU: $CORES cores ($CPU_MODEL); load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
  echo "- Kernel: $(uname -sr); memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- JDK: $JDK_VERSION (\`$JAVA_HOME\`), default heap; content-service \`${CONTENT_JVM_OPTS[*]}\`, gateway \`${GATEWAY_JVM_OPTS[*]}\`"
  echo "- $NGINX_VERSION: two instances, \`worker_processes $CORES\`, \`worker_connections 4096\`, access log off,"
  echo "  keep-alive to the client and to the upstream (\`keepalive $CONNECTIONS\`, HTTP/1.1), sendfile, \`open_file_cache\`"
  echo "- $WRK_VERSION: \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency --timeout 5s\`, warm-up \`-d$WARMUP\` per target,"
  echo "  on the same machine as the servers; content-service warmed up once for \`$JVM_WARMUP\` before all targets;"
  echo "  order: nginx, direct, gateway cached, gateway uncached (each gateway a fresh JVM)"
  echo "- Commit: $COMMIT; ports: gateway $GATEWAY_PORT, content-service $CONTENT_PORT, PostgreSQL $PG_PORT,"
  echo "  nginx $PROXY_PORT → $ORIGIN_PORT"
  echo
  echo "## wrk output"
  for key in gateway-cached gateway-uncached direct nginx; do
    echo
    echo "### $key"
    echo
    echo '```'
    echo "${RAW[$key]}"
    echo '```'
  done
} >"$RESULT"

echo
sed -n '/^| Target/,/^Cached:/p' "$RESULT" | sed '$d'
echo "Written to ${RESULT#"$ROOT"/}"
