package dev.parley.ops;

import dev.parley.logging.Audit;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Empty;
import dev.parley.service.account.AccountAddresses;
import dev.parley.service.account.DeleteUserReply;
import dev.parley.service.account.DeleteUserRequest;
import dev.parley.service.account.KickReply;
import dev.parley.service.account.KickRequest;
import dev.parley.service.account.LockReply;
import dev.parley.service.account.LockRequest;
import dev.parley.service.account.NoticeRequest;
import dev.parley.service.account.OnlineReply;
import dev.parley.service.account.OnlineRequest;
import dev.parley.service.account.ResetPasswordReply;
import dev.parley.service.account.ResetPasswordRequest;
import dev.parley.service.auth.AccountRules;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * The operators' HTTP API under /admin/ on the ops port, behind a bearer token ({@code ops.adminToken}).
 * Without a configured token it does not exist (404). Every action is audited and counted; the work itself
 * is done by the account service on the event bus.
 *
 * <pre>
 * GET    /admin/online?page=N&amp;size=M      who is online: count, a page of users, per-node counts
 * POST   /admin/notice {"text"}             a notice to everyone online
 * POST   /admin/users/ID/kick {"reason"}    close the user's session (bye KICKED)
 * POST   /admin/users/ID/lock | /unlock     a locked account cannot log in; locking kicks it
 * POST   /admin/users/ID/password {"password"}  set a new password
 * DELETE /admin/users/ID                    delete the account, its mail and positions, and kick it
 * </pre>
 */
public final class AdminApi implements Handler<HttpServerRequest> {
    public static final String PREFIX = "/admin/";
    private static final String USERS = PREFIX + "users/";
    /** Admin requests are small JSON objects; anything bigger is refused before it is buffered. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final long BUS_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final byte[] tokenDigest;
    private final Audit audit;
    private final ParleyMetrics metrics;

    /** @param token the bearer token; empty turns the API off */
    public AdminApi(Vertx vertx, String token, Audit audit, ParleyMetrics metrics) {
        this.vertx = vertx;
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest req) {
        if (tokenDigest == null || !req.path().startsWith(PREFIX)) {
            req.response().setStatusCode(404).end();
            return;
        }
        String remote = req.remoteAddress() == null ? "?" : req.remoteAddress().hostAddress();
        if (!authorized(req)) {
            metrics.adminDenied.increment();
            audit.user(Audit.Event.ADMIN_DENIED, null, remote, req.method() + " " + req.path());
            req.response().putHeader("WWW-Authenticate", "Bearer realm=\"parley-admin\"");
            error(req, 401, "UNAUTHORIZED", "a valid admin token is required");
            return;
        }
        body(req).onSuccess(body -> route(req, body, remote)).onFailure(t -> error(req, 413, ChatError.BAD_REQUEST.name(), t.getMessage()));
    }

    private void route(HttpServerRequest req, JsonObject body, String remote) {
        String path = req.path();
        HttpMethod method = req.method();
        if (path.equals(PREFIX + "online")) {
            if (method != HttpMethod.GET) {
                error(req, 405, ChatError.BAD_REQUEST.name(), "use GET");
                return;
            }
            int page = intParam(req, "page", 1);
            int size = intParam(req, "size", 50);
            if (page == Integer.MIN_VALUE || size == Integer.MIN_VALUE) {
                error(req, 400, ChatError.BAD_REQUEST.name(), "page and size are whole numbers");
                return;
            }
            run(req, "who", null, remote, AccountAddresses.ONLINE, new OnlineRequest(page, size).toJson(),
                    j -> OnlineReply.fromJson(j).toJson());
        } else if (path.equals(PREFIX + "notice") && method == HttpMethod.POST) {
            run(req, "notice", null, remote, AccountAddresses.NOTICE, new NoticeRequest(text(body, "text")).toJson(),
                    j -> Empty.fromJson(j).toJson());
        } else if (path.startsWith(USERS)) {
            userRoute(req, body, remote, path.substring(USERS.length()).split("/", -1));
        } else {
            error(req, 404, "NOT_FOUND", "no such admin endpoint");
        }
    }

