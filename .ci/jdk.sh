# shellcheck shell=bash
# Which JDK the project's scripts run with (./spaces, .ci/run, bench/run, bench/gateway/run.sh source this file):
# JAVA_HOME if it is 21+, else Temurin 25, else Temurin 21, else any JDK 21+ under /usr/lib/jvm. One copy, so the
# launcher, CI and the benchmarks cannot drift apart in which JDK they build and run with.

# The feature release of the JDK at $1 (21, 25, …); empty when it is no JDK.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

# Prints the chosen JDK's home; fails with a message on stderr when there is none. A JRE does not do: every caller
# may build with ./mvnw.
pick_jdk() {
  local dir major
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$dir"; return 0; fi
  done
  echo "Spaces needs a JDK 21 or newer; none found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  return 1
}
