package dev.stepwise.core.catalogue.index;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * How a catalogue item is a Lucene document: analysed text for BM25 (title, description, skill names), exact terms
 * and points for filters (skill keys, type, level range, duration), doc values for ordering, the item itself stored
 * for the results, and its unit-length embedding for HNSW search by dot product.
 */
public final class ItemDocuments {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String SKILL_NAMES = "skill_names";
    public static final String SKILL = "skill";
    public static final String TYPE = "type";
    public static final String LEVEL_MIN = "level_min";
    public static final String LEVEL_MAX = "level_max";
    /** A point per item: its duration in minutes, or {@link #NO_DURATION} (durations are positive), so that a
     * "at most N minutes" range from 0 keeps items without one. */
    public static final String DURATION = "duration";
    public static final int NO_DURATION = 0;
    /** Doc values: the duration, items without one last. */
    public static final String DURATION_ORDER = "duration_order";
    /** Doc values: the title, normalised (see {@link #normalisedTitle}). */
    public static final String TITLE_ORDER = "title_order";
    public static final String VECTOR = "vector";
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final String KEY = "key";
    private static final String URL = "url";
    private static final String LANGUAGE = "language";

    private ItemDocuments() {
    }

    public static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    /** The item's document; {@code vector} (unit length) is left out when null: the item is then found by BM25 only. */
    public static Document document(CatalogueRow row, float[] vector) {
        CatalogueItem item = row.item();
        Document doc = new Document();
        doc.add(new StringField(ID, item.id().toString(), Field.Store.YES));
        doc.add(new StoredField(KEY, item.key()));
        doc.add(new TextField(TITLE, item.title(), Field.Store.YES));
        doc.add(new SortedDocValuesField(TITLE_ORDER, new BytesRef(normalisedTitle(item.title()))));
        doc.add(new StoredField(URL, item.url()));
        doc.add(new TextField(DESCRIPTION, item.description() == null ? "" : item.description(), Field.Store.YES));
        for (String name : row.skillNames()) {
            doc.add(new TextField(SKILL_NAMES, name, Field.Store.NO));
        }
        for (String skill : item.skills()) {
            doc.add(new StringField(SKILL, skill, Field.Store.YES));
        }
        doc.add(new StringField(TYPE, item.type(), Field.Store.YES));
        doc.add(new IntPoint(LEVEL_MIN, item.levelMin()));
        doc.add(new StoredField(LEVEL_MIN, item.levelMin()));
        doc.add(new IntPoint(LEVEL_MAX, item.levelMax()));
        doc.add(new StoredField(LEVEL_MAX, item.levelMax()));
        Integer minutes = item.durationMinutes();
        doc.add(new IntPoint(DURATION, minutes == null ? NO_DURATION : minutes));
        doc.add(new NumericDocValuesField(DURATION_ORDER, minutes == null ? Integer.MAX_VALUE : minutes));
        if (minutes != null) {
            doc.add(new StoredField(DURATION, minutes));
        }
        doc.add(new StoredField(LANGUAGE, item.language()));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
        }
        return doc;
    }

    /** The item a document was made from. */
    public static CatalogueItem item(Document doc) {
        IndexableField minutes = doc.getField(DURATION);
        List<String> skills = new ArrayList<>();
        for (IndexableField skill : doc.getFields(SKILL)) {
            skills.add(skill.stringValue());
        }
        return new CatalogueItem(UUID.fromString(doc.get(ID)), doc.get(KEY), doc.get(TITLE), doc.get(URL), doc.get(DESCRIPTION),
                doc.get(TYPE), doc.getField(LEVEL_MIN).numericValue().intValue(), doc.getField(LEVEL_MAX).numericValue().intValue(),
                minutes == null ? null : minutes.numericValue().intValue(), doc.get(LANGUAGE), skills);
    }

    /** Lower case, punctuation and runs of spaces as one space: titles that differ only so are the same title. */
    public static String normalisedTitle(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
