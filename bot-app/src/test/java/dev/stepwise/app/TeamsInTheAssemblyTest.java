package dev.stepwise.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.Messenger;
import dev.stepwise.core.testing.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bot Framework's conventional settings (MicrosoftAppId, MicrosoftAppPassword, ...) are all it takes to serve
 * Teams beside the playground.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=0f6e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", "MicrosoftAppPassword=assembly-test-secret",
        "MicrosoftAppType=SingleTenant", "MicrosoftAppTenantId=3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "stepwise.teams.open-id-metadata-url=http://127.0.0.1:9/openid", "stepwise.demo.enabled=false"})
class TeamsInTheAssemblyTest {

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
    void theMessagingEndpointIsServedAndFeedbackCanReachPeopleInTeamsOrThePlayground() throws Exception {
        assertThat(Arrays.asList(context.getBeanNamesForType(Messenger.class)))
                .containsExactlyInAnyOrder("playgroundMessenger", "teamsMessenger");
        assertThat(context.getEnvironment().getProperty("stepwise.teams.app-type")).isEqualTo("SingleTenant");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("only accepts requests from the Bot Framework").doesNotContain("Exception");
    }
}
