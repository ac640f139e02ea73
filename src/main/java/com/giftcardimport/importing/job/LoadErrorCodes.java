package com.giftcardimport.importing.job;

/**
 * Row error codes the loader adds to those of the validator ({@code RowErrorCodes}): duplicates are found by the
 * database, against the project's stored cards and earlier rows of the same file.
 */
public final class LoadErrorCodes {

    /** The card number is already used by a card of this project that existed before this import. */
    public static final String CARD_NUMBER_ALREADY_EXISTS = "CARD_NUMBER_ALREADY_EXISTS";
    /** An earlier row of the same file has the same card number; the first occurrence wins. */
    public static final String CARD_NUMBER_DUPLICATE_IN_FILE = "CARD_NUMBER_DUPLICATE_IN_FILE";

    private LoadErrorCodes() {
    }
}
