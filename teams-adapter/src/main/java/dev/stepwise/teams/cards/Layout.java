package dev.stepwise.teams.cards;

import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/*
 * Card-wide decisions, by block index. Input ids must be unique in a card, and any Action.Execute that sends inputs
 * sends (and validates) all of the card's inputs. So: the first form's inputs are "field.<name>", a later form's
 * "field<n>.<name>"; and a drop-down for many choices (input id "value") is used only when it is the card's one and
 * only input, i.e. no form and no second candidate. Otherwise choices stay buttons, six per row.
 */
record Layout(Map<Integer, String> dropdowns, Map<Integer, String> fieldPrefixes) {

    static Layout of(List<Block> blocks) {
        Map<Integer, String> prefixes = new HashMap<>();
        List<Map.Entry<Integer, String>> candidates = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            switch (blocks.get(i)) {
                case Block.Form ignored -> prefixes.put(i, prefixes.isEmpty()
                        ? CardActions.FIELD_PREFIX : "field" + (prefixes.size() + 1) + ".");
                case Block.Choices choices when choices.choices().size() > CardLimits.MAX_BUTTONS -> {
                    for (String actionId : crowdedActionIds(choices)) {
                        candidates.add(Map.entry(i, actionId));
                    }
                }
                default -> {
                }
            }
        }
        Map<Integer, String> dropdowns = prefixes.isEmpty() && candidates.size() == 1
                ? Map.of(candidates.getFirst().getKey(), candidates.getFirst().getValue()) : Map.of();
        return new Layout(dropdowns, prefixes);
    }

    String dropdown(int blockIndex) {
        return dropdowns.get(blockIndex);
    }

    String fieldPrefix(int blockIndex) {
        return fieldPrefixes.getOrDefault(blockIndex, CardActions.FIELD_PREFIX);
    }

    // Action ids shared by at least a row's worth of choices.
    private static List<String> crowdedActionIds(Block.Choices choices) {
        Map<String, Long> counts = choices.choices().stream().filter(c -> c.actionId() != null)
                .collect(Collectors.groupingBy(Block.Choice::actionId, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() >= CardLimits.MAX_BUTTONS)
                .map(Map.Entry::getKey).toList();
    }
}
