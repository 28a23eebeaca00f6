#!/bin/bash
# A room of 100,000 members over 6 nodes on one machine (issue 14; docs/performance.md, "A room of 100,000 members").
# Redis on 16392, nodes on 18901-18906 (Hazelcast 15741-15746), 6 generators of PER (16667) members each, one sender
# each at RATE (1) msg/s. Bounded: setup 1800 s, whole run timeout 2400 s; every process is stopped by its PID.
# Usage: PER=16667 RATE=0.5 DIR=/tmp/r100k tools/rooms-100k-6nodes.sh   (from a checkout with target/parley.jar)
cd "$(dirname "$0")/.."
J=${PARLEY_JAR:-$PWD/target/parley.jar}
D=${DIR:-/tmp/r100k}; rm -rf $D; mkdir -p $D
RP=16392
redis-server --port $RP --bind 127.0.0.1 --save "" --appendonly no --daemonize no > $D/redis.log 2>&1 &
RPID=$!
sleep 1
M=127.0.0.1:15741,127.0.0.1:15742,127.0.0.1:15743,127.0.0.1:15744,127.0.0.1:15745,127.0.0.1:15746
PIDS=""
for i in 1 2 3 4 5 6; do
  PARLEY_CLUSTER_NODE_TIMEOUT_SECONDS=15 PARLEY_ROOMS_CREATE_PER_MINUTE=1000 \
  setsid java -Xmx1500m -jar $J server --config docs/perf/peer-bench-parley-2026-11-30.yaml --port 1890$i \
    --data-dir $D/data$i --cluster --redis redis://127.0.0.1:$RP --cluster-name r100k --cluster-host 127.0.0.1 \
    --cluster-port 1574$i --cluster-members $M --cluster-insecure > $D/node$i.log 2>&1 &
  PIDS="$PIDS${PIDS:+,}$!"
done
echo "nodes $PIDS redis $RPID"
for i in 1 2 3 4 5 6; do
  for t in $(seq 1 120); do grep -q "listening on" $D/node$i.log && break; sleep 1; done
done
grep -h "listening on" $D/node*.log | head -6
T=127.0.0.1:18901,127.0.0.1:18902,127.0.0.1:18903,127.0.0.1:18904,127.0.0.1:18905,127.0.0.1:18906
echo "== setup start load $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)"
GP=""
for g in 1 2 3 4 5 6; do
  timeout 2400 java -Xmx768m -jar $J bench rooms --targets $T --server-pid $PIDS --rooms 1 --room-size ${PER:-16667} \
    --room-prefix m100k --users-prefix m100k$g --senders-per-room 1 --rate ${RATE:-1} --concurrency 50 \
    --hold-file $D/go --setup-timeout 1800 --warmup 5 --duration 20 --drain 30 \
    --json $D/rooms-100k-6nodes-gen$g.json > $D/gen$g.out 2>&1 &
  GP="$GP $!"
done
for t in $(seq 1 1800); do
  n=$(grep -l "holding" $D/gen*.out 2>/dev/null | wc -l)
  [ "$n" -ge 6 ] && break
  sleep 1
done
echo "== holding: $n generators at $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3 4 5 6; do grep -o "VmRSS.*" /proc/$(echo $PIDS | cut -d, -f$i)/status; done
redis-cli -p $RP hlen presence 2>/dev/null; redis-cli -p $RP --scan --pattern '*presence*' | head -3
touch $D/go
wait $GP
echo "== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3 4 5 6; do kill $(echo $PIDS | cut -d, -f$i); done
sleep 8; kill $RPID
