package dev.stepwise.app.playground;

import dev.stepwise.core.conversation.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The playground's JSON form of the neutral blocks (documented in docs/playground-api.md). */
final class BlockJson {

    private BlockJson() {
    }

    static List<Map<String, Object>> of(List<Block> blocks) {
        return blocks.stream().map(BlockJson::of).toList();
    }

    static Map<String, Object> of(Block block) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (block) {
            case Block.Text text -> {
                json.put("type", "text");
                json.put("markdown", text.markdown());
            }
            case Block.Choices choices -> {
                json.put("type", "choices");
                json.put("prompt", choices.prompt());
                json.put("choices", choices.choices().stream().map(c -> map(
                        "label", c.label(), "actionId", c.actionId(), "value", c.value(), "style", lower(c.style()))).toList());
            }
            case Block.Form form -> {
                json.put("type", "form");
                json.put("formId", form.formId());
                json.put("title", form.title());
                json.put("submitLabel", form.submitLabel());
                json.put("fields", form.fields().stream().map(BlockJson::field).toList());
            }
            case Block.Card card -> {
                json.put("type", "card");
                json.put("title", card.title());
                json.put("subtitle", card.subtitle());
                json.put("fields", card.fields().stream().map(f -> map("label", f.label(), "value", f.value())).toList());
            }
            case Block.Links links -> {
                json.put("type", "links");
                json.put("title", links.title());
                json.put("links", links.links().stream().map(l -> map("title", l.title(), "url", l.url(), "note", l.note())).toList());
            }
            case Block.Progress progress -> {
                json.put("type", "progress");
                json.put("label", progress.label());
                json.put("percent", progress.percent());
            }
        }
        return json;
    }

    private static Map<String, Object> field(Block.Field field) {
        Map<String, Object> json = map("name", field.name(), "label", field.label(), "kind", lower(field.kind()),
                "required", field.required(), "maxLength", field.maxLength(), "placeholder", field.placeholder());
        json.putAll(map("value", field.value(), "hint", field.hint(), "error", field.error(),
                "options", field.options().stream().map(o -> map("label", o.label(), "value", o.value())).toList()));
        return json;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
