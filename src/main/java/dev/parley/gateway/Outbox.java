package dev.parley.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.TimeUnit;

/**
 * Every byte a connection sends goes through here, in order: appended to this turn's buffer and
 * written and flushed once per event-loop turn by {@link FlushBatcher}. Uses Vert.x internal API
 * (pinned 5.0.7): {@code NetSocket.write} flushes per call, which collapses fan-out. Since this
 * bypasses Vert.x's write queue, the pending-bytes bound is enforced here.
 */
final class Outbox {
    /** How long a goodbye may take to reach a peer before the connection is closed anyway. */
    static final long CLOSE_GRACE_MILLIS = 2000;

    /** First size of a turn's buffer: most turns carry a few small frames. */
    private static final int INITIAL_TURN_BYTES = 512;

    private final ChannelHandlerContext ctx;
    private final long maxPendingBytes;
    private boolean needsFlush;
    /**
     * This turn's output, appended frame by frame and handed to Netty once per turn: one write entry per
     * connection per turn, not one per message (Netty's per-entry bookkeeping dominated fan-out profiles).
     * Null between turns, so an idle connection holds no buffer.
     */
    private ByteBuf turn;

    Outbox(NetSocket socket, long maxPendingBytes) {
        this.ctx = ((NetSocketInternal) socket).channelHandlerContext();
        this.maxPendingBytes = maxPendingBytes;
    }

    EventExecutor executor() {
        return ctx.executor();
    }

    /** Queues bytes; false when the peer has stopped reading and the pending output is over the bound. */
    boolean write(byte[] bytes) {
        append(bytes);
        markDirty();
        return pendingBytes() <= maxPendingBytes;
    }

    /** Queues bytes and runs {@code afterWrite} once they (and all before them) were handed to the socket. */
    void write(byte[] bytes, Runnable afterWrite) {
        append(bytes);
        push();
        ctx.write(Unpooled.EMPTY_BUFFER).addListener(f -> {
            if (f.isSuccess()) afterWrite.run();
        });
        markDirty();
    }

    private void append(byte[] bytes) {
        if (bytes.length == 0) return;
        if (turn == null) turn = ctx.alloc().directBuffer(Math.max(bytes.length, INITIAL_TURN_BYTES));
        turn.writeBytes(bytes);
    }

    /** Hands this turn's bytes to Netty (not yet flushed). On a closed channel Netty releases them. */
    private void push() {
        if (turn != null) {
            ByteBuf out = turn;
            turn = null;
            ctx.write(out, ctx.voidPromise());
        }
    }

    /**
     * Writes the last bytes, flushes everything and closes once they are out, or after
     * {@link #CLOSE_GRACE_MILLIS} if the peer does not read them.
     */
    void writeAndClose(byte[] last) {
        if (last != null) append(last);
        push();
        // ctx.close() skips Vert.x's graceful close, which would wait for the output to drain without bound.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ctx.close());
        ctx.executor().schedule(() -> {
            if (ctx.channel().isOpen()) ctx.close();
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes now, dropping unsent output (for peers that stopped reading). */
    void abort(byte[] last) {
        if (turn != null) {
            turn.release();
            turn = null;
        }
        if (last != null) ctx.writeAndFlush(Unpooled.wrappedBuffer(last), ctx.voidPromise());
        // ctx.close(), not channel().close(): the latter goes through Vert.x's graceful close, which waits
        // for pending output to drain, and a peer that stopped reading never drains it.
        ctx.close();
    }

    void flush() {
        needsFlush = false;
        push();
        ctx.flush();
    }

    long pendingBytes() {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        return (out == null ? 0 : out.totalPendingWriteBytes()) + (turn == null ? 0 : turn.readableBytes());
    }

    private void markDirty() {
        if (!needsFlush) {
            needsFlush = true;
            FlushBatcher.current().add(this);
        }
    }
}
