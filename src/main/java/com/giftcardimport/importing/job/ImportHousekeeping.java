package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The imports' chores, run by the job engine on one node at a time: deleting stored files once their import ended
 * longer ago than {@code app.import.file-retention} (and whole-file checks older than
 * {@code app.import.check-retention}), and counting the rows of an import cancelled while queued.
 */
@Component
class ImportHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(ImportHousekeeping.class);

    private final ImportJobRepository jobs;
    private final FileStore files;
    private final ReadLimits limits;
    private final ImportSettings settings;
    private final Clock clock;
    private final CheckRepository checks;
    private final Duration checkRetention;

    ImportHousekeeping(ImportJobRepository jobs, FileStore files, ReadLimits limits, ImportSettings settings,
                       ObjectProvider<Clock> clock, CheckRepository checks,
                       @Value("${app.import.check-retention:6h}") Duration checkRetention) {
        this.jobs = jobs;
        this.checks = checks;
        this.checkRetention = checkRetention;
        this.files = files;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Deletes the stored files of jobs that ended longer ago than {@code app.import.file-retention}.
     *
     * @return how many were deleted
     */
    int deleteFilesPastRetention() {
        checks.deleteCreatedBefore(clock.instant().minus(checkRetention));
        int deleted = 0;
        for (ImportJobRepository.FileToDelete file : jobs.filesToDelete(clock.instant().minus(settings.fileRetention()))) {
            files.delete(file.projectId(), file.storedFileId());
            jobs.markFileDeleted(file.projectId(), file.id());
            deleted++;
        }
        return deleted;
    }

    /** With a retention of zero, a file goes as soon as its job ends. */
    void deleteFileIfRetentionIsOver() {
        if (settings.fileRetention().isZero() || settings.fileRetention().isNegative()) {
            deleteFilesPastRetention();
        }
    }

    /** An import cancelled while queued: counts its file's rows, so that its counters add up. */
    void countRowsOfCancelled(ProjectId projectId, ImportJobId id) {
        ImportJob job = jobs.load(projectId, id).orElse(null);
        if (job == null || job.totalRows() != null) {
            return;
        }
        long rows = 0;
        try (RowPipeline reader = RowPipeline.open(files.file(projectId, job.storedFileId()), job.format(), limits)) {
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        } catch (Exception e) {
            log.info("Could not count the rows of cancelled import {}: {}", id, e.toString());
            return;
        }
        jobs.setTotalRows(projectId, id, job.importedRows() + job.failedRows() + rows);
        deleteFileIfRetentionIsOver();
    }
}
