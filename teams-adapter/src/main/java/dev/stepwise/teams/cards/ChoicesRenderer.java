package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.ArrayList;
import java.util.List;

// Choices as Action.Execute buttons laid out so that every title reads whole in a narrow chat (Elements.buttonRows).
// When the layout picks an action id for a menu, that id's choices become one Input.ChoiceSet (input id "value") with
// a "Choose" button in the place of the first of them: a compact drop-down when every title fits in one, else a list
// of options whose titles wrap. The action's data then arrives as {actionId, value} like a button's.
final class ChoicesRenderer {

    static final String CHOOSE = "Choose";
    static final String MENU_LABEL = "Choose one";

    private ChoicesRenderer() {
    }

    static List<ObjectNode> render(Block.Choices choices, String menuActionId, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(choices.prompt())) {
            elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(choices.prompt()))));
        }
        boolean hasMenu = menuActionId != null
                && choices.choices().stream().anyMatch(c -> menuActionId.equals(c.actionId()));
        ObjectNode choose = hasMenu ? Elements.execute(CHOOSE, CardActions.VERB_CHOICE,
                JSON.objectNode().put(CardActions.ACTION_ID, menuActionId), "positive", true) : null;
        List<ObjectNode> actions = new ArrayList<>();
        List<Choice> menu = new ArrayList<>();
        for (Choice choice : choices.choices()) {
            if (hasMenu && menuActionId.equals(choice.actionId())) {
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
            elements.add(menu(keptMenu));
        }
        elements.addAll(Elements.buttonRows(keptActions));
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

    /** Whether this choice's title would be cut on a button of its own in a narrow chat. */
    static boolean tooLongForAButton(Choice choice) {
        return !ChatWidth.fitsAButton(Elements.label(choice.label()));
    }

    private static ObjectNode menu(List<Choice> choices) {
        ObjectNode input = JSON.objectNode();
        input.put("type", "Input.ChoiceSet");
        input.put("id", CardActions.VALUE);
        input.put("label", MENU_LABEL);
        if (choices.stream().allMatch(c -> ChatWidth.fitsADropDown(Elements.label(c.label())))) {
            input.put("style", "compact");
            input.put("placeholder", "Choose\u2026");
        } else {
            input.put("style", "expanded");
            input.put("wrap", true);
        }
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
