package dev.stepwise.slack.blockkit;

import java.util.ArrayList;
import java.util.List;

// Splits mrkdwn into pieces of at most a given length, at paragraph, line or word boundaries where possible.
final class TextChunks {

    private record Preference(String separator, boolean secondHalfOnly) {
    }

    private record Cut(int end, int restStart) {
    }

    private static final List<Preference> PREFERENCES = List.of(
            new Preference("\n\n", true), new Preference("\n", true),
            new Preference("\n\n", false), new Preference("\n", false), new Preference(" ", false));

    private TextChunks() {
    }

    static List<String> split(String mrkdwn, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = mrkdwn;
        while (rest.length() > max) {
            Cut cut = cut(rest, max);
            add(chunks, rest.substring(0, cut.end()));
            rest = stripLeadingNewlines(rest.substring(cut.restStart()));
        }
        add(chunks, rest);
        return chunks;
    }

    private static Cut cut(String text, int max) {
        for (Preference preference : PREFERENCES) {
            int at = text.lastIndexOf(preference.separator(), max);
            int earliest = preference.secondHalfOnly() ? max / 2 : 1;
            if (at >= earliest && SafeCut.mrkdwn(text, at) == at) {
                return new Cut(at, at + preference.separator().length());
            }
        }
        int hard = SafeCut.mrkdwn(text, max);
        if (hard == 0) {
            hard = SafeCut.plain(text, max);
        }
        return new Cut(hard, hard);
    }

    private static void add(List<String> chunks, String chunk) {
        if (!chunk.isBlank()) {
            chunks.add(chunk.stripTrailing());
        }
    }

    private static String stripLeadingNewlines(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return text.substring(start);
    }
}
