package dev.parley.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.RecvByteBufAllocator;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;

/**
 * A chat connection's Netty handler, in place of Vert.x's socket once Vert.x has accepted it (and finished TLS):
 * bytes in go to the {@link Connection} on the gateway's context, bytes out go through {@link Outbox} from this
 * handler's place in the pipeline (TLS, if any, still before it). Vert.x's socket keeps a write queue and a read
 * queue per connection that Parley never uses (its output goes through Outbox): about 5 KiB of every idle session
 * (docs/performance.md, "Idle memory per session"). Dropping it leaves them to the garbage collector.
 */
final class ChatChannel extends ChannelInboundHandlerAdapter implements RequestFlow.Reads {
    /** One read-size allocator for all chat channels (32 B per session), with one handle per loop (96 B more). */
    static final RecvByteBufAllocator READ_SIZES = new LoopReadSizes();

    private final ContextInternal context;
    private Handler<byte[]> onData = bytes -> { };
    private Runnable onClose = () -> { };
    private ChannelHandlerContext ctx;
    private boolean paused;
    /** Reads that arrived while paused (a read batch already under way when reading stopped); null when none. */
    private ArrayDeque<byte[]> held;

    private ChatChannel(ContextInternal context) {
        this.context = context;
    }

    /** Puts a new handler in place of Vert.x's behind {@code socket} (on its event loop, right after accept). */
    static ChatChannel replace(NetSocket socket, ContextInternal context) {
        ChannelHandlerContext vertx = ((NetSocketInternal) socket).channelHandlerContext();
        ChatChannel channel = new ChatChannel(context);
        vertx.channel().config().setRecvByteBufAllocator(READ_SIZES);
        ChannelPipeline pipeline = vertx.pipeline();
        pipeline.replace(vertx.handler(), "parley", channel);
        return channel;
    }

    /** Where this connection's output is written from (its place in the pipeline). */
    ChannelHandlerContext context() {
        return ctx;
    }

    void onData(Handler<byte[]> onData) {
        this.onData = onData;
    }

    /** Runs once, when the connection has closed (either side). */
    void onClose(Runnable onClose) {
        this.onClose = onClose;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
        if (paused) {
            if (held == null) held = new ArrayDeque<>(2);
            held.add(bytes);
        } else {
            context.dispatch(bytes, onData);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        held = null;
        context.dispatch(null, v -> onClose.run());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();   // a reset or a TLS error: the connection is over (channelInactive follows)
    }

    @Override
    public void pause() {
        paused = true;
        ctx.channel().config().setAutoRead(false);
    }

    @Override
    public void resume() {
        paused = false;
        while (!paused && held != null && !held.isEmpty()) {
            context.dispatch(held.poll(), onData);
        }
        if (!paused) ctx.channel().config().setAutoRead(true);
    }
}
