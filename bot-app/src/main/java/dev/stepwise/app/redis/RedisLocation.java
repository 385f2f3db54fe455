package dev.stepwise.app.redis;

/** The Redis server the application uses, as a {@code redis://} or {@code rediss://} URI. */
public record RedisLocation(String uri) {
}
