package dev.parley.protocol.irc;

/** A line that is not an IRC message; {@link #problem()} says which rule it broke. */
public final class IrcParseException extends Exception {

    public enum Problem {
        /** The tags section or the body is longer than allowed: answered with 417 ERR_INPUTTOOLONG. */
        TOO_LONG,
        /** A NUL, CR or LF inside the line. */
        FORBIDDEN_CHARACTER,
        /** Tags that do not follow the message-tags grammar (e.g. an empty key, '@' alone). */
        BAD_TAGS,
        /** A source ({@code :prefix}) without anything after it. */
        NO_COMMAND,
        /** A command that is neither letters nor three digits: answered with 421 ERR_UNKNOWNCOMMAND. */
        BAD_COMMAND
    }

    private final Problem problem;

    public IrcParseException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
