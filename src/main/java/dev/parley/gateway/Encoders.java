package dev.parley.gateway;

import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.TextLineEncoder;
import dev.parley.protocol.seed.SeedCodec;
import dev.parley.protocol.seed.SeedMessage;
import dev.parley.protocol.seed.SeedTranslator;

import java.time.ZoneId;

/** Encodes outbound frames for each protocol. */
final class Encoders {
    private static final byte[] NOTHING = new byte[0];
    private final TextLineEncoder text;
    private final SeedTranslator seed = new SeedTranslator(ZoneId.systemDefault());

    /** Labels every room message's text line with its room. */
    Encoders() {
        this(null);
    }

    /** @param defaultRoom rooms.default: its text lines look as they did before rooms (no room shown) */
    Encoders(String defaultRoom) {
        this.text = new TextLineEncoder(ZoneId.systemDefault(), defaultRoom);
    }

    /** The frame bytes, or null (text) / empty (seed) when the protocol shows nothing for it. */
    byte[] encode(Protocol protocol, Outbound out) {
        switch (protocol) {
            case JSON:
                return JsonLineEncoder.encode(out);
            case TEXT:
                return text.encode(out);
            default: {
                SeedMessage m = seed.fromOutbound(out);
                return m == null ? NOTHING : SeedCodec.encode(m);
            }
        }
    }
}
