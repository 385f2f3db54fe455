package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.stepwise.core.testing.CoreTestContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every way into Stepwise from Slack, each answered where a Slack user expects it. */
class SlackSurfacesTest extends SlackAdapterTest {

    @Test
    void theSlashCommandAnswersPrivatelyThroughItsResponseUrl() {
        String ben = slackUser("ben");
        var ack = slack.form(payloads.slashCommand(ben, "C0GENERAL", "/stepwise", "my goals",
                SlackStandIn.responseUrl("cmd1"), SlackPayloads.newTriggerId()));
        assertThat(ack.statusCode()).isEqualTo(200);

        JsonObject answer = await().until(() -> SlackStandIn.responses("cmd1"), r -> !r.isEmpty()).getFirst();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(texts(answer.get("blocks").toString())).contains("Your objectives", "Ship onboarding v2");
        assertThat(calls("chat.postMessage")).as("nothing posted for the channel to see")
                .noneMatch(c -> "C0GENERAL".equals(c.get("channel")));
    }

    @Test
    void anEmptySlashCommandShowsHelpWithARealColleagueAsTheExample() {
        slack.form(payloads.slashCommand(slackUser("maya"), "C0GENERAL", "/stepwise", "",
                SlackStandIn.responseUrl("cmd2"), SlackPayloads.newTriggerId()));
        JsonObject answer = await().until(() -> SlackStandIn.responses("cmd2"), r -> !r.isEmpty()).getFirst();
        assertThat(texts(answer.get("blocks").toString())).contains("Here's what I can do", "give feedback to Bea");
    }

    @Test
    void aMentionInAChannelIsAnsweredInItsThreadOnlyForTheAsker() {
        String ben = slackUser("ben");
        slack.json(payloads.appMention(SlackPayloads.newEventId(), ben, "C0TEAM", "1763890100.000100",
                "<@" + SlackStandIn.BOT_USER + "> my feedback"));

        Map<String, String> answer = awaitCall("chat.postEphemeral", c -> "C0TEAM".equals(c.get("channel")));
        assertThat(answer.get("user")).isEqualTo(ben);
        assertThat(answer.get("thread_ts")).isEqualTo("1763890100.000100");
        assertThat(texts(answer.get("blocks"))).contains("You haven't received any feedback yet.");
        assertThat(calls("chat.postMessage")).as("feedback is never shown to the channel")
                .noneMatch(c -> "C0TEAM".equals(c.get("channel")));
    }

