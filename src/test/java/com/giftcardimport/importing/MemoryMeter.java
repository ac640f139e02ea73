package com.giftcardimport.importing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Measures what a piece of work costs in memory, for the resilience tests:
 * <ul>
 *   <li><b>allocated bytes</b> of the threads that do the work (the test thread, the import threads {@code import-*},
 *       the web server's request threads {@code http-nio-*}), from {@link com.sun.management.ThreadMXBean}: every
 *       byte those threads allocated while the meter ran, garbage included. A file that is streamed costs a few
 *       buffers; a file that is held or copied whole costs at least its size.</li>
 *   <li>optionally the <b>peak live heap</b>: every {@code liveHeapPeriodMillis} the meter forces a full GC and reads
 *       the heap used, so the peak is what was really held at once, not garbage waiting for a collection.</li>
 * </ul>
 * Thread allocation is sampled every few milliseconds, so pool threads that end during the work are counted too.
 */
public final class MemoryMeter implements AutoCloseable {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Pattern WORKERS =
            Pattern.compile("import-\\d+|db-scheduler-pool-\\d+-thread-\\d+|http-nio-.*");

    private final Predicate<String> threads;
    private final long testThread = Thread.currentThread().threadId();
    private boolean started;
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final long liveHeapPeriodMillis;
    private final long baselineHeap;
    private final Thread sampler;
    private volatile boolean stopped;
    private long peakHeap;

    private MemoryMeter(Predicate<String> threads, long liveHeapPeriodMillis) {
        this.threads = threads;
        this.liveHeapPeriodMillis = liveHeapPeriodMillis;
        if (liveHeapPeriodMillis > 0) {
            System.gc();
        }
        this.baselineHeap = MEMORY.getHeapMemoryUsage().getUsed();
        this.peakHeap = baselineHeap;
        sampleThreads();
        synchronized (this) {
            started = true;
        }
        this.sampler = Thread.ofPlatform().daemon().name("memory-meter").start(this::sample);
    }

    /** Allocation of the test thread, the import threads and the web server's request threads. */
    public static MemoryMeter ofWork() {
        return new MemoryMeter(MemoryMeter::worker, 0);
    }

    /** Like {@link #ofWork()}, and the peak live heap after a full GC every {@code periodMillis}. */
    public static MemoryMeter ofWorkAndLiveHeap(long periodMillis) {
        return new MemoryMeter(MemoryMeter::worker, periodMillis);
    }

    /**
     * The threads that read, check and load a file: an import's reader ({@code import-1}, …), the job engine's
     * executions that load its chunks ({@code db-scheduler-pool-…}) and the web server's request threads; not the
     * progress listener, bus and dispatcher, which serve every import of the JVM, other tests' too.
     */
    private static boolean worker(String threadName) {
        return WORKERS.matcher(threadName).matches();
    }


    /** Bytes the measured threads allocated since the start. */
    public synchronized long allocatedBytes() {
        sampleThreads();
        long sum = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            sum += e.getValue() - first.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** How much more heap was live at the peak than at the start (0 without live heap sampling). */
    public synchronized long peakLiveHeapGrowth() {
        return Math.max(0, peakHeap - baselineHeap);
    }

    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleThreads();
    }

    private void sample() {
        long nextHeap = System.nanoTime();
        while (!stopped) {
            sampleThreads();
            if (liveHeapPeriodMillis > 0 && System.nanoTime() >= nextHeap) {
                System.gc();
                long used = MEMORY.getHeapMemoryUsage().getUsed();
                synchronized (this) {
                    peakHeap = Math.max(peakHeap, used);
                }
                nextHeap = System.nanoTime() + liveHeapPeriodMillis * 1_000_000;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sampleThreads() {
        long[] ids = THREADS.getAllThreadIds();
        java.lang.management.ThreadInfo[] infos = THREADS.getThreadInfo(ids, 0);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || bytes[i] < 0 || !(ids[i] == testThread || threads.test(infos[i].getThreadName()))) {
                continue;
            }
            // a thread that started after the meter allocated everything it did while measured
            first.putIfAbsent(ids[i], started ? 0L : bytes[i]);
            last.put(ids[i], bytes[i]);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f MB allocated, %.1f MB peak live heap growth",
                allocatedBytes() / 1048576.0, peakLiveHeapGrowth() / 1048576.0);
    }
}
