#!/usr/bin/env bash
# Gateway cost per proxied request, robust on a noisy shared machine: instead of rps alone it reports the gateway
# process's own CPU time (utime+stime from /proc/<pid>/stat) and syscalls (syscr+syscw from /proc/<pid>/io) during
# the measured wrk run, divided by the requests wrk completed.
#
# The upstream is one nginx worker serving saved JSON (so the gateway's cost is not mixed with content-service's,
# and no sample-content import is needed): an article by id of BENCH_ARTICLE_BYTES (20448, the size of the article
# bench/run uses) and BENCH_LIST_PAGES list pages (`/api/v1/articles?page=N`, BENCH_LIST_BYTES (19500, as bench/run's real pages), with the
# Link and X-Total-Count headers content-service sends), all with `Cache-Control: public, max-age=60` and an ETag.
# The gateway runs with its response cache off (every request is forwarded) and once with it on (cache hits).
#
# Usage: bench/gateway/cpu.sh [label] [quarkus-app dir (default gateway/target/quarkus-app)]
# Settings: BENCH_DURATION (20s), BENCH_JVM_WARMUP (20s per path, once per gateway JVM), BENCH_WARMUP (10s, per target), BENCH_THREADS (2), BENCH_CONNECTIONS (64),
# BENCH_FLOOR=1 (measure FloorProxy.java, a bare Vert.x proxy on the gateway's libraries, instead of the gateway: the
# floor of a JVM hop; its "cache hit" row is not meaningful), BENCH_GATEWAY_PORT (18280), BENCH_ORIGIN_PORT (18291), BENCH_TARGETS ("id list hit"), BENCH_GATEWAY_OPTS (extra
# JVM options for the gateway, e.g. -Dspaces.gateway.http.buffered-response-max-size=0).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LABEL=${1:-current}
APP=$(cd "${2:-$ROOT/gateway/target/quarkus-app}" && pwd)
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
JVM_WARMUP=${BENCH_JVM_WARMUP:-20s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18280}
ORIGIN_PORT=${BENCH_ORIGIN_PORT:-18291}
ARTICLE_BYTES=${BENCH_ARTICLE_BYTES:-20448}
LIST_BYTES=${BENCH_LIST_BYTES:-19500}
LIST_PAGES=${BENCH_LIST_PAGES:-72}
TARGETS=${BENCH_TARGETS:-id list hit}
NO_LIMIT=1000000000
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# the options ./spaces starts the gateway with (heap, GC, its AOT cache); the cache only fits the package it was
# trained for, so another package (comparing builds) runs without it
without_aot_cache() { tr ' ' '\n' <<<"$1" | grep -v -e '^-XX:AOTCache' -e 'AOTReplayTraining' -e '^-XX:+UnlockDiagnosticVMOptions' | tr '\n' ' '; }
GATEWAY_JVM=$("$ROOT/spaces" jvm-options gateway | tr '\n' ' ')
[ "$APP" = "$(cd "$ROOT/gateway/target/quarkus-app" 2>/dev/null && pwd)" ] || GATEWAY_JVM=$(without_aot_cache "$GATEWAY_JVM")
# the floor proxy runs with the same heap and GC, without the gateway's AOT cache (it would not fit)
FLOOR_JVM=$(without_aot_cache "$GATEWAY_JVM")
HZ=$(getconf CLK_TCK)

WORK=$(mktemp -d /tmp/spaces-gwcpu.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  [ "${BENCH_KEEP_WORK:-}" = 1 ] && echo "logs kept in $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # url, seconds
  for ((i = 0; i < $2 * 4; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true)" = 200 ] && return 0
    sleep 0.25
  done
  echo "not ready: $1" >&2; exit 1
}

json_of_size() { # bytes: a JSON object of exactly that many bytes (ASCII plus some CJK, like the real articles)
  awk -v n="$1" 'BEGIN {
    head = "{\"id\":1,\"title\":\"bench\",\"html\":\""; tail = "\"}"
    fill = n - length(head) - length(tail); s = ""
    while (length(s) < fill) s = s "<p>The gradient of $x^2$ is $2x$.</p>";
    printf "%s%s%s", head, substr(s, 1, fill), tail }'
}

mkdir -p "$WORK/www/articles" "$WORK/www/list" "$WORK/temp"
json_of_size "$ARTICLE_BYTES" >"$WORK/www/articles/1"
for ((p = 1; p <= LIST_PAGES; p++)); do json_of_size "$LIST_BYTES" >"$WORK/www/list/page$p.json"; done
for ((p = 1; p <= LIST_PAGES; p++)); do echo "/api/v1/articles?page=$p"; done >"$WORK/list.paths"

