package dev.stepwise.core.catalogue.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stepwise.core.catalogue.CatalogueRow;
import dev.stepwise.core.catalogue.CatalogueRows;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.LuceneCatalogueSearch;
import dev.stepwise.core.catalogue.search.RankFusion;
import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.SharedDataFolders;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.testing.bench.BenchProperties;
import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.Stats;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the catalogue search answers, how long an organisation's index takes to build and how much heap it takes,
 * at 10,000 and 100,000 items made from the real MIT OCW catalogue (see {@link BenchCatalogue}), and how well each
 * ranking does on the real 2,590 courses. Not a test: it asserts only that the harness worked, and writes its figures
 * and the budgets' verdicts to {@code docs/benchmarks/catalogue-search.md}. Runs only with {@code -Pbenchmark} (see
 * {@link SearchReport#COMMAND}); skipped where the shared data isn't checked out.
 *
 * <p>Everything measured is the production path: items and embeddings in PostgreSQL, the start-up rebuild
 * ({@link CatalogueIndexes#rebuild}) and {@link LuceneCatalogueSearch}, each query embedded by MiniLM as it comes
 * (nothing cached), one query at a time on one thread.
 */
@Tag("benchmark")
class CatalogueSearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSearchBenchmark.class);

    @Test
    void latencyBuildAndMemoryAtTenAndAHundredThousandItems() throws Exception {
        Path csv = SharedDataFolders.find(OcwCourses.FILE).orElse(null);
        assumeTrue(csv != null, SharedDataFolders.absent(OcwCourses.FILE));
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .map(String::strip).filter(size -> !size.isEmpty()).map(Integer::parseInt).toList();
        int measured = (int) BenchProperties.number("bench.queries", "1000");
        int warmUp = (int) BenchProperties.number("bench.warmup", "300");

        TextEmbedder embedder = CoreTestContext.bean(TextEmbedder.class);
        CatalogueIndexes indexes = CoreTestContext.bean(CatalogueIndexes.class);
        CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);
        JdbcTemplate jdbc = new JdbcTemplate(RealServers.get().dataSource());
        BenchCatalogue catalogue = new BenchCatalogue(OcwCourses.read(csv));
        CpuMeter.countThreads("catalogue-", "catalogue workers");

        // The real embeddings of the 2,590 courses, and the ranking evaluation on them.
        UUID baseOrg = organisation("ocw");
        BenchCatalogue.Embedded embedded = catalogue.embedBase(catalogue.base(baseOrg), embedder, BenchCatalogue.CACHE);
        log.info("Embedded {} course texts in {} s{}", catalogue.courses(), embedded.seconds(), embedded.cached() ? " (cached)" : "");
        List<BenchCatalogue.Entry> baseEntries = catalogue.items(baseOrg, catalogue.courses(), embedded.vectors());
        catalogue.load(jdbc, baseOrg, baseEntries, embedder.modelName());
        assertThat(indexes.rebuild(baseOrg)).as("every item has its embedding").isEmpty();
        List<SearchReport.Quality> quality = quality(baseOrg, baseEntries, catalogue, indexes, embedder);

        List<SearchReport.SizeRun> runs = new ArrayList<>();
        for (int size : sizes) {
            UUID org = organisation("ocw-" + size);
            List<BenchCatalogue.Entry> entries = catalogue.items(org, size, embedded.vectors());
            long start = System.nanoTime();
            catalogue.load(jdbc, org, entries, embedder.modelName());
            double loadSeconds = seconds(start);
            entries = null;

            start = System.nanoTime();
            int read = readAll(org);
            double readSeconds = seconds(start);

            long heapBefore = heapAfterGc();
            start = System.nanoTime();
            List<UUID> withoutVector = indexes.rebuild(org);
            double buildSeconds = seconds(start);
            long heapAfter = heapAfterGc();
            assertThat(withoutVector).as("every item has its embedding").isEmpty();
            assertThat(indexes.size(org)).isEqualTo(size);
            log.info("{} items: loaded in {} s, read in {} s, index built in {} s, {} MB", size, loadSeconds, readSeconds,
                    buildSeconds, indexes.ramBytesUsed(org) >> 20);

            Map<String, SearchReport.Latency> latencies = new java.util.LinkedHashMap<>();
            latencies.put(SearchReport.HYBRID, measure(search, org, SearchMode.HYBRID, SearchFilters.NONE, warmUp, measured));
            latencies.put("BM25 only", measure(search, org, SearchMode.BM25, SearchFilters.NONE, warmUp, measured));
            latencies.put("vector only (kNN)", measure(search, org, SearchMode.VECTOR, SearchFilters.NONE, warmUp, measured));
            latencies.put("hybrid with filters (level 3, course or video, at most 10 h)", measure(search, org, SearchMode.HYBRID,
                    new SearchFilters(Set.of(), 3, Set.of("course", "video"), 600), warmUp, measured));
            latencies.put("query embedding alone (MiniLM)", measureEmbedding(embedder, warmUp, measured));
            runs.add(new SearchReport.SizeRun(size, read, loadSeconds, readSeconds, buildSeconds, indexes.ramBytesUsed(org),
                    heapAfter - heapBefore, latencies));
        }

        SearchReport report = new SearchReport(catalogue.courses(), embedded, measured, warmUp, runs, quality);
        Path output = BenchProperties.output("docs/benchmarks/catalogue-search.md", "bot-core");
        report.write(output);
        log.info("Figures written to {}:\n{}", output, report.generated());
        assertThat(runs).allSatisfy(run -> assertThat(run.latencies().values()).allSatisfy(l -> assertThat(l.stats().count())
                .isEqualTo(measured)));
    }

    private static SearchReport.Latency measure(CatalogueSearch search, UUID org, SearchMode mode, SearchFilters filters,
                                                int warmUp, int measured) throws InterruptedException {
        List<String> texts = BenchQueries.texts();
        Function<Integer, SearchQuery> query = i -> new SearchQuery(texts.get(i % texts.size()), 10, filters, mode);
        for (int i = 0; i < warmUp; i++) {
            search.search(org, query.apply(i));
        }
        waitForQuiet();
        Stats stats = new Stats();
        int empty = 0;
        CpuMeter.Snapshot from = CpuMeter.take();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            List<SearchHit> hits = search.search(org, query.apply(i));
            stats.answered(200, start, System.nanoTime());
            if (hits.isEmpty()) {
                empty++;
            }
        }
        return new SearchReport.Latency(stats, empty, CpuMeter.between(from, CpuMeter.take()));
    }

    private static SearchReport.Latency measureEmbedding(TextEmbedder embedder, int warmUp, int measured) throws InterruptedException {
        List<String> texts = BenchQueries.texts();
        for (int i = 0; i < warmUp; i++) {
            embedder.embed(texts.get(i % texts.size()));
        }
        waitForQuiet();
        Stats stats = new Stats();
        CpuMeter.Snapshot from = CpuMeter.take();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            embedder.embed(texts.get(i % texts.size()));
            stats.answered(200, start, System.nanoTime());
        }
        return new SearchReport.Latency(stats, 0, CpuMeter.between(from, CpuMeter.take()));
    }

    /** nDCG@10, precision at 5 and MRR@10 of each ranking over the judged questions, on the base catalogue. */
    private static List<SearchReport.Quality> quality(UUID org, List<BenchCatalogue.Entry> entries, BenchCatalogue catalogue,
                                                      CatalogueIndexes indexes, TextEmbedder embedder) {
        Map<UUID, List<String>> topics = new HashMap<>();
        entries.forEach(e -> topics.put(e.row().item().id(), catalogue.topicsOf(e)));
        List<Ranking> rankings = List.of(
                new Ranking("BM25 only", new LuceneCatalogueSearch(indexes, embedder), SearchMode.BM25),
                new Ranking("vector only (kNN)", new LuceneCatalogueSearch(indexes, embedder), SearchMode.VECTOR),
                hybrid(RankFusion.reciprocalRank(0.5), indexes, embedder),
                hybrid(RankFusion.normalisedScores(0.5), indexes, embedder),
                hybrid(RankFusion.reciprocalRank(0.3), indexes, embedder),
                hybrid(RankFusion.DEFAULT, indexes, embedder));
        List<SearchReport.Quality> results = new ArrayList<>();
        for (Ranking ranking : rankings) {
            results.add(new SearchReport.Quality(ranking.name(),
                    judge(ranking.search(), ranking.mode(), org, entries, topics, BenchQueries.QUESTIONS),
                    judge(ranking.search(), ranking.mode(), org, entries, topics, BenchQueries.KEYWORDS),
                    judge(ranking.search(), ranking.mode(), org, entries, topics, BenchQueries.JUDGED)));
        }
        return results;
    }

    private record Ranking(String name, CatalogueSearch search, SearchMode mode) {
    }

    private static Ranking hybrid(RankFusion fusion, CatalogueIndexes indexes, TextEmbedder embedder) {
        return new Ranking("hybrid, " + fusion + (fusion == RankFusion.DEFAULT ? " (production)" : ""),
                new LuceneCatalogueSearch(indexes, embedder, fusion), SearchMode.HYBRID);
    }

    private static SearchReport.Scores judge(CatalogueSearch search, SearchMode mode, UUID org, List<BenchCatalogue.Entry> entries,
                                             Map<UUID, List<String>> topics, List<BenchQueries.Judged> questions) {
        double ndcg = 0;
        double precision = 0;
        double mrr = 0;
        for (BenchQueries.Judged judged : questions) {
            long relevantInCatalogue = entries.stream().filter(e -> relevant(topics.get(e.row().item().id()), judged)).count();
            List<SearchHit> hits = search.search(org, new SearchQuery(judged.text(), 10, null, mode));
            double dcg = 0;
            double ideal = 0;
            int firstRelevant = 0;
            int relevantInFive = 0;
            for (int i = 0; i < 10; i++) {
                if (i < relevantInCatalogue) {
                    ideal += 1 / log2(i + 2);
                }
                if (i < hits.size() && relevant(topics.get(hits.get(i).item().id()), judged)) {
                    dcg += 1 / log2(i + 2);
                    firstRelevant = firstRelevant == 0 ? i + 1 : firstRelevant;
                    relevantInFive += i < 5 ? 1 : 0;
                }
            }
            ndcg += ideal == 0 ? 0 : dcg / ideal;
            precision += relevantInFive / 5.0;
            mrr += firstRelevant == 0 ? 0 : 1.0 / firstRelevant;
        }
        int n = questions.size();
        return new SearchReport.Scores(ndcg / n, precision / n, mrr / n);
    }

    private static boolean relevant(List<String> topics, BenchQueries.Judged judged) {
        return topics.stream().anyMatch(judged.relevantTopics()::contains);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Reads every item of the organisation as the rebuild does, without indexing: the PostgreSQL part of a rebuild. */
    private static int readAll(UUID org) {
        CatalogueRows rows = CoreTestContext.bean(CatalogueRows.class);
        int count = 0;
        UUID after = CatalogueRows.FIRST;
        for (List<CatalogueRow> page = rows.page(org, after, 1000); !page.isEmpty(); page = rows.page(org, after, 1000)) {
            count += page.size();
            after = page.getLast().item().id();
        }
        return count;
    }

    /**
     * On a shared machine, waits (at most {@code bench.quiet.wait}, default 5 minutes) until other processes use less
     * than {@code bench.quiet.cores} (default 0.3); the CPU they take anyway is in the report.
     */
    private static void waitForQuiet() throws InterruptedException {
        CpuMeter.waitForQuiet(BenchProperties.duration("bench.quiet.wait", "5m"), BenchProperties.number("bench.quiet.cores", "0.3"));
    }

    /** An organisation of its own for each catalogue (only skills and items: no people are needed). */
    private static UUID organisation(String name) {
        return CoreTestContext.bean(Organisations.class).create("bench-" + name + "-" + UUID.randomUUID().toString().substring(0, 8),
                "Benchmark " + name, false).id();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
