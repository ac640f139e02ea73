package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.job.ErrorReportWriter;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit as CSV: the imports the audit's filters select, newest first, with the columns the screen shows (so no
 * value of any file, hence never a card number or a CVV), streamed as they are read. Column names, import types,
 * actions and statuses are in the user's language; the delimiter is {@code ;} for Russian (what a Russian spreadsheet
 * expects) and {@code ,} otherwise; UTF-8 with a byte-order mark; times in UTC as {@code yyyy-MM-dd HH:mm:ss}. Cells
 * a spreadsheet would run as formulas (a file named {@code =HYPERLINK(…).csv}) are neutralised like the error
 * report's.
 */
final class AuditCsv {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("project", "id", "launched", "type", "action", "launchedBy",
            "file", "status", "total", "imported", "unchanged", "failed", "started", "finished", "durationSeconds");

    private AuditCsv() {
    }

    /** Writes the audit for {@code filter}; {@code texts} translates (a component of the page). */
    static void write(ImportQueries imports, ImportFilter filter, Component texts, OutputStream out) {
        Locale locale = texts.getUI().map(UI::getLocale).orElse(Locale.getDefault());
        char delimiter = locale != null && "ru".equals(locale.getLanguage()) ? ';' : ',';
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                    .setRecordSeparator("\r\n").get());
            printer.printRecord(COLUMNS.stream().map(c -> texts.getTranslation("audit.csv." + c)).toList());
            imports.forEachAudited(filter, job -> {
                try {
                    printer.printRecord(line(job, texts));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> line(ImportSummary job, Component texts) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(job.projectName());
        cells.add(job.id().toString());
        cells.add(time(job.launchedAt()));
        cells.add(texts.getTranslation("imports.type." + job.type().name()));
        cells.add(texts.getTranslation("imports.action." + job.action().name()));
        cells.add(job.launchedBy());
        cells.add(job.originalFileName());
        cells.add(texts.getTranslation("imports.status." + job.status().name()));
        cells.add(job.totalRows() == null ? "" : job.totalRows().toString());
        cells.add(Long.toString(job.importedRows()));
        cells.add(Long.toString(job.unchangedRows()));
        cells.add(Long.toString(job.failedRows()));
        cells.add(time(job.startedAt()));
        cells.add(time(job.finishedAt()));
        cells.add(job.startedAt() == null ? "" : Long.toString(job.duration().toSeconds()));
        return cells.stream().map(ErrorReportWriter::neutralise).toList();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
