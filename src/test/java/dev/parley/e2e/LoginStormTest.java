package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cold start's login storm: every client connects at once and pipelines register + login. Logins beyond
 * limits.accountOpsInFlight wait their turn at the gateway, so a small hashing queue never overflows into
 * UNAVAILABLE, and every client reads only JSON.
 */
class LoginStormTest {
    private static final int CLIENTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of(
            "limits.accountOpsInFlight", 4,
            // Far fewer than the storm: without the gate most logins would find the hashing queue full.
            "auth.hashQueueLogins", 8,
            "auth.hashQueueRegistrations", 8));

    @Test
    @DisplayName("200 clients connecting at once to a fresh server all register and log in, and read only JSON")
    void coldStartStorm() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                s.setSoTimeout(60_000);
                sockets.add(s);
            }
            for (int i = 0; i < CLIENTS; i++) {
                String user = "storm" + i;
                String both = "{\"op\":\"register\",\"rid\":1,\"user\":\"" + user + "\",\"password\":\"123456\"}\n"
                        + "{\"op\":\"login\",\"rid\":2,\"user\":\"" + user + "\",\"password\":\"123456\"}\n";
                sockets.get(i).getOutputStream().write(both.getBytes(StandardCharsets.UTF_8));
            }
            int loggedIn = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                BufferedReader in = new BufferedReader(new InputStreamReader(sockets.get(i).getInputStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    assertTrue(line.startsWith("{"), "client " + i + " got a line that is no JSON: " + line);
                    JsonNode frame = JSON.readTree(line);
                    if (!frame.path("ok").isMissingNode() && !frame.path("ok").asBoolean()) problems.add(i + ": " + line);
                    if ("login".equals(frame.path("op").asText()) && frame.path("rid").asInt() == 2) {
                        if (frame.path("ok").asBoolean()) loggedIn++;
                        break;
                    }
                }
            }
            assertEquals(List.of(), problems);
            assertEquals(CLIENTS, loggedIn);
        } finally {
            sockets.forEach(Sockets::closeQuietly);
        }
    }
}
