package dev.stepwise.core.situations;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.llm.ModelOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks an LLM's just-in-time answer against what it was given, before anyone sees it. The model may cite only the
 * catalogue items it was shown, by their number: any other number is dropped, as is every link or URL in its text
 * (links come only from the cited items, so nothing outside the organisation's catalogue can be linked). The
 * guidance is cut to {@value #MAX_WORDS} words. An answer that isn't the expected JSON, or has no guidance, is
 * rejected whole and the answer without an LLM is given instead.
 */
final class GroundedGuidance {

    static final int MAX_WORDS = 150;
    static final int MAX_CITED = 3;
    private static final Pattern LINK = Pattern.compile("(?i)(?:\\[([^\\]]*)]\\([^)]*\\))|(?:\\b(?:https?://|www\\.)\\S+)");
    private static final Pattern GUIDANCE_START = Pattern.compile("\"guidance\"\\s*:\\s*\"");
    /** A markdown link still open at the end of a draft: its text would show, its target is not yet known. */
    private static final Pattern UNFINISHED_LINK = Pattern.compile("\\[[^\\]\\n]*(?:]\\([^)\\n]*)?$");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s*");

    record Checked(List<String> steps, List<CatalogueItem> cited) {
    }

    private GroundedGuidance() {
    }

    static Optional<Checked> check(String answer, List<CatalogueItem> shown) {
        Optional<JsonNode> object = ModelOutput.jsonObject(answer);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = object.get();
        JsonNode guidance = json.get("guidance");
        if (guidance == null || !guidance.isString()) {
            return Optional.empty();
        }
        List<String> steps = steps(guidance.asString());
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(steps, cited(json.get("cite"), shown)));
    }

    /**
     * The steps of an answer still being written, for showing as it grows: the guidance text so far, read from the
     * partial JSON, without its last unfinished word (which could be the start of a link), cleaned and cut as
     * {@link #check} does. Empty until the guidance has begun.
     */
    static List<String> draft(String partialAnswer) {
        java.util.regex.Matcher start = GUIDANCE_START.matcher(partialAnswer);
        if (!start.find()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        boolean finished = false;
        for (int i = start.end(); i < partialAnswer.length(); i++) {
            char c = partialAnswer.charAt(i);
            if (c == '"') {
                finished = true;
                break;
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (i + 1 >= partialAnswer.length()) {
                break;
            }
            char escaped = partialAnswer.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append(' ');
                case 'r' -> { }
                case 'u' -> {
                    if (i + 4 >= partialAnswer.length()) {
                        i = partialAnswer.length();
                        continue;
                    }
                    try {
                        text.append((char) Integer.parseInt(partialAnswer.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException bad) {
                        return List.of();
                    }
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        String shown = text.toString();
        if (!finished) {
            int lastBreak = Math.max(shown.lastIndexOf(' '), shown.lastIndexOf('\n'));
            shown = lastBreak < 0 ? "" : shown.substring(0, lastBreak);
            shown = UNFINISHED_LINK.matcher(shown).replaceAll("");
        }
        return steps(shown);
    }

    private static List<String> steps(String guidance) {
        List<String> steps = new ArrayList<>();
        int words = 0;
        for (String line : guidance.split("\\R")) {
            String step = LINK.matcher(BULLET.matcher(line).replaceFirst("")).replaceAll(m -> m.group(1) == null ? "" : m.group(1))
                    .replaceAll("\\s+", " ").strip();
            if (step.isEmpty()) {
                continue;
            }
            String[] stepWords = step.split(" ");
            if (words + stepWords.length > MAX_WORDS) {
                int room = MAX_WORDS - words;
                if (room >= 5) {
                    steps.add(String.join(" ", java.util.Arrays.copyOf(stepWords, room)) + "\u2026");
                }
                break;
            }
            words += stepWords.length;
            steps.add(step);
        }
        return steps;
    }

    private static List<CatalogueItem> cited(JsonNode cite, List<CatalogueItem> shown) {
        Set<Integer> numbers = new LinkedHashSet<>();
        if (cite != null && cite.isArray()) {
            for (JsonNode number : cite) {
                if (number.isIntegralNumber() && number.asInt() >= 1 && number.asInt() <= shown.size()) {
                    numbers.add(number.asInt());
                }
            }
        }
        return numbers.stream().limit(MAX_CITED).map(n -> shown.get(n - 1)).toList();
    }
}
