package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * "request feedback from Ben, Priya and Sam": whom (1-10 colleagues) -> which of my objectives (or a new one)
 * -> question, skills, anonymity and due date in one form -> stored, and each colleague gets a direct message
 * with the request and three choices (give feedback, decline, not now). Nothing is stored before the form.
 */
@Component
public class RequestFeedbackFlow implements Flow {

    static final String NAME = "request";
    private static final String WHO = "who";
    private static final String OBJECTIVE = "objective";
    private static final String NEW_OBJECTIVE = "new-objective";
    private static final String DETAILS = "details";
    private static final String CANCEL = "cancel";
    private static final String NONE = "none";
    private static final String NEW = "new";
    private static final int MAX_QUESTION = 300;
    private static final int MAX_OBJECTIVE_TITLE = 200;
    static final List<String> DEFAULT_QUESTIONS = List.of(
            "What's one thing I did well, and one thing I could do better?",
            "What should I keep doing, start doing and stop doing?",
            "How did this land with you, and what would have made it better?");
    private static final Map<String, Integer> DUE_DAYS = Map.of("3", 3, "7", 7, "14", 14);

    private final People people;
    private final Objectives objectives;
    private final Skills skills;
    private final Organisations organisations;
    private final FeedbackRequestSender sender;

    public RequestFeedbackFlow(People people, Objectives objectives, Skills skills, Organisations organisations,
                               FeedbackRequestSender sender) {
        this.people = people;
        this.objectives = objectives;
        this.skills = skills;
        this.organisations = organisations;
        this.sender = sender;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts the flow; {@code recipients} is whom the person already named, or null. */
    public Step start(Turn turn, String recipients) {
        ConversationState state = ConversationState.start(NAME, WHO);
        if (recipients == null) {
            return Step.waitFor(state, Outbound.reply(whoForm(state, null, null)));
        }
        return whom(turn, state, recipients, false);
    }

    /** Whom to ask, as a form (so it works where typing isn't possible, e.g. a Slack modal); typing names works too. */
    private static Block.Form whoForm(ConversationState state, String typed, String error) {
        return new Block.Form(state.bind(WHO), "Request feedback", List.of(new Block.Field("names", "Whom would you like to ask?",
                Block.Field.Kind.TEXT, true, 500, "e.g. Ben, Priya and Sam", typed,
                "Up to %d colleagues, separated by commas.".formatted(RecipientNames.MAX), error, List.of())), "Next");
    }

    @Override
    public String doing(ConversationState state) {
        return "this feedback request";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return switch (state.step()) {
            case WHO -> whom(turn, state, text, false);
            case NEW_OBJECTIVE -> newObjective(turn, state, text);
            case OBJECTIVE -> Step.stay(Outbound.reply(Block.text(
                    "Please pick the objective with the buttons above, or say **cancel**.")));
            default -> Step.stay(Outbound.reply(Block.text("Please fill in the form above, or say **cancel**.")));
        };
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (action.equals(CANCEL)) {
            return Step.done(Outbound.reply(Block.text("OK, I've cancelled that. Nobody was asked.")));
        }
        if (action.equals(OBJECTIVE) && state.step().equals(OBJECTIVE)) {
            if (NEW.equals(value)) {
                return Step.waitFor(state.next(NEW_OBJECTIVE, Map.of()), Outbound.reply(Block.text(
                        "What's the new objective? Type a short title, e.g. _Run the Q3 planning workshop_.")));
            }
            if (NONE.equals(value)) {
                return details(turn, state.next(DETAILS, Map.of(OBJECTIVE, NONE)), null);
            }
            Optional<Objective> objective = Ids.parse(value).flatMap(id -> objectives.find(turn.organisationId(), id))
                    .filter(o -> o.ownerId().equals(turn.person().id()) && o.isOpen());
            if (objective.isEmpty()) {
                return Step.stay(Outbound.reply(Block.text("That objective isn't open any more. Please pick another one.")));
            }
            return details(turn, state.next(DETAILS, Map.of(OBJECTIVE, objective.get().id().toString())), null);
        }
        return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        if (form.equals(WHO) && state.step().equals(WHO)) {
            return whom(turn, state, values.get("names"), true);
        }
        if (!form.equals(DETAILS) || !state.step().equals(DETAILS)) {
            return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
        }
        return send(turn, state, values);
    }

    private Step whom(Turn turn, ConversationState state, String typed, boolean viaForm) {
        RecipientNames.Resolved resolved = RecipientNames.resolve(people, turn.person(), typed);
        if (!resolved.usable()) {
            ConversationState again = state.next(WHO, Map.of());
            return Step.waitFor(again, Outbound.reply(viaForm
                    ? whoForm(again, typed, String.join(" ", resolved.problems()))
                    : Block.text(String.join("\n", resolved.problems()) + "\nWhom would you like to ask? Type the names again (or say **cancel**).")));
        }
        Map<String, String> data = new HashMap<>();
        data.put(WHO, resolved.people().stream().map(p -> p.id().toString()).collect(Collectors.joining(",")));
        data.put("notes", resolved.notes().isEmpty() ? null : String.join(" ", resolved.notes()));
        ConversationState next = state.next(OBJECTIVE, data);
        List<Block.Choice> choices = new ArrayList<>();
        objectives.openFor(turn.organisationId(), turn.person().id())
                .forEach(o -> choices.add(Block.Choice.of(o.title(), next.bind(OBJECTIVE), o.id().toString())));
        choices.add(Block.Choice.of("A new objective", next.bind(OBJECTIVE), NEW));
        choices.add(Block.Choice.of("Not about an objective", next.bind(OBJECTIVE), NONE));
        choices.add(new Block.Choice("Cancel", next.bind(CANCEL), "", Block.Choice.Style.DANGER));
        String notes = resolved.notes().isEmpty() ? "" : String.join(" ", resolved.notes()) + "\n";
        return Step.waitFor(next, Outbound.reply(new Block.Choices(notes + "I'll ask %s. Which of your objectives is it about?"
                .formatted(FeedbackRequestSender.names(resolved.people())), choices)));
    }

    private Step newObjective(Turn turn, ConversationState state, String typed) {
        String title = typed == null ? "" : typed.strip();
        if (title.isEmpty() || title.length() > MAX_OBJECTIVE_TITLE) {
            return Step.stay(Outbound.reply(Block.text("Please type a title of 1 to %d characters.".formatted(MAX_OBJECTIVE_TITLE))));
        }
        return details(turn, state.next(DETAILS, Map.of(NEW_OBJECTIVE, title, OBJECTIVE, NEW)), null);
    }

    private Step details(Turn turn, ConversationState state, Map<String, String> errors) {
        Map<String, String> error = errors == null ? Map.of() : errors;
        boolean anonymityAllowed = organisations.find(turn.organisationId()).map(o -> o.anonymousFeedbackAllowed()).orElse(false);
        List<Block.Option> questions = new ArrayList<>();
        for (int i = 0; i < DEFAULT_QUESTIONS.size(); i++) {
            questions.add(new Block.Option(DEFAULT_QUESTIONS.get(i), String.valueOf(i)));
        }
        List<Block.Option> skillOptions = skillsOf(turn.person()).stream().map(s -> new Block.Option(s.name(), s.id().toString())).toList();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("question", "Question", Block.Field.Kind.SELECT, false, null, null, error.getOrDefault("question.value", "0"),
                null, null, questions));
        fields.add(new Block.Field("custom", "Or ask your own question", Block.Field.Kind.TEXT, false, MAX_QUESTION,
                "e.g. How clear was my plan for the launch?", error.get("custom.value"), "Leave empty to use the question above.",
                error.get("custom"), List.of()));
        fields.add(new Block.Field("skill", "Skill (optional)", Block.Field.Kind.SELECT, false, null, null, error.get("skill.value"),
                "They can rate you on it, Novice to Expert.", error.get("skill"), skillOptions));
        fields.add(new Block.Field("skill2", "Another skill (optional)", Block.Field.Kind.SELECT, false, null, null,
                error.get("skill2.value"), null, error.get("skill2"), skillOptions));
        if (anonymityAllowed) {
            fields.add(new Block.Field("anonymous", "Anonymous answers?", Block.Field.Kind.SELECT, false, null, null,
                    error.getOrDefault("anonymous.value", "no"), "Anonymous answers are shown to you only together, once at least 3 have answered.",
                    null, List.of(new Block.Option("No, show who said what", "no"), new Block.Option("Yes, anonymous", "yes"))));
        }
        fields.add(new Block.Field("due", "Answers by", Block.Field.Kind.SELECT, false, null, null, error.getOrDefault("due.value", "7"),
                null, error.get("due"), List.of(new Block.Option("In 3 days", "3"), new Block.Option("In a week", "7"),
                new Block.Option("In 2 weeks", "14"))));
        String about = state.get(NEW_OBJECTIVE) != null ? state.get(NEW_OBJECTIVE)
                : Ids.parse(state.get(OBJECTIVE)).flatMap(id -> objectives.find(turn.organisationId(), id)).map(Objective::title).orElse(null);
        String title = "Request feedback" + (about == null ? "" : " on \u201c" + about + "\u201d");
        return Step.waitFor(state, Outbound.reply(new Block.Form(state.bind(DETAILS), title, fields, "Send requests")));
    }

