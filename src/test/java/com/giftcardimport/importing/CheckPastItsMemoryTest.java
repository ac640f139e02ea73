package com.giftcardimport.importing;

import static com.giftcardimport.importing.ImportTestSupport.ADD;
import static com.giftcardimport.importing.ImportTestSupport.CARDS;
import static com.giftcardimport.importing.ImportTestSupport.TIMEOUT;
import static com.giftcardimport.importing.ImportTestSupport.UPDATE;
import static com.giftcardimport.importing.ImportTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.importing.file.StoredFile;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole-file check whose numbers do not all fit its memory ({@code app.import.check-memory} of 16 KB holds 768
 * numbers): the numbers past the budget are kept in the database, and a repeat is found wherever its first row is
 * kept, with the same rows and messages as the real import of the same file (chunks of 100 rows).
 */
@SpringBootTest(properties = {"app.import.check-memory=16KB", "app.import.chunk-rows=100"})
class CheckPastItsMemoryTest extends ImportServiceTestBase {

    private static final int DISTINCT = 1_000;

    @Autowired
    ImportChecks checks;

    @Test
    void repeats_of_numbers_held_in_memory_and_of_numbers_kept_in_the_database_fail_as_the_import_fails_them() {
        support.adminOfNewProject();
        support.importCsv(CARDS + number(12) + ",flex,1,\n", ImportAction.ADD_GIFT_CARDS, ADD);
        StringBuilder csv = new StringBuilder(CARDS);
        for (int i = 0; i < DISTINCT; i++) {
            csv.append(number(1_000 + i)).append(",flex,1,\n");          // rows 2 to 1001; memory is full from row 770
        }
        csv.append(number(1_005)).append(",flex,1,\n")                   // row 1002: held in memory, first row 7
                .append(number(1_900)).append(",flex,1,\n")              // row 1003: kept in the database, row 902
                .append(number(12)).append(",flex,1,\n")                 // row 1004: stored already
                .append(number(9_000)).append(",flex,1,\n");             // row 1005: new, kept in the database
        for (int i = 0; i < 150; i++) {
            csv.append(number(20_000 + i)).append(",flex,1,\n");         // rows 1006 to 1155
        }
        csv.append(number(9_000)).append(",flex,1,\n")                   // row 1156: another chunk, first row 1005
                .append(number(1_900)).append(",flex,1,\n")              // row 1157: row 902 again
                .append(number(1_005)).append(",flex,1,\n")              // row 1158: row 7 again
                .append(number(12)).append(",flex,1,\n")                 // row 1159: stored already
                .append(number(12)).append(",flex,1,\n")                 // row 1160: row 1159, in the same chunk
                .append(number(9_100)).append(",flex,1,\n")              // row 1161: new, kept in the database
                .append(number(9_100)).append(",flex,1,\n");             // row 1162: row 1161, in the same chunk

        CheckSummary check = checkThenCompareWithTheImport(csv.toString(), ImportAction.ADD_GIFT_CARDS);

        assertThat(check.failedRows()).isEqualTo(9);
        assertThat(checks.errors(check.id(), 0, 100)).extracting(RowError::rowNumber, RowError::code,
                        RowError::message)
                .containsExactly(
                        Tuple.tuple(1002L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(1_005, 7)),
                        Tuple.tuple(1003L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(1_900, 902)),
                        Tuple.tuple(1004L, "CARD_NUMBER_ALREADY_EXISTS",
                                "Card number '" + number(12) + "' already exists in this project"),
                        Tuple.tuple(1156L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(9_000, 1005)),
                        Tuple.tuple(1157L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(1_900, 902)),
                        Tuple.tuple(1158L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(1_005, 7)),
                        Tuple.tuple(1159L, "CARD_NUMBER_ALREADY_EXISTS",
                                "Card number '" + number(12) + "' already exists in this project"),
                        Tuple.tuple(1160L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(12, 1159)),
                        Tuple.tuple(1162L, "CARD_NUMBER_DUPLICATE_IN_FILE", duplicates(9_100, 1161)));
    }

    @Test
    void a_status_update_past_the_budget_fails_unknown_cards_and_repeats_as_the_import_fails_them() {
        support.adminOfNewProject();
        StringBuilder stored = new StringBuilder(CARDS);
        for (int i = 0; i < DISTINCT; i++) {
            stored.append(number(1_000 + i)).append(",flex,1,\n");
        }
        support.importCsv(stored.toString(), ImportAction.ADD_GIFT_CARDS, ADD);
        StringBuilder csv = new StringBuilder("Card number,Gift card status\n");
        for (int i = 0; i < DISTINCT; i++) {
            csv.append(number(1_000 + i)).append(",Blocked\n");         // rows 2 to 1001
        }
        csv.append(number(1_950)).append(",Active\n")                   // row 1002: row 952, kept in the database
                .append(number(77)).append(",Active\n")                 // row 1003: no such card
                .append(number(1_001)).append(",Active\n");             // row 1004: row 3, held in memory

        CheckSummary check = checkThenCompareWithTheImport(csv.toString(), ImportAction.UPDATE_GIFT_CARD_STATUSES);

        assertThat(checks.errors(check.id(), 0, 100)).extracting(RowError::rowNumber, RowError::code)
                .containsExactly(Tuple.tuple(1002L, "CARD_NUMBER_DUPLICATE_IN_FILE"),
                        Tuple.tuple(1003L, "CARD_NOT_FOUND"),
                        Tuple.tuple(1004L, "CARD_NUMBER_DUPLICATE_IN_FILE"));
    }

    /** Checks the file, then imports it: the counts and every row error (row, code, message) are the same. */
    private CheckSummary checkThenCompareWithTheImport(String csv, ImportAction action) {
        StoredFile file = support.upload(csv);
        ColumnMapping mapping = action.createsCards() ? ADD : UPDATE;
        CheckSummary check = await("the check").atMost(TIMEOUT).pollInSameThread()
                .until(() -> checks.get(checks.findOrStart(file, utf8(), mapping, action).id()),
                        c -> !c.running());
        assertThat(check.status()).isEqualTo(CheckStatus.COMPLETED);

        ImportSummary imported = support.launchAndAwait(new LaunchRequest(file, utf8(), mapping, null, action));
        assertThat(check.validRows()).isEqualTo(imported.importedRows());
        assertThat(check.failedRows()).isEqualTo(imported.failedRows());
        List<Tuple> importErrors = queries.errors(imported.id(), 0, 100).stream()
                .map(e -> Tuple.tuple(e.rowNumber(), e.code(), e.message())).toList();
        assertThat(checks.errors(check.id(), 0, 100)).extracting(RowError::rowNumber, RowError::code,
                RowError::message).containsExactlyElementsOf(importErrors);
        return check;
    }

    private static String number(int i) {
        return Long.toString(6_000_000_000_000_000L + i);
    }

    private static String duplicates(int i, long firstRow) {
        return "Card number '" + number(i) + "' duplicates row " + firstRow + " of this file";
    }
}
