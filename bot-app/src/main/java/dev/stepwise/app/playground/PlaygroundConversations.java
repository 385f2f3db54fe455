package dev.stepwise.app.playground;

import dev.stepwise.core.conversation.Block;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each person's chat with the bot shows in the playground: their own inputs and everything the bot sent
 * them, numbered with one increasing sequence so a page can ask for "everything after N". Kept in memory and
 * capped per person; the playground is a local tool, and what matters is stored in PostgreSQL by the flows.
 */
class PlaygroundConversations {

    enum From { PERSON, BOT }

    record Entry(long seq, From from, Instant at, List<Block> blocks) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<UUID, Deque<Entry>> byPerson = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    PlaygroundConversations(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    Entry append(UUID personId, From from, List<Block> blocks) {
        Deque<Entry> entries = byPerson.computeIfAbsent(personId, id -> new ArrayDeque<>());
        synchronized (entries) {
            Entry entry = new Entry(sequence.incrementAndGet(), from, clock.instant(), List.copyOf(blocks));
            entries.addLast(entry);
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
            return entry;
        }
    }

    List<Entry> after(UUID personId, long seq) {
        Deque<Entry> entries = byPerson.get(personId);
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return entries.stream().filter(e -> e.seq() > seq).toList();
        }
    }
}
