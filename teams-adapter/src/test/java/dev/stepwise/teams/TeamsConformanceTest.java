package dev.stepwise.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every real activity in {@code shared/conformance/teams/inbound/} (documented by Microsoft: installs and removals,
 * a renamed team, a created channel, reactions), posted to {@code /api/messages} as the Bot Connector posts it, with
 * a valid token for that activity's own service URL: each is acknowledged with a 2xx, handled without a warning or
 * an error in the log, and, delivered a second time (Teams redelivers), answered no second time. Their tenants
 * aren't connected to Stepwise.
 */
class TeamsConformanceTest extends TeamsAdapterTest {

    /** The folder's activities: fewer means a file went missing, not that there is less to check. */
    private static final int CAPTURED_ACTIVITIES = 8;
    private static final String FOLDER = "teams/inbound";
    /** Where {@code shared/conformance} is when it can't be found above the working directory (e.g. in a copy). */
    private static final String FOLDER_PROPERTY = dev.stepwise.core.testing.ConformanceFolders.PROPERTY;
    private static final String ABSENT = "(no conformance folder)";

    @Autowired
    @Qualifier("teamsWorkers")
    ExecutorService teamsWorkers;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void watchTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopWatchingTheLog() {
        root().detachAppender(log);
        log.stop();
    }

    @Test
    void theConformanceFolderHoldsEveryCapturedActivity() throws IOException {
        Optional<Path> folder = conformanceFolder();
        assumeTrue(folder.isPresent(), notFound());
        assertThat(files(folder.get())).as("activities in %s", folder.get()).hasSize(CAPTURED_ACTIVITIES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedActivities")
    void everyCapturedActivityIsAcceptedQuietlyAndAnsweredOnlyOnce(String fileName) throws IOException {
        assumeTrue(!fileName.equals(ABSENT), notFound());
        JsonNode captured = JSON.readTree(Files.readString(conformanceFolder().orElseThrow().resolve(fileName),
                StandardCharsets.UTF_8));
        String activity = asDeliveredToThisBot(captured);
        String serviceUrl = json(activity).path("serviceUrl").asString();
        String conversationId = captured.path("conversation").path("id").asString();
        // The token the Bot Connector would send with this activity: for this bot, naming the activity's service URL.
        String token = TeamsStandIn.minter().bearer(TeamsStandIn.APP_ID, serviceUrl);
        awaitTheWorkers(); // what earlier tests started is done: the stand-in and the log see only this activity
        TeamsStandIn.reset();
        clearTheLog();

        HttpResponse<String> first = post(activity, token);

        assertThat(first.statusCode()).as("status for %s, answered %s", fileName, first.body()).isBetween(200, 299);
        awaitTheWorkers();
        List<TeamsStandIn.Sent> answered = TeamsStandIn.sent();
        assertThat(answered).as("messages sent for %s", fileName)
                .allSatisfy(sent -> {
                    assertThat(sent.conversationId()).as("sent to the activity's own conversation").isEqualTo(conversationId);
                    assertThat(sent.texts()).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("exception");
                });

        HttpResponse<String> again = post(activity, token);

        assertThat(again.statusCode()).as("status for %s delivered again, answered %s", fileName, again.body())
                .isBetween(200, 299);
        awaitTheWorkers();
        assertThat(TeamsStandIn.sent()).as("messages sent after %s was delivered a second time", fileName)
                .hasSameSizeAs(answered);
        assertThat(warningsAndErrors()).as("warnings or errors logged while handling %s", fileName).isEmpty();
    }

    /**
     * The captured activity with exactly two things rewritten, everything else posted as captured:
     * <ul>
     * <li>{@code serviceUrl} becomes the stand-in Bot Connector's: the captured ones are Microsoft's
     *     (smba.trafficmanager.net), and whatever the bot answers (a welcome) must not go to the internet. The token
     *     is minted for the rewritten URL, so its {@code serviceurl} claim still names the activity's.</li>
     * <li>The captured bot's id ({@code 28:…}, the SDK samples' own bot or a {@code 28:<BOT ID>} placeholder) becomes
     *     this bot's, in {@code recipient} and where the bot itself is in {@code membersAdded} or {@code membersRemoved}:
     *     Teams only sends a bot activities addressed to it, so that is how it recognises its own installs.</li>
     * </ul>
     */
    private static String asDeliveredToThisBot(JsonNode captured) {
        ObjectNode activity = (ObjectNode) captured.deepCopy();
        activity.put("serviceUrl", TeamsStandIn.serviceUrl());
        String botId = "28:" + TeamsStandIn.APP_ID;
        if (activity.path("recipient").path("id").asString("").startsWith("28:")) {
            ((ObjectNode) activity.get("recipient")).put("id", botId);
        }
        for (String members : List.of("membersAdded", "membersRemoved")) {
            for (JsonNode member : activity.path(members)) {
                if (member.path("id").asString("").startsWith("28:")) {
                    ((ObjectNode) member).put("id", botId);
                }
            }
        }
        return JSON.writeValueAsString(activity);
    }

    static Stream<String> capturedActivities() throws IOException {
        Optional<Path> folder = conformanceFolder();
        if (folder.isEmpty()) {
            // One visibly skipped test rather than none at all.
            return Stream.of(ABSENT);
        }
        return files(folder.get()).stream().map(file -> file.getFileName().toString());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Non-invoke activities are acknowledged at once and worked on by the pool: the log is read once it is idle. */
    private void awaitTheWorkers() {
        ThreadPoolExecutor workers = (ThreadPoolExecutor) teamsWorkers;
        await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(200))
                .until(() -> workers.getActiveCount() == 0 && workers.getQueue().isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    }

    private void clearTheLog() {
        synchronized (log) { // the appender appends under its own lock, from any thread
            log.list.clear();
        }
    }

    private List<String> warningsAndErrors() {
        List<ILoggingEvent> events;
        synchronized (log) {
            events = new ArrayList<>(log.list);
        }
        return events.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null)
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " / " + event.getThrowableProxy().getClassName()
                        + ": " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    /** {@code shared/conformance/teams/inbound} above the working directory, or under {@value #FOLDER_PROPERTY}. */
    private static Optional<Path> conformanceFolder() {
        return dev.stepwise.core.testing.ConformanceFolders.find(FOLDER);
    }

    private static String notFound() {
        return "shared/conformance/" + FOLDER + " not found above " + System.getProperty("user.dir") + " (nor under -D"
                + FOLDER_PROPERTY + "): the Teams conformance activities are not checked out here";
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
