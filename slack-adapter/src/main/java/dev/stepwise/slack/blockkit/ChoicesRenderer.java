package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.ACTIONS_ELEMENTS;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_TEXT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_VALUE;
import static dev.stepwise.slack.blockkit.BlockKitLimits.MAX_BUTTONS_BEFORE_MENU;
import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_TEXT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_VALUE;
import static dev.stepwise.slack.blockkit.BlockKitLimits.SECTION_TEXT;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
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
// (when every label fits an option whole) and the rest stay buttons. A label too long for a button (75 chars) is never
// cut: that choice is a section whose text is the whole label, with a "Choose" button beside it.
final class ChoicesRenderer {

    static final String NO_LABEL = "(no label)";
    static final String CHOOSE = "Choose";

    private ChoicesRenderer() {
    }

    static List<LayoutBlock> render(Block.Choices choices) {
        List<LayoutBlock> blocks = new ArrayList<>(Sections.of(SlackMarkdown.of(choices.prompt())));
        Set<String> menuActionIds = menuActionIds(choices.choices());
        Set<String> rendered = new HashSet<>();
        List<BlockElement> row = new ArrayList<>();
        int index = 0;
        for (Choice choice : choices.choices()) {
            Intact.require(choice.value(), BUTTON_VALUE, "choice value");
            if (menuActionIds.contains(choice.actionId())) {
                if (rendered.add(choice.actionId())) {
                    List<Choice> group = choices.choices().stream()
                            .filter(c -> c.actionId().equals(choice.actionId())).toList();
                    for (BlockElement select : SelectMenus.of(choices.prompt(), choice.actionId(), group, index)) {
                        index = add(blocks, row, select, index);
                    }
                }
            } else if (label(choice.label()).length() > BUTTON_TEXT) {
                flush(blocks, row);
                blocks.add(SectionBlock.builder().text(Sections.plain(label(choice.label()), SECTION_TEXT))
                        .accessory(button(choice, CHOOSE, index++)).build());
            } else {
                index = add(blocks, row, button(choice, label(choice.label()), index), index);
            }
        }
        flush(blocks, row);
        return blocks;
    }

    // Adds an element to the current actions block (a new one when it is full); returns the next element index.
    private static int add(List<LayoutBlock> blocks, List<BlockElement> row, BlockElement element, int index) {
        if (row.size() == ACTIONS_ELEMENTS) {
            flush(blocks, row);
        }
        row.add(element);
        return index + 1;
    }

    private static void flush(List<LayoutBlock> blocks, List<BlockElement> row) {
        if (!row.isEmpty()) {
            blocks.add(ActionsBlock.builder().elements(List.copyOf(row)).build());
            row.clear();
        }
    }

    // Action ids to show as menus: only when there are too many choices, and only if every value and label fits an
    // option whole.
    private static Set<String> menuActionIds(List<Choice> choices) {
        if (choices.size() <= MAX_BUTTONS_BEFORE_MENU) {
            return Set.of();
        }
        Map<String, List<Choice>> byActionId = choices.stream()
                .collect(Collectors.groupingBy(Choice::actionId, Collectors.toList()));
        return byActionId.entrySet().stream()
                .filter(e -> e.getValue().size() > MAX_BUTTONS_BEFORE_MENU)
                .filter(e -> e.getValue().stream().allMatch(c -> c.value() != null && c.value().length() <= OPTION_VALUE
                        && label(c.label()).length() <= OPTION_TEXT))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static ButtonElement button(Choice choice, String text, int index) {
        return ButtonElement.builder()
                .text(Sections.plain(text, BUTTON_TEXT))
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
