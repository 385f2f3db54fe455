package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.BoundId;
import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.ConversationStates;
import dev.stepwise.core.conversation.ErrorReplies;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.InboundEvents;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.LiveReply;
import dev.stepwise.core.conversation.MessageShortcut;
import dev.stepwise.core.conversation.Messengers;
import dev.stepwise.core.conversation.NotUnderstood;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The single entry point for every channel: takes a neutral inbound event, answers it once (retries of the same event
 * id are dropped), understands typed text ({@link Understanding}), hands it to the {@link Capability} that answers its
 * intent or to the {@link Flow} in progress, keeps the conversation state, delivers messages meant for other people
 * through {@link Messengers}, and returns the replies for the conversation it came from. It knows no feature by name:
 * capabilities and flows are beans it is given.
 *
 * <p>In the middle of a flow, a message that clearly starts something else is not taken as the flow's answer: the
 * person is asked whether to switch. A message that could be one of two intents gets both as buttons, and one that is
 * none of them gets a short help.
 */
@Component
public class ConversationEngine {

    /** The prefix of the engine's own buttons (switch, carry on, pick one of two). */
    static final String ENGINE = "engine";
    private static final String PENDING_TEXT = "engine.pending";
    private static final String PENDING_INTENT = "engine.intent";
    private static final String PICK = "pick";
    private static final String CANDIDATES = "candidates";
    private static final String TEXT = "text";

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final InboundEvents events;
    private final ConversationStates states;
    private final People people;
    private final Map<String, Flow> flows;
    private final Capabilities capabilities;
    private final Understanding understanding;
    private final NotUnderstood notUnderstood;
    private final ObjectProvider<MessageShortcut> shortcut;
    private final Messengers messengers;
    private final ErrorReplies errors;

    public ConversationEngine(InboundEvents events, ConversationStates states, People people, List<Flow> flows,
                              Capabilities capabilities, Understanding understanding, NotUnderstood notUnderstood,
                              ObjectProvider<MessageShortcut> shortcut, Messengers messengers, ErrorReplies errors) {
        this.events = events;
        this.states = states;
        this.people = people;
        this.flows = flows.stream().collect(Collectors.toUnmodifiableMap(Flow::name, Function.identity()));
        this.capabilities = capabilities;
        this.understanding = understanding;
        this.notUnderstood = notUnderstood;
        this.shortcut = shortcut;
        this.messengers = messengers;
        this.errors = errors;
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

    /**
     * The intent a typed message names by an exact command, when answering it shows something that can be shown
     * again, fresh, later (a view such as "my goals"): channels that refresh cards use it.
     */
    public Optional<String> viewNamedBy(String typed) {
        return understanding.command(typed)
                .filter(intent -> capabilities.owner(intent.name()).isPresent())
                .filter(intent -> capabilities.definition(intent.name())
                        .map(d -> d.effect() == IntentDefinition.Effect.SHOWS).orElse(false))
                .map(Intent::name);
    }

    /** The view's current blocks for the person who asked for it in {@code channel} (see {@link #viewNamedBy}). */
    public Optional<List<Block>> view(String intent, String channel, Person person) {
        if (capabilities.definition(intent).map(d -> d.effect() != IntentDefinition.Effect.SHOWS).orElse(true)) {
            return Optional.empty();
        }
        Inbound inbound = new Inbound(java.util.UUID.randomUUID().toString(), channel, person.organisationId(), person.id(),
                "view", new Input.Message(""));
        Turn turn = new Turn(inbound, person, Optional.empty());
        return capabilities.owner(intent).map(owner -> owner.start(turn, Intent.of(intent, "")).messages().stream()
                .filter(m -> m.isReply() || m.recipient().equals(person.id()))
                .flatMap(m -> m.blocks().stream()).toList());
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
            case Input.ButtonPressed pressed when BoundId.parse(pressed.actionId()).flow().equals(ENGINE) ->
                    onEngineButton(turn, BoundId.parse(pressed.actionId()), pressed.value());
            case Input.ButtonPressed pressed when standing(pressed.actionId()) -> onStanding(turn, pressed);
            case Input.ButtonPressed pressed -> onBound(turn, pressed.actionId(),
                    (flow, state, name) -> flow.onAction(turn, state, name, pressed.value()));
            case Input.FormSubmitted form -> onBound(turn, form.formId(),
                    (flow, state, name) -> flow.onForm(turn, state, name, form.values()));
            case Input.FeedbackOnMessage message -> {
                MessageShortcut handler = shortcut.getIfAvailable();
                yield handler == null ? notUnderstood.reply(turn, message.text()) : handler.start(turn, message);
            }
        };
    }

    private Step onText(Turn turn, String text) {
        Optional<ConversationState> state = flowState(turn);
        if (state.isPresent()) {
            return midFlow(turn, flows.get(state.get().flow()), state.get(), text);
        }
        return switch (understanding.read(turn, text, true)) {
            case Reading.Command command -> start(turn, command.intent());
            case Reading.Understood understood -> start(turn, understood.intent());
            case Reading.Unsure unsure -> offerChoices(turn, text, unsure.candidates());
            case Reading.Nothing nothing -> notUnderstood.reply(turn, text);
        };
    }

