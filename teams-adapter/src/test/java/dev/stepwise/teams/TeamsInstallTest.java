package dev.stepwise.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.teams.TeamsPayloads.User;
import dev.stepwise.teams.outbound.ConversationReferences;
import dev.stepwise.teams.outbound.TeamsMessenger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Installs and removals: one welcome, the conversation kept for proactive messages, and forgotten on removal. */
class TeamsInstallTest extends TeamsAdapterTest {

    @Autowired
    ConversationReferences references;

    @Autowired
    TeamsMessenger messenger;

    @Test
    void installingForYourselfWelcomesYouOnceAndLetsStepwiseMessageYouLater() throws Exception {
        User ben = user("ben");
        assertThat(messenger.reaches(org.id(), org.personId("ben"))).isFalse();

        // Teams announces a personal install twice: a conversationUpdate and an installationUpdate.
        assertThat(post(teams.installedPersonally(ben)).statusCode()).isEqualTo(200);
        assertThat(post(teams.installationUpdate(ben, "add")).statusCode()).isEqualTo(200);

        TeamsStandIn.Sent welcome = awaitSent(ben.personalChat(), s -> true);
        assertThat(welcome.texts()).contains("Hi! I'm Stepwise", "give feedback to Bea");
        Thread.sleep(500);
        assertThat(sentTo(ben.personalChat())).hasSize(1);
        assertThat(references.personal(teams.tenantId, ben.aadObjectId())).get()
                .satisfies(r -> {
                    assertThat(r.conversationId()).isEqualTo(ben.personalChat());
                    assertThat(r.serviceUrl()).isEqualTo(TeamsStandIn.serviceUrl());
                    assertThat(r.botId()).isEqualTo(teams.botId);
                });

        assertThat(messenger.reaches(org.id(), org.personId("ben"))).isTrue();
        assertThat(messenger.send(org.id(), org.personId("ben"), List.of(Block.text("A nudge about your objectives")))).isTrue();
        awaitSent(ben.personalChat(), s -> s.texts().contains("A nudge about your objectives"));
    }

    @Test
    void uninstallingForgetsTheConversationSoNothingMoreIsSentThere() {
        User ben = user("ben");
        post(teams.installedPersonally(ben));
        awaitSent(ben.personalChat(), s -> true);

        assertThat(post(teams.installationUpdate(ben, "remove")).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> references.find(ben.personalChat()).isEmpty());
        assertThat(messenger.reaches(org.id(), org.personId("ben"))).isFalse();
        assertThat(messenger.send(org.id(), org.personId("ben"), List.of(Block.text("hello?")))).isFalse();
    }

    @Test
    void someoneStepwiseDoesntKnowIsWelcomedWithHowToGetAdded() {
        User stranger = User.named("Robin Stranger");

        post(teams.installedPersonally(stranger));

        assertThat(awaitSent(stranger.personalChat(), s -> true).texts()).contains("I don't have you in");
    }

    @Test
    void aReplyTheBotConnectorThrottlesIsSentOnceItMayAndOnlyOnce() {
        User ben = user("ben");
        TeamsStandIn.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}"))
                .willSetStateTo("calm"));

        long sentAt = System.nanoTime();
        post(teams.message(ben, "my goals"));

        await().atMost(Duration.ofSeconds(10)).until(() -> TeamsStandIn.requests("POST",
                "/teams/v3/conversations/[^/]+/activities").size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).as("waited as Retry-After asked").isGreaterThan(Duration.ofMillis(900));
        assertThat(sentTo(ben.personalChat())).as("both attempts carried the same reply").hasSize(2)
                .allSatisfy(s -> assertThat(s.texts()).contains("Ship onboarding v2"));
    }
}
