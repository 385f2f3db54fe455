package dev.stepwise.core.evaluation;

import static dev.stepwise.core.testing.bench.ReportText.ms;

import dev.stepwise.core.catalogue.bench.BenchCatalogue;
import dev.stepwise.core.catalogue.search.SearchHit;
import dev.stepwise.core.catalogue.search.SearchMode;
import dev.stepwise.core.testing.bench.ReportText;
import dev.stepwise.core.testing.bench.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The markdown report of {@link RetrievalAndHelpEvaluation}: ranking quality, grounding, latency, and what they mean. */
final class EvaluationReport {

    static final String COMMAND = "./mvnw -q -pl bot-core -am -Pevaluation verify";
    static final String FILE = "docs/evaluation/retrieval-and-help.md";

    static final String QUESTIONS = "catalogue questions";
    static final String KEYWORDS = "catalogue keywords";
    static final String SITUATIONS = "situations";
    static final String GAPS = "gap queries";

    private static final Map<String, String> PATHS = Map.of(
            QUESTIONS, "catalogue search, k = 10, no filters",
            KEYWORDS, "catalogue search, k = 10, no filters",
            SITUATIONS, "the just-in-time answer's search: the situation's words, k = 5, no filters",
            GAPS, "the gap suggestion's search: skill name and description, k = 20, filtered to the skill and the next stage");
    private static final List<SearchMode> MODES = List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID);

    /** One query's scores in one ranking, from its product search (and a k = 10 search for recall when that k is smaller). */
    record Scores(double ndcg5, double recall10, double inFilter, List<SearchHit> hits) {
    }

    record ProbeResult(Probe probe, Map<SearchMode, Scores> scores, Map<SearchMode, Stats> latencies,
                       List<SearchHit> hybridProduction) {
    }

    record SetResult(String set, List<ProbeResult> probes) {
    }

    /** An answer path without an LLM: its latency and how many of its answers were grounded. */
    record AnswerRun(String what, Stats latency, double others, int answers, int grounded, int itemsShown, String consistency) {
    }

    record LlmRun(String description, Duration timeout, int rounds, Counts counts, Map<String, Integer> fallbacks,
                  Stats answerLatency, Stats llmLatency) {

        /** Tallies over the answers with the LLM. */
        static final class Counts {
            int answers;
            int written;
            int calls;
            int unavailable;
            int notCaptured;
            int rawGrounded;
            int rawUnusable;
            int rawWithOutOfRange;
            int rawWithLinks;
            int shownGrounded;
            int itemsShown;
            long tokensIn;
            long tokensOut;

            int rawJudged() {
                return calls - unavailable;
            }
        }
    }

    private final int courses;
    private final BenchCatalogue.Embedded embedded;
    private final int rounds;
    private final List<SetResult> sets;
    private final double searchOthers;
    private final List<AnswerRun> answers;
    private final String llmDescription;
    private final LlmRun llm;
    private final double seconds;
    private final String generated;

    EvaluationReport(int courses, BenchCatalogue.Embedded embedded, int rounds, List<SetResult> sets, double searchOthers,
                     List<AnswerRun> answers, String llmDescription, LlmRun llm, double seconds) {
        this.courses = courses;
        this.embedded = embedded;
        this.rounds = rounds;
        this.sets = sets;
        this.searchOthers = searchOthers;
        this.answers = answers;
        this.llmDescription = llmDescription;
        this.llm = llm;
        this.seconds = seconds;
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
        md.append("# Evaluation: retrieval and just-in-time help\n\n");
        md.append("Written by `RetrievalAndHelpEvaluation` (`bot-core/src/test/java/dev/stepwise/core/evaluation/`) on ")
                .append(ReportText.now()).append("; the whole run took ").append(String.format(Locale.ROOT, "%.0f s", seconds))
                .append(". Not a test: it asserts nothing about the figures.\n\n");
        md.append("- **Command**: `").append(command()).append("` (from the repository root; needs a JDK 21+ and the shared data ")
                .append("folder `shared/data`, found in a folder above the working directory, else given with ")
                .append("`-Dstepwise.data.dir=<path>`). Knobs: `-Devaluation.rounds` (timed rounds, default 10), ")
                .append("`-Devaluation.llm=standin|none`, `-Devaluation.output=<file>`.\n");
        md.append("- **LLM**: ").append(llmDescription).append(".\n");
        md.append("- **Catalogue**: the MIT OpenCourseWare export, ").append(String.format(Locale.ROOT, "%,d", courses))
                .append(" courses loaded as one organisation's catalogue in a real embedded PostgreSQL (title, abstract, the ")
                .append("course's OCW topics as its skills, each course's text embedded with MiniLM: ")
                .append(embedded.cached() ? "read from the catalogue benchmark's cache, " : "")
                .append(String.format(Locale.ROOT, "%.0f s", embedded.seconds())).append(" when computed), indexed by the ")
                .append("start-up rebuild. The export has no levels: each course's level range is drawn from a seeded random ")
                .append("(as in the benchmark), which only matters to the gap queries' next-stage filter.\n");
        md.append("- **Path measured**: the product's, through `LuceneCatalogueSearch` with the query embedded by MiniLM as it ")
                .append("comes; BM25 alone and vectors alone are the same searches with the ranking switched. The answers are ")
                .append("`SituationAnswers.answer` and `GapRecommendations.forGap` as the core wires them.\n");
        md.append("- **Machine**: ").append(ReportText.machine()).append('\n');
        md.append("- **JDK**: ").append(ReportText.jdk()).append("\n\n");

        quality(md);
        grounding(md);
        if (llm != null) {
            llmSection(md);
        }
        latency(md);
        perQuery(md, SITUATIONS, "Per situation");
        perQuery(md, GAPS, "Per gap query");
        method(md);
        return md.toString();
    }

    private String command() {
        String extra = System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("evaluation."))
                .filter(n -> !System.getProperty(n).isBlank()).sorted().map(n -> "-D" + n + "=" + System.getProperty(n))
                .collect(Collectors.joining(" "));
        return extra.isEmpty() ? COMMAND : COMMAND + " " + extra;
    }

    private void quality(StringBuilder md) {
        md.append("## Ranking quality\n\n");
        md.append("nDCG@5 and recall@10 with binary relevance from the OCW topics (see *How the labels were made*); each query ")
                .append("counts once in its set's mean and in *all*. **nDCG@5**: the discounted gain of the relevant items in ")
                .append("the first five, over that of the best possible first five. **recall@10**: relevant items in the first ")
                .append("ten over min(10, relevant items in the catalogue), so 1.0 means the ten could not hold more relevant ")
                .append("items; most queries have more than ten relevant courses, for them it equals precision@10. Plain ")
                .append("recall (over every relevant course) would be at most 10 / 16 to 10 / 138 here and says little. ")
                .append("Hybrid is the production ranking (RankFusion's default).\n\n");
        md.append("| set | queries | path (as the product searches) | nDCG@5 BM25 | nDCG@5 vectors | nDCG@5 hybrid ")
                .append("| recall@10 BM25 | recall@10 vectors | recall@10 hybrid |\n|---|---|---|---|---|---|---|---|---|\n");
        for (SetResult set : sets) {
            qualityRow(md, set.set(), PATHS.get(set.set()), set.probes());
        }
        List<ProbeResult> all = sets.stream().flatMap(s -> s.probes().stream()).toList();
        qualityRow(md, "**all**", "", all);
        double inFilter = sets.stream().filter(s -> s.set().equals(GAPS)).flatMap(s -> s.probes().stream())
                .flatMap(p -> p.scores().values().stream()).mapToDouble(Scores::inFilter).min().orElse(1);
        md.append("\nGap queries: every item returned carried the gap's skill and suited the next stage in ")
                .append(inFilter == 1 ? "every ranking (the filters work)" : "not every ranking: lowest share " + f3(inFilter))
                .append("; their labels judge the ranking *within* the skill (see below).\n\n");
    }

    private static void qualityRow(StringBuilder md, String name, String path, List<ProbeResult> probes) {
        md.append("| ").append(name).append(" | ").append(probes.size()).append(" | ").append(path);
        for (ToDoubleFunction<Scores> metric : List.<ToDoubleFunction<Scores>>of(Scores::ndcg5, Scores::recall10)) {
            for (SearchMode mode : MODES) {
                md.append(" | ").append(f3(probes.stream().mapToDouble(p -> metric.applyAsDouble(p.scores().get(mode))).average()
                        .orElse(0)));
            }
        }
        md.append(" |\n");
    }

    private void grounding(StringBuilder md) {
        md.append("## Grounding\n\n");
        md.append("An answer is grounded when every item it shows exists in the organisation's catalogue (looked up by id in ")
                .append("`catalogue_items`, with the same url) and every link in its text is the url of one of the ")
                .append("organisation's items. For the model's raw output, also: it is the JSON asked for, and every number ")
                .append("it cites is one of the items it was shown.\n\n");
        md.append("| answers | answers checked | items shown | grounded | grounding rate | check of the path |\n|---|---|---|---|---|---|\n");
        for (AnswerRun run : answers) {
            md.append("| ").append(run.what()).append(" | ").append(run.answers()).append(" | ").append(run.itemsShown())
                    .append(" | ").append(run.grounded()).append(" | ").append(pct(run.grounded(), run.answers())).append(" | ")
                    .append(run.consistency()).append(" |\n");
        }
        if (llm == null) {
            md.append("| just-in-time help with an LLM | — | — | — | no LLM configured | set `STEPWISE_LLM_BASE_URL` and ")
                    .append("`STEPWISE_LLM_MODEL` to measure the model's raw output and the validated answer |\n");
        } else {
            LlmRun.Counts c = llm.counts();
            md.append("| the LLM's raw output (").append(c.rawJudged()).append(" written replies) | ").append(c.rawJudged())
                    .append(" | — | ").append(c.rawGrounded).append(" | ").append(pct(c.rawGrounded, c.rawJudged()))
                    .append(" | ").append(c.rawUnusable).append(" not the JSON asked for, ").append(c.rawWithOutOfRange)
                    .append(" citing a number outside the list, ").append(c.rawWithLinks).append(" with a link outside the catalogue |\n");
            md.append("| just-in-time help with the LLM, after validation (what people see) | ").append(c.answers)
                    .append(" | ").append(c.itemsShown).append(" | ").append(c.shownGrounded).append(" | ")
                    .append(pct(c.shownGrounded, c.answers)).append(" | ")
                    .append(c.written).append(" written by the LLM, ").append(c.answers - c.written)
                    .append(" fell back to the answer without it |\n");
        }
        md.append('\n');
    }

    private void llmSection(StringBuilder md) {
        LlmRun.Counts c = llm.counts();
        md.append("## With the LLM\n\n");
        md.append("LLM: ").append(llm.description()).append(". Timeout ").append(ms(llm.timeout().toMillis())).append(", as the ")
                .append("product's default; ").append(llm.rounds()).append(" round(s) of the ").append(LabelledSet.SITUATIONS.size())
                .append(" situations through `SituationAnswers.answer`, the model's raw reply recorded around `Llm.stream` (the whole streamed text). The ")
                .append("first call includes the HTTP client's start-up, and p95 and p99 of so few calls are rough.\n\n");
        md.append("| answers | written by the LLM | fell back to the answer without it | LLM latency p50 / p95 / p99 ")
                .append("| whole answer p50 / p95 / p99 | tokens in | tokens out | tokens per answer |\n|---|---|---|---|---|---|---|---|\n");
        String reasons = llm.fallbacks().isEmpty() ? "" : " (" + llm.fallbacks().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")";
        md.append("| ").append(c.answers).append(" | ").append(c.written).append(" | ").append(c.answers - c.written).append(reasons)
                .append(" | ").append(percentiles(llm.llmLatency())).append(" | ").append(percentiles(llm.answerLatency()))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", c.tokensIn)).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", c.tokensOut)).append(" | ")
                .append(c.answers == 0 ? "—" : String.format(Locale.ROOT, "%,.0f", (c.tokensIn + c.tokensOut) / (double) c.answers))
                .append(" |\n");
        if (c.notCaptured > 0) {
            md.append("\n**").append(c.notCaptured).append(" answers made no call the harness saw** (`SituationAnswers` no longer ")
                    .append("calls `Llm.write`?): their raw output is not judged.\n");
        }
        md.append('\n');
    }

    private void latency(StringBuilder md) {
        md.append("## Latency\n\n");
        md.append("Milliseconds, p50 / p95 / p99, each search including its query's MiniLM embedding (BM25 alone embeds ")
                .append("nothing). ").append(rounds).append(" timed rounds of every query after a warm-up round, one at a ")
                .append("time on one thread, on the ").append(String.format(Locale.ROOT, "%,d", courses)).append("-item catalogue, ")
                .append("after waiting (at most 2 minutes) for other processes to use less than 0.3 cores. Other processes used ")
                .append(ReportText.cores(searchOthers)).append(" cores on average during the timed searches, ")
                .append(answers.stream().map(a -> ReportText.cores(a.others())).collect(Collectors.joining(" and ")))
                .append(" during the timed answers below, in that order (the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores): on a busy machine the tails grow.\n\n");
        md.append("| search | k | timed searches per ranking | BM25 | vectors | hybrid (production) |\n|---|---|---|---|---|---|\n");
        for (SetResult set : sets) {
            latencyRow(md, set.set(), String.valueOf(set.probes().getFirst().probe().k()), set.probes());
        }
        latencyRow(md, "**all**", "", sets.stream().flatMap(s -> s.probes().stream()).toList());
        md.append("\n| whole answer | timed | p50 | p95 | p99 |\n|---|---|---|---|---|\n");
        for (AnswerRun run : answers) {
            md.append("| ").append(run.what()).append(" | ").append(run.latency().count()).append(" | ")
                    .append(ms(run.latency().millisAt(50))).append(" | ").append(ms(run.latency().millisAt(95))).append(" | ")
                    .append(ms(run.latency().millisAt(99))).append(" |\n");
        }
        if (llm != null) {
            Stats s = llm.answerLatency();
            md.append("| just-in-time help with the LLM (").append(s.count()).append(" answers: p95 and p99 of so few are rough) | ")
                    .append(s.count()).append(" | ").append(ms(s.millisAt(50))).append(" | ").append(ms(s.millisAt(95)))
                    .append(" | ").append(ms(s.millisAt(99))).append(" |\n");
        }
        md.append('\n');
    }

    private static void latencyRow(StringBuilder md, String name, String k, List<ProbeResult> probes) {
        md.append("| ").append(name).append(" | ").append(k).append(" | ");
        boolean first = true;
        for (SearchMode mode : MODES) {
            Stats stats = new Stats();
            probes.forEach(p -> stats.add(p.latencies().get(mode)));
            if (first) {
                md.append(stats.count()).append(" | ");
                first = false;
            }
            md.append(percentiles(stats)).append(mode == SearchMode.HYBRID ? " |\n" : " | ");
        }
    }

    private void perQuery(StringBuilder md, String set, String title) {
        md.append("## ").append(title).append("\n\n");
        md.append("| query | labels | relevant in the catalogue | nDCG@5 BM25 / vectors / hybrid | recall@10 BM25 / vectors / hybrid ")
                .append("| hybrid's first item |\n|---|---|---|---|---|---|\n");
        for (SetResult s : sets) {
            if (!s.set().equals(set)) {
                continue;
            }
            for (ProbeResult p : s.probes()) {
                md.append("| ").append(p.probe().text().replace("|", "\\|")).append(" | ")
                        .append(p.probe().labels().stream().sorted().collect(Collectors.joining(", "))).append(" | ")
                        .append(p.probe().relevantInCatalogue())
                        .append(" | ").append(MODES.stream().map(m -> f2(p.scores().get(m).ndcg5())).collect(Collectors.joining(" / ")))
                        .append(" | ").append(MODES.stream().map(m -> f2(p.scores().get(m).recall10())).collect(Collectors.joining(" / ")))
                        .append(" | ").append(p.hybridProduction().isEmpty() ? "—" : first(p)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String first(ProbeResult p) {
        SearchHit hit = p.hybridProduction().getFirst();
        return hit.item().title().replace("|", "\\|") + (p.probe().relevant().test(hit.item()) ? "" : " (not relevant)");
    }

    private static void method(StringBuilder md) {
        md.append("## How the labels were made\n\n");
        md.append("Nobody judged course by course. Every label is an OCW topic (the export's `CR_KEYWORDS`), checked against ")
                .append("the export before the run, and a course is relevant to a query when it carries one of the query's ")
                .append("labels; a label of joined topics (`Communication & Business`) needs all of them. So relevance is ")
                .append("coarse: a topic is not a grade, a course about the situation that lacks the topic counts as a miss, ")
                .append("and a course that carries the topic but is about something else counts as a hit (`Organizational ")
                .append("Behavior` holds a military-history seminar as well as negotiation).\n\n");
        md.append("- **Catalogue questions and keywords** are the catalogue benchmark's `BenchQueries` (")
                .append(dev.stepwise.core.catalogue.bench.BenchQueries.QUESTIONS.size()).append(" questions in chat words, ")
                .append(dev.stepwise.core.catalogue.bench.BenchQueries.KEYWORDS.size()).append(" searches in the subject's own words).\n");
        md.append("- **Situations** (").append(LabelledSet.SITUATIONS.size()).append(") are phrased as a leader asks for help in ")
                .append("chat, a few with a goal or what good looks like (the answer searches all of it), each labelled with the ")
                .append("business-school and communication topics whose courses would help. The catalogue is a university's, ")
                .append("not a company's: there is no course on supplier negotiation as such, so these labels are the roughest.\n");
        md.append("- **Gap queries** (").append(LabelledSet.GAPS.size()).append(") name a skill of the organisation, which here is ")
                .append("an OCW topic since the items carry topics as skills, where the person is now, and the description the ")
                .append("competency matrix gives the skill (stored on the skill; the search uses name and description). The ")
                .append("product filters to the skill and the next stage, so every result carries the skill by construction; ")
                .append("the labels are the narrower topics that fit the description (skill *Finance*, \"Keeping the books: ")
                .append("budgets, costs, balance sheets and financial reports\", labelled *Accounting*), and a course counts ")
                .append("when it also suits the next stage. They measure which of the skill's courses come first, which is ")
                .append("what decides the three suggestions.\n\n");
        md.append("## What the numbers mean\n\n");
        md.append("They compare the three rankings with each other on the same coarse labels, and they catch a change that ")
                .append("makes retrieval worse; they do not say how good the help is for a person. A figure near 1 means the ")
                .append("first results carry the labelled topics, not that they are the best courses. Differences of a few ")
                .append("hundredths between rankings are within what the labels can tell apart (").append(LabelledSet.SITUATIONS.size())
                .append(" situations: one query moving from 0.6 to 0.8 moves the set's mean by 0.01), and the vector ")
                .append("search is approximate (HNSW, its graph built anew each run from items with new ids), so the vector ")
                .append("and hybrid means move by up to about 0.02 from run to run, and single queries by much more. ")
                .append("Grounding without an ")
                .append("LLM is 100 % by construction (the answer shows retrieved items, with no text of its own); the check ")
                .append("is there so that the same table shows the LLM's rows when one is configured.\n");
    }

    private static String percentiles(Stats stats) {
        if (stats.count() == 0) {
            return "—";
        }
        return ms(stats.millisAt(50)) + " / " + ms(stats.millisAt(95)) + " / " + ms(stats.millisAt(99));
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static final String DEFAULT_NOTES = """

            ## Notes

            Written by hand; kept when the harness rewrites the figures above.
            """;
}
