package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.form;
import static dev.stepwise.slack.webapi.WireMockSlack.jsonOf;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** What each call sends to Slack and how it reads Slack's answer. */
class SlackWebApiCallsTest extends WebApiTest {

    @Test
    void postMessageSendsChannelTextBlocksAndMetadataWithTheBearerToken() {
        slack.stub("chat.postMessage", ok("""
                {"ok":true,"channel":"C0FEEDBACK","ts":"1700000000.000100",
                 "message":{"type":"message","subtype":"bot_message","text":"Feedback for you","ts":"1700000000.000100",
                            "bot_id":"B0STEPWISE"}}"""));
        List<LayoutBlock> blocks = asBlocks(
                section(s -> s.blockId("intro").text(markdownText("*Kofi* left feedback on _Ship v2_ :tada:"))),
                actions(a -> a.blockId("act").elements(List.of(
                        button(b -> b.actionId("feedback.view").value("fb-42").text(plainText("View"))
                                .style("primary"))))));

        String ts = api.postMessage(TOKEN, "C0FEEDBACK", null, "Feedback for you", blocks);

        assertThat(ts).isEqualTo("1700000000.000100");
        List<LoggedRequest> posts = slack.requests("chat.postMessage");
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.getFirst();
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(post.getBodyAsString()).doesNotContain(TOKEN);
        assertThat(form(post, "channel")).isEqualTo("C0FEEDBACK");
        assertThat(form(post, "text")).isEqualTo("Feedback for you");
        assertThat(form(post, "thread_ts")).isNull();
        assertThat(jsonOf(form(post, "blocks"))).isEqualTo(jsonOf("""
                [{"type":"section","block_id":"intro",
                  "text":{"type":"mrkdwn","text":"*Kofi* left feedback on _Ship v2_ :tada:"}},
                 {"type":"actions","block_id":"act","elements":[
                   {"type":"button","action_id":"feedback.view","value":"fb-42","style":"primary",
                    "text":{"type":"plain_text","text":"View"}}]}]"""));
        JsonObject metadata = jsonOf(form(post, "metadata")).getAsJsonObject();
        assertThat(metadata.get("event_type").getAsString()).isEqualTo("stepwise_message");
        assertThat(metadata.getAsJsonObject("event_payload").get("id").getAsString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(api.counters().counts("chat.postMessage"))
                .isEqualTo(new SlackCallCounters.Counts(1, 0, 0));
    }

    @Test
    void eachPostCarriesItsOwnMetadataId() {
        slack.stub("chat.postMessage", ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}"));

        api.postMessage(TOKEN, "C1", null, "one", null);
        api.postMessage(TOKEN, "C1", null, "two", null);

        List<String> ids = slack.requests("chat.postMessage").stream()
                .map(r -> jsonOf(form(r, "metadata")).getAsJsonObject().getAsJsonObject("event_payload")
                        .get("id").getAsString())
                .toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(form(slack.requests("chat.postMessage").getFirst(), "blocks")).isNull();
    }

    @Test
    void threadRepliesCarryTheParentTs() {
        slack.stub("chat.postMessage", ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000300\"}"));

        api.postMessage(TOKEN, "C1", "1700000000.000100", "in thread", null);

        assertThat(form(slack.requests("chat.postMessage").getFirst(), "thread_ts")).isEqualTo("1700000000.000100");
    }

