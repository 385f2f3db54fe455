package dev.stepwise.core.catalogue.importing;

/**
 * A row that was not imported and why, in plain words.
 *
 * @param row the spreadsheet row (the header is row 1), or the item's position (from 1) in a JSON array
 * @param key the item's key when it could be told, else null
 */
public record RowProblem(int row, String key, String message) {
}
