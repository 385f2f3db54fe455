package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the feedback package answers: giving feedback, and seeing your own or your team's. */
@Component
public class FeedbackIntents implements Capability {

    public static final String GIVE = "give_feedback";
    public static final String MINE = "my_feedback";
    public static final String TEAM = "team_feedback";

    private final GiveFeedbackFlow give;
    private final MyFeedback mine;
    private final TeamFeedback team;

    public FeedbackIntents(GiveFeedbackFlow give, MyFeedback mine, TeamFeedback team) {
        this.give = give;
        this.mine = mine;
        this.team = team;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(
                IntentDefinition.starts(GIVE)
                        .offer("Give feedback[ to {person}]")
                        .description("they want to give feedback, praise or a critique to a colleague")
                        .help(10, "**give feedback to {colleague}**: quick feedback on a colleague's objective, optionally tagged to a "
                                + "skill. Add your words after a colon to go faster: `give feedback to {colleague}: your demo made "
                                + "the trade-offs clear`")
                        .command(-10, "(?:(?:give|send|share|leave|write|offer|provide|post) (?:some |quick |a bit of |a little |my )?feedback"
                                + "|feedback)(?:[\\s,]+(?:to|for|on|about)\\s+(?<person>[^:\\n]+?))?(?:\\s*(?::|\\n| - | – )\\s*(?<words>.*))?")
                        .command(-10, "(?:give|send|leave|write) (?<person>[^:\\n]+?) (?:some |quick |a bit of )?feedback"
                                + "(?:\\s*(?::|\\n| - | – )\\s*(?<words>.*))?")
                        .examplesFrom(FeedbackIntents.class, "give_feedback.examples")
                        .build(),
                IntentDefinition.shows(MINE)
                        .offer("Show my feedback")
                        .description("they want to see the feedback they have received")
                        .help(30, "**my feedback**: the feedback you've received, newest first; share any of it with your manager")
                        .command("(?:(?:show|list|see|view|get|check|read)(?: me)? )?(?:all )?my feedback|feedback (?:for|about|to) me"
                                + "|what feedback (?:have i|did i) (?:got|get|received|receive)|(?:show|list|see)(?: me)? (?:the )?feedback i(?:'ve| have)? (?:got|received)")
                        .examplesFrom(FeedbackIntents.class, "my_feedback.examples")
                        .build(),
                IntentDefinition.shows(TEAM)
                        .offer("Show my team's feedback")
                        .description("a manager wants to see the feedback their reports shared with them")
                        .help(35, "**team feedback**: for managers, what your reports chose to share with you")
                        .command("(?:(?:show|list|see|view|get|check)(?: me)? )?(?:my )?team'?s? feedback|feedback (?:for|about|of|from) my (?:team|reports)"
                                + "|my reports'? feedback")
                        .examplesFrom(FeedbackIntents.class, "team_feedback.examples")
                        .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return switch (intent.name()) {
            case GIVE -> give.start(turn, intent.slot(Intent.PERSON), intent.slot(Intent.WORDS));
            case MINE -> Step.stay(Outbound.reply(mine.blocks(turn.person())));
            case TEAM -> Step.stay(Outbound.reply(team.blocks(turn.person())));
            default -> throw new IllegalArgumentException("Not a feedback intent: " + intent.name());
        };
    }
}
