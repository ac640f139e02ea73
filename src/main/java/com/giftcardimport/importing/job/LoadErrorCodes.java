package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.RowError;

/**
 * Row errors the loader adds to those of the validator ({@code RowErrorCodes}): duplicates, found by the
 * database against the project's stored cards and earlier rows of the same file (the first occurrence wins), and,
 * for a status update, card numbers the project does not have.
 */
public final class LoadErrorCodes {

    /** The card number is already used by a card of this project that existed before this row. */
    public static final String CARD_NUMBER_ALREADY_EXISTS = "CARD_NUMBER_ALREADY_EXISTS";
    /** An earlier row of the same file has the same card number; the first occurrence wins. */
    public static final String CARD_NUMBER_DUPLICATE_IN_FILE = "CARD_NUMBER_DUPLICATE_IN_FILE";

    /** A status update names a card number that no card of this project has (another project's reads the same). */
    public static final String CARD_NOT_FOUND = "CARD_NOT_FOUND";

    private LoadErrorCodes() {
    }

    public static RowError alreadyExists(long rowNumber, String column, String cardNumber) {
        return RowError.of(rowNumber, column, cardNumber, CARD_NUMBER_ALREADY_EXISTS,
                Text.of("rowError.cardNumber.exists", cardNumber));
    }

    public static RowError duplicateInFile(long rowNumber, String column, String cardNumber, long firstRowNumber) {
        return RowError.of(rowNumber, column, cardNumber, CARD_NUMBER_DUPLICATE_IN_FILE,
                Text.of("rowError.cardNumber.duplicate", cardNumber, firstRowNumber));
    }

    public static RowError unknownCard(long rowNumber, String column, String cardNumber) {
        return RowError.of(rowNumber, column, cardNumber, CARD_NOT_FOUND,
                Text.of("rowError.cardNumber.unknown", cardNumber));
    }
}
