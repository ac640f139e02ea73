package com.giftcardimport.importing.validate;

import java.math.BigDecimal;

/**
 * A non-negative amount with at most 2 decimals, scale 2. Written with {@code .} or {@code ,} as the decimal mark
 * and spaces (also no-break spaces) between groups of three digits: {@code 1 000,50}. Both {@code ,} and {@code .}
 * in one value ({@code 1,000.50}) is refused as ambiguous.
 */
public record Amount(BigDecimal value) {

    public Amount {
        throw new UnsupportedOperationException("TODO");
    }

    public static Amount parse(String raw) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Equal as numbers: {@code 1000} = {@code 1000.0} = {@code 1000,00}. */
    public boolean sameAs(BigDecimal other) {
        return other != null && value.compareTo(other) == 0;
    }
}
