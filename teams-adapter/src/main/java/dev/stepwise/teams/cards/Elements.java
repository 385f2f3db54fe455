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

    /** The actions in order, in as many action sets as needed to keep every one of them on screen. */
    static List<ObjectNode> actionSets(List<ObjectNode> actions) {
        List<ObjectNode> sets = new ArrayList<>();
        for (int from = 0; from < actions.size(); from += CardLimits.ACTIONS_PER_SET) {
            ObjectNode set = JSON.objectNode();
            set.put("type", "ActionSet");
            ArrayNode list = set.putArray("actions");
            actions.subList(from, Math.min(from + CardLimits.ACTIONS_PER_SET, actions.size())).forEach(list::add);
            sets.add(set);
        }
        return sets;
    }

    /** A title, label or option: stripped, never empty, at most {@link CardLimits#LABEL} chars. */
    static String label(String text) {
        return text == null || text.isBlank() ? NO_LABEL : Cut.plain(text.strip(), CardLimits.LABEL);
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
