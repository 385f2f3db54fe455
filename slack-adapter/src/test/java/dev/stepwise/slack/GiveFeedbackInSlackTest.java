package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.stepwise.core.testing.CoreTestContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The give-feedback flow end to end in Slack: DM, buttons, a modal, and the colleague's DM. */
class GiveFeedbackInSlackTest extends SlackAdapterTest {

    @Test
    void aDirectMessageAButtonAndAModalDeliverFeedbackToTheColleaguesDm() {
        String priya = slackUser("priya");
        var ack = slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", "give feedback to Ben"));
        assertThat(ack.statusCode()).isEqualTo(200);

        Map<String, String> question = awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")));
        assertThat(question.get("_authorization")).isEqualTo("Bearer xoxb-test-token");
        assertThat(texts(question.get("blocks"))).contains("Which of *Ben*'s objectives", "Ship onboarding v2");
        JsonObject objective = button(question.get("blocks"), "Ship onboarding v2");

        String trigger = SlackPayloads.newTriggerId();
        assertThat(slack.interaction(payloads.buttonInMessage(priya, "D0PRIYA", objective.get("action_id").getAsString(),
                objective.get("value").getAsString(), trigger, false, SlackStandIn.responseUrl("priya"))).statusCode()).isEqualTo(200);

        Map<String, String> opened = awaitCall("views.open", c -> trigger.equals(c.get("trigger_id")));
        JsonObject modal = json(opened.get("view"));
        assertThat(modal.get("type").getAsString()).isEqualTo("modal");
        assertThat(texts(modal.toString())).contains("Feedback for Ben Adeyemi", "What went well", "In your own words");
        String formId = modal.get("callback_id").getAsString();
        String metadata = modal.get("private_metadata").getAsString();

        Map<String, String> select = new HashMap<>();
        select.put("skill", null);
        var submitted = slack.interaction(payloads.viewSubmission(priya, "V0OPEN", formId, metadata,
                Map.of("text", "Your demo made the trade-offs easy to follow."), select));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");

        awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")) && texts(c.get("blocks")).contains("Thanks!"));
        Map<String, String> dm = awaitCall("conversations.open", c -> slackUser("ben").equals(c.get("users")));
        assertThat(dm).isNotEmpty();
        Map<String, String> delivered = awaitCall("chat.postMessage", c -> "D0OPENED".equals(c.get("channel")));
        assertThat(texts(delivered.get("blocks"))).contains("New feedback from Priya Sharma", "Your demo made the trade-offs easy to follow.",
                "Ship onboarding v2");
        assertThat(delivered.get("text")).contains("New feedback from Priya Sharma");

        String stored = CoreTestContext.bean(JdbcClient.class)
                .sql("select f.text from feedback_items f where f.organisation_id = ?").param(org.id()).query(String.class).single();
        assertThat(stored).isEqualTo("Your demo made the trade-offs easy to follow.");
    }

    @Test
    void anEmptySubmissionIsAnsweredWithAnInlineErrorAndNothingIsStored() {
        String priya = slackUser("priya");
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", "give feedback to Ben"));
        Map<String, String> question = awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")));
        JsonObject objective = button(question.get("blocks"), "Not about a specific objective");
        String trigger = SlackPayloads.newTriggerId();
        slack.interaction(payloads.buttonInMessage(priya, "D0PRIYA", objective.get("action_id").getAsString(),
                objective.get("value").getAsString(), trigger, false, SlackStandIn.responseUrl("priya")));
        JsonObject modal = json(awaitCall("views.open", c -> trigger.equals(c.get("trigger_id"))).get("view"));

        Map<String, String> select = new HashMap<>();
        select.put("skill", null);
        var submitted = slack.interaction(payloads.viewSubmission(priya, "V0OPEN", modal.get("callback_id").getAsString(),
                modal.get("private_metadata").getAsString(), Map.of("text", "   "), select));

        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonObject answer = json(submitted.body());
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").get("text").getAsString()).isNotBlank();
        assertThat(CoreTestContext.bean(JdbcClient.class).sql("select count(*) from feedback_items where organisation_id = ?")
                .param(org.id()).query(Integer.class).single()).isZero();
    }
}
