package dev.parley.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The logged-in connections of this node, shared by its gateway instances and its delivery
 * consumer: by user (private messages), by session id (kicks), and the gateway instances (broadcast).
 */
final class LocalSessions {
    private final Map<String, Connection> byUser = new ConcurrentHashMap<>();
    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();
    private final List<GatewayVerticle> gateways = new CopyOnWriteArrayList<>();

    void addGateway(GatewayVerticle g) {
        gateways.add(g);
    }

    void removeGateway(GatewayVerticle g) {
        gateways.remove(g);
    }

    List<GatewayVerticle> gateways() {
        return gateways;
    }

    void put(Connection c) {
        byUser.put(c.user(), c);
        bySession.put(c.sessionId(), c);
    }

    void remove(Connection c) {
        bySession.remove(c.sessionId(), c);
        byUser.remove(c.user(), c);
    }

    Connection byUser(String user) {
        return byUser.get(user);
    }

    Connection bySession(String session) {
        return bySession.get(session);
    }

    /** The live sessions as presence entries (for re-registering them after shared state was lost). */
    List<dev.parley.store.PresenceEntry> snapshot(String nodeId) {
        List<dev.parley.store.PresenceEntry> out = new java.util.ArrayList<>(bySession.size());
        for (Connection c : bySession.values()) {
            if (!c.closed()) out.add(new dev.parley.store.PresenceEntry(c.user(), c.name(), nodeId, c.sessionId(), c.away()));
        }
        return out;
    }

    int size() {
        return bySession.size();
    }
}
