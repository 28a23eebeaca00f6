package dev.parley.protocol;

/**
 * A room's mode event in words, for people (the text protocol and the console client): the change codes are IRC's
 * ("+o", "-b", "+i"...), which a person reading a line should not need to know.
 */
public final class ModeChangeWords {

    private ModeChangeWords() {
    }

    /** "100 made 200 an operator of #dev", and so on; {@code user} is null for +i/-i. */
    public static String describe(String by, String change, String user, String room) {
        String who = by == null ? "an operator" : by;
        return who + switch (change == null ? "" : change) {
            case "+o" -> " made " + user + " an operator of " + room;
            case "-o" -> " took operator away from " + user + " in " + room;
            case "+b" -> " banned " + user + " from " + room;
            case "-b" -> " lifted the ban on " + user + " in " + room;
            case "+i" -> " made " + room + " invite-only";
            case "-i" -> " opened " + room + " to everyone";
            default -> " changed the mode of " + room;
        };
    }
}
