package dev.stepwise.core.conversation;

import dev.stepwise.core.feedback.GiveFeedbackFlow;
import dev.stepwise.core.feedback.MyFeedback;
import dev.stepwise.core.feedback.TeamFeedback;
import dev.stepwise.core.feedback.requests.RequestFeedbackFlow;
import dev.stepwise.core.goals.MyGoals;
import dev.stepwise.core.help.HelpText;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.plan.MyPlan;
import dev.stepwise.core.recommendations.SuggestFlow;
import dev.stepwise.core.situations.SituationHelpFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single entry point for every channel: takes a neutral inbound event, answers it once (retries of the
 * same event id are dropped), routes it to a flow, keeps the conversation state, delivers messages meant for
 * other people through {@link Messengers}, and returns the replies for the conversation it came from.
 */
@Component
public class ConversationEngine {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final InboundEvents events;
    private final ConversationStates states;
    private final Router router;
    private final People people;
    private final Map<String, Flow> flows;
    private final GiveFeedbackFlow giveFeedback;
    private final RequestFeedbackFlow requestFeedback;
    private final MyFeedback myFeedback;
    private final TeamFeedback teamFeedback;
    private final MyGoals myGoals;
    private final MyPlan myPlan;
    private final SituationHelpFlow situations;
    private final SuggestFlow suggestions;
    private final HelpText help;
    private final Messengers messengers;
    private final ErrorReplies errors;
    private final IntentClassifier intents;

    public ConversationEngine(InboundEvents events, ConversationStates states, Router router, People people,
                              List<Flow> flows, GiveFeedbackFlow giveFeedback, RequestFeedbackFlow requestFeedback,
                              MyFeedback myFeedback, TeamFeedback teamFeedback, MyGoals myGoals,
                              MyPlan myPlan, SituationHelpFlow situations, SuggestFlow suggestions, HelpText help,
                              Messengers messengers, ErrorReplies errors, IntentClassifier intents) {
        this.events = events;
        this.states = states;
        this.router = router;
        this.people = people;
        this.flows = flows.stream().collect(Collectors.toUnmodifiableMap(Flow::name, Function.identity()));
        this.giveFeedback = giveFeedback;
        this.requestFeedback = requestFeedback;
        this.myFeedback = myFeedback;
        this.teamFeedback = teamFeedback;
        this.myGoals = myGoals;
        this.myPlan = myPlan;
        this.situations = situations;
        this.suggestions = suggestions;
        this.help = help;
        this.messengers = messengers;
        this.errors = errors;
        this.intents = intents;
    }

    /** Handles the event and returns the replies for its own conversation; empty for a repeated event id. */
    public List<Outbound> handle(Inbound inbound) {
        return handle(inbound, LiveReply.NONE);
    }

    /**
     * As {@link #handle(Inbound)}, with a live reply a slow answer shows its progress in. When the turn showed one,
     * its first reply replaces the live message and is not among the replies returned.
     */
    public List<Outbound> handle(Inbound inbound, LiveReply live) {
        return finishLive(live, answer(inbound, live));
    }

    private List<Outbound> answer(Inbound inbound, LiveReply live) {
        try {
            if (!events.firstSeen(inbound.channel(), inbound.eventId())) {
                log.debug("Dropping repeated event {} from {}", inbound.eventId(), inbound.channel());
                return List.of();
            }
            Optional<Person> person = people.find(inbound.organisationId(), inbound.personId());
            if (person.isEmpty()) {
                return List.of(errors.unknownPerson());
            }
            Turn turn = new Turn(inbound, person.get(), states.find(inbound), live);
            Step step = dispatch(turn);
            keepState(inbound, step);
            return deliver(inbound, step.messages());
        } catch (RuntimeException failure) {
            return List.of(errors.unexpected(inbound, failure));
        }
    }

    private static List<Outbound> finishLive(LiveReply live, List<Outbound> replies) {
        if (!live.showing() || replies.isEmpty()
                || replies.getFirst().blocks().stream().anyMatch(Block.Form.class::isInstance)) {
            return replies;
        }
        return live.show(replies.getFirst().blocks()) ? replies.subList(1, replies.size()) : replies;
    }

    private Step dispatch(Turn turn) {
        return switch (turn.inbound().input()) {
            case Input.Message message -> onText(turn, message.text());
            case Input.Command command -> onText(turn, command.text());
            case Input.ButtonPressed pressed when "say".equals(pressed.actionId()) -> onText(turn, pressed.value());
            case Input.ButtonPressed pressed when standing(pressed.actionId()) -> onStanding(turn, pressed);
            case Input.ButtonPressed pressed -> onBound(turn, pressed.actionId(),
                    (flow, state, name) -> flow.onAction(turn, state, name, pressed.value()));
            case Input.FormSubmitted form -> onBound(turn, form.formId(),
                    (flow, state, name) -> flow.onForm(turn, state, name, form.values()));
            case Input.FeedbackOnMessage message -> giveFeedback.startOnMessage(turn, message);
        };
    }

