package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.FileReferences;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Imports as the wizard and the HTTP API run them: through the use-case services of {@code importing}, logged in, on real PostgreSQL. */
class ImportServiceTest extends ImportServiceTestBase {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String HEADER = "Card number,Pool system name,Gift card CVV,Card balance,Card purchase date (UTC)\n";

    @Autowired
    ImportCancellation cancellation;
    @Autowired
    ImportProgressFeed feed;
    @Autowired
    CvvCipher cipher;
    @Autowired
    ProjectRepository projects;
    @Autowired
    List<FileReferences> fileReferences;
    @Autowired
    FileStore files;

    // ---------------------------------------------------------------- rows

    @Test
    void duplicates_inside_the_file_and_against_stored_cards_fail_and_the_first_occurrence_wins() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        assertThat(importCsv(HEADER + "OLD-1,flex,,5,\n", null).status()).isEqualTo(ImportStatus.COMPLETED);

        ImportSummary job = importCsv(HEADER
                + "N-1,flex,,1,\n"
                + "OLD-1,flex,,2,\n"
                + "N-2,flex,,3,\n"
                + "N-1,flex,,4,\n"
                + "N-2,nowhere,,5,\n", null);

        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(job.importedRows()).isEqualTo(2);
        assertThat(job.failedRows()).isEqualTo(3);
        assertThat(messages(job)).containsExactly(
                "3 Card number: Card number 'OLD-1' already exists in this project",
                "5 Card number: Card number 'N-1' duplicates row 2 of this file",
                "6 Pool system name: Pool 'nowhere' does not exist in this project: create it first or check the "
                        + "system name");
        assertThat(jdbc.sql("select balance::text from gift_card where project_id = ? and card_number = 'N-1'")
                .param(project.id().value()).query(String.class).single()).isEqualTo("1.00");
    }

    @Test
    void a_pool_that_exists_only_in_another_project_fails_the_row_like_a_pool_that_exists_nowhere() throws Exception {
        TestProject project = projectWithPools();
        TestProject other = support.newProject();
        support.arbitraryPool(other.id(), "theirs", false);
        support.loginAs(project.admin(), project.id());

        ImportSummary job = importCsv(HEADER + "P-1,theirs,,1,\nP-2,nowhere,,1,\n", null);

        List<RowError> errors = queries.errors(job.id(), 0, 10);
        assertThat(errors).extracting(RowError::code).containsExactly("POOL_NOT_FOUND", "POOL_NOT_FOUND");
        assertThat(errors.get(0).message()).isEqualTo(errors.get(1).message().replace("nowhere", "theirs"));
        assertThat(job.importedRows()).isZero();
    }

    @Test
    void a_fixed_pool_rejects_a_balance_other_than_its_face_value_and_accepts_any_way_of_writing_it() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());

        ImportSummary job = importCsv(HEADER
                + "F-1,fixed-1000,,1000,\n"
                + "F-2,fixed-1000,,1000.0,\n"
                + "F-3,fixed-1000,,\"1000,00\",\n"
                + "F-4,fixed-1000,,999.99,\n", null);

        assertThat(job.importedRows()).isEqualTo(3);
        assertThat(queries.errors(job.id(), 0, 10)).singleElement().satisfies(error -> {
            assertThat(error.rowNumber()).isEqualTo(5);
            assertThat(error.code()).isEqualTo("BALANCE_NOT_FACE_VALUE");
            assertThat(error.message()).contains("999.99").contains("1000.00");
        });
    }

    @Test
    void a_cvv_is_stored_encrypted_never_in_plain_text_and_decrypts_to_the_digits_of_the_file() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());

        ImportSummary job = importCsv(HEADER + "V-1,cvv-pool,0123,10,\nV-2,cvv-pool,98x,10,\nV-3,cvv-pool,,10,\n",
                null);

        byte[] stored = jdbc.sql("select cvv_encrypted from gift_card where project_id = ? and card_number = 'V-1'")
                .param(project.id().value()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("0123");
        assertThat(cipher.decrypt(stored)).isEqualTo("0123");
        assertThat(queries.errors(job.id(), 0, 10)).extracting(RowError::code)
                .containsExactly("CVV_INVALID", "CVV_MISSING");
        assertThat(queries.errors(job.id(), 0, 10)).allSatisfy(error -> {
            assertThat(error.value()).doesNotContain("98");
            assertThat(error.message()).doesNotContain("98x");
        });
        assertThat(report(job)).doesNotContain("98x").contains("***");
    }

    @Test
    void the_expiry_is_the_purchase_date_plus_the_pools_validity_and_stays_empty_without_either() throws Exception {
        TestProject project = projectWithPools();
        support.pool(project.id(), "year", "ARBITRARY", null, false, "MONTHS", 12);
        support.pool(project.id(), "ninety", "ARBITRARY", null, false, "DAYS", 90);
        support.loginAs(project.admin(), project.id());

        importCsv(HEADER
                + "E-1,year,,1,2024-01-31 10:00\n"
                + "E-2,ninety,,1,31.12.2024\n"
                + "E-3,year,,1,\n"
                + "E-4,flex,,1,2024-01-31T10:00:00+03:00\n", null);

        Map<String, Instant> expiry = new HashMap<>();
        jdbc.sql("select card_number, expires_at from gift_card where project_id = ?").param(project.id().value())
                .query(rs -> {
                    expiry.put(rs.getString(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
                });
        assertThat(expiry.get("E-1")).isEqualTo(Instant.parse("2025-01-31T10:00:00Z"));
        assertThat(expiry.get("E-2")).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
        assertThat(expiry).containsEntry("E-3", null).containsEntry("E-4", null);
        assertThat(jdbc.sql("select purchased_at from gift_card where project_id = ? and card_number = 'E-4'")
                .param(project.id().value()).query(Timestamp.class).single().toInstant())
                .isEqualTo(Instant.parse("2024-01-31T07:00:00Z"));
    }

    @Test
    void a_windows_1251_semicolon_file_with_russian_headers_imports_through_auto_mapping() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        String csv = "Номер карты;Пул;CVV;Баланс;Точка продаж;Дата покупки;Статус\r\n"
                + "R-1;flex;;1 000,50;Магазин «Центр»;31.01.2024 10:00;Заблокирована\r\n"
                + "R-2;fixed-1000;;1000;;;\r\n"
                + "R-3;flex;;12,5;;;Неизвестно\r\n";
        StoredFile file = inspection.upload(new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1251"))),
                "карты.csv");

        SniffResult sniff = inspection.inspect(file.id(), Optional.empty(), Optional.empty());
        assertThat(sniff.detected()).isEqualTo(new FileFormat(Charset.forName("windows-1251"), ';'));
        MappingSuggestion suggestion = inspection.suggestMapping(file.id(), sniff.detected());
        assertThat(suggestion.mapping().problems()).isEmpty();
        assertThat(suggestion.mapping().columnOf(GiftCardField.POINT_OF_CONTACT)).isEqualTo(4);
        ImportSummary job = await(launcher.launch(new LaunchRequest(file, sniff.detected(), suggestion.mapping(), null)).id());

        assertThat(job.originalFileName()).isEqualTo("карты.csv");
        assertThat(job.importedRows()).isEqualTo(2);
        assertThat(queries.errors(job.id(), 0, 10)).extracting(RowError::code).containsExactly("STATUS_UNKNOWN");
        Map<String, Object> card = jdbc.sql("""
                        select balance::text as balance, point_of_contact, status from gift_card
                         where project_id = ? and card_number = 'R-1'
                        """)
                .param(project.id().value()).query().singleRow();
        assertThat(card).containsEntry("balance", "1000.50").containsEntry("point_of_contact", "Магазин «Центр»")
                .containsEntry("status", "BLOCKED");
        assertThat(report(job)).contains("Row;Номер карты;Пул;CVV;Баланс;Точка продаж;Дата покупки;Статус;Error");
    }

    // ---------------------------------------------------------------- launch

    @Test
    void launching_twice_with_the_same_key_makes_one_job_and_a_double_click_on_one_upload_too() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile file = upload(HEADER + "K-1,flex,,1,\n");
        LaunchRequest request = request(file, "key-1");

        ImportJobId first = launcher.launch(request).id();
        ImportJobId again = launcher.launch(request).id();
        StoredFile retryUpload = upload(HEADER + "K-1,flex,,1,\n");
        ImportJobId retried = launcher.launch(request(retryUpload, "key-1")).id();
        ImportJobId doubleClick = launcher.launch(request(file, null)).id();

        assertThat(again).isEqualTo(first);
        assertThat(retried).isEqualTo(first);
        assertThat(doubleClick).isEqualTo(first);
        assertThat(queries.count(ImportFilter.ALL)).isEqualTo(1);
        assertThatThrownBy(() -> inspection.inspect(retryUpload.id(), Optional.empty(), Optional.empty()))
                .as("the retry's second upload is not kept").isInstanceOf(StoredFileNotFoundException.class);
        assertThat(await(first).importedRows()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_request_is_a_conflict_and_makes_no_job() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        ImportJobId first = launcher.launch(request(upload(HEADER + "K-1,flex,,1,\n"), "key-2")).id();
        StoredFile other = upload(HEADER + "K-2,flex,,1,\nK-3,flex,,1,\n");

        assertThatThrownBy(() -> launcher.launch(request(other, "key-2")).id())
                .isInstanceOfSatisfying(IdempotencyConflictException.class,
                        e -> assertThat(e.existingJob()).isEqualTo(first));
        assertThat(queries.count(ImportFilter.ALL)).isEqualTo(1);
        await(first);
    }

    @Test
    void a_launch_with_an_incomplete_mapping_or_a_file_level_problem_is_refused_and_makes_no_job() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile file = upload(HEADER + "M-1,flex,,1,\n");
        ColumnMapping noBalance = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL), 5);
        StoredFile binary = inspection.upload(new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10,
                26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), "photo.csv");

        assertThatThrownBy(() -> launcher.launch(new LaunchRequest(file, utf8(), noBalance, null)).id())
                .isInstanceOfSatisfying(ImportRefusedException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.contains("Card balance")));
        assertThatThrownBy(() -> launcher.launch(request(binary, null)).id()).isInstanceOf(ImportRefusedException.class);
        assertThat(queries.count(ImportFilter.ALL)).isZero();
    }

    @Test
    void the_launcher_is_the_logged_in_person_recorded_by_the_server() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        ImportSummary job = importCsv(HEADER + "L-1,flex,,1,\n", null);

        assertThat(job.launchedBy()).isEqualTo("Admin of " + project.slug());
        assertThat(job.launchedByUserId().value()).isEqualTo(support.userId(project.admin()));
        assertThat(job.type()).isEqualTo(ImportType.LOYALTY_GIFT_CARDS);
        assertThat(job.action()).isEqualTo(ImportAction.ADD_GIFT_CARDS);
        assertThat(job.startedAt()).isNotNull();
        assertThat(job.finishedAt()).isAfterOrEqualTo(job.startedAt());
        assertThat(job.totalRows()).isEqualTo(1);
        assertThat(job.notProcessedRows()).contains(0L);
        assertThat(job.mappedColumns()).extracting(c -> c.column() + "=" + c.field().map(Enum::name).orElse("-"))
                .containsExactly("Card number=CARD_NUMBER", "Pool system name=POOL", "Gift card CVV=CVV",
                        "Card balance=BALANCE", "Card purchase date (UTC)=PURCHASE_DATE");
        assertThat(queries.list(new ImportFilter(null, job.launchedByUserId(), null, null), 0, 10))
                .extracting(ImportSummary::id).containsExactly(job.id());
    }

    // ---------------------------------------------------------------- results

    @Test
    void an_error_report_cell_starting_with_a_formula_character_comes_out_neutralised() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        ImportSummary job = importCsv(HEADER
                + "\"=HYPERLINK(\"\"http://evil\"\")\",flex,,1,\n"
                + "OK-1,flex,,-5,\n"
                + "OK-2,flex,,1,\n"
                + "@SUM(1),flex,,1,\n", null);

        String report = report(job);

        assertThat(report).startsWith("\uFEFFRow,Card number,Pool system name,Gift card CVV,Card balance,"
                + "Card purchase date (UTC),Error\r\n");
        List<String> lines = report.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("2,\"'=HYPERLINK(\"\"http://evil\"\")\",flex,,1,,");
        assertThat(lines.get(2)).startsWith("3,OK-1,flex,,'-5,,");
        assertThat(lines.get(3)).startsWith("5,'@SUM(1),flex,,1,,");
        assertThat(queries.errorReportFileName(job.id())).isEqualTo("cards-errors-" + job.id() + ".csv");
    }

    @Test
    void errors_are_paged_by_row_and_counted() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 30; i++) {
            csv.append("X-").append(i).append(",nowhere,,1,\n");
        }
        ImportSummary job = importCsv(csv.toString(), null);

        assertThat(queries.errorCount(job.id())).isEqualTo(30);
        assertThat(queries.errors(job.id(), 10, 5)).extracting(RowError::rowNumber)
                .containsExactly(12L, 13L, 14L, 15L, 16L);
        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void the_preview_marks_the_cells_that_would_fail_and_explains_them() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        importCsv(HEADER + "S-1,flex,,1,\n", null);
        StoredFile file = upload(HEADER + "S-1,flex,,1,\nS-2,cvv-pool,123,abc,\nS-2,flex,,1,\nS-3,flex,,1,\n");

        ImportPreview preview = inspection.preview(file.id(), utf8(), mappingOfHeader(), 10);

        assertThat(preview.mappingProblems()).isEmpty();
        assertThat(preview.rows()).hasSize(4);
        assertThat(preview.rows().get(0).rowErrors()).isEmpty();
        assertThat(preview.rows().get(0).fieldErrors().get(GiftCardField.CARD_NUMBER))
                .containsExactly("Card number 'S-1' already exists in this project");
        assertThat(preview.rows().get(1).values()).containsEntry(GiftCardField.CVV, "***");
        assertThat(preview.rows().get(1).fieldErrors()).containsOnlyKeys(GiftCardField.BALANCE);
        assertThat(preview.rows().get(2).valid()).as("the invalid row 3 does not take S-2").isTrue();
        assertThat(preview.rows().get(3).valid()).isTrue();
    }

    @Test
    void discarding_an_upload_deletes_it_unless_an_import_uses_it() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile abandoned = upload(HEADER + "D-1,flex,,1,\n");
        StoredFile launched = upload(HEADER + "D-2,flex,,1,\n");
        ImportJobId job = launcher.launch(request(launched, null)).id();

        inspection.discard(abandoned.id());
        inspection.discard(launched.id());

        assertThatThrownBy(() -> inspection.inspect(abandoned.id(), Optional.empty(), Optional.empty()))
                .isInstanceOf(StoredFileNotFoundException.class);
        assertThat(inspection.inspect(launched.id(), Optional.empty(), Optional.empty()).ok()).isTrue();
        await(job);
    }

    @Test
    void the_mapping_a_project_used_last_time_is_suggested_again_for_a_file_with_the_same_headers() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        String header = "Kolonka A,Kolonka B,Kolonka C,Kolonka D,Kolonka E\n";
        StoredFile first = upload(header + "H-1,flex,,1,\n");
        await(launcher.launch(request(first, null)).id());

        StoredFile second = upload(header + "H-2,flex,,2,\n");
        MappingSuggestion suggestion = inspection.suggestMapping(second.id(), utf8());

        assertThat(suggestion.mapping()).isEqualTo(mappingOfHeader());
        TestProject other = projectWithPools();
        support.loginAs(other.admin(), other.id());
        StoredFile elsewhere = upload(header + "H-3,flex,,3,\n");
        assertThat(inspection.suggestMapping(elsewhere.id(), utf8()).mapping()).as("another project's history")
                .isNotEqualTo(mappingOfHeader());
    }

    @Test
    void a_column_that_looks_like_a_cvv_is_masked_in_stored_errors_and_the_report_even_when_not_mapped()
            throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile file = upload("Card number;Pool system name;CVV;Card balance;Security code\n"
                + "MAP-0002;nope;5833;5;7791\n");
        ColumnMapping cardPoolBalance = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL,
                3, GiftCardField.BALANCE), 5);

        ImportSummary job = await(launcher.launch(new LaunchRequest(file, new FileFormat(StandardCharsets.UTF_8, ';'),
                cardPoolBalance, null)).id());

        assertThat(job.failedRows()).isEqualTo(1);
        String stored = jdbc.sql("select array_to_string(original_row, ';') from import_error where project_id = ? "
                + "and job_id = ? and seq = 0").param(project.id().value()).param(job.id().value()).query(String.class).single();
        assertThat(stored).isEqualTo("MAP-0002;nope;***;5;***");
        assertThat(report(job)).contains("MAP-0002;nope;***;5;***").doesNotContain("5833").doesNotContain("7791");
    }

    @Test
    void an_account_manager_sees_the_card_numbers_of_row_errors_masked_and_a_project_admin_whole() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        ImportSummary job = importCsv(HEADER + "SECRET-4711,flex,,1,\nSECRET-4711,flex,,2,\n", null);
        assertThat(queries.errors(job.id(), 0, 10)).extracting(RowError::value).contains("SECRET-4711");

        support.loginAs(project.manager(), project.id());

        List<RowError> seen = queries.errors(job.id(), 0, 10);
        assertThat(seen).isNotEmpty().allSatisfy(e -> {
            assertThat(e.value()).doesNotContain("SECRET");
            assertThat(e.message()).doesNotContain("SECRET-4711");
        });
        assertThat(seen).extracting(RowError::value).contains(GiftCardService.MASK + "4711");
    }

    @Test
    void a_file_is_deleted_as_soon_as_its_import_ends_and_the_error_report_still_works() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile file = upload(HEADER + "T-1,nowhere,,1,\n");

        ImportSummary job = await(launcher.launch(request(file, null)).id());

        org.awaitility.Awaitility.await("the file of the ended import deleted").atMost(Duration.ofSeconds(30))
                .until(() -> fileReferences.stream().noneMatch(r -> r.isReferenced(project.id(), file.id()))
                        && !files.exists(project.id(), file.id()));
        assertThatThrownBy(() -> inspection.inspect(file.id(), Optional.empty(), Optional.empty()))
                .isInstanceOf(StoredFileNotFoundException.class);
        assertThat(report(job)).contains("T-1,nowhere");
    }

    // ---------------------------------------------------------------- who may

    @Test
    void another_projects_import_its_errors_and_report_are_not_reachable() throws Exception {
        long globex = support.projectIdOf("globex");
        support.loginAs("bob", ProjectId.of(globex));
        ImportSummary theirs = importCsv(HEADER + "G-1,no-such-pool,,1,\n", null);
        assertThat(theirs.failedRows()).isEqualTo(1);

        support.loginAs("alice", ProjectId.of(support.projectIdOf("acme")));
        ImportJobId missing = ImportJobId.of(Long.MAX_VALUE);
        for (ImportJobId id : List.of(theirs.id(), missing)) {
            assertThatThrownBy(() -> queries.get(id)).isInstanceOf(ImportNotFoundException.class)
                    .hasMessage("Import not found");
            assertThatThrownBy(() -> queries.errors(id, 0, 10)).isInstanceOf(ImportNotFoundException.class);
            assertThatThrownBy(() -> queries.errorCount(id)).isInstanceOf(ImportNotFoundException.class);
            assertThatThrownBy(() -> queries.writeErrorReport(id, new ByteArrayOutputStream()))
                    .isInstanceOf(ImportNotFoundException.class);
            assertThatThrownBy(() -> cancellation.cancel(id)).isInstanceOf(ImportNotFoundException.class);
            assertThatThrownBy(() -> feed.subscribeJob(id, p -> { }))
                    .isInstanceOf(ImportNotFoundException.class);
        }
        assertThat(queries.list(ImportFilter.ALL, 0, 1000)).extracting(ImportSummary::id).doesNotContain(theirs.id());
        assertThat(queries.find(theirs.id())).isEmpty();
    }

    @Test
    void an_account_manager_reads_imports_but_cannot_upload_launch_cancel_or_download_reports() throws Exception {
        TestProject project = projectWithPools();
        support.loginAs(project.admin(), project.id());
        StoredFile file = upload(HEADER + "A-1,flex,,1,\n");
        ImportSummary job = importCsv(HEADER + "A-2,nowhere,,1,\n", null);

        support.loginAs(project.manager(), project.id());

        assertThatThrownBy(() -> launcher.launch(request(file, null)).id()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> upload(HEADER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cancellation.cancel(job.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspection.preview(file.id(), utf8(), mappingOfHeader(), 5))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.writeErrorReport(job.id(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(queries.get(job.id()).failedRows()).isEqualTo(1);
        assertThat(queries.errors(job.id(), 0, 10)).hasSize(1);
        assertThat(queries.count(ImportFilter.ALL)).isEqualTo(1);
    }

    @Test
    void the_audit_shows_an_account_manager_the_imports_of_every_project_they_belong_to_with_its_name()
            throws Exception {
        TestProject first = projectWithPools();
        TestProject second = projectWithPools();
        TestProject unrelated = projectWithPools();
        projects.putMembership(second.id(), support.userId(first.manager()), ProjectRole.ACCOUNT_MANAGER);
        support.loginAs(first.admin(), first.id());
        ImportSummary one = importCsv(HEADER + "U-1,flex,,1,\n", null);
        support.loginAs(second.admin(), second.id());
        ImportSummary two = importCsv(HEADER + "U-1,flex,,1,\n", null);
        support.loginAs(unrelated.admin(), unrelated.id());
        importCsv(HEADER + "U-1,flex,,1,\n", null);

        support.loginAs(first.manager(), first.id());
        List<ImportSummary> audit = queries.audit(ImportFilter.ALL, 0, 100);

        assertThat(audit).extracting(j -> j.projectName() + ": " + j.launchedBy()).containsExactly(
                "Test " + second.slug() + ": Admin of " + second.slug(),
                "Test " + first.slug() + ": Admin of " + first.slug());
        assertThat(queries.auditCount(ImportFilter.ALL)).isEqualTo(2);
        assertThat(queries.audit(ImportFilter.ALL.withProject(first.id()), 0, 100)).extracting(ImportSummary::id)
                .containsExactly(one.id());
        assertThat(queries.audit(ImportFilter.ALL.withProject(unrelated.id()), 0, 100)).isEmpty();
        assertThat(queries.audit(ImportFilter.ALL.withStatus(ImportStatus.FAILED), 0, 100)).isEmpty();
        assertThat(two.status()).isEqualTo(ImportStatus.COMPLETED);
    }

    // ---------------------------------------------------------------- helpers

    private TestProject projectWithPools() {
        TestProject project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
        support.arbitraryPool(project.id(), "cvv-pool", true);
        support.fixedPool(project.id(), "fixed-1000", "1000.00");
        return project;
    }

    private StoredFile upload(String csv) {
        return inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "cards.csv");
    }

    private ImportSummary importCsv(String csv, String key) throws InterruptedException {
        return await(launcher.launch(request(upload(csv), key)).id());
    }

    private static FileFormat utf8() {
        return new FileFormat(StandardCharsets.UTF_8, ',');
    }

    private static ColumnMapping mappingOfHeader() {
        return ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.CVV,
                3, GiftCardField.BALANCE, 4, GiftCardField.PURCHASE_DATE), 5);
    }

    private static LaunchRequest request(StoredFile file, String key) {
        return new LaunchRequest(file, utf8(), mappingOfHeader(), key);
    }

    private ImportSummary await(ImportJobId id) throws InterruptedException {
        support.awaitEnd(id, TIMEOUT);
        return queries.get(id);
    }

    private List<String> messages(ImportSummary job) {
        return queries.errors(job.id(), 0, 100).stream()
                .map(e -> e.rowNumber() + " " + e.column() + ": " + e.message()).toList();
    }

    private String report(ImportSummary job) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        queries.writeErrorReport(job.id(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
