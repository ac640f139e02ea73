package com.giftcardimport.importing.job;

import com.giftcardimport.importing.RowError;

/**
 * Row errors the loader adds to those of the validator ({@code RowErrorCodes}): duplicates, found by the
 * database against the project's stored cards and earlier rows of the same file (the first occurrence wins).
 */
public final class LoadErrorCodes {

    /** The card number is already used by a card of this project that existed before this row. */
    public static final String CARD_NUMBER_ALREADY_EXISTS = "CARD_NUMBER_ALREADY_EXISTS";
    /** An earlier row of the same file has the same card number; the first occurrence wins. */
    public static final String CARD_NUMBER_DUPLICATE_IN_FILE = "CARD_NUMBER_DUPLICATE_IN_FILE";

    private LoadErrorCodes() {
    }

    public static RowError alreadyExists(long rowNumber, String column, String cardNumber) {
        return new RowError(rowNumber, column, cardNumber, CARD_NUMBER_ALREADY_EXISTS,
                "Card number '" + cardNumber + "' already exists in this project");
    }

    public static RowError duplicateInFile(long rowNumber, String column, String cardNumber, long firstRowNumber) {
        return new RowError(rowNumber, column, cardNumber, CARD_NUMBER_DUPLICATE_IN_FILE,
                "Card number '" + cardNumber + "' duplicates row " + firstRowNumber + " of this file");
    }
}
