package dev.stepwise.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Block Kit as Slack receives it: serialised by the SDK's snake-case Gson and parsed back as plain JSON. */
final class BlockKitJson {

    static final Gson GSON = GsonFactory.createSnakeCase();

    private BlockKitJson() {
    }

    static JsonObject json(Object model) {
        return JsonParser.parseString(GSON.toJson(model)).getAsJsonObject();
    }

    /** A message as the {@code chat.postMessage} payload fields {@code blocks} and {@code text}. */
    static JsonObject json(SlackMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("blocks", message.blocks());
        payload.put("text", message.text());
        return JsonParser.parseString(GSON.toJson(payload)).getAsJsonObject();
    }

    static JsonArray blocks(SlackMessage message) {
        return json(message).getAsJsonArray("blocks");
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        array.forEach(e -> objects.add(e.getAsJsonObject()));
        return objects;
    }

    static List<String> types(JsonArray blocks) {
        return objects(blocks).stream().map(b -> b.get("type").getAsString()).toList();
    }

    static String text(JsonObject block) {
        return block.getAsJsonObject("text").get("text").getAsString();
    }

    static String string(JsonObject object, String member) {
        JsonElement element = object.get(member);
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }

    /** Asserts Slack's rule that action ids are unique within every block that has elements. */
    static void assertActionIdsUniqueWithinEachBlock(JsonArray blocks) {
        for (JsonObject block : objects(blocks)) {
            if (!block.has("elements") || !"actions".equals(string(block, "type"))) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (JsonObject element : objects(block.getAsJsonArray("elements"))) {
                assertThat(seen.add(string(element, "action_id")))
                        .as("action_id %s unique within its block", string(element, "action_id")).isTrue();
            }
        }
    }
}
