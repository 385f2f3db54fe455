package dev.stepwise.core.situations;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.text.UserText;
import dev.stepwise.core.feedback.requests.FeedbackRequestSender;
import dev.stepwise.core.people.ColleagueByName;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.plan.PlanProgressFlow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Just-in-time help with a situation ("I have a tough performance conversation tomorrow"). A vague situation first
 * gets two optional diagnostic questions (what are you trying to solve, what would good look like); then the answer
 * from {@link SituationAnswers}: brief guidance and up to three catalogue items with links. Then three offers: add an
 * item to the plan (a standing button, good for as long as the item exists), practise (the catalogue's practice
 * activities for it), and a check-in afterwards ("how did it go?", see {@link FollowUpSender}) that can become a
 * feedback request to the other person.
 */
@Component
public class SituationHelpFlow implements Flow {

    static final String NAME = "situation";
    static final int MAX_SITUATION = 1000;
    static final int MAX_ANSWER = 300;
    static final int VAGUE_BELOW_WORDS = 8;
    private static final String DESCRIBE = "describe";
    private static final String DIAGNOSE = "diagnose";
    private static final String ANSWERED = "answered";
    private static final String WHO = "who";
    private static final String NOW = "now";
    private static final String PRACTISE = "practise";
    private static final String LATER = "later";
    private static final String WHEN = "when";
    private static final String ASK = "ask";
    private static final String FINE = "fine";
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:(?:hey|hi|hello)[,!]?\\s+)?(?:(?:can|could|would) you (?:please )?|please |i need |i'd like |i would like |any |some |give me )?"
                    + "(?:help(?: me)? (?:with|prepare for|prepare|through|handle|deal with|on|for)|help(?: me)?(?=\\s*:)|(?:advice|tips|guidance) (?:on|about|for|with)"
                    + "|coach(?:ing)? me (?:on|about|through|for))\\s*[:,\\-\u2013]?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final SituationAnswers answers;
    private final CatalogueSearch search;
    private final FollowUps followUps;
    private final ColleagueByName colleagues;
    private final FeedbackRequestSender requests;
    private final Clock clock;

    public SituationHelpFlow(SituationAnswers answers, CatalogueSearch search, FollowUps followUps, ColleagueByName colleagues,
                             FeedbackRequestSender requests, Clock clock) {
        this.answers = answers;
        this.search = search;
        this.followUps = followUps;
        this.colleagues = colleagues;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts with what the person typed ("help me with ..."), the lead-in dropped. */
    public Step start(Turn turn, String typed) {
        String text = LEAD_IN.matcher(typed == null ? "" : typed.strip()).replaceFirst("").strip();
        if (text.isEmpty() || text.matches("(?i)(?:a |my )?situation[.!?]*")) {
            return Step.waitFor(ConversationState.start(NAME, DESCRIBE), Outbound.reply(Block.text(
                    "What's the situation? Tell me in a sentence or two, e.g. _I have a tough performance conversation tomorrow_.")));
        }
        if (text.length() > MAX_SITUATION) {
            return Step.stay(Outbound.reply(Block.text("That's a lot to take in at once: please describe the situation in %,d characters or fewer."
                    .formatted(MAX_SITUATION))));
        }
        if (words(text) < VAGUE_BELOW_WORDS) {
            ConversationState state = ConversationState.start(NAME, DIAGNOSE).next(DIAGNOSE, Map.of("situation", text));
            return Step.waitFor(state, Outbound.reply(questions(state, Map.of(), Map.of())));
        }
        return answer(turn, new Situation(text, "", ""));
    }

    @Override
    public boolean asksForWords(ConversationState state) {
        return state.step().equals(DESCRIBE) || state.step().equals(DIAGNOSE);
    }

    @Override
    public Set<String> answeredBy() {
        return Set.of(SituationIntents.SITUATION);
    }

    @Override
    public String doing(ConversationState state) {
        return "this situation";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return switch (state.step()) {
            case DESCRIBE -> start(turn, text);
            case DIAGNOSE -> text.length() > MAX_ANSWER
                    ? Step.stay(Outbound.reply(Block.text("Please keep that to %d characters or fewer.".formatted(MAX_ANSWER))))
                    : answer(turn, new Situation(state.get("situation"), text, ""));
            case WHO -> askForFeedback(turn, state, text);
            default -> Step.stay(Outbound.reply(Block.text("Pick one of the buttons above, describe a new situation with **help me with ...**, or say **cancel**.")));
        };
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (action.equals(NOW) && state.step().equals(DIAGNOSE)) {
            return answer(turn, new Situation(state.get("situation"), "", ""));
        }
        if (action.equals(PRACTISE) && state.step().equals(ANSWERED)) {
            return Step.stay(Outbound.reply(practise(turn, state.get("situation"))));
        }
        if (action.equals(LATER) && state.step().equals(ANSWERED)) {
            ConversationState when = state.next(WHEN, Map.of());
            return Step.waitFor(when, Outbound.reply(new Block.Choices(
                    "When shall I ask how it went?", List.of(
                    Block.Choice.of("Tomorrow afternoon", when.bind(WHEN), "1"),
                    Block.Choice.of("In two days", when.bind(WHEN), "2"),
                    Block.Choice.of("Next week", when.bind(WHEN), "7")))));
        }
        if (action.equals(WHEN) && state.step().equals(WHEN)) {
            int days = switch (value) {
                case "2" -> 2;
                case "7" -> 7;
                default -> 1;
            };
            Instant due = checkInTime(turn.person(), days);
            followUps.add(turn.organisationId(), turn.person().id(), state.get("situation"), due);
            String when = days == 1 ? "tomorrow afternoon" : days == 2 ? "in two days" : "next week";
            return Step.done(Outbound.reply(Block.text("I'll ask you how it went %s. Good luck!".formatted(when))));
        }
        return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        if (!form.equals(DIAGNOSE) || !state.step().equals(DIAGNOSE)) {
            return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
        }
        String goal = values.getOrDefault("goal", "").strip();
        String good = values.getOrDefault("good", "").strip();
        Map<String, String> errors = new java.util.HashMap<>();
        if (goal.length() > MAX_ANSWER) {
            errors.put("goal", "Please keep this to %d characters or fewer.".formatted(MAX_ANSWER));
        }
        if (good.length() > MAX_ANSWER) {
            errors.put("good", "Please keep this to %d characters or fewer.".formatted(MAX_ANSWER));
        }
        if (!errors.isEmpty()) {
            return Step.stay(Outbound.reply(questions(state, Map.of("goal", goal, "good", good), errors)));
        }
        return answer(turn, new Situation(state.get("situation"), goal, good));
    }

    @Override
    public Step onStandingAction(Turn turn, String action, String value) {
        return switch (action) {
            case ASK -> openFollowUp(turn, value).map(followUp -> Step.waitFor(
                            ConversationState.start(NAME, WHO).next(WHO, Map.of("followUp", followUp.id().toString())),
                            Outbound.reply(Block.text("Whom shall I ask for feedback on how you handled it? Type their name."))))
                    .orElseGet(() -> Step.stay(Outbound.reply(Block.text("That check-in is already closed, so I've left it as it was."))));
            case FINE -> openFollowUp(turn, value).map(followUp -> {
                        followUps.close(turn.organisationId(), followUp.id(), clock.instant());
                        return Step.stay(Outbound.reply(Block.text("Glad to hear it. Noted.")));
                    })
                    .orElseGet(() -> Step.stay(Outbound.reply(Block.text("That check-in is already closed, so I've left it as it was."))));
            default -> null;
        };
    }

    static String askAction() {
        return ConversationState.standing(NAME, ASK);
    }

    static String fineAction() {
        return ConversationState.standing(NAME, FINE);
    }

    private Step answer(Turn turn, Situation situation) {
        SituationAnswer answer = answers.answer(turn.organisationId(), situation, new LiveDraft(turn.live(),
                steps -> List.of(Block.text(forRightNow(steps) + "\n\n_Still writing\u2026_"))));
        List<Block> blocks = new ArrayList<>();
        if (answer.written()) {
            blocks.add(Block.text(forRightNow(answer.steps())
                    + "\n\n_Written by AI from what you told me and your organisation's catalogue._"));
        } else if (!answer.items().isEmpty()) {
            blocks.add(Block.text("Here's what your organisation's catalogue has for this, most relevant first."));
        }
        if (answer.items().isEmpty()) {
            blocks.add(Block.text("I couldn't find anything in your organisation's catalogue for this. Try describing it in other words."));
        } else {
            blocks.add(links("From your catalogue", answer.items()));
        }
        ConversationState state = ConversationState.start(NAME, ANSWERED).next(ANSWERED, Map.of("situation", situation.text()));
        List<Block.Choice> offers = new ArrayList<>(planChoices(answer.items().stream().map(SituationAnswer.Cited::item).toList()));
        offers.add(Block.Choice.of("Practise", state.bind(PRACTISE), "practise"));
        offers.add(Block.Choice.of("Check in with me afterwards", state.bind(LATER), "later"));
        blocks.add(new Block.Choices("What next?", offers));
        return Step.waitFor(state, Outbound.reply(blocks));
    }

    private static String forRightNow(List<String> steps) {
        StringBuilder text = new StringBuilder("**For right now**");
        steps.forEach(step -> text.append("\n- ").append(UserText.inline(step)));
        return text.toString();
    }

    private List<Block> practise(Turn turn, String situation) {
        List<CatalogueItem> practice = search.search(turn.organisationId(), new SearchQuery(situation, 3,
                        new SearchFilters(Set.of(), null, Set.of("practice", "stretch-assignment", "coaching"), null), SearchMode.HYBRID))
                .stream().map(SearchHit::item).toList();
        if (practice.isEmpty()) {
            return List.of(Block.text("Your catalogue has no practice activities for this yet. A quick way to practise: ask a "
                    + "colleague to play the other person for ten minutes, and rehearse your first two sentences out loud."));
        }
        List<SituationAnswer.Cited> cited = practice.stream().map(item -> new SituationAnswer.Cited(item, SituationAnswers.reason(item))).toList();
        return List.of(links("Ways to practise", cited), new Block.Choices("Add one to your plan?", planChoices(practice)));
    }

    private static Block.Links links(String title, List<SituationAnswer.Cited> items) {
        return new Block.Links(title, items.stream().map(cited -> new Block.Link(cited.item().title(), cited.item().url(),
                note(cited))).toList());
    }

    private static String note(SituationAnswer.Cited cited) {
        CatalogueItem item = cited.item();
        String kind = item.type().replace('-', ' ') + (item.durationMinutes() == null ? "" : ", " + item.durationMinutes() + " min");
        return cited.reason().isEmpty() ? kind : cited.reason() + " (" + kind + ")";
    }

    private static List<Block.Choice> planChoices(List<CatalogueItem> items) {
        return items.stream().map(item -> Block.Choice.of("Add to plan: " + shortTitle(item.title()), PlanProgressFlow.addToPlan(),
                item.id().toString())).toList();
    }

    private static String shortTitle(String title) {
        return UserText.cut(title, 40);
    }

    private Optional<FollowUps.FollowUp> openFollowUp(Turn turn, String value) {
        return Ids.parse(value).flatMap(id -> followUps.find(turn.organisationId(), id, turn.person().id()))
                .filter(FollowUps.FollowUp::open);
    }

    private Step askForFeedback(Turn turn, ConversationState state, String typed) {
        Optional<FollowUps.FollowUp> followUp = openFollowUp(turn, state.get("followUp"));
        if (followUp.isEmpty()) {
            return Step.done(Outbound.reply(Block.text("That check-in is already closed, so I've left it as it was.")));
        }
        ColleagueByName.Match match = colleagues.find(turn.organisationId(), typed, turn.person().id());
        if (match.person() == null) {
            return Step.stay(Outbound.reply(Block.text(match.problem())));
        }
        String situation = followUp.get().situation();
        String question = "How did I handle this: \u201c%s\u201d? What went well, and what could I do better?"
                .formatted(situation.length() > 180 ? situation.substring(0, 179) + "\u2026" : situation);
        followUps.close(turn.organisationId(), followUp.get().id(), clock.instant());
        return Step.done(requests.send(turn.organisationId(), turn.person(), List.of(match.person()), null, null, List.of(),
                question, false, 7).toArray(Outbound[]::new));
    }

    private Block.Form questions(ConversationState state, Map<String, String> values, Map<String, String> errors) {
        return new Block.Form(state.bind(DIAGNOSE), "Two quick questions, so the help fits", List.of(
                new Block.Field("goal", "What are you trying to solve?", Block.Field.Kind.TEXT, false, MAX_ANSWER,
                        "e.g. agree a plan without them shutting down", values.get("goal"), null, errors.get("goal"), List.of()),
                new Block.Field("good", "What would good look like afterwards?", Block.Field.Kind.TEXT, false, MAX_ANSWER,
                        "e.g. we both know the next steps", values.get("good"), "Both are optional: leave them empty to get help straight away.", errors.get("good"), List.of())),
                "Get help");
    }

    /** {@code days} working days ahead at 16:00 in the person's timezone, moved to Monday from a weekend. */
    private Instant checkInTime(Person person, int days) {
        LocalDate date = LocalDate.ofInstant(clock.instant(), person.zone()).plusDays(days);
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date.atTime(LocalTime.of(16, 0)).atZone(person.zone()).toInstant();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
