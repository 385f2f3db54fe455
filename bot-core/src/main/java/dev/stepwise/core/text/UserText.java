package dev.stepwise.core.text;

/**
 * Text people typed, made safe to place in the core's markdown subset. Backslash escapes aren't an option: Teams
 * shows them literally and Slack's mrkdwn has none. So the characters that could start markup are swapped for
 * look-alikes that no renderer treats as markup ({@code *} becomes U+2217 "∗", {@code _} U+02CD "ˍ", a backtick U+02CB
 * "ˋ", {@code ~} U+223C "∼"), square brackets become parentheses (as the Teams renderer already does for link
 * labels), so no {@code [label](url)} link can be formed, and line breaks become spaces, so nobody can start a bullet
 * or a paragraph of their own. Control characters and bidirectional overrides are dropped. {@code & < >} stay as
 * typed: the channels escape them.
 */
public final class UserText {

    static final String ELLIPSIS = "\u2026";

    private UserText() {
    }

    /** The text on one line with markup neutralised; null gives "". */
    public static String inline(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(typed.length());
        boolean space = false;
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(c) || bidiControl(c)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '*' -> out.append('\u2217');
                case '_' -> out.append('\u02CD');
                case '`' -> out.append('\u02CB');
                case '~' -> out.append('\u223C');
                case '[' -> out.append('(');
                case ']' -> out.append(')');
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** {@link #inline} cut to at most {@code max} characters, at a word break when there is one, ending in "…". */
    public static String inline(String typed, int max) {
        return cut(inline(typed), max);
    }

    /** {@code text} cut to at most {@code max} characters, at a word break when there is one, ending in "…". */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space >= max * 6 / 10) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static boolean bidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }
}
