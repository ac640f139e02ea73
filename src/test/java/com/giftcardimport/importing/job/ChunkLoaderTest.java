package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.RowError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ChunkLoaderTest {

    static final List<String> HEADER = List.of("Card", "Pool", "Balance", "CVV");
    static final ColumnMapping MAPPING = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL,
            2, GiftCardField.BALANCE, 3, GiftCardField.CVV), 4);

    @Autowired
    ChunkLoader loader;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    ImportTestSupport support;

    TestProject project;
    long pool;
    long job;
    JobLayout layout;
    JobFence fence;

    @BeforeEach
    void runningJob() {
        project = support.newProject();
        pool = support.arbitraryPool(project.id(), "flex", false);
        // a running job and this node's claim on it, as the job engine records it (heartbeating, so nobody takes it
        // over), made together: the dispatcher would give a running job without a claim to the engine
        job = jdbc.sql("""
                        with j as (
                            insert into import_job (project_id, import_type, import_action, original_file_name,
                                                    stored_file_id, file_size, encoding, delimiter, header, mapping,
                                                    launched_by_user_id, launched_by_label, request_fingerprint,
                                                    status, claim)
                            values (?, 'LOYALTY_GIFT_CARDS', 'ADD_GIFT_CARDS', 'cards.csv', ?, 1, 'UTF-8', ',', ?,
                                    '[]', ?, 'Test', 'x', 'RUNNING', 'this-node#7')
                            returning id),
                        t as (
                            insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                                                         last_heartbeat, version)
                            select 'import', id::text, now(), true, 'this-node', now() + interval '1 hour', 7 from j)
                        select id from j
                        """)
                .params(project.id().value(), UUID.randomUUID().toString(), HEADER.toArray(String[]::new),
                        support.userId(project.admin()))
                .query(Long.class).single();
        layout = JobLayout.of(job, project.id().value(), HEADER, MAPPING);
        fence = new JobFence("this-node", 7);
    }

    @Test
    void duplicates_within_a_chunk_across_chunks_and_against_stored_cards_fail_and_the_first_occurrence_wins() {
        jdbc.sql("insert into gift_card (project_id, pool_id, card_number, balance) values (?, ?, 'OLD-1', 1)")
                .params(project.id().value(), pool).update();

        Chunk first = chunk(2, "A-1", "B-2", "A-1", "OLD-1");
        ChunkLoader.Loaded one = loader.load(layout, fence, first);

        Chunk second = chunk(6, "B-2", "C-3");
        ChunkLoader.Loaded two = loader.load(layout, fence, second);

        assertThat(one.imported()).isEqualTo(2);
        assertThat(one.failed()).isEqualTo(2);
        assertThat(two.imported()).isEqualTo(1);
        assertThat(two.failed()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select card_number || '@' || import_row_number from gift_card
                         where import_job_id = ? order by import_row_number
                        """).param(job).query(String.class).list())
                .containsExactly("A-1@2", "B-2@3", "C-3@7");
        assertThat(errors()).containsExactly(
                "4 Card A-1 CARD_NUMBER_DUPLICATE_IN_FILE: Card number 'A-1' duplicates row 2 of this file",
                "5 Card OLD-1 CARD_NUMBER_ALREADY_EXISTS: Card number 'OLD-1' already exists in this project",
                "6 Card B-2 CARD_NUMBER_DUPLICATE_IN_FILE: Card number 'B-2' duplicates row 3 of this file");
        assertThat(jdbc.sql("select imported_rows || '/' || failed_rows || '/' || last_row_number from import_job where id = ?")
                .param(job).query(String.class).single()).isEqualTo("3/3/7");
    }

    @Test
    void a_chunk_loaded_straight_into_the_cards_falls_back_to_staging_when_a_number_is_taken_and_reports_the_same() {
        jdbc.sql("insert into gift_card (project_id, pool_id, card_number, balance) values (?, ?, 'OLD-2', 1)")
                .params(project.id().value(), pool).update();
        Chunk clean = chunk(2, "D-1", "D-2");
        ChunkLoader.Loaded direct = loader.load(layout, fence, clean, true, ChunkTurn.start().next());
        Chunk taken = chunk(4, "D-3", "OLD-2", "D-1");
        ChunkLoader.Loaded fallback = loader.load(layout, fence, taken, true, ChunkTurn.start().next());

        assertThat(direct.direct()).isTrue();
        assertThat(direct.imported()).isEqualTo(2);
        assertThat(fallback.direct()).isFalse();
        assertThat(fallback.imported()).isEqualTo(1);
        assertThat(fallback.failed()).isEqualTo(2);
        assertThat(jdbc.sql("select card_number from gift_card where import_job_id = ? order by import_row_number")
                .param(job).query(String.class).list()).containsExactly("D-1", "D-2", "D-3");
        assertThat(errors()).containsExactly(
                "5 Card OLD-2 CARD_NUMBER_ALREADY_EXISTS: Card number 'OLD-2' already exists in this project",
                "6 Card D-1 CARD_NUMBER_DUPLICATE_IN_FILE: Card number 'D-1' duplicates row 2 of this file");
    }

    @Test
    void a_failed_row_keeps_its_cells_for_the_report_with_the_cvv_masked() {
        Chunk chunk = new Chunk(layout, 10);
        chunk.addErrors(2, List.of("X-1", "nope", "12", "987"), List.of(
                new RowError(2, "Pool", "nope", "POOL_NOT_FOUND", "No pool"),
                new RowError(2, "CVV", "***", "CVV_INVALID", "Bad CVV")));
        loader.load(layout, fence, chunk);

        assertThat(jdbc.sql("select array_to_string(original_row, '|') from import_error where job_id = ? and seq = 0")
                .param(job).query(String.class).single()).isEqualTo("X-1|nope|12|***");
        assertThat(jdbc.sql("select count(*) from import_error where job_id = ?").param(job).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select failed_rows from import_job where id = ?").param(job).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_chunk_commits_nothing_when_the_job_is_no_longer_running() {
        jdbc.sql("update import_job set status = 'CANCELLED' where id = ?").param(job).update();
        Chunk chunk = chunk(2, "Z-1");
        try {
            loader.load(layout, fence, chunk);
        } catch (ChunkLoader.JobNoLongerRunningException expected) {
            // the chunk is rolled back
        }
        assertThat(jdbc.sql("select count(*) from gift_card where project_id = ?").param(project.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_chunk_commits_nothing_once_the_job_engine_gave_the_job_to_another_node() {
        // this node stopped heartbeating: the engine revived the execution and another node picked it and claimed
        // the job
        jdbc.sql("update import_job set claim = 'other-node#9' where id = ?").param(job).update();
        Chunk chunk = chunk(2, "F-1");

        assertThatThrownBy(() -> loader.load(layout, fence, chunk))
                .isInstanceOf(ChunkLoader.JobNoLongerRunningException.class);
        assertThat(jdbc.sql("select count(*) from gift_card where project_id = ?").param(project.id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select imported_rows || '/' || last_row_number from import_job where id = ?")
                .param(job).query(String.class).single()).isEqualTo("0/1");
    }

    @Test
    void a_chunk_loaded_beside_the_one_before_commits_after_it_and_sees_its_cards_as_earlier_rows() throws Exception {
        // the second chunk starts first and waits for its turn with its rows inserted
        Loads loads = loadSecondBesideFirst(chunk(2, "P-1", "P-2"), chunk(4, "P-3", "P-1"));

        assertThat(loads.first().imported()).isEqualTo(2);
        assertThat(loads.second().imported()).isEqualTo(1);
        assertThat(errors()).containsExactly(
                "5 Card P-1 CARD_NUMBER_DUPLICATE_IN_FILE: Card number 'P-1' duplicates row 2 of this file");
        assertThat(jdbc.sql("select imported_rows || '/' || failed_rows || '/' || last_row_number from import_job where id = ?")
                .param(job).query(String.class).single()).isEqualTo("3/1/5");
    }

    @Test
    void a_chunk_waiting_for_its_turn_gives_way_when_the_chunk_before_waits_for_one_of_its_numbers() throws Exception {
        // the second chunk inserts Q-2 first; the first chunk's insert of Q-2 then waits for the second's transaction,
        // which waits for the first chunk's turn: the second rolls back, lets the first commit, and loads again
        Loads loads = loadSecondBesideFirst(chunk(2, "Q-1", "Q-2"), chunk(4, "Q-2", "Q-3"));

        assertThat(loads.first().imported()).isEqualTo(2);
        assertThat(loads.second().imported()).isEqualTo(1);
        assertThat(jdbc.sql("select card_number || '@' || import_row_number from gift_card where import_job_id = ? "
                + "order by import_row_number").param(job).query(String.class).list())
                .containsExactly("Q-1@2", "Q-2@3", "Q-3@5");
        assertThat(errors()).containsExactly(
                "4 Card Q-2 CARD_NUMBER_DUPLICATE_IN_FILE: Card number 'Q-2' duplicates row 3 of this file");
    }

    @Test
    void a_chunk_rolls_back_when_the_chunk_before_it_did_not_commit() {
        Chunk chunk = chunk(4, "R-1");
        ChunkTurn before = ChunkTurn.start().next();
        before.complete(false);

        ChunkLoader.Loaded loaded = loader.load(layout, fence, chunk, true, before.next());

        assertThat(loaded.committed()).isFalse();
        assertThat(jdbc.sql("select count(*) from gift_card where project_id = ?").param(project.id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select imported_rows || '/' || last_row_number from import_job where id = ?")
                .param(job).query(String.class).single()).isEqualTo("0/1");
    }

    /** What the two chunks of a turn test came to. */
    private record Loads(ChunkLoader.Loaded first, ChunkLoader.Loaded second) {
    }

    /**
     * Loads {@code second} in the turn after {@code first}'s, on a thread of its own, straight into the cards; once it
     * waits for its turn (its transaction open), loads {@code first} on another thread.
     */
    private Loads loadSecondBesideFirst(Chunk first, Chunk second) throws Exception {
        ChunkTurn firstTurn = ChunkTurn.start().next();
        ChunkTurn secondTurn = firstTurn.next();
        CompletableFuture<ChunkLoader.Loaded> two = CompletableFuture.supplyAsync(
                () -> loadInTurn(second, secondTurn));
        awaitWaitingForItsTurn();
        assertThat(two).isNotDone();
        ChunkLoader.Loaded one = CompletableFuture.supplyAsync(() -> loadInTurn(first, firstTurn))
                .get(30, TimeUnit.SECONDS);
        return new Loads(one, two.get(30, TimeUnit.SECONDS));
    }

    /** A chunk of cards numbered {@code numbers}, from row {@code firstRow} on. */
    private Chunk chunk(long firstRow, String... numbers) {
        Chunk chunk = new Chunk(layout, 10);
        for (int i = 0; i < numbers.length; i++) {
            card(chunk, firstRow + i, numbers[i]);
        }
        return chunk;
    }

    private ChunkLoader.Loaded loadInTurn(Chunk chunk, ChunkTurn turn) {
        boolean goOn = false;
        try {
            ChunkLoader.Loaded loaded = loader.load(layout, fence, chunk, true, turn);
            goOn = loaded.committed();
            return loaded;
        } finally {
            turn.complete(goOn);
        }
    }

    /** A loader's transaction inserted its cards and waits, open, for its turn. */
    private void awaitWaitingForItsTurn() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from pg_stat_activity
                 where state = 'idle in transaction' and query like 'insert into gift_card%'
                """).query(Long.class).single() > 0);
    }

    @AfterEach
    void endJob() {
        jdbc.sql("delete from scheduled_tasks where task_name = 'import' and task_instance = ?")
                .param(Long.toString(job)).update();
        jdbc.sql("update import_job set status = 'COMPLETED', finished_at = now() where id = ? and status = 'RUNNING'")
                .param(job).update();
    }

    private void card(Chunk chunk, long row, String number) {
        chunk.addCard(row, List.of(number, "flex", "10", ""), pool, number, null, new BigDecimal("10.00"), null, null,
                null, "INACTIVE");
    }

    private List<String> errors() {
        return jdbc.sql("""
                        select row_number || ' ' || column_name || ' ' || value || ' ' || code || ': ' || message
                          from import_error where job_id = ? order by row_number, seq
                        """)
                .param(job).query(String.class).list();
    }
}
