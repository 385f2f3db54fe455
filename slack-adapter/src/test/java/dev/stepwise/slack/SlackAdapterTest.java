package dev.stepwise.slack;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stepwise.core.people.People;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The adapter over real HTTP: Slack's requests signed and posted to {@code /slack/events}, Slack's Web API played
 * by WireMock, the core on real PostgreSQL and Redis. Each test gets its own organisation and workspace.
 */
@SpringBootTest(classes = SlackTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stepwise.slack.signing-secret=" + SignedRequests.SIGNING_SECRET,
                "stepwise.slack.bot-token=xoxb-test-token"})
abstract class SlackAdapterTest {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    /** The application's clock; back at the base instant before each test. */
    @Autowired
    TestClock clock;

    TestOrganisation org;
    SlackPayloads payloads;
    SignedRequests slack;

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("stepwise.slack.api-url", SlackStandIn::apiUrl);
    }

    @BeforeEach
    void newWorkspace() {
        SlackStandIn.reset();
        org = TestOrganisation.create();
        payloads = new SlackPayloads("T" + org.key().toUpperCase());
        clock.set(TestClock.base().toInstant());
        slack = new SignedRequests(port, clock);
    }

    String slackUser(String personKey) {
        return people.identityOf(org.id(), org.personId(personKey), "slack").orElseThrow();
    }

    /** Waits for a call of the method whose parameters satisfy the check, and returns it. */
    static Map<String, String> awaitCall(String method, Predicate<Map<String, String>> check) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> SlackStandIn.calls(method).stream().filter(check).findFirst(), Optional::isPresent).orElseThrow();
    }

    static List<Map<String, String>> calls(String method) {
        return SlackStandIn.calls(method);
    }

    /** The button with this label in Block Kit JSON: {action_id, value}. */
    static JsonObject button(String blocksJson, String label) {
        for (JsonElement block : JsonParser.parseString(blocksJson).getAsJsonArray()) {
            JsonObject object = block.getAsJsonObject();
            if (object.has("elements")) {
                for (JsonElement element : object.getAsJsonArray("elements")) {
                    JsonObject e = element.getAsJsonObject();
                    if (e.has("text") && e.getAsJsonObject("text").get("text").getAsString().equals(label)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("No button '" + label + "' in " + blocksJson);
    }

    /** Every text in Block Kit JSON (sections, fields, buttons, titles), decoded, one per line. */
    static String texts(String json) {
        StringBuilder out = new StringBuilder();
        collect(JsonParser.parseString(json), out);
        return out.toString();
    }

    private static void collect(JsonElement element, StringBuilder out) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, out));
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getKey().equals("text") && e.getValue().isJsonPrimitive()) {
                    out.append(e.getValue().getAsString()).append('\n');
                } else {
                    collect(e.getValue(), out);
                }
            });
        }
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static JsonArray array(String text) {
        return JsonParser.parseString(text).getAsJsonArray();
    }
}
