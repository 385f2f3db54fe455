package dev.stepwise.core.catalogue.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON array of items with our field names ({@link ColumnMapping#FIELDS}, and {@code durationMinutes} as a
 * number of minutes). Skills are an array, or one text split by the mapping's list separator. Fields we don't import
 * are ignored and mentioned in a note. Refuses a document that isn't a JSON array.
 */
final class JsonRows {

    /** What was read, and a note on ignored fields (or null). */
    record Read(List<SourceRow> rows, String ignoredNote) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRows() {
    }

    static Read read(byte[] content, ColumnMapping mapping) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException broken) {
            TokenStreamLocation at = broken.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
            throw new ImportRefused("The file isn't valid JSON" + where + ", so nothing was imported (" + broken.getOriginalMessage() + ").");
        }
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw new ImportRefused("The file must be a JSON array of items, such as [{\"title\": \"…\", \"url\": \"https://…\", "
                    + "\"type\": \"course\"}].");
        }
        Pattern separator = Pattern.compile(Pattern.quote(mapping.listSeparator()));
        Map<String, Integer> ignored = new TreeMap<>();
        List<SourceRow> rows = new ArrayList<>();
        int row = 0;
        for (JsonNode item : root) {
            row++;
            if (!item.isObject()) {
                rows.add(SourceRow.unreadable(row, "It isn't an object with fields such as title and url."));
                continue;
            }
            rows.add(row(row, item, separator, ignored));
        }
        String note = ignored.isEmpty() ? null : "Fields we don't import were ignored: " + String.join(", ",
                ignored.entrySet().stream().map(e -> "'" + e.getKey() + "' (" + e.getValue() + (e.getValue() == 1 ? " item)" : " items)"))
                        .toList()) + ".";
        return new Read(rows, note);
    }

    private static SourceRow row(int row, JsonNode item, Pattern separator, Map<String, Integer> ignored) {
        Map<String, String> values = new HashMap<>();
        List<String> skills = new ArrayList<>();
        for (var property : item.properties()) {
            String field = property.getKey();
            JsonNode value = property.getValue();
            if (value.isNull()) {
                continue;
            }
            if (field.equals("skills")) {
                if (value.isArray()) {
                    for (JsonNode skill : value) {
                        if (!skill.isString()) {
                            return SourceRow.unreadable(row, "Its skills must be names or keys, such as [\"coaching\"], not " + value + ".");
                        }
                        if (!skill.stringValue().isBlank()) {
                            skills.add(skill.stringValue().strip());
                        }
                    }
                } else if (value.isString()) {
                    Arrays.stream(separator.split(value.stringValue())).map(String::strip).filter(s -> !s.isEmpty())
                            .forEach(skills::add);
                } else {
                    return SourceRow.unreadable(row, "Its skills must be a list of names or keys, such as [\"coaching\"], not " + value + ".");
                }
                continue;
            }
            String target = field.equals("durationMinutes") ? "duration" : field;
            if (!ColumnMapping.FIELDS.contains(target)) {
                ignored.merge(field, 1, Integer::sum);
                continue;
            }
            if (!value.isValueNode()) {
                return SourceRow.unreadable(row, "Its %s must be text or a number, not %s.".formatted(field, value));
            }
            String text = value.asString();
            if (text.isBlank()) {
                continue;
            }
            if (field.equals("durationMinutes")) {
                if (item.hasNonNull("duration")) {
                    return SourceRow.unreadable(row, "It has both duration and durationMinutes; give one.");
                }
                text = text + " min";
            }
            values.put(target, text);
        }
        return new SourceRow(row, values, skills, null);
    }
}
