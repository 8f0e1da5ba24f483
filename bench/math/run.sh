#!/usr/bin/env bash
# Server-side math (issue 18): every formula of the d2l-zh corpus rendered to MathML by KaTeX in the JVM — formulas/s
# on one core cold and warm, on every core warm, the longest chapter's full render, and cache hits
# (dev.spaces.bench.MathBench). Writes bench/results/math-<date>.md.
#
#   bench/math/run.sh            (builds bench/target/benchmarks.jar with ./mvnw -o when missing)
#
# SPACES_SHARED_DIR: the shared folder with corpus/d2l-zh (default ../shared beside the project). Run it on an idle
# machine: the KaTeX threads compete with anything else for the cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=.ci/jdk.sh
. .ci/jdk.sh
JAVA_HOME=$(pick_jdk); export JAVA_HOME
JAR=bench/target/benchmarks.jar
[ -f "$JAR" ] || ./mvnw -o -q -pl bench -am package -DskipTests
mkdir -p bench/results
OUT="bench/results/math-$(date -u +%Y-%m-%d-%H%M%S).md"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dpolyglot.engine.WarnInterpreterOnly=false \
  -Dspaces.shared.dir="${SPACES_SHARED_DIR:-../shared}" -cp "$JAR" dev.spaces.bench.MathBench "$OUT"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "written: $OUT"
