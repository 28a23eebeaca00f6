package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.Dedup;
import dev.parley.service.Empty;
import dev.parley.service.MessageIds;
import dev.parley.service.PerKeyQueue;
import dev.parley.store.CounterStore;
import dev.parley.store.PresenceStore;
import dev.parley.store.ReadPositionStore;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.RoomSpeech;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The rooms service on the bus ({@link RoomAddresses}): each address parsed into its record and handed to
 * the class that does that job; failures answered with the catalogue's codes. Consumers are node-local, the
 * stores shared. Starts once the default room's record exists.
 */
public final class RoomVerticle extends VerticleBase {
    /** The stores the rooms service is made of; {@code speech} stores a say in one step. */
    public record RoomStores(RoomStore rooms, RoomHistoryStore history, ReadPositionStore reads, RoomSpeech speech) {
    }

    private final Bus bus;
    private final ParleyConfig config;
    private final RoomStores stores;
    private final PresenceStore presence;
    private final CounterStore counters;
    private final Dedup dedup;
    private final MessageIds ids;
    private final Clock clock;
    /** One sender's messages are stored, hence sequenced, in the order they arrived. */
    private final PerKeyQueue perSender = new PerKeyQueue();
    private RoomJoins joins;
    private RoomChat chat;
    private RoomSay says;
    private RoomTagRelay tags;
    private RoomModeration moderation;
    private RoomListings listings;

    public RoomVerticle(Bus bus, ParleyConfig config, RoomStores stores, PresenceStore presence, CounterStore counters,
                        Dedup dedup, MessageIds ids, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.stores = stores;
        this.presence = presence;
        this.counters = counters;
        this.dedup = dedup;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        DefaultRoom defaultRoom = DefaultRoom.of(config.rooms());
        RoomAccess access = new RoomAccess(stores.rooms(), defaultRoom);
        RoomEvents events = new RoomEvents(vertx.eventBus(), defaultRoom, presence, stores.rooms(),
                config.rooms().presenceFanoutMax(), clock);
        listings = new RoomListings(config.rooms(), stores.rooms(), stores.history(), stores.reads(), presence, access);
        joins = new RoomJoins(config.rooms(), stores.rooms(), stores.history(), stores.reads(), counters, events,
                listings::view, clock);
        chat = new RoomChat(config.history(), stores.history(), stores.reads(), access, clock);
        says = new RoomSay(stores.speech(), stores.history(), defaultRoom, events, dedup, ids, clock);
        tags = new RoomTagRelay(access, events, ids, clock);
        moderation = new RoomModeration(stores.rooms(), access, joins, events, defaultRoom, config.limits().maxTextChars(), clock);
        int historyMax = config.rooms().listMax();
        return joins.ensureDefaultRoom().compose(v -> Future.join(List.of(
                serve(RoomAddresses.JOIN, JoinRoomRequest::fromJson, joins::join),
                serve(RoomAddresses.PART, PartRequest::fromJson, joins::part),
                serve(RoomAddresses.SAY, RoomSayRequest::fromJson, r -> perSender.submit(r.from(), () -> says.say(r))),
                serve(RoomAddresses.TAGS, RoomTagsRequest::fromJson, tags::relay),
                serve(RoomAddresses.TOPIC, TopicRequest::fromJson, moderation::topic),
                serve(RoomAddresses.MODERATE, ModerateRequest::fromJson, moderation::moderate),
                serve(RoomAddresses.LIST, ListRoomsRequest::fromJson, listings::list),
                serve(RoomAddresses.MEMBERS, MembersRequest::fromJson, listings::members),
                serve(RoomAddresses.HISTORY, RoomHistoryRequest::fromJson, r -> chat.history(r, historyMax)),
                serve(RoomAddresses.MINE, MyRoomsRequest::fromJson, listings::mine),
                serve(RoomAddresses.MISSED, MissedRequest::fromJson, chat::missed),
                serve(RoomAddresses.READ, ReadPositionsRequest::fromJson, r -> chat.read(r).map(x -> Empty.INSTANCE.toJson())))));
    }

    /** What a deleted account leaves in rooms goes: its memberships (co-members told it parted) and read positions. */
    public static Future<Void> forgetUser(io.vertx.core.Vertx vertx, ParleyConfig config, RoomStores stores,
                                          PresenceStore presence, String user, Clock clock) {
        RoomEvents events = new RoomEvents(vertx.eventBus(), DefaultRoom.of(config.rooms()), presence, stores.rooms(),
                config.rooms().presenceFanoutMax(), clock);
        // Leaving creates no room and shows none: no counters, no views.
        return new RoomJoins(config.rooms(), stores.rooms(), stores.history(), stores.reads(), null, events, null, clock)
                .leaveAll(user);
    }

    private <R> Future<Void> serve(String address, Function<JsonObject, R> parse, Function<R, Future<JsonObject>> handler) {
        return vertx.eventBus().<JsonObject>localConsumer(address, m -> bus.answer(m, "rooms", parse, handler)).completion();
    }
}
