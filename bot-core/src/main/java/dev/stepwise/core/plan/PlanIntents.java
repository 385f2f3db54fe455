package dev.stepwise.core.plan;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Seeing your learning plan. */
@Component
public class PlanIntents implements Capability {

    public static final String MY_PLAN = "my_plan";

    private final MyPlan plan;

    public PlanIntents(MyPlan plan) {
        this.plan = plan;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(IntentDefinition.shows(MY_PLAN)
                .offer("Show my plan")
                .description("they want to see their learning or development plan")
                .help(45, "**my plan**: the learning and practice you've planned")
                .command("(?:(?:show|list|see|view|check|get)(?: me)? )?(?:my )?(?:plan|learning plan|development plan|dev plan|learning)")
                .examplesFrom(PlanIntents.class, "my_plan.examples")
                .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return Step.stay(Outbound.reply(plan.blocks(turn.person())));
    }
}
