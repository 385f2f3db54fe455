package dev.stepwise.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * A card made for a message, fitted for a dialog (task module): dialogs submit with {@code Action.Submit}, so each
 * {@code Action.Execute} becomes one with its verb moved into its data, and the refresh (a message feature) goes.
 */
final class DialogCards {

    /** Where a dialog's submission carries the verb of the action that was pressed. */
    static final String VERB = "verb";

    private DialogCards() {
    }

    static ObjectNode forDialog(ObjectNode card) {
        ObjectNode copy = card.deepCopy();
        copy.remove("refresh");
        convert(copy);
        return copy;
    }

    private static void convert(JsonNode node) {
        if (node instanceof ObjectNode object && "Action.Execute".equals(object.path("type").asText())) {
            object.put("type", "Action.Submit");
            ObjectNode data = object.has("data") && object.get("data").isObject()
                    ? (ObjectNode) object.get("data") : object.putObject("data");
            data.put(VERB, object.path("verb").asText(""));
            object.remove("verb");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            convert(children.next());
        }
    }
}
