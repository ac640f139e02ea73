package com.giftcardimport.importing;

import java.util.List;
import java.util.Map;

/**
 * The first rows of a file with a mapping applied, as the review step shows them.
 *
 * @param header          the file's column names
 * @param mappingProblems what keeps the mapping from being launched; when not empty, rows carry no validation
 * @param rows            the first data rows, in file order
 */
public record ImportPreview(List<String> header, List<String> mappingProblems, List<Row> rows) {

    public ImportPreview {
        header = List.copyOf(header);
        mappingProblems = List.copyOf(mappingProblems);
        rows = List.copyOf(rows);
    }

    /**
     * One row under the target field names.
     *
     * @param values      the mapped cell of each mapped field, as the file has it (a CVV masked)
     * @param errors      every reason the row would fail, duplicates against stored cards and earlier rows of the
     *                    preview included; empty for a row that would be imported
     * @param fieldErrors the messages of {@code errors} that concern one mapped field, by field
     * @param rowErrors   the messages of {@code errors} that concern no single mapped field
     */
    public record Row(long rowNumber, Map<GiftCardField, String> values, List<RowError> errors,
                      Map<GiftCardField, List<String>> fieldErrors, List<String> rowErrors) {

        public Row {
            values = Map.copyOf(values);
            errors = List.copyOf(errors);
            fieldErrors = Map.copyOf(fieldErrors);
            rowErrors = List.copyOf(rowErrors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
