package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.feedback.summary.RequestAnswer;
import dev.stepwise.core.feedback.summary.SummaryInput;
import dev.stepwise.core.feedback.summary.WrittenSummary;
import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.ModelOutput;
import dev.stepwise.prompts.Prompt;
import dev.stepwise.prompts.Prompts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Asks the LLM (prompt {@code feedback-summary}) to summarise one closed request's answers, and checks what comes
 * back before anyone sees it. Empty when there is no LLM, it fails, or its answer doesn't pass the checks; the
 * caller then shows the extractive summary.
 *
 * <p>The prompt holds this request's question, objective and answers and nothing else: no names (not even for a
 * named request: the summary doesn't attribute), no ratings (they are counted, not summarised), nothing about other
 * requests or people. Anonymous answers are put in an order made from their words, so arrival order can't show.
 * Answer text is fenced in {@code <answer>} tags with angle brackets in it replaced, so an answer can't close its
 * fence and pose as instructions.
 *
 * <p>Checks on the model's answer: a JSON object of the expected shape; points cut to three per list; a point with a
 * link that isn't in the answers is dropped; for an anonymous request, an answer naming any of the people asked
 * (when the answers themselves don't) is discarded whole.
 */
@Component
public class WrittenSummaries {

    static final String PROMPT = "feedback-summary";
    static final int MAX_PART_CHARS = 1000;
    private static final Logger log = LoggerFactory.getLogger(WrittenSummaries.class);
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private final Llm llm;

    public WrittenSummaries(Llm llm) {
        this.llm = llm;
    }

    public boolean enabled() {
        return llm.enabled();
    }

    /** {@code askedNames} are the names of everyone asked, to catch an anonymous summary that names someone. */
    public Optional<WrittenSummary> write(UUID organisationId, SummaryInput input, Collection<String> askedNames) {
        if (!llm.enabled() || input.answers().isEmpty()
                || input.anonymous() && input.answers().size() < input.anonymityThreshold()) {
            return Optional.empty();
        }
        String answers = answersText(input);
        Prompt prompt = Prompts.load(PROMPT);
        LlmReply reply = llm.write(organisationId, prompt.render(Map.of(
                "question", oneLine(input.question(), "(no question given)"),
                "about", oneLine(input.objectiveTitle(), "(no objective)"),
                "answerCount", String.valueOf(input.answers().size()),
                "answers", answers)));
        if (!(reply instanceof LlmReply.Written written)) {
            return Optional.empty();
        }
        Optional<WrittenSummary> checked = parse(written.text(), answers);
        if (checked.isEmpty()) {
            log.warn("The LLM's summary wasn't in the expected shape; showing the extractive summary");
            return Optional.empty();
        }
        if (input.anonymous() && namesSomeone(checked.get(), askedNames, answers)) {
            log.warn("The LLM's summary of an anonymous request named someone asked; showing the extractive summary");
            return Optional.empty();
        }
        return checked;
    }

    static String answersText(SummaryInput input) {
        List<String> fenced = new ArrayList<>();
        for (RequestAnswer answer : input.answers()) {
            StringBuilder text = new StringBuilder();
            part(text, "Went well", answer.wentWell());
            part(text, "Could be better", answer.couldBeBetter());
            part(text, "Anything else", answer.freeText());
            if (!text.isEmpty()) {
                fenced.add("<answer>\n" + text + "</answer>");
            }
        }
        if (input.anonymous()) {
            fenced.sort(Comparator.naturalOrder());
        }
        return String.join("\n", fenced);
    }

    private static void part(StringBuilder text, String label, String typed) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        String safe = ModelOutput.fenced(typed.strip());
        if (safe.length() > MAX_PART_CHARS) {
            safe = safe.substring(0, MAX_PART_CHARS) + "\u2026";
        }
        text.append(label).append(": ").append(safe).append('\n');
    }

    private static String oneLine(String typed, String otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        String line = ModelOutput.fenced(typed.strip().replaceAll("\\s+", " "));
        return line.length() > 300 ? line.substring(0, 300) + "\u2026" : line;
    }

    static Optional<WrittenSummary> parse(String text, String answers) {
        Optional<JsonNode> object = ModelOutput.jsonObject(text);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = object.get();
        WrittenSummary summary = new WrittenSummary(points(json.get("wentWell"), answers),
                points(json.get("couldBeBetter"), answers), point(json.get("nextStep"), answers));
        return summary.isEmpty() ? Optional.empty() : Optional.of(summary);
    }

    private static List<String> points(JsonNode list, String answers) {
        List<String> points = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String point = point(item, answers);
                if (!point.isEmpty() && points.size() < WrittenSummary.MAX_POINTS) {
                    points.add(point);
                }
            }
        }
        return points;
    }

    /** The point's text, or "" when it isn't text or carries a link the answers don't have. */
    private static String point(JsonNode node, String answers) {
        if (node == null || !node.isString()) {
            return "";
        }
        String point = node.asString().strip();
        Matcher link = LINK.matcher(point);
        while (link.find()) {
            if (!answers.contains(link.group())) {
                return "";
            }
        }
        return point;
    }

    private static boolean namesSomeone(WrittenSummary summary, Collection<String> askedNames, String answers) {
        String written = (String.join(" ", summary.wentWell()) + " " + String.join(" ", summary.couldBeBetter()) + " "
                + summary.nextStep()).toLowerCase(Locale.ROOT);
        String given = answers.toLowerCase(Locale.ROOT);
        return askedNames.stream()
                .filter(name -> name != null && !name.isBlank())
                .flatMap(name -> namesIn(name).stream())
                .anyMatch(name -> mentions(written, name) && !mentions(given, name));
    }

    /** The full name and the first name (when it has three or more letters), lower case. */
    private static List<String> namesIn(String name) {
        String full = name.strip().toLowerCase(Locale.ROOT);
        String first = full.split("\\s+")[0];
        return first.length() >= 3 && !first.equals(full) ? List.of(full, first) : List.of(full);
    }

    private static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

}
