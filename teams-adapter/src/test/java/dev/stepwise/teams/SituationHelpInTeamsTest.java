package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.core.situations.SituationCatalogue;
import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.teams.TeamsPayloads.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Just-in-time help in Teams with an LLM (WireMock playing an OpenAI-compatible endpoint and streaming its answer):
 * "typing" first, then one message updated in place as the answer is written, ending as the checked answer with its
 * actions; when the LLM fails, the answer from the catalogue is sent as an ordinary message.
 */
@Import(SituationHelpInTeamsTest.WithLlm.class)
class SituationHelpInTeamsTest extends TeamsAdapterTest {

    static final LlmStandIn LLM = new LlmStandIn();
    private static final String SITUATION = SituationCatalogue.TOUGH_TALK_REQUEST;
    private static final String GUIDANCE = SituationCatalogue.GUIDANCE_WITH_A_FOREIGN_LINK;

    @TestConfiguration
    static class WithLlm {
        @Bean
        LlmSettings llmSettings() {
            return LLM.settings(Duration.ofSeconds(3));
        }
    }

    @Autowired
    CatalogueSearch search;

    @AfterAll
    static void stopLlm() {
        LLM.close();
    }

    @BeforeEach
    void catalogue() {
        SituationCatalogue.awaitIn(search, org.id(), SituationCatalogue.add(org.id(), SituationCatalogue.HARD_TALKS,
                SituationCatalogue.ROLE_PLAY));
    }

    @Test
    void typingThenOneMessageUpdatedInPlaceAsTheLlmWritesIt() {
        LLM.writesSlowly(GUIDANCE, 10, Duration.ofMillis(3500));
        User ben = user("ben");

        assertThat(post(teams.message(ben, SITUATION)).statusCode()).isEqualTo(200);

        TeamsStandIn.Sent finished = await().atMost(Duration.ofSeconds(15)).until(
                () -> TeamsStandIn.updated(ben.personalChat()).stream().filter(s -> s.texts().contains("Written by AI")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        List<TeamsStandIn.Sent> sent = sentTo(ben.personalChat());
        assertThat(sent).extracting(s -> s.activity().path("type").asString()).as("typing, then one message")
                .containsExactly("typing", "message");
        assertThat(sent.get(1).texts()).contains("For right now", "Still writing");

        List<TeamsStandIn.Sent> updates = TeamsStandIn.updated(ben.personalChat());
        assertThat(updates).as("updated as it was written, then finished").hasSizeGreaterThanOrEqualTo(2);
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.replyToId()).as("the activity replaced").isEqualTo("1:sentActivity");
            assertThat(update.texts()).doesNotContain("evil.example");
        });
        assertThat(updates.getLast()).isEqualTo(finished);
        assertThat(finished.texts()).contains("Agree one next step and a date", "Difficult conversations: a practical guide",
                "Practise", "Check in with me afterwards").doesNotContain("Still writing");
        assertThat(card(finished).path("type").asString()).isEqualTo("AdaptiveCard");
    }

    @Test
    void whenTheLlmFailsTheCatalogueAnswerIsSentAsAnOrdinaryMessage() {
        LLM.failsWith(503);
        User ben = user("ben");

        post(teams.message(ben, SITUATION));

        TeamsStandIn.Sent answer = awaitSent(ben.personalChat(), s -> s.texts().contains("Here's what your organisation's catalogue has"));
        assertThat(answer.texts()).contains("Difficult conversations: a practical guide").doesNotContain("Still writing");
        assertThat(TeamsStandIn.updated(ben.personalChat())).isEmpty();
    }
}
