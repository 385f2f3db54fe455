package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feedback loop in Slack: a request from a DM, both colleagues answer from theirs, the summary comes back. */
class RequestFeedbackInSlackTest extends SlackAdapterTest {

    @Test
    void aRequestIsAnsweredByBothColleaguesAndTheRequesterGetsTheSummary() {
        String ben = slackUser("ben");
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), ben, "D0BEN", "request feedback from Priya and Sam"));
        Map<String, String> question = awaitCall("chat.postMessage", c -> "D0BEN".equals(c.get("channel")));
        JsonObject objective = button(question.get("blocks"), "Ship onboarding v2");

        String trigger = SlackPayloads.newTriggerId();
        slack.interaction(payloads.buttonInMessage(ben, "D0BEN", objective.get("action_id").getAsString(),
                objective.get("value").getAsString(), trigger, false, SlackStandIn.responseUrl("ben")));
        JsonObject details = json(awaitCall("views.open", c -> trigger.equals(c.get("trigger_id"))).get("view"));
        assertThat(texts(details.toString())).contains("Request feedback on \u201cShip onboarding v2\u201d", "Answers by");
        var sent = slack.interaction(payloads.viewSubmission(ben, "V0DETAILS", details.get("callback_id").getAsString(),
                details.get("private_metadata").getAsString(), Map.of("custom", "How clear was my rollout plan?"), new HashMap<>()));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).doesNotContain("errors");

        // Each colleague's DM gets the request with its three buttons; both DMs are the stand-in's D0OPENED.
        List<Map<String, String>> requests = List.of(
                awaitCall("chat.postMessage", c -> "D0OPENED".equals(c.get("channel")) && texts(c.get("blocks")).contains("asks for your feedback")));
        assertThat(texts(requests.getFirst().get("blocks"))).contains("Ben Adeyemi asks for your feedback",
                "How clear was my rollout plan?", "Give feedback", "Not now", "Decline");
        JsonObject give = button(requests.getFirst().get("blocks"), "Give feedback");

        for (String colleague : List.of("priya", "sam")) {
            String user = slackUser(colleague);
            String answerTrigger = SlackPayloads.newTriggerId();
            slack.interaction(payloads.buttonInMessage(user, "D0OPENED", give.get("action_id").getAsString(),
                    give.get("value").getAsString(), answerTrigger, false, SlackStandIn.responseUrl(colleague)));
            JsonObject form = json(awaitCall("views.open", c -> answerTrigger.equals(c.get("trigger_id"))).get("view"));
            assertThat(texts(form.toString())).contains("What went well", "What could be better");
            var answered = slack.interaction(payloads.viewSubmission(user, "V0ANSWER", form.get("callback_id").getAsString(),
                    form.get("private_metadata").getAsString(),
                    Map.of("wentWell", colleague.equals("priya") ? "Clear release notes." : "Calm under pressure."), new HashMap<>()));
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).doesNotContain("errors");
        }

        Map<String, String> summary = awaitCall("chat.postMessage", c -> texts(c.get("blocks")).contains("Summary of your feedback request"));
        assertThat(texts(summary.get("blocks"))).contains("2 of 2", "Clear release notes.", "Calm under pressure.");
    }
}
