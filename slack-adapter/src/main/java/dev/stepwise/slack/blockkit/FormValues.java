package dev.stepwise.slack.blockkit;

import com.slack.api.model.view.ViewState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values submitted in a modal rendered by {@link BlockKitRenderer#modal}, by field name. */
public final class FormValues {

    private FormValues() {
    }

    /**
     * Field name to value: a text input's text or a select's chosen option value; "" when nothing was entered or
     * chosen. A field is keyed by its input block's {@code block_id}, which is the field name.
     */
    public static Map<String, String> from(ViewState state) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, actions) -> {
            ViewState.Value value = actions == null || actions.isEmpty() ? null : actions.values().iterator().next();
            values.put(blockId, valueOf(value));
        });
        return values;
    }

    private static String valueOf(ViewState.Value value) {
        if (value == null) {
            return "";
        }
        if (value.getSelectedOption() != null) {
            return value.getSelectedOption().getValue() == null ? "" : value.getSelectedOption().getValue();
        }
        return value.getValue() == null ? "" : value.getValue();
    }
}
