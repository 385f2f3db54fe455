package dev.stepwise.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.testing.CoreTestContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact commands every registered capability contributes, read forgivingly. */
class GrammarTest {

    private final Grammar grammar = new Grammar(CoreTestContext.bean(Capabilities.class).all());

    private String name(String typed) {
        return grammar.read(typed).map(Intent::name).orElse(null);
    }

    private Intent intent(String typed) {
        Optional<Intent> read = grammar.read(typed);
        assertThat(read).as("a command: " + typed).isPresent();
        return read.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "Help!", "?", "what can you do?", "hi", "Hello!", "good morning", "HELP ME"})
    void helpAndGreetings(String typed) {
        assertThat(name(typed)).isEqualTo("help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my feedback", "show my feedback", "Show me my feedback.", "feedback for me",
            "what feedback have I received?", "could you show me my feedback please", "my feedbak"})
    void myFeedback(String typed) {
        assertThat(name(typed)).isEqualTo("my_feedback");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "give feedback | null | null",
            "Give feedback to Ben | Ben | null",
            "give some feedback for @ben.adeyemi | @ben.adeyemi | null",
            "feedback for Ben Adeyemi: great demo! | Ben Adeyemi | great demo!",
            "send feedback to ben@example.org: clear and kind | ben@example.org | clear and kind",
            "give feedback to Priya: the rollout: smooth | Priya | the rollout: smooth",
            "Could you help me give some feedback to Priya? | null | null",
            "I'd like to give feedback to priya | priya | null",
            "give feedbak to Sam | Sam | null",
            "GIVE FEEDBACK TO SAM | SAM | null",
            "give Sam some feedback | Sam | null",
            "give feedback to Sofía | Sofía | null"})
    void giveFeedbackWithOptionalRecipientAndWords(String typed, String who, String words) {
        if (typed.startsWith("Could you help me")) {
            assertThat(name(typed)).as("help me <verb> is plain language, not a command").isNull();
            return;
        }
        Intent intent = intent(typed);
        assertThat(intent.name()).isEqualTo("give_feedback");
        assertThat(intent.slot(Intent.PERSON)).isEqualTo(who);
        assertThat(intent.slot(Intent.WORDS)).isEqualTo(words);
        assertThat(intent.text()).as("the text is kept as typed").isEqualTo(typed);
        assertThat(intent.exact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "Stop", "never mind", "Cancel please", "ok cancel"})
    void cancel(String typed) {
        assertThat(name(typed)).isEqualTo("cancel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ben", "the demo was great", "feedbacks are nice", "I have feedback for Ben",
            "Two senior engineers on my team keep arguing in planning meetings"})
    void plainLanguageIsNoCommand(String typed) {
        assertThat(name(typed)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"my goals", "goals", "show my objectives", "Objectives?", "what are my goals"})
    void myGoals(String typed) {
        assertThat(name(typed)).isEqualTo("my_goals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my plan", "plan", "show me my learning plan"})
    void myPlan(String typed) {
        assertThat(name(typed)).isEqualTo("my_plan");
    }

    @ParameterizedTest
    @CsvSource({"assess, assess", "self-assessment, assess", "please assess me, assess", "settings, settings"})
    void commandsOfLaterVersionsAreRecognised(String typed, String intent) {
        assertThat(name(typed)).isEqualTo(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help with a tough conversation tomorrow", "advice on delegating", "Help me with my 1:1 with Sam",
            "help me with: Tomorrow I have to tell a long-time team member that their work has slipped",
            "Could you help me with a difficult stakeholder?", "Help me with - my first all-hands", "HELP ME WITH my promotion case",
            "coach me through a layoff conversation", "I need advice on a conflict in my team"})
    void situationsAsCommands(String typed) {
        Intent intent = intent(typed);
        assertThat(intent.name()).isEqualTo("situation");
        assertThat(intent.text()).isEqualTo(typed.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "suggest learning | null", "Suggest learning for communication | communication",
            "how can I get better at giving feedback? | giving feedback", "improve my testing | testing",
            "recommend something to improve delegation | delegation", "How do I improve at system design | system design"})
    void suggestionsForASkill(String typed, String skill) {
        Intent intent = intent(typed);
        assertThat(intent.name()).isEqualTo("suggest");
        assertThat(intent.slot(Intent.SKILL)).isEqualTo(skill);
    }

    @Test
    void offersToMentor() {
        assertThat(intent("I can mentor communication").slot(Intent.SKILL)).isEqualTo("communication");
        assertThat(intent("mentor others in testing").slot(Intent.SKILL)).isEqualTo("testing");
        assertThat(intent("mentor others in testing").name()).isEqualTo("mentor");
    }

    @Test
    void requestFeedbackKeepsWhomToAsk() {
        assertThat(intent("request feedback").slot(Intent.PERSON)).isNull();
        assertThat(intent("ask for feedback from Ben").slot(Intent.PERSON)).isEqualTo("Ben");
        assertThat(intent("Request feedback from Ben, Priya and Sam.").slot(Intent.PERSON)).isEqualTo("Ben, Priya and Sam");
        assertThat(intent("ask Ben and Priya for feedback").slot(Intent.PERSON)).isEqualTo("Ben and Priya");
        assertThat(intent("can I get some feedback from Ben and Priya").slot(Intent.PERSON)).isEqualTo("Ben and Priya");
        assertThat(intent("reqest feedback from ben").name()).isEqualTo("request_feedback");
    }

    @Test
    void tidyingDropsPoliteFramingAndCourtesyButKeepsTheWords() {
        assertThat(CommandWords.tidy("Hi, could you please help me with: my review")).isEqualTo("help me with: my review");
        assertThat(CommandWords.tidy("give feedback to Kofi, please!")).isEqualTo("give feedback to Kofi");
        assertThat(CommandWords.tidy("reqest  feedbak")).isEqualTo("request feedback");
        assertThat(CommandWords.tidy("Kofi planned well")).as("names and other words stay").isEqualTo("Kofi planned well");
    }
}
