package dev.parley.gateway.irc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.irc.CapNegotiation;
import dev.parley.protocol.irc.ChannelModes;
import dev.parley.protocol.irc.ClientTags;
import dev.parley.protocol.irc.IrcCaseMapping;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.IrcTargets;
import dev.parley.protocol.irc.Nicks;
import dev.parley.protocol.irc.Numerics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * IRC commands of a logged-in client onto Parley's requests (the same handlers JSON clients reach): channels are
 * rooms, nicks are accounts. One line of syntax above each command; errors go through {@link IrcErrors}.
 */
final class IrcCommands {
    private final IrcSession s;
    private final IrcAway away;
    /** User mode +i of this connection: kept and shown (221), with no effect on who sees the user. */
    private boolean invisible;

    IrcCommands(IrcSession session) {
        this.s = session;
        this.away = new IrcAway(session);
    }

    /** Runs a channel or query command; false when the command is unknown. */
    boolean run(IrcMessage m) {
        switch (m.command()) {
            case "JOIN" -> join(m);
            case "PART" -> part(m);
            case "NAMES" -> names(m);
            case "LIST" -> list();
            case "TOPIC" -> topic(m);
            case "KICK" -> kick(m);
            case "INVITE" -> invite(m);
            case "MODE" -> mode(m);
            case "WHO" -> who(m);
            case "WHOIS" -> whois(m);
            case "AWAY" -> away.away(m.params().isEmpty() ? null : m.last());
            case "ISON" -> ison(m);
            case "USERHOST" -> userhost(m);
            case "TAGMSG" -> tagmsg(m);
            default -> {
                return false;
            }
        }
        return true;
    }

    private Numerics n() {
        return s.numerics();
    }

    private String me() {
        return s.client();
    }

    private String mask(String nick) {
        return s.info().renderer().mask(nick);
    }

    private boolean needs(IrcMessage m, int params) {
        if (m.params().size() >= params && !m.param(0).isEmpty()) return true;
        s.send(n().needMoreParams(me(), m.command()));
        return false;
    }

    private static ObjectNode room(String channel) {
        return Json.object().put(Fields.ROOM, channel);
    }

    /** Logged in: JOIN lines for each room the session is in, with topic and names, as if it had just joined. */
    void joinedAtLogin() {
        for (String channel : s.channels()) {
            s.send(s.info().renderer().join(me(), null, channel, s.variant()));
            s.request(Ops.TOPIC, room(channel), t -> {
                if (t.ok()) topicLines(channel, t.fields());
                names(channel);
            });
        }
    }

