package dev.stepwise.core.catalogue.bench;

import static dev.stepwise.core.testing.bench.ReportText.cores;
import static dev.stepwise.core.testing.bench.ReportText.ms;

import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.ReportText;
import dev.stepwise.core.testing.bench.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown report of {@link CatalogueSearchBenchmark}: budgets and verdicts, latencies, build, memory, ranking. */
final class SearchReport {

    static final String COMMAND = "./mvnw -pl bot-core -am -Pbenchmark verify";
    static final String HYBRID = "hybrid (BM25 + kNN, fused)";

    record Latency(Stats stats, int empty, CpuMeter.Usage cpu) {
    }

    record SizeRun(int items, int read, double loadSeconds, double readSeconds, double buildSeconds, long indexBytes,
                   long heapGrowth, Map<String, Latency> latencies) {
    }

    record Scores(double ndcg10, double precision5, double mrr10) {
    }

    record Quality(String ranking, Scores questions, Scores keywords, Scores all) {
    }

    private final int courses;
    private final BenchCatalogue.Embedded embedded;
    private final int measured;
    private final int warmUp;
    private final List<SizeRun> runs;
    private final List<Quality> quality;
    private final String generated;

    SearchReport(int courses, BenchCatalogue.Embedded embedded, int measured, int warmUp, List<SizeRun> runs,
                 List<Quality> quality) {
        this.courses = courses;
        this.embedded = embedded;
        this.measured = measured;
        this.warmUp = warmUp;
        this.runs = runs;
        this.quality = quality;
        this.generated = generate();
    }

    String generated() {
        return generated;
    }

    void write(Path file) throws IOException {
        ReportText.write(file, generated, DEFAULT_NOTES);
    }

