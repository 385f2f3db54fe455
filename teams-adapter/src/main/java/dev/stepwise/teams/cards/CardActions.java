package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.core.conversation.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract between the cards {@link AdaptiveCardRenderer} draws and the {@code adaptiveCard/action} invokes Teams
 * sends back ({@code activity.value.action} = {@code {"type": "Action.Execute", "verb", "data"}}; Teams adds each
 * input's value to {@code data} under the input's id):
 * <ul>
 *   <li>verb {@value #VERB_CHOICE}, data {@code {"actionId": …, "value": …}}: a choice (a button, a tappable row, or
 *       the Choose button of a menu of choices, whose input id is {@code value}) → {@link Input.ButtonPressed}.</li>
 *   <li>verb {@value #VERB_FORM}, data {@code {"formId": …, "fields": [names…], "field.<name>": value…}} (a second
 *       form in the same card also carries {@code "fieldPrefix": "field2."}) → {@link Input.FormSubmitted} with
 *       every field's value by name; a field Teams left out, or sent as null, is "".</li>
 *   <li>verb {@value #VERB_REFRESH} (a card's {@link Refresh}) and any other verb → empty: not a person's input.</li>
 * </ul>
 */
public final class CardActions {

    public static final String VERB_CHOICE = "choice";
    public static final String VERB_FORM = "form";
    public static final String VERB_REFRESH = "refresh";
    public static final String ACTION_ID = "actionId";
    public static final String VALUE = "value";
    public static final String FORM_ID = "formId";
    public static final String FIELDS = "fields";
    public static final String FIELD_PREFIX = "field.";
    public static final String FIELD_PREFIX_KEY = "fieldPrefix";

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private CardActions() {
    }

    /**
     * The person's input in an {@code adaptiveCard/action} invoke. Accepts {@code activity.value.action}, or
     * {@code activity.value} itself (then its {@code action} is read). Empty for refreshes, unknown verbs and
     * actions missing their action id or form id.
     */
    public static Optional<Input> toInput(JsonNode action) {
        if (action == null || !action.isObject()) {
            return Optional.empty();
        }
        JsonNode node = !action.has("verb") && action.path("action").isObject() ? action.get("action") : action;
        JsonNode data = node.path("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = data.isObject() ? JACKSON.convertValue(data, Map.class) : Map.of();
        return toInput(node.path("verb").asText(null), map);
    }

    /** The person's input for this verb and data (see the class comment); empty when it is not one. */
    public static Optional<Input> toInput(String verb, Map<String, ?> data) {
        Map<String, ?> values = data == null ? Map.of() : data;
        if (VERB_CHOICE.equals(verb)) {
            String actionId = text(values.get(ACTION_ID));
            if (actionId == null || actionId.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Input.ButtonPressed(actionId, text(values.get(VALUE))));
        }
        if (VERB_FORM.equals(verb)) {
            String formId = text(values.get(FORM_ID));
            if (formId == null || formId.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Input.FormSubmitted(formId, fieldValues(values)));
        }
        return Optional.empty();
    }

    /** The action's {@code data} as text by key (e.g. a refresh's data); empty when there is none. */
    public static Map<String, String> data(JsonNode action) {
        Map<String, String> out = new LinkedHashMap<>();
        if (action == null) {
            return out;
        }
        JsonNode node = !action.has("verb") && action.path("action").isObject() ? action.get("action") : action;
        node.path("data").properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : text(e.getValue())));
        return out;
    }

    private static Map<String, String> fieldValues(Map<String, ?> data) {
        String prefix = data.get(FIELD_PREFIX_KEY) instanceof String p && !p.isBlank() ? p : FIELD_PREFIX;
        Map<String, String> values = new LinkedHashMap<>();
        if (data.get(FIELDS) instanceof List<?> names) {
            names.stream().filter(n -> n != null).forEach(n -> values.put(n.toString(), ""));
        }
        data.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String text = text(value);
                values.put(key.substring(prefix.length()), text == null ? "" : text);
            }
        });
        return values;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node.isNull() || node.isMissingNode() ? null : node.isValueNode() ? node.asText() : node.toString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return JACKSON.valueToTree(value).toString();
    }
}
