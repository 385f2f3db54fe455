package dev.stepwise.core.conversation;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Short-lived conversation state in Redis, keyed by (channel, organisation, conversation, person), with a TTL. */
@Component
public class ConversationStates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatefulRedisConnection<String, String> redis;
    private final Duration ttl;

    public ConversationStates(StatefulRedisConnection<String, String> redis, CoreSettings settings) {
        this.redis = redis;
        this.ttl = settings.conversationTtl();
    }

    public Optional<ConversationState> find(Inbound inbound) {
        String json = redis.sync().get(key(inbound));
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, ConversationState.class));
    }

    public void save(Inbound inbound, ConversationState state) {
        redis.sync().set(key(inbound), JSON.writeValueAsString(state), SetArgs.Builder.ex(ttl));
    }

    public void clear(Inbound inbound) {
        redis.sync().del(key(inbound));
    }

    private static String key(Inbound inbound) {
        return "stepwise:conversation:" + inbound.channel() + ":" + inbound.organisationId() + ":"
                + inbound.conversationId() + ":" + inbound.personId();
    }
}
