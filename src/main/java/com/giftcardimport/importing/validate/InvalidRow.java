package com.giftcardimport.importing.validate;

import com.giftcardimport.importing.RowError;
import java.util.List;

/** A row that breaks rules: every problem found in it (at least one). */
public record InvalidRow(long rowNumber, List<RowError> errors) implements RowOutcome {

    public InvalidRow {
        errors = List.copyOf(errors);
    }
}
