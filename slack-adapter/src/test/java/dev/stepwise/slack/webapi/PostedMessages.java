package dev.stepwise.slack.webapi;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WireMock transformer that lets a stubbed Slack "keep" posted messages: on a {@code chat.postMessage} stub it
 * stores the message (with its metadata) while the stub still answers as defined (e.g. a 500); on a
 * {@code conversations.history}/{@code conversations.replies} stub it answers with the stored messages, as Slack's
 * history would once a post went through.
 */
final class PostedMessages implements ResponseDefinitionTransformerV2 {

    static final String NAME = "slack-posted-messages";
    static final String STORED_TS = "1700000000.000200";

    private final List<JsonObject> stored = new ArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        String url = serveEvent.getRequest().getUrl();
        if (url.endsWith("/chat.postMessage")) {
            JsonObject message = new JsonObject();
            message.addProperty("type", "message");
            message.addProperty("subtype", "bot_message");
            message.addProperty("bot_id", "B0STEPWISE");
            message.addProperty("text", formParameter(serveEvent, "text"));
            message.addProperty("ts", STORED_TS);
            String threadTs = formParameter(serveEvent, "thread_ts");
            if (threadTs != null) {
                message.addProperty("thread_ts", threadTs);
            }
            message.add("metadata", JsonParser.parseString(formParameter(serveEvent, "metadata")));
            stored.add(message);
            return serveEvent.getResponseDefinition();
        }
        JsonArray messages = new JsonArray();
        stored.reversed().forEach(messages::add);
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        body.add("messages", messages);
        body.addProperty("has_more", false);
        body.addProperty("pin_count", 0);
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString())
                .build();
    }

    synchronized void clear() {
        stored.clear();
    }

    private static String formParameter(ServeEvent serveEvent, String name) {
        for (String pair : serveEvent.getRequest().getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
