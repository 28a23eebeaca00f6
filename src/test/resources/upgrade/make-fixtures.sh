#!/bin/sh
# Regenerates the upgrade fixtures with the PREVIOUS code (see README.md). Run from the repository root.
set -eu
OLD=/tmp/oldmain
HERE=src/test/resources/upgrade
git worktree add "$OLD" 215fe90
(cd "$OLD" && mvn -o -q compile -Dmaven.test.skip=true && mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/oldmain-cp.txt)
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
[ "$PORT" != 6379 ]
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" --dbfilename dump.rdb --daemonize yes \
  --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done
java -cp "$OLD/target/classes:$(cat /tmp/oldmain-cp.txt)" "$HERE/MakeUpgradeFixtures.java" "$WORK/mvstore" "redis://127.0.0.1:$PORT"
redis-cli -p "$PORT" save
redis-cli -p "$PORT" shutdown nosave || true
rm -rf "$HERE/mvstore" && mkdir -p "$HERE/mvstore"
cp "$WORK/mvstore/parley.mv.db" "$HERE/mvstore/parley.mv.db"
cp "$WORK/dump.rdb" "$HERE/redis-dump.rdb"
rm -rf "$WORK"
git worktree remove "$OLD"
