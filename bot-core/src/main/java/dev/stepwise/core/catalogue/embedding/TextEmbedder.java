package dev.stepwise.core.catalogue.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-process sentence embedding model (all-MiniLM-L6-v2, 384 dimensions, weights inside its jar), one per
 * application, loaded on first use (about a second). Thread-safe. Vectors come back with unit length, so their dot
 * product is their cosine similarity.
 */
@Component
public class TextEmbedder {

    /** Stored beside each vector; a vector from another model is out of date. */
    public static final String MODEL = "all-minilm-l6-v2";
    public static final int DIMENSIONS = 384;

    private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

    private volatile EmbeddingModel model;

    public String modelName() {
        return MODEL;
    }

    public int dimensions() {
        return DIMENSIONS;
    }

    /** The unit-length embedding of a non-blank text. */
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Cannot embed a blank text");
        }
        return unit(model().embed(text).content().vector());
    }

    /** The embeddings of non-blank texts, in order, computed one after another on the calling thread. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).map(TextEmbedder::unit).toList();
    }

    /** Loads the model now rather than on the first search. */
    public void warmUp() {
        embed("warm up");
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long start = System.nanoTime();
                    // A direct executor: batches are embedded on the caller's thread (a background worker), never
                    // spread over every core while searches are being answered.
                    loaded = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
                    loaded.embed("load");
                    log.info("Loaded the {} embedding model in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    static float[] unit(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
