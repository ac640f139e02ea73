package com.giftcardimport.importing;

import static com.giftcardimport.importing.ImportTestSupport.ADD;
import static com.giftcardimport.importing.ImportTestSupport.CARDS;
import static com.giftcardimport.importing.ImportTestSupport.TIMEOUT;
import static com.giftcardimport.importing.ImportTestSupport.UPDATE;
import static com.giftcardimport.importing.ImportTestSupport.utf8;
import static com.giftcardimport.importing.Workbooks.row;
import static com.giftcardimport.importing.Workbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole-file check (SPEC 11) on real PostgreSQL: the import's own reader, validator and chunks, duplicates found
 * against stored cards and earlier rows across chunks (chunks of 3 rows here), nothing created, and a launch that
 * still catches what changed after the check.
 */
@SpringBootTest(properties = "app.import.chunk-rows=3")
class ImportCheckServiceTest extends ImportServiceTestBase {

    @Autowired
    ImportChecks checks;

    @Test
    void the_check_reads_every_row_groups_the_failures_by_reason_and_creates_nothing() {
        TestProject project = support.adminOfNewProject();
        importNow(CARDS + "OLD-1,flex,1,\n");
        StoredFile file = support.upload(CARDS
                + "C-1,flex,1,\n"           // row 2
                + "C-2,flex,abc,\n"         // row 3: not an amount
                + "C-3,flex,1,\n"
                + "OLD-1,flex,1,\n"         // row 5: stored already (second chunk)
                + "C-5,nowhere,1,\n"        // row 6: no such pool
                + "C-6,flex,1,Lost\n"       // row 7: no such status
                + "C-7,flex,1,\n"
                + "C-1,flex,1,\n"           // row 9: duplicates row 2 (third chunk)
                + "C-9,flex,x,\n"           // row 10: not an amount
                + "C-10,flex,1,\n");

        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS));

        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check.totalRows()).isEqualTo(10);
        assertThat(check.checkedRows()).isEqualTo(10);
        assertThat(check.validRows()).isEqualTo(4);
        assertThat(check.failedRows()).isEqualTo(6);
        assertThat(check.reasons()).extracting(CheckReason::code, CheckReason::rows, CheckReason::firstRows)
                .containsExactly(
                        Tuple.tuple("BALANCE_INVALID", 2L, List.of(3L, 10L)),
                        Tuple.tuple("CARD_NUMBER_ALREADY_EXISTS", 1L, List.of(5L)),
                        Tuple.tuple("POOL_NOT_FOUND", 1L, List.of(6L)),
                        Tuple.tuple("STATUS_UNKNOWN", 1L, List.of(7L)),
                        Tuple.tuple("CARD_NUMBER_DUPLICATE_IN_FILE", 1L, List.of(9L)));
        assertThat(check.reasons().get(0).message()).contains("'abc'");
        assertThat(support.cardCount(project)).as("a check creates no card").isEqualTo(1);

        ImportSummary imported = launchAndAwait(file);
        assertThat(imported.importedRows()).as("the check said what the import does").isEqualTo(check.validRows());
        assertThat(imported.failedRows()).isEqualTo(check.failedRows());
        assertThat(queries.errors(imported.id(), 0, 100)).extracting(RowError::rowNumber, RowError::code)
                .containsExactlyElementsOf(checks.errors(check.id(), 0, 100).stream()
                        .map(e -> Tuple.tuple(e.rowNumber(), e.code())).toList());
    }

    @Test
    void a_card_stored_between_the_check_and_the_launch_is_still_caught_by_the_import() {
        TestProject project = support.adminOfNewProject();
        StoredFile file = support.upload(CARDS + "LATE-1,flex,1,\nLATE-2,flex,2,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS));
        assertThat(check.validRows()).isEqualTo(2);
        assertThat(check.failedRows()).isZero();

        importNow(CARDS + "LATE-2,flex,9,\n");   // another import stores LATE-2 after the check

        ImportSummary imported = launchAndAwait(file);
        assertThat(imported.importedRows()).isEqualTo(1);
        assertThat(imported.failedRows()).isEqualTo(1);
        assertThat(queries.errors(imported.id(), 0, 10)).extracting(RowError::rowNumber, RowError::code)
                .containsExactly(Tuple.tuple(3L, "CARD_NUMBER_ALREADY_EXISTS"));
        assertThat(support.cardCount(project)).isEqualTo(2);
    }

    @Test
    void the_same_upload_format_mapping_and_action_find_the_same_check_and_another_mapping_starts_another() {
        support.adminOfNewProject();
        StoredFile file = support.upload(CARDS + "S-1,flex,1,\n");
        CheckSummary first = awaitEnd(checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS));

        CheckSummary again = checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS);
        CheckSummary withoutStatus = checks.findOrStart(file, utf8(), ColumnMapping.of(Map.of(0,
                GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE), 4),
                ImportAction.ADD_GIFT_CARDS);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(withoutStatus.id()).isNotEqualTo(first.id());
    }

    @Test
    void the_would_be_error_report_is_the_reports_csv_and_discarding_the_upload_deletes_its_checks() {
        TestProject project = support.adminOfNewProject();
        StoredFile file = support.upload(CARDS + "R-1,flex,=1+1,\nR-2,flex,2,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS));
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        checks.writeErrorReport(check.id(), report);

        String csv = report.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFRow,Card number,Pool system name,Card balance,Gift card status,Error\r\n"
                + "2,R-1,flex,'=1+1,,").contains("Card balance").doesNotContain("R-2");
        assertThat(csv.split("\r\n")).hasSize(2);
        inspection.discard(file.id());
        assertThat(checks.find(check.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from import_check_error where check_id = ?").param(check.id().value())
                .query(Long.class).single()).isZero();
        assertThat(support.cardCount(project)).isZero();
    }

    @Test
    void a_check_of_another_project_reads_as_one_that_does_not_exist() {
        support.adminOfNewProject();
        StoredFile file = support.upload(CARDS + "T-1,flex,1,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS));
        TestProject other = support.newProject();
        support.loginAs(other.admin(), other.id());

        assertThat(checks.find(check.id())).isEmpty();
        assertThatThrownBy(() -> checks.errors(check.id(), 0, 10)).isInstanceOf(ImportNotFoundException.class);
        assertThatThrownBy(() -> checks.writeErrorReport(check.id(), new ByteArrayOutputStream()))
                .isInstanceOf(ImportNotFoundException.class);
    }

    @Test
    void the_review_steps_preview_gives_each_of_the_first_rows_the_errors_the_check_stores_for_it() {
        support.adminOfNewProject();
        importNow(CARDS + "OLD-1,flex,1,\n");
        StringBuilder csv = new StringBuilder(CARDS)
                .append("P-1,flex,1,\n")                          // row 2
                .append("P-2,flex,abc,\n")                        // row 3: not an amount
                .append("OLD-1,flex,1,\n")                        // row 4: stored already
                .append("P-4,nowhere,1,\n")                       // row 5: no such pool
                .append("P-5,flex,1,Lost\n")                      // row 6: no such status
                .append(",flex,1,\n")                             // row 7: no card number
                .append("P-1,flex,1,\n")                          // row 8: duplicates row 2 (another chunk)
                .append("P 8!,flex,1,\n")                         // row 9: not a card number
                .append("P-9,flex,-1,\n")                         // row 10: negative
                .append("P-10,flex,=1+1,\n")                      // row 11: a formula
                .append("P-11,flex,").append("9".repeat(10_001)).append(",\n")   // row 12: value too long
                .append("P-12,nowhere,abc,Lost\n")                // row 13: three errors in one row
                .append("1.23E+15,flex,1,\n")                     // row 14: scientific notation
                .append("\n");                                     // row 15: empty, not a row
        for (int row = 16; row <= 24; row++) {
            csv.append("Q-").append(row).append(row == 23 ? ",flex,x,\n" : ",flex,1,\n");   // row 23 fails
        }
        StoredFile file = support.upload(csv.toString());

        assertPreviewAgreesWithCheck(file, utf8(), ADD, ImportAction.ADD_GIFT_CARDS, 22, 12);
    }

    @Test
    void the_preview_of_a_workbooks_status_update_numbers_its_rows_as_the_sheet_and_fails_them_as_the_check() {
        support.adminOfNewProject();
        importNow(CARDS + "K-1,flex,1,\nK-2,flex,1,\n");
        // chunks of 3 rows: 2, 4, 5 | 6, 8, 9
        byte[] workbook = Workbooks.xlsx(sheet("Statuses", row("Card number", "Gift card status"),
                row("K-1", "Blocked"),              // row 2
                null,                               // row 3: empty
                row("NO-1", "Blocked"),             // row 4: no such card
                row("NO-1", "Inactive"),            // row 5: duplicates row 4 (the same chunk)
                row("K-2", "Lost"),                 // row 6: no such status
                null,
                row("K-1", "Inactive"),             // row 8: duplicates row 2 (another chunk)
                row("K-2", "Blocked")));            // row 9
        StoredFile file = inspection.upload(new ByteArrayInputStream(workbook), "statuses.xlsx");

        assertPreviewAgreesWithCheck(file, FileFormat.workbook("Statuses"), UPDATE,
                ImportAction.UPDATE_GIFT_CARD_STATUSES, 6, 4);
    }

    /**
     * The first 20 rows of the preview ({@code shownRows} of them, {@code failedRows} failing) carry exactly the
     * errors the whole-file check stored for those rows.
     */
    private void assertPreviewAgreesWithCheck(StoredFile file, FileFormat format, ColumnMapping mapping,
                                              ImportAction action, int shownRows, int failedRows) {
        ImportPreview preview = inspection.preview(file.id(), format, mapping, 20, action);
        CheckSummary check = awaitEnd(checks.findOrStart(file, format, mapping, action));
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);

        long lastShown = preview.rows().getLast().rowNumber();
        List<RowError> checked = checks.errors(check.id(), 0, 1000).stream()
                .filter(error -> error.rowNumber() <= lastShown).toList();
        assertThat(preview.rows()).hasSize(Math.min(20, shownRows));
        assertThat(preview.rows().stream().filter(row -> !row.valid()).count()).isEqualTo(failedRows);
        assertThat(preview.rows().stream().flatMap(row -> row.errors().stream()).toList())
                .isNotEmpty()
                .containsExactlyElementsOf(checked);
    }

    private ImportSummary importNow(String csv) {
        return support.importCsv(csv, ImportAction.ADD_GIFT_CARDS, ADD);
    }

    private ImportSummary launchAndAwait(StoredFile file) {
        return support.launchAndAwait(new LaunchRequest(file, utf8(), ADD, null, ImportAction.ADD_GIFT_CARDS));
    }

    private CheckSummary awaitEnd(CheckSummary started) {
        return await("the end of check " + started.id()).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(() -> checks.get(started.id()), c -> !c.running());
    }
}
