package dev.stepwise.core.feedback;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Ids;
import dev.stepwise.core.feedback.FeedbackRejected.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one-minute feedback form, the same whether feedback is given unasked or answers a request: what went well,
 * what could be better, a stage for the skills it is about, and the giver's own words. It is built, read back and
 * marked with the recorder's problems here, so both ways of giving feedback ask alike. A field's value and error
 * are kept apart, by field name.
 */
@Component
public class FeedbackForm {

    public static final String WENT_WELL = "wentWell";
    public static final String COULD_BE_BETTER = "couldBeBetter";
    static final String SKILL = "skill";
    static final String RATING = "rating";
    private static final String RATING_OF = "rating.";
    private static final String PICK_A_SKILL = "Please pick one of the skills in the list, or leave it empty.";
    private static final String PICK_A_STAGE = "Please pick one of the stages in the list.";
    private static final List<Block.Option> STAGES = Arrays.stream(Level.values())
            .map(l -> new Block.Option(l.label(), String.valueOf(l.number()))).toList();

    /** Which way the feedback is given: the fields beside the words differ, and where problems with all the words show. */
    public enum Kind {
        /** Unasked: one skill to pick, with a stage; the own words go in "text", as does text typed in the chat. */
        GIVING("text", "In your own words", "What did they do, and what effect did it have?",
                "Use the boxes above, this one, or both. You can also just type it here in the chat.", "text"),
        /** Answering a request: a stage for each skill the requester asked about, and anything else. */
        ANSWERING("anythingElse", "Anything else (optional)", null, null, WENT_WELL);

        private final String ownWords;
        private final String ownWordsLabel;
        private final String ownWordsPlaceholder;
        private final String ownWordsHint;
        private final String allTheWords;

        Kind(String ownWords, String ownWordsLabel, String ownWordsPlaceholder, String ownWordsHint, String allTheWords) {
            this.ownWords = ownWords;
            this.ownWordsLabel = ownWordsLabel;
            this.ownWordsPlaceholder = ownWordsPlaceholder;
            this.ownWordsHint = ownWordsHint;
            this.allTheWords = allTheWords;
        }

        /** The field of the giver's own words (where typed chat text goes when giving). */
        public String ownWords() {
            return ownWords;
        }
    }

    /**
     * A submitted form, read back.
     *
     * @param ratings the stage given for each skill by id, null when only the skill was picked
     * @param errors  what could not be read, by field
     */
    public record Filled(FeedbackParts words, Map<UUID, Integer> ratings, Map<String, String> errors) {
        public List<NewFeedback.SkillTag> tags() {
            return ratings.entrySet().stream().map(e -> new NewFeedback.SkillTag(e.getKey(), e.getValue())).toList();
        }
    }

    private final int maxLength;

    public FeedbackForm(FeedbackRecorder recorder) {
        this.maxLength = recorder.maxLength();
    }

    /** The form for feedback given unasked, the skills to pick from being the receiver's. */
    public Block.Form giving(String formId, String receiverName, String objectiveTitle, List<Skill> skills,
                             Map<String, String> values, Map<String, String> errors) {
        List<Block.Field> fields = new ArrayList<>(words(Kind.GIVING, values, errors));
        fields.add(fields.size() - 1, select(SKILL, "Skill (optional)", "The skill your feedback is about, if any.",
                skills.stream().map(s -> new Block.Option(s.name(), s.id().toString())).toList(), values, errors));
        fields.add(fields.size() - 1, select(RATING, "Their stage in that skill (optional)",
                "From what you've seen, Novice to Expert.", STAGES, values, errors));
        String about = objectiveTitle == null ? "" : " about \u201c" + objectiveTitle + "\u201d";
        return new Block.Form(formId, "Feedback for " + receiverName + about, fields, "Send feedback");
    }

    /** The form answering a request, with a stage to give for each skill the requester asked about. */
    public Block.Form answering(String formId, String requesterName, String objectiveTitle, String question, List<Skill> skills,
                                Map<String, String> values, Map<String, String> errors) {
        List<Block.Field> fields = new ArrayList<>(words(Kind.ANSWERING, values, errors));
        for (Skill skill : skills) {
            fields.add(fields.size() - 1, select(RATING_OF + skill.id(), skill.name() + " (optional rating)",
                    "Where they are on the five stages, from what you've seen.", STAGES, values, errors));
        }
        String about = objectiveTitle == null ? "" : " on \u201c" + objectiveTitle + "\u201d";
        return new Block.Form(formId, "Feedback for " + requesterName + about + ": " + question, fields, "Send feedback");
    }

