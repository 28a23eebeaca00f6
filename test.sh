#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then Maven.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
# Real IRC clients for RealIrcClientsTest.
command -v irssi >/dev/null 2>&1 || need+=(irssi)
command -v weechat-headless >/dev/null 2>&1 || need+=(weechat-headless)
# bin/parley-certs makes the test certificates (cluster bus and user TLS) with openssl.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# kubectl (with its built-in kustomize) renders k8s/ for the manifest tests; machines of this kind ship
# a recent one, Debian's kubernetes-client is the fallback.
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}" >/dev/null
fi

exec mvn -B --no-transfer-progress -Dstyle.color=never test "$@"
