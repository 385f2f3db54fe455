package dev.stepwise.teams.inbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.people.Person;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Teams activity turned into a core turn: find the organisation (tenant) and person, hand the engine a
 * neutral inbound event and return its replies. Tenants not connected to an organisation and people Stepwise
 * doesn't know get a friendly explanation instead of an error.
 */
public class TeamsTurns {

    public static final String CHANNEL = "teams";

    private final TeamsPeople people;
    private final ConversationEngine engine;

    public TeamsTurns(TeamsPeople people, ConversationEngine engine) {
        this.people = people;
        this.engine = engine;
    }

    public record Known(Organisation organisation, Person person) {
    }

    /** The organisation and person behind the activity, or empty after {@code tell} has been given the reason. */
    public Optional<Known> identify(TeamsContext context, Consumer<Block> tell) {
        Optional<Organisation> organisation = people.organisationOf(context.tenantId());
        if (organisation.isEmpty()) {
            tell.accept(Block.text("This Microsoft Teams organisation isn't connected to Stepwise yet, so I can't help here. "
                    + "Ask whoever looks after Stepwise to connect it."));
            return Optional.empty();
        }
        Optional<Person> person = people.personFor(organisation.get().id(), context.sender());
        if (person.isEmpty()) {
            tell.accept(onboarding(organisation.get()));
            return Optional.empty();
        }
        return Optional.of(new Known(organisation.get(), person.get()));
    }

    /** Whether the activity's tenant is an organisation's. */
    public boolean connected(TeamsContext context) {
        return people.organisationOf(context.tenantId()).isPresent();
    }

    static Block onboarding(Organisation organisation) {
        String name = organisation.name();
        return Block.text(("**Hi! I'm Stepwise.** I help colleagues at %s give each other feedback and grow their "
                + "skills. I don't have you in %s's Stepwise yet: ask your manager or whoever looks after Stepwise "
                + "to add you with your work email address, then say **hi** again.").formatted(name, name));
    }

    /** Runs the input through the core; a repeated activity id answers nothing. */
    public List<Outbound> answer(String activityId, Known known, String conversationKey, Input input) {
        return answer(activityId, known, conversationKey, input, LiveReply.NONE);
    }

    /** As above, with a live reply a slow answer shows its progress in; its finished reply then isn't returned. */
    public List<Outbound> answer(String activityId, Known known, String conversationKey, Input input, LiveReply live) {
        return engine.handle(new Inbound(activityId, CHANNEL, known.organisation().id(), known.person().id(),
                conversationKey, input), live);
    }

    public Optional<Person> byAadObjectId(Known known, String aadObjectId) {
        return people.byAadObjectId(known.organisation().id(), aadObjectId);
    }
}