cat >"$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/nginx.error.log warn;
worker_processes 1;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 65s; keepalive_requests 1000000;
  client_body_temp_path $WORK/temp/body; proxy_temp_path $WORK/temp/proxy;
  fastcgi_temp_path $WORK/temp/fastcgi; uwsgi_temp_path $WORK/temp/uwsgi; scgi_temp_path $WORK/temp/scgi;
  types { } default_type application/json;
  open_file_cache max=256; open_file_cache_valid 60s;
  server {
    listen 127.0.0.1:$ORIGIN_PORT backlog=4096;
    root $WORK/www;
    add_header Cache-Control "public, max-age=60";
    location = /api/v1/articles {
      add_header Cache-Control "public, max-age=60";
      add_header Link "</api/v1/articles?page=2>; rel=\"next\", </api/v1/articles?page=$LIST_PAGES>; rel=\"last\"";
      add_header X-Total-Count 1433;
      try_files /list/page\$arg_page.json =404;
    }
    location = /q/health/ready { return 200 '{"status":"UP"}'; }
    location /api/v1/articles/ { rewrite ^/api/v1/articles/(.*)\$ /articles/\$1 break; }
  }
}
CONF
setsid /usr/sbin/nginx -p "$WORK" -e "$WORK/nginx.error.log" -c "$WORK/nginx.conf" >"$WORK/nginx.log" 2>&1 </dev/null &
PIDS+=($!)
wait_for "http://127.0.0.1:$ORIGIN_PORT/api/v1/articles/1" 20

start_gateway() { # cache enabled
  local props=()
  for class in reads writes search auth-sensitive; do
    props+=(-Dspaces.gateway.route-classes.$class.per-client=$NO_LIMIT
            -Dspaces.gateway.route-classes.$class.per-subject=$NO_LIMIT)
  done
  if [ "${BENCH_FLOOR:-}" = 1 ]; then # the floor: a bare Vert.x proxy on the gateway's libraries (FloorProxy.java)
    # shellcheck disable=SC2086
    setsid env MALLOC_ARENA_MAX=2 "$JAVA" $FLOOR_JVM -cp "$APP/lib/main/*" "$HERE/FloorProxy.java" "$GATEWAY_PORT" \
      "$ORIGIN_PORT" >"$WORK/floor.log" 2>&1 </dev/null &
    GATEWAY_PID=$!
    PIDS+=("$GATEWAY_PID")
    wait_for "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" 120
    return
  fi
  # shellcheck disable=SC2086
  setsid env SPACES_GATEWAY_PORT="$GATEWAY_PORT" SPACES_CONTENT_URL="http://127.0.0.1:$ORIGIN_PORT" \
    SPACES_COMMENT_URL="http://127.0.0.1:1" SPACES_SEARCH_URL="http://127.0.0.1:1" \
    MALLOC_ARENA_MAX=2 "$JAVA" $GATEWAY_JVM "${props[@]}" \
    -Dspaces.gateway.cache.enabled="$1" ${BENCH_GATEWAY_OPTS:-} -jar "$APP/quarkus-run.jar" \
    >"$WORK/gateway-$1.log" 2>&1 </dev/null &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_for "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" 120
}

stop_gateway() {
  kill -TERM "$GATEWAY_PID"
  for ((i = 0; i < 40; i++)); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.25; done
}

jvm_warmup() { # both paths, so neither measured run pays for the JIT compiling the other's code (its CPU counts too)
  export BENCH_WRK_DIR="$ROOT/bench/wrk" BENCH_PATHS="$WORK/list.paths"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" -s "$ROOT/bench/wrk/paths.lua" "http://127.0.0.1:$GATEWAY_PORT" >/dev/null
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
syscalls() { awk '/^syscr|^syscw/ { n += $2 } END { print n }' "/proc/$1/io"; }

measure() { # name, url, [paths file]
  local name=$1 url=$2 paths=${3:-} script=() out
  if [ -n "$paths" ]; then
    script=(-s "$ROOT/bench/wrk/paths.lua"); export BENCH_WRK_DIR="$ROOT/bench/wrk" BENCH_PATHS="$paths"
  else
    script=(-s "$ROOT/bench/wrk/report.lua")
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${script[@]}" "$url" >/dev/null
  sleep 1
  local t0 s0 t1 s1 la
  t0=$(cpu_ticks "$GATEWAY_PID"); s0=$(syscalls "$GATEWAY_PID")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${script[@]}" "$url")
  t1=$(cpu_ticks "$GATEWAY_PID"); s1=$(syscalls "$GATEWAY_PID")
  la=$(cut -d' ' -f1 /proc/loadavg)
  local line requests rps non2xx bytes
  line=$(grep '^BENCH_RESULT' <<<"$out")
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" ${line#BENCH_RESULT}"; }
  requests=$(field requests); rps=$(field rps); non2xx=$(field non2xx); bytes=$(field bytes)
  awk -v label="$LABEL" -v name="$name" -v n="$requests" -v rps="$rps" -v bad="$non2xx" -v b="$bytes" \
      -v ticks=$((t1 - t0)) -v hz="$HZ" -v sc=$((s1 - s0)) -v la="$la" 'BEGIN {
    printf "| %s | %s | %d | %.0f | %.1f | %.2f | %.0f | %d | %s |\n",
      label, name, n, rps, ticks / hz * 1e6 / n, sc / n, b / n, bad, la }'
}

echo "| gateway | target | requests | rps | CPU µs/req | syscalls/req | bytes/resp | non-2xx | load |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
if [[ " $TARGETS " == *" id "* || " $TARGETS " == *" list "* ]]; then
  start_gateway false
  jvm_warmup
  [[ " $TARGETS " == *" id "* ]] && measure "cache off, by id" "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/1"
  [[ " $TARGETS " == *" list "* ]] && measure "cache off, list pages" "http://127.0.0.1:$GATEWAY_PORT" "$WORK/list.paths"
  stop_gateway
fi
if [[ " $TARGETS " == *" hit "* ]]; then
  start_gateway true
  curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/1"
  jvm_warmup
  measure "cache hit, by id" "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/1"
  stop_gateway
fi
