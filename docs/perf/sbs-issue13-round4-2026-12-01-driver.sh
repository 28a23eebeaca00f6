#!/bin/bash
# Round 4 quiet-window side-by-side run (2026-12-01): peers and Parley interleaved, one generator (LoadGen).
# usage: quiet3.sh OUT.jsonl [phase...]   phases: idle sbs fan1000
set -u
OUT=$1; shift
PHASES="${*:-idle sbs fan1000}"
cd /tmp/pb
AFTER=/tmp/w/r4.jar; BEFORE=/tmp/w/cur.jar
FLAGS_AFTER=$(cat /tmp/w/flags2); FLAGS_BEFORE=$(cat /tmp/w/flags)
run() { # server tag suite runtag
  local srv=$1 tag=$2 suite=$3 rt=$4
  echo "#### $(date -u +%H:%M:%S) load=$(cut -d' ' -f1-3 /proc/loadavg): $srv $tag $suite $rt" >&2
  case $tag in
    after)  RUN_TAG=$rt PARLEY_JAR=$AFTER PARLEY_JVM="$FLAGS_AFTER" ./bench.sh parley $suite $OUT ;;
    before) RUN_TAG=$rt PARLEY_JAR=$BEFORE PARLEY_JVM="$FLAGS_BEFORE" ./bench.sh parley $suite $OUT ;;
    *)      RUN_TAG=$rt ./bench.sh $srv $suite $OUT ;;
  esac
}
for p in $PHASES; do case $p in
  idle) run ngircd-nodelay peer idle19k r1; run inspircd peer idle19k r1; run parley after idle19k a1; run parley before idle19k b1
        run parley after idle19k a2; run parley after idle19k a3 ;;
  sbs) for s in "ngircd-nodelay peer" "inspircd peer" "parley after" "parley before"; do run $s sbs r1; done ;;
  fan1000) for s in "ngircd-nodelay peer" "inspircd peer" "parley after"; do run $s fan1000 r1; done ;;
esac; done
echo "#### done $(date -u +%H:%M:%S)" >&2
