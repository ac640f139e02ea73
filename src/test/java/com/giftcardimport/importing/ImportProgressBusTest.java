package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportProgressBusTest {

    final ImportProgressBus bus = new ImportProgressBus();
    final ProjectId project = ProjectId.of(1);
    final ImportJobId job = ImportJobId.of(7);

    @AfterEach
    void stop() {
        bus.stop();
    }

    @Test
    void a_burst_of_progress_reaches_a_listener_at_most_about_four_times_a_second_and_ends_with_the_newest() throws Exception {
        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        bus.subscribeProject(project, seen::add);
        long start = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            bus.publish(progress(ImportStatus.RUNNING, i));
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(400);
        assertThat(seen.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 4) + 1);
        assertThat(seen.getLast().imported()).isEqualTo(100);
    }

    @Test
    void a_status_change_is_delivered_at_once_even_right_after_another_event() throws Exception {
        CountDownLatch completed = new CountDownLatch(1);
        List<ImportStatus> statuses = new CopyOnWriteArrayList<>();
        bus.subscribeJob(job, p -> {
            statuses.add(p.status());
            if (p.status() == ImportStatus.COMPLETED) {
                completed.countDown();
            }
        });
        bus.publish(progress(ImportStatus.RUNNING, 1));
        Thread.sleep(50);
        long before = System.nanoTime();
        bus.publish(progress(ImportStatus.COMPLETED, 2));
        assertThat(completed.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(200);
        assertThat(statuses).containsExactly(ImportStatus.RUNNING, ImportStatus.COMPLETED);
    }

    @Test
    void a_slow_listener_does_not_hold_up_the_publisher() {
        bus.subscribeProject(project, p -> sleep(2000));
        bus.publish(progress(ImportStatus.RUNNING, 1));
        long start = System.nanoTime();
        for (int i = 2; i < 1000; i++) {
            bus.publish(progress(i % 2 == 0 ? ImportStatus.RUNNING : ImportStatus.QUEUED, i));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }

    @Test
    void a_removed_subscription_hears_nothing_more_and_other_projects_are_not_heard() throws Exception {
        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        ImportProgressBus.Subscription subscription = bus.subscribeProject(project, seen::add);
        bus.publish(new ImportProgress(ProjectId.of(2), ImportJobId.of(8), ImportStatus.RUNNING, 1, 0, null, 2,
                Instant.now()));
        Thread.sleep(100);
        subscription.remove();
        bus.publish(progress(ImportStatus.COMPLETED, 5));
        Thread.sleep(100);
        assertThat(seen).isEmpty();
    }

    private ImportProgress progress(ImportStatus status, long imported) {
        return new ImportProgress(project, job, status, imported, 0, 100L, imported + 1, Instant.now());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
