package com.giftcardimport.importing;

import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * How fast the in-process progress bus is (not a test: it runs only with {@code -Pbenchmark}, beside the import
 * benchmark). Prints, over {@value #RUNS} runs, the time from publishing a status change right after another event
 * to the listener receiving it, and the time a publisher spends handing over 1,000 events while the only listener
 * is stuck.
 */
class ProgressPushBenchmark {

    static final int RUNS = 50;

    @Test
    void measure() throws Exception {
        long[] statusChange = new long[RUNS];
        long[] publishWhileStuck = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            statusChange[run] = statusChangeNanos(run);
            publishWhileStuck[run] = publishWhileStuckNanos(run);
        }
        System.out.println(line("status change delivered after", statusChange));
        System.out.println(line("1,000 publishes with a stuck listener took", publishWhileStuck));
    }

    private static long statusChangeNanos(int run) throws InterruptedException {
        ImportProgressBus bus = new ImportProgressBus();
        try {
            ImportJobId job = ImportJobId.of(run + 1);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch completed = new CountDownLatch(1);
            bus.subscribeJob(job, p -> (p.status() == ImportStatus.COMPLETED ? completed : running).countDown());
            bus.publish(progress(job, ImportStatus.RUNNING));
            running.await();
            long start = System.nanoTime();
            bus.publish(progress(job, ImportStatus.COMPLETED));
            completed.await();
            return System.nanoTime() - start;
        } finally {
            bus.stop();
        }
    }

    private static long publishWhileStuckNanos(int run) throws InterruptedException {
        ImportProgressBus bus = new ImportProgressBus();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        try {
            ImportJobId job = ImportJobId.of(run + 1);
            bus.subscribeJob(job, p -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.publish(progress(job, ImportStatus.RUNNING));
            entered.await();
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                bus.publish(progress(job, i % 2 == 0 ? ImportStatus.QUEUED : ImportStatus.RUNNING));
            }
            return System.nanoTime() - start;
        } finally {
            release.countDown();
            bus.stop();
        }
    }

    private static ImportProgress progress(ImportJobId job, ImportStatus status) {
        return new ImportProgress(ProjectId.of(1), job, status, 1, 0, 100L, 2, Instant.now());
    }

    private static String line(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s: median %.2f ms, max %.2f ms (%d runs)", what,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
