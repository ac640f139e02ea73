package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Writes a job's error report as CSV: UTF-8 with a byte-order mark (so spreadsheets pick the encoding), the file's
 * own delimiter, a {@code Row} column (the row's number as a spreadsheet shows it), the file's header and an
 * {@code Error} column, then one line per failed row: its number, its cells (CVV masked) and its messages. The two
 * added columns and the messages are in the reader's language. Streamed from {@code import_error}; the uploaded
 * file is not needed. Safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a tab or a carriage
 * return gets a leading {@code '}.
 */
@Component
public class ErrorReportWriter {

    private final ImportJobRepository jobs;

    ErrorReportWriter(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Writes the report of a job the caller has already found in its project, in {@code locale}; does not close
     * {@code out}.
     */
    public void write(ImportSummary job, Locale locale, OutputStream out) {
        write(job.header(), job.format().delimiter(), locale,
                rows -> jobs.forEachReportRow(job.projectId(), job.id(), locale, rows), out);
    }

    /**
     * Writes a report of the failed rows {@code rows} hands over, in row order (a job's, or a check's would-be
     * report), for a file with {@code fileHeader} and {@code delimiter}, in {@code locale}; does not close
     * {@code out}.
     */
    public void write(List<String> fileHeader, char delimiter, Locale locale,
                      Consumer<Consumer<ImportJobRepository.ReportRow>> rows, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setRecordSeparator("\r\n")
                    .get();
            CSVPrinter printer = new CSVPrinter(writer, format);
            int width = fileHeader.size();
            List<String> header = new ArrayList<>(width + 2);
            header.add(Text.of("report.row").in(locale));
            fileHeader.forEach(h -> header.add(neutralise(h)));
            header.add(Text.of("report.error").in(locale));
            printer.printRecord(header);
            rows.accept(row -> {
                List<String> line = new ArrayList<>(Math.max(width, row.cells().size()) + 2);
                line.add(Long.toString(row.rowNumber()));
                row.cells().forEach(cell -> line.add(neutralise(cell)));
                while (line.size() < width + 1) {
                    line.add("");
                }
                line.add(neutralise(String.join("; ", row.messages())));
                try {
                    printer.printRecord(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would take for a formula, made plain text with a leading {@code '}. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
