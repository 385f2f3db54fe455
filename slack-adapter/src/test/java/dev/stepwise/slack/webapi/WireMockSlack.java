package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server standing in for slack.com/api, with helpers shaped after Slack's real answers. */
final class WireMockSlack implements AutoCloseable {

    static final String TOKEN = "xoxb-1111-2222-NotARealTokenButSecret";

    final WireMockServer server;
    private final PostedMessages postedMessages = new PostedMessages();

    WireMockSlack() {
        server = new WireMockServer(options().dynamicPort().extensions(postedMessages));
        server.start();
    }

    /** Forgets stubs, requests and kept messages. */
    void reset() {
        server.resetAll();
        postedMessages.clear();
    }

    String apiUrl() {
        return "http://localhost:" + server.port() + "/api/";
    }

    /** Quick settings for tests: 3 attempts, 100 ms backoff doubling to 400 ms, pacing out of the way. */
    SlackWebApi.Settings settings() {
        return settings(PacingRates.uniform(new PacingRates.Rate(1000, Duration.ofSeconds(1), 100),
                new PacingRates.Rate(1000, Duration.ofSeconds(1), 100)));
    }

    SlackWebApi.Settings settings(PacingRates pacing) {
        return new SlackWebApi.Settings(apiUrl(), Duration.ofSeconds(5), 3, Duration.ofMillis(100),
                Duration.ofMillis(400), Duration.ofSeconds(2), pacing);
    }

    static MappingBuilder method(String method) {
        return post(urlEqualTo("/api/" + method));
    }

    void stub(String method, ResponseDefinitionBuilder response) {
        server.stubFor(method(method).willReturn(response));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    static ResponseDefinitionBuilder slackError(String error) {
        return json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    /** Requests to one method, oldest first. */
    List<LoggedRequest> requests(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    static String form(LoggedRequest request, String name) {
        var parameter = request.formParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    static JsonElement jsonOf(String json) {
        return JsonParser.parseString(json);
    }

    static long millisBetween(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }

    @Override
    public void close() {
        server.stop();
    }
}
