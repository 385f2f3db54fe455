package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

// Builders for the few Adaptive Card elements the renderers use. Every TextBlock wraps.
final class Elements {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String NO_LABEL = "(no label)";

    private Elements() {
    }

    static ObjectNode textBlock(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    static ObjectNode heading(String text) {
        return textBlock(text).put("size", "Medium").put("weight", "Bolder");
    }

    static ObjectNode subtle(String text) {
        return textBlock(text).put("isSubtle", true).put("size", "Small").put("spacing", "Small");
    }

    static ObjectNode execute(String title, String verb, ObjectNode data, String style, boolean withInputs) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.set("data", data);
        if (style != null) {
            action.put("style", style);
        }
        action.put("associatedInputs", withInputs ? "auto" : "none");
        return action;
    }

    /**
     * The actions in order, each with its title whole in a {@value ChatWidth#CHAT_PX} px chat: side by side in one
     * action set when they fit on one line, else one per line; an action whose title is too long for any button is a
     * tappable row instead, its title wrapping.
     */
    static List<ObjectNode> buttonRows(List<ObjectNode> actions) {
        List<String> titles = actions.stream().map(action -> action.path("title").asText()).toList();
        if (actions.size() <= CardLimits.ACTIONS_PER_SET && ChatWidth.fitSideBySide(titles)) {
            return actions.isEmpty() ? List.of() : List.of(actionSet(actions));
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode action : actions) {
            ObjectNode row = ChatWidth.fitsAButton(action.path("title").asText()) ? actionSet(List.of(action)) : tappableRow(action);
            rows.add(rows.isEmpty() ? row : row.put("spacing", "Small"));
        }
        return rows;
    }

    private static ObjectNode actionSet(List<ObjectNode> actions) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        ArrayNode list = set.putArray("actions");
        actions.forEach(list::add);
        return set;
    }

    // A shaded row that does what the action does when tapped, its title wrapping in the button's colour.
    private static ObjectNode tappableRow(ObjectNode action) {
        ObjectNode row = JSON.objectNode();
        row.put("type", "Container");
        row.put("style", "emphasis");
        row.set("selectAction", action);
        String colour = "destructive".equals(action.path("style").asText()) ? "Attention" : "Accent";
        row.putArray("items").add(textBlock(action.path("title").asText()).put("weight", "Bolder").put("color", colour));
        return row;
    }

    /** A title, label or option: stripped, never empty, at most {@link CardLimits#LABEL} chars. */
    static String label(String text) {
        return text == null || text.isBlank() ? NO_LABEL : Cut.plain(text.strip(), CardLimits.LABEL);
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
