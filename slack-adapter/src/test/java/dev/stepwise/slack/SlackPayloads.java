package dev.stepwise.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Payloads shaped as Slack sends them (fields as in Slack's documentation and real captured payloads). */
public final class SlackPayloads {

    private static final Gson GSON = new Gson();

    private final String teamId;

    public SlackPayloads(String teamId) {
        this.teamId = teamId;
    }

    public static String newEventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static String newTriggerId() {
        return "1763900" + (int) (Math.random() * 1000) + "." + (int) (Math.random() * 1_000_000) + "." + UUID.randomUUID().toString().replace("-", "");
    }

    public String directMessage(String eventId, String user, String channel, String text) {
        JsonObject event = new JsonObject();
        event.addProperty("client_msg_id", UUID.randomUUID().toString());
        event.addProperty("type", "message");
        event.addProperty("text", text);
        event.addProperty("user", user);
        event.addProperty("ts", "1763890000.000100");
        event.addProperty("team", teamId);
        event.addProperty("channel", channel);
        event.addProperty("event_ts", "1763890000.000100");
        event.addProperty("channel_type", "im");
        return callback(eventId, event);
    }

    public String appMention(String eventId, String user, String channel, String ts, String text) {
        JsonObject event = new JsonObject();
        event.addProperty("client_msg_id", UUID.randomUUID().toString());
        event.addProperty("type", "app_mention");
        event.addProperty("text", text);
        event.addProperty("user", user);
        event.addProperty("ts", ts);
        event.addProperty("team", teamId);
        event.addProperty("channel", channel);
        event.addProperty("event_ts", ts);
        return callback(eventId, event);
    }

    public String appHomeOpened(String eventId, String user) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", "D0HOME");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "1763890000.000300");
        return callback(eventId, event);
    }

    private String callback(String eventId, JsonObject event) {
        JsonObject body = new JsonObject();
        body.addProperty("token", "legacy-fixed-value");
        body.addProperty("team_id", teamId);
        body.addProperty("api_app_id", "A0STEPWISE");
        body.add("event", event);
        body.addProperty("type", "event_callback");
        body.addProperty("event_id", eventId);
        body.addProperty("event_time", 1763890000);
        JsonArray authorizations = new JsonArray();
        JsonObject authorization = new JsonObject();
        authorization.addProperty("team_id", teamId);
        authorization.addProperty("user_id", SlackStandIn.BOT_USER);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        authorizations.add(authorization);
        body.add("authorizations", authorizations);
        body.addProperty("event_context", "4-eyJldCI6Im1lc3NhZ2UifQ");
        return GSON.toJson(body);
    }

    /** A button pressed in a message in {@code channel} (in a DM, or ephemeral with a response URL). */
    public String buttonInMessage(String user, String channel, String actionId, String value, String triggerId,
                                  boolean ephemeral, String responseUrl) {
        JsonObject payload = interaction("block_actions", user, triggerId);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", "1763890000.000500");
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", ephemeral);
        payload.add("container", container);
        JsonObject channelObject = new JsonObject();
        channelObject.addProperty("id", channel);
        channelObject.addProperty("name", "directmessage");
        payload.add("channel", channelObject);
        if (!ephemeral) {
            JsonObject message = new JsonObject();
            message.addProperty("type", "message");
            message.addProperty("user", SlackStandIn.BOT_USER);
            message.addProperty("ts", "1763890000.000500");
            message.addProperty("text", "Which objective?");
            payload.add("message", message);
        }
        payload.addProperty("response_url", responseUrl);
        payload.add("actions", actions(actionId, value));
        return GSON.toJson(payload);
    }

    /** A button pressed inside a modal or App Home view. */
    public String buttonInView(String user, String viewType, String viewId, String privateMetadata, String actionId,
                               String value, String triggerId) {
        JsonObject payload = interaction("block_actions", user, triggerId);
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", viewId);
        payload.add("container", container);
        JsonObject view = new JsonObject();
        view.addProperty("id", viewId);
        view.addProperty("team_id", teamId);
        view.addProperty("type", viewType);
        view.addProperty("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.addProperty("callback_id", "stepwise.panel");
        view.addProperty("hash", "1763890000.a1b2c3d4");
        view.add("blocks", new JsonArray());
        payload.add("view", view);
        payload.add("actions", actions(actionId, value));
        return GSON.toJson(payload);
    }

    /** A modal submitted: {@code values} maps each input's block id (= action id) to its typed value. */
    public String viewSubmission(String user, String viewId, String callbackId, String privateMetadata,
                                 Map<String, String> textValues, Map<String, String> selectValues) {
        JsonObject payload = interaction("view_submission", user, newTriggerId());
        JsonObject view = new JsonObject();
        view.addProperty("id", viewId);
        view.addProperty("team_id", teamId);
        view.addProperty("type", "modal");
        view.addProperty("private_metadata", privateMetadata);
        view.addProperty("callback_id", callbackId);
        view.addProperty("hash", "1763890000." + UUID.randomUUID().toString().substring(0, 8));
        JsonObject values = new JsonObject();
        textValues.forEach((name, value) -> {
            JsonObject input = new JsonObject();
            input.addProperty("type", "plain_text_input");
            input.addProperty("value", value);
            JsonObject block = new JsonObject();
            block.add(name, input);
            values.add(name, block);
        });
        selectValues.forEach((name, value) -> {
            JsonObject input = new JsonObject();
            input.addProperty("type", "static_select");
            if (value != null) {
                JsonObject option = new JsonObject();
                option.addProperty("value", value);
                JsonObject text = new JsonObject();
                text.addProperty("type", "plain_text");
                text.addProperty("text", "picked");
                option.add("text", text);
                input.add("selected_option", option);
            } else {
                input.add("selected_option", null);
            }
            JsonObject block = new JsonObject();
            block.add(name, input);
            values.add(name, block);
        });
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        view.add("blocks", new JsonArray());
        view.addProperty("root_view_id", viewId);
        view.addProperty("app_id", "A0STEPWISE");
        view.addProperty("bot_id", "B0STEP");
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        return GSON.toJson(payload);
    }

    public String messageShortcut(String user, String channel, String author, String text, String messageTs, String triggerId) {
        JsonObject payload = interaction("message_action", user, triggerId);
        payload.addProperty("action_ts", "1763890001.000100");
        payload.addProperty("callback_id", "give_feedback_on_message");
        payload.addProperty("message_ts", messageTs);
        JsonObject channelObject = new JsonObject();
        channelObject.addProperty("id", channel);
        channelObject.addProperty("name", "platform-team");
        payload.add("channel", channelObject);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("text", text);
        message.addProperty("user", author);
        message.addProperty("ts", messageTs);
        message.addProperty("team", teamId);
        payload.add("message", message);
        payload.addProperty("response_url", SlackStandIn.responseUrl("shortcut"));
        return GSON.toJson(payload);
    }

    public String globalShortcut(String user, String callbackId, String triggerId) {
        JsonObject payload = interaction("shortcut", user, triggerId);
        payload.addProperty("action_ts", "1763890002.000100");
        payload.addProperty("callback_id", callbackId);
        return GSON.toJson(payload);
    }

    /** A slash command's form-encoded body. */
    public String slashCommand(String user, String channel, String command, String text, String responseUrl, String triggerId) {
        return form(Map.of("token", "legacy-fixed-value", "team_id", teamId, "team_domain", "northwind",
                "channel_id", channel, "channel_name", "platform-team", "user_id", user, "user_name", "someone"))
                + "&" + form(Map.of("command", command, "text", text, "api_app_id", "A0STEPWISE",
                "response_url", responseUrl, "trigger_id", triggerId));
    }

    private JsonObject interaction(String type, String user, String triggerId) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        JsonObject team = new JsonObject();
        team.addProperty("id", teamId);
        team.addProperty("domain", "northwind");
        payload.add("team", team);
        JsonObject userObject = new JsonObject();
        userObject.addProperty("id", user);
        userObject.addProperty("username", "someone");
        userObject.addProperty("name", "someone");
        userObject.addProperty("team_id", teamId);
        payload.add("user", userObject);
        payload.addProperty("api_app_id", "A0STEPWISE");
        payload.addProperty("token", "legacy-fixed-value");
        payload.addProperty("trigger_id", triggerId);
        return payload;
    }

    private static JsonArray actions(String actionId, String value) {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("block_id", "b1");
        action.addProperty("action_id", actionId);
        action.addProperty("value", value);
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", "pressed");
        action.add("text", text);
        action.addProperty("action_ts", "1763890003.000100");
        JsonArray actions = new JsonArray();
        actions.add(action);
        return actions;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
