package com.giftcardimport.importing;

import static com.giftcardimport.importing.HostileFiles.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

/**
 * Hostile files fed to the engine the way the wizard feeds it, through the use-case services of {@code importing}, on the real
 * PostgreSQL: each gives a clear file-level refusal or clear row errors, the counters add up, memory stays far
 * below the file size, and a normal import right after works. The HTTP API gets the same files in
 * {@code HostileFilesApiTest}.
 */
class HostileFilesTest extends ImportServiceTestBase {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final FileFormat UTF8_COMMA = new FileFormat(StandardCharsets.UTF_8, ',');

    @Value("${app.data-dir}")
    Path dataDir;

    @TempDir
    Path dir;

    TestProject project;
    String prefix;

    @BeforeEach
    void project() {
        project = support.newProject();
        support.arbitraryPool(project.id(), HostileFiles.POOL, false);
        support.loginAs(project.admin(), project.id());
        prefix = "H" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ------------------------------------------------------------------ refused before launch

    @Test
    void binary_data_is_refused_before_launch_with_a_clear_message_and_nothing_is_kept() throws Exception {
        Path file = HostileFiles.binary(dir, 20 * MB);

        Refusal refusal = refuse(file);

        assertThat(refusal.problems()).singleElement().asString()
                .startsWith("This is not a text file (it holds binary data)");
        assertThat(refusal.memory().allocatedBytes()).as("memory %s for a 20 MB file", refusal.memory())
                .isLessThan(12L * MB);
        theEngineKeepsServing();
    }

    @Test
    void a_file_without_line_breaks_is_refused_from_its_first_megabyte() throws Exception {
        Path file = HostileFiles.noLineBreaks(dir, prefix, 50L * MB);

        Refusal refusal = refuse(file);

        assertThat(refusal.problems()).singleElement().asString()
                .isEqualTo("The first 1 MB of the file holds no line break: the file seems to have no line breaks, "
                        + "or it is not a CSV/TXT file");
        assertThat(refusal.memory().allocatedBytes()).as("memory %s for a 50 MB file", refusal.memory())
                .isLessThan(12L * MB);
        theEngineKeepsServing();
    }

    @Test
    void a_header_of_a_million_named_columns_is_refused() throws Exception {
        Path file = HostileFiles.millionNamedColumnsInHeader(dir, prefix);

        Refusal refusal = refuse(file);

        assertThat(refusal.problems()).singleElement().asString().contains("holds no line break");
        assertThat(refusal.memory().allocatedBytes()).as("memory %s", refusal.memory()).isLessThan(12L * MB);
        theEngineKeepsServing();
    }

    @Test
    void a_header_of_a_million_columns_within_the_first_megabyte_is_refused_by_the_column_limit() throws Exception {
        Path file = HostileFiles.millionColumnsInShortHeader(dir, prefix);

        Refusal refusal = refuse(file);

        assertThat(refusal.problems()).singleElement().asString()
                .isEqualTo("The header row is longer than 1,000,000 characters or has more than 1,000 columns: "
                        + "the file seems to have no line breaks, or it is not a CSV/TXT file");
        assertThat(refusal.memory().allocatedBytes()).as("memory %s", refusal.memory()).isLessThan(24L * MB);
        theEngineKeepsServing();
    }

    @Test
    void a_gzip_bomb_renamed_csv_is_refused_without_ever_being_inflated() throws Exception {
        Path file = HostileFiles.gzipBomb(dir, 1024L * MB);
        long compressed = Files.size(file);
        assertThat(compressed).isLessThan(8L * MB);

        Refusal refusal = refuse(file);

        assertThat(refusal.storedSize()).isEqualTo(compressed);
        assertThat(refusal.problems()).singleElement().asString()
                .isEqualTo("This looks like a compressed archive (gzip), not a CSV/TXT file: unpack it and upload "
                        + "the CSV/TXT file inside");
        assertThat(refusal.memory().allocatedBytes()).as("memory %s", refusal.memory()).isLessThan(12L * MB);
        theEngineKeepsServing();
    }

    // ------------------------------------------------------------------ imported with row errors

    @Test
    void a_20_mb_field_fails_only_its_row_and_is_never_held_in_memory() throws Exception {
        Path file = HostileFiles.hugeField(dir, prefix, 20L * MB);

        Imported imported = importFile(file, HostileFiles.mapping(), true);

        ImportSummary job = imported.job();
        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertCounters(job, 4, 1, 5);
        assertThat(queries.errors(job.id(), 0, 10)).singleElement().satisfies(error -> {
            assertThat(error.rowNumber()).isEqualTo(4);
            assertThat(error.code()).isEqualTo(RowErrorCodes.FIELD_TOO_LONG);
            assertThat(error.column()).isEqualTo("Point of contact external ID");
            assertThat(error.message()).isEqualTo("The value in column 'Point of contact external ID' is longer "
                    + "than 10,000 characters: only the beginning was read and the row was not imported");
        });
        assertThat(cardNumbers()).containsExactlyInAnyOrder(prefix + "-1", prefix + "-2", prefix + "-3",
                prefix + "-4");
        assertThat(imported.memory().allocatedBytes()).as("memory %s for a 20 MB field", imported.memory())
                .isLessThan(10L * MB);
        assertThat(imported.memory().peakLiveHeapGrowth()).as("memory %s", imported.memory())
                .isLessThan(64L * MB);
        theEngineKeepsServing();
    }

    @Test
    void a_row_of_a_million_values_fails_alone_with_a_clear_message() throws Exception {
        Path file = HostileFiles.millionColumnsInRow(dir, prefix);

        Imported imported = importFile(file, HostileFiles.mapping(), false);

        ImportSummary job = imported.job();
        assertCounters(job, 2, 1, 3);
        assertThat(queries.errors(job.id(), 0, 10)).singleElement().satisfies(error -> {
            assertThat(error.rowNumber()).isEqualTo(3);
            assertThat(error.code()).isEqualTo(RowErrorCodes.ROW_TOO_LONG);
            assertThat(error.message()).isEqualTo("The row is longer than 1,000,000 characters or has more than "
                    + "1,000 values: the rest of it was not read and it was not imported");
        });
        assertThat(imported.memory().allocatedBytes()).as("memory %s for a 2 MB row", imported.memory())
                .isLessThan(24L * MB);
        theEngineKeepsServing();
    }

    @Test
    void invalid_utf8_inside_a_utf8_file_fails_the_rows_whose_imported_values_hold_it() throws Exception {
        HostileFiles.InvalidUtf8 hostile = HostileFiles.invalidUtf8(dir, prefix, 3L * MB / 2);
        StoredFile stored = upload(hostile.file());
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        assertThat(sniff.encoding()).isEqualTo(StandardCharsets.UTF_8);

        ImportSummary job = launchAndAwait(stored, sniff.detected(), HostileFiles.mapping());

        assertCounters(job, hostile.validRows(), hostile.failingRows().size(), hostile.dataRows());
        List<RowError> errors = queries.errors(job.id(), 0, 100);
        assertThat(errors).extracting(RowError::rowNumber).containsExactlyElementsOf(hostile.failingRows());
        assertThat(errors).extracting(RowError::code).containsOnly(RowErrorCodes.INVALID_ENCODING);
        assertThat(errors.getFirst().message()).endsWith("contains bytes that are not text in the file's encoding "
                + "(shown as \ufffd): choose the right encoding for the file or save it as UTF-8");
        assertThat(jdbc.sql("select point_of_contact from gift_card where project_id = ? and card_number = ?")
                .params(project.id().value(), prefix + "-7").query(String.class).single()).isEqualTo("Магазин №7");
        theEngineKeepsServing();
    }

    @Test
    void mixed_line_endings_are_all_line_ends_and_rows_are_numbered_as_a_spreadsheet_shows_them() throws Exception {
        StoredFile stored = upload(HostileFiles.mixedLineEndings(prefix));
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        assertThat(sniff.headers()).containsExactly("Card number", "Pool system name", "Card balance",
                "Point of contact external ID", "Comment");
        assertThat(sniff.estimatedRows()).isEqualTo(8);

        ImportSummary job = launchAndAwait(stored, sniff.detected(), HostileFiles.mapping());

        assertCounters(job, HostileFiles.MIXED_LINE_ENDINGS_VALID_ROWS, 1, 8);
        assertThat(queries.errors(job.id(), 0, 10)).extracting(RowError::rowNumber, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9L, RowErrorCodes.POOL_NOT_FOUND));
        assertThat(jdbc.sql("select point_of_contact from gift_card where project_id = ? order by import_row_number")
                .param(project.id().value()).query(String.class).list())
                .containsExactly("shop-1", "shop-2", "shop-3", "shop-4", "shop-5", "shop-6", "shop-7");
        theEngineKeepsServing();
    }

