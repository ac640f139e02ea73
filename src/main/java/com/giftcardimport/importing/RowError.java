package com.giftcardimport.importing;

/**
 * Why one row (or one cell of it) was not imported.
 *
 * @param rowNumber the spreadsheet row number (see {@link SourceRow})
 * @param column    the file's column name, or null when the error concerns the whole row
 * @param value     the offending value as the file had it (never a whole CVV: masked), or null
 * @param code      a stable machine code such as {@code CARD_NUMBER_SCIENTIFIC_NOTATION}
 * @param message   a sentence for people naming the value and the rule
 */
public record RowError(long rowNumber, String column, String value, String code, String message) {
}
