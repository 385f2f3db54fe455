package dev.stepwise.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.app.embedded.EmbeddedDefaults;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.testing.RealServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/** With a database and Redis configured, the app uses them, starts no servers of its own and loads no demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=production")
class ConfiguredServersTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> RealServers.get().jdbcUrl());
        registry.add("stepwise.redis.url", () -> RealServers.get().redisUri());
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void usesTheConfiguredServersAndLoadsNoDemo() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisServer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EmbeddedDefaults.class)).isEmpty();
        assertThat(context.getBean(Organisations.class).findByKey("northwind")).isEmpty();
    }

    @Test
    void theProductionProfileHasNoPlayground() throws Exception {
        assertThat(context.containsBean("playgroundController")).isFalse();
        assertThat(context.getBeanNamesForType(dev.stepwise.core.conversation.Messenger.class)).doesNotContain("playgroundMessenger");
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/api/playground/people", "/playground/index.html", "/slack/events"}) {
            int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).as(path).isEqualTo(404);
        }
    }
}
