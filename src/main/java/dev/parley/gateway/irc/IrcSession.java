package dev.parley.gateway.irc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.irc.AccountCommands;
import dev.parley.protocol.irc.AccountReplies;
import dev.parley.protocol.irc.CapNegotiation;
import dev.parley.protocol.irc.ChatHistoryQuery;
import dev.parley.protocol.irc.IrcBatches;
import dev.parley.protocol.irc.ISupport;
import dev.parley.protocol.irc.IrcMessage;
import dev.parley.protocol.irc.IrcParseException;
import dev.parley.protocol.irc.IrcParser;
import dev.parley.protocol.irc.IrcWriter;
import dev.parley.protocol.irc.LabeledResponse;
import dev.parley.protocol.irc.Nicks;
import dev.parley.protocol.irc.Numerics;
import dev.parley.protocol.irc.Registration;
import dev.parley.protocol.irc.SaslPlain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One IRC connection's state: registration ({@link Registration}, {@link CapNegotiation}, {@link SaslPlain}), the
 * nick (= the account once logged in) and the away message. Each line becomes zero or more Parley requests run
 * through the gateway's command table, exactly as JSON clients' are; their replies come back to {@link #reply} and
 * become numerics. Logging in goes through the auth service's login request (its throttles and limits): the
 * identity is never taken from the client. Touched only on its connection's event loop.
 */
public final class IrcSession {
    /** Capabilities offered: only what works end to end (docs/irc.md); multi-prefix holds as rooms have one prefix. */
    static final List<CapNegotiation.Capability> OFFERED = CapNegotiation.ALL.stream()
            .filter(c -> List.of(CapNegotiation.SASL, CapNegotiation.SERVER_TIME, CapNegotiation.ACCOUNT_REGISTRATION,
                    CapNegotiation.CAP_NOTIFY, CapNegotiation.MULTI_PREFIX, CapNegotiation.ACCOUNT_TAG,
                    CapNegotiation.MESSAGE_TAGS, CapNegotiation.EXTENDED_JOIN, CapNegotiation.ECHO_MESSAGE,
                    CapNegotiation.BATCH, CapNegotiation.CHATHISTORY, CapNegotiation.LABELED_RESPONSE,
                    CapNegotiation.AWAY_NOTIFY).contains(c.name()))
            .toList();
    private static final String RID_PREFIX = "irc:";

    private final IrcPort port;
    private final IrcServerInfo info;
    private final Numerics numerics;
    private final CapNegotiation cap;
    private final SaslPlain sasl;
    private final Registration reg;
    private final AccountReplies accounts;
    private final IrcParser parser = IrcParser.forClients();
    private final IrcCommands commands;
    private final ChatHistoryCommand history;
    private final IrcBatches batches;
    /**
     * labeled-response: the label of the line being run and what it has produced so far, sent as one answer when the
     * line is done (its requests answered); null when the line has no label.
     */
    private String label;
    private List<IrcMessage> labeled;
    /** Replies awaited, by request id. */
    private final Map<String, Consumer<Reply>> pending = new HashMap<>();
    /**
     * Lines waiting for the answers to an earlier line's requests. Bounded: a line may hold up to 4.6 KB, and
     * while a request hangs (up to the bus timeout) the rate limit alone would let thousands through.
     */
    private final java.util.ArrayDeque<Request> waiting = new java.util.ArrayDeque<>();
    private static final int MAX_WAITING_LINES = 128;
    private long nextRid;
    private boolean welcomed;
    /** A login under way (at most one). */
    private boolean loggingIn;
    /** 900 was sent (SASL sends it before the welcome; PASS gets it with the welcome). */
    private boolean announced;

    public IrcSession(IrcPort port, IrcServerInfo info) {
        this.port = port;
        this.info = info;
        this.numerics = info.numerics();
        this.cap = new CapNegotiation(numerics, OFFERED);
        this.sasl = new SaslPlain(numerics);
        this.reg = new Registration(numerics, cap, sasl, IrcServerInfo.USER_LEN);
        this.accounts = new AccountReplies(numerics, "NickServ!NickServ@" + info.server());
        this.commands = new IrcCommands(this);
        this.history = new ChatHistoryCommand(this);
        this.batches = new IrcBatches(info.server());
    }

    /** How this client's events look: the {@link IrcEventRenderer} variant of its enabled capabilities. */
    public int variant() {
        int v = 0;
        if (cap.enabled(CapNegotiation.SERVER_TIME)) v |= IrcEventRenderer.SERVER_TIME;
        if (cap.enabled(CapNegotiation.ACCOUNT_TAG)) v |= IrcEventRenderer.ACCOUNT_TAG;
        if (cap.enabled(CapNegotiation.MESSAGE_TAGS)) v |= IrcEventRenderer.MESSAGE_TAGS;
        if (cap.enabled(CapNegotiation.EXTENDED_JOIN)) v |= IrcEventRenderer.EXTENDED_JOIN;
        if (cap.enabled(CapNegotiation.AWAY_NOTIFY)) v |= IrcEventRenderer.AWAY_NOTIFY;
        return v;
    }

    /** Renders an event for this client only (a shared event is rendered by its {@code EncodedEvent}). */
    public byte[] render(Outbound event) {
        return info.renderer().render(event, variant());
    }

    /** {@code user} came online: their JOIN in each of {@code channels} (those this client shares with them), or null. */
    public byte[] joins(String user, String name, List<String> channels) {
        if (channels.isEmpty()) return null;
        List<IrcMessage> lines = new ArrayList<>(channels.size());
        for (String channel : channels) lines.add(info.renderer().join(user, name, channel, variant()));
        return IrcEventRenderer.write(lines);
    }

    /**
     * A line from the client (a request of op {@code irc.line}): "line", or "rejected" for a refused one. Lines run
     * one after another, as on any IRC server: a line waits until the Parley requests of the lines before it were
     * answered, so a client that sends JOIN and PRIVMSG at once speaks in a room it has joined.
     */
    public void handle(Request r) {
        if (pending.isEmpty() && waiting.isEmpty()) {
            handleNow(r);
        } else if (waiting.size() < MAX_WAITING_LINES) {
            waiting.add(r);
        } else {
            // Not part of the answer to the line being run (labeled-response): written at once.
            port.write(IrcWriter.write(IrcMessage.from(info.server(), "NOTICE", client(), "Line dropped: too many lines waiting; slow down")));
        }
    }

    /** Runs the lines that waited, until one of them waits for an answer in turn. */
    private void drain() {
        while (pending.isEmpty() && !waiting.isEmpty()) handleNow(waiting.poll());
    }

    private void handleNow(Request r) {
        runLine(r);
        if (pending.isEmpty()) endLabel();
    }

    private void runLine(Request r) {
        String rejected = r.text("rejected");
        if (rejected != null) {
            if (rejected.equals("TOO_LONG")) send(numerics.inputTooLong(client()));
            else send(IrcMessage.from(info.server(), "NOTICE", client(), "Line dropped: it held a NUL or a stray CR"));
            return;
        }
        String text = r.text("line");
        if (text == null) return;
        IrcMessage m;
        try {
            m = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IrcParseException e) {
            switch (e.problem()) {
                case TOO_LONG -> send(numerics.inputTooLong(client()));
                case BAD_COMMAND -> send(numerics.unknownCommand(client(), firstWord(text)));
                default -> send(IrcMessage.from(info.server(), "NOTICE", client(), "Line dropped: " + e.getMessage()));
            }
            return;
        }
        if (m == null) return;
        startLabel(m);
        IrcMessage refusal = reg.refusal(m);
        if (refusal != null) {
            send(refusal);
            return;
        }
        dispatch(m);
    }

    private void dispatch(IrcMessage m) {
        switch (m.command()) {
            case "CAP" -> {
                send(cap.handle(m, client(), reg.registered()));
                tryComplete();
            }
            case "AUTHENTICATE" -> authenticate(m);
            case "PASS" -> send(reg.onPass(m));
            case "NICK" -> nick(m);
            case "USER" -> {
                send(reg.onUser(m));
                tryComplete();
            }
            case "PING" -> send(m.params().isEmpty() ? numerics.noOrigin(client())
                    : IrcMessage.from(info.server(), "PONG", info.server(), m.param(0)));
            case "PONG" -> { }
            case "QUIT" -> {
                send(IrcMessage.of("ERROR", "Closing link: " + (m.params().isEmpty() ? "Quit" : "Quit: " + m.last())));
                endLabel();
                port.close();
            }
            case "REGISTER" -> account(AccountCommands.register(m, numerics, reg.nick(), reg.account()));
            case "NICKSERV", "NS" -> account(AccountCommands.nickServ(String.join(" ", m.params()), reg.nick(), reg.account()));
            case "PRIVMSG", "NOTICE" -> {
                if (!m.params().isEmpty() && Nicks.isNickServ(m.param(0))) {
                    if (m.is("PRIVMSG")) account(AccountCommands.nickServ(m.params().size() > 1 ? m.last() : "", reg.nick(), reg.account()));
                } else {
                    commands.message(m);
                }
            }
            case "LUSERS" -> lusers();
            case "MOTD" -> send(numerics.motd(client(), info.motd()));
            case ChatHistoryQuery.COMMAND -> history.run(m);
            default -> {
                if (!commands.run(m)) send(numerics.unknownCommand(client(), m.command()));
            }
        }
    }

    // NICK <nickname>
    private void nick(IrcMessage m) {
        Registration.NickDecision d = reg.onNick(m);
        if (d instanceof Registration.NickRefused refused) send(refused.reply());
        else if (d instanceof Registration.NickChanged changed) {
            send(IrcMessage.from(info.renderer().mask(changed.oldNick()), "NICK", changed.newNick()));
        }
        tryComplete();
    }

    // AUTHENTICATE <mechanism> | <base64 chunk> | + | *
    private void authenticate(IrcMessage m) {
        SaslPlain.Step step = sasl.onAuthenticate(m, client(), reg.loggedIn() || loggingIn);
        if (step instanceof SaslPlain.Reply r) {
            send(r.messages());
            tryComplete();
            return;
        }
        SaslPlain.Credentials c = (SaslPlain.Credentials) step;
        login(c.account(), c.password(), reply -> {
            if (!sasl.awaitingOutcome()) return;   // aborted meanwhile: this outcome must not log in
            if (reply.ok()) {
                String account = reply.fields().path(Fields.USER).asText();
                loggedIn(account);
                announced = true;
                send(sasl.succeeded(client(), info.renderer().mask(account), account));
            } else {
                send(sasl.failed(client()));
            }
            tryComplete();
        });
    }

    private void account(AccountCommands.Request a) {
        if (a instanceof AccountCommands.Answer answer) {
            send(accounts.nickServ(client(), answer.text()));
        } else if (a instanceof AccountCommands.Fail fail) {
            send(fail.message());
        } else if (a instanceof AccountCommands.Login l) {
            if (loggingIn) {
                send(accounts.nickServ(client(), "A login is already under way."));
                return;
            }
            login(l.account(), l.password(), reply -> loginAnswered(l.via(), reply));
        } else if (a instanceof AccountCommands.Register rg) {
            register(rg);
        }
    }

    private void register(AccountCommands.Register rg) {
        ObjectNode f = Json.object().put(Fields.USER, rg.account()).put(Fields.PASSWORD, rg.password());
        request(Ops.REGISTER, f, reply -> {
            if (!reply.ok()) {
                send(accounts.registrationRefused(rg.via(), client(), rg.account(), reply.error()));
                return;
            }
            // Registered: log in to it with the same password (the auth service checks it as for any login).
            login(rg.account(), rg.password(), login -> {
                if (login.ok()) {
                    String account = login.fields().path(Fields.USER).asText();
                    loggedIn(account);
                    send(accounts.registered(rg.via(), client(), info.renderer().mask(account), account));
                    afterLogin();
                } else {
                    send(accounts.loginRefused(rg.via(), client(), login.error()));
                }
            });
        });
    }

    private void loginAnswered(AccountCommands.Via via, Reply reply) {
        if (reply.ok()) {
            String account = reply.fields().path(Fields.USER).asText();
            loggedIn(account);
            send(accounts.loggedIn(via, client(), info.renderer().mask(account), account));
            afterLogin();
        } else {
            send(accounts.loginRefused(via, client(), reply.error()));
        }
    }

    private void login(String account, String password, Consumer<Reply> then) {
        loggingIn = true;
        request(Ops.LOGIN, Json.object().put(Fields.USER, account).put(Fields.PASSWORD, password), reply -> {
            loggingIn = false;
            then.accept(reply);
        });
    }

    /** The auth service accepted the login: the nick becomes the account (a NICK line once registered). */
    private void loggedIn(String account) {
        Registration.NickChanged changed = reg.loggedIn(account);
        if (changed != null) send(IrcMessage.from(info.renderer().mask(changed.oldNick()), "NICK", changed.newNick()));
    }

    /** Logged in after the welcome (NickServ, REGISTER): the channels follow at once. */
    private void afterLogin() {
        if (welcomed) commands.joinedAtLogin();
    }

    private void tryComplete() {
        Registration.Completion done = reg.complete();
        if (done == null) return;
        send(done.saslAborted());
        if (done.passLogin() != null && !reg.loggedIn()) {
            login(done.passLogin().account(), done.passLogin().password(), reply -> {
                if (reply.ok()) loggedIn(reply.fields().path(Fields.USER).asText());
                else send(accounts.loginRefused(AccountCommands.Via.PASS, client(), reply.error()));
                welcome();
            });
        } else {
            welcome();
        }
    }

    private void welcome() {
        welcomed = true;
        String nick = client();
        send(numerics.welcome(nick, info.network(), info.renderer().mask(nick), info.version(), info.created(),
                "i", "bint", "bo"));
        send(ISupport.lines(numerics, nick, info.isupport()));
        lusers();
        send(numerics.motd(nick, info.motd()));
        if (reg.loggedIn()) {
            if (!announced) send(numerics.loggedIn(nick, info.renderer().mask(nick), nick));
            announced = true;
            commands.joinedAtLogin();
        } else {
            send(IrcMessage.from(info.server(), "NOTICE", nick, AccountCommands.howToLogIn()));
        }
    }

    private void lusers() {
        if (!reg.loggedIn()) {
            int local = port.localUsers();
            send(numerics.lusers(client(), new Numerics.Lusers(local, 0, 1, 0, 0, 0, local, local, local, local)));
            return;
        }
        request(Ops.WHO, Json.object(), reply -> {
            long users = reply.ok() ? reply.fields().path(Fields.COUNT).asLong() : 0;
            int local = port.localUsers();
            send(numerics.lusers(client(), new Numerics.Lusers(users, 0, 1, 0, 0, 0, local, local, users, users)));
        });
    }

    // ---- plumbing shared with IrcCommands

    /** Sends a Parley request; {@code then} gets its reply. */
    void request(String op, ObjectNode fields, Consumer<Reply> then) {
        String rid = RID_PREFIX + (++nextRid);
        pending.put(rid, then);
        fields.put(Fields.OP, op);
        port.request(new Request(op, TextNode.valueOf(rid), fields));
    }

    /**
     * A reply to one of this session's requests: true when it was awaited (and handled), false for any other (e.g. a
     * refusal of a line by the rate limit, which the caller shows as a notice).
     */
    public boolean reply(Reply r) {
        JsonNode rid = r.rid();
        Consumer<Reply> then = rid == null ? null : pending.remove(rid.asText());
        if (then == null) return false;
        then.accept(r);
        if (pending.isEmpty()) endLabel();
        drain();
        return true;
    }

    /** A line of the labeled-response answer being gathered, or written at once. */
    void send(IrcMessage m) {
        if (labeled != null) labeled.add(m);
        else port.write(IrcWriter.write(m));
    }

    void send(List<IrcMessage> lines) {
        if (labeled != null) labeled.addAll(lines);
        else if (!lines.isEmpty()) port.write(IrcEventRenderer.write(lines));
    }

    /** A labeled line (labeled-response, which needs batch too): its output is gathered until it is done. */
    private void startLabel(IrcMessage m) {
        String l = LabeledResponse.labelOf(m);
        if (l == null || !cap.enabled(CapNegotiation.LABELED_RESPONSE) || !cap.enabled(CapNegotiation.BATCH)) return;
        label = l;
        labeled = new ArrayList<>();
    }

    /** The labeled line is done: its answer (ACK, one tagged line, or a batch) goes out. */
    private void endLabel() {
        if (labeled == null) return;
        List<IrcMessage> lines = labeled;
        labeled = null;
        send(LabeledResponse.answer(label, lines, info.server(), batches));
        label = null;
    }

    boolean capEnabled(String capability) {
        return cap.enabled(capability);
    }

    IrcBatches batches() {
        return batches;
    }

    String client() {
        return reg.client();
    }

    String account() {
        return reg.account();
    }

    Numerics numerics() {
        return numerics;
    }

    IrcServerInfo info() {
        return info;
    }

    IrcPort port() {
        return port;
    }

    IrcMessage error(Reply r, String command, String channel, String nick) {
        return IrcErrors.numeric(numerics, client(), r.error() == null ? ChatError.INTERNAL : r.error(), r.message(),
                command, channel, nick);
    }

    private static String firstWord(String line) {
        String t = line.strip();
        if (t.startsWith("@")) t = t.substring(Math.max(0, t.indexOf(' ') + 1)).strip();
        if (t.startsWith(":")) t = t.substring(Math.max(0, t.indexOf(' ') + 1)).strip();
        int sp = t.indexOf(' ');
        String w = (sp < 0 ? t : t.substring(0, sp)).replaceAll("[^A-Za-z0-9]", "");
        return w.isEmpty() ? "*" : w.length() > 32 ? w.substring(0, 32) : w;
    }

    ArrayList<String> channels() {
        return new ArrayList<>(port.channels());
    }
}
