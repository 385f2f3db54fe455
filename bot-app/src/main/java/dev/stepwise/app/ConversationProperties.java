package dev.stepwise.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stepwise.conversation.*}: how long an unfinished flow waits, how long event ids are remembered to
 * drop platform retries, and the longest feedback accepted.
 */
@ConfigurationProperties("stepwise.conversation")
public record ConversationProperties(@DefaultValue("30m") Duration ttl,
                                     @DefaultValue("24h") Duration deduplicationWindow,
                                     @DefaultValue("2000") int maxFeedbackLength) {
}
