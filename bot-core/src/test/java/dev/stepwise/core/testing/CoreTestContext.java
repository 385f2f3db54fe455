package dev.stepwise.core.testing;

import dev.stepwise.core.CoreConfiguration;
import dev.stepwise.core.conversation.CoreSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The core wired exactly as the application wires it, on the real test servers, with a test clock at the suite's
 * base instant ({@link TestClock#base()}) and a recording messenger. One per JVM; tests isolate themselves by organisation.
 */
public final class CoreTestContext {

    private static AnnotationConfigApplicationContext context;

    private CoreTestContext() {
    }

    public static synchronized AnnotationConfigApplicationContext get() {
        if (context == null) {
            RealServers servers = RealServers.get();
            var created = new AnnotationConfigApplicationContext();
            created.registerBean(JdbcClient.class, () -> JdbcClient.create(servers.dataSource()));
            created.registerBean(TransactionTemplate.class,
                    () -> new TransactionTemplate(new DataSourceTransactionManager(servers.dataSource())));
            RedisClient redis = servers.redisClient();
            created.registerBean(RedisClient.class, () -> redis);
            created.registerBean(StatefulRedisConnection.class, () -> redis.connect());
            created.registerBean(TestClock.class, TestClock::atBase);
            created.registerBean(CoreSettings.class, CoreSettings::defaults);
            created.registerBean(RecordingMessenger.class, RecordingMessenger::new);
            created.register(CoreConfiguration.class);
            created.refresh();
            context = created;
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return get().getBean(type);
    }
}
