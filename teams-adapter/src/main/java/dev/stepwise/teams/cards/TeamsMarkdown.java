package dev.stepwise.teams.cards;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core's markdown subset as Teams shows it. In a card (TextBlock, Fact), Teams renders {@code **bold**},
 * {@code _italic_}, {@code [label](url)} and "- " bullets but not {@code `code`}, which becomes the code in curly
 * quotes; in a message's markdown text, code stays. Lines become paragraphs ({@code \n\n}) except between list items,
 * because Teams joins single line breaks outside lists. Only http(s) links stay links: any other target is shown as
 * text and can never be clicked. Nothing is escaped: Teams would show escapes literally.
 */
final class TeamsMarkdown {

    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`|\\[([^\\]\\n]*)]\\(([^)\\n]*)\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\S.*");
    private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]{1,31}):");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^(\\s{0,3}\\[[^\\]\\n]+])(:)");

    private TeamsMarkdown() {
    }

    /** Markdown for a TextBlock or a fact; {@code null} gives "". */
    static String card(String coreMarkdown) {
        return convert(coreMarkdown, false);
    }

    /** Markdown for a message's {@code text} with {@code textFormat: markdown}; {@code null} gives "". */
    static String message(String coreMarkdown) {
        return convert(coreMarkdown, true);
    }

    /** A markdown link when the url is http(s); otherwise the label with the url as plain text, never clickable. */
    static String link(String label, String url) {
        String target = url == null ? "" : url.strip();
        String text = label == null || label.isBlank() ? "" : label.strip().replace('[', '(').replace(']', ')');
        if (isWebUrl(target.replace(' ', '+'))) {
            return "[" + (text.isEmpty() ? target : text) + "](" + encode(target) + ")";
        }
        if (target.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? target : text + " (" + target + ")";
    }

    static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String rest = lower.startsWith("https://") ? lower.substring(8) : lower.startsWith("http://") ? lower.substring(7) : "";
        return !rest.isEmpty() && rest.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static String convert(String coreMarkdown, boolean keepCode) {
        if (coreMarkdown == null || coreMarkdown.isBlank()) {
            return "";
        }
        return defuse(inline(lines(coreMarkdown), keepCode));
    }

    private static String lines(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String previous = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            boolean item = LIST_ITEM.matcher(line).matches();
            if (previous != null) {
                out.append(item && LIST_ITEM.matcher(previous).matches() ? "\n" : "\n\n");
            }
            out.append(item ? line.stripTrailing() : line.strip());
            previous = line;
        }
        return out.toString();
    }

    private static String inline(String text, boolean keepCode) {
        Matcher matcher = INLINE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            if (matcher.group(1) != null) {
                out.append(keepCode ? matcher.group() : "\u201c" + matcher.group(1) + "\u201d");
            } else {
                out.append(inlineLink(matcher.group(2), matcher.group(3)));
            }
            last = matcher.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    // The inside of "(...)" may hold a destination in angle brackets and a title: only the destination is linked.
    private static String inlineLink(String label, String inside) {
        String target = inside.strip();
        if (target.startsWith("<") && target.indexOf('>') > 0) {
            target = target.substring(1, target.indexOf('>'));
        } else {
            target = target.split("\\s", 2)[0];
        }
        return isWebUrl(target) ? link(label, target) : link(label, inside);
    }

    // Whatever the input, no markdown link, autolink or link definition in the output targets anything but http(s).
    private static String defuse(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int last = 0;
        for (int at = text.indexOf("]("); at >= 0; at = text.indexOf("](", at + 2)) {
            String target = text.substring(at + 2).stripLeading();
            if (target.startsWith("<")) {
                target = target.substring(1);
            }
            if (!isWebUrl(target.split("[\\s)>]", 2)[0])) {
                out.append(text, last, at + 1).append(' ');
                last = at + 1;
            }
        }
        String linked = out.append(text, last, text.length()).toString();
        Matcher autolink = AUTOLINK.matcher(linked);
        StringBuilder safe = new StringBuilder(linked.length() + 8);
        while (autolink.find()) {
            String scheme = autolink.group(1).toLowerCase(Locale.ROOT);
            autolink.appendReplacement(safe, scheme.equals("http") || scheme.equals("https")
                    ? Matcher.quoteReplacement(autolink.group()) : Matcher.quoteReplacement("< " + autolink.group(1) + ":"));
        }
        autolink.appendTail(safe);
        return REFERENCE_DEFINITION.matcher(safe).replaceAll("$1 $2");
    }

    private static String encode(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }
}
