package dev.stepwise.core.recommendations;

import dev.stepwise.core.assessment.SkillAssessments;
import dev.stepwise.core.competency.CompetencyMatrices;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Requirement;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.text.UserText;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.plan.PlanProgressFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Suggestions for growing a skill ("how can I get better at communication"): which skill, where the person is today
 * on the five stages, then up to three suggestions from {@link GapRecommendations} towards what their role needs
 * (or the next stage), each with its reason and "add to plan" (or, for a mentor, "ask them"). Also takes offers to
 * mentor ("I can mentor communication").
 */
@Component
public class SuggestFlow implements Flow {

    static final String NAME = "suggest";
    private static final String SKILL = "skill";
    private static final String LEVEL = "level";
    private static final String MENTOR = "mentor";
    private static final String SHOWN = "shown";

    private final Skills skills;
    private final CompetencyMatrices matrices;
    private final GapRecommendations recommendations;
    private final Mentors mentors;
    private final People people;
    private final SkillAssessments assessments;

    public SuggestFlow(Skills skills, CompetencyMatrices matrices, GapRecommendations recommendations, Mentors mentors,
                       People people, SkillAssessments assessments) {
        this.skills = skills;
        this.matrices = matrices;
        this.recommendations = recommendations;
        this.mentors = mentors;
        this.people = people;
        this.assessments = assessments;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts with the skill as typed, or null to ask which. */
    public Step start(Turn turn, String typedSkill) {
        Optional<Skill> skill = find(turn.organisationId(), typedSkill);
        if (skill.isEmpty()) {
            return pickSkill(turn, typedSkill);
        }
        return levelOrAsk(turn, skill.get());
    }

    /** "I can mentor communication": records the offer. */
    public Step offerToMentor(Turn turn, String typedSkill) {
        Optional<Skill> skill = find(turn.organisationId(), typedSkill);
        if (skill.isEmpty()) {
            return Step.stay(Outbound.reply(Block.text("I couldn't find a skill called **%s**. Your organisation's skills are: %s."
                    .formatted(UserText.inline(typedSkill, 60), skillNames(turn.organisationId())))));
        }
        mentors.optIn(turn.organisationId(), turn.person().id(), skill.get().id());
        return Step.stay(Outbound.reply(Block.text(("Thanks! I'll suggest you as a mentor in **%s** to colleagues who want to grow "
                + "it, when your feedback or role shows you're strong in it.").formatted(skill.get().name()))));
    }

    @Override
    public String doing(ConversationState state) {
        return state.get("skillName") != null ? "the suggestions for " + state.get("skillName") : "these suggestions";
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        if (state.step().equals(SKILL)) {
            return start(turn, text);
        }
        return Step.stay(Outbound.reply(Block.text("Please pick one of the buttons above, or say **cancel**.")));
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        if (action.equals(SKILL) && state.step().equals(SKILL)) {
            return Ids.parse(value).flatMap(id -> skills.find(turn.organisationId(), id)).map(skill -> levelOrAsk(turn, skill))
                    .orElseGet(() -> Step.stay(Outbound.reply(Block.text("That skill is no longer in your organisation's matrix."))));
        }
        if (action.equals(LEVEL) && state.step().equals(LEVEL)) {
            Optional<Skill> skill = Ids.parse(state.get("skill")).flatMap(id -> skills.find(turn.organisationId(), id));
            int number = value.matches("[1-5]") ? Integer.parseInt(value) : 0;
            if (skill.isEmpty() || number == 0) {
                return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
            }
            return suggest(turn, skill.get(), Level.of(number));
        }
        if (action.equals(MENTOR) && state.step().equals(SHOWN)) {
            Optional<Person> mentor = Ids.parse(value).flatMap(id -> people.find(turn.organisationId(), id));
            if (mentor.isEmpty() || mentor.get().id().equals(turn.person().id())) {
                return Step.stay(Outbound.reply(Block.text("That person is no longer in Stepwise.")));
            }
            String skillName = state.get("skillName");
            return Step.done(Outbound.reply(Block.text("I've let **%s** know; they'll get in touch.".formatted(mentor.get().name()))),
                    Outbound.direct(mentor.get().id(), List.of(Block.text(
                            "**%s** would like your mentoring in **%s**, which you offered. Could you get in touch with them?"
                                    .formatted(turn.person().name(), skillName)))));
        }
        return Step.stay(Outbound.reply(Block.text("That button is from an earlier step, so I've left everything as it was.")));
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        return Step.stay(Outbound.reply(Block.text("That form is from an earlier step, so I've left everything as it was.")));
    }

    private Step pickSkill(Turn turn, String typed) {
        List<Skill> all = skills.list(turn.organisationId());
        ConversationState state = ConversationState.start(NAME, SKILL);
        String prompt = typed == null || typed.isBlank() ? "Which skill would you like to grow?"
                : "I couldn't find a skill called **%s**. Which of these did you mean?".formatted(UserText.inline(typed, 60));
        return Step.waitFor(state, Outbound.reply(new Block.Choices(prompt, all.stream()
                .map(s -> Block.Choice.of(s.name(), state.bind(SKILL), s.id().toString())).toList())));
    }

    /** Suggestions from the stage the person's latest self-assessment gave the skill; asked only when there is none. */
    private Step levelOrAsk(Turn turn, Skill skill) {
        SkillAssessments.Rating rated = assessments.latestSelf(turn.organisationId(), turn.person().id()).get(skill.id());
        return rated == null ? askLevel(skill) : suggest(turn, skill, rated.stage());
    }

    private Step askLevel(Skill skill) {
        ConversationState state = ConversationState.start(NAME, LEVEL).next(LEVEL, Map.of("skill", skill.id().toString()));
        List<Block.Choice> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            levels.add(Block.Choice.of(level.label(), state.bind(LEVEL), String.valueOf(level.number())));
        }
        return Step.waitFor(state, Outbound.reply(new Block.Choices("Where are you on **%s** today?".formatted(skill.name()), levels)));
    }

