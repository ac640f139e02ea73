package com.giftcardimport.importing;

import static com.giftcardimport.importing.ImportTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An import whose chunks load two at a time (small chunks, so a few thousand rows make many of them) ends exactly as
 * loading them one after the other would: the first occurrence of a number wins wherever the two chunks met in the
 * database, and the counters and the resume point describe the whole file.
 */
@SpringBootTest(properties = {"app.import.chunk-rows=150", "app.import.loaders-per-job=2"})
class ParallelLoadingTest extends ImportServiceTestBase {

    private static final int ROWS = 6000;
    private static final int NUMBERS = 4500;

    @Test
    void chunks_loaded_two_at_a_time_keep_the_first_occurrence_of_each_number_and_report_every_later_one() {
        support.adminOfNewProject();
        // numbers repeat at scattered distances, so a number often comes back in the next chunk, loading beside it
        StringBuilder csv = new StringBuilder("Card number,Pool system name,Card balance\n");
        Map<String, Long> firstRow = new LinkedHashMap<>();
        List<String> expectedErrors = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            long row = i + 2;
            String number = "L-" + (i * 7919L % NUMBERS);
            csv.append(number).append(",flex,").append(row).append('\n');
            Long first = firstRow.putIfAbsent(number, row);
            if (first != null) {
                expectedErrors.add(row + " Card number: Card number '" + number + "' duplicates row " + first
                        + " of this file");
            }
        }
        ImportSummary job = support.launchAndAwait(new LaunchRequest(support.upload(csv.toString()), utf8(),
                ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2,
                        GiftCardField.BALANCE), 3), null));
        ImportJobId id = job.id();

        assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(job.importedRows()).isEqualTo(NUMBERS);
        assertThat(job.failedRows()).isEqualTo(ROWS - NUMBERS);
        assertThat(queries.errors(id, 0, ROWS).stream()
                .map(e -> e.rowNumber() + " " + e.column() + ": " + e.message()).toList())
                .containsExactlyElementsOf(expectedErrors);
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("select card_number, import_row_number, balance::bigint from gift_card where import_job_id = ?")
                .param(id.value())
                .query(rs -> {
                    assertThat(rs.getLong(3)).as("the balance of the first occurrence").isEqualTo(rs.getLong(2));
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(stored).isEqualTo(firstRow);
        assertThat(jdbc.sql("select last_row_number from import_job where id = ?").param(id.value())
                .query(Long.class).single()).isEqualTo(ROWS + 1L);
    }
}
