package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.ArrayList;
import java.util.List;

// Choices as Action.Execute buttons, six to an action set so Teams shows every one. When the layout picks an action id
// for a drop-down, that id's choices become one compact Input.ChoiceSet (input id "value") with a "Choose" button in
// the place of the first of them; the action's data then arrives as {actionId, value} like a button's.
final class ChoicesRenderer {

    static final String CHOOSE = "Choose";

    private ChoicesRenderer() {
    }

    static List<ObjectNode> render(Block.Choices choices, String dropdownActionId, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(choices.prompt())) {
            elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(choices.prompt()))));
        }
        boolean hasMenu = dropdownActionId != null
                && choices.choices().stream().anyMatch(c -> dropdownActionId.equals(c.actionId()));
        ObjectNode choose = hasMenu ? Elements.execute(CHOOSE, CardActions.VERB_CHOICE,
                JSON.objectNode().put(CardActions.ACTION_ID, dropdownActionId), "positive", true) : null;
        List<ObjectNode> actions = new ArrayList<>();
        List<Choice> menu = new ArrayList<>();
        for (Choice choice : choices.choices()) {
            if (hasMenu && dropdownActionId.equals(choice.actionId())) {
                if (menu.isEmpty()) {
                    actions.add(choose);
                }
                menu.add(choice);
            } else {
                actions.add(button(choice));
            }
        }
        List<ObjectNode> keptActions = new ArrayList<>(shrink.list(actions));
        if (choose != null && keptActions.stream().noneMatch(action -> action == choose)) {
            keptActions.set(keptActions.size() - 1, choose);
        }
        List<Choice> keptMenu = shrink.list(menu);
        if (!keptMenu.isEmpty()) {
            elements.add(dropdown(keptMenu));
        }
        elements.addAll(Elements.actionSets(keptActions));
        int shown = keptActions.size() - (choose == null ? 0 : 1) + keptMenu.size();
        int missing = choices.choices().size() - shown;
        if (missing > 0) {
            elements.add(Elements.subtle(missing + (missing == 1 ? " more choice doesn't" : " more choices don't")
                    + " fit in this card."));
        }
        return elements;
    }

    static ObjectNode button(Choice choice) {
        ObjectNode data = JSON.objectNode();
        data.put(CardActions.ACTION_ID, choice.actionId());
        data.put(CardActions.VALUE, choice.value());
        return Elements.execute(Elements.label(choice.label()), CardActions.VERB_CHOICE, data, style(choice.style()), false);
    }

    private static ObjectNode dropdown(List<Choice> choices) {
        ObjectNode input = JSON.objectNode();
        input.put("type", "Input.ChoiceSet");
        input.put("id", CardActions.VALUE);
        input.put("style", "compact");
        input.put("placeholder", "Choose\u2026");
        input.put("isRequired", true);
        input.put("errorMessage", "Please choose one first.");
        ArrayNode list = input.putArray("choices");
        for (Choice choice : choices) {
            list.addObject().put("title", Elements.label(choice.label())).put("value", choice.value() == null ? "" : choice.value());
        }
        return input;
    }

    private static String style(Choice.Style style) {
        return style == null ? null : switch (style) {
            case PRIMARY -> "positive";
            case DANGER -> "destructive";
            case DEFAULT -> null;
        };
    }
}