    @Test
    void formula_injection_is_neutralised_in_the_error_report_while_valid_values_are_stored_as_given() throws Exception {
        StoredFile stored = upload(HostileFiles.formulaInjection(prefix));

        ImportSummary job = launchAndAwait(stored, UTF8_COMMA, HostileFiles.mapping());

        int prefixes = HostileFiles.FORMULA_PREFIXES.size();
        assertCounters(job, prefixes + 1, prefixes + 1, 2L * prefixes + 2);
        for (int i = 1; i <= prefixes; i++) {
            String given = HostileFiles.FORMULA_PREFIXES.get(i - 1) + "cmd|'/C calc'!A0";
            assertThat(jdbc.sql("select point_of_contact from gift_card where project_id = ? and card_number = ?")
                    .params(project.id().value(), prefix + "-f" + i).query(String.class).single())
                    .as("stored point of contact, values are trimmed").isEqualTo(given.strip());
        }
        assertThat(cardNumbers()).contains("-" + prefix);

        List<CSVRecord> report = errorReport(job);
        assertEveryCellIsSafe(report);
        assertThat(report.getFirst().get(5)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        List<String> firstFailed = report.get(1).toList();
        assertThat(firstFailed.subList(1, 6)).containsExactly("'=cmd|'/C calc'!A0", "'=flex", "'=1",
                "'=SUM(1+1)*cmd|'/C calc'!A0", "'=HYPERLINK(\"http://evil\")");
        assertThat(report.get(1 + HostileFiles.FORMULA_PREFIXES.indexOf("\t")).get(1))
                .isEqualTo("'\tcmd|'/C calc'!A0");
        assertThat(report.get(1 + HostileFiles.FORMULA_PREFIXES.indexOf("\r")).get(1))
                .isEqualTo("'\rcmd|'/C calc'!A0");
        assertThat(report.getLast().get(1)).isEqualTo("'-" + prefix);
        theEngineKeepsServing();
    }

    @Test
    void nul_and_control_bytes_after_a_text_head_fail_the_rows_that_use_them_and_never_the_import() throws Exception {
        Path file = HostileFiles.controlBytesAfterTextHead(dir, prefix, 3L * MB / 2);

        ImportSummary job = importFile(file, HostileFiles.mapping(), false).job();

        assertThat(job.status()).as(job.failureMessage()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        List<RowError> errors = queries.errors(job.id(), 0, 10);
        assertThat(errors).extracting(RowError::code).containsExactly(RowErrorCodes.INVALID_ENCODING,
                RowErrorCodes.BALANCE_NEGATIVE, RowErrorCodes.INVALID_ENCODING);
        assertCounters(job, job.totalRows() - 3, 3, job.totalRows());
        assertThat(cardNumbers()).contains(prefix + "-nul-2");
        List<CSVRecord> report = errorReport(job);
        assertThat(report.get(2).get(5)).isEqualTo("co\ufffdmm\u0001\u0002ent");
        theEngineKeepsServing();
    }

    @Test
    void random_binary_after_a_text_head_ends_the_import_with_a_clear_outcome_and_counters_that_add_up()
            throws Exception {
        Path file = HostileFiles.binaryAfterTextHead(dir, prefix, 3L * MB / 2, 4L * MB);

        Imported imported = importFile(file, HostileFiles.mapping(), true);

        ImportSummary job = imported.job();
        assertThat(job.status()).isIn(ImportStatus.COMPLETED_WITH_ERRORS, ImportStatus.FAILED);
        if (job.status() == ImportStatus.FAILED) {
            assertThat(job.failureMessage()).doesNotContain("internal error").startsWith("Row ");
        } else {
            assertThat(job.importedRows() + job.failedRows()).isEqualTo(job.totalRows());
        }
        assertThat((long) cardNumbers().size()).isEqualTo(job.importedRows());
        assertThat(queries.errorCount(job.id())).isGreaterThanOrEqualTo(job.failedRows());
        // the same bound as for the 180 MB file below: the engine holds at most four chunks of about 8 MB each,
        // whatever the file; rows of random bytes make the fullest chunks (64 MB was exceeded under load)
        assertThat(imported.memory().peakLiveHeapGrowth()).as("memory %s", imported.memory()).isLessThan(96L * MB);
        errorReport(job);
        theEngineKeepsServing();
    }

    @Test
    void rows_at_the_size_limit_one_after_another_keep_the_live_heap_far_below_the_file_size() throws Exception {
        int rows = 200;
        Path file = HostileFiles.rowsAtTheSizeLimit(dir, prefix, rows, 99);
        assertThat(Files.size(file)).isGreaterThan(180L * MB);

        Imported imported = importFile(file, HostileFiles.wideMapping(99), true);

        assertCounters(imported.job(), rows, 0, rows);
        assertThat(imported.memory().peakLiveHeapGrowth()).as("memory %s for a %d MB file", imported.memory(),
                Files.size(file) >> 20).isLessThan(96L * MB);
        theEngineKeepsServing();
    }

    @Test
    void the_preview_of_a_file_of_huge_rows_reads_only_its_head() throws Exception {
        Path file = HostileFiles.rowsAtTheSizeLimit(dir, prefix, 200, 99);
        StoredFile stored = upload(file);

        ImportPreview preview;
        try (MemoryMeter memory = MemoryMeter.ofWork()) {
            preview = inspection.preview(stored.id(), UTF8_COMMA, HostileFiles.wideMapping(99),
                    ImportPreviewer.MAX_ROWS);
            assertThat(memory.allocatedBytes()).as("memory %s", memory).isLessThan(48L * MB);
        }
        assertThat(preview.rows()).isNotEmpty();
        assertThat(preview.rows().getFirst().rowNumber()).isEqualTo(2);
        inspection.discard(stored.id());
        theEngineKeepsServing();
    }

    // ------------------------------------------------------------------ helpers

    /** What a refused file left: its problems, the memory spent on it, and the size it was stored with. */
    record Refusal(List<String> problems, MemoryMeter memory, long storedSize) {
    }

    record Imported(ImportSummary job, MemoryMeter memory) {
    }

    /** Uploads, inspects and tries to launch: the file must be refused and leave no job and no file. */
    private Refusal refuse(Path file) throws Exception {
        long jobsBefore = queries.count(ImportFilter.ALL);
        MemoryMeter memory = MemoryMeter.ofWork();
        StoredFile stored;
        SniffResult sniff;
        try (memory) {
            stored = upload(file);
            sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
            assertThat(sniff.ok()).isFalse();
            assertThatThrownBy(() -> launcher.launch(new LaunchRequest(stored, sniff.detected(),
                    HostileFiles.mapping(), null)).id())
                    .isInstanceOfSatisfying(ImportRefusedException.class,
                            e -> assertThat(e.problems()).isEqualTo(english(sniff.problems())));
        }
        assertThat(queries.count(ImportFilter.ALL)).isEqualTo(jobsBefore);
        inspection.discard(stored.id());
        assertThat(uploadsOfProject()).noneMatch(path -> path.getFileName().toString().startsWith(stored.id()));
        System.out.printf("hostile file %s (%d MB): refused, %s%n", file.getFileName(), Files.size(file) >> 20, memory);
        return new Refusal(english(sniff.problems()), memory, stored.size());
    }

    private static List<String> english(List<Text> texts) {
        return texts.stream().map(Text::english).toList();
    }

    private Imported importFile(Path file, ColumnMapping mapping, boolean liveHeap) throws Exception {
        StoredFile stored = upload(file);
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        assertThat(sniff.problems()).isEmpty();
        MemoryMeter memory = liveHeap ? MemoryMeter.ofWorkAndLiveHeap(200) : MemoryMeter.ofWork();
        ImportSummary job;
        try (memory) {
            job = launchAndAwait(stored, sniff.detected(), mapping);
        }
        System.out.printf("hostile file %s (%d MB): %s, %s%n", file.getFileName(), Files.size(file) >> 20,
                job.status(), memory);
        return new Imported(job, memory);
    }

    private StoredFile upload(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return inspection.upload(in, "cards.csv");
        }
    }

    private StoredFile upload(String csv) {
        return inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "cards.csv");
    }

