package dev.stepwise.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatWidthTest {

    @Test
    void twoOrThreeShortTitlesFitSideBySideButTheHelpMenuDoesNot() {
        assertThat(ChatWidth.fitSideBySide(List.of("Yes", "No"))).isTrue();
        assertThat(ChatWidth.fitSideBySide(List.of("Give feedback", "Not now", "Decline"))).isTrue();
        assertThat(ChatWidth.fitSideBySide(List.of("Give feedback", "Request feedback", "My feedback", "My goals"))).isFalse();
    }

    @Test
    void aColleaguesDescriptionFitsAButtonButALongObjectiveDoesNot() {
        assertThat(ChatWidth.fitsAButton("Ben Adeyemi (Software Engineer, Core)")).isTrue();
        assertThat(ChatWidth.fitsAButton("Run a monthly customer advisory board with our five largest enterprise accounts")).isFalse();
    }

    @Test
    void aDropDownHasLessRoomThanAButton() {
        String title = "x".repeat(35);
        assertThat(ChatWidth.fitsAButton(title)).isTrue();
        assertThat(ChatWidth.fitsADropDown(title)).isFalse();
    }

    @Test
    void wideLettersCountMoreThanNarrowOnesAndOtherScriptsAsWide() {
        assertThat(ChatWidth.textPx("mmmm")).isGreaterThan(ChatWidth.textPx("nnnn")).isGreaterThan(ChatWidth.textPx("iiii"));
        assertThat(ChatWidth.textPx("\u00e9")).isEqualTo(ChatWidth.textPx("E"));
        assertThat(ChatWidth.textPx("\u6f22")).isEqualTo(ChatWidth.textPx("\ud83d\ude00")).isEqualTo(ChatWidth.textPx("W"));
        assertThat(ChatWidth.textPx("")).isZero();
    }
}
