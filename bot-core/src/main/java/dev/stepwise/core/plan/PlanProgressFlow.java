package dev.stepwise.core.plan;

import dev.stepwise.core.catalogue.Catalogue;
import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.text.UserText;
import dev.stepwise.core.feedback.requests.FeedbackRequestSender;
import dev.stepwise.core.people.ColleagueByName;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.progress.ProgressEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Adding to the plan and progress on it: any catalogue item offered anywhere (just-in-time help, recommendations)
 * can be added with one standing button; a person marks an item done (recorded as a progress event), and when it built a skill
 * they are offered observational feedback, the proof of learning in practice: ask their manager or a colleague
 * to watch them use the skill and give feedback, as a feedback request tagged to that skill.
 */
@Component
public class PlanProgressFlow implements Flow {

    static final String NAME = "plan";
    private static final String DONE = "done";
    private static final String ADD = "add";
    private static final String OBSERVE = "observe";
    private static final String PEER = "peer";
    private static final int OBSERVATION_DAYS = 14;

    private final Plans plans;
    private final Skills skills;
    private final People people;
    private final ColleagueByName colleagues;
    private final ProgressEvents progress;
    private final FeedbackRequestSender requests;
    private final Catalogue catalogue;
    private final Clock clock;

    public PlanProgressFlow(Plans plans, Skills skills, People people, ColleagueByName colleagues, ProgressEvents progress,
                            FeedbackRequestSender requests, Catalogue catalogue, Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.skills = skills;
        this.people = people;
        this.colleagues = colleagues;
        this.progress = progress;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The action id of "mark this item done" (its value is the item's id). */
    static String done() {
        return ConversationState.standing(NAME, DONE);
    }

    /** The action id of "add this catalogue item to my plan" (its value is the catalogue item's id); valid any time. */
    public static String addToPlan() {
        return ConversationState.standing(NAME, ADD);
    }

    @Override
    public Step onStandingAction(Turn turn, String action, String value) {
        if (action.equals(ADD)) {
            return Step.stay(Outbound.reply(Block.text(add(turn, value))));
        }
        if (!action.equals(DONE)) {
            return null;
        }
        Optional<PlanItem> item = Ids.parse(value).flatMap(id -> plans.find(turn.organisationId(), id))
                .filter(i -> i.personId().equals(turn.person().id()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (item.isEmpty() || !plans.complete(turn.organisationId(), item.get().id(), turn.person().id(), now)) {
            return Step.stay(Outbound.reply(Block.text("That isn't an open item of your plan, so I've left your plan as it was.")));
        }
        progress.record(turn.organisationId(), turn.person().id(), "plan_item_done",
                Map.of("planItemId", item.get().id().toString(), "title", item.get().title()), now);
        String done = "Well done: **%s** is done.".formatted(item.get().title());
        Optional<Skill> skill = Optional.ofNullable(item.get().skillId()).flatMap(id -> skills.find(turn.organisationId(), id));
        if (skill.isEmpty()) {
            return Step.stay(Outbound.reply(Block.text(done)));
        }
        ConversationState state = ConversationState.start(NAME, OBSERVE).next(OBSERVE,
                Map.of("item", item.get().id().toString(), "skill", skill.get().id().toString()));
        List<Block.Choice> choices = new ArrayList<>();
        manager(turn).ifPresent(m -> choices.add(new Block.Choice("Ask " + m.firstName() + " to observe", state.bind(OBSERVE),
                "manager", Block.Choice.Style.PRIMARY)));
        choices.add(Block.Choice.of("Ask a colleague", state.bind(OBSERVE), PEER));
        choices.add(Block.Choice.of("Not now", state.bind(OBSERVE), "no"));
        return Step.waitFor(state, Outbound.reply(new Block.Choices(done + " The real test is using **%s** at work: shall I ask "
                .formatted(skill.get().name()) + "someone to watch for it over the next two weeks and give you feedback?", choices)));
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (!action.equals(OBSERVE) || !state.step().equals(OBSERVE)) {
            return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
        }
        return switch (value) {
            case "manager" -> manager(turn).map(m -> ask(turn, state, m))
                    .orElseGet(() -> Step.done(Outbound.reply(Block.text("You don't have a manager in Stepwise; ask a colleague instead."))));
            case PEER -> Step.waitFor(state.next(PEER, Map.of()), Outbound.reply(Block.text("Whom shall I ask? Type their name.")));
            default -> Step.done(Outbound.reply(Block.text("OK. You can always **request feedback** later.")));
        };
    }

    @Override
    public String doing(ConversationState state) {
        return "asking for observational feedback";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        if (!state.step().equals(PEER)) {
            return Step.stay(Outbound.reply(Block.text("Please pick one of the buttons above, or say **cancel**.")));
        }
        ColleagueByName.Match match = colleagues.find(turn.organisationId(), text, turn.person().id());
        if (match.person() == null) {
            return Step.stay(Outbound.reply(Block.text(match.problem())));
        }
        return ask(turn, state, match.person());
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
    }

    private Step ask(Turn turn, ConversationState state, Person observer) {
        PlanItem item = plans.find(turn.organisationId(), UUID.fromString(state.get("item"))).orElseThrow();
        Skill skill = skills.find(turn.organisationId(), UUID.fromString(state.get("skill"))).orElseThrow();
        String question = "I've just finished \u201c%s\u201d. Could you watch how I use %s over the next two weeks and tell me how it goes?"
                .formatted(item.title(), skill.name());
        return Step.done(requests.send(turn.organisationId(), turn.person(), List.of(observer), null, null,
                List.of(skill.id()), question, false, OBSERVATION_DAYS).toArray(Outbound[]::new));
    }

    private String add(Turn turn, String value) {
        Optional<CatalogueItem> item = Ids.parse(value).flatMap(id -> catalogue.find(turn.organisationId(), id));
        if (item.isEmpty()) {
            return "That item is no longer in your organisation's catalogue, so I haven't added it.";
        }
        String title = UserText.inline(item.get().title());
        boolean already = plans.forPerson(turn.organisationId(), turn.person().id()).stream()
                .anyMatch(p -> item.get().id().equals(p.catalogueItemId()) && !"done".equals(p.status()) && !"dropped".equals(p.status()));
        if (already) {
            return "**%s** is already in your plan.".formatted(title);
        }
        UUID skillId = item.get().skills().isEmpty() ? null : skills.list(turn.organisationId()).stream()
                .filter(s -> s.key().equals(item.get().skills().getFirst())).map(Skill::id).findFirst().orElse(null);
        plans.add(turn.organisationId(), turn.person().id(), item.get().id(), skillId, item.get().title(), null);
        return "Added **%s** to your plan. Say **my plan** to see it.".formatted(title);
    }

    private Optional<Person> manager(Turn turn) {
        return Optional.ofNullable(turn.person().managerId()).flatMap(id -> people.find(turn.organisationId(), id));
    }

}
