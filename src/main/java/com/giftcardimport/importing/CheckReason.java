package com.giftcardimport.importing;

import java.util.List;

/**
 * One reason rows of a checked file would fail.
 *
 * @param code      the validator's stable code ({@link RowErrorCodes}, or a duplicate's)
 * @param message   the message of the first row failing for it (the others differ only in the values they quote)
 * @param rows      how many rows fail for it
 * @param firstRows the first of those row numbers, at most {@link CheckSummary#FIRST_ROWS}
 */
public record CheckReason(String code, String message, long rows, List<Long> firstRows) {

    public CheckReason {
        firstRows = List.copyOf(firstRows);
    }
}
