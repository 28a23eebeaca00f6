package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** labeled-response and batch: the label exactly once, on ACK, the one line, or the batch start. */
class LabeledResponseTest {
    private static final String S = "irc.parley";

    private static List<String> written(List<IrcMessage> lines) {
        return lines.stream().map(IrcWriter::line).map(String::strip).toList();
    }

    @Test
    @DisplayName("a labeled command with no output is answered ACK with the label")
    void ack() {
        assertEquals(List.of("@label=abc :irc.parley ACK"),
                written(LabeledResponse.answer("abc", List.of(), S, new IrcBatches(S))));
    }

    @Test
    @DisplayName("one line of output carries the label itself")
    void oneLine() {
        IrcMessage pong = IrcMessage.from(S, "PONG", S, "x");
        assertEquals(List.of("@label=l1 :irc.parley PONG irc.parley x"),
                written(LabeledResponse.answer("l1", List.of(pong), S, new IrcBatches(S))));
    }

    @Test
    @DisplayName("several lines go in a labeled-response batch whose start carries the label")
    void severalLines() {
        List<IrcMessage> whois = List.of(IrcMessage.from(S, "311", "me", "bob", "bob", "parley", "*", "Bob"),
                IrcMessage.from(S, "318", "me", "bob", "End of /WHOIS list"));
        assertEquals(List.of("@label=w :irc.parley BATCH +1 labeled-response",
                        "@batch=1 :irc.parley 311 me bob bob parley * :Bob",
                        "@batch=1 :irc.parley 318 me bob :End of /WHOIS list",
                        ":irc.parley BATCH -1"),
                written(LabeledResponse.answer("w", whois, S, new IrcBatches(S))));
    }

    @Test
    @DisplayName("an answer that is one batch already (CHATHISTORY) gets the label on its start, not a second batch")
    void oneBatch() {
        IrcBatches batches = new IrcBatches(S);
        List<IrcMessage> history = batches.wrap(IrcBatches.CHATHISTORY, List.of("#dev"),
                List.of(new IrcMessage(Map.of("msgid", "m1"), "bob!bob@parley", "PRIVMSG", List.of("#dev", "hi"))));
        assertEquals(List.of("@label=h :irc.parley BATCH +1 chathistory #dev",
                        "@msgid=m1;batch=1 :bob!bob@parley PRIVMSG #dev :hi",
                        ":irc.parley BATCH -1"),
                written(LabeledResponse.answer("h", history, S, batches)));
    }

    @Test
    @DisplayName("a batch next to other lines is nested in a labeled-response batch; its own lines keep their batch")
    void nestedBatch() {
        IrcBatches batches = new IrcBatches(S);
        List<IrcMessage> lines = new java.util.ArrayList<>(batches.wrap(IrcBatches.CHATHISTORY, List.of("#a"),
                List.of(IrcMessage.from("b!b@parley", "PRIVMSG", "#a", "x"))));
        lines.add(IrcMessage.from(S, "NOTICE", "me", "after"));
        assertFalse(IrcBatches.isOneBatch(lines));
        assertEquals(List.of("@label=n :irc.parley BATCH +2 labeled-response",
                        "@batch=2 :irc.parley BATCH +1 chathistory #a",
                        "@batch=1 :b!b@parley PRIVMSG #a :x",
                        "@batch=2 :irc.parley BATCH -1",
                        "@batch=2 :irc.parley NOTICE me :after",
                        ":irc.parley BATCH -2"),
                written(LabeledResponse.answer("n", lines, S, batches)));
    }

    @Test
    @DisplayName("an empty batch is one batch; references are fresh per batch")
    void emptyBatch() {
        IrcBatches batches = new IrcBatches(S);
        List<IrcMessage> first = batches.wrap(IrcBatches.CHATHISTORY, List.of("#a"), List.of());
        List<IrcMessage> second = batches.wrap(IrcBatches.CHATHISTORY, List.of("#a"), List.of());
        assertTrue(IrcBatches.isOneBatch(first));
        assertEquals(List.of(":irc.parley BATCH +1 chathistory #a", ":irc.parley BATCH -1"), written(first));
        assertEquals(":irc.parley BATCH +2 chathistory #a", written(second).get(0));
    }

    @Test
    @DisplayName("a label is read from the client's line; empty or over 64 bytes means none")
    void labelOf() {
        assertEquals("x1", LabeledResponse.labelOf(new IrcMessage(Map.of("label", "x1"), null, "PING", List.of("a"))));
        assertNull(LabeledResponse.labelOf(IrcMessage.of("PING", "a")));
        assertNull(LabeledResponse.labelOf(new IrcMessage(Map.of("label", ""), null, "PING", List.of("a"))));
        assertEquals("a".repeat(64), LabeledResponse.labelOf(new IrcMessage(Map.of("label", "a".repeat(64)), null, "PING", List.of())));
        assertNull(LabeledResponse.labelOf(new IrcMessage(Map.of("label", "a".repeat(65)), null, "PING", List.of())));
    }
}
