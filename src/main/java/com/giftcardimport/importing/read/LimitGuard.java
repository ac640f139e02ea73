package com.giftcardimport.importing.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded text and commons-csv and keeps every record it lets through within the
 * {@link ReadLimits}, so the parser never buffers more than one bounded record whatever the file holds.
 *
 * <p>It follows the same grammar as commons-csv with our format (quote {@code "} only at the start of a value,
 * {@code ""} inside a quoted value, characters after a closing quote kept as trailing data, CR, LF and CRLF as line
 * ends) and counts, per record, the characters of the current value, of the whole record and its values. When a
 * value grows over the limit, the guard emits {@link #CUT_VALUE} after the kept part (closing the quote when the
 * value was quoted) and drops the rest of that value; when the record grows over its limits, it emits
 * {@link #CUT_RECORD} and drops everything up to the end of the record. The reader finds these marks at the end
 * of a value. Input characters equal to a mark become U+FFFD, and so does NUL: it is not text, and PostgreSQL cannot
 * store it (a NUL reaching the loader would fail the whole import). A leading byte-order mark is dropped. A quote
 * that is still open at the end of the input is closed, and {@link #unterminatedQuoteRow()} tells where it opened.
 */
final class LimitGuard extends Reader {

    /** Ends a value that was cut at {@link ReadLimits#maxFieldChars()}. */
    static final char CUT_VALUE = '\uffff';
    /** Ends the last value of a record that was cut at {@link ReadLimits#maxRecordChars()} or the column limit. */
    static final char CUT_RECORD = '\ufffe';

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTED_QUOTE = 3;
    private static final int AFTER_QUOTED = 4;

    private static final int NORMAL = 0;
    private static final int SKIP_VALUE = 1;
    private static final int SKIP_RECORD = 2;

    private final Reader in;
    private final char delimiter;
    private final int maxField;
    private final int maxRecord;
    private final int maxColumns;

    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private boolean first = true;

    private final char[] pending = new char[3];
    private int pendingStart;
    private int pendingEnd;

    private int state = FIELD_START;
    private int mode = NORMAL;
    private boolean lastWasCr;
    private long fieldChars;
    private long recordChars;
    private int columns = 1;
    /** Physical records completed so far; the current record is row {@code records + 1}. */
    private long records;
    private long quoteOpenedAt;
    private long unterminatedQuoteRow;

    LimitGuard(Reader in, char delimiter, ReadLimits limits) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxField = limits.maxFieldChars();
        this.maxRecord = limits.maxRecordChars();
        this.maxColumns = limits.maxColumns();
    }

    /** The physical row (1-based) where a quote opened that the input never closed, or 0. */
    long unterminatedQuoteRow() {
        return unterminatedQuoteRow;
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (pendingStart < pendingEnd) {
                out[offset + written++] = pending[pendingStart++];
                continue;
            }
            if (position == limit) {
                if (!fill()) {
                    if (!eof) {
                        eof = true;
                        endOfInput();
                        continue;
                    }
                    break;
                }
            }
            if (mode == NORMAL && (state == UNQUOTED || state == QUOTED)) {
                int run = plainRun(out, offset + written, length - written);
                if (run > 0) {
                    written += run;
                    continue;
                }
            }
            char c = buffer[position++];
            if (first) {
                first = false;
                if (c == '\ufeff') {
                    continue;
                }
            }
            if (c == CUT_VALUE || c == CUT_RECORD || c == '\0') {
                c = '\ufffd';
            }
            if (accept(c)) {
                out[offset + written++] = c;
            }
        }
        return written == 0 ? -1 : written;
    }

    /**
     * The fast path: copies a run of ordinary characters of the current value (no delimiter, quote, line end or
     * mark) straight through, within the limits, and counts them in one go. Returns how many were copied.
     */
    private int plainRun(char[] out, int at, int room) {
        long allowed = Math.min(maxField - fieldChars, maxRecord - recordChars);
        int end = position + (int) Math.min(Math.min(limit - position, room), Math.max(0, allowed));
        int i = position;
        char d = delimiter;
        while (i < end) {
            char c = buffer[i];
            if (c == d || c == '"' || c == '\n' || c == '\r' || c >= CUT_RECORD || c == '\0') {
                break;
            }
            i++;
        }
        int run = i - position;
        if (run > 0) {
            System.arraycopy(buffer, position, out, at, run);
            position = i;
            fieldChars += run;
            recordChars += run;
        }
        return run;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Moves the state machine over {@code c}; returns whether {@code c} goes to the parser. */
    private boolean accept(char c) {
        boolean lineEnd = c == '\n' || c == '\r';
        if (lineEnd && c == '\n' && lastWasCr && state == FIELD_START && mode == NORMAL && fieldChars == 0
                && recordChars == 0) {
            // the LF of a CRLF whose CR ended the record: same line end
            lastWasCr = false;
            return true;
        }
        lastWasCr = false;
        return switch (mode) {
            case NORMAL -> normal(c, lineEnd);
            case SKIP_VALUE -> skipValue(c, lineEnd);
            default -> skipRecord(c, lineEnd);
        };
    }

    // Every transition decides about cutting with the state the parser is in before the character (whether it
    // sits inside an open quoted value decides if a closing quote must follow the mark), then moves on.

    private boolean normal(char c, boolean lineEnd) {
        switch (state) {
            case FIELD_START -> {
                if (c == delimiter) {
                    return delimiter();
                }
                if (lineEnd) {
                    return endRecord(c);
                }
                fieldChars = 0;
                if (c == '"') {
                    boolean emit = countRecord();
                    state = QUOTED;
                    quoteOpenedAt = records + 1;
                    return emit;
                }
                state = UNQUOTED;
                return content();
            }
            case UNQUOTED, AFTER_QUOTED -> {
                if (c == delimiter) {
                    return delimiter();
                }
                if (lineEnd) {
                    return endRecord(c);
                }
                return content();
            }
            case QUOTED -> {
                if (c == '"') {
                    boolean emit = countRecord();
                    state = QUOTED_QUOTE;
                    return emit;
                }
                return content();
            }
            default -> { // QUOTED_QUOTE: the parser has seen a quote that closes the value unless another follows
                if (c == '"') {
                    boolean emit = content();
                    state = QUOTED;
                    return emit;
                }
                if (c == delimiter) {
                    return delimiter();
                }
                if (lineEnd) {
                    return endRecord(c);
                }
                state = AFTER_QUOTED;
                return content();
            }
        }
    }

    /** A character of a value: counts it, cuts the value or the record when over a limit. */
    private boolean content() {
        if (++fieldChars > maxField) {
            cutValue();
            return false;
        }
        return countRecord();
    }

    private boolean countRecord() {
        if (++recordChars > maxRecord) {
            cutRecord();
            return false;
        }
        return true;
    }

    /** A delimiter outside quotes: a new value starts. */
    private boolean delimiter() {
        boolean emit;
        if (++columns > maxColumns) {
            cutRecord();
            emit = false;
        } else {
            emit = countRecord();
        }
        state = FIELD_START;
        fieldChars = 0;
        return emit;
    }

    private boolean endRecord(char c) {
        records++;
        state = FIELD_START;
        mode = NORMAL;
        fieldChars = 0;
        recordChars = 0;
        columns = 1;
        lastWasCr = c == '\r';
        return true;
    }

    private void cutValue() {
        push(CUT_VALUE);
        if (state == QUOTED) {
            push('"');
        }
        mode = SKIP_VALUE;
    }

    private void cutRecord() {
        push(CUT_RECORD);
        if (state == QUOTED) {
            push('"');
        }
        mode = SKIP_RECORD;
    }

    /** Dropping the rest of a cut value, following quotes, until the delimiter or line end that ends it. */
    private boolean skipValue(char c, boolean lineEnd) {
        switch (state) {
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTED_QUOTE;
                }
                return false;
            }
            case QUOTED_QUOTE -> {
                if (c == '"') {
                    state = QUOTED;
                    return false;
                }
                if (c != delimiter && !lineEnd) {
                    state = AFTER_QUOTED;
                    return false;
                }
            }
            default -> {
                if (c != delimiter && !lineEnd) {
                    return false;
                }
            }
        }
        // the value ends here: go on with the record
        mode = NORMAL;
        if (lineEnd) {
            return endRecord(c);
        }
        return delimiter();
    }

    /** Dropping the rest of a cut record, following quotes, until its line end (which is let through). */
    private boolean skipRecord(char c, boolean lineEnd) {
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = QUOTED;
                    quoteOpenedAt = records + 1;
                } else if (c != delimiter && !lineEnd) {
                    state = UNQUOTED;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTED_QUOTE;
                }
                return false;
            }
            case QUOTED_QUOTE -> {
                if (c == '"') {
                    state = QUOTED;
                    return false;
                }
                state = c == delimiter ? FIELD_START : lineEnd ? FIELD_START : AFTER_QUOTED;
            }
            default -> {
                if (c == delimiter) {
                    state = FIELD_START;
                }
            }
        }
        if (lineEnd) {
            return endRecord(c);
        }
        return false;
    }

    private void endOfInput() {
        if (state == QUOTED) {
            unterminatedQuoteRow = quoteOpenedAt;
            if (mode == NORMAL) {
                push('"');
            }
        }
    }

    private void push(char c) {
        if (pendingStart == pendingEnd) {
            pendingStart = 0;
            pendingEnd = 0;
        }
        pending[pendingEnd++] = c;
    }

    @Override
    public boolean ready() throws IOException {
        return pendingStart < pendingEnd || position < limit || in.ready();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
