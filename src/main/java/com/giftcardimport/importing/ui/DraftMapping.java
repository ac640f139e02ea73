package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.mapping.ColumnSuggestion;
import com.giftcardimport.importing.mapping.MappingReason;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A restored draft's mapping shown as step 3 shows a suggestion: the person's choices, with the confidence kept. */
final class DraftMapping {

    private DraftMapping() {
    }

    /**
     * {@code suggestion} with {@code chosen}'s field on every column: where the person kept the suggested field, its
     * confidence and reason stay; elsewhere the column reads as the person's choice.
     */
    static MappingSuggestion applied(MappingSuggestion suggestion, ColumnMapping chosen) {
        List<ColumnSuggestion> columns = new ArrayList<>();
        for (ColumnSuggestion s : suggestion.columns()) {
            Optional<GiftCardField> field = chosen.field(s.column());
            columns.add(field.equals(s.field()) ? s : new ColumnSuggestion(s.column(), s.header(), field, 1.0,
                    new MappingReason(MappingReason.Kind.CHOSEN, null)));
        }
        return new MappingSuggestion(chosen, columns);
    }
}
