package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.STATUS_UNKNOWN;

import com.giftcardimport.card.GiftCardStatus;

/** The status cell of a row: a name {@link GiftCardStatus#fromName} knows, or empty for {@code INACTIVE}. */
public final class CardStatus {

    private CardStatus() {
    }

    /**
     * Reads a status as a file writes it.
     *
     * @throws InvalidValueException for a name that is none of the known ones
     */
    public static GiftCardStatus parse(String raw) {
        String s = CellText.strip(raw);
        if (s.isEmpty()) {
            return GiftCardStatus.INACTIVE;
        }
        return GiftCardStatus.fromName(s).orElseThrow(() -> new InvalidValueException(STATUS_UNKNOWN,
                Text.of("rowError.status.unknown", CellText.cut(s))));
    }
}
