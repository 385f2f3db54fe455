package dev.stepwise.app.playground;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the playground's JSON API over real HTTP, the way the page does. */
final class PlaygroundClient {

    record Response(int status, JsonNode body, String contentType) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    PlaygroundClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Response post(String path, Object body) {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    Response postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String getText(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's id, by full name. */
    String personId(String name) {
        for (JsonNode person : get("/api/playground/people").body()) {
            if (person.get("name").asString().equals(name)) {
                return person.get("id").asString();
            }
        }
        throw new AssertionError("No playground person called " + name);
    }

    Response say(String personId, String text) {
        return post("/api/playground/people/" + personId + "/messages", Map.of("text", text));
    }

    /** Presses the button with this label among the entries of a response. */
    Response press(String personId, Response shown, String label) {
        for (JsonNode block : blocks(shown)) {
            if (block.get("type").asString().equals("choices")) {
                for (JsonNode choice : block.get("choices")) {
                    if (choice.get("label").asString().equals(label)) {
                        return post("/api/playground/people/" + personId + "/actions", Map.of(
                                "actionId", choice.get("actionId").asString(), "value", choice.get("value").asString(),
                                "label", label));
                    }
                }
            }
        }
        throw new AssertionError("No button '" + label + "' in " + shown.body());
    }

    JsonNode lastForm(Response shown) {
        return blocks(shown).stream().filter(b -> b.get("type").asString().equals("form")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No form in " + shown.body()));
    }

    Response submit(String personId, Response shown, Map<String, String> values) {
        return post("/api/playground/people/" + personId + "/forms",
                Map.of("formId", lastForm(shown).get("formId").asString(), "values", values));
    }

    static List<JsonNode> blocks(Response response) {
        return response.body().get("entries").valueStream().flatMap(e -> e.get("blocks").valueStream()).toList();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body.isBlank() ? null : JSON.readTree(body),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
