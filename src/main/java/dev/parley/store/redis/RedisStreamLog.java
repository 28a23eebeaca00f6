package dev.parley.store.redis;

import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A capped message log (the group's, or one room's): a Redis Stream whose entry ids are the sequence numbers
 * ("seq-0"), beside a counter holding the head; every method takes the two keys. Why a stream rather than a
 * sorted set or list: an id range is a seq range (since() is one XREVRANGE), XADD ... MAXLEN caps the log in
 * the same command that appends, XADD refuses an id not above the last one (so a lost or reset counter fails
 * loudly instead of reordering the log), and each entry keeps its ts as a field that since() filters on
 * without decoding the JSON. The counter, not the stream, is the
 * head: it survives trimming and answers head() with one GET.
 */
final class RedisStreamLog {
    // KEYS: stream, counter. ARGV: maxlen, ts, message JSON. INCR and XADD in one script: concurrent appenders
    // on any number of nodes get distinct, gap-free seqs, and the log order is the seq order.
    // A missing counter (first use, or Redis lost its data) starts at ts * 1000, not 0: seqs must never go
    // backwards, or sessions that saw the old seqs would take new messages for ones already seen.
    // Shared with the room say script (RedisRoomSpeech), which appends only for a member.
    static final String APPEND_FUNCTION = """
            local function append(log, counter, maxlen, ts, json)
              if redis.call('EXISTS', counter) == 0 then
                redis.call('SET', counter, string.format('%d', tonumber(ts) * 1000))
              end
              local seq = redis.call('INCR', counter)
              redis.call('XADD', log, 'MAXLEN', maxlen, string.format('%d-0', seq), 'ts', ts, 'm', json)
              return seq
            end
            """;
    private static final LuaScript APPEND = new LuaScript(APPEND_FUNCTION + """
            return append(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3])
            """);
    // KEYS: stream, counter. ARGV: lowest seq wanted, max, notBeforeTs.
    // Returns {head, seq1, json1, seq2, json2, ...}, newest first. Head and entries are read atomically.
    // Walks back from the newest in pages, so a small max reads little; the walk is bounded by MAXLEN.
    private static final LuaScript SINCE = new LuaScript("""
            local out = {redis.call('GET', KEYS[2]) or '0'}
            local max = tonumber(ARGV[2])
            local notBefore = tonumber(ARGV[3])
            local lowest = ARGV[1] .. '-0'
            local upper = '+'
            local n = 0
            while n < max do
              local page = redis.call('XREVRANGE', KEYS[1], upper, lowest, 'COUNT', 256)
              for _, e in ipairs(page) do
                local f = e[2]
                local ts, m
                for i = 1, #f, 2 do
                  if f[i] == 'ts' then ts = tonumber(f[i + 1]) elseif f[i] == 'm' then m = f[i + 1] end
                end
                if ts >= notBefore then
                  out[#out + 1] = e[1]
                  out[#out + 1] = m
                  n = n + 1
                  if n >= max then break end
                end
              end
              if #page < 256 then break end
              upper = '(' .. page[#page][1]
            end
            return out
            """);

    // KEYS: stream, counter. ARGV: upper bound ('+' or '(seq-0'), limit.
    // Returns {head, oldest kept id or '', id1, json1, ...}, newest first, read atomically.
    private static final LuaScript BEFORE = new LuaScript("""
            local out = {redis.call('GET', KEYS[2]) or '0'}
            local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
            out[2] = oldest[1] and oldest[1][1] or ''
            for _, e in ipairs(redis.call('XREVRANGE', KEYS[1], ARGV[1], '-', 'COUNT', ARGV[2])) do
              local f = e[2]
              for i = 1, #f, 2 do
                if f[i] == 'm' then
                  out[#out + 1] = e[1]
                  out[#out + 1] = f[i + 1]
                end
              end
            end
            return out
            """);

    private final RedisCalls redis;
    private final int maxMessages;

    RedisStreamLog(RedisCalls redis, int maxMessages) {
        this.redis = redis;
        this.maxMessages = maxMessages;
    }

    Future<StoredMessage> append(String log, String counter, StoredMessage message) {
        return redis.eval(APPEND, List.of(log, counter), appendArgs(maxMessages, message))
                .map(r -> message.withSeq(r.toLong()));
    }

    /** The append function's maxlen, ts and json arguments, in that order. */
    static String[] appendArgs(int maxMessages, StoredMessage message) {
        return new String[]{Integer.toString(maxMessages), Long.toString(message.ts()), message.withSeq(0).toJson().encode()};
    }

    Future<Long> head(String counter) {
        return redis.send(Command.GET, counter).map(r -> r == null ? 0L : Long.parseLong(r.toString()));
    }

    Future<HistorySlice> since(String log, String counter, long afterSeq, int max, long notBeforeTs) {
        long lowest = Math.max(afterSeq, 0) + 1;
        return redis.eval(SINCE, List.of(log, counter),
                Long.toString(lowest), Integer.toString(Math.max(max, 0)), Long.toString(notBeforeTs)).map(r -> {
            long head = Long.parseLong(r.get(0).toString());
            List<StoredMessage> newestFirst = messages(r, 1);
            Collections.reverse(newestFirst);
            long missed = Math.max(0, head - afterSeq);
            return new HistorySlice(newestFirst, missed - newestFirst.size(), head);
        });
    }

    Future<HistorySlice> before(String log, String counter, long beforeSeq, int limit) {
        if (limit <= 0 || beforeSeq <= 1) {
            return head(counter).map(head -> new HistorySlice(List.of(), 0, head));
        }
        String upper = beforeSeq == Long.MAX_VALUE ? "+" : "(" + beforeSeq + "-0";
        return redis.eval(BEFORE, List.of(log, counter), upper, Integer.toString(limit)).map(r -> {
            long head = Long.parseLong(r.get(0).toString());
            String oldestId = r.get(1).toString();
            List<StoredMessage> page = messages(r, 2);
            Collections.reverse(page);
            long older = page.isEmpty() ? 0 : Math.max(0, page.get(0).seq() - seqOf(oldestId));
            return new HistorySlice(page, older, head);
        });
    }

    Future<Void> drop(String log, String counter) {
        return redis.send(Command.DEL, log, counter).mapEmpty();
    }

    /** (id, json) pairs from {@code from} on, in reply order. */
    private static List<StoredMessage> messages(Response r, int from) {
        List<StoredMessage> out = new ArrayList<>((r.size() - from) / 2);
        for (int i = from; i + 1 < r.size(); i += 2) {
            out.add(StoredMessage.fromJson(new JsonObject(r.get(i + 1).toString())).withSeq(seqOf(r.get(i).toString())));
        }
        return out;
    }

    private static long seqOf(String streamId) {
        return Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
    }
}