    private ImportSummary launchAndAwait(StoredFile stored, FileFormat format, ColumnMapping mapping)
            throws InterruptedException {
        ImportJobId id = launcher.launch(new LaunchRequest(stored, format, mapping, null)).id();
        assertThat(support.awaitEnd(id, TIMEOUT)).isNotNull();
        return queries.get(id);
    }

    /** imported + failed + not processed = rows, and the stored cards and errors are exactly the counters. */
    private void assertCounters(ImportSummary job, long imported, long failed, long rows) {
        assertThat(job.importedRows()).as("imported").isEqualTo(imported);
        assertThat(job.failedRows()).as("failed").isEqualTo(failed);
        assertThat(job.totalRows()).as("rows").isEqualTo(rows);
        assertThat(job.notProcessedRows()).contains(rows - imported - failed);
        assertThat(jdbc.sql("select count(*) from gift_card where project_id = ? and import_job_id = ?")
                .params(project.id().value(), job.id().value()).query(Long.class).single())
                .as("cards stored").isEqualTo(imported);
        assertThat(jdbc.sql("select count(distinct row_number) from import_error where project_id = ? and job_id = ?")
                .params(project.id().value(), job.id().value()).query(Long.class).single())
                .as("rows with errors stored").isEqualTo(failed);
    }

