package dev.stepwise.core.testing;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Messenger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory channel's outbox: what each person was sent outside their own conversation. */
public final class RecordingMessenger implements Messenger {

    private final Map<UUID, List<List<Block>>> inboxes = new ConcurrentHashMap<>();

    @Override
    public String channel() {
        return "test";
    }

    @Override
    public boolean reaches(UUID organisationId, UUID personId) {
        return true;
    }

    @Override
    public boolean send(UUID organisationId, UUID personId, List<Block> blocks) {
        inboxes.computeIfAbsent(personId, id -> new ArrayList<>()).add(List.copyOf(blocks));
        return true;
    }

    public List<List<Block>> inbox(UUID personId) {
        return List.copyOf(inboxes.getOrDefault(personId, List.of()));
    }
}
