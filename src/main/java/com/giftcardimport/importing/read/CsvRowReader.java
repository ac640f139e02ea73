package com.giftcardimport.importing.read;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.FIELD_TOO_LONG;
import static com.giftcardimport.importing.RowErrorCodes.ROW_TOO_LONG;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the rows of a CSV/TXT file with bounded memory, reading it with the application's one grammar
 * ({@link CsvTokenizer}), which keeps every value and row within the {@link ReadLimits} whatever the file (a 20 MB
 * value, no line breaks at all). The rows of a workbook's sheet ({@link XlsxRowReader}) go through the same rules
 * below, from records of {@link SheetRecords}.
 *
 * <p>Rules:
 * <ul>
 *   <li>A byte-order mark is skipped. Bytes that are not valid in the encoding, and NUL, become U+FFFD; the
 *       validator fails a mapped value holding one ({@code INVALID_ENCODING}).</li>
 *   <li>Quotes are {@code "}, only at the start of a value, doubled inside a quoted value; characters after the
 *       closing quote are kept ({@code "ab"c} reads {@code abc}, as spreadsheets do). Line ends are CRLF, LF or CR.</li>
 *   <li>Row numbers are what a spreadsheet shows: every physical row counts, the header and empty lines included,
 *       and a quoted value spanning lines is one row. The header is the first row that is not empty (row 1 unless
 *       the file starts with empty lines).</li>
 *   <li>Empty lines, and rows whose values are all blank ({@code ;;;}), are skipped: never returned.</li>
 *   <li>A value over {@link ReadLimits#maxFieldChars()} is cut to the limit and its row gets {@code FIELD_TOO_LONG};
 *       a row over {@link ReadLimits#maxRecordChars()} or {@link ReadLimits#maxColumns()} is cut there and gets
 *       {@code ROW_TOO_LONG}. Such rows are returned (for the error report) but never imported.</li>
 *   <li>A row with fewer or more values than the header is returned as it is; validation decides.</li>
 *   <li>File-level problems throw {@link MalformedFileException}: no header row, a header row over the limits,
 *       a quote that is never closed (thrown when the reader reaches the row that opened it).</li>
 * </ul>
 * {@link #hasNext()} and {@link #next()} throw {@link UncheckedIOException} when the stream fails. Not thread-safe.
 */
public final class CsvRowReader implements RowSource {

    private final RecordSource tokenizer;
    private final ReadLimits limits;
    private final List<String> header;
    private final long headerRowNumber;
    private long rowNumber;
    private SourceRow next;

    CsvRowReader(RecordSource tokenizer, ReadLimits limits) {
        this.tokenizer = tokenizer;
        this.limits = limits;
        CsvRecord first = nextNonBlankRecord();
        if (first == null) {
            throw new MalformedFileException(0, "fileProblem.noHeader");
        }
        this.headerRowNumber = rowNumber;
        this.header = headerOf(first);
    }

    /**
     * Opens a reader over {@code in} (which it closes on {@link #close()}) and reads the header row. For a file of
     * any kind, use {@link RowSource#open}.
     *
     * @throws MalformedFileException when there is no header row or it is over the limits
     */
    public static CsvRowReader open(InputStream in, FileFormat format, ReadLimits limits) throws IOException {
        if (format.isWorkbook()) {
            throw new IllegalArgumentException("A workbook is not CSV/TXT: read it with RowSource.open");
        }
        CharsetDecoder decoder = format.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvTokenizer tokenizer = new CsvTokenizer(new InputStreamReader(in, decoder), format.delimiter(), limits);
        try {
            return new CsvRowReader(tokenizer, limits);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** The column names of the header row, trimmed (a byte-order mark removed). */
    @Override
    public List<String> header() {
        return header;
    }

    /** The spreadsheet row number of the header row (1 unless the file starts with empty lines). */
    @Override
    public long headerRowNumber() {
        return headerRowNumber;
    }

    /**
     * Skips rows so that the next row returned is the first one numbered {@code rowNumber} or later. To resume a
     * job after row N, call {@code skipUntil(N + 1)}.
     */
    @Override
    public void skipUntil(long rowNumber) {
        while (hasNext() && next.rowNumber() < rowNumber) {
            next = null;
        }
    }

    /** The spreadsheet row number of the last physical row read so far (empty lines included). */
    @Override
    public long lastRowNumber() {
        return rowNumber;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        CsvRecord record = nextNonBlankRecord();
        if (record == null) {
            return false;
        }
        next = toRow(record);
        return true;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        tokenizer.close();
    }

    /** The next record that is not blank, counting every physical row; null at the end. */
    private CsvRecord nextNonBlankRecord() {
        while (true) {
            CsvRecord record;
            try {
                record = tokenizer.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (record == null) {
                return null;
            }
            rowNumber++;
            if (record.unclosedQuote()) {
                throw new MalformedFileException(rowNumber, "fileProblem.unclosedQuote", rowNumber);
            }
            if (!record.blank()) {
                return record;
            }
        }
    }

    private List<String> headerOf(CsvRecord record) {
        List<String> values = record.values();
        int firstCutValue = record.cutValues().isEmpty() ? values.size() : record.cutValues().getFirst();
        if (record.cut() && firstCutValue >= values.size() - 1) {
            throw new MalformedFileException(rowNumber, "fileProblem.headerTooLong", limits.maxRecordChars(),
                    limits.maxColumns());
        }
        if (firstCutValue < values.size()) {
            throw new MalformedFileException(rowNumber, "fileProblem.columnNameTooLong", limits.maxFieldChars());
        }
        List<String> names = new ArrayList<>(values.size());
        for (String value : values) {
            names.add(value.strip());
        }
        return List.copyOf(names);
    }

    private SourceRow toRow(CsvRecord record) {
        if (record.whole()) {
            return new SourceRow(rowNumber, record.values());
        }
        List<RowError> errors = new ArrayList<>(2);
        for (int column : record.cutValues()) {
            String name = columnName(column);
            errors.add(RowError.of(rowNumber, name, preview(record.values().get(column)), FIELD_TOO_LONG,
                    Text.of("rowError.row.fieldTooLong", name, limits.maxFieldChars())));
        }
        if (record.cut()) {
            errors.add(RowError.of(rowNumber, null, null, ROW_TOO_LONG, Text.of("rowError.row.tooLong",
                    limits.maxRecordChars(), limits.maxColumns())));
        }
        return new SourceRow(rowNumber, record.values(), errors);
    }

    private String columnName(int column) {
        String name = column < header.size() ? header.get(column) : "";
        return name.isEmpty() ? "Column " + (column + 1) : name;
    }

    private static String preview(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
