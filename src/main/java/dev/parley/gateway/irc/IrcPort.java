package dev.parley.gateway.irc;

import dev.parley.protocol.Request;

import java.util.List;

/** What an {@link IrcSession} needs of its connection (implemented by the gateway's connection). */
public interface IrcPort {
    /** Writes IRC lines to this client. */
    void write(byte[] lines);

    /** Runs a Parley request through the gateway's command table; its reply comes back to {@link IrcSession#reply}. */
    void request(Request request);

    /** The channels (rooms' display names) this session is in, the default room included when it is in it. */
    List<String> channels();

    /** Online users on this node (LUSERS' local count). */
    int localUsers();

    /** Closes the connection once what was written is out. */
    void close();
}
