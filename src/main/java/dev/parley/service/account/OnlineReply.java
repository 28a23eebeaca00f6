package dev.parley.service.account;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AccountAddresses#ONLINE}'s answer:
 * {"count","page","size","users":[{"user","name","node"}],"nodes":{node:count},"complete"}.
 *
 * @param count    users online in the cluster
 * @param users    this page, sorted by user id
 * @param nodes    users per node among those read (all of them when complete)
 * @param complete false when more users were online than the listing reads
 */
public record OnlineReply(long count, int page, int size, List<OnlineUser> users, Map<String, Integer> nodes,
                          boolean complete) {
    /** One online user and the node holding their session. */
    public record OnlineUser(String user, String name, String node) {
        JsonObject toJson() {
            return new JsonObject().put("user", user).put("name", name).put("node", node);
        }

        static BusCheck rules(BusCheck u) {
            return u.str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).str("node", BusCheck.ID_MAX);
        }

        static OnlineUser fromJson(JsonObject j) {
            return new OnlineUser(j.getString("user"), j.getString("name"), j.getString("node"));
        }
    }

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        users.forEach(u -> list.add(u.toJson()));
        return new JsonObject().put("count", count).put("page", page).put("size", size)
                .put("users", list).put("nodes", new JsonObject(new LinkedHashMap<>(nodes))).put("complete", complete);
    }

    public static OnlineReply fromJson(JsonObject j) {
        BusCheck.of(j).whole("count").optInt("page").optInt("size")
                .optObjects("users", AccountVerticle.ONLINE_PAGE_MAX, OnlineUser::rules).optCounts("nodes")
                .bool("complete").orThrow();
        List<OnlineUser> users = new ArrayList<>();
        j.getJsonArray("users", new JsonArray()).forEach(o -> users.add(OnlineUser.fromJson((JsonObject) o)));
        Map<String, Integer> nodes = new LinkedHashMap<>();
        j.getJsonObject("nodes", new JsonObject()).forEach(e -> nodes.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return new OnlineReply(j.getLong("count"), j.getInteger("page", 1), j.getInteger("size", 0), List.copyOf(users),
                nodes, j.getBoolean("complete"));
    }
}
