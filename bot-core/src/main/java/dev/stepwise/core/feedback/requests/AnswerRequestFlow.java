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
import dev.stepwise.core.feedback.FeedbackCard;
import dev.stepwise.core.feedback.FeedbackForm;
import dev.stepwise.core.feedback.FeedbackRecorder;
import dev.stepwise.core.feedback.FeedbackRejected;
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
    private final FeedbackRecorder recorder;
    private final FeedbackForm forms;
    private final Clock clock;

    public AnswerRequestFlow(FeedbackRequests requests, RequestAnswers answers, RequestNotes notes, Skills skills,
                             FeedbackRecorder recorder, FeedbackForm forms, Clock clock) {
        this.requests = requests;
        this.answers = answers;
        this.notes = notes;
        this.skills = skills;
        this.recorder = recorder;
        this.forms = forms;
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
            case RequestMessages.GIVE -> Step.waitFor(state, Outbound.reply(answerForm(turn, state, request, Map.of(), Map.of())));
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
    public String doing(ConversationState state) {
        return "your answer to this request";
    }

    @Override
    public boolean asksForWords(ConversationState state) {
        return state.step().equals(ANSWER);
    }

    @Override
    public java.util.Set<String> answeredBy() {
        return java.util.Set.of("give_feedback");
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
        if (form.equals(DECLINE_FORM) && state.step().equals(DECLINE_FORM)) {
            RequestAnswers.Outcome outcome = answers.decline(turn.organisationId(), requestId, turn.person().id(), values.get("reason"));
            return switch (outcome) {
                case RequestAnswers.Outcome.Refused refused -> Step.done(Outbound.reply(Block.text(refused.why())));
                case RequestAnswers.Outcome.Stored stored -> Step.done(withNotes(Outbound.reply(Block.text(
                                "OK, I've let %s know you won't be answering this one.".formatted(stored.request().requesterName()))),
                        notes.declined(stored, turn.person(), values.get("reason"))));
            };
        }
        if (!form.equals(ANSWER) || !state.step().equals(ANSWER)) {
            return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
        }
        FeedbackForm.Filled filled = forms.read(FeedbackForm.Kind.ANSWERING, values);
        if (!filled.errors().isEmpty()) {
            Map<String, String> errors = new HashMap<>(filled.errors());
            forms.errors(FeedbackForm.Kind.ANSWERING, recorder.check(filled.words())).ifPresent(errors::putAll);
            return askAgain(turn, state, requestId, values, errors);
        }
        RequestAnswers.Outcome outcome;
        try {
            outcome = answers.answer(turn.organisationId(), requestId, turn.person().id(),
                    new RequestAnswers.Answer(filled.words(), filled.ratings()));
        } catch (FeedbackRejected rejected) {
            return forms.errors(FeedbackForm.Kind.ANSWERING, rejected.problems())
                    .map(errors -> askAgain(turn, state, requestId, values, errors))
                    .orElseGet(() -> Step.done(Outbound.reply(Block.text(rejected.getMessage() + " Nothing was saved."))));
        }
        return switch (outcome) {
            case RequestAnswers.Outcome.Refused refused -> Step.done(Outbound.reply(Block.text(refused.why())));
            case RequestAnswers.Outcome.Stored stored -> Step.done(withNotes(
                    Outbound.reply(Block.text(FeedbackCard.thanks(stored.answer()))), notes.answered(stored)));
        };
    }

    private Step askAgain(Turn turn, ConversationState state, UUID requestId, Map<String, String> values, Map<String, String> errors) {
        FeedbackRequest request = requests.find(turn.organisationId(), requestId).orElseThrow();
        return Step.stay(Outbound.reply(answerForm(turn, state, request, values, errors)));
    }

    private Block.Form answerForm(Turn turn, ConversationState state, FeedbackRequest request, Map<String, String> values,
                                  Map<String, String> errors) {
        List<Skill> asked = requests.skillsOf(turn.organisationId(), request.id()).stream()
                .flatMap(id -> skills.find(turn.organisationId(), id).stream()).toList();
        return forms.answering(state.bind(ANSWER), request.requesterName(), request.objectiveTitle(), request.question(), asked,
                values, errors);
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
