package dev.stepwise.slack.inbound;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where a conversation with the bot happens in Slack, and so where its replies go: a channel or DM (in a
 * thread when {@code threadTs} is set), privately to one person when {@code ephemeralTo} is set (replies in
 * shared channels never show anyone's feedback to others), through {@code responseUrl} for slash commands and
 * ephemeral messages, or inside a modal ({@code viewId}). Travels in a modal's private metadata.
 *
 * @param key the core's conversation id: the same key for every event of one conversation
 */
public record SlackConversation(String key, String channelId, String threadTs, String ephemeralTo, String responseUrl,
                                String viewId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static SlackConversation inChannel(String channelId, String threadTs) {
        return new SlackConversation(threadTs == null ? channelId : channelId + ":" + threadTs, channelId, threadTs,
                null, null, null);
    }

    /** A conversation that lives only in a modal (started from a shortcut). */
    public static SlackConversation inModal(String key) {
        return new SlackConversation(key, null, null, null, null, null);
    }

    public SlackConversation privatelyTo(String userId) {
        return new SlackConversation(key, channelId, threadTs, userId, responseUrl, viewId);
    }

    public SlackConversation withResponseUrl(String url) {
        return new SlackConversation(key, channelId, threadTs, ephemeralTo, url, viewId);
    }

    public SlackConversation inView(String id) {
        return new SlackConversation(key, channelId, threadTs, ephemeralTo, responseUrl, id);
    }

    public boolean hasChannel() {
        return channelId != null;
    }

    public String toMetadata() {
        return JSON.writeValueAsString(new SlackConversation(key, channelId, threadTs, ephemeralTo, null, null));
    }

    public static SlackConversation fromMetadata(String metadata) {
        return JSON.readValue(metadata, SlackConversation.class);
    }
}
