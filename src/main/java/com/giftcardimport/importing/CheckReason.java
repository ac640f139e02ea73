package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.util.List;
import java.util.Locale;

/**
 * One reason rows of a checked file would fail.
 *
 * @param code      the validator's stable code ({@link RowErrorCodes}, or a duplicate's)
 * @param message   the message of the first row failing for it, in English (the others differ only in the values
 *                  they quote)
 * @param text      the same message as a text each language words, or null
 * @param rows      how many rows fail for it
 * @param firstRows the first of those row numbers, at most {@link CheckSummary#FIRST_ROWS}
 */
public record CheckReason(String code, String message, Text text, long rows, List<Long> firstRows) {

    public CheckReason {
        firstRows = List.copyOf(firstRows);
    }

    /** The message in {@code locale}. */
    public String message(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
