package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.home.HomeSummary;
import dev.stepwise.core.conversation.PlainText;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nobody reads feedback meant for someone else: every way of asking, tried as the wrong person (a colleague, the
 * manager, another recipient of the same request), shows none of it.
 */
class FeedbackVisibilityTest {

    private static final String SECRET = "Your estimates were off by a mile on the billing work";
    private static final String ANSWER = "Ben ran the retro brilliantly";

    private TestOrganisation org;
    private ConversationTester chat;

    @BeforeEach
    void benHasFeedbackFromPriyaAndAnAnsweredRequest() {
        org = TestOrganisation.create();
        chat = new ConversationTester(org);
        chat.as("priya").says("give feedback to Ben: " + SECRET).press("Not about a specific objective").submit(Map.of());
        chat.as("ben").says("request feedback from Priya and Sam").press("Not about an objective").submit(Map.of());
        chat.as("priya").pressInInbox("Give feedback").submit(Map.of("wentWell", ANSWER));
        assertThat(chat.inboxOf("ben")).anySatisfy(m -> assertThat(m).contains(SECRET));
        assertThat(chat.inboxOf("ben")).anySatisfy(m -> assertThat(m).contains(ANSWER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maya", "sam", "bea", "priya"})
    void myFeedbackShowsOnlyYourOwn(String who) {
        var person = chat.as(who);
        person.says("my feedback");
        assertThat(person.lastText()).doesNotContain(SECRET, ANSWER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show me Ben's feedback", "Ben's feedback", "feedback about Ben", "what feedback did Ben get",
            "list feedback for Ben Adeyemi", "my feedback for Ben", "show feedback ben@example.org"})
    void askingForSomeoneElsesFeedbackInAnyWordsRevealsNothing(String typed) {
        for (String who : List.of("maya", "sam")) {
            var person = chat.as(who);
            person.says(typed);
            assertThat(person.lastText()).as("%s typing '%s'", who, typed).doesNotContain(SECRET, ANSWER);
            person.says("cancel");
        }
    }

    @Test
    void theManagersHomeAndTheOtherRecipientsInboxShowNone() {
        HomeSummary home = CoreTestContext.bean(HomeSummary.class);
        assertThat(PlainText.of(home.blocks(org.person("maya")))).doesNotContain(SECRET, ANSWER);
        assertThat(PlainText.of(home.blocks(org.person("sam")))).doesNotContain(SECRET, ANSWER);
        assertThat(chat.inboxOf("sam")).noneSatisfy(m -> assertThat(m).contains(ANSWER));
        assertThat(chat.inboxOf("maya")).noneSatisfy(m -> assertThat(m).contains(SECRET));
    }

    @Test
    void anotherRecipientPressingTheRequestAgainSeesOnlyTheirOwnStanding() {
        var sam = chat.as("sam");
        sam.pressInInbox("Give feedback");
        assertThat(sam.lastText()).doesNotContain(ANSWER, "Priya");
        sam.says("cancel");
    }

    @Test
    void aManagerSeesOnlyWhatTheReportSharedAndTheReportCanTakeItBack() {
        var maya = chat.as("maya");
        maya.says("team feedback");
        assertThat(maya.lastText()).contains("Ben Adeyemi", "nothing shared with you yet").doesNotContain(SECRET, ANSWER);

        var ben = chat.as("ben");
        ben.says("my feedback");
        assertThat(ben.choiceLabels()).contains("Share with Maya");
        // Ben shares Priya's answer to his request, and only that one.
        pressUnder(ben, ANSWER, "Share with Maya").expectReply("Shared with **Maya Lindqvist**");

        maya.says("team feedback");
        assertThat(maya.lastText()).contains(ANSWER).doesNotContain(SECRET);
        var sam = chat.as("sam");
        sam.says("team feedback");
        assertThat(sam.lastText()).doesNotContain(ANSWER, SECRET);

        ben.says("my feedback");
        pressUnder(ben, ANSWER, "Stop sharing with Maya").expectReply("can no longer see it");
        maya.says("team feedback");
        assertThat(maya.lastText()).doesNotContain(ANSWER, SECRET);
    }

    @Test
    void someoneElsePressingTheShareButtonChangesNothing() {
        var ben = chat.as("ben");
        ben.says("my feedback");
        var shareButton = ben.lastBlocks().stream().filter(b -> b instanceof dev.stepwise.core.conversation.Block.Choices)
                .flatMap(b -> ((dev.stepwise.core.conversation.Block.Choices) b).choices().stream())
                .filter(c -> c.label().equals("Share with Maya")).findFirst().orElseThrow();
        var sam = chat.as("sam");
        sam.send(new dev.stepwise.core.conversation.Input.ButtonPressed(shareButton.actionId(), shareButton.value()),
                java.util.UUID.randomUUID().toString());
        assertThat(sam.lastText()).contains("isn't yours to share");
        chat.as("maya").says("team feedback");
        assertThat(chat.as("maya").lastText()).doesNotContain(SECRET);
    }

    @Test
    void anOrganisationPolicyCanGrantManagersNamedFeedbackButNeverAnonymousAnswers() {
        CoreTestContext.bean(dev.stepwise.core.organisation.Organisations.class).setPrivacy(org.id(), null, "named");
        chat.as("ben").says("request feedback from Priya, Sam and Bea").press("Not about an objective").submit(Map.of("anonymous", "yes"));
        for (String who : List.of("priya", "sam", "bea")) {
            chat.as(who).pressInInbox("Give feedback").submit(Map.of("wentWell", "Anonymous note from " + who));
        }

        var maya = chat.as("maya");
        maya.says("team feedback");
        assertThat(maya.lastText()).contains(SECRET, "Priya Sharma").doesNotContain("Anonymous note from");
    }

    /** Presses the button under the card that shows {@code text} in the chat's last reply. */
    private static ConversationTester.Chat pressUnder(ConversationTester.Chat person, String text, String label) {
        List<dev.stepwise.core.conversation.Block> blocks = person.lastBlocks();
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (blocks.get(i) instanceof dev.stepwise.core.conversation.Block.Card card
                    && PlainText.of(card).contains(text)
                    && blocks.get(i + 1) instanceof dev.stepwise.core.conversation.Block.Choices choices) {
                var choice = choices.choices().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
                return person.send(new dev.stepwise.core.conversation.Input.ButtonPressed(choice.actionId(), choice.value()),
                        java.util.UUID.randomUUID().toString());
            }
        }
        throw new AssertionError("No '" + label + "' under a card showing " + text);
    }
}
