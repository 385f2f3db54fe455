package dev.stepwise.teams.bench;

import static dev.stepwise.core.testing.bench.ReportText.cores;
import static dev.stepwise.core.testing.bench.ReportText.errors;
import static dev.stepwise.core.testing.bench.ReportText.fmt;
import static dev.stepwise.core.testing.bench.ReportText.ms;
import static dev.stepwise.core.testing.bench.ReportText.rate;
import static dev.stepwise.core.testing.bench.ReportText.seconds;

import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.core.testing.bench.ReportText;
import dev.stepwise.core.testing.bench.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the benchmark's figures as markdown. Everything above {@link ReportText#KEEP_MARKER} is rewritten on every
 * run; everything below it (findings, before/after figures) is written by people and kept as it is.
 */
final class MessagesReport {

    static final String COMMAND = "./mvnw -pl teams-adapter -am -Pbenchmark verify";

    /**
     * What the adapter did with one phase's requests: {@code answered} requests got a reply at the Bot Connector,
     * {@code unanswered} were acknowledged (2xx) and never got one, {@code several} got more than one;
     * {@code repliesPerSecond} counts replies arriving in the phase's measured window; {@code endToEnd} times the
     * first reply of each measured request from its scheduled send.
     */
    record Work(String phase, long sent, long acknowledged, long refused, long handedOver, long completed, long activities,
                long answered, long unanswered, long several, double repliesPerSecond, double drainSeconds, Stats endToEnd) {
    }

    /** CPU time per call, on one thread, of the token check and of the activity parsing. */
    record Costs(double verifyMicros, double parseMicros, int calls) {
    }

    private final TeamsBenchSettings settings;
    private final double bootSeconds;
    private final Map<String, Long> atBoot;
    private final Map<String, Long> underColdLoad;
    private final LoadGenerator.OpenLoop cold;
    private final Work coldWork;
    private final List<Double> settling;
    private final LoadGenerator.OpenLoop open;
    private final Work openWork;
    private final LoadGenerator.ClosedLoop closed;
    private final Work closedWork;
    private final List<Work> work;
    private final Costs costs;
    private final int senders;
    private final int tokens;
    private final long unmatchedReplies;
    private final String tomcat;

    MessagesReport(TeamsBenchSettings settings, double bootSeconds, Map<String, Long> atBoot, Map<String, Long> underColdLoad,
                   LoadGenerator.OpenLoop cold, Work coldWork, List<Double> settling, LoadGenerator.OpenLoop open, Work openWork,
                   LoadGenerator.ClosedLoop closed, Work closedWork, List<Work> work, Costs costs, int senders, int tokens,
                   long unmatchedReplies, String tomcat) {
        this.settings = settings;
        this.bootSeconds = bootSeconds;
        this.atBoot = atBoot;
        this.underColdLoad = underColdLoad;
        this.cold = cold;
        this.coldWork = coldWork;
        this.settling = settling;
        this.open = open;
        this.openWork = openWork;
        this.closed = closed;
        this.closedWork = closedWork;
        this.work = work;
        this.costs = costs;
        this.senders = senders;
        this.tokens = tokens;
        this.unmatchedReplies = unmatchedReplies;
        this.tomcat = tomcat;
    }

    boolean budgetMet() {
        Stats s = open.measured();
        return s.millisAt(99) < settings.p99BudgetMillis() && s.errors() == 0;
    }

    boolean endToEndWithin() {
        return openWork.endToEnd().millisAt(99) < settings.p99BudgetMillis() && openWork.unanswered() == 0;
    }

    void write(Path file) throws IOException {
        ReportText.write(file, generated(), "\n## Notes\n\n(Findings and before/after figures go here.)\n");
    }

