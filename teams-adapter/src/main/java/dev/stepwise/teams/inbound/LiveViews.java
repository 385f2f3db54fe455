package dev.stepwise.teams.inbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.Router;
import dev.stepwise.core.feedback.MyFeedback;
import dev.stepwise.core.goals.MyGoals;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.plan.MyPlan;
import dev.stepwise.teams.cards.Refresh;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cards that show the current state to whoever opens them: "my goals", "my feedback" and "my plan" carry an
 * Adaptive Card refresh, and Teams asks for a fresh copy (invoke {@code adaptiveCard/action}, verb
 * {@code refresh}) when the person looks at the card again, so feedback that arrived since shows up in it.
 */
public class LiveViews {

    static final String VIEW = "view";

    private final Router router;
    private final MyGoals goals;
    private final MyFeedback feedback;
    private final MyPlan plan;

    public LiveViews(Router router, MyGoals goals, MyFeedback feedback, MyPlan plan) {
        this.router = router;
        this.goals = goals;
        this.feedback = feedback;
        this.plan = plan;
    }

    /** The refresh for the answer to what the person typed, when that answer is one of the live views. */
    public Refresh refreshFor(String typed, String teamsUserId) {
        String view = switch (router.route(typed)) {
            case Intent.MyGoals g -> "goals";
            case Intent.MyFeedback f -> "feedback";
            case Intent.MyPlan p -> "plan";
            default -> null;
        };
        return view == null || teamsUserId == null ? null : refresh(view, teamsUserId);
    }

    /** The view's current blocks for the person, if {@code data} names a view. */
    public Optional<List<Block>> current(Map<String, String> data, Person person) {
        String view = data.get(VIEW);
        if (view == null) {
            return Optional.empty();
        }
        return switch (view) {
            case "goals" -> Optional.of(goals.blocks(person));
            case "feedback" -> Optional.of(feedback.blocks(person));
            case "plan" -> Optional.of(plan.blocks(person));
            default -> Optional.empty();
        };
    }

    public Refresh refresh(String view, String teamsUserId) {
        return new Refresh(Map.of(VIEW, view), List.of(teamsUserId));
    }
}
