package com.giftcardimport.importing;

/**
 * The stable machine codes of {@link RowError#code()}. Clients of the HTTP API and the error report may rely on
 * them; the messages are for people and may change.
 */
public final class RowErrorCodes {

    // Reading (importing.read)
    /** A value is longer than the configured limit ({@code app.import.max-field-chars}); the row fails. */
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    /** The whole row is longer than the configured limit or has too many values; the row fails. */
    public static final String ROW_TOO_LONG = "ROW_TOO_LONG";

    // Shape of the row (importing.validate)
    /** The row has more non-empty values than the header has columns: a value probably holds an unquoted delimiter. */
    public static final String ROW_HAS_EXTRA_VALUES = "ROW_HAS_EXTRA_VALUES";
    /** A mapped value holds bytes that are not text in the file's encoding (shown as �). */
    public static final String INVALID_ENCODING = "INVALID_ENCODING";

    // Card number
    public static final String CARD_NUMBER_MISSING = "CARD_NUMBER_MISSING";
    public static final String CARD_NUMBER_TOO_LONG = "CARD_NUMBER_TOO_LONG";
    public static final String CARD_NUMBER_INVALID_CHARACTERS = "CARD_NUMBER_INVALID_CHARACTERS";
    public static final String CARD_NUMBER_SCIENTIFIC_NOTATION = "CARD_NUMBER_SCIENTIFIC_NOTATION";

    // Pool
    public static final String POOL_MISSING = "POOL_MISSING";
    public static final String POOL_NOT_FOUND = "POOL_NOT_FOUND";

    // CVV
    public static final String CVV_MISSING = "CVV_MISSING";
    public static final String CVV_INVALID = "CVV_INVALID";

    // Balance
    public static final String BALANCE_MISSING = "BALANCE_MISSING";
    public static final String BALANCE_TOO_LONG = "BALANCE_TOO_LONG";
    public static final String BALANCE_INVALID = "BALANCE_INVALID";
    public static final String BALANCE_AMBIGUOUS = "BALANCE_AMBIGUOUS";
    public static final String BALANCE_NEGATIVE = "BALANCE_NEGATIVE";
    public static final String BALANCE_TOO_MANY_DECIMALS = "BALANCE_TOO_MANY_DECIMALS";
    public static final String BALANCE_TOO_LARGE = "BALANCE_TOO_LARGE";
    public static final String BALANCE_NOT_FACE_VALUE = "BALANCE_NOT_FACE_VALUE";

    // Point of contact
    public static final String POINT_OF_CONTACT_TOO_LONG = "POINT_OF_CONTACT_TOO_LONG";

    // Purchase date
    public static final String PURCHASE_DATE_TOO_LONG = "PURCHASE_DATE_TOO_LONG";
    public static final String PURCHASE_DATE_INVALID = "PURCHASE_DATE_INVALID";
    public static final String PURCHASE_DATE_IMPOSSIBLE = "PURCHASE_DATE_IMPOSSIBLE";
    public static final String PURCHASE_DATE_IN_FUTURE = "PURCHASE_DATE_IN_FUTURE";

    // Status
    public static final String STATUS_UNKNOWN = "STATUS_UNKNOWN";
    /** A status update's row without a status. */
    public static final String STATUS_MISSING = "STATUS_MISSING";

    private RowErrorCodes() {
    }
}
