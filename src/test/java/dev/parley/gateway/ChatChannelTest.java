package dev.parley.gateway;

import io.netty.channel.RecvByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** ChatChannel in a real Vert.x server over loopback. */
class ChatChannelTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("every chat channel reads with the one shared read-size allocator, and its bytes still arrive")
    void sharedReadSizes() throws Exception {
        List<RecvByteBufAllocator> allocators = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        NetServer server = vertx.createNetServer().connectHandler(socket -> {
            ChatChannel channel = ChatChannel.replace(socket, (ContextInternal) vertx.getOrCreateContext());
            channel.onData(bytes -> received.add(new String(bytes, StandardCharsets.UTF_8)));
            allocators.add(((NetSocketInternal) socket).channelHandlerContext().channel().config().getRecvByteBufAllocator());
        });
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
            for (Socket s : List.of(a, b)) {
                OutputStream out = s.getOutputStream();
                out.write("hello\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            assertEquals("hello\n", received.poll(10, TimeUnit.SECONDS));
            assertEquals("hello\n", received.poll(10, TimeUnit.SECONDS));
        }
        assertEquals(2, allocators.size());
        assertSame(ChatChannel.READ_SIZES, allocators.get(0));
        assertSame(allocators.get(0), allocators.get(1));
    }
}
