package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Exact commands, from every registered intent's {@link IntentDefinition#commands()}: the tidied message must match a
 * command whole. Where several match, the highest priority wins, then the first registered. Named groups become slots.
 */
final class Grammar {

    private record Rule(IntentDefinition intent, IntentDefinition.Command command, int order) {
    }

    private final List<Rule> rules;

    Grammar(List<IntentDefinition> definitions) {
        List<Rule> all = new ArrayList<>();
        for (IntentDefinition definition : definitions) {
            for (IntentDefinition.Command command : definition.commands()) {
                all.add(new Rule(definition, command, all.size()));
            }
        }
        all.sort(Comparator.comparingInt((Rule r) -> -r.command().priority()).thenComparingInt(Rule::order));
        this.rules = List.copyOf(all);
    }

    /** The command the message is, if it is one; {@code typed} is kept as the intent's text. */
    Optional<Intent> read(String typed) {
        String text = typed == null ? "" : typed.strip();
        // As typed first (so the words after a command keep their punctuation), then tidied.
        for (String form : new LinkedHashSet<>(List.of(text.replaceAll("\\s+", " "), CommandWords.tidy(text)))) {
            for (Rule rule : rules) {
                Matcher matcher = rule.command().pattern().matcher(form);
                if (matcher.matches()) {
                    return Optional.of(new Intent(rule.intent().name(), text, slots(matcher), true));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> slots(Matcher matcher) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        matcher.pattern().namedGroups().forEach((group, index) -> {
            String value = matcher.group(index);
            if (value != null && !value.isBlank()) {
                // A name or a skill doesn't end in punctuation; the words after a command keep theirs.
                String kept = group.equals(Intent.WORDS) ? value.strip() : value.strip().replaceFirst("[\\s.,;:!?]+$", "");
                if (!kept.isEmpty()) {
                    slots.put(group, List.of(kept));
                }
            }
        });
        return slots;
    }
}
