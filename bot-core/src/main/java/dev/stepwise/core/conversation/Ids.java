package dev.stepwise.core.conversation;

import java.util.Optional;
import java.util.UUID;

/** Ids that come back from buttons and state: anything not a UUID is simply not one (a stale or forged value). */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
