package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.giftcardimport.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the bus promises, as behaviour: throttling, status changes not swallowed, publishers never held up, removed
 * subscriptions deaf. How fast it delivers is measured by {@link ProgressPushBenchmark}, not asserted here.
 */
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
            Thread.sleep(10);   // paces the publisher like a job's chunks; waits for nothing
        }
        await().until(() -> !seen.isEmpty() && seen.getLast().imported() == 100);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seen.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 4) + 1);
    }

    @Test
    void a_status_change_is_not_swallowed_by_the_throttle_right_after_another_event() {
        List<ImportStatus> statuses = new CopyOnWriteArrayList<>();
        bus.subscribeJob(job, p -> statuses.add(p.status()));
        bus.publish(progress(ImportStatus.RUNNING, 1));
        await().until(() -> statuses.contains(ImportStatus.RUNNING));
        bus.publish(progress(ImportStatus.COMPLETED, 2));
        await().until(() -> statuses.contains(ImportStatus.COMPLETED));
        assertThat(statuses).containsExactly(ImportStatus.RUNNING, ImportStatus.COMPLETED);
    }

    @Test
    void a_listener_that_never_returns_does_not_hold_up_the_publisher() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        bus.subscribeProject(project, p -> {
            entered.countDown();
            awaitQuietly(release);
        });
        bus.publish(progress(ImportStatus.RUNNING, 1));
        entered.await();
        // the listener is stuck: were publishing synchronous, the loop below would never end
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 2; i < 1000; i++) {
                bus.publish(progress(i % 2 == 0 ? ImportStatus.RUNNING : ImportStatus.QUEUED, i));
            }
        });
        release.countDown();
    }

    @Test
    void a_removed_subscription_hears_nothing_more_and_other_projects_are_not_heard() {
        List<ImportProgress> removed = new CopyOnWriteArrayList<>();
        List<ImportProgress> stillSubscribed = new CopyOnWriteArrayList<>();
        List<ImportProgress> otherProject = new CopyOnWriteArrayList<>();
        // subscribed first: the dispatcher calls it before the second listener of the same project
        ImportProgressBus.Subscription subscription = bus.subscribeProject(project, removed::add);
        bus.subscribeProject(project, stillSubscribed::add);
        bus.subscribeProject(ProjectId.of(2), otherProject::add);

        bus.publish(new ImportProgress(ProjectId.of(2), ImportJobId.of(8), ImportStatus.RUNNING, 1, 0, null, 2,
                Instant.now()));
        await().until(() -> !otherProject.isEmpty());
        subscription.remove();
        bus.publish(progress(ImportStatus.COMPLETED, 5));
        await().until(() -> !stillSubscribed.isEmpty());

        assertThat(stillSubscribed).extracting(ImportProgress::status).containsExactly(ImportStatus.COMPLETED);
        assertThat(removed).isEmpty();
    }

    private ImportProgress progress(ImportStatus status, long imported) {
        return new ImportProgress(project, job, status, imported, 0, 100L, imported + 1, Instant.now());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
