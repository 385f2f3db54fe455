package dev.stepwise.core.catalogue.importing;

/** What an import does with the organisation's items that aren't in the file. */
public enum ImportMode {
    /** Leave them as they are: the file adds and updates items. */
    UPSERT,
    /**
     * Delete them, so that the catalogue becomes the file. Only when every row of the file was imported: with a
     * rejected row nobody can tell which item it meant, so nothing is deleted (the report says so).
     */
    REPLACE
}
