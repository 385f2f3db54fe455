package dev.stepwise.core.evaluation;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.catalogue.bench.BenchCatalogue;
import dev.stepwise.core.catalogue.bench.BenchQueries;
import dev.stepwise.core.catalogue.bench.OcwCourses;
import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.catalogue.index.CatalogueIndexes;
import dev.stepwise.core.catalogue.search.CatalogueSearch;
import dev.stepwise.core.catalogue.search.SearchFilters;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.catalogue.search.SearchQuery;
import dev.stepwise.core.competency.Level;
import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.evaluation.EvaluationReport.AnswerRun;
import dev.stepwise.core.evaluation.EvaluationReport.LlmRun;
import dev.stepwise.core.evaluation.EvaluationReport.ProbeResult;
import dev.stepwise.core.evaluation.EvaluationReport.Scores;
import dev.stepwise.core.evaluation.EvaluationReport.SetResult;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.LlmSettings;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.recommendations.GapRecommendations;
import dev.stepwise.core.recommendations.Recommendation;
import dev.stepwise.core.situations.Situation;
import dev.stepwise.core.situations.SituationAnswer;
import dev.stepwise.core.situations.SituationAnswers;
import dev.stepwise.core.situations.SituationRetrieval;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.LlmStandIn;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.SharedDataFolders;
import dev.stepwise.core.testing.bench.BenchProperties;
import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.Stats;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evaluation harness (not a test): runs the labelled catalogue questions, situations and gap queries
 * ({@link LabelledSet}) through the product's retrieval in each ranking (BM25 alone, vectors alone, hybrid) and through
 * the answers themselves ({@link SituationAnswers#answer}, {@link GapRecommendations#forGap}), on the real MIT
 * OpenCourseWare catalogue loaded into a real embedded PostgreSQL organisation, and writes nDCG@5, recall@10, grounding
 * and latency percentiles to {@code docs/evaluation/retrieval-and-help.md}. Run it with
 * {@value EvaluationReport#COMMAND} (the {@code evaluation} profile runs this class with the test classpath).
 *
 * <p>Without an LLM (the default) the answers are the extractive ones. With {@code STEPWISE_LLM_BASE_URL} and
 * {@code STEPWISE_LLM_MODEL} (and {@code STEPWISE_LLM_API_KEY}) in the environment it asks that model too; with
 * {@code -Devaluation.llm=standin} it asks a WireMock stand-in that answers every call with the same fixed JSON (an
 * invented link, a citation out of range): a check of the harness and of the validation, written to {@code target/}.
 *
 * <p>Knobs: {@code -Devaluation.rounds} (timed rounds of every query, default 10), {@code -Devaluation.llm}
 * ({@code standin} or {@code none}), {@code -Devaluation.output} (the report's path), {@code -Dstepwise.data.dir} (the
 * shared data folder). The LLM is asked once per situation (calls cost), with the product's default timeout.
 */
public final class RetrievalAndHelpEvaluation {

    private static final List<SearchMode> MODES = List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID);
    private static final int GAP_K = 20;
    private static final int GAP_SUGGESTIONS = 3;
    private static final String STANDIN_ANSWER = """
            {"guidance": "- Write down the two things you need from this and the one you can give up.\\n\
            - Read [the negotiation playbook](https://playbooks.example/negotiation) tonight.\\n\
            - Open with questions, then agree one next step and a date.", "cite": [1, 7]}""";

    private final int rounds = Integer.parseInt(property("evaluation.rounds", "10"));
    private final CatalogueSearch search = CoreTestContext.bean(CatalogueSearch.class);
    private final JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);
    private final Map<UUID, List<String>> topicsById = new HashMap<>();
    private UUID org;
    private List<BenchCatalogue.Entry> entries;
    private double searchOthers;

    public static void main(String[] args) {
        int status = 0;
        try {
            quietLogs();
            new RetrievalAndHelpEvaluation().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Closes the core's Redis connections before the embedded servers' shutdown hook stops them; Spring's and
        // Lettuce's threads would keep the JVM alive without the exit.
        CoreTestContext.get().close();
        System.exit(status);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path csv = SharedDataFolders.find(OcwCourses.FILE)
                .orElseThrow(() -> new IllegalStateException(SharedDataFolders.absent(OcwCourses.FILE)));
        OcwCourses ocw = OcwCourses.read(csv);
        LabelledSet.checkTopicsExist(ocw);
        BenchCatalogue.Embedded embedded = load(ocw);
        CpuMeter.countPostgresOn(URI.create(RealServers.get().jdbcUrl().substring("jdbc:".length())).getPort());

        List<Probe> probes = new ArrayList<>();
        BenchQueries.QUESTIONS.forEach(q -> probes.add(catalogueProbe(EvaluationReport.QUESTIONS, q)));
        BenchQueries.KEYWORDS.forEach(q -> probes.add(catalogueProbe(EvaluationReport.KEYWORDS, q)));
        LabelledSet.SITUATIONS.forEach(s -> probes.add(situationProbe(s)));
        Map<LabelledSet.Gap, Skill> skills = gapSkills();
        LabelledSet.GAPS.forEach(g -> probes.add(gapProbe(g, skills.get(g))));
        List<Probe> empty = probes.stream().filter(p -> p.relevantInCatalogue() == 0).toList();
        if (!empty.isEmpty()) {
            throw new IllegalStateException("No course of the catalogue is relevant to " + empty.stream().map(Probe::text).toList());
        }

        System.out.println("evaluation: retrieval, " + probes.size() + " queries x 3 rankings x " + rounds + " rounds");
        Map<Probe, ProbeResult> results = retrieval(probes);
        List<SetResult> sets = new ArrayList<>();
        for (String set : List.of(EvaluationReport.QUESTIONS, EvaluationReport.KEYWORDS, EvaluationReport.SITUATIONS,
                EvaluationReport.GAPS)) {
            List<ProbeResult> inSet = probes.stream().filter(p -> p.set().equals(set)).map(results::get).toList();
            sets.add(new SetResult(set, inSet));
        }

        System.out.println("evaluation: answers without an LLM");
        // What the hybrid search of each situation and gap returned, to compare with what the answers show.
        Map<String, List<SearchHit>> hybridByText = new HashMap<>();
        probes.forEach(p -> hybridByText.put(p.text(), results.get(p).hybridProduction()));
        List<AnswerRun> answers = new ArrayList<>();
        answers.add(extractiveAnswers(hybridByText));
        answers.add(gapSuggestions(skills, hybridByText));

        LlmRun llmRun = null;
        try (LlmChoice llm = LlmChoice.choose()) {
            if (llm.settings() != null) {
                System.out.println("evaluation: answers with " + llm.description());
                llmRun = llmAnswers(llm, hybridByText);
            }
            EvaluationReport report = new EvaluationReport(ocw.courses().size(), embedded, rounds, sets, searchOthers, answers,
                    llm.description(), llmRun, (System.nanoTime() - started) / 1e9);
            Path output = output(llm);
            report.write(output);
            System.out.println(report.generated());
            System.out.println("evaluation: written to " + output.toAbsolutePath().normalize());
        }
    }

    /** The base OCW catalogue (each course once, real MiniLM embeddings, cached with the benchmark's) in an organisation. */
    private BenchCatalogue.Embedded load(OcwCourses ocw) throws Exception {
        TextEmbedder embedder = CoreTestContext.bean(TextEmbedder.class);
        CatalogueIndexes indexes = CoreTestContext.bean(CatalogueIndexes.class);
        org = CoreTestContext.bean(Organisations.class).create("evaluation-" + UUID.randomUUID().toString().substring(0, 8),
                "Evaluation (MIT OpenCourseWare)", false).id();
        BenchCatalogue catalogue = new BenchCatalogue(ocw);
        System.out.println("evaluation: embedding " + catalogue.courses() + " courses (or reading them from "
                + BenchCatalogue.CACHE.toAbsolutePath() + ")");
        BenchCatalogue.Embedded embedded = catalogue.embedBase(catalogue.base(org), embedder, BenchCatalogue.CACHE);
        entries = catalogue.items(org, catalogue.courses(), embedded.vectors());
        catalogue.load(new JdbcTemplate(RealServers.get().dataSource()), org, entries, embedder.modelName());
        List<UUID> withoutVector = indexes.rebuild(org);
        if (!withoutVector.isEmpty()) {
            throw new IllegalStateException(withoutVector.size() + " items have no embedding");
        }
        entries.forEach(e -> topicsById.put(e.row().item().id(), catalogue.topicsOf(e)));
        return embedded;
    }

    private Probe catalogueProbe(String set, BenchQueries.Judged judged) {
        return probe(set, judged.text(), judged.relevantTopics(), 10,
                (mode, k) -> new SearchQuery(judged.text(), k, SearchFilters.NONE, mode),
                item -> LabelledSet.relevant(topicsById.get(item.id()), judged.relevantTopics()));
    }

    private Probe situationProbe(LabelledSet.LabelledSituation labelled) {
        Situation situation = labelled.situation();
        return probe(EvaluationReport.SITUATIONS, labelled.text(), labelled.labels(), SituationRetrieval.K,
                (mode, k) -> SituationRetrieval.query(situation, mode, k),
                item -> LabelledSet.relevant(topicsById.get(item.id()), labelled.labels()));
    }

    /** As {@link GapRecommendations#forGap} searches: the skill's name and description, its key and the next stage as filters. */
    private Probe gapProbe(LabelledSet.Gap gap, Skill skill) {
        int next = gap.next().number();
        SearchFilters filters = new SearchFilters(Set.of(skill.key()), next, Set.of(), null);
        Predicate<CatalogueItem> inFilter = item -> item.skills().contains(skill.key()) && item.levelMin() <= next
                && next <= item.levelMax();
        return probe(EvaluationReport.GAPS, gap.text(), gap.labels(), GAP_K,
                (mode, k) -> new SearchQuery(skill.name() + " " + skill.description(), k, filters, mode),
                inFilter.and(item -> LabelledSet.relevant(topicsById.get(item.id()), gap.labels())));
    }

    private Probe probe(String set, String text, Set<String> labels, int k, BiFunction<SearchMode, Integer, SearchQuery> query,
                        Predicate<CatalogueItem> relevant) {
        long inCatalogue = entries.stream().map(e -> e.row().item()).filter(relevant).count();
        return new Probe(set, text, labels, k, query, relevant, inCatalogue);
    }

    /** The organisation's skills the gaps name (OCW topics), each given the description its competency matrix would. */
    private Map<LabelledSet.Gap, Skill> gapSkills() {
        Map<LabelledSet.Gap, Skill> skills = new LinkedHashMap<>();
        for (LabelledSet.Gap gap : LabelledSet.GAPS) {
            Skill skill = jdbc.sql("select id, key, name from skills where organisation_id = ? and name = ?").params(org, gap.skill())
                    .query((rs, n) -> new Skill(rs.getObject("id", UUID.class), org, rs.getString("key"), rs.getString("name"),
                            gap.description())).single();
            jdbc.sql("update skills set description = ? where id = ?").params(gap.description(), skill.id()).update();
            skills.put(gap, skill);
        }
        return skills;
    }

    /** Quality from the first timed round (rankings are deterministic), latency of the product's own search over all rounds. */
    private Map<Probe, ProbeResult> retrieval(List<Probe> probes) throws InterruptedException {
        for (Probe probe : probes) {
            MODES.forEach(mode -> search.search(org, probe.production(mode)));
        }
        waitForQuiet();
        CpuMeter.Snapshot from = CpuMeter.take();
        Map<Probe, Map<SearchMode, Stats>> latencies = new LinkedHashMap<>();
        Map<Probe, Map<SearchMode, Scores>> scores = new LinkedHashMap<>();
        Map<Probe, List<SearchHit>> hybrid = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (SearchMode mode : MODES) {
                for (Probe probe : probes) {
                    long start = System.nanoTime();
                    List<SearchHit> hits = search.search(org, probe.production(mode));
                    latencies.computeIfAbsent(probe, p -> new EnumMap<>(SearchMode.class))
                            .computeIfAbsent(mode, m -> new Stats()).answered(200, start, System.nanoTime());
                    if (round == 0) {
                        List<SearchHit> forRecall = probe.k() >= 10 ? hits : search.search(org, probe.forRecall(mode));
                        scores.computeIfAbsent(probe, p -> new EnumMap<>(SearchMode.class)).put(mode, new Scores(
                                probe.ndcgAt5(hits), probe.recallAt10(forRecall), inFilterShare(probe, hits), hits));
                        if (mode == SearchMode.HYBRID) {
                            hybrid.put(probe, hits);
                        }
                    }
                }
            }
        }
        searchOthers = CpuMeter.between(from, CpuMeter.take()).others();
        Map<Probe, ProbeResult> results = new LinkedHashMap<>();
        probes.forEach(p -> results.put(p, new ProbeResult(p, scores.get(p), latencies.get(p), hybrid.get(p))));
        return results;
    }

    /** For gaps: the share of returned items that carry the skill and suit the next stage (the filters' job); else 1. */
    private static double inFilterShare(Probe probe, List<SearchHit> hits) {
        if (!probe.set().equals(EvaluationReport.GAPS) || hits.isEmpty()) {
            return 1;
        }
        SearchFilters filters = probe.production(SearchMode.HYBRID).filters();
        String skill = filters.skills().iterator().next();
        int level = filters.level();
        return (double) hits.stream().map(SearchHit::item)
                .filter(item -> item.skills().contains(skill) && item.levelMin() <= level && level <= item.levelMax()).count()
                / hits.size();
    }

    /** {@link SituationAnswers#answer} as the product wires it without an LLM: timed, grounding checked, items compared. */
    private AnswerRun extractiveAnswers(Map<String, List<SearchHit>> hybridBySituation) {
        SituationAnswers answers = CoreTestContext.bean(SituationAnswers.class);
        CatalogueGrounding grounding = new CatalogueGrounding(jdbc, org);
        LabelledSet.SITUATIONS.forEach(s -> answers.answer(org, s.situation()));
        CpuMeter.Snapshot from = CpuMeter.take();
        Stats latency = new Stats();
        int grounded = 0;
        int asRetrieved = 0;
        int cited = 0;
        for (int round = 0; round < rounds; round++) {
            for (LabelledSet.LabelledSituation labelled : LabelledSet.SITUATIONS) {
                long start = System.nanoTime();
                SituationAnswer answer = answers.answer(org, labelled.situation());
                latency.answered(200, start, System.nanoTime());
                if (round == 0) {
                    grounded += grounding.shown(answer).grounded() ? 1 : 0;
                    cited += answer.items().size();
                    List<UUID> expected = hybridBySituation.get(labelled.text()).stream()
                            .limit(SituationRetrieval.SHOWN_WITHOUT_LLM).map(h -> h.item().id()).toList();
                    asRetrieved += answer.items().stream().map(c -> c.item().id()).toList().equals(expected) ? 1 : 0;
                }
            }
        }
        int n = LabelledSet.SITUATIONS.size();
        return new AnswerRun("Just-in-time help without an LLM (`SituationAnswers.answer`: retrieval k = "
                + SituationRetrieval.K + ", first " + SituationRetrieval.SHOWN_WITHOUT_LLM + " shown)", latency,
                CpuMeter.between(from, CpuMeter.take()).others(), n, grounded, cited,
                asRetrieved + " of " + n + " answers showed exactly the first " + SituationRetrieval.SHOWN_WITHOUT_LLM
                        + " items of the hybrid retrieval measured above");
    }

    /** {@link GapRecommendations#forGap} for each gap: timed, grounding checked, suggestions compared with the gap query. */
    private AnswerRun gapSuggestions(Map<LabelledSet.Gap, Skill> skills, Map<String, List<SearchHit>> hybridByGap) {
        GapRecommendations recommendations = CoreTestContext.bean(GapRecommendations.class);
        CatalogueGrounding grounding = new CatalogueGrounding(jdbc, org);
        Person person = new Person(UUID.randomUUID(), org, "evaluator", "Eva Evaluator", "eva@example.org", "UTC", null, null,
                null, null, null);
        skills.forEach((gap, skill) -> recommendations.forGap(person, skill, gap.current(), gap.next()));
        CpuMeter.Snapshot from = CpuMeter.take();
        Stats latency = new Stats();
        int grounded = 0;
        int asRetrieved = 0;
        int suggested = 0;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<LabelledSet.Gap, Skill> gap : skills.entrySet()) {
                long start = System.nanoTime();
                List<Recommendation> picked = recommendations.forGap(person, gap.getValue(), gap.getKey().current(), gap.getKey().next());
                latency.answered(200, start, System.nanoTime());
                if (round == 0) {
                    List<CatalogueItem> items = picked.stream().map(Recommendation::item).filter(Objects::nonNull).toList();
                    boolean onlyItems = items.size() == picked.size();
                    grounded += onlyItems && grounding.items(items).grounded() ? 1 : 0;
                    suggested += picked.size();
                    List<UUID> expected = hybridByGap.get(gap.getKey().text()).stream().limit(GAP_SUGGESTIONS)
                            .map(h -> h.item().id()).toList();
                    asRetrieved += items.stream().map(CatalogueItem::id).toList().equals(expected) ? 1 : 0;
                }
            }
        }
        int n = skills.size();
        return new AnswerRun("Gap suggestions (`GapRecommendations.forGap`: retrieval k = " + GAP_K
                + " with the skill and next-stage filters, the mentors query, up to " + GAP_SUGGESTIONS + " picked)", latency,
                CpuMeter.between(from, CpuMeter.take()).others(), n,
                grounded, suggested, asRetrieved + " of " + n + " gaps got exactly the first " + GAP_SUGGESTIONS
                + " items of the hybrid gap query measured above (every OCW item is a course, so the mix by type picks by rank)");
    }

    /** {@link SituationAnswers#answer} with the LLM: the raw model output and the answer people see, each judged. */
    private LlmRun llmAnswers(LlmChoice llm, Map<String, List<SearchHit>> hybridBySituation) {
        @SuppressWarnings("unchecked")
        StatefulRedisConnection<String, String> redis = CoreTestContext.bean(StatefulRedisConnection.class);
        RecordingLlm recording = new RecordingLlm(llm.settings(), redis);
        SituationAnswers answers = new SituationAnswers(search, recording);
        CatalogueGrounding grounding = new CatalogueGrounding(jdbc, org);
        int llmRounds = 1;
        Stats answerLatency = new Stats();
        Stats llmLatency = new Stats();
        Map<String, Integer> fallbacks = new TreeMap<>();
        LlmRun.Counts counts = new LlmRun.Counts();
        for (int round = 0; round < llmRounds; round++) {
            for (LabelledSet.LabelledSituation labelled : LabelledSet.SITUATIONS) {
                int before = recording.calls().size();
                long start = System.nanoTime();
                SituationAnswer answer = answers.answer(org, labelled.situation());
                answerLatency.answered(200, start, System.nanoTime());
                counts.answers++;
                counts.shownGrounded += grounding.shown(answer).grounded() ? 1 : 0;
                counts.itemsShown += answer.items().size();
                counts.written += answer.written() ? 1 : 0;
                List<RecordingLlm.Call> calls = recording.calls();
                if (calls.size() <= before) {
                    counts.notCaptured++;
                    if (!answer.written()) {
                        fallbacks.merge("no call seen", 1, Integer::sum);
                    }
                    continue;
                }
                RecordingLlm.Call call = calls.get(before);
                llmLatency.answered(200, 0, call.nanos());
                if (call.reply() instanceof LlmReply.Written written) {
                    counts.calls++;
                    counts.tokensIn += written.inputTokens();
                    counts.tokensOut += written.outputTokens();
                    int shown = hybridBySituation.get(labelled.text()).size();
                    CatalogueGrounding.Verdict raw = grounding.raw(written.text(), shown);
                    counts.rawGrounded += raw.grounded() ? 1 : 0;
                    counts.rawUnusable += raw.unusable() ? 1 : 0;
                    counts.rawWithOutOfRange += raw.citationsOutOfRange() > 0 ? 1 : 0;
                    counts.rawWithLinks += raw.linksNotInCatalogue().isEmpty() ? 0 : 1;
                    if (!answer.written()) {
                        fallbacks.merge("rejected by the validation (not the JSON asked for)", 1, Integer::sum);
                    }
                } else if (call.reply() instanceof LlmReply.Unavailable unavailable) {
                    counts.calls++;
                    counts.unavailable++;
                    fallbacks.merge(unavailable.why().name().toLowerCase(), 1, Integer::sum);
                }
            }
        }
        return new LlmRun(llm.description(), llm.settings().timeout(), llmRounds, counts, fallbacks, answerLatency, llmLatency);
    }

    /**
     * On a shared machine, waits (at most 2 minutes) until other processes use less than 0.3 cores before timing; what
     * they take anyway is in the report.
     */
    private static void waitForQuiet() throws InterruptedException {
        double others = CpuMeter.waitForQuiet(Duration.ofMinutes(2), 0.3);
        System.out.println("evaluation: timing with other processes using " + String.format(java.util.Locale.ROOT, "%.2f", others)
                + " cores");
    }

    private static Path output(LlmChoice llm) {
        String configured = property("evaluation.output", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        return llm.standIn() != null ? Path.of("target", "evaluation", "retrieval-and-help-standin.md")
                : BenchProperties.output(EvaluationReport.FILE, "bot-core");
    }

    /** A system property, blank counting as unset (the profile passes every knob, set or not). */
    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** Which LLM the answers use: none (default), the one in the environment, or the WireMock stand-in. */
    record LlmChoice(String description, LlmSettings settings, LlmStandIn standIn) implements AutoCloseable {

        static LlmChoice choose() {
            String choice = property("evaluation.llm", "");
            if (choice.equals("standin")) {
                LlmStandIn standIn = new LlmStandIn().answers(STANDIN_ANSWER, 450, 70);
                return new LlmChoice("a WireMock stand-in (`-Devaluation.llm=standin`), not a model: every call gets the same "
                        + "fixed JSON, with one invented link and one citation out of range", standIn.settings(timeout()), standIn);
            }
            String baseUrl = System.getenv().getOrDefault("STEPWISE_LLM_BASE_URL", "");
            String model = System.getenv().getOrDefault("STEPWISE_LLM_MODEL", "");
            if (choice.equals("none") || baseUrl.isBlank() || model.isBlank()) {
                return new LlmChoice("none configured (no `STEPWISE_LLM_BASE_URL` and `STEPWISE_LLM_MODEL`): the answers "
                        + "are the extractive ones", null, null);
            }
            String host = URI.create(baseUrl.strip()).getHost();
            LlmSettings settings = new LlmSettings(baseUrl, System.getenv().getOrDefault("STEPWISE_LLM_API_KEY", ""), model,
                    timeout(), 0, 0, 0, null, 0);
            return new LlmChoice("`" + model.strip() + "` at " + (host == null ? baseUrl.strip() : host)
                    + " (from `STEPWISE_LLM_BASE_URL` and `STEPWISE_LLM_MODEL`)", settings, null);
        }

        /** The product's default: the harness measures what people would get. */
        private static Duration timeout() {
            return Duration.ofMillis(2500);
        }

        @Override
        public void close() {
            if (standIn != null) {
                standIn.close();
            }
        }
    }
}
