#!/usr/bin/env bash
# Start time and idle memory of the four services and of two Quarkus floors, each started as ./spaces starts it
# (./spaces jvm-options: heap, GC, MALLOC_ARENA_MAX) with and without a JDK AOT cache trained like ./spaces trains one
# (a first start with -XX:AOTCacheOutput, a few requests, stop; used with -XX:-AOTReplayTraining).
#
#   bench/start/run.sh [--reps N] [--aot on|off|both] [target…]
#   targets: content-service comment-service search-service gateway floor-rest floor-orm (default: all)
#
# Per start: start → ready (process start to the first 200 of /q/health/ready, polled every 20 ms), CPU to ready (all
# threads, from /proc), of which JIT (the C1/C2 compiler threads) and RSS 5 s after ready; the table shows the medians
# of N starts (default 3). On a shared machine the wall time is noisy; the CPU figures are the robust ones.
# The services' neighbours: its own embedded PostgreSQL (databases migrated by an unmeasured first start) and
# stub.py for Elasticsearch's cluster health and the gateway's upstreams, so that "ready" measures only the JVM's
# own start. BENCH_START_APP_DIR: another package directory under each service's target/ (default quarkus-app);
# BENCH_START_JAVA_OPTS: extra JVM options for the measured starts. Floors (floor/pom.xml) are built with ./mvnw -o when missing. Ports BENCH_START_PORT (19500) … +20.
# Needs the packaged services (./mvnw package -DskipTests). Writes bench/start/results/<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REPS=3 AOT_MODES=(off on) TARGETS=()
while [ $# -gt 0 ]; do
  case $1 in
    --reps) REPS=$2; shift 2 ;;
    --aot) case $2 in on) AOT_MODES=(on) ;; off) AOT_MODES=(off) ;; both) AOT_MODES=(off on) ;; *) echo "--aot on|off|both" >&2; exit 2 ;; esac; shift 2 ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(floor-rest floor-orm search-service gateway comment-service content-service)

for dir in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64; do
  [ -x "$dir/bin/java" ] && "$dir/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' \
    && { JAVA_HOME=$dir; break; }
done
export JAVA_HOME; JAVA="$JAVA_HOME/bin/java"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
BASE=${BENCH_START_PORT:-19500}
PG_PORT=$BASE STUB_PORT=$((BASE + 1)) APP_PORT=$((BASE + 10))
WORK=${BENCH_START_WORK:-/tmp/spaces-start-bench}
mkdir -p "$WORK/logs" "$WORK/aot" "$ROOT/bench/start/results"
HZ=$(getconf CLK_TCK) BOOT=$(awk '/^btime/ {print $2}' /proc/stat)
SECRET=whsec_$(printf 'start-bench-secret-of-32-bytes!!' | base64)
PIDS=()

log() { echo "[$(date +%T)] $*" >&2; }
die() { log "error: $*"; exit 1; }
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; done
}
trap cleanup EXIT
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/q/health/ready" || true)" = 200 ]; }
jit_ticks() {
  { grep -h -e '(C1 CompilerThre)' -e '(C2 CompilerThre)' /proc/"$1"/task/[0-9]*/stat 2>/dev/null || true; } \
    | sed 's/^.*) //' | awk '{ sum += $12 + $13 } END { print sum + 0 }'
}
stop_pid() { kill -TERM "$1" 2>/dev/null || true; for _ in $(seq 600); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$1"; }

app_dir() {
  case $1 in
    floor-rest) echo "$ROOT/bench/start/floor/target/rest/quarkus-app" ;;
    floor-orm) echo "$ROOT/bench/start/floor/target/orm/quarkus-app" ;;
    *) echo "$ROOT/$1/target/${BENCH_START_APP_DIR:-quarkus-app}" ;;
  esac
}
env_of() { # target → the environment it starts with
  local stub="http://127.0.0.1:$STUB_PORT" jwks="http://127.0.0.1:$STUB_PORT/certs"
  echo SPACES_OIDC_JWKS_URL=$jwks SPACES_OIDC_ISSUER=$stub/realms/spaces
  case $1 in
    floor-*) echo FLOOR_PORT=$APP_PORT FLOOR_DB_URL=jdbc:postgresql://localhost:$PG_PORT/floor ;;
    content-service) echo SPACES_CONTENT_PORT=$APP_PORT SPACES_CONTENT_DB_URL=jdbc:postgresql://localhost:$PG_PORT/spaces_content \
      SPACES_LOAD_SAMPLE_CONTENT=false SPACES_INTERNAL_EVENTS_SECRET=$SECRET ;;
    comment-service) echo SPACES_COMMENT_PORT=$APP_PORT SPACES_COMMENT_DB_URL=jdbc:postgresql://localhost:$PG_PORT/spaces_comment \
      SPACES_CONTENT_URL=$stub SPACES_INTERNAL_EVENTS_SECRET=$SECRET ;;
    # no reconcile against the stub's empty "content-service"
    search-service) echo SPACES_SEARCH_PORT=$APP_PORT SPACES_ELASTICSEARCH_URL=$stub SPACES_CONTENT_URL=$stub \
      SPACES_SEARCH_WEBHOOK_SECRET=$SECRET SPACES_SEARCH_RECONCILE_ON_START=false ;;
    gateway) echo SPACES_GATEWAY_PORT=$APP_PORT SPACES_CONTENT_URL=$stub SPACES_COMMENT_URL=$stub SPACES_SEARCH_URL=$stub \
      SPACES_GATEWAY_WEBHOOK_SECRET=$SECRET ;;
  esac
}
jvm_base() { # the launcher's options without its AOT cache (for floors: those of content-service)
  local svc=$1; case $svc in floor-*) svc=content-service ;; esac
  SPACES_AOT_CACHE=off "$ROOT/spaces" jvm-options "$svc"
}

