package dev.parley.protocol.irc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CAP REQ is all or nothing, whatever is asked in whatever order. */
class CapNegotiationPropertiesTest {
    private static final Set<String> OFFERED = Set.of("server-time", "multi-prefix", "sasl", "batch");

    @Property
    @Label("every REQ is ACKed and applied in order when every name is offered, else NAKed with nothing changed")
    void reqIsAtomic(@ForAll("requests") List<List<String>> requests) {
        CapNegotiation cap = new CapNegotiation(new Numerics("s"),
                OFFERED.stream().sorted().map(n -> new CapNegotiation.Capability(n, null)).toList());
        Set<String> model = new LinkedHashSet<>();
        for (List<String> tokens : requests) {
            String text = String.join(" ", tokens);
            IrcMessage reply = cap.handle(IrcMessage.of("CAP", "REQ", text), "*", false).get(0);
            boolean known = !tokens.isEmpty() && tokens.stream().allMatch(t -> OFFERED.contains(t.startsWith("-") ? t.substring(1) : t));
            assertEquals(List.of("*", known ? "ACK" : "NAK", text.trim()), reply.params());
            if (known) {
                for (String t : tokens) {
                    if (t.startsWith("-")) model.remove(t.substring(1));
                }
                for (String t : tokens) {
                    if (!t.startsWith("-")) model.add(t);
                }
            }
            assertEquals(model, cap.enabledCapabilities());
        }
    }

    @Provide
    Arbitrary<List<List<String>>> requests() {
        Arbitrary<String> token = Arbitraries.of("server-time", "multi-prefix", "sasl", "batch", "-server-time", "-sasl",
                "-batch", "echo-message", "-echo-message", "sasl=PLAIN", "-", "SASL");
        return token.list().ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
    }
}
