package dev.stepwise.core.catalogue.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV export through a {@link ColumnMapping}: finds each field's column in the header, then turns every
 * non-blank record into a {@link SourceRow}. Refuses the whole file when it can't be read as the mapping says
 * (not text in its encoding, not CSV, a mapped column missing, no title or url column).
 */
final class CsvRows {

    /** What was read, and a note on which column each field came from. */
    record Read(List<SourceRow> rows, String columnsNote) {
    }

    private CsvRows() {
    }

    static Read read(byte[] content, ColumnMapping mapping) {
        String text = decode(content, mapping);
        char delimiter = mapping.delimiter() != null ? mapping.delimiter() : CsvReader.guessDelimiter(text);
        List<CsvReader.Record> records;
        try {
            records = CsvReader.read(text, delimiter);
        } catch (CsvReader.SyntaxError malformed) {
            throw new ImportRefused("The file isn't valid CSV, so nothing was imported. " + malformed.getMessage());
        }
        int first = 0;
        while (first < records.size() && records.get(first).blank()) {
            first++;
        }
        if (first == records.size()) {
            throw new ImportRefused("The file is empty: it needs a header row naming its columns, then one row per item.");
        }
        List<String> header = records.get(first).fields().stream().map(String::strip).toList();
        Map<String, List<Integer>> columns = resolve(header, mapping);

        Pattern separator = Pattern.compile(Pattern.quote(mapping.listSeparator()));
        List<SourceRow> rows = new ArrayList<>();
        for (int i = first + 1; i < records.size(); i++) {
            CsvReader.Record record = records.get(i);
            int row = i + 1;
            if (record.blank()) {
                continue;
            }
            if (record.fields().size() != header.size()) {
                rows.add(SourceRow.unreadable(row, ("It has %d values but the header has %d columns; a delimiter or a quote "
                        + "may be out of place.").formatted(record.fields().size(), header.size())));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            List<String> skills = new ArrayList<>();
            columns.forEach((field, indexes) -> {
                if (field.equals("skills")) {
                    for (int index : indexes) {
                        Arrays.stream(separator.split(record.fields().get(index))).map(String::strip)
                                .filter(s -> !s.isEmpty()).forEach(skills::add);
                    }
                } else {
                    values.put(field, record.fields().get(indexes.getFirst()));
                }
            });
            rows.add(new SourceRow(row, values, skills, null));
        }
        return new Read(rows, note(columns, header));
    }

    private static String decode(byte[] content, ColumnMapping mapping) {
        try {
            return mapping.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notText) {
            throw new ImportRefused(("The file isn't %s text. If your system exported it in another encoding, say which "
                    + "in the mapping, e.g. \"encoding\": \"windows-1252\".").formatted(mapping.encoding().name()));
        }
    }

    /** Field → column indexes: the mapping's columns, then columns named like a field; refuses what can't be found. */
    private static Map<String, List<Integer>> resolve(List<String> header, ColumnMapping mapping) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, names) -> {
            List<Integer> indexes = new ArrayList<>();
            for (String name : names) {
                int index = find(header, name);
                if (index < 0) {
                    missing.add("'" + name + "' (for " + field + ")");
                } else {
                    indexes.add(index);
                }
            }
            columns.put(field, indexes);
        });
        if (!missing.isEmpty()) {
            throw new ImportRefused("The mapping names %s, but the file has no such column%s. The file's columns are: %s."
                    .formatted(String.join(", ", missing), missing.size() == 1 ? "" : "s", listed(header)));
        }
        boolean levelMapped = mapping.columns().containsKey("level") || mapping.columns().containsKey("levelMin")
                || mapping.columns().containsKey("levelMax");
        for (String field : ColumnMapping.FIELDS) {
            boolean levelField = field.startsWith("level");
            if (columns.containsKey(field) || (levelField && levelMapped)) {
                continue;
            }
            int index = find(header, field);
            if (index < 0 && field.equals("duration")) {
                index = find(header, "durationMinutes");
            }
            if (index >= 0) {
                columns.put(field, List.of(index));
            }
        }
        if (columns.containsKey("level") && !levelMapped && (columns.containsKey("levelMin") || columns.containsKey("levelMax"))) {
            columns.remove("level");
        }
        for (String required : List.of("title", "url")) {
            if (!columns.containsKey(required)) {
                throw new ImportRefused(("The file has no column for the %s. Name its column in the mapping, e.g. "
                        + "{\"columns\": {\"%s\": \"Your column\"}}. The file's columns are: %s.")
                        .formatted(required, required, listed(header)));
            }
        }
        return columns;
    }

    /** The column called {@code name}: exactly, else ignoring case; refuses a name two columns share. */
    private static int find(List<String> header, String name) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            if (header.lastIndexOf(name) != exact) {
                throw new ImportRefused("The file has two columns called '" + name + "', so we can't tell which one is meant.");
            }
            return exact;
        }
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    throw new ImportRefused("The file has two columns called '" + name + "' (in different case), so we can't "
                            + "tell which one is meant.");
                }
                found = i;
            }
        }
        return found;
    }

    private static String note(Map<String, List<Integer>> columns, List<String> header) {
        List<String> parts = new ArrayList<>();
        for (String field : ColumnMapping.FIELDS) {
            List<Integer> indexes = columns.get(field);
            if (indexes != null) {
                parts.add(field + " \u2190 " + String.join(" + ", indexes.stream().map(header::get).toList()));
            }
        }
        return "Columns read: " + String.join(", ", parts) + ".";
    }

    private static String listed(List<String> header) {
        List<String> names = header.stream().map(h -> h.isEmpty() ? "(unnamed)" : h).toList();
        return names.size() <= 40 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 40)) + " and " + (names.size() - 40) + " more";
    }
}
