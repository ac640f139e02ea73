package com.giftcardimport.api;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it.
 *
 * @param launchedBy        the person, or {@code API token "name" (by Person)}, recorded by the server
 * @param totalRows         data rows in the file, once the import has read it to its end
 * @param estimatedRows     the estimate made at launch from the head of the file
 * @param notProcessedRows  rows neither imported nor failed (e.g. after a cancel), once the total is known
 * @param mapping           which field each file column filled
 * @param warnings          only in the answer to a create: what the inspection of the file says the caller should
 *                          know, e.g. how many bytes were not valid UTF-8 and which encoding was chosen instead;
 *                          absent when there is nothing to tell
 */
record ImportResponse(long id, ImportType type, ImportAction action, String fileName, long fileSize,
                      String encoding, String delimiter, ImportStatus status, boolean cancelRequested,
                      String launchedBy, Instant launchedAt, Instant startedAt, Instant finishedAt,
                      Long totalRows, Long estimatedRows, long importedRows, long failedRows, Long notProcessedRows,
                      String failureMessage, List<MappedColumn> mapping,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** A file column and the field it filled ({@code null}: not imported). */
    record MappedColumn(int index, String column, String field) {
    }

    static ImportResponse of(ImportSummary job) {
        return new ImportResponse(job.id().value(), job.type(), job.action(), job.originalFileName(), job.fileSize(),
                job.format().encoding().name(), String.valueOf(job.format().delimiter()), job.status(),
                job.cancelRequested(), job.launchedBy(), job.launchedAt(), job.startedAt(), job.finishedAt(),
                job.totalRows(), job.estimatedRows(), job.importedRows(), job.failedRows(),
                job.notProcessedRows().orElse(null), job.failureMessage(),
                job.mappedColumns().stream().map(c -> new MappedColumn(c.index(), c.column(),
                        c.field().map(Enum::name).orElse(null))).toList(), List.of());
    }

    ImportResponse withWarnings(List<String> told) {
        return new ImportResponse(id, type, action, fileName, fileSize, encoding, delimiter, status, cancelRequested,
                launchedBy, launchedAt, startedAt, finishedAt, totalRows, estimatedRows, importedRows, failedRows,
                notProcessedRows, failureMessage, mapping, List.copyOf(told));
    }

    URI location() {
        return URI.create("/api/v1/imports/" + id);
    }
}
