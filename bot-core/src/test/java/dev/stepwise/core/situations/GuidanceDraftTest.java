package dev.stepwise.core.situations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The steps of an answer still being written, read from the model's partial JSON as it streams. */
class GuidanceDraftTest {

    @Test
    void nothingShowsUntilTheGuidanceBegins() {
        assertThat(GroundedGuidance.draft("")).isEmpty();
        assertThat(GroundedGuidance.draft("{\"guid")).isEmpty();
        assertThat(GroundedGuidance.draft("{\"guidance\": \"Open")).as("one unfinished word").isEmpty();
    }

    @Test
    void finishedWordsShowAndTheUnfinishedOneWaits() {
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Open with the fa"))
                .containsExactly("Open with the");
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Open with the facts.\\n- Then li"))
                .containsExactly("Open with the facts.", "Then");
    }

    @Test
    void escapesAreReadAsJsonReadsThem() {
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Say \\\"I noticed\\\" first \\u2014 calmly.\", \"cite\": [1]}"))
                .containsExactly("Say \"I noticed\" first \u2014 calmly.");
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Say it \\u20")).as("a half-read escape waits").containsExactly("Say it");
    }

    @Test
    void linksNeverShowEvenHalfWritten() {
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Read https://evil.example/dump now, then [the gu"))
                .containsExactly("Read now, then");
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Read [the guide](https://evil.exa"))
                .containsExactly("Read");
        assertThat(GroundedGuidance.draft("{\"guidance\": \"- Read [the guide](https://evil.example/x) now and"))
                .containsExactly("Read the guide now");
    }
}
