package dev.stepwise.core.catalogue.importing;

import dev.stepwise.core.competency.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages (1 Novice … 5 Expert) a catalogue item suits, read from what exports write: {@code 3},
 * {@code 2-4}, {@code 2 to 4}, {@code 3+}, {@code Competent}, {@code Novice – Competent}, {@code all levels}, or a word the
 * mapping defines (e.g. {@code "Intermediate": "3"}).
 */
public record LevelRange(int min, int max) {

    public static final LevelRange ANY = new LevelRange(1, 5);

    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:-|\u2013|\u2014|\\bto\\b|\\.\\.)\\s*");

    public LevelRange {
        if (min < 1 || max > 5 || min > max) {
            throw new IllegalArgumentException("A level range goes from 1 to 5 with the lower first, not " + min + "-" + max);
        }
    }

    /** The range {@code text} names, using the mapping's words ({@code extra}: word → range text) first. */
    public static Optional<LevelRange> parse(String text, Map<String, String> extra) {
        String normalised = normalise(text);
        for (var entry : extra.entrySet()) {
            if (normalise(entry.getKey()).equals(normalised)) {
                return parse(entry.getValue(), Map.of());
            }
        }
        if (normalised.equals("all") || normalised.equals("any") || normalised.equals("all levels")
                || normalised.equals("any level") || normalised.equals("all stages")) {
            return Optional.of(ANY);
        }
        if (normalised.endsWith("+")) {
            return stage(normalised.substring(0, normalised.length() - 1)).map(low -> new LevelRange(low, 5));
        }
        Optional<Integer> single = stage(normalised);
        if (single.isPresent()) {
            return Optional.of(new LevelRange(single.get(), single.get()));
        }
        Matcher separator = SEPARATOR.matcher(normalised);
        while (separator.find()) {
            Optional<Integer> low = stage(normalised.substring(0, separator.start()));
            Optional<Integer> high = stage(normalised.substring(separator.end()));
            if (low.isPresent() && high.isPresent() && low.get() <= high.get()) {
                return Optional.of(new LevelRange(low.get(), high.get()));
            }
        }
        return Optional.empty();
    }

    /** One stage: 1-5 or its name (Novice, Advanced Beginner, Competent, Proficient, Expert). */
    public static Optional<Integer> stage(String text) {
        String word = normalise(text.replaceAll("(?<=\\p{L})-(?=\\p{L})", " "));
        if (word.matches("[1-5]")) {
            return Optional.of(Integer.parseInt(word));
        }
        for (Level level : Level.values()) {
            if (level.label().toLowerCase(Locale.ROOT).equals(word)) {
                return Optional.of(level.number());
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }
}
