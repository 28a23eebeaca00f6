package dev.parley.client;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The follow-up questions of one menu choice (id, password, text...), asked one at a time. */
final class Form {

    /** How an answer is read: a blank OPTIONAL answer is kept as "", any other blank answer cancels the form. */
    enum Kind { PLAIN, SECRET, OPTIONAL, TEXT }

    record Field(String label, Kind kind) {
    }

    private final List<Field> fields;
    private final Function<List<String>, JsonObject> build;
    private final List<String> answers = new ArrayList<>();

    private Form(Function<List<String>, JsonObject> build, Field... fields) {
        this.fields = List.of(fields);
        this.build = build;
    }

    static Form login() {
        return new Form(a -> Frames.login(a.get(0), a.get(1)),
                new Field("id", Kind.PLAIN), new Field("password", Kind.SECRET));
    }

    static Form register() {
        return new Form(a -> Frames.register(a.get(0), a.get(1), a.get(2).isEmpty() ? a.get(0) : a.get(2)),
                new Field("id", Kind.PLAIN), new Field("password", Kind.SECRET),
                new Field("name (blank = id)", Kind.OPTIONAL));
    }

    static Form say() {
        return new Form(a -> Frames.say(a.get(0)), new Field("text", Kind.TEXT));
    }

    static Form join() {
        return new Form(a -> Frames.join(roomName(a.get(0))), new Field("room (#name)", Kind.PLAIN));
    }

    static Form room() {
        return new Form(a -> Frames.room(roomName(a.get(0))), new Field("room (#name)", Kind.PLAIN));
    }

    /** Someone answering a menu question may leave out the '#'. */
    private static String roomName(String answer) {
        return answer.startsWith("#") ? answer : "#" + answer;
    }

    static Form msg() {
        return new Form(a -> Frames.msg(a.get(0), a.get(1)),
                new Field("to (id)", Kind.PLAIN), new Field("text", Kind.TEXT));
    }

    static Form password() {
        return new Form(a -> Frames.password(a.get(0), a.get(1)),
                new Field("current password", Kind.SECRET), new Field("new password", Kind.SECRET));
    }

    Field current() {
        return fields.get(answers.size());
    }

    /** Records an answer; returns false if a required answer was blank. */
    boolean answer(String line) {
        Field field = current();
        // ids and passwords never carry edge spaces; message text is kept as typed
        String value = field.kind() == Kind.TEXT ? line : line.strip();
        if (value.isBlank() && field.kind() != Kind.OPTIONAL) {
            return false;
        }
        answers.add(value.isBlank() ? "" : value);
        return true;
    }

    boolean complete() {
        return answers.size() == fields.size();
    }

    JsonObject request() {
        return build.apply(answers);
    }
}
