package com.giftcardimport.api;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.giftcardimport.importing.ImportUndoSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An import as the API shows it.
 *
 * @param launchedBy        the person, or {@code API token "name" (by Person)}, recorded by the server
 * @param totalRows         data rows in the file, once the import has read it to its end
 * @param estimatedRows     the estimate made at launch from the head of the file
 * @param importedRows      rows that created a card (adding cards) or changed a card's status (a status update)
 * @param notProcessedRows  rows neither imported, unchanged nor failed (e.g. after a cancel), once the total is
 *                          known
 * @param mapping           which field each file column filled
 * @param unchangedRows     rows of a status update whose card already had the status
 * @param undo              the import's undo, or null when nobody asked for one
 * @param warnings          only in the answer to a create: what the inspection of the file says the caller should
 *                          know, e.g. how many bytes were not valid UTF-8 and which encoding was chosen instead;
 *                          absent when there is nothing to tell
 */
record ImportResponse(long id, ImportType type, ImportAction action, String fileName, long fileSize,
                      String encoding, String delimiter, ImportStatus status, boolean cancelRequested,
                      String launchedBy, Instant launchedAt, Instant startedAt, Instant finishedAt,
                      Long totalRows, Long estimatedRows, long importedRows, long failedRows, Long notProcessedRows,
                      String failureMessage, List<MappedColumn> mapping, long unchangedRows, UndoResponse undo,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** A file column and the field it filled ({@code null}: not imported). */
    record MappedColumn(int index, String column, String field) {
    }

    /**
     * The undo of an import.
     *
     * @param status      RUNNING, COMPLETED or FAILED
     * @param requestedBy who asked for it, recorded by the server
     * @param undoneCards cards deleted (undo of added cards) or given their previous status back (status update)
     * @param keptCards   cards kept because they changed since the import: {@code GET .../undo/kept-cards}
     */
    record UndoResponse(ImportUndoSummary.Status status, String requestedBy, Instant requestedAt,
                        Instant finishedAt, long totalCards, long undoneCards, long keptCards,
                        String failureMessage) {

        static UndoResponse of(ImportUndoSummary undo, Locale locale) {
            return undo == null ? null : new UndoResponse(undo.status(), undo.requestedBy(), undo.requestedAt(),
                    undo.finishedAt(), undo.totalCards(), undo.undoneCards(), undo.keptCards(),
                    undo.failureMessageIn(locale));
        }
    }

    /** The import, its failure message said in {@code locale} (the request's {@code Accept-Language}). */
    static ImportResponse of(ImportSummary job, Locale locale) {
        return new ImportResponse(job.id().value(), job.type(), job.action(), job.originalFileName(), job.fileSize(),
                job.format().encoding().name(), String.valueOf(job.format().delimiter()), job.status(),
                job.cancelRequested(), job.launchedBy(), job.launchedAt(), job.startedAt(), job.finishedAt(),
                job.totalRows(), job.estimatedRows(), job.importedRows(), job.failedRows(),
                job.notProcessedRows().orElse(null), job.failureMessageIn(locale),
                job.mappedColumns().stream().map(c -> new MappedColumn(c.index(), c.column(),
                        c.field().map(Enum::name).orElse(null))).toList(), job.unchangedRows(),
                UndoResponse.of(job.undo(), locale), List.of());
    }

    ImportResponse withWarnings(List<String> told) {
        return new ImportResponse(id, type, action, fileName, fileSize, encoding, delimiter, status, cancelRequested,
                launchedBy, launchedAt, startedAt, finishedAt, totalRows, estimatedRows, importedRows, failedRows,
                notProcessedRows, failureMessage, mapping, unchangedRows, undo, List.copyOf(told));
    }

    URI location() {
        return URI.create("/api/v1/imports/" + id);
    }
}
