package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.INVALID_ENCODING;
import static com.giftcardimport.importing.RowErrorCodes.ROW_HAS_EXTRA_VALUES;

import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import java.util.List;

/**
 * The checks of a row that do not depend on what its values mean, shared by the validators of every action: the
 * file's column names for the messages, more values than the header has columns, and mapped cells holding bytes
 * the encoding could not read.
 */
final class RowShape {

    private final String[] columnNames;
    private final int headerColumns;
    private final int[] mapped;

    RowShape(List<String> headers, int columnCount, int[] mapped) {
        int columns = Math.max(headers.size(), columnCount);
        this.columnNames = new String[columns];
        for (int i = 0; i < columns; i++) {
            String name = i < headers.size() && headers.get(i) != null ? headers.get(i).strip() : "";
            columnNames[i] = name.isEmpty() ? "Column " + (i + 1) : name;
        }
        this.headerColumns = headers.size();
        this.mapped = mapped.clone();
    }

    String name(int column) {
        return columnNames[column];
    }

    /** More non-empty values than the header has columns: a value probably holds an unquoted delimiter. */
    void checkExtraValues(SourceRow row, RowProblems problems) {
        if (row.cells().size() <= headerColumns) {
            return;
        }
        int extra = 0;
        for (int i = headerColumns; i < row.cells().size(); i++) {
            if (!CellText.strip(row.cell(i)).isEmpty()) {
                extra = i + 1;
            }
        }
        if (extra > 0) {
            problems.add(RowError.of(problems.row(), null, null, ROW_HAS_EXTRA_VALUES,
                    Text.of("rowError.row.extraValues", extra, headerColumns)));
        }
    }

    /** A mapped cell holding U+FFFD: bytes the file's encoding could not read; {@code shown} masks a value. */
    void checkReadable(SourceRow row, RowProblems problems, ShownValue shown) {
        for (int column : mapped) {
            if (!readable(row, column)) {
                String value = shown.of(column, row.cell(column));
                problems.add(RowError.of(problems.row(), columnNames[column], value, INVALID_ENCODING,
                        Text.of("rowError.row.encoding", columnNames[column], CellText.cut(value))));
            }
        }
    }

    RowError error(long rowNumber, int column, String shownValue, InvalidValueException e) {
        return new RowError(rowNumber, columnNames[column], shownValue, e.code(), e.getMessage(), e.text());
    }

    /** Whether the cell holds no U+FFFD: bytes the encoding could not read (reported once per cell above). */
    static boolean readable(SourceRow row, int column) {
        return row.cell(column).indexOf('\ufffd') < 0;
    }

    /** How a value may be shown in an error (a CVV masked). */
    @FunctionalInterface
    interface ShownValue {
        String of(int column, String value);
    }
}