    private Step onText(Turn turn, String text) {
        Intent intent = router.route(text);
        if ((intent instanceof Intent.NotYetAvailable || intent instanceof Intent.Situation || intent instanceof Intent.Suggest
                || intent instanceof Intent.OfferMentoring) && turn.state().isPresent()) {
            // Mid-flow, "help with the launch was great" or "I have a meeting then" is the person's answer, not a command.
            intent = new Intent.Unrecognised(text);
        }
        intent = intents.classify(turn, text, intent);
        return switch (intent) {
            case Intent.Help h -> Step.stay(Outbound.reply(help.blocks(h.greeting() ? HelpText.Opening.HELLO : HelpText.Opening.PLAIN, turn.person())));
            case Intent.Cancel c -> turn.state().isPresent()
                    ? Step.done(Outbound.reply(Block.text("OK, I've cancelled that. Nothing was saved.")))
                    : Step.stay(Outbound.reply(Block.text("There's nothing to cancel. Say **help** to see what I can do.")));
            case Intent.MyFeedback m -> Step.stay(Outbound.reply(myFeedback.blocks(turn.person())));
            case Intent.TeamFeedback t -> Step.stay(Outbound.reply(teamFeedback.blocks(turn.person())));
            case Intent.GiveFeedback g -> giveFeedback.start(turn, g.recipient(), g.text());
            case Intent.RequestFeedback r -> requestFeedback.start(turn, r.recipients());
            case Intent.MyGoals g -> Step.stay(Outbound.reply(myGoals.blocks(turn.person())));
            case Intent.MyPlan p -> Step.stay(Outbound.reply(myPlan.blocks(turn.person())));
            case Intent.Situation s -> situations.start(turn, s.text());
            case Intent.Suggest s -> suggestions.start(turn, s.skill());
            case Intent.OfferMentoring m -> suggestions.offerToMentor(turn, m.skill());
            case Intent.AskFirst a -> Step.stay(Outbound.reply(new Block.Choices(a.question(),
                    List.of(new Block.Choice(a.label(), "say", a.command(), Block.Choice.Style.PRIMARY)))));
            case Intent.NotYetAvailable n -> Step.stay(Outbound.reply(help.notYetAvailable(n.feature(), turn.person())));
            case Intent.Unrecognised u -> {
                Optional<Flow> owner = turn.state().map(s -> flows.get(s.flow()));
                yield owner.isPresent()
                        ? owner.get().onText(turn, turn.state().get(), u.text())
                        : Step.stay(Outbound.reply(help.blocks(HelpText.Opening.NOT_UNDERSTOOD, turn.person())));
            }
        };
    }

    private interface BoundHandler {
        Step handle(Flow flow, ConversationState state, String name);
    }

    private Step onBound(Turn turn, String id, BoundHandler handler) {
        BoundId bound = BoundId.parse(id);
        Flow flow = flows.get(bound.flow());
        Optional<ConversationState> state = turn.state();
        boolean current = state.isPresent() && state.get().flow().equals(bound.flow())
                && state.get().nonce().equals(bound.nonce());
        if (flow == null || !current) {
            return Step.stay(errors.staleAction());
        }
        return handler.handle(flow, state.get(), bound.name());
    }

    private boolean standing(String actionId) {
        BoundId bound = BoundId.parse(actionId);
        return bound.nonce() == null && flows.containsKey(bound.flow());
    }

    private Step onStanding(Turn turn, Input.ButtonPressed pressed) {
        BoundId bound = BoundId.parse(pressed.actionId());
        Step step = flows.get(bound.flow()).onStandingAction(turn, bound.name(), pressed.value());
        return step == null ? Step.stay(errors.staleAction()) : step;
    }

    private void keepState(Inbound inbound, Step step) {
        switch (step.next()) {
            case WAIT -> states.save(inbound, step.state());
            case DONE -> states.clear(inbound);
            case STAY -> { }
        }
    }

    private List<Outbound> deliver(Inbound inbound, List<Outbound> messages) {
        List<Outbound> replies = new ArrayList<>();
        for (Outbound message : messages) {
            if (message.isReply() || message.recipient().equals(inbound.personId())) {
                replies.add(Outbound.reply(message.blocks()));
            } else {
                messengers.send(inbound.channel(), inbound.organisationId(), message.recipient(), message.blocks());
            }
        }
        return replies;
    }
}
