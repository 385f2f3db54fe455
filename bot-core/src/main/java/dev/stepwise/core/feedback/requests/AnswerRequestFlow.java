package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.feedback.FeedbackParts;
import dev.stepwise.core.feedback.FeedbackRejected;
import dev.stepwise.core.feedback.QuickFeedback;
import dev.stepwise.core.nudges.WorkingTime;
import dev.stepwise.core.people.Person;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A colleague's side of a request, from the three choices in their DM: give feedback (a one-minute form: what
 * went well, what could be better, a rating per tagged skill, anything else), decline (with an optional reason)
 * or not now (snoozed to a time they pick). The choices stay valid until they answer, decline or the request
 * closes; after that a press changes nothing and says why.
 */
@Component
public class AnswerRequestFlow implements Flow {

    static final String NAME = "answer";
    private static final String ANSWER = "answer";
    private static final String DECLINE_FORM = "decline-form";
    private static final String SNOOZE = "snooze";
    private static final String REQUEST = "request";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final WorkingTime WORKING_TIME = WorkingTime.standard();

    private final FeedbackRequests requests;
    private final RequestAnswers answers;
    private final RequestNotes notes;
    private final Skills skills;
    private final QuickFeedback feedback;
    private final Clock clock;

    public AnswerRequestFlow(FeedbackRequests requests, RequestAnswers answers, RequestNotes notes, Skills skills,
                             QuickFeedback feedback, Clock clock) {
        this.requests = requests;
        this.answers = answers;
        this.notes = notes;
        this.skills = skills;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Step onStandingAction(Turn turn, String action, String value) {
        Optional<UUID> requestId = Ids.parse(value);
        if (requestId.isEmpty()) {
            return null;
        }
        RequestAnswers.Standing standing = answers.standing(turn.organisationId(), requestId.get(), turn.person().id(), now(), false);
        if (standing.refusal() != null) {
            return Step.stay(Outbound.reply(Block.text(standing.refusal())));
        }
        FeedbackRequest request = standing.request();
        ConversationState state = ConversationState.start(NAME, ANSWER).next(ANSWER, Map.of(REQUEST, request.id().toString()));
        return switch (action) {
            case RequestMessages.GIVE -> Step.waitFor(state, Outbound.reply(answerForm(turn, state, request, Map.of())));
            case RequestMessages.DECLINE -> {
                ConversationState declining = state.next(DECLINE_FORM, Map.of());
                yield Step.waitFor(declining, Outbound.reply(new Block.Form(declining.bind(DECLINE_FORM),
                        "Decline " + request.requesterName() + "'s request", List.of(new Block.Field("reason",
                        "Reason (optional)", Block.Field.Kind.TEXT, false, 300, "e.g. I didn't work with them on this",
                        null, request.anonymous() ? "Not shared with them: the request is anonymous."
                                : "Shared with " + request.requesterName() + ".", null, List.of())), "Decline")));
            }
            case RequestMessages.LATER -> {
                ConversationState snoozing = state.next(SNOOZE, Map.of());
                yield Step.waitFor(snoozing, Outbound.reply(new Block.Choices("When shall I remind you?", List.of(
                        Block.Choice.of("Tomorrow morning", snoozing.bind(SNOOZE), "tomorrow"),
                        Block.Choice.of("In 2 days", snoozing.bind(SNOOZE), "2days"),
                        Block.Choice.of("Next week", snoozing.bind(SNOOZE), "nextweek")))));
            }
            default -> null;
        };
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return Step.stay(Outbound.reply(Block.text("Please use the form or buttons above, or say **cancel**.")));
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (!action.equals(SNOOZE) || !state.step().equals(SNOOZE)) {
            return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
        }
        UUID requestId = UUID.fromString(state.get(REQUEST));
        ZonedDateTime until = snoozeUntil(turn.person(), value);
        if (until == null) {
            return Step.stay(Outbound.reply(Block.text("Please pick one of the times above.")));
        }
        boolean snoozed = requests.snooze(turn.organisationId(), requestId, turn.person().id(),
                until.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        return Step.done(Outbound.reply(Block.text(snoozed
                ? "OK, I'll remind you on %s.".formatted(WHEN.format(until))
                : "That request doesn't need an answer from you any more, so there's nothing to snooze.")));
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        UUID requestId = UUID.fromString(state.get(REQUEST));
        FeedbackRequest request = requests.find(turn.organisationId(), requestId).orElseThrow();
        if (form.equals(DECLINE_FORM) && state.step().equals(DECLINE_FORM)) {
            RequestAnswers.Outcome outcome = answers.decline(turn.organisationId(), requestId, turn.person().id(), values.get("reason"));
            return switch (outcome) {
                case RequestAnswers.Outcome.Refused refused -> Step.done(Outbound.reply(Block.text(refused.why())));
                case RequestAnswers.Outcome.Stored stored -> Step.done(withNotes(
                        Outbound.reply(Block.text("OK, I've let %s know you won't be answering this one.".formatted(request.requesterName()))),
                        notes.declined(stored, turn.person(), values.get("reason"))));
            };
        }
        if (!form.equals(ANSWER) || !state.step().equals(ANSWER)) {
            return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
        }
        Map<UUID, Integer> ratings = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        for (UUID skill : requests.skillsOf(turn.organisationId(), requestId)) {
            String rating = values.get("rating." + skill);
            if (rating != null && !rating.isBlank()) {
                try {
                    ratings.put(skill, Level.of(Integer.parseInt(rating)).number());
                } catch (IllegalArgumentException notALevel) {
                    errors.put("rating." + skill, "Please pick one of the stages in the list.");
                }
            }
        }
        FeedbackParts parts = new FeedbackParts(values.get(FeedbackParts.WENT_WELL), values.get(FeedbackParts.COULD_BE_BETTER),
                values.get("anythingElse"));
        if (parts.empty()) {
            errors.put(FeedbackParts.WENT_WELL, "Please write at least one thing: what went well, what could be better, or anything else.");
        }
        errors.putAll(parts.tooLong(feedback.maxLength(), "anythingElse"));
        RequestAnswers.Answer answer = new RequestAnswers.Answer(parts, ratings);
        if (!errors.isEmpty()) {
            return Step.stay(Outbound.reply(answerForm(turn, state, request, withValues(errors, values))));
        }
        try {
            RequestAnswers.Outcome outcome = answers.answer(turn.organisationId(), requestId, turn.person().id(), answer);
            return switch (outcome) {
                case RequestAnswers.Outcome.Refused refused -> Step.done(Outbound.reply(Block.text(refused.why())));
                case RequestAnswers.Outcome.Stored stored -> Step.done(withNotes(
                        Outbound.reply(Block.text("Thanks! Your feedback is on its way to **%s**.%s".formatted(request.requesterName(),
                                request.anonymous() ? " It's anonymous: your name isn't shown with it." : ""))),
                        notes.answered(stored, turn.person(), answer)));
            };
        } catch (FeedbackRejected rejected) {
            errors.put("anythingElse", rejected.getMessage());
            return Step.stay(Outbound.reply(answerForm(turn, state, request, withValues(errors, values))));
        }
    }

    private Block.Form answerForm(Turn turn, ConversationState state, FeedbackRequest request, Map<String, String> errors) {
        List<Block.Field> fields = new ArrayList<>(FeedbackParts.fields(feedback.maxLength(),
                errors.get(FeedbackParts.WENT_WELL + ".value"), errors.get(FeedbackParts.WENT_WELL),
                errors.get(FeedbackParts.COULD_BE_BETTER + ".value"), errors.get(FeedbackParts.COULD_BE_BETTER)));
        List<Block.Option> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            levels.add(new Block.Option(level.label(), String.valueOf(level.number())));
        }
        for (UUID skillId : requests.skillsOf(turn.organisationId(), request.id())) {
            String name = skills.find(turn.organisationId(), skillId).map(Skill::name).orElse("Skill");
            String key = "rating." + skillId;
            fields.add(new Block.Field(key, name + " (optional rating)", Block.Field.Kind.SELECT, false, null, null,
                    errors.get(key + ".value"), "Where they are on the five stages, from what you've seen.", errors.get(key), levels));
        }
        fields.add(new Block.Field("anythingElse", "Anything else (optional)", Block.Field.Kind.TEXTAREA, false, feedback.maxLength(),
                null, errors.get("anythingElse.value"), null, errors.get("anythingElse"), List.of()));
        String about = request.objectiveTitle() == null ? "" : " on \u201c" + request.objectiveTitle() + "\u201d";
        return new Block.Form(state.bind(ANSWER), "Feedback for " + request.requesterName() + about + ": " + request.question(),
                fields, "Send feedback");
    }


    private static Map<String, String> withValues(Map<String, String> errors, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(errors);
        values.forEach((k, v) -> {
            if (v != null) {
                all.put(k + ".value", v);
            }
        });
        return all;
    }

    private static Outbound[] withNotes(Outbound reply, List<Outbound> notes) {
        List<Outbound> all = new ArrayList<>();
        all.add(reply);
        all.addAll(notes);
        return all.toArray(Outbound[]::new);
    }

    /**
     * When working hours start, in the person's timezone, on the next or second working day after today there, or on
     * next week's first working day: reminders come only in working time.
     */
    private ZonedDateTime snoozeUntil(Person person, String choice) {
        ZoneId zone = person.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate day = switch (choice) {
            case "tomorrow" -> WORKING_TIME.workingDayAfter(today, 1);
            case "2days" -> WORKING_TIME.workingDayAfter(today, 2);
            case "nextweek" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            default -> null;
        };
        return day == null ? null : WORKING_TIME.firstWorkingMomentOn(day, zone).atZone(zone);
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
