package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.ColumnMapping;
import java.util.List;

/**
 * A suggested mapping and, per column, how sure it is.
 *
 * @param mapping the suggested mapping, one entry per column of the file; check {@link ColumnMapping#problems()}
 * @param columns one suggestion per column, in file order
 */
public record MappingSuggestion(ColumnMapping mapping, List<ColumnSuggestion> columns) {

    public MappingSuggestion {
        columns = List.copyOf(columns);
    }
}
