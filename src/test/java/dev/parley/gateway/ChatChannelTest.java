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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** ChatChannel in a real Vert.x server over loopback. */
class ChatChannelTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Listens on loopback; each accepted socket gets a ChatChannel, handed to {@code onChannel}. Returns the port. */
    private int chatServer(java.util.function.BiConsumer<io.vertx.core.net.NetSocket, ChatChannel> onChannel) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket ->
                onChannel.accept(socket, ChatChannel.replace(socket, (ContextInternal) vertx.getOrCreateContext())));
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @Test
    @DisplayName("every chat channel reads with the one shared read-size allocator, and its bytes still arrive")
    void sharedReadSizes() throws Exception {
        List<RecvByteBufAllocator> allocators = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        int port = chatServer((socket, channel) -> {
            channel.onData(bytes -> received.add(new String(bytes, StandardCharsets.UTF_8)));
            allocators.add(((NetSocketInternal) socket).channelHandlerContext().channel().config().getRecvByteBufAllocator());
        });
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

    @Test
    @DisplayName("the read-size handle is one per thread: the same for every channel of a loop, another on another loop")
    void oneReadHandlePerLoop() throws Exception {
        RecvByteBufAllocator.Handle here = ChatChannel.READ_SIZES.newHandle();
        assertSame(here, ChatChannel.READ_SIZES.newHandle());
        RecvByteBufAllocator.Handle[] there = new RecvByteBufAllocator.Handle[1];
        Thread other = new io.netty.util.concurrent.FastThreadLocalThread(() -> there[0] = ChatChannel.READ_SIZES.newHandle());
        other.start();
        other.join(10_000);
        assertNotNull(there[0]);
        assertNotSame(here, there[0]);
    }

    @Test
    @DisplayName("channels sharing a loop's read handle each get all their own bytes, in order, when they send at once")
    void interleavedReadsStayApart() throws Exception {
        int clients = 4;
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < 2000; n++) text.append("line ").append(n).append(" of a chat stream\n");
        String expected = text.toString();
        byte[] all = expected.getBytes(StandardCharsets.UTF_8);
        List<StringBuilder> got = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch complete = new java.util.concurrent.CountDownLatch(clients);
        int port = chatServer((socket, channel) -> {
            StringBuilder sb = new StringBuilder();
            got.add(sb);
            channel.onData(bytes -> {
                sb.append(new String(bytes, StandardCharsets.UTF_8));
                if (sb.length() == all.length) complete.countDown();
            });
        });
        List<Socket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) sockets.add(new Socket("127.0.0.1", port));
            for (int off = 0; off < all.length; off += 1000) {   // the clients' writes interleave
                for (Socket s : sockets) s.getOutputStream().write(all, off, Math.min(1000, all.length - off));
            }
            complete.await(20, TimeUnit.SECONDS);
            assertEquals(clients, got.size());
            for (StringBuilder sb : got) assertEquals(expected, sb.toString());
        } finally {
            for (Socket s : sockets) s.close();
        }
    }
}
