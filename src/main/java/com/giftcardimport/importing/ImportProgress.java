package com.giftcardimport.importing;

import com.giftcardimport.project.ProjectId;
import java.time.Instant;

/**
 * A job's progress, delivered on every node at most about four times a second per job and on every status change
 * (see {@link ImportProgressBus}). The job row in the database holds the same numbers.
 *
 * @param totalOrEstimate the number of rows in the file once known, before that the estimate made at launch
 *                        (null when there is none)
 * @param lastRowNumber   the spreadsheet number of the last row committed (1 = only the header so far)
 * @param unchanged       rows of a status update whose card already had the status
 */
public record ImportProgress(ProjectId projectId, ImportJobId jobId, ImportStatus status, long imported,
                             long failed, Long totalOrEstimate, long lastRowNumber, Instant at, long unchanged) {

    /** Progress of an import that has no unchanged rows (adding cards). */
    public ImportProgress(ProjectId projectId, ImportJobId jobId, ImportStatus status, long imported, long failed,
                          Long totalOrEstimate, long lastRowNumber, Instant at) {
        this(projectId, jobId, status, imported, failed, totalOrEstimate, lastRowNumber, at, 0);
    }

    /** Rows handled so far (imported, unchanged or failed). */
    public long processed() {
        return imported + unchanged + failed;
    }

    /**
     * Between 0 and 1 when there is a total or an estimate; 1 for a completed job; for a cancelled or failed one,
     * the share of the rows it handled before it stopped (what was done).
     */
    public double fraction() {
        if (status == ImportStatus.COMPLETED || status == ImportStatus.COMPLETED_WITH_ERRORS) {
            return 1.0;
        }
        if (totalOrEstimate == null || totalOrEstimate <= 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) processed() / totalOrEstimate);
    }
}
