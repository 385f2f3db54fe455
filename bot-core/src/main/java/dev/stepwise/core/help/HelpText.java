package dev.stepwise.core.help;

import dev.stepwise.core.conversation.Block;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the bot can do, with examples: the answer to "help" and to anything it doesn't understand. */
@Component
public class HelpText {

    public enum Opening { PLAIN, HELLO, NOT_UNDERSTOOD }

    private static final String COMMANDS = """
            - **give feedback to Ben**: quick feedback on a colleague's objective, optionally tagged to a skill. \
            Add your words after a colon to go faster: `give feedback to Ben: your demo made the trade-offs clear`
            - **my feedback**: the feedback you've received, newest first
            - **cancel**: stop what we're doing; nothing half-done is saved
            - **help**: this list

            Coming next: asking several colleagues for feedback at once, self-assessments against your role's \
            skills, and learning suggestions sized to your gap.""";

    public List<Block> blocks(Opening opening) {
        String intro = switch (opening) {
            case PLAIN -> "**Here's what I can do**";
            case HELLO -> "**Hi! I'm Stepwise.** I help you give and get feedback on your objectives and grow your skills. Here's what I can do:";
            case NOT_UNDERSTOOD -> "**Sorry, I didn't catch that.** Here's what I can do:";
        };
        return List.of(
                Block.text(intro + "\n" + COMMANDS),
                new Block.Choices(null, List.of(
                        new Block.Choice("Give feedback", "say", "give feedback", Block.Choice.Style.PRIMARY),
                        Block.Choice.of("My feedback", "say", "my feedback"))));
    }
}
