package dev.stepwise.core.llm;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Each organisation's daily LLM allowance, counted in Redis so every instance shares it: tokens in and out are added
 * after each call, and a call is refused once the day's count has reached the allowance (so one call may overshoot it
 * by at most its own size). Days are UTC; counts expire two days later.
 */
final class TokenBudget {

    private final StatefulRedisConnection<String, String> redis;
    private final Clock clock;
    private final long dailyTokens;

    TokenBudget(StatefulRedisConnection<String, String> redis, Clock clock, long dailyTokens) {
        this.redis = redis;
        this.clock = clock;
        this.dailyTokens = dailyTokens;
    }

    boolean hasRoom(UUID organisationId) {
        if (dailyTokens == 0) {
            return true;
        }
        String spent = redis.sync().get(key(organisationId));
        return spent == null || Long.parseLong(spent) < dailyTokens;
    }

    void spend(UUID organisationId, long tokens) {
        if (tokens <= 0) {
            return;
        }
        String key = key(organisationId);
        var commands = redis.sync();
        commands.incrby(key, tokens);
        commands.expire(key, 2 * 24 * 3600);
    }

    long spentToday(UUID organisationId) {
        String spent = redis.sync().get(key(organisationId));
        return spent == null ? 0 : Long.parseLong(spent);
    }

    private String key(UUID organisationId) {
        return "stepwise:llm-tokens:" + organisationId + ":" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
