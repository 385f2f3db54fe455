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
    private final QuickFeedback feedback;

    public GiveFeedbackFlow(People people, Objectives objectives, Skills skills, QuickFeedback feedback) {
        this.people = people;
        this.objectives = objectives;
        this.skills = skills;
        this.feedback = feedback;
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
            case COMPOSE -> submit(turn, state, Map.of("text", text));
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
            return compose(turn, next.next(COMPOSE, Map.of()), recipient, null, typed(next));
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
        return compose(turn, next, recipient, objective, typed(next));
    }

    /** What the person typed in the chat before the form, as the form's starting values. */
    private static Map<String, String> typed(ConversationState state) {
        return state.get("text") == null ? Map.of() : Map.of("text.value", state.get("text"));
    }

    /**
     * The one-minute form (the same as answering a request): what went well, what could be better, an optional skill
     * with an optional rating, and their own words. {@code values} holds what was typed ({@code name.value}) and the
     * errors ({@code name}).
     */
    private Step compose(Turn turn, ConversationState state, Person recipient, Objective objective, Map<String, String> values) {
        List<Block.Option> skillOptions = skillsFor(turn, recipient).stream()
                .map(s -> new Block.Option(s.name(), s.id().toString())).toList();
        List<Block.Option> levels = java.util.Arrays.stream(dev.stepwise.core.competency.Level.values())
                .map(l -> new Block.Option(l.label(), String.valueOf(l.number()))).toList();
        String about = objective == null ? "" : " about \u201c" + objective.title() + "\u201d";
        List<Block.Field> fields = new ArrayList<>(FeedbackParts.fields(feedback.maxLength(),
                values.get(FeedbackParts.WENT_WELL + ".value"), values.get(FeedbackParts.WENT_WELL),
                values.get(FeedbackParts.COULD_BE_BETTER + ".value"), values.get(FeedbackParts.COULD_BE_BETTER)));
        fields.add(new Block.Field("skill", "Skill (optional)", Block.Field.Kind.SELECT, false, null, null,
                values.get("skill.value"), "The skill your feedback is about, if any.", values.get("skill"), skillOptions));
        fields.add(new Block.Field("rating", "Their stage in that skill (optional)", Block.Field.Kind.SELECT, false, null, null,
                values.get("rating.value"), "From what you've seen, Novice to Expert.", values.get("rating"), levels));
        fields.add(new Block.Field("text", "In your own words", Block.Field.Kind.TEXTAREA, false, feedback.maxLength(),
                "What did they do, and what effect did it have?", values.get("text.value"),
                "Use the boxes above, this one, or both. You can also just type it here in the chat.", values.get("text"), List.of()));
        Block.Form form = new Block.Form(state.bind(COMPOSE), "Feedback for " + recipient.name() + about, fields, "Send feedback");
        return Step.waitFor(state, Outbound.reply(form));
    }

    private Step submit(Turn turn, ConversationState state, Map<String, String> values) {
        Person recipient = recipientOf(turn, state);
        Objective objective = Ids.parse(state.get("objective")).flatMap(id -> objectives.find(turn.organisationId(), id))
                .orElse(null);
        Map<String, String> again = new HashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                again.put(name + ".value", value);
            }
        });
        String skillValue = values.get("skill");
        Optional<Skill> skill = Optional.empty();
        if (skillValue != null && !skillValue.isBlank()) {
            skill = Ids.parse(skillValue).flatMap(id -> skillsFor(turn, recipient).stream().filter(s -> s.id().equals(id)).findFirst());
            if (skill.isEmpty()) {
                again.put("skill", "Please pick one of the skills in the list, or leave it empty.");
            }
        }
        Integer rating = null;
        String ratingValue = values.get("rating");
        if (ratingValue != null && !ratingValue.isBlank()) {
            try {
                rating = dev.stepwise.core.competency.Level.of(Integer.parseInt(ratingValue)).number();
            } catch (IllegalArgumentException notALevel) {
                again.put("rating", "Please pick one of the stages in the list.");
            }
            if (skill.isEmpty() && !again.containsKey("skill")) {
                again.put("skill", "A stage needs a skill: pick the skill you're rating, or clear the stage.");
            }
        }
        FeedbackParts parts = new FeedbackParts(values.get(FeedbackParts.WENT_WELL), values.get(FeedbackParts.COULD_BE_BETTER),
                values.get("text"));
        Map<String, String> tooLong = parts.tooLong(feedback.maxLength(), "text");
        if (!tooLong.isEmpty()) {
            again.putAll(tooLong);
        } else {
            try {
                feedback.checkText(parts.composed());
            } catch (FeedbackRejected rejected) {
                again.put("text", rejected.getMessage());
            }
        }
        if (again.keySet().stream().anyMatch(k -> !k.endsWith(".value"))) {
            return compose(turn, state, recipient, objective, again);
        }
        Integer stage = rating;
        List<NewFeedback.SkillTag> tags = skill.map(s -> List.of(new NewFeedback.SkillTag(s.id(), stage))).orElse(List.of());
        feedback.give(turn.organisationId(), new NewFeedback(turn.person().id(), recipient.id(),
                objective == null ? null : objective.id(), tags, parts.composed(), state.get("context"),
                NewFeedback.Visibility.RECIPIENT, false), parts);

        String tagLine = tagLine(objective, skill.orElse(null));
        Outbound thanks = Outbound.reply(Block.text("Thanks! Your feedback is on its way to **%s**.%s"
                .formatted(recipient.name(), tagLine.isEmpty() ? "" : " Tagged to " + tagLine + ".")));
        List<Block.CardField> fields = new ArrayList<>(parts.rows("Feedback"));
        if (objective != null) {
            fields.add(new Block.CardField("Objective", objective.title()));
        }
        skill.ifPresent(s -> fields.add(new Block.CardField("Skill", stage == null ? s.name()
                : s.name() + " (" + dev.stepwise.core.competency.Level.of(stage).label() + ")")));
        if (state.get("context") != null) {
            fields.add(new Block.CardField("Context", state.get("context")));
        }
        Outbound delivered = Outbound.direct(recipient.id(), List.of(
                new Block.Card("New feedback from " + turn.person().name(), null, fields),
                Block.text("Say **my feedback** to see all the feedback you've received.")));
        return Step.done(thanks, delivered);
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

    private static String tagLine(Objective objective, Skill skill) {
        List<String> tags = new ArrayList<>();
        if (objective != null) {
            tags.add("\u201c" + objective.title() + "\u201d");
        }
        if (skill != null) {
            tags.add(skill.name());
        }
        return String.join(" and ", tags);
    }

    private static Block.Choice cancel(ConversationState state) {
        return new Block.Choice("Cancel", state.bind(CANCEL), "", Block.Choice.Style.DANGER);
    }


    private static String clip(String typed) {
        String text = typed.strip();
        return text.length() > 60 ? text.substring(0, 60) + "\u2026" : text;
    }

}
