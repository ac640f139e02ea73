package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.CVV_INVALID;
import static com.giftcardimport.importing.RowErrorCodes.CVV_MISSING;

import com.giftcardimport.card.CvvMask;

/**
 * A CVV: 3 or 4 digits, kept as text so leading zeros stay. Never shown whole: {@link #toString()} and every
 * message are masked.
 */
public record Cvv(String digits) {

    public static final String MASK = CvvMask.MASK;

    public Cvv {
        if (digits == null || digits.isEmpty()) {
            throw new InvalidValueException(CVV_MISSING, Text.of("rowError.cvv.missing"));
        }
        if (digits.length() < 3 || digits.length() > 4) {
            throw new InvalidValueException(CVV_INVALID, Text.of("rowError.cvv.length", MASK, digits.length()));
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException(CVV_INVALID, Text.of("rowError.cvv.notDigits", MASK));
            }
        }
    }

    /** Trims {@code raw} and validates it. */
    public static Cvv parse(String raw) {
        return new Cvv(CellText.strip(raw));
    }

    @Override
    public String toString() {
        return MASK;
    }
}
