package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.teams.TeamsPayloads.User;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Give feedback in Teams end to end: a message, a card's buttons and form answered with the updated card inside
 * the invoke response, and the colleague's proactive message in their personal chat.
 */
class TeamsCardsTest extends TeamsAdapterTest {

    @Test
    void buttonsAndAFormInTheCardDeliverFeedbackToTheColleaguesPersonalChat() {
        User priya = user("priya");
        User ben = user("ben");
        assertThat(post(teams.installedPersonally(ben)).statusCode()).isEqualTo(200);
        awaitSent(ben.personalChat(), s -> true);

        post(teams.message(priya, "give feedback to Ben"));
        TeamsStandIn.Sent question = awaitSent(priya.personalChat(), s -> s.texts().contains("Ship onboarding v2"));
        assertThat(question.texts()).contains("Which of **Ben**'s objectives");
        JsonNode objective = action(card(question), "Ship onboarding v2");
        assertThat(objective.path("verb").asString()).isEqualTo("choice");

        HttpResponse<String> pressed = post(teams.cardAction(priya, "choice", JSON.convertValue(objective.path("data"), Map.class)));
        assertThat(pressed.statusCode()).isEqualTo(200);
        JsonNode formCard = invokeCard(pressed);
        assertThat(texts(formCard)).contains("Feedback for Ben Adeyemi");
        JsonNode submit = find(formCard, n -> "form".equals(n.path("verb").asString(null))).orElseThrow();
        assertThat(find(formCard, n -> "field.text".equals(n.path("id").asString(null)))).isPresent();

        Map<String, Object> data = new HashMap<>(JSON.convertValue(submit.path("data"), Map.class));
        data.put("field.text", "Your demo made the trade-offs easy to follow.");
        HttpResponse<String> submitted = post(teams.cardAction(priya, "form", data));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(texts(invokeCard(submitted))).contains("Thanks!");
        TeamsStandIn.Sent delivered = awaitSent(ben.personalChat(), s -> s.texts().contains("New feedback from Priya Sharma"));
        assertThat(delivered.texts()).contains("Your demo made the trade-offs easy to follow.", "Ship onboarding v2");
        assertThat(delivered.activity().path("summary").asString()).contains("New feedback from Priya Sharma");
        assertThat(feedbackTexts()).containsExactly("Your demo made the trade-offs easy to follow.");
        assertThat(sentTo(priya.personalChat())).as("the answer came in the invoke, not as another message").hasSize(1);
    }

    @Test
    void anEmptyFormComesBackWithTheErrorInTheCardAndNothingIsStored() {
        User priya = user("priya");
        post(teams.message(priya, "give feedback to Ben"));
        JsonNode question = card(awaitSent(priya.personalChat(), s -> s.texts().contains("Ship onboarding v2")));
        JsonNode formCard = invokeCard(post(teams.cardAction(priya, "choice",
                JSON.convertValue(action(question, "Ship onboarding v2").path("data"), Map.class))));
        Map<String, Object> data = new HashMap<>(JSON.convertValue(
                find(formCard, n -> "form".equals(n.path("verb").asString(null))).orElseThrow().path("data"), Map.class));
        data.put("field.text", "   ");

        JsonNode again = invokeCard(post(teams.cardAction(priya, "form", data)));

        assertThat(find(again, n -> "field.text".equals(n.path("id").asString(null)))).as("the form is shown again").isPresent();
        assertThat(find(again, n -> "attention".equalsIgnoreCase(n.path("color").asString(null)))).as("with its error").isPresent();
        assertThat(feedbackTexts()).isEmpty();
    }

    @Test
    void aButtonPressedAfterTheFlowMovedOnChangesNothingAndSaysSo() {
        User priya = user("priya");
        post(teams.message(priya, "give feedback to Ben"));
        JsonNode question = card(awaitSent(priya.personalChat(), s -> s.texts().contains("Ship onboarding v2")));
        Map<String, Object> objective = JSON.convertValue(action(question, "Ship onboarding v2").path("data"), Map.class);
        post(teams.message(priya, "cancel"));
        awaitSent(priya.personalChat(), s -> s.texts().contains("cancelled"));

        JsonNode stale = invokeCard(post(teams.cardAction(priya, "choice", objective)));

        assertThat(texts(stale)).contains("moved on");
        assertThat(feedbackTexts()).isEmpty();
    }

