package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.util.Locale;

/**
 * Why one row (or one cell of it) was not imported.
 *
 * @param rowNumber the spreadsheet row number (see {@link SourceRow})
 * @param column    the file's column name, or null when the error concerns the whole row
 * @param value     the offending value as the file had it (never a whole CVV: masked), or null
 * @param code      a stable machine code such as {@code CARD_NUMBER_SCIENTIFIC_NOTATION}
 * @param message   a sentence for people naming the value and the rule, in English
 * @param text      the same sentence as a key and arguments, said in the reader's language ({@link #messageIn});
 *                  {@code null} for errors stored before the texts were keyed, which read in English
 */
public record RowError(long rowNumber, String column, String value, String code, String message, Text text) {

    /** An error whose message exists in English only. */
    public RowError(long rowNumber, String column, String value, String code, String message) {
        this(rowNumber, column, value, code, message, null);
    }

    /** An error whose message is {@code text} (its English is the stored {@code message}). */
    public static RowError of(long rowNumber, String column, String value, String code, Text text) {
        return new RowError(rowNumber, column, value, code, text.english(), text);
    }

    /** The message in {@code locale}: from its key where it has one, else the English it was stored with. */
    public String messageIn(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
