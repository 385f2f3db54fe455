package dev.stepwise.app.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Lettuce client and one shared, thread-safe connection to Redis, plus its health indicator. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    @ConditionalOnProperty("stepwise.redis.url")
    RedisLocation configuredRedisLocation(RedisProperties properties) {
        return new RedisLocation(properties.url());
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(RedisLocation location) {
        return RedisClient.create(location.uri());
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    @Bean
    AbstractHealthIndicator redisHealthIndicator(StatefulRedisConnection<String, String> connection) {
        return new AbstractHealthIndicator("Redis health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                String pong = connection.sync().ping();
                builder.status("PONG".equals(pong) ? org.springframework.boot.health.contributor.Status.UP
                        : org.springframework.boot.health.contributor.Status.DOWN);
            }
        };
    }
}
