package com.giftcardimport.importing.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV grammar of the application, with the {@link ReadLimits} inside it: turns decoded text into
 * {@link CsvRecord}s, holding at most one bounded record whatever the text (a 20 MB value, no line breaks at all).
 * The reader ({@link CsvRowReader}) and the delimiter detection both read through it.
 *
 * <p>The grammar: values are separated by the delimiter; a value that starts with {@code "} is quoted, may hold
 * delimiters and line breaks, and writes a {@code "} inside as {@code ""}; characters after its closing quote are
 * kept ({@code "ab"c} reads {@code abc}, as spreadsheets do); a {@code "} anywhere else is an ordinary character.
 * Records end at CRLF, LF or CR outside quotes; an empty line is a record of one empty value. A byte-order mark
 * at the start is dropped. NUL and the non-characters U+FFFE and U+FFFF are not text: they read as U+FFFD.
 *
 * <p>The limits: a value is kept up to {@link ReadLimits#maxFieldChars()} characters and the rest of it skipped
 * ({@link CsvRecord#cutValues()}); a record is kept up to {@link ReadLimits#maxRecordChars()} characters (its
 * values, quotes and delimiters; not its line end) and {@link ReadLimits#maxColumns()} values, and the rest of it
 * skipped up to its line end ({@link CsvRecord#cut()}). Skipped text still follows the grammar, so the next
 * record starts where it should. Not thread-safe.
 */
public final class CsvTokenizer implements RecordSource {

    private static final int DELIMITER = 0;
    private static final int LINE_END = 1;
    private static final int END = 2;

    private final Reader in;
    private final char delimiter;
    private final int maxField;
    private final int maxRecord;
    private final int maxColumns;

    private final char[] buffer = new char[32 * 1024];
    private int position;
    private int limit;
    private boolean exhausted;
    private boolean started;

    private final StringBuilder value = new StringBuilder();
    private long recordChars;
    private boolean valueCut;
    private boolean recordCut;
    private boolean unclosedQuote;

    public CsvTokenizer(Reader in, char delimiter, ReadLimits limits) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxField = limits.maxFieldChars();
        this.maxRecord = limits.maxRecordChars();
        this.maxColumns = limits.maxColumns();
    }

    /** The next record, or null at the end of the text. */
    @Override
    public CsvRecord next() throws IOException {
        if (!available()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        List<Integer> cutValues = List.of();
        recordChars = 0;
        recordCut = false;
        unclosedQuote = false;
        int end;
        do {
            boolean kept = !recordCut;
            end = readValue();
            if (!kept) {
                continue;
            }
            if (valueCut) {
                cutValues = cutValues.isEmpty() ? new ArrayList<>(2) : cutValues;
                cutValues.add(values.size());
            }
            values.add(value.toString());
            if (end == DELIMITER) {
                countDelimiter(values.size());
            }
        } while (end == DELIMITER);
        return new CsvRecord(values, cutValues, recordCut, unclosedQuote);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A delimiter after the {@code columns}-th value starts another one, unless it breaks a record limit. */
    private void countDelimiter(int columns) {
        if (!recordCut && (columns + 1 > maxColumns || ++recordChars > maxRecord)) {
            recordCut = true;
        }
    }

    /** Reads one value from its start; keeps what the limits allow in {@link #value}; returns what ended it. */
    private int readValue() throws IOException {
        value.setLength(0);
        valueCut = false;
        if (available() && buffer[position] == '"') {
            position++;
            countStructural();
            if (!readQuoted()) {
                unclosedQuote = true;
                return END;
            }
        }
        return readUnquoted();
    }

    /** The inside of a quoted value and its closing quote; false when the text ends before the quote closes. */
    private boolean readQuoted() throws IOException {
        while (available()) {
            int start = position;
            int stop = limit;
            int i = start;
            while (i < stop && buffer[i] != '"') {
                i++;
            }
            position = i;
            keep(start, i);
            if (i == stop) {
                continue;
            }
            position++;
            countStructural();
            if (!available() || buffer[position] != '"') {
                return true;
            }
            position++;
            keep(position - 1, position);
        }
        return false;
    }

    /** An unquoted value, or what follows a closing quote, up to the delimiter, line end or end of text. */
    private int readUnquoted() throws IOException {
        char d = delimiter;
        while (available()) {
            int start = position;
            int stop = limit;
            int i = start;
            char c = 0;
            while (i < stop) {
                c = buffer[i];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            position = i;
            keep(start, i);
            if (i == stop) {
                continue;
            }
            position++;
            if (c == d) {
                return DELIMITER;
            }
            if (c == '\r' && available() && buffer[position] == '\n') {
                position++;
            }
            return LINE_END;
        }
        return END;
    }

    /** Characters {@code start..end} of the buffer belong to the value: keeps them within the limits. */
    private void keep(int start, int end) {
        if (valueCut || recordCut || start == end) {
            return;
        }
        int n = end - start;
        int fieldRoom = maxField - value.length();
        long recordRoom = maxRecord - recordChars;
        int take = (int) Math.min(n, Math.min(fieldRoom, recordRoom));
        value.append(buffer, start, take);
        recordChars += take;
        if (take < n) {
            if (take == fieldRoom) {
                valueCut = true;
            } else {
                recordCut = true;
            }
        }
    }

    /** An opening or closing quote or a delimiter: counts in the record, not in the value. */
    private void countStructural() {
        if (!valueCut && !recordCut && ++recordChars > maxRecord) {
            recordCut = true;
        }
    }

    /** Whether a character is available at {@link #position}, reading more text when needed. */
    private boolean available() throws IOException {
        if (position < limit) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            exhausted = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        for (int i = 0; i < n; i++) {
            char c = buffer[i];
            if (c == '\0' || c >= '\ufffe') {
                buffer[i] = '\ufffd';
            }
        }
        if (!started) {
            started = true;
            if (buffer[0] == '\ufeff') {
                position = 1;
                return available();
            }
        }
        return true;
    }
}
