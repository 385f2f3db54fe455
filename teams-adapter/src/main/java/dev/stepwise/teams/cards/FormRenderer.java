package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Field;
import java.util.ArrayList;
import java.util.List;

// A form in the card: its title, then per field the input (id = prefix + field name, with label, placeholder,
// pre-filled value, maxLength, isRequired + errorMessage; a SELECT is a compact drop-down, or a list of options whose
// titles wrap when one is too long for a drop-down in a narrow chat), the core's validation error in attention colour
// right under it, and the hint in subtle text; then one Action.Execute "form" submit carrying the form id and field
// names.
final class FormRenderer {

    static final String DEFAULT_SUBMIT = "Submit";

    private FormRenderer() {
    }

    static List<ObjectNode> render(Block.Form form, String fieldPrefix, Shrink shrink) {
        List<ObjectNode> elements = new ArrayList<>();
        if (Elements.present(form.title())) {
            elements.add(Elements.heading(shrink.markdown(TeamsMarkdown.card(form.title()))));
        }
        for (Field field : form.fields()) {
            elements.add(input(field, fieldPrefix, shrink));
            if (Elements.present(field.error())) {
                elements.add(Elements.textBlock(shrink.markdown(TeamsMarkdown.card(field.error())))
                        .put("color", "Attention").put("weight", "Bolder").put("spacing", "Small"));
            }
            if (Elements.present(field.hint())) {
                elements.add(Elements.subtle(shrink.markdown(TeamsMarkdown.card(field.hint()))));
            }
        }
        ObjectNode data = JSON.objectNode();
        data.put(CardActions.FORM_ID, form.formId());
        ArrayNode names = data.putArray(CardActions.FIELDS);
        form.fields().forEach(field -> names.add(field.name()));
        if (!CardActions.FIELD_PREFIX.equals(fieldPrefix)) {
            data.put(CardActions.FIELD_PREFIX_KEY, fieldPrefix);
        }
        String submit = Elements.present(form.submitLabel()) ? Elements.label(form.submitLabel()) : DEFAULT_SUBMIT;
        elements.addAll(Elements.buttonRows(List.of(
                Elements.execute(submit, CardActions.VERB_FORM, data, "positive", true))));
        return elements;
    }

    private static ObjectNode input(Field field, String fieldPrefix, Shrink shrink) {
        boolean select = field.kind() == Field.Kind.SELECT && !field.options().isEmpty();
        ObjectNode input = JSON.objectNode();
        input.put("type", select ? "Input.ChoiceSet" : "Input.Text");
        input.put("id", fieldPrefix + field.name());
        if (Elements.present(field.label())) {
            input.put("label", Elements.label(field.label()));
        }
        if (select) {
            ArrayNode choices = input.putArray("choices");
            List<Block.Option> kept = new ArrayList<>(shrink.list(field.options()));
            field.options().stream()
                    .filter(o -> o.value() != null && o.value().equals(field.value()) && !kept.contains(o))
                    .findFirst().ifPresent(kept::add);
            kept.forEach(o -> choices.addObject().put("title", Elements.label(o.label()))
                    .put("value", o.value() == null ? "" : o.value()));
            if (kept.stream().allMatch(o -> ChatWidth.fitsADropDown(Elements.label(o.label())))) {
                input.put("style", "compact");
            } else {
                input.put("style", "expanded");
                input.put("wrap", true);
            }
        } else {
            if (field.kind() == Field.Kind.TEXTAREA) {
                input.put("isMultiline", true);
            }
            if (field.maxLength() != null && field.maxLength() > 0) {
                input.put("maxLength", field.maxLength());
            }
        }
        if (Elements.present(field.placeholder())) {
            input.put("placeholder", Elements.label(field.placeholder()));
        }
        if (field.value() != null && !field.value().isEmpty()) {
            input.put("value", field.value());
        }
        if (field.required()) {
            input.put("isRequired", true);
            input.put("errorMessage", select ? "Please choose one." : "Please fill this in.");
        }
        return input;
    }
}
