package dev.stepwise.core.conversation;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Idempotency of inbound events: the first caller for a (channel, event id) wins, every retry is told it is one. */
@Component
public class InboundEvents {

    private final StatefulRedisConnection<String, String> redis;
    private final Duration window;

    public InboundEvents(StatefulRedisConnection<String, String> redis, CoreSettings settings) {
        this.redis = redis;
        this.window = settings.deduplicationWindow();
    }

    /** True exactly once per (channel, event id) within the deduplication window, atomically across instances. */
    public boolean firstSeen(String channel, String eventId) {
        String reply = redis.sync().set("stepwise:event:" + channel + ":" + eventId, "1", SetArgs.Builder.nx().ex(window));
        return "OK".equals(reply);
    }
}
