package com.giftcardimport.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.giftcardimport.importing.CheckReason;
import com.giftcardimport.importing.CheckStatus;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ImportAction;
import java.util.List;
import java.util.Locale;

/**
 * The answer to a dry run ({@code dryRun=true}): the whole-file check of the file, nothing imported.
 *
 * @param id             the check's id; its failed rows are at {@code GET /api/v1/imports/{id}/errors} and
 *                       {@code .../error-report}, as an import's are
 * @param status         COMPLETED (the file was read to its end) or FAILED (a file-level failure, see
 *                       {@code failureMessage})
 * @param totalRows      data rows in the file
 * @param importableRows rows an import of the file would take now
 * @param failedRows     rows an import of the file would fail
 * @param reasons        why rows would fail, most rows first: code, the first row's message, how many rows, the
 *                       first row numbers
 */
record DryRunResponse(long id, boolean dryRun, ImportAction action, String fileName, String encoding,
                      String delimiter, CheckStatus status, Long totalRows, long importableRows, long failedRows,
                      String failureMessage, List<Reason> reasons,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** One reason rows would fail. */
    record Reason(String code, String message, long rows, List<Long> firstRows) {

        static Reason of(CheckReason reason, Locale locale) {
            return new Reason(reason.code(), reason.message(locale), reason.rows(), reason.firstRows());
        }
    }

    static DryRunResponse of(CheckSummary check, List<String> warnings, Locale locale) {
        return new DryRunResponse(check.id().value(), true, check.action(), check.fileName(),
                check.format().encoding().name(), String.valueOf(check.format().delimiter()), check.status(),
                check.totalRows(), check.validRows(), check.failedRows(), check.failureMessageIn(locale),
                check.reasons().stream().map(r -> Reason.of(r, locale)).toList(), List.copyOf(warnings));
    }
}
