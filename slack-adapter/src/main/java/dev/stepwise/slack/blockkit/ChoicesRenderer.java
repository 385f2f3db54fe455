package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.ACTIONS_ELEMENTS;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_TEXT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_VALUE;
import static dev.stepwise.slack.blockkit.BlockKitLimits.MAX_BUTTONS_BEFORE_MENU;
import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_VALUE;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

// Up to five choices are buttons; beyond that, each action id shared by more than five choices becomes select menus
// and the rest stay buttons.
final class ChoicesRenderer {

    static final String NO_LABEL = "(no label)";

    private ChoicesRenderer() {
    }

    static List<LayoutBlock> render(Block.Choices choices) {
        List<LayoutBlock> blocks = new ArrayList<>(Sections.of(SlackMarkdown.of(choices.prompt())));
        List<BlockElement> elements = elements(choices);
        for (int from = 0; from < elements.size(); from += ACTIONS_ELEMENTS) {
            blocks.add(ActionsBlock.builder()
                    .elements(List.copyOf(elements.subList(from, Math.min(from + ACTIONS_ELEMENTS, elements.size()))))
                    .build());
        }
        return blocks;
    }

    private static List<BlockElement> elements(Block.Choices choices) {
        Set<String> menuActionIds = menuActionIds(choices.choices());
        Set<String> rendered = new HashSet<>();
        List<BlockElement> elements = new ArrayList<>();
        for (Choice choice : choices.choices()) {
            Intact.require(choice.value(), BUTTON_VALUE, "choice value");
            if (!menuActionIds.contains(choice.actionId())) {
                elements.add(button(choice, elements.size()));
            } else if (rendered.add(choice.actionId())) {
                List<Choice> group = choices.choices().stream()
                        .filter(c -> c.actionId().equals(choice.actionId())).toList();
                elements.addAll(SelectMenus.of(choices.prompt(), choice.actionId(), group, elements.size()));
            }
        }
        return elements;
    }

    // Action ids to show as menus: only when there are too many choices, and only if every value fits an option.
    private static Set<String> menuActionIds(List<Choice> choices) {
        if (choices.size() <= MAX_BUTTONS_BEFORE_MENU) {
            return Set.of();
        }
        Map<String, List<Choice>> byActionId = choices.stream()
                .collect(Collectors.groupingBy(Choice::actionId, Collectors.toList()));
        return byActionId.entrySet().stream()
                .filter(e -> e.getValue().size() > MAX_BUTTONS_BEFORE_MENU)
                .filter(e -> e.getValue().stream().allMatch(c -> c.value() != null && c.value().length() <= OPTION_VALUE))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static ButtonElement button(Choice choice, int index) {
        return ButtonElement.builder()
                .text(Sections.plain(label(choice.label()), BUTTON_TEXT))
                .actionId(ActionIds.encode(choice.actionId(), index))
                .value(choice.value())
                .style(style(choice.style()))
                .build();
    }

    static String label(String label) {
        return label == null || label.isBlank() ? NO_LABEL : label.strip();
    }

    private static String style(Choice.Style style) {
        return style == null ? null : switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }
}
