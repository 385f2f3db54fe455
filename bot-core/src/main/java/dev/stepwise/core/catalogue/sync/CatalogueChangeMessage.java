package dev.stepwise.core.catalogue.sync;

import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is published on {@link #CHANNEL} when catalogue items were added, changed or deleted: the organisation and
 * the items' ids (only ids: every instance reads the items themselves from PostgreSQL), as JSON,
 * e.g. {@code {"organisationId":"…","itemIds":["…"]}}.
 */
public record CatalogueChangeMessage(UUID organisationId, List<UUID> itemIds) {

    /** The Redis pub/sub channel every instance listens on. */
    public static final String CHANNEL = "stepwise:catalogue-changes";
    /** Most ids in one message (about 20 KB). */
    public static final int MAX_IDS = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CatalogueChangeMessage {
        if (organisationId == null || itemIds == null) {
            throw new IllegalArgumentException("A catalogue change names an organisation and its items");
        }
        itemIds = List.copyOf(itemIds);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** @throws IllegalArgumentException if {@code json} isn't a catalogue change */
    public static CatalogueChangeMessage parse(String json) {
        try {
            return JSON.readValue(json, CatalogueChangeMessage.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a catalogue change message", e);
        }
    }
}