    @Test
    void mentionsOfColleaguesBecomeTheirNames() {
        String priya = slackUser("priya");
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA",
                "give feedback to <@" + slackUser("ben") + ">"));
        Map<String, String> question = awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")));
        assertThat(texts(question.get("blocks"))).contains("Which of *Ben*'s objectives");
    }

    @Test
    void giveFeedbackOnAMessageRunsInAModalAndCarriesTheMessageToItsAuthor() {
        String priya = slackUser("priya");
        String ben = slackUser("ben");
        String trigger = SlackPayloads.newTriggerId();
        assertThat(slack.interaction(payloads.messageShortcut(priya, "C0TEAM", ben,
                "Release notes for v2.3 are up &amp; the migration guide too", "1763890000.000100", trigger)).statusCode())
                .isEqualTo(200);

        JsonObject panel = json(awaitCall("views.open", c -> trigger.equals(c.get("trigger_id"))).get("view"));
        assertThat(texts(panel.toString())).contains("Which of *Ben*'s objectives", "Ship onboarding v2");
        assertThat(calls("chat.getPermalink")).singleElement().satisfies(c -> assertThat(c.get("channel")).isEqualTo("C0TEAM"));

        JsonObject objective = button(panel.get("blocks").toString(), "Ship onboarding v2");
        String press = SlackPayloads.newTriggerId();
        slack.interaction(payloads.buttonInView(priya, "modal", "V0OPEN", panel.get("private_metadata").getAsString(),
                objective.get("action_id").getAsString(), objective.get("value").getAsString(), press));
        JsonObject form = json(awaitCall("views.update", c -> "V0OPEN".equals(c.get("view_id"))).get("view"));
        assertThat(texts(form.toString())).contains("Feedback for Ben Adeyemi");

        Map<String, String> select = new HashMap<>();
        select.put("skill", null);
        var submitted = slack.interaction(payloads.viewSubmission(priya, "V0OPEN", form.get("callback_id").getAsString(),
                form.get("private_metadata").getAsString(), Map.of("text", "Flagging the migration first saved us a rollback."), select));
        JsonObject answer = json(submitted.body());
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        assertThat(texts(answer.get("view").toString())).contains("Thanks!", "Ben Adeyemi");

        Map<String, String> delivered = awaitCall("chat.postMessage", c -> "D0OPENED".equals(c.get("channel")));
        assertThat(texts(delivered.get("blocks"))).contains("New feedback from Priya Sharma",
                // Slack's escaping undone on the way in, and done again on the way out.
                "Release notes for v2.3 are up &amp; the migration guide too",
                "https://northwind.slack.com/archives/C0TEAM/p1763890000000100");
        String context = CoreTestContext.bean(JdbcClient.class).sql("select context from feedback_items where organisation_id = ?")
                .param(org.id()).query(String.class).single();
        assertThat(context).contains("Release notes for v2.3 are up & the migration guide too",
                "https://northwind.slack.com/archives/C0TEAM/p1763890000000100");
    }

    @Test
    void feedbackOnAnAppsMessageIsExplainedKindly() {
        String trigger = SlackPayloads.newTriggerId();
        slack.interaction(payloads.messageShortcut(slackUser("priya"), "C0TEAM", "U0SOMEBOT", "Deploy finished",
                "1763890000.000200", trigger));
        JsonObject panel = json(awaitCall("views.open", c -> trigger.equals(c.get("trigger_id"))).get("view"));
        assertThat(texts(panel.toString())).contains("I don't know who wrote that message");
    }

    @Test
    void theRequestFeedbackShortcutOpensAFormAskingWhomToAsk() {
        String trigger = SlackPayloads.newTriggerId();
        slack.interaction(payloads.globalShortcut(slackUser("ben"), "request_feedback", trigger));
        JsonObject modal = json(awaitCall("views.open", c -> trigger.equals(c.get("trigger_id"))).get("view"));
        assertThat(texts(modal.toString())).contains("Request feedback", "Whom would you like to ask?");
        assertThat(modal.toString()).contains("plain_text_input");
        assertThat(modal.has("submit")).as("a form that can be submitted").isTrue();
    }

    @Test
    void appHomeShowsThePersonsOwnObjectivesAndIsRefreshedWhenFeedbackArrives() {
        String ben = slackUser("ben");
        slack.json(payloads.appHomeOpened(SlackPayloads.newEventId(), ben));
        Map<String, String> published = awaitCall("views.publish", c -> ben.equals(c.get("user_id")));
        JsonObject home = json(published.get("view"));
        assertThat(home.get("type").getAsString()).isEqualTo("home");
        assertThat(texts(home.toString())).contains("Hi Ben!", "Ship onboarding v2", "None yet.");

        slack.json(payloads.directMessage(SlackPayloads.newEventId(), slackUser("priya"), "D0PRIYA",
                "give feedback to Ben: the rollout notes were clear"));
        JsonObject objective = button(awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel"))).get("blocks"),
                "Ship onboarding v2");
        slack.interaction(payloads.buttonInMessage(slackUser("priya"), "D0PRIYA", objective.get("action_id").getAsString(),
                objective.get("value").getAsString(), SlackPayloads.newTriggerId(), false, SlackStandIn.responseUrl("p")));
        JsonObject modal = json(awaitCall("views.open", c -> true).get("view"));
        Map<String, String> select = new HashMap<>();
        select.put("skill", null);
        slack.interaction(payloads.viewSubmission(slackUser("priya"), "V0OPEN", modal.get("callback_id").getAsString(),
                modal.get("private_metadata").getAsString(), Map.of("text", "the rollout notes were clear"), select));

        Map<String, String> refreshed = awaitCall("views.publish",
                c -> ben.equals(c.get("user_id")) && texts(c.get("view")).contains("the rollout notes were clear"));
        assertThat(texts(refreshed.get("view"))).contains("From Priya Sharma");
    }

    @Test
    void someoneStepwiseDoesntKnowIsWelcomedAndTold() {
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), "U0NOBODY", "D0NOBODY", "hi"));
        Map<String, String> answer = awaitCall("chat.postMessage", c -> "D0NOBODY".equals(c.get("channel")));
        assertThat(texts(answer.get("blocks"))).contains("I don't have you in", "email address of your Slack profile");
        assertThat(calls("users.info")).singleElement().satisfies(c -> assertThat(c.get("user")).isEqualTo("U0NOBODY"));
    }

    @Test
    void aColleagueWithoutAStoredSlackIdIsRecognisedByTheirEmailOnce() {
        SlackStandIn.ok("users.info", "\"user\":{\"id\":\"U0NEWSAM\",\"deleted\":false,\"is_bot\":false,\"real_name\":\"Sam\","
                + "\"tz\":\"Europe/London\",\"profile\":{\"email\":\"SAM@example.org\"}}");
        CoreTestContext.bean(JdbcClient.class).sql("delete from person_identities where person_id = ? and platform = 'slack'")
                .param(org.personId("sam")).update();

        slack.json(payloads.directMessage(SlackPayloads.newEventId(), "U0NEWSAM", "D0SAM", "my feedback"));
        Map<String, String> answer = awaitCall("chat.postMessage", c -> "D0SAM".equals(c.get("channel")));
        assertThat(texts(answer.get("blocks"))).contains("You haven't received any feedback yet.");
        assertThat(people.identityOf(org.id(), org.personId("sam"), "slack")).contains("U0NEWSAM");

        slack.json(payloads.directMessage(SlackPayloads.newEventId(), "U0NEWSAM", "D0SAM", "my goals"));
        awaitCall("chat.postMessage", c -> "D0SAM".equals(c.get("channel")) && texts(c.get("blocks")).contains("objectives"));
        assertThat(calls("users.info")).as("looked up once, then known").hasSize(1);
    }

    @Test
    void aButtonFromAnEarlierStepIsAnsweredKindlyAndChangesNothing() {
        String priya = slackUser("priya");
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", "give feedback to Ben"));
        JsonObject first = button(awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel"))).get("blocks"),
                "Ship onboarding v2");
        slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", "cancel"));
        awaitCall("chat.postMessage", c -> texts(c.get("blocks")).contains("cancelled"));

        slack.interaction(payloads.buttonInMessage(priya, "D0PRIYA", first.get("action_id").getAsString(),
                first.get("value").getAsString(), SlackPayloads.newTriggerId(), false, SlackStandIn.responseUrl("p")));
        awaitCall("chat.postMessage", c -> texts(c.get("blocks")).contains("moved on"));
        assertThat(calls("views.open")).noneMatch(c -> texts(c.get("view")).contains("Feedback for Ben"));
    }

    @Test
    void aModalSubmittedFromAWorkspaceNotConnectedExplainsItselfInTheModal() {
        var elsewhere = new SlackPayloads("T0NOTCONNECTED");
        var submitted = slack.interaction(elsewhere.viewSubmission("U0STRANGER", "V0X", "feedback.compose@00000000",
                "", Map.of("text", "hello"), Map.of()));
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonObject answer = json(submitted.body());
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        assertThat(texts(answer.get("view").toString())).contains("isn't connected to a Stepwise organisation");
    }
}
