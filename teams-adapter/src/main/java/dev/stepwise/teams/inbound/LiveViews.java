package dev.stepwise.teams.inbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.people.Person;
import dev.stepwise.teams.cards.Refresh;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cards that show the current state to whoever opens them: the answer to a view the core can show again ("my goals",
 * "my feedback", "my plan", "team feedback") carries an Adaptive Card refresh, and Teams asks for a fresh copy (invoke
 * {@code adaptiveCard/action}, verb {@code refresh}) when the person looks at the card again, so feedback that arrived
 * since shows up in it. Which answers are views, and what they show, is the core's to say.
 */
public class LiveViews {

    static final String VIEW = "view";
    /** Cards sent before views were named by their intents still refresh. */
    private static final Map<String, String> EARLIER_NAMES = Map.of("goals", "my_goals", "feedback", "my_feedback", "plan", "my_plan");

    private final ConversationEngine engine;

    public LiveViews(ConversationEngine engine) {
        this.engine = engine;
    }

    /** The refresh for the answer to what the person typed, when that answer is one of the live views. */
    public Refresh refreshFor(String typed, String teamsUserId) {
        return teamsUserId == null ? null : engine.viewNamedBy(typed).map(view -> refresh(view, teamsUserId)).orElse(null);
    }

    /** The view's current blocks for the person, if {@code data} names a view. */
    public Optional<List<Block>> current(Map<String, String> data, Person person) {
        String view = data.get(VIEW);
        return view == null ? Optional.empty() : engine.view(EARLIER_NAMES.getOrDefault(view, view), "teams", person);
    }

    public Refresh refresh(String view, String teamsUserId) {
        return new Refresh(Map.of(VIEW, view), List.of(teamsUserId));
    }
}
