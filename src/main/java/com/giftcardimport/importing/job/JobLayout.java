package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvMask;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.mapping.AutoMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a running job needs to know about its file's columns to write cards and errors.
 *
 * @param cvvColumns  the column mapped to the CVV and every column that looks like one, mapped or not
 *                    ({@link AutoMapper#cvvLikeColumns}): their cells are masked wherever a row is kept
 * @param numbersOnly a whole-file check's layout: a chunk encodes only each valid row's card number and row number
 *                    (all a check loads), not the card
 */
record JobLayout(long jobId, long projectId, List<String> header, ColumnMapping mapping, Set<Integer> cvvColumns,
                 boolean numbersOnly) {

    JobLayout {
        header = List.copyOf(header);
        cvvColumns = Set.copyOf(cvvColumns);
    }

    static JobLayout of(long jobId, long projectId, List<String> header, ColumnMapping mapping) {
        Set<Integer> cvv = new HashSet<>(AutoMapper.cvvLikeColumns(header));
        int mapped = mapping.columnOf(GiftCardField.CVV);
        if (mapped >= 0) {
            cvv.add(mapped);
        }
        return new JobLayout(jobId, projectId, header, mapping, cvv, false);
    }

    /** The layout of a whole-file check ({@link CheckLoader}): the same, its chunks holding numbers only. */
    static JobLayout forCheck(long checkId, long projectId, List<String> header, ColumnMapping mapping) {
        JobLayout job = of(checkId, projectId, header, mapping);
        return new JobLayout(checkId, projectId, job.header(), mapping, job.cvvColumns(), true);
    }

    /** The file's name of the column holding the card number (for duplicate errors). */
    String cardNumberColumn() {
        int column = mapping.columnOf(GiftCardField.CARD_NUMBER);
        return column >= 0 && column < header.size() ? header.get(column) : GiftCardField.CARD_NUMBER.label();
    }

    /** The row's cells as they may be stored and shown: the CVV never in full. */
    List<String> maskedCells(List<String> cells) {
        if (cells == null || cvvColumns.isEmpty()) {
            return cells;
        }
        List<String> masked = new ArrayList<>(cells);
        for (int column : cvvColumns) {
            if (column < cells.size()) {
                masked.set(column, CvvMask.of(cells.get(column)));
            }
        }
        return masked;
    }
}
