package com.giftcardimport.importing;

import java.util.List;

/**
 * A failed row as the correction grid shows it.
 *
 * @param rowNumber the row's number in the file it failed in
 * @param cells     its cells as the file had them, CVV cells left empty (CVVs are never kept in clear: they are
 *                  typed again)
 * @param messages  why it failed
 */
public record CorrectableRow(long rowNumber, List<String> cells, List<String> messages) {

    public CorrectableRow {
        cells = List.copyOf(cells);
        messages = List.copyOf(messages);
    }
}
