package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.teams.TeamsPayloads.User;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Personal chats and channel mentions: routed to the core, answered where they should be, strangers told kindly. */
class TeamsMessagesTest extends TeamsAdapterTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.stepwise.teams.outbound.ConversationReferences references;

    @Test
    void aPersonalMessageIsAnsweredInThatChatWithTheBotsOwnToken() {
        User ben = user("ben");

        HttpResponse<String> ack = post(teams.message(ben, "my goals"));

        assertThat(ack.statusCode()).isEqualTo(200);
        TeamsStandIn.Sent reply = awaitSent(ben.personalChat(), s -> s.texts().contains("Ship onboarding v2"));
        assertThat(reply.authorization()).isEqualTo("Bearer " + TeamsStandIn.BOT_TOKEN);
        assertThat(reply.activity().path("type").asString()).isEqualTo("message");
        assertThat(reply.texts()).contains("Cut flaky tests in half");
        JsonNode card = card(reply);
        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asString()).isEqualTo("1.5");
        assertThat(card.path("refresh").path("action").path("verb").asString()).as("shows the current goals when reopened")
                .isEqualTo("refresh");
        assertThat(card.path("refresh").path("userIds").path(0).asString()).isEqualTo(ben.id());
        assertThat(references.personal(teams.tenantId, ben.aadObjectId())).as("kept for proactive messages")
                .map(r -> r.conversationId()).contains(ben.personalChat());
    }

    @Test
    void someoneTeamsDoesntKnowByIdIsFoundByTheirEmailAndRemembered() {
        User priya = User.named("Priya Sharma");
        TeamsStandIn.member(priya, "PRIYA@example.org");

        post(teams.message(priya, "help"));

        awaitSent(priya.personalChat(), s -> s.texts().contains("give feedback"));
        assertThat(people.findByIdentity(org.id(), "teams", priya.aadObjectId())).map(p -> p.name()).contains("Priya Sharma");
    }

    @Test
    void aStrangerGetsAFriendlyOnboardingMessageNotAnError() {
        User stranger = User.named("Robin Stranger");

        assertThat(post(teams.message(stranger, "my feedback")).statusCode()).isEqualTo(200);

        TeamsStandIn.Sent reply = awaitSent(stranger.personalChat(), s -> true);
        assertThat(reply.texts()).contains("I'm Stepwise", "Org " + org.key()).doesNotContainIgnoringCase("error");
    }

    @Test
    void aTenantThatIsNoOrganisationsIsToldSo() {
        TeamsPayloads elsewhere = new TeamsPayloads(UUID.randomUUID().toString(), TeamsStandIn.APP_ID, TeamsStandIn.serviceUrl(), clock);
        User someone = User.named("Alex Elsewhere");

        post(elsewhere.message(someone, "my goals"));

        assertThat(awaitSent(someone.personalChat(), s -> true).texts()).contains("isn't connected to Stepwise");
    }

    @Test
    void aMentionInAChannelIsAnsweredInThePersonsPrivateChatWithAPointerInTheThread() {
        User ben = user("ben");

        String mention = teams.mention(ben, "my goals");
        String thread = json(mention).path("conversation").path("id").asString();
        assertThat(post(mention).statusCode()).isEqualTo(200);

        TeamsStandIn.Sent privately = awaitSent(TeamsStandIn.CREATED_CONVERSATION, s -> s.texts().contains("Ship onboarding v2"));
        assertThat(privately.texts()).doesNotContain("<at>");
        assertThat(awaitSent(thread, s -> true).texts()).contains("answered you in our private chat")
                .doesNotContain("Ship onboarding v2");
        JsonNode created = json(TeamsStandIn.requests("POST", "/teams/v3/conversations").getFirst().getBodyAsString());
        assertThat(created.path("members").path(0).path("id").asString()).isEqualTo(ben.id());
        assertThat(created.path("channelData").path("tenant").path("id").asString()).isEqualTo(teams.tenantId);

        // The second time, the private chat is known: no new conversation is created.
        post(teams.mention(ben, "my plan"));
        awaitSent(TeamsStandIn.CREATED_CONVERSATION, s -> s.texts().toLowerCase().contains("plan"));
        assertThat(TeamsStandIn.requests("POST", "/teams/v3/conversations")).hasSize(1);
    }

    @Test
    void theSameActivityDeliveredTwiceIsAnsweredOnce() throws Exception {
        User ben = user("ben");
        String message = teams.message(ben, "my goals");

        post(message);
        post(message);

        awaitSent(ben.personalChat(), s -> true);
        Thread.sleep(500);
        assertThat(sentTo(ben.personalChat())).hasSize(1);
    }

    @Test
    void reactionsAreAcceptedQuietly() throws Exception {
        User ben = user("ben");

        assertThat(post(teams.reaction(ben)).statusCode()).isEqualTo(200);

        Thread.sleep(300);
        assertThat(TeamsStandIn.sent()).isEmpty();
    }
}
