package dev.stepwise.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every block degrades to readable text: the fallback for notifications and clients without rich cards. */
class PlainTextTest {

    @Test
    void everyBlockHasATextForm() {
        List<Block> blocks = List.of(
                Block.text("**Hello**"),
                new Block.Choices("Pick one", List.of(Block.Choice.of("Yes", "a", "1"), Block.Choice.of("No", "a", "2"))),
                new Block.Form("f", "Feedback for Ben", List.of(new Block.Field("text", "Your feedback",
                        Block.Field.Kind.TEXTAREA, true, 2000, null, "Nice", null, "Too short", null)), "Send"),
                new Block.Card("From Priya", "3 Nov 2026", List.of(new Block.CardField("Skill", "Testing"))),
                new Block.Links("Read next", List.of(new Block.Link("Feedback basics", "https://l.example/fb", "10 min"))),
                new Block.Progress("Ship onboarding v2", 40));
        assertThat(PlainText.of(blocks)).isEqualTo("""
                **Hello**

                Pick one
                [Yes] [No]

                Feedback for Ben
                - Your feedback: Nice (Too short)

                From Priya
                3 Nov 2026
                Skill: Testing

                Read next
                - Feedback basics https://l.example/fb (10 min)

                Ship onboarding v2: 40%""");
    }

    @Test
    void progressIsAPercentage() {
        assertThatThrownBy(() -> new Block.Progress("x", 101)).hasMessageContaining("0-100");
    }
}
