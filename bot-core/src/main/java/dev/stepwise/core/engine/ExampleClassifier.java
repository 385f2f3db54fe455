package dev.stepwise.core.engine;

import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local classifier: the message's MiniLM embedding (the model the catalogue search already ships) through a
 * {@link Softmax} trained on the embeddings of every intent's example phrasings. Examples are embedded and the model
 * trained once, on first use or at {@link #warmUp()} (a few seconds at start-up); both are kept for the process, so
 * every engine built from the same examples shares them.
 */
final class ExampleClassifier {

    /** An intent and its probability for the message. */
    record Score(String intent, double score) {
    }

    /** One example, held out, and how a model trained without it scored it. */
    record HeldOut(String intent, String example, List<Score> scores) {
    }

    private static final Map<String, float[]> EMBEDDED = new ConcurrentHashMap<>();
    private static final Map<Map<String, List<String>>, Softmax> TRAINED = new ConcurrentHashMap<>();

    private final TextEmbedder embedder;
    private final Map<String, List<String>> examples;
    private volatile Softmax model;

    /** @param examples each intent's example phrasings (the pseudo-intent {@code none} among them) */
    ExampleClassifier(TextEmbedder embedder, Map<String, List<String>> examples) {
        this.embedder = embedder;
        Map<String, List<String>> kept = new LinkedHashMap<>();
        examples.forEach((intent, phrasings) -> {
            if (!phrasings.isEmpty()) {
                kept.put(intent, List.copyOf(phrasings));
            }
        });
        this.examples = java.util.Collections.unmodifiableMap(kept);
    }

    void warmUp() {
        model();
    }

    /** Every intent's probability for the message, best first. */
    List<Score> scores(String text) {
        return scores(model(), Features.of(embedder.embed(text), text));
    }

    Map<String, List<String>> examples() {
        return examples;
    }

    /**
     * Each example scored by a model trained on the other folds ({@code folds}-fold cross-validation, every
     * {@code folds}-th example of each intent held out together), so the examples can tell how well they separate the
     * intents without a message they were trained on.
     */
    List<HeldOut> crossValidated(int folds) {
        List<HeldOut> held = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            Map<String, List<Features>> training = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> entry : examples.entrySet()) {
                List<Features> rows = new ArrayList<>();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    if (i % folds != fold) {
                        rows.add(featuresOnce(entry.getValue().get(i)));
                    }
                }
                training.put(entry.getKey(), rows);
            }
            Softmax trained = Softmax.train(training);
            for (Map.Entry<String, List<String>> entry : examples.entrySet()) {
                for (int i = fold; i < entry.getValue().size(); i += folds) {
                    String example = entry.getValue().get(i);
                    held.add(new HeldOut(entry.getKey(), example, scores(trained, featuresOnce(example))));
                }
            }
        }
        return held;
    }

    private static List<Score> scores(Softmax model, Features features) {
        double[] p = model.probabilities(features);
        String[] labels = model.labels();
        List<Score> scores = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            scores.add(new Score(labels[i], p[i]));
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed());
        return scores;
    }

    private Softmax model() {
        Softmax known = model;
        if (known == null) {
            known = TRAINED.computeIfAbsent(examples, all -> {
                Map<String, List<Features>> embedded = new LinkedHashMap<>();
                all.forEach((intent, phrasings) -> embedded.put(intent, phrasings.stream().map(this::featuresOnce).toList()));
                return Softmax.train(embedded);
            });
            model = known;
        }
        return known;
    }

    /** An example's features, its embedding computed once per process whichever classifier asks (tests build several). */
    private Features featuresOnce(String example) {
        return Features.of(EMBEDDED.computeIfAbsent(embedder.modelName() + "\u0000" + example, key -> embedder.embed(example)), example);
    }
}
