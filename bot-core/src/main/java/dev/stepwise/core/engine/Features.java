package dev.stepwise.core.engine;

import dev.stepwise.core.text.Typos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local classifier sees of a message: its sentence embedding (meaning) beside a sparse bag of its words and
 * word pairs, hashed into {@value #BUCKETS} buckets (the words that tell intents apart: "from", "ask", "my", "mentor"),
 * with its length class and whether it asks a question.
 * Both parts have unit length.
 */
record Features(float[] embedding, int[] buckets, float[] weights) {

    static final int BUCKETS = 1 << 12;

    static Features of(float[] embedding, String text) {
        List<String> words = words(text);
        Map<Integer, Float> counts = new LinkedHashMap<>();
        String previous = "^";
        for (String word : words) {
            counts.merge(bucket(word), 1f, Float::sum);
            counts.merge(bucket(previous + " " + word), 1f, Float::sum);
            previous = word;
        }
        counts.merge(bucket(previous + " $"), 1f, Float::sum);
        // How long it is, and whether it asks: views and commands are short, situations are told at length.
        counts.merge(bucket(words.size() <= 2 ? "#short" : words.size() <= 6 ? "#brief" : words.size() <= 15 ? "#sentence" : "#story"),
                1f, Float::sum);
        if (text != null && text.contains("?")) {
            counts.merge(bucket("#question"), 1f, Float::sum);
        }
        double norm = Math.sqrt(counts.values().stream().mapToDouble(c -> c * c).sum());
        int[] buckets = new int[counts.size()];
        float[] weights = new float[counts.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> entry : counts.entrySet()) {
            buckets[i] = entry.getKey();
            weights[i] = (float) (entry.getValue() / norm);
            i++;
        }
        return new Features(embedding, buckets, weights);
    }

    static List<String> words(String text) {
        String folded = Typos.fold(text).replace("'", "").replace("\u2019", "");
        List<String> words = new ArrayList<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static int bucket(String token) {
        int h = token.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (BUCKETS - 1);
    }
}
