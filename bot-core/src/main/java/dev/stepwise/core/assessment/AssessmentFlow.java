package dev.stepwise.core.assessment;

import dev.stepwise.core.assessment.StageScoring.Answer;
import dev.stepwise.core.competency.CompetencyMatrices;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Requirement;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.ConversationState;
import dev.stepwise.core.conversation.Flow;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.text.UserText;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A self-assessment in chat: for each skill, "can you do" statements of the role's matrix at the stages
 * {@link StageScoring} picks, answered "not yet / sometimes / consistently" with one tap, until the stage settles; then
 * the next skill (the role's skills never assessed first, the most demanding first), and at the end a card of self
 * against required stage per skill. Every answer is stored as it is given, so "continue my assessment" picks a run up
 * after days or a restart; the stages are recorded when the run ends (finished, or stopped after any skill).
 */
@Component
public class AssessmentFlow implements Flow {

    static final String NAME = "assess";
    private static final String ASK = "ask";
    private static final String ANSWER = "answer";
    private static final String STOP = "stop";
    private static final String RUN = "run";
    private static final String SKILL = "skill";
    private static final String LEVEL = "level";

    private final SkillAssessments assessments;
    private final CompetencyMatrices matrices;
    private final Clock clock;

    public AssessmentFlow(SkillAssessments assessments, CompetencyMatrices matrices, Clock clock) {
        this.assessments = assessments;
        this.matrices = matrices;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String doing(ConversationState state) {
        return "your self-assessment (your answers so far are kept)";
    }

    /** Starts on one skill (as typed) or, with none, on the person's role; a run in progress is continued instead. */
    public Step start(Turn turn, String typedSkill) {
        Person me = turn.person();
        if (me.roleId() == null) {
            return Step.stay(say("You don't have a role in Stepwise yet, so there's no competency matrix to assess against. "
                    + "Ask your admin to set your role."));
        }
        List<Requirement> matrix = askable(matrices.forRole(me.organisationId(), me.roleId()));
        if (matrix.isEmpty()) {
            return Step.stay(say("Your role's competency matrix has no statements to rate yourself against yet. Ask your admin to add them."));
        }
        List<Requirement> chosen;
        if (typedSkill == null || typedSkill.isBlank()) {
            Optional<SkillAssessments.Run> running = assessments.inProgress(me.organisationId(), me.id());
            if (running.isPresent()) {
                return next(turn, running.get(), "Let's carry on where you left off.");
            }
            chosen = largestLikelyGapsFirst(me, matrix);
        } else {
            Optional<Requirement> one = find(matrix, typedSkill);
            if (one.isEmpty()) {
                return Step.stay(say("**%s** isn't one of your role's skills, so I have no statements to rate it against. Your role's skills are: %s."
                        .formatted(UserText.inline(typedSkill, 60), matrix.stream().map(r -> r.skill().name()).collect(Collectors.joining(", ")))));
            }
            chosen = List.of(one.get());
        }
        UUID run = assessments.start(me.organisationId(), me.id(), me.roleId(), chosen.stream().map(r -> r.skill().id()).toList(), now());
        String intro = chosen.size() == 1
                ? "A few statements about **%s**: tap how often you do each today.".formatted(chosen.getFirst().skill().name())
                : "Let's go through your role's %d skills, a few statements each (about 20 seconds a skill). Tap how often you do each today; you can stop after any skill and continue later."
                        .formatted(chosen.size());
        return next(turn, assessments.find(me.organisationId(), run).orElseThrow(), intro);
    }

    /** Continues the person's run in progress, or says there is none. */
    public Step resume(Turn turn) {
        return assessments.inProgress(turn.organisationId(), turn.person().id())
                .map(run -> next(turn, run, "Let's carry on where you left off."))
                .orElseGet(() -> Step.stay(say("You have no self-assessment in progress. Say **assess** to start one.")));
    }

    @Override
    public Step onText(Turn turn, ConversationState state, String text) {
        return Step.stay(say("Tap one of the buttons above (or **Stop here** to finish after this skill)."));
    }

    @Override
    public Step onAction(Turn turn, ConversationState state, String action, String value) {
        Optional<SkillAssessments.Run> run = Ids.parse(state.get(RUN)).flatMap(id -> assessments.find(turn.organisationId(), id));
        if (run.isEmpty() || !run.get().status().equals("in_progress")) {
            return Step.done(say("That self-assessment is already over. Say **assess** to start another."));
        }
        if (action.equals(STOP)) {
            return end(turn, run.get(), "stopped", requirements(turn, run.get()), assessments.answers(turn.organisationId(), run.get().id()));
        }
        Optional<Answer> answer = java.util.Arrays.stream(Answer.values()).filter(a -> a.name().equals(value)).findFirst();
        Optional<UUID> skill = Ids.parse(state.get(SKILL));
        if (!action.equals(ANSWER) || answer.isEmpty() || skill.isEmpty() || state.get(LEVEL) == null) {
            return Step.stay(say("That button is from an earlier step, so I've left everything as it was."));
        }
        assessments.answer(turn.organisationId(), run.get().id(), skill.get(), Level.of(Integer.parseInt(state.get(LEVEL))), answer.get(), now());
        return next(turn, run.get(), null);
    }

    @Override
    public Step onForm(Turn turn, ConversationState state, String form, Map<String, String> values) {
        return Step.stay(say("That form is from an earlier step, so I've left everything as it was."));
    }

    /** The next statement to answer, or the end of the run when every skill has settled. */
    private Step next(Turn turn, SkillAssessments.Run run, String intro) {
        Map<UUID, Requirement> matrix = requirements(turn, run);
        Map<UUID, Map<Level, Answer>> answers = assessments.answers(turn.organisationId(), run.id());
        int position = 0;
        for (UUID skillId : run.skillIds()) {
            position++;
            Requirement requirement = matrix.get(skillId);
            if (requirement == null) {
                continue;
            }
            Map<Level, Answer> given = answers.getOrDefault(skillId, Map.of());
            Optional<Level> level = StageScoring.next(requirement.requiredLevel(), given, requirement.statements().keySet());
            if (level.isPresent()) {
                return ask(run, requirement, level.get(), position, intro);
            }
        }
        return end(turn, run, "finished", matrix, answers);
    }

    private Step ask(SkillAssessments.Run run, Requirement requirement, Level level, int position, String intro) {
        ConversationState state = ConversationState.start(NAME, ASK).next(ASK, Map.of(RUN, run.id().toString(),
                SKILL, requirement.skill().id().toString(), LEVEL, Integer.toString(level.number())));
        String counter = run.skillIds().size() > 1 ? " (skill %d of %d)".formatted(position, run.skillIds().size()) : "";
        String question = "**%s**%s\nHow often do you do this today?\n> %s".formatted(requirement.skill().name(), counter,
                requirement.statements().get(level));
        List<Outbound> messages = new ArrayList<>();
        if (intro != null) {
            messages.add(Outbound.reply(Block.text(intro)));
        }
        messages.add(Outbound.reply(new Block.Choices(question, List.of(
                Block.Choice.of("Not yet", state.bind(ANSWER), Answer.NOT_YET.name()),
                Block.Choice.of("Sometimes", state.bind(ANSWER), Answer.SOMETIMES.name()),
                Block.Choice.of("Consistently", state.bind(ANSWER), Answer.CONSISTENTLY.name()),
                Block.Choice.of("Stop here", state.bind(STOP), "")))));
        return Step.waitFor(state, messages.toArray(Outbound[]::new));
    }

    /** Records the stage of every skill that settled, ends the run, and shows the result. */
    private Step end(Turn turn, SkillAssessments.Run run, String status, Map<UUID, Requirement> matrix,
                     Map<UUID, Map<Level, Answer>> answers) {
        Map<UUID, StageScoring.Result> stages = new LinkedHashMap<>();
        for (UUID skillId : run.skillIds()) {
            Requirement requirement = matrix.get(skillId);
            Map<Level, Answer> given = answers.getOrDefault(skillId, Map.of());
            if (requirement != null && !given.isEmpty()
                    && StageScoring.next(requirement.requiredLevel(), given, requirement.statements().keySet()).isEmpty()) {
                stages.put(skillId, StageScoring.score(given));
            }
        }
        assessments.end(turn.organisationId(), run, status, stages, now());
        if (stages.isEmpty()) {
            return Step.done(say("OK, stopped. Nothing was rated yet; say **assess** when you'd like to start again."));
        }
        return Step.done(Outbound.reply(result(matrix, stages, run.skillIds().size())));
    }

    private static List<Block> result(Map<UUID, Requirement> matrix, Map<UUID, StageScoring.Result> stages, int planned) {
        List<Block.CardField> fields = new ArrayList<>();
        UUID largestGap = null;
        int gapSize = 0;
        for (Map.Entry<UUID, StageScoring.Result> entry : stages.entrySet()) {
            Requirement requirement = matrix.get(entry.getKey());
            StageScoring.Result result = entry.getValue();
            int gap = requirement.requiredLevel().number() - result.stage().number();
            String value = "you: %s · required: %s · %s".formatted(result.stage().label(), requirement.requiredLevel().label(),
                    gap > 0 ? gap + (gap == 1 ? " stage to go" : " stages to go") : "meets it");
            if (result.emerging() != null) {
                value += " (on the way to " + result.emerging().label() + ")";
            }
            fields.add(new Block.CardField(requirement.skill().name(), value));
            if (gap > gapSize) {
                gapSize = gap;
                largestGap = entry.getKey();
            }
        }
        List<Block> blocks = new ArrayList<>();
        String subtitle = stages.size() < planned ? "%d of %d skills; say **continue my assessment** another time for the rest"
                .formatted(stages.size(), planned) : "Only you see this; your manager sees it when you share it";
        blocks.add(new Block.Card("Your self-assessment", subtitle, fields));
        if (largestGap != null) {
            String skill = matrix.get(largestGap).skill().name();
            blocks.add(new Block.Choices("Your largest gap is **%s**. Want ideas to close it?".formatted(skill),
                    List.of(new Block.Choice("Suggestions for " + UserText.cut(skill, 40), "say", "how can I get better at " + skill,
                            Block.Choice.Style.PRIMARY))));
        } else {
            blocks.add(Block.text("You meet your role's stage in every skill you rated. Well done!"));
        }
        return blocks;
    }

    private Map<UUID, Requirement> requirements(Turn turn, SkillAssessments.Run run) {
        UUID role = run.roleId() != null ? run.roleId() : turn.person().roleId();
        if (role == null) {
            return Map.of();
        }
        return askable(matrices.forRole(turn.organisationId(), role)).stream()
                .collect(Collectors.toMap(r -> r.skill().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The matrix rows that have at least one non-blank statement to ask. */
    private static List<Requirement> askable(List<Requirement> matrix) {
        return matrix.stream()
                .map(r -> new Requirement(r.skill(), r.requiredLevel(), r.statements().entrySet().stream()
                        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))
                .filter(r -> !r.statements().isEmpty())
                .toList();
    }

    /** Never assessed first, the most demanding first; then by the gap last seen. */
    private List<Requirement> largestLikelyGapsFirst(Person me, List<Requirement> matrix) {
        Map<UUID, SkillAssessments.Rating> rated = assessments.latestSelf(me.organisationId(), me.id());
        return matrix.stream().sorted(Comparator
                        .comparing((Requirement r) -> rated.containsKey(r.skill().id()))
                        .thenComparing(r -> -(r.requiredLevel().number()
                                - (rated.containsKey(r.skill().id()) ? rated.get(r.skill().id()).stage().number() : 0)))
                        .thenComparing(r -> r.skill().name()))
                .toList();
    }

    private static Optional<Requirement> find(List<Requirement> matrix, String typed) {
        return Skills.named(matrix.stream().map(Requirement::skill).toList(), typed)
                .flatMap(skill -> matrix.stream().filter(r -> r.skill().equals(skill)).findFirst());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Outbound say(String markdown) {
        return Outbound.reply(Block.text(markdown));
    }
}
