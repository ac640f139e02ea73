package com.giftcardimport.importing.read;

/**
 * Size limits that keep memory bounded while reading, whatever the file.
 *
 * @param maxFieldChars  a value longer than this fails its row ({@code FIELD_TOO_LONG}); {@code app.import.max-field-chars}
 * @param maxRecordChars a row longer than this fails ({@code ROW_TOO_LONG}); for the header row the whole file
 *                       fails; {@code app.import.max-record-chars}
 * @param maxColumns     a row with more values than this fails like a too long row; {@code app.import.max-columns}
 */
public record ReadLimits(int maxFieldChars, int maxRecordChars, int maxColumns) {

    public static final int DEFAULT_MAX_FIELD_CHARS = 10_000;
    public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;
    public static final int DEFAULT_MAX_COLUMNS = 1_000;

    public ReadLimits {
        if (maxFieldChars < 1 || maxRecordChars < maxFieldChars || maxColumns < 1) {
            throw new IllegalArgumentException("Read limits must be positive and a row at least as long as a value");
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_RECORD_CHARS, DEFAULT_MAX_COLUMNS);
    }
}
