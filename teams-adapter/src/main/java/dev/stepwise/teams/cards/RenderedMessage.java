package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.Optional;

/**
 * Blocks rendered for Teams.
 *
 * @param card         the Adaptive Card (Jackson 2, ready to be an attachment's {@code content}), or {@code null} when
 *                     the message is only text and is best sent as markdown text
 * @param fallbackText with no card: the message itself, Teams markdown for the activity's {@code text} with
 *                     {@code textFormat: "markdown"}; with a card: a plain-text summary of it for the activity's
 *                     {@code summary} (notifications, previews, clients without cards). Never {@code null}; ""
 *                     when there is nothing to say
 */
public record RenderedMessage(ObjectNode card, String fallbackText) {

    public RenderedMessage {
        fallbackText = fallbackText == null ? "" : fallbackText;
    }

    public boolean hasCard() {
        return card != null;
    }

    /** The card as a Bot Framework attachment ({@value AdaptiveCardRenderer#CONTENT_TYPE}), if there is a card. */
    public Optional<Attachment> attachment() {
        if (card == null) {
            return Optional.empty();
        }
        Attachment attachment = new Attachment();
        attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
        attachment.setContent(card);
        return Optional.of(attachment);
    }
}