    private Step send(Turn turn, ConversationState state, Map<String, String> values) {
        Map<String, String> errors = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                errors.put(k + ".value", v);
            }
        });
        String custom = values.getOrDefault("custom", "").strip();
        String question;
        if (!custom.isEmpty()) {
            question = custom;
            if (custom.length() > MAX_QUESTION) {
                errors.put("custom", "Please keep the question to %d characters or fewer.".formatted(MAX_QUESTION));
            }
        } else {
            String chosen = values.get("question");
            int index = parseIndex(chosen == null || chosen.isBlank() ? "0" : chosen);
            question = index >= 0 && index < DEFAULT_QUESTIONS.size() ? DEFAULT_QUESTIONS.get(index) : DEFAULT_QUESTIONS.getFirst();
        }
        Set<UUID> skillIds = new LinkedHashSet<>();
        for (String field : List.of("skill", "skill2")) {
            String value = values.get(field);
            if (value != null && !value.isBlank()) {
                Optional<Skill> skill = Ids.parse(value).flatMap(id -> skillsOf(turn.person()).stream().filter(s -> s.id().equals(id)).findFirst());
                if (skill.isEmpty()) {
                    errors.put(field, "Please pick one of the skills in the list, or leave it empty.");
                } else {
                    skillIds.add(skill.get().id());
                }
            }
        }
        String dueValue = values.get("due");
        Integer days = DUE_DAYS.get(dueValue == null || dueValue.isBlank() ? "7" : dueValue);
        if (days == null) {
            errors.put("due", "Please pick one of the dates in the list.");
        }
        if (errors.keySet().stream().anyMatch(k -> !k.endsWith(".value"))) {
            return details(turn, state, errors);
        }
        boolean anonymityAllowed = organisations.find(turn.organisationId()).map(o -> o.anonymousFeedbackAllowed()).orElse(false);
        boolean anonymous = anonymityAllowed && "yes".equals(values.get("anonymous"));
        List<Person> recipients = Arrays.stream(state.get(WHO).split(",")).map(UUID::fromString)
                .map(id -> people.find(turn.organisationId(), id)).flatMap(Optional::stream).toList();
        if (recipients.isEmpty()) {
            return Step.done(Outbound.reply(Block.text("The people you named aren't in your organisation any more, so nobody was asked.")));
        }
        return Step.done(sender.send(turn.organisationId(), turn.person(), recipients, Ids.parse(state.get(OBJECTIVE)).orElse(null),
                state.get(NEW_OBJECTIVE), skillIds, question, anonymous, days).toArray(Outbound[]::new));
    }

    private List<Skill> skillsOf(Person person) {
        return person.roleId() == null ? skills.list(person.organisationId()) : skills.forRole(person.organisationId(), person.roleId());
    }


    private static int parseIndex(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

}
