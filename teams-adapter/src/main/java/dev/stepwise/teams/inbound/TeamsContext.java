package dev.stepwise.teams.inbound;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.teams.outbound.ConversationReferences;

/** What the adapter needs to know about an activity's whereabouts: tenant, conversation, sender and bot. */
public record TeamsContext(Activity activity, JsonNode channelData) {

    public String tenantId() {
        ConversationAccount conversation = activity.getConversation();
        if (conversation != null && conversation.getTenantId() != null && !conversation.getTenantId().isBlank()) {
            return conversation.getTenantId();
        }
        return text(channelData.path("tenant").path("id"));
    }

    public String conversationId() {
        return activity.getConversation() == null ? null : activity.getConversation().getId();
    }

    /** {@code personal}, {@code groupChat} or {@code channel}. */
    public String conversationType() {
        ConversationAccount conversation = activity.getConversation();
        String type = conversation == null ? null : conversation.getConversationType();
        if (type != null && !type.isBlank()) {
            return type;
        }
        return conversation != null && Boolean.TRUE.equals(conversation.isGroup()) ? "groupChat" : "personal";
    }

    public boolean personal() {
        return "personal".equals(conversationType());
    }

    public String serviceUrl() {
        return activity.getServiceUrl();
    }

    public String botId() {
        return activity.getRecipient() == null ? null : activity.getRecipient().getId();
    }

    public String teamId() {
        return text(channelData.path("team").path("id"));
    }

    public TeamsSender sender() {
        ChannelAccount from = activity.getFrom();
        return new TeamsSender(from == null ? null : from.getId(), from == null ? null : from.getAadObjectId(),
                from == null ? null : from.getName(), serviceUrl(), conversationId());
    }

    /** This conversation as a reference the bot can write to later. */
    public ConversationReferences.Reference reference() {
        TeamsSender sender = sender();
        boolean personal = personal();
        return new ConversationReferences.Reference(conversationId(), tenantId(), conversationType(), serviceUrl(), botId(),
                personal ? sender.userId() : null, personal ? sender.aadObjectId() : null, teamId());
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
