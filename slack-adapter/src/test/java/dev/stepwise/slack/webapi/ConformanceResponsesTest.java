package dev.stepwise.slack.webapi;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static dev.stepwise.slack.webapi.WireMockSlack.TOKEN;
import static dev.stepwise.slack.webapi.WireMockSlack.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Slack's own example answers, read from the shared conformance set when it is present, parsed the way the
 * adapter reads them.
 */
class ConformanceResponsesTest {

    private static final Path WEB_API = Path.of("/work/shared/conformance/slack/web-api");

    private static WireMockSlack slack;
    private SlackWebApi api;

    @BeforeAll
    static void startSlack() {
        slack = new WireMockSlack();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void newApi() {
        assumeTrue(Files.isDirectory(WEB_API), "no conformance responses on this machine");
        slack.reset();
        api = new SlackWebApi(slack.settings(), new TestClock());
    }

    @AfterEach
    void closeApi() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void usersInfo() throws IOException {
        slack.stub("users.info", ok(example("users.info", "200")));

        assertThat(api.userInfo(TOKEN, "W012A3CDE")).isEqualTo(new SlackUser("W012A3CDE",
                "spengler@ghostbusters.example.com", "Egon Spengler", "America/Los_Angeles", false, false));
    }

    @Test
    void messages() throws IOException {
        slack.stub("chat.postMessage", ok(example("chat.postMessage", "200")));
        slack.stub("chat.update", ok(example("chat.update", "200")));
        slack.stub("chat.postEphemeral", ok(example("chat.postEphemeral", "200")));

        assertThat(api.postMessage(TOKEN, "C1H9RESGL", null, "Here's a message for you", null))
                .isEqualTo("1503435956.000247");
        api.updateMessage(TOKEN, "C024BE91L", "1401383885.000061", "Updated text you carefully authored", null);
        assertThat(api.postEphemeral(TOKEN, "C1", "U1", null, "psst", null)).isEqualTo("1502210682.580145");
    }

    @Test
    void conversationsOpen() throws IOException {
        slack.stub("conversations.open", ok(example("conversations.open", "200")));

        assertThat(api.openDm(TOKEN, "W012A3CDE")).isEqualTo("D069C7QFK");
    }

    @Test
    void views() throws IOException {
        for (String method : new String[] {"views.open", "views.push", "views.update", "views.publish"}) {
            slack.stub(method, ok(example(method, "200")));
        }
        var modal = SlackWebApiCallsTest.modal("Quite a plain modal");

        assertThat(api.openView(TOKEN, "trigger", modal).getId()).isEqualTo("VMHU10V25");
        assertThat(api.pushView(TOKEN, "trigger", modal).getType()).isEqualTo("modal");
        assertThat(api.updateView(TOKEN, "VMHU10V25", null, modal).getId()).isNotBlank();
        assertThat(api.publishHome(TOKEN, "U1", modal).getType()).isEqualTo("home");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.postMessage", "chat.update", "chat.postEphemeral", "conversations.open",
            "users.info", "views.open", "views.publish"})
    void documentedErrorsAreFinal(String method) throws IOException {
        String body = example(method, "default");
        String error = JsonParser.parseString(body).getAsJsonObject().get("error").getAsString();
        slack.stub(method, ok(body));

        SlackCallFailed failure = catchThrowableOfType(SlackCallFailed.class, () -> call(method).accept(api));

        assertThat(failure.error()).isEqualTo(error);
        assertThat(slack.requests(method)).hasSize(1);
    }

    private static Consumer<SlackWebApi> call(String method) {
        return switch (method) {
            case "chat.postMessage" -> a -> a.postMessage(TOKEN, "C1", null, "hi", null);
            case "chat.update" -> a -> a.updateMessage(TOKEN, "C1", "1700000000.000100", "hi", null);
            case "chat.postEphemeral" -> a -> a.postEphemeral(TOKEN, "C1", "U1", null, "hi", null);
            case "conversations.open" -> a -> a.openDm(TOKEN, "U1");
            case "users.info" -> a -> a.userInfo(TOKEN, "U1");
            case "views.open" -> a -> a.openView(TOKEN, "trigger", SlackWebApiCallsTest.modal("Hi"));
            case "views.publish" -> a -> a.publishHome(TOKEN, "U1", SlackWebApiCallsTest.modal("Hi"));
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The example answer under "post 200"/"get 200" (or "… default") in the method's file. */
    private static String example(String method, String which) throws IOException {
        JsonObject examples = JsonParser.parseString(Files.readString(WEB_API.resolve(method + ".json")))
                .getAsJsonObject();
        return examples.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + which))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " has no '" + which + "' example"))
                .getValue().toString();
    }
}