    private List<String> cardNumbers() {
        return jdbc.sql("select card_number from gift_card where project_id = ?").param(project.id().value())
                .query(String.class).list();
    }

    private List<CSVRecord> errorReport(ImportSummary job) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        queries.writeErrorReport(job.id(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(job.format().delimiter()).get();
        try (var parser = format.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }

    /** No cell of the report starts with a character that makes a spreadsheet run it as a formula. */
    static void assertEveryCellIsSafe(List<CSVRecord> report) {
        List<String> unsafe = new ArrayList<>();
        for (CSVRecord record : report) {
            for (String cell : record) {
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                    unsafe.add(cell);
                }
            }
        }
        assertThat(unsafe).as("cells a spreadsheet would run").isEmpty();
    }

    /** The files of the test's project in the upload storage. */
    private List<Path> uploadsOfProject() throws IOException {
        Path directory = dataDir.resolve("uploads").resolve(Long.toString(project.id().value()));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** A normal import right after the hostile one completes. */
    private void theEngineKeepsServing() throws InterruptedException {
        String next = "N" + UUID.randomUUID().toString().substring(0, 8);
        ImportSummary job = launchAndAwait(upload(HostileFiles.validCsv(next, 3)), UTF8_COMMA,
                HostileFiles.mapping());
        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(job.importedRows()).isEqualTo(3);
    }
}
