package dev.parley.service.group;

/** The group room's contract on the event bus. */
public final class GroupAddresses {
    /** {"from","name","text","cid"?} -> {"id","ts"}; the message is stored, then published to every node. */
    public static final String SAY = "parley.group.say";

    private GroupAddresses() {
    }
}
