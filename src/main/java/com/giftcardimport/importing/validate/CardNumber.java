package com.giftcardimport.importing.validate;

/** A card number: 1–64 letters, digits or {@code -}, trimmed. */
public record CardNumber(String value) {

    public static final int MAX_LENGTH = 64;

    public CardNumber {
        throw new UnsupportedOperationException("TODO");
    }

    /** Trims {@code raw} and validates it. */
    public static CardNumber parse(String raw) {
        return new CardNumber(raw == null ? "" : raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
