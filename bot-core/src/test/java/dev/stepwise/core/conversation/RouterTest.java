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
    @ValueSource(strings = {"assess", "self-assessment", "settings"})
    void commandsOfLaterVersionsAreRecognisedNotGuessed(String typed) {
        assertThat(router.route(typed)).isInstanceOf(Intent.NotYetAvailable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help with a tough conversation tomorrow", "advice on delegating", "Help me with my 1:1 with Sam"})
    void situationsAsCommands(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Situation(typed.strip(), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I have a tough performance conversation tomorrow", "I'm preparing for a difficult meeting with stakeholders.",
            "How do I tell my team about the reorg?", "tomorrow I have an interview to run", "any tips for my first all-hands presentation?"})
    void situationsInPlainLanguageAreMarkedAsTheGrammarsGuess(String typed) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Situation(typed.strip(), true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "suggest learning | null", "Suggest learning for communication | communication",
            "how can I get better at giving feedback? | giving feedback", "improve my testing | testing",
            "recommend something to improve delegation | delegation"})
    void suggestionsForASkill(String typed, String skill) {
        assertThat(router.route(typed)).isEqualTo(new Intent.Suggest(skill));
    }

    @Test
    void offersToMentor() {
        assertThat(router.route("I can mentor communication")).isEqualTo(new Intent.OfferMentoring("communication"));
        assertThat(router.route("mentor others in testing")).isEqualTo(new Intent.OfferMentoring("testing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I have feedback for Ben", "I need to go", "I have a question", "give feedback to my manager"})
    void everydayFirstPersonSentencesAreNotSituations(String typed) {
        assertThat(router.route(typed)).isNotInstanceOf(Intent.Situation.class);
    }

    @Test
    void requestFeedbackKeepsWhomToAsk() {
        assertThat(router.route("request feedback")).isEqualTo(new Intent.RequestFeedback(null));
        assertThat(router.route("ask for feedback from Ben")).isEqualTo(new Intent.RequestFeedback("Ben"));
        assertThat(router.route("Request feedback from Ben, Priya and Sam.")).isEqualTo(new Intent.RequestFeedback("Ben, Priya and Sam"));
        assertThat(router.route("ask Ben and Priya for feedback")).isEqualTo(new Intent.RequestFeedback("Ben and Priya"));
    }
}
