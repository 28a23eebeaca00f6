/**
 * IRC (modern client protocol and IRCv3), pure: no Vert.x, no sockets, no I/O. The IRC gateway calls it.
 * <ul>
 * <li>Lines: {@link dev.parley.protocol.irc.IrcLineDecoder} (bytes to lines, 417 on long input),
 * {@link dev.parley.protocol.irc.IrcParser} and {@link dev.parley.protocol.irc.IrcWriter} ({@link
 * dev.parley.protocol.irc.IrcMessage} from and to one line), {@link dev.parley.protocol.irc.IrcTextSplitter} (long
 * text over several lines), {@link dev.parley.protocol.irc.IrcLimits}, {@link dev.parley.protocol.irc.IrcText},
 * {@link dev.parley.protocol.irc.IrcTags} (server-time, account, msgid).</li>
 * <li>Replies: {@link dev.parley.protocol.irc.Numerics} (numerics and standard replies),
 * {@link dev.parley.protocol.irc.ISupport} (005).</li>
 * <li>Connection state, decisions only: {@link dev.parley.protocol.irc.CapNegotiation},
 * {@link dev.parley.protocol.irc.SaslPlain}, {@link dev.parley.protocol.irc.Registration},
 * {@link dev.parley.protocol.irc.AccountCommands} (PASS, NickServ and REGISTER read into login and registration
 * requests), {@link dev.parley.protocol.irc.AccountReplies} (their outcomes as lines), {@link dev.parley.protocol.irc.Nicks},
 * {@link dev.parley.protocol.irc.IrcCaseMapping}.</li>
 * <li>Protocol sniffing on the shared port: {@link dev.parley.protocol.irc.IrcDetection}.</li>
 * <li>Command arguments: {@link dev.parley.protocol.irc.ChannelModes} (MODE strings, ban masks onto accounts),
 * {@link dev.parley.protocol.irc.IrcTargets} (target lists), {@link dev.parley.protocol.irc.ChatHistoryQuery} (CHATHISTORY
 * lines) and {@link dev.parley.protocol.irc.ChatHistoryWindow} (which messages answer them).</li>
 * <li>IRCv3 answers: {@link dev.parley.protocol.irc.IrcBatches} (batch), {@link dev.parley.protocol.irc.LabeledResponse}
 * (labeled-response: ACK, a tagged line or a batch).</li>
 * </ul>
 * What is supported and every deviation from the specifications: docs/irc.md.
 */
package dev.parley.protocol.irc;
