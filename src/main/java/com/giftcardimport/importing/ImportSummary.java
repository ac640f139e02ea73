package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything about one import job, for the list, the result page and the HTTP API.
 *
 * @param projectName   the project's name on the audit's summaries, which cross projects; null elsewhere (the
 *                      current project's screens know their project)
 * @param launchedBy    how the launcher is shown: the person's name or {@code API token "x" (by Alice)}
 * @param totalRows     data rows in the file; known once the job has read the file to its end (null before)
 * @param estimatedRows the estimate made at launch from the head of the file (null when none)
 * @param lastRowNumber the spreadsheet number of the last row committed; a resumed job goes on after it
 * @param unchangedRows rows of a status update whose card already had the status (neither imported nor failed)
 * @param failureMessage why it failed, in English (null when it did not fail)
 * @param failureText   why it failed as a key and arguments; null when it did not fail or failed before the keys
 * @param undo          the import's undo, or null when nobody asked for one
 */
public record ImportSummary(ImportJobId id, ProjectId projectId, String projectName, ImportType type,
                            ImportAction action, String originalFileName, long fileSize, FileFormat format,
                            List<String> header, ColumnMapping mapping, UserId launchedByUserId, String launchedBy,
                            ImportStatus status, Long totalRows, Long estimatedRows, long importedRows,
                            long failedRows, long lastRowNumber, Instant launchedAt, Instant startedAt,
                            Instant finishedAt, String failureMessage, Text failureText, boolean cancelRequested,
                            long unchangedRows, ImportUndoSummary undo) {

    public ImportSummary {
        header = List.copyOf(header);
    }

    /** Why it failed, in {@code locale}: from its key where it was stored with one, else in its stored English. */
    public String failureMessageIn(Locale locale) {
        return failureText == null ? failureMessage : failureText.in(locale);
    }

    /** One line of the mapping used: a file column and the field it filled, if any. */
    public record MappedColumn(int index, String column, Optional<GiftCardField> field) {
    }

    /** The mapping as "column → field" lines, in file order. */
    public List<MappedColumn> mappedColumns() {
        List<MappedColumn> lines = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            lines.add(new MappedColumn(i, header.get(i), mapping.field(i)));
        }
        return lines;
    }

    /**
     * Rows not imported, unchanged or failed: counted once the total is known (after a cancel, the rest of the
     * file).
     */
    public Optional<Long> notProcessedRows() {
        return Optional.ofNullable(totalRows).map(total -> total - importedRows - unchangedRows - failedRows);
    }

    /** Whether a project admin may undo it now: it ended, and was not undone (nor is being undone). */
    public boolean undoable() {
        return status.isFinal() && (undo == null || undo.status() == ImportUndoSummary.Status.FAILED);
    }

    /** Running time: start to end, or start to now while running; zero before it starts. */
    public Duration duration() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    /**
     * This import as a progress event of it tells it: the event's status, counters and last row, and its total (at
     * the end) or estimate (while running); everything else unchanged. Lets a view follow a running import without
     * reading it again.
     */
    public ImportSummary withProgress(ImportProgress event) {
        Long total = event.status().isFinal() && event.totalOrEstimate() != null ? event.totalOrEstimate() : totalRows;
        Long estimate = event.status().isFinal() ? estimatedRows : event.totalOrEstimate();
        return new ImportSummary(id, projectId, projectName, type, action, originalFileName, fileSize, format, header,
                mapping, launchedByUserId, launchedBy, event.status(), total, estimate, event.imported(),
                event.failed(), event.lastRowNumber(), launchedAt, startedAt, finishedAt, failureMessage,
                failureText, cancelRequested, event.unchanged(), undo);
    }

    /** The same import with the name of its project. */
    public ImportSummary withProjectName(String name) {
        return new ImportSummary(id, projectId, name, type, action, originalFileName, fileSize, format, header, mapping,
                launchedByUserId, launchedBy, status, totalRows, estimatedRows, importedRows, failedRows, lastRowNumber,
                launchedAt, startedAt, finishedAt, failureMessage, failureText, cancelRequested, unchangedRows, undo);
    }

    /** The progress in the form the bus publishes it. */
    public ImportProgress progress() {
        return new ImportProgress(projectId, id, status, importedRows, failedRows,
                totalRows != null ? totalRows : estimatedRows, lastRowNumber,
                finishedAt != null ? finishedAt : Instant.now(), unchangedRows);
    }
}
