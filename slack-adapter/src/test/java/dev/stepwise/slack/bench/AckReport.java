package dev.stepwise.slack.bench;

import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.core.testing.bench.ReportText;
import dev.stepwise.core.testing.bench.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the benchmark's figures as markdown. Everything above {@link #KEEP_MARKER} is rewritten on every run;
 * everything below it (findings, before/after figures) is written by people and kept as it is.
 */
final class AckReport {

    static final String KEEP_MARKER = ReportText.KEEP_MARKER;
    static final String COMMAND = "./mvnw -pl slack-adapter -am -Pbenchmark verify";

    /** One app's figures; a phase it didn't run is null. {@code tomcat} is its Tomcat's thread group. */
    record AppRun(String app, String tomcat, ColdStart cold, LoadGenerator.OpenLoop open, long openAuthTests,
                  LoadGenerator.ClosedLoop closed) {
    }

    /** An app's first requests after boot: auth.test calls at boot and under that first load, and their latencies. */
    record ColdStart(long authTestsAtBoot, long authTestsUnderLoad, Stats latencies) {
    }

    /** What an adapter did after acknowledging, in one phase. */
    record Work(String phase, long acknowledged, long handedOver, long completed, long replies, double drainSeconds) {
    }

    private final BenchSettings settings;
    private final AppRun bare;
    private final AppRun adapter;
    private final AppRun oauth;
    private final AppRun noWork;
    private final List<Work> work;
    private final int senders;

    /**
     * @param bare    the bare Bolt app
     * @param adapter the adapter as the test harness runs it (single workspace, bot token)
     * @param oauth   the adapter in multi-workspace (OAuth) mode, open loop only
     * @param noWork  the adapter with its work after the acknowledgement thrown away, closed loop only
     */
    AckReport(BenchSettings settings, AppRun bare, AppRun adapter, AppRun oauth, AppRun noWork, List<Work> work, int senders) {
        this.settings = settings;
        this.bare = bare;
        this.adapter = adapter;
        this.oauth = oauth;
        this.noWork = noWork;
        this.work = work;
        this.senders = senders;
    }

    boolean latencyBudgetMet(AppRun run) {
        Stats s = run.open().measured();
        return s.millisAt(99) < settings.p99BudgetMillis() && s.errors() == 0;
    }

    double throughputRatio(AppRun run) {
        return run.closed().throughput() / bare.closed().throughput();
    }

    /**
     * The budget is about acknowledging: what the adapter does before it answers Slack, against bare Bolt's
     * {@code ctx.ack()}. The work after the acknowledgement is reported end to end beside it, without a budget: on the
     * same cores it can only be slower than no work at all.
     */
    boolean throughputBudgetMet() {
        return throughputRatio(noWork) >= settings.throughputBudget();
    }

    void write(Path file) throws IOException {
        ReportText.write(file, generated(), defaultNotes());
    }