    @Test
    void updateMessageSendsChannelTsTextAndBlocks() {
        slack.stub("chat.update", ok("""
                {"ok":true,"channel":"C1","ts":"1700000000.000100","text":"Done",
                 "message":{"text":"Done","user":"U0BOT"}}"""));

        api.updateMessage(TOKEN, "C1", "1700000000.000100", "Done",
                asBlocks(section(s -> s.text(markdownText("Done :white_check_mark:")))));

        LoggedRequest update = slack.requests("chat.update").getFirst();
        assertThat(update.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(form(update, "channel")).isEqualTo("C1");
        assertThat(form(update, "ts")).isEqualTo("1700000000.000100");
        assertThat(form(update, "text")).isEqualTo("Done");
        assertThat(jsonOf(form(update, "blocks"))).isEqualTo(jsonOf("""
                [{"type":"section","text":{"type":"mrkdwn","text":"Done :white_check_mark:"}}]"""));
    }

    @Test
    void postEphemeralSendsTheUserAndReturnsTheMessageTs() {
        slack.stub("chat.postEphemeral", ok("{\"ok\":true,\"message_ts\":\"1700000000.000400\"}"));

        String ts = api.postEphemeral(TOKEN, "C1", "U0KOFI", null, "Only you can see this", null);

        assertThat(ts).isEqualTo("1700000000.000400");
        LoggedRequest request = slack.requests("chat.postEphemeral").getFirst();
        assertThat(form(request, "channel")).isEqualTo("C1");
        assertThat(form(request, "user")).isEqualTo("U0KOFI");
        assertThat(form(request, "text")).isEqualTo("Only you can see this");
    }

    @Test
    void openDmReturnsTheDirectMessageChannel() {
        slack.stub("conversations.open", ok("{\"ok\":true,\"channel\":{\"id\":\"D0KOFI\"}}"));

        assertThat(api.openDm(TOKEN, "U0KOFI")).isEqualTo("D0KOFI");
        assertThat(form(slack.requests("conversations.open").getFirst(), "users")).isEqualTo("U0KOFI");
    }

    @Test
    void userInfoReadsEmailRealNameTimeZoneAndFlags() {
        slack.stub("users.info", ok("""
                {"ok":true,"user":{"id":"U0KOFI","team_id":"T0NORTH","name":"kofi","deleted":false,
                 "real_name":"Kofi Mensah","tz":"Africa/Accra","tz_label":"Greenwich Mean Time","tz_offset":0,
                 "is_admin":false,"is_bot":false,"is_app_user":false,"updated":1700000000,
                 "profile":{"real_name":"Kofi Mensah","display_name":"kofi","email":"kofi@northwind.example",
                            "team":"T0NORTH"}}}"""));

        SlackUser user = api.userInfo(TOKEN, "U0KOFI");

        assertThat(user).isEqualTo(
                new SlackUser("U0KOFI", "kofi@northwind.example", "Kofi Mensah", "Africa/Accra", false, false));
        assertThat(form(slack.requests("users.info").getFirst(), "user")).isEqualTo("U0KOFI");
    }

    @Test
    void userInfoReportsDeletedUsersAndBots() {
        slack.stub("users.info", ok("""
                {"ok":true,"user":{"id":"U0GONE","deleted":true,"is_bot":true,"profile":{"real_name":"Old Bot"}}}"""));

        SlackUser user = api.userInfo(TOKEN, "U0GONE");

        assertThat(user.deleted()).isTrue();
        assertThat(user.bot()).isTrue();
        assertThat(user.realName()).isEqualTo("Old Bot");
        assertThat(user.email()).isNull();
    }

    @Test
    void permalinkAsksForTheMessage() {
        slack.stub("chat.getPermalink", ok("""
                {"ok":true,"channel":"C1","permalink":"https://northwind.slack.com/archives/C1/p1700000000000100"}"""));

        assertThat(api.permalink(TOKEN, "C1", "1700000000.000100"))
                .isEqualTo("https://northwind.slack.com/archives/C1/p1700000000000100");
        LoggedRequest request = slack.requests("chat.getPermalink").getFirst();
        assertThat(form(request, "channel")).isEqualTo("C1");
        assertThat(form(request, "message_ts")).isEqualTo("1700000000.000100");
    }

    @Test
    void viewsOpenPushUpdateAndPublishSendTheirTargetsAndTheView() {
        String viewJson = "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\",\"hash\":\"1700000000.abc\"}}";
        slack.stub("views.open", ok(viewJson));
        slack.stub("views.push", ok(viewJson));
        slack.stub("views.update", ok(viewJson));
        slack.stub("views.publish", ok("{\"ok\":true,\"view\":{\"id\":\"V0HOME\",\"type\":\"home\"}}"));

        assertThat(api.openView(TOKEN, "trigger-1", modal("Give feedback")).getId()).isEqualTo("V0MODAL");
        assertThat(api.pushView(TOKEN, "trigger-2", modal("Pick a skill")).getHash()).isEqualTo("1700000000.abc");
        api.updateView(TOKEN, "V0MODAL", "1700000000.abc", modal("Thanks"));
        assertThat(api.publishHome(TOKEN, "U0KOFI", View.builder().type("home")
                .blocks(asBlocks(section(s -> s.text(markdownText("Hi"))))).build()).getId()).isEqualTo("V0HOME");

        LoggedRequest open = slack.requests("views.open").getFirst();
        assertThat(form(open, "trigger_id")).isEqualTo("trigger-1");
        assertThat(jsonOf(form(open, "view")).getAsJsonObject().get("type").getAsString()).isEqualTo("modal");
        assertThat(jsonOf(form(open, "view")).getAsJsonObject().getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Give feedback");
        assertThat(form(slack.requests("views.push").getFirst(), "trigger_id")).isEqualTo("trigger-2");
        LoggedRequest update = slack.requests("views.update").getFirst();
        assertThat(form(update, "view_id")).isEqualTo("V0MODAL");
        assertThat(form(update, "hash")).isEqualTo("1700000000.abc");
        LoggedRequest publish = slack.requests("views.publish").getFirst();
        assertThat(form(publish, "user_id")).isEqualTo("U0KOFI");
        assertThat(jsonOf(form(publish, "view")).getAsJsonObject().get("type").getAsString()).isEqualTo("home");
    }

    static View modal(String title) {
        return View.builder().type("modal").callbackId("feedback")
                .title(ViewTitle.builder().type("plain_text").text(title).build())
                .blocks(asBlocks(section(s -> s.text(markdownText("Hello")))))
                .build();
    }
}
