package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.MessageShortcut;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "give feedback": who it is for -> which of their objectives -> optional skill and the words -> stored and
 * delivered to the colleague at once. Nothing is stored until the last step succeeds.
 */
@Component
public class GiveFeedbackFlow implements Flow, MessageShortcut {

    static final String NAME = "feedback";
    private static final String RECIPIENT = "recipient";
    private static final String OBJECTIVE = "objective";
    private static final String COMPOSE = "compose";
    private static final String CANCEL = "cancel";
    private static final String NO_OBJECTIVE = "none";
    private static final int MAX_CHOICES = 8;
    private static final int CONTEXT_EXCERPT = 280;

    private final People people;
    private final Objectives objectives;
    private final Skills skills;
    private final FeedbackRecorder recorder;
    private final FeedbackForm forms;

    public GiveFeedbackFlow(People people, Objectives objectives, Skills skills, FeedbackRecorder recorder, FeedbackForm forms) {
        this.people = people;
        this.objectives = objectives;
        this.skills = skills;
        this.recorder = recorder;
        this.forms = forms;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts the flow; {@code recipient} and {@code text} are what the person already typed, or null. */
    public Step start(Turn turn, String recipient, String text) {
        Map<String, String> data = new HashMap<>();
        data.put("text", text);
        ConversationState state = ConversationState.start(NAME, RECIPIENT).next(RECIPIENT, data);
        if (recipient == null) {
            return Step.waitFor(state, Outbound.reply(Block.text(
                    "Who would you like to give feedback to? Type their name.")));
        }
        return findRecipient(turn, state, recipient);
    }

    /**
     * Starts the flow from "give feedback on this message": the author is the recipient, and the message (an
     * excerpt and its link) becomes the feedback's context.
     */
    @Override
    public Step start(Turn turn, Input.FeedbackOnMessage message) {
        Optional<Person> author = people.find(turn.organisationId(), message.author());
        if (author.isEmpty()) {
            return Step.stay(Outbound.reply(Block.text(
                    "I don't know who wrote that message, so I can't pass feedback on to them.")));
        }
        if (author.get().id().equals(turn.person().id())) {
            return Step.stay(Outbound.reply(Block.text(
                    "That's your own message! Feedback here is for colleagues: pick one of theirs.")));
        }
        Map<String, String> data = new HashMap<>();
        data.put("context", messageContext(message));
        ConversationState state = ConversationState.start(NAME, RECIPIENT).next(RECIPIENT, data);
        return chooseRecipient(turn, state, author.get());
    }

    private static String messageContext(Input.FeedbackOnMessage message) {
        String excerpt = message.text().strip().replaceAll("\\s+", " ");
        if (excerpt.length() > CONTEXT_EXCERPT) {
            excerpt = excerpt.substring(0, CONTEXT_EXCERPT) + "\u2026";
        }
        String quoted = excerpt.isEmpty() ? "" : "\u201c" + excerpt + "\u201d";
        if (message.link() == null || message.link().isBlank()) {
            return quoted.isEmpty() ? "A chat message" : quoted;
        }
        return quoted.isEmpty() ? "[Their message](" + message.link() + ")" : quoted + " ([message](" + message.link() + "))";
    }

    @Override
    public boolean asksForWords(ConversationState state) {
        return state.step().equals(COMPOSE);
    }

    @Override
    public Set<String> answeredBy() {
        return Set.of(FeedbackIntents.GIVE);
    }

    @Override
    public String doing(ConversationState state) {
        return "this feedback";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return switch (state.step()) {
            case RECIPIENT -> findRecipient(turn, state, text);
            case OBJECTIVE -> pickObjectiveByText(turn, state, text);
            case COMPOSE -> submit(turn, state, Map.of(FeedbackForm.Kind.GIVING.ownWords(), text));
            default -> Step.done(Outbound.reply(Block.text("Let's start again: say **give feedback**.")));
        };
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (action.equals(CANCEL)) {
            return Step.done(Outbound.reply(Block.text("OK, I've cancelled that. Nothing was saved.")));
        }
        if (action.equals(RECIPIENT) && state.step().equals(RECIPIENT)) {
            return Ids.parse(value).flatMap(id -> people.find(turn.organisationId(), id))
                    .map(person -> chooseRecipient(turn, state, person))
                    .orElseGet(() -> Step.stay(Outbound.reply(Block.text("I can't find that person any more. Type their name again."))));
        }
        if (action.equals(OBJECTIVE) && state.step().equals(OBJECTIVE)) {
            return chooseObjective(turn, state, value);
        }
        return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        if (!form.equals(COMPOSE) || !state.step().equals(COMPOSE)) {
            return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
        }
        return submit(turn, state, values);
    }

    private Step findRecipient(Turn turn, ConversationState state, String typed) {
        List<Person> matches = people.search(turn.organisationId(), typed);
        List<Person> others = matches.stream().filter(p -> !p.id().equals(turn.person().id())).toList();
        if (matches.isEmpty()) {
            List<Person> suggestions = people.nearMisses(turn.organisationId(), typed, 3).stream()
                    .filter(p -> !p.id().equals(turn.person().id())).toList();
            String sorry = "I couldn't find anyone called **%s**.".formatted(clip(typed));
            if (suggestions.isEmpty()) {
                return Step.waitFor(state, Outbound.reply(Block.text(sorry
                        + " Check the spelling, or type their full name or email. (Say **cancel** to stop.)")));
            }
            ConversationState next = state.next(RECIPIENT, Map.of());
            List<Block.Choice> choices = new ArrayList<>();
            suggestions.forEach(p -> choices.add(Block.Choice.of(p.describe(), next.bind(RECIPIENT), p.id().toString())));
            choices.add(cancel(next));
            return Step.waitFor(next, Outbound.reply(new Block.Choices(
                    sorry + " Did you mean one of these? Or type another name.", choices)));
        }
        if (others.isEmpty()) {
            return Step.waitFor(state, Outbound.reply(Block.text(
                    "That's you! Feedback here is for colleagues. Who would you like to give feedback to?")));
        }
        if (others.size() == 1) {
            return chooseRecipient(turn, state, others.getFirst());
        }
        if (others.size() > MAX_CHOICES) {
            return Step.waitFor(state, Outbound.reply(Block.text(
                    "%d people match **%s**. Type a fuller name or their email.".formatted(others.size(), clip(typed)))));
        }
        ConversationState next = state.next(RECIPIENT, Map.of());
        List<Block.Choice> choices = new ArrayList<>();
        others.forEach(p -> choices.add(Block.Choice.of(p.describe(), next.bind(RECIPIENT), p.id().toString())));
        choices.add(cancel(next));
        return Step.waitFor(next, Outbound.reply(new Block.Choices(
                "I found %d people matching **%s**. Who did you mean?".formatted(others.size(), clip(typed)), choices)));
    }

    private Step chooseRecipient(Turn turn, ConversationState state, Person recipient) {
        if (recipient.id().equals(turn.person().id())) {
            return Step.waitFor(state, Outbound.reply(Block.text(
                    "That's you! Feedback here is for colleagues. Who would you like to give feedback to?")));
        }
        List<Objective> open = objectives.openFor(turn.organisationId(), recipient.id());
        ConversationState next = state.next(OBJECTIVE, Map.of("recipient", recipient.id().toString()));
        if (open.isEmpty()) {
            return compose(turn, next.next(COMPOSE, Map.of()), recipient, null, typed(next), Map.of());
        }
        List<Block.Choice> choices = new ArrayList<>();
        open.forEach(o -> choices.add(Block.Choice.of(o.title(), next.bind(OBJECTIVE), o.id().toString())));
        choices.add(Block.Choice.of("Not about a specific objective", next.bind(OBJECTIVE), NO_OBJECTIVE));
        choices.add(cancel(next));
        return Step.waitFor(next, Outbound.reply(new Block.Choices(
                "Which of **%s**'s objectives is your feedback about?".formatted(recipient.firstName()), choices)));
    }

    private Step pickObjectiveByText(Turn turn, ConversationState state, String typed) {
        Person recipient = recipientOf(turn, state);
        List<Objective> open = objectives.openFor(turn.organisationId(), recipient.id());
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        List<Objective> matching = open.stream().filter(o -> o.title().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (wanted.matches("\\d+") && Integer.parseInt(wanted) >= 1 && Integer.parseInt(wanted) <= open.size()) {
            matching = List.of(open.get(Integer.parseInt(wanted) - 1));
        }
        if (matching.size() == 1) {
            return chooseObjective(turn, state, matching.getFirst().id().toString());
        }
        return Step.stay(Outbound.reply(Block.text(
                "Please pick one of %s's objectives with the buttons above (or type its number), or say **cancel**."
                        .formatted(recipient.firstName()))));
    }

    private Step chooseObjective(Turn turn, ConversationState state, String value) {
        Person recipient = recipientOf(turn, state);
        Objective objective = null;
        if (!NO_OBJECTIVE.equals(value)) {
            Optional<Objective> found = Ids.parse(value).flatMap(id -> objectives.find(turn.organisationId(), id))
                    .filter(o -> o.ownerId().equals(recipient.id()) && o.isOpen());
            if (found.isEmpty()) {
                return Step.stay(Outbound.reply(Block.text("That objective isn't open any more. Please pick another one.")));
            }
            objective = found.get();
        }
        ConversationState next = state.next(COMPOSE, Map.of("objective", objective == null ? NO_OBJECTIVE : objective.id().toString()));
        return compose(turn, next, recipient, objective, typed(next), Map.of());
    }

    /** What the person typed in the chat before the form, as the form's starting values. */
    private static Map<String, String> typed(ConversationState state) {
        return state.get("text") == null ? Map.of() : Map.of(FeedbackForm.Kind.GIVING.ownWords(), state.get("text"));
    }

    /** The one-minute form (the same as answering a request), with what was typed and any errors kept. */
    private Step compose(Turn turn, ConversationState state, Person recipient, Objective objective, Map<String, String> values,
                         Map<String, String> errors) {
        return Step.waitFor(state, Outbound.reply(forms.giving(state.bind(COMPOSE), recipient.name(),
                objective == null ? null : objective.title(), skillsFor(turn, recipient), values, errors)));
    }

    private Step composeAgain(Turn turn, ConversationState state, Map<String, String> values, Map<String, String> errors) {
        Objective objective = objectiveId(state).flatMap(id -> objectives.find(turn.organisationId(), id)).orElse(null);
        return compose(turn, state, recipientOf(turn, state), objective, values, errors);
    }

    /**
     * Reads the form and records the feedback: the recorder checks it (the words only when the form has errors of
     * its own, so all are shown at once) and, once it passes, the colleague gets it at once.
     */
    private Step submit(Turn turn, ConversationState state, Map<String, String> values) {
        FeedbackForm.Filled filled = forms.read(FeedbackForm.Kind.GIVING, values);
        if (!filled.errors().isEmpty()) {
            Map<String, String> errors = new HashMap<>(filled.errors());
            forms.errors(FeedbackForm.Kind.GIVING, recorder.check(filled.words())).ifPresent(errors::putAll);
            return composeAgain(turn, state, values, errors);
        }
        UUID recipientId = Ids.parse(state.get("recipient"))
                .orElseThrow(() -> new IllegalStateException("No feedback recipient in the conversation state"));
        RecordedFeedback recorded;
        try {
            recorded = recorder.record(turn.organisationId(), new NewFeedback(turn.person().id(), recipientId,
                    objectiveId(state).orElse(null), filled.tags(), filled.words(), state.get("context"),
                    NewFeedback.Visibility.RECIPIENT, false));
        } catch (FeedbackRejected rejected) {
            return forms.errors(FeedbackForm.Kind.GIVING, rejected.problems())
                    .map(errors -> composeAgain(turn, state, values, errors))
                    .orElseGet(() -> Step.done(Outbound.reply(Block.text(rejected.getMessage() + " Nothing was saved."))));
        }
        Outbound delivered = Outbound.direct(recorded.receiver().id(), List.of(
                FeedbackCard.card("New feedback from " + recorded.giver().name(), null, List.of(), recorded),
                Block.text("Say **my feedback** to see all the feedback you've received.")));
        return Step.done(Outbound.reply(Block.text(FeedbackCard.thanks(recorded))), delivered);
    }

    private static Optional<UUID> objectiveId(ConversationState state) {
        return Ids.parse(state.get("objective"));
    }

    private List<Skill> skillsFor(Turn turn, Person recipient) {
        return recipient.roleId() == null
                ? skills.list(turn.organisationId())
                : skills.forRole(turn.organisationId(), recipient.roleId());
    }

    private Person recipientOf(Turn turn, ConversationState state) {
        return Ids.parse(state.get("recipient")).flatMap(id -> people.find(turn.organisationId(), id))
                .orElseThrow(() -> new IllegalStateException("The feedback recipient in the conversation state is gone"));
    }

    private static Block.Choice cancel(ConversationState state) {
        return new Block.Choice("Cancel", state.bind(CANCEL), "", Block.Choice.Style.DANGER);
    }


    private static String clip(String typed) {
        String text = typed.strip();
        return text.length() > 60 ? text.substring(0, 60) + "\u2026" : text;
    }

}
