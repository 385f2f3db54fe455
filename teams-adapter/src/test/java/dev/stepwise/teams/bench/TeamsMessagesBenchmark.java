package dev.stepwise.teams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.organisation.ChannelIdentity;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestOrganisation;
import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.teams.TeamsPayloads;
import dev.stepwise.teams.TeamsTestApplication;
import dev.stepwise.teams.auth.BotFrameworkTokens;
import dev.stepwise.teams.inbound.ActivityJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the Teams adapter handles authenticated personal-chat {@code message} activities under load: the HTTP
 * answer the Bot Connector waits for (the token checked, the activity parsed and handed to the workers), and the
 * reply reaching the Bot Connector (the core's turn on real PostgreSQL and Redis, the card rendered and posted).
 * Not a test: it asserts only that the harness worked, and writes its figures and the budget's verdict to
 * {@code docs/benchmarks/teams-messages.md}. Runs only with {@code -Pbenchmark} (see {@link MessagesReport#COMMAND});
 * knobs in {@link TeamsBenchSettings}.
 *
 * <p>Microsoft's side is WireMock ({@link BenchBotFramework}); the load comes from bot-core's shared
 * {@link LoadGenerator} over loopback keep-alive connections. Phases: cold start (the very first requests after boot),
 * the JIT's warm-up (not measured: a closed loop, then rounds at the budget's rate until the JIT compilers go quiet),
 * open loop at the budget's rate, closed loop; then the token check and the activity parsing timed apart on one thread.
 */
@Tag("benchmark")
class TeamsMessagesBenchmark {

    private static final Logger log = LoggerFactory.getLogger(TeamsMessagesBenchmark.class);

    @Test
    void messageActivitiesUnderLoad() throws Exception {
        TeamsBenchSettings settings = TeamsBenchSettings.fromSystemProperties();
        CpuMeter.countThreads("teams-work-", "adapter workers");
        CpuMeter.countThreads("HttpClient-", "Bot Connector HTTP client");
        try (BenchBotFramework microsoft = new BenchBotFramework(settings.loginDelay())) {
            List<TeamsTraffic.Sender> senders = knownPeople(settings.organisations());
            CpuMeter.countPostgresOn(URI.create(RealServers.get().jdbcUrl().substring("jdbc:".length())).getPort());
            TeamsTraffic traffic = new TeamsTraffic(senders, microsoft.minter(), BenchBotFramework.APP_ID,
                    microsoft.serviceUrl(), settings.tokens());
            microsoft.onActivity(traffic::replied);

            Map<String, Long> before = microsoft.snapshot();
            long bootStart = System.nanoTime();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(TeamsTestApplication.class).properties(
                    "server.port=0", "spring.main.banner-mode=off",
                    "stepwise.teams.app-id=" + BenchBotFramework.APP_ID,
                    "stepwise.teams.app-password=" + BenchBotFramework.APP_PASSWORD,
                    "stepwise.teams.open-id-metadata-url=" + microsoft.metadataUrl(),
                    "stepwise.teams.token-endpoint=" + microsoft.tokenEndpoint()).run();
            double bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            Map<String, Long> atBoot = since(before, microsoft.snapshot());

            try (app) {
                ThreadPoolExecutor workers = app.getBean("teamsWorkers", ThreadPoolExecutor.class);
                LoadGenerator load = new LoadGenerator(port(app), "/api/messages", traffic);
                List<MessagesReport.Work> work = new ArrayList<>();

                // 1. Cold start: the very first requests after boot, at the open-loop rate.
                waitForQuiet(settings);
                log.info("Cold start: {} requests/s for {}", settings.rate(), settings.coldWindow());
                before = microsoft.snapshot();
                long from = System.nanoTime();
                Progress progress = Progress.of(workers, microsoft, traffic.start("cold start", from, Long.MAX_VALUE));
                LoadGenerator.OpenLoop cold = load.openLoop("k", settings.rate(), settings.connections(), Duration.ZERO,
                        settings.coldWindow());
                MessagesReport.Work coldWork = progress.after(null);
                work.add(coldWork);
                Map<String, Long> underColdLoad = since(before, microsoft.snapshot());

                // 2. The JIT's warm-up: nothing measured.
                log.info("JIT warm-up: closed loop of {}", settings.jitWarmUp());
                from = System.nanoTime();
                progress = Progress.of(workers, microsoft, traffic.start("JIT warm-up (closed loop)", from,
                        from + settings.jitWarmUp().toNanos()));
                load.closedLoop("j", settings.clients(), Duration.ZERO, settings.jitWarmUp());
                work.add(progress.after(settings.jitWarmUp()));
                // The workers' path runs far fewer times than the requests' in a closed loop: at the budget's rate, in
                // rounds, until the JIT compiles less than a set share of a core (or for at most jitSettleMax).
                from = System.nanoTime();
                progress = Progress.of(workers, microsoft, traffic.start("JIT settling (open loop)", from, Long.MAX_VALUE));
                List<Double> settling = new ArrayList<>();
                while (System.nanoTime() - from < settings.jitSettleMax().toNanos()) {
                    LoadGenerator.OpenLoop round = load.openLoop("w" + settling.size(), settings.rate(), settings.connections(),
                            Duration.ZERO, settings.jitSettleRound());
                    settling.add(round.cpu().jit());
                    log.info("JIT settling: compiling took {} cores", String.format(Locale.ROOT, "%.2f", round.cpu().jit()));
                    if (round.cpu().jit() < settings.jitSettledCores()) {
                        break;
                    }
                }
                work.add(progress.after(null));

                // 3. Open loop at the budget's rate.
                waitForQuiet(settings);
                log.info("Open loop: {} requests/s", settings.rate());
                from = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100) + settings.warmUp().toNanos();
                progress = Progress.of(workers, microsoft, traffic.start("open loop", from, from + settings.measure().toNanos()));
                LoadGenerator.OpenLoop open = load.openLoop("o", settings.rate(), settings.connections(), settings.warmUp(),
                        settings.measure());
                MessagesReport.Work openWork = progress.after(settings.measure());
                work.add(openWork);

                // 4. Closed loop: as many requests as the adapter answers.
                waitForQuiet(settings);
                log.info("Closed loop: {} clients", settings.clients());
                from = System.nanoTime() + settings.closedWarmUp().toNanos();
                progress = Progress.of(workers, microsoft, traffic.start("closed loop", from,
                        from + settings.closedMeasure().toNanos()));
                LoadGenerator.ClosedLoop closed = load.closedLoop("c", settings.clients(), settings.closedWarmUp(),
                        settings.closedMeasure());
                MessagesReport.Work closedWork = progress.after(settings.closedMeasure());
                work.add(closedWork);

                // 5. The request thread's two big costs, timed apart on one thread.
                log.info("Timing the token check and the activity parsing apart");
                MessagesReport.Costs costs = costs(app.getBean(BotFrameworkTokens.class), traffic, microsoft.serviceUrl());

                MessagesReport report = new MessagesReport(settings, bootSeconds, atBoot, underColdLoad, cold, coldWork,
                        settling, open, openWork, closed, closedWork, work, costs, traffic.senders(), traffic.tokens(),
                        traffic.unmatchedReplies(), CpuMeter.tomcat(1));
                report.write(settings.output());
                log.info("Figures written to {}:\n{}", settings.output(), report.generated());

                assertThat(open.measured().ok()).as("the adapter answered the open-loop run").isPositive();
                assertThat(openWork.answered()).as("the adapter's replies reached the Bot Connector").isPositive();
            }
        }
    }

    /**
     * CPU time per call on this thread, after as many calls to warm up: the token check of a request (RS256 signature
     * and claims, the key already known) and the parsing of its body ({@link ActivityJson#parse}), both as the
     * endpoint calls them.
     */
    private static MessagesReport.Costs costs(BotFrameworkTokens tokens, TeamsTraffic traffic, String serviceUrl) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String body = new String(traffic.request("z", 0).body(), StandardCharsets.UTF_8);
        int calls = 10_000;
        double[] micros = new double[2];
        for (int round = 0; round < 2; round++) { // the first round warms up
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                if (tokens.verify(traffic.bearer(i), serviceUrl, "msteams") instanceof dev.stepwise.teams.auth.TokenVerdict.Refused r) {
                    throw new AssertionError("a benchmark token was refused: " + r.reason());
                }
            }
            micros[0] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / calls;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                if (ActivityJson.parse(body).isEmpty()) {
                    throw new AssertionError("a benchmark activity didn't parse");
                }
            }
            micros[1] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / calls;
        }
        return new MessagesReport.Costs(micros[0], micros[1], calls);
    }

    private static void waitForQuiet(TeamsBenchSettings settings) throws InterruptedException {
        CpuMeter.waitForQuiet(settings.quietWait(), settings.quietCores());
    }

    /** Five known people in each of {@code organisations} fresh organisations, each connected to its own tenant. */
    private static List<TeamsTraffic.Sender> knownPeople(int organisations) {
        People people = CoreTestContext.bean(People.class);
        Organisations orgs = CoreTestContext.bean(Organisations.class);
        List<TeamsTraffic.Sender> senders = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            TestOrganisation org = TestOrganisation.create();
            String tenant = orgs.identities(org.id(), "teams").stream().map(ChannelIdentity::externalId).findFirst()
                    .orElseThrow();
            for (String person : List.of("maya", "priya", "ben", "bea", "sam")) {
                TeamsPayloads.User user = TeamsPayloads.User.named(org.person(person).name());
                people.addIdentity(org.id(), org.personId(person), "teams", user.aadObjectId());
                senders.add(new TeamsTraffic.Sender(tenant, user));
            }
        }
        return senders;
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> calls = new HashMap<>();
        after.forEach((kind, count) -> calls.put(kind, count - before.getOrDefault(kind, 0L)));
        return calls;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The worker pool's and the Bot Connector's counts at the start of a phase. */
    private record Progress(ThreadPoolExecutor workers, BenchBotFramework microsoft, TeamsTraffic.Phase phase,
                            long startNanos, long handedOver, long completed, long activities) {

        static Progress of(ThreadPoolExecutor workers, BenchBotFramework microsoft, TeamsTraffic.Phase phase) {
            return new Progress(workers, microsoft, phase, System.nanoTime(), workers.getTaskCount(),
                    workers.getCompletedTaskCount(), microsoft.calls(BenchBotFramework.ACTIVITY));
        }

        /**
         * Waits for the pool to drain (at most three minutes), then what happened since the start; replies per second
         * over the phase's {@code window}, or with none from the start until the pool drained.
         */
        MessagesReport.Work after(Duration window) throws InterruptedException {
            long start = System.nanoTime();
            while ((workers.getActiveCount() > 0 || !workers.getQueue().isEmpty())
                    && System.nanoTime() - start < 180_000_000_000L) {
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            double drained = (end - start) / 1e9;
            double seconds = window == null ? (end - startNanos) / 1e9 : window.toNanos() / 1e9;
            Thread.sleep(200);
            TeamsTraffic.Outcome outcome = phase.finish();
            return new MessagesReport.Work(phase.name, phase.sent.sum(), phase.acknowledged.sum(), phase.refused.sum(),
                    workers.getTaskCount() - handedOver, workers.getCompletedTaskCount() - completed,
                    microsoft.calls(BenchBotFramework.ACTIVITY) - activities, outcome.answered(), outcome.unanswered(),
                    outcome.several(), phase.repliesInWindow.sum() / seconds, drained, phase.endToEnd);
        }
    }
}
