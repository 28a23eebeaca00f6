/**
 * Rooms (issue 14): many named group chats with persistent membership, topics and moderation; the
 * contract in {@link dev.parley.service.room.RoomAddresses}, one record per message.
 */
package dev.parley.service.room;
