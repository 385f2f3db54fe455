package dev.stepwise.slack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.stepwise.core.people.People;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.RealServers;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import dev.stepwise.core.testing.bench.CpuMeter;
import dev.stepwise.core.testing.bench.LoadGenerator;
import dev.stepwise.slack.SignedRequests;
import dev.stepwise.slack.SlackTestApplication;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the Slack adapter acknowledges signed {@code event_callback}s and slash commands under load, beside a
 * bare Bolt app ({@link BareBoltApp}) answering the same requests in the same run. Not a test: it asserts only that
 * the harness worked, and writes its figures and the budgets' verdicts to {@code docs/benchmarks/slack-ack.md}.
 * Runs only with {@code -Pbenchmark} (see {@link AckReport#COMMAND}); knobs in {@link BenchSettings}.
 *
 * <p>The adapter is the real one: the core and the adapter on the real embedded PostgreSQL and Redis, Slack's Web API
 * and response URLs played by WireMock, so the work after each acknowledgement (the core's turn, the reply) really
 * runs on the same cores while acknowledgements are measured. Phases, each app in turn: cold start (the very first
 * requests after boot), the JIT's warm-up (not measured), open loop at the budget's rate, closed loop.
 */
@Tag("benchmark")
class SlackAckBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SlackAckBenchmark.class);
    private static final String BOT_TOKEN = "xoxb-bench-token";
    private static final String SIGNING_SECRET = SignedRequests.SIGNING_SECRET;

    @Test
    void acknowledgementsBesideABareBoltApp() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        CpuMeter.countThreads("slack-work-", "adapter workers");
        CpuMeter.countThreads("HttpClient-", "load generator");
        CpuMeter.countThreads("OkHttp", "Slack SDK HTTP client");
        try (BenchSlackApi api = new BenchSlackApi(settings.authTestDelay())) {
            List<SlackTraffic.Sender> senders = knownPeople(settings.organisations());
            CpuMeter.countPostgresOn(URI.create(RealServers.get().jdbcUrl().substring("jdbc:".length())).getPort());

            // Started in this order, their Tomcats are "auto-1" to "auto-4" (CpuMeter's thread groups).
            long authTests = api.calls("auth.test");
            ConfigurableApplicationContext bareApp = new SpringApplicationBuilder(BareBoltApp.class).properties(
                    "server.port=0", "spring.main.banner-mode=off",
                    "bench.slack.api-url=" + api.apiUrl(), "bench.slack.signing-secret=" + SIGNING_SECRET,
                    "bench.slack.bot-token=" + BOT_TOKEN).run();
            long bareBootAuthTests = api.calls("auth.test") - authTests;

            authTests = api.calls("auth.test");
            ConfigurableApplicationContext adapterApp = adapter(api, new SpringApplicationBuilder(SlackTestApplication.class),
                    "stepwise.slack.bot-token=" + BOT_TOKEN);
            long adapterBootAuthTests = api.calls("auth.test") - authTests;

            ConfigurableApplicationContext oauthApp = adapter(api, new SpringApplicationBuilder(SlackTestApplication.class),
                    "stepwise.slack.client-id=1234567890.0987654321", "stepwise.slack.client-secret=bench-client-secret",
                    "stepwise.slack.token-encryption-key=" + randomKey());
            install(oauthApp.getBean(InstallationService.class), senders);

            ConfigurableApplicationContext noWorkApp = adapter(api, new SpringApplicationBuilder(SlackTestApplication.class,
                    DiscardingExecutor.ThrowTheWorkAway.class), "stepwise.slack.bot-token=" + BOT_TOKEN);

            try (bareApp; adapterApp; oauthApp; noWorkApp) {
                ThreadPoolExecutor workers = adapterApp.getBean("slackWorkers", ThreadPoolExecutor.class);
                ThreadPoolExecutor oauthWorkers = oauthApp.getBean("slackWorkers", ThreadPoolExecutor.class);
                // Bolt's own signature check reads the system clock (it takes none); the adapters check on theirs.
                SlackTraffic bareTraffic = new SlackTraffic(senders, SIGNING_SECRET, api, Clock.systemUTC());
                SlackTraffic traffic = new SlackTraffic(senders, SIGNING_SECRET, api, adapterApp.getBean(Clock.class));
                LoadGenerator bare = new LoadGenerator(port(bareApp), "/slack/events", bareTraffic);
                LoadGenerator adapter = new LoadGenerator(port(adapterApp), "/slack/events", traffic);
                LoadGenerator oauth = new LoadGenerator(port(oauthApp), "/slack/events", traffic);
                LoadGenerator noWork = new LoadGenerator(port(noWorkApp), "/slack/events", traffic);
                List<AckReport.Work> work = new ArrayList<>();

                // 1. Cold start: each app's first requests after boot, at the open-loop rate.
                waitForQuiet(settings);
                log.info("Cold start, bare Bolt: {} requests/s for {}", settings.rate(), settings.coldWindow());
                authTests = api.calls("auth.test");
                LoadGenerator.OpenLoop bareCold = bare.openLoop("kb", settings.rate(), settings.connections(),
                        Duration.ZERO, settings.coldWindow());
                long bareColdAuthTests = api.calls("auth.test") - authTests;

                waitForQuiet(settings);
                log.info("Cold start, adapter: {} requests/s for {}", settings.rate(), settings.coldWindow());
                authTests = api.calls("auth.test");
                Progress progress = Progress.of(workers, api);
                LoadGenerator.OpenLoop adapterCold = adapter.openLoop("ka", settings.rate(), settings.connections(),
                        Duration.ZERO, settings.coldWindow());
                long adapterColdAuthTests = api.calls("auth.test") - authTests;
                work.add(progress.after("cold start", adapterCold.acknowledged()));

                // 2. The JIT's warm-up, for every app: nothing measured. The adapters share their compiled code.
                log.info("JIT warm-up: closed loops of {}", settings.jitWarmUp());
                bare.closedLoop("jb", settings.clients(), Duration.ZERO, settings.jitWarmUp());
                progress = Progress.of(workers, api);
                LoadGenerator.ClosedLoop adapterJit = adapter.closedLoop("ja", settings.clients(), Duration.ZERO, settings.jitWarmUp());
                work.add(progress.after("JIT warm-up (closed loop)", adapterJit.acknowledged()));
                noWork.closedLoop("jn", settings.clients(), Duration.ZERO, settings.jitWarmUp().dividedBy(2));
                oauth.closedLoop("jo", settings.clients(), Duration.ZERO, settings.jitWarmUp().dividedBy(2));
                Progress.of(oauthWorkers, api).after("drained", 0);

                // 3. Open loop at the budget's rate.
                waitForQuiet(settings);
                log.info("Open loop, bare Bolt: {} requests/s", settings.rate());
                authTests = api.calls("auth.test");
                LoadGenerator.OpenLoop bareOpen = bare.openLoop("ob", settings.rate(), settings.connections(),
                        settings.warmUp(), settings.measure());
                long bareOpenAuthTests = api.calls("auth.test") - authTests;

                waitForQuiet(settings);
                log.info("Open loop, adapter: {} requests/s", settings.rate());
                authTests = api.calls("auth.test");
                progress = Progress.of(workers, api);
                LoadGenerator.OpenLoop adapterOpen = adapter.openLoop("oa", settings.rate(), settings.connections(),
                        settings.warmUp(), settings.measure());
                long adapterOpenAuthTests = api.calls("auth.test") - authTests;
                work.add(progress.after("open loop", adapterOpen.acknowledged()));

                waitForQuiet(settings);
                log.info("Open loop, adapter in OAuth mode: {} requests/s", settings.rate());
                authTests = api.calls("auth.test");
                progress = Progress.of(oauthWorkers, api);
                LoadGenerator.OpenLoop oauthOpen = oauth.openLoop("oo", settings.rate(), settings.connections(),
                        settings.warmUp(), settings.measure());
                long oauthOpenAuthTests = api.calls("auth.test") - authTests;
                work.add(progress.after("open loop, OAuth mode", oauthOpen.acknowledged()));

                // 4. Closed loop: as many requests as the app answers.
                waitForQuiet(settings);
                log.info("Closed loop, bare Bolt: {} clients", settings.clients());
                LoadGenerator.ClosedLoop bareClosed = bare.closedLoop("cb", settings.clients(), settings.closedWarmUp(),
                        settings.closedMeasure());

                waitForQuiet(settings);
                log.info("Closed loop, adapter: {} clients", settings.clients());
                progress = Progress.of(workers, api);
                LoadGenerator.ClosedLoop adapterClosed = adapter.closedLoop("ca", settings.clients(), settings.closedWarmUp(),
                        settings.closedMeasure());
                work.add(progress.after("closed loop", adapterClosed.acknowledged()));

                waitForQuiet(settings);
                log.info("Closed loop, adapter with its work thrown away: {} clients", settings.clients());
                LoadGenerator.ClosedLoop noWorkClosed = noWork.closedLoop("cn", settings.clients(), settings.closedWarmUp(),
                        settings.closedMeasure());

                AckReport report = new AckReport(settings,
                        new AckReport.AppRun("bare Bolt app", CpuMeter.tomcat(1),
                                new AckReport.ColdStart(bareBootAuthTests, bareColdAuthTests, bareCold.measured()),
                                bareOpen, bareOpenAuthTests, bareClosed),
                        new AckReport.AppRun("adapter", CpuMeter.tomcat(2),
                                new AckReport.ColdStart(adapterBootAuthTests, adapterColdAuthTests, adapterCold.measured()),
                                adapterOpen, adapterOpenAuthTests, adapterClosed),
                        new AckReport.AppRun("adapter, OAuth mode", CpuMeter.tomcat(3), null, oauthOpen, oauthOpenAuthTests, null),
                        new AckReport.AppRun("adapter, work thrown away", CpuMeter.tomcat(4), null, null, 0, noWorkClosed),
                        work, traffic.senders());
                report.write(settings.output());
                log.info("Figures written to {}:\n{}", settings.output(), report.generated());

                assertThat(bareOpen.measured().ok()).as("the bare Bolt app answered the open-loop run").isPositive();
                assertThat(adapterOpen.measured().ok()).as("the adapter answered the open-loop run").isPositive();
                assertThat(work.get(2).replies()).as("the adapter's work after the acknowledgement really ran").isPositive();
            }
        }
    }

    private static ConfigurableApplicationContext adapter(BenchSlackApi api, SpringApplicationBuilder builder, String... mode) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "stepwise.slack.signing-secret=" + SIGNING_SECRET, "stepwise.slack.api-url=" + api.apiUrl()));
        properties.addAll(List.of(mode));
        return builder.properties(properties.toArray(String[]::new)).run();
    }

    /** Each sender's workspace installed, as the OAuth flow would have left it. */
    private static void install(InstallationService installations, List<SlackTraffic.Sender> senders) throws Exception {
        for (String team : senders.stream().map(SlackTraffic.Sender::teamId).distinct().toList()) {
            installations.saveInstallerAndBot(DefaultInstaller.builder()
                    .appId("A0STEPWISE").teamId(team).isEnterpriseInstall(false).tokenType("bot")
                    .installerUserId(senders.getFirst().userId()).installerUserScope("")
                    .botId("B0BENCH").botUserId(BenchSlackApi.BOT_USER).botScope("commands,chat:write,im:history")
                    .botAccessToken("xoxb-bench-" + team.toLowerCase())
                    .installedAt(TestClock.base().toInstant().toEpochMilli()).build());
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * On a shared machine, waits (at most {@code bench.quiet.wait}) until other processes use less than
     * {@code bench.quiet.cores}; the CPU they take anyway is in the report.
     */
    private static void waitForQuiet(BenchSettings settings) throws InterruptedException {
        CpuMeter.waitForQuiet(settings.quietWait(), settings.quietCores());
    }

    /** Five known people in each of {@code organisations} fresh organisations, each connected to its own workspace. */
    private static List<SlackTraffic.Sender> knownPeople(int organisations) {
        People people = CoreTestContext.bean(People.class);
        List<SlackTraffic.Sender> senders = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            TestOrganisation org = TestOrganisation.create();
            for (String person : List.of("maya", "priya", "ben", "bea", "sam")) {
                senders.add(new SlackTraffic.Sender("T" + org.key().toUpperCase(),
                        people.identityOf(org.id(), org.personId(person), "slack").orElseThrow()));
            }
        }
        return senders;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A worker pool's and WireMock's counts at the start of a phase. */
    private record Progress(ThreadPoolExecutor workers, BenchSlackApi api, long handedOver, long completed, long replies) {

        static Progress of(ThreadPoolExecutor workers, BenchSlackApi api) {
            return new Progress(workers, api, workers.getTaskCount(), workers.getCompletedTaskCount(), replies(api));
        }

        /** Waits for the pool to drain (at most three minutes), then what happened since the start. */
        AckReport.Work after(String phase, long acknowledged) throws InterruptedException {
            long start = System.nanoTime();
            while ((workers.getActiveCount() > 0 || !workers.getQueue().isEmpty())
                    && System.nanoTime() - start < 180_000_000_000L) {
                Thread.sleep(50);
            }
            double drained = (System.nanoTime() - start) / 1e9;
            Thread.sleep(200);
            return new AckReport.Work(phase, acknowledged, workers.getTaskCount() - handedOver,
                    workers.getCompletedTaskCount() - completed, replies(api) - replies, drained);
        }

        private static long replies(BenchSlackApi api) {
            return api.calls("chat.postMessage") + api.calls(BenchSlackApi.RESPONSE_URL);
        }
    }
}
