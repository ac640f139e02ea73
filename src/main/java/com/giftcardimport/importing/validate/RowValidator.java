package com.giftcardimport.importing.validate;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.SourceRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Applies the row rules of SPEC §3 to rows of one file: builds the value objects from the mapped cells and
 * collects every problem of the row as a {@link com.giftcardimport.importing.RowError} (file column name, value
 * with the CVV masked, stable code, message). Pools are looked up only among the importing project's pools.
 * Thread-confined: build one per job. Card number uniqueness is left to the loader.
 */
public final class RowValidator {

    /**
     * @param mapping the column mapping (must have no {@link ColumnMapping#problems()})
     * @param headers the file's column names, for the error messages
     * @param pools   the importing project's pools by system name
     * @param clock   for "not in the future"
     */
    public RowValidator(ColumnMapping mapping, List<String> headers, Map<String, PoolRules> pools, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    public RowOutcome validate(SourceRow row) {
        throw new UnsupportedOperationException("TODO");
    }
}
