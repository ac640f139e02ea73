package com.giftcardimport.importing;

import com.giftcardimport.project.ProjectId;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Progress events of import jobs on this node, per project and per job. Thread-safe. They come from the database,
 * whichever node runs the job: every committed change of a job row is announced with PostgreSQL NOTIFY and handed to
 * {@link #publish} by the node's listener ({@code importing.job.ProgressListener}).
 * <p>
 * Publishing never blocks the import: the newest state of each job is kept (older, undelivered states of the same
 * job are replaced) and one dispatcher thread hands it to the listeners, at most every {@link #MIN_INTERVAL} per
 * job, except that a status change goes out at once. A slow or failing listener delays other listeners, never
 * an import. Listeners run on the dispatcher thread: a Vaadin view should hand over with {@code ui.access(...)}.
 * <p>
 * The bus itself does not check who listens; views subscribe through {@link ImportProgressFeed#subscribe} and
 * {@link ImportProgressFeed#subscribeJob}, which take the project from the current user.
 */
@Component
public class ImportProgressBus {

    /** The least time between two deliveries of the same job's progress, unless its status changed. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    /** Ends a subscription; calling it twice is harmless. */
    @FunctionalInterface
    public interface Subscription {
        void remove();
    }

    private static final Logger log = LoggerFactory.getLogger(ImportProgressBus.class);

    private final Map<ProjectId, List<Consumer<ImportProgress>>> byProject = new ConcurrentHashMap<>();
    private final Map<ImportJobId, List<Consumer<ImportProgress>>> byJob = new ConcurrentHashMap<>();
    private final Map<ImportJobId, ImportProgress> pending = new ConcurrentHashMap<>();
    private final Map<ImportJobId, Delivered> delivered = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread dispatcher;
    private volatile boolean running = true;
    /** Counts publications; guarded by {@link #lock}. */
    private long version;

    private record Delivered(ImportStatus status, long atNanos) {
    }

    public ImportProgressBus() {
        dispatcher = Thread.ofPlatform().name("import-progress").daemon().unstarted(this::dispatchLoop);
        dispatcher.start();
    }

    /** Every job of {@code project}. */
    public Subscription subscribeProject(ProjectId project, Consumer<ImportProgress> listener) {
        return add(byProject, project, listener);
    }

    /** One job. */
    public Subscription subscribeJob(ImportJobId job, Consumer<ImportProgress> listener) {
        return add(byJob, job, listener);
    }

    /** Hands a job's newest state to the listeners soon, without waiting for them. */
    public void publish(ImportProgress progress) {
        pending.merge(progress.jobId(), progress,
                (older, newer) -> newer.at().isBefore(older.at()) ? older : newer);
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        dispatcher.interrupt();
    }

    private static <K> Subscription add(Map<K, List<Consumer<ImportProgress>>> map, K key,
                                        Consumer<ImportProgress> listener) {
        map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> map.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void dispatchLoop() {
        while (running) {
            try {
                long seen;
                lock.lock();
                try {
                    seen = version;
                } finally {
                    lock.unlock();
                }
                long waitNanos = deliverDue();
                lock.lock();
                try {
                    if (version == seen && waitNanos > 0) {
                        changed.awaitNanos(waitNanos);
                    }
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Import progress dispatch failed", e);
            }
        }
    }

    /** Delivers what is due; answers how long to wait for the next one that is throttled. */
    private long deliverDue() {
        long now = System.nanoTime();
        long nextWait = TimeUnit.SECONDS.toNanos(1);
        for (Iterator<Map.Entry<ImportJobId, ImportProgress>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ImportJobId, ImportProgress> entry = it.next();
            ImportProgress progress = entry.getValue();
            Delivered last = delivered.get(entry.getKey());
            long since = last == null ? Long.MAX_VALUE : now - last.atNanos();
            boolean due = last == null || last.status() != progress.status() || since >= MIN_INTERVAL.toNanos();
            if (!due) {
                nextWait = Math.min(nextWait, MIN_INTERVAL.toNanos() - since);
                continue;
            }
            if (!pending.remove(entry.getKey(), progress)) {
                nextWait = 0;   // replaced meanwhile: look again at once
                continue;
            }
            delivered.put(entry.getKey(), new Delivered(progress.status(), now));
            deliver(progress);
            if (progress.status().isFinal()) {
                delivered.remove(entry.getKey());
            }
        }
        return Math.max(0, nextWait);
    }

    private void deliver(ImportProgress progress) {
        notify(byProject.get(progress.projectId()), progress);
        notify(byJob.get(progress.jobId()), progress);
    }

    private static void notify(List<Consumer<ImportProgress>> listeners, ImportProgress progress) {
        if (listeners == null) {
            return;
        }
        for (Consumer<ImportProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                log.warn("An import progress listener failed", e);
            }
        }
    }
}
