package com.giftcardimport.importing.read;

import com.giftcardimport.i18n.Text;

/**
 * The file cannot be read on: a file-level problem (no header row, a header row over the size limit, a quoted
 * value that is never closed). {@link #text()} says it in the reader's language, the message in English;
 * {@link #rowNumber()} is where the problem starts.
 */
public class MalformedFileException extends RuntimeException {

    private final long rowNumber;
    private final Text text;

    public MalformedFileException(long rowNumber, String key, Object... arguments) {
        this(rowNumber, Text.of(key, arguments));
    }

    private MalformedFileException(long rowNumber, Text text) {
        super(text.english());
        this.rowNumber = rowNumber;
        this.text = text;
    }

    /** The spreadsheet row number where the problem starts, or 0 when it concerns the file as a whole. */
    public long rowNumber() {
        return rowNumber;
    }

    /** The problem in words for the user, said in the reader's language. */
    public Text text() {
        return text;
    }
}
