package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.job.CheckRepository;
import com.giftcardimport.importing.job.CorrectionRepository;
import com.giftcardimport.importing.job.ImportJob;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.importing.job.ImportSummaryRepository;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixing failed rows in the browser (SPEC 11; project admins): the failed rows of an import or of a whole-file check,
 * each edit checked by the import's own rules (the same messages), and a follow-up import of the corrected rows,
 * linked to the original. The original's counters and error report never change.
 */
@Service
@Transactional(readOnly = true)
public class ImportCorrections {

    /** The most failed rows the grid takes at once; the others stay in the error report. */
    public static final int MAX_ROWS = 1000;

    private final CurrentTenant current;
    private final ImportJobRepository jobs;
    private final ImportSummaryRepository summaries;
    private final CheckRepository checks;
    private final CorrectionRepository links;
    private final ImportPreviewer previewer;
    private final FileStore files;
    private final ImportLaunch launch;

    ImportCorrections(CurrentTenant current, ImportJobRepository jobs, ImportSummaryRepository summaries,
                      CheckRepository checks, CorrectionRepository links, ImportPreviewer previewer, FileStore files,
                      ImportLaunch launch) {
        this.current = current;
        this.jobs = jobs;
        this.summaries = summaries;
        this.checks = checks;
        this.links = links;
        this.previewer = previewer;
        this.files = files;
        this.launch = launch;
    }

    /** What the failed rows of an import are checked against. */
    public CorrectionTarget targetOf(ImportJobId id) {
        ProjectId project = current.enterAsAdmin().projectId();
        ImportJob job = jobs.load(project, id).orElseThrow(() -> new ImportNotFoundException("Import"));
        String name = summaries.find(project, id).map(ImportSummary::originalFileName).orElse("import-" + id);
        return target(name, job.header(), job.mapping(), job.action(), job.format().delimiter());
    }

    /** What the failed rows of a check are checked against. */
    public CorrectionTarget targetOf(ImportCheckId id) {
        ProjectId project = current.enterAsAdmin().projectId();
        CheckRepository.CheckRun run = checks.run(project, id).orElseThrow(() -> new ImportNotFoundException("Check"));
        String name = checks.summary(project, id).map(CheckSummary::fileName).orElse("check-" + id);
        return target(name, run.header(), run.mapping(), run.action(), run.format().delimiter());
    }

    private static CorrectionTarget target(String name, List<String> header, ColumnMapping mapping,
                                           ImportAction action, char delimiter) {
        Set<Integer> cvv = new HashSet<>(AutoMapper.cvvLikeColumns(header));
        int mapped = mapping.columnOf(GiftCardField.CVV);
        if (mapped >= 0) {
            cvv.add(mapped);
        }
        return new CorrectionTarget(name, header, mapping, action, delimiter, cvv);
    }

    /** The first {@link #MAX_ROWS} failed rows of an import, their errors said in {@code locale}. */
    public List<CorrectableRow> failedRows(ImportJobId id, Locale locale) {
        CorrectionTarget target = targetOf(id);
        List<CorrectableRow> rows = new ArrayList<>();
        jobs.forEachReportRow(current.enterAsAdmin().projectId(), id, locale,
                row -> collect(target, rows, row));
        return rows;
    }

    /** The first {@link #MAX_ROWS} rows a check found failing, their errors said in {@code locale}. */
    public List<CorrectableRow> failedRows(ImportCheckId id, Locale locale) {
        CorrectionTarget target = targetOf(id);
        List<CorrectableRow> rows = new ArrayList<>();
        checks.forEachReportRow(current.enterAsAdmin().projectId(), id, locale,
                row -> collect(target, rows, row));
        return rows;
    }

    private static void collect(CorrectionTarget target, List<CorrectableRow> rows, ImportJobRepository.ReportRow row) {
        if (rows.size() >= MAX_ROWS) {
            return;
        }
        List<String> cells = new ArrayList<>(row.cells());
        while (cells.size() < target.header().size()) {
            cells.add("");
        }
        target.cvvColumns().forEach(c -> cells.set(c, ""));
        rows.add(new CorrectableRow(row.rowNumber(), cells, row.messages()));
    }

    /**
     * Every reason the row with these cells would fail, as the import gives them: the validator's, a card number
     * already stored in the project, an unknown card for a status update.
     */
    public List<RowError> validate(CorrectionTarget target, long rowNumber, List<String> cells) {
        ProjectId project = current.enterAsAdmin().projectId();
        return previewer.validate(project, target.header(), target.mapping(),
                List.of(new SourceRow(rowNumber, cells)), target.action()).getFirst();
    }

    /**
     * Imports the corrected rows as a follow-up of import {@code original} (a new file of the original's header and
     * delimiter, in UTF-8, with the original's mapping), linked to it; the original is not changed.
     */
    @Transactional
    public ImportJobId importCorrected(ImportJobId original, List<List<String>> rows) {
        ProjectId project = current.enterAsAdmin().projectId();
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_ROWS + " corrected rows can be imported at once");
        }
        CorrectionTarget target = targetOf(original);
        byte[] content = csv(target, rows);
        String name = FileStore.sanitiseName(target.fileName().replaceFirst("\\.[^.]*$", "") + "-corrected.csv");
        StoredFile stored;
        try {
            stored = files.store(project, name, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("The corrected rows could not be stored", e);
        }
        ImportJobId followUp = launch.launch(new LaunchRequest(stored,
                new FileFormat(StandardCharsets.UTF_8, target.delimiter()), target.mapping(), null, target.action()))
                .id();
        links.link(project, followUp, original);
        return followUp;
    }

    /** The import {@code id} corrects, and its follow-ups. */
    public CorrectionLinks links(ImportJobId id) {
        ProjectId project = current.enterAsMember().projectId();
        return new CorrectionLinks(links.corrects(project, id), links.correctedBy(project, id));
    }

    /** For the list: the links of these imports, each as {@link CorrectionLinks}; imports without any are left out. */
    public Map<ImportJobId, CorrectionLinks> linksOf(Collection<ImportJobId> ids) {
        Map<ImportJobId, ImportJobId> corrects = new HashMap<>();
        Map<ImportJobId, List<ImportJobId>> correctedBy = new HashMap<>();
        for (Map.Entry<ImportJobId, ImportJobId> link : links.linksOf(current.enterAsMember().projectId(), ids)) {
            corrects.put(link.getKey(), link.getValue());
            correctedBy.computeIfAbsent(link.getValue(), k -> new ArrayList<>()).add(link.getKey());
        }
        Map<ImportJobId, CorrectionLinks> result = new HashMap<>();
        for (ImportJobId id : ids) {
            if (corrects.containsKey(id) || correctedBy.containsKey(id)) {
                result.put(id, new CorrectionLinks(Optional.ofNullable(corrects.get(id)),
                        correctedBy.getOrDefault(id, List.of())));
            }
        }
        return result;
    }

    private static byte[] csv(CorrectionTarget target, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(target.delimiter()).setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(target.header());
            for (List<String> row : rows) {
                List<String> cells = new ArrayList<>(row);
                while (cells.size() < target.header().size()) {
                    cells.add("");
                }
                printer.printRecord(cells.subList(0, target.header().size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
