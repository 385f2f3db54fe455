package dev.stepwise.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HelpAndUnknownTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final ConversationTester tester = new ConversationTester(org);

    @Test
    void helpListsWhatTheBotCanDoWithExamplesThatNameARealColleague() {
        var maya = tester.as("maya");
        // Bea is Maya's first teammate whose first name alone finds her, so the example works if copied.
        maya.says("help").expectReply("Here's what I can do", "give feedback to Bea", "my feedback", "cancel");
        tester.as("bea").says("help").expectReply("give feedback to Ben:");
        assertThat(maya.choiceLabels()).containsExactly("Give feedback", "Request feedback", "My feedback", "My goals");
        maya.says("help").expectReply("request feedback from Bea");
        maya.press("Give feedback").expectReply("Who would you like to give feedback to?");
    }

    @Test
    void aMessageThatIsNoneOfTheIntentsGetsAShortHelpNotTheWholeList() {
        var maya = tester.as("maya");
        maya.says("what's the weather like in Berlin this weekend?").expectReply("Sorry, I didn't catch that.", "Say **help**");
        assertThat(maya.lastText()).doesNotContain("give feedback to Bea", "request feedback from");
        assertThat(maya.choiceLabels()).contains("Give feedback", "Request feedback");
    }

    @Test
    void theHelpTextHasNoRunsOfSpacesInsideItsSentences() {
        tester.as("maya").says("help");
        assertThat(tester.as("maya").says("help").lastText()).doesNotContainPattern("\\S {2,}\\S");
    }

    @Test
    void aGreetingIntroducesTheBot() {
        tester.as("maya").says("hello").expectReply("Hi! I'm Stepwise.");
    }

    @Test
    void cancellingWithNothingInProgressSaysSo() {
        tester.as("maya").says("cancel").expectReply("There's nothing to cancel.");
    }

    @Test
    void slashCommandsAreUnderstoodLikeMessages() {
        tester.as("maya").send(new Input.Command("stepwise", "my feedback"), UUID.randomUUID().toString())
                .expectReply("You haven't received any feedback yet.");
    }

    @Test
    void aButtonOrFormNobodyOffersIsAnsweredKindly() {
        var maya = tester.as("maya");
        maya.send(new Input.ButtonPressed("feedback.objective@deadbeef", "x"), UUID.randomUUID().toString())
                .expectReply("moved on");
        maya.send(new Input.ButtonPressed("no-such-flow.thing", "x"), UUID.randomUUID().toString())
                .expectReply("moved on");
        maya.send(new Input.FormSubmitted("feedback.compose@00000000", java.util.Map.of("text", "hi")),
                UUID.randomUUID().toString()).expectReply("moved on");
    }

    @Test
    void commandsThatAreNotBuiltYetSaySoHonestlyAndOfferWhatWorks() {
        var maya = tester.as("maya");
        maya.says("settings").expectReply("Settings for reminders and quiet hours isn't available yet.");
    }
}
