package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

// Reading rendered cards as a Teams client walks them: body elements in order, inputs, and the actions in ActionSets.
final class Cards {

    private Cards() {
    }

    static List<JsonNode> body(ObjectNode card) {
        List<JsonNode> elements = new ArrayList<>();
        card.path("body").forEach(elements::add);
        return elements;
    }

    static List<String> types(ObjectNode card) {
        return body(card).stream().map(e -> e.path("type").asText()).toList();
    }

    static List<JsonNode> ofType(ObjectNode card, String type) {
        return body(card).stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    static List<String> texts(ObjectNode card) {
        return ofType(card, "TextBlock").stream().map(e -> e.path("text").asText()).toList();
    }

    static List<JsonNode> actions(ObjectNode card) {
        List<JsonNode> actions = new ArrayList<>();
        ofType(card, "ActionSet").forEach(set -> set.path("actions").forEach(actions::add));
        return actions;
    }

    static JsonNode action(ObjectNode card, String title) {
        return actions(card).stream().filter(a -> title.equals(a.path("title").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no action titled " + title + " in " + card.toPrettyString()));
    }

    static JsonNode input(ObjectNode card, String id) {
        return body(card).stream().filter(e -> id.equals(e.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + id + " in " + card.toPrettyString()));
    }

    /** What Teams puts in {@code activity.value.action} when the action is pressed, before inputs are merged. */
    static ObjectNode invokeAction(JsonNode executeAction) {
        ObjectNode action = Elements.JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("verb", executeAction.path("verb").asText());
        action.set("data", executeAction.path("data").deepCopy());
        return action;
    }
}
