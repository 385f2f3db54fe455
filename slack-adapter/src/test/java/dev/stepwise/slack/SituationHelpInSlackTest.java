package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.core.situations.SituationCatalogue;
import dev.stepwise.core.testing.LlmStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Just-in-time help in Slack with an LLM (WireMock playing an OpenAI-compatible endpoint and streaming its answer):
 * the answer is posted once and edited in place as it is written, ending as the checked answer with its buttons;
 * when the LLM fails, the answer from the catalogue is posted as an ordinary message.
 */
@Import(SituationHelpInSlackTest.WithLlm.class)
class SituationHelpInSlackTest extends SlackAdapterTest {

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
    void theAnswerIsPostedOnceAndEditedInPlaceAsTheLlmWritesIt() {
        LLM.writesSlowly(GUIDANCE, 10, Duration.ofMillis(3500));
        String priya = slackUser("priya");

        var ack = slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", SITUATION));

        assertThat(ack.statusCode()).isEqualTo(200);
        Map<String, String> finished = awaitCall("chat.update", c -> texts(c.get("blocks")).contains("Written by AI"));
        assertThat(LLM.lastCallStreamed()).isTrue();
        List<Map<String, String>> posted = calls("chat.postMessage").stream().filter(c -> "D0PRIYA".equals(c.get("channel"))).toList();
        assertThat(posted).as("one message, not a draft and an answer").hasSize(1);
        assertThat(texts(posted.getFirst().get("blocks"))).contains("For right now", "Still writing");

        List<Map<String, String>> updates = calls("chat.update");
        assertThat(updates).as("edited as it was written, then finished").hasSizeGreaterThanOrEqualTo(2);
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.get("channel")).isEqualTo("D0PRIYA");
            assertThat(update.get("ts")).isEqualTo("1763900000.000100");
            assertThat(texts(update.get("blocks"))).doesNotContain("evil.example");
        });
        assertThat(updates.getLast()).isEqualTo(finished);
        assertThat(texts(finished.get("blocks"))).contains("Agree one next step and a date", "Difficult conversations: a practical guide")
                .doesNotContain("Still writing");
        assertThat(button(finished.get("blocks"), "Practise")).isNotNull();
        assertThat(button(finished.get("blocks"), "Check in with me afterwards")).isNotNull();
    }

    @Test
    void whenTheLlmFailsTheCatalogueAnswerIsPostedAsAnOrdinaryMessage() {
        LLM.failsWith(503);
        String priya = slackUser("priya");

        slack.json(payloads.directMessage(SlackPayloads.newEventId(), priya, "D0PRIYA", SITUATION));

        Map<String, String> answer = awaitCall("chat.postMessage", c -> "D0PRIYA".equals(c.get("channel")));
        assertThat(texts(answer.get("blocks"))).contains("Here's what your organisation's catalogue has",
                "Difficult conversations: a practical guide").doesNotContain("Still writing");
        assertThat(calls("chat.update")).isEmpty();
    }
}
