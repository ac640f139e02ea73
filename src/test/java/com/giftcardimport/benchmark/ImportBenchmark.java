package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.importing.CheckStatus;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportServiceTestBase;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * The throughput benchmark of SPEC §8 (not a test: it runs only with {@code -Pbenchmark}). Generates
 * {@code benchmark.rows} rows of all seven fields, imports them through the real engine (the use-case services of {@code importing}: upload,
 * detection, launch with the mapping of the seven fields, the runner) into the embedded PostgreSQL, then loads the same rows with
 * PostgreSQL's own {@code COPY} into a table of the same shape as {@code gift_card} (same columns, types,
 * constraints, foreign keys and indexes), and prints as its last line
 * {@code import/copy ratio: R (import X s, copy Y s, rows N, peak heap H MB)}, then the whole-file check of the same
 * upload before each launch against the import (SPEC 8): {@code check/import ratio: R (check X s, import Y s, rows N)},
 * best of each side.
 * <p>
 * Import time runs from the launch to the end status; COPY time is the {@code COPY … FROM STDIN} of a ready CSV
 * file of the same cards (pool ids resolved, CVVs encrypted, expiry computed: what the table stores). Each starts
 * from an empty table after a checkpoint, so neither pays for the other's rows or dirty pages. The pair runs
 * {@code benchmark.trials} times (3, or 1 above 2,000,000 rows), alternating, and the last line compares the best
 * time of each side: on a shared machine, other work only ever slows a trial down. A warm-up import of
 * {@code benchmark.warmup-rows} (100,000) rows first lets the JIT compile the import path, as on a running server.
 */
@SpringBootTest(properties = {"logging.level.com.giftcardimport.importing.job.JobExecution=DEBUG",
        "app.import.direct-copy=${benchmark.direct-copy:true}"})
class ImportBenchmark extends ImportServiceTestBase {

    private static final String COPY_COLUMNS = "project_id, pool_id, card_number, cvv_encrypted, balance, "
            + "point_of_contact, purchased_at, expires_at, status, import_job_id, import_row_number";

    @Autowired
    CvvCipher cipher;
    @Autowired
    ImportChecks checks;

