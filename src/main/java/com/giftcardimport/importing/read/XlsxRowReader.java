package com.giftcardimport.importing.read;

import com.giftcardimport.importing.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * Streams the rows of one sheet of an Excel workbook ({@code .xlsx}) with bounded memory: the workbook is checked
 * first ({@link WorkbookGuard}: no ZIP bomb, no oversized part), then its sheet is read row by row
 * ({@link SheetRecords}, cells as text by {@link SheetCells}) and the rows go through the same rules as a CSV
 * file's ({@link CsvRowReader}): the header is the first row that is not empty, empty rows are skipped, row numbers
 * are the sheet's, the {@link ReadLimits} give the same row errors.
 */
public final class XlsxRowReader implements RowSource {

    private final Workbook workbook;
    private final String sheet;
    private final CsvRowReader rows;

    private XlsxRowReader(Workbook workbook, String sheet, CsvRowReader rows) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.rows = rows;
    }

    /**
     * Opens sheet {@code sheet} (or, when null, the first sheet a person sees) of the workbook {@code in} holds
     * (read to its end and closed) and reads its header.
     *
     * @throws MalformedFileException when the file is not a workbook that can be read safely, has no such sheet,
     *                                or the sheet has no header row
     */
    public static XlsxRowReader open(InputStream in, String sheet, ReadLimits limits) throws IOException {
        Workbook workbook = Workbook.open(in, limits);
        try {
            String name = sheet != null ? sheet : workbook.visibleSheetNames().stream().findFirst()
                    .orElseThrow(() -> new MalformedFileException(0, "fileProblem.noVisibleSheet"));
            SheetRecords records = new SheetRecords(workbook, name, limits);
            try {
                return new XlsxRowReader(workbook, name, new CsvRowReader(records, limits));
            } catch (RuntimeException e) {
                records.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /**
     * The names of the sheets a person sees in the workbook {@code in} holds (read to its end and closed), in order:
     * for a workbook whose sheet has no header row.
     *
     * @throws MalformedFileException when the file is not a workbook that can be read safely
     */
    public static List<String> sheetNames(InputStream in, ReadLimits limits) throws IOException {
        try (Workbook workbook = Workbook.open(in, limits)) {
            return workbook.visibleSheetNames();
        }
    }

    /** The names of the workbook's sheets a person sees (hidden ones left out), in order. */
    public List<String> sheets() {
        return workbook.visibleSheetNames();
    }

    /** The name of the sheet read. */
    public String sheet() {
        return sheet;
    }

    /**
     * The last row number the sheet says it uses (its {@code <dimension>}), for an estimate of its rows without
     * reading them; empty when the sheet does not say.
     */
    public OptionalLong lastRowHint() {
        return workbook.lastRowHint(sheet);
    }

    @Override
    public List<String> header() {
        return rows.header();
    }

    @Override
    public long headerRowNumber() {
        return rows.headerRowNumber();
    }

    @Override
    public void skipUntil(long rowNumber) {
        rows.skipUntil(rowNumber);
    }

    @Override
    public long lastRowNumber() {
        return rows.lastRowNumber();
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public SourceRow next() {
        return rows.next();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
