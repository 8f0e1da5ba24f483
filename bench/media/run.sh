#!/usr/bin/env bash
# Media library (issue 19), against the stack of `./spaces up` (same SPACES_*_PORT / SPACES_HOME variables):
#  - uploads through the gateway with every rendition, one client and one per core: images/s
#    (dev.spaces.bench.MediaBench);
#  - a 100-megapixel photo: content-service's resident memory before, at peak and after;
#  - serving one rendition (a 768 px WebP) through the gateway vs nginx serving the same bytes from a file with the
#    same headers, same run, wrk: requests/s, the ratio, and the gateway's and content-service's CPU per request.
# Writes bench/results/media-<date>.md. Installs nginx and wrk with apt when missing.
#
#   bench/media/run.sh
#
# The serving measurement runs through a second gateway started for it with the stack's JVM options and its rate
# limits raised (the stack's gateway would answer most of wrk's requests with 429).
#
# BENCH_DURATION (20s), BENCH_CONNECTIONS (64), BENCH_NGINX_PORT (18190), BENCH_GATEWAY_PORT (18191).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=.ci/jdk.sh
. .ci/jdk.sh
JAVA_HOME=$(pick_jdk); export JAVA_HOME
STATE=${SPACES_HOME:-$PWD/.spaces}
GATEWAY="http://127.0.0.1:${SPACES_GATEWAY_PORT:-8080}"
KEYCLOAK="http://localhost:${SPACES_KEYCLOAK_PORT:-8180}"
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
NGINX_PORT=${BENCH_NGINX_PORT:-18190}
BENCH_GATEWAY="http://127.0.0.1:${BENCH_GATEWAY_PORT:-18191}"
BENCH_GATEWAY_PID=
WORK=$(mktemp -d /tmp/spaces-media-bench.XXXXXX)
chmod 755 "$WORK"
cleanup() {
  local status=$?
  # "|| true": under set -e a failing last command of a list (wait answers 143 for a TERMed child) would exit here
  { [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")"; } 2>/dev/null || true
  { [ -n "$BENCH_GATEWAY_PID" ] && kill "$BENCH_GATEWAY_PID" && wait "$BENCH_GATEWAY_PID"; } 2>/dev/null || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

curl -sf -o /dev/null "$GATEWAY/q/health/ready" || { echo "the stack is not up at $GATEWAY (./spaces up)" >&2; exit 1; }
CONTENT_PID=$(cat "$STATE/run/content-service.pid")
TOKEN=$(curl -sf "$KEYCLOAK/realms/spaces/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=spaces-cli -d username=author -d password=author | jq -r .access_token)
JAR=bench/target/benchmarks.jar
[ -f "$JAR" ] || ./mvnw -q -pl bench -am package -DskipTests
OUT="bench/results/media-$(date -u +%Y-%m-%d-%H%M%S).md"
mkdir -p bench/results
{
  echo "# Media library: uploads, a 100-megapixel photo, serving a rendition ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
} >"$OUT"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$JAR" dev.spaces.bench.MediaBench "$GATEWAY" "$TOKEN" "$CONTENT_PID" \
  "$WORK/uploads.md" "$WORK/rendition"
cat "$WORK/uploads.md" >>"$OUT"

# serving: the same bytes and headers from nginx (the ceiling) and through the gateway
RENDITION=$(cat "$WORK/rendition")
[ -n "$RENDITION" ] || { echo "no 768 px WebP rendition was made" >&2; exit 1; }
mkdir -p "$WORK/www/$(dirname "$RENDITION")" "$WORK/logs" "$WORK/temp"
curl -sf "$GATEWAY$RENDITION" -o "$WORK/www$RENDITION"
BYTES=$(stat -c %s "$WORK/www$RENDITION")
cat >"$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
worker_processes auto;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path $WORK/temp/body; proxy_temp_path $WORK/temp/proxy; fastcgi_temp_path $WORK/temp/fastcgi;
  uwsgi_temp_path $WORK/temp/uwsgi; scgi_temp_path $WORK/temp/scgi;
  types { image/webp webp; } default_type image/webp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    add_header Cache-Control "public, max-age=31536000, immutable";
    add_header X-Content-Type-Options nosniff;
  }
}
CONF
/usr/sbin/nginx -p "$WORK" -e "$WORK/logs/error.log" -c "$WORK/nginx.conf"
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$RENDITION" && break; sleep 0.1; done

LIMITS=()
for class in reads writes search auth-sensitive; do
  LIMITS+=(-Dspaces.gateway.route-classes.$class.per-client=1000000000 -Dspaces.gateway.route-classes.$class.per-subject=1000000000)
done
# shellcheck disable=SC2046
env SPACES_GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18191}" SPACES_CONTENT_URL="http://127.0.0.1:${SPACES_CONTENT_PORT:-8081}" \
  SPACES_COMMENT_URL="http://127.0.0.1:${SPACES_COMMENT_PORT:-8082}" SPACES_SEARCH_URL="http://127.0.0.1:${SPACES_SEARCH_PORT:-8083}" \
  SPACES_OIDC_JWKS_URL="$KEYCLOAK/realms/spaces/protocol/openid-connect/certs" SPACES_OIDC_ISSUER="$KEYCLOAK/realms/spaces" \
  "$JAVA_HOME/bin/java" $(./spaces jvm-options gateway | tr '\n' ' ') "${LIMITS[@]}" \
  -jar gateway/target/quarkus-app/quarkus-run.jar >"$WORK/logs/gateway.log" 2>&1 &
BENCH_GATEWAY_PID=$!
for _ in $(seq 120); do curl -sf -o /dev/null "$BENCH_GATEWAY/q/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "$BENCH_GATEWAY$RENDITION" || { echo "the bench gateway does not serve $RENDITION" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
HZ=$(getconf CLK_TCK)
GATEWAY_PID=$BENCH_GATEWAY_PID
rps() { wrk -t"$(nproc)" -c"$CONNECTIONS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'; }
wrk -t"$(nproc)" -c"$CONNECTIONS" -d10s "$BENCH_GATEWAY$RENDITION" >/dev/null # warm-up (JIT)
wrk -t"$(nproc)" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT$RENDITION" >/dev/null
NGINX_RPS=$(rps "http://127.0.0.1:$NGINX_PORT$RENDITION")
G0=$(ticks "$GATEWAY_PID"); C0=$(ticks "$CONTENT_PID"); T0=$(date +%s.%N)
GATEWAY_RPS=$(rps "$BENCH_GATEWAY$RENDITION")
T1=$(date +%s.%N); G1=$(ticks "$GATEWAY_PID"); C1=$(ticks "$CONTENT_PID")
awk -v n="$NGINX_RPS" -v g="$GATEWAY_RPS" -v b="$BYTES" -v gc=$((G1 - G0)) -v cc=$((C1 - C0)) -v hz="$HZ" \
    -v t0="$T0" -v t1="$T1" -v c="$CONNECTIONS" -v url="$RENDITION" 'BEGIN {
  reqs = g * (t1 - t0)
  printf "| serving %s (%d bytes), %d connections | nginx %.0f rps; gateway %.0f rps = **%.2f × nginx** (goal ≥ 0.5); " \
    "CPU per request: gateway %.0f µs, content-service %.0f µs |\n", url, b, c, n, g, g / n,
    gc / hz / reqs * 1e6, cc / hz / reqs * 1e6 }' >>"$OUT"
echo >>"$OUT"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT"
cat "$OUT"
echo "written: $OUT"
