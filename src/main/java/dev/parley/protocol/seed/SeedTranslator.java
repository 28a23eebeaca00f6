package dev.parley.protocol.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.DisplayText;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the seed protocol onto Parley's requests and events. The stock client only knows six message
 * types and only integer user ids, so: users with other ids are invisible to it; private, offline and
 * server messages arrive as printable {@code SmsMes} whose content says what they are; server notices
 * carry user id 0, which no account can have. Every printed string is made one safe line
 * ({@link DisplayText}): the stock client prints content as is, so a message must not forge lines.
 */
public final class SeedTranslator {
    /** The id on server notices; seed user ids are positive. */
    public static final long SERVER_ID = 0;

    private static final DateTimeFormatter OFFLINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public SeedTranslator(ZoneId zone) {
        this.zone = zone;
    }

    /** The request a client message stands for; the {@code userId} inside SmsMes is ignored (never trusted). */
    public static Request toRequest(SeedMessage m) {
        ObjectNode f = Json.object();
        if (m instanceof SeedMessage.LoginMes login) {
            f.put(Fields.USER, Long.toString(login.userId())).put(Fields.PASSWORD, login.userPwd());
            return new Request(Ops.LOGIN, null, f);
        }
        if (m instanceof SeedMessage.RegisterMes reg) {
            SeedUser u = reg.user();
            f.put(Fields.USER, Long.toString(u.userId())).put(Fields.PASSWORD, u.userPwd());
            if (!u.userName().isBlank()) f.put(Fields.NAME, u.userName());
            return new Request(Ops.REGISTER, null, f);
        }
        if (m instanceof SeedMessage.SmsMes sms) {
            f.put(Fields.TEXT, sms.content());
            return new Request(Ops.SAY, null, f);
        }
        // Server-to-client types sent by a client: answer like any unknown command.
        return new Request(m.type(), null, f);
    }

    /** The seed message for an outbound frame, or null when a seed client should see nothing. */
    public SeedMessage fromOutbound(Outbound out) {
        if (out instanceof Reply r) return fromReply(r);
        if (out instanceof PresenceEvent p) {
            Long id = seedId(p.user());
            // The seed protocol knows online and offline only.
            if (id == null || p.awayChange()) return null;
            return p.online() ? SeedMessage.NotifyUserStatusMes.online(id) : SeedMessage.NotifyUserStatusMes.offline(id);
        }
        if (out instanceof MessageEvent m) {
            Long from = seedId(m.from());
            if (from == null) return null;
            String prefix = "";
            if (m.offline()) {
                prefix = "[offline " + OFFLINE_TIME.format(Instant.ofEpochMilli(m.ts()).atZone(zone))
                        + (m.group() ? "] " : " private] ");
            } else if (!m.group()) {
                prefix = "[private] ";
            }
            return SeedMessage.SmsMes.group(DisplayText.oneLine(prefix + m.text()), from);
        }
        if (out instanceof ByeEvent b) return notice("[server] " + b.reason().name() + ": " + b.message());
        if (out instanceof NoticeEvent n) return notice("[server] " + n.message());
        return null;
    }

    private SeedMessage fromReply(Reply r) {
        switch (r.op()) {
            case Ops.LOGIN:
                if (r.ok()) return SeedMessage.LoginResMes.ok(onlineIds(r.fields()));
                if (r.error() == ChatError.BAD_CREDENTIALS) return SeedMessage.LoginResMes.wrongPassword();
                return new SeedMessage.LoginResMes(SeedMessage.LoginResMes.SERVER_ERROR, null,
                        DisplayText.oneLine(r.error().name() + ": " + r.message()));
            case Ops.REGISTER:
                if (r.ok()) return SeedMessage.RegisterResMes.ok();
                if (r.error() == ChatError.USER_EXISTS) return SeedMessage.RegisterResMes.userExists();
                return new SeedMessage.RegisterResMes(SeedMessage.RegisterResMes.OTHER_ERROR,
                        DisplayText.oneLine(r.error().name() + ": " + r.message()));
            default:
                // Acks of group messages show nothing (the stock client prints nothing either); errors do.
                return r.ok() ? null : notice("[server] " + r.error().name() + ": " + r.message());
        }
    }

    /** The caller first (the original listed it; the stock client skips its own id), then the others. */
    private static List<Long> onlineIds(JsonNode fields) {
        List<Long> ids = new ArrayList<>();
        Long self = seedId(fields.path(Fields.USER).asText());
        if (self != null) ids.add(self);
        for (JsonNode p : fields.path(Fields.ONLINE)) {
            Long id = seedId(p.path(Fields.USER).asText());
            if (id != null) ids.add(id);
        }
        return ids;
    }

    private static SeedMessage notice(String content) {
        return SeedMessage.SmsMes.group(DisplayText.oneLine(content), SERVER_ID);
    }

    /** The user's id as the seed protocol's positive integer, or null when it is not one. */
    public static Long seedId(String user) {
        if (user == null || user.isEmpty() || user.length() > 18) return null;
        for (int i = 0; i < user.length(); i++) {
            if (!Character.isDigit(user.charAt(i)) || user.charAt(i) > '9') return null;
        }
        if (user.length() > 1 && user.charAt(0) == '0') return null;
        long id = Long.parseLong(user);
        return id > 0 ? id : null;
    }
}
