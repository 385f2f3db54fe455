package dev.stepwise.core.home;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.feedback.FeedbackItems;
import dev.stepwise.core.feedback.MyFeedback;
import dev.stepwise.core.feedback.ReceivedFeedback;
import dev.stepwise.core.feedback.WaitingRequests;
import dev.stepwise.core.goals.MyGoals;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.plan.MyPlan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A person's overview, for a channel's home surface (Slack's App Home): their objectives with progress,
 * feedback requests waiting for them, the latest feedback they received, and their plan. Only ever their own.
 */
@Component
public class HomeSummary {

    private static final int RECENT_FEEDBACK = 3;
    private static final int WAITING = 5;

    private final Objectives objectives;
    private final WaitingRequests waiting;
    private final FeedbackItems feedback;
    private final MyPlan plan;

    public HomeSummary(Objectives objectives, WaitingRequests waiting, FeedbackItems feedback, MyPlan plan) {
        this.objectives = objectives;
        this.waiting = waiting;
        this.feedback = feedback;
        this.plan = plan;
    }

    public List<Block> blocks(Person me) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("**Hi %s!** Here's where you are.".formatted(me.firstName())));
        blocks.add(new Block.Choices(null, List.of(
                new Block.Choice("Give feedback", "say", "give feedback", Block.Choice.Style.PRIMARY),
                Block.Choice.of("My feedback", "say", "my feedback"),
                Block.Choice.of("Help", "say", "help"))));

        List<Objective> open = objectives.openFor(me.organisationId(), me.id());
        blocks.add(Block.text("**Your objectives**"));
        if (open.isEmpty()) {
            blocks.add(Block.text("No open objectives yet."));
        }
        open.forEach(objective -> blocks.addAll(MyGoals.of(objective)));

        List<WaitingRequests.Waiting> asks = waiting.forPerson(me.organisationId(), me.id(), WAITING);
        blocks.add(Block.text("**Feedback requests waiting for you**"));
        if (asks.isEmpty()) {
            blocks.add(Block.text("Nothing waiting: you're all caught up."));
        } else {
            StringBuilder lines = new StringBuilder();
            asks.forEach(ask -> lines.append("- **").append(ask.requesterName()).append("**: ").append(ask.question())
                    .append(ask.objective() == null ? "" : " (on \u201c" + ask.objective() + "\u201d)").append('\n'));
            blocks.add(Block.text(lines.toString().strip()));
        }

        List<ReceivedFeedback> recent = feedback.receivedBy(me.organisationId(), me.id(), RECENT_FEEDBACK);
        blocks.add(Block.text("**Recent feedback**"));
        if (recent.isEmpty()) {
            blocks.add(Block.text("None yet. Feedback colleagues give you will show up here."));
        }
        recent.forEach(item -> blocks.add(MyFeedback.card(item, me.zone())));

        blocks.add(Block.text("**Your plan**"));
        blocks.addAll(plan.blocks(me));
        return blocks;
    }
}
