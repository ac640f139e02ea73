package com.giftcardimport.importing.validate;

/** A CVV: 3 or 4 digits, kept as text so leading zeros stay. Never shown whole: {@link #toString()} is masked. */
public record Cvv(String digits) {

    public Cvv {
        throw new UnsupportedOperationException("TODO");
    }

    /** Trims {@code raw} and validates it. */
    public static Cvv parse(String raw) {
        return new Cvv(raw == null ? "" : raw.strip());
    }

    /** How a CVV value, valid or not, may be shown: {@code ***} (empty stays empty). */
    public static String mask(String raw) {
        return raw == null || raw.isBlank() ? "" : "***";
    }

    @Override
    public String toString() {
        return "***";
    }
}
