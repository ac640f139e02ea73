package com.giftcardimport.api;

import com.giftcardimport.importing.RowError;
import java.util.Locale;

/**
 * Why one row was not imported.
 *
 * @param rowNumber the row number a spreadsheet shows (the header is row 1)
 * @param column    the file's column name, or null when the error concerns the whole row
 * @param value     the value as the file had it (a CVV masked), or null
 * @param code      a stable machine code such as {@code CARD_NUMBER_SCIENTIFIC_NOTATION}
 * @param message   the message in the language of the request's {@code Accept-Language} (English or Russian)
 */
record ErrorResponse(long rowNumber, String column, String value, String code, String message) {

    static ErrorResponse of(RowError error, Locale locale) {
        return new ErrorResponse(error.rowNumber(), error.column(), error.value(), error.code(),
                error.messageIn(locale));
    }
}
