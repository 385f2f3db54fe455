package dev.stepwise.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouterTest {

    private final Router router = new Router();

    @ParameterizedTest
    @ValueSource(strings = {"help", "Help!", "?", "what can you do?", "", "   "})
    void helpInItsUsualForms(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Help(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hello!", "good morning"})
    void greetingsGetTheIntroduction(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Help(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my feedback", "show my feedback", "Show me my feedback.", "feedback for me",
            "what feedback have I received?"})
    void myFeedback(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.MyFeedback());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "give feedback | null | null",
            "Give feedback to Ben | Ben | null",
            "give some feedback for @ben.adeyemi | @ben.adeyemi | null",
            "feedback for Ben Adeyemi: great demo! | Ben Adeyemi | great demo!",
            "send feedback to ben@example.org: clear and kind | ben@example.org | clear and kind",
            "give feedback to Priya: the rollout: smooth | Priya | the rollout: smooth"})
    void giveFeedbackWithOptionalRecipientAndText(String typed, String who, String text) {
        assertThat(router.route(typed)).isEqualTo(new Intent.GiveFeedback(who, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "Stop", "never mind"})
    void cancel(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Cancel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ben", "the demo was great", "feedbacks are nice", "please assess me"})
    void anythingElseIsLeftForTheFlowInProgress(String typed) {
        assertThat(router.route(typed)).isInstanceOf(Intent.Unrecognised.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my goals", "goals", "show my objectives", "Objectives?"})
    void myGoals(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.MyGoals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my plan", "plan", "show me my learning plan"})
    void myPlan(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.MyPlan());
    }

    @ParameterizedTest
    @ValueSource(strings = {"assess", "self-assessment",
            "help with a tough conversation tomorrow", "advice on delegating", "settings"})
    void commandsOfLaterVersionsAreRecognisedNotGuessed(String typed) {
        assertThat(router.route(typed)).isInstanceOf(Intent.NotYetAvailable.class);
    }

    @Test
    void requestFeedbackKeepsWhomToAsk() {
        assertThat(router.route("request feedback")).isEqualTo(new Intent.RequestFeedback(null));
        assertThat(router.route("ask for feedback from Ben")).isEqualTo(new Intent.RequestFeedback("Ben"));
        assertThat(router.route("Request feedback from Ben, Priya and Sam.")).isEqualTo(new Intent.RequestFeedback("Ben, Priya and Sam"));
        assertThat(router.route("ask Ben and Priya for feedback")).isEqualTo(new Intent.RequestFeedback("Ben and Priya"));
    }
}
