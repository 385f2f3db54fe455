package dev.stepwise.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.core.testing.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with {@code stepwise.llm.*} pointing at WireMock playing an OpenAI-compatible endpoint: a request
 * answered in the playground ends with the LLM-written summary, the call is counted, and the organisation's admin
 * sees the tokens it used against its daily budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundWithLlmTest {

    static final LlmStandIn LLM = new LlmStandIn();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("stepwise.llm.base-url", LLM::baseUrl);
        registry.add("stepwise.llm.model", () -> "test-model");
        registry.add("stepwise.llm.api-key", () -> "sk-assembly-test");
    }

    @AfterAll
    static void stop() {
        LLM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Test
    void aClosedRequestsSummaryIsWrittenByTheConfiguredLlmAndItsTokensCountInTheOrganisationsUsage() throws Exception {
        LLM.answers("""
                {"wentWell": ["Your kickoff notes helped everyone start quickly."], "couldBeBetter": [], "nextStep": "Keep sharing notes."}""",
                200, 40);
        var client = new PlaygroundClient(port);
        var people = client.get("/api/playground/people").body();
        String requesterName = people.get(2).get("name").asString();
        String requester = client.personId(requesterName);
        List<String> colleagues = List.of(people.get(3).get("name").asString(), people.get(4).get("name").asString());

        long seenByRequester = lastSeq(client.get("/api/playground/people/" + requester + "/conversation").body());
        Map<String, Long> seen = new java.util.HashMap<>();
        for (String name : colleagues) {
            seen.put(name, lastSeq(client.get("/api/playground/people/" + client.personId(name) + "/conversation").body()));
        }
        var asked = client.say(requester, "request feedback from " + String.join(", ", colleagues));
        client.submit(requester, client.press(requester, asked, "Not about an objective"), Map.of());
        for (String name : colleagues) {
            String id = client.personId(name);
            var inbox = client.get("/api/playground/people/" + id + "/conversation?after=" + seen.get(name));
            var form = client.press(id, inbox, "Give feedback");
            client.submit(id, form, Map.of("wentWell", "The kickoff notes from " + requesterName + " helped."));
        }

        String requesterSees = client.get("/api/playground/people/" + requester + "/conversation?after=" + seenByRequester)
                .body().toString();
        assertThat(requesterSees).contains("Summary of your feedback request", "Summarised by AI from the 2 answers",
                "Your kickoff notes helped everyone start quickly.", "Keep sharing notes.");
        assertThat(LLM.lastPrompt()).contains("The kickoff notes from").doesNotContain(colleagues.get(0), colleagues.get(1));
        assertThat(LLM.calls().getLast().getHeader("Authorization")).isEqualTo("Bearer sk-assembly-test");
        assertThat(meters.get("stepwise.llm.calls").tag("prompt", "feedback-summary").tag("outcome", "written").timer().count())
                .isEqualTo(1);
        assertThat(meters.get("stepwise.llm.tokens").tag("kind", "input").counter().count()).isEqualTo(200);

        var usage = adminGet("/admin/api/organisations/northwind/llm-usage", "stepwise-demo-admin");
        assertThat(usage.statusCode()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(usage.body());
        assertThat(json.get("llm").asString()).isEqualTo("on");
        assertThat(json.get("model").asString()).isEqualTo("test-model");
        assertThat(json.get("tokensUsedToday").asLong()).as("200 in and 40 out for the summary").isGreaterThanOrEqualTo(240);
        assertThat(json.get("dailyTokenBudget").asLong()).isEqualTo(200_000);
        assertThat(Instant.parse(json.get("resetsAt").asString())).as("the next UTC midnight on the application's clock")
                .isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(usage.body()).doesNotContain("sk-assembly-test");
        assertThat(adminGet("/admin/api/organisations/northwind/llm-usage", null).statusCode()).isEqualTo(401);
    }

    private java.net.http.HttpResponse<String> adminGet(String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static long lastSeq(tools.jackson.databind.JsonNode conversation) {
        long last = 0;
        for (var entry : conversation.get("entries")) {
            last = Math.max(last, entry.get("seq").asLong());
        }
        return last;
    }
}
