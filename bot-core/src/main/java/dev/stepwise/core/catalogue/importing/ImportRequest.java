package dev.stepwise.core.catalogue.importing;

import java.util.Objects;

/**
 * A catalogue file to import into one organisation.
 *
 * @param mapping how to read it (for JSON only its defaults, separators and skill policy count)
 * @param dryRun  check and count everything, then change nothing
 */
public record ImportRequest(CatalogueFormat format, byte[] content, ColumnMapping mapping, ImportMode mode, boolean dryRun) {

    public ImportRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
        mapping = mapping == null ? ColumnMapping.DEFAULT : mapping;
        mode = mode == null ? ImportMode.UPSERT : mode;
    }
}
