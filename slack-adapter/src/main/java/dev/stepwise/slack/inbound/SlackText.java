package dev.stepwise.slack.inbound;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message text as a person typed it: user mentions become the names the core understands, links
 * their labels, and Slack's HTML escapes are undone.
 */
final class SlackText {

    private static final Pattern TOKEN = Pattern.compile("<([@#!]?)([^>|]+)(?:\\|([^>]*))?>");

    private SlackText() {
    }

    /**
     * @param nameOfUser the name to use for a mentioned Slack user id, or null when unknown (the mention's own
     *                   label, or "someone", is used then)
     */
    static String plain(String text, Function<String, String> nameOfUser) {
        if (text == null) {
            return "";
        }
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String sigil = matcher.group(1);
            String target = matcher.group(2);
            String label = matcher.group(3);
            String replacement = switch (sigil) {
                case "@" -> {
                    String name = nameOfUser.apply(target);
                    yield name != null ? name : label != null && !label.isBlank() ? label : "someone";
                }
                case "#" -> "#" + (label != null ? label : target);
                case "!" -> label != null ? label : "@" + target.replace("subteam^", "");
                default -> label != null && !label.isBlank() ? label : target;
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    /** The text of an {@code app_mention} without the leading mention of the bot. */
    static String withoutMentionOf(String botUserId, String text) {
        if (text == null || botUserId == null) {
            return text;
        }
        return text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ").strip();
    }
}
