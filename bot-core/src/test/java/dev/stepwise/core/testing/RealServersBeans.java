package dev.stepwise.core.testing;

import dev.stepwise.core.CoreConfiguration;
import dev.stepwise.core.conversation.CoreSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The core on the shared real PostgreSQL and Redis, as the assembly wires it: what an adapter's test application
 * imports beside its own auto-configuration. Deliberately not a {@code @Configuration}: the assembly scans
 * {@code dev.stepwise}, and its tests must not pick these beans up in place of its own.
 */
@Import(CoreConfiguration.class)
public class RealServersBeans {

    /** Shared by every test context in the JVM: a closing context must not close it. */
    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return RealServers.get().dataSource();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient() {
        return RealServers.get().redisClient();
    }

    @Bean
    StatefulRedisConnection<String, String> redis(RedisClient client) {
        return client.connect();
    }

    /** The application's only clock: at the suite's base instant, moved only by tests that autowire it. */
    @Bean
    TestClock clock() {
        return TestClock.atBase();
    }

    @Bean
    CoreSettings coreSettings() {
        return CoreSettings.defaults();
    }
}
