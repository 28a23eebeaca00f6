#!/usr/bin/env bash
# Proves the Parley image runs, with no Docker daemon: builds target/parley-image.tar (mvn -Pimage),
# unpacks its layers in manifest order, and runs the image's own entrypoint, user, working directory
# and environment the way Kubernetes runs the pod: read-only root, emptyDir-like tmpfs at /tmp and
# the data dir, the ConfigMap'd conf/parley.yaml at /etc/parley, its own PID and network namespace.
# Passes when the node prints its listening line, runs as the image's non-root user, answers
# /health/live, /health/ready and /metrics on the ops port, and exits within the grace period on SIGTERM.
# Needs root (mount namespaces), util-linux unshare/nsenter, jq, curl, iproute2.
# Usage: k8s/verify-image.sh [--no-build]   (about a minute with the build, 10 s without)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tarball="$repo/target/parley-image.tar"
start_timeout=60   # seconds for the JVM to print its listening line
grace=30           # seconds for a clean exit after SIGTERM (terminationGracePeriodSeconds)

fail() { echo "verify-image: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root (it uses mount and PID namespaces)"
for tool in unshare nsenter jq curl ip tar; do command -v "$tool" >/dev/null || fail "$tool is missing"; done

if [ "${1:-}" != "--no-build" ]; then
  (cd "$repo" && mvn -B -q --no-transfer-progress -Pimage -DskipTests package) || fail "image build failed"
fi
[ -f "$tarball" ] || fail "no $tarball (run without --no-build)"

work="$(mktemp -d /tmp/parley-image.XXXXXX)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/image" "$work/rootfs"
tar -xf "$tarball" -C "$work/image"
config="$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")"
while read -r layer; do
  tar -xzf "$work/image/$layer" -C "$work/rootfs" 2>/dev/null
done < <(jq -r '.[0].Layers[]' "$work/image/manifest.json")

user="$(jq -r '.config.User // ""' "$config")"
wd="$(jq -r '.config.WorkingDir // "/"' "$config")"
uid="${user%%:*}"; gid="${user#*:}"; [ "$gid" = "$user" ] && gid="$uid"
case "$uid" in ''|0|root) fail "the image runs as root (User='$user')" ;; esac
[[ "$uid" =~ ^[0-9]+$ && "$gid" =~ ^[0-9]+$ ]] || fail "User must be numeric uid:gid for runAsNonRoot, got '$user'"
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t env < <(jq -r '.config.Env[]' "$config")
[ -x "$work/rootfs${entrypoint[0]}" ] || fail "entrypoint ${entrypoint[0]} is not an executable in the image"
data_dir="$(printf '%s\n' "${env[@]}" | sed -n 's/^PARLEY_STORE_DATA_DIR=//p')"
data_dir="${data_dir:-$wd}"

# Mount points the container runtime would provide (the image itself stays read-only).
mkdir -p "$work/rootfs/proc" "$work/rootfs/etc/parley" "$work/rootfs/tmp" "$work/rootfs$data_dir"
touch "$work/rootfs/etc/parley/parley.yaml"

log="$work/server.log"
: >"$log"
# Inside: private mounts, read-only root, tmpfs where Kubernetes mounts emptyDirs, loopback only;
# then the image's entrypoint as its user, in its working directory, with only its environment.
unshare --mount --pid --net --fork --kill-child --propagation private -- bash -c '
  set -e
  root="$1" wd="$2" uid="$3" gid="$4" data="$5" conf="$6" unshare="$7"; shift 7
  image_env=(); while [ "$1" != -- ]; do image_env+=("$1"); shift; done; shift
  ip link set lo up
  mount --bind "$root" "$root"
  mount --bind "$conf" "$root/etc/parley/parley.yaml"
  mount -o remount,bind,ro "$root"
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  mount -t tmpfs -o "uid=$uid,gid=$gid,mode=0750" tmpfs "$root$data"
  exec env -i "${image_env[@]}" "$unshare" --root="$root" --wd="$wd" --setuid "$uid" --setgid "$gid" -- "$@"
' verify "$work/rootfs" "$wd" "$uid" "$gid" "$data_dir" "$repo/conf/parley.yaml" "$(command -v unshare)" \
  "${env[@]}" -- "${entrypoint[@]}" server --config /etc/parley/parley.yaml --port 0 >"$log" 2>&1 &
pid=$!

listening=""
for _ in $(seq 1 $((start_timeout * 5))); do
  listening="$(grep -m1 'Parley listening on' "$log" || true)"
  [ -n "$listening" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$listening" ] || { cat "$log" >&2; fail "no listening line within ${start_timeout}s"; }
echo "verify-image: $listening"

java_pid="$(pgrep -P "$pid" | head -1)"
[ -n "$java_pid" ] || fail "cannot find the server process"
# The process keeps the uid the image declares, however it was started.
real_uid="$(awk '/^Uid:/ {print $2}' "/proc/$java_pid/status")"
[ "$real_uid" = "$uid" ] || fail "server runs as uid $real_uid, expected $uid"
echo "verify-image: runs as uid $real_uid, read-only root, entrypoint ${entrypoint[*]}"

# The probes' endpoints, from inside the pod's network namespace, on the port conf/parley.yaml gives.
ops_port="$(awk '/^ops:/ {in_ops=1; next} /^[^ #]/ {in_ops=0} in_ops && $1 == "port:" {print $2; exit}' "$repo/conf/parley.yaml")"
[ -n "$ops_port" ] || fail "no ops.port in conf/parley.yaml"
ops_get() { nsenter -t "$java_pid" -n curl -s --max-time 5 "$@" "http://127.0.0.1:${ops_port}$path" || true; }
for path in /health/live /health/ready; do
  for _ in $(seq 1 50); do   # up to 10 s, as a probe would retry
    code="$(ops_get -o /dev/null -w '%{http_code}')"
    [ "$code" = 200 ] && break
    sleep 0.2
  done
  [ "$code" = 200 ] || { cat "$log" >&2; fail "GET $path on the ops port ${ops_port} answered '$code'"; }
  echo "verify-image: GET $path on port ${ops_port}: 200"
done
path=/metrics
ops_get | grep -q '^parley_connections' || fail "GET /metrics has no parley_connections"
echo "verify-image: GET /metrics: Prometheus text with parley_* metrics"

t0=$(date +%s)
kill -TERM "$java_pid"
for _ in $(seq 1 $((grace * 5))); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
kill -0 "$pid" 2>/dev/null && { cat "$log" >&2; fail "still running ${grace}s after SIGTERM"; }
set +e; wait "$pid"; code=$?; set -e
pid=""
echo "verify-image: exited $code $(( $(date +%s) - t0 ))s after SIGTERM"
echo "verify-image: OK"
