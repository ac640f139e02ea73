package com.giftcardimport.importing.read;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a stored file, whatever its kind, streamed with bounded memory: the one way the job, the preview, the
 * housekeeping and every other reader of a whole file read rows. {@link #open} chooses the reader by the file's
 * {@link FileFormat}: a CSV/TXT file is read by {@link CsvRowReader}, an Excel workbook's sheet by
 * {@link XlsxRowReader}. Both number rows as a spreadsheet shows them, skip empty rows, keep values and rows within
 * the {@link ReadLimits} with the same row errors, and throw {@link MalformedFileException} for file-level problems.
 */
public interface RowSource extends Iterator<SourceRow>, Closeable {

    /**
     * Opens the reader {@code format} asks for over {@code in} (which it closes on {@link #close()}, or at once when
     * opening fails) and reads the header row.
     *
     * @throws MalformedFileException when there is no header row, it is over the limits, or the file is not what
     *                                the format says (a workbook that cannot be read safely)
     */
    static RowSource open(InputStream in, FileFormat format, ReadLimits limits) throws IOException {
        if (format.isWorkbook()) {
            return XlsxRowReader.open(in, format.sheet(), limits);
        }
        return CsvRowReader.open(in, format, limits);
    }

    /** The column names of the header row, trimmed. */
    List<String> header();

    /** The spreadsheet row number of the header row (1 unless the file starts with empty rows). */
    long headerRowNumber();

    /**
     * Skips rows so that the next row returned is the first one numbered {@code rowNumber} or later. To resume a
     * job after row N, call {@code skipUntil(N + 1)}.
     */
    void skipUntil(long rowNumber);

    /** The spreadsheet row number of the last physical row read so far (empty rows included). */
    long lastRowNumber();
}
