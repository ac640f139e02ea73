package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportServiceTestBase;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The Excel memory target of SPEC §8 (not a test, and not part of the plain benchmark run: {@code ./mvnw -B -q
 * -Pbenchmark test -Dbenchmark.xlsx=true -Dtest=XlsxBenchmark -Dbenchmark.rows=1000000}, whose heap is 256 MB): the same {@code benchmark.rows} cards of all seven fields as an
 * Excel workbook ({@link BenchmarkWorkbook}: shared strings, number and date cells) and as a CSV file, each imported
 * through the real engine, side by side in one run. Prints as its last line {@code xlsx/csv ratio: R (xlsx X s, csv
 * Y s, rows N, peak used heap H MB of M MB)}; an import that ran out of heap would fail it.
 */
class XlsxBenchmark extends ImportServiceTestBase {

    @Test
    void xlsx_import_versus_csv_import() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("benchmark.xlsx"), "run with -Dbenchmark.xlsx=true");
        long rows = Long.getLong("benchmark.rows", 1_000_000L);
        Path dir = Files.createTempDirectory("gci-xlsx-benchmark");
        try {
            Path xlsx = dir.resolve("cards.xlsx");
            long written = System.nanoTime();
            BenchmarkWorkbook.write(xlsx, rows);
            Path csv = BenchmarkRows.writeCsv(dir.resolve("cards.csv"), rows);
            System.out.printf(Locale.ROOT, "xlsx benchmark: %d rows, workbook %d MB, CSV %d MB (written in %.1f s), "
                            + "max heap %d MB%n", rows, Files.size(xlsx) >> 20, Files.size(csv) >> 20,
                    (System.nanoTime() - written) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
            // each file into a project of its own: the same card numbers
            double csvSeconds = importOnce(csv, rows, "csv");
            Heap heap = Heap.sample();
            double xlsxSeconds = importOnce(xlsx, rows, "xlsx");
            long peak = heap.stop() >> 20;
            System.out.printf(Locale.ROOT, "xlsx/csv ratio: %.2f (xlsx %.1f s, csv %.1f s, rows %d, peak used heap "
                            + "%d MB of %d MB)%n", xlsxSeconds / csvSeconds, xlsxSeconds, csvSeconds, rows, peak,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private double importOnce(Path file, long rows, String kind) throws Exception {
        TestProject project = support.newProject();
        support.pool(project.id(), BenchmarkRows.POOLS[0], "FIXED", "1000.00", true, "MONTHS", 12);
        support.pool(project.id(), BenchmarkRows.POOLS[1], "ARBITRARY", null, false, null, null);
        support.pool(project.id(), BenchmarkRows.POOLS[2], "FIXED", "500.00", false, "DAYS", 90);
        support.loginAs(project.admin(), project.id());
        long start = System.nanoTime();
        StoredFile stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = inspection.upload(in, file.getFileName().toString());
        }
        SniffResult sniff = inspection.inspect(stored.id(), Optional.empty(), Optional.empty());
        assertThat(sniff.problems()).isEmpty();
        assertThat(sniff.detected().isWorkbook()).isEqualTo(kind.equals("xlsx"));
        double inspected = (System.nanoTime() - start) / 1e9;
        ColumnMapping mapping = new ColumnMapping(Arrays.stream(GiftCardField.values()).map(Optional::of).toList());
        FileFormat format = sniff.detected();
        ImportJobId job = launcher.launch(new LaunchRequest(stored, format, mapping, null)).id();
        ImportSummary view;
        do {
            Thread.sleep(20);
            view = queries.get(job);
        } while (!view.status().isFinal());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(view.status()).as(view.failureMessage()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(view.importedRows()).isEqualTo(rows);
        System.out.printf(Locale.ROOT, "%s: upload and inspection %.1f s, import end to end %.1f s, %d rows "
                + "(estimate at inspection %d)%n", kind, inspected, seconds, view.importedRows(), sniff.estimatedRows());
        return seconds;
    }

    /** Samples the used heap every 10 ms and keeps the largest value. */
    private static final class Heap {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static Heap sample() {
            Heap heap = new Heap();
            heap.thread = Thread.ofPlatform().daemon().start(() -> {
                while (heap.running.get()) {
                    heap.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return heap;
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
