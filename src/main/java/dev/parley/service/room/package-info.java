/**
 * Rooms (issue 14): many named group chats with persistent membership, topics and moderation; the
 * contract in {@link dev.parley.service.room.RoomAddresses}, one record per message.
 * {@link dev.parley.service.room.RoomVerticle} only routes: {@code RoomJoins} (join, part, account deletion),
 * {@code RoomSay} (say, in every room, the default one included), {@code RoomChat} (history, missed, read positions), {@code RoomModeration} (topic and operators' actions),
 * {@code RoomListings} (rooms, members, a user's rooms); {@code RoomPolicy} says who may do what,
 * {@code RoomEvents} publishes to the room's address ({@link dev.parley.service.room.DefaultRoom} decides where
 * the default room's go).
 */
package dev.parley.service.room;
