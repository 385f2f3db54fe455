package dev.stepwise.core.feedback.summary;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.text.UserText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the person who asked for feedback sees of the answers: while they arrive, and as a summary once everyone has
 * answered or the request has expired. A pure function of {@link SummaryInput}; nothing is looked up or logged.
 *
 * <h2>Anonymity</h2>
 * For an anonymous request no giver's name is ever used, whatever the input holds. Until at least N (the
 * organisation's threshold, default 3) have answered, nothing of the answers is shown, not even ratings: only how
 * many have answered, and, once the request has closed with fewer, that they stay hidden. From N on, only aggregates:
 * themes without names in an order computed from the words alone (the same whatever order the answers came in), and
 * per skill a count of each level, itself shown only once at least N people rated that skill. (A requester who
 * compares two summaries sent one answer apart can still tell what the newest answer added; when to send updates is
 * the caller's call.)
 *
 * <h2>The extractive summary (no LLM)</h2>
 * Each of "went well", "could be better" and "anything else" is summarised on its own, in four explainable steps:
 * <ol>
 *   <li><b>Split</b> every answer's text into sentences: at line breaks, and after {@code . ! ? …} when the next
 *       word starts with a capital, digit or quote; leading bullet markers are dropped. Only the first
 *       {@value Themes#MAX_READ_CHARS} characters and {@value Themes#MAX_SENTENCES_PER_ANSWER} sentences of each
 *       answer are read.</li>
 *   <li><b>Dedupe</b>: sentences are near-identical when their normalised forms (lower case, punctuation removed,
 *       single spaces) are equal or share at least 80% of their distinct words (Jaccard). Near-identical sentences
 *       become one theme, shown by its longest wording, and remember who said it.</li>
 *   <li><b>Rank</b>: the theme that most answers speak to comes first (the answers that said it, plus those sharing
 *       at least one keyword with it: a word of three or more letters that isn't a stop word, with a plural "s"
 *       dropped); then the one said by more people; then one of a useful length ({@value Themes#FEW_WORDS} to
 *       {@value Themes#MANY_WORDS} words) over a very short or very long one; then the longer; then alphabetically.</li>
 *   <li><b>Show</b> the best {@value Themes#MAX_SHOWN}, each cut to {@value #MAX_SENTENCE_CHARS} characters at a word
 *       break, with the giver's name for a named request, or "(n people said this)" for an anonymous one.</li>
 * </ol>
 *
 * <h2>Ratings</h2>
 * Per skill, the requester's own rating next to how many gave each level ("Competent ×2, Proficient ×1"), never an
 * average or any other single number made of them.
 *
 * <h2>Text people typed</h2>
 * Everything typed (answers, names, the question, skill and objective names) passes through {@link UserText}, which
 * neutralises markup and line breaks so it can't bold, link, or add bullets to the summary.
 */
public final class RequestSummary {

    static final int MAX_SENTENCE_CHARS = 200;
    static final int MAX_HEADER_CHARS = 300;
    static final int MAX_NAME_CHARS = 60;
    static final int MAX_SKILL_CHARS = 80;
    static final String TIMES = "\u00D7";
    static final String SEPARATOR = " \u00B7 ";

    private RequestSummary() {
    }

    public static List<Block> of(SummaryInput input) {
        Objects.requireNonNull(input, "input");
        List<Block> blocks = new ArrayList<>();
        blocks.add(header(input));
        int answered = input.answers().size();
        int threshold = input.anonymityThreshold();
        if (answered == 0) {
            blocks.add(Block.text(noAnswers(input)));
            return List.copyOf(blocks);
        }
        if (input.anonymous() && answered < threshold) {
            blocks.add(Block.text(input.closed()
                    ? "The request closed with %s, fewer than the %d needed to show anonymous answers without revealing who said what, so they won't be shown."
                            .formatted(answers(answered), threshold)
                    : "%s so far; you'll see them together once at least %d have answered."
                            .formatted(answers(answered), threshold)));
            return List.copyOf(blocks);
        }
        boolean named = !input.anonymous();
        List<String> names = input.answers().stream().map(RequestSummary::nameOf).toList();
        boolean anything = false;
        anything |= section(blocks, "What went well", input, names, RequestAnswer::wentWell);
        anything |= section(blocks, "What could be better", input, names, RequestAnswer::couldBeBetter);
        anything |= section(blocks, "Anything else", input, names, RequestAnswer::freeText);
        Block.Card ratings = ratings(input, names);
        if (ratings != null) {
            blocks.add(ratings);
            anything = true;
        }
        if (!anything) {
            blocks.add(Block.text("None of the answers has comments or ratings to show."));
        }
        blocks.add(Block.text(named
                ? "Each answer in full is in **my feedback**."
                : "The answers are anonymous: shown only together, without names, the points most answers share first."));
        return List.copyOf(blocks);
    }

    /**
     * The closed request's summary with the LLM's {@code written} points in place of the extractive themes: the same
     * header, ratings (still counted here, never by the model) and footer, and a label saying an AI wrote the points.
     * The model's text passes through {@link UserText} like anything typed. Only for a request whose answers may be
     * shown: for an anonymous one below the threshold this is {@link #of}, whatever {@code written} holds.
     */
    public static List<Block> written(SummaryInput input, WrittenSummary written) {
        Objects.requireNonNull(written, "written");
        int answered = input.answers().size();
        if (answered == 0 || written.isEmpty() || input.anonymous() && answered < input.anonymityThreshold()) {
            return of(input);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(header(input));
        StringBuilder text = new StringBuilder("_Summarised by AI from the %s; check it against the answers themselves._"
                .formatted(answers(answered)));
        points(text, "What went well", written.wentWell());
        points(text, "What could be better", written.couldBeBetter());
        if (!written.nextStep().isBlank()) {
            text.append("\n\n**A next step:** ").append(UserText.inline(written.nextStep(), MAX_SENTENCE_CHARS));
        }
        blocks.add(Block.text(text.toString()));
        Block.Card ratings = ratings(input, input.answers().stream().map(RequestSummary::nameOf).toList());
        if (ratings != null) {
            blocks.add(ratings);
        }
        blocks.add(Block.text(input.anonymous()
                ? "The answers are anonymous: summarised together, without names."
                : "Each answer in full is in **my feedback**."));
        return List.copyOf(blocks);
    }

    private static void points(StringBuilder text, String title, List<String> points) {
        if (points.isEmpty()) {
            return;
        }
        text.append("\n\n**").append(title).append("**");
        points.forEach(point -> text.append("\n- ").append(UserText.inline(point, MAX_SENTENCE_CHARS)));
    }

    private static Block.Card header(SummaryInput input) {
        List<Block.CardField> fields = new ArrayList<>();
        if (input.question() != null && !input.question().isBlank()) {
            fields.add(new Block.CardField("Question", UserText.inline(input.question(), MAX_HEADER_CHARS)));
        }
        if (input.objectiveTitle() != null && !input.objectiveTitle().isBlank()) {
            fields.add(new Block.CardField("About", UserText.inline(input.objectiveTitle(), MAX_HEADER_CHARS)));
        }
        String answered = "%d of %d".formatted(input.answers().size(), input.asked())
                + (input.declined() > 0 ? ", %d declined".formatted(input.declined()) : "");
        fields.add(new Block.CardField("Answered", answered));
        if (input.anonymous()) {
            fields.add(new Block.CardField("Anonymous", "Yes: answers are shown only together, once at least %d have answered"
                    .formatted(input.anonymityThreshold())));
        }
        return new Block.Card(input.closed() ? "Summary of your feedback request" : "Your feedback request so far",
                input.closed() ? "Closed" : "Open", fields);
    }

    private static String noAnswers(SummaryInput input) {
        if (input.closed()) {
            return "The request closed without any answers.";
        }
        return input.anonymous()
                ? "No answers yet; you'll see them together once at least %d have answered.".formatted(input.anonymityThreshold())
                : "No answers yet. I'll let you know as they arrive.";
    }

    private static boolean section(List<Block> blocks, String title, SummaryInput input, List<String> names,
                                   Function<RequestAnswer, String> part) {
        Themes.Picked picked = Themes.pick(input.answers().stream().map(part).toList());
        if (picked.isEmpty()) {
            return false;
        }
        StringBuilder text = new StringBuilder("**").append(title).append("**");
        if (picked.total() > picked.shown().size()) {
            text.append(" (%d of %d points)".formatted(picked.shown().size(), picked.total()));
        }
        for (Themes.Theme theme : picked.shown()) {
            text.append("\n- ");
            if (!input.anonymous()) {
                text.append("**").append(givers(theme.sources(), names)).append(":** ");
            }
            text.append(UserText.inline(theme.text(), MAX_SENTENCE_CHARS));
            if (input.anonymous() && theme.sources().size() > 1) {
                text.append(" _(%d people said this)_".formatted(theme.sources().size()));
            }
        }
        blocks.add(Block.text(text.toString()));
        return true;
    }

    private static String givers(Set<Integer> sources, List<String> names) {
        return sources.stream().map(names::get).sorted().distinct().collect(Collectors.joining(", "));
    }

    /** The giver's name for a named request, ready for markdown. Never called with an anonymous request's answers shown. */
    private static String nameOf(RequestAnswer answer) {
        String name = UserText.inline(answer.giverName(), MAX_NAME_CHARS);
        return name.isEmpty() ? "A colleague" : name;
    }

    private static Block.Card ratings(SummaryInput input, List<String> names) {
        Map<String, String> skills = new TreeMap<>(Comparator.comparing((String s) -> s.toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        input.selfRatings().keySet().forEach(skill -> skills.put(skill, skill));
        input.answers().forEach(answer -> answer.ratings().keySet().forEach(skill -> skills.put(skill, skill)));
        if (skills.isEmpty()) {
            return null;
        }
        List<Block.CardField> fields = new ArrayList<>();
        for (String skill : skills.keySet()) {
            Map<Level, List<String>> byLevel = new EnumMap<>(Level.class);
            for (int i = 0; i < input.answers().size(); i++) {
                Level level = input.answers().get(i).ratings().get(skill);
                if (level != null) {
                    byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(input.anonymous() ? null : names.get(i));
                }
            }
            Level self = input.selfRatings().get(skill);
            String others = "Others: " + others(byLevel, input);
            fields.add(new Block.CardField(UserText.inline(skill, MAX_SKILL_CHARS),
                    self == null ? others : "You: " + self.label() + SEPARATOR + others));
        }
        return new Block.Card("Ratings", "Your self-rating next to theirs, never averaged", fields);
    }

    private static String others(Map<Level, List<String>> byLevel, SummaryInput input) {
        int count = byLevel.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            return input.closed() ? "not rated" : "not rated yet";
        }
        if (input.anonymous() && count < input.anonymityThreshold()) {
            return "fewer than %d ratings, so not shown (nobody can be singled out)".formatted(input.anonymityThreshold());
        }
        return byLevel.entrySet().stream().map(entry -> {
            String level = entry.getKey().label() + " " + TIMES + entry.getValue().size();
            return input.anonymous() ? level
                    : level + " (" + String.join(", ", entry.getValue().stream().sorted().toList()) + ")";
        }).collect(Collectors.joining(", "));
    }

    private static String answers(int count) {
        return count == 1 ? "1 answer" : count + " answers";
    }
}
