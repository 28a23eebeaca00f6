package dev.parley.protocol.seed;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.parley.protocol.Json;
import dev.parley.protocol.Utf16;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes each message as a complete frame, 4-byte big-endian length then body, with the fields in the original Go
 * structs' order. Knows nothing of the size cap: {@link SeedOutputCap} decides what to write.
 */
final class SeedFrameWriter {

    static final int HEADER_BYTES = SeedFrameDecoder.HEADER_BYTES;
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private SeedFrameWriter() {
    }

    static byte[] login(LoginMes m) {
        return frame(m.type(), g -> {
            g.writeNumberField("userId", m.userId());
            g.writeStringField("userPwd", text(m.userPwd()));
            g.writeStringField("userName", text(m.userName()));
        });
    }

    static byte[] loginResult(int code, List<Long> ids, String error) {
        return frame(LoginResMes.TYPE, g -> {
            g.writeNumberField("code", code);
            g.writeFieldName("UsersId"); // capitalised: the Go field had no json tag
            if (ids == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (long id : ids) {
                    g.writeNumber(id);
                }
                g.writeEndArray();
            }
            g.writeStringField("error", text(error));
        });
    }

    static byte[] register(RegisterMes m) {
        SeedUser u = m.user();
        return frame(m.type(), g -> {
            g.writeObjectFieldStart("user");
            g.writeNumberField("userId", u.userId());
            g.writeStringField("userPwd", text(u.userPwd()));
            g.writeStringField("userName", text(u.userName()));
            g.writeNumberField("userStatus", u.userStatus());
            g.writeStringField("sex", text(u.sex()));
            g.writeEndObject();
        });
    }

    static byte[] registerResult(int code, String error) {
        return frame(RegisterResMes.TYPE, g -> {
            g.writeNumberField("code", code);
            g.writeStringField("error", text(error));
        });
    }

    static byte[] userStatus(NotifyUserStatusMes m) {
        return frame(m.type(), g -> {
            g.writeNumberField("userId", m.userId());
            g.writeNumberField("status", m.status());
        });
    }

    static byte[] sms(String content, long userId, String userPwd, String userName, int userStatus, String sex) {
        return frame(SmsMes.TYPE, g -> {
            g.writeStringField("content", text(content));
            g.writeNumberField("userId", userId);
            g.writeStringField("userPwd", text(userPwd));
            g.writeStringField("userName", text(userName));
            g.writeNumberField("userStatus", userStatus);
            g.writeStringField("sex", text(sex));
        });
    }

    /** Writes the fields of the inner object. */
    private interface InnerFields {
        void write(JsonGenerator g) throws IOException;
    }

    /** The envelope {@code {"type":…,"data":"<inner JSON as a string>"}} behind its header, in one array. */
    private static byte[] frame(String type, InnerFields fields) {
        try {
            StringWriter inner = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(inner)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + 2 * inner.getBuffer().length() + 32);
            out.write(new byte[HEADER_BYTES]); // patched below, once the body length is known
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", type);
                g.writeStringField("data", inner.toString());
                g.writeEndObject();
            }
            byte[] frame = out.toByteArray();
            ByteBuffer.wrap(frame).putInt(frame.length - HEADER_BYTES);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
    }

    /** Unpaired surrogates go out as U+FFFD, as Go's encoder does with invalid text. */
    private static String text(String value) {
        return Utf16.replaceUnpairedSurrogates(value);
    }
}
