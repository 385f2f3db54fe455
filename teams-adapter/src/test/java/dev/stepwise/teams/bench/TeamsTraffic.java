package dev.stepwise.teams.bench;

import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.core.testing.bench.Stats;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.teams.TeamsPayloads;
import dev.stepwise.teams.auth.BotFrameworkTokenMinter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's requests: personal-chat {@code message} activities as Teams sends them, "my goals" and "my
 * feedback" in turn, from known people of connected tenants, each with its own activity id, each with a valid
 * Bot Framework token. Each message is in a personal conversation of its own, so that the bot's reply (posted to
 * that conversation) tells which request it answers: the time from a request's scheduled send to its reply
 * reaching the Bot Connector is the end-to-end handling time.
 *
 * <p>Tokens: {@code tokens} distinct ones minted before the run (RS256 by the key the stand-in publishes, valid for an
 * hour), request {@code n} carrying token {@code n mod tokens}. The Bot Connector reuses one token for up to an hour,
 * so repeated tokens are what Teams sends; the adapter keeps no cache of verified tokens, so every request pays a
 * full verification either way.
 */
final class TeamsTraffic implements LoadGenerator.Traffic {

    /** A known person of a connected tenant, as Teams names them. */
    record Sender(String tenantId, TeamsPayloads.User user) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVITY_ID = "XXACTIVITYXX";
    private static final String CONVERSATION = "a:1XXCONVERSATIONXX";
    private static final List<String> TEXTS = List.of("my goals", "my feedback");

    private final List<String> templates = new ArrayList<>();
    private final List<String> bearers = new ArrayList<>();
    private final int senders;
    private final Map<String, Sent> requests = new ConcurrentHashMap<>();
    private final LongAdder unmatchedReplies = new LongAdder();
    private volatile Phase phase = new Phase("before the run", 0, 0);

    TeamsTraffic(List<Sender> senders, BotFrameworkTokenMinter minter, String appId, String serviceUrl, int tokens) {
        for (Sender sender : senders) {
            TeamsPayloads payloads = new TeamsPayloads(sender.tenantId(), appId, serviceUrl, TestClock.atBase());
            TeamsPayloads.User user = sender.user();
            TeamsPayloads.User inTemplate = new TeamsPayloads.User(user.id(), user.aadObjectId(), user.name(), CONVERSATION);
            for (String text : TEXTS) {
                ObjectNode activity = (ObjectNode) JSON.readTree(payloads.message(inTemplate, text));
                activity.put("id", ACTIVITY_ID);
                templates.add(JSON.writeValueAsString(activity));
            }
        }
        for (int i = 0; i < tokens; i++) {
            bearers.add(minter.claims(appId, serviceUrl).claim("jti", UUID.randomUUID().toString()).bearer());
        }
        this.senders = senders.size();
    }

    /** Request {@code seq} of run {@code tag}: its id is its conversation's. */
    @Override
    public LoadGenerator.Request request(String tag, long seq) {
        String id = tag + seq;
        String conversation = "a:1bench" + id;
        String body = templates.get((int) (seq % templates.size())).replace(ACTIVITY_ID, "1763900" + id)
                .replace(CONVERSATION, conversation);
        return new LoadGenerator.Request(conversation, "application/json; charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8),
                LoadGenerator.Request.headers("Authorization", bearers.get((int) (seq % bearers.size()))));
    }

    @Override
    public void sending(LoadGenerator.Request request, long dueNanos, boolean measured) {
        Phase current = phase;
        requests.put(request.id(), new Sent(current, dueNanos, measured));
        current.sent.increment();
    }

    @Override
    public void answered(LoadGenerator.Request request, int status) {
        Sent one = requests.get(request.id());
        if (one != null) {
            one.status = status;
            (status / 100 == 2 ? one.phase.acknowledged : one.phase.refused).increment();
        }
    }

    /** An activity the bot posted to {@code conversation}, arriving at the Bot Connector at {@code nanos}. */
    void replied(String conversation, long nanos) {
        Sent one = requests.get(conversation);
        if (one == null) {
            unmatchedReplies.increment();
            return;
        }
        Phase of = one.phase;
        of.replies.increment();
        if (nanos >= of.windowFrom && nanos < of.windowTo) {
            of.repliesInWindow.increment();
        }
        if (one.replies.getAndIncrement() == 0 && one.measured) {
            of.endToEnd.answered(200, one.dueNanos, nanos);
        }
    }

    /**
     * Starts counting a phase; replies arriving between {@code windowFrom} and {@code windowTo} ({@link System#nanoTime()})
     * count as the phase's measured window's.
     */
    Phase start(String name, long windowFrom, long windowTo) {
        phase = new Phase(name, windowFrom, windowTo);
        return phase;
    }

    /** Replies to no request this traffic sent (none expected). */
    long unmatchedReplies() {
        return unmatchedReplies.sum();
    }

    int senders() {
        return senders;
    }

    int tokens() {
        return bearers.size();
    }

    /** Token {@code n} (in turn) as the requests carry it, for timing the token check apart. */
    String bearer(int n) {
        return bearers.get(n % bearers.size());
    }

    private static final class Sent {
        final Phase phase;
        final long dueNanos;
        final boolean measured;
        final AtomicInteger replies = new AtomicInteger();
        volatile int status = -1;

        Sent(Phase phase, long dueNanos, boolean measured) {
            this.phase = phase;
            this.dueNanos = dueNanos;
            this.measured = measured;
        }
    }

    /** One phase's requests and their replies: end-to-end latencies of its measured requests. */
    final class Phase {

        final String name;
        final long windowFrom;
        final long windowTo;
        final Stats endToEnd = new Stats();
        final LongAdder sent = new LongAdder();
        final LongAdder acknowledged = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder replies = new LongAdder();
        final LongAdder repliesInWindow = new LongAdder();

        private Phase(String name, long windowFrom, long windowTo) {
            this.name = name;
            this.windowFrom = windowFrom;
            this.windowTo = windowTo;
        }

        /**
         * Once the phase's work is done: its acknowledged requests that got no reply, and those that got more than
         * one; forgets the phase's requests.
         */
        Outcome finish() {
            long unanswered = 0;
            long several = 0;
            long answered = 0;
            for (var entry : requests.entrySet()) {
                Sent one = entry.getValue();
                if (one.phase != this) {
                    continue;
                }
                int replies = one.replies.get();
                if (replies > 0) {
                    answered++;
                }
                if (one.status / 100 == 2 && replies == 0) {
                    unanswered++;
                }
                if (replies > 1) {
                    several++;
                }
                requests.remove(entry.getKey());
            }
            return new Outcome(answered, unanswered, several);
        }
    }

    /**
     * @param answered   requests that got a reply
     * @param unanswered acknowledged (2xx) requests that never got one
     * @param several    requests that got more than one reply
     */
    record Outcome(long answered, long unanswered, long several) {
    }
}
