package dev.parley.gateway;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Netty's adaptive read sizing with one handle per event loop thread instead of one per channel: 96 B less per
 * idle session (the handle and its size calculator). A loop reads its channels one at a time, and every read
 * starts with {@code reset} and ends with {@code readComplete}, so between reads the handle holds nothing of a
 * channel; the size it guesses follows the loop's recent reads rather than one channel's, which for chat lines
 * is the same thing. Netty keeps asking a channel's allocator for its handle on that channel's loop.
 */
final class LoopReadSizes implements RecvByteBufAllocator {
    private final RecvByteBufAllocator sizes = new AdaptiveRecvByteBufAllocator();
    private final FastThreadLocal<Handle> handles = new FastThreadLocal<>() {
        @Override
        protected Handle initialValue() {
            return sizes.newHandle();
        }
    };

    @Override
    public Handle newHandle() {
        return handles.get();
    }
}
