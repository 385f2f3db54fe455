package dev.stepwise.teams.inbound;

import java.util.regex.Pattern;

/** What a person typed in Teams, without the HTML Teams wraps around it (mentions, paragraphs, entities). */
final class TeamsText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

    private TeamsText() {
    }

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String plain = TAGS.matcher(BREAKS.matcher(text).replaceAll("\n")).replaceAll("");
        plain = plain.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return SPACES.matcher(plain).replaceAll(" ").replaceAll(" ?\n ?", "\n").strip();
    }
}
