package com.giftcardimport.importing;

import java.util.List;

/**
 * One data row as read from the file, before any rule is applied.
 *
 * @param rowNumber  the number a spreadsheet shows for the row: the header is row 1, the first data row is 2,
 *                   and a quoted field spanning lines still makes one row (blank lines count, as a spreadsheet
 *                   shows them, though they are never returned as rows)
 * @param cells      the raw cell texts, as many as the row has
 * @param readErrors problems found while reading the row (a value or the row over the size limit: such cells
 *                   are cut to the limit); empty for a row read whole. A row with read errors is never imported.
 */
public record SourceRow(long rowNumber, List<String> cells, List<RowError> readErrors) {

    public SourceRow {
        cells = List.copyOf(cells);
        readErrors = readErrors == null ? List.of() : List.copyOf(readErrors);
    }

    public SourceRow(long rowNumber, List<String> cells) {
        this(rowNumber, cells, List.of());
    }

    /** The cell at {@code column}, or the empty string where the row is shorter. */
    public String cell(int column) {
        return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
    }

    /** Whether the reader already found this row unusable (see {@link #readErrors()}). */
    public boolean hasReadErrors() {
        return !readErrors.isEmpty();
    }
}
