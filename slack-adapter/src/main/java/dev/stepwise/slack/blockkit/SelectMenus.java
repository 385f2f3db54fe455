package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_TEXT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.PLACEHOLDER;
import static dev.stepwise.slack.blockkit.BlockKitLimits.SELECT_OPTIONS;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.StaticSelectElement;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.ArrayList;
import java.util.List;

// Choices sharing one action id as static selects. A select holds at most 100 options, so more choices are paged into
// several selects, each placeholder saying which ones it holds ("Choose… (101–200)"): nothing is left out.
final class SelectMenus {

    static final String DEFAULT_PLACEHOLDER = "Choose…";

    private SelectMenus() {
    }

    // The selects; their action ids are coreActionId#index from firstIndex on.
    static List<BlockElement> of(String prompt, String coreActionId, List<Choice> choices, int firstIndex) {
        List<BlockElement> selects = new ArrayList<>();
        boolean paged = choices.size() > SELECT_OPTIONS;
        for (int from = 0; from < choices.size(); from += SELECT_OPTIONS) {
            int to = Math.min(from + SELECT_OPTIONS, choices.size());
            selects.add(StaticSelectElement.builder()
                    .actionId(ActionIds.encode(coreActionId, firstIndex + selects.size()))
                    .placeholder(Sections.plain(placeholder(prompt, paged ? " (" + (from + 1) + "–" + to + ")" : ""),
                            PLACEHOLDER))
                    .options(choices.subList(from, to).stream().map(SelectMenus::option).toList())
                    .build());
        }
        return selects;
    }

    static OptionObject option(String label, String value) {
        return OptionObject.builder()
                .text(Sections.plain(ChoicesRenderer.label(label), OPTION_TEXT))
                .value(value)
                .build();
    }

    private static OptionObject option(Choice choice) {
        return option(choice.label(), choice.value());
    }

    private static String placeholder(String prompt, String range) {
        String base = prompt == null || prompt.isBlank() ? DEFAULT_PLACEHOLDER : prompt.strip();
        return Ellipsis.plain(base, PLACEHOLDER - range.length()) + range;
    }
}
