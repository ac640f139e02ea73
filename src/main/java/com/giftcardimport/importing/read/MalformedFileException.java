package com.giftcardimport.importing.read;

/**
 * The file cannot be read on: a file-level problem (no header row, a header row over the size limit, a quoted
 * value that is never closed). The message is for the user; {@link #rowNumber()} is where the problem starts.
 */
public class MalformedFileException extends RuntimeException {

    private final long rowNumber;

    public MalformedFileException(long rowNumber, String message) {
        super(message);
        this.rowNumber = rowNumber;
    }

    /** The spreadsheet row number where the problem starts, or 0 when it concerns the file as a whole. */
    public long rowNumber() {
        return rowNumber;
    }
}
