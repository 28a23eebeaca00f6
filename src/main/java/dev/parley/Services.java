package dev.parley;

import dev.parley.config.ParleyConfig;
import dev.parley.logging.Audit;
import dev.parley.service.Bus;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.account.AccountVerticle;
import dev.parley.service.auth.AuthVerticle;
import dev.parley.service.auth.HashQueue;
import dev.parley.service.auth.PasswordHasher;
import dev.parley.service.group.GroupVerticle;
import dev.parley.service.mailbox.MailboxVerticle;
import dev.parley.service.presence.OnlineListCounts;
import dev.parley.service.presence.PresenceVerticle;
import dev.parley.service.room.RoomVerticle;
import dev.parley.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;

/** The services behind a node's gateway: auth, presence, group, rooms, mailbox and account, on the event bus. */
final class Services {
    private Services() {
    }

    /** One bounded hashing queue per node: login, registration and account changes share it. Close it with the node. */
    static HashQueue hashQueue(ParleyConfig.Auth auth) {
        return new HashQueue("parley-hash", auth.hashThreads(), auth.hashQueueLogins(), auth.hashQueueRegistrations());
    }

    /** @param listCounts told where each login's and who's online list came from (the store, or a shared read) */
    static Future<Void> deploy(Vertx vertx, ParleyConfig config, Stores stores, Audit audit, HashQueue hashes, Bus bus,
                               Clock clock, OnlineListCounts listCounts) {
        RoomVerticle.RoomStores rooms = new RoomVerticle.RoomStores(stores.roomStore(), stores.roomHistory(), stores.readPositions(),
                stores.roomSpeech());
        Dedup dedup = new Dedup(stores.idempotency(), Duration.ofSeconds(config.messages().dedupWindowSeconds()), clock);
        MessageIds ids = new MessageIds();
        ParleyConfig.Auth auth = config.auth();
        // One hasher per node, built on the hashing threads: its start-up hash is as slow as a login's.
        return hashes.submit(vertx.getOrCreateContext(), HashQueue.Lane.LOGIN, () -> new PasswordHasher(auth.pbkdf2Iterations()))
                .compose(hasher -> Future.join(
                        vertx.deployVerticle(new AuthVerticle(bus, auth, stores.users(), stores.counters(), hashes, hasher)),
                        vertx.deployVerticle(new PresenceVerticle(bus, config.limits().whoListMax(),
                                config.limits().presenceFanoutMax(), stores.presence(), stores.lastSeen(),
                                rooms.rooms(), config.rooms(), config.limits().onlineListCacheMs(), listCounts)),
                        vertx.deployVerticle(new GroupVerticle(bus, config.history(), stores.groupHistory(), stores.lastSeen(),
                                clock)),
                        vertx.deployVerticle(new MailboxVerticle(bus, config.mailbox(), stores.users(), stores.mailbox(),
                                stores.lastSeen(), dedup, ids, clock)),
                        vertx.deployVerticle(new AccountVerticle(bus, auth, config.limits().maxTextChars(), stores, audit,
                                hashes, hasher, user -> RoomVerticle.forgetUser(vertx, config, rooms, stores.presence(), user, clock))),
                        vertx.deployVerticle(new RoomVerticle(bus, config, rooms,
                                stores.presence(), stores.counters(), dedup, ids, clock))))
                .mapEmpty();
    }
}
