package dev.stepwise.core.catalogue.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's item types and the words learning systems use for them ("Full Course", "e-learning", "workplace
 * activity"…). Matching ignores case, spaces, hyphens, underscores and slashes; a mapping can add its own words.
 */
public final class ItemTypes {

    /** The types an item can have, as stored. */
    public static final List<String> TYPES = List.of("course", "article", "video", "practice", "stretch-assignment",
            "coaching", "mentor");

    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms("course", "course", "courses", "full course", "e-learning", "elearning", "online course", "module",
                "training", "class", "programme", "program", "learning path", "curriculum", "workshop", "mooc");
        synonyms("article", "article", "reading", "blog", "blog post", "post", "document", "guide", "book", "ebook",
                "e-book", "book chapter", "pdf", "text", "paper", "reference");
        synonyms("video", "video", "videos", "webinar", "recording", "screencast", "video lecture", "lecture video", "talk");
        synonyms("practice", "practice", "exercise", "exercises", "lab", "hands-on", "simulation", "drill", "role play",
                "roleplay", "activity");
        synonyms("stretch-assignment", "stretch-assignment", "stretch assignment", "workplace activity",
                "workplace learning", "on the job", "on-the-job", "on the job learning", "job rotation", "assignment",
                "project", "shadowing", "job shadowing");
        synonyms("coaching", "coaching", "coach", "coaching session");
        synonyms("mentor", "mentor", "mentoring", "mentorship", "mentoring programme", "mentoring program");
    }

    private ItemTypes() {
    }

    private static void synonyms(String type, String... words) {
        for (String word : words) {
            SYNONYMS.put(normalise(word), type);
        }
    }

    /**
     * The type {@code text} names: first by the mapping's own words ({@code extra}: word → type), then by the
     * built-in ones. Empty when neither knows it.
     */
    public static Optional<String> resolve(String text, Map<String, String> extra) {
        String word = normalise(text);
        for (var entry : extra.entrySet()) {
            if (normalise(entry.getKey()).equals(word)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.ofNullable(SYNONYMS.get(word));
    }

    /** The stored type {@code text} is, when it is one exactly as stored or by a built-in word; else empty. */
    public static Optional<String> resolve(String text) {
        return resolve(text, Map.of());
    }

    static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[-_/]+", " ").replaceAll("\\s+", " ");
    }
}
