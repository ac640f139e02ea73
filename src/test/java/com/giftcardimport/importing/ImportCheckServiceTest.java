package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole-file check (SPEC 11) on real PostgreSQL: the import's own reader, validator and chunks, duplicates found
 * against stored cards and earlier rows across chunks (chunks of 3 rows here), nothing created, and a launch that
 * still catches what changed after the check.
 */
@SpringBootTest(properties = "app.import.chunk-rows=3")
@ActiveProfiles("test")
class ImportCheckServiceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String HEADER = "Card number,Pool system name,Card balance,Gift card status\n";

    @Autowired
    FileInspection inspection;
    @Autowired
    ImportChecks checks;
    @Autowired
    ImportLaunch launcher;
    @Autowired
    ImportQueries queries;
    @Autowired
    ImportTestSupport support;
    @Autowired
    OwnerJdbc jdbc;

    @AfterEach
    void logout() {
        support.logout();
    }

    @Test
    void the_check_reads_every_row_groups_the_failures_by_reason_and_creates_nothing() {
        TestProject project = project();
        importNow(HEADER + "OLD-1,flex,1,\n");
        StoredFile file = upload(HEADER
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

        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS));

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
        assertThat(cardCount(project)).as("a check creates no card").isEqualTo(1);

        ImportSummary imported = launchAndAwait(file, null);
        assertThat(imported.importedRows()).as("the check said what the import does").isEqualTo(check.validRows());
        assertThat(imported.failedRows()).isEqualTo(check.failedRows());
        assertThat(queries.errors(imported.id(), 0, 100)).extracting(RowError::rowNumber, RowError::code)
                .containsExactlyElementsOf(checks.errors(check.id(), 0, 100).stream()
                        .map(e -> Tuple.tuple(e.rowNumber(), e.code())).toList());
    }

    @Test
    void a_card_stored_between_the_check_and_the_launch_is_still_caught_by_the_import() {
        TestProject project = project();
        StoredFile file = upload(HEADER + "LATE-1,flex,1,\nLATE-2,flex,2,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS));
        assertThat(check.validRows()).isEqualTo(2);
        assertThat(check.failedRows()).isZero();

        importNow(HEADER + "LATE-2,flex,9,\n");   // another import stores LATE-2 after the check

        ImportSummary imported = launchAndAwait(file, null);
        assertThat(imported.importedRows()).isEqualTo(1);
        assertThat(imported.failedRows()).isEqualTo(1);
        assertThat(queries.errors(imported.id(), 0, 10)).extracting(RowError::rowNumber, RowError::code)
                .containsExactly(Tuple.tuple(3L, "CARD_NUMBER_ALREADY_EXISTS"));
        assertThat(cardCount(project)).isEqualTo(2);
    }

    @Test
    void the_same_upload_format_mapping_and_action_find_the_same_check_and_another_mapping_starts_another() {
        project();
        StoredFile file = upload(HEADER + "S-1,flex,1,\n");
        CheckSummary first = awaitEnd(checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS));

        CheckSummary again = checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS);
        CheckSummary withoutStatus = checks.findOrStart(file, utf8(), ColumnMapping.of(Map.of(0,
                GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE), 4),
                ImportAction.ADD_GIFT_CARDS);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(withoutStatus.id()).isNotEqualTo(first.id());
    }

    @Test
    void the_would_be_error_report_is_the_reports_csv_and_discarding_the_upload_deletes_its_checks() {
        TestProject project = project();
        StoredFile file = upload(HEADER + "R-1,flex,=1+1,\nR-2,flex,2,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS));
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
        assertThat(cardCount(project)).isZero();
    }

    @Test
    void a_check_of_another_project_reads_as_one_that_does_not_exist() {
        project();
        StoredFile file = upload(HEADER + "T-1,flex,1,\n");
        CheckSummary check = awaitEnd(checks.findOrStart(file, utf8(), mapping(), ImportAction.ADD_GIFT_CARDS));
        TestProject other = support.newProject();
        support.loginAs(other.admin(), other.id());

        assertThat(checks.find(check.id())).isEmpty();
        assertThatThrownBy(() -> checks.errors(check.id(), 0, 10)).isInstanceOf(ImportNotFoundException.class);
        assertThatThrownBy(() -> checks.writeErrorReport(check.id(), new ByteArrayOutputStream()))
                .isInstanceOf(ImportNotFoundException.class);
    }

    private TestProject project() {
        TestProject project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
        support.loginAs(project.admin(), project.id());
        return project;
    }

    private StoredFile upload(String csv) {
        return inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "cards.csv");
    }

    private void importNow(String csv) {
        launchAndAwait(upload(csv), null);
    }

    private ImportSummary launchAndAwait(StoredFile file, String key) {
        ImportJobId id = launcher.launch(new LaunchRequest(file, utf8(), mapping(), key, ImportAction.ADD_GIFT_CARDS))
                .id();
        support.awaitEnd(id, TIMEOUT);
        return queries.get(id);
    }

    private CheckSummary awaitEnd(CheckSummary started) {
        return await("the end of check " + started.id()).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(() -> checks.get(started.id()), c -> !c.running());
    }

    private long cardCount(TestProject project) {
        return jdbc.sql("select count(*) from gift_card where project_id = ?").param(project.id().value())
                .query(Long.class).single();
    }

    private static FileFormat utf8() {
        return new FileFormat(StandardCharsets.UTF_8, ',');
    }

    private static ColumnMapping mapping() {
        return ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE,
                3, GiftCardField.STATUS), 4);
    }
}
