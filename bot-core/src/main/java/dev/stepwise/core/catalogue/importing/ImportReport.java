package dev.stepwise.core.catalogue.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param rows          rows (or JSON items) read, blank rows not counted
 * @param added         items that weren't there
 * @param updated       items whose content or skills changed
 * @param unchanged     items that were there exactly as in the file
 * @param deleted       items deleted because the file (in replace mode) doesn't have them
 * @param rejected      rows not imported; {@code problems} says why (the first {@value #MAX_LISTED} of them)
 * @param ignoredSkills skill names that aren't the organisation's and were left off (with "unknownSkills": "ignore"),
 *                      with how many rows named each
 * @param deletedKeys   the keys of the deleted items (the first {@value #MAX_LISTED})
 * @param notes         anything else worth knowing, such as which column each field was read from
 */
public record ImportReport(CatalogueFormat format, ImportMode mode, boolean dryRun, int rows, int added, int updated,
                           int unchanged, int deleted, int rejected, List<RowProblem> problems,
                           Map<String, Integer> ignoredSkills, List<String> deletedKeys, List<String> notes) {

    /** The longest lists a report carries. */
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        problems = List.copyOf(problems);
        ignoredSkills = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredSkills));
        deletedKeys = List.copyOf(deletedKeys);
        notes = List.copyOf(notes);
    }
}
