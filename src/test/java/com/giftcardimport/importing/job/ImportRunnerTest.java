package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.security.TenantScope;
import com.giftcardimport.security.UserId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The runner on the job engine: jobs made directly in the database from files in the real file store, dead nodes
 * simulated by executions whose heartbeats stopped. (Fair dispatch between projects is {@link DispatchPolicyTest}'s:
 * it no longer races real imports here.)
 */
@SpringBootTest
@ActiveProfiles("test")
class ImportRunnerTest {

    static final List<String> HEADER = List.of("Card", "Pool", "Balance");
    static final ColumnMapping MAPPING = ColumnMapping.of(
            Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE), 3);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    ImportRunner runner;
    @Autowired
    ImportJobRepository jobs;
    @Autowired
    FileStore files;
    @Autowired
    ImportProgressBus bus;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    TenantScope scope;
    @Autowired
    ImportTestSupport support;

    TestProject project;

    @BeforeEach
    void project() {
        project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
    }

    @Test
    void an_import_whose_node_died_is_taken_over_after_its_last_committed_row_and_imports_no_card_twice()
            throws Exception {
        StringBuilder csv = new StringBuilder("Card,Pool,Balance\n");
        for (int row = 2; row <= 41; row++) {
            String number = row == 30 ? "R-10" : "R-" + row;          // row 30 repeats row 10
            String pool = row % 7 == 0 ? "nowhere" : "flex";           // rows 7, 14, 21, 28, 35 fail
            csv.append(number).append(',').append(pool).append(",10\n");
        }
        ImportJobId job = launch(csv.toString());
        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED_WITH_ERRORS");
        String before = snapshot(job);

        // the node that ran it died: its execution stays picked, and its heartbeats stopped a minute ago
        deadNodeHolds(job);
        // it had committed up to row 20: later rows, their errors and the end status are gone
        jdbc.sql("delete from gift_card where import_job_id = ? and import_row_number > 20").param(job.value()).update();
        jdbc.sql("delete from import_error where job_id = ? and row_number > 20").param(job.value()).update();
        jdbc.sql("""
                        update import_job set status = 'RUNNING', finished_at = null, total_rows = null,
                               last_row_number = 20,
                               imported_rows = (select count(*) from gift_card where import_job_id = ?),
                               failed_rows = (select count(distinct row_number) from import_error where job_id = ?)
                         where id = ?
                        """)
                .params(job.value(), job.value(), job.value()).update();
        support.storeFileAgain(project.id(), job, csv.toString());
        assertThat(snapshot(job)).isNotEqualTo(before);

        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED_WITH_ERRORS");
        await().atMost(TIMEOUT).until(() -> executions(job) == 0);
        assertThat(snapshot(job)).isEqualTo(before);
        assertThat(jdbc.sql("select message from import_error where job_id = ? and row_number = 30")
                .param(job.value()).query(String.class).single())
                .isEqualTo("Card number 'R-10' duplicates row 10 of this file");
        assertThat(jdbc.sql("select imported_rows || '+' || failed_rows || '=' || total_rows from import_job where id = ?")
                .param(job.value()).query(String.class).single()).isEqualTo("34+6=40");
    }

    @Test
    void an_import_whose_node_died_and_whose_file_is_gone_fails_with_a_message_instead_of_staying_running()
            throws Exception {
        ImportJobId job = launch("Card,Pool,Balance\nG-1,flex,1\n");
        support.awaitEnd(job, TIMEOUT);
        String fileId = jdbc.sql("select stored_file_id from import_job where id = ?").param(job.value())
                .query(String.class).single();
        files.delete(project.id(), fileId);
        deadNodeHolds(job);
        jdbc.sql("update import_job set status = 'RUNNING', finished_at = null where id = ?").param(job.value()).update();

        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select failure_message from import_job where id = ?").param(job.value())
                .query(String.class).single()).isEqualTo("The import was interrupted after row 2 (its server "
                        + "stopped), and its file is no longer available to resume it");
        assertThat(jdbc.sql("select failure_message_key || ' ' || array_to_string(failure_message_args, ',')"
                        + " from import_job where id = ?").param(job.value()).query(String.class).single())
                .as("kept as a key and arguments too, to be said in the reader's language")
                .isEqualTo("failure.import.interrupted 2");
    }

    @Test
    void counters_add_up_after_a_cancel_the_rows_not_loaded_count_as_not_processed() throws Exception {
        int rows = 400_000;
        ImportJobId job = launch(bigFile("C", rows));
        CountDownLatch loading = new CountDownLatch(1);
        ImportProgressBus.Subscription subscription = bus.subscribeJob(job, p -> {
            if (p.status() == ImportStatus.RUNNING && p.imported() > 0) {
                loading.countDown();
            }
        });
        assertThat(loading.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(scope.inProject(project.id(), () -> jobs.requestCancel(project.id(), job))).isTrue();
        runner.signalCancel(job);

        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("CANCELLED");
        subscription.remove();
        Map<String, Object> counters = jdbc.sql("""
                        select imported_rows, failed_rows, total_rows,
                               (select count(*) from gift_card g where g.import_job_id = j.id) as cards,
                               (select count(distinct row_number) from import_error e where e.job_id = j.id) as failed
                          from import_job j where id = ?
                        """)
                .param(job.value()).query().singleRow();
        long imported = (Long) counters.get("imported_rows");
        long total = (Long) counters.get("total_rows");
        assertThat(total).isEqualTo(rows);
        assertThat(imported).isPositive().isLessThan(rows).isEqualTo(counters.get("cards"));
        assertThat(counters.get("failed_rows")).isEqualTo(counters.get("failed"));
        assertThat(total - imported - (Long) counters.get("failed_rows")).as("not processed").isPositive();
    }

    @Test
    void a_project_runs_at_most_two_jobs_at_once_and_a_queued_one_cancels_at_once() throws Exception {
        List<ImportJobId> launched = new ArrayList<>();
        List<Long> maxRunning = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            launched.add(launch(bigFile("P" + i, 150_000)));
        }
        ImportJobId third = launched.get(2);
        await("the third import queued behind two running ones").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    maxRunning.add(jdbc.sql("select count(*) from import_job where project_id = ? and status = 'RUNNING'")
                            .param(project.id().value()).query(Long.class).single());
                    return support.status(third).equals("QUEUED") && runningCount() == 2;
                });
        assertThat(scope.inProject(project.id(), () -> jobs.cancelQueued(project.id(), third))).isTrue();
        runner.countRowsOfCancelled(project.id(), third);
        assertThat(support.status(third)).isEqualTo("CANCELLED");
        for (ImportJobId job : launched.subList(0, 2)) {
            assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED");
        }
        assertThat(maxRunning).allMatch(n -> n <= 2);
        await("the cancelled import's rows counted").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select total_rows from import_job where id = ?").param(third.value())
                        .query(Long.class).optional().orElse(null), total -> total != null);
        assertThat(jdbc.sql("select total_rows from import_job where id = ?").param(third.value())
                .query(Long.class).single()).isEqualTo(150_000);
        assertThat(jdbc.sql("select imported_rows + failed_rows from import_job where id = ?").param(third.value())
                .query(Long.class).single()).isZero();
    }

    /**
     * An execution of the job engine for {@code job}, picked by a node that stopped heartbeating a minute ago. Made
     * before the job is set RUNNING again: the dispatcher hands a running job without an execution to the engine
     * itself (which would resume it all the same).
     */
    private void deadNodeHolds(ImportJobId job) {
        await().atMost(TIMEOUT).until(() -> executions(job) == 0);   // the execution of its first run is done
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, last_heartbeat, version)
                        values ('import', ?, ?, now() - interval '1 minute', true, 'dead-node',
                                now() - interval '1 minute', 3)
                        """)
                .params(Long.toString(job.value()), Serializer.DEFAULT_JAVA_SERIALIZER.serialize(project.id().value()))
                .update();
    }

    private long executions(ImportJobId job) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'import' and task_instance = ?")
                .param(Long.toString(job.value())).query(Long.class).single();
    }

    private long runningCount() {
        return jdbc.sql("select count(*) from import_job where project_id = ? and status = 'RUNNING'")
                .param(project.id().value()).query(Long.class).single();
    }

    private ImportJobId launch(String csv) throws Exception {
        return launch(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private ImportJobId launch(InputStream content) throws Exception {
        StoredFile file = files.store(project.id(), "cards.csv", content);
        NewImportJob newJob = new NewImportJob(project.id(), ImportAction.ADD_GIFT_CARDS, "cards.csv",
                file.id(), file.size(), new FileFormat(StandardCharsets.UTF_8, ','), HEADER, MAPPING, null,
                new UserId(support.userId(project.admin())), "Test admin", null, UUID.randomUUID().toString());
        ImportJobId job = scope.inProject(project.id(), () -> jobs.insert(newJob)).orElseThrow();
        runner.dispatch();
        return job;
    }

    /** A file of {@code rows} valid rows, generated while it is read. */
    private static InputStream bigFile(String prefix, int rows) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream("Card,Pool,Balance\n".getBytes(StandardCharsets.UTF_8)));
        int step = 10_000;
        for (int from = 0; from < rows; from += step) {
            StringBuilder block = new StringBuilder();
            for (int i = from; i < Math.min(rows, from + step); i++) {
                block.append(prefix).append('-').append(i).append(",flex,").append(i % 1000).append(".50\n");
            }
            parts.add(new ByteArrayInputStream(block.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private String snapshot(ImportJobId job) {
        return jdbc.sql("""
                        select concat(j.status, ' ', j.imported_rows, ' ', j.failed_rows, ' ', j.total_rows, ' ',
                               j.last_row_number, ' | ',
                               (select string_agg(card_number || '@' || import_row_number, ',' order by import_row_number)
                                  from gift_card where import_job_id = j.id), ' | ',
                               (select string_agg(row_number || ':' || code || ':' || message, ',' order by row_number, seq)
                                  from import_error where job_id = j.id))
                          from import_job j where j.id = ?
                        """)
                .param(job.value()).query(String.class).single();
    }
}
