package dev.parley.service.group;

import dev.parley.service.Empty;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parley.service.Contracts.refuses;
import static dev.parley.service.Contracts.refusesNonObjects;
import static dev.parley.service.Contracts.roundTrips;

class GroupContractsTest {
    @Test
    @DisplayName("say replies, head and history messages cross the bus unchanged (saying is the rooms service's: RoomContractsTest)")
    void roundTrip() {
        roundTrips(new SayReply("m-1", 1_700_000_000_000L), SayReply::toJson, SayReply::fromJson);
        roundTrips(Empty.INSTANCE, Empty::toJson, Empty::fromJson);
        roundTrips(new HeadReply(42), HeadReply::toJson, HeadReply::fromJson);
        roundTrips(new HistoryRequest("bob", 42L), HistoryRequest::toJson, HistoryRequest::fromJson);
        roundTrips(new HistoryRequest("bob", null), HistoryRequest::toJson, HistoryRequest::fromJson);
        roundTrips(new HistoryReply(List.of(new StoredMessage("m-1", "alice", "Alice", null, "hi", 1000, 7),
                new StoredMessage("m-2", "carol", null, null, "yo", 1001, 8)), 3), HistoryReply::toJson, HistoryReply::fromJson);
    }

    @Test
    @DisplayName("a missing or mistyped field or a malformed history message is refused")
    void refusals() {
        refuses(SayReply::fromJson, new JsonObject().put("id", "m-1").put("ts", "now"), "ts");
        refuses(HeadReply::fromJson, new JsonObject(), "head");
        refuses(HistoryRequest::fromJson, new JsonObject().put("user", "bob").put("upTo", 1.5), "upTo");
        refuses(HistoryReply::fromJson, new JsonObject().put("skipped", 0)
                .put("messages", new JsonArray().add(new JsonObject().put("id", "m").put("from", "a"))), "messages[0].text");
        refuses(HistoryReply::fromJson, new JsonObject().put("skipped", 0).put("messages", new JsonArray().add("m")), "messages[0]");
        refusesNonObjects(Empty::fromJson);
    }
}
