package dev.stepwise.teams.cards;

import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * Card-wide decisions, by block index. Input ids must be unique in a card, and any Action.Execute that sends inputs
 * sends (and validates) all of the card's inputs. So: the first form's inputs are "field.<name>", a later form's
 * "field<n>.<name>"; and a menu for the choices of one action id (one input, id "value", with a Choose button) is used
 * only when it is the card's one and only input, i.e. no form and no second candidate. A candidate is an action id
 * with a row's worth of choices in a block of more than six (crowded), or with two or more choices of which one is too
 * long for a button in a narrow chat. Otherwise choices stay buttons, laid out by Elements.buttonRows.
 */
record Layout(Map<Integer, String> menus, Map<Integer, String> fieldPrefixes) {

    static Layout of(List<Block> blocks) {
        Map<Integer, String> prefixes = new HashMap<>();
        List<Map.Entry<Integer, String>> candidates = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            switch (blocks.get(i)) {
                case Block.Form ignored -> prefixes.put(i, prefixes.isEmpty()
                        ? CardActions.FIELD_PREFIX : "field" + (prefixes.size() + 1) + ".");
                case Block.Choices choices -> {
                    for (String actionId : menuActionIds(choices)) {
                        candidates.add(Map.entry(i, actionId));
                    }
                }
                default -> {
                }
            }
        }
        Map<Integer, String> menus = prefixes.isEmpty() && candidates.size() == 1
                ? Map.of(candidates.getFirst().getKey(), candidates.getFirst().getValue()) : Map.of();
        return new Layout(menus, prefixes);
    }

    /** The action id whose choices in this block are a menu, or null. */
    String menu(int blockIndex) {
        return menus.get(blockIndex);
    }

    String fieldPrefix(int blockIndex) {
        return fieldPrefixes.getOrDefault(blockIndex, CardActions.FIELD_PREFIX);
    }

    private static List<String> menuActionIds(Block.Choices choices) {
        Map<String, List<Block.Choice>> byActionId = new LinkedHashMap<>();
        choices.choices().stream().filter(c -> c.actionId() != null)
                .forEach(c -> byActionId.computeIfAbsent(c.actionId(), id -> new ArrayList<>()).add(c));
        boolean manyChoices = choices.choices().size() > CardLimits.MAX_BUTTONS;
        return byActionId.entrySet().stream()
                .filter(e -> manyChoices && e.getValue().size() >= CardLimits.MAX_BUTTONS
                        || e.getValue().size() >= 2 && e.getValue().stream().anyMatch(ChoicesRenderer::tooLongForAButton))
                .map(Map.Entry::getKey).toList();
    }
}
