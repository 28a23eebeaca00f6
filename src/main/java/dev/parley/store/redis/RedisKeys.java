package dev.parley.store.redis;

/**
 * Every key the Redis stores use, in one place (the layout is documented in docs/cluster.md).
 * Names are prefix + type + optional id; ids go last, so an id containing ':' cannot collide with another type.
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Hash: user id -> account JSON. */
    String users() {
        return prefix + "users";
    }

    /** Sorted set: score = mailbox seq, member = "seq|message JSON"; expires mailbox TTL after the last append. */
    String mailbox(String user) {
        return prefix + "mail:" + user;
    }

    /**
     * Hash of one mailbox's quota counters: "bytes" (sum of the messages' JSON bytes) and "s:" + sender (messages
     * from that sender). Written only by the mailbox scripts, with the mailbox's expiry.
     */
    String mailMeta(String user) {
        return prefix + "mail-meta:" + user;
    }

    /** Hash: user -> last mailbox seq handed out. Never expires, so seqs never restart under a client's feet. */
    String mailSeq() {
        return prefix + "mail-seq";
    }

    /** Stream: id "seq-0", fields ts and m (message JSON); capped at the history size. */
    String groupLog() {
        return prefix + "group:log";
    }

    /** String counter: the newest group seq (the head). */
    String groupSeq() {
        return prefix + "group:seq";
    }

    /** Hash: user -> last group seq seen. */
    String lastSeen() {
        return prefix + "last-seen";
    }

    /** Sorted set (all scores 0, so ordered by name): every room's canonical name. */
    String rooms() {
        return prefix + "rooms";
    }

    /** Hash: a room's scalar metadata (display, topic, topicBy, topicTs, owner, inviteOnly, createdAt). */
    String roomMeta(String room) {
        return roomMetaPrefix() + room;
    }

    /** Set: a room's operators. */
    String roomOps(String room) {
        return roomOpsPrefix() + room;
    }

    /** Set: users banned from a room. */
    String roomBans(String room) {
        return roomBansPrefix() + room;
    }

    /** Set: users invited to a room (an invitation is used up by joining). */
    String roomInvites(String room) {
        return roomInvitesPrefix() + room;
    }

    /** Sorted set (scores 0, ordered by user): a room's members. */
    String roomMembers(String room) {
        return roomMembersPrefix() + room;
    }

    /** Sorted set (scores 0, ordered by room): the rooms a user is a member of. */
    String userRooms(String user) {
        return prefix + "user-rooms:" + user;
    }

    /** Stream: a room's log, like {@link #groupLog()} (the default room's log is the group log itself). */
    String roomLog(String room) {
        return prefix + "room:log:" + room;
    }

    /** String counter: a room's newest seq, like {@link #groupSeq()}. */
    String roomSeq(String room) {
        return prefix + "room:seq:" + room;
    }

    /** Hash: room -> last seq the user saw (the default room's position is in {@link #lastSeen()}). */
    String readPositions(String user) {
        return prefix + "read-pos:" + user;
    }

    // Scripts that find rooms while running (removing a user) build their keys from these prefixes.
    String roomMetaPrefix() {
        return prefix + "room:meta:";
    }

    String roomOpsPrefix() {
        return prefix + "room:ops:";
    }

    String roomBansPrefix() {
        return prefix + "room:bans:";
    }

    String roomInvitesPrefix() {
        return prefix + "room:invites:";
    }

    String roomMembersPrefix() {
        return prefix + "room:members:";
    }

    /** String with a PX expiry: the remembered reply of a client id. */
    String idempotency(String key) {
        return prefix + "idem:" + key;
    }

    /** String counter with a PX expiry: one rate-limit window (e.g. login attempts of a user from an address). */
    String counter(String key) {
        return prefix + "rate:" + key;
    }

    /** Hash: user -> presence entry JSON. */
    String presence() {
        return prefix + "presence";
    }

    /** Set of users whose current entry names {@code node}; scripts build it as {@link #nodeUsersPrefix()} + node. */
    String nodeUsers(String node) {
        return nodeUsersPrefix() + node;
    }

    /**
     * String with a PX expiry ({@code PresenceStore.REPLACED_TTL}): the session was taken over by a newer login, so
     * re-registration must not put it back. Written by the JOIN script, which builds it as {@link #replacedPrefix()}
     * + session.
     */
    String replaced(String session) {
        return replacedPrefix() + session;
    }

    String replacedPrefix() {
        return prefix + "presence:replaced:";
    }

    String nodeUsersPrefix() {
        return prefix + "presence:node:";
    }
}
