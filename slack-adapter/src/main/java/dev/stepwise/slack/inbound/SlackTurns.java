package dev.stepwise.slack.inbound;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.people.Person;
import dev.stepwise.slack.outbound.SlackReplies;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Slack interaction turned into a core turn: find the organisation and person, hand the engine a neutral
 * inbound event, and deliver its replies where the conversation is. People Stepwise doesn't know, and
 * workspaces not connected to an organisation, get a friendly explanation instead of an error.
 */
public class SlackTurns {

    static final String CHANNEL = "slack";

    private final SlackWorkspaces workspaces;
    private final SlackPeople people;
    private final ConversationEngine engine;
    private final SlackReplies replies;

    public SlackTurns(SlackWorkspaces workspaces, SlackPeople people, ConversationEngine engine, SlackReplies replies) {
        this.workspaces = workspaces;
        this.people = people;
        this.engine = engine;
        this.replies = replies;
    }

    /** Who did something in Slack, with the token to answer them. */
    public record Actor(String token, String enterpriseId, String teamId, String userId) {
    }

    /** The organisation and person behind an actor: both known, or empty after the actor has been told why. */
    public Optional<Known> identify(Actor actor, SlackConversation conversation, String triggerId) {
        return identify(actor, why -> replies.deliver(actor.token(), actor.userId(), conversation,
                List.of(Outbound.reply(why)), triggerId));
    }

    /** As above, but the explanation for an unknown workspace or person goes to {@code tell} (e.g. a modal's answer). */
    public Optional<Known> identify(Actor actor, java.util.function.Consumer<Block> tell) {
        Optional<Organisation> organisation = workspaces.organisationOf(actor.enterpriseId(), actor.teamId());
        if (organisation.isEmpty()) {
            tell.accept(Block.text("This Slack workspace isn't connected to a Stepwise organisation yet, so I can't help here. "
                    + "Ask whoever looks after Stepwise to connect it."));
            return Optional.empty();
        }
        Optional<Person> person = people.personFor(organisation.get().id(), actor.token(), actor.userId());
        if (person.isEmpty()) {
            String name = organisation.get().name();
            tell.accept(Block.text(("**Hi! I'm Stepwise.** I help colleagues at %s give each other feedback and grow their "
                    + "skills. I don't have you in %s's Stepwise yet: ask your manager or whoever looks after Stepwise "
                    + "to add you with the email address of your Slack profile, then say **hi** again.").formatted(name, name)));
            return Optional.empty();
        }
        return Optional.of(new Known(organisation.get(), person.get()));
    }

    public record Known(Organisation organisation, Person person) {
    }

    /**
     * Runs the input through the core and delivers the replies; a repeated event id does nothing. An answer that
     * takes a while shows as it is written, in a message edited in place ({@link SlackReplies#live}).
     */
    public void run(Actor actor, String eventId, SlackConversation conversation, String triggerId,
                    Function<Known, Input> input) {
        identify(actor, conversation, triggerId).ifPresent(known -> {
            List<Outbound> answers = engine.handle(inbound(eventId, known, conversation, input.apply(known)),
                    replies.live(actor.token(), conversation));
            replies.deliver(actor.token(), actor.userId(), conversation, answers, triggerId);
        });
    }

    /** Runs the input through the core and returns the replies without delivering them (view submissions). */
    public List<Outbound> answer(String eventId, Known known, SlackConversation conversation, Input input) {
        return engine.handle(inbound(eventId, known, conversation, input));
    }

    /** The text with Slack's mentions turned into the names of the people they mention. */
    public String plainText(Actor actor, Known known, String slackText) {
        return SlackText.plain(slackText, userId -> people.personFor(known.organisation().id(), actor.token(), userId)
                .map(Person::name).orElse(null));
    }

    public Optional<Person> personFor(Actor actor, Known known, String slackUserId) {
        return people.personFor(known.organisation().id(), actor.token(), slackUserId);
    }

    private static Inbound inbound(String eventId, Known known, SlackConversation conversation, Input input) {
        return new Inbound(eventId, CHANNEL, known.organisation().id(), known.person().id(), conversation.key(), input);
    }
}
