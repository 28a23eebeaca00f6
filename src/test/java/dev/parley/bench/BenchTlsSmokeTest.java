package dev.parley.bench;

import dev.parley.e2e.TestServer;
import dev.parley.testkit.TestCerts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench --tls against a node's TLS port: the generator speaks TLS and trusts the node's CA. */
@Timeout(120)
class BenchTlsSmokeTest {

    @Test
    @DisplayName("fanout over TLS with --ca: every member gets every message once")
    void fanoutOverTls() {
        TestCerts certs = TestCerts.create();
        try (TestServer server = TestServer.start(Map.of("limits.ratePerSecond", 100000, "limits.rateBurst", 100000,
                "server.tlsPort", 0, "server.tlsCert", certs.cert().toString(), "server.tlsKey", certs.key().toString()))) {
            BenchResult r = SmokeRun.run("fanout", List.of("--ca", certs.ca().toString(),
                    "--port", Integer.toString(server.server().tlsPort()), "--users-prefix", "tlssmoke"),
                    "--members", "20", "--senders", "4", "--rate", "20");
            assertTrue(r.get("deliveries received") > 0);
            assertEquals(r.get("deliveries expected"), r.get("deliveries received"));
            assertEquals(0, r.get("duplicates"));
        }
    }

    @Test
    @DisplayName("--tls picks port 8890; --insecure and --ca together are refused")
    void options() {
        assertEquals(8890, BenchOptions.parse(new String[]{"fanout", "--tls"}).port);
        assertTrue(BenchOptions.parse(new String[]{"fanout", "--insecure"}).tls.insecure());
        assertEquals(2, BenchCommand.run(new String[]{"fanout", "--insecure", "--ca", "ca.pem"}));
    }
}
