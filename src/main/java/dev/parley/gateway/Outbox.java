package dev.parley.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Every byte a connection sends goes through here, in order: appended to this turn's buffer and
 * written and flushed once per event-loop turn by {@link FlushBatcher}, and at most once per
 * {@code server.coalesceMicros} while output keeps coming (a busy room's member gets several messages per
 * write). It writes straight to the Netty pipeline from {@link ChatChannel}'s place in it: Vert.x's
 * {@code NetSocket.write} flushes per call, which collapses fan-out. Since this bypasses Vert.x's write queue, the
 * pending-bytes bound is enforced here, per connection and (through {@link OutputBudget}) per node. Turn buffers come
 * from a pool (see {@link #POOL}); only a single frame larger than a pooled buffer gets an unpooled one.
 */
final class Outbox implements Wire, FlushBatcher.Dirty {
    /** How long a goodbye may take to reach a peer before the connection is closed anyway. */
    static final long CLOSE_GRACE_MILLIS = 2000;

    /** First size of a turn's buffer: most turns carry a few small frames. */
    private static final int INITIAL_TURN_BYTES = 512;
    /**
     * Buffers of each size a loop's thread cache keeps for reuse (Netty's default is 256). A turn flushing a
     * thousand connections frees a thousand buffers; past the cache they go back to the arena, and finding them a
     * slot again was 6 % of a busy room's CPU.
     */
    private static final int SMALL_CACHE_SIZE = 1024;
    /**
     * Where turn buffers come from. A fan-out gives most recipients a few small frames per turn, and a fresh direct
     * buffer each (malloc, cleaner, zeroing) cost more than the write itself; a pool's thread cache hands them out in
     * nanoseconds. A turn's buffers double up to {@link #MAX_POOLED} and a busier turn (paced output, a backlog)
     * continues in another one of that size: no copying, no 2x slack, and no unpooled buffer zeroed per turn (they
     * were 4 % of a busy room's CPU). Only a single frame larger than that gets a buffer of its own, unpooled. The
     * buffers in use are bounded by the node's output budget; freed ones wait in the loops' caches (at most
     * {@link #SMALL_CACHE_SIZE} of each size, trimmed when unused), and the pool frees its chunks once they are empty.
     */
    private static final PooledByteBufAllocator POOL = new PooledByteBufAllocator(true, 0,
            PooledByteBufAllocator.defaultNumDirectArena(), PooledByteBufAllocator.defaultPageSize(),
            PooledByteBufAllocator.defaultMaxOrder(), SMALL_CACHE_SIZE, PooledByteBufAllocator.defaultNormalCacheSize(),
            false);
    private static final int MAX_POOLED = 16 * 1024;

    private final ChannelHandlerContext ctx;
    /** The batcher of this connection's event loop, looked up at the first write (not per delivery). */
    private FlushBatcher batcher;
    private final long maxPendingBytes;
    /** How long a flush may wait for more output (see {@link FlushBatcher}): the window between two writes. */
    private final long coalesceNanos;
    private final OutputBudget budget;
    /** Bytes appended and not yet written to the socket (or released). */
    private long pending;
    /** The direct memory holding them (buffer capacities): this connection's share of the node budget. */
    private long memory;
    private boolean needsFlush;
    /** When this connection was last flushed ({@link System#nanoTime()}): a write within the window waits for its end. */
    private long lastFlushNanos;
    /** Whether the last two flushes came within two windows of each other (see {@link FlushBatcher}). */
    private boolean flushedSteadily;
    /**
     * This turn's output, appended frame by frame and handed to Netty once per turn: one write entry per
     * connection per turn, not one per message (Netty's per-entry bookkeeping dominated fan-out profiles).
     * Null between turns, so an idle connection holds no buffer.
     */
    private ByteBuf turn;

    Outbox(ChannelHandlerContext ctx, long maxPendingBytes, OutputBudget budget, long coalesceNanos) {
        this.ctx = ctx;
        this.maxPendingBytes = maxPendingBytes;
        this.coalesceNanos = coalesceNanos;
        this.budget = budget;
        this.lastFlushNanos = System.nanoTime() - 2 * coalesceNanos;   // never flushed: not steady
    }

    @Override
    public long lastFlushNanos() {
        return lastFlushNanos;
    }

    @Override
    public boolean flushedSteadily() {
        return flushedSteadily;
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    /**
     * Queues bytes; false when the peer has stopped reading and the pending output is over the bound,
     * or when there is no memory for them (the caller drops the connection; the node carries on).
     */
    @Override
    public boolean write(byte[] bytes) {
        if (!append(bytes)) return false;
        markDirty();
        return pending <= maxPendingBytes;
    }

    /** Runs {@code afterWrite} once everything queued so far was handed to the socket. */
    @Override
    public void afterWrites(Runnable afterWrite) {
        push();
        ctx.write(Unpooled.EMPTY_BUFFER).addListener(f -> {
            if (f.isSuccess()) afterWrite.run();
        });
        markDirty();
    }

    private boolean append(byte[] bytes) {
        if (bytes.length == 0) return true;
        if (turn == null || turn.writableBytes() < bytes.length) {
            int size = Math.max(bytes.length,
                    turn == null ? INITIAL_TURN_BYTES : Math.min(MAX_POOLED, turn.capacity() * 2));
            // Never allocate into the JVM's direct-memory limit: there the JDK sleeps and calls System.gc()
            // on the event loop before failing. Past the hard limit this connection is dropped instead.
            if (!budget.canHold(size)) return false;
            ByteBuf next;
            try {
                next = size <= MAX_POOLED ? POOL.directBuffer(size, size) : Unpooled.directBuffer(size, size);
            } catch (OutOfMemoryError e) {
                return false;   // lose this connection, not the node
            }
            push();   // the full buffer goes to Netty first: order is kept
            turn = next;
            memory += size;
            budget.add(size);
        }
        turn.writeBytes(bytes);
        pending += bytes.length;
        return true;
    }

    /** Hands this turn's bytes to Netty (not yet flushed); they leave the budget once written, or failed on close. */
    private void push() {
        if (turn != null) {
            ByteBuf out = turn;
            turn = null;
            int size = out.readableBytes();
            int capacity = out.capacity();
            ctx.write(out).addListener(f -> written(size, capacity));
        }
    }

    private void written(long size, long capacity) {
        pending -= size;
        memory -= capacity;
        budget.release(capacity);
    }

    /**
     * Writes the last bytes, flushes everything and closes once they are out, or after
     * {@link #CLOSE_GRACE_MILLIS} if the peer does not read them.
     */
    @Override
    public void writeAndClose(byte[] last) {
        if (last != null) append(last);   // without memory for the goodbye, it closes without one
        push();
        // ctx.close() skips Vert.x's graceful close, which would wait for the output to drain without bound.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ctx.close());
        ctx.executor().schedule(() -> {
            if (ctx.channel().isOpen()) ctx.close();
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes now, dropping unsent output (for peers that stopped reading). */
    @Override
    public void abort(byte[] last) {
        if (turn != null) {
            written(turn.readableBytes(), turn.capacity());
            turn.release();
            turn = null;
        }
        if (last != null) ctx.writeAndFlush(Unpooled.wrappedBuffer(last), ctx.voidPromise());
        // ctx.close(), not channel().close(): the latter goes through Vert.x's graceful close, which waits
        // for pending output to drain, and a peer that stopped reading never drains it.
        ctx.close();
    }

    @Override
    public void flush() {
        needsFlush = false;
        if (coalesceNanos > 0) {
            long now = System.nanoTime();
            flushedSteadily = FlushBatcher.steady(lastFlushNanos, now, coalesceNanos);
            lastFlushNanos = now;
        }
        push();
        ctx.flush();
    }

    /**
     * Output handed to Netty in earlier turns and still not taken by the kernel: what a reader that
     * keeps up never has (this turn's bytes look the same for fast and slow readers).
     */
    @Override
    public long backlogBytes() {
        return pending - (turn == null ? 0 : turn.readableBytes());
    }

    /** Direct memory held for this connection's output (what dropping it gives back to the budget). */
    @Override
    public long memoryBytes() {
        return memory;
    }

    private void markDirty() {
        if (!needsFlush) {
            needsFlush = true;
            // Writes run on the connection's event loop, whose thread's batcher this is.
            if (batcher == null) batcher = FlushBatcher.current();
            batcher.add(this, coalesceNanos);
        }
    }
}
