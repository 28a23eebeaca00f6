package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonRequestEncoderTest {

    /** Every request the console client and the benchmark send, with awkward text where text is free. */
    private static List<Request> clientRequests() {
        List<Request> all = new ArrayList<>();
        all.add(SlashGrammar.REGISTER.request("100", "p\"w\\", "Scott Tiger"));
        all.add(SlashGrammar.REGISTER.request("100", "pw"));
        all.add(SlashGrammar.LOGIN.request("100", "123456"));
        all.add(SlashGrammar.WHO.request());
        all.add(SlashGrammar.SAY.request("hi \"all\"\n\u00e9\u2028\uD83D\uDE00"));
        all.add(SlashGrammar.MSG.request("200", "/not a command"));
        all.add(SlashGrammar.PASSWORD.request("old pw", "new pw"));
        all.add(SlashGrammar.NAME.request("Scott  Tiger"));
        all.add(SlashGrammar.DELETE_ACCOUNT.request("123456"));
        all.add(SlashGrammar.PING.request());
        all.add(SlashGrammar.LOGOUT.request());
        for (SlashCommand rooms : List.of(SlashGrammar.JOIN, SlashGrammar.PART, SlashGrammar.ROOM, SlashGrammar.ROOMS,
                SlashGrammar.MEMBERS, SlashGrammar.TOPIC, SlashGrammar.KICK, SlashGrammar.BAN, SlashGrammar.UNBAN,
                SlashGrammar.INVITE, SlashGrammar.MODE, SlashGrammar.HISTORY)) {
            all.add(rooms.request(rooms.arguments("#Dev 200 a \"reason\"\n")));
            all.add(rooms.request(rooms.arguments("")));
        }
        all.add(SlashGrammar.MODE.request("#dev", "+o", "200"));
        all.add(SlashGrammar.HISTORY.request("#dev", "50"));
        all.add(new Request(Ops.SAY, null, SlashGrammar.SAY.request("hi").fields().put(Fields.ROOM, "#dev")));
        return all;
    }

    @Test
    @DisplayName("every client request, encoded then parsed by the server, is the same request")
    void roundTrip() throws Exception {
        for (Request sent : clientRequests()) {
            assertSameRequest(sent, JsonRequestParser.parse(JsonRequestEncoder.encode(sent)));
            Request numbered = new Request(sent.op(), IntNode.valueOf(7), sent.fields().deepCopy().put(Fields.CID, "c-7"));
            assertSameRequest(numbered, JsonRequestParser.parse(JsonRequestEncoder.encode(numbered)));
            Request named = new Request(sent.op(), TextNode.valueOf("r7"), sent.fields());
            assertSameRequest(named, JsonRequestParser.parse(JsonRequestEncoder.encode(named)));
        }
    }

    @Test
    @DisplayName("a parsed request encodes back to its own line: op and rid first, written once")
    void parsedRequestEncodesBack() throws Exception {
        String line = "{\"op\":\"msg\",\"rid\":3,\"to\":\"200\",\"text\":\"hi\"}\n";
        Request parsed = JsonRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
        assertEquals(line, new String(JsonRequestEncoder.encode(parsed), StandardCharsets.UTF_8));
        Request fromText = TextRequestParser.parse("/msg 200 hi".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"op\":\"msg\",\"to\":\"200\",\"text\":\"hi\"}\n",
                new String(JsonRequestEncoder.encode(fromText), StandardCharsets.UTF_8));
    }

    /** Same op, rid and fields; a parsed JSON request also carries op and rid among its fields, by design. */
    static void assertSameRequest(Request expected, Request actual) {
        assertEquals(expected.op(), actual.op());
        assertEquals(expected.rid(), actual.rid());
        assertEquals(withoutOpAndRid(expected.fields()), withoutOpAndRid(actual.fields()));
    }

    private static ObjectNode withoutOpAndRid(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        copy.remove(Fields.OP);
        copy.remove(Fields.RID);
        return copy;
    }
}
