package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ApplicationProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the application in the middle of two imports and starts it again (SPEC §6: a job that was running when
 * the server stopped is resumed or failed on the next start, never left Running; §9: the job engine finds the
 * killed node's executions dead once their heartbeats stopped, here within 10 s).
 * <p>
 * The application runs as a separate JVM ({@code java -cp … com.giftcardimport.Application}, 256 MB heap) against
 * a PostgreSQL this test starts, so the database survives the kill; project, admin, pool and API token are rows
 * made with SQL (the token hashed as {@code ApiTokenSecrets} does). Two imports are launched over the HTTP API;
 * while both are running, the process gets SIGKILL ({@link Process#destroyForcibly()}). The stored file of the
 * second one is then deleted, as if lost with the server's disk. After the restart:
 * <ul>
 *   <li>the first resumes after its last committed row and completes: its counters are exactly what the file
 *       holds (a generator knows which rows are valid and which repeat an earlier card number, across the point of
 *       the kill), the cards in the database match the counters, no row and no card number went in twice, and
 *       imported + failed = rows;</li>
 *   <li>the second fails with a message, and its cards and errors match its counters;</li>
 *   <li>no job is left Running, and the uploaded files are gone once the jobs ended (the test runs with
 *       {@code app.import.file-retention=0s}; the default keeps them 7 days, then the hourly sweep deletes them),
 *       as is every temporary multipart file of the servlet container.</li>
 * </ul>
 */
class CrashRecoveryIT {

    static final String SECRET = "gci_crash_test_secret_0123456789abcdefghijk";
    static final int ROWS_A = 1_200_000;
    static final int ROWS_B = 700_000;
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    EmbeddedPostgres postgres;
    final List<Process> processes = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopEverything() throws IOException, InterruptedException {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void a_server_killed_in_the_middle_of_imports_resumes_or_fails_them_on_restart_and_imports_every_card_exactly_once()
            throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource db = postgres.getPostgresDatabase();
        // the application connects as a restricted role and migrates as the owner (row-level security)
        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create role gci_app login password 'app' nosuperuser nobypassrls noinherit");
        }
        Path dataDir = dir.resolve("data");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int port = ApplicationProcess.freePort();

        Process first = startApplication(port, dataDir, tmp, dir.resolve("first-run.log"));
        long project = seed(db);
        Expected a = writeCards(dir.resolve("a.csv"), "A", ROWS_A);
        Expected b = writeCards(dir.resolve("b.csv"), "B", ROWS_B);
        long jobA = launch(port, a.file());
        long jobB = launch(port, b.file());

        // kill while both run, each with some chunks committed and its file far from read
        awaitRows(db, jobA, ROWS_A / 8, jobB, ROWS_B / 8);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Object> aAtKill = job(db, jobA);
        Map<String, Object> bAtKill = job(db, jobB);
        assertThat(aAtKill.get("status")).as("A at the kill: %s", aAtKill).isEqualTo("RUNNING");
        assertThat(bAtKill.get("status")).as("B at the kill: %s", bAtKill).isEqualTo("RUNNING");
        assertThat((long) aAtKill.get("imported_rows") + (long) aAtKill.get("failed_rows")).isLessThan(ROWS_A);
        Files.delete(storedFile(dataDir, project, (String) bAtKill.get("stored_file_id")));
        System.out.printf("crash test: killed with A at row %s (%s imported, %s failed) and B at row %s%n",
                aAtKill.get("last_row_number"), aAtKill.get("imported_rows"), aAtKill.get("failed_rows"),
                bAtKill.get("last_row_number"));

        Path secondLog = dir.resolve("second-run.log");
        startApplication(port, dataDir, tmp, secondLog);
        awaitEnd(db, jobA);
        awaitEnd(db, jobB);

        // A resumed and completed, every row exactly once
        Map<String, Object> doneA = job(db, jobA);
        assertThat(Files.readString(secondLog)).contains("Import " + jobA + " resumes on node ")
                .contains(" after row " + aAtKill.get("last_row_number"));
        assertThat(doneA.get("status")).as("A: %s", doneA).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(doneA.get("imported_rows")).isEqualTo(a.imported());
        assertThat(doneA.get("failed_rows")).isEqualTo(a.failed());
        assertThat(doneA.get("total_rows")).isEqualTo((long) ROWS_A);
        assertStoredRowsMatchCounters(db, jobA, doneA);
        assertThat(count(db, "select count(*) from import_error where job_id = ? and code = 'CARD_NUMBER_DUPLICATE_IN_FILE'",
                jobA)).isEqualTo(a.duplicates());
        assertThat(count(db, "select count(*) from import_error where job_id = ? and code = 'BALANCE_INVALID'",
                jobA)).isEqualTo(a.failed() - a.duplicates());
        assertThat(count(db, """
                select count(*) from (select import_row_number from gift_card where import_job_id = ?
                                      union all
                                      select distinct row_number from import_error where job_id = ?) r
                """, jobA, jobA)).as("rows 2..N+1, each imported or failed once").isEqualTo((long) ROWS_A);

        // B failed: its file is gone; what it committed before the kill matches its counters
        Map<String, Object> doneB = job(db, jobB);
        assertThat(doneB.get("status")).as("B: %s", doneB).isEqualTo("FAILED");
        assertThat((String) doneB.get("failure_message")).isEqualTo("The import was interrupted after row "
                + bAtKill.get("last_row_number") + " (its server stopped), and its file is no longer available to "
                + "resume it");
        assertThat(doneB.get("total_rows")).isNull();
        assertThat(doneB.get("imported_rows")).isEqualTo(bAtKill.get("imported_rows"));
        assertStoredRowsMatchCounters(db, jobB, doneB);
        assertThat((long) doneB.get("imported_rows") + (long) doneB.get("failed_rows")).isLessThan(ROWS_B);

        // nothing left running, no card number twice, no file left behind
        assertThat(count(db, "select count(*) from import_job where status in ('RUNNING', 'QUEUED')")).isZero();
        assertThat(count(db, """
                select count(*) from (select card_number from gift_card where project_id = ?
                                      group by card_number having count(*) > 1) d
                """, project)).isZero();
        assertThat(filesUnder(dataDir.resolve("uploads"))).as("uploaded files after the jobs ended").isEmpty();
        assertThat(filesUnder(tmp)).as("temporary upload files of the servlet container")
                .noneMatch(p -> p.getFileName().toString().startsWith("upload_"));
    }

    // ------------------------------------------------------------------ the file and what it must give

    /** A generated file and what an import of it must give. */
    record Expected(Path file, long imported, long failed, long duplicates) {
    }

    /**
     * {@code rows} rows: every 1,000th has an invalid balance; every 1,500th repeats the card number of the row 700
     * before it, and every 100,000th (from row 200,000 on) the number of the row 150,000 before it, so duplicates
     * also reach back over the point of the kill. The first valid occurrence of a number wins.
     */
    static Expected writeCards(Path file, String prefix, int rows) throws IOException {
        BitSet taken = new BitSet(rows);
        long imported = 0;
        long failed = 0;
        long duplicates = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Card number,Pool system name,Card balance,Point of contact external ID\n");
            for (int i = 0; i < rows; i++) {
                if (i % 1000 == 999) {
                    out.write(prefix + "-" + i + ",flex,abc,shop-" + i + "\n");
                    failed++;
                    continue;
                }
                int number = i % 100_000 == 77_777 && i >= 200_000 ? i - 150_000 : i % 1500 == 1499 ? i - 700 : i;
                out.write(prefix + "-" + number + ",flex," + (i % 997) + ".50,shop-" + i + "\n");
                if (taken.get(number)) {
                    failed++;
                    duplicates++;
                } else {
                    taken.set(number);
                    imported++;
                }
            }
        }
        return new Expected(file, imported, failed, duplicates);
    }

    // ------------------------------------------------------------------ the application process

    private Process startApplication(int port, Path dataDir, Path tmp, Path log) throws Exception {
        ApplicationProcess application = ApplicationProcess.start(port, log, List.of("-Djava.io.tmpdir=" + tmp),
                List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "--spring.datasource.username=gci_app",
                        "--spring.datasource.password=app",
                        "--spring.liquibase.user=postgres",
                        "--spring.liquibase.password=postgres",
                        "--app.data-dir=" + dataDir,
                        "--app.import.file-retention=0s",
                        "--app.import.dispatch-interval=1s",
                        "--app.cluster.takeover-within=10s"));
        processes.add(application.process());
        application.awaitServing(START_TIMEOUT);
        return application.process();
    }

    // ------------------------------------------------------------------ data

    /** A project with an admin, the pool {@code flex} and an API token; returns the project id. */
    private static long seed(DataSource db) throws Exception {
        try (Connection c = db.getConnection()) {
            long project = insert(c, "insert into project (slug, name) values ('crash', 'Crash test') returning id");
            long admin = insert(c, "insert into app_user (username, display_name, password_hash) "
                    + "values ('crash-admin', 'Crash Admin', 'x') returning id");
            update(c, "insert into membership (project_id, user_id, role) values (?, ?, 'PROJECT_ADMIN')", project,
                    admin);
            update(c, "insert into pool (project_id, system_name, name, value_type) "
                    + "values (?, 'flex', 'Flexible', 'ARBITRARY')", project);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(SECRET.getBytes(StandardCharsets.UTF_8)));
            update(c, "insert into api_token (project_id, name, token_prefix, token_hash, created_by) "
                    + "values (?, 'crash', ?, ?, ?)", project, SECRET.substring(0, 12), hash, admin);
            return project;
        }
    }

    private long launch(int port, Path file) throws Exception {
        return postImport(http, port, SECRET, file);
    }

    /** Launches an import of {@code file} over the HTTP API at {@code port} with an API token; returns its id. */
    static long postImport(HttpClient http, int port, String token, Path file) throws Exception {
        String boundary = "----gci-test-import";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static void awaitRows(DataSource db, long jobA, long rowsA, long jobB, long rowsB) {
        Awaitility.await("both imports far enough to be killed in the middle").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    Map<String, Object> a = job(db, jobA);
                    Map<String, Object> b = job(db, jobB);
                    assertThat(List.of(a.get("status"), b.get("status")))
                            .as("no import ended before the kill: %s %s", a, b)
                            .allMatch(status -> "RUNNING".equals(status) || "QUEUED".equals(status));
                    return processed(a) >= rowsA && processed(b) >= rowsB;
                });
    }

    private static long processed(Map<String, Object> job) {
        return (long) job.get("imported_rows") + (long) job.get("failed_rows");
    }

    private static void awaitEnd(DataSource db, long job) {
        Awaitility.await("import " + job + " ends after the restart").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> job(db, job).get("status"), status -> !"RUNNING".equals(status) && !"QUEUED".equals(status));
    }

    /** The cards and errors stored for a job are exactly its counters, and no row went in twice. */
    private static void assertStoredRowsMatchCounters(DataSource db, long job, Map<String, Object> counters)
            throws Exception {
        assertThat(count(db, "select count(*) from gift_card where import_job_id = ?", job)).as("cards of %d", job)
                .isEqualTo(counters.get("imported_rows"));
        assertThat(count(db, "select count(distinct import_row_number) from gift_card where import_job_id = ?", job))
                .as("distinct rows imported by %d", job).isEqualTo(counters.get("imported_rows"));
        assertThat(count(db, "select count(distinct row_number) from import_error where job_id = ?", job))
                .as("rows failed by %d", job).isEqualTo(counters.get("failed_rows"));
        assertThat(count(db, "select count(*) from import_error where job_id = ? and seq = 0", job))
                .as("first errors of %d", job).isEqualTo(counters.get("failed_rows"));
        assertThat(count(db, """
                select count(*) from gift_card g join import_error e on e.job_id = g.import_job_id
                                                                    and e.row_number = g.import_row_number
                 where g.import_job_id = ?
                """, job)).as("rows both imported and failed").isZero();
        assertThat(count(db, "select coalesce(max(r), 0) from (select max(import_row_number) r from gift_card "
                + "where import_job_id = ? union all select max(row_number) from import_error where job_id = ?) m",
                job, job)).as("last row stored").isEqualTo(counters.get("last_row_number"));
    }

    private static Map<String, Object> job(DataSource db, long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select status, imported_rows, failed_rows, total_rows, last_row_number, stored_file_id,
                       failure_message, file_deleted_at
                  from import_job where id = ?
                """)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> job = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    job.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return job;
            }
        }
    }

    private static long count(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static Path storedFile(Path dataDir, long project, String storedFileId) {
        return dataDir.resolve("uploads").resolve(Long.toString(project)).resolve(storedFileId);
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
