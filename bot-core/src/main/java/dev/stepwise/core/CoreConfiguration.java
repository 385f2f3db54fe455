package dev.stepwise.core;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the core's flows, services and repositories. The assembly provides what the core needs from outside:
 * a PostgreSQL {@code DataSource} with its {@code JdbcClient} and {@code TransactionTemplate}, a Lettuce
 * {@code StatefulRedisConnection<String, String>} and the Lettuce {@code RedisClient} it came from (the catalogue's
 * search indexes open a pub/sub connection of their own with it, to hear of changes made by any instance), a
 * {@code Clock}, the
 * {@code CoreSettings} and a {@code Messenger} per channel that can reach people (none is fine: such messages are
 * logged as undelivered).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CoreConfiguration {
}
