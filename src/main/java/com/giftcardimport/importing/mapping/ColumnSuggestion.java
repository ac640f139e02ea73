package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.GiftCardField;
import java.util.Optional;

/**
 * The suggestion for one file column.
 *
 * @param column     position of the column in the file, from 0
 * @param header     the column's name in the file
 * @param field      the suggested field, or empty: do not import this column
 * @param confidence from 0 (no idea) to 1 (certain)
 * @param why        why, for the user to read in their language
 */
public record ColumnSuggestion(int column, String header, Optional<GiftCardField> field, double confidence,
                               MappingReason why) {

    /** Why, in English ("Used for this column last time", "Known name for Card number", …). */
    public String reason() {
        return why.english(field.orElse(null));
    }
}