# start <target> <log> <jvm options…> → pid in STARTED
start_app() {
  local target=$1 logf=$2; shift 2
  # shellcheck disable=SC2046
  setsid env $(env_of "$target") "$JAVA" "$@" -jar "$(app_dir "$target")/quarkus-run.jar" </dev/null >"$logf" 2>&1 &
  STARTED=$!
}
await_app() { # pid log → waits for readiness (≤ 180 s)
  for _ in $(seq 9000); do
    kill -0 "$1" 2>/dev/null || die "the JVM exited (see $2)"
    ready "$APP_PORT" && return 0
    sleep 0.02
  done
  die "not ready after 180 s (see $2)"
}

measure() { # target mode rep → "wall_ms cpu_ms jit_ms rss_kb"
  local target=$1 mode=$2 rep=$3 opts logf pid now_ms start_ticks
  mapfile -t opts < <(jvm_base "$target")
  if [ "$mode" = on ]; then opts+=(-XX:AOTCache="$WORK/aot/$target.aot" -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining); fi
  logf="$WORK/logs/$target-$mode-$rep.log"
  start_app "$target" "$logf" "${opts[@]}" ${BENCH_START_JAVA_OPTS:-}
  pid=$STARTED
  await_app "$pid" "$logf"
  now_ms=$(date +%s%3N)
  local stat; stat=$(sed 's/^.*) //' "/proc/$pid/stat")
  start_ticks=$(echo "$stat" | awk '{print $20}')
  local cpu; cpu=$(echo "$stat" | awk -v hz="$HZ" '{print int(($12 + $13) * 1000 / hz)}')
  local jit; jit=$(( $(jit_ticks "$pid") * 1000 / HZ ))
  sleep 5
  local rss; rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  [ "$mode" = off ] || ! grep -q 'AOT cache.*\(mismatch\|disabled\|unable\)' "$logf" || log "   warning: the AOT cache was not used (see $logf)"
  stop_pid "$pid"
  echo "$(( now_ms - (BOOT * 1000 + start_ticks * 1000 / HZ) )) $cpu $jit $rss"
}

# a training run as ./spaces does it: start with -XX:AOTCacheOutput, a few requests, stop (the JVM writes the cache)
train() { # target
  local target=$1 opts logf
  mapfile -t opts < <(jvm_base "$target")
  logf="$WORK/logs/$target-train.log"
  rm -f "$WORK/aot/$target.aot"
  start_app "$target" "$logf" "${opts[@]}" -XX:AOTCacheOutput="$WORK/aot/$target.aot"
  local pid=$STARTED path
  await_app "$pid" "$logf"
  for path in /api/v1/articles /api/v1/categories /api/v1/tags /api/v1/archive /api/v1/comments/recent \
      "/api/v1/search?q=%E6%A2%AF%E5%BA%A6" /hello /notes /q/health/ready /q/openapi; do
    curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$APP_PORT$path" || true
    curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$APP_PORT$path" || true
  done
  stop_pid "$pid"
  [ -s "$WORK/aot/$target.aot" ] || die "no AOT cache written for $target (see $logf)"
}

