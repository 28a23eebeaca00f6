package dev.parley.service.room;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@link RoomAddresses#MEMBERS}'s answer: {"room","members":[member...],"count","next"?,"inviteOnly","createdAt",
 * "banned"?}; count is the true total. The room's modes come with its members (IRC's MODE #room reads them):
 * {@code createdAt} is when the room was created (ms, 0 when unknown); {@code banned}, the banned accounts (sorted, at
 * most rooms.listMax), is shown to the room's operators only (null for anyone else).
 */
public record MembersReply(String room, List<Member> members, long count, String next, boolean inviteOnly, long createdAt,
                           List<String> banned) {
    static final int MAX_MEMBERS = 100_000;

    /** Without modes (an open room of unknown age, bans not shown). */
    public MembersReply(String room, List<Member> members, long count, String next) {
        this(room, members, count, next, false, 0, null);
    }

    public JsonObject toJson() {
        JsonArray a = new JsonArray();
        members.forEach(m -> a.add(m.toJson()));
        JsonObject j = new JsonObject().put("room", room).put("members", a).put("count", count);
        if (next != null) j.put("next", next);
        j.put("inviteOnly", inviteOnly).put("createdAt", createdAt);
        if (banned != null) j.put("banned", new JsonArray(banned));
        return j;
    }

    public static MembersReply fromJson(JsonObject j) {
        BusCheck.of(j).str("room", BusCheck.ID_MAX).optObjects("members", MAX_MEMBERS, Member::rules).whole("count")
                .optStr("next", BusCheck.ID_MAX).optBool("inviteOnly").optLong("createdAt")
                .optStrs("banned", MAX_MEMBERS, BusCheck.ID_MAX).orThrow();
        List<Member> members = j.getJsonArray("members", new JsonArray()).stream().map(o -> Member.fromJson((JsonObject) o)).toList();
        JsonArray banned = j.getJsonArray("banned");
        return new MembersReply(j.getString("room"), members, j.getLong("count"), j.getString("next"),
                j.getBoolean("inviteOnly", false), j.getLong("createdAt", 0L),
                banned == null ? null : banned.stream().map(String.class::cast).toList());
    }
}
