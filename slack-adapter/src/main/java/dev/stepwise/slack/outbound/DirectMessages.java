package dev.stepwise.slack.outbound;

import dev.stepwise.slack.webapi.SlackWebApi;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/** The DM channel between the bot and a Slack user, opened once and remembered in Redis. */
public class DirectMessages {

    private static final Duration REMEMBER = Duration.ofDays(7);

    private final SlackWebApi api;
    private final StatefulRedisConnection<String, String> redis;

    public DirectMessages(SlackWebApi api, StatefulRedisConnection<String, String> redis) {
        this.api = api;
        this.redis = redis;
    }

    public String channelWith(String token, String userId) {
        String key = "stepwise:slack:dm:" + Integer.toHexString(token.hashCode()) + ":" + userId;
        String channel = redis.sync().get(key);
        if (channel == null) {
            channel = api.openDm(token, userId);
            redis.sync().set(key, channel, SetArgs.Builder.ex(REMEMBER));
        }
        return channel;
    }
}