# ---- neighbours
for port in $PG_PORT $STUB_PORT $APP_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is in use (set BENCH_START_PORT)"
done
for target in "${TARGETS[@]}"; do
  case $target in
    floor-rest) [ -f "$(app_dir floor-rest)/quarkus-run.jar" ] || ./mvnw -o -q -f bench/start/floor/pom.xml package >&2 ;;
    floor-orm) [ -f "$(app_dir floor-orm)/quarkus-run.jar" ] || ./mvnw -o -q -f bench/start/floor/pom.xml package -Dorm >&2 ;;
    content-service|comment-service|search-service|gateway) [ -f "$(app_dir "$target")/quarkus-run.jar" ] || die "$target is not packaged" ;;
    *) die "unknown target $target" ;;
  esac
done
python3 bench/start/stub.py "$STUB_PORT" & PIDS+=($!)
PG_JAR="$ROOT/commons/postgres/target/spaces-local-postgres.jar" # its dependencies in target/lib
[ -f "$PG_JAR" ] || die "commons/postgres is not packaged"
"$JAVA" -Dspaces.home="$WORK" -cp "$PG_JAR:${PG_JAR%/*}/lib/*" dev.spaces.commons.postgres.LocalPostgres \
  "$WORK/postgres" "$PG_PORT" spaces_content spaces_comment floor >"$WORK/logs/postgres.log" 2>&1 & PIDS+=($!)
for _ in $(seq 600); do grep -q 'PostgreSQL ready' "$WORK/logs/postgres.log" && break; sleep 0.2; done
grep -q 'PostgreSQL ready' "$WORK/logs/postgres.log" || die "PostgreSQL did not start (see $WORK/logs/postgres.log)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
OUT="$ROOT/bench/start/results/$(date -u +%Y-%m-%d-%H%M%S).md"
{
  echo "# Start → ready, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
  echo
  echo "$("$JAVA" -version 2>&1 | sed -n 2p); $(nproc) cores; load before $(cut -d' ' -f1-3 /proc/loadavg); median of $REPS starts"
  echo "JVM options: $(jvm_base content-service | tr '\n' ' ')${BENCH_START_JAVA_OPTS:++ $BENCH_START_JAVA_OPTS }(MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
  echo "packages: target/${BENCH_START_APP_DIR:-quarkus-app} ($(for t in "${TARGETS[@]}"; do unzip -p "$(app_dir "$t")/quarkus-run.jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q AotQuarkusEntryPoint && echo -n "$t: aot-jar " || echo -n "$t: fast-jar "; done | sed 's/ $//'))"
  echo
  echo "| target | AOT cache | start → ready (ms) | CPU to ready (ms) | of which JIT (ms) | RSS idle (MB) | each start: wall/CPU/JIT ms |"
  echo "|---|---|---:|---:|---:|---:|---|"
} >"$OUT"
for target in "${TARGETS[@]}"; do
  for mode in "${AOT_MODES[@]}"; do
    log "$target, AOT cache $mode…"
    if [ "$mode" = on ]; then train "$target"; else
      # the first start migrates the database: not measured
      mapfile -t opts < <(jvm_base "$target"); start_app "$target" "$WORK/logs/$target-first.log" "${opts[@]}"
      await_app "$STARTED" "$WORK/logs/$target-first.log"; stop_pid "$STARTED"
    fi
    rows=()
    for ((rep = 1; rep <= REPS; rep++)); do
      rows+=("$(measure "$target" "$mode" "$rep")")
      log "   ${rows[-1]}"
    done
    printf '%s\n' "${rows[@]}" >"$WORK/$target-$mode.tsv"
    col() { awk -v c="$1" '{print $c}' "$WORK/$target-$mode.tsv" | median; }
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$mode" "$(col 1)" "$(col 2)" "$(col 3)" \
      "$(( $(col 4) / 1024 ))" "$(awk '{printf "%s%s/%s/%s", (NR > 1 ? ", " : ""), $1, $2, $3}' "$WORK/$target-$mode.tsv")" >>"$OUT"
  done
done
cat "$OUT"
log "written to $OUT"
