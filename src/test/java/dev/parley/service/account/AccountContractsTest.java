package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.parley.service.Contracts.refuses;
import static dev.parley.service.Contracts.refusesNonObjects;
import static dev.parley.service.Contracts.roundTrips;
import static dev.parley.service.Contracts.tooLong;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountContractsTest {
    @Test
    @DisplayName("self-service requests and replies cross the bus unchanged")
    void selfService() {
        roundTrips(new ChangePasswordRequest("alice", "old-pass", "new-pass", "10.0.0.1"), ChangePasswordRequest::toJson, ChangePasswordRequest::fromJson);
        roundTrips(new ChangePasswordRequest("alice", null, null, null), ChangePasswordRequest::toJson, ChangePasswordRequest::fromJson);
        roundTrips(new RenameRequest("alice", "Alice B", "10.0.0.1"), RenameRequest::toJson, RenameRequest::fromJson);
        roundTrips(new RenameReply("alice", "Alice B"), RenameReply::toJson, RenameReply::fromJson);
        roundTrips(new DeleteOwnRequest("alice", "secret1", null), DeleteOwnRequest::toJson, DeleteOwnRequest::fromJson);
        roundTrips(new DeleteOwnReply("alice"), DeleteOwnReply::toJson, DeleteOwnReply::fromJson);
        roundTrips(new PurgeRequest("alice"), PurgeRequest::toJson, PurgeRequest::fromJson);
    }

    @Test
    @DisplayName("operators' requests and replies cross the bus unchanged")
    void operators() {
        roundTrips(new LockRequest("alice", false), LockRequest::toJson, LockRequest::fromJson);
        roundTrips(new LockReply("alice", true, true), LockReply::toJson, LockReply::fromJson);
        roundTrips(new DeleteUserRequest("alice"), DeleteUserRequest::toJson, DeleteUserRequest::fromJson);
        roundTrips(new DeleteUserReply("alice", false), DeleteUserReply::toJson, DeleteUserReply::fromJson);
        roundTrips(new ResetPasswordRequest("alice", "new-pass"), ResetPasswordRequest::toJson, ResetPasswordRequest::fromJson);
        roundTrips(new ResetPasswordReply("alice"), ResetPasswordReply::toJson, ResetPasswordReply::fromJson);
        roundTrips(new KickRequest("alice", null), KickRequest::toJson, KickRequest::fromJson);
        roundTrips(new KickReply("alice", true), KickReply::toJson, KickReply::fromJson);
        roundTrips(new NoticeRequest("maintenance at noon"), NoticeRequest::toJson, NoticeRequest::fromJson);
        roundTrips(new OnlineRequest(3, 20), OnlineRequest::toJson, OnlineRequest::fromJson);
        roundTrips(new OnlineReply(3, 1, 2, List.of(new OnlineReply.OnlineUser("alice", "Alice", "n1"),
                        new OnlineReply.OnlineUser("bob", null, "n2")), Map.of("n1", 2, "n2", 1), true),
                OnlineReply::toJson, OnlineReply::fromJson);
    }

    @Test
    @DisplayName("absent optional fields take their documented defaults")
    void defaults() {
        assertEquals(new LockRequest("alice", true), LockRequest.fromJson(new JsonObject().put("user", "alice")));
        assertEquals(new OnlineRequest(1, 50), OnlineRequest.fromJson(new JsonObject()));
    }

    @Test
    @DisplayName("a missing user, a mistyped or oversized field, or a malformed listing is refused")
    void refusals() {
        refuses(ChangePasswordRequest::fromJson, new JsonObject().put("old", "a").put("new", "b"), "user");
        refuses(RenameRequest::fromJson, new JsonObject().put("user", "alice").put("name", 5), "name");
        refuses(KickRequest::fromJson, new JsonObject().put("reason", "spam"), "user");
        refuses(KickRequest::fromJson, new JsonObject().put("user", "alice").put("reason", tooLong(BusCheck.FIELD_MAX)), "reason");
        refuses(LockRequest::fromJson, new JsonObject().put("user", "alice").put("locked", "yes"), "locked");
        refuses(OnlineRequest::fromJson, new JsonObject().put("page", "two"), "page");
        refuses(OnlineRequest::fromJson, new JsonObject().put("size", 1L << 40), "size");
        refuses(LockReply::fromJson, new JsonObject().put("user", "alice").put("locked", true), "kicked");
        refuses(OnlineReply::fromJson, new JsonObject().put("count", 1).put("complete", true)
                .put("users", new JsonArray().add(new JsonObject().put("user", "a").put("node", "n1")).add(new JsonObject().put("user", "b"))),
                "users[1].node");
        refuses(OnlineReply::fromJson, new JsonObject().put("count", 1).put("complete", true)
                .put("nodes", new JsonObject().put("n1", "many")), "nodes");
        refusesNonObjects(PurgeRequest::fromJson);
        refusesNonObjects(OnlineReply::fromJson);
    }
}
