package dev.parley.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link Connector}: the test decides when connects succeed and what the server says. */
final class FakeConnector implements Connector {

    /** One connection attempt. */
    final class Attempt {
        final Lines lines;
        final Promise<Link> promise = Promise.promise();
        final FakeLink link;

        Attempt(Lines lines) {
            this.lines = lines;
            this.link = new FakeLink(lines);
        }

        void succeed() {
            promise.complete(link);
        }

        void fail(String why) {
            promise.fail(why);
        }
    }

    /** The client's end of a connection, as the fake server sees it. */
    static final class FakeLink implements Link {
        final List<JsonObject> sent = new ArrayList<>();
        private final Lines lines;
        boolean closed;

        FakeLink(Lines lines) {
            this.lines = lines;
        }

        @Override
        public void send(String line) {
            if (closed) {
                throw new AssertionError("sent on a closed link: " + line);
            }
            sent.add(new JsonObject(line));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lines.closed();
            }
        }

        void serverSends(JsonObject frame) {
            lines.line(frame.encode());
        }

        void serverSendsRaw(String line) {
            lines.line(line);
        }

        /** Answers the request at {@code index} with ok plus {@code fields}, echoing its rid. */
        void replyOk(int index, JsonObject fields) {
            JsonObject request = sent.get(index);
            serverSends(new JsonObject().put("op", request.getString("op")).put("ok", true)
                    .put("rid", request.getString("rid")).mergeIn(fields));
        }

        void replyError(int index, String code) {
            JsonObject request = sent.get(index);
            serverSends(Frames.localError(request.getString("op"), code, code.toLowerCase()).put("rid", request.getString("rid")));
        }

        JsonObject last() {
            return sent.get(sent.size() - 1);
        }
    }

    final List<Attempt> attempts = new ArrayList<>();
    /** When true every connect succeeds at once. */
    boolean autoSucceed = true;

    @Override
    public Future<Link> connect(Lines lines) {
        Attempt attempt = new Attempt(lines);
        attempts.add(attempt);
        if (autoSucceed) {
            attempt.succeed();
        }
        return attempt.promise.future();
    }

    FakeLink link() {
        return attempts.get(attempts.size() - 1).link;
    }
}
