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
}