    /** Reads a submitted form; the words are not checked here (the recorder does that). */
    public Filled read(Kind kind, Map<String, String> values) {
        FeedbackParts words = new FeedbackParts(values.get(WENT_WELL), values.get(COULD_BE_BETTER), values.get(kind.ownWords));
        Map<UUID, Integer> ratings = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == Kind.GIVING) {
            String skillValue = values.get(SKILL);
            Optional<UUID> skill = Optional.empty();
            if (!FeedbackParts.blank(skillValue)) {
                skill = Ids.parse(skillValue);
                if (skill.isEmpty()) {
                    errors.put(SKILL, PICK_A_SKILL);
                }
            }
            Integer stage = stage(RATING, values.get(RATING), errors);
            if (stage != null && FeedbackParts.blank(skillValue)) {
                errors.put(SKILL, "A stage needs a skill: pick the skill you're rating, or clear the stage.");
            }
            skill.ifPresent(id -> ratings.put(id, stage));
        } else {
            values.forEach((field, value) -> {
                Optional<UUID> skill = field.startsWith(RATING_OF) ? Ids.parse(field.substring(RATING_OF.length())) : Optional.empty();
                Integer stage = skill.isEmpty() ? null : stage(field, value, errors);
                if (stage != null) {
                    ratings.put(skill.get(), stage);
                }
            });
        }
        return new Filled(words, Collections.unmodifiableMap(ratings), errors);
    }

    /**
     * The recorder's problems as errors on the fields they are about; empty when one of them is about something the
     * form can't change (who it is for, or their objective), so asking again would not help.
     */
    public Optional<Map<String, String>> errors(Kind kind, List<Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem problem : problems) {
            switch (problem.reason()) {
                case EMPTY, TOO_LONG -> errors.putIfAbsent(problem.part() == null ? kind.allTheWords : field(kind, problem.part()),
                        problem.message());
                case UNKNOWN_SKILL -> {
                    if (kind != Kind.GIVING) {
                        return Optional.empty();
                    }
                    errors.putIfAbsent(SKILL, PICK_A_SKILL);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(errors);
    }

    private List<Block.Field> words(Kind kind, Map<String, String> values, Map<String, String> errors) {
        return List.of(
                new Block.Field(WENT_WELL, "What went well", Block.Field.Kind.TEXTAREA, false, maxLength, null, values.get(WENT_WELL),
                        "What did they do that worked, and what effect did it have?", errors.get(WENT_WELL), List.of()),
                new Block.Field(COULD_BE_BETTER, "What could be better", Block.Field.Kind.TEXTAREA, false, maxLength, null,
                        values.get(COULD_BE_BETTER), "One thing they could do differently next time.", errors.get(COULD_BE_BETTER), List.of()),
                new Block.Field(kind.ownWords, kind.ownWordsLabel, Block.Field.Kind.TEXTAREA, false, maxLength, kind.ownWordsPlaceholder,
                        values.get(kind.ownWords), kind.ownWordsHint, errors.get(kind.ownWords), List.of()));
    }

    private static Block.Field select(String name, String label, String hint, List<Block.Option> options,
                                      Map<String, String> values, Map<String, String> errors) {
        return new Block.Field(name, label, Block.Field.Kind.SELECT, false, null, null, values.get(name), hint, errors.get(name), options);
    }

    /** The stage picked in a field, or null when none was (or it isn't one, which is noted in {@code errors}). */
    private static Integer stage(String field, String value, Map<String, String> errors) {
        if (FeedbackParts.blank(value)) {
            return null;
        }
        try {
            return Level.of(Integer.parseInt(value.strip())).number();
        } catch (IllegalArgumentException notAStage) {
            errors.put(field, PICK_A_STAGE);
            return null;
        }
    }

    private static String field(Kind kind, FeedbackParts.Part part) {
        return switch (part) {
            case WENT_WELL -> WENT_WELL;
            case COULD_BE_BETTER -> COULD_BE_BETTER;
            case ANYTHING_ELSE -> kind.ownWords;
        };
    }
}
