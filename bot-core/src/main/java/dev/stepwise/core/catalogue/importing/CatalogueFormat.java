package dev.stepwise.core.catalogue.importing;

/** The file formats the catalogue is imported from. */
public enum CatalogueFormat {
    /** An export with a header row, read through a {@link ColumnMapping}. */
    CSV,
    /** An array of items with our field names ({@link ColumnMapping#FIELDS}, {@code durationMinutes} too). */
    JSON
}
