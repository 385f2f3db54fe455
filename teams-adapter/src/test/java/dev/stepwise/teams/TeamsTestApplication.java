package dev.stepwise.teams;

import dev.stepwise.core.CoreConfiguration;
import dev.stepwise.core.conversation.CoreSettings;
import dev.stepwise.core.testing.RealServers;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The core and the Teams adapter on the shared real PostgreSQL and Redis, as the assembly wires them. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class TeamsTestApplication {

    /** Shared by every test context in the JVM: a closing context must not close it. */
    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return RealServers.get().dataSource();
    }

    @Bean
    StatefulRedisConnection<String, String> redis() {
        return RealServers.get().connectRedis();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CoreSettings coreSettings() {
        return CoreSettings.defaults();
    }
}
