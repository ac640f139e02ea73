package com.giftcardimport.importing.job;

import com.giftcardimport.importing.RowError;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The duplicate rule for card numbers among rows read in file order (SPEC §3): the first occurrence wins; a later
 * row with the same number fails as a duplicate of it, and a number a stored card of the project already has fails
 * as taken. The job checks each chunk with it (the database then finds those against stored cards and earlier
 * chunks, set-based); the preview checks its rows with it against the stored cards it asked {@code card} about.
 */
public final class DuplicateCheck {

    private final String column;
    private final Map<String, Long> firstRowByNumber;
    private final Predicate<String> stored;

    /**
     * @param column   the file's name of the card number column, for the messages
     * @param expected about how many numbers will be checked
     * @param stored   whether a stored card of the project has this number
     */
    public DuplicateCheck(String column, int expected, Predicate<String> stored) {
        this.column = column;
        this.firstRowByNumber = HashMap.newHashMap(expected);
        this.stored = stored;
    }

    /** The error of row {@code rowNumber}'s valid card {@code cardNumber}, or null when it may be imported. */
    public RowError check(long rowNumber, String cardNumber) {
        Long first = firstRowByNumber.putIfAbsent(cardNumber, rowNumber);
        if (first != null) {
            return LoadErrorCodes.duplicateInFile(rowNumber, column, cardNumber, first);
        }
        return stored.test(cardNumber) ? LoadErrorCodes.alreadyExists(rowNumber, column, cardNumber) : null;
    }
}
