package dev.stepwise.app.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code stepwise.redis.url}: the Redis server to use, e.g. {@code redis://:password@redis:6379/0}; unset starts an embedded one. */
@ConfigurationProperties("stepwise.redis")
public record RedisProperties(String url) {
}
