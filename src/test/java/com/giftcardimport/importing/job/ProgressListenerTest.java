package com.giftcardimport.importing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Progress travels through the database: a change of a job row committed by anyone (here the test, as another
 * node would) reaches this node's bus with the numbers the screens show, and still does after the listener's
 * connection was cut.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProgressListenerTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    ImportProgressBus bus;
    @Autowired
    ProgressListener listener;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    ImportTestSupport support;

    @Test
    void a_committed_change_of_an_import_made_elsewhere_reaches_the_bus_with_its_counters() {
        TestProject project = support.newProject();
        ImportJobId job = queuedJob(project);
        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        ImportProgressBus.Subscription subscription = bus.subscribeJob(job, seen::add);
        try {
            jdbc.sql("update import_job set status = 'COMPLETED_WITH_ERRORS', imported_rows = 40, failed_rows = 2, "
                    + "total_rows = 42, last_row_number = 43 where id = ?").param(job.value()).update();

            await().atMost(TIMEOUT).until(() -> seen.stream().anyMatch(p -> p.imported() == 40));
            ImportProgress progress = seen.stream().filter(p -> p.imported() == 40).findFirst().orElseThrow();
            assertThat(progress.projectId()).isEqualTo(project.id());
            assertThat(progress.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
            assertThat(progress.failed()).isEqualTo(2);
            assertThat(progress.totalOrEstimate()).isEqualTo(42);
            assertThat(progress.lastRowNumber()).isEqualTo(43);
        } finally {
            subscription.remove();
        }
    }

    @Test
    void the_listener_connects_again_when_its_connection_is_cut_and_progress_arrives_again() {
        TestProject project = support.newProject();
        ImportJobId job = queuedJob(project);
        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        ImportProgressBus.Subscription subscription = bus.subscribeJob(job, seen::add);
        try {
            await().atMost(TIMEOUT).until(listener::isListening);
            assertThat(jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where application_name = ?").param(ProgressListener.APPLICATION_NAME)
                    .query(Long.class).single()).isPositive();
            await().atMost(TIMEOUT).until(() -> !listener.isListening());
            await().atMost(TIMEOUT).until(listener::isListening);

            jdbc.sql("update import_job set imported_rows = 7 where id = ?")
                    .param(job.value()).update();
            await().atMost(TIMEOUT).until(() -> seen.stream().anyMatch(p -> p.imported() == 7));
        } finally {
            subscription.remove();
        }
    }

    private ImportJobId queuedJob(TestProject project) {
        return new ImportJobId(jdbc.sql("""
                        insert into import_job (project_id, import_type, import_action, original_file_name,
                                                stored_file_id, file_size, encoding, delimiter, header, mapping,
                                                estimated_rows, launched_by_user_id, launched_by_label,
                                                request_fingerprint, status)
                        values (?, 'LOYALTY_GIFT_CARDS', 'ADD_GIFT_CARDS', 'cards.csv', ?, 1, 'UTF-8', ',', '{a}',
                                '[null]', 100, ?, 'Test', 'x', 'CANCELLED')
                        -- ended: the dispatcher leaves it alone while the test changes its row
                        returning id
                        """)
                .params(project.id().value(), UUID.randomUUID().toString(), support.userId(project.admin()))
                .query(Long.class).single());
    }
}
