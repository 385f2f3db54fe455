package dev.stepwise.teams.cards;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// Shortens text with an ellipsis without splitting a surrogate pair or a markdown link, preferring a word boundary.
final class Cut {

    static final String ELLIPSIS = "\u2026";

    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*]\\([^)\\n]*\\)");
    private static final int WORD_BOUNDARY_WINDOW = 20;

    private Cut() {
    }

    static String plain(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, safeEnd(text, Math.max(0, max - 1))).stripTrailing() + ELLIPSIS;
    }

    static String markdown(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = safeEnd(text, Math.max(0, max - 1));
        Matcher link = LINK.matcher(text);
        while (link.find() && link.start() < end) {
            if (link.end() > end) {
                end = link.start();
                break;
            }
        }
        int space = lastWhitespace(text, end);
        if (space > 0 && space >= end - WORD_BOUNDARY_WINDOW) {
            end = space;
        }
        if (end == 0) {
            return plain(text, max);
        }
        String kept = text.substring(0, end).stripTrailing();
        if (count(kept, "**") % 2 == 1) {
            int last = kept.lastIndexOf("**");
            kept = (kept.substring(0, last) + kept.substring(last + 2)).stripTrailing();
        }
        return kept + ELLIPSIS;
    }

    /** At most {@code maxBytes} UTF-8 bytes, ellipsis included. */
    static String toBytes(String text, int maxBytes, boolean markdown) {
        if (text == null || utf8(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8(ELLIPSIS);
        int chars = 0;
        int bytes = 0;
        while (chars < text.length()) {
            int cp = text.codePointAt(chars);
            int size = utf8(Character.toString(cp));
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            chars += Character.charCount(cp);
        }
        return markdown ? markdown(text, chars + 1) : plain(text, chars + 1);
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static int lastWhitespace(String text, int end) {
        for (int i = end; i > 0; i--) {
            if (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String text, String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            count++;
        }
        return count;
    }
}
