package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvMask;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running job needs to know about its file's columns to write cards and errors.
 *
 * @param cvvColumn the index of the column mapped to the CVV, or -1: its cells are masked wherever a row is kept
 */
record JobLayout(long jobId, long projectId, List<String> header, ColumnMapping mapping, int cvvColumn) {

    JobLayout {
        header = List.copyOf(header);
    }

    static JobLayout of(long jobId, long projectId, List<String> header, ColumnMapping mapping) {
        return new JobLayout(jobId, projectId, header, mapping, mapping.columnOf(GiftCardField.CVV));
    }

    /** The file's name of the column holding the card number (for duplicate errors). */
    String cardNumberColumn() {
        int column = mapping.columnOf(GiftCardField.CARD_NUMBER);
        return column >= 0 && column < header.size() ? header.get(column) : GiftCardField.CARD_NUMBER.label();
    }

    /** The row's cells as they may be stored and shown: the CVV never in full. */
    List<String> maskedCells(List<String> cells) {
        if (cells == null) {
            return null;
        }
        if (cvvColumn < 0 || cvvColumn >= cells.size()) {
            return cells;
        }
        List<String> masked = new ArrayList<>(cells);
        masked.set(cvvColumn, CvvMask.of(cells.get(cvvColumn)));
        return masked;
    }
}
