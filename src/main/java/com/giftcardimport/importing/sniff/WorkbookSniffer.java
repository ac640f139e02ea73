package com.giftcardimport.importing.sniff;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.MalformedFileException;
import com.giftcardimport.importing.read.NotAWorkbookException;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.read.XlsxRowReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an Excel workbook tells, read with the import's own reader ({@link XlsxRowReader}): its sheets, the chosen
 * sheet's header and first rows, and its row count: exact when the sheet ends within {@link #COUNTED_ROWS} rows,
 * else the sheet's own statement of its last row ({@code <dimension>}) less the header.
 */
final class WorkbookSniffer {

    /** How many data rows are counted before the count becomes an estimate. */
    static final int COUNTED_ROWS = 10_000;

    private final ReadLimits limits;

    WorkbookSniffer(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads sheet {@code sheet} (the first visible one when null) of the workbook.
     *
     * @throws NotAWorkbookException when the file is not a workbook at all (a ZIP of something else)
     */
    SniffResult sniff(FileSource file, String sheet) throws IOException {
        List<String> headers = List.of();
        List<SourceRow> sample = new ArrayList<>();
        List<String> sheets = List.of();
        String read = sheet;
        try (InputStream in = file.open(); XlsxRowReader reader = XlsxRowReader.open(in, sheet, limits)) {
            read = reader.sheet();
            sheets = reader.sheets();
            headers = reader.header();
            long rows = 0;
            while (rows < COUNTED_ROWS && reader.hasNext()) {
                SourceRow row = reader.next();
                if (sample.size() < FileSniffer.SAMPLE_ROWS) {
                    sample.add(row);
                }
                rows++;
            }
            boolean exact = !reader.hasNext();
            long estimate = exact ? rows
                    : Math.max(rows, reader.lastRowHint().orElse(0) - reader.headerRowNumber());
            List<Text> problems = exact && rows == 0 ? List.of(Text.of("fileProblem.sheetNoDataRows", read)) : List.of();
            return result(read, headers, sample, estimate, problems, exact, sheets);
        } catch (NotAWorkbookException e) {
            throw e;
        } catch (MalformedFileException e) {
            if (sheets.isEmpty()) {
                sheets = sheetsOf(file);
            }
            String shown = read != null ? read : sheets.isEmpty() ? null : sheets.getFirst();
            return result(shown, headers, List.of(), 0, List.of(e.text()), false, sheets);
        }
    }

    private List<String> sheetsOf(FileSource file) throws IOException {
        try (InputStream in = file.open()) {
            return XlsxRowReader.sheetNames(in, limits);
        } catch (MalformedFileException e) {
            return List.of();
        }
    }

    private static SniffResult result(String sheet, List<String> headers, List<SourceRow> sample, long estimate,
                                      List<Text> problems, boolean exact, List<String> sheets) {
        FileFormat format = sheet != null ? FileFormat.workbook(sheet) : FileFormat.workbook("Sheet1");
        return new SniffResult(format, StandardCharsets.UTF_8, false, headers, sample, estimate, problems, exact,
                List.of(), sheets);
    }
}
