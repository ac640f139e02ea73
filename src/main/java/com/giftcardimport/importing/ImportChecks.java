package com.giftcardimport.importing;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.job.CheckRepository;
import com.giftcardimport.importing.job.CheckRunner;
import com.giftcardimport.importing.job.ErrorReportWriter;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The whole-file check before launch (project admins; wizard step 4, the API's dry run): every row of an upload read
 * and validated by the import's own pipeline against the project's pools, stored cards and the file's earlier rows,
 * creating nothing (SPEC 11). A check is identified by its upload, format, mapping and action: asking again finds the
 * same check (a wizard restored after a reload finds its own), and a check whose node stopped is started again. The
 * launched import validates every row again, so a card stored after the check is still caught.
 */
@Service
@Transactional(readOnly = true)
public class ImportChecks {

    /** A RUNNING check that has not moved on for this long lost its node (it moves on at least every chunk). */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final CurrentTenant current;
    private final UploadedFiles uploads;
    private final CheckRepository checks;
    private final CheckRunner runner;
    private final ErrorReportWriter reports;
    private final Clock clock;

    ImportChecks(CurrentTenant current, UploadedFiles uploads, CheckRepository checks, CheckRunner runner,
                 ErrorReportWriter reports, ObjectProvider<Clock> clock) {
        this.current = current;
        this.uploads = uploads;
        this.checks = checks;
        this.runner = runner;
        this.reports = reports;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The check of this upload read with {@code format}, mapped by {@code mapping}, for {@code action}: the one
     * started earlier, or a new one started in the background once this transaction commits.
     *
     * @throws ImportRefusedException the file or the mapping cannot be launched, so there is nothing to check
     * @throws com.giftcardimport.importing.file.StoredFileNotFoundException no such upload in this project
     */
    @Transactional
    public CheckSummary findOrStart(StoredFile file, FileFormat format, ColumnMapping mapping, ImportAction action) {
        return start(file, format, mapping, action, false, null);
    }

    /**
     * Starts the dry run of an upload (the API): a check of its own, kept after its upload is gone so that its
     * summary and errors can be read.
     */
    @Transactional
    public CheckSummary startDryRun(StoredFile file, FileFormat format, ColumnMapping mapping, ImportAction action,
                                    SniffResult read) {
        return start(file, format, mapping, action, true, read);
    }

    private CheckSummary start(StoredFile file, FileFormat format, ColumnMapping mapping, ImportAction action,
                               boolean dryRun, SniffResult read) {
        Tenant tenant = current.enterAsAdmin();
        ProjectId project = tenant.projectId();
        FileSource source = uploads.file(project, file.id());
        SniffResult sniff = read != null && read.detected().equals(format) ? read : uploads.sniff(source, format);
        refuseUnless(sniff.problems());
        refuseUnless(mapping.problemTextsWith(sniff.headers(), action));
        String fingerprint = fingerprint(action, format, mapping, dryRun);
        Optional<CheckRepository.Found> earlier = checks.findByKey(project, file.id(), fingerprint);
        if (earlier.isPresent()) {
            CheckRepository.Found found = earlier.get();
            boolean stale = found.status() == CheckStatus.RUNNING && !runner.isRunning(found.id())
                    && found.updatedAt().isBefore(clock.instant().minus(STALE_AFTER));
            if (!stale) {
                return get(found.id());
            }
            checks.delete(project, found.id());
        }
        ImportCheckId id = checks.insert(new CheckRepository.NewCheck(project, file.id(), fingerprint, action,
                        file.originalName(), format, sniff.headers(), mapping, dryRun, tenant.userId(),
                        sniff.estimatedRows()))
                .orElseGet(() -> checks.findByKey(project, file.id(), fingerprint).orElseThrow().id());
        CheckRepository.CheckRun run = checks.run(project, id).orElseThrow();
        afterCommit(() -> runner.start(run));
        return get(id);
    }

    /** Waits until the check has ended on this node (a dry run), then answers it. */
    @Transactional(readOnly = true)
    public CheckSummary awaitEnd(ImportCheckId id) {
        get(id);
        runner.awaitEnd(id);
        return get(id);
    }

    public CheckSummary get(ImportCheckId id) {
        return find(id).orElseThrow(() -> new ImportNotFoundException("Check"));
    }

    public Optional<CheckSummary> find(ImportCheckId id) {
        Tenant tenant = current.enterAsAdmin();
        return id == null ? Optional.empty() : checks.summary(tenant.projectId(), id);
    }

    /** The rows that would fail, one error per line, by row number. */
    public List<RowError> errors(ImportCheckId id, int offset, int limit) {
        CheckSummary check = get(id);
        return checks.errors(current.enterAsAdmin().projectId(), check.id(), offset, limit);
    }

    public long errorCount(ImportCheckId id) {
        CheckSummary check = get(id);
        return checks.errorCount(current.enterAsAdmin().projectId(), check.id());
    }

    /** The would-be error report in English. */
    public void writeErrorReport(ImportCheckId id, OutputStream out) {
        writeErrorReport(id, Languages.ENGLISH, out);
    }

    /**
     * The would-be error report: the same CSV an import of the file would give (see {@link ErrorReportWriter}), in
     * {@code locale}.
     */
    public void writeErrorReport(ImportCheckId id, Locale locale, OutputStream out) {
        ProjectId project = current.enterAsAdmin().projectId();
        CheckRepository.CheckRun run = checks.run(project, id)
                .orElseThrow(() -> new ImportNotFoundException("Check"));
        reports.write(run.header(), run.format().delimiter(), locale,
                rows -> checks.forEachReportRow(project, id, locale, rows), out);
    }

    /** A file name for the would-be error report, e.g. {@code cards-check-errors-42.csv}. */
    public String errorReportFileName(ImportCheckId id) {
        CheckSummary check = get(id);
        String base = check.fileName().replaceFirst("\\.[^.]*$", "");
        return base.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-check-errors-" + check.id() + ".csv";
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    private static void refuseUnless(List<Text> problems) {
        if (!problems.isEmpty()) {
            throw ImportRefusedException.because(problems);
        }
    }

    /**
     * What makes two checks of one upload the same: format (a workbook's sheet too), mapping and action (a dry run is
     * always its own).
     */
    private static String fingerprint(ImportAction action, FileFormat format, ColumnMapping mapping, boolean dryRun) {
        String text = String.join("\u0000", action.name(), format.encoding().name(),
                String.valueOf(format.delimiter()), String.valueOf(format.sheet()), mapping.fieldByColumn().stream()
                        .map(f -> f.map(Enum::name).orElse("-")).toList().toString(), dryRun ? "dry-run" : "wizard");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
