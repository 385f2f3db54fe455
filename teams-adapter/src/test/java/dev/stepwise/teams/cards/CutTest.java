package dev.stepwise.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CutTest {

    @Test
    void shortTextIsUntouched() {
        assertThat(Cut.markdown("short", 10)).isEqualTo("short");
        assertThat(Cut.plain("short", 5)).isEqualTo("short");
    }

    @Test
    void cutsAtAWordWithAnEllipsis() {
        String cut = Cut.markdown("The quick brown fox jumps over the lazy dog", 20);
        assertThat(cut).isEqualTo("The quick brown fox\u2026").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void neverSplitsALink() {
        String text = "Read [the onboarding guide](https://example.com/onboarding) today";
        String cut = Cut.markdown(text, 40);
        assertThat(cut).isEqualTo("Read\u2026");
    }

    @Test
    void dropsADanglingBoldMarker() {
        assertThat(Cut.markdown("Some **very important words here** and more", 25)).isEqualTo("Some very important\u2026");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00cd";
        assertThat(Cut.plain(text, 4)).isEqualTo("ab\u2026");
    }

    @Test
    void cutsToAUtf8ByteBudget() {
        String text = "\u00e9".repeat(1000);
        String cut = Cut.toBytes(text, 101, false);
        assertThat(Cut.utf8(cut)).isLessThanOrEqualTo(101);
        assertThat(cut).endsWith("\u2026").startsWith("\u00e9\u00e9");
        assertThat(Cut.toBytes("fits", 10, true)).isEqualTo("fits");
    }
}
