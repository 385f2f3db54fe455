package dev.stepwise.teams;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.ObjectMapper;

/**
 * Activities shaped as Teams sends them (personal chats, channel mentions, card actions, the message extension,
 * installs), for one tenant and one bot, with a fresh id each.
 */
public final class TeamsPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

    public final String tenantId;
    private final Clock clock;
    public final String appId;
    public final String serviceUrl;
    public final String botId;
    public final String teamId = "19:team" + UUID.randomUUID().toString().substring(0, 8) + "@thread.tacv2";
    public final String channelId = "19:channel" + UUID.randomUUID().toString().substring(0, 8) + "@thread.tacv2";
    /** The channel message the message extension acts on (fetch and submit are about the same one). */
    public final String actedOnMessageId = String.valueOf(IDS.incrementAndGet());

    /** As Teams writes an activity's times, always with 7 fractional digits (the Bot Framework SDK requires some). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSXXX")
            .withZone(ZoneOffset.UTC);

    /** @param clock the application's clock, for the activities' timestamps */
    public TeamsPayloads(String tenantId, String appId, String serviceUrl, Clock clock) {
        this.clock = clock;
        this.tenantId = tenantId;
        this.appId = appId;
        this.serviceUrl = serviceUrl;
        this.botId = "28:" + appId;
    }

    /** A Teams user: their id in bot conversations, their AAD object id and their personal chat with the bot. */
    public record User(String id, String aadObjectId, String name, String personalChat) {
        public static User named(String name) {
            String random = UUID.randomUUID().toString().replace("-", "");
            return new User("29:1" + random, UUID.randomUUID().toString(), name, "a:1" + random.substring(0, 20));
        }
    }

    public String message(User from, String text) {
        return json(base("message", from, personal(from)), Map.of("text", text, "textFormat", "plain",
                "entities", List.of(clientInfo())));
    }

    /** "@Stepwise {text}" in a channel thread. */
    public String mention(User from, String text) {
        String mention = "<at>Stepwise</at>";
        Map<String, Object> activity = base("message", from, channelConversation());
        activity.put("channelData", channelData());
        return json(activity, Map.of("text", mention + " " + text, "textFormat", "plain",
                "entities", List.of(Map.of("type", "mention", "text", mention,
                        "mentioned", Map.of("id", botId, "name", "Stepwise")), clientInfo())));
    }

    public String cardAction(User from, String verb, Map<String, ?> data) {
        return json(base("invoke", from, personal(from)), Map.of("name", "adaptiveCard/action",
                "replyToId", String.valueOf(IDS.incrementAndGet()),
                "value", Map.of("action", Map.of("type", "Action.Execute", "verb", verb, "data", data), "trigger", "manual")));
    }

    public String fetchTask(User from, User author, String html) {
        Map<String, Object> activity = base("invoke", from, actedOnThread());
        activity.put("channelData", channelData());
        return json(activity, Map.of("name", "composeExtension/fetchTask", "value", Map.of(
                "commandId", "giveFeedbackOnMessage", "commandContext", "message", "context", Map.of("theme", "default"),
                "messagePayload", messagePayload(author, html))));
    }

    public String submitAction(User from, User author, Map<String, ?> data) {
        Map<String, Object> activity = base("invoke", from, actedOnThread());
        activity.put("channelData", channelData());
        return json(activity, Map.of("name", "composeExtension/submitAction", "value", Map.of(
                "commandId", "giveFeedbackOnMessage", "commandContext", "message", "context", Map.of("theme", "default"),
                "data", data, "messagePayload", messagePayload(author, "<p>x</p>"))));
    }

    /** The bot installed in the user's personal scope (Teams sends this and an installationUpdate). */
    public String installedPersonally(User user) {
        return json(base("conversationUpdate", user, personal(user)), Map.of("membersAdded",
                List.of(Map.of("id", botId), Map.of("id", user.id(), "aadObjectId", user.aadObjectId()))));
    }

    public String installationUpdate(User user, String action) {
        return json(base("installationUpdate", user, personal(user)), Map.of("action", action));
    }

    public String reaction(User from) {
        return json(base("messageReaction", from, personal(from)), Map.of("reactionsAdded", List.of(Map.of("type", "like")),
                "replyToId", String.valueOf(IDS.incrementAndGet())));
    }

    private Map<String, Object> base(String type, User from, Map<String, Object> conversation) {
        Map<String, Object> activity = new java.util.LinkedHashMap<>();
        activity.put("type", type);
        activity.put("id", type.equals("message") ? String.valueOf(IDS.incrementAndGet()) : "f:" + UUID.randomUUID());
        activity.put("timestamp", now());
        activity.put("localTimestamp", now());
        activity.put("channelId", "msteams");
        activity.put("serviceUrl", serviceUrl);
        activity.put("from", Map.of("id", from.id(), "name", from.name(), "aadObjectId", from.aadObjectId()));
        activity.put("conversation", conversation);
        activity.put("recipient", Map.of("id", botId, "name", "Stepwise"));
        activity.put("locale", "en-GB");
        activity.put("channelData", Map.of("tenant", Map.of("id", tenantId)));
        return activity;
    }

    private String now() {
        return TIMESTAMP.format(clock.instant());
    }

    private Map<String, Object> personal(User user) {
        return new java.util.LinkedHashMap<>(Map.of("conversationType", "personal", "tenantId", tenantId, "id", user.personalChat()));
    }

    private Map<String, Object> channelConversation() {
        return new java.util.LinkedHashMap<>(Map.of("isGroup", true, "conversationType", "channel", "tenantId", tenantId,
                "id", channelId + ";messageid=" + IDS.incrementAndGet()));
    }

    private Map<String, Object> actedOnThread() {
        return new java.util.LinkedHashMap<>(Map.of("isGroup", true, "conversationType", "channel", "tenantId", tenantId,
                "id", channelId + ";messageid=" + actedOnMessageId));
    }

    private Map<String, Object> channelData() {
        return Map.of("teamsChannelId", channelId, "teamsTeamId", teamId, "channel", Map.of("id", channelId),
                "team", Map.of("id", teamId), "tenant", Map.of("id", tenantId));
    }

    private static Map<String, Object> clientInfo() {
        return Map.of("type", "clientInfo", "locale", "en-GB", "country", "GB", "platform", "Web", "timezone", "Europe/London");
    }

    private Map<String, Object> messagePayload(User author, String html) {
        String id = actedOnMessageId;
        return Map.of("id", id, "createdDateTime", now(), "importance", "normal", "locale", "en-us",
                "linkToMessage", "https://teams.microsoft.com/l/message/" + channelId + "/" + id,
                "from", Map.of("user", Map.of("id", author.aadObjectId(), "displayName", author.name(),
                        "userIdentityType", "aadUser")),
                "body", Map.of("contentType", "html", "content", html),
                "attachments", List.of(), "mentions", List.of(), "reactions", List.of());
    }

    private static String json(Map<String, Object> activity, Map<String, ?> more) {
        activity.putAll(more);
        return JSON.writeValueAsString(activity);
    }
}