    String generated() {
        StringBuilder md = new StringBuilder();
        md.append("# Teams adapter: handling latency of authenticated message activities\n\n");
        md.append("Written by `TeamsMessagesBenchmark` (`teams-adapter/src/test/java/dev/stepwise/teams/bench/`) on ")
                .append(ReportText.now()).append(".\n\n");
        md.append("- **Command**: `").append(ReportText.command(COMMAND)).append("` (from the repository root; needs only a JDK 21+)\n");
        md.append("- **Machine**: ").append(ReportText.machine()).append('\n');
        md.append("- **JDK**: ").append(ReportText.jdk()).append('\n');
        md.append("- **Requests**: personal-chat `message` activities shaped as Teams sends them, \"my goals\" and \"my ")
                .append("feedback\" in turn, each with its own activity id, from ").append(senders).append(" known people ")
                .append("(known by their AAD object id) in ").append(settings.organisations()).append(" connected tenants, ")
                .append("POSTed to `/api/messages` over loopback keep-alive connections, each with `Authorization: Bearer ")
                .append("<JWT>`: ").append(tokens).append(" distinct RS256 tokens minted before the run with the key the ")
                .append("stand-in publishes as the Bot Framework's, valid for an hour and used in turn (the Bot Connector ")
                .append("reuses one token for up to an hour; the adapter caches no verdicts, so every request's token is ")
                .append("verified in full). Each message is in a personal conversation of its own, so that each reply tells ")
                .append("which request it answers.\n");
        md.append("- **App**: the real adapter, core + Teams adapter on real PostgreSQL and Redis as `TeamsTestApplication` ")
                .append("wires them (16 workers, a queue of 10,000). WireMock plays Microsoft: the Bot Framework's OpenID ")
                .append("metadata and key set and the token endpoint answer after ").append(settings.loginDelay().toMillis())
                .append(" ms (a round trip to Microsoft's login servers), the Bot Connector at once. The load generator, ")
                .append("the adapter and WireMock share one JVM, PostgreSQL and Redis are its child processes, all on the ")
                .append("same cores.\n");
        md.append("- **Latencies**: *HTTP answer* runs from each request's scheduled send time to its HTTP answer (no ")
                .append("coordinated omission): what the Bot Connector waits for, the token check included. *Reply* runs ")
                .append("from the same scheduled time to the bot's first reply activity reaching WireMock's Bot Connector: ")
                .append("the handling end to end, since a message is answered after its HTTP 200.\n\n");

        Stats http = open.measured();
        Stats reply = openWork.endToEnd();
        md.append("## Budget\n\n");
        md.append("| budget | measured | verdict |\n|---|---|---|\n");
        md.append("| **the issue's budget**: HTTP answer to authenticated message activities (JWT validation included), ")
                .append("p99 under ").append(fmt(settings.p99BudgetMillis())).append(" ms at ").append(settings.rate())
                .append(" requests/s, no errors | p99 ").append(ms(http.millisAt(99))).append(", ").append(http.errors())
                .append(" errors | **").append(budgetMet() ? "PASS" : "FAIL").append("** |\n");
        md.append("| for information, not the issue's budget: the reply reaching the Bot Connector (end to end) against ")
                .append("the same ").append(fmt(settings.p99BudgetMillis())).append(" ms, every acknowledged message ")
                .append("answered | p99 ").append(ms(reply.millisAt(99))).append(", ").append(openWork.unanswered())
                .append(" unanswered | ").append(endToEndWithin() ? "within" : "over").append(" |\n");
        md.append("| throughput, no budget (closed loop, ").append(closed.clients()).append(" clients) | ")
                .append(rate(closed.throughput())).append(" HTTP answers/s (")
                .append(rate(closed.measured().ok() / closed.seconds())).append("/s of them 2xx), ")
                .append(rate(closedWork.repliesPerSecond())).append(" replies/s | reported |\n\n");
        double others = Math.max(open.cpu().others(), closed.cpu().others());
        if (others > settings.quietCores()) {
            md.append("**Noisy run**: other processes on this shared machine used up to ").append(cores(others))
                    .append(" cores during the measured windows (see *Where the CPU went*); the figures are worse than the ")
                    .append("adapter's own.\n\n");
        }

        md.append("## Open loop: ").append(settings.rate()).append(" requests/s for ").append(seconds(settings.measure()))
                .append(" after a ").append(seconds(settings.warmUp())).append(" warm-up\n\n");
        md.append("Requests go out on schedule whatever the adapter does, over up to ").append(settings.connections())
                .append(" keep-alive connections.\n\n");
        md.append("| latency | requests | p50 | p99 | p99.9 | max | achieved rate | errors (non-2xx or none) / unanswered |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        md.append("| HTTP answer | ").append(http.count()).append(" | ").append(ms(http.millisAt(50))).append(" | ")
                .append(ms(http.millisAt(99))).append(" | ").append(ms(http.millisAt(99.9))).append(" | ")
                .append(ms(http.maxMillis())).append(" | ").append(rate(http.ok() / open.seconds())).append("/s | ")
                .append(errors(http)).append(" |\n");
        md.append("| reply at the Bot Connector | ").append(reply.count()).append(" | ").append(ms(reply.millisAt(50)))
                .append(" | ").append(ms(reply.millisAt(99))).append(" | ").append(ms(reply.millisAt(99.9))).append(" | ")
                .append(ms(reply.maxMillis())).append(" | ").append(rate(openWork.repliesPerSecond())).append("/s | ")
                .append(openWork.unanswered()).append(" unanswered |\n\n");

        Stats closedHttp = closed.measured();
        Stats closedReply = closedWork.endToEnd();
        md.append("## Closed loop: ").append(closed.clients()).append(" clients for ").append(seconds(settings.closedMeasure()))
                .append(" after a ").append(seconds(settings.closedWarmUp())).append(" warm-up\n\n");
        md.append("Each client sends its next request when the last is answered. Beyond what the workers keep up with ")
                .append("(a queue of 10,000) the adapter answers 503 + `Retry-After`; the reply latencies of the requests ")
                .append("it acknowledged include their wait in that queue.\n\n");
        md.append("| latency | requests | throughput | p50 | p99 | p99.9 | max | errors (non-2xx or none) / unanswered |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        md.append("| HTTP answer | ").append(closedHttp.count()).append(" | ").append(rate(closed.throughput())).append("/s | ")
                .append(ms(closedHttp.millisAt(50))).append(" | ").append(ms(closedHttp.millisAt(99))).append(" | ")
                .append(ms(closedHttp.millisAt(99.9))).append(" | ").append(ms(closedHttp.maxMillis())).append(" | ")
                .append(errors(closedHttp)).append(" |\n");
        md.append("| reply at the Bot Connector | ").append(closedReply.count()).append(" | ")
                .append(rate(closedWork.repliesPerSecond())).append("/s | ").append(ms(closedReply.millisAt(50))).append(" | ")
                .append(ms(closedReply.millisAt(99))).append(" | ").append(ms(closedReply.millisAt(99.9))).append(" | ")
                .append(ms(closedReply.maxMillis())).append(" | ").append(closedWork.unanswered()).append(" unanswered |\n\n");

        Stats coldHttp = cold.measured();
        Stats coldReply = coldWork.endToEnd();
        md.append("## Cold start: the first ").append(seconds(settings.coldWindow())).append(" of load after boot\n\n");
        md.append("The adapter's very first requests, at ").append(settings.rate()).append(" requests/s, the JIT cold too ")
                .append("(the later phases follow a ").append(seconds(settings.jitWarmUp())).append(" closed-loop warm-up, then ")
                .append(seconds(settings.jitSettleRound())).append(" rounds at ").append(settings.rate())
                .append(" requests/s until the JIT compiled less than ").append(cores(settings.jitSettledCores()))
                .append(" cores: ").append(settling.size()).append(" rounds, compiling ")
                .append(String.join(", ", settling.stream().map(ReportText::cores).toList())).append(" cores). ")
                .append("The context started in ").append(String.format(Locale.ROOT, "%.1f s", bootSeconds))
                .append(". Calls to Microsoft's login servers (each answered after ").append(settings.loginDelay().toMillis())
                .append(" ms) at boot: ").append(loginCalls(atBoot)).append("; during the first second's requests and ")
                .append("their work: ").append(loginCalls(underColdLoad)).append(".\n\n");
        md.append("| latency | requests | p50 | p99 | max | errors (non-2xx or none) / unanswered |\n|---|---|---|---|---|---|\n");
        md.append("| HTTP answer | ").append(coldHttp.count()).append(" | ").append(ms(coldHttp.millisAt(50))).append(" | ")
                .append(ms(coldHttp.millisAt(99))).append(" | ").append(ms(coldHttp.maxMillis())).append(" | ")
                .append(errors(coldHttp)).append(" |\n");
        md.append("| reply at the Bot Connector | ").append(coldReply.count()).append(" | ").append(ms(coldReply.millisAt(50)))
                .append(" | ").append(ms(coldReply.millisAt(99))).append(" | ").append(ms(coldReply.maxMillis())).append(" | ")
                .append(coldWork.unanswered()).append(" unanswered |\n\n");

        md.append("## Where the CPU went\n\n");
        md.append("Cores used on average over each measured window (the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append("): the JVM's per-thread CPU times, its child processes' (`/proc/<pid>/schedstat`) and the machine's ")
                .append("(`/proc/stat`). *Other processes* (machine minus ours) are not part of the benchmark: on a shared ")
                .append("machine they take CPU from it, and the figures above with it; `/proc/stat` samples on timer ticks, ")
                .append("so on a mostly idle machine the machine and other-process columns read low. *Per request* is the ")
                .append("Tomcat request threads' CPU divided by the requests answered; *per reply* the workers' CPU divided ")
                .append("by the replies posted in the window. Of the JVM's rest, *JIT compilers* and *GC threads* are those ")
                .append("threads' CPU (`/proc/self/task`; GC threads include the VM thread).\n\n");
        md.append("| phase | machine | other processes | load generator | Tomcat threads | adapter workers | Bot Connector HTTP client | ")
                .append("WireMock | PostgreSQL + Redis servers | Redis client | GC, JIT, rest of JVM | JIT compilers | GC threads | ")
                .append("Tomcat CPU per request | workers' CPU per reply |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        cpuRow(md, "cold start", cold.cpu(), coldHttp.count(), coldWork.repliesPerSecond());
        cpuRow(md, "open loop", open.cpu(), http.count(), openWork.repliesPerSecond());
        cpuRow(md, "closed loop", closed.cpu(), closedHttp.count(), closedWork.repliesPerSecond());
        md.append('\n');

        double perRequest = micros(open.cpu().group(tomcat), open.cpu().seconds(), http.count());
        md.append("## The token check's cost\n\n");
        md.append("CPU time per call on one thread, over ").append(String.format(Locale.ROOT, "%,d", costs.calls()))
                .append(" calls after as many to warm up, with the benchmark's tokens and activities, beside the request ")
                .append("threads' CPU per request in the open loop.\n\n");
        md.append("| on the request thread | CPU per request | share |\n|---|---|---|\n");
        md.append("| token check (`BotFrameworkTokens.verify`: RS256 signature, claims, endorsement; key known) | ")
                .append(us(costs.verifyMicros())).append(" | ").append(share(costs.verifyMicros(), perRequest)).append(" |\n");
        md.append("| activity parsing (`ActivityJson.parse`: Jackson tree, then the Bot Framework `Activity`) | ")
                .append(us(costs.parseMicros())).append(" | ").append(share(costs.parseMicros(), perRequest)).append(" |\n");
        md.append("| everything the request threads did, per request (open loop: Tomcat, Spring MVC, the above, the hand-over) | ")
                .append(us(perRequest)).append(" | 100% |\n\n");

        md.append("## The adapter's work after the acknowledgement\n\n");
        md.append("Each acknowledged message is handed to the workers (the person looked up, the core's turn, the reply ")
                .append("rendered and posted to WireMock's Bot Connector); after each phase the benchmark waits for the ")
                .append("pool to drain. *Replies/s* counts replies arriving in the phase's measured window.\n\n");
        md.append("| phase | sent | acknowledged | refused (non-2xx or none) | handed to the workers | turns completed | ")
                .append("replies posted | requests answered | acknowledged, never answered | answered more than once | ")
                .append("replies/s | drained after |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Work w : work) {
            md.append("| ").append(w.phase()).append(" | ").append(w.sent()).append(" | ").append(w.acknowledged())
                    .append(" | ").append(w.refused()).append(" | ").append(w.handedOver()).append(" | ").append(w.completed())
                    .append(" | ").append(w.activities()).append(" | ").append(w.answered()).append(" | ")
                    .append(w.unanswered()).append(" | ").append(w.several()).append(" | ").append(rate(w.repliesPerSecond()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f s", w.drainSeconds())).append(" |\n");
        }
        md.append('\n');
        if (unmatchedReplies > 0) {
            md.append("Replies to no request of the benchmark: ").append(unmatchedReplies).append(".\n\n");
        }
        return md.toString();
    }

    private void cpuRow(StringBuilder md, String phase, CpuMeter.Usage cpu, long requests, double repliesPerSecond) {
        md.append("| ").append(phase);
        for (double used : new double[] {cpu.machine(), cpu.others(), cpu.group("load generator"), cpu.group(tomcat),
                cpu.group("adapter workers"), cpu.group("Bot Connector HTTP client"), cpu.group("WireMock"), cpu.children(),
                cpu.group("Redis client"), cpu.jvmOther(), cpu.jit(), cpu.gc()}) {
            md.append(" | ").append(cores(used));
        }
        md.append(" | ").append(us(micros(cpu.group(tomcat), cpu.seconds(), requests)));
        md.append(" | ").append(us(repliesPerSecond <= 0 ? 0 : cpu.group("adapter workers") * 1e6 / repliesPerSecond)).append(" |\n");
    }

    private static double micros(double cores, double seconds, long count) {
        return count == 0 ? 0 : cores * seconds * 1e6 / count;
    }

    private static String us(double micros) {
        return String.format(Locale.ROOT, "%.0f µs", micros);
    }

    private static String share(double part, double whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
    }

    private static String loginCalls(Map<String, Long> calls) {
        return BenchBotFramework.METADATA + " " + calls.getOrDefault(BenchBotFramework.METADATA, 0L) + ", "
                + BenchBotFramework.KEYS + " " + calls.getOrDefault(BenchBotFramework.KEYS, 0L) + ", "
                + BenchBotFramework.TOKEN + " endpoint " + calls.getOrDefault(BenchBotFramework.TOKEN, 0L);
    }
}