    // PRIVMSG|NOTICE <target>{,<target>} <text>
    void message(IrcMessage m) {
        boolean notice = m.is("NOTICE");
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            if (!notice) s.send(n().noRecipient(me(), m.command()));
            return;
        }
        if (m.params().size() < 2 || m.last().isEmpty()) {
            if (!notice) s.send(n().noTextToSend(me()));
            return;
        }
        List<String> targets = IrcTargets.split(m.param(0));
        String text = m.last();
        Map<String, String> tags = ClientTags.of(m.tags());
        for (int i = 0; i < targets.size() && i < IrcServerInfo.MAX_TARGETS; i++) {
            String target = targets.get(i);
            boolean channel = IrcTargets.isChannel(target);
            if (!channel && !Nicks.valid(target)) {
                if (!notice) s.send(n().noSuchNick(me(), target));
                continue;
            }
            ObjectNode f = withTags(channel ? room(target).put(Fields.TEXT, text) : Json.object().put(Fields.TO, target).put(Fields.TEXT, text), tags);
            s.request(channel ? Ops.SAY : Ops.MSG, f, r -> {
                // NOTICE is never answered with an error (RFC 2812), PRIVMSG is.
                if (!r.ok() && !notice) s.send(s.error(r, m.command(), channel ? target : null, channel ? null : target));
                else if (r.ok()) {
                    if (s.capEnabled(CapNegotiation.ECHO_MESSAGE)) s.send(EchoMessage.lines(s, m.command(), target, channel, text, tags, r));
                    if (!notice && !channel) away.afterPrivateMessage(target, r.fields());
                }
            });
        }
    }

    // TAGMSG <target>{,<target>}  (its client-only tags: +typing, +draft/react...; relayed live like PRIVMSG, never stored)
    private void tagmsg(IrcMessage m) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) {
            s.send(n().noRecipient(me(), m.command()));
            return;
        }
        List<String> targets = IrcTargets.split(m.param(0));
        Map<String, String> tags = ClientTags.of(m.tags());
        for (int i = 0; i < targets.size() && i < IrcServerInfo.MAX_TARGETS; i++) {
            String target = targets.get(i);
            boolean channel = IrcTargets.isChannel(target);
            if (!channel && !Nicks.valid(target)) {
                s.send(n().noSuchNick(me(), target));
                continue;
            }
            ObjectNode f = withTags(channel ? room(target) : Json.object().put(Fields.TO, target), tags);
            s.request(Ops.TAGMSG, f, r -> {
                if (!r.ok()) s.send(s.error(r, m.command(), channel ? target : null, channel ? null : target));
                else if (s.capEnabled(CapNegotiation.ECHO_MESSAGE)) s.send(EchoMessage.tagmsg(s, target, channel, tags, r));
            });
        }
    }

    private static ObjectNode withTags(ObjectNode f, Map<String, String> tags) {
        if (tags.isEmpty()) return f;
        ObjectNode t = f.putObject(Fields.TAGS);
        tags.forEach(t::put);
        return f;
    }

    // JOIN <channel>{,<channel>} [<key>{,<key>}]  (keys are ignored: rooms have none)
    private void join(IrcMessage m) {
        if (!needs(m, 1)) return;
        if (m.param(0).equals("0")) {
            for (String channel : s.channels()) partOne(channel, null);
            return;
        }
        List<String> joined = s.channels();
        for (String channel : IrcTargets.split(m.param(0))) {
            if (!IrcTargets.isChannel(channel)) {
                s.send(n().noSuchChannel(me(), channel));
                continue;
            }
            // Already in it (a client's autojoin after the login JOINs): ignored, as servers do.
            if (joined.stream().anyMatch(c -> IrcCaseMapping.equal(c, channel))) continue;
            s.request(Ops.JOIN, room(channel), r -> {
                if (!r.ok()) {
                    s.send(s.error(r, "JOIN", channel, null));
                    return;
                }
                JsonNode room = r.fields().path(Fields.ROOM);
                String display = room.path(Fields.DISPLAY).asText(channel);
                s.send(s.info().renderer().join(me(), null, display, s.variant()));
                String topic = room.path(Fields.TOPIC).asText("");
                if (!topic.isEmpty()) s.send(n().topic(me(), display, topic));
                names(display);
            });
        }
    }

    // PART <channel>{,<channel>} [<reason>]
    private void part(IrcMessage m) {
        if (!needs(m, 1)) return;
        String reason = m.params().size() > 1 ? m.last() : null;
        for (String channel : IrcTargets.split(m.param(0))) partOne(channel, reason);
    }

    private void partOne(String channel, String reason) {
        ObjectNode f = room(channel);
        if (reason != null) f.put(Fields.REASON, reason);
        s.request(Ops.PART, f, r -> {
            if (!r.ok()) {
                s.send(s.error(r, "PART", channel, null));
                return;
            }
            String display = r.fields().path(Fields.ROOM).asText(channel);
            s.send(reason == null ? IrcMessage.from(mask(me()), "PART", display)
                    : IrcMessage.from(mask(me()), "PART", display, reason));
        });
    }

    // NAMES <channel>{,<channel>}
    private void names(IrcMessage m) {
        if (m.params().isEmpty()) {
            s.send(n().endOfNames(me(), "*"));
            return;
        }
        for (String channel : IrcTargets.split(m.param(0))) names(channel);
    }

    /** 353s and 366 from the room's members (online ones: an IRC channel lists who is there), @ for operators. */
    private void names(String channel) {
        members(channel, r -> {
            if (!r.ok()) {
                s.send(n().endOfNames(me(), channel));
                return;
            }
            String display = r.fields().path(Fields.ROOM).asText(channel);
            List<String> nicks = new ArrayList<>();
            for (JsonNode member : r.fields().path(Fields.MEMBERS)) {
                if (!member.path(Fields.ONLINE).asBoolean()) continue;
                nicks.add((member.path(Fields.IS_OP).asBoolean() ? "@" : "") + member.path(Fields.USER).asText());
            }
            s.send(n().names(me(), "=", display, nicks));
        });
    }

    private void members(String channel, Consumer<Reply> then) {
        s.request(Ops.MEMBERS, room(channel), then);
    }

    // LIST
    private void list() {
        s.request(Ops.ROOMS, Json.object(), r -> {
            s.send(n().listStart(me()));
            if (r.ok()) {
                for (JsonNode room : r.fields().path(Fields.ROOMS)) {
                    s.send(n().list(me(), room.path(Fields.DISPLAY).asText(room.path(Fields.NAME).asText()),
                            room.path(Fields.ONLINE).asLong(), room.path(Fields.TOPIC).asText("")));
                }
            }
            s.send(n().listEnd(me()));
        });
    }

    // TOPIC <channel> [<topic>]
    private void topic(IrcMessage m) {
        if (!needs(m, 1)) return;
        String channel = m.param(0);
        ObjectNode f = room(channel);
        boolean setting = m.params().size() > 1;
        if (setting) f.put(Fields.TEXT, m.last());
        s.request(Ops.TOPIC, f, r -> {
            if (!r.ok()) {
                s.send(s.error(r, "TOPIC", channel, null));
                return;
            }
            String display = r.fields().path(Fields.ROOM).asText(channel);
            if (setting) s.send(IrcMessage.from(mask(me()), "TOPIC", display, r.fields().path(Fields.TOPIC).asText("")));
            else topicLines(display, r.fields());
        });
    }

    private void topicLines(String channel, JsonNode t) {
        String topic = t.path(Fields.TOPIC).asText("");
        if (topic.isEmpty()) {
            s.send(n().noTopic(me(), channel));
            return;
        }
        s.send(n().topic(me(), channel, topic));
        String by = t.path(Fields.BY).asText("");
        if (!by.isEmpty()) s.send(n().topicWhoTime(me(), channel, by, t.path(Fields.TS).asLong() / 1000));
    }

    // KICK <channel> <user> [<comment>]
    private void kick(IrcMessage m) {
        if (!needs(m, 2)) return;
        String channel = m.param(0);
        String nick = m.param(1);
        ObjectNode f = room(channel).put(Fields.USER, nick);
        if (m.params().size() > 2) f.put(Fields.REASON, m.last());
        // The KICK line comes as the room's event, to the kicker too.
        s.request(Ops.KICK, f, r -> {
            if (!r.ok()) s.send(s.error(r, "KICK", channel, nick));
        });
    }

    // INVITE <nickname> <channel>
    private void invite(IrcMessage m) {
        if (!needs(m, 2)) return;
        String nick = m.param(0);
        String channel = m.param(1);
        s.request(Ops.INVITE, room(channel).put(Fields.USER, nick), r -> {
            if (!r.ok()) s.send(s.error(r, "INVITE", channel, nick));
            else s.send(n().inviting(me(), nick, r.fields().path(Fields.ROOM).asText(channel)));
        });
    }

    // MODE <target> [<modestring> [<mode arguments>...]]
    private void mode(IrcMessage m) {
        if (!needs(m, 1)) return;
        String target = m.param(0);
        if (!IrcTargets.isChannel(target)) {
            if (!target.equals(me())) s.send(n().usersDontMatch(me()));
            else if (m.params().size() > 1) userMode(m.param(1));
            else s.send(n().userModeIs(me(), invisible ? "+i" : "+"));
            return;
        }
        if (m.params().size() == 1) {
            // The members reply carries the room's modes (invite-only, creation time).
            members(target, r -> {
                if (!r.ok()) s.send(s.error(r, "MODE", target, null));
                else s.send(ChannelModeLines.modeIs(n(), me(), r.fields().path(Fields.ROOM).asText(target), r.fields()));
            });
            return;
        }
        ChannelModes.Parsed parsed = ChannelModes.parse(m.params().subList(1, m.params().size()), IrcServerInfo.MODES);
        for (Character c : parsed.unknown()) s.send(n().unknownMode(me(), c));
        if (parsed.listBans()) {
            members(target, r -> {
                if (!r.ok()) s.send(s.error(r, "MODE", target, null));
                else s.send(ChannelModeLines.banList(n(), me(), r.fields().path(Fields.ROOM).asText(target), r.fields()));
            });
        }
        for (ChannelModes.Change change : parsed.changes()) modeChange(target, change);
    }

    // MODE <me> {+|-}i...  (irssi sends +i at connect; 004 lists i; it changes nothing else in Parley)
    private void userMode(String modes) {
        StringBuilder applied = new StringBuilder();
        boolean add = true;
        boolean unknown = false;
        for (char c : modes.toCharArray()) {
            if (c == '+' || c == '-') add = c == '+';
            else if (c != 'i') unknown = true;
            else if (invisible != add) {
                invisible = add;
                applied.append(add ? "+i" : "-i");
            }
        }
        if (unknown) s.send(n().unknownUserModeFlag(me()));
        if (!applied.isEmpty()) s.send(IrcMessage.from(mask(me()), "MODE", me(), applied.toString()));
    }

    private void modeChange(String channel, ChannelModes.Change change) {
        String op;
        ObjectNode f = room(channel);
        String nick = change.argument();
        switch (change.mode()) {
            case 'o' -> {
                op = Ops.MODE;
                f.put(change.add() ? Fields.GRANT_OP : Fields.REVOKE_OP, nick);
            }
            case 'b' -> {
                nick = ChannelModes.bannedAccount(change.argument());
                if (nick == null) {
                    s.send(n().noSuchNick(me(), change.argument()));
                    return;
                }
                op = change.add() ? Ops.BAN : Ops.UNBAN;
                f.put(Fields.USER, nick);
            }
            case 'i' -> {
                op = Ops.MODE;
                f.put(Fields.INVITE_ONLY, change.add());
            }
            default -> {
                s.send(n().unknownMode(me(), change.mode()));
                return;
            }
        }
        String who = nick;
        s.request(op, f, r -> {
            if (!r.ok()) {
                s.send(s.error(r, "MODE", channel, change.mode() == 'i' ? null : who));
                return;
            }
            // The setter's own line (the room's mode event goes to the other members).
            String display = r.fields().path(Fields.ROOM).asText(channel);
            s.send(ChannelModeLines.change(mask(me()), display, change.flag(), change.mode() == 'i' ? null : who));
        });
    }

    // WHO <channel|nick>
    private void who(IrcMessage m) {
        String mask = m.params().isEmpty() ? "*" : m.param(0);
        if (IrcTargets.isChannel(mask)) {
            members(mask, r -> {
                if (r.ok()) {
                    String display = r.fields().path(Fields.ROOM).asText(mask);
                    for (JsonNode member : r.fields().path(Fields.MEMBERS)) {
                        if (!member.path(Fields.ONLINE).asBoolean()) continue;
                        String nick = member.path(Fields.USER).asText();
                        s.send(n().whoReply(me(), display, nick, s.info().server(), nick,
                                IrcAway.hereOrGone(member) + (member.path(Fields.IS_OP).asBoolean() ? "@" : ""),
                                member.path(Fields.NAME).asText(nick)));
                    }
                }
                s.send(n().endOfWho(me(), mask));
            });
            return;
        }
        online(users -> {
            JsonNode u = users.get(mask);
            if (u != null) s.send(n().whoReply(me(), "*", mask, s.info().server(), mask, IrcAway.hereOrGone(u), u.path(Fields.NAME).asText(mask)));
            s.send(n().endOfWho(me(), mask));
        });
    }

    // WHOIS <nick>
    private void whois(IrcMessage m) {
        if (m.params().isEmpty()) {
            s.send(n().noNicknameGiven(me()));
            return;
        }
        String nick = m.last();
        online(users -> {
            JsonNode u = users.get(nick);
            if (u == null) {
                s.send(n().noSuchNick(me(), nick));
            } else {
                s.send(n().whoisUser(me(), nick, nick, s.info().server(), u.path(Fields.NAME).asText(nick)));
                s.send(n().whoisServer(me(), nick, s.info().server(), s.info().network()));
                away.whois(nick, u);
                s.send(n().whoisAccount(me(), nick, nick));
            }
            s.send(n().endOfWhois(me(), nick));
        });
    }

    // ISON <nick>{ <nick>}
    private void ison(IrcMessage m) {
        if (!needs(m, 1)) return;
        online(users -> {
            List<String> on = new ArrayList<>();
            for (String p : m.params()) for (String nick : p.split(" ")) if (users.get(nick) != null) on.add(nick);
            s.send(n().ison(me(), on));
        });
    }

    // USERHOST <nick>{ <nick>}
    private void userhost(IrcMessage m) {
        if (!needs(m, 1)) return;
        online(users -> {
            List<String> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String nick : m.params()) {
                if (users.get(nick) != null && seen.add(nick) && entries.size() < 5) {
                    entries.add(Numerics.userhostEntry(nick, false, IrcAway.isAway(users.get(nick)),
                            nick + "@" + s.info().server()));
                }
            }
            s.send(n().userhost(me(), entries));
        });
    }

    /** Who is online (the presence listing, up to limits.whoListMax), by account. */
    private void online(Consumer<java.util.Map<String, JsonNode>> then) {
        s.request(Ops.WHO, Json.object(), r -> {
            java.util.Map<String, JsonNode> users = new java.util.HashMap<>();
            if (r.ok()) for (JsonNode u : r.fields().path(Fields.ONLINE)) users.put(u.path(Fields.USER).asText(), u);
            then.accept(users);
        });
    }
}
