package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A person shares a piece of feedback they received with their manager (or stops sharing it), from the buttons
 * under it in "my feedback". Only the person it is about can: the buttons are checked against the stored item.
 */
@Component
public class ShareFeedbackFlow implements Flow {

    static final String NAME = "share";
    static final String SHARE = "on";
    static final String UNSHARE = "off";

    private final FeedbackItems items;
    private final People people;

    public ShareFeedbackFlow(FeedbackItems items, People people) {
        this.items = items;
        this.people = people;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The button under one received item: share it with the manager, or stop sharing it. */
    static Block.Choices toggle(ReceivedFeedback feedback, Person manager) {
        String first = manager.firstName();
        Block.Choice choice = feedback.sharedWithManager()
                ? Block.Choice.of("Stop sharing with " + first, ConversationState.standing(NAME, UNSHARE), feedback.id().toString())
                : Block.Choice.of("Share with " + first, ConversationState.standing(NAME, SHARE), feedback.id().toString());
        return new Block.Choices(feedback.sharedWithManager() ? first + " can see this." : null, java.util.List.of(choice));
    }

    @Override
    public Step onStandingAction(Turn turn, String action, String value) {
        Optional<UUID> item = Ids.parse(value);
        if (item.isEmpty() || !(action.equals(SHARE) || action.equals(UNSHARE))) {
            return null;
        }
        Optional<Person> manager = Optional.ofNullable(turn.person().managerId())
                .flatMap(id -> people.find(turn.organisationId(), id));
        if (manager.isEmpty()) {
            return Step.stay(Outbound.reply(Block.text("You don't have a manager in Stepwise, so there's nobody to share it with.")));
        }
        boolean share = action.equals(SHARE);
        if (!items.share(turn.organisationId(), item.get(), turn.person().id(), share)) {
            return Step.stay(Outbound.reply(Block.text("That feedback isn't yours to share, so I've left it as it was.")));
        }
        return Step.stay(Outbound.reply(Block.text(share
                ? "Shared with **%s**: they can see it with **team feedback**.".formatted(manager.get().name())
                : "Done: **%s** can no longer see it.".formatted(manager.get().name()))));
    }

    @Override
    public String doing(ConversationState state) {
        return "sharing this feedback";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return Step.done();
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        return Step.stay();
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        return Step.stay();
    }

}
