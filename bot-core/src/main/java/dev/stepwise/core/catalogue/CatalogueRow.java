package dev.stepwise.core.catalogue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue item as search needs it: the item, the names of its skills (words people search for, where the item
 * carries only their keys) and the embedding stored for it, if any.
 *
 * @param embedding what was stored for the item (possibly for an older text or another model), or null
 */
public record CatalogueRow(UUID organisationId, CatalogueItem item, List<String> skillNames, StoredEmbedding embedding) {

    public CatalogueRow {
        skillNames = List.copyOf(skillNames);
    }

    /** A vector as stored: which model made it, from which text (its SHA-256), and the unit-length vector. */
    public record StoredEmbedding(String model, byte[] textHash, float[] vector) {

        public static StoredEmbedding decode(String model, byte[] textHash, byte[] vector) {
            float[] floats = new float[vector.length / Float.BYTES];
            ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
            return new StoredEmbedding(model, textHash, floats);
        }

        public static byte[] encode(float[] vector) {
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(vector);
            return bytes.array();
        }
    }

    /** What is embedded for the item: its title, type, skills and description, in that order. */
    public String embeddingText() {
        StringBuilder text = new StringBuilder(item.title().strip()).append(". ");
        text.append(item.type());
        if (!skillNames.isEmpty()) {
            text.append(" on ").append(String.join(", ", skillNames));
        }
        text.append('.');
        if (item.description() != null && !item.description().isBlank()) {
            text.append(' ').append(item.description().strip());
        }
        return text.toString();
    }

    /** SHA-256 of {@link #embeddingText()}. */
    public byte[] textHash() {
        return sha256(embeddingText());
    }

    /** The stored vector if it was made by {@code model} from the item's current text, else null. */
    public float[] upToDateVector(String model) {
        return embedding != null && embedding.model().equals(model) && Arrays.equals(embedding.textHash(), textHash())
                ? embedding.vector() : null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
