package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** {@link RoomAddresses#MEMBERS}'s answer: {"room","members":[member...],"count","next"?}; count is the true total. */
public record MembersReply(String room, List<Member> members, long count, String next) {
    static final int MAX_MEMBERS = 100_000;

    public JsonObject toJson() {
        JsonArray a = new JsonArray();
        members.forEach(m -> a.add(m.toJson()));
        JsonObject j = new JsonObject().put("room", room).put("members", a).put("count", count);
        if (next != null) j.put("next", next);
        return j;
    }

    public static MembersReply fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).optObjects("members", MAX_MEMBERS, Member::rules).whole("count")
                .optStr("next", BusCheck.ID_MAX).orThrow();
        List<Member> members = j.getJsonArray("members", new JsonArray()).stream().map(o -> Member.fromJson((JsonObject) o)).toList();
        return new MembersReply(j.getString("room"), members, j.getLong("count"), j.getString("next"));
    }
}
