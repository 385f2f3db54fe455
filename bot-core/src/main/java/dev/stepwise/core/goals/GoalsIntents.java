package dev.stepwise.core.goals;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Seeing your objectives. */
@Component
public class GoalsIntents implements Capability {

    public static final String MY_GOALS = "my_goals";

    private final MyGoals goals;

    public GoalsIntents(MyGoals goals) {
        this.goals = goals;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(IntentDefinition.shows(MY_GOALS)
                .offer("Show my goals")
                .description("they want to see their objectives or goals")
                .help(40, "**my goals**: your objectives and how far along they are")
                .command("(?:(?:show|list|see|view|check|get|what are)(?: me)? )?(?:all )?(?:my )?(?:goals|objectives|okrs)")
                .examplesFrom(GoalsIntents.class, "my_goals.examples")
                .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return Step.stay(Outbound.reply(goals.blocks(turn.person())));
    }
}
