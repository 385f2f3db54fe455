package dev.stepwise.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionIdsTest {

    @Test
    void encodeAppendsTheIndexAndDecodeRemovesIt() {
        String encoded = ActionIds.encode("feedback.objective@deadbeef", 3);
        assertThat(encoded).isEqualTo("feedback.objective@deadbeef#3");
        assertThat(ActionIds.decode(encoded)).isEqualTo("feedback.objective@deadbeef");
    }

    @Test
    void coreIdsThatThemselvesEndInHashDigitsRoundTrip() {
        assertThat(ActionIds.decode(ActionIds.encode("step#2", 0))).isEqualTo("step#2");
    }

    @Test
    void idsWithoutAnIndexAreKept() {
        assertThat(ActionIds.decode("stepwise.open-form")).isEqualTo("stepwise.open-form");
        assertThat(ActionIds.decode("a#b")).isEqualTo("a#b");
        assertThat(ActionIds.decode(null)).isNull();
    }

    @Test
    void anEncodedIdMayBe255CharactersButNotMore() {
        String at = ActionIds.encode("a".repeat(253), 0);
        assertThat(at).hasSize(255);
        assertThat(ActionIds.decode(at)).isEqualTo("a".repeat(253));
        assertThatThrownBy(() -> ActionIds.encode("a".repeat(254), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
    }
}
