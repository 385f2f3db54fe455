package dev.stepwise.core.catalogue.importing;

import java.util.List;
import java.util.Map;

/**
 * One row of an export, read but not yet checked: our field names to the raw text, the skills as listed, or what
 * made the row unreadable.
 *
 * @param row     where the admin finds it: the spreadsheet row (the header is row 1) or the item's position in a JSON array
 * @param values  field ({@link ColumnMapping#FIELDS}) → text as exported; absent or blank means "not given"
 * @param skills  skill names or keys as exported
 * @param problem why the row couldn't be read at all, or null
 */
record SourceRow(int row, Map<String, String> values, List<String> skills, String problem) {

    SourceRow {
        values = Map.copyOf(values);
        skills = List.copyOf(skills);
    }

    static SourceRow unreadable(int row, String problem) {
        return new SourceRow(row, Map.of(), List.of(), problem);
    }

    /** The stripped value of a field, or null when it is absent or blank. */
    String value(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
