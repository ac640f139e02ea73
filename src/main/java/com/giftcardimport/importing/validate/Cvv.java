package com.giftcardimport.importing.validate;

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
            throw new InvalidValueException(CVV_MISSING, "The CVV is empty: this pool transfers CVVs, so every card "
                    + "needs one");
        }
        if (digits.length() < 3 || digits.length() > 4) {
            throw new InvalidValueException(CVV_INVALID, "The CVV " + MASK + " has " + digits.length()
                    + (digits.length() == 1 ? " character" : " characters") + ": it must be 3 or 4 digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException(CVV_INVALID, "The CVV " + MASK + " contains a character that is "
                        + "not a digit: it must be 3 or 4 digits");
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
