package dev.parley.service.mailbox;

import dev.parley.service.BusCheck;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parley.service.Contracts.refuses;
import static dev.parley.service.Contracts.refusesNonObjects;
import static dev.parley.service.Contracts.roundTrips;
import static dev.parley.service.Contracts.tooLong;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MailboxContractsTest {
    private static final StoredMessage MAIL = new StoredMessage("m-1", "alice", "Alice", "bob", "hi", 1000, 3);
    private static final StoredMessage GROUP = new StoredMessage("g-1", "carol", "Carol", null, "all", 999, 17);

    @Test
    @DisplayName("send, fetch and ack messages cross the bus unchanged")
    void roundTrip() {
        roundTrips(SendRequest.of("alice", "Alice", "bob", "hi", "c-1"), SendRequest::toJson, SendRequest::fromJson);
        roundTrips(SendRequest.of("alice", null, "bob", "hi", null), SendRequest::toJson, SendRequest::fromJson);
        roundTrips(SendRequest.of("alice", null, "bob", "hi", null, java.util.Map.of("+draft/reply", "m-1")), SendRequest::toJson, SendRequest::fromJson);
        roundTrips(SendRequest.storeOnly("alice", "Alice", "bob", "hi", "m-1", 1234L), SendRequest::toJson, SendRequest::fromJson);
        roundTrips(new SendReply("m-1", 1234L, true), SendReply::toJson, SendReply::fromJson);
        roundTrips(new FetchRequest("bob", 17L), FetchRequest::toJson, FetchRequest::fromJson);
        roundTrips(new FetchRequest("bob", null), FetchRequest::toJson, FetchRequest::fromJson);
        roundTrips(new FetchReply(List.of(MAIL), 2, List.of(GROUP), 5), FetchReply::toJson, FetchReply::fromJson);
        roundTrips(new FetchReply(List.of(), 0, List.of(), 0), FetchReply::toJson, FetchReply::fromJson);
        roundTrips(new AckRequest("bob", List.of(3L, 4L), 17L), AckRequest::toJson, AckRequest::fromJson);
        roundTrips(new AckRequest("bob", List.of(), null), AckRequest::toJson, AckRequest::fromJson);
    }

    @Test
    @DisplayName("an ack without seqs acknowledges no mail")
    void ackDefaults() {
        assertEquals(new AckRequest("bob", List.of(), null), AckRequest.fromJson(new JsonObject().put("user", "bob")));
    }

    @Test
    @DisplayName("a missing or mistyped field, an oversized id or a malformed message is refused")
    void refusals() {
        refuses(SendRequest::fromJson, new JsonObject().put("from", "alice").put("to", 3).put("text", "t"), "to");
        refuses(SendRequest::fromJson, new JsonObject().put("from", "alice").put("to", "bob"), "text");
        refuses(SendRequest::fromJson, new JsonObject().put("from", "alice").put("to", "bob").put("text", "t")
                .put("id", tooLong(BusCheck.ID_MAX)), "id");
        refuses(SendRequest::fromJson, new JsonObject().put("from", "alice").put("to", "bob").put("text", "t")
                .put("storeOnly", "yes"), "storeOnly");
        refuses(SendReply::fromJson, new JsonObject().put("id", "m-1").put("ts", 1), "stored");
        refuses(FetchRequest::fromJson, new JsonObject().put("upTo", 3), "user");
        refuses(FetchReply::fromJson, new JsonObject().put("expired", 0).put("skipped", 0)
                .put("private", new JsonArray().add(new JsonObject().put("id", "m").put("from", "a").put("text", 5))), "private[0].text");
        refuses(AckRequest::fromJson, new JsonObject().put("user", "bob").put("seqs", new JsonArray().add("x")), "seqs");
        refuses(AckRequest::fromJson, new JsonObject().put("user", "bob").put("groupSeq", "17"), "groupSeq");
        refusesNonObjects(SendRequest::fromJson);
        refusesNonObjects(AckRequest::fromJson);
    }
}
