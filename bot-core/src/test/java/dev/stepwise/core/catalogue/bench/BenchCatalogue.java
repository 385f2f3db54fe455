package dev.stepwise.core.catalogue.bench;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.CatalogueRow;
import dev.stepwise.core.catalogue.CatalogueRow.StoredEmbedding;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark catalogue made from the MIT OCW courses: each course once as it is ("the base", a real catalogue of
 * 2,590 items with real MiniLM embeddings), then again as variants (another edition, videos, a study guide, problem
 * sets…: a changed title, the description's sentences rotated, one topic fewer, another type, level and duration) until
 * the size asked for. A variant's vector is its course's real embedding moved by a small seeded random perturbation
 * (cosine about 0.98 to the original) and renormalised, instead of 13 ms of MiniLM per item: embedding 100,000 items
 * would take about 25 minutes here. The export has no level, type or duration: those are drawn from a seeded random.
 */
public final class BenchCatalogue {

    /** Topics become the organisation's skills (key: the topic in lower case with dashes). */
    record Skill(String key, String name) {
    }

    /** An item with its skills' names (sorted by key, as PostgreSQL returns them) and the vector stored for it. */
    public record Entry(CatalogueRow row, float[] vector, int course, int variant) {
    }

    /** What embedding the base catalogue took (0 when read from the cache). */
    public record Embedded(float[][] vectors, double seconds, boolean cached) {
    }

    private static final String[] EDITIONS = {"Spring 2019", "Fall 2020", "Self-paced", "Workshop", "Summer intensive",
            "Lecture videos", "Study guide", "Problem sets", "Recitations", "Exam review"};
    private static final double PERTURBATION = 0.01;

    /** Where the base catalogue's embeddings are cached, relative to the module's folder (the working directory). */
    public static final Path CACHE = Path.of("target", "bench-cache");

    private final OcwCourses ocw;
    private final Map<String, Skill> skills = new LinkedHashMap<>();

    public BenchCatalogue(OcwCourses ocw) {
        this.ocw = ocw;
        for (OcwCourses.Course course : ocw.courses()) {
            for (String topic : course.topics()) {
                skills.computeIfAbsent(topic, t -> new Skill(
                        t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""), t));
            }
        }
    }

    public int courses() {
        return ocw.courses().size();
    }

    List<OcwCourses.Course> courseList() {
        return ocw.courses();
    }

    /** The base catalogue's items (each course once, as it is), without vectors. */
    public List<CatalogueRow> base(UUID organisationId) {
        List<CatalogueRow> rows = new ArrayList<>();
        for (int c = 0; c < ocw.courses().size(); c++) {
            rows.add(row(organisationId, c, 0));
        }
        return rows;
    }

    /**
     * Real embeddings of the base items' texts, in order; cached under {@code cacheDir} by the texts' hash, since
     * they take a minute or so (the benchmark and the evaluation harness share {@link #CACHE}).
     */
    public Embedded embedBase(List<CatalogueRow> base, TextEmbedder embedder, Path cacheDir) throws IOException {
        List<String> texts = base.stream().map(CatalogueRow::embeddingText).toList();
        Path cache = cacheDir.resolve("ocw-" + embedder.modelName() + "-" + hash(texts) + ".vectors");
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                double seconds = in.readDouble();
                float[][] vectors = new float[texts.size()][embedder.dimensions()];
                for (float[] vector : vectors) {
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = in.readFloat();
                    }
                }
                return new Embedded(vectors, seconds, true);
            }
        }
        long start = System.nanoTime();
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += 64) {
            List<float[]> batch = embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + 64)));
            for (int i = 0; i < batch.size(); i++) {
                vectors[from + i] = batch.get(i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(cacheDir);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeDouble(seconds);
            for (float[] vector : vectors) {
                for (float v : vector) {
                    out.writeFloat(v);
                }
            }
        }
        return new Embedded(vectors, seconds, false);
    }

    /** The first {@code size} items: every course as it is, then its variants, round after round. */
    public List<Entry> items(UUID organisationId, int size, float[][] baseVectors) {
        List<Entry> entries = new ArrayList<>(size);
        for (int variant = 0; entries.size() < size; variant++) {
            for (int c = 0; c < ocw.courses().size() && entries.size() < size; c++) {
                float[] vector = variant == 0 ? baseVectors[c] : perturbed(baseVectors[c], seed(c, variant));
                entries.add(new Entry(row(organisationId, c, variant), vector, c, variant));
            }
        }
        return entries;
    }

    /** Loads the organisation's skills, items, their skills and their embeddings into PostgreSQL. */
    public void load(JdbcTemplate jdbc, UUID organisationId, List<Entry> entries, String model) {
        Map<String, UUID> skillIds = new LinkedHashMap<>();
        skills.values().forEach(s -> skillIds.put(s.key(), UUID.randomUUID()));
        List<Object[]> skillRows = skills.values().stream()
                .map(s -> new Object[] {skillIds.get(s.key()), organisationId, s.key(), s.name()}).toList();
        jdbc.batchUpdate("insert into skills (id, organisation_id, key, name) values (?, ?, ?, ?)", skillRows);
        for (int from = 0; from < entries.size(); from += 1000) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + 1000));
            List<Object[]> items = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            List<Object[]> vectors = new ArrayList<>();
            for (Entry entry : part) {
                CatalogueItem item = entry.row().item();
                items.add(new Object[] {item.id(), organisationId, item.key(), item.title(), item.url(), item.description(),
                        item.type(), item.levelMin(), item.levelMax(), item.durationMinutes(), item.language()});
                for (String skill : item.skills()) {
                    links.add(new Object[] {item.id(), skillIds.get(skill), organisationId});
                }
                vectors.add(new Object[] {item.id(), organisationId, model, entry.row().textHash(), entry.vector().length,
                        StoredEmbedding.encode(entry.vector())});
            }
            jdbc.batchUpdate("""
                    insert into catalogue_items (id, organisation_id, key, title, url, description, type, level_min, level_max,
                                                 duration_minutes, language)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
            jdbc.batchUpdate("insert into catalogue_item_skills (catalogue_item_id, skill_id, organisation_id) values (?, ?, ?)", links);
            jdbc.batchUpdate("""
                    insert into catalogue_item_embeddings (catalogue_item_id, organisation_id, model, text_hash, dimensions, vector)
                    values (?, ?, ?, ?, ?, ?)""", vectors);
        }
        // What autovacuum does a little after a big import: statistics, hint bits, visibility map.
        for (String table : List.of("skills", "catalogue_items", "catalogue_item_skills", "catalogue_item_embeddings")) {
            jdbc.execute("vacuum analyze " + table);
        }
    }

    private CatalogueRow row(UUID organisationId, int c, int variant) {
        OcwCourses.Course course = ocw.courses().get(c);
        Random random = new Random(seed(c, variant) ^ 0x5DEECE66DL);
        List<String> topics = new ArrayList<>(course.topics());
        String title = course.title();
        String description = course.description();
        String type = "course";
        if (variant > 0) {
            String edition = EDITIONS[(variant - 1) % EDITIONS.length];
            int round = (variant - 1) / EDITIONS.length;
            title = title + " (" + edition + (round > 0 ? " " + (round + 1) : "") + ")";
            description = rotated(description, variant);
            if (topics.size() > 2) {
                topics.remove(variant % topics.size());
            }
            type = switch (edition) {
                case "Lecture videos" -> "video";
                case "Study guide" -> "article";
                case "Problem sets", "Recitations" -> "practice";
                default -> "course";
            };
        }
        List<Skill> itemSkills = topics.stream().map(skills::get).sorted(Comparator.comparing(Skill::key)).toList();
        int levelMin = 1 + random.nextInt(3);
        int levelMax = Math.min(5, levelMin + random.nextInt(3));
        Integer minutes = random.nextInt(10) == 0 ? null : 30 * (1 + random.nextInt(40));
        CatalogueItem item = new CatalogueItem(UUID.randomUUID(), "ocw-" + c + (variant > 0 ? "-v" + variant : ""), title,
                course.url() + (variant > 0 ? "#v" + variant : ""), description, type, levelMin, levelMax, minutes, "en",
                itemSkills.stream().map(Skill::key).toList());
        return new CatalogueRow(organisationId, item, itemSkills.stream().map(Skill::name).toList(), null);
    }

    /** The topics of the course an item was made from. */
    public List<String> topicsOf(Entry entry) {
        return ocw.courses().get(entry.course()).topics();
    }

    private static String rotated(String description, int by) {
        String[] sentences = description.split("(?<=\\.)\\s+");
        if (sentences.length < 2) {
            return description;
        }
        int shift = by % sentences.length;
        List<String> rotated = new ArrayList<>(Arrays.asList(sentences).subList(shift, sentences.length));
        rotated.addAll(Arrays.asList(sentences).subList(0, shift));
        return String.join(" ", rotated);
    }

    private static float[] perturbed(float[] base, long seed) {
        Random random = new Random(seed);
        float[] vector = new float[base.length];
        double norm = 0;
        for (int i = 0; i < base.length; i++) {
            vector[i] = (float) (base[i] + PERTURBATION * random.nextGaussian());
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static long seed(int course, int variant) {
        return course * 1_000_003L + variant;
    }

    private static String hash(List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            texts.forEach(t -> digest.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
