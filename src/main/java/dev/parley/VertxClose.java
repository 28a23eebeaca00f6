package dev.parley;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;

/** Closing a node's Vert.x without its own event loops: they are the ones shutting down. */
final class VertxClose {
    private VertxClose() {
    }

    /**
     * Closes Vert.x from outside its event loops: a callback bound to a loop that is shutting down would be
     * rejected ("event executor terminated") and printed as an uncaught exception.
     */
    static CompletableFuture<Void> offLoop(Vertx vertx) {
        return CompletableFuture.runAsync(() -> { })
                .thenCompose(v -> vertx.close().toCompletionStage().toCompletableFuture().handle((x, t) -> (Void) null));
    }

    /**
     * Reports a failed start at once, then closes what was started. Waiting for the close first would hang:
     * futures bound to the closed Vert.x's event loops can no longer notify anyone.
     */
    static <T> Future<T> onFailure(Future<T> started, Vertx vertx, Runnable afterClose) {
        Promise<T> result = Promise.promise();
        started.onComplete(ar -> {
            if (ar.succeeded()) {
                result.complete(ar.result());
                return;
            }
            result.fail(ar.cause());
            offLoop(vertx).whenComplete((v, t) -> afterClose.run());
        });
        return result.future();
    }
}
