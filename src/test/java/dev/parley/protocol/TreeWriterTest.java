package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TreeWriterTest {

    /** Written the way JsonLineEncoder writes: a UTF-8 generator over bytes (which escapes surrogate pairs). */
    private static String written(JsonNode n, boolean treeWriter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            if (treeWriter) TreeWriter.write(g, n);
            else g.writeTree(n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertSameAsJackson(JsonNode n) throws IOException {
        assertEquals(written(n, false), written(n, true), "for " + n);
    }

    @Test
    @DisplayName("every kind of value is written exactly as Jackson's writeTree writes it")
    void everyKind() throws IOException {
        ObjectNode o = Json.object();
        o.put("s", "h\"i\\ \u0001 é 😀 \u2028");
        o.put("empty", "");
        o.put("i", -7);
        o.put("l", Long.MAX_VALUE);
        o.put("big", new BigInteger("123456789012345678901234567890"));
        o.put("d", 1.5e-300);
        o.put("dec", new BigDecimal("1.10"));
        o.put("t", true);
        o.put("f", false);
        o.putNull("n");
        o.putObject("nested").putArray("a").add(1).add("x").addNull().addObject().put("k", "v");
        o.putArray("none");
        o.putObject("nothing");
        o.put("bin", new byte[]{1, 2, 3});
        assertSameAsJackson(o);
        assertSameAsJackson(Json.MAPPER.getNodeFactory().textNode("only"));
        assertSameAsJackson(Json.MAPPER.getNodeFactory().numberNode(42));
    }

    @Test
    @DisplayName("random nested trees come out the same as through Jackson")
    void randomTrees() throws IOException {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) assertSameAsJackson(randomNode(random, 0));
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        var f = Json.MAPPER.getNodeFactory();
        switch (kind) {
            case 0: return f.textNode(randomText(random));
            case 1: return f.numberNode(random.nextLong());
            case 2: return f.numberNode(random.nextInt());
            case 3: return f.booleanNode(random.nextBoolean());
            case 4: return f.nullNode();
            case 5: {
                ObjectNode o = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) o.set(randomText(random), randomNode(random, depth + 1));
                return o;
            }
            default: {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) a.add(randomNode(random, depth + 1));
                return a;
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            int pick = random.nextInt(4);
            s.appendCodePoint(pick == 0 ? random.nextInt(0x20) : pick == 1 ? 0x20 + random.nextInt(0x60) : pick == 2 ? 0xe9 : 0x1f600);
        }
        return s.toString();
    }
}
