package com.giftcardimport.importing.read;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the rows of a CSV/TXT file with bounded memory. commons-csv does the parsing; a guard in front of it
 * cuts any value or row that grows over the {@link ReadLimits} (the row then comes back with a read error) and
 * keeps the spreadsheet row numbers.
 *
 * <p>Rules: a byte-order mark is skipped; the header is the first non-empty row; quotes are {@code "}, doubled
 * inside a quoted value; empty lines (and rows whose values are all blank) are skipped but still counted in the
 * row numbers, as a spreadsheet shows them; a quoted value spanning lines makes one row; bytes that are not valid
 * in the encoding become U+FFFD (the validator fails mapped values holding one). A row with fewer or more values
 * than the header is returned as it is.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link MalformedFileException} for file-level problems and
 * {@link java.io.UncheckedIOException} when the stream fails.
 */
public final class CsvRowReader implements Iterator<SourceRow>, Closeable {

    private CsvRowReader() {
    }

    /**
     * Opens a reader over {@code in} and reads the header row.
     *
     * @throws MalformedFileException when there is no header row or it is over the limits
     */
    public static CsvRowReader open(InputStream in, FileFormat format, ReadLimits limits) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The column names of the header row, trimmed (a byte-order mark removed). */
    public List<String> header() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The spreadsheet row number of the header row (1 unless the file starts with empty lines). */
    public long headerRowNumber() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Skips rows so that the next row returned is the first one numbered {@code rowNumber} or later. To resume a
     * job after row N, call {@code skipUntil(N + 1)}.
     */
    public void skipUntil(long rowNumber) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The spreadsheet row number of the last physical row read so far (including skipped empty lines). */
    public long lastRowNumber() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public boolean hasNext() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public SourceRow next() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("TODO");
    }
}