    private Step start(Turn turn, Intent intent) {
        if (intent.is(Understanding.CANCEL)) {
            return Step.stay(Outbound.reply(Block.text("There's nothing to cancel. Say **help** to see what I can do.")));
        }
        return capabilities.owner(intent.name())
                .map(owner -> owner.start(turn, intent))
                .orElseGet(() -> notUnderstood.reply(turn, intent.text()));
    }

    private Step midFlow(Turn turn, Flow flow, ConversationState state, String text) {
        Reading reading = understanding.read(turn, text, false);
        boolean words = flow.asksForWords(state);
        return switch (MidFlow.decide(reading, words, flow.answeredBy(), capabilities, () -> understanding.likeliest(text))) {
            case CANCEL -> Step.done(Outbound.reply(Block.text("OK, I've cancelled that. Nothing was saved.")));
            // A view in passing: the flow waits where it was.
            case SHOW -> new Step(start(turn, reading.intent()).messages(), Step.Next.STAY, null);
            case OFFER_SWITCH -> offerSwitch(flow, state, capabilities.definition(reading.intent().name()).orElseThrow(),
                    reading.intent(), words);
            case ANSWER -> flow.onText(turn, state, text);
        };
    }

    private Step offerSwitch(Flow flow, ConversationState state, IntentDefinition definition, Intent intent, boolean words) {
        ConversationState held = new ConversationState(state.flow(), state.step(), state.nonce(),
                with(state.data(), Map.of(PENDING_TEXT, intent.text(), PENDING_INTENT, intent.name())));
        String question = "Leave %s and %s instead?".formatted(flow.doing(state), Offers.phrase(definition, intent));
        return Step.waitFor(held, Outbound.reply(new Block.Choices(question, List.of(
                new Block.Choice("Yes, switch", engineAction("switch", state.nonce()), intent.name(), Block.Choice.Style.PRIMARY),
                Block.Choice.of(words ? "No, that was my answer" : "No, carry on", engineAction("stay", state.nonce()), "")))));
    }

    private Step offerChoices(Turn turn, String text, List<Intent> candidates) {
        ConversationState state = ConversationState.start(ENGINE, PICK).next(PICK, Map.of(TEXT, text,
                CANDIDATES, candidates.stream().map(Intent::name).collect(Collectors.joining(","))));
        List<Block.Choice> choices = new ArrayList<>();
        for (Intent candidate : candidates) {
            capabilities.definition(candidate.name()).ifPresent(definition -> choices.add(Block.Choice.of(
                    Offers.label(definition, candidate), engineAction(PICK, state.nonce()), candidate.name())));
        }
        choices.add(Block.Choice.of("Something else", engineAction("other", state.nonce()), ""));
        String question = candidates.size() > 1 ? "I'm not sure which you'd like. Shall I:" : "Shall I:";
        return Step.waitFor(state, Outbound.reply(new Block.Choices(question, choices)));
    }

    private Step onEngineButton(Turn turn, BoundId button, String value) {
        Optional<ConversationState> state = turn.state().filter(s -> s.nonce().equals(button.nonce()));
        if (state.isEmpty()) {
            return Step.stay(errors.staleAction());
        }
        ConversationState current = state.get();
        return switch (button.name()) {
            case PICK -> current.flow().equals(ENGINE) && List.of(current.get(CANDIDATES).split(",")).contains(value)
                    ? leaving(start(turn, understanding.as(turn, value, current.get(TEXT))))
                    : Step.stay(errors.staleAction());
            case "other" -> Step.done(notUnderstood.reply(turn, current.get(TEXT)).messages().toArray(Outbound[]::new));
            case "switch" -> current.get(PENDING_TEXT) == null ? Step.stay(errors.staleAction())
                    : leaving(start(turn, understanding.as(turn, current.get(PENDING_INTENT), current.get(PENDING_TEXT))));
            case "stay" -> carryOn(turn, current);
            default -> Step.stay(errors.staleAction());
        };
    }

    /** The person chose to go on with the flow: the message they typed is its answer. */
    private Step carryOn(Turn turn, ConversationState held) {
        String text = held.get(PENDING_TEXT);
        Flow flow = flows.get(held.flow());
        if (text == null || flow == null) {
            return Step.stay(errors.staleAction());
        }
        ConversationState state = new ConversationState(held.flow(), held.step(), held.nonce(), with(held.data(), Map.of()));
        Step step = flow.onText(turn, state, text);
        return step.next() == Step.Next.STAY ? new Step(step.messages(), Step.Next.WAIT, state) : step;
    }

    /** What was going on before is over once the person picked something new. */
    private static Step leaving(Step step) {
        return step.next() == Step.Next.STAY ? new Step(step.messages(), Step.Next.DONE, null) : step;
    }

    private Optional<ConversationState> flowState(Turn turn) {
        return turn.state().filter(s -> flows.containsKey(s.flow()));
    }

    private static String engineAction(String name, String nonce) {
        return ENGINE + "." + name + "@" + nonce;
    }

    private static Map<String, String> with(Map<String, String> data, Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(data);
        merged.remove(PENDING_TEXT);
        merged.remove(PENDING_INTENT);
        more.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return merged;
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
        ConversationState clean = new ConversationState(state.get().flow(), state.get().step(), state.get().nonce(),
                with(state.get().data(), Map.of()));
        return handler.handle(flow, clean, bound.name());
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
