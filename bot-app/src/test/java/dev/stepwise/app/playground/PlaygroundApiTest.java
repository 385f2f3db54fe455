package dev.stepwise.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The application as the README's run command starts it: embedded servers, demo organisation, playground. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundApiTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    dev.stepwise.core.catalogue.search.CatalogueSearch search;

    @org.springframework.beans.factory.annotation.Autowired
    dev.stepwise.core.organisation.Organisations organisations;

    private PlaygroundClient client;

    @BeforeEach
    void setUp() {
        client = new PlaygroundClient(port);
    }

    @Test
    void thePageIsServedAtTheRoot() {
        String html = client.getText("/");
        assertThat(html).contains("<title>", "Stepwise playground", "/playground/playground.js");
        assertThat(client.getText("/playground/playground.js")).contains("/api/playground");
    }

    @Test
    void theDemoCatalogueIsSearchedWithItsEmbeddingsFromTheFirstQuery() {
        var northwind = organisations.findByKey("northwind").orElseThrow();
        int withoutEmbedding = jdbc.sql("""
                select count(*) from catalogue_items i
                left join catalogue_item_embeddings e on e.catalogue_item_id = i.id
                where i.organisation_id = ? and e.catalogue_item_id is null""").param(northwind.id()).query(Integer.class).single();
        assertThat(withoutEmbedding).as("embedded before the application was ready").isZero();

        var hits = search.search(northwind.id(), new dev.stepwise.core.catalogue.search.SearchQuery(
                "a tough performance conversation tomorrow", 3, dev.stepwise.core.catalogue.search.SearchFilters.NONE,
                dev.stepwise.core.catalogue.search.SearchMode.VECTOR));
        assertThat(hits).as("the vector search has the items at once").isNotEmpty();
        assertThat(hits.getFirst().item().title()).isEqualTo("Preparing for a performance conversation");
    }

    @Test
    void theDemoPeopleAreListed() {
        JsonNode people = client.get("/api/playground/people").body();
        assertThat(people.size()).isGreaterThanOrEqualTo(8);
        assertThat(people.get(0).has("id")).isTrue();
        assertThat(people.get(0).get("role").asString()).isNotBlank();
    }

    @Test
    void feedbackGivenInOnePaneAppearsInTheColleaguesPaneWithItsTags() {
        var people = client.get("/api/playground/people").body();
        String giverName = people.get(0).get("name").asString();
        String receiverName = people.get(1).get("name").asString();
        String giver = client.personId(giverName);
        String receiver = client.personId(receiverName);
        long seenByReceiver = lastSeq(client.get("/api/playground/people/" + receiver + "/conversation").body());

        var asked = client.say(giver, "give feedback to " + receiverName);
        assertThat(asked.status()).isEqualTo(200);
        JsonNode echo = asked.body().get("entries").get(0);
        assertThat(echo.get("from").asString()).isEqualTo("person");
        JsonNode choices = PlaygroundClient.blocks(asked).stream().filter(b -> b.get("type").asString().equals("choices"))
                .findFirst().orElseThrow();
        String objective = choices.get("choices").get(0).get("label").asString();

        var form = client.press(giver, asked, objective);
        JsonNode textField = client.lastForm(form).get("fields").get(1);
        assertThat(textField.get("kind").asString()).isEqualTo("textarea");
        assertThat(textField.get("maxLength").asInt()).isEqualTo(2000);

        var sent = client.submit(giver, form, Map.of("skill", "", "text", "The kickoff notes saved us a week."));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().toString()).contains("Thanks!", receiverName);

        JsonNode receiverEntries = client.get("/api/playground/people/" + receiver + "/conversation?after=" + seenByReceiver)
                .body().get("entries");
        assertThat(receiverEntries.size()).isEqualTo(1);
        assertThat(receiverEntries.get(0).get("from").asString()).isEqualTo("bot");
        assertThat(receiverEntries.get(0).toString())
                .contains("New feedback from " + giverName, "The kickoff notes saved us a week.", objective);

        var mine = client.say(receiver, "my feedback");
        assertThat(mine.body().toString()).contains("From " + giverName, "The kickoff notes saved us a week.");
    }

    @Test
    void aRequestToTwoColleaguesIsAnsweredInTheirPanesAndTheSummaryArrivesInTheRequesters() {
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
        var details = client.press(requester, asked, "Not about an objective");
        var sent = client.submit(requester, details, Map.of());
        assertThat(sent.body().toString()).contains("I've asked");

        for (String name : colleagues) {
            String id = client.personId(name);
            var inbox = client.get("/api/playground/people/" + id + "/conversation?after=" + seen.get(name));
            assertThat(inbox.body().toString()).contains(requesterName + " asks for your feedback");
            var form = client.press(id, inbox, "Give feedback");
            var answered = client.submit(id, form, Map.of("wentWell", "Kind words from " + name + "."));
            assertThat(answered.body().toString()).contains("Thanks!");
        }

        String requesterSees = client.get("/api/playground/people/" + requester + "/conversation?after=" + seenByRequester)
                .body().toString();
        assertThat(requesterSees).contains("Summary of your feedback request", "Kind words from " + colleagues.get(0),
                "Kind words from " + colleagues.get(1));
    }

    @Test
    void badRequestsGetAFriendlyErrorAndTheRightStatus() {
        String someone = client.get("/api/playground/people").body().get(0).get("id").asString();

        var unknown = client.say("00000000-0000-0000-0000-000000000000", "help");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asString()).isEqualTo("There's no one with that id in the playground.");
        assertThat(client.say("not-an-id", "help").status()).isEqualTo(404);

        var empty = client.say(someone, "   ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("error").asString()).isEqualTo("Type a message first.");

        var huge = client.say(someone, "x".repeat(10_001));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("error").asString()).contains("limited to 10,000");

        var broken = client.postRaw("/api/playground/people/" + someone + "/messages", "{\"text\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("error").asString()).contains("wasn't the JSON");
        assertThat(broken.body().toString()).doesNotContain("Exception").doesNotContain("trace");

        var noAction = client.post("/api/playground/people/" + someone + "/actions", Map.of("value", "x"));
        assertThat(noAction.status()).isEqualTo(400);
    }

    @Test
    void aStaleButtonIsAnsweredKindlyAndChangesNothing() {
        String someone = client.get("/api/playground/people").body().get(0).get("id").asString();
        var stale = client.post("/api/playground/people/" + someone + "/actions",
                Map.of("actionId", "feedback.objective@0badc0de", "value", "whatever"));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body().toString()).contains("moved on");
    }

    @Test
    void healthReportsPostgresqlAndRedis() {
        JsonNode health = client.get("/actuator/health").body();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("redis").get("status").asString()).isEqualTo("UP");
    }

    private static long lastSeq(JsonNode conversation) {
        long last = 0;
        for (JsonNode entry : conversation.get("entries")) {
            last = Math.max(last, entry.get("seq").asLong());
        }
        return last;
    }
}
