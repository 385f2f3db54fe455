package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Bodies of the HTTP 200 answer to an {@code adaptiveCard/action} invoke (Universal Actions): Teams replaces the card
 * the person acted on with a returned card, shows a returned message briefly, or shows an error.
 */
public final class CardInvokeResponses {

    public static final String MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
    public static final String ERROR_TYPE = "application/vnd.microsoft.error";

    private CardInvokeResponses() {
    }

    /** {@code {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": card}}. */
    public static ObjectNode card(ObjectNode card) {
        ObjectNode body = JSON.objectNode();
        body.put("statusCode", 200);
        body.put("type", AdaptiveCardRenderer.CONTENT_TYPE);
        body.set("value", Objects.requireNonNull(card, "card"));
        return body;
    }

    /** {@code {"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": text}}. */
    public static ObjectNode message(String text) {
        ObjectNode body = JSON.objectNode();
        body.put("statusCode", 200);
        body.put("type", MESSAGE_TYPE);
        body.put("value", text == null ? "" : text);
        return body;
    }

    /** {@code {"statusCode": status, "type": "application/vnd.microsoft.error", "value": {"code", "message"}}}. */
    public static ObjectNode error(int status, String code, String message) {
        ObjectNode body = JSON.objectNode();
        body.put("statusCode", status);
        body.put("type", ERROR_TYPE);
        body.putObject("value").put("code", code).put("message", message);
        return body;
    }
}
