package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportServiceTestBase;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The status update of SPEC §13 against the add import of the same rows (not a test: it runs only with
 * {@code -Pbenchmark}, e.g. {@code -Dtest=StatusUpdateBenchmark}). Adds {@code benchmark.rows} cards (the seven
 * fields of {@link BenchmarkRows}) through the real engine, then updates the status of every one of them by a file of
 * number and status (each row changes its card), and prints as its last line
 * {@code status-update/add ratio: R (add X s, update Y s, rows N)}. Each time runs from the launch to the end status.
 */
class StatusUpdateBenchmark extends ImportServiceTestBase {

    private static final FileFormat CSV = new FileFormat(StandardCharsets.UTF_8, ',');

    @Test
    void status_update_versus_add() throws Exception {
        long rows = Long.getLong("benchmark.rows", 1_000_000L);
        Path dir = Files.createTempDirectory("gci-status-benchmark");
        try {
            TestProject project = support.newProject();
            support.pool(project.id(), BenchmarkRows.POOLS[0], "FIXED", "1000.00", true, "MONTHS", 12);
            support.pool(project.id(), BenchmarkRows.POOLS[1], "ARBITRARY", null, false, null, null);
            support.pool(project.id(), BenchmarkRows.POOLS[2], "FIXED", "500.00", false, "DAYS", 90);
            support.loginAs(project.admin(), project.id());

            Path cards = BenchmarkRows.writeCsv(dir.resolve("cards.csv"), rows);
            ColumnMapping all = new ColumnMapping(Arrays.stream(GiftCardField.values()).map(Optional::of).toList());
            double add = timed(cards, all, ImportAction.ADD_GIFT_CARDS, rows);

            // every card gets a status other than the one it was added with: each row changes its card
            Path statuses = BenchmarkRows.writeCsv(dir.resolve("statuses.csv"), "Card number,Gift card status", 0,
                    rows, i -> BenchmarkRows.cardNumber(i) + "," + BenchmarkRows.STATUSES[(BenchmarkRows.status(i) + 1) % 3]);
            jdbc.sql("checkpoint").update();
            double update = timed(statuses, ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER,
                    1, GiftCardField.STATUS), 2), ImportAction.UPDATE_GIFT_CARD_STATUSES, rows);

            System.out.printf(Locale.ROOT, "status-update/add ratio: %.2f (add %.1f s, update %.1f s, rows %d)%n",
                    update / add, add, update, rows);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private double timed(Path file, ColumnMapping mapping, ImportAction action, long rows) throws Exception {
        StoredFile stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = inspection.upload(in, file.getFileName().toString());
        }
        long start = System.nanoTime();
        ImportJobId job = launcher.launch(new LaunchRequest(stored, CSV, mapping, null, action)).id();
        support.awaitEnd(job, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        ImportSummary done = queries.get(job);
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.importedRows()).isEqualTo(rows);
        System.out.printf(Locale.ROOT, "%s: %d rows in %.1f s%n", action.label(), rows, seconds);
        return seconds;
    }
}
