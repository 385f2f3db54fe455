package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.teams.TeamsPayloads.User;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** "Give feedback on this message": the dialog Teams opens from a message, and what its submission stores. */
class TeamsMessageExtensionTest extends TeamsAdapterTest {

    @Test
    void theDialogTakesFeedbackWhoseContextIsTheMessageAndItsLink() {
        User priya = user("priya");
        User ben = user("ben");

        HttpResponse<String> fetched = post(teams.fetchTask(priya, ben, "<p>Here is the <b>release plan</b> for v2</p>"));

        JsonNode task = task(fetched, "continue");
        JsonNode card = task.path("value").path("card").path("content");
        assertThat(task.path("value").path("card").path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(texts(card)).contains("Which of **Ben**'s objectives");
        assertThat(find(card, n -> "Action.Execute".equals(n.path("type").asString(null)))).as("dialogs submit").isEmpty();
        JsonNode form = card;
        JsonNode choice = find(card, n -> "Action.Submit".equals(n.path("type").asString(null))
                && n.path("title").asString("").contains("Ship onboarding v2")).orElse(null);
        if (choice != null) {
            // Which objective first, then the form.
            form = task(post(teams.submitAction(priya, ben, JSON.convertValue(choice.path("data"), Map.class))), "continue")
                    .path("value").path("card").path("content");
        }
        JsonNode formCard = form;
        JsonNode submit = find(formCard, n -> "Action.Submit".equals(n.path("type").asString(null))
                && "form".equals(n.path("data").path("verb").asString(null))).orElseThrow(() -> new AssertionError(formCard.toString()));
        Map<String, Object> data = new HashMap<>(JSON.convertValue(submit.path("data"), Map.class));
        data.put("field.text", "The plan was clear and short.");

        JsonNode done = task(post(teams.submitAction(priya, ben, data)), "message");

        assertThat(done.path("value").asString()).contains("Thanks");
        Map<String, Object> stored = CoreTestContext.bean(JdbcClient.class)
                .sql("select text, context from feedback_items where organisation_id = ?").param(org.id())
                .query().singleRow();
        assertThat(stored.get("text")).isEqualTo("The plan was clear and short.");
        assertThat(String.valueOf(stored.get("context"))).contains("Here is the release plan for v2", "https://teams.microsoft.com/l/message/");
    }

    @Test
    void feedbackOnAStrangersMessageIsRefusedKindly() {
        User priya = user("priya");
        User outsider = TeamsPayloads.User.named("Guest Person");

        JsonNode answer = task(post(teams.fetchTask(priya, outsider, "<p>hello</p>")), "message");

        assertThat(answer.path("value").asString()).contains("Guest Person", "isn't in your organisation's Stepwise");
    }

    @Test
    void aSubmissionFromAnOldDialogIsAnsweredNotFailed() {
        User priya = user("priya");
        User ben = user("ben");

        JsonNode answer = task(post(teams.submitAction(priya, ben, Map.of("verb", "form", "formId", "give-feedback:0000:text",
                "field.text", "late"))), "message");

        assertThat(answer.path("value").asString()).contains("moved on");
    }

    private static JsonNode task(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode task = json(response.body()).path("task");
        assertThat(task.path("type").asString()).as(response.body()).isEqualTo(type);
        return task;
    }
}
