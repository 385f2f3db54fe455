package dev.stepwise.slack.blockkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the core's markdown subset to Slack mrkdwn: {@code **bold**} becomes {@code *bold*},
 * {@code [label](url)} becomes {@code <url|label>}, a leading "- " becomes "• ", {@code _italic_} and
 * {@code `code`} stay, and {@code &}, {@code <}, {@code >} in the text are escaped as Slack requires.
 */
public final class SlackMarkdown {

    private static final Pattern BULLET = Pattern.compile("(?m)^([ \\t]*)- ");
    private static final Pattern INLINE = Pattern.compile(
            "`([^`\\n]+)`" + "|\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)" + "|\\*\\*(.+?)\\*\\*");

    private SlackMarkdown() {
    }

    /** Slack mrkdwn for the core markdown; {@code null} gives "". */
    public static String of(String coreMarkdown) {
        if (coreMarkdown == null || coreMarkdown.isEmpty()) {
            return "";
        }
        return inline(BULLET.matcher(coreMarkdown).replaceAll("$1• "));
    }

    /** Text shown as typed: only Slack's control characters {@code & < >} are escaped; {@code null} gives "". */
    public static String escape(String plain) {
        if (plain == null) {
            return "";
        }
        return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A mrkdwn link; the label is escaped, and characters that would end the link are percent-encoded in the URL. */
    static String link(String url, String label) {
        String target = url.strip().replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
        return label == null || label.isBlank() ? "<" + target + ">" : "<" + target + "|" + escape(label) + ">";
    }

    private static String inline(String text) {
        Matcher matcher = INLINE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start())));
            if (matcher.group(1) != null) {
                out.append('`').append(escape(matcher.group(1))).append('`');
            } else if (matcher.group(2) != null) {
                out.append(link(matcher.group(3), matcher.group(2)));
            } else {
                out.append('*').append(inline(matcher.group(4))).append('*');
            }
            last = matcher.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }
}
