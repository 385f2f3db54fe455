package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.text.UserText;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label of a button that starts an intent, from its {@link IntentDefinition#offer()} template: "Give feedback[ to
 * {person}]" reads "Give feedback to Kofi" when the message named Kofi and "Give feedback" when it named nobody.
 */
final class Offers {

    static final int MAX_LABEL = 60;
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private Offers() {
    }

    static String label(IntentDefinition definition, Intent intent) {
        Matcher optional = OPTIONAL.matcher(definition.offer());
        StringBuilder out = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            optional.appendReplacement(out, Matcher.quoteReplacement(filled(part, intent) ? substitute(part, intent) : ""));
        }
        optional.appendTail(out);
        return UserText.cut(UserText.inline(fill(out.toString(), intent)), MAX_LABEL);
    }

    /** The label as part of a sentence: "get help with this situation" rather than "Get help with this situation". */
    static String phrase(IntentDefinition definition, Intent intent) {
        String label = label(definition, intent);
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static boolean filled(String part, Intent intent) {
        Matcher slot = SLOT.matcher(part);
        while (slot.find()) {
            if (intent.slot(slot.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    private static String fill(String text, Intent intent) {
        return substitute(text, intent).replaceAll("\\s+", " ").strip();
    }

    private static String substitute(String text, Intent intent) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value = intent.slot(slot.group(1));
            slot.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        slot.appendTail(out);
        return out.toString();
    }
}
