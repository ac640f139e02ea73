package com.giftcardimport.importing.read;

import com.giftcardimport.base.Blank;
import java.util.List;

/**
 * One record (one spreadsheet row, a quoted value spanning lines included) as {@link CsvTokenizer} read it.
 *
 * @param values        the values, each at most {@link ReadLimits#maxFieldChars()} long; when the record was cut,
 *                      the values up to the cut, the last one holding what was read of it
 * @param cutValues     the indexes of the values cut at {@link ReadLimits#maxFieldChars()}, ascending
 * @param cut           whether the record was cut at {@link ReadLimits#maxRecordChars()} or
 *                      {@link ReadLimits#maxColumns()}: the rest of it, up to its line end, was not read
 * @param unclosedQuote whether the input ended inside a quoted value this record opened
 */
public record CsvRecord(List<String> values, List<Integer> cutValues, boolean cut, boolean unclosedQuote) {

    public CsvRecord {
        values = List.copyOf(values);
        cutValues = List.copyOf(cutValues);
    }

    /** Whether nothing of the record was cut. */
    public boolean whole() {
        return !cut && cutValues.isEmpty();
    }

    /**
     * Whether the record holds nothing: an empty line, or values that are all empty or blank ({@code ;;;}, spaces,
     * any kind of space: {@link Blank}). A cut record is never blank.
     */
    public boolean blank() {
        if (!whole()) {
            return false;
        }
        for (String value : values) {
            if (!Blank.isBlank(value)) {
                return false;
            }
        }
        return true;
    }
}
