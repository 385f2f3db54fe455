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

/** Setting Slack's signing secret and bot token is all it takes to serve Slack beside the playground. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stepwise.slack.signing-secret=assembly-test-secret", "stepwise.slack.bot-token=xoxb-assembly-test",
        "stepwise.slack.api-url=http://127.0.0.1:9/api/", "stepwise.demo.enabled=false"})
class SlackInTheAssemblyTest {

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
    void theSlackRequestUrlIsServedAndFeedbackCanReachPeopleInSlackOrThePlayground() throws Exception {
        assertThat(Arrays.asList(context.getBeanNamesForType(Messenger.class)))
                .containsExactlyInAnyOrder("playgroundMessenger", "slackMessenger");

        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"url_verification\",\"challenge\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("signed requests from Slack").doesNotContain("Exception");
    }
}