    private Step suggest(Turn turn, Skill skill, Level current) {
        Optional<Level> required = turn.person().roleId() == null ? Optional.empty()
                : matrices.forRole(turn.organisationId(), turn.person().roleId()).stream()
                .filter(r -> r.skill().id().equals(skill.id())).map(Requirement::requiredLevel).findFirst();
        Level target = required.filter(r -> r.number() > current.number())
                .orElse(Level.of(Math.min(Level.EXPERT.number(), current.number() + 1)));
        List<Recommendation> picked = recommendations.forGap(turn.person(), skill, current, target);
        StringBuilder intro = new StringBuilder();
        if (current == Level.EXPERT) {
            intro.append("You're at Expert in **%s**. To keep it sharp:".formatted(skill.name()));
        } else {
            intro.append("To grow **%s** from %s towards %s".formatted(skill.name(), current.label(), target.label()));
            required.ifPresent(r -> intro.append(r.number() > current.number()
                    ? " (your role needs %s)".formatted(r.label()) : " (you already meet your role's %s)".formatted(r.label())));
            intro.append(':');
        }
        if (picked.isEmpty()) {
            return Step.done(Outbound.reply(Block.text(intro + "\nYour organisation's catalogue has nothing for this stage of **%s** yet."
                    .formatted(skill.name()))));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text(intro.toString()));
        List<Block.Link> links = picked.stream().filter(r -> r.item() != null)
                .map(r -> new Block.Link(r.item().title(), r.item().url(), r.reason())).toList();
        if (!links.isEmpty()) {
            blocks.add(new Block.Links("Suggested for you", links));
        }
        picked.stream().filter(r -> r.mentor() != null)
                .forEach(r -> blocks.add(Block.text("**Mentor:** " + r.reason() + ".")));
        ConversationState state = ConversationState.start(NAME, SHOWN).next(SHOWN, Map.of("skillName", skill.name()));
        List<Block.Choice> choices = new ArrayList<>();
        for (Recommendation r : picked) {
            if (r.item() != null) {
                choices.add(Block.Choice.of("Add to plan: " + shortTitle(r.item().title()), PlanProgressFlow.addToPlan(), r.item().id().toString()));
            } else {
                choices.add(Block.Choice.of("Ask " + r.mentor().firstName() + " to mentor me", state.bind(MENTOR), r.mentor().id().toString()));
            }
        }
        blocks.add(new Block.Choices("Pick what suits you:", choices));
        return Step.waitFor(state, Outbound.reply(blocks));
    }

    private Optional<Skill> find(UUID organisationId, String typed) {
        return typed == null || typed.isBlank() ? Optional.empty() : Skills.named(skills.list(organisationId), typed);
    }

    private String skillNames(UUID organisationId) {
        return String.join(", ", skills.list(organisationId).stream().map(Skill::name).toList());
    }

    private static String shortTitle(String title) {
        return UserText.cut(title, 40);
    }
}
