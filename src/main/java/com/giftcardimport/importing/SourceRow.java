package com.giftcardimport.importing;

import java.util.List;

/**
 * One data row as read from the file, before any rule is applied.
 *
 * @param rowNumber the number a spreadsheet shows for the row: the header is row 1, the first data row is 2,
 *                  and a quoted field spanning lines still makes one row
 * @param cells     the raw cell texts, as many as the row has
 */
public record SourceRow(long rowNumber, List<String> cells) {

    public SourceRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code column}, or the empty string where the row is shorter. */
    public String cell(int column) {
        return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
    }
}
