package dev.stepwise.core.conversation;

import java.time.Duration;

/**
 * Settings of the conversation engine (bound from {@code stepwise.conversation.*} by the assembly).
 *
 * @param conversationTtl     how long an unfinished flow waits for the person before it is forgotten
 * @param deduplicationWindow how long an inbound event id is remembered to drop platform retries
 * @param maxFeedbackLength   the longest feedback text accepted, in characters
 */
public record CoreSettings(Duration conversationTtl, Duration deduplicationWindow, int maxFeedbackLength) {

    public static CoreSettings defaults() {
        return new CoreSettings(Duration.ofMinutes(30), Duration.ofHours(24), 2000);
    }
}