    private String generate() {
        StringBuilder md = new StringBuilder();
        md.append("# Catalogue search: latency, index build and memory\n\n");
        md.append("Written by `CatalogueSearchBenchmark` (`bot-core/src/test/java/dev/stepwise/core/catalogue/bench/`) on ")
                .append(ReportText.now()).append(".\n\n");
        md.append("- **Command**: `").append(ReportText.command(COMMAND)).append("` (from the repository root; needs a JDK 21+ ")
                .append("and the shared data folder `shared/data`, found in a folder above the working directory, else ")
                .append("given with `-Dstepwise.data.dir=<path>`)\n");
        md.append("- **Machine**: ").append(ReportText.machine()).append('\n');
        md.append("- **JDK**: ").append(ReportText.jdk()).append('\n');
        md.append("- **Catalogue**: the MIT OpenCourseWare export (").append(String.format(Locale.ROOT, "%,d", courses))
                .append(" courses: title, abstract, OCW topics as skills), each course's text embedded for real with MiniLM (")
                .append(embedded.cached() ? "read from the benchmark's cache; when computed it took " : "")
                .append(String.format(Locale.ROOT, "%.0f s, %.1f ms per item", embedded.seconds(),
                        embedded.seconds() * 1000 / courses))
                .append("). Larger catalogues add variants of each course (another edition, lecture videos, a study guide, ")
                .append("problem sets…: changed title, sentences of the description reordered, one topic fewer, another type); ")
                .append("**a variant's vector is not computed by MiniLM** but is its course's real vector moved by a small seeded ")
                .append("random perturbation (cosine ≈ 0.98) and renormalised (100,000 real embeddings would take about 25 ")
                .append("minutes). Levels, types and durations are drawn from a seeded random (the export has none).\n");
        md.append("- **Path measured**: the production one. Items, skills and embeddings are rows in PostgreSQL; the index is ")
                .append("built by the start-up rebuild (`CatalogueIndexes.rebuild`: paged reads, Lucene in-heap index, HNSW); ")
                .append("queries go through `LuceneCatalogueSearch` with k = 10, **each embedded by MiniLM as it comes** ")
                .append("(nothing cached), one at a time on one thread, cycling through ")
                .append(BenchQueries.texts().size()).append(" realistic questions; ").append(warmUp)
                .append(" warm-up queries, then ").append(measured).append(" measured, per mode and size.\n\n");

        md.append("## Budgets\n\n| budget | measured | verdict |\n|---|---|---|\n");
        budget(md, 10_000, 20);
        budget(md, 100_000, 50);

        md.append("\n## Query latency, k = 10 (milliseconds, including the query's embedding)\n\n");
        md.append("CPU columns: cores used on average over the measured queries (the machine has ")
                .append(Runtime.getRuntime().availableProcessors()).append("): the whole machine, other processes (not ")
                .append("the benchmark), the thread running the queries, and the JVM's other threads: JIT compiler, garbage ")
                .append("collector, and the rest (ONNX Runtime's own native threads for MiniLM, Lucene's merges).\n\n");
        md.append("| items | mode | p50 | p95 | p99 | max | empty answers | machine | other processes | query thread | JIT | GC | ONNX Runtime, merges, rest of JVM |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SizeRun run : runs) {
            run.latencies().forEach((mode, l) -> md.append("| ").append(String.format(Locale.ROOT, "%,d", run.items()))
                    .append(" | ").append(mode).append(" | ").append(ms(l.stats().millisAt(50))).append(" | ")
                    .append(ms(l.stats().millisAt(95))).append(" | ").append(ms(l.stats().millisAt(99))).append(" | ")
                    .append(ms(l.stats().maxMillis())).append(" | ").append(l.empty()).append(" | ")
                    .append(cores(l.cpu().machine())).append(" | ").append(cores(l.cpu().others())).append(" | ")
                    .append(cores(l.cpu().group("load generator"))).append(" | ").append(cores(l.cpu().jit())).append(" | ")
                    .append(cores(l.cpu().gc())).append(" | ")
                    .append(cores(Math.max(0, l.cpu().jvmOther() - l.cpu().jit() - l.cpu().gc()))).append(" |\n"));
        }

        md.append("\n## Index build and memory\n\n");
        md.append("*Build* is the whole start-up rebuild of one organisation's index: reading its rows from PostgreSQL (also timed ")
                .append("alone) and indexing them. *Index heap* is the size of the index's in-memory files plus the writer's ")
                .append("buffers; *heap growth* is the JVM's heap in use after a full GC, after the build minus before.\n\n");
        md.append("| items | loading the rows into PostgreSQL (set-up, not product) | reading them back (paged, as the rebuild does) ")
                .append("| build (read + index) | items per second | index heap | heap growth |\n|---|---|---|---|---|---|---|\n");
        for (SizeRun run : runs) {
            md.append("| ").append(String.format(Locale.ROOT, "%,d", run.items())).append(" | ")
                    .append(secs(run.loadSeconds())).append(" | ").append(secs(run.readSeconds())).append(" | ")
                    .append(secs(run.buildSeconds())).append(" | ")
                    .append(ReportText.rate(run.items() / run.buildSeconds())).append(" | ")
                    .append(mb(run.indexBytes())).append(" | ").append(mb(run.heapGrowth())).append(" |\n");
        }

        md.append("\n## Ranking quality on the real catalogue (").append(String.format(Locale.ROOT, "%,d", courses))
                .append(" courses, real embeddings)\n\n");
        md.append(BenchQueries.QUESTIONS.size()).append(" questions in chat words that mostly don't name their subject, and ")
                .append(BenchQueries.KEYWORDS.size()).append(" searches in the subject's own words (`BenchQueries`), each judged ")
                .append("by OCW topics: a course is relevant when it carries one of the query's topics. The judgements are coarse ")
                .append("(a topic is not a relevance grade, many relevant courses carry other topics, and the topics are also ")
                .append("the items' skills, which BM25 searches), so the figures compare the rankings with each other rather ")
                .append("than grade any of them.\n\n");
        md.append("| ranking | nDCG@10, questions | nDCG@10, keywords | nDCG@10, all | precision@5, all | MRR@10, all |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Quality q : quality) {
            md.append("| ").append(q.ranking()).append(" | ").append(f3(q.questions().ndcg10())).append(" | ")
                    .append(f3(q.keywords().ndcg10())).append(" | ").append(f3(q.all().ndcg10())).append(" | ")
                    .append(f3(q.all().precision5())).append(" | ").append(f3(q.all().mrr10())).append(" |\n");
        }
        return md.toString();
    }

    private void budget(StringBuilder md, int items, double p95Budget) {
        String text = String.format(Locale.ROOT, "hybrid search, k = 10, p95 under %.0f ms at %,d items (query embedding included)",
                p95Budget, items);
        SizeRun run = runs.stream().filter(r -> r.items() == items).findFirst().orElse(null);
        if (run == null) {
            md.append("| ").append(text).append(" | not run | — |\n");
            return;
        }
        double p95 = run.latencies().get(HYBRID).stats().millisAt(95);
        md.append("| ").append(text).append(" | p95 ").append(ms(p95)).append(" | **").append(p95 < p95Budget ? "PASS" : "FAIL")
                .append("** |\n");
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String secs(double seconds) {
        return String.format(Locale.ROOT, seconds >= 10 ? "%.0f s" : "%.1f s", seconds);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static final String DEFAULT_NOTES = """

            ## Notes

            Written by hand; kept when the benchmark rewrites the figures above.
            """;
}
