package dev.stepwise.core.feedback.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The extractive part of {@link RequestSummary}: the few sentences that best represent one part of the answers
 * ("went well", "could be better", "anything else"). See {@link RequestSummary} for the method.
 */
final class Themes {

    static final int MAX_SHOWN = 3;
    /** Only this much of each answer's part is read, and at most this many of its sentences, so any input stays cheap. */
    static final int MAX_READ_CHARS = 4_000;
    static final int MAX_SENTENCES_PER_ANSWER = 20;
    static final int FEW_WORDS = 4;
    static final int MANY_WORDS = 30;
    static final double NEAR_IDENTICAL = 0.8;

    private static final Pattern LINES = Pattern.compile("\\R+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+(?=[\\p{Lu}\\p{N}\"'\u201C\u2018(])");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*\u2022+]|\\d{1,3}[.)])\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "has", "have",
            "her", "his", "him", "she", "they", "them", "their", "our", "ours", "was", "were", "with", "this", "that",
            "these", "those", "there", "then", "than", "what", "when", "where", "which", "who", "why", "how", "from",
            "into", "about", "also", "just", "very", "really", "more", "most", "some", "much", "many", "been", "being",
            "would", "could", "should", "will", "did", "does", "doing", "its", "out", "too", "one", "get",
            "got", "well", "good", "great", "nice", "better", "think", "thought", "felt", "feel", "bit", "lot", "way",
            "maybe", "perhaps", "always", "never", "still", "even", "each", "other", "make", "made", "time");

    /** One theme: a representative sentence, which answers said it, and how many answers speak to it. */
    record Theme(String text, Set<Integer> sources, int support, int words) {
    }

    /** The themes worth showing, best first, and how many distinct ones there were in all. */
    record Picked(List<Theme> shown, int total) {
        boolean isEmpty() {
            return total == 0;
        }
    }

    private record Sentence(String text, String key, Set<String> tokens, Set<String> keywords, int source) {
    }

    private Themes() {
    }

    /** @param parts one entry per answer (its index is the answer's), null or blank when that answer left it empty */
    static Picked pick(List<String> parts) {
        List<Sentence> sentences = new ArrayList<>();
        List<Set<String>> keywordsByAnswer = new ArrayList<>();
        for (int answer = 0; answer < parts.size(); answer++) {
            Set<String> keywords = new HashSet<>();
            for (Sentence sentence : sentences(parts.get(answer), answer)) {
                sentences.add(sentence);
                keywords.addAll(sentence.keywords());
            }
            keywordsByAnswer.add(keywords);
        }
        // A canonical order that depends only on the words, never on who answered first.
        sentences.sort(Comparator.comparing(Sentence::key).thenComparing(Sentence::text));
        List<List<Sentence>> groups = new ArrayList<>();
        for (Sentence sentence : sentences) {
            groups.stream().filter(group -> nearIdentical(group.getFirst(), sentence)).findFirst()
                    .ifPresentOrElse(group -> group.add(sentence), () -> groups.add(new ArrayList<>(List.of(sentence))));
        }
        List<Theme> themes = groups.stream().map(group -> theme(group, keywordsByAnswer)).sorted(BEST_FIRST).toList();
        return new Picked(themes.subList(0, Math.min(MAX_SHOWN, themes.size())), themes.size());
    }

    /** Most answers speaking to it first; then said by more people; then of a useful length; then longer; then by text. */
    static final Comparator<Theme> BEST_FIRST = Comparator.comparingInt(Theme::support).reversed()
            .thenComparing(Comparator.comparingInt((Theme theme) -> theme.sources().size()).reversed())
            .thenComparing(Comparator.comparing((Theme theme) -> theme.words() >= FEW_WORDS && theme.words() <= MANY_WORDS).reversed())
            .thenComparing(Comparator.comparingInt((Theme theme) -> Math.min(theme.words(), MANY_WORDS)).reversed())
            .thenComparing(theme -> key(theme.text()))
            .thenComparing(Theme::text);

    private static Theme theme(List<Sentence> group, List<Set<String>> keywordsByAnswer) {
        Sentence representative = group.stream()
                .max(Comparator.comparingInt((Sentence s) -> s.text().length()).thenComparing(Sentence::text, Comparator.reverseOrder()))
                .orElseThrow();
        Set<Integer> sources = new TreeSet<>();
        Set<String> keywords = new HashSet<>();
        group.forEach(sentence -> {
            sources.add(sentence.source());
            keywords.addAll(sentence.keywords());
        });
        Set<Integer> speaking = new TreeSet<>(sources);
        for (int answer = 0; answer < keywordsByAnswer.size(); answer++) {
            if (!java.util.Collections.disjoint(keywordsByAnswer.get(answer), keywords)) {
                speaking.add(answer);
            }
        }
        return new Theme(representative.text(), Set.copyOf(sources), speaking.size(),
                representative.key().split(" ").length);
    }

    private static List<Sentence> sentences(String part, int source) {
        if (part == null || part.isBlank()) {
            return List.of();
        }
        String read = part.length() > MAX_READ_CHARS ? part.substring(0, MAX_READ_CHARS) : part;
        List<Sentence> found = new ArrayList<>();
        for (String line : LINES.split(read.strip())) {
            for (String piece : SENTENCE_END.split(line.strip())) {
                String text = BULLET.matcher(piece.strip()).replaceFirst("").strip().replaceAll("\\s+", " ");
                String key = key(text);
                if (!key.isEmpty() && found.size() < MAX_SENTENCES_PER_ANSWER) {
                    Set<String> tokens = Set.copyOf(Arrays.asList(key.split(" ")));
                    found.add(new Sentence(text, key, tokens, keywords(tokens), source));
                }
            }
        }
        return found;
    }

    /** Lower case, punctuation and symbols gone, single spaces: "Great demo!" and "great  demo" are the same key. */
    static String key(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static Set<String> keywords(Set<String> tokens) {
        Set<String> keywords = new HashSet<>();
        for (String token : tokens) {
            if (token.length() >= 3 && !STOPWORDS.contains(token)) {
                keywords.add(token.length() > 4 && token.endsWith("s") && !token.endsWith("ss")
                        ? token.substring(0, token.length() - 1) : token);
            }
        }
        return keywords;
    }

    /** Same key, or at least 80% of their distinct words shared (Jaccard). */
    private static boolean nearIdentical(Sentence a, Sentence b) {
        if (a.key().equals(b.key())) {
            return true;
        }
        Set<String> union = new HashSet<>(a.tokens());
        union.addAll(b.tokens());
        long shared = a.tokens().stream().filter(b.tokens()::contains).count();
        return (double) shared / union.size() >= NEAR_IDENTICAL;
    }
}
