package dev.parley.client;

import io.vertx.core.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the session tests share: a started {@link ClientSession} over fakes, a connector whose links the test
 * drives, a manual scheduler for reconnects and timeouts, a listener that records what would be shown.
 */
abstract class ClientSessionFixture {
    /** How long a request waits for its reply. */
    static final long TIMEOUT = 30_000;

    final FakeConnector connector = new FakeConnector();
    final ManualScheduler scheduler = new ManualScheduler();
    final RecordingListener listener = new RecordingListener();
    final ClientSession session;

    ClientSessionFixture() {
        // no jitter, so delays are exact: 500, 1000, 2000 ...
        Backoff backoff = new Backoff(500, 10_000, 0.2, () -> 0.0);
        session = new ClientSession(connector, scheduler, Runnable::run, backoff, listener, TIMEOUT, 0);
        assertTrue(session.start().succeeded());
    }

    /** Logs in as 100 (scott) with {@code password} on the current link and returns that link. */
    FakeConnector.FakeLink loggedInWith(String password) {
        FakeConnector.FakeLink link = connector.link();
        session.request(Frames.login("100", password));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("user", "100").put("name", "scott"));
        assertTrue(session.loggedIn());
        return link;
    }
}
