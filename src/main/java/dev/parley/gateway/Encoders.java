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
    private final TextLineEncoder text = new TextLineEncoder(ZoneId.systemDefault());
    private final SeedTranslator seed = new SeedTranslator(ZoneId.systemDefault());

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
