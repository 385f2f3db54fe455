package dev.stepwise.slack.outbound;

import dev.stepwise.core.conversation.Block;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forms shown in a message as an "Open" button (Slack opens modals only from an interaction): kept in Redis
 * until the button is pressed, for as long as the flow waits. A form id is bound to its step, so an old
 * button finds either nothing or a form the core will call stale.
 */
public class PendingForms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatefulRedisConnection<String, String> redis;
    private final Duration ttl;

    public PendingForms(StatefulRedisConnection<String, String> redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    public void keep(String slackUserId, Block.Form form) {
        redis.sync().set(key(slackUserId, form.formId()), JSON.writeValueAsString(form), SetArgs.Builder.ex(ttl));
    }

    /** The form, only for the person it was shown to. */
    public Optional<Block.Form> find(String slackUserId, String formId) {
        return Optional.ofNullable(redis.sync().get(key(slackUserId, formId)))
                .map(json -> JSON.readValue(json, Block.Form.class));
    }

    private static String key(String slackUserId, String formId) {
        return "stepwise:slack:form:" + slackUserId + ":" + formId;
    }
}
