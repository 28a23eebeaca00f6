package dev.parley.gateway.irc;

import dev.parley.protocol.ByeEvent;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.RoomNotice;
import dev.parley.protocol.TagEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrcEventRendererTest {
    private final IrcEventRenderer r = new IrcEventRenderer("parley", "parley", "#lobby");

    private String text(Object event, boolean serverTime) {
        return text(event, serverTime ? IrcEventRenderer.SERVER_TIME : 0);
    }

    private String text(Object event, int variant) {
        byte[] b = r.render((dev.parley.protocol.Outbound) event, variant);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("room and private messages are PRIVMSG from nick!nick@host; server-time carries the original time")
    void messages() {
        MessageEvent room = new MessageEvent(true, "m1", "bob", "Bob", null, "hi all", 0L, false, "#Dev");
        assertEquals(":bob!bob@parley PRIVMSG #Dev :hi all\r\n", text(room, false));
        assertEquals("@time=1970-01-01T00:00:00.000Z :bob!bob@parley PRIVMSG #Dev :hi all\r\n", text(room, true));
        MessageEvent pm = new MessageEvent(false, "m2", "bob", "Bob", "ann", "psst", 1000L, true);
        assertEquals(":bob!bob@parley PRIVMSG ann :psst\r\n", text(pm, false));
        MessageEvent old = new MessageEvent(true, "m3", "bob", "Bob", null, "old", 0L, false);
        assertEquals(":bob!bob@parley PRIVMSG #lobby :old\r\n", text(old, false), "no room: the default room");
    }

    @Test
    @DisplayName("account-tag, message-tags and extended-join variants: account, msgid, JOIN with account and name")
    void variants() {
        MessageEvent room = new MessageEvent(true, "m1", "bob", "Bob", null, "hi", 0L, false, "#Dev");
        assertEquals("@time=1970-01-01T00:00:00.000Z;account=bob;msgid=m1 :bob!bob@parley PRIVMSG #Dev :hi\r\n",
                text(room, IrcEventRenderer.SERVER_TIME | IrcEventRenderer.ACCOUNT_TAG | IrcEventRenderer.MESSAGE_TAGS));
        assertEquals("@msgid=m1 :bob!bob@parley PRIVMSG #Dev :hi\r\n", text(room, IrcEventRenderer.MESSAGE_TAGS));
        assertEquals(":bob!bob@parley JOIN #Dev bob :Bob Smith\r\n",
                text(new RoomNotice(Ops.JOINED, "#Dev", "bob", "Bob Smith", null, null, 1), IrcEventRenderer.EXTENDED_JOIN));
    }

    @Test
    @DisplayName("TAGMSG only for readers with message-tags, with time/account/msgid then the client tags; PRIVMSG client tags likewise")
    void clientTags() {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("+typing", "active");
        tags.put("+draft/reply", "a b");
        TagEvent room = new TagEvent(true, "t1", "bob", "Bob", null, "#Dev", tags, 0L);
        int all = IrcEventRenderer.SERVER_TIME | IrcEventRenderer.ACCOUNT_TAG | IrcEventRenderer.MESSAGE_TAGS;
        assertEquals("@time=1970-01-01T00:00:00.000Z;account=bob;msgid=t1;+typing=active;+draft/reply=a\\sb :bob!bob@parley TAGMSG #Dev\r\n",
                text(room, all));
        assertEquals("@msgid=t1;+typing=active;+draft/reply=a\\sb :bob!bob@parley TAGMSG ann\r\n",
                text(new TagEvent(false, "t1", "bob", "Bob", "ann", null, tags, 0L), IrcEventRenderer.MESSAGE_TAGS));
        for (int v = 0; v < IrcEventRenderer.VARIANTS; v++) {
            if ((v & IrcEventRenderer.MESSAGE_TAGS) == 0) assertNull(text(room, v), "never without message-tags: variant " + v);
        }
        MessageEvent reply = new MessageEvent(true, "m1", "bob", "Bob", null, "yes", 0L, false, "#Dev", tags);
        assertEquals("@msgid=m1;+typing=active;+draft/reply=a\\sb :bob!bob@parley PRIVMSG #Dev :yes\r\n",
                text(reply, IrcEventRenderer.MESSAGE_TAGS));
        assertEquals("@account=bob :bob!bob@parley PRIVMSG #Dev :yes\r\n", text(reply, IrcEventRenderer.ACCOUNT_TAG));
    }

    @Test
    @DisplayName("mode events are MODE lines from the setter: +o/-o name the nick, +b/-b its mask, +i/-i nothing")
    void modes() {
        assertEquals(":ann!ann@parley MODE #Dev +o bob\r\n", text(new RoomNotice(Ops.MODE, "#Dev", "bob", null, "ann", "+o", 1), false));
        assertEquals(":ann!ann@parley MODE #Dev -o bob\r\n", text(new RoomNotice(Ops.MODE, "#Dev", "bob", null, "ann", "-o", 1), false));
        assertEquals(":ann!ann@parley MODE #Dev +b bob!*@*\r\n", text(new RoomNotice(Ops.MODE, "#Dev", "bob", null, "ann", "+b", 1), false));
        assertEquals(":ann!ann@parley MODE #Dev -b bob!*@*\r\n", text(new RoomNotice(Ops.MODE, "#Dev", "bob", null, "ann", "-b", 1), false));
        assertEquals(":ann!ann@parley MODE #Dev +i\r\n", text(new RoomNotice(Ops.MODE, "#Dev", null, null, "ann", "+i", 1), false));
        assertEquals("@time=1970-01-01T00:00:01.000Z :ann!ann@parley MODE #Dev -i\r\n",
                text(new RoomNotice(Ops.MODE, "#Dev", null, null, "ann", "-i", 1000), true));
    }

    @Test
    @DisplayName("a 4,000-character message is split into lines of at most 512 bytes that join back")
    void longMessages() {
        String body = "word ".repeat(800);
        String out = text(new MessageEvent(true, "m", "bob", "Bob", null, body, 0L, false, "#Dev"), false);
        StringBuilder joined = new StringBuilder();
        for (String line : out.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 510, line.length() + " bytes");
            joined.append(line.substring(line.indexOf(" :") + 2));
        }
        assertEquals(body, joined.toString());
    }

    @Test
    @DisplayName("room changes are JOIN, PART, KICK, TOPIC, INVITE; offline is QUIT; online shows nothing; bye is ERROR")
    void roomChanges() {
        assertEquals(":bob!bob@parley JOIN #Dev\r\n", text(new RoomNotice(Ops.JOINED, "#Dev", "bob", "Bob", null, null, 1), false));
        assertEquals(":bob!bob@parley PART #Dev :lunch\r\n", text(new RoomNotice(Ops.PARTED, "#Dev", "bob", null, null, "lunch", 1), false));
        assertEquals(":ann!ann@parley KICK #Dev bob :spam\r\n", text(new RoomNotice(Ops.KICKED, "#Dev", "bob", null, "ann", "spam", 1), false));
        assertEquals(":ann!ann@parley TOPIC #Dev :release day\r\n", text(new RoomNotice(Ops.TOPIC, "#Dev", null, null, "ann", "release day", 1), false));
        assertEquals(":ann!ann@parley INVITE bob #Dev\r\n", text(new RoomNotice(Ops.INVITED, "#Dev", "bob", null, "ann", null, 1), false));
        assertEquals(":bob!bob@parley QUIT :Quit: offline\r\n", text(new PresenceEvent("bob", "Bob", false), false));
        assertEquals(":bob!bob@parley QUIT :Server node lost\r\n", text(PresenceEvent.nodeLost("bob", "Bob"), false));
        assertNull(text(new PresenceEvent("bob", "Bob", true), false));
        assertTrue(text(new ByeEvent(ByeReason.REPLACED), false).startsWith("ERROR :Closing link: "));
    }

    @Test
    @DisplayName("an away change is AWAY :text or AWAY (back) for readers with away-notify, with the account tag if asked; nothing for the others")
    void awayNotify() {
        IrcEventRenderer r = new IrcEventRenderer("parley", "parley", "#lobby");
        PresenceEvent away = PresenceEvent.away("bob", "Bob", "gone fishing");
        PresenceEvent back = PresenceEvent.away("bob", "Bob", null);
        assertEquals(":bob!bob@parley AWAY :gone fishing\r\n", string(r.render(away, IrcEventRenderer.AWAY_NOTIFY)));
        assertEquals(":bob!bob@parley AWAY\r\n", string(r.render(back, IrcEventRenderer.AWAY_NOTIFY)));
        assertEquals("@account=bob :bob!bob@parley AWAY :gone fishing\r\n",
                string(r.render(away, IrcEventRenderer.AWAY_NOTIFY | IrcEventRenderer.ACCOUNT_TAG | IrcEventRenderer.SERVER_TIME)));
        for (int variant = 0; variant < IrcEventRenderer.VARIANTS; variant++) {
            if ((variant & IrcEventRenderer.AWAY_NOTIFY) == 0) {
                assertNull(r.render(away, variant), "variant " + variant);
                assertNull(r.render(back, variant), "variant " + variant);
            }
        }
        assertNull(r.render(new PresenceEvent("bob", "Bob", true), IrcEventRenderer.AWAY_NOTIFY), "an arrival is still nothing");
    }

    private static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
