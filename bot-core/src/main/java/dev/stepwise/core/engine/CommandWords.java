package dev.stepwise.core.engine;

import dev.stepwise.core.text.Typos;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies a message before the grammar reads it, so command words are forgiving: a greeting or polite framing in
 * front ("could you help me with", "can I get"), "please" and punctuation at the end, runs of spaces, and a typing
 * mistake in one of the command words ("feedbak", "reqest"). Only the grammar reads the tidied text; the classifiers,
 * the flows and anything recorded keep the message as typed.
 */
final class CommandWords {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final List<Pattern> LEAD_INS = List.of(
            Pattern.compile("^(?:hey|hi|hello|ok|okay|so|um+|uh+|right)\\b[\\s,!.:-]*(?=[\\p{L}\\p{N}@])", FLAGS),
            Pattern.compile("^@?stepwise\\b[\\s,!.:-]*", FLAGS),
            Pattern.compile("^(?:please|pls|plz|kindly)\\b[\\s,]*", FLAGS),
            Pattern.compile("^(?:(?:could|can|would|will) (?:you|u)(?: please| pls| kindly)?|i(?:'d|’d| would) (?:like|love)(?: you)? to"
                    + "|i want(?: you)? to|i wanna|i need(?: you)? to|let me|let'?s|can i|could i|may i|i'd like you to)\\b[\\s,]*", FLAGS));
    private static final Pattern TRAILING = Pattern.compile(
            "[\\s,]*(?:\\b(?:please|pls|plz|thanks|thank you|thx|ty)\\b)?[\\s.!?…]*$", FLAGS);
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** The words commands are made of: a near miss of one is taken for it. */
    private static final List<String> VOCABULARY = List.of(
            "feedback", "request", "give", "goals", "objectives", "objective", "plan", "help", "cancel", "mentor",
            "suggest", "recommend", "improve", "assess", "assessment", "settings", "preferences", "notifications",
            "advice", "better", "learning", "development", "share", "reports");

    private CommandWords() {
    }

    /** The message as the grammar reads it: lead-ins, trailing courtesy and spaces gone, command words spelt right. */
    static String tidy(String typed) {
        String text = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        for (int pass = 0; pass < 3; pass++) {
            String before = text;
            for (Pattern leadIn : LEAD_INS) {
                text = leadIn.matcher(text).replaceFirst("");
            }
            if (text.equals(before)) {
                break;
            }
        }
        text = TRAILING.matcher(text).replaceFirst("");
        return spellCommandWords(text);
    }

    private static String spellCommandWords(String text) {
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(corrected(words.group())));
        }
        words.appendTail(out);
        return out.toString();
    }

    private static String corrected(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < 4 || VOCABULARY.contains(lower)) {
            return word;
        }
        int allowed = lower.length() >= 7 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : VOCABULARY) {
            if (known.charAt(0) != lower.charAt(0) || Math.abs(known.length() - lower.length()) > allowed) {
                continue;
            }
            int distance = Typos.distance(lower, known);
            if (distance <= allowed && distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best == null ? word : best;
    }
}
