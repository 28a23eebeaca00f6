#!/bin/bash
# A login storm on 3 local nodes + Redis (issue 13; docs/performance.md, "Login storms, round 2"): 3 generators of
# N (5000) sessions each, 200 handshakes in flight each, register + login ("reg"), then the same users log in again
# ("regen", --skip-register; PHASES="reg regen regen2" adds a second reconnect storm on the then warm nodes).
# Redis on 16692, nodes on 18931-18933 (Hazelcast 15771-15773); every process is stopped by its PID.
# Per phase: the generators' JSON, CPU of the nodes and Redis (utime + stime, CLK_TCK 100), uptime before;
# at the end the online-list and presence-batch metrics of each node, and node 1's CPU by thread (JIT, loops, ...).
# Usage: N=5000 OUT=/tmp/storm2/out/run1 PARLEY_JAR=target/parley.jar JOPTS="" tools/login-storm-3nodes.sh [ENV=VALUE...]
cd "$(dirname "$0")/.."
JAR=${PARLEY_JAR:-$PWD/target/parley.jar}; N=${N:-5000}
OUT=${OUT:-/tmp/storm2/out/run}; DATA=$(dirname "$OUT")/cdata; mkdir -p $OUT; rm -rf $DATA*
redis-server --port 16692 --bind 127.0.0.1 --save "" --appendonly no > $OUT/redis.log 2>&1 &
RP=$!
sleep 0.5
M=127.0.0.1:15771,127.0.0.1:15772,127.0.0.1:15773
PIDS=()
for i in 1 2 3; do
  env PARLEY_OPS_HOST=127.0.0.1 PARLEY_OPS_PORT=0 PARLEY_SERVER_HOST=127.0.0.1 PARLEY_AUTH_PBKDF2_ITERATIONS=1000 \
  PARLEY_LIMITS_RATE_PER_SECOND=100000 PARLEY_LIMITS_RATE_BURST=100000 PARLEY_LIMITS_IDLE_TIMEOUT_SECONDS=3600 \
  PARLEY_LIMITS_EXEMPT_ADDRESSES=127.0.0.1 PARLEY_CLUSTER_NODE_TIMEOUT_SECONDS=15 \
  PARLEY_AUTH_REGISTRATIONS_PER_ADDRESS_PER_HOUR=1000000 PARLEY_AUTH_REGISTRATIONS_PER_MINUTE=1000000 \
  PARLEY_AUTH_LOGIN_ATTEMPTS_PER_ADDRESS=1000000 PARLEY_AUTH_HASH_QUEUE_REGISTRATIONS=100000 "$@" \
  java ${JOPTS} -Xmx1g -jar $JAR server --port 1893$i --data-dir $DATA$i --cluster \
    --redis redis://127.0.0.1:16692 --cluster-name storm$$ --cluster-host 127.0.0.1 --cluster-port 1577$i \
    --cluster-members $M --cluster-insecure > $OUT/node$i.log 2>&1 &
  PIDS+=($!)
done
for i in 1 2 3; do
  for t in $(seq 1 240); do grep -q 'listening' $OUT/node$i.log && break; sleep 0.5; done
done
echo "nodes ${PIDS[*]} redis $RP" > $OUT/pids
P=${PIDS[0]},${PIDS[1]},${PIDS[2]}
T=127.0.0.1:18931,127.0.0.1:18932,127.0.0.1:18933
LABEL=$(basename $OUT)
cpu() { local s=0; for p in "$@"; do read -a f < /proc/$p/stat; s=$((s + f[13] + f[14])); done; echo $s; }
for phase in ${PHASES:-reg regen}; do
  SKIP=""; [ $phase != reg ] && SKIP=--skip-register
  uptime > $OUT/uptime-$phase
  C0=$(cpu ${PIDS[@]} $RP); R0=$(cpu $RP)
  GP=()
  for g in 1 2 3; do
    java -Xmx512m -jar $JAR bench connections --targets $T --server-pid $P --connections $N \
      --concurrency 200 --duration 3 --settle 2 --setup-timeout 800 --users-prefix $LABEL$g $SKIP \
      --json $OUT/$phase$g.json > $OUT/$phase$g.log 2>&1 &
    GP+=($!)
  done
  for p in ${GP[@]}; do wait $p; done
  C1=$(cpu ${PIDS[@]} $RP); R1=$(cpu $RP)
  echo "$phase cpu_ticks=$((C1-C0)) redis_ticks=$((R1-R0))" >> $OUT/cpu
done
for i in 1 2 3; do
  u=$(grep -o 'ops http://[0-9.:]*' $OUT/node$i.log | cut -d' ' -f2)
  curl -s $u/metrics | grep '^parley_online_lists\|^parley_presence_batches\|^parley_logins_total' | sed "s/^/node$i /"
done > $OUT/metrics
for t in /proc/${PIDS[0]}/task/*; do
  read -r line < $t/stat; set -- ${line##*) }; echo "$(cat $t/comm) $(( ${12} + ${13} ))"
done > $OUT/threads-node1
for p in ${PIDS[@]}; do kill $p; done
for p in ${PIDS[@]}; do wait $p; done
kill $RP; wait $RP
echo "done: $OUT"
