package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.ACTION_ID;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BLOCK_ID;
import static dev.stepwise.slack.blockkit.BlockKitLimits.INPUT_HINT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.INPUT_LABEL;
import static dev.stepwise.slack.blockkit.BlockKitLimits.INPUT_MAX_LENGTH;
import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_GROUPS;
import static dev.stepwise.slack.blockkit.BlockKitLimits.OPTION_VALUE;
import static dev.stepwise.slack.blockkit.BlockKitLimits.PLACEHOLDER;
import static dev.stepwise.slack.blockkit.BlockKitLimits.SELECT_OPTIONS;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import dev.stepwise.core.conversation.Block.Field;
import java.util.ArrayList;
import java.util.List;

// A form field as an input block whose block_id and element action_id are the field name. A select with more than 100
// options groups them in hundreds (option_groups); a select without options degrades to a text input.
final class FieldInputs {

    private FieldInputs() {
    }

    static InputBlock of(Field field) {
        String name = Intact.require(Intact.require(field.name(), BLOCK_ID, "field name"), ACTION_ID, "field name");
        String label = field.label() == null || field.label().isBlank() ? name : field.label().strip();
        return InputBlock.builder()
                .blockId(name)
                .label(Sections.plain(label, INPUT_LABEL))
                .hint(field.hint() == null || field.hint().isBlank() ? null : Sections.plain(field.hint(), INPUT_HINT))
                .optional(!field.required())
                .element(element(field, name))
                .build();
    }

    private static BlockElement element(Field field, String name) {
        if (field.kind() == Field.Kind.SELECT && !field.options().isEmpty()) {
            return select(field, name);
        }
        Integer maxLength = field.maxLength() == null || field.maxLength() < 1
                ? null : Math.min(field.maxLength(), INPUT_MAX_LENGTH);
        return PlainTextInputElement.builder()
                .actionId(name)
                .multiline(field.kind() == Field.Kind.TEXTAREA)
                .maxLength(maxLength)
                .initialValue(initialValue(field.value(), maxLength == null ? INPUT_MAX_LENGTH : maxLength))
                .placeholder(placeholder(field))
                .build();
    }

    // A draft longer than the input allows is cut to fit, without "…", which would become part of the value.
    private static String initialValue(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() <= maxLength ? value : value.substring(0, SafeCut.plain(value, maxLength));
    }

    private static StaticSelectElement select(Field field, String name) {
        List<OptionObject> options = field.options().stream()
                .map(o -> SelectMenus.option(o.label(), Intact.require(o.value(), OPTION_VALUE, "option value")))
                .toList();
        StaticSelectElement.StaticSelectElementBuilder select = StaticSelectElement.builder()
                .actionId(name)
                .placeholder(placeholder(field))
                .initialOption(options.stream().filter(o -> o.getValue().equals(field.value())).findFirst().orElse(null));
        return (options.size() <= SELECT_OPTIONS ? select.options(options) : select.optionGroups(groups(field, options)))
                .build();
    }

    private static List<OptionGroupObject> groups(Field field, List<OptionObject> options) {
        if (options.size() > SELECT_OPTIONS * OPTION_GROUPS) {
            throw new IllegalArgumentException("field " + field.name() + " has " + options.size()
                    + " options; a Slack select holds at most " + SELECT_OPTIONS * OPTION_GROUPS);
        }
        List<OptionGroupObject> groups = new ArrayList<>();
        for (int from = 0; from < options.size(); from += SELECT_OPTIONS) {
            int to = Math.min(from + SELECT_OPTIONS, options.size());
            groups.add(OptionGroupObject.builder()
                    .label(PlainTextObject.builder().text((from + 1) + "–" + to).build())
                    .options(List.copyOf(options.subList(from, to)))
                    .build());
        }
        return groups;
    }

    private static PlainTextObject placeholder(Field field) {
        return field.placeholder() == null || field.placeholder().isBlank()
                ? null : Sections.plain(field.placeholder(), PLACEHOLDER);
    }
}
