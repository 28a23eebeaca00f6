package dev.parley.protocol;

/** Anything the server sends to a client: a reply to a request, or an event. */
public sealed interface Outbound
        permits Reply, PresenceEvent, MessageEvent, TagEvent, ByeEvent, NoticeEvent, RoomNotice {
}
