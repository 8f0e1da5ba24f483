#!/usr/bin/env bash
# Prepares the file trees the container images are built from, without a container daemon or registry:
#   <out>/runtime         glibc and zlib from Debian packages, /etc/passwd with the unprivileged user 10001,
#                         and a jlink'ed Java runtime (from $JAVA_HOME, the JDK running the build) in /opt/java
#   <out>/plugin-runtime  busybox (static, from Debian) for the Elasticsearch plugin image's copy step
# Debian packages come through apt (signed archive, checksums verified by apt); nothing is installed on the host.
# Cached: rerun only when this script, the package versions or the JDK change. Usage: prepare-base.sh <out>
set -euo pipefail
out=${1:?usage: prepare-base.sh <out-dir>}
java_home=${SPACES_IMAGE_JDK:-${JAVA_HOME:?JAVA_HOME must point at the JDK the images run}}
packages=(libc6 libgcc-s1 zlib1g netbase)
plugin_packages=(busybox-static)
# the Java modules the services need (java.se: JDBC, JNDI, management, desktop beans) plus what Quarkus,
# Netty, GraalJS and the Chinese locale/charsets use at run time
modules=java.se,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.naming.dns,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.jfr,jdk.net,jdk.jcmd

# a fresh machine may have no package lists yet
if ! apt-cache policy "${packages[@]}" "${plugin_packages[@]}" | grep -q 'Candidate: [0-9]' \
   || apt-cache policy "${packages[@]}" "${plugin_packages[@]}" | grep -q 'Candidate: (none)'; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq; else echo "apt package lists missing: run apt-get update" >&2; fi
fi
versions=$(apt-cache policy "${packages[@]}" "${plugin_packages[@]}" | awk '/^[a-z]/ {p=$1} /Candidate:/ {print p $2}')
key=$( { cat "$0"; echo "$versions"; "$java_home/bin/java" -version 2>&1; } | sha256sum | cut -c1-16)
if [ -f "$out/.key" ] && [ "$(cat "$out/.key")" = "$key" ]; then
  echo "image base up to date in $out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/debs" "$out/runtime" "$out/plugin-runtime"
(cd "$out/debs" && apt-get download "${packages[@]}" "${plugin_packages[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
for p in "${packages[@]}"; do dpkg-deb -x "$out"/debs/"${p}"_*.deb "$out/rootfs"; done
for p in "${plugin_packages[@]}"; do dpkg-deb -x "$out"/debs/"${p}"_*.deb "$out/plugin-rootfs"; done

# documentation is not needed at run time (and holds dangling symlinks)
rm -rf "$out/rootfs/usr/share/doc" "$out/rootfs/usr/share/lintian" "$out/rootfs/usr/share/locale" "$out/rootfs/usr/share/man"
# Jib copies files, not symlinks: dereference (the dynamic loader is reached through /lib64)
cp -rL "$out/rootfs/." "$out/runtime/"
mkdir -p "$out/runtime/etc" "$out/runtime/tmp" "$out/runtime/deployments"
printf 'root:x:0:0:root:/root:/sbin/nologin\nspaces:x:10001:10001:spaces:/tmp:/sbin/nologin\n' >"$out/runtime/etc/passwd"
printf 'root:x:0:\nspaces:x:10001:\n' >"$out/runtime/etc/group"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$out/runtime/opt/java"

mkdir -p "$out/plugin-runtime/bin" "$out/plugin-runtime/etc"
cp -L "$out/plugin-rootfs/bin/busybox" "$out/plugin-runtime/bin/busybox"
printf 'root:x:0:0:root:/root:/sbin/nologin\nelasticsearch:x:1000:1000::/tmp:/sbin/nologin\n' >"$out/plugin-runtime/etc/passwd"
rm -rf "$out/rootfs" "$out/plugin-rootfs" "$out/debs"
echo "$key" >"$out/.key"
echo "image base prepared in $out ($(du -sh "$out/runtime" | cut -f1) runtime)"
