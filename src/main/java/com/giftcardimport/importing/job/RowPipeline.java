package com.giftcardimport.importing.job;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.read.RowSource;
import com.giftcardimport.importing.validate.InvalidRow;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.importing.validate.ValidCard;
import com.giftcardimport.importing.validate.ValidStatusChange;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The one path from a stored file's rows to what an import makes of them: the file opened and read by
 * {@link RowSource#open} (CSV/TXT or a workbook's sheet, rows numbered as a spreadsheet shows them), and each row
 * put through the action's {@link RowRules} and handed to a {@link Target} as a card, a status change or its
 * errors. The job and the whole-file check read with it ({@link ChunkProducer}, whose target is the current
 * {@link Chunk}); the review step's preview reads its first rows with it, the correction grid validates an edited
 * row with {@link #validate}, and the housekeeping counts the rows of an import cancelled while queued.
 */
public final class RowPipeline implements Closeable {

    /** Where the pipeline puts what each row came to. */
    public interface Target {

        /** A row that passed the rules as a card to add (whether its number is free is for the caller to find). */
        void card(SourceRow row, ValidCard card);

        /** A row of a status update that passed the rules (whether its card exists is for the caller to find). */
        void statusChange(SourceRow row, ValidStatusChange change);

        /** A row that breaks rules, with every problem found in it. */
        void failed(SourceRow row, List<RowError> errors);
    }

    private final InputStream in;
    private final RowSource rows;

    private RowPipeline(InputStream in, RowSource rows) {
        this.in = in;
        this.rows = rows;
    }

    /**
     * Opens {@code file} and reads its header row with the reader {@code format} asks for.
     *
     * @throws com.giftcardimport.importing.read.MalformedFileException when the file has no readable header row
     */
    public static RowPipeline open(FileSource file, FileFormat format, ReadLimits limits) throws IOException {
        InputStream in = file.open();
        try {
            return new RowPipeline(in, RowSource.open(in, format, limits));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** What {@code rules} make of {@code row}, handed to {@code target}: the one per-row step. */
    public static void validate(RowRules rules, SourceRow row, Target target) {
        switch (rules.validate(row)) {
            case ValidCard card -> target.card(row, card);
            case ValidStatusChange change -> target.statusChange(row, change);
            case InvalidRow invalid -> target.failed(row, invalid.errors());
        }
    }

    /** The column names of the header row, trimmed. */
    public List<String> header() {
        return rows.header();
    }

    /** The spreadsheet row number of the header row. */
    long headerRowNumber() {
        return rows.headerRowNumber();
    }

    /** Skips rows so that the next row read is the first one numbered {@code rowNumber} or later. */
    void skipUntil(long rowNumber) {
        rows.skipUntil(rowNumber);
    }

    public boolean hasNext() {
        return rows.hasNext();
    }

    /** Reads the next row, puts it through {@code rules} and hands what it came to to {@code target}; returns it. */
    public SourceRow next(RowRules rules, Target target) {
        SourceRow row = rows.next();
        validate(rules, row, target);
        return row;
    }

    /** Reads the next row as it is, without any rule: a cancelled job only counts the rest. */
    public SourceRow next() {
        return rows.next();
    }

    @Override
    public void close() throws IOException {
        try (in) {
            rows.close();
        }
    }
}
