package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MyFeedbackTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final ConversationTester tester = new ConversationTester(org);
    private final FeedbackRecorder feedback = CoreTestContext.bean(FeedbackRecorder.class);
    private final TestClock clock = CoreTestContext.bean(TestClock.class);

    @Test
    void listsOnlyWhatThePersonReceivedNewestFirstWithTags() {
        give("priya", "ben", "First: thanks for the review.");
        give("maya", "ben", "Second: great incident write-up.");
        give("ben", "priya", "For Priya, not Ben.");

        var ben = tester.as("ben").says("my feedback");
        ben.expectReply("(2, newest first)");
        List<Block.Card> cards = cards(ben.lastBlocks());
        assertThat(cards).extracting(Block.Card::title).containsExactly("From Maya Lindqvist", "From Priya Sharma");
        assertThat(ben.lastText()).doesNotContain("For Priya, not Ben.");
    }

    @Test
    void showsTheNewestTenAndSaysHowManyThereAre() {
        for (int i = 1; i <= 12; i++) {
            give("priya", "sam", "Note " + i);
        }
        var sam = tester.as("sam").says("show my feedback");
        sam.expectReply("(the newest 10 of 12)");
        assertThat(cards(sam.lastBlocks())).extracting(card -> card.fields().getFirst().value())
                .containsExactly("Note 12", "Note 11", "Note 10", "Note 9", "Note 8", "Note 7", "Note 6", "Note 5",
                        "Note 4", "Note 3");
    }

    @Test
    void someoneWithoutFeedbackIsToldHowItWillArrive() {
        tester.as("maya").says("my feedback").expectReply("You haven't received any feedback yet.");
    }

    private void give(String from, String to, String text) {
        clock.advance(Duration.ofMinutes(1));
        feedback.record(org.id(), new NewFeedback(org.personId(from), org.personId(to), null, List.of(), FeedbackParts.of(text), null,
                NewFeedback.Visibility.RECIPIENT, false));
    }

    private static List<Block.Card> cards(List<Block> blocks) {
        return blocks.stream().filter(Block.Card.class::isInstance).map(Block.Card.class::cast).toList();
    }
}
