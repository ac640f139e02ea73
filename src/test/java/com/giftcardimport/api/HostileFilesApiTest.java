package com.giftcardimport.api;

import static com.giftcardimport.importing.HostileFiles.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.api.ApiClient.Response;
import com.giftcardimport.importing.HostileFiles;
import com.giftcardimport.importing.MemoryMeter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import com.giftcardimport.base.db.OwnerJdbc;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The hostile files of {@code HostileFilesTest}, sent to {@code POST /api/v1/imports} with the demo token of
 * {@code acme} over real HTTP, streamed from disk: each is answered with a clear problem (422, nothing kept) or
 * becomes an import whose rows fail with clear errors; the server's request and import threads allocate far less
 * than the file; and the API keeps serving: a normal import right after works.
 */
class HostileFilesApiTest extends ApiTestBase {

    @Value("${app.data-dir}")
    Path dataDir;
    @Autowired
    OwnerJdbc jdbc;

    @TempDir
    Path dir;

    String prefix;

    @BeforeEach
    void prefixAndQuiet() {
        prefix = "HA" + UUID.randomUUID().toString().substring(0, 8);
        awaitNoOtherWork();
    }

    /**
     * The memory meter counts the server's import threads: imports and undos that earlier tests of this JVM left
     * running (the database and the job engine are shared) must end first, or their work is counted as this file's.
     */
    private void awaitNoOtherWork() {
        await("the imports and undos of earlier tests ended").atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("""
                        select (select count(*) from import_job where status in ('QUEUED', 'RUNNING'))
                             + (select count(*) from import_undo where status = 'RUNNING')
                             + (select count(*) from scheduled_tasks where picked)
                        """).query(Long.class).single() == 0);
    }

    /** A file generator: temporary directory and card number prefix in, file out. */
    interface Fixture {
        Path make(Path dir, String prefix) throws IOException;
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                Arguments.of("binary data (20 MB)", (Fixture) (d, p) -> HostileFiles.binary(d, 20L * MB),
                        "This is not a text file (it holds binary data)"),
                Arguments.of("no line breaks (50 MB)", (Fixture) (d, p) -> HostileFiles.noLineBreaks(d, p, 50L * MB),
                        "The first 1 MB of the file holds no line break"),
                Arguments.of("a million named columns in the header",
                        (Fixture) HostileFiles::millionNamedColumnsInHeader,
                        "The first 1 MB of the file holds no line break"),
                Arguments.of("a million columns in a header within the first megabyte",
                        (Fixture) HostileFiles::millionColumnsInShortHeader,
                        "The header row is longer than 1,000,000 characters or has more than 1,000 columns"),
                Arguments.of("a gzip bomb renamed .csv (1 GB inflated)",
                        (Fixture) (d, p) -> HostileFiles.gzipBomb(d, 1024L * MB),
                        "This looks like a compressed archive (gzip), not a CSV/TXT file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void a_file_that_cannot_be_imported_is_refused_with_a_clear_problem_and_leaves_no_import_and_no_file(
            String name, Fixture fixture, String problem) throws Exception {
        Path file = fixture.make(dir, prefix);
        long importsBefore = importCount();
        Set<String> filesBefore = storedFiles();

        Response response;
        try (MemoryMeter memory = MemoryMeter.ofWork()) {
            response = postFile(file, Map.of());
            assertThat(memory.allocatedBytes()).as("server memory %s for %s", memory, name).isLessThan(16L * MB);
            System.out.printf("hostile file over HTTP %s (%d MB): %d, %s%n", name, Files.size(file) >> 20,
                    response.status(), memory);
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("problems").get(0).asString()).startsWith(problem);
        assertThat(importCount()).isEqualTo(importsBefore);
        assertThat(storedFiles()).as("nothing new in the upload storage").isSubsetOf(filesBefore);
        theApiKeepsServing();
    }

    /**
     * An expected import: status, imported, failed, rows (-1: not checked), the first error's row number and code,
     * and how many megabytes the server may allocate for it (the hostile part of these files is far bigger than
     * that; ordinary rows cost about 2 KB each).
     */
    record Outcome(String status, long imported, long failed, long rows, long firstErrorRow, String firstErrorCode,
                   long maxAllocatedMb) {
    }

    static Stream<Arguments> filesWithBadRows() {
        return Stream.of(
                Arguments.of("a 20 MB field", (Fixture) (d, p) -> HostileFiles.hugeField(d, p, 20L * MB),
                        new Outcome("COMPLETED_WITH_ERRORS", 4, 1, 5, 4, "FIELD_TOO_LONG", 24)),
                Arguments.of("a million values in a data row", (Fixture) HostileFiles::millionColumnsInRow,
                        new Outcome("COMPLETED_WITH_ERRORS", 2, 1, 3, 3, "ROW_TOO_LONG", 24)),
                Arguments.of("mixed line endings", (Fixture) (d, p) -> write(d, HostileFiles.mixedLineEndings(p)),
                        new Outcome("COMPLETED_WITH_ERRORS", 7, 1, 8, 9, "POOL_NOT_FOUND", 24)),
                Arguments.of("NUL and control bytes after a text head",
                        (Fixture) (d, p) -> HostileFiles.controlBytesAfterTextHead(d, p, 3L * MB / 2),
                        new Outcome("COMPLETED_WITH_ERRORS", -1, 3, -1, -1, "INVALID_ENCODING", 256)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithBadRows")
    void a_file_with_hostile_rows_is_imported_and_only_those_rows_fail_with_clear_errors(
            String name, Fixture fixture, Outcome expected) throws Exception {
        Path file = fixture.make(dir, prefix);

        JsonNode done;
        try (MemoryMeter memory = MemoryMeter.ofWork()) {
            Response created = postFile(file, Map.of());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            done = awaitEnd(created.json().get("id").asLong());
            assertThat(memory.allocatedBytes()).as("server memory %s for %s", memory, name)
                    .isLessThan(expected.maxAllocatedMb() * MB);
            System.out.printf("hostile file over HTTP %s (%d MB): %s, %s%n", name, Files.size(file) >> 20,
                    done.get("status").asString(), memory);
        }

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo(expected.status());
        assertCountersAddUp(done);
        assertThat(done.get("failedRows").asLong()).isEqualTo(expected.failed());
        if (expected.imported() >= 0) {
            assertThat(done.get("importedRows").asLong()).isEqualTo(expected.imported());
            assertThat(done.get("totalRows").asLong()).isEqualTo(expected.rows());
        }
        JsonNode firstError = acme.get("/api/v1/imports/" + done.get("id").asLong() + "/errors?size=1").json()
                .get("items").get(0);
        assertThat(firstError.get("code").asString()).isEqualTo(expected.firstErrorCode());
        if (expected.firstErrorRow() > 0) {
            assertThat(firstError.get("rowNumber").asLong()).isEqualTo(expected.firstErrorRow());
        }
        assertThat(firstError.get("message").asString()).isNotBlank();
        theApiKeepsServing();
    }

    @Test
    void invalid_utf8_in_a_file_sent_as_utf8_fails_the_rows_that_use_it() throws Exception {
        HostileFiles.InvalidUtf8 hostile = HostileFiles.invalidUtf8(dir, prefix, 3L * MB / 2);

        Response created = postFile(hostile.file(), Map.of("encoding", "UTF-8"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        assertCountersAddUp(done);
        assertThat(done.get("importedRows").asLong()).isEqualTo(hostile.validRows());
        assertThat(done.get("failedRows").asLong()).isEqualTo(hostile.failingRows().size());
        JsonNode errors = acme.get("/api/v1/imports/" + done.get("id").asLong() + "/errors?size=100").json();
        List<Long> rows = new ArrayList<>();
        errors.get("items").forEach(error -> {
            assertThat(error.get("code").asString()).isEqualTo("INVALID_ENCODING");
            rows.add(error.get("rowNumber").asLong());
        });
        assertThat(rows).containsExactlyElementsOf(hostile.failingRows());
        theApiKeepsServing();
    }

    @Test
    void random_binary_after_a_text_head_ends_the_import_with_a_clear_outcome() throws Exception {
        Path file = HostileFiles.binaryAfterTextHead(dir, prefix, 3L * MB / 2, 4L * MB);

        Response created = postFile(file, Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        String status = done.get("status").asString();
        assertThat(status).isIn("COMPLETED_WITH_ERRORS", "FAILED");
        if (status.equals("FAILED")) {
            assertThat(done.get("failureMessage").asString()).doesNotContain("internal error");
        } else {
            assertCountersAddUp(done);
        }
        assertThat(acme.get("/api/v1/imports/" + done.get("id").asLong() + "/error-report").status())
                .isEqualTo(200);
        theApiKeepsServing();
    }

    @Test
    void formula_injection_in_every_field_is_neutralised_in_the_downloaded_error_report() throws Exception {
        Path file = write(dir, HostileFiles.formulaInjection(prefix));
        String mapping = "{\"0\":\"CARD_NUMBER\",\"1\":\"POOL\",\"2\":\"BALANCE\",\"3\":\"POINT_OF_CONTACT\"}";

        Response created = postFile(file, Map.of("mapping", mapping, "delimiter", ","));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        int prefixes = HostileFiles.FORMULA_PREFIXES.size();
        assertThat(done.get("importedRows").asLong()).isEqualTo(prefixes + 1);
        assertThat(done.get("failedRows").asLong()).isEqualTo(prefixes + 1);
        Response report = acme.get("/api/v1/imports/" + done.get("id").asLong() + "/error-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        List<CSVRecord> records;
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(report.text().substring(1)))) {
            records = parser.getRecords();
        }
        List<String> unsafe = records.stream().flatMap(r -> r.toList().stream())
                .filter(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0).toList();
        assertThat(unsafe).isEmpty();
        assertThat(records.get(1).get(1)).isEqualTo("'=cmd|'/C calc'!A0");
        assertThat(jdbc.sql("select point_of_contact from gift_card g join project p on p.id = g.project_id "
                        + "where p.slug = 'acme' and g.card_number = ?")
                .param(prefix + "-f1").query(String.class).single()).isEqualTo("=cmd|'/C calc'!A0");
        theApiKeepsServing();
    }

    @Test
    void a_gzip_compressed_request_body_is_not_inflated_by_the_server() throws Exception {
        Path bomb = HostileFiles.gzipBomb(dir, 256L * MB);
        byte[] multipart = multipartHead("cards.csv", "text/csv");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(body)) {
            gzip.write(multipart);
            gzip.write(Files.readAllBytes(bomb));
            gzip.write(multipartTail());
        }
        Set<String> filesBefore = storedFiles();

        Response response;
        try (MemoryMeter memory = MemoryMeter.ofWork()) {
            response = acme.postRaw("/api/v1/imports", HttpRequest.newBuilder()
                    .header("Authorization", "Bearer " + DemoApiTokens.ACME_SECRET)
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            assertThat(memory.allocatedBytes()).as("server memory %s", memory).isLessThan(16L * MB);
        }

        assertThat(response.status()).as(response.toString()).isIn(400, 415, 422);
        assertThat(response.isProblem()).isTrue();
        assertThat(storedFiles()).as("nothing new in the upload storage").isSubsetOf(filesBefore);
        theApiKeepsServing();
    }

    // ------------------------------------------------------------------ helpers

    static final String BOUNDARY = "----gci-hostile-boundary";

    private static byte[] multipartHead(String fileName, String contentType) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipartTail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs the file as the 'file' part, streamed from disk, plus text parts. */
    private Response postFile(Path file, Map<String, String> textParts) throws IOException {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        textParts.forEach((name, value) -> parts.add(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n",
                StandardCharsets.UTF_8)));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(multipartHead("cards.csv", "text/csv")));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(multipartTail()));
        return acme.postRaw("/api/v1/imports", HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + DemoApiTokens.ACME_SECRET)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    }

    private static Path write(Path dir, String csv) throws IOException {
        return Files.writeString(dir.resolve("cards.csv"), csv, StandardCharsets.UTF_8);
    }

    /** The files in acme's upload storage. */
    private Set<String> storedFiles() throws IOException {
        long acmeId = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        Path directory = dataDir.resolve("uploads").resolve(Long.toString(acmeId));
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void assertCountersAddUp(JsonNode job) {
        long total = job.get("totalRows").asLong();
        assertThat(job.get("importedRows").asLong() + job.get("failedRows").asLong()
                + job.get("notProcessedRows").asLong()).as(job.toString()).isEqualTo(total);
        assertThat(job.get("notProcessedRows").asLong()).isZero();
    }

    /** A normal request right after the hostile one: the list answers and a small import completes. */
    private void theApiKeepsServing() throws IOException {
        assertThat(acme.get("/api/v1/imports?size=1").status()).isEqualTo(200);
        String next = "N" + UUID.randomUUID().toString().substring(0, 8);
        Path small = Files.writeString(dir.resolve("small-" + next + ".csv"), HostileFiles.validCsv(next, 3));
        Response created = postFile(small, Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("importedRows").asLong()).isEqualTo(3);
    }
}
