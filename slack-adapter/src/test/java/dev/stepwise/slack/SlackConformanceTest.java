package dev.stepwise.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Every real inbound payload in {@code shared/conformance/slack/inbound/} (captured by Slack's own SDK authors),
 * posted as Slack posts it: each is acknowledged with a 2xx within Slack's 3 seconds, with the documented answer
 * where there is one, and without an error or stack trace in the log. Their workspaces (T111, T123, …) aren't
 * connected to Stepwise, so people are told so through the Web API stand-in; event types we don't handle are
 * ignored quietly.
 */
class SlackConformanceTest extends SlackAdapterTest {

    /** Sent by Slack as {@code application/x-www-form-urlencoded} with one field, {@code payload}. */
    private static final Set<String> INTERACTIVITY = Set.of("block_actions", "block_suggestion", "view_submission",
            "view_closed", "shortcut", "message_action", "dialog_submission", "dialog_cancellation",
            "dialog_suggestion", "interactive_message", "workflow_step_edit");
    /** Sent by Slack as {@code application/json}. */
    private static final Set<String> EVENTS_API = Set.of("event_callback", "url_verification", "app_rate_limited");

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration SLACKS_DEADLINE = Duration.ofSeconds(3);

    @Autowired
    @Qualifier("slackWorkers")
    ExecutorService slackWorkers;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /**
     * Bolt asks bots.info who sent an event that carries only a {@code bot_id} (to skip the app's own events);
     * Slack answers with another app's bot (shape as in Slack's bots.info documentation).
     */
    @BeforeEach
    void slackKnowsOtherAppsBots() {
        SlackStandIn.ok("bots.info", "\"bot\":{\"id\":\"B0OTHERAPP\",\"deleted\":false,\"name\":\"other-app\","
                + "\"updated\":1449272004,\"app_id\":\"A0OTHERAPP\",\"user_id\":\"U0OTHERBOT\","
                + "\"icons\":{\"image_36\":\"https://a.slack-edge.com/B0OTHERAPP/36.png\"}}");
    }

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

    @TestFactory
    Stream<DynamicTest> everyRealPayloadIsAcknowledgedQuicklyAndQuietly() throws IOException {
        Optional<Path> folder = conformanceFolder();
        if (folder.isEmpty()) {
            // One visibly skipped test rather than an aborted factory, which reports no test at all.
            return Stream.of(DynamicTest.dynamicTest("conformance payloads", () -> assumeTrue(false,
                    "shared/conformance/slack/inbound/ not found above " + System.getProperty("user.dir")
                            + ": the Slack conformance payloads are not checked out here")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder.get())) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("conformance payloads in " + folder.get()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> acknowledgedQuicklyAndQuietly(Delivery.of(file))));
    }

    private void acknowledgedQuicklyAndQuietly(Delivery delivery) {
        synchronized (log) { // the appender appends under its own lock, from any thread
            log.list.clear();
        }

        long start = System.nanoTime();
        HttpResponse<String> response = slack.post(delivery.body(), delivery.contentType(), slack.now(),
                null, true);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).as("status for %s (%s), answered %s", delivery.type(), delivery.contentType(),
                response.body()).isBetween(200, 299);
        assertThat(took).as("time to acknowledge").isLessThan(SLACKS_DEADLINE);
        assertDocumentedAnswer(delivery, response.body());

        awaitBackgroundWork();
        assertThat(logged(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null))
                .as("errors or stack traces logged while handling %s", delivery.type()).isEmpty();
        if (delivery.isSubscribableEvent()) {
            // Slack sends every event of a subscription (message.im brings edits, deletions, bot messages and
            // file shares too): the ones we don't handle are acknowledged without a word in the log.
            assertThat(logged(event -> event.getLevel().isGreaterOrEqual(Level.WARN)))
                    .as("warnings logged for an Events API event").isEmpty();
        }
    }

    /**
     * What was logged, but not by Socket Mode clients: Socket Mode is off in this application, so those lines come
     * from another test's application still cached in this JVM (reconnecting to a Slack side that has gone).
     */
    private List<String> logged(Predicate<ILoggingEvent> which) {
        List<ILoggingEvent> events;
        synchronized (log) {
            events = List.copyOf(log.list);
        }
        return events.stream().filter(event -> !event.getLoggerName().startsWith("com.slack.api.socket_mode")).filter(which)
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " / " + event.getThrowableProxy().getClassName()
                        + ": " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    /** The answers Slack documents: the challenge echoed, option lists for suggestions, a view response or nothing. */
    private static void assertDocumentedAnswer(Delivery delivery, String body) {
        switch (delivery.type()) {
            case "url_verification" -> {
                String challenge = delivery.json().get("challenge").getAsString();
                String echoed = body.strip().startsWith("{") ? JsonParser.parseString(body).getAsJsonObject()
                        .get("challenge").getAsString() : body.strip();
                assertThat(echoed).as("echoed challenge").isEqualTo(challenge);
            }
            case "block_suggestion" -> {
                JsonObject options = JsonParser.parseString(body).getAsJsonObject();
                assertThat(options.has("options") ? options.get("options") : options.get("option_groups"))
                        .as("options or option_groups in %s", body).matches(JsonElement::isJsonArray);
            }
            case "view_submission" -> {
                if (!body.isBlank()) {
                    assertThat(JsonParser.parseString(body).getAsJsonObject().has("response_action"))
                            .as("a view submission is answered with nothing or a response_action: %s", body).isTrue();
                }
            }
            case "dialog_suggestion" -> {
                if (!body.isBlank()) {
                    assertThat(JsonParser.parseString(body).getAsJsonObject().get("options"))
                            .as("options in %s", body).matches(JsonElement::isJsonArray);
                }
            }
            default -> {
                if (!body.isBlank()) {
                    assertThat(JsonParser.parseString(body).isJsonObject()).as("an acknowledgement body: %s", body).isTrue();
                }
            }
        }
    }

    /** Listeners acknowledge at once and work on the worker pool; the log is read once the pool is idle. */
    private void awaitBackgroundWork() {
        ThreadPoolExecutor workers = (ThreadPoolExecutor) slackWorkers;
        await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(200))
                .until(() -> workers.getActiveCount() == 0 && workers.getQueue().isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    }

    private static Optional<Path> conformanceFolder() {
        return dev.stepwise.core.testing.ConformanceFolders.find("slack/inbound");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** A payload file as Slack would post it: form bodies as they are, JSON by its type as JSON or as {@code payload=}. */
    private record Delivery(String type, JsonObject json, String contentType, String body) {

        /**
         * An Events API event an app can subscribe to. Not {@code workflow_step_execute}: Workflow Steps from apps
         * (retired by Slack in 2024) are only sent to apps that define steps, which Stepwise doesn't.
         */
        boolean isSubscribableEvent() {
            return type.equals("event_callback")
                    && !json.getAsJsonObject("event").get("type").getAsString().equals("workflow_step_execute");
        }

        static Delivery of(Path file) {
            String text = read(file);
            if (file.getFileName().toString().endsWith(".form.txt")) {
                return new Delivery("slash_command", null, FORM, text.strip());
            }
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            String type = json.get("type").getAsString();
            if (INTERACTIVITY.contains(type)) {
                return new Delivery(type, json, FORM, "payload=" + URLEncoder.encode(json.toString(), StandardCharsets.UTF_8));
            }
            if (EVENTS_API.contains(type)) {
                return new Delivery(type, json, JSON, json.toString());
            }
            return fail("How does Slack send a payload of type '%s' (%s)? Add it to INTERACTIVITY or EVENTS_API.", type, file);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
