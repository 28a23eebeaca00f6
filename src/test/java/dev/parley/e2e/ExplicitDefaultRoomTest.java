package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.RoomsTest.QUIET;
import static dev.parley.e2e.RoomsTest.join;
import static dev.parley.e2e.RoomsTest.ok;
import static dev.parley.e2e.RoomsTest.refused;

/** rooms.autoJoinDefault off: the default room is a room like the others, heard only by those who joined it. */
class ExplicitDefaultRoomTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("rooms.autoJoinDefault", false));

    @Test
    @DisplayName("only members of the default room hear it, and only they may speak there")
    void onlyMembersHearTheDefaultRoom() {
        try (JsonClient ann = server.loggedIn("x.ann"); JsonClient bob = server.loggedIn("x.bob");
             JsonClient cy = server.loggedIn("x.cy")) {
            ok(join(ann, "#lobby"));
            ok(join(bob, "#lobby"));
            ok(ann.say("members only"));
            bob.awaitMessage("members only");
            cy.assertNothingWithin(QUIET, f -> isMessage(f, "members only"), "default-room messages");
            refused(cy.say("may I?"), "NOT_IN_ROOM");
            ok(bob.request(op("part", "room", "#lobby")));
            ok(ann.say("after bob left"));
            bob.assertNothingWithin(QUIET, f -> isMessage(f, "after bob left"), "messages after parting");
        }
    }
}
