package dev.parley.chaos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads Parley's keys straight from Redis with a few RESP commands, one short connection per look. */
final class RedisProbe {
    private static final String PREFIX = "parley:";
    private final int port;

    RedisProbe(int port) {
        this.port = port;
    }

    /** The users the shared presence hash lists as online. */
    Set<String> presentUsers() throws IOException {
        return new TreeSet<>(strings(command("HKEYS", PREFIX + "presence")));
    }

    History.KeyCounts keyCounts() throws IOException {
        List<String> keys = strings(command("KEYS", PREFIX + "*"));
        int mail = 0, meta = 0, nodeSets = 0, nodeKeys = 0, idem = 0;
        for (String k : keys) {
            String rest = k.substring(PREFIX.length());
            if (rest.startsWith("mail:")) mail++;
            else if (rest.startsWith("mail-meta:")) meta++;
            else if (rest.startsWith("presence:node:")) nodeSets++;
            else if (rest.startsWith("node:")) nodeKeys++;
            else if (rest.startsWith("idem:")) idem++;
        }
        long presence = (Long) command("HLEN", PREFIX + "presence");
        return new History.KeyCounts(History.now(), mail, meta, (int) presence, nodeSets, nodeKeys, idem, keys.size());
    }

    private Object command(String... args) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(new BufferedInputStream(s.getInputStream()));
        }
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+': return line;
            case ':': return Long.parseLong(line);
            case '-': throw new IOException("redis: " + line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                byte[] bytes = in.readNBytes(n + 2);
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(read(in));
                return items;
            }
            default: throw new IOException("unexpected RESP type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\r'; ) {
            if (c < 0) throw new IOException("redis closed the connection");
            b.write(c);
        }
        in.read(); // the \n
        return b.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object reply) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) reply) out.add((String) o);
        return out;
    }
}
