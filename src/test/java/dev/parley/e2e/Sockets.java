package dev.parley.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** What the socket test clients share: writing (IllegalStateException when it cannot send), quiet closing. */
final class Sockets {
    private Sockets() {
    }

    static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server may have closed it already: nothing left to do then. */
    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