    @Test
    void import_versus_copy() throws Exception {
        long rows = Long.getLong("benchmark.rows", 1_000_000L);
        Path dir = Files.createTempDirectory("gci-benchmark");
        try {
            run(rows, dir);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private void run(long rows, Path dir) throws Exception {
        TestProject project = support.newProject();
        long[] poolIds = {
                support.pool(project.id(), BenchmarkRows.POOLS[0], "FIXED", "1000.00", true, "MONTHS", 12),
                support.pool(project.id(), BenchmarkRows.POOLS[1], "ARBITRARY", null, false, null, null),
                support.pool(project.id(), BenchmarkRows.POOLS[2], "FIXED", "500.00", false, "DAYS", 90)};

        Path csv = BenchmarkRows.writeCsv(dir.resolve("cards.csv"), rows);
        System.out.printf(Locale.ROOT, "benchmark: %d rows, %d MB file, max heap %d MB%n", rows,
                Files.size(csv) >> 20, Runtime.getRuntime().maxMemory() >> 20);

        support.loginAs(project.admin(), project.id());
        // warm-up: the JIT compiles the import path once, as on a server that has been running for a while
        long warmupRows = Math.min(rows, Long.getLong("benchmark.warmup-rows", 100_000L));
        if (warmupRows > 0) {
            Path warmup = BenchmarkRows.writeCsv(dir.resolve("warmup.csv"), warmupRows);
            StoredFile file;
            try (InputStream in = Files.newInputStream(warmup)) {
                file = inspection.upload(in, "warmup.csv");
            }
            ColumnMapping mapping = new ColumnMapping(Arrays.stream(GiftCardField.values()).map(Optional::of).toList());
            ImportJobId job = launcher.launch(new LaunchRequest(file, new FileFormat(StandardCharsets.UTF_8, ','),
                    mapping, null)).id();
            assertThat(awaitEnd(job).importedRows()).isEqualTo(warmupRows);
        }
        CpuMeter cpu = new CpuMeter(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        int trials = Integer.getInteger("benchmark.trials", rows > 2_000_000 ? 1 : 3);
        double bestImport = Double.MAX_VALUE;
        double bestCopy = Double.MAX_VALUE;
        double bestCheck = Double.MAX_VALUE;
        long peakHeapMb = 0;
        Path copyFile = dir.resolve("cards.copy.csv");
        for (int trial = 1; trial <= trials; trial++) {
            // each side starts from an empty table: the cards of the previous trial go
            jdbc.sql("truncate gift_card cascade").update();
            StoredFile file;
            try (InputStream in = Files.newInputStream(csv)) {
                file = inspection.upload(in, "cards.csv");
            }
            SniffResult sniff = inspection.inspect(file.id(), Optional.empty(), Optional.empty());
            assertThat(sniff.problems()).isEmpty();
            // the file's columns are the seven fields in catalogue order (auto-mapping has its own tests)
            ColumnMapping mapping = new ColumnMapping(Arrays.stream(GiftCardField.values()).map(Optional::of).toList());

            // the whole-file check of the same upload first (SPEC 11), as the wizard runs it before launch
            checkpoint();
            double checkDbBefore = cpu.databaseSeconds();
            double checkJvmBefore = CpuMeter.jvmSeconds();
            long checkStart = System.nanoTime();
            CheckSummary check = awaitEnd(checks.findOrStart(file, sniff.detected(), mapping,
                    ImportAction.ADD_GIFT_CARDS));
            double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
            double checkDbCpu = cpu.databaseSeconds() - checkDbBefore;
            double checkJvmCpu = CpuMeter.jvmSeconds() - checkJvmBefore;
            assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);
            assertThat(check.validRows()).isEqualTo(rows);

            checkpoint();
            HeapSampler heap = HeapSampler.start();
            double dbBefore = cpu.databaseSeconds();
            double jvmBefore = CpuMeter.jvmSeconds();
            long start = System.nanoTime();
            ImportJobId job = launcher.launch(new LaunchRequest(file, sniff.detected(), mapping, null)).id();
            ImportSummary view = awaitEnd(job);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            double importDbCpu = cpu.databaseSeconds() - dbBefore;
            double importJvmCpu = CpuMeter.jvmSeconds() - jvmBefore;
            peakHeapMb = Math.max(peakHeapMb, heap.stop() >> 20);
            assertThat(view.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(view.importedRows()).isEqualTo(rows);

            if (trial == 1) {
                writeCopyFile(copyFile, rows, project.id().value(), poolIds, job.value());
            }
            jdbc.sql("drop table if exists benchmark_copy").update();
            jdbc.sql("create table benchmark_copy (like gift_card including all)").update();
            jdbc.sql("""
                    alter table benchmark_copy
                        add foreign key (project_id) references project (id) on delete cascade,
                        add foreign key (project_id, pool_id) references pool (project_id, id),
                        add foreign key (project_id, import_job_id) references import_job (project_id, id)
                    """).update();
            checkpoint();
            double copyDbBefore = cpu.databaseSeconds();
            long copyStart = System.nanoTime();
            long copied;
            try (Connection connection = jdbc.dataSource().getConnection();
                 Reader reader = Files.newBufferedReader(copyFile, StandardCharsets.UTF_8)) {
                copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy benchmark_copy (" + COPY_COLUMNS + ") from stdin (format csv)", reader);
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            double copyDbCpu = cpu.databaseSeconds() - copyDbBefore;
            assertThat(copied).isEqualTo(rows);
            jdbc.sql("drop table benchmark_copy").update();
            System.out.printf(Locale.ROOT, "trial %d of %d: import %.1f s, copy %.1f s, ratio %.2f; check %.1f s, "
                            + "check/import %.2f; CPU: import database %.1f s + JVM %.1f s, copy database %.1f s, "
                            + "check database %.1f s + JVM %.1f s%n",
                    trial, trials, importSeconds, copySeconds, importSeconds / copySeconds, checkSeconds,
                    checkSeconds / importSeconds, importDbCpu, importJvmCpu, copyDbCpu, checkDbCpu, checkJvmCpu);
            bestCheck = Math.min(bestCheck, checkSeconds);
            bestImport = Math.min(bestImport, importSeconds);
            bestCopy = Math.min(bestCopy, copySeconds);
        }

        System.out.printf(Locale.ROOT, "import/copy ratio: %.2f (import %.1f s, copy %.1f s, rows %d, peak heap %d MB)%n",
                bestImport / bestCopy, bestImport, bestCopy, rows, peakHeapMb);
        System.out.printf(Locale.ROOT, "check/import ratio: %.2f (check %.1f s, import %.1f s, rows %d)%n",
                bestCheck / bestImport, bestCheck, bestImport, rows);
    }

    private ImportSummary awaitEnd(ImportJobId job) throws InterruptedException {
        while (true) {
            ImportSummary view = queries.get(job);
            if (view.status().isFinal()) {
                return view;
            }
            Thread.sleep(20);
        }
    }

    private CheckSummary awaitEnd(CheckSummary check) throws InterruptedException {
        while (true) {
            CheckSummary now = checks.get(check.id());
            if (!now.running()) {
                return now;
            }
            Thread.sleep(20);
        }
    }

    private void checkpoint() {
        jdbc.sql("checkpoint").update();
    }

    /** The same cards as the import file, in the form the table stores them, as CSV for COPY. */
    private void writeCopyFile(Path file, long rows, long projectId, long[] poolIds, long jobId) throws Exception {
        HexFormat hex = HexFormat.of();
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < rows; i++) {
                String cvv = BenchmarkRows.cvv(i);
                Instant purchased = BenchmarkRows.purchasedAt(i);
                Instant expires = BenchmarkRows.expiresAt(i);
                String poc = BenchmarkRows.pointOfContact(i);
                out.write(Long.toString(projectId));
                out.write(',');
                out.write(Long.toString(poolIds[BenchmarkRows.pool(i)]));
                out.write(',');
                out.write(BenchmarkRows.cardNumber(i));
                out.write(',');
                if (!cvv.isEmpty()) {
                    out.write("\\x");
                    out.write(hex.formatHex(cipher.encrypt(cvv)));
                }
                out.write(',');
                out.write(BenchmarkRows.balance(i).toPlainString());
                out.write(',');
                out.write(poc);
                out.write(',');
                if (purchased != null) {
                    out.write(iso.format(purchased));
                }
                out.write(',');
                if (expires != null) {
                    out.write(iso.format(expires));
                }
                out.write(',');
                out.write(BenchmarkRows.STATUS_CODES[BenchmarkRows.status(i)]);
                out.write(',');
                out.write(Long.toString(jobId));
                out.write(',');
                out.write(Long.toString(i + 2));
                out.write('\n');
            }
        }
    }
}