    String generated() {
        StringBuilder md = new StringBuilder();
        md.append("# Slack adapter: acknowledgement latency and throughput\n\n");
        md.append("Written by `SlackAckBenchmark` (`slack-adapter/src/test/java/dev/stepwise/slack/bench/`) on ")
                .append(ReportText.now())
                .append(".\n\n");
        md.append("- **Command**: `").append(ReportText.command(COMMAND)).append("` (from the repository root; needs only a JDK 21+)\n");
        md.append("- **Machine**: ").append(ReportText.machine()).append('\n');
        md.append("- **JDK**: ").append(ReportText.jdk()).append('\n');
        md.append("- **Requests**: signed, over loopback, half `event_callback` (a DM saying \"my goals\", each with its own ")
                .append("`event_id`) and half `/stepwise my feedback` slash commands, from ").append(senders)
                .append(" known people in ").append(settings.organisations()).append(" connected workspaces. The load ")
                .append("generator, every app, WireMock (Slack's Web API and response URLs), PostgreSQL and Redis share the ")
                .append("machine's cores, in one JVM except the two servers.\n");
        md.append("- **Apps**: the *bare Bolt app* acknowledges with `ctx.ack()` only, behind an endpoint doing only ")
                .append("`SlackRequestParser` + `App.run` on the same Boot Tomcat + Spring MVC stack as the adapter (Bolt ")
                .append("verifies the signature); the *adapter* is the real one (core + adapter, real PostgreSQL and Redis), ")
                .append("single-workspace with a bot token as the test harness runs it, its work after each acknowledgement ")
                .append("running for real; *OAuth mode* is the same adapter serving installed workspaces; *work thrown away* ")
                .append("is the adapter with its worker pool replaced by one that discards the work, so that only its ")
                .append("acknowledgement path is measured (what the throughput budget is about; not a configuration anyone ")
                .append("runs).\n\n");

        md.append("## Budgets\n\n");
        md.append("| budget | measured | verdict |\n|---|---|---|\n");
        for (AppRun run : List.of(adapter, oauth)) {
            Stats s = run.open().measured();
            md.append("| ").append(run.app()).append(": p99 under ").append(fmt(settings.p99BudgetMillis())).append(" ms at ")
                    .append(settings.rate()).append(" requests/s, no errors | p99 ").append(ms(s.millisAt(99))).append(", ")
                    .append(s.errors()).append(" errors | **").append(latencyBudgetMet(run) ? "PASS" : "FAIL").append("** |\n");
        }
        md.append("| acknowledgement throughput at least ").append(Math.round(settings.throughputBudget() * 100))
                .append("% of the bare Bolt app's (closed loop; the adapter's acknowledgement path, its work after the ")
                .append("acknowledgement discarded: *").append(noWork.app()).append("*) | ")
                .append(Math.round(throughputRatio(noWork) * 100)).append("% (").append(rate(noWork.closed().throughput()))
                .append(" vs ").append(rate(bare.closed().throughput())).append(" requests/s) | **")
                .append(throughputBudgetMet() ? "PASS" : "FAIL").append("** |\n");
        md.append("| end to end, no budget: the adapter acknowledging *and* doing every turn on the same 2 cores (closed ")
                .append("loop) | ").append(rate(adapter.closed().throughput())).append(" requests/s acknowledged (")
                .append(Math.round(throughputRatio(adapter) * 100)).append("% of bare Bolt's), the rest answered 503 + ")
                .append("Retry-After; Slack sends at most 30,000 events per workspace per hour (8.3/s) | reported |\n\n");

        md.append("## Open loop: ").append(settings.rate()).append(" requests/s for ").append(seconds(settings.measure()))
                .append(" after a ").append(seconds(settings.warmUp())).append(" warm-up\n\n");
        md.append("Latency runs from each request's scheduled send time to its answer (no coordinated omission), over up to ")
                .append(settings.connections()).append(" keep-alive connections.\n\n");
        md.append("| app | requests | p50 | p99 | p99.9 | max | achieved rate | errors (non-2xx or none) | auth.test calls |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (AppRun run : List.of(bare, adapter, oauth)) {
            Stats s = run.open().measured();
            md.append("| ").append(run.app()).append(" | ").append(s.count()).append(" | ").append(ms(s.millisAt(50)))
                    .append(" | ").append(ms(s.millisAt(99))).append(" | ").append(ms(s.millisAt(99.9))).append(" | ")
                    .append(ms(s.maxMillis())).append(" | ").append(rate(s.ok() / run.open().seconds())).append("/s | ")
                    .append(errors(s)).append(" | ").append(run.openAuthTests()).append(" |\n");
        }
        md.append('\n');

        md.append("## Closed loop: ").append(bare.closed().clients()).append(" clients for ").append(seconds(settings.closedMeasure()))
                .append(" after a ").append(seconds(settings.closedWarmUp())).append(" warm-up\n\n");
        md.append("Each client sends its next request when the last is answered.\n\n");
        md.append("| app | requests | throughput | vs bare Bolt | p50 | p99 | p99.9 | max | errors |\n|---|---|---|---|---|---|---|---|---|\n");
        for (AppRun run : List.of(bare, adapter, noWork)) {
            Stats s = run.closed().measured();
            md.append("| ").append(run.app()).append(" | ").append(s.count()).append(" | ").append(rate(run.closed().throughput()))
                    .append("/s | ").append(String.format(Locale.ROOT, "%.2f", throughputRatio(run))).append(" | ")
                    .append(ms(s.millisAt(50))).append(" | ").append(ms(s.millisAt(99))).append(" | ")
                    .append(ms(s.millisAt(99.9))).append(" | ").append(ms(s.maxMillis())).append(" | ").append(errors(s)).append(" |\n");
        }
        md.append('\n');

        md.append("## Cold start: the first ").append(seconds(settings.coldWindow())).append(" of load after boot\n\n");
        md.append("Each app's very first requests, at ").append(settings.rate()).append(" requests/s. WireMock answers ")
                .append("`auth.test` after ").append(settings.authTestDelay().toMillis()).append(" ms (a Slack round trip), ")
                .append("every other call at once. The JIT is cold here too (the later phases follow a ")
                .append(seconds(settings.jitWarmUp())).append(" closed-loop warm-up per app): the auth.test count is what ")
                .append("tells Bolt's cold-start stampede.\n\n");
        md.append("| app | auth.test calls at boot | auth.test calls under the first load | requests | p50 | p99 | max | errors |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (AppRun run : List.of(bare, adapter)) {
            Stats s = run.cold().latencies();
            md.append("| ").append(run.app()).append(" | ").append(run.cold().authTestsAtBoot()).append(" | ")
                    .append(run.cold().authTestsUnderLoad()).append(" | ").append(s.count()).append(" | ").append(ms(s.millisAt(50)))
                    .append(" | ").append(ms(s.millisAt(99))).append(" | ").append(ms(s.maxMillis())).append(" | ")
                    .append(errors(s)).append(" |\n");
        }
        md.append('\n');

        md.append("## Where the CPU went\n\n");
        md.append("Cores used on average over each measured window (the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append("): the JVM's per-thread CPU times, its child processes' (`/proc/<pid>/schedstat`) and the machine's ")
                .append("(`/proc/stat`). *Other processes* (machine minus ours) are not part of the benchmark: on a shared ")
                .append("machine they take CPU from it, and the figures above with it; `/proc/stat` samples on timer ticks, ")
                .append("so on a mostly idle machine it misses short bursts and the machine and other-process columns read ")
                .append("low. *Tomcat CPU per request* is the app's request threads' CPU divided by the requests answered.\n\n");
        md.append("| phase | machine | other processes | load generator | app's Tomcat threads | adapter workers | WireMock | ")
                .append("PostgreSQL + Redis servers | Redis client | Slack SDK HTTP | GC, JIT, rest of JVM | Tomcat CPU per request |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Object[]> rows = new ArrayList<>();
        for (AppRun run : List.of(bare, adapter, oauth)) {
            rows.add(new Object[] {"open loop, " + run.app(), run.open().cpu(), run.tomcat(), run.open().measured().count()});
        }
        for (AppRun run : List.of(bare, adapter, noWork)) {
            rows.add(new Object[] {"closed loop, " + run.app(), run.closed().cpu(), run.tomcat(), run.closed().measured().count()});
        }
        for (Object[] row : rows) {
            cpuRow(md, (String) row[0], (CpuMeter.Usage) row[1], (String) row[2], (Long) row[3]);
        }
        md.append('\n');

        md.append("## The adapter's work after the acknowledgement\n\n");
        md.append("Each acknowledged request is handed to the adapter's worker pool (the core's turn, then the reply ")
                .append("to WireMock: `chat.postMessage` for a DM, the response URL for a command); after each phase the ")
                .append("benchmark waits for the pool to drain. Acknowledged work that the full queue refused is lost.\n\n");
        md.append("| phase | acknowledged | handed to the workers | turns completed | replies received by WireMock | drained after |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Work w : work) {
            md.append("| ").append(w.phase()).append(" | ").append(w.acknowledged()).append(" | ").append(w.handedOver())
                    .append(" | ").append(w.completed()).append(" | ").append(w.replies()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", w.drainSeconds())).append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }

    private static void cpuRow(StringBuilder md, String phase, CpuMeter.Usage cpu, String tomcat, long requests) {
        md.append("| ").append(phase);
        for (double cores : new double[] {cpu.machine(), cpu.others(), cpu.group("load generator"), cpu.group(tomcat),
                cpu.group("adapter workers"), cpu.group("WireMock"), cpu.children(), cpu.group("Redis client"),
                cpu.group("Slack SDK HTTP client"), cpu.jvmOther()}) {
            md.append(" | ").append(String.format(Locale.ROOT, "%.2f", cores));
        }
        double micros = requests == 0 ? 0 : cpu.group(tomcat) * cpu.seconds() * 1e6 / requests;
        md.append(" | ").append(String.format(Locale.ROOT, "%.0f µs", micros)).append(" |\n");
    }

    private static String defaultNotes() {
        return "\n## Notes\n\n(Findings and before/after figures go here.)\n";
    }

    private static String errors(Stats s) {
        return ReportText.errors(s);
    }

    private static String ms(double millis) {
        return ReportText.ms(millis);
    }

    private static String rate(double perSecond) {
        return ReportText.rate(perSecond);
    }

    private static String fmt(double value) {
        return ReportText.fmt(value);
    }

    private static String seconds(Duration duration) {
        return ReportText.seconds(duration);
    }
}
