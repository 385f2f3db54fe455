package dev.stepwise.teams;

import static org.awaitility.Awaitility.await;

import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The adapter over real HTTP: activities posted to {@code /api/messages} with a token signed by the key WireMock
 * publishes as the Bot Framework's, the Bot Connector and token endpoint played by WireMock, the core on real
 * PostgreSQL and Redis. Each test gets its own organisation and tenant.
 */
@SpringBootTest(classes = TeamsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"stepwise.teams.app-id=" + TeamsStandIn.APP_ID, "stepwise.teams.app-password=" + TeamsStandIn.APP_PASSWORD})
abstract class TeamsAdapterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    /** The application's clock; back at the base instant before each test, and the one tokens are dated on. */
    @Autowired
    TestClock clock;

    TestOrganisation org;
    TeamsPayloads teams;

    @DynamicPropertySource
    static void microsoft(DynamicPropertyRegistry registry) {
        registry.add("stepwise.teams.open-id-metadata-url", TeamsStandIn::metadataUrl);
        registry.add("stepwise.teams.token-endpoint", TeamsStandIn::tokenEndpoint);
    }

    @BeforeEach
    void newTenant() {
        TeamsStandIn.reset();
        clock.set(TestClock.base().toInstant());
        TeamsStandIn.minter().useClock(clock);
        org = TestOrganisation.create();
        String tenant = organisations.identities(org.id(), "teams").stream().map(ChannelIdentity::externalId).findFirst()
                .orElseThrow();
        teams = new TeamsPayloads(tenant, TeamsStandIn.APP_ID, TeamsStandIn.serviceUrl(), clock);
    }

    /** A Teams user who is this person of the organisation (known by their AAD object id). */
    TeamsPayloads.User user(String personKey) {
        TeamsPayloads.User user = TeamsPayloads.User.named(org.person(personKey).name());
        people.addIdentity(org.id(), org.personId(personKey), "teams", user.aadObjectId());
        return user;
    }

    /** Posts the activity with a valid token for it, as the Bot Connector would. */
    HttpResponse<String> post(String activity) {
        return post(activity, TeamsStandIn.minter().bearer(TeamsStandIn.APP_ID, TeamsStandIn.serviceUrl()));
    }

    HttpResponse<String> post(String activity, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    /** Waits for an activity sent to the conversation that satisfies the check. */
    static TeamsStandIn.Sent awaitSent(String conversationId, Predicate<TeamsStandIn.Sent> check) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> TeamsStandIn.sentTo(conversationId).stream().filter(check).findFirst(), Optional::isPresent).orElseThrow();
    }

    static List<TeamsStandIn.Sent> sentTo(String conversationId) {
        return TeamsStandIn.sentTo(conversationId);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The card in a sent activity. */
    static JsonNode card(TeamsStandIn.Sent sent) {
        return sent.activity().path("attachments").path(0).path("content");
    }

    /** The Action.Execute with this title anywhere in the card. */
    static JsonNode action(JsonNode card, String title) {
        return find(card, n -> "Action.Execute".equals(n.path("type").asString(null)) && title.equals(n.path("title").asString(null)))
                .orElseThrow(() -> new AssertionError("No action '" + title + "' in " + card));
    }

    static Optional<JsonNode> find(JsonNode node, Predicate<JsonNode> check) {
        if (node.isObject() && check.test(node)) {
            return Optional.of(node);
        }
        for (JsonNode child : node) {
            Optional<JsonNode> found = find(child, check);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        TeamsStandIn.collect(node, out);
        return out.toString();
    }
}
