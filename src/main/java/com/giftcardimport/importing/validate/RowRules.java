package com.giftcardimport.importing.validate;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.pool.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The row rules of one import action, applied to the rows of one file. Immutable and thread-safe. */
public interface RowRules {

    /** What the row gives: something to load, or every problem of the row. */
    RowOutcome validate(SourceRow row);

    /**
     * The rules of {@code action} for a file with {@code headers} mapped by {@code mapping}.
     *
     * @param pools the importing project's pools by system name (only adding cards looks at them)
     * @throws IllegalArgumentException when the mapping has problems for the action
     */
    static RowRules of(ImportAction action, ColumnMapping mapping, List<String> headers, Map<String, Pool> pools,
                       Clock clock) {
        return switch (action) {
            case ADD_GIFT_CARDS -> new RowValidator(mapping, headers, pools, clock);
            case UPDATE_GIFT_CARD_STATUSES -> new StatusRowValidator(mapping, headers);
        };
    }
}
