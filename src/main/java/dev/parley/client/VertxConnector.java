package dev.parley.client;

import io.vertx.core.Future;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.nio.charset.StandardCharsets;

/** {@link Connector} over a Vert.x TCP client, splitting the stream into JSON lines. */
final class VertxConnector implements Connector {

    /** Far above any legal frame; a longer line means a broken peer, so the connection is dropped instead of buffered. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final NetClient client;
    private final String host;
    private final int port;

    VertxConnector(NetClient client, String host, int port) {
        this.client = client;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<Link> connect(Lines lines) {
        return client.connect(port, host).map(socket -> attach(socket, lines));
    }

    private static Link attach(NetSocket socket, Lines lines) {
        RecordParser parser = RecordParser.newDelimited("\n", record -> lines.line(stripCr(record.toString(StandardCharsets.UTF_8))));
        parser.maxRecordSize(MAX_LINE_BYTES);
        parser.exceptionHandler(oversize -> socket.close());
        socket.handler(parser);
        socket.exceptionHandler(error -> socket.close());
        socket.closeHandler(v -> lines.closed());
        return new Link() {
            @Override
            public void send(String line) {
                socket.write(line + "\n");
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    /** Tolerates a server that ends lines with CRLF. */
    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
