package com.giftcardimport.importing;

import java.util.List;
import java.util.Set;

/**
 * What corrected rows are checked against and imported as: the failed file's header, mapping, action and delimiter.
 *
 * @param cvvColumns the columns whose cells are never shown (the mapped CVV and every column that looks like one)
 */
public record CorrectionTarget(String fileName, List<String> header, ColumnMapping mapping, ImportAction action,
                               char delimiter, Set<Integer> cvvColumns) {

    public CorrectionTarget {
        header = List.copyOf(header);
        cvvColumns = Set.copyOf(cvvColumns);
    }

    /** Whether the grid lets a person edit this column: the mapped ones. */
    public boolean editable(int column) {
        return mapping.field(column).isPresent();
    }
}
