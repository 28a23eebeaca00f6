#!/usr/bin/env bash
# Builds the runtime part of the Parley image into DIR, from this machine only (no registry):
# a jlink-ed JRE in DIR/opt/java plus the shared libraries it needs and the dynamic loader,
# copied from the build machine (the distroless approach). Jib lays DIR over "scratch".
# Usage: build-rootfs.sh DIR [JAVA_HOME]
set -euo pipefail
out="${1:?usage: build-rootfs.sh DIR [JAVA_HOME]}"
jdk="${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"

# What the server needs: jdeps on the shaded jar says java.base, java.compiler, java.desktop (java.beans),
# java.management, java.naming, java.scripting, java.sql, jdk.jfr, jdk.unsupported. Added: jdk.crypto.ec
# (TLS to a managed Redis, rediss://), jdk.management (OS metrics), jdk.naming.dns.
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.scripting,java.sql,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.naming.dns

[ -x "$jdk/bin/jlink" ] || { echo "build-rootfs: no jlink in $jdk (set JAVA_HOME to a JDK 17 with jmods)" >&2; exit 1; }
[ "$(uname -m)" = x86_64 ] || { echo "build-rootfs: the image copies this machine's libraries; only x86_64 is set up" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/var/lib/parley"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/opt/java"

# Libraries of the headless server only: AWT, fonts, sound and image codecs are never loaded,
# so their X11/freetype/ALSA dependencies stay out of the image.
skip='/(libawt|libawt_xawt|libawt_headless|libfontmanager|libjawt|libjsound|liblcms|libmlib_image|libjavajpeg|libsplashscreen)\.so$'
libs=$( { find "$out/opt/java" -name '*.so' | grep -Ev "$skip"; echo "$out/opt/java/bin/java"; } \
  | while read -r f; do LD_LIBRARY_PATH="$out/opt/java/lib:$out/opt/java/lib/server" ldd "$f"; done \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
  | grep -v "^$out/" | sort -u)
# glibc loads libgcc_s at run time (thread cancellation, unwinding): not visible to ldd.
libc_dir="$(dirname "$(echo "$libs" | grep -m1 '/libc\.so\.6$')")"
[ -f "$libc_dir/libgcc_s.so.1" ] || { echo "build-rootfs: no libgcc_s.so.1 beside libc in $libc_dir" >&2; exit 1; }
libs="$libs
$libc_dir/libgcc_s.so.1"

for lib in $libs; do
  # Real files, not the build machine's symlinks (its /lib -> usr/lib merge is not in the image).
  # The loader stays at the path compiled into every binary; the rest go to the loader's default directory.
  case "$lib" in
    /lib64/*) dest="$out$lib" ;;
    *) dest="$out/lib/x86_64-linux-gnu/$(basename "$lib")" ;;
  esac
  mkdir -p "$(dirname "$dest")"
  cp -L "$lib" "$dest"
done
echo "build-rootfs: JRE $(du -sh "$out/opt/java" | cut -f1), libraries: $(echo $libs | tr ' ' '\n' | xargs -n1 basename | sort -u | tr '\n' ' ')"