    // /admin/users/ID[/action]
    private void userRoute(HttpServerRequest req, JsonObject body, String remote, String[] parts) {
        String user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (!AccountRules.USER_ID.matcher(user).matches()) {
            error(req, 400, ChatError.INVALID_USER.name(), ChatError.INVALID_USER.defaultMessage);
            return;
        }
        String action = parts.length == 1 ? "" : parts[1];
        HttpMethod method = req.method();
        if (parts.length > 2) {
            error(req, 404, "NOT_FOUND", "no such admin endpoint");
        } else if (action.isEmpty() && method == HttpMethod.DELETE) {
            run(req, "delete", user, remote, AccountAddresses.DELETE, new DeleteUserRequest(user).toJson(),
                    j -> DeleteUserReply.fromJson(j).toJson());
        } else if (method != HttpMethod.POST) {
            error(req, 405, ChatError.BAD_REQUEST.name(), "use POST (DELETE to delete the account)");
        } else {
            switch (action) {
                case "kick" -> run(req, "kick", user, remote, AccountAddresses.KICK,
                        new KickRequest(user, text(body, "reason")).toJson(), j -> KickReply.fromJson(j).toJson());
                case "lock" -> run(req, "lock", user, remote, AccountAddresses.LOCK, new LockRequest(user, true).toJson(),
                        j -> LockReply.fromJson(j).toJson());
                case "unlock" -> run(req, "unlock", user, remote, AccountAddresses.LOCK, new LockRequest(user, false).toJson(),
                        j -> LockReply.fromJson(j).toJson());
                case "password" -> run(req, "reset_password", user, remote, AccountAddresses.RESET_PASSWORD,
                        new ResetPasswordRequest(user, text(body, "password")).toJson(), j -> ResetPasswordReply.fromJson(j).toJson());
                default -> error(req, 404, "NOT_FOUND", "no such admin endpoint");
            }
        }
    }

    /**
     * Asks the account service, answers the caller, audits and counts the outcome. The HTTP answer is the
     * service's reply, checked against its record by {@code reply}, plus "ok".
     */
    private void run(HttpServerRequest req, String action, String target, String remote, String address, JsonObject request,
                     Function<JsonObject, JsonObject> reply) {
        vertx.eventBus().<JsonObject>request(address, request,
                        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                .map(Message::body)
                .map(reply)
                .onSuccess(result -> {
                    audit.admin(action, target, remote, "ok");
                    metrics.adminAction(action);
                    req.response().putHeader("content-type", "application/json").end(result.put("ok", true).encode());
                })
                .onFailure(t -> {
                    ChatError code = Bus.toChatError(t);
                    audit.admin(action, target, remote, code.name());
                    String message = code == ChatError.INTERNAL || code == ChatError.UNAVAILABLE ? code.defaultMessage : t.getMessage();
                    error(req, status(code), code.name(), message);
                });
    }

    private static int status(ChatError code) {
        return switch (code) {
            case NO_SUCH_USER -> 404;
            case BAD_REQUEST, INVALID_USER, INVALID_PASSWORD, TEXT_TOO_LONG -> 400;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
    }

    private boolean authorized(HttpServerRequest req) {
        String header = req.getHeader("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        // Digests have a fixed length, so the comparison's time says nothing about the token, not even its length.
        return MessageDigest.isEqual(sha256(given), tokenDigest);
    }

    /** The JSON body ({} when empty); fails when it is too big or not a JSON object. */
    private static Future<JsonObject> body(HttpServerRequest req) {
        String length = req.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 10
                && Long.parseLong(length) > MAX_BODY_BYTES) {
            return Future.failedFuture("the body is limited to " + MAX_BODY_BYTES + " bytes");
        }
        io.vertx.core.Promise<JsonObject> result = io.vertx.core.Promise.promise();
        Buffer data = Buffer.buffer();
        req.handler(chunk -> {
            if (data.length() + chunk.length() > MAX_BODY_BYTES) {
                result.tryFail("the body is limited to " + MAX_BODY_BYTES + " bytes");
                return;
            }
            data.appendBuffer(chunk);
        });
        req.endHandler(v -> {
            if (data.length() == 0) {
                result.tryComplete(new JsonObject());
                return;
            }
            try {
                result.tryComplete(new JsonObject(data));
            } catch (DecodeException | ClassCastException e) {
                result.tryFail("the body must be a JSON object");
            }
        });
        return result.future();
    }

    private static String text(JsonObject body, String field) {
        return body.getValue(field) instanceof String s ? s : null;
    }

    /** The parameter, the default when absent, or Integer.MIN_VALUE when it is not a number. */
    private static int intParam(HttpServerRequest req, String name, int def) {
        String v = req.getParam(name);
        if (v == null) return def;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static void error(HttpServerRequest req, int status, String code, String message) {
        if (req.response().ended()) return;
        req.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("ok", false)
                        .put("error", new JsonObject().put("code", code).put("message", message)).encode());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
