package com.giftcardimport.pool;

import com.giftcardimport.i18n.TextException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The balance of every card of a FIXED pool: a positive amount with at most two decimals, kept with scale 2
 * ({@code 1000} becomes {@code 1000.00}). It fits the database's {@code numeric(19,2)}.
 */
public record FaceValue(BigDecimal amount) {

    /** {@code numeric(19,2)} leaves 17 digits before the decimal mark. */
    private static final int MAX_INTEGER_DIGITS = 17;

    public FaceValue {
        if (amount == null) {
            throw new TextException("pool.error.faceValue.required");
        }
        if (amount.signum() <= 0) {
            throw new TextException("pool.error.faceValue.positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new TextException("pool.error.faceValue.decimals");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new TextException("pool.error.faceValue.tooLarge");
        }
    }
}