    @Test
    void aRefreshShowsTheCurrentStateToWhoeverOpensTheCard() {
        User ben = user("ben");
        User priya = user("priya");
        post(teams.message(ben, "my feedback"));
        JsonNode before = card(awaitSent(ben.personalChat(), s -> true));
        Map<String, Object> refreshData = JSON.convertValue(before.path("refresh").path("action").path("data"), Map.class);
        assertThat(texts(before)).doesNotContain("Great pairing session");

        // Feedback arrives for Ben after the card was sent...
        post(teams.message(priya, "give feedback to Ben"));
        JsonNode choose = card(awaitSent(priya.personalChat(), s -> s.texts().contains("Ship onboarding v2")));
        JsonNode formCard = invokeCard(post(teams.cardAction(priya, "choice",
                JSON.convertValue(action(choose, "Ship onboarding v2").path("data"), Map.class))));
        Map<String, Object> data = new HashMap<>(JSON.convertValue(
                find(formCard, n -> "form".equals(n.path("verb").asString(null))).orElseThrow().path("data"), Map.class));
        data.put("field.text", "Great pairing session on the flaky tests");
        assertThat(texts(invokeCard(post(teams.cardAction(priya, "form", data))))).contains("Thanks!");

        // ...and Ben's card, refreshed, shows it; the same refresh from Priya shows Priya's own feedback, not Ben's.
        JsonNode after = invokeCard(post(teams.cardAction(ben, "refresh", refreshData)));
        assertThat(texts(after)).contains("Great pairing session on the flaky tests");
        assertThat(after.path("refresh").path("action").path("verb").asString()).isEqualTo("refresh");
        JsonNode priyasView = invokeCard(post(teams.cardAction(priya, "refresh", refreshData)));
        assertThat(texts(priyasView)).doesNotContain("Great pairing session on the flaky tests");
    }

    @Test
    void aRequestToTwoColleaguesIsAnsweredFromTheirChatsAndTheRequesterGetsTheSummary() {
        User ben = user("ben");
        User priya = user("priya");
        User sam = user("sam");
        for (User person : List.of(ben, priya, sam)) {
            post(teams.installedPersonally(person));
            awaitSent(person.personalChat(), s -> true);
        }

        post(teams.message(ben, "request feedback from Priya and Sam"));
        JsonNode objectives = card(awaitSent(ben.personalChat(), s -> s.texts().contains("Which of your objectives")));
        JsonNode form = invokeCard(post(teams.cardAction(ben, "choice",
                JSON.convertValue(action(objectives, "Ship onboarding v2").path("data"), Map.class))));
        Map<String, Object> details = new HashMap<>(JSON.convertValue(
                find(form, n -> "form".equals(n.path("verb").asString(null))).orElseThrow().path("data"), Map.class));
        assertThat(texts(invokeCard(post(teams.cardAction(ben, "form", details)))))
                .contains("I've asked **Priya Sharma** and **Sam Okoro**");

        for (User colleague : List.of(priya, sam)) {
            JsonNode request = card(awaitSent(colleague.personalChat(), s -> s.texts().contains("Ben Adeyemi asks for your feedback")));
            JsonNode answerForm = invokeCard(post(teams.cardAction(colleague, "choice",
                    JSON.convertValue(action(request, "Give feedback").path("data"), Map.class))));
            Map<String, Object> answer = new HashMap<>(JSON.convertValue(
                    find(answerForm, n -> "form".equals(n.path("verb").asString(null))).orElseThrow().path("data"), Map.class));
            answer.put("field.wentWell", colleague == priya ? "Clear release notes." : "Calm under pressure.");
            assertThat(texts(invokeCard(post(teams.cardAction(colleague, "form", answer))))).contains("Thanks!");
        }

        TeamsStandIn.Sent summary = awaitSent(ben.personalChat(), s -> s.texts().contains("Summary of your feedback request"));
        assertThat(summary.texts()).contains("Answered\n2 of 2", "Clear release notes.", "Calm under pressure.");
    }

    private static JsonNode invokeCard(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        return body.path("value");
    }

    private List<String> feedbackTexts() {
        return CoreTestContext.bean(JdbcClient.class).sql("select text from feedback_items where organisation_id = ?")
                .param(org.id()).query(String.class).list();
    }
}
